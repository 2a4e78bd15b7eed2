import Foundation
import XCTest
@testable import ReportSiteKit

/// Builds the project's real content/ with the real templates and checks the pages a reader gets.
final class RealContentTests: XCTestCase {
    nonisolated(unsafe) static var site: URL!  // set once in class setUp; XCTest runs a class's tests one at a time
    nonisolated(unsafe) static var outcome: SiteBuilder.Outcome!
    nonisolated(unsafe) static var diagnostics: [Diagnostic] = []

    override class func setUp() {
        super.setUp()
        site = FileManager.default.temporaryDirectory.appendingPathComponent("reportsite-real-\(UUID().uuidString)/site")
        (outcome, diagnostics) = buildSite(content: Project.content, output: site, strict: true)
    }

    override class func tearDown() {
        try? FileManager.default.removeItem(at: site.deletingLastPathComponent())
        super.tearDown()
    }

    func page(_ symbol: String) throws -> Page {
        try Page(Self.site.appendingPathComponent(symbol).appendingPathComponent("index.html"))
    }

    func testBuildsStrictlyWithoutDiagnostics() {
        XCTAssertEqual(Self.outcome, .success(reports: 4, files: 39 + 19))  // 19 search files: search.html, search/
        // Recommendations whose text names no addressee: a note each report (RS701), never an error, under --strict too.
        XCTAssertEqual(Self.diagnostics.map(\.formatted), [
            "content/reports/A-57-292.md:36:1: note: 4 recommendations name no addressee: paras. 72, 73, 74, 76; the index lists them under Not specified [RS701]\n  note: if the report means someone, say so in the front matter: addressees: { \"72\": [states] }",
            "content/reports/A-58-275.md:280:1: note: 5 recommendations name no addressee: paras. 77, 78, 80, 81, 84; the index lists them under Not specified [RS701]\n  note: if the report means someone, say so in the front matter: addressees: { \"77\": [states] }",
            "content/reports/E-CN.4-2000-82.md:20:1: note: 1 recommendation names no addressee: para. 91; the index lists them under Not specified [RS701]\n  note: if the report means someone, say so in the front matter: addressees: { \"91\": [states] }",
        ])
    }

    /// The ids of numbered paragraphs (`para-N`, not sub-paragraphs), in page order.
    func paragraphIDs(_ page: Page) -> [String] {
        page.ids.filter { $0.hasPrefix("para-") && $0.dropFirst(5).allSatisfy(\.isNumber) }
    }

    func testEveryParagraphOfA58275HasItsAnchorOnceInOrder() throws {
        XCTAssertEqual(paragraphIDs(try page("A/58/275")), (1...85).map { "para-\($0)" })
    }

    func testEveryParagraphOfA68283HasItsAnchorOnceInOrder() throws {
        XCTAssertEqual(paragraphIDs(try page("A/68/283")), (1...143).map { "para-\($0)" })
    }

    func testSubParagraphsOfECN4200082() throws {
        let ids = try page("E/CN.4/2000/82").ids.filter { $0.hasPrefix("para-91-") }
        XCTAssertEqual(ids, "abcdefgh".map { "para-91-\($0)" })
    }

    func testExcerptsStartWithTheCutParagraph() throws {
        XCTAssertEqual(paragraphIDs(try page("A/57/292")), (63...77).map { "para-\($0)" })
        let cut = try XCTUnwrap(try page("A/57/292").element(id: "para-63"))
        XCTAssertTrue(cut.contains("class=\"para incomplete\""))
        XCTAssertTrue(Page.text(cut).contains("relating to the Status of Refugees of 1951"))
        XCTAssertEqual(paragraphIDs(try page("E/CN.4/2000/82")), ["para-90", "para-91"])
    }

    func testIdsAreUniqueOnEveryPage() throws {
        for symbol in ["A/58/275", "A/68/283", "A/57/292", "E/CN.4/2000/82"] {
            let ids = try page(symbol).ids
            XCTAssertEqual(ids.count, Set(ids).count, "repeated id on \(symbol)")
        }
    }

    func testParagraphJoinedAcrossPageBreaks() throws {
        let p18 = try XCTUnwrap(try page("A/58/275").element(id: "para-18"))
        XCTAssertTrue(Page.text(p18).contains("regulating, through a licensing and registration system"), Page.text(p18))
        XCTAssertEqual(p18.components(separatedBy: "<p>").count - 1, 1, "paragraph 18 must be one paragraph")

        let p8 = try XCTUnwrap(try page("A/68/283").element(id: "para-8"))
        XCTAssertEqual(p8.components(separatedBy: "<p>").count - 1, 1, "paragraph 8 must be one paragraph")
        XCTAssertFalse(Page.text(p8).contains("A/68/283"), "no running header inside the paragraph")
    }

    func testEighteenFootnotesWithWorkingBackLinks() throws {
        let page = try page("A/68/283")
        let ids = Set(page.ids)
        for n in 1...18 {
            let note = try XCTUnwrap(page.element(id: "fn-\(n)"), "footnote \(n)")
            XCTAssertTrue(note.contains("href=\"#fnref-\(n)\""), "footnote \(n) links back")
            XCTAssertTrue(ids.contains("fnref-\(n)"), "footnote \(n) is cited")
            let reference = try XCTUnwrap(page.element(id: "fnref-\(n)"))
            XCTAssertTrue(reference.contains("href=\"#fn-\(n)\""))
        }
        XCTAssertFalse(ids.contains("fn-19"))
        XCTAssertEqual(page.ids.filter { $0.hasPrefix("fn-") }.count, 18)
    }

    func testFootnoteMarkedWithAnAsterisk() throws {
        let page = try page("A/58/275")
        XCTAssertTrue(try XCTUnwrap(page.element(id: "fn-star")).contains("<a class=\"citation\" href=\"https://undocs.org/A/58/150\">A/58/150</a>."))
        XCTAssertTrue(try XCTUnwrap(page.element(id: "fnref-star")).contains("href=\"#fn-star\""))
    }

    func testTableOfContentsRanges() throws {
        let toc = try page("A/68/283").html.components(separatedBy: "<nav class=\"toc\"")[1].components(separatedBy: "</nav>")[0]
        let text = Page.text(toc)
        XCTAssertTrue(text.contains("IV. Conclusions and recommendations paras. 121-143"), text)
        XCTAssertTrue(text.contains("A. Conclusions paras. 121-126"), text)
        XCTAssertTrue(text.contains("I. Introduction para. 1"), text)
        XCTAssertTrue(toc.contains("href=\"#sec-IV-B-1\""))
        XCTAssertTrue(toc.contains("href=\"#sec-IV-B-1-a\""))
        let a57 = Page.text(try page("A/57/292").html.components(separatedBy: "<nav class=\"toc\"")[1].components(separatedBy: "</nav>")[0])
        XCTAssertTrue(a57.contains("VI. Recommendations paras. 69-77"), a57)
    }

    func testHomePageListsReportsNewestFirst() throws {
        let home = try Page(Self.site.appendingPathComponent("index.html"))
        let hrefs = home.values(of: "href").filter { $0.hasSuffix("/index.html") && !$0.hasPrefix("recommendations/") && !$0.hasPrefix("browse/") }
        var seen: [String] = []
        for h in hrefs where !seen.contains(h) { seen.append(h) }
        XCTAssertEqual(seen, ["A/68/283/index.html", "A/58/275/index.html", "A/57/292/index.html", "E/CN.4/2000/82/index.html"])
        XCTAssertTrue(Page.text(home.html).contains("12 August 2003"))
    }

    /// Every relative link names a file that exists, and every `#anchor` exists on its page.
    func testEveryInternalLinkResolves() throws {
        let fm = FileManager.default
        let files = (fm.enumerator(atPath: Self.site.path)?.compactMap { $0 as? String } ?? []).filter { $0.hasSuffix(".html") }
        var checked = 0
        var idsByPage: [String: Set<String>] = [:]
        func ids(_ url: URL) throws -> Set<String> {
            if let known = idsByPage[url.path] { return known }
            let found = Set(try Page(url).ids)
            idsByPage[url.path] = found
            return found
        }
        for file in files where file != "404.html" {
            let url = Self.site.appendingPathComponent(file)
            let page = try Page(url)
            for href in page.values(of: "href") + page.values(of: "src") where !href.hasPrefix("http") {
                let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let target = parts[0].isEmpty ? url : URL(fileURLWithPath: String(parts[0]), relativeTo: url.deletingLastPathComponent()).standardizedFileURL
                XCTAssertTrue(fm.fileExists(atPath: target.path), "\(file): \(href) names no file")
                XCTAssertFalse(target.path.hasSuffix("/"), "\(file): \(href) must name the file")
                if parts.count == 2, target.pathExtension == "html" {
                    XCTAssertTrue(try ids(target).contains(String(parts[1])), "\(file): \(href) names no anchor")
                }
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 450)
    }

    func testBuildIsByteIdentical() throws {
        let second = try temporaryFolder(self).appendingPathComponent("site")
        XCTAssertEqual(buildSite(content: Project.content, output: second).0, Self.outcome)
        let fm = FileManager.default
        let files = (fm.enumerator(atPath: Self.site.path)?.compactMap { $0 as? String } ?? []).sorted()
        XCTAssertEqual(files, (fm.enumerator(atPath: second.path)?.compactMap { $0 as? String } ?? []).sorted())
        for file in files {
            XCTAssertEqual(fm.contents(atPath: Self.site.appendingPathComponent(file).path),
                           fm.contents(atPath: second.appendingPathComponent(file).path), file)
        }
    }

    /// Whole pages compared with files under Golden/ (set UPDATE_GOLDEN=1 to rewrite them after a deliberate change).
    func testGoldenPages() throws {
        for (symbol, name) in [("E/CN.4/2000/82", "E-CN.4-2000-82.html"), ("A/57/292", "A-57-292.html"), ("", "index.html"),
                               ("recommendations/report/A-57-292", "recommendations-A-57-292.html")] {
            let built = try String(contentsOf: Self.site.appendingPathComponent(symbol).appendingPathComponent("index.html"), encoding: .utf8)
            let golden = Project.golden.appendingPathComponent(name)
            if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
                try FileManager.default.createDirectory(at: Project.golden, withIntermediateDirectories: true)
                try built.write(to: golden, atomically: true, encoding: .utf8)
            }
            XCTAssertEqual(built, try String(contentsOf: golden, encoding: .utf8), "\(name) differs from its golden file")
        }
    }
}

/// With `base_url`, pages carry canonical links and the site a sitemap, in the short URL form; without it, neither.
final class PublishedURLTests: XCTestCase {
    func testSitemapAndCanonicalLinksFollowBaseURL() throws {
        let root = try temporaryFolder(self)
        let content = root.appendingPathComponent("content")
        try FileManager.default.copyItem(at: Project.content, to: content)
        let yml = try String(contentsOf: content.appendingPathComponent("site.yml"), encoding: .utf8)
            .replacingOccurrences(of: "base_url: \"\"", with: "base_url: \"https://example.org/reports/\"")
        try yml.write(to: content.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        let site = root.appendingPathComponent("site")
        XCTAssertEqual(buildSite(content: content, output: site).0, .success(reports: 4, files: 41 + 19))  // 19 search files
        let sitemap = try String(contentsOf: site.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        XCTAssertTrue(sitemap.contains("<url><loc>https://example.org/reports/A/58/275/</loc><lastmod>2003-08-12</lastmod></url>"), sitemap)
        XCTAssertTrue(sitemap.contains("<url><loc>https://example.org/reports/E/CN.4/2000/82/</loc>"))
        XCTAssertTrue(try Page(site.appendingPathComponent("A/58/275/index.html")).html
            .contains("<link rel=\"canonical\" href=\"https://example.org/reports/A/58/275/\">"))
        // Without base_url (the project's own site.yml) there is no sitemap: nor feed, and RealContentTests counts 39 files.
    }
}
