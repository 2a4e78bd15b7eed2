import Mustache

/// An absent value as the templates must see it: `false`. (A nil would make Mustache look the name up in the
/// enclosing views, so that a section without a label would show its parent's.)
private func present<T>(_ value: T?) -> Any { value.map { $0 as Any } ?? false }

// Templates read the views by name. Mustache would find the names by reflection (`Mirror`), which made
// rendering most of the build's time (measured: 1,000 reports, render 16 s); these lookups answer directly.

extension LayoutView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "siteTitle": return siteTitle
        case "language": return language
        case "root": return root
        case "pageTitle": return pageTitle
        case "canonical": return present(canonical)
        case "inlineStyle": return present(inlineStyle)
        default: return nil
        }
    }
}

extension BodyItemView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "heading": return present(heading)
        case "paragraph": return present(paragraph)
        case "html": return present(html)
        default: return nil
        }
    }
}

extension HeadingView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "level": return level
        case "id": return id
        case "label": return present(label)
        case "titleHTML": return titleHTML
        case "range": return present(range)
        default: return nil
        }
    }
}

extension ParagraphView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "anchor": return present(anchor)
        case "number": return number
        case "incomplete": return incomplete
        case "parts": return parts
        case "citedBy": return citedBy
        case "hasCitedBy": return !citedBy.isEmpty
        case "rec": return present(rec)
        default: return nil
        }
    }
}

extension PartView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "html": return present(html)
        case "sub": return present(sub)
        default: return nil
        }
    }
}

extension SubParagraphView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": return id
        case "label": return present(label)
        case "html": return present(html)
        case "children": return children
        case "citedBy": return citedBy
        case "hasCitedBy": return !citedBy.isEmpty
        case "rec": return present(rec)
        default: return nil
        }
    }
}

extension TocEntryView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": return href
        case "label": return present(label)
        case "title": return title
        case "range": return present(range)
        case "children": return children
        case "hasChildren": return hasChildren
        default: return nil
        }
    }
}

extension FootnoteView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": return id
        case "label": return present(label)
        case "html": return present(html)
        case "backrefs": return backrefs
        default: return nil
        }
    }
}

extension FootnoteRefView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": return id
        case "href": return href
        case "label": return present(label)
        default: return nil
        }
    }
}

extension CitationLinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": return href
        case "text": return text
        default: return nil
        }
    }
}

extension CitedByView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": return href
        case "label": return present(label)
        case "last": return last
        default: return nil
        }
    }
}

extension PageStartView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": return id
        case "page": return page
        default: return nil
        }
    }
}

extension RecordView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "symbol": return symbol
        case "reportHref": return reportHref
        case "href": return href
        case "paragraphLabel": return paragraphLabel
        case "section": return section
        case "date": return date
        case "displayDate": return displayDate
        case "textHTML": return textHTML
        case "assignedBy": return assignedBy
        case "others": return others
        case "hasOthers": return !others.isEmpty
        default: return nil
        }
    }
}

extension TagView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": return name
        case "href": return href
        default: return nil
        }
    }
}

extension RecommendationTagsView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "tags": return tags
        default: return nil
        }
    }
}
