import ReportSiteCore

/// The places of a report that search finds: each a label as people cite it, the anchor a result links to,
/// and the text a reader sees there (without markup).
struct SearchUnit: Equatable {
    /// `para. 80`, `para. 91 (c)`, `footnote 12`, `IV. Conclusions and recommendations`, `title`.
    var label: String
    /// `para-80` ...; empty: the top of the page.
    var anchor: String
    var text: String
}

extension Report {
    /// In reading order: the report's heading (symbol, title, subtitle, author, mandate), then each heading with
    /// the text outside numbered paragraphs that follows it, each numbered paragraph (its own blocks) followed by
    /// its sub-paragraphs, then the footnotes.
    var searchUnits: [SearchUnit] {
        let m = metadata
        var units = [SearchUnit(label: "title", anchor: "",
                                text: [m.symbol.description, m.title, m.subtitle, m.author, m.mandate].compactMap { $0 }.joined(separator: ". "))]
        // Text outside numbered paragraphs goes with the heading before it (a heading's unit takes it in).
        var looseOpen = false
        for item in body {
            switch item {
            case .heading(let i):
                let s = sections[i]
                units.append(SearchUnit(label: s.fullTitle, anchor: s.anchor, text: s.title.plainText))
                looseOpen = true
            case .block(let b):
                let text = SearchPlain.blocks([b])
                guard !text.isEmpty else { continue }
                if looseOpen, var last = units.popLast() {
                    last.text += last.text.isEmpty ? text : "\n" + text
                    units.append(last)
                } else {
                    units.append(SearchUnit(label: "text", anchor: "", text: text))
                    looseOpen = true
                }
            case .paragraph(let p):
                looseOpen = false
                var own: [Block] = []
                var subs: [SubParagraph] = []
                for part in p.content {
                    switch part {
                    case .block(let b): own.append(b)
                    case .subParagraph(let s): subs.append(s)
                    }
                }
                units.append(SearchUnit(label: "para. \(p.number)", anchor: p.anchor ?? "", text: SearchPlain.blocks(own)))
                func add(_ s: SubParagraph) {
                    let id = Anchor.paragraphID(s.anchor) ?? s.label
                    units.append(SearchUnit(label: "para. " + ParagraphID.display(id), anchor: s.anchor, text: SearchPlain.blocks(s.content)))
                    s.children.forEach(add)
                }
                subs.forEach(add)
            }
        }
        for note in footnotes {
            units.append(SearchUnit(label: "footnote \(note.label)", anchor: note.anchor, text: SearchPlain.blocks(note.content)))
        }
        return units
    }
}

/// The text of blocks as a reader sees it: blocks separated by a line break, no markup; raw HTML and page
/// markers, which the page does not show as text, are left out.
enum SearchPlain {
    static func blocks(_ blocks: [Block]) -> String {
        var parts: [String] = []
        for b in blocks {
            let text = block(b)
            if !text.isEmpty { parts.append(text) }
        }
        return parts.joined(separator: "\n")
    }

    static func block(_ b: Block) -> String {
        switch b.kind {
        case .paragraph(let inlines), .heading(_, let inlines): return inlines.plainText
        case .list(let list): return list.items.map { blocks($0.content) }.filter { !$0.isEmpty }.joined(separator: "\n")
        case .blockQuote(let inner): return blocks(inner)
        case .codeBlock(_, let literal): return literal
        case .htmlBlock, .thematicBreak, .pageMarker: return ""
        case .table(let t):
            let rows = [t.header] + t.rows
            return rows.map { $0.map(\.plainText).joined(separator: " | ") }.joined(separator: "\n")
        case .footnoteDefinition(_, let content): return blocks(content)
        }
    }
}
