import ReportSiteCore

/// Structure that the text shows and Markdown does not keep (issue 9): each such place is a warning at its
/// line, so that no paragraph, sub-paragraph or section anchor is lost without a word.
///
/// Lines: every line that starts like a numbered paragraph (`80. `, `82.With`) or a sub-paragraph (`(b) `),
/// outside front matter, fenced code and footnote definitions, either is the start of a paragraph or
/// sub-paragraph with its anchor, or gets a diagnostic here (or, for a repeated number, in
/// `ParagraphNumbering`). Headings: the kind of a printed number (roman, capital letter, arabic, `(a)`) must
/// fit its level: not the kind of its parent (one level too deep), not another kind than the heading before
/// it at the same level (one level too shallow).
struct StructureCheck {
    let file: String
    let lines: StructureLines
    let diagnostics: DiagnosticEngine

    // MARK: - Lines

    func checkLines(parsed: [Block], paragraphs: [NumberedParagraph], owners: [Int: Int], recovered: Set<Int>) {
        var anchored: [Int: String] = [:]
        var handled: Set<Int> = []
        func addSub(_ s: SubParagraph) {
            anchored[s.position.line] = s.anchor
            s.children.forEach(addSub)
        }
        for p in paragraphs {
            if let a = p.anchor { anchored[p.position.line] = a } else { handled.insert(p.position.line) }
            for case .subParagraph(let s) in p.content { addSub(s) }
        }
        let outline = Outline(parsed, lines: lines)
        for candidate in lines.candidates() {
            let line = candidate.line
            let at = SourcePosition(line: line, column: candidate.column)
            let shown = "`" + Self.shown(candidate) + "`"
            if let anchor = anchored[line] {
                if recovered.contains(line) {
                    diagnostics.warning(.indentedStructure, file: file, at: at,
                                        "\(shown) is indented by \(Self.indentation(candidate.indent)), so Markdown reads it as code; it is taken as \(Self.what(candidate.start)) anyway, anchored #\(anchor)",
                                        hint: "remove the indentation: \(Self.plural(candidate.start)) start at the beginning of the line")
                }
                continue
            }
            if handled.contains(line) { continue }
            let owner = Self.enclosingParagraph(line, outline: outline, paragraphs: paragraphs, owners: owners)
            let inner = outline.innermost(line)
            let anchor = Self.lostAnchor(candidate.start, owner: owner)
            if let inner, inner.kind == .indentedCode {
                diagnostics.warning(.indentedStructure, file: file, at: at,
                                    "\(Self.what(candidate.start)) is indented by \(Self.indentation(candidate.indent)), so Markdown reads it as code\(anchor)",
                                    hint: "remove the indentation: \(Self.plural(candidate.start)) start at the beginning of the line")
                continue
            }
            if !candidate.indent.isEmpty, StructureLines.indentColumns(candidate.indent[...]) >= 4 {
                let partOf = owner.map { "paragraph \($0.number)" } ?? "the text before it"
                diagnostics.warning(.indentedStructure, file: file, at: at,
                                    "\(Self.what(candidate.start)) is indented by \(Self.indentation(candidate.indent)), so Markdown reads it as part of \(Self.container(outline, line: line, inner: inner, partOf: partOf))\(anchor)",
                                    hint: "remove the indentation\(lines.isBlank(line - 1) ? "" : ", and leave a blank line before it"): \(Self.plural(candidate.start)) start at the beginning of the line")
                continue
            }
            let startsBlock = inner.map { $0.line == line && $0.kind == .paragraph } ?? false
            let partOf = owner.map { "paragraph \($0.number)" }
            switch candidate.start {
            case .number(let n, let text, spaced: false) where startsBlock:
                let word = text.prefix { !$0.isWhitespace }
                let number = String(candidate.text.prefix { $0.isASCII && $0.isNumber })
                let previous = paragraphs.last { $0.position.line < line }
                let looks = n != nil && n == previous.map({ $0.number + 1 }) ? "looks like paragraph \(number)" : "looks like a numbered paragraph"
                diagnostics.warning(.missingSpaceAfterNumber, file: file, at: at,
                                    "\(shown) \(looks) but has no space after the full stop; it is read as \(partOf.map { "part of \($0)" } ?? "text outside any numbered paragraph")",
                                    hint: "write `\(number). \(word)`")
            case .label(let label, spaced: false) where startsBlock:
                let rest = Self.restAfterLabel(candidate)
                diagnostics.warning(.missingSpaceAfterNumber, file: file, at: at,
                                    "\(shown) looks like sub-paragraph (\(label)) but has no space after the label; it is read as \(partOf.map { "part of \($0)" } ?? "text outside any numbered paragraph")",
                                    hint: "write `(\(label)) \(rest)`")
            case .label(let label, spaced: true) where startsBlock && !SubParagraphGrouper.isLabel(label):
                diagnostics.warning(.structureNotRecognised, file: file, at: at,
                                    "`(\(label))` is not a sub-paragraph label (a single letter, or a roman numeral after a letter), so this block gets no anchor",
                                    hint: "label sub-paragraphs (a), (b) ... and their items (i), (ii) ...; if it is not a sub-paragraph, begin the line with other text")
            case .label(let label, spaced: true) where startsBlock && owner == nil:
                diagnostics.warning(.subParagraphOutsideParagraph, file: file, at: at,
                                    "sub-paragraph (\(label)) stands outside any numbered paragraph, so it gets no anchor",
                                    hint: "sub-paragraphs belong to the numbered paragraph before them (`12. The ...`); move it there, or remove the label")
            case .label(let label, spaced: true) where startsBlock && owner?.content.first.map({ if case .block(let b) = $0 { return b.position.line == line } else { return false } }) == true:
                let number = owner!.number
                diagnostics.warning(.structureNotRecognised, file: file, at: at,
                                    "sub-paragraph (\(label)) comes before any text of paragraph \(number), so it is read as the paragraph's own text and gets no anchor",
                                    hint: "write the paragraph's text after its number (`\(number). The ...`), then its sub-paragraphs")
            case .number(nil, _, spaced: true) where startsBlock:
                diagnostics.warning(.structureNotRecognised, file: file, at: at,
                                    "\(shown) has a number of more than nine digits, which Markdown does not read as a numbered paragraph, so it gets no anchor",
                                    hint: "check the number: paragraph numbers have at most nine digits")
            default:
                let container = Self.container(outline, line: line, inner: inner, partOf: partOf)
                diagnostics.warning(.structureNotRecognised, file: file, at: at,
                                    "\(shown) looks like the start of \(Self.what(candidate.start)), but Markdown reads it as part of \(container), so it gets no anchor",
                                    hint: "leave a blank line before it, and start it at the beginning of the line")
            }
        }
    }

    /// `, and it gets no anchor para-81` / `para-80-b` (when the paragraph it would belong to is known).
    static func lostAnchor(_ start: StructureLines.Start, owner: NumberedParagraph?) -> String {
        switch start {
        case .number(let n, _, _): return n.map { ", and it gets no anchor \(Anchor.paragraph($0))" } ?? ""
        case .label(let l, _): return owner?.anchor.map { ", and it gets no anchor \($0)-\(l)" } ?? ""
        }
    }

    /// The numbered paragraph a line belongs to: the paragraph of the list item it stands in, or the one that
    /// took the top-level block it stands in; nil outside any (before the first, after a heading).
    static func enclosingParagraph(_ line: Int, outline: Outline, paragraphs: [NumberedParagraph], owners: [Int: Int]) -> NumberedParagraph? {
        guard let top = outline.topLevel(line) else { return nil }
        if top.kind == .listItem { return paragraphs.last { $0.position.line <= line } }
        guard let number = owners[top.line] else { return nil }
        return paragraphs.last { $0.number == number && $0.position.line <= line }
    }

    /// What encloses a line that did not start a block of its own.
    static func container(_ outline: Outline, line: Int, inner: Outline.Entry?, partOf: String?) -> String {
        guard let inner else { return partOf ?? "the text before it" }
        let at = " that starts at line \(inner.line)"
        switch inner.kind {
        case .paragraph: return inner.line < line ? "the paragraph\(at)" : partOf ?? "the text before it"
        case .quote: return "the quotation\(at)"
        case .table: return "the table\(at)"
        case .html: return "the raw HTML\(at)"
        case .listItem: return "an item of a list\(at)"
        case .heading: return "the heading\(at)"
        default: return partOf ?? "the block\(at)"
        }
    }

    /// `82.With`, `(b)`, `(b)Text`: the start of the line as written.
    static func shown(_ c: StructureLines.Candidate) -> String {
        switch c.start {
        case .number(_, _, spaced: false), .label(_, spaced: false):
            return String(c.text.prefix { !$0.isWhitespace })
        case .number, .label:
            return String(c.text.prefix { $0 != "." && $0 != ")" }) + (c.text.first == "(" ? ")" : ".")
        }
    }

    /// `Text` in `(b)Text`.
    static func restAfterLabel(_ c: StructureLines.Candidate) -> String {
        guard case .label(let l, _) = c.start else { return "" }
        return String(c.text.dropFirst(l.count + 2).prefix { !$0.isWhitespace })
    }

    static func what(_ start: StructureLines.Start) -> String {
        switch start {
        case .number(let n, _, _): return n.map { "paragraph \($0)" } ?? "a numbered paragraph"
        case .label(let l, _): return "sub-paragraph (\(l))"
        }
    }

    static func plural(_ start: StructureLines.Start) -> String {
        if case .number = start { return "numbered paragraphs" }
        return "sub-paragraphs"
    }

    static func indentation(_ indent: [UInt8]) -> String {
        if indent.contains(UInt8(ascii: "\t")) { return indent.count == 1 ? "a tab" : "tabs and spaces" }
        return "\(indent.count) spaces"
    }
}

/// Every block of a parsed report with the line it starts on, in order: to tell which block a line belongs to.
struct Outline {
    enum Kind { case paragraph, indentedCode, fencedCode, quote, listItem, table, html, heading, footnote, other }
    struct Entry {
        var line: Int
        var kind: Kind
    }

    private(set) var entries: [Entry] = []
    /// The top-level blocks only (a list counts as its items).
    private(set) var tops: [Entry] = []

    init(_ blocks: [Block], lines: StructureLines) {
        var all: [Entry] = []
        var top: [Entry] = []
        func walk(_ blocks: [Block], depth: Int = 0) {
            for b in blocks {
                let before = all.count
                // At the top: the block's own entry, or a list's items (the numbered paragraphs).
                defer {
                    if depth == 0, before < all.count {
                        if case .list(let list) = b.kind {
                            top += list.items.map { Entry(line: $0.position.line, kind: .listItem) }
                        } else {
                            top.append(all[before])
                        }
                    }
                }
                switch b.kind {
                case .paragraph: all.append(Entry(line: b.position.line, kind: .paragraph))
                case .heading: all.append(Entry(line: b.position.line, kind: .heading))
                case .codeBlock(let info, _):
                    let indented = info.isEmpty && IndentedRecovery.isIndented(b, lines: lines)
                    all.append(Entry(line: b.position.line, kind: indented ? .indentedCode : .fencedCode))
                case .blockQuote(let inner):
                    all.append(Entry(line: b.position.line, kind: .quote))
                    walk(inner, depth: depth + 1)
                case .list(let list):
                    for item in list.items {
                        all.append(Entry(line: item.position.line, kind: .listItem))
                        walk(item.content, depth: depth + 1)
                    }
                case .table: all.append(Entry(line: b.position.line, kind: .table))
                case .htmlBlock, .pageMarker: all.append(Entry(line: b.position.line, kind: .html))
                case .footnoteDefinition(_, let inner):
                    all.append(Entry(line: b.position.line, kind: .footnote))
                    walk(inner, depth: depth + 1)
                case .thematicBreak: all.append(Entry(line: b.position.line, kind: .other))
                }
            }
        }
        walk(blocks)
        // Stable: a block before the blocks inside it that start on the same line.
        entries = all.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        tops = top.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }

    /// The top-level block (or numbered paragraph's list item) that starts on or before `line`, last.
    func topLevel(_ line: Int) -> Entry? { Self.last(in: tops, atOrBefore: line) }

    /// The innermost block that starts on or before `line` (the last one in reading order).
    func innermost(_ line: Int) -> Entry? { Self.last(in: entries, atOrBefore: line) }

    private static func last(in entries: [Entry], atOrBefore line: Int) -> Entry? {
        var low = 0, high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if entries[mid].line <= line { low = mid + 1 } else { high = mid }
        }
        return low > 0 ? entries[low - 1] : nil
    }
}

extension StructureCheck {
    /// A table row with more cells than the table has columns loses the cells beyond the last column (GFM):
    /// warned at the row (RS106). A `|` inside a cell, code included, must be written `\|`.
    func checkTables(_ blocks: [Block]) {
        for block in blocks {
            switch block.kind {
            case .table(let table):
                checkRows(of: table, at: block.position)
            case .blockQuote(let inner), .footnoteDefinition(_, let inner):
                checkTables(inner)
            case .list(let list):
                for item in list.items { checkTables(item.content) }
            default:
                break
            }
        }
    }

    private func checkRows(of table: Block.Table, at position: SourcePosition) {
        let columns = max(table.alignments.count, table.header.count)
        guard columns > 0 else { return }
        // The header and the delimiter row, then one row a line up to a blank line (or the rows cmark-gfm kept).
        var line = position.line + 2
        for _ in table.rows {
            let text = lines.text(line).dropFirst(max(position.column - 1, 0))
            if text.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { break }
            let cells = Self.cells(text)
            if cells > columns {
                let extra = cells - columns
                diagnostics.warning(.structureNotRecognised, file: file, at: SourcePosition(line: line, column: position.column),
                                    "this table row has \(cells) cells but the table has \(columns) columns, so its last \(extra == 1 ? "cell is" : "\(extra) cells are") left out of the page",
                                    hint: "write a | inside a cell as \\| (in code too), or add the column to the table's first row")
            }
            line += 1
        }
    }

    /// Cells of a table row as GFM splits it: at each `|` not escaped, the pipes at either end aside.
    static func cells(_ row: ArraySlice<UInt8>) -> Int {
        var r = row.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        while let last = r.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { r = r.dropLast() }
        var pipes: [Int] = []
        var escaped = false
        for (i, b) in r.enumerated() {
            if escaped { escaped = false; continue }
            if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "|") { pipes.append(i) }
        }
        var count = pipes.count + 1
        if pipes.first == 0 { count -= 1 }
        if let last = pipes.last, last == r.count - 1, r.count > 1 || pipes.first != 0 { count -= 1 }
        return max(count, 1)
    }
}
