import Foundation
import XCTest
@testable import ReportSiteKit
@testable import ReportSiteReports
@testable import ReportSiteSite

/// The recommendations index as a reader and a script get it from the real content: pages per addressee and
/// per report, labels on the report pages, recommendations.json and recommendations.csv.
final class RecommendationOutputTests: XCTestCase {
    nonisolated(unsafe) static var site: URL!  // set once in class setUp; XCTest runs a class's tests one at a time

    override class func setUp() {
        super.setUp()
        site = FileManager.default.temporaryDirectory.appendingPathComponent("reportsite-recs-\(UUID().uuidString)/site")
        buildSite(content: Project.content, output: site, strict: true)
    }

    override class func tearDown() {
        try? FileManager.default.removeItem(at: site.deletingLastPathComponent())
        super.tearDown()
    }

    func json() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: Self.site.appendingPathComponent("recommendations.json"))) as! [String: Any]
    }

    func testJSONFollowsTheContract() throws {
        let data = try json()
        XCTAssertEqual(data["generated"] as? String, "2013-08-05", "the newest report's date, never the clock")
        let records = data["recommendations"] as! [[String: Any]]
        let counts = (data["addressees"] as! [[String: Any]]).map { "\($0["slug"]!)=\($0["count"]!)" }
        XCTAssertEqual(counts.first, "states=17")
        XCTAssertEqual(counts.last, "not-specified=10")
        let p140 = try XCTUnwrap(records.first { $0["report"] as? String == "A/68/283" && $0["paragraph"] as? String == "140" })
        XCTAssertEqual(p140["anchor"] as? String, "para-140")
        XCTAssertEqual(p140["url"] as? String, "A/68/283/#para-140")
        XCTAssertEqual(p140["section"] as? String, "IV. Conclusions and recommendations > B. Recommendations > 2. Recommendations to the Human Rights Council")
        XCTAssertEqual(p140["addressees"] as? [String], ["human-rights-council"])
        XCTAssertEqual(p140["assigned_by"] as? String, "text")
        XCTAssertTrue((p140["text"] as? String ?? "").hasPrefix("The Special Rapporteur"))
        // Report order (by symbol), then paragraph order.
        let keys = records.map { "\($0["report"]!) \($0["paragraph"]!)" }
        XCTAssertEqual(keys.first, "A/57/292 69")
        XCTAssertEqual(keys.last, "E/CN.4/2000/82 91")
    }

    /// The issue's bar: every A/68/283 recommendation to the Council, the Secretary-General and the GFMD is
    /// under exactly that addressee, and not under States.
    func testA68283RecommendationsBeyondStatesKeepTheirAddressee() throws {
        let records = (try json()["recommendations"] as! [[String: Any]]).filter { $0["report"] as? String == "A/68/283" }
        var byParagraph: [String: [String]] = [:]
        for r in records { byParagraph[r["paragraph"] as! String] = r["addressees"] as? [String] }
        for p in 137...139 { XCTAssertEqual(byParagraph["\(p)"], ["gfmd"], "para. \(p)") }
        for p in 140...141 { XCTAssertEqual(byParagraph["\(p)"], ["human-rights-council"], "para. \(p)") }
        for p in 142...143 { XCTAssertEqual(byParagraph["\(p)"], ["secretary-general"], "para. \(p)") }
        for p in 127...136 { XCTAssertEqual(byParagraph["\(p)"], ["states"], "para. \(p)") }
        let council = try Page(Self.site.appendingPathComponent("recommendations/human-rights-council/index.html"))
        let links = council.values(of: "href").filter { $0.contains("#para-") }
        XCTAssertEqual(links, ["../../A/68/283/index.html#para-140", "../../A/68/283/index.html#para-141"])
        let states = try Page(Self.site.appendingPathComponent("recommendations/states/index.html"))
        XCTAssertFalse(states.html.contains("#para-140\""))
        XCTAssertTrue(states.html.contains("../../A/68/283/index.html#para-127"))
    }

    func testCSVIsRFC4180WithOneRowPerRecommendationAndAddressee() throws {
        let raw = try String(contentsOf: Self.site.appendingPathComponent("recommendations.csv"), encoding: .utf8)
        XCTAssertTrue(raw.hasSuffix("\r\n"))
        let rows = parseCSV(raw)
        XCTAssertEqual(rows[0], ["report", "paragraph", "anchor", "url", "section", "addressee", "addressee_name", "assigned_by", "text",
                                 "country", "recommended_by", "position", "position_source"])
        let pairs = (try json()["recommendations"] as! [[String: Any]]).reduce(0) { $0 + ($1["addressees"] as! [String]).count }
        XCTAssertEqual(rows.count - 1, pairs)
        XCTAssertTrue(rows.allSatisfy { $0.count == 13 })
        let row = try XCTUnwrap(rows.first { $0[0] == "A/68/283" && $0[1] == "140" })
        XCTAssertEqual(row[5], "human-rights-council")
        XCTAssertEqual(row[6], "Human Rights Council")
    }

    func testCSVCellsAreQuotedAndCannotRunFormulas() {
        XCTAssertEqual(RecommendationsData.csvField("plain"), "plain")
        XCTAssertEqual(RecommendationsData.csvField("a, b"), "\"a, b\"")
        XCTAssertEqual(RecommendationsData.csvField("say \"no\""), "\"say \"\"no\"\"\"")
        XCTAssertEqual(RecommendationsData.csvField("two\nlines"), "\"two\nlines\"")
        XCTAssertEqual(RecommendationsData.csvField("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"")
        XCTAssertEqual(RecommendationsData.csvField("+1"), "'+1")
        XCTAssertEqual(RecommendationsData.csvField("@SUM(A1)"), "'@SUM(A1)")
    }

    func testGeneratedDateComesFromSourceDateEpoch() {
        XCTAssertEqual(ISODate.from(epoch: 0), "1970-01-01")
        XCTAssertEqual(ISODate.from(epoch: 951_782_400), "2000-02-29")
        XCTAssertEqual(ISODate.from(epoch: 1_700_000_000), "2023-11-14")
        XCTAssertEqual(ISODate.from(epoch: -1), "1969-12-31")
    }

    func testReportPagesLabelTheirRecommendations() throws {
        let page = try Page(Self.site.appendingPathComponent("A/68/283/index.html"))
        let p140 = try XCTUnwrap(page.element(id: "para-140"))
        XCTAssertTrue(p140.contains("<a class=\"addressee\" href=\"../../../recommendations/human-rights-council/index.html\">Human Rights Council</a>"), p140)
        XCTAssertFalse(try XCTUnwrap(page.element(id: "para-126")).contains("class=\"rec-label\""), "conclusions are not recommendations")
        let e = try Page(Self.site.appendingPathComponent("E/CN.4/2000/82/index.html"))
        XCTAssertTrue(try XCTUnwrap(e.element(id: "para-91")).contains("recommendations/not-specified/index.html"))
    }

    func testIndexPagesLinkToReportsAndNeverCopyTheirIds() throws {
        let fm = FileManager.default
        let folder = Self.site.appendingPathComponent("recommendations")
        let pages = (fm.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []).filter { $0.hasSuffix("index.html") }.sorted()
        XCTAssertEqual(pages, [
            "civil-society/index.html", "gfmd/index.html", "human-rights-council/index.html", "ilo/index.html", "index.html",
            "iom/index.html", "not-specified/index.html", "ohchr/index.html",
            "report/A-57-292/index.html", "report/A-58-275/index.html", "report/A-68-283/index.html", "report/E-CN.4-2000-82/index.html",
            "secretary-general/index.html", "states/index.html", "un-agencies/index.html", "unifem/index.html",
        ])
        for name in pages {
            let page = try Page(folder.appendingPathComponent(name))
            XCTAssertFalse(page.ids.contains { $0.hasPrefix("para-") || $0.hasPrefix("fn") }, name)
            XCTAssertEqual(page.ids.count, Set(page.ids).count, name)
        }
        let byReport = try Page(folder.appendingPathComponent("report/E-CN.4-2000-82/index.html"))
        XCTAssertEqual(byReport.values(of: "href").filter { $0.contains("#para-") }, ["../../../E/CN.4/2000/82/index.html#para-91"])
    }

    /// The lexicon is an input of the build like the vocabulary: editing `recommending-verbs.yml` makes a real build,
    /// which reuses no report page and gives what a clean build gives.
    func testEditingTheLexiconRebuildsEveryPage() throws {
        let fm = FileManager.default
        let root = try temporaryFolder(self)
        try fm.copyItem(at: Project.content, to: root.appendingPathComponent("content"))
        func build(_ output: String, cache: Bool = true) -> SiteBuilder {
            var options = SiteBuilder.Options(content: root.appendingPathComponent("content"), output: root.appendingPathComponent(output),
                                              templates: Project.templates, strict: true, displayBase: root)
            options.cache = cache
            options.environment = ["SOURCE_DATE_EPOCH": "1700000000"]
            var builder = SiteBuilder(options: options)
            _ = builder.build()
            XCTAssertFalse(builder.diagnostics.hasErrors, builder.diagnostics.diagnostics.map(\.formatted).joined(separator: "\n"))
            return builder
        }
        _ = build("site")
        XCTAssertTrue(build("site").upToDate)
        let lexicon = root.appendingPathComponent("content/recommending-verbs.yml")
        let text = try String(contentsOf: lexicon, encoding: .utf8)
        XCTAssertTrue(text.contains("verbs: [recommends,"))
        try Data(text.replacingOccurrences(of: "verbs: [recommends,", with: "verbs: [beseeches, recommends,").utf8).write(to: lexicon)
        let again = build("site")
        XCTAssertFalse(again.upToDate)
        XCTAssertEqual(again.reusedPages.filter { !$0.hasPrefix("recommendations/") }, [], "no report page is reused")
        _ = build("clean", cache: false)
        func files(_ folder: String) throws -> [String: Data] {
            let base = root.appendingPathComponent(folder)
            var found: [String: Data] = [:]
            for case let path as String in fm.enumerator(atPath: base.path)! {
                var isDirectory: ObjCBool = false
                if fm.fileExists(atPath: base.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    found[path] = try Data(contentsOf: base.appendingPathComponent(path))
                }
            }
            return found
        }
        XCTAssertEqual(try files("site"), try files("clean"))
    }
}

/// A strict reader of RFC 4180 CSV, for the test.
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(text)
    var i = 0
    while i < chars.count {
        let c = chars[i]
        if quoted {
            if c == "\"" {
                if i + 1 < chars.count, chars[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false }
            } else { field.append(c) }
        } else if c == "\"" {
            quoted = true
        } else if c == "," {
            row.append(field); field = ""
        } else if c == "\r\n" || c == "\n" {
            row.append(field); field = ""
            rows.append(row); row = []
        } else {
            field.append(c)
        }
        i += 1
    }
    chars = []
    return rows
}
