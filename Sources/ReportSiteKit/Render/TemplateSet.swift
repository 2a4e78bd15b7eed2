import Foundation
import Mustache

/// The site's look: the Mustache templates of `Templates/` (names are paths without `.mustache`:
/// `report`, `inline/footnote-ref`) and the static assets under `Templates/assets/`.
public struct TemplateSet: @unchecked Sendable {
    public static let required = ["index", "report", "404", "inline/footnote-ref", "inline/page-start", "partials/body-item", "recommendations", "sitemap"]

    let library: MustacheLibrary
    public let directory: URL

    public enum Failure: Error, CustomStringConvertible {
        case missingDirectory(String)
        case missingTemplate(String)
        case invalid(file: String, message: String)

        public var description: String {
            switch self {
            case .missingDirectory(let d): return "\(d): error: the templates folder does not exist"
            case .missingTemplate(let t): return "\(t): error: the template is missing"
            case .invalid(let file, let message): return "\(file): error: the template does not parse: \(message)"
            }
        }
    }

    public init(directory: URL, displayPath: (URL) -> String = { $0.path }) throws {
        self.directory = directory
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Failure.missingDirectory(displayPath(directory))
        }
        var library = MustacheLibrary()
        let files = (fm.enumerator(atPath: directory.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".mustache") }
            .sorted()
        for file in files {
            let url = directory.appendingPathComponent(file)
            let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            do {
                try library.register(text, named: String(file.dropLast(".mustache".count)))
            } catch {
                throw Failure.invalid(file: displayPath(url), message: "\(error)")
            }
        }
        for name in Self.required where library.getTemplate(named: name) == nil {
            throw Failure.missingTemplate(displayPath(directory.appendingPathComponent(name + ".mustache")))
        }
        self.library = library
    }

    func render(_ name: String, _ object: Any) -> String {
        library.render(object, withTemplate: name) ?? ""
    }

    /// Every file under `Templates/assets/`, relative paths sorted.
    func assetFiles() -> [String] {
        let assets = directory.appendingPathComponent("assets")
        let fm = FileManager.default
        return (fm.enumerator(atPath: assets.path)?.compactMap { $0 as? String } ?? [])
            .filter { path in
                var isDirectory: ObjCBool = false
                return fm.fileExists(atPath: assets.appendingPathComponent(path).path, isDirectory: &isDirectory) && !isDirectory.boolValue
            }
            .sorted()
    }
}
