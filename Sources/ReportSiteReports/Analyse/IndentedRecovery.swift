import ReportSiteCore

/// A sub-paragraph `(b)` or a numbered paragraph `81.` indented by four spaces or a tab is an indented code
/// block to Markdown, and would lose its anchor. When such a code block holds nothing but plain paragraphs
/// (no footnote reference, no HTML, no nested code), it is read again without its indentation and taken as
/// what it looks like; `StructureCheck` still reports it (RS105), so that the author removes the indentation.
enum IndentedRecovery {
    /// The blocks the code block stands for, with their positions in the file; nil when it is not recoverable.
    /// A sub-paragraph is only recovered inside a numbered paragraph (`insideParagraph`).
    static func recover(_ block: Block, lines: StructureLines, insideParagraph: Bool) -> [Block]? {
        guard case .codeBlock(let info, let literal) = block.kind, info.isEmpty, isIndented(block, lines: lines) else { return nil }
        let literalLines = Array(literal.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard let first = literalLines.first else { return nil }
        switch StructureLines.start(of: first, indent: 0) {
        case .number(let n?, _, spaced: true) where n >= 1:
            break
        case .label(let label, spaced: true) where insideParagraph && SubParagraphGrouper.isLabel(label):
            break
        default:
            return nil
        }
        guard !literal.contains("[^"), !literal.contains("<") else { return nil }
        let parsed = MarkdownParser.parse(literal)
        guard !parsed.isEmpty, parsed.allSatisfy(isPlain) else { return nil }
        let startLine = block.position.line
        func shift(_ p: SourcePosition) -> SourcePosition {
            let source = lines.text(startLine + p.line - 1)
            let lit = p.line - 1 < literalLines.count ? literalLines[p.line - 1] : []
            let offset = source.count >= lit.count && source.suffix(lit.count).elementsEqual(lit) ? source.count - lit.count : 0
            return SourcePosition(line: startLine + p.line - 1, column: p.column + offset)
        }
        return parsed.map { shifted($0, by: shift) }
    }

    /// An indented code block, not a fenced one: its first line starts four columns in, with no fence.
    static func isIndented(_ block: Block, lines: StructureLines) -> Bool {
        let line = lines.text(block.position.line)
        let body = line.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        return StructureLines.indentColumns(line) >= 4 && StructureLines.fenceOpening(body) == nil
    }

    /// Paragraphs, and lists of paragraphs only.
    private static func isPlain(_ block: Block) -> Bool {
        switch block.kind {
        case .paragraph(let inlines):
            var plain = true
            forEachInline([block]) { inline, _ in
                switch inline {
                case .rawHTML, .footnoteReference, .image: plain = false
                default: break
                }
            }
            return plain && !inlines.isEmpty
        case .list(let list):
            return list.items.allSatisfy { $0.content.allSatisfy { if case .paragraph = $0.kind { return isPlain($0) } else { return false } } }
        default:
            return false
        }
    }

    private static func shifted(_ block: Block, by shift: (SourcePosition) -> SourcePosition) -> Block {
        switch block.kind {
        case .list(var list):
            list.items = list.items.map { item in
                var item = item
                item.position = shift(item.position)
                item.content = item.content.map { shifted($0, by: shift) }
                return item
            }
            return Block(.list(list), at: shift(block.position))
        default:
            return Block(block.kind, at: shift(block.position))
        }
    }
}
