import ReportSiteCore
import ReportSiteReports

/// The lists of reports: every report, newest first (`index.html`, `index-2.html` ...), and the same list cut by
/// body, by year and by mandate holder (`browse/body/general-assembly/index.html` ...), so that a reader narrows
/// the list with links alone, without JavaScript. Each list is cut into pages of `perPage` reports.
struct ReportListPages {
    let corpus: Corpus

    /// At most this many reports on a page of a list (about 170 KB).
    static let perPage = 500

    enum Facet: String, CaseIterable {
        case body, year
        case mandateHolder = "mandate-holder"

        var heading: String {
            switch self {
            case .body: return "By body"
            case .year: return "By year"
            case .mandateHolder: return "By mandate holder"
            }
        }

        /// The value of this facet for a report, or nil when the report has none (no author).
        func value(_ m: ReportMetadata) -> String? {
            switch self {
            case .body: return m.body
            case .year: return String(m.date.prefix(4))
            case .mandateHolder: return m.author
            }
        }

        func title(_ value: String) -> String {
            switch self {
            case .body: return "Reports to the \(value)"
            case .year: return "Reports of \(value)"
            case .mandateHolder: return "Reports by \(value)"
            }
        }
    }

    /// `browse/year/2003/index.html`; page n of a list at `browse/year/2003/page/n/index.html`.
    static func facetPath(_ facet: Facet, _ value: String, page: Int = 1) -> String {
        let key = facet == .year ? value : slug(value)
        let folder = "browse/\(facet.rawValue)/\(key.isEmpty ? "-" : key)"
        return page == 1 ? folder + "/index.html" : folder + "/page/\(page)/index.html"
    }

    /// `index.html`, then `index-2.html` ... : page n of the list of all reports.
    static func indexPath(_ number: Int) -> String { number == 1 ? "index.html" : "index-\(number).html" }

    /// Every page of every list, with its path.
    func pages() -> [(path: String, view: IndexPageView)] {
        let reports = corpus.newestFirst
        let groups = Facet.allCases.map { ($0, self.groups($0, reports)) }
        var result = list(reports, current: nil, title: corpus.config.title, groups: groups, path: Self.indexPath)
        for (facet, values) in groups {
            for (value, members) in values {
                result += list(members, current: (facet, value), title: facet.title(value), groups: groups) {
                    Self.facetPath(facet, value, page: $0)
                }
            }
        }
        return result
    }

    /// The values of a facet and their reports (newest first), in the order the filter shows them: years newest
    /// first, the rest alphabetically. Values whose slugs collide share a page: the first spelling names it.
    private func groups(_ facet: Facet, _ reports: [ReportSummary]) -> [(String, [ReportSummary])] {
        var byKey: [String: (value: String, members: [ReportSummary])] = [:]
        for r in reports {
            guard let value = facet.value(r.metadata), !value.isEmpty else { continue }
            let key = Self.facetPath(facet, value)
            byKey[key, default: (value, [])].members.append(r)
        }
        let sorted = byKey.values.sorted { a, b in
            facet == .year ? a.value > b.value : (a.value.lowercased(), a.value) < (b.value.lowercased(), b.value)
        }
        return sorted.map { ($0.value, $0.members) }
    }

    private func list(_ reports: [ReportSummary], current: (Facet, String)?, title: String,
                      groups: [(Facet, [(String, [ReportSummary])])], path: (Int) -> String) -> [(path: String, view: IndexPageView)] {
        let chunks = stride(from: 0, to: max(reports.count, 1), by: Self.perPage).map {
            Array(reports[$0..<min($0 + Self.perPage, reports.count)])
        }
        let base = corpus.config.baseURL
        let currentPath = current.map { Self.facetPath($0.0, $0.1) }
        return chunks.enumerated().map { i, chunk in
            let number = i + 1
            let here = path(number)
            let root = String(repeating: "../", count: here.split(separator: "/").count - 1)
            let shortPath = here.hasSuffix("/index.html") ? String(here.dropLast("index.html".count)) : (number == 1 ? "" : here)
            let crumbs = current.map { facet, value in
                [CrumbView(label: "Reports", href: root + "index.html"), CrumbView(label: facet.title(value), href: nil)]
            } ?? []
            let layout = LayoutView(config: corpus.config, root: root,
                                    pageTitle: title + (chunks.count > 1 ? " (page \(number) of \(chunks.count))" : "")
                                        + (current == nil ? "" : " · \(corpus.config.title)"),
                                    canonical: base.isEmpty ? nil : base + "/" + shortPath, crumbs: crumbs)
            let entries = chunk.map { r in
                IndexEntryView(href: root + r.symbol.pagePath, symbol: r.symbol.description, title: r.metadata.title,
                               date: r.metadata.date, displayDate: DisplayDate.format(r.metadata.date), body: r.metadata.body,
                               author: r.metadata.author, status: r.metadata.status, excerpt: r.metadata.excerpt)
            }
            let facets = groups.map { facet, values in
                FacetView(id: "by-" + facet.rawValue, heading: facet.heading, links: values.map { value, members in
                    let path = Self.facetPath(facet, value)
                    return FilterLinkView(label: value, count: members.count, href: root + path, current: path == currentPath)
                })
            }.filter { !$0.links.isEmpty }
            let pagination = chunks.count == 1 ? [] : [PaginationView(number: number, count: chunks.count) { root + path($0) }]
            return (here, IndexPageView(layout: layout, heading: title, reports: entries, count: reports.count,
                                        total: corpus.reports.count, isAll: current == nil, allHref: root + "index.html",
                                        facets: facets, pagination: pagination))
        }
    }
}

/// One way of narrowing the list of reports (by body, year, mandate holder) and its values.
struct FacetView {
    let id: String
    let heading: String
    let links: [FilterLinkView]
}
