import Yams

/// `content/site.yml`: every key optional, with sensible defaults.
public struct SiteConfig: Sendable, Equatable {
    public var title = "Human rights reports"
    /// Where the site is published, e.g. `https://example.org/reports`; used for URLs shown to people.
    public var baseURL = ""
    /// The link for a document that is not on the site; `{symbol}` is replaced.
    public var documents = "https://undocs.org/{symbol}"
    public var language = "en"
    public var description = ""

    public init() {}

    static let keys = ["title", "base_url", "documents", "language", "description"]

    /// Reads `site.yml`; a missing file gives the defaults.
    static func read(_ file: SourceFile?, diagnostics: DiagnosticEngine) -> SiteConfig {
        var config = SiteConfig()
        guard let file else { return config }
        let mapping: Node.Mapping
        do {
            guard let node = try Yams.compose(yaml: file.text) else { return config }
            guard let m = node.mapping else {
                diagnostics.error(.invalidConfiguration, file: file.path, at: SourcePosition(line: 1, column: 1), "site.yml must be a set of `key: value` lines")
                return config
            }
            mapping = m
        } catch {
            diagnostics.error(.invalidConfiguration, file: file.path, at: SourcePosition(line: 1, column: 1), "site.yml is not valid YAML: \(error)")
            return config
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let at = SourcePosition(line: keyNode.mark?.line ?? 1, column: keyNode.mark?.column ?? 1)
            guard let text = value.string else {
                diagnostics.error(.invalidConfiguration, file: file.path, at: at, "'\(key)' must be a text")
                continue
            }
            switch key {
            case "title": config.title = text
            case "base_url":
                config.baseURL = text.hasSuffix("/") ? String(text.dropLast()) : text
            case "documents":
                if !text.contains("{symbol}") {
                    diagnostics.error(.invalidConfiguration, file: file.path, at: at, "'documents' must contain {symbol}",
                                      hint: "for example: documents: https://undocs.org/{symbol}")
                }
                config.documents = text
            case "language": config.language = text
            case "description": config.description = text
            default:
                diagnostics.warning(.invalidConfiguration, file: file.path, at: at, "unknown key '\(key)' in site.yml",
                                    hint: "known keys: " + keys.joined(separator: ", "))
            }
        }
        return config
    }
}
