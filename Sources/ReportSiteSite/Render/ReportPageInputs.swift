import Foundation
import ReportSiteCore
import ReportSiteReports

/// Everything a report's page is made of besides its own model (issue 20, "declared inputs"): the page is a
/// function of its model (a function of the file's bytes and the vocabulary) and of this value, and of nothing
/// else. `ReportPage` receives only these two and the templates, so a page cannot read what it did not declare;
/// the page cache's key is the digest of this value, encoded, with the shared inputs of every page (the
/// templates, the vocabulary, the tool). A field added to the page's view must come from here, and so is in the
/// key: the "Older report" date of the review's experiment can never be stale.
struct ReportPageInputs: DeclaredInputs, Codable, Hashable, Sendable {
    /// The settings of `site.yml` a page shows.
    struct Settings: Codable, Hashable, Sendable {
        var title: String
        var baseURL: String
        var documents: String
        var language: String
        var description: String

        init(_ c: SiteConfig) {
            (title, baseURL, documents, language, description) = (c.title, c.baseURL, c.documents, c.language, c.description)
        }

        /// The settings as the views take them.
        var config: SiteConfig {
            var c = SiteConfig()
            (c.title, c.baseURL, c.documents, c.language, c.description) = (title, baseURL, documents, language, description)
            return c
        }
    }

    /// A report next to this one in the list of reports: its whole front matter, whatever the page shows of it.
    struct Neighbour: Codable, Hashable, Sendable {
        var metadata: ReportMetadata
    }

    /// A place in another report that cites one of this page's anchors.
    struct Citer: Codable, Hashable, Sendable {
        var source: Symbol
        var anchor: String?
        var label: String
    }

    /// Where one citation of the report goes.
    struct Link: Codable, Hashable, Sendable {
        var target: Symbol?
        var anchor: String?
        var externalURL: String?
    }

    var settings: Settings
    /// The file as diagnostics name it, and its digest (the model is made from those bytes).
    var file: String
    var sourceFingerprint: String
    var links: [Link]
    var citedBy: [String: [Citer]]
    var citedCount: Int
    /// The report's records in the index, as the link stage left them (an addendum may set their positions).
    var recommendations: [Recommendation]
    /// The display names of the addressees its records name.
    var addresseeNames: [String: String]
    var newer: Neighbour?
    var older: Neighbour?

    /// The inputs of report `index`'s page, from the linked corpus.
    init(_ index: Int, corpus: Corpus, links table: LinkTable, recommendations: RecommendationIndex, neighbours: (newer: Int?, older: Int?)) {
        let report = corpus.reports[index]
        settings = Settings(corpus.config)
        file = report.file
        sourceFingerprint = report.sourceFingerprint
        let own = table[report.symbol]
        links = own.resolved.map { Link(target: $0.target, anchor: $0.anchor, externalURL: $0.externalURL) }
        citedBy = own.citedBy.mapValues { $0.map { Citer(source: $0.source, anchor: $0.anchor, label: $0.label) } }
        citedCount = own.citedCount
        self.recommendations = report.recommendations
        var names: [String: String] = [:]
        for slug in Set(report.recommendations.flatMap(\.addressees)) { names[slug] = recommendations.addressee(slug)?.name ?? slug }
        addresseeNames = names
        newer = neighbours.newer.map { Neighbour(metadata: corpus.reports[$0].metadata) }
        older = neighbours.older.map { Neighbour(metadata: corpus.reports[$0].metadata) }
    }

}

/// What one output is made of, declared as one value: its cache key is the digest of the value (`InputDigest`:
/// its encoding, an object's keys sorted), after the inputs every page shares (`PageFingerprint.shared`:
/// templates, vocabularies, tool).
protocol DeclaredInputs: Encodable {}

extension DeclaredInputs {
    func key(shared: String) -> String {
        var f = Fingerprint()
        f.add(shared)
        InputDigest.add(self, to: &f)
        return f.hex
    }
}
