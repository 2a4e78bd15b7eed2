import ReportSiteCore

/// The plain text of paragraphs and sub-paragraphs, as the index shows it and as the subject finder reads it:
/// what a reader sees, without markup, footnote markers, page markers or raw HTML, whitespace collapsed.
enum RecommendationText {
    /// The blocks of a paragraph (or of a sub-paragraph), one after the other.
    static func text(of blocks: [Block]) -> String {
        join(blocks.map(text(of:)))
    }

    static func text(of block: Block) -> String {
        switch block.kind {
        case .paragraph(let inlines), .heading(_, let inlines):
            return collapse(inlines.plainText)
        case .list(let list):
            return join(list.items.map { item in
                let body = text(of: item.content)
                guard list.ordered, let n = item.printedNumber else { return body }
                return "\(n)\(list.delimiter) \(body)"
            })
        case .blockQuote(let blocks):
            return text(of: blocks)
        case .codeBlock(_, let literal):
            return collapse(literal)
        case .table(let table):
            return join((table.header + table.rows.flatMap { $0 }).map { collapse($0.plainText) })
        case .htmlBlock, .thematicBreak, .footnoteDefinition, .pageMarker:
            return ""
        }
    }

    /// `(c) The Human Rights Council should ...`, its roman items nested in it: `(c) ... (i) ... (ii) ...`.
    /// `labelled: false` leaves out the sub-paragraph's own label (for a record of its own), not its children's.
    static func text(of sub: SubParagraph, labelled: Bool = true) -> String {
        let own = text(of: sub.content)
        // A decimal item is printed `121.1 Ratify ...`, a lettered one `(a) Ratify ...`.
        let label = sub.label.contains(".") ? sub.label : "(\(sub.label))"
        return join([labelled ? "\(label) \(own)" : own] + sub.children.map { text(of: $0) })
    }

    /// A heading as a record's section shows it: without the note marks a PDF prints at its end and the import kept as
    /// text, `II. Conclusions and/or recommendations∗∗` (A/HRC/27/3, U+2217) or `... recommendations**`.
    static func withoutNoteMarks(_ title: String) -> String {
        var t = Substring(title)
        while let last = t.unicodeScalars.last, "\u{2217}*\u{2020}\u{2021}".unicodeScalars.contains(last) || (last == " " && t.count > 1) {
            t = Substring(t.unicodeScalars.dropLast())
        }
        return t.isEmpty ? title : String(t)
    }

    static func join(_ parts: [String]) -> String {
        parts.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Runs of whitespace (line breaks included) become one space; no space at either end.
    static func collapse(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
