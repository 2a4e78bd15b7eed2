import Mustache

// Templates read the views by name. Mustache would find the names by reflection (`Mirror`), which made
// rendering most of the build's time (measured: 1,000 reports, render 16 s); these lookups answer directly.

extension LayoutView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "siteTitle": return siteTitle
        case "language": return language
        case "root": return root
        case "pageTitle": return pageTitle
        case "canonical": return canonical as Any
        default: return nil
        }
    }
}

extension BodyItemView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "heading": return heading as Any
        case "paragraph": return paragraph as Any
        case "html": return html as Any
        default: return nil
        }
    }
}

extension HeadingView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "level": return level
        case "id": return id
        case "label": return label as Any
        case "titleHTML": return titleHTML
        case "range": return range as Any
        default: return nil
        }
    }
}

extension ParagraphView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "anchor": return anchor as Any
        case "number": return number
        case "incomplete": return incomplete
        case "parts": return parts
        default: return nil
        }
    }
}

extension PartView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "html": return html as Any
        case "sub": return sub as Any
        default: return nil
        }
    }
}

extension SubParagraphView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": return id
        case "label": return label
        case "html": return html
        case "children": return children
        default: return nil
        }
    }
}

extension TocEntryView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": return href
        case "label": return label as Any
        case "title": return title
        case "range": return range as Any
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
        case "label": return label
        case "html": return html
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
        case "label": return label
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
