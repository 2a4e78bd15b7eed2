import ReportSiteCore

/// The names a template may use, and the check of every template against them at load: a name no view
/// offers would render as an empty string on every page, so it is an error at its line and column (RS406),
/// with the closest known name. (Sections are checked for balance when the template is compiled, so that a
/// section never closed is reported where it opens: `CompiledTemplates.compile`.)
///
/// The known names are those of every view (`TemplateView.Field`): a name is checked against all views, not
/// against the one in scope at that place of the template (a name of another view there still renders empty).
enum TemplateNames {
    /// Every view a template is rendered with. `TemplateNameTests` checks that every type that conforms to
    /// `TemplateView` in the sources is listed here.
    nonisolated(unsafe) static let views: [any TemplateView.Type] = [
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

    /// The problems of one template's text: a syntax error (RS403, from `TemplateTokenizer` and
    /// `CompiledTemplates.compile`), else every name no view offers (RS406). `file` is the template's path as
    /// diagnostics show it.
    static func problems(in text: String, file: String, checkingNames: Bool = true) -> [Diagnostic] {
        do {
            let tokens = try TemplateTokenizer.tokens(text)
            _ = try CompiledTemplates.compile(tokens)
            return checkingNames ? problems(tokens: tokens, file: file) : []
        } catch let error as TemplateSyntaxError {
            return [syntaxProblem(error, file: file)]
        } catch {
            return [Diagnostic(.error, .templateSyntax, file: file, at: nil, "the template cannot be read: \(error)")]
        }
    }

    static func syntaxProblem(_ error: TemplateSyntaxError, file: String) -> Diagnostic {
        Diagnostic(.error, .templateSyntax, file: file, at: error.position, error.message, hint: error.hint)
    }

    /// Every name of a template's tags that no view offers (RS406), with the closest known name.
    static func problems(tokens: [TemplateToken], file: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for tag in tokens where tag.readsName {
            for name in names(in: tag.name) where !known.contains(name) {
                problems.append(Diagnostic(.error, .templateUnknownName, file: file, at: tag.position,
                                           "\(tag.shown): no view of the site has a field '\(name)'; it would be empty on every page",
                                           hint: suggestion(for: name, among: known)))
            }
        }
        return problems
    }

    /// What a section puts in scope: a view of a known type, or a value without fields (text, a number, a flag),
    /// through which a name is looked up in the enclosing views.
    enum Frame {
        case view(any TemplateView.Type)
        case opaque

        var signature: String {
            switch self {
            case .view(let t): return String(reflecting: t)
            case .opaque: return "-"
            }
        }
    }

    /// Every name of the templates the renderer uses, checked against the views in scope at its place: the
    /// template's own view (`TemplateSchema.roots`) and those the enclosing sections put in scope, following
    /// partials into the scope they are included in. A name another view has, but none in scope, renders empty:
    /// it is an error at its place (RS406), with the closest field in scope. `texts`: the templates by name,
    /// already checked against all the views (`problems`); `file`: a template's path as diagnostics show it.
    static func scopeProblems(_ texts: [String: String], file: (String) -> String) -> [Diagnostic] {
        var problems: [String: Diagnostic] = [:]
        var visited: Set<String> = []
        func fields(_ frames: [Frame]) -> [String] {
            frames.flatMap { frame -> [String] in if case .view(let t) = frame { return t.fieldNames } else { return [] } }
        }
        /// The frame a name puts in scope, or the part no view in scope has.
        func resolve(_ name: String, in frames: [Frame]) -> (frame: Frame, missing: String?) {
            let parts = names(in: name)
            guard let first = parts.first else { return (.opaque, nil) }
            var current: Frame?
            for frame in frames.reversed() {
                if case .view(let t) = frame, t.fieldNames.contains(first) {
                    current = TemplateSchema.nested[ObjectIdentifier(t)]?[first].map { .view($0) } ?? .opaque
                    break
                }
            }
            guard var found = current else { return (.opaque, first) }
            for part in parts.dropFirst() {
                guard case .view(let t) = found else { return (.opaque, nil) }
                guard t.fieldNames.contains(part) else { return (.opaque, part) }
                found = TemplateSchema.nested[ObjectIdentifier(t)]?[part].map { .view($0) } ?? .opaque
            }
            return (found, nil)
        }
        func visit(_ template: String, _ stack: [Frame], depth: Int) {
            guard depth < 16, let text = texts[template], let tags = try? TemplateTokenizer.tokens(text),
                  visited.insert(template + "|" + stack.map(\.signature).joined(separator: ",")).inserted else { return }
            var frames = stack
            var opened: [Int] = []
            for tag in tags {
                switch tag.kind {
                case .section, .variable:
                    let (frame, missing) = resolve(tag.name, in: frames)
                    let key = "\(template):\(tag.position.line):\(tag.position.column)"
                    if let missing, TemplateNames.known.contains(missing) {
                        let inScope = fields(frames)
                        problems[key] = Diagnostic(
                            .error, .templateUnknownName, file: file(template), at: tag.position,
                            "\(tag.shown): no view in scope here has a field '\(missing)' (another view has); it would be empty on every page",
                            hint: suggestion(for: missing, among: Set(inScope)))
                    } else if case .variable = tag.kind, case .view(let type) = frame {
                        // A view, or a list of views, has no text of its own: the variable would be empty.
                        let fields = type.fieldNames.prefix(6).map { "{{\($0)}}" }.joined(separator: ", ")
                        problems[key] = Diagnostic(
                            .error, .templateUnknownName, file: file(template), at: tag.position,
                            "\(tag.shown): '\(tag.name)' is a view (or a list of views), not a text; it would be empty on every page",
                            hint: "open it as a section and show its fields: {{#\(tag.name)}}...{{/\(tag.name)}} (its fields: \(fields))")
                    }
                    if case .section(let inverted) = tag.kind {
                        opened.append(frames.count)
                        // An inverted section renders in the scope around it.
                        if !inverted { frames.append(frame) }
                    }
                case .close:
                    if let count = opened.popLast() { frames.removeLast(frames.count - count) }
                case .partial:
                    visit(tag.name, frames, depth: depth + 1)
                case .text, .comment:
                    break
                }
            }
        }
        for (name, root) in TemplateSchema.roots.sorted(by: { $0.key < $1.key }) { visit(name, [.view(root)], depth: 0) }
        return problems.keys.sorted().compactMap { problems[$0] }
    }

    /// The view fields a tag's name reads: `layout.root` reads `layout` and `root`; `.` reads none.
    static func names(in name: String) -> [String] {
        guard name != "." else { return [] }
        return name.split(separator: ".").map(String.init)
    }

    static func suggestion(for name: String, among candidates: Set<String>) -> String {
        let ranked = candidates.map { ($0, editDistance(name.lowercased(), $0.lowercased())) }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        if let best = ranked.first, best.1 <= max(2, name.count / 3) {
            return "did you mean '\(best.0)'? (docs/templates.md lists each view's fields)"
        }
        if candidates.count <= 40, candidates != known {
            return "the fields in scope here: " + candidates.sorted().joined(separator: ", ") + " (docs/templates.md lists each view's fields)"
        }
        return "the fields of the views are listed in docs/templates.md"
    }
}
