import ReportSiteCore
import ReportSiteReports

/// The link stage's view of the whole site: every report's summary, found by symbol, and where the render
/// stage finds a report's full model. Built once after every report is analysed, then only read.
package struct Corpus: Sendable {
    public let config: SiteConfig
    public let addressees: AddresseeVocabulary
    /// Reports in symbol order (the order of generated data).
    public let reports: [ReportSummary]
    let models: ReportModels
    private let bySymbol: [Symbol: Int]

    public init(config: SiteConfig, addressees: AddresseeVocabulary, summaries: [ReportSummary], models: ReportModels) {
        self.config = config
        self.addressees = addressees
        self.reports = Self.applyingReviewViews(summaries.sorted { $0.symbol < $1.symbol })
        self.models = models
        var index: [Symbol: Int] = [:]
        for (i, r) in self.reports.enumerated() { index[r.symbol] = i }
        bySymbol = index
    }

    /// A corpus of models held in memory (tests, and tools that analysed the reports themselves).
    public init(config: SiteConfig, addressees: AddresseeVocabulary, reports: [Report]) {
        self.init(config: config, addressees: addressees, summaries: reports.map(\.summary), models: .kept(reports))
    }

    /// The word of an addendum with the views of the State under review (`A/HRC/43/15/Add.1`) on the positions of
    /// its report's recommendations (`A/HRC/43/15`), when both are on the site: it wins over the report's own
    /// lead-in ("will be examined by ..."). The first statement of an addendum that names a recommendation decides.
    static func applyingReviewViews(_ reports: [ReportSummary]) -> [ReportSummary] {
        var views: [String: [String: (Recommendation.ReviewPosition, String)]] = [:]
        for addendum in reports where !addendum.reviewStatements.isEmpty {
            let symbol = addendum.symbol.description
            guard let cut = symbol.range(of: "/Add.", options: .backwards) else { continue }
            let base = String(symbol[..<cut.lowerBound])
            for statement in addendum.reviewStatements {
                for item in statement.items where views[base]?[item] == nil {
                    views[base, default: [:]][item] = (statement.position, symbol + "/#" + statement.anchor)
                }
            }
        }
        guard !views.isEmpty else { return reports }
        return reports.map { report in
            guard var said = views[report.symbol.description] else { return report }
            // A number alone ("recommendations 1–5") is an item of the paragraph whose items are numbered that way:
            // the one whose lead-in left them to be examined, else the only paragraph with items.
            let itemParagraphs = Set(report.recommendations.compactMap { ReviewRecords.decimalItem($0.paragraph)?.0 })
            let pendingParagraphs = Set(report.recommendations.filter { $0.reviewPosition == .pending }
                .compactMap { ReviewRecords.decimalItem($0.paragraph)?.0 })
            let home = pendingParagraphs.count == 1 ? pendingParagraphs.first : itemParagraphs.count == 1 ? itemParagraphs.first : nil
            for (item, view) in said where item.hasPrefix("#") {
                said[item] = nil
                if let home, said["\(home)-\(item.dropFirst())"] == nil { said["\(home)-\(item.dropFirst())"] = view }
            }
            var r = report
            r.recommendations = r.recommendations.map { record in
                guard let (position, source) = said[record.paragraph] else { return record }
                var changed = record
                changed.reviewPosition = position
                changed.positionSource = source
                return changed
            }
            return r
        }
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
/// models of the whole site in memory (they hold every report's text): the analysis stage writes each report's
/// model as compact bytes (`ReportCoding`) where `ModelShelf` keeps them, in the build store or a spill file,
/// and the render stage reads back the one it needs, so that each report is parsed and analysed once per build
/// (issue 20). A model that cannot be read back is made again from the file, which must then still be the bytes
/// the summary was made from; a model is used only with the summary of the same bytes (its fingerprint).
package struct ReportModels: Sendable {
    private enum Source: Sendable {
        case kept([Symbol: Report])
        case reanalysed(loader: ContentLoader, vocabulary: AddresseeVocabulary, strict: Bool)
        /// The models the analysis stage kept, by the report's file under `content/reports/` (`sourceName`).
        case shelved(ModelShelf, places: [String: ModelShelf.Place], loader: ContentLoader, vocabulary: AddresseeVocabulary, strict: Bool)
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

    /// Models the analysis stage kept on `shelf` at `places`; one that is not there is analysed again.
    package static func shelved(_ shelf: ModelShelf, places: [String: ModelShelf.Place], loader: ContentLoader, vocabulary: AddresseeVocabulary,
                        strict: Bool) -> ReportModels {
        ReportModels(source: .shelved(shelf, places: places, loader: loader, vocabulary: vocabulary, strict: strict))
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
            return try Self.analyse(summary, loader: loader, vocabulary: vocabulary, strict: strict)
        case .shelved(let shelf, let places, let loader, let vocabulary, let strict):
            let place = places[summary.sourceName]
            if let place, let model = shelf.model(at: place, summary: summary) { return model }
            let model = try Self.analyse(summary, loader: loader, vocabulary: vocabulary, strict: strict)
            // A stored model that could not be read (missing, damaged, cut short, of another format) is written
            // again, so that the next build reads it instead of analysing the report again.
            if case .entry(let key)? = place { _ = shelf.put(ReportCoding.encode(model), key: key) }
            return model
        }
    }

    /// The model of `summary` made again from its file, which must still be the bytes the summary was made from.
    private static func analyse(_ summary: ReportSummary, loader: ContentLoader, vocabulary: AddresseeVocabulary, strict: Bool) throws -> Report {
        // The diagnostics were reported when the summary was made; the same bytes give the same ones again.
        let quiet = DiagnosticEngine(strict: strict)
        guard let loaded = loader.loadReport(named: summary.sourceName, diagnostics: quiet),
              var model = ReportAnalysis.run(loaded, vocabulary: vocabulary, strict: strict, extractRecommendations: false).report,
              model.sourceFingerprint == summary.sourceFingerprint else { throw Changed(file: summary.file) }
        model.recommendations = summary.recommendations
        return model
    }
}

/// URLs between pages: relative and naming the file (contract, section 2), so the site works from any
/// sub-path and from `file://`.
package enum SiteURL {
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
