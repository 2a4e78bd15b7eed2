import ReportSiteCore
import ReportSiteReports

/// Builds the view of one report page from the document model and the page's declared inputs
/// (`ReportPageInputs`), and from nothing else.
struct ReportPage {
    /// The report's full model.
    let report: Report
    let inputs: ReportPageInputs
    let templates: TemplateSet
    /// Filled with the destination of every image of the page.
    var imageSources: ImageSources?

    func view() -> ReportPageView {
        let resolved = inputs.links
        var markup = MarkupRenderer(templates: templates)
        markup.imageSources = imageSources
        markup.noteAnchors = Dictionary(report.footnotes.map { ($0.label, $0.anchor) }, uniquingKeysWith: { a, _ in a })
        markup.citationHref = { i in
            let r = resolved[i]
            if let url = r.externalURL { return url }
            guard let target = r.target else { return nil }
            if target == report.symbol { return r.anchor.map { "#" + $0 } ?? SiteURL.relative(from: report.symbol, to: target) }
            return SiteURL.relative(from: report.symbol, to: target, anchor: r.anchor)
        }
        let m = report.metadata
        let paragraphs = report.paragraphs
        let header = ReportHeaderView(
            symbol: m.symbol.description, title: m.title, subtitle: m.subtitle, date: m.date,
            displayDate: DisplayDate.format(m.date), body: m.body, author: m.author, mandate: m.mandate,
            session: m.session, agendaItem: m.agendaItem, status: m.status, excerpt: m.excerpt, source: m.source,
            documentURL: SiteURL.document(inputs.settings.documents, symbol: m.symbol.description),
            paragraphCount: paragraphs.count, firstParagraph: paragraphs.first?.number, lastParagraph: paragraphs.last?.number,
            citedCount: inputs.citedCount > 0 ? inputs.citedCount : nil)
        let root = m.symbol.rootPrefix
        let config = inputs.settings.config
        let layout = LayoutView(
            config: config, root: root, pageTitle: "\(m.symbol): \(m.title)",
            canonical: config.baseURL.isEmpty ? nil : SiteURL.published(base: config.baseURL, symbol: m.symbol),
            description: [m.title, m.subtitle, m.body, DisplayDate.format(m.date)].compactMap { $0 }.joined(separator: ". "),
            ogType: "article",
            crumbs: [CrumbView(label: "Reports", href: root + "index.html"),
                     CrumbView(label: m.body, href: root + ReportListPages.facetPath(.body, m.body)),
                     CrumbView(label: m.symbol.description, href: nil)])
        // Where an excerpt passes over paragraphs, the reader is told at that place.
        var gaps: [Int: GapView] = [:]
        var previousNumber: Int?
        for (i, item) in report.body.enumerated() {
            guard case .paragraph(let p) = item else { continue }
            if m.isExcerpt, let previous = previousNumber, p.number > previous + 1 { gaps[i] = GapView(from: previous + 1, to: p.number - 1) }
            previousNumber = p.number
        }
        let items = report.body.enumerated().map { i, item -> BodyItemView in
            switch item {
            case .heading(let i):
                let s = report.sections[i]
                return BodyItemView(heading: HeadingView(
                    level: min(max(s.level, 2), 6), id: s.anchor, label: s.label, titleHTML: markup.inlines(s.title),
                    range: paragraphRange(s.firstParagraph, s.lastParagraph)))
            case .paragraph(let p):
                var view = paragraphView(p, markup: markup)
                view.gap = gaps[i]
                return BodyItemView(paragraph: view)
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
        let body = items.map { templates.render(.bodyItem, $0) }.joined()
        func neighbour(_ n: ReportPageInputs.Neighbour?) -> NeighbourView? {
            n.map { NeighbourView(href: SiteURL.relative(from: report.symbol, to: $0.metadata.symbol), symbol: $0.metadata.symbol.description,
                                  title: $0.metadata.title, date: $0.metadata.date, displayDate: DisplayDate.format($0.metadata.date)) }
        }
        return ReportPageView(layout: layout, report: header, toc: toc, bodyHTML: body, footnotes: footnotes,
                              hasToc: !toc.isEmpty, hasFootnotes: !footnotes.isEmpty, newer: neighbour(inputs.newer), older: neighbour(inputs.older),
                              citeURL: layout.canonical)
    }

    private func paragraphView(_ p: NumberedParagraph, markup: MarkupRenderer) -> ParagraphView {
        func sub(_ s: SubParagraph) -> SubParagraphView {
            SubParagraphView(id: s.anchor, label: s.label, html: markup.blocks(s.content), children: s.children.map(sub),
                             citedBy: citedBy(s.anchor), rec: recommendationTags(s.anchor))
        }
        let parts = p.content.map { part -> PartView in
            switch part {
            case .block(let b): return PartView(html: markup.blocks([b]))
            case .subParagraph(let s): return PartView(sub: sub(s))
            }
        }
        return ParagraphView(anchor: p.anchor, number: p.number, incomplete: p.isIncomplete, cutEnd: p.isCutAtEnd, parts: parts,
                             citedBy: p.anchor.map(citedBy) ?? [], rec: p.anchor.flatMap(recommendationTags))
    }

    /// The addressees of the recommendation at an anchor, each linking to its page of the index.
    private func recommendationTags(_ anchor: String) -> RecommendationTagsView? {
        guard let record = inputs.recommendations.first(where: { $0.anchor == anchor }) else { return nil }
        return RecommendationTagsView(tags: record.addressees.map { slug in
            TagView(name: inputs.addresseeNames[slug] ?? slug,
                    href: report.symbol.rootPrefix + RecommendationPages.addresseePath(slug))
        }, recommendedBy: record.recommendedBy.isEmpty ? nil : record.recommendedBy.joined(separator: ", "),
           position: PositionView(record, from: report.symbol, root: report.symbol.rootPrefix))
    }

    /// The places in other reports that cite an anchor of this page.
    private func citedBy(_ anchor: String) -> [CitedByView] {
        let places = inputs.citedBy[anchor] ?? []
        return places.enumerated().map { i, place in
            CitedByView(href: SiteURL.relative(from: report.symbol, to: place.source, anchor: place.anchor),
                        label: place.label, last: i == places.count - 1)
        }
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
