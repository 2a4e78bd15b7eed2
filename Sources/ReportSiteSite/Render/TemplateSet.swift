import Foundation
import ReportSiteCore

/// The site's look: the Mustache templates of `Templates/` (names are paths without `.mustache`:
/// `report`, `inline/footnote-ref`) and the static assets under `Templates/assets/`.
///
/// A template is never silently empty: every template the renderer asks for, and every partial a template
/// names with `{{> name}}`, must exist when the build starts; a file that does not parse, or uses what the
/// engine (`CompiledTemplates`) does not do, is reported at its line and column (RS403); a render that fails
/// anyway is an error (RS402) naming the template, never "".
package struct TemplateSet: @unchecked Sendable {
    /// Every name the renderer passes to `render` (SiteRenderer, ReportPage, MarkupRenderer, RecommendationPages,
    /// Sitemap). The partials these templates include are checked from their text.
    public static let required = ["index", "report", "404", "recommendations", "sitemap", "feed", "robots",
                                  "inline/citation", "inline/footnote-ref", "inline/page-start", "partials/body-item"]

    /// The templates, compiled (see `CompiledTemplates`).
    let compiled: CompiledTemplates
    public let directory: URL
    /// How a template's file is named in diagnostics (`Templates/inline/citation.mustache`).
    let displayPath: (URL) -> String
    /// Templates whose render failed, for `reportFailures`.
    let failures = RenderFailures()

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

    public init(directory: URL, displayPath: @escaping (URL) -> String = { $0.path }) throws {
        try self.init(directory: directory, displayPath: displayPath, checkingNames: true)
    }

    /// `checkingNames: false` leaves out the checks of required templates and partials: only for the tests of
    /// what a render failure does.
    init(directory: URL, displayPath: @escaping (URL) -> String, checkingNames: Bool) throws {
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
        self.compiled = CompiledTemplates(trees: trees)
    }

    /// Renders a template with its view. A failure (no such template: only when the load's checks were left
    /// out) is recorded for `reportFailures` and gives "": the build then stops before anything is written.
    func render(_ name: String, _ view: some TemplateView) -> String {
        if let text = compiled.render(name, .view(view)) { return text }
        failures.record(name)
        return ""
    }

    /// An error (RS402) for each template whose render failed, naming its file.
    func reportFailures(to diagnostics: DiagnosticEngine) {
        for name in failures.names {
            diagnostics.error(.templateRenderFailed, file: displayPath(directory.appendingPathComponent(name + ".mustache")),
                              "the template \(name) could not be rendered; nothing was written",
                              hint: "check that \(name).mustache exists in the templates folder")
        }
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

/// The names of templates whose render failed; safe to use from parallel renders.
final class RenderFailures: @unchecked Sendable {
    private var set: Set<String> = []
    private let lock = NSLock()

    func record(_ name: String) {
        lock.lock()
        set.insert(name)
        lock.unlock()
    }

    var names: [String] {
        lock.lock()
        defer { lock.unlock() }
        return set.sorted()
    }
}
