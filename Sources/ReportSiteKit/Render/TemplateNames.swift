/// The names a template may use, and the check of every template against them at load: a name no view
/// offers would render as an empty string on every page, so it is an error at its line and column (RS406),
/// with the closest known name. Sections are checked for balance too, so that a section never closed is
/// reported where it opens rather than at a later `{{/...}}` of another section.
///
/// The known names are those of every view (`TemplateView.Field`): a name is checked against all views, not
/// against the one in scope at that place of the template (a name of another view there still renders empty).
enum TemplateNames {
    /// Every view a template is rendered with. `TemplateNameTests` checks that every type that conforms to
    /// `TemplateView` in the sources is listed here.
    static let views: [any TemplateView.Type] = [
        LayoutView.self, ReportPageView.self, ReportHeaderView.self, BodyItemView.self, HeadingView.self,
        ParagraphView.self, PartView.self, SubParagraphView.self, TocEntryView.self, FootnoteView.self,
        BackrefView.self, FootnoteRefView.self, CitationLinkView.self, CitedByView.self, GapView.self,
        PageStartView.self, RecordView.self, TagView.self, RecommendationTagsView.self, IndexPageView.self,
        IndexEntryView.self, RecommendationsPageView.self, PaginationView.self, FilterLinkView.self,
        RecommendationGroupView.self, Sitemap.View.self, Sitemap.URLView.self, Sitemap.RobotsView.self,
        Sitemap.FeedView.self, Sitemap.FeedEntryView.self, CrumbView.self, FacetView.self, NeighbourView.self,
        SearchPageView.self, PositionView.self,
    ]

    static let known: Set<String> = Set(views.flatMap { $0.fieldNames })

    /// A tag of a template, as the check reads it.
    struct Tag {
        enum Kind { case variable, open, close, other }
        var kind: Kind
        var name: String
        var position: SourcePosition
    }

    /// The tags of a template with the default delimiters; nil when it sets other delimiters (`{{=<% %>=}}`),
    /// which this reader does not follow.
    static func tags(in text: String) -> [Tag]? {
        var tags: [Tag] = []
        let chars = Array(text)
        var i = 0, line = 1, column = 1
        func advance(_ n: Int) {
            for _ in 0..<n where i < chars.count {
                if chars[i] == "\n" { line += 1; column = 1 } else { column += 1 }
                i += 1
            }
        }
        while i < chars.count {
            guard chars[i] == "{", i + 1 < chars.count, chars[i + 1] == "{" else { advance(1); continue }
            let position = SourcePosition(line: line, column: column)
            advance(2)
            var triple = false
            if i < chars.count, chars[i] == "{" { triple = true; advance(1) }
            var inner = ""
            while i < chars.count, !(chars[i] == "}" && i + 1 < chars.count && chars[i + 1] == "}") {
                inner.append(chars[i])
                advance(1)
            }
            advance(2)
            if triple, i < chars.count, chars[i] == "}" { advance(1) }
            let body = inner.trimmingCharacters(in: .whitespaces)
            guard let sigil = body.first else { continue }
            let rest = String(body.dropFirst()).trimmingCharacters(in: .whitespaces)
            switch sigil {
            case "=": return nil
            case "!", ">", "<", "%": tags.append(Tag(kind: .other, name: rest, position: position))
            case "#", "^", "$": tags.append(Tag(kind: .open, name: rest, position: position))
            case "/": tags.append(Tag(kind: .close, name: rest, position: position))
            case "&": tags.append(Tag(kind: .variable, name: rest, position: position))
            default: tags.append(Tag(kind: .variable, name: body, position: position))
            }
        }
        return tags
    }

    /// The problems of one template's text: sections that do not close in order, names no view offers.
    /// `file` is the template's path as diagnostics show it.
    static func problems(in text: String, file: String, checkingNames: Bool = true) -> [Diagnostic] {
        guard let tags = tags(in: text) else { return [] }
        var problems: [Diagnostic] = []
        var open: [Tag] = []
        for tag in tags {
            switch tag.kind {
            case .open:
                open.append(tag)
            case .close:
                guard let top = open.last else {
                    problems.append(Diagnostic(.error, .templateSyntax, file: file, at: tag.position,
                                               "{{/\(tag.name)}} closes a section that was never opened",
                                               hint: "remove it, or open the section with {{#\(tag.name)}} before it"))
                    return problems
                }
                if top.name != tag.name {
                    problems.append(Diagnostic(.error, .templateSyntax, file: file, at: top.position,
                                               "the section {{#\(top.name)}} that opens here is never closed: {{/\(tag.name)}} at line \(tag.position.line), column \(tag.position.column) comes first",
                                               hint: "close it with {{/\(top.name)}} before {{/\(tag.name)}}"))
                    return problems
                }
                open.removeLast()
            case .variable, .other:
                break
            }
        }
        if let top = open.last {
            problems.append(Diagnostic(.error, .templateSyntax, file: file, at: top.position,
                                       "the section {{#\(top.name)}} that opens here is never closed",
                                       hint: "close it with {{/\(top.name)}}"))
            return problems
        }
        for tag in tags where checkingNames && (tag.kind == .variable || tag.kind == .open) {
            for name in names(in: tag.name) where !known.contains(name) {
                let shown = tag.kind == .open ? "{{#\(tag.name)}}" : "{{\(tag.name)}}"
                problems.append(Diagnostic(.error, .templateUnknownName, file: file, at: tag.position,
                                           "\(shown): no view of the site has a field '\(name)'; it would be empty on every page",
                                           hint: suggestion(for: name)))
            }
        }
        return problems
    }

    /// The view fields a tag's name reads: `layout.root` reads `layout` and `root`; `.` reads none; a transform
    /// `first(list)` reads `list` (its function is Mustache's).
    static func names(in name: String) -> [String] {
        var bare = name
        if let open = bare.firstIndex(of: "("), bare.hasSuffix(")") {
            bare = String(bare[bare.index(after: open)..<bare.index(before: bare.endIndex)])
        }
        guard bare != "." else { return [] }
        return bare.split(separator: ".").map(String.init)
    }

    static func suggestion(for name: String) -> String {
        let ranked = known.map { ($0, editDistance(name.lowercased(), $0.lowercased())) }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        if let best = ranked.first, best.1 <= max(2, name.count / 3) {
            return "did you mean '\(best.0)'? (docs/templates.md lists each view's fields)"
        }
        return "the fields of the views are listed in docs/templates.md"
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
