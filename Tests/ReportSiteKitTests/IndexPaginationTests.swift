import Foundation
import XCTest
@testable import ReportSiteKit
@testable import ReportSiteReports
@testable import ReportSiteSite

/// The recommendations index is cut into pages of bounded size, so that no page grows with the corpus; every
/// record stands on exactly one page of each listing, and the pages link to each other without JavaScript.
final class IndexPaginationTests: XCTestCase {
    /// A report of `count` recommendations to States: real recommending paragraphs of A/58/275 (80-84), repeated.
    func makeContent(count: Int) throws -> URL {
        let root = try temporaryFolder(self)
        let reports = root.appendingPathComponent("content/reports")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Project.content.appendingPathComponent("addressees.yml"),
                                         to: root.appendingPathComponent("content/addressees.yml"))
        let source = try String(contentsOf: Project.content.appendingPathComponent("reports/A-58-275.md"), encoding: .utf8)
        // The paragraphs' text after their numbers, footnote references removed (their definitions are not copied).
        let texts = source.split(separator: "\n").filter { line in ["80. ", "81. ", "82. ", "83. ", "84. "].contains { line.hasPrefix($0) } }
            .map { line -> String in
                var text = String(line.dropFirst(4))
                while let open = text.range(of: "[^"), let close = text[open.upperBound...].firstIndex(of: "]") {
                    text.removeSubrange(open.lowerBound...close)
                }
                return text
            }
        XCTAssertEqual(texts.count, 5)
        var body = "---\nsymbol: A/99/300\ntitle: Many recommendations\ndate: 2024-01-01\nbody: General Assembly\n"
        body += "addressees: { " + (1...count).map { "\"\($0)\": [states]" }.joined(separator: ", ") + " }\n---\n\n## I. Recommendations\n\n"
        for n in 1...count { body += "\(n). \(texts[n % texts.count])\n\n" }
        try Data(body.utf8).write(to: reports.appendingPathComponent("A-99-300.md"))
        return root
    }

    func testAnIndexLargerThanAPageIsSplitIntoLinkedPages() throws {
        let count = 450
        let root = try makeContent(count: count)
        let site = root.appendingPathComponent("site")
        let (outcome, diagnostics) = buildSite(content: root.appendingPathComponent("content"), output: site)
        guard case .success = outcome else { return XCTFail("\(diagnostics.map(\.formatted))") }

        for folder in ["recommendations", "recommendations/states", "recommendations/report/A-99-300"] {
            var anchors: [String] = []
            var number = 1
            var pages: [String] = []
            while true {
                let path = RecommendationPages.pagePath(folder, number)
                guard let data = FileManager.default.contents(atPath: site.appendingPathComponent(path).path) else { break }
                XCTAssertLessThan(data.count, 1_000_000, path)
                let html = String(decoding: data, as: UTF8.self)
                let links = Page(html: html).values(of: "href").filter { $0.contains("A/99/300/index.html#para-") }
                let records = Set(links.map { String($0[$0.range(of: "#")!.upperBound...]) })
                XCTAssertLessThanOrEqual(records.count, RecommendationPages.recordsPerPage, path)
                anchors += records.sorted { Int($0.dropFirst(5))! < Int($1.dropFirst(5))! }
                pages.append(html)
                number += 1
            }
            XCTAssertEqual(pages.count, 3, folder)
            // Every record once, in order, across the pages.
            XCTAssertEqual(anchors, (1...count).map { "para-\($0)" }, folder)
            XCTAssertTrue(pages[0].contains("Page 1 of 3"))
            XCTAssertTrue(pages[0].contains("<a rel=\"next\" href=\"") && !pages[0].contains("rel=\"prev\""))
            XCTAssertTrue(pages[1].contains("rel=\"prev\"") && pages[1].contains("rel=\"next\""))
            XCTAssertTrue(pages[2].contains("(continued)"), "a group cut by a page break says so")
        }
        // The list of reports stands on the first page of the main listing only (on every page, it would make the
        // index grow with the square of the number of reports).
        let main1 = try String(contentsOf: site.appendingPathComponent("recommendations/index.html"), encoding: .utf8)
        let main2 = try String(contentsOf: site.appendingPathComponent("recommendations/page/2/index.html"), encoding: .utf8)
        XCTAssertTrue(main1.contains("<li><a href=\"../recommendations/report/A-99-300/index.html\">A/99/300</a>"))
        XCTAssertFalse(main2.contains(">A/99/300</a> <span class=\"count\">"))
        XCTAssertTrue(main2.contains("see the list on <a href=\"../../../recommendations/index.html\">the main page of the index</a>"))
        // The report page's addressee link points at the page where its group begins (here, its first page).
        let reportPage = try Page(site.appendingPathComponent("recommendations/report/A-99-300/page/2/index.html"))
        XCTAssertTrue(reportPage.values(of: "href").contains("../../../../../recommendations/report/A-99-300/index.html#addressee-states"))
    }

    func testPagesAreCutByTextSizeToo() {
        let symbol = Symbol("A/99/1")!
        let big = String(repeating: "x", count: 100_000)
        let records = (1...10).map {
            Recommendation(report: symbol, paragraph: "\($0)", anchor: "para-\($0)", section: [], addressees: ["states"],
                           assignedBy: .text, text: big, position: SourcePosition(line: $0, column: 1))
        }
        let group = RecommendationIndex.Group(addressee: Addressee(slug: "states", name: "States", aliases: []), records: records)
        let pages = RecommendationPages.paginate([group])
        XCTAssertEqual(pages.map { $0.flatMap(\.group.records).count }, [3, 3, 3, 1])
        XCTAssertEqual(pages.map { $0.first!.continued }, [false, true, true, true])
        // One record larger than a page still gets a page of its own.
        let huge = Recommendation(report: symbol, paragraph: "1", anchor: "para-1", section: [], addressees: ["states"], assignedBy: .text,
                                  text: String(repeating: "y", count: 900_000), position: SourcePosition(line: 1, column: 1))
        XCTAssertEqual(RecommendationPages.paginate([RecommendationIndex.Group(addressee: group.addressee, records: [huge, huge])]).count, 2)
        XCTAssertEqual(RecommendationPages.paginate([]).count, 1, "an empty index still has its first page")
    }
}

/// The list of all reports (the site's home page) is cut into pages too: `index.html`, `index-2.html` ...
final class HomePaginationTests: XCTestCase {
    func testTheListOfReportsIsSplitIntoLinkedPages() throws {
        let root = try temporaryFolder(self)
        let reports = root.appendingPathComponent("content/reports")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        // One real paragraph of A/58/275 (paragraph 1) in each of 501 one-paragraph reports.
        let source = try String(contentsOf: Project.content.appendingPathComponent("reports/A-58-275.md"), encoding: .utf8)
        let paragraph = try XCTUnwrap(source.split(separator: "\n").first { $0.hasPrefix("1. ") }).split(separator: "[^")[0]
        let count = ReportListPages.perPage + 1
        for n in 1...count {
            let text = "---\nsymbol: A/99/\(n)\ntitle: Report \(n)\ndate: 2024-01-01\nbody: General Assembly\n---\n\n\(paragraph)\n"
            try Data(text.utf8).write(to: reports.appendingPathComponent("A-99-\(n).md"))
        }
        let site = root.appendingPathComponent("site")
        let (outcome, diagnostics) = buildSite(content: root.appendingPathComponent("content"), output: site)
        guard case .success = outcome else { return XCTFail("\(diagnostics.prefix(3).map(\.formatted))") }
        let first = try Page(site.appendingPathComponent("index.html"))
        let second = try Page(site.appendingPathComponent("index-2.html"))
        let listed = { (page: Page) in page.values(of: "href").filter { $0.hasPrefix("A/99/") } }
        XCTAssertEqual(Set(listed(first)).count, ReportListPages.perPage)
        XCTAssertEqual(Set(listed(second)).count, 1)
        XCTAssertTrue(first.values(of: "href").contains("index-2.html"))
        XCTAssertTrue(second.values(of: "href").contains("index.html"))
        XCTAssertTrue(Page.text(second.html).contains("Page 2 of 2"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.appendingPathComponent("index-3.html").path))
    }
}
