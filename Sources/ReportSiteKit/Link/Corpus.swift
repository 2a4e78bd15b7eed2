/// The link stage's view of the whole site: every report, found by symbol.
/// Built once after every report is analysed, then only read.
public struct Corpus: Sendable {
    public let config: SiteConfig
    public let addressees: AddresseeVocabulary
    /// Reports in symbol order (the order of generated data).
    public let reports: [Report]
    private let bySymbol: [Symbol: Int]

    public init(config: SiteConfig, addressees: AddresseeVocabulary, reports: [Report]) {
        self.config = config
        self.addressees = addressees
        self.reports = reports.sorted { $0.symbol < $1.symbol }
        var index: [Symbol: Int] = [:]
        for (i, r) in self.reports.enumerated() { index[r.symbol] = i }
        bySymbol = index
    }

    public func index(of symbol: Symbol) -> Int? { bySymbol[symbol] }

    public func report(_ symbol: Symbol) -> Report? {
        bySymbol[symbol].map { reports[$0] }
    }

    /// Newest first, then by symbol: the order of the home page.
    public var newestFirst: [Report] {
        reports.sorted { ($0.metadata.date, $1.symbol.description) > ($1.metadata.date, $0.symbol.description) }
    }
}

/// URLs between pages: relative and naming the file (contract, section 2), so the site works from any
/// sub-path and from `file://`.
public enum SiteURL {
    /// From a page in the folder of `from` (nil: the site root) to the page of `to`.
    public static func relative(from: Symbol?, to: Symbol, anchor: String? = nil) -> String {
        (from?.rootPrefix ?? "") + to.pagePath + (anchor.map { "#" + $0 } ?? "")
    }

    /// The short form shown to people: `https://example.org/A/58/275/#para-80`, or root-relative without a base URL.
    public static func published(base: String, symbol: Symbol, anchor: String? = nil) -> String {
        (base.isEmpty ? "/" : base + "/") + symbol.description + "/" + (anchor.map { "#" + $0 } ?? "")
    }

    /// The document link template of `site.yml` for a symbol not on the site.
    public static func document(_ template: String, symbol: String) -> String {
        let allowed = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/"
        let encoded = symbol.unicodeScalars.map { s -> String in
            allowed.unicodeScalars.contains(s) ? String(s) : String(s).utf8.map { String(format: "%%%02X", $0) }.joined()
        }.joined()
        return template.replacingOccurrences(of: "{symbol}", with: encoded)
    }
}
