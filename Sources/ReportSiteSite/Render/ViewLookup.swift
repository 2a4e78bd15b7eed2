import ReportSiteCore

// Templates read the views by name: each view declares its fields once (`Field`) and answers them in
// `value(_:)`, a switch the compiler checks is complete. `docs/templates.md` lists them.
//
// One rule for a field with no value (an optional that is nil): `.optional` gives `.null`, which is false for a
// section and empty as a variable, and stops the lookup, so that a section without a label never shows the
// label of the view around it. Only a name the view does not have (`.absent`) is looked up outwards.

extension LayoutView: TemplateView {
    enum Field: String, CaseIterable {
        case siteTitle, language, root, pageTitle, canonical, inlineStyle, description, ogType, feed, crumbs, hasCrumbs
    }

    func value(_ name: String) -> TemplateValue {
        guard let field = Field(rawValue: name) else { return .absent }
        switch field {
        case .siteTitle: return .text(siteTitle)
        case .language: return .text(language)
        case .root: return .text(root)
        case .pageTitle: return .text(pageTitle)
        case .canonical: return .optional(canonical)
        case .inlineStyle: return .optional(inlineStyle)
        case .description: return .optional(description)
        case .ogType: return .text(ogType)
        case .feed: return .optional(feed)
        case .crumbs: return .views(crumbs)
        case .hasCrumbs: return .bool(!crumbs.isEmpty)
        }
    }
}

extension ReportPageView: TemplateView {
    enum Field: String, CaseIterable {
        case layout, report, toc, bodyHTML, footnotes, hasToc, hasFootnotes, newer, older, hasNeighbours, citeURL
    }

    func value(_ name: String) -> TemplateValue {
        guard let field = Field(rawValue: name) else { return .absent }
        switch field {
        case .layout: return .view(layout)
        case .report: return .view(report)
        case .toc: return .views(toc)
        case .bodyHTML: return .text(bodyHTML)
        case .footnotes: return .views(footnotes)
        case .hasToc: return .bool(hasToc)
        case .hasFootnotes: return .bool(hasFootnotes)
        case .newer: return .optional(newer)
        case .older: return .optional(older)
        case .hasNeighbours: return .bool(newer != nil || older != nil)
        case .citeURL: return .optional(citeURL)
        }
    }
}

extension ReportHeaderView: TemplateView {
    enum Field: String, CaseIterable {
        case symbol, title, subtitle, date, displayDate, body, author, mandate, session, agendaItem, status, excerpt, source, documentURL, paragraphCount, firstParagraph, lastParagraph, citedCount
    }

    func value(_ name: String) -> TemplateValue {
        guard let field = Field(rawValue: name) else { return .absent }
        switch field {
        case .symbol: return .text(symbol)
        case .title: return .text(title)
        case .subtitle: return .optional(subtitle)
        case .date: return .text(date)
        case .displayDate: return .text(displayDate)
        case .body: return .text(body)
        case .author: return .optional(author)
        case .mandate: return .optional(mandate)
        case .session: return .optional(session)
        case .agendaItem: return .optional(agendaItem)
        case .status: return .optional(status)
        case .excerpt: return .optional(excerpt)
        case .source: return .optional(source)
        case .documentURL: return .text(documentURL)
        case .paragraphCount: return .int(paragraphCount)
        case .firstParagraph: return .optional(firstParagraph)
        case .lastParagraph: return .optional(lastParagraph)
        case .citedCount: return .optional(citedCount)
        }
    }
}

extension BodyItemView: TemplateView {
    enum Field: String, CaseIterable {
        case heading, paragraph, html
    }

    func value(_ name: String) -> TemplateValue {
        guard let field = Field(rawValue: name) else { return .absent }
        switch field {
        case .heading: return .optional(heading)
        case .paragraph: return .optional(paragraph)
        case .html: return .optional(html)
        }
    }
}

extension HeadingView: TemplateView {
    enum Field: String, CaseIterable {
        case level, id, label, titleHTML, range
    }

    func value(_ name: String) -> TemplateValue {
        guard let field = Field(rawValue: name) else { return .absent }
        switch field {
        case .level: return .int(level)
        case .id: return .text(id)
        case .label: return .optional(label)
        case .titleHTML: return .text(titleHTML)
        case .range: return .optional(range)
        }
    }
}

extension ParagraphView: TemplateView {
    enum Field: String, CaseIterable {
        case anchor, number, incomplete, cutEnd, gap, parts, citedBy, hasCitedBy, rec
    }

    func value(_ name: String) -> TemplateValue {
        guard let field = Field(rawValue: name) else { return .absent }
        switch field {
        case .anchor: return .optional(anchor)
        case .number: return .int(number)
        case .incomplete: return .bool(incomplete)
        case .cutEnd: return .bool(cutEnd)
        case .gap: return .optional(gap)
        case .parts: return .views(parts)
        case .citedBy: return .views(citedBy)
        case .hasCitedBy: return .bool(!citedBy.isEmpty)
        case .rec: return .optional(rec)
        }
    }
}

extension PartView: TemplateView {
    enum Field: String, CaseIterable {
        case html, sub
    }

    func value(_ name: String) -> TemplateValue {
        guard let field = Field(rawValue: name) else { return .absent }
        switch field {
        case .html: return .optional(html)
        case .sub: return .optional(sub)
        }
    }
}

extension SubParagraphView: TemplateView {
    enum Field: String, CaseIterable {
        case id, label, printed, html, children, citedBy, hasCitedBy, rec
    }

    func value(_ name: String) -> TemplateValue {
        guard let field = Field(rawValue: name) else { return .absent }
        switch field {
        case .id: return .text(id)
        case .label: return .text(label)
        // As printed: `(a)`, and a review's decimal item `121.1` without parentheses.
        case .printed: return .text(label.contains(".") ? label : "(\(label))")
        case .html: return .text(html)
        case .children: return .views(children)
        case .citedBy: return .views(citedBy)
        case .hasCitedBy: return .bool(!citedBy.isEmpty)
        case .rec: return .optional(rec)
        }
    }
}

extension TocEntryView: TemplateView {
    enum Field: String, CaseIterable {
        case href, label, title, range, children, hasChildren
    }

    func value(_ name: String) -> TemplateValue {
        guard let field = Field(rawValue: name) else { return .absent }
        switch field {
        case .href: return .text(href)
        case .label: return .optional(label)
        case .title: return .text(title)
        case .range: return .optional(range)
        case .children: return .views(children)
        case .hasChildren: return .bool(hasChildren)
        }
    }
}

extension FootnoteView: TemplateView {
    enum Field: String, CaseIterable {
        case id, label, html, backrefs
    }

    func value(_ name: String) -> TemplateValue {
        guard let field = Field(rawValue: name) else { return .absent }
        switch field {
        case .id: return .text(id)
        case .label: return .text(label)
        case .html: return .text(html)
        case .backrefs: return .views(backrefs)
        }
    }
}

extension BackrefView: TemplateView {
    enum Field: String, CaseIterable {
        case href, index, many
    }

    func value(_ name: String) -> TemplateValue {
        guard let field = Field(rawValue: name) else { return .absent }
        switch field {
        case .href: return .text(href)
        case .index: return .int(index)
        case .many: return .bool(many)
        }
    }
}

extension FootnoteRefView: TemplateView {
    enum Field: String, CaseIterable {
        case id, href, label
    }

    func value(_ name: String) -> TemplateValue {
        guard let field = Field(rawValue: name) else { return .absent }
        switch field {
        case .id: return .text(id)
        case .href: return .text(href)
        case .label: return .text(label)
        }
    }
}

extension CitationLinkView: TemplateView {
    enum Field: String, CaseIterable {
        case href, text
    }

    func value(_ name: String) -> TemplateValue {
        guard let field = Field(rawValue: name) else { return .absent }
        switch field {
        case .href: return .text(href)
        case .text: return .text(text)
        }
    }
}

extension CitedByView: TemplateView {
    enum Field: String, CaseIterable {
        case href, label, last
    }

    func value(_ name: String) -> TemplateValue {
        guard let field = Field(rawValue: name) else { return .absent }
        switch field {
        case .href: return .text(href)
        case .label: return .text(label)
        case .last: return .bool(last)
        }
    }
}

extension GapView: TemplateView {
    enum Field: String, CaseIterable {
        case range, many
    }

    func value(_ name: String) -> TemplateValue {
        guard let field = Field(rawValue: name) else { return .absent }
        switch field {
        case .range: return .text(range)
        case .many: return .bool(many)
        }
    }
}

extension PageStartView: TemplateView {
    enum Field: String, CaseIterable {
        case id, page
    }

    func value(_ name: String) -> TemplateValue {
        guard let field = Field(rawValue: name) else { return .absent }
        switch field {
        case .id: return .text(id)
        case .page: return .int(page)
        }
    }
}

extension RecordView: TemplateView {
    enum Field: String, CaseIterable {
        case symbol, reportHref, href, paragraphLabel, section, date, displayDate, textHTML, assignedBy, others, hasOthers, recommendedBy, position
    }

    func value(_ name: String) -> TemplateValue {
        guard let field = Field(rawValue: name) else { return .absent }
        switch field {
        case .symbol: return .text(symbol)
        case .reportHref: return .text(reportHref)
        case .href: return .text(href)
        case .paragraphLabel: return .text(paragraphLabel)
        case .section: return .text(section)
        case .date: return .text(date)
        case .displayDate: return .text(displayDate)
        case .textHTML: return .text(textHTML)
        case .assignedBy: return .text(assignedBy)
        case .others: return .views(others)
        case .hasOthers: return .bool(!others.isEmpty)
        case .recommendedBy: return .optional(recommendedBy)
        case .position: return .optional(position)
        }
    }
}

extension TagView: TemplateView {
    enum Field: String, CaseIterable {
        case name, href
    }

    func value(_ key: String) -> TemplateValue {
        guard let field = Field(rawValue: key) else { return .absent }
        switch field {
        case .name: return .text(self.name)
        case .href: return .text(href)
        }
    }
}

extension RecommendationTagsView: TemplateView {
    enum Field: String, CaseIterable {
        case tags, recommendedBy, position
    }

    func value(_ name: String) -> TemplateValue {
        guard let field = Field(rawValue: name) else { return .absent }
        switch field {
        case .tags: return .views(tags)
        case .recommendedBy: return .optional(recommendedBy)
        case .position: return .optional(position)
        }
    }
}

extension PositionView: TemplateView {
    enum Field: String, CaseIterable {
        case label, href
    }

    func value(_ name: String) -> TemplateValue {
        guard let field = Field(rawValue: name) else { return .absent }
        switch field {
        case .label: return .text(label)
        case .href: return .optional(href)
        }
    }
}

extension IndexPageView: TemplateView {
    enum Field: String, CaseIterable {
        case layout, heading, reports, count, total, isAll, allHref, facets, pagination
    }

    func value(_ name: String) -> TemplateValue {
        guard let field = Field(rawValue: name) else { return .absent }
        switch field {
        case .layout: return .view(layout)
        case .heading: return .text(heading)
        case .reports: return .views(reports)
        case .count: return .int(count)
        case .total: return .int(total)
        case .isAll: return .bool(isAll)
        case .allHref: return .text(allHref)
        case .facets: return .views(facets)
        case .pagination: return .views(pagination)
        }
    }
}

extension IndexEntryView: TemplateView {
    enum Field: String, CaseIterable {
        case href, symbol, title, date, displayDate, body, author, status, excerpt
    }

    func value(_ name: String) -> TemplateValue {
        guard let field = Field(rawValue: name) else { return .absent }
        switch field {
        case .href: return .text(href)
        case .symbol: return .text(symbol)
        case .title: return .text(title)
        case .date: return .text(date)
        case .displayDate: return .text(displayDate)
        case .body: return .text(body)
        case .author: return .optional(author)
        case .status: return .optional(status)
        case .excerpt: return .optional(excerpt)
        }
    }
}

extension RecommendationsPageView: TemplateView {
    enum Field: String, CaseIterable {
        case layout, title, isAll, allHref, pagination, total, addressees, reports, hasReports, groups, countries, recommendingStates, positions,
             hasFacets
    }

    func value(_ name: String) -> TemplateValue {
        guard let field = Field(rawValue: name) else { return .absent }
        switch field {
        case .layout: return .view(layout)
        case .title: return .text(title)
        case .isAll: return .bool(isAll)
        case .allHref: return .text(allHref)
        case .pagination: return .views(pagination)
        case .total: return .int(total)
        case .addressees: return .views(addressees)
        case .reports: return .views(reports)
        case .hasReports: return .bool(hasReports)
        case .groups: return .views(groups)
        case .countries: return .views(countries)
        case .recommendingStates: return .views(recommendingStates)
        case .positions: return .views(positions)
        case .hasFacets: return .bool(!countries.isEmpty || !recommendingStates.isEmpty || !positions.isEmpty)
        }
    }
}

extension PaginationView: TemplateView {
    enum Field: String, CaseIterable {
        case number, count, previous, next, pages
    }

    func value(_ name: String) -> TemplateValue {
        guard let field = Field(rawValue: name) else { return .absent }
        switch field {
        case .number: return .int(number)
        case .count: return .int(count)
        case .previous: return .list(previous.map { .text($0) })
        case .next: return .list(next.map { .text($0) })
        case .pages: return .views(pages)
        }
    }
}

extension FilterLinkView: TemplateView {
    enum Field: String, CaseIterable {
        case label, count, href, current
    }

    func value(_ name: String) -> TemplateValue {
        guard let field = Field(rawValue: name) else { return .absent }
        switch field {
        case .label: return .text(label)
        case .count: return .int(count)
        case .href: return .text(href)
        case .current: return .bool(current)
        }
    }
}

extension RecommendationGroupView: TemplateView {
    enum Field: String, CaseIterable {
        case id, name, count, records
    }

    func value(_ name: String) -> TemplateValue {
        guard let field = Field(rawValue: name) else { return .absent }
        switch field {
        case .id: return .text(id)
        case .name: return .text(self.name)
        case .count: return .int(count)
        case .records: return .views(records)
        }
    }
}

extension Sitemap.View: TemplateView {
    enum Field: String, CaseIterable {
        case urls
    }

    func value(_ name: String) -> TemplateValue {
        guard let field = Field(rawValue: name) else { return .absent }
        switch field {
        case .urls: return .views(urls)
        }
    }
}

extension Sitemap.URLView: TemplateView {
    enum Field: String, CaseIterable {
        case loc, lastmod
    }

    func value(_ name: String) -> TemplateValue {
        guard let field = Field(rawValue: name) else { return .absent }
        switch field {
        case .loc: return .text(loc)
        case .lastmod: return .optional(lastmod)
        }
    }
}

extension CrumbView: TemplateView {
    enum Field: String, CaseIterable {
        case label, href
    }

    func value(_ name: String) -> TemplateValue {
        guard let field = Field(rawValue: name) else { return .absent }
        switch field {
        case .label: return .text(label)
        case .href: return .optional(href)
        }
    }
}

extension FacetView: TemplateView {
    enum Field: String, CaseIterable {
        case id, heading, links
    }

    func value(_ name: String) -> TemplateValue {
        guard let field = Field(rawValue: name) else { return .absent }
        switch field {
        case .id: return .text(id)
        case .heading: return .text(heading)
        case .links: return .views(links)
        }
    }
}

extension NeighbourView: TemplateView {
    enum Field: String, CaseIterable {
        case href, symbol, title, date, displayDate
    }

    func value(_ name: String) -> TemplateValue {
        guard let field = Field(rawValue: name) else { return .absent }
        switch field {
        case .href: return .text(href)
        case .symbol: return .text(symbol)
        case .title: return .text(title)
        case .date: return .text(date)
        case .displayDate: return .text(displayDate)
        }
    }
}
