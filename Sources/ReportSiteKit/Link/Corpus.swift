/// The link stage's view of the whole site: every report's summary, found by symbol, and where the render
/// stage finds a report's full model. Built once after every report is analysed, then only read.
public struct Corpus: Sendable {
    public let config: SiteConfig
    public let addressees: AddresseeVocabulary
    /// Reports in symbol order (the order of generated data).
    public let reports: [ReportSummary]
    let models: ReportModels
    private let bySymbol: [Symbol: Int]

    public init(config: SiteConfig, addressees: AddresseeVocabulary, summaries: [ReportSummary], models: ReportModels) {
        self.config = config
        self.addressees = addressees
        self.reports = summaries.sorted { $0.symbol < $1.symbol }
        self.models = models
        var index: [Symbol: Int] = [:]
        for (i, r) in self.reports.enumerated() { index[r.symbol] = i }
        bySymbol = index
    }

    /// A corpus of models held in memory (tests, and tools that analysed the reports themselves).
    public init(config: SiteConfig, addressees: AddresseeVocabulary, reports: [Report]) {
        self.init(config: config, addressees: addressees, summaries: reports.map(\.summary), models: .kept(reports))
    }

    public func index(of symbol: Symbol) -> Int? { bySymbol[symbol] }

    public func report(_ symbol: Symbol) -> ReportSummary? {
        bySymbol[symbol].map { reports[$0] }
    }

    /// The full model of report `index`, to render its page.
    public func model(_ index: Int) throws -> Report {
        try models.model(of: reports[index])
    }

    /// Newest first, then by symbol: the order of the home page.
    public var newestFirst: [ReportSummary] { newestFirstOrder.map { reports[$0] } }

    /// The indexes of `reports`, newest first (by date, then symbol).
    var newestFirstOrder: [Int] {
        reports.indices.sorted {
            (reports[$0].metadata.date, reports[$1].symbol.description) > (reports[$1].metadata.date, reports[$0].symbol.description)
        }
    }

    /// For each report (by its index in `reports`), the reports just before and after it in `newestFirst`:
    /// a report page's "Newer report" and "Older report".
    var neighbours: [(newer: Int?, older: Int?)] {
        let order = newestFirstOrder
        var result = [(newer: Int?, older: Int?)](repeating: (nil, nil), count: reports.count)
        for (position, i) in order.enumerated() {
            result[i] = (position > 0 ? order[position - 1] : nil, position + 1 < order.count ? order[position + 1] : nil)
        }
        return result
    }
}

/// Where the render stage finds the full model of the report whose page it makes. A build does not keep the
/// models of the whole site (they hold every report's text): it analyses a report again, from its file, when
/// its page must be rendered, and checks that the file is the one the summary was made from.
public struct ReportModels: Sendable {
    private enum Source: Sendable {
        case kept([Symbol: Report])
        case reanalysed(loader: ContentLoader, vocabulary: AddresseeVocabulary, strict: Bool)
    }

    private let source: Source

    /// Models analysed before and held in memory.
    public static func kept(_ reports: [Report]) -> ReportModels {
        ReportModels(source: .kept(Dictionary(reports.map { ($0.symbol, $0) }, uniquingKeysWith: { a, _ in a })))
    }

    /// Models analysed again from the content files when they are needed.
    public static func reanalysed(loader: ContentLoader, vocabulary: AddresseeVocabulary, strict: Bool) -> ReportModels {
        ReportModels(source: .reanalysed(loader: loader, vocabulary: vocabulary, strict: strict))
    }

    /// The file of a report changed (or vanished) after the build read it: its page cannot be made consistently.
    public struct Changed: Error, Sendable {
        public var file: String
    }

    func model(of summary: ReportSummary) throws -> Report {
        switch source {
        case .kept(let models):
            guard let model = models[summary.symbol] else { throw Changed(file: summary.file) }
            return model
        case .reanalysed(let loader, let vocabulary, let strict):
            // The diagnostics were reported when the summary was made; the same bytes give the same ones again.
            let quiet = DiagnosticEngine(strict: strict)
            guard let loaded = loader.loadReport(named: summary.sourceName, diagnostics: quiet),
                  var model = ReportAnalysis.run(loaded, vocabulary: vocabulary, strict: strict, extractRecommendations: false).report,
                  model.sourceFingerprint == summary.sourceFingerprint else { throw Changed(file: summary.file) }
            model.recommendations = summary.recommendations
            return model
        }
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
