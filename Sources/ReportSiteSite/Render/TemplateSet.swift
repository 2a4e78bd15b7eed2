import Foundation
import ReportSiteCore

/// The site's look: the Mustache templates of `Templates/` (names are paths without `.mustache`:
/// `report`, `inline/footnote-ref`) and the static assets under `Templates/assets/`.
///
/// A template is never silently empty: every template the renderer asks for, and every partial a template
/// names with `{{> name}}`, must exist when the build starts; a file that does not parse, or uses what the
/// engine (`CompiledTemplates`) does not do, is reported at its line and column (RS403). The renderer names a
/// template by `Name` only, and a set loads only when every `Name` is compiled with all its partials: a render
/// cannot fail, so there is no failure to record while pages render in parallel.
package struct TemplateSet: Sendable {
    /// Every template the renderer renders (SiteRenderer, ReportPage, MarkupRenderer, RecommendationPages,
    /// SearchIndex, Sitemap). The partials these templates include are checked from their text. Every one is
    /// required but `search`: without `search.mustache` the site has no search page.
    public enum Name: String, CaseIterable, Sendable {
        case index, report, recommendations, sitemap, feed, robots, search
        case notFound = "404"
        case citation = "inline/citation"
        case footnoteRef = "inline/footnote-ref"
        case pageStart = "inline/page-start"
        case bodyItem = "partials/body-item"
    }

    /// The names of `Name`, as files are named (`inline/citation` is `inline/citation.mustache`).
    public static let required = Name.allCases.filter { $0 != .search }.map(\.rawValue)

    /// The templates, compiled (see `CompiledTemplates`).
    let compiled: CompiledTemplates
    public let directory: URL
    /// How a template's file is named in diagnostics (`Templates/inline/citation.mustache`).
    let displayPath: @Sendable (URL) -> String

    public enum Failure: Error, CustomStringConvertible {
        case missingDirectory(String)
        /// Every problem of the templates folder, as diagnostics (RS403-RS405).
        case problems([Diagnostic])

        public var description: String {
            switch self {
            case .missingDirectory(let d): return "\(d): error: the templates folder does not exist"
            case .problems(let list): return list.map(\.formatted).joined(separator: "\n")
            }
        }
    }

    public init(directory: URL, displayPath: @escaping @Sendable (URL) -> String = { $0.path }) throws {
        try self.init(directory: directory, displayPath: displayPath, checkingNames: true)
    }

    /// `checkingNames: false` leaves out the checks of required templates, partials and names: only for the
    /// engine's tests, which render templates of their own by name (`compiled`), never by `Name`.
    init(directory: URL, displayPath: @escaping @Sendable (URL) -> String, checkingNames: Bool) throws {
        self.directory = directory
        self.displayPath = displayPath
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Failure.missingDirectory(displayPath(directory))
        }
        var problems: [Diagnostic] = []
        var texts: [String: String] = [:]
        var trees: [String: [CompiledTemplates.Node]] = [:]
        // Links followed (a `partials/` shared by several sites): the templates are what a reader of the folder sees.
        let files = FolderWalk.paths(in: directory).filter { $0.hasSuffix(".mustache") }
        for file in files {
            let url = directory.appendingPathComponent(file)
            let name = String(file.dropLast(".mustache".count))
            guard let data = fm.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
                problems.append(Diagnostic(.error, .templateUnreadable, file: displayPath(url), at: nil,
                                           "the template cannot be read as UTF-8 text", hint: "save it as UTF-8"))
                continue
            }
            // A syntax error (RS403) at its tag; then the names no view has (RS406).
            let tokens: [TemplateToken]
            do {
                tokens = try TemplateTokenizer.tokens(text)
                trees[name] = try CompiledTemplates.compile(tokens)
                texts[name] = text
            } catch let error as TemplateSyntaxError {
                problems.append(TemplateNames.syntaxProblem(error, file: displayPath(url)))
                continue
            } catch {
                problems.append(Diagnostic(.error, .templateSyntax, file: displayPath(url), at: nil, "the template cannot be read: \(error)"))
                continue
            }
            if checkingNames { problems += TemplateNames.problems(tokens: tokens, file: displayPath(url)) }
        }
        let unparsed = Set(problems.map(\.file))
        for name in Self.required where checkingNames && texts[name] == nil {
            let url = directory.appendingPathComponent(name + ".mustache")
            guard !unparsed.contains(displayPath(url)) else { continue }
            problems.append(Diagnostic(.error, .templateMissing, file: displayPath(url), at: nil,
                                       "the template \(name) is missing; the site cannot be built without it",
                                       hint: "restore it from the project's Templates/ folder"))
        }
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            for partial in Self.partials(in: text) where checkingNames && texts[partial.name] == nil {
                let target = directory.appendingPathComponent(partial.name + ".mustache")
                guard !unparsed.contains(displayPath(target)) else { continue }
                problems.append(Diagnostic(.error, .templateMissing, file: displayPath(directory.appendingPathComponent(name + ".mustache")),
                                           at: partial.position,
                                           "the partial {{> \(partial.name)}} names a template that does not exist: \(displayPath(target))",
                                           hint: "restore \(displayPath(target)), or correct the name"))
            }
        }
        // Names of other views, where no view in scope has them (only when every name is some view's: one error a place).
        if checkingNames, !problems.contains(where: { $0.code == DiagnosticCode.templateUnknownName.rawValue }) {
            problems += TemplateNames.scopeProblems(texts) { displayPath(directory.appendingPathComponent($0 + ".mustache")) }
        }
        // A stylesheet or script a template links must be in assets/: one error at the link, not a broken link on every page.
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) where checkingNames {
            for link in Self.assetLinks(in: text) {
                var isDirectory: ObjCBool = false
                let asset = directory.appendingPathComponent(link.path)
                guard !fm.fileExists(atPath: asset.path, isDirectory: &isDirectory) || isDirectory.boolValue else { continue }
                problems.append(Diagnostic(.error, .templateMissing, file: displayPath(directory.appendingPathComponent(name + ".mustache")),
                                           at: link.position,
                                           "the template links \(link.path), which is not in the templates folder (\(displayPath(asset)))",
                                           hint: "restore \(displayPath(asset)) (the project's Templates/\(link.path)), or remove the link from the template"))
            }
        }
        guard problems.isEmpty else { throw Failure.problems(problems) }
        let compiled = CompiledTemplates(trees: trees)
        // What the checks above already said, kept true by construction: every `Name` renders.
        if checkingNames, let missing = Name.allCases.first(where: { (texts[$0.rawValue] != nil || Self.required.contains($0.rawValue)) && !compiled.canRender($0.rawValue) }) {
            let url = directory.appendingPathComponent(missing.rawValue + ".mustache")
            throw Failure.problems([Diagnostic(.error, .templateMissing, file: displayPath(url), at: nil,
                                               "the template \(missing.rawValue) cannot be rendered: a partial it includes is missing",
                                               hint: "restore the partials it names from the project's Templates/ folder")])
        }
        self.compiled = compiled
    }

    /// Renders a template with its view. It cannot fail: a set is made only when every `Name` is compiled with
    /// its partials (the engine's tests, which leave the checks out, never call this).
    func render(_ name: Name, _ view: some TemplateView) -> String {
        guard let text = compiled.render(name.rawValue, .view(view)) else {
            preconditionFailure("the template \(name.rawValue) is not compiled: a template set loaded without its checks was used to render a site")
        }
        return text
    }

    /// Every `{{> name}}` of a template's text, with its line and column (none when the text does not parse).
    static func partials(in text: String) -> [(name: String, position: SourcePosition)] {
        guard let tokens = try? TemplateTokenizer.tokens(text) else { return [] }
        return tokens.filter { $0.kind == .partial }.map { ($0.name, $0.position) }
    }

    /// Every `assets/...` path a template's text names (`{{root}}assets/style.css`), with its line and column.
    static func assetLinks(in text: String) -> [(path: String, position: SourcePosition)] {
        var found: [(String, SourcePosition)] = []
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/")
        for (i, line) in TextLines.split(text).enumerated() {
            var rest = line[...]
            while let range = rest.range(of: "assets/") {
                // Only a path that starts there: `myassets/x` is not one.
                let before = range.lowerBound == line.startIndex ? nil : line[line.index(before: range.lowerBound)]
                let path = "assets/" + rest[range.upperBound...].prefix { allowed.contains($0) }
                rest = rest[range.upperBound...]
                guard before.map({ !allowed.contains($0) || $0 == "/" }) ?? true,
                      path.count > "assets/".count, !path.hasSuffix("/"), !path.contains("..") else { continue }
                found.append((path, SourcePosition(line: i + 1, column: line.distance(from: line.startIndex, to: range.lowerBound) + 1)))
            }
        }
        return found
    }

    /// Every file under `Templates/assets/`, relative paths sorted.
    package func assetFiles() -> [String] {
        FolderWalk.paths(in: directory.appendingPathComponent("assets"))
    }
}
