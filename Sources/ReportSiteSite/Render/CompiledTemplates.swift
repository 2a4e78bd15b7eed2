import Foundation
import ReportSiteCore

/// The templates of `Templates/`, compiled once at load into a small tree that renders typed views: the
/// site's only template engine.
///
/// A name is looked up by a direct call on the view (`TemplateView.value(_:)`) and the result is an enum, so a
/// section or a variable costs a switch (measured when Mustache rendered the pages: looking names up by casts
/// and reflection was a third of the build's instructions). The templates are Mustache, the subset
/// `TemplateTokenizer` reads; anything else is an error at load, at its line and column.
struct CompiledTemplates: Sendable {
    indirect enum Node: Sendable {
        case text(String)
        /// A name is its parts (`layout.root` is `["layout", "root"]`; `.` is `["."]`).
        case variable([String], escaped: Bool)
        case section([String], [Node], inverted: Bool)
        case partial(String)
    }

    /// Templates whose partials (to any depth) are all there.
    private(set) var templates: [String: [Node]] = [:]

    /// `trees`: every template compiled (`compile`), by name. A template that includes a partial that is not
    /// there is left out, so that it is never rendered with the partial's place empty; the load's checks report
    /// the missing partial (and `TemplateSet` refuses a set in which some `Name` is left out).
    init(trees: [String: [Node]]) {
        var compiled = trees
        var changed = true
        while changed {
            changed = false
            for (name, nodes) in compiled where !Self.partials(of: nodes).allSatisfy({ compiled[$0] != nil }) {
                compiled[name] = nil
                changed = true
            }
        }
        templates = compiled
    }

    /// A template's tree from its tokens; sections that do not close in order are an error where the section
    /// opens (RS403), or where a closing tag closes nothing.
    static func compile(_ tokens: [TemplateToken]) throws -> [Node] {
        var open: [(tag: TemplateToken, nodes: [Node])] = [(TemplateToken(kind: .comment, name: "", position: SourcePosition(line: 1, column: 1)), [])]
        func append(_ node: Node) {
            if case .text(let s) = node, case .text(let before)? = open[open.count - 1].nodes.last {
                open[open.count - 1].nodes[open[open.count - 1].nodes.count - 1] = .text(before + s)
            } else {
                open[open.count - 1].nodes.append(node)
            }
        }
        for token in tokens {
            switch token.kind {
            case .text(let s): append(.text(s))
            case .variable(let escaped): append(.variable(path(token.name), escaped: escaped))
            case .section: open.append((token, []))
            case .close:
                guard open.count > 1 else {
                    throw TemplateSyntaxError(position: token.position, message: "\(token.shown) closes a section that was never opened",
                                              hint: "remove it, or open the section with {{#\(token.name)}} before it")
                }
                let (tag, nodes) = open.removeLast()
                guard tag.name == token.name else {
                    throw TemplateSyntaxError(
                        position: tag.position,
                        message: "the section \(tag.shown) that opens here is never closed: \(token.shown) at line \(token.position.line), column \(token.position.column) comes first",
                        hint: "close it with {{/\(tag.name)}} before \(token.shown)")
                }
                append(.section(path(tag.name), nodes, inverted: tag.kind == .section(inverted: true)))
            case .comment: break
            case .partial: append(.partial(token.name))
            }
        }
        if open.count > 1, let tag = open.last?.tag {
            throw TemplateSyntaxError(position: tag.position, message: "the section \(tag.shown) that opens here is never closed",
                                      hint: "close it with {{/\(tag.name)}}")
        }
        return open[0].nodes
    }

    private static func path(_ name: String) -> [String] {
        name == "." ? ["."] : name.split(separator: ".").map(String.init)
    }

    func canRender(_ name: String) -> Bool { templates[name] != nil }

    /// Renders a template; nil when there is no such template (or one of its partials is missing).
    func render(_ name: String, _ view: TemplateValue) -> String? {
        guard let nodes = templates[name] else { return nil }
        var out = ""
        var stack: [TemplateValue] = [view]
        render(nodes, stack: &stack, into: &out)
        return out
    }

    private static func partials(of nodes: [Node]) -> [String] {
        nodes.flatMap { node -> [String] in
            switch node {
            case .partial(let name): return [name]
            case .section(_, let children, _): return partials(of: children)
            case .text, .variable: return []
            }
        }
    }

    private func render(_ nodes: [Node], stack: inout [TemplateValue], into out: inout String) {
        for node in nodes {
            switch node {
            case .text(let text):
                out += text
            case .variable(let name, let escaped):
                switch Self.lookup(name, in: stack) {
                // A view or a list has no text: the scope check (`TemplateNames`) says so at load.
                case .absent, .null, .view, .list: break
                case .text(let s): if escaped { HTMLEscaping.escape(s, into: &out) } else { out += s }
                case .int(let i): out += String(i)
                case .bool(let b): out += b ? "true" : "false"
                }
            case .section(let name, let children, let inverted):
                let value = Self.lookup(name, in: stack)
                if inverted {
                    // Rendered in the scope around it, when the value is missing, false or an empty list.
                    switch value {
                    case .absent, .null: render(children, stack: &stack, into: &out)
                    case .bool(let b): if !b { render(children, stack: &stack, into: &out) }
                    case .list(let l): if l.isEmpty { render(children, stack: &stack, into: &out) }
                    case .int, .text, .view: break
                    }
                    continue
                }
                switch value {
                case .absent, .null: break
                case .bool(let b): if b { render(children, stack: &stack, into: &out) }
                case .list(let items):
                    for item in items {
                        stack.append(item)
                        render(children, stack: &stack, into: &out)
                        stack.removeLast()
                    }
                case .int, .text, .view:
                    stack.append(value)
                    render(children, stack: &stack, into: &out)
                    stack.removeLast()
                }
            case .partial(let name):
                if let nodes = templates[name] { render(nodes, stack: &stack, into: &out) }
            }
        }
    }

    /// `.` is the innermost value; a name is asked of each enclosing view, innermost first, until one has the
    /// field (`.absent` means it has not; a field with no value, `.null`, stops the lookup: an inner view's
    /// missing label never shows its parent's). The further parts of a dotted name are asked of what the first
    /// part found.
    private static func lookup(_ path: [String], in stack: [TemplateValue]) -> TemplateValue {
        var value = lookup(path[0], in: stack)
        for part in path.dropFirst() {
            guard case .view(let v) = value else { return .absent }
            value = v.value(part)
        }
        return value
    }

    private static func lookup(_ name: String, in stack: [TemplateValue]) -> TemplateValue {
        if name == "." { return stack.last ?? .absent }
        var i = stack.count - 1
        while i >= 0 {
            if case .view(let v) = stack[i] {
                let value = v.value(name)
                if case .absent = value {} else {
                    if TemplateSchema.recorder.on { record(v, name, value) }
                    return value
                }
            }
            i -= 1
        }
        return .absent
    }

    private static func record(_ parent: any TemplateView, _ name: String, _ value: TemplateValue) {
        switch value {
        case .view(let child): TemplateSchema.recorder.note(parent, name, child)
        case .list(let items):
            for case .view(let child) in items { TemplateSchema.recorder.note(parent, name, child) }
        default: break
        }
    }
}

/// What a compiled template reads from a view.
enum TemplateValue {
    /// The view has no field of that name: the lookup goes on to the enclosing views.
    case absent
    /// The view has the field, and it holds no value (an optional that is nil): a section on it is skipped, an
    /// inverted one shown, a variable empty; the lookup stops here.
    case null
    case bool(Bool)
    case int(Int)
    case text(String)
    case view(any TemplateView)
    case list([TemplateValue])

    /// An optional field: nil is `.null`.
    static func optional(_ s: String?) -> TemplateValue { s.map { .text($0) } ?? .null }
    static func optional(_ i: Int?) -> TemplateValue { i.map { .int($0) } ?? .null }
    static func optional(_ v: (any TemplateView)?) -> TemplateValue { v.map { .view($0) } ?? .null }
    static func views(_ list: [some TemplateView]) -> TemplateValue { .list(list.map { .view($0) }) }
}

/// A view a template reads by name.
protocol TemplateView {
    /// The names the view answers, declared once: `value(_:)` switches over them, so the compiler checks that
    /// every name listed is answered and nothing else is. `TemplateNames` checks the templates against them.
    associatedtype Field: RawRepresentable, CaseIterable where Field.RawValue == String
    func value(_ name: String) -> TemplateValue
}

extension TemplateView {
    static var fieldNames: [String] { Field.allCases.map(\.rawValue) }
}

/// The views a view's fields hold (a view, a list of views, or one that may be absent), by field name: what a
/// section `{{#field}}` puts in scope. `TemplateNames` checks each name of a template against the views in scope
/// at its place; `TemplateNameTests` renders the site and checks that every view a field gave is declared here.
enum TemplateSchema {
    nonisolated(unsafe) static let nested: [ObjectIdentifier: [String: any TemplateView.Type]] = {
        func of(_ type: any TemplateView.Type, _ fields: [String: any TemplateView.Type]) -> (ObjectIdentifier, [String: any TemplateView.Type]) {
            (ObjectIdentifier(type), fields)
        }
        return Dictionary(uniqueKeysWithValues: [
            of(LayoutView.self, ["crumbs": CrumbView.self]),
            of(ReportPageView.self, ["layout": LayoutView.self, "report": ReportHeaderView.self, "toc": TocEntryView.self,
                                     "footnotes": FootnoteView.self, "newer": NeighbourView.self, "older": NeighbourView.self]),
            of(BodyItemView.self, ["heading": HeadingView.self, "paragraph": ParagraphView.self]),
            of(ParagraphView.self, ["gap": GapView.self, "parts": PartView.self, "citedBy": CitedByView.self, "rec": RecommendationTagsView.self]),
            of(PartView.self, ["sub": SubParagraphView.self]),
            of(SubParagraphView.self, ["children": SubParagraphView.self, "citedBy": CitedByView.self, "rec": RecommendationTagsView.self]),
            of(TocEntryView.self, ["children": TocEntryView.self]),
            of(FootnoteView.self, ["backrefs": BackrefView.self]),
            of(RecordView.self, ["others": TagView.self, "position": PositionView.self]),
            of(RecommendationTagsView.self, ["tags": TagView.self, "position": PositionView.self]),
            of(IndexPageView.self, ["layout": LayoutView.self, "reports": IndexEntryView.self, "facets": FacetView.self,
                                    "pagination": PaginationView.self]),
            of(RecommendationsPageView.self, ["layout": LayoutView.self, "pagination": PaginationView.self, "addressees": FilterLinkView.self,
                                              "reports": FilterLinkView.self, "groups": RecommendationGroupView.self,
                                              "countries": FilterLinkView.self, "recommendingStates": FilterLinkView.self,
                                              "positions": FilterLinkView.self]),
            of(PaginationView.self, ["pages": FilterLinkView.self]),
            of(RecommendationGroupView.self, ["records": RecordView.self]),
            of(Sitemap.View.self, ["urls": Sitemap.URLView.self]),
            of(Sitemap.FeedView.self, ["entries": Sitemap.FeedEntryView.self]),
            of(FacetView.self, ["links": FilterLinkView.self]),
            of(SearchPageView.self, ["layout": LayoutView.self]),
        ])
    }()

    /// The view each template the renderer asks for is rendered with.
    nonisolated(unsafe) static let roots: [String: any TemplateView.Type] = [
        "report": ReportPageView.self, "index": IndexPageView.self, "404": IndexPageView.self,
        "recommendations": RecommendationsPageView.self, "sitemap": Sitemap.View.self, "feed": Sitemap.FeedView.self,
        "robots": Sitemap.RobotsView.self, "search": SearchPageView.self, "inline/citation": CitationLinkView.self,
        "inline/footnote-ref": FootnoteRefView.self, "inline/page-start": PageStartView.self, "partials/body-item": BodyItemView.self,
    ]

    /// For the schema's test: every (view, field, view it gave) a render looked up, when `recording` is on.
    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var seen: Set<String> = []
        var on = false
        func note(_ parent: any TemplateView, _ name: String, _ child: any TemplateView) {
            guard on else { return }
            let entry = "\(type(of: parent)).\(name) -> \(type(of: child))"
            lock.lock()
            seen.insert(entry)
            lock.unlock()
        }
        var entries: Set<String> {
            lock.lock()
            defer { lock.unlock() }
            return seen
        }
    }

    static let recorder = Recorder()
}
