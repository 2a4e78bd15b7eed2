import Foundation
@testable import ReportSiteSite
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import ReportSiteKit

/// What a reader finds around a report: the lists narrowed by body, year and mandate holder, the breadcrumbs,
/// the newer and older report; and what a publisher gets for search engines and feed readers: robots.txt,
/// the Atom feed, Open Graph data. All from the project's own content, built with the real library.
final class ReaderNavigationTests: XCTestCase {
    private func copyContent(baseURL: String? = nil) throws -> (root: URL, content: URL, site: URL) {
        let root = try temporaryFolder(self)
        let content = root.appendingPathComponent("content")
        try FileManager.default.copyItem(at: Project.content, to: content)
        if let baseURL {
            let yml = try String(contentsOf: content.appendingPathComponent("site.yml"), encoding: .utf8)
                .replacingOccurrences(of: "base_url: \"\"", with: "base_url: \"\(baseURL)\"")
            try yml.write(to: content.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        }
        return (root, content, root.appendingPathComponent("site"))
    }

    /// The report pages a list links to, in order, each once.
    private func listed(_ page: Page) -> [String] {
        var seen: [String] = []
        for href in page.values(of: "href") where href.range(of: #"^(\.\./)*[A-Z][^#]*/index\.html$"#, options: .regularExpression) != nil {
            let target = href.replacingOccurrences(of: "../", with: "")
            if !seen.contains(target) { seen.append(target) }
        }
        return seen
    }

    func testListsNarrowedByBodyYearAndMandateHolder() throws {
        let (_, content, site) = try copyContent()
        XCTAssertEqual(buildSite(content: content, output: site).0, .success(reports: 4, files: 39 + 19))  // 19 search files
        let year = try Page(site.appendingPathComponent("browse/year/2003/index.html"))
        XCTAssertEqual(listed(year), ["A/58/275/index.html"])
        XCTAssertTrue(year.html.contains("<h1>Reports of 2003</h1>"))
        XCTAssertTrue(year.html.contains("<a href=\"../../../browse/year/2003/index.html\" aria-current=\"page\">2003</a>"), year.html)
        let ga = try Page(site.appendingPathComponent("browse/body/general-assembly/index.html"))
        XCTAssertEqual(listed(ga), ["A/68/283/index.html", "A/58/275/index.html", "A/57/292/index.html"])
        XCTAssertTrue(Page.text(ga.html).contains("3 of the 4 reports"), Page.text(ga.html))
        let chr = try Page(site.appendingPathComponent("browse/body/commission-on-human-rights/index.html"))
        XCTAssertEqual(listed(chr), ["E/CN.4/2000/82/index.html"])
        // The accented name gets an ASCII folder; the page shows the name as written.
        let holder = try Page(site.appendingPathComponent("browse/mandate-holder/gabriela-rodriguez-pizarro/index.html"))
        XCTAssertEqual(listed(holder), ["A/58/275/index.html", "A/57/292/index.html", "E/CN.4/2000/82/index.html"])
        XCTAssertTrue(holder.html.contains("<h1>Reports by Gabriela Rodríguez Pizarro</h1>"))
        // The home page links to every value of every facet, with its count, and lists all reports.
        let home = try Page(site.appendingPathComponent("index.html"))
        for path in ["browse/year/2013/index.html", "browse/year/2000/index.html", "browse/body/general-assembly/index.html",
                     "browse/mandate-holder/francois-crepeau/index.html"] {
            XCTAssertTrue(home.values(of: "href").contains(path), path)
        }
        XCTAssertTrue(home.html.contains("General Assembly</a> <span class=\"count\">3</span>"))
        XCTAssertEqual(listed(home).count, 4)
        // Breadcrumbs: the list of all reports, then the list narrowed to the page's value.
        let crumbs = try XCTUnwrap(year.html.components(separatedBy: "<nav class=\"breadcrumbs\"").dropFirst().first)
        XCTAssertTrue(crumbs.hasPrefix(" aria-label=\"Breadcrumb\"><ol><li><a href=\"../../../index.html\">Reports</a></li><li><span aria-current=\"page\">Reports of 2003</span></li></ol></nav>"), crumbs)
    }

    func testAReportPageLinksItsBodyAndTheNewerAndOlderReports() throws {
        let (_, content, site) = try copyContent()
        _ = buildSite(content: content, output: site)
        let page = try Page(site.appendingPathComponent("A/58/275/index.html"))
        XCTAssertTrue(page.html.contains("<li><a href=\"../../../index.html\">Reports</a></li><li><a href=\"../../../browse/body/general-assembly/index.html\">General Assembly</a></li><li><span aria-current=\"page\">A/58/275</span></li>"))
        let neighbours = try XCTUnwrap(page.html.components(separatedBy: "<nav class=\"neighbours\"").dropFirst().first?
            .components(separatedBy: "</nav>").first)
        XCTAssertTrue(neighbours.contains("<a class=\"newer\" rel=\"prev\" href=\"../../../A/68/283/index.html\">"), neighbours)
        XCTAssertTrue(neighbours.contains("<a class=\"older\" rel=\"next\" href=\"../../../A/57/292/index.html\">"), neighbours)
        // The newest report has no newer one; the oldest no older one.
        let newest = try Page(site.appendingPathComponent("A/68/283/index.html")).html
        XCTAssertFalse(newest.contains("class=\"newer\""))
        XCTAssertTrue(newest.contains("class=\"older\" rel=\"next\" href=\"../../../A/58/275/index.html\""))
        XCTAssertFalse(try Page(site.appendingPathComponent("E/CN.4/2000/82/index.html")).html.contains("class=\"older\""))
        // What the "Cite" control reads: the symbol, and no published address without base_url.
        XCTAssertTrue(page.html.contains("<main id=\"main\" class=\"report\" data-symbol=\"A/58/275\">"))
        XCTAssertTrue(page.values(of: "src").contains("../../../assets/report.js"))
    }

    /// A report added at the top of the list changes the "Newer report" of the report that was newest: a rebuild
    /// that reuses pages must render that page again, and only the pages whose neighbours changed.
    func testAnIncrementalBuildRendersThePagesWhoseNeighboursChanged() throws {
        let (_, content, site) = try copyContent()
        var first = SiteBuilder(options: .init(content: content, output: site, templates: Project.templates, strict: true,
                                               displayBase: content.deletingLastPathComponent()))
        XCTAssertEqual(first.build(), .success(reports: 4, files: 39 + 19))  // 19 search files
        let newer = """
            ---
            symbol: A/70/310
            title: Human rights of migrants
            date: 2015-08-11
            body: General Assembly
            author: François Crépeau
            ---

            1. The Special Rapporteur reports on his work.

            """
        try newer.write(to: content.appendingPathComponent("reports/A-70-310.md"), atomically: true, encoding: .utf8)
        var second = SiteBuilder(options: .init(content: content, output: site, templates: Project.templates, strict: true,
                                                displayBase: content.deletingLastPathComponent()))
        guard case .success = second.build() else { return XCTFail("\(second.diagnostics.diagnostics.map(\.formatted))") }
        XCTAssertEqual(Set(second.reusedPages.filter { !$0.hasPrefix("recommendations/") }), ["A/58/275/index.html", "A/57/292/index.html", "E/CN.4/2000/82/index.html"])
        let was = try Page(site.appendingPathComponent("A/68/283/index.html")).html
        XCTAssertTrue(was.contains("class=\"newer\" rel=\"prev\" href=\"../../../A/70/310/index.html\""))
        XCTAssertTrue(try Page(site.appendingPathComponent("A/70/310/index.html")).html.contains("href=\"../../../A/68/283/index.html\""))
        XCTAssertEqual(listed(try Page(site.appendingPathComponent("browse/mandate-holder/francois-crepeau/index.html"))),
                       ["A/70/310/index.html", "A/68/283/index.html"])
    }

    func testFeedRobotsAndOpenGraphFollowBaseURL() throws {
        let (_, content, site) = try copyContent(baseURL: "https://example.org/reports")
        XCTAssertEqual(buildSite(content: content, output: site).0, .success(reports: 4, files: 41 + 19))  // 19 search files
        let robots = try String(contentsOf: site.appendingPathComponent("robots.txt"), encoding: .utf8)
        XCTAssertTrue(robots.contains("User-agent: *\nAllow: /\n"))
        XCTAssertTrue(robots.hasSuffix("Sitemap: https://example.org/reports/sitemap.xml\n"), robots)

        // The feed is well-formed Atom: the newest report first, dated by its day, linked at its short address.
        let data = try Data(contentsOf: site.appendingPathComponent("feed.xml"))
        let feed = AtomReader()
        let parser = XMLParser(data: data)
        parser.delegate = feed
        XCTAssertTrue(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        XCTAssertEqual(feed.entries.map(\.id), ["https://example.org/reports/A/68/283/", "https://example.org/reports/A/58/275/",
                                                "https://example.org/reports/A/57/292/", "https://example.org/reports/E/CN.4/2000/82/"])
        XCTAssertEqual(feed.entries.first?.updated, "2013-08-05T00:00:00Z")
        XCTAssertEqual(feed.entries[1].title, "A/58/275: Human rights of migrants")
        XCTAssertEqual(feed.entries[1].author, "Gabriela Rodríguez Pizarro")
        XCTAssertEqual(feed.feedUpdated, "2013-08-05T00:00:00Z")
        XCTAssertEqual(feed.selfLink, "https://example.org/reports/feed.xml")

        let page = try Page(site.appendingPathComponent("A/58/275/index.html")).html
        for meta in ["<meta property=\"og:type\" content=\"article\">",
                     "<meta property=\"og:url\" content=\"https://example.org/reports/A/58/275/\">",
                     "<meta property=\"og:title\" content=\"A/58/275: Human rights of migrants\">",
                     "<meta name=\"description\" content=\"Human rights of migrants. Note by the Secretary-General. General Assembly. 12 August 2003\">",
                     "<link rel=\"alternate\" type=\"application/atom+xml\"",
                     "data-cite-url=\"https://example.org/reports/A/58/275/\""] {
            XCTAssertTrue(page.contains(meta), meta)
        }
        let home = try Page(site.appendingPathComponent("index.html")).html
        XCTAssertTrue(home.contains("<meta property=\"og:type\" content=\"website\">"))
        XCTAssertTrue(home.contains("<link rel=\"canonical\" href=\"https://example.org/reports/\">"))
        XCTAssertTrue(try Page(site.appendingPathComponent("browse/year/2003/index.html")).html
            .contains("<link rel=\"canonical\" href=\"https://example.org/reports/browse/year/2003/\">"))
        XCTAssertTrue(try Page(site.appendingPathComponent("recommendations/states/index.html")).html
            .contains("<link rel=\"canonical\" href=\"https://example.org/reports/recommendations/states/\">"))
    }

    func testWithoutBaseURLThereIsNoFeedAndNoOpenGraph() throws {
        let (_, content, site) = try copyContent()
        _ = buildSite(content: content, output: site)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.appendingPathComponent("feed.xml").path))
        let robots = try String(contentsOf: site.appendingPathComponent("robots.txt"), encoding: .utf8)
        XCTAssertFalse(robots.contains("Sitemap:"))
        let page = try Page(site.appendingPathComponent("A/58/275/index.html")).html
        XCTAssertFalse(page.contains("og:"))
        XCTAssertFalse(page.contains("data-cite-url"))
        XCTAssertTrue(page.contains("<meta name=\"color-scheme\" content=\"light dark\">"))
    }
}

/// The few fields of an Atom feed the tests read.
private final class AtomReader: NSObject, XMLParserDelegate {
    struct Entry { var id = "", title = "", updated = "", author = "" }
    var entries: [Entry] = []
    var feedUpdated = ""
    var selfLink = ""
    private var path: [String] = []
    private var text = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        path.append(name)
        text = ""
        if name == "entry" { entries.append(Entry()) }
        if name == "link", path.count == 2, attributes["rel"] == "self" { selfLink = attributes["href"] ?? "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        let inEntry = path.contains("entry")
        switch (name, inEntry) {
        case ("id", true): entries[entries.count - 1].id = text
        case ("title", true): entries[entries.count - 1].title = text
        case ("updated", true): entries[entries.count - 1].updated = text
        case ("name", true): entries[entries.count - 1].author = text
        case ("updated", false): feedUpdated = text
        default: break
        }
        path.removeLast()
    }
}
