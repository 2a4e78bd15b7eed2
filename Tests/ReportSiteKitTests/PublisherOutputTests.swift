import Foundation
import XCTest
@testable import ReportSiteKit
@testable import ReportSiteReports

/// What a publisher gets from the real content through the real SiteBuilder: images, the 404 page, the CSV,
/// a report's recommendations page, the sitemap.
final class PublisherOutputTests: XCTestCase {
    /// The real content in a fresh folder, `base_url` set when given; built strictly into `site/`.
    func build(baseURL: String? = nil, change: (URL) throws -> Void = { _ in }) throws -> (URL, SiteBuilder.Outcome, [Diagnostic]) {
        let root = try temporaryFolder(self)
        let content = root.appendingPathComponent("content")
        try FileManager.default.copyItem(at: Project.content, to: content)
        if let baseURL {
            let url = content.appendingPathComponent("site.yml")
            let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "base_url: \"\"", with: "base_url: \"\(baseURL)\"")
            XCTAssertTrue(text.contains(baseURL))
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try change(content)
        let site = root.appendingPathComponent("site")
        let (outcome, diagnostics) = buildSite(content: content, output: site, strict: true)
        return (site, outcome, diagnostics)
    }

    func testImagesNextToTheReportFileAreCopiedNextToItsPage() throws {
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3])
        let (site, outcome, diagnostics) = try build { content in
            let reports = content.appendingPathComponent("reports")
            try FileManager.default.createDirectory(at: reports.appendingPathComponent("figures"), withIntermediateDirectories: true)
            try png.write(to: reports.appendingPathComponent("routes.png"))
            try png.write(to: reports.appendingPathComponent("figures/map 1.png"))
            let url = reports.appendingPathComponent("A-58-275.md")
            let text = try String(contentsOf: url, encoding: .utf8)
            try (text + "\n![Routes](routes.png)\n\n![Map](<figures/map 1.png>)\n").write(to: url, atomically: true, encoding: .utf8)
        }
        XCTAssertEqual(diagnostics.filter { $0.severity != .note }.map(\.formatted), [])
        guard case .success = outcome else { return XCTFail("\(outcome)") }
        XCTAssertEqual(FileManager.default.contents(atPath: site.appendingPathComponent("A/58/275/routes.png").path), png)
        XCTAssertEqual(FileManager.default.contents(atPath: site.appendingPathComponent("A/58/275/figures/map 1.png").path), png)
        let page = try Page(site.appendingPathComponent("A/58/275/index.html"))
        XCTAssertEqual(page.values(of: "src").filter { !$0.hasSuffix(".js") }, ["routes.png", "figures/map%201.png"])
    }

    func testAMissingImageIsAnErrorAtItsLineAndNothingIsWritten() throws {
        var line = 0
        let (site, outcome, diagnostics) = try build { content in
            let url = content.appendingPathComponent("reports/A-58-275.md")
            let text = try String(contentsOf: url, encoding: .utf8)
            line = text.split(separator: "\n", omittingEmptySubsequences: false).count + 1
            try (text + "\nSee ![the figure](figure.png) here.\n").write(to: url, atomically: true, encoding: .utf8)
        }
        XCTAssertEqual(outcome, .contentErrors)
        XCTAssertEqual(diagnostics.filter { $0.severity != .note }.map(\.formatted), ["""
            content/reports/A-58-275.md:\(line):5: error: the image figure.png does not exist [RS302]
              note: images are looked for next to the report file: put figure.png in content/reports/ (it is copied next to the report's page), or correct the name
            """])
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.path))
    }

    func testAnImageThatLeavesTheReportsFolderIsRefused() throws {
        let (_, outcome, diagnostics) = try build { content in
            // Beside the content folder (a file in content/ itself would be named as not read, and stop the build first).
            try Data("x".utf8).write(to: content.deletingLastPathComponent().appendingPathComponent("secret.png"))
            let url = content.appendingPathComponent("reports/A-58-275.md")
            try (try String(contentsOf: url, encoding: .utf8) + "\n![x](../../secret.png)\n").write(to: url, atomically: true, encoding: .utf8)
        }
        XCTAssertEqual(outcome, .contentErrors)
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map(\.message), ["the image ../../secret.png is not a path inside content/reports/"])
    }

    func testThe404PageIsStyledWithoutBaseURLAndLinksFromBaseURLWithIt() throws {
        let (site, _, _) = try build()
        let page = try Page(site.appendingPathComponent("404.html"))
        let css = try String(contentsOf: Project.templates.appendingPathComponent("assets/style.css"), encoding: .utf8)
        XCTAssertTrue(page.html.contains("<style>\n" + css + "</style>"), "the stylesheet is in the page")
        XCTAssertFalse(page.html.contains("<link rel=\"stylesheet\""))
        XCTAssertFalse(page.values(of: "href").contains { $0.hasPrefix("/") }, "no root-relative links: they break at a sub-path and from file://")
        XCTAssertTrue(page.values(of: "href").contains("index.html"))

        let (published, _, _) = try build(baseURL: "https://example.org/reports")
        let page2 = try Page(published.appendingPathComponent("404.html"))
        XCTAssertTrue(page2.html.contains("<link rel=\"stylesheet\" href=\"https://example.org/reports/assets/style.css\">"))
        XCTAssertTrue(page2.values(of: "href").contains("https://example.org/reports/index.html"))
        XCTAssertFalse(page2.html.contains("<style>"))
    }

    func testCSVHasAByteOrderMarkAndAbsoluteURLsOnBaseURL() throws {
        let (site, _, _) = try build()
        let bytes = try Data(contentsOf: site.appendingPathComponent("recommendations.csv"))
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 with a byte order mark, for spreadsheets")
        XCTAssertTrue(String(decoding: bytes.dropFirst(3), as: UTF8.self).hasPrefix("report,paragraph,anchor,url,"))
        XCTAssertTrue(String(decoding: bytes, as: UTF8.self).contains(",A/68/283/#para-140,"), "relative without base_url")

        let (published, _, _) = try build(baseURL: "https://example.org/reports")
        let csv = String(decoding: try Data(contentsOf: published.appendingPathComponent("recommendations.csv")), as: UTF8.self)
        XCTAssertTrue(csv.contains("A/68/283,140,para-140,https://example.org/reports/A/68/283/#para-140,"))
        XCTAssertFalse(csv.split(separator: "\r\n").dropFirst().contains { $0.split(separator: ",")[3].hasPrefix("A/") })
        // The JSON keeps its relative url (the contract, section 5).
        let json = String(decoding: try Data(contentsOf: published.appendingPathComponent("recommendations.json")), as: UTF8.self)
        XCTAssertTrue(json.contains("\"url\" : \"A/68/283/#para-140\""))
    }

    func testAReportsRecommendationsPageCountsThatReport() throws {
        let (site, _, _) = try build()
        let data = try JSONSerialization.jsonObject(with: Data(contentsOf: site.appendingPathComponent("recommendations.json"))) as! [String: Any]
        let records = (data["recommendations"] as! [[String: Any]]).filter { $0["report"] as? String == "A/57/292" }
        var expected: [String: Int] = [:]
        for r in records { for slug in r["addressees"] as! [String] { expected[slug, default: 0] += 1 } }
        let page = try Page(site.appendingPathComponent("recommendations/report/A-57-292/index.html"))
        let start = try XCTUnwrap(page.html.range(of: "<h2 id=\"by-addressee\">"))
        let end = try XCTUnwrap(page.html[start.upperBound...].range(of: "</ul>"))
        var shown: [String: Int] = [:]
        for line in page.html[start.upperBound..<end.lowerBound].split(separator: "\n") {
            guard let link = line.range(of: "<li><a href=\"#addressee-"), let count = line.range(of: "<span class=\"count\">") else { continue }
            shown[String(line[link.upperBound...].prefix { $0 != "\"" })] = Int(line[count.upperBound...].prefix { $0.isNumber })
        }
        XCTAssertEqual(shown, expected)
        XCTAssertNotEqual(shown["states"], 17, "not the site's count of States")
    }

    func testTheSitemapIsWrittenOnlyWithBaseURL() throws {
        let (site, _, _) = try build()
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.appendingPathComponent("sitemap.xml").path))
        let (published, _, _) = try build(baseURL: "https://example.org/reports")
        let sitemap = try String(contentsOf: published.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        XCTAssertTrue(sitemap.contains("<loc>https://example.org/reports/A/58/275/</loc>"))
    }
}
