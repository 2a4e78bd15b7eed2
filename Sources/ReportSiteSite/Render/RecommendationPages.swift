import Foundation
import ReportSiteCore
import ReportSiteOutput
import ReportSiteReports

/// The recommendations index pages: all addressees (`recommendations/index.html`), one page per addressee
/// (`recommendations/<slug>/index.html`) and one per report (`recommendations/report/A-58-275/index.html`),
/// so that filtering works without JavaScript. They link to the reports' anchors and never copy their ids.
struct RecommendationPages: Sendable {
    let corpus: Corpus
    let index: RecommendationIndex
    let templates: TemplateSet

    static let folder = "recommendations"

    /// A report's date, through the corpus's table by symbol.
    func date(_ symbol: Symbol) -> String { corpus.report(symbol)?.metadata.date ?? "" }

    /// The first page of an addressee's and of a report's recommendations.
    static func addresseePath(_ slug: String) -> String { pagePath(addresseeFolder(slug), 1) }
    static func reportPath(_ symbol: Symbol) -> String { pagePath(reportFolder(symbol), 1) }

    /// One listing of the index (all, an addressee, a report), before it is cut into pages.
    struct Listing: Sendable {
        var folder: String
        var title: String
        var groups: [RecommendationIndex.Group]
        var current: Current
    }

    /// Every listing of the index, in the order of the site.
    func listings() -> [Listing] {
        var listings = [Listing(folder: Self.folder, title: "Recommendations by addressee", groups: index.groups, current: .all)]
        for group in index.groups {
            listings.append(Listing(folder: Self.addresseeFolder(group.addressee.slug), title: "Recommendations to \(group.addressee.name)",
                                    groups: [group], current: .addressee(group.addressee.slug)))
        }
        // Each group split by report once (not filtered again for every report: that grew with reports x records).
        var byReport: [Symbol: [RecommendationIndex.Group]] = [:]
        for g in index.groups {
            var members: [Symbol: [Recommendation]] = [:]
            for r in g.records { members[r.report, default: []].append(r) }
            for (symbol, records) in members { byReport[symbol, default: []].append(RecommendationIndex.Group(addressee: g.addressee, records: records)) }
        }
        for report in corpus.reports where !report.recommendations.isEmpty {
            listings.append(Listing(folder: Self.reportFolder(report.symbol), title: "Recommendations of \(report.symbol)",
                                    groups: byReport[report.symbol] ?? [], current: .report(report.symbol)))
        }
        // The same records by State concerned, by recommending State and by position (contract, section 5), each
        // grouped by addressee as a report's page is.
        for facet in facets() {
            let wanted = Set(facet.records.map { "\($0.report)#\($0.anchor)" })
            let groups = index.groups.compactMap { g -> RecommendationIndex.Group? in
                let records = g.records.filter { wanted.contains("\($0.report)#\($0.anchor)") }
                return records.isEmpty ? nil : RecommendationIndex.Group(addressee: g.addressee, records: records)
            }
            listings.append(Listing(folder: facet.folder, title: facet.title, groups: groups, current: .facet(facet.folder)))
        }
        return listings
    }

    /// One value of a facet of the index: a State concerned, a recommending State, a position.
    struct Facet: Sendable {
        enum Kind: String, Sendable, CaseIterable { case country, recommendedBy = "recommended-by", position }
        var kind: Kind
        var label: String
        var folder: String
        var title: String
        var records: [Recommendation]
    }

    /// The facets' values, each with its records: States by their names in states.yml (a recommending State written
    /// "Turkey" and one written "Türkiye" are one State), in alphabetical order; positions as supported, noted, pending.
    func facets() -> [Facet] {
        let states = corpus.addressees.states
        var countries: [String: [Recommendation]] = [:]
        var recommending: [String: [Recommendation]] = [:]
        var positions: [Recommendation.ReviewPosition: [Recommendation]] = [:]
        for r in index.records {
            if let c = r.country { countries[c, default: []].append(r) }
            var seen: Set<String> = []
            for written in r.recommendedBy {
                let name = states.state(named: written) ?? written
                if seen.insert(name).inserted { recommending[name, default: []].append(r) }
            }
            if let p = r.reviewPosition { positions[p, default: []].append(r) }
        }
        var out: [Facet] = []
        // Two values whose names make one slug ("Türkiye" and "Turkiye!") get folders of their own: the second `-2`.
        var taken: Set<String> = []
        func folder(_ kind: Facet.Kind, _ name: String) -> String {
            let base = Self.facetFolder(kind, name)
            var candidate = base
            var n = 2
            while !taken.insert(candidate).inserted {
                candidate = "\(base)-\(n)"
                n += 1
            }
            return candidate
        }
        for (name, records) in countries.sorted(by: { $0.key < $1.key }) {
            out.append(Facet(kind: .country, label: name, folder: folder(.country, name),
                             title: "Recommendations concerning \(name)", records: records))
        }
        for (name, records) in recommending.sorted(by: { $0.key < $1.key }) {
            out.append(Facet(kind: .recommendedBy, label: name, folder: folder(.recommendedBy, name),
                             title: "Recommendations made by \(name)", records: records))
        }
        for position in [Recommendation.ReviewPosition.supported, .noted, .pending] {
            guard let records = positions[position] else { continue }
            out.append(Facet(kind: .position, label: position.label, folder: Self.facetFolder(.position, position.rawValue),
                             title: "Recommendations \(position == .pending ? "pending a position" : position.rawValue)", records: records))
        }
        return out
    }

    /// `recommendations/country/slovenia`, `recommendations/recommended-by/united-kingdom-of-great-britain-and-northern-ireland`.
    static func facetFolder(_ kind: Facet.Kind, _ value: String) -> String {
        let s = slug(value)
        return "\(folder)/\(kind.rawValue)/\(s.isEmpty ? "-" : s)"
    }

    /// Renders every page of the index, in parallel, each a value handed in the site's order to
    /// `output`, the build's writer. With a store, a page whose inputs did not change is the previous build's.
    func write(into output: SiteOutput, shared: String?) throws {
        let jobs = listings().flatMap { listing -> [(Listing, [[PageGroup]], Int)] in
            let pages = Self.paginate(listing.groups)
            return pages.indices.map { (listing, pages, $0 + 1) }
        }
        // The facets' lists are the same on every page that shows them: made once.
        let facetLinks = facets()
        let (store, previous) = (output.store, output.previousLedger)
        try output.stream(jobs.count, make: { k -> RenderedFile in
            let (listing, pages, number) = jobs[k]
            let inputs = self.inputs(folder: listing.folder, number: number, of: pages, all: listing.groups, title: listing.title,
                                     current: listing.current, facets: facetLinks)
            return try RenderedFile.make(Self.pagePath(listing.folder, number), key: shared.map { inputs.key(shared: $0) },
                                         store: store, ledger: previous) {
                (Data(templates.render(.recommendations, Self.view(inputs)).utf8), [])
            }
        }, fold: { try output.put($0) })
    }

    static func addresseeFolder(_ slug: String) -> String { "\(folder)/\(slug)" }
    static func reportFolder(_ symbol: Symbol) -> String { "\(folder)/report/\(symbol.components.joined(separator: "-"))" }

    /// Page 1 of a listing is `<folder>/index.html`; page n is `<folder>/page/<n>/index.html`.
    static func pagePath(_ folder: String, _ number: Int) -> String {
        number == 1 ? "\(folder)/index.html" : "\(folder)/page/\(number)/index.html"
    }

    /// At most this many records on a page, and about this many bytes of their text (a page also carries
    /// each record's links and labels): no page of the index grows with the corpus.
    static let recordsPerPage = 200
    static let textBytesPerPage = 300_000

    /// A listing cut into pages of whole records, in order; a group cut by a page break continues on the next page.
    static func paginate(_ groups: [RecommendationIndex.Group]) -> [[PageGroup]] {
        var pages: [[PageGroup]] = []
        var page: [PageGroup] = []
        var records = 0
        var bytes = 0
        for group in groups {
            var part = PageGroup(group: RecommendationIndex.Group(addressee: group.addressee, records: []), continued: false)
            for record in group.records {
                let size = record.text.utf8.count
                if records > 0, records + 1 > recordsPerPage || bytes + size > textBytesPerPage {
                    if !part.group.records.isEmpty { page.append(part) }
                    pages.append(page)
                    page = []
                    records = 0
                    bytes = 0
                    part = PageGroup(group: RecommendationIndex.Group(addressee: group.addressee, records: []),
                                     continued: part.continued || !part.group.records.isEmpty)
                }
                part.group.records.append(record)
                records += 1
                bytes += size
            }
            if !part.group.records.isEmpty { page.append(part) }
        }
        if !page.isEmpty || pages.isEmpty { pages.append(page) }
        return pages
    }

    struct PageGroup: Sendable {
        var group: RecommendationIndex.Group
        /// The group began on an earlier page.
        var continued: Bool
    }

    enum Current: Equatable, Sendable { case all, addressee(String), report(Symbol), facet(String) }

    /// Everything page `number` of a listing shows, as one value (issue 20, declared inputs): its records and the
    /// dates of their reports, the listing's cut into pages, the counts it links to and, on the main page, the lists
    /// of reports and of the facets' values. The page is made from this alone (`view`), and its cache key is its digest.
    private func inputs(folder: String, number: Int, of pages: [[PageGroup]], all: [RecommendationIndex.Group], title: String,
                        current: Current, facets: [Facet]) -> RecommendationPageInputs {
        let root = String(repeating: "../", count: Self.pagePath(folder, number).split(separator: "/").count - 1)
        // A report's page counts that report's recommendations and links to its own groups; the other pages
        // count the whole index and link to each addressee's page.
        let addressees: [FilterLinkView]
        if case .report = current {
            // Each of the report's groups, on the page where it begins.
            addressees = all.map { g in
                let first = (pages.firstIndex { $0.contains { $0.group.addressee.slug == g.addressee.slug } } ?? 0) + 1
                return FilterLinkView(label: g.addressee.name, count: g.records.count,
                                      href: (first == number ? "" : root + Self.pagePath(folder, first)) + "#addressee-" + g.addressee.slug,
                                      current: false)
            }
        } else {
            addressees = index.groups.map {
                FilterLinkView(label: $0.addressee.name, count: $0.records.count, href: root + Self.addresseePath($0.addressee.slug),
                               current: current == .addressee($0.addressee.slug))
            }
        }
        // The list of reports is on the first page of the main listing only: on every report's page, or on every
        // page of the main listing (5,000 reports: 100 pages of 5,000 links), the index would grow with the square
        // of the number of reports. So are the facets' lists.
        let main = current == .all && number == 1
        let reports = !main ? [] : corpus.reports.filter { !$0.recommendations.isEmpty }.map {
            FilterLinkView(label: $0.symbol.description, count: $0.recommendations.count, href: root + Self.reportPath($0.symbol),
                           current: false)
        }
        func links(_ kind: Facet.Kind) -> [FilterLinkView] {
            !main ? [] : facets.filter { $0.kind == kind }.map {
                FilterLinkView(label: $0.label, count: $0.records.count, href: root + Self.pagePath($0.folder, 1), current: false)
            }
        }
        let parts = pages[number - 1]
        var dates: [String: String] = [:]
        var names: [String: String] = [:]
        for part in parts {
            for r in part.group.records {
                dates[r.report.description] = date(r.report)
                for slug in r.addressees { names[slug] = index.addressee(slug)?.name }
            }
        }
        return RecommendationPageInputs(
            settings: ReportPageInputs.Settings(corpus.config),
            folder: folder, number: number, pageCount: pages.count, title: title, isAll: current == .all,
            isMainListing: current == .all,
            parts: parts.map { RecommendationPageInputs.Part(slug: $0.group.addressee.slug, name: $0.group.addressee.name,
                                                             continued: $0.continued, records: $0.group.records) },
            addressees: addressees, reports: reports, countries: links(.country), recommendingStates: links(.recommendedBy),
            positions: links(.position), dates: dates, addresseeNames: names)
    }

    /// The page made from its inputs, and from nothing else.
    static func view(_ inputs: RecommendationPageInputs) -> RecommendationsPageView {
        let (folder, number, count, title) = (inputs.folder, inputs.number, inputs.pageCount, inputs.title)
        let root = String(repeating: "../", count: Self.pagePath(folder, number).split(separator: "/").count - 1)
        let config = inputs.settings.config
        let base = config.baseURL
        let path = Self.pagePath(folder, number)
        let crumbs = [CrumbView(label: "Reports", href: root + "index.html")]
            + (inputs.isMainListing ? [] : [CrumbView(label: "Recommendations", href: root + "\(Self.folder)/index.html")])
            + [CrumbView(label: title, href: nil)]
        let layout = LayoutView(config: config, root: root,
                                pageTitle: "\(title)\(count > 1 ? " (page \(number) of \(count))" : "") · \(config.title)",
                                canonical: base.isEmpty ? nil : base + "/" + path.dropLast("index.html".count), crumbs: crumbs)
        let groupViews = inputs.parts.map { part in
            RecommendationGroupView(
                id: "addressee-" + part.slug, name: part.name + (part.continued ? " (continued)" : ""), count: part.records.count,
                records: part.records.map { r in
                    let date = inputs.dates[r.report.description] ?? ""
                    return RecordView(
                        symbol: r.report.description, reportHref: root + r.report.pagePath,
                        href: root + r.report.pagePath + "#" + r.anchor,
                        paragraphLabel: "para. " + ParagraphID.display(r.paragraph),
                        section: r.section.joined(separator: " › "), date: date,
                        displayDate: DisplayDate.format(date), textHTML: HTMLEscaping.escape(r.text),
                        assignedBy: r.assignedBy.rawValue,
                        recommendedBy: r.recommendedBy.isEmpty ? nil : r.recommendedBy.joined(separator: ", "),
                        position: PositionView(r, from: nil, root: root),
                        others: r.addressees.filter { $0 != part.slug }.compactMap { slug in
                            inputs.addresseeNames[slug].map { TagView(name: $0, href: root + Self.addresseePath(slug)) }
                        })
                })
        }
        return RecommendationsPageView(
            layout: layout, title: title, isAll: inputs.isAll, allHref: root + "\(Self.folder)/index.html",
            pagination: count == 1 ? [] : [PaginationView(folder: folder, root: root, number: number, count: count)],
            total: inputs.parts.reduce(into: Set<String>()) { set, part in part.records.forEach { set.insert("\($0.report)#\($0.anchor)") } }.count,
            addressees: inputs.addressees, reports: inputs.reports, hasReports: !inputs.reports.isEmpty, groups: groupViews,
            countries: inputs.countries, recommendingStates: inputs.recommendingStates, positions: inputs.positions)
    }
}

/// What one page of the recommendations index is made of (see `RecommendationPages.inputs`).
struct RecommendationPageInputs: DeclaredInputs, Codable, Hashable, Sendable {
    struct Part: Codable, Hashable, Sendable {
        var slug: String
        var name: String
        /// The group began on an earlier page.
        var continued: Bool
        var records: [Recommendation]
    }

    var settings: ReportPageInputs.Settings
    var folder: String
    var number: Int
    var pageCount: Int
    var title: String
    var isAll: Bool
    var isMainListing: Bool
    var parts: [Part]
    var addressees: [FilterLinkView]
    var reports: [FilterLinkView]
    var countries: [FilterLinkView]
    var recommendingStates: [FilterLinkView]
    var positions: [FilterLinkView]
    /// The date of each report whose records the page lists.
    var dates: [String: String]
    /// The names of the addressees the page's records name.
    var addresseeNames: [String: String]

}

struct RecommendationsPageView {
    let layout: LayoutView
    let title: String
    let isAll: Bool
    let allHref: String
    let pagination: [PaginationView]
    /// Distinct recommendations on the page (one can be listed under several addressees).
    let total: Int
    let addressees: [FilterLinkView]
    let reports: [FilterLinkView]
    let hasReports: Bool
    let groups: [RecommendationGroupView]
    /// The values of the facets, with their counts: on the main page of the index only.
    let countries: [FilterLinkView]
    let recommendingStates: [FilterLinkView]
    let positions: [FilterLinkView]
}

/// "Page 2 of 5", with links to every page of the listing (none when it fits on one page).
struct PaginationView {
    let number: Int
    let count: Int
    let previous: [String]
    let next: [String]
    let pages: [FilterLinkView]

    init(folder: String, root: String, number: Int, count: Int) {
        self.init(number: number, count: count) { root + RecommendationPages.pagePath(folder, $0) }
    }

    init(number: Int, count: Int, href: (Int) -> String) {
        self.number = number
        self.count = count
        previous = number > 1 ? [href(number - 1)] : []
        next = number < count ? [href(number + 1)] : []
        pages = (1...count).map { FilterLinkView(label: String($0), count: $0, href: href($0), current: $0 == number) }
    }
}

struct FilterLinkView: Codable, Hashable, Sendable {
    let label: String
    let count: Int
    let href: String
    let current: Bool
}

struct RecommendationGroupView {
    let id: String
    let name: String
    let count: Int
    let records: [RecordView]
}

struct RecordView {
    let symbol: String
    let reportHref: String
    let href: String
    let paragraphLabel: String
    let section: String
    let date: String
    let displayDate: String
    /// Escaped here, once (the template's escaping was a tenth of a build's instructions on large indexes).
    let textHTML: String
    let assignedBy: String
    /// A review's recommending States ("France, Lithuania") and the position of the State under review.
    let recommendedBy: String?
    let position: PositionView?
    let others: [TagView]
}

/// An addressee's name linking to its index page.
struct TagView {
    let name: String
    let href: String
}
