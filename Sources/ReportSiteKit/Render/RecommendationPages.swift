import Foundation

/// The recommendations index pages: all addressees (`recommendations/index.html`), one page per addressee
/// (`recommendations/<slug>/index.html`) and one per report (`recommendations/report/A-58-275/index.html`),
/// so that filtering works without JavaScript. They link to the reports' anchors and never copy their ids.
struct RecommendationPages {
    let corpus: Corpus
    let index: RecommendationIndex
    let templates: TemplateSet

    static let folder = "recommendations"

    var dates: [Symbol: String] { Dictionary(corpus.reports.map { ($0.symbol, $0.metadata.date) }, uniquingKeysWith: { a, _ in a }) }

    static func addresseePath(_ slug: String) -> String { "\(folder)/\(slug)/index.html" }
    static func reportPath(_ symbol: Symbol) -> String { "\(folder)/report/\(symbol.components.joined(separator: "-"))/index.html" }

    func files() -> [OutputFile] {
        var files: [OutputFile] = []
        func add(_ path: String, _ view: RecommendationsPageView) {
            files.append(OutputFile(path: path, contents: Data(templates.render("recommendations", view).utf8)))
        }
        add("\(Self.folder)/index.html", page(root: "../", title: "Recommendations by addressee", groups: index.groups,
                                               current: .all))
        for group in index.groups {
            add(Self.addresseePath(group.addressee.slug),
                page(root: "../../", title: "Recommendations to \(group.addressee.name)", groups: [group], current: .addressee(group.addressee.slug)))
        }
        // Each group split by report once (not filtered again for every report: that grew with reports x records).
        var byReport: [Symbol: [RecommendationIndex.Group]] = [:]
        for g in index.groups {
            var members: [Symbol: [Recommendation]] = [:]
            for r in g.records { members[r.report, default: []].append(r) }
            for (symbol, records) in members { byReport[symbol, default: []].append(RecommendationIndex.Group(addressee: g.addressee, records: records)) }
        }
        for report in corpus.reports where !report.recommendations.isEmpty {
            let groups = byReport[report.symbol] ?? []
            add(Self.reportPath(report.symbol), page(root: "../../../", title: "Recommendations of \(report.symbol)", groups: groups,
                                                     current: .report(report.symbol)))
        }
        return files
    }

    enum Current: Equatable { case all, addressee(String), report(Symbol) }

    private func page(root: String, title: String, groups: [RecommendationIndex.Group], current: Current) -> RecommendationsPageView {
        let layout = LayoutView(siteTitle: corpus.config.title, language: corpus.config.language, root: root,
                                pageTitle: "\(title) · \(corpus.config.title)", canonical: nil)
        // A report's page counts that report's recommendations and links to its own groups; the other pages
        // count the whole index and link to each addressee's page.
        let addressees: [FilterLinkView]
        if case .report = current {
            addressees = groups.map {
                FilterLinkView(label: $0.addressee.name, count: $0.records.count, href: "#addressee-" + $0.addressee.slug, current: false)
            }
        } else {
            addressees = index.groups.map {
                FilterLinkView(label: $0.addressee.name, count: $0.records.count, href: root + Self.addresseePath($0.addressee.slug),
                               current: current == .addressee($0.addressee.slug))
            }
        }
        // The list of reports is on the main page only: on each of a thousand report pages it would make the
        // index grow with the square of the number of reports.
        let reports = current != .all ? [] : corpus.reports.filter { !$0.recommendations.isEmpty }.map {
            FilterLinkView(label: $0.symbol.description, count: $0.recommendations.count, href: root + Self.reportPath($0.symbol),
                           current: false)
        }
        let dates = self.dates
        let groupViews = groups.map { g in
            RecommendationGroupView(
                id: "addressee-" + g.addressee.slug, name: g.addressee.name, count: g.records.count,
                records: g.records.map { r in
                    RecordView(
                        symbol: r.report.description, reportHref: root + r.report.pagePath,
                        href: root + r.report.pagePath + "#" + r.anchor,
                        paragraphLabel: "para. " + ParagraphID.display(r.paragraph),
                        section: r.section.joined(separator: " › "), date: dates[r.report] ?? "",
                        displayDate: DisplayDate.format(dates[r.report] ?? ""), textHTML: HTMLEscaping.escape(r.text),
                        assignedBy: r.assignedBy.rawValue,
                        others: r.addressees.filter { $0 != g.addressee.slug }.compactMap { slug in
                            index.addressee(slug).map { TagView(name: $0.name, href: root + Self.addresseePath(slug)) }
                        })
                })
        }
        return RecommendationsPageView(
            layout: layout, title: title, isAll: current == .all, allHref: root + "\(Self.folder)/index.html",
            total: groups.reduce(into: Set<String>()) { set, g in g.records.forEach { set.insert("\($0.report)#\($0.anchor)") } }.count,
            addressees: addressees, reports: reports, hasReports: !reports.isEmpty, groups: groupViews)
    }
}

struct RecommendationsPageView {
    let layout: LayoutView
    let title: String
    let isAll: Bool
    let allHref: String
    /// Distinct recommendations on the page (one can be listed under several addressees).
    let total: Int
    let addressees: [FilterLinkView]
    let reports: [FilterLinkView]
    let hasReports: Bool
    let groups: [RecommendationGroupView]
}

struct FilterLinkView {
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
    /// Escaped here (Mustache's own escaping was a tenth of a build's instructions on large indexes).
    let textHTML: String
    let assignedBy: String
    let others: [TagView]
}

/// An addressee's name linking to its index page.
struct TagView {
    let name: String
    let href: String
}
