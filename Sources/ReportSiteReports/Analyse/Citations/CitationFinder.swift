import ReportSiteCore

/// Finds citations in the text of a report (not inside code, links or URLs) and replaces each by a
/// `.citation` inline that points into `Report.citations`. Runs after the body is structured, so that each
/// citation knows the paragraph, sub-paragraph or note that makes it.
struct CitationFinder {
    let scanner: CitationScanner
    private(set) var citations: [Citation] = []

    /// The length of each source line, to keep the approximate column of a citation inside its line.
    private let lineLengths: [Int]

    init(metadata: ReportMetadata, source: String) {
        let context = [metadata.body, metadata.mandate ?? ""].contains { $0.contains("Commission on Human Rights") }
        scanner = CitationScanner(commissionContext: context)
        lineLengths = TextLines.split(source).map(\.utf8.count)
    }

    /// `text.count` (Characters), without walking the grapheme clusters when every byte is one (ASCII but CR).
    static func characterCount(_ text: String) -> Int {
        UTF8Bytes.contains(text, where: { $0 >= 0x80 || $0 == 0x0D }) ? text.count : text.utf8.count
    }

    private func clamped(_ p: SourcePosition) -> SourcePosition {
        guard p.line >= 1, p.line <= lineLengths.count else { return SourcePosition(line: max(1, min(p.line, lineLengths.count)), column: 1) }
        return SourcePosition(line: p.line, column: max(1, min(p.column, lineLengths[p.line - 1])))
    }

    mutating func rewrite(_ report: inout Report) {
        report.body = report.body.map { item in
            switch item {
            case .heading: return item
            case .block(let b): return .block(rewrite(b, source: nil))
            case .paragraph(var p):
                p.content = p.content.map { part in
                    switch part {
                    case .block(let b): return .block(rewrite(b, source: p.anchor))
                    case .subParagraph(let s): return .subParagraph(rewrite(s))
                    }
                }
                return .paragraph(p)
            }
        }
        report.footnotes = report.footnotes.map { note in
            var n = note
            n.content = note.content.map { rewrite($0, source: note.anchor) }
            return n
        }
        report.citations = citations
    }

    private mutating func rewrite(_ sub: SubParagraph) -> SubParagraph {
        var s = sub
        s.content = sub.content.map { rewrite($0, source: sub.anchor) }
        s.children = sub.children.map { rewrite($0) }
        return s
    }

    private mutating func rewrite(_ block: Block, source: String?) -> Block {
        var b = block
        switch block.kind {
        case .paragraph(let c):
            var cursor = block.position
            b.kind = .paragraph(rewrite(c, cursor: &cursor, source: source))
        case .blockQuote(let c): b.kind = .blockQuote(c.map { rewrite($0, source: source) })
        case .list(var list):
            list.items = list.items.map { var item = $0; item.content = item.content.map { rewrite($0, source: source) }; return item }
            b.kind = .list(list)
        case .table(var table):
            table.rows = table.rows.map { row in row.map { var cursor = block.position; return rewrite($0, cursor: &cursor, source: source) } }
            b.kind = .table(table)
        default: break
        }
        return b
    }

    /// `cursor` follows the source position approximately (line exact, column from the text's length).
    private mutating func rewrite(_ inlines: [Inline], cursor: inout SourcePosition, source: String?) -> [Inline] {
        var out: [Inline] = []
        for inline in inlines {
            switch inline {
            case .text(let text):
                let links = scanner.scan(text)
                let length = Self.characterCount(text)
                guard !links.isEmpty else {
                    out.append(inline)
                    cursor.column += length
                    continue
                }
                // The scanner's ranges count Characters: walk the text once, from one range to the next.
                var offset = 0
                var index = text.startIndex
                for link in links where link.range.lowerBound >= offset && link.range.upperBound <= length {
                    let start = text.index(index, offsetBy: link.range.lowerBound - offset)
                    if start > index { out.append(.text(String(text[index..<start]))) }
                    let position = clamped(SourcePosition(line: cursor.line, column: cursor.column + link.range.lowerBound))
                    citations.append(Citation(kind: Citation.Kind(rawValue: link.kind.rawValue) ?? .document, text: link.text,
                                              symbol: link.symbol, paragraph: link.paragraph, paragraphEnd: link.paragraphEnd,
                                              section: link.section, position: position, sourceAnchor: source))
                    out.append(.citation(index: citations.count - 1, text: link.text))
                    index = text.index(start, offsetBy: link.range.count)
                    offset = link.range.upperBound
                }
                if index < text.endIndex { out.append(.text(String(text[index...]))) }
                cursor.column += length
            case .softBreak, .lineBreak:
                out.append(inline)
                cursor = SourcePosition(line: cursor.line + 1, column: 1)
            case .emphasis(let c):
                cursor.column += 1
                out.append(.emphasis(rewrite(c, cursor: &cursor, source: source)))
                cursor.column += 1
            case .strong(let c):
                cursor.column += 2
                out.append(.strong(rewrite(c, cursor: &cursor, source: source)))
                cursor.column += 2
            case .strikethrough(let c):
                cursor.column += 2
                out.append(.strikethrough(rewrite(c, cursor: &cursor, source: source)))
                cursor.column += 2
            case .code(let s):
                out.append(inline)
                cursor.column += s.count + 2
            case .footnoteReference(let label, _, _):
                out.append(inline)
                cursor.column += label.count + 3
            default:
                // Existing links and images are kept as written; raw HTML is dropped later.
                out.append(inline)
                cursor.column += inline.plainText.count + 4
            }
        }
        return out
    }
}
