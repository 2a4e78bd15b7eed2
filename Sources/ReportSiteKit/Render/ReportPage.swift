/// Builds the view of one report page from the document model.
struct ReportPage {
    let report: Report
    let corpus: Corpus
    let templates: TemplateSet

    func view() -> ReportPageView {
        let markup = MarkupRenderer(templates: templates)
        let m = report.metadata
        let paragraphs = report.paragraphs
        let header = ReportHeaderView(
            symbol: m.symbol.description, title: m.title, subtitle: m.subtitle, date: m.date,
            displayDate: DisplayDate.format(m.date), body: m.body, author: m.author, mandate: m.mandate,
            session: m.session, agendaItem: m.agendaItem, status: m.status, excerpt: m.excerpt, source: m.source,
            documentURL: SiteURL.document(corpus.config.documents, symbol: m.symbol.description),
            paragraphCount: paragraphs.count, firstParagraph: paragraphs.first?.number, lastParagraph: paragraphs.last?.number)
        let layout = LayoutView(
            siteTitle: corpus.config.title, language: corpus.config.language, root: m.symbol.rootPrefix,
            pageTitle: "\(m.symbol): \(m.title)",
            canonical: corpus.config.baseURL.isEmpty ? nil : SiteURL.published(base: corpus.config.baseURL, symbol: m.symbol))
        let items = report.body.map { item -> BodyItemView in
            switch item {
            case .heading(let i):
                let s = report.sections[i]
                return BodyItemView(heading: HeadingView(
                    level: min(max(s.level, 2), 6), id: s.anchor, label: s.label, titleHTML: markup.inlines(s.title),
                    range: paragraphRange(s.firstParagraph, s.lastParagraph)))
            case .paragraph(let p):
                return BodyItemView(paragraph: paragraphView(p, markup: markup))
            case .block(let b):
                return BodyItemView(html: markup.blocks([b]))
            }
        }
        let footnotes = report.footnotes.map { note in
            FootnoteView(id: note.anchor, label: note.label, html: markup.blocks(note.content),
                         backrefs: note.referenceAnchors.enumerated().map {
                             BackrefView(href: "#" + $0.element, index: $0.offset + 1, many: note.referenceAnchors.count > 1)
                         })
        }
        let toc = tocEntries(parent: nil)
        return ReportPageView(layout: layout, report: header, toc: toc, items: items, footnotes: footnotes,
                              hasToc: !toc.isEmpty, hasFootnotes: !footnotes.isEmpty)
    }

    private func paragraphView(_ p: NumberedParagraph, markup: MarkupRenderer) -> ParagraphView {
        func sub(_ s: SubParagraph) -> SubParagraphView {
            SubParagraphView(id: s.anchor, label: s.label, html: markup.blocks(s.content), children: s.children.map(sub))
        }
        let parts = p.content.map { part -> PartView in
            switch part {
            case .block(let b): return PartView(html: markup.blocks([b]))
            case .subParagraph(let s): return PartView(sub: sub(s))
            }
        }
        return ParagraphView(anchor: p.anchor, number: p.number, incomplete: p.isIncomplete, parts: parts)
    }

    private func tocEntries(parent: Int?) -> [TocEntryView] {
        report.sections.indices.filter { report.sections[$0].parent == parent }.map { i in
            let s = report.sections[i]
            let children = tocEntries(parent: i)
            return TocEntryView(href: "#" + s.anchor, label: s.label, title: s.title.plainText,
                                range: paragraphRange(s.firstParagraph, s.lastParagraph), children: children,
                                hasChildren: !children.isEmpty)
        }
    }
}
