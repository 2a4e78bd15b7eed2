import ReportSiteCore
import ReportSiteReports

/// Renders CommonMark blocks and inlines to HTML, as cmark's own HTML renderer would, in safe mode:
/// raw HTML is dropped and unsafe URLs are not linked. Everything from content is escaped here.
/// ReportSite's own markup (permalinks, footnote references, page anchors) comes from templates.
struct MarkupRenderer {
    let templates: TemplateSet
    /// The id of each footnote, by label (`*` -> `fn-star`).
    var noteAnchors: [String: String] = [:]
    /// Where each of the report's citations links, by index; nil leaves it as plain text.
    var citationHref: (Int) -> String? = { _ in nil }
    /// Told the destination of every image, as written (see `ReportImages`).
    var imageSources: ImageSources?

    func blocks(_ blocks: [Block]) -> String {
        var out = ""
        for b in blocks { block(b, into: &out) }
        return out
    }

    func block(_ block: Block, into out: inout String) {
        switch block.kind {
        case .paragraph(let content):
            out += "<p>"; inlines(content, into: &out); out += "</p>\n"
        case .heading(let level, let content):
            // Headings inside content are rendered by the report template; a nested one is plain text.
            out += "<p class=\"heading-\(min(max(level, 1), 6))\"><strong>"; inlines(content, into: &out); out += "</strong></p>\n"
        case .blockQuote(let content):
            out += "<blockquote>\n" + blocks(content) + "</blockquote>\n"
        case .codeBlock(_, let literal):
            out += "<pre><code>" + HTMLEscaping.escape(literal) + "</code></pre>\n"
        case .htmlBlock, .footnoteDefinition:
            break
        case .thematicBreak:
            out += "<hr>\n"
        case .pageMarker(let page):
            out += templates.render(.pageStart, PageStartView(page: page))
        case .list(let list):
            let tag = list.ordered ? "ol" : "ul"
            out += "<\(tag)" + (list.ordered && list.start != 1 ? " start=\"\(list.start)\"" : "") + ">\n"
            for item in list.items {
                out += "<li>"
                if list.tight, item.content.allSatisfy({ if case .paragraph = $0.kind { return true } else { return false } }) {
                    for (i, b) in item.content.enumerated() {
                        if i > 0 { out += "\n" }
                        if case .paragraph(let c) = b.kind { inlines(c, into: &out) }
                    }
                } else {
                    out += "\n" + blocks(item.content)
                }
                out += "</li>\n"
            }
            out += "</\(tag)>\n"
        case .table(let table):
            out += "<div class=\"table\"><table>\n<thead>\n"
            row(table.header, cell: "th", alignments: table.alignments, into: &out)
            out += "</thead>\n"
            if !table.rows.isEmpty {
                out += "<tbody>\n"
                for r in table.rows { row(r, cell: "td", alignments: table.alignments, into: &out) }
                out += "</tbody>\n"
            }
            out += "</table></div>\n"
        }
    }

    private func row(_ cells: [[Inline]], cell tag: String, alignments: [Block.Table.Alignment], into out: inout String) {
        out += "<tr>"
        for (i, c) in cells.enumerated() {
            let align: String
            switch i < alignments.count ? alignments[i] : .none {
            case .none: align = ""
            case .left: align = " class=\"left\""
            case .center: align = " class=\"center\""
            case .right: align = " class=\"right\""
            }
            out += "<\(tag)\(align)>"; inlines(c, into: &out); out += "</\(tag)>"
        }
        out += "</tr>\n"
    }

    func inlines(_ content: [Inline]) -> String {
        var out = ""
        inlines(content, into: &out)
        return out
    }

    func inlines(_ content: [Inline], into out: inout String) {
        for i in content { inline(i, into: &out) }
    }

    func inline(_ inline: Inline, into out: inout String) {
        switch inline {
        case .text(let s): HTMLEscaping.escape(s, into: &out)
        case .code(let s): out += "<code>" + HTMLEscaping.escape(s) + "</code>"
        case .emphasis(let c): out += "<em>"; inlines(c, into: &out); out += "</em>"
        case .strong(let c): out += "<strong>"; inlines(c, into: &out); out += "</strong>"
        case .strikethrough(let c): out += "<del>"; inlines(c, into: &out); out += "</del>"
        case .softBreak: out += "\n"
        case .lineBreak: out += "<br>\n"
        case .rawHTML: break
        case .link(let destination, let title, let children):
            guard let href = HTMLEscaping.safeURL(destination) else { inlines(children, into: &out); return }
            out += "<a href=\"" + HTMLEscaping.escape(href) + "\""
            if !title.isEmpty { out += " title=\"" + HTMLEscaping.escape(title) + "\"" }
            out += ">"; inlines(children, into: &out); out += "</a>"
        case .image(let source, let title, let alt):
            imageSources?.append(source)
            guard let src = HTMLEscaping.safeURL(source) else { out += HTMLEscaping.escape(alt.plainText); return }
            out += "<img src=\"" + HTMLEscaping.escape(src) + "\" alt=\"" + HTMLEscaping.escape(alt.plainText) + "\""
            if !title.isEmpty { out += " title=\"" + HTMLEscaping.escape(title) + "\"" }
            out += ">"
        case .citation(let index, let text):
            if let href = citationHref(index) {
                out += templates.render(.citation, CitationLinkView(href: href, text: text))
            } else {
                HTMLEscaping.escape(text, into: &out)
            }
        case .footnoteReference(let label, let anchor, _):
            let note = noteAnchors[label] ?? Anchor.footnote(FootnoteCollector.idPart(label))
            out += templates.render(.footnoteRef, FootnoteRefView(id: anchor, href: "#" + note, label: label))
        }
    }
}

struct PageStartView {
    let page: Int
    let id: String
    init(page: Int) { self.page = page; self.id = Anchor.page(page) }
}
struct FootnoteRefView { let id: String; let href: String; let label: String }
struct CitationLinkView { let href: String; let text: String }
