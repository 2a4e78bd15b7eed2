import ReportSiteCore
import ReportSiteReports

/// What the templates read. Plain values, built from the document model; every string here is
/// either text (escaped by the templates' `{{ }}`, with `HTMLEscaping`) or HTML made by `MarkupRenderer` (used with `{{{ }}}`).
struct LayoutView {
    let siteTitle: String
    let language: String
    /// `../../../` from a report page to the site root; empty on the home page.
    let root: String
    let pageTitle: String
    let canonical: String?
    /// The stylesheet itself, written into the page instead of linked (the 404 page without `base_url`).
    var inlineStyle: String? = nil
    /// The page's summary for search engines and link previews (`<meta name="description">`, Open Graph).
    var description: String? = nil
    /// Open Graph's kind of page: `article` for a report, `website` for the rest.
    var ogType = "website"
    /// The Atom feed's address (only with `base_url`: feed readers need absolute addresses).
    var feed: String? = nil
    /// Where the page is: "Reports > General Assembly > A/58/275", the last one the page itself (no link).
    var crumbs: [CrumbView] = []

    /// A page's layout from the site's settings: the description, feed and Open Graph data follow `site.yml`.
    init(config: SiteConfig, root: String, pageTitle: String, canonical: String?, description: String? = nil,
         ogType: String = "website", crumbs: [CrumbView] = [], inlineStyle: String? = nil) {
        siteTitle = config.title
        language = config.language
        self.root = root
        self.pageTitle = pageTitle
        self.canonical = canonical
        self.inlineStyle = inlineStyle
        let text = description ?? config.description
        self.description = text.isEmpty ? nil : text
        self.ogType = ogType
        feed = config.baseURL.isEmpty ? nil : config.baseURL + "/feed.xml"
        self.crumbs = crumbs
    }
}

/// One step of the breadcrumb trail; the page itself has no `href`.
struct CrumbView {
    let label: String
    let href: String?
}

struct ReportPageView {
    let layout: LayoutView
    let report: ReportHeaderView
    let toc: [TocEntryView]
    /// The body, each item rendered with `partials/body-item` (rendering items one by one keeps the template's
    /// context shallow: measured 2.5 times faster than a section over all items).
    let bodyHTML: String
    let footnotes: [FootnoteView]
    let hasToc: Bool
    let hasFootnotes: Bool
    /// The reports next to this one in the list of reports (newest first).
    var newer: NeighbourView? = nil
    var older: NeighbourView? = nil
    /// The page's address to paste, `https://example.org/A/58/275/` (only with `base_url`): the "copy citation"
    /// control adds `#para-80`; without it the control uses the address the page was opened at.
    var citeURL: String? = nil
}

/// A report linked from another page: "Older report: A/57/292, Migrant workers".
struct NeighbourView {
    let href: String
    let symbol: String
    let title: String
    let date: String
    let displayDate: String
}

struct ReportHeaderView {
    let symbol: String
    let title: String
    let subtitle: String?
    let date: String
    let displayDate: String
    let body: String
    let author: String?
    let mandate: String?
    let session: String?
    let agendaItem: String?
    let status: String?
    let excerpt: String?
    let source: String?
    let documentURL: String
    let paragraphCount: Int
    let firstParagraph: Int?
    let lastParagraph: Int?
    /// How many citations from other reports on the site point at this one.
    let citedCount: Int?
}

struct TocEntryView {
    let href: String
    let label: String?
    let title: String
    let range: String?
    let children: [TocEntryView]
    let hasChildren: Bool
}

struct BodyItemView {
    var heading: HeadingView?
    var paragraph: ParagraphView?
    var html: String?
}

struct HeadingView {
    let level: Int
    let id: String
    let label: String?
    let titleHTML: String
    let range: String?
}

struct ParagraphView {
    let anchor: String?
    let number: Int
    let incomplete: Bool
    /// The paragraph goes on after the excerpt's passage.
    var cutEnd = false
    /// Paragraphs an excerpt leaves out just before this one.
    var gap: GapView?
    let parts: [PartView]
    let citedBy: [CitedByView]
    /// Set when the paragraph is in the recommendations index.
    let rec: RecommendationTagsView?
}

/// "Paragraphs 73-75 are not in this excerpt": the numbers an excerpt leaves out between two passages.
struct GapView {
    /// `74`, or `73-75`.
    let range: String
    let many: Bool

    init(from first: Int, to last: Int) {
        range = first == last ? "\(first)" : "\(first)-\(last)"
        many = first != last
    }
}

/// A place in another report that cites this paragraph.
struct CitedByView {
    let href: String
    let label: String
    let last: Bool
}

struct PartView {
    var html: String?
    var sub: SubParagraphView?
}

struct SubParagraphView {
    let id: String
    let label: String
    let html: String
    let children: [SubParagraphView]
    let citedBy: [CitedByView]
    let rec: RecommendationTagsView?
}

struct FootnoteView {
    let id: String
    let label: String
    let html: String
    let backrefs: [BackrefView]
}

struct BackrefView {
    let href: String
    /// 1 for the first citation of the note, 2 for the second ...
    let index: Int
    let many: Bool
}

struct IndexPageView {
    let layout: LayoutView
    /// The list's heading: the site's title, or "Reports of 2003".
    var heading = ""
    let reports: [IndexEntryView]
    /// The reports in this list (all its pages).
    let count: Int
    /// The reports on the site.
    var total = 0
    /// The list of every report (not one cut by body, year or mandate holder).
    var isAll = true
    var allHref = "index.html"
    var facets: [FacetView] = []
    /// "Page 2 of 11" when the list of reports is cut into pages.
    let pagination: [PaginationView]
}

struct IndexEntryView {
    let href: String
    let symbol: String
    let title: String
    let date: String
    let displayDate: String
    let body: String
    let author: String?
    let status: String?
    let excerpt: String?
}

enum DisplayDate {
    static let months = ["January", "February", "March", "April", "May", "June", "July",
                         "August", "September", "October", "November", "December"]

    /// `2003-08-12` -> `12 August 2003`, as United Nations documents print dates.
    static func format(_ iso: String) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]) else { return iso }
        return "\(parts[2]) \(months[parts[1] - 1]) \(parts[0])"
    }
}

/// `para. 1`, `paras. 74-85`.
func paragraphRange(_ first: Int?, _ last: Int?) -> String? {
    guard let first, let last else { return nil }
    return first == last ? "para. \(first)" : "paras. \(first)-\(last)"
}

/// The addressees of a recommendation, shown on its report page.
struct RecommendationTagsView {
    let tags: [TagView]
    /// The recommending States of a review's recommendation ("France, Lithuania"), nil when none.
    var recommendedBy: String? = nil
    /// The position of the State under review, linked to the paragraph that states it.
    var position: PositionView? = nil
}

/// "Supported", "Noted", "Pending", and where the report or its addendum says so.
struct PositionView {
    let label: String
    let href: String?

    /// A record's position, linked from a page in the folder of `page` (nil: the site's root, where `root` leads)
    /// to the place that states it, given relative to the site's root (`A/HRC/43/15/Add.1/#para-3`).
    init?(_ record: Recommendation, from page: Symbol?, root: String) {
        guard let position = record.reviewPosition else { return nil }
        label = position.label
        href = record.positionSource.flatMap { place in
            guard let cut = place.range(of: "/#"), let target = Symbol(String(place[..<cut.lowerBound])) else { return nil }
            let anchor = String(place[cut.upperBound...])
            if let page { return target == page ? "#" + anchor : SiteURL.relative(from: page, to: target, anchor: anchor) }
            return root + target.pagePath + "#" + anchor
        }
    }
}

extension Recommendation.ReviewPosition {
    /// As shown: "Supported", "Noted", "Pending".
    var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}
