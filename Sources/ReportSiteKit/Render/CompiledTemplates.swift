import Foundation
import Mustache

/// The templates of `Templates/`, compiled once at load into a small tree that renders typed views without
/// Mustache's per-lookup dynamic casts and reflection.
///
/// Measured (callgrind, 20 synthetic reports): Mustache rendering was a third of the build's instructions,
/// most of it in looking names up (`getChild`: casts of `Any` to `MustacheParent`, `Mirror`, sequence casts),
/// not in the text. Here a name is looked up by a direct call on the view (`TemplateView.value(_:)`) and the
/// result is an enum, so a section or a variable costs a switch.
///
/// The compiler reads the subset of Mustache the project's templates use: text, `{{name}}`, `{{{name}}}`,
/// `{{&name}}`, `{{.}}`, sections `{{#name}}`, inverted sections `{{^name}}`, comments and partials `{{> name}}`,
/// with Mustache's rules for standalone lines (the tokenizer follows swift-mustache's parser step by step).
/// A template using anything else (set delimiters, dotted names, transforms, inheritance, an indented
/// standalone partial) is not compiled: it, and every template including it, is rendered by Mustache as before.
/// The publisher edits the same `Templates/*.mustache` files either way.
struct CompiledTemplates {
    indirect enum Node {
        case text(String)
        /// A name is its parts (`layout.root` is `["layout", "root"]`).
        case variable([String], escaped: Bool)
        case section([String], [Node], inverted: Bool)
        case partial(String)
    }

    /// Templates that compiled, and whose partials (to any depth) compiled too.
    private(set) var templates: [String: [Node]] = [:]

    /// Compiles every template it can; `texts` are the templates' texts by name, all already parsed by Mustache.
    init(texts: [String: String]) {
        var compiled: [String: [Node]] = [:]
        for (name, text) in texts {
            if let nodes = try? Compiler.compile(text) { compiled[name] = nodes }
        }
        // Keep only those whose partials can all be rendered here.
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

    func canRender(_ name: String) -> Bool { templates[name] != nil }

    /// Renders a compiled template; nil when `name` was not compiled.
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
                case .absent: break
                case .text(let s): if escaped { TemplateEscaping.escape(s, into: &out) } else { out += s }
                case .int(let i): out += String(i)
                case .bool(let b): out += b ? "true" : "false"
                case .view(let v):
                    let s = String(describing: v)
                    if escaped { TemplateEscaping.escape(s, into: &out) } else { out += s }
                case .list(let l):
                    let s = String(describing: l.map(\.describingValue))
                    if escaped { TemplateEscaping.escape(s, into: &out) } else { out += s }
                }
            case .section(let name, let children, let inverted):
                let value = Self.lookup(name, in: stack)
                if inverted {
                    switch value {
                    case .absent: render(children, stack: &stack, into: &out)
                    case .bool(let b): if !b { render(children, stack: &stack, into: &out) }
                    case .list(let l):
                        // Mustache renders the inverted section of an empty list inside that list.
                        if l.isEmpty {
                            stack.append(value)
                            render(children, stack: &stack, into: &out)
                            stack.removeLast()
                        }
                    case .int, .text, .view: break
                    }
                    continue
                }
                switch value {
                case .absent: break
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

    /// Mustache's lookup: `.` is the innermost value; a name is asked of each enclosing view, innermost first;
    /// the further parts of a dotted name are asked of what the first part found.
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
    /// The view has no such name: the lookup goes on to the enclosing views (Mustache's rule).
    case absent
    case bool(Bool)
    case int(Int)
    case text(String)
    case view(any TemplateView)
    case list([TemplateValue])

    /// An optional: nil is `false` (the section is skipped and the lookup stops here).
    static func optional(_ s: String?) -> TemplateValue { s.map { .text($0) } ?? .bool(false) }
    static func optional(_ i: Int?) -> TemplateValue { i.map { .int($0) } ?? .bool(false) }
    static func optional(_ v: (any TemplateView)?) -> TemplateValue { v.map { .view($0) } ?? .bool(false) }
    /// An optional read by reflection before (no value: the lookup goes on to the enclosing views).
    static func reflected(_ s: String?) -> TemplateValue { s.map { .text($0) } ?? .absent }
    static func reflected(_ i: Int?) -> TemplateValue { i.map { .int($0) } ?? .absent }
    static func views(_ list: [some TemplateView]) -> TemplateValue { .list(list.map { .view($0) }) }

    /// The same value as Mustache is given it (for the templates Mustache renders).
    var mustacheValue: Any? {
        switch self {
        case .absent: return nil
        case .bool(let b): return b
        case .int(let i): return i
        case .text(let s): return s
        case .view(let v): return v
        case .list(let l): return l.map(\.describingValue)
        }
    }

    fileprivate var describingValue: Any { mustacheValue ?? false }
}

/// A view a template reads by name. Every view also serves Mustache through the same lookup (`child(named:)`),
/// so both engines see the same values.
protocol TemplateView: MustacheParent {
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

extension TemplateView {
    func child(named name: String) -> Any? { value(name).mustacheValue }
}

/// Mustache's escaping for HTML (`& < > " '`), with the same result byte for byte: swift-mustache escapes
/// character by character (a `"` carrying a combining mark is one character and is left as it is), so text
/// with both those five and non-ASCII goes the same way; plain ASCII is done on bytes.
enum TemplateEscaping {
    static func escape(_ text: String, into out: inout String) {
        var special = false
        var ascii = true
        for b in text.utf8 {
            if b >= 0x80 { ascii = false } else if b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x27 { special = true }
        }
        guard special else { out += text; return }
        if ascii {
            var start = text.utf8.startIndex
            var i = start
            let utf8 = text.utf8
            while i != utf8.endIndex {
                let replacement: String?
                switch utf8[i] {
                case 0x26: replacement = "&amp;"
                case 0x3C: replacement = "&lt;"
                case 0x3E: replacement = "&gt;"
                case 0x22: replacement = "&quot;"
                case 0x27: replacement = "&#39;"
                default: replacement = nil
                }
                if let replacement {
                    out += text[start..<i]
                    out += replacement
                    start = utf8.index(after: i)
                }
                i = utf8.index(after: i)
            }
            out += text[start..<utf8.endIndex]
            return
        }
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
    }

    static func escape(_ text: String) -> String {
        var out = ""
        escape(text, into: &out)
        return out
    }
}

/// The tokenizer: swift-mustache's parser (`MustacheTemplate.parse`) for the supported subset, step by step,
/// so that text around standalone tags is kept or dropped exactly as Mustache does.
private struct Compiler {
    struct Unsupported: Error {}

    let chars: [Character]
    var i = 0

    static func compile(_ text: String) throws -> [CompiledTemplates.Node] {
        var compiler = Compiler(chars: Array(text))
        return try compiler.parse(section: nil, newLine: true)
    }

    var atEnd: Bool { i >= chars.count }
    var current: Character { atEnd ? "\0" : chars[i] }

    mutating func read(while accept: (Character) -> Bool) -> String {
        var s = ""
        while !atEnd, accept(chars[i]) { s.append(chars[i]); i += 1 }
        return s
    }

    mutating func read(_ string: String) -> Bool {
        let want = Array(string)
        guard i + want.count <= chars.count, Array(chars[i..<(i + want.count)]) == want else { return false }
        i += want.count
        return true
    }

    /// Text up to a newline (not included) or up to and including `{{`.
    mutating func readText() -> String {
        var text = ""
        while !atEnd {
            let c = chars[i]
            if c == "\n" || c == "\r\n" { break }
            if c == "{" {
                if read("{{") { break }
                text.append(c)
                i += 1
                continue
            }
            text.append(c)
            i += 1
        }
        return text
    }

    static let nameChars = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    static let partialNameChars = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    mutating func name() throws -> [String] {
        _ = read(while: \.isWhitespace)
        let name = read(while: { Self.nameChars.contains($0) })
        _ = read(while: \.isWhitespace)
        guard read("}}") else { throw Unsupported() }
        if name == "." { return ["."] }
        // Transforms, the empty name and names with an empty part (`.a`, `a..b`) are left to Mustache.
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !parts.contains(where: \.isEmpty), !name.contains("("), !name.contains(")") else { throw Unsupported() }
        return parts
    }

    mutating func lineFinished() -> Bool {
        if atEnd { return true }
        var j = i
        while j < chars.count, chars[j] == " " || chars[j] == "\t" { j += 1 }
        if j < chars.count, chars[j].isNewline {
            i = j + 1
            return true
        }
        return false
    }

    mutating func parse(section: [String]?, newLine startsOnNewLine: Bool) throws -> [CompiledTemplates.Node] {
        var nodes: [CompiledTemplates.Node] = []
        var newLine = startsOnNewLine
        var whiteSpaceBefore = ""
        func standalone(_ compiler: inout Compiler) -> Bool { newLine && compiler.lineFinished() }
        while !atEnd {
            if newLine { whiteSpaceBefore = read(while: { $0 == " " || $0 == "\t" }) }
            let text = readText()
            if current.isNewline {
                nodes.append(.text(whiteSpaceBefore + text + String(current)))
                newLine = true
                i += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whiteSpaceBefore + text))
                whiteSpaceBefore = ""
                newLine = false
            }
            if atEnd { break }
            var setNewLine = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                i += 1
                let name = try name()
                if standalone(&self) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                let children = try parse(section: name, newLine: setNewLine ? newLine : false)
                nodes.append(.section(name, children, inverted: inverted))
            case "/":
                i += 1
                let name = try name()
                guard name == section else { throw Unsupported() }
                if !standalone(&self), !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(whiteSpaceBefore))
                }
                return nodes
            case "!":
                i += 1
                while !atEnd, !read("}}") { i += 1 }
                setNewLine = standalone(&self)
            case "{", "&":
                let triple = current == "{"
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                i += 1
                let name = try name()
                if triple { guard read("}") else { throw Unsupported() } }
                nodes.append(.variable(name, escaped: false))
            case ">":
                i += 1
                _ = read(while: \.isWhitespace)
                guard current != "*" else { throw Unsupported() }
                _ = read(while: \.isWhitespace)
                let name = read(while: { Self.partialNameChars.contains($0) })
                _ = read(while: \.isWhitespace)
                guard read("}}") else { throw Unsupported() }
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(whiteSpaceBefore)) }
                if standalone(&self) {
                    // Mustache indents every line of an indented standalone partial: left to it.
                    guard whiteSpaceBefore.isEmpty else { throw Unsupported() }
                    setNewLine = true
                }
                nodes.append(.partial(name))
                whiteSpaceBefore = ""
            case "<", "$", "=", "%":
                throw Unsupported()
            default:
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                nodes.append(.variable(try name(), escaped: true))
            }
            newLine = setNewLine
        }
        guard section == nil else { throw Unsupported() }
        return nodes
    }
}
