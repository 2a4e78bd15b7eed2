import Foundation
import ReportSiteCore
import ReportSiteReports

/// The recommendations of every report, grouped by addressee (contract, section 5). Built once in the
/// link stage from the records the analyse stage made; read by the index pages, the report pages' labels
/// and the JSON and CSV files.
package struct RecommendationIndex: Sendable {
    public struct Group: Sendable {
        public var addressee: Addressee
        /// Records in report (symbol) and paragraph order.
        public var records: [Recommendation]
    }

    /// Every record, in report and paragraph order.
    public let records: [Recommendation]
    /// One group per addressee that has recommendations, in the vocabulary's order, `Not specified` last.
    public let groups: [Group]
    private let addresseesBySlug: [String: Addressee]

    public init(corpus: Corpus) {
        records = corpus.reports.flatMap(\.recommendations)
        var bySlug: [String: Addressee] = [:]
        for a in corpus.addressees.entries { bySlug[a.slug] = a }
        if bySlug[Recommendation.notSpecified] == nil {
            bySlug[Recommendation.notSpecified] = Addressee(slug: Recommendation.notSpecified, name: "Not specified", aliases: [])
        }
        addresseesBySlug = bySlug
        var order = corpus.addressees.entries.map(\.slug).filter { $0 != Recommendation.notSpecified }
        order.append(Recommendation.notSpecified)
        var members: [String: [Recommendation]] = [:]
        for r in records {
            for slug in r.addressees { members[slug, default: []].append(r) }
        }
        groups = order.compactMap { slug in
            guard let list = members[slug], let addressee = bySlug[slug] else { return nil }
            return Group(addressee: addressee, records: list)
        }
    }

    public func addressee(_ slug: String) -> Addressee? { addresseesBySlug[slug] }

    /// The date the index is "as of": `SOURCE_DATE_EPOCH` when set, otherwise the newest report's date. Never the clock.
    public static func generated(corpus: Corpus, environment: [String: String]) -> String {
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(Int.init) {
            return ISODate.from(epoch: epoch)
        }
        return corpus.reports.map(\.metadata.date).max() ?? "1970-01-01"
    }
}

enum ISODate {
    /// `yyyy-mm-dd` (UTC) of a Unix time, without the calendar of the machine.
    static func from(epoch: Int) -> String {
        // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm, written out here).
        let days = epoch >= 0 ? epoch / 86_400 : (epoch - 86_399) / 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return String(format: "%04d-%02d-%02d", y, m, d)
    }
}
