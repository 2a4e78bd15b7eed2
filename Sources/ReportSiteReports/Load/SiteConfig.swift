import Foundation
import ReportSiteCore
import Yams

/// `content/site.yml`: every key optional, with sensible defaults.
package struct SiteConfig: Sendable, Equatable {
    public var title = "Human rights reports"
    /// Where the site is published, e.g. `https://example.org/reports`; used for URLs shown to people.
    public var baseURL = ""
    /// The link for a document that is not on the site; `{symbol}` is replaced.
    public var documents = "https://undocs.org/{symbol}"
    public var language = "en"
    public var description = ""
    /// `content/reports/`, set by the loader (not a key of `site.yml`): where a report's images are looked for.
    public var reportsDirectory: URL?

    public init() {}

    static let keys = ["title", "base_url", "documents", "language", "description"]

    /// An absolute web address: `http://` or `https://`, a host, no spaces, quotes, angle brackets or control
    /// characters. Anything else (`javascript:`, `data:`, relative paths) would be written into every page's links.
    static func isWebURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return false }
        let rest = lower.hasPrefix("https://") ? text.dropFirst(8) : text.dropFirst(7)
        guard let first = rest.first, first != "/", first != "{" else { return false }
        return !text.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7F || "\"'<>\\`".unicodeScalars.contains($0) }
    }

    /// Reads `site.yml`; a missing file gives the defaults.
    static func read(_ file: SourceFile?, diagnostics: DiagnosticEngine) -> SiteConfig {
        var config = SiteConfig()
        guard let file else { return config }
        let (node, valid) = ConfigYAML.compose(file, name: "site.yml", diagnostics: diagnostics)
        guard valid, let node else { return config }
        guard let mapping = node.mapping else {
            diagnostics.error(.invalidConfiguration, file: file.path, at: SourcePosition(line: 1, column: 1), "site.yml must be a set of `key: value` lines")
            return config
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let at = SourcePosition(line: keyNode.mark?.line ?? 1, column: keyNode.mark?.column ?? 1)
            guard let text = value.string.map({ SourceFile.replacingForbidden($0)?.0 ?? $0 }) else {
                diagnostics.error(.invalidConfiguration, file: file.path, at: at, "'\(key)' must be a text")
                continue
            }
            switch key {
            case "title": config.title = text
            case "base_url":
                guard text.isEmpty || Self.isWebURL(text) else {
                    diagnostics.error(.invalidConfiguration, file: file.path, at: at, "'base_url' must be an http:// or https:// address",
                                      hint: "for example: base_url: https://example.org/reports")
                    continue
                }
                config.baseURL = text.hasSuffix("/") ? String(text.dropLast()) : text
            case "documents":
                guard Self.isWebURL(text), text.contains("{symbol}") else {
                    diagnostics.error(.invalidConfiguration, file: file.path, at: at, "'documents' must be an http:// or https:// address containing {symbol}",
                                      hint: "for example: documents: https://undocs.org/{symbol}")
                    continue
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
