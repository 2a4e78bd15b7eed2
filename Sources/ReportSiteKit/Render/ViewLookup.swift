// Templates read the views by name. Mustache would find the names by reflection (`Mirror`), which made
// rendering most of the build's time (measured: 1,000 reports, render 16 s); these lookups answer directly,
// to the compiled templates (`CompiledTemplates`) and, through `child(named:)`, to Mustache.
//
// An absent optional is `false` (`.optional`): a nil would make Mustache look the name up in the enclosing
// views, so that a section without a label would show its parent's. The views Mustache used to read by
// reflection keep its rule for nil (`.reflected`: the lookup goes on outwards), so that nothing changes.

extension LayoutView: TemplateView {
    func value(_ name: String) -> TemplateValue {
        switch name {
        case "siteTitle": return .text(siteTitle)
        case "language": return .text(language)
        case "root": return .text(root)
        case "pageTitle": return .text(pageTitle)
        case "canonical": return .optional(canonical)
        case "inlineStyle": return .optional(inlineStyle)
        case "description": return .optional(description)
        case "ogType": return .text(ogType)
        case "feed": return .optional(feed)
        case "crumbs": return .views(crumbs)
        case "hasCrumbs": return .bool(!crumbs.isEmpty)
        default: return .absent
        }
    }
}

extension ReportPageView: TemplateView {
    func value(_ name: String) -> TemplateValue {
        switch name {
        case "layout": return .view(layout)
        case "report": return .view(report)
        case "toc": return .views(toc)
        case "bodyHTML": return .text(bodyHTML)
        case "footnotes": return .views(footnotes)
        case "hasToc": return .bool(hasToc)
        case "hasFootnotes": return .bool(hasFootnotes)
        case "newer": return .optional(newer)
        case "older": return .optional(older)
        case "hasNeighbours": return .bool(newer != nil || older != nil)
        case "citeURL": return .optional(citeURL)
        default: return .absent
        }
    }
}

extension ReportHeaderView: TemplateView {
    func value(_ name: String) -> TemplateValue {
        switch name {
        case "symbol": return .text(symbol)
        case "title": return .text(title)
        case "subtitle": return .reflected(subtitle)
        case "date": return .text(date)
        case "displayDate": return .text(displayDate)
        case "body": return .text(body)
        case "author": return .reflected(author)
        case "mandate": return .reflected(mandate)
        case "session": return .reflected(session)
        case "agendaItem": return .reflected(agendaItem)
        case "status": return .reflected(status)
        case "excerpt": return .reflected(excerpt)
        case "source": return .reflected(source)
        case "documentURL": return .text(documentURL)
        case "paragraphCount": return .int(paragraphCount)
        case "firstParagraph": return .reflected(firstParagraph)
        case "lastParagraph": return .reflected(lastParagraph)
        case "citedCount": return .reflected(citedCount)
        default: return .absent
        }
    }
}

extension BodyItemView: TemplateView {
    func value(_ name: String) -> TemplateValue {
        switch name {
        case "heading": return .optional(heading)
        case "paragraph": return .optional(paragraph)
        case "html": return .optional(html)
        default: return .absent
        }
    }
}

extension HeadingView: TemplateView {
    func value(_ name: String) -> TemplateValue {
        switch name {
        case "level": return .int(level)
        case "id": return .text(id)
        case "label": return .optional(label)
        case "titleHTML": return .text(titleHTML)
        case "range": return .optional(range)
        default: return .absent
        }
    }
}

extension ParagraphView: TemplateView {
    func value(_ name: String) -> TemplateValue {
        switch name {
        case "anchor": return .optional(anchor)
        case "number": return .int(number)
        case "incomplete": return .bool(incomplete)
        case "cutEnd": return .bool(cutEnd)
        case "gap": return .optional(gap)
        case "parts": return .views(parts)
        case "citedBy": return .views(citedBy)
        case "hasCitedBy": return .bool(!citedBy.isEmpty)
        case "rec": return .optional(rec)
        default: return .absent
        }
    }
}

extension PartView: TemplateView {
    func value(_ name: String) -> TemplateValue {
        switch name {
        case "html": return .optional(html)
        case "sub": return .optional(sub)
        default: return .absent
        }
    }
}

extension SubParagraphView: TemplateView {
    func value(_ name: String) -> TemplateValue {
        switch name {
        case "id": return .text(id)
        case "label": return .text(label)
        // As printed: `(a)`, and a review's decimal item `121.1` without parentheses.
        case "printed": return .text(label.contains(".") ? label : "(\(label))")
        case "html": return .text(html)
        case "children": return .views(children)
        case "citedBy": return .views(citedBy)
        case "hasCitedBy": return .bool(!citedBy.isEmpty)
        case "rec": return .optional(rec)
        default: return .absent
        }
    }
}

extension TocEntryView: TemplateView {
    func value(_ name: String) -> TemplateValue {
        switch name {
        case "href": return .text(href)
        case "label": return .optional(label)
        case "title": return .text(title)
        case "range": return .optional(range)
        case "children": return .views(children)
        case "hasChildren": return .bool(hasChildren)
        default: return .absent
        }
    }
}

extension FootnoteView: TemplateView {
    func value(_ name: String) -> TemplateValue {
        switch name {
        case "id": return .text(id)
        case "label": return .text(label)
        case "html": return .text(html)
        case "backrefs": return .views(backrefs)
        default: return .absent
        }
    }
}

extension BackrefView: TemplateView {
    func value(_ name: String) -> TemplateValue {
        switch name {
        case "href": return .text(href)
        case "index": return .int(index)
        case "many": return .bool(many)
        default: return .absent
        }
    }
}

extension FootnoteRefView: TemplateView {
    func value(_ name: String) -> TemplateValue {
        switch name {
        case "id": return .text(id)
        case "href": return .text(href)
        case "label": return .text(label)
        default: return .absent
        }
    }
}

extension CitationLinkView: TemplateView {
    func value(_ name: String) -> TemplateValue {
        switch name {
        case "href": return .text(href)
        case "text": return .text(text)
        default: return .absent
        }
    }
}

extension CitedByView: TemplateView {
    func value(_ name: String) -> TemplateValue {
        switch name {
        case "href": return .text(href)
        case "label": return .text(label)
        case "last": return .bool(last)
        default: return .absent
        }
    }
}

extension GapView: TemplateView {
    func value(_ name: String) -> TemplateValue {
        switch name {
        case "range": return .text(range)
        case "many": return .bool(many)
        default: return .absent
        }
    }
}

extension PageStartView: TemplateView {
    func value(_ name: String) -> TemplateValue {
        switch name {
        case "id": return .text(id)
        case "page": return .int(page)
        default: return .absent
        }
    }
}

extension RecordView: TemplateView {
    func value(_ name: String) -> TemplateValue {
        switch name {
        case "symbol": return .text(symbol)
        case "reportHref": return .text(reportHref)
        case "href": return .text(href)
        case "paragraphLabel": return .text(paragraphLabel)
        case "section": return .text(section)
        case "date": return .text(date)
        case "displayDate": return .text(displayDate)
        case "textHTML": return .text(textHTML)
        case "assignedBy": return .text(assignedBy)
        case "others": return .views(others)
        case "hasOthers": return .bool(!others.isEmpty)
        default: return .absent
        }
    }
}

extension TagView: TemplateView {
    func value(_ key: String) -> TemplateValue {
        switch key {
        case "name": return .text(self.name)
        case "href": return .text(href)
        default: return .absent
        }
    }
}

extension RecommendationTagsView: TemplateView {
    func value(_ name: String) -> TemplateValue {
        switch name {
        case "tags": return .views(tags)
        default: return .absent
        }
    }
}

extension IndexPageView: TemplateView {
    func value(_ name: String) -> TemplateValue {
        switch name {
        case "layout": return .view(layout)
        case "heading": return .text(heading)
        case "reports": return .views(reports)
        case "count": return .int(count)
        case "total": return .int(total)
        case "isAll": return .bool(isAll)
        case "allHref": return .text(allHref)
        case "facets": return .views(facets)
        case "pagination": return .views(pagination)
        default: return .absent
        }
    }
}

extension IndexEntryView: TemplateView {
    func value(_ name: String) -> TemplateValue {
        switch name {
        case "href": return .text(href)
        case "symbol": return .text(symbol)
        case "title": return .text(title)
        case "date": return .text(date)
        case "displayDate": return .text(displayDate)
        case "body": return .text(body)
        case "author": return .reflected(author)
        case "status": return .reflected(status)
        case "excerpt": return .reflected(excerpt)
        default: return .absent
        }
    }
}

extension RecommendationsPageView: TemplateView {
    func value(_ name: String) -> TemplateValue {
        switch name {
        case "layout": return .view(layout)
        case "title": return .text(title)
        case "isAll": return .bool(isAll)
        case "allHref": return .text(allHref)
        case "pagination": return .views(pagination)
        case "total": return .int(total)
        case "addressees": return .views(addressees)
        case "reports": return .views(reports)
        case "hasReports": return .bool(hasReports)
        case "groups": return .views(groups)
        default: return .absent
        }
    }
}

extension PaginationView: TemplateView {
    func value(_ name: String) -> TemplateValue {
        switch name {
        case "number": return .int(number)
        case "count": return .int(count)
        case "previous": return .list(previous.map { .text($0) })
        case "next": return .list(next.map { .text($0) })
        case "pages": return .views(pages)
        default: return .absent
        }
    }
}

extension FilterLinkView: TemplateView {
    func value(_ name: String) -> TemplateValue {
        switch name {
        case "label": return .text(label)
        case "count": return .int(count)
        case "href": return .text(href)
        case "current": return .bool(current)
        default: return .absent
        }
    }
}

extension RecommendationGroupView: TemplateView {
    func value(_ name: String) -> TemplateValue {
        switch name {
        case "id": return .text(id)
        case "name": return .text(self.name)
        case "count": return .int(count)
        case "records": return .views(records)
        default: return .absent
        }
    }
}

extension Sitemap.View: TemplateView {
    func value(_ name: String) -> TemplateValue {
        switch name {
        case "urls": return .views(urls)
        default: return .absent
        }
    }
}

extension Sitemap.URLView: TemplateView {
    func value(_ name: String) -> TemplateValue {
        switch name {
        case "loc": return .text(loc)
        case "lastmod": return .reflected(lastmod)
        default: return .absent
        }
    }
}

extension CrumbView: TemplateView {
    func value(_ name: String) -> TemplateValue {
        switch name {
        case "label": return .text(label)
        case "href": return .optional(href)
        default: return .absent
        }
    }
}

extension FacetView: TemplateView {
    func value(_ name: String) -> TemplateValue {
        switch name {
        case "id": return .text(id)
        case "heading": return .text(heading)
        case "links": return .views(links)
        default: return .absent
        }
    }
}

extension NeighbourView: TemplateView {
    func value(_ name: String) -> TemplateValue {
        switch name {
        case "href": return .text(href)
        case "symbol": return .text(symbol)
        case "title": return .text(title)
        default: return .absent
        }
    }
}
