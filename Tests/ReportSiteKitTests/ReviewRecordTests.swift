import Foundation
import XCTest
@testable import ReportSiteKit
@testable import ReportSiteReports

/// Issue 21: a Universal Periodic Review recommendation's recommending States and the position of the State
/// under review, from the report's lead-ins and its addendum, built through the real command. The text is
/// copied exactly from A/HRC/43/15 (paras. 121-122) and A/HRC/43/15/Add.1 (paras. 3 and 5), as excerpts.
final class ReviewRecordTests: XCTestCase {
    static let report = """
        ---
        symbol: A/HRC/43/15
        title: Report of the Working Group on the Universal Periodic Review
        subtitle: Slovenia
        date: 2019-12-20
        body: Human Rights Council
        country: Slovenia
        excerpt: paragraphs 121-122 (121.1-121.3 and 122.1-122.4 only)
        ---

        ## II. Conclusions and/or recommendations

        121. The recommendations formulated during the interactive dialogue/listed below have been examined by Slovenia and enjoy the support of Slovenia:

        121.1 Ratify the International Convention for the Protection of All Persons from Enforced Disappearance (France) (Lithuania);

        121.2 Complete the process of ratification of the International Convention for the Protection of All Persons from Enforced Disappearance (Ukraine); Increase efforts towards ratification of the International Convention for the Protection of All Persons from Enforced Disappearance (Slovakia);

        121.3 Ratify and implement the International Labour Organization’s 2014 Protocol to the Forced Labour Convention, 1930 (No. 29) (United Kingdom of Great Britain and Northern Ireland);

        122. The following recommendations will be examined by Slovenia, which will provide responses in due time, but no later than the forty-third session of the Human Rights Council:

        122.1 Complete the process of ratification of the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights (Senegal);

        122.2 Ratify the International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families (Bangladesh) (Egypt);

        122.3 Undertake measures to ratify the International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families (Indonesia); Consider the possibility of ratifying the International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families (Niger); Consider acceding to the International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families (Philippines);

        122.4 Complete the process of ratification of the International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families (Senegal);

        """

    static let addendum = """
        ---
        symbol: A/HRC/43/15/Add.1
        title: Report of the Working Group on the Universal Periodic Review
        subtitle: "Slovenia. Addendum: Views on conclusions and/or recommendations, voluntary commitments and replies presented by the State under review"
        date: 2020-02-19
        body: Human Rights Council
        country: Slovenia
        excerpt: paragraphs 3 and 5
        ---

        3. The Government accepts the following recommendations 122.1, 122.12, 122.17-18, 122.22, 122.27, 122.30-33, 122.36-41, 122.43-44, 122.46-53, 122.56-57, 122.60, 122.6266, 122.68-71, 122.76, 122.78, 122.82-85, 122.87-90, 122.105, 122.108-114, 122.116-117, 122.121, 122.123-126, 122.128-131, 122.133, 122.137-139, 122.141-144,122.146, 122.148, 122.150, 122.154, 122.156.

        5. For the time being, the Government notes recommendations 122.2-10, 122.13, 122.21, 122.25-26, 122.29, 122.42, 122.54-55, 122.58-59, 122.61, 122.67, 122.77, 122.118120, 122.127, 122.132, 122.147, 122.149, 122.151, 122.153, 122.155, 122.157. The Government wishes to provide the following additional information.

        """

    func build(addendum: Bool) throws -> (URL, [String: [String: Any]]) {
        let work = try temporaryFolder(self)
        try FileManager.default.copyItem(at: Project.content, to: work.appendingPathComponent("content"))
        try Data(Self.report.utf8).write(to: work.appendingPathComponent("content/reports/A-HRC-43-15.md"))
        if addendum { try Data(Self.addendum.utf8).write(to: work.appendingPathComponent("content/reports/A-HRC-43-15-Add.1.md")) }
        let result = try runReportSite(["build", "--strict", "--templates", Project.templates.path], in: work)
        XCTAssertEqual(result.status, 0, result.stderr)
        let data = try Data(contentsOf: work.appendingPathComponent("site/recommendations.json"))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        var records: [String: [String: Any]] = [:]
        for r in json["recommendations"] as? [[String: Any]] ?? [] where (r["report"] as? String) == "A/HRC/43/15" {
            records[r["paragraph"] as? String ?? ""] = r
        }
        return (work, records)
    }

    func testRecommendingStatesAndPositionsFromTheReportAndItsAddendum() throws {
        let (alone, before) = try build(addendum: false)
        XCTAssertEqual(before["121-1"]?["recommended_by"] as? [String], ["France", "Lithuania"])
        // Each recommendation an item joins keeps its State (OHCHR's list puts both under 121.2).
        XCTAssertEqual(before["121-2"]?["recommended_by"] as? [String], ["Ukraine", "Slovakia"])
        XCTAssertEqual(before["121-3"]?["recommended_by"] as? [String], ["United Kingdom of Great Britain and Northern Ireland"],
                       "(No. 29) is text, not a State")
        XCTAssertEqual(before["122-3"]?["recommended_by"] as? [String], ["Indonesia", "Niger", "Philippines"])
        XCTAssertEqual(before["121-1"]?["position"] as? String, "supported")
        XCTAssertEqual(before["121-1"]?["position_source"] as? String, "A/HRC/43/15/#para-121")
        XCTAssertEqual(before["122-1"]?["position"] as? String, "pending")
        XCTAssertEqual(before["122-1"]?["country"] as? String, "Slovenia")
        let page = try String(contentsOf: alone.appendingPathComponent("site/A/HRC/43/15/index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("<span class=\"rec-by\">Recommended by France, Lithuania</span> <span class=\"rec-position\">Position: <a href=\"#para-121\">Supported</a></span>"), page)

        // With the addendum on the site, its word wins over "will be examined".
        let (work, after) = try build(addendum: true)
        XCTAssertEqual(after["122-1"]?["position"] as? String, "supported")
        XCTAssertEqual(after["122-1"]?["position_source"] as? String, "A/HRC/43/15/Add.1/#para-3")
        XCTAssertEqual(after["122-2"]?["position"] as? String, "noted")
        XCTAssertEqual(after["122-3"]?["position_source"] as? String, "A/HRC/43/15/Add.1/#para-5")
        XCTAssertEqual(after["121-1"]?["position"] as? String, "supported", "not named in the addendum: the report's own word stays")
        let csv = try String(contentsOf: work.appendingPathComponent("site/recommendations.csv"), encoding: .utf8)
        XCTAssertTrue(csv.contains(",Slovenia,France; Lithuania,supported,A/HRC/43/15/#para-121\r\n"), csv)
        // The index by State concerned, recommending State and position, reachable from its main page.
        let index = try String(contentsOf: work.appendingPathComponent("site/recommendations/index.html"), encoding: .utf8)
        XCTAssertTrue(index.contains("<a href=\"../recommendations/country/slovenia/index.html\">Slovenia</a> <span class=\"count\">7</span>"), index)
        XCTAssertTrue(index.contains("<a href=\"../recommendations/recommended-by/senegal/index.html\">Senegal</a> <span class=\"count\">2</span>"), index)
        XCTAssertTrue(index.contains("<a href=\"../recommendations/position/noted/index.html\">Noted</a> <span class=\"count\">3</span>"), index)
        let noted = try String(contentsOf: work.appendingPathComponent("site/recommendations/position/noted/index.html"), encoding: .utf8)
        XCTAssertTrue(noted.contains("A/HRC/43/15, para. 122.2"), noted)
        XCTAssertFalse(noted.contains("para. 122.1<"), noted)
    }

    /// An addendum added to the site changes its report's page and the index's pages: a rebuild renders them again
    /// (their declared inputs hold the records' positions) and equals a clean build, byte for byte; so does its removal.
    func testAnAddendumAddedOrRemovedRebuildsWhatItChanges() throws {
        let work = try temporaryFolder(self)
        try FileManager.default.copyItem(at: Project.content, to: work.appendingPathComponent("content"))
        try Data(Self.report.utf8).write(to: work.appendingPathComponent("content/reports/A-HRC-43-15.md"))
        func build(_ output: String, cache: Bool = true) throws {
            let result = try runReportSite(["build", "--templates", Project.templates.path, "--output", output, "--quiet"] + (cache ? [] : ["--no-cache"]),
                                           in: work, environment: ["SOURCE_DATE_EPOCH": "1700000000", "PATH": "/usr/bin:/bin"])
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        func tree(_ name: String) throws -> [String: Data] {
            let folder = work.appendingPathComponent(name)
            var files: [String: Data] = [:]
            for case let path as String in FileManager.default.enumerator(atPath: folder.path)! where path != ".reportsite-site" {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    files[path] = try Data(contentsOf: folder.appendingPathComponent(path))
                }
            }
            return files
        }
        try build("site")
        let addendum = work.appendingPathComponent("content/reports/A-HRC-43-15-Add.1.md")
        try Data(Self.addendum.utf8).write(to: addendum)
        try build("site")
        try build("clean", cache: false)
        XCTAssertEqual(try tree("site"), try tree("clean"))
        let page = try String(contentsOf: work.appendingPathComponent("site/A/HRC/43/15/index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("Position: <a href=\"../../../../A/HRC/43/15/Add.1/index.html#para-5\">Noted</a>"), page)
        try FileManager.default.removeItem(at: addendum)
        try build("site")
        try FileManager.default.removeItem(at: work.appendingPathComponent("clean"))
        try build("clean", cache: false)
        XCTAssertEqual(try tree("site"), try tree("clean"))
    }

    /// An item's label alone on its line (as pdftotext writes the third and fourth cycles' items), with the text on
    /// the next line or after a blank line, is the item; a missing item number is said (review of issue 18, defect 1).
    func testAnItemLabelAloneOnItsLineIsTheItemAndAGapIsSaid() throws {
        let body = """
            ## II. Conclusions and/or recommendations

            121. The recommendations formulated during the interactive dialogue/listed below have been examined by Slovenia and enjoy the support of Slovenia:

            121.1 Ratify the International Convention for the Protection of All Persons from Enforced Disappearance (France) (Lithuania);

            121.2
            Complete the process of ratification of the International Convention for the Protection of All Persons from Enforced Disappearance (Ukraine);

            121.3

            Ratify and implement the International Labour Organization’s 2014 Protocol to the Forced Labour Convention, 1930 (No. 29) (United Kingdom of Great Britain and Northern Ireland);

            121.5 Ratify (Ukraine);
            """
        let (report, found) = analyseBody(body, excerpt: "paragraph 121")
        let items = report.paragraphs.first?.content.compactMap { part -> String? in
            if case .subParagraph(let s) = part { return "\(s.anchor)=\(RecommendationText.text(of: s.content).prefix(24))" } else { return nil }
        }
        XCTAssertEqual(items, ["para-121-1=Ratify the International", "para-121-2=Complete the process of ",
                               "para-121-3=Ratify and implement the", "para-121-5=Ratify (Ukraine);"])
        XCTAssertEqual(found.map(\.message), ["item 121.5 follows 121.3; item 121.4 is missing"])
    }

    func testAnAddendumsNumbersRangesAndLostHyphens() {
        XCTAssertEqual(ReviewStatement.numbers(in: "accepts 122.17-18, 122.34- 35, 122.14– 15 and 122.6266"),
                       ["122-17", "122-18", "122-34", "122-35", "122-14", "122-15", "122-62", "122-63", "122-64", "122-65", "122-66"])
        XCTAssertEqual(ReviewStatement.numbers(in: "notes recommendations 122.91104"), (91...104).map { "122-\($0)" })
        XCTAssertEqual(ReviewStatement.numbers(in: "The Government of the Republic of Slovenia accepts the recommendations 1–5, 14– 16, 150 – 152."),
                       ["#1", "#2", "#3", "#4", "#5", "#14", "#15", "#16", "#150", "#151", "#152"])
        XCTAssertEqual(ReviewStatement.numbers(in: "The Government of Slovenia accepts 142 recommendations."), [])
        XCTAssertEqual(ReviewStatement.position(of: "For the time being, the Government notes recommendations 6–13"), .noted)
        XCTAssertEqual(ReviewStatement.position(of: "Slovenia does not support recommendation 122.7"), .noted)
        XCTAssertEqual(ReviewStatement.position(of: "The Government accepts the following recommendations 122.1"), .supported)
        // One sentence, two positions: each number takes its own part's (review of issue 18 and 21, defect 7).
        XCTAssertEqual(ReviewStatement.clauses("Türkiye accepts recommendation 122.1 and notes recommendation 122.2.").map { "\($0.0)" },
                       ["supported", "noted"])
        XCTAssertEqual(ReviewStatement.clauses("Slovenia accepts 122.1-5 but does not accept 122.6.").map { ReviewStatement.numbers(in: $0.1).count },
                       [5, 1])
    }

    /// A bracket that closes an inner part of an item is text, and an abbreviation is no State's name (defect 10);
    /// a State written two ways is one State; a name in another case is written as states.yml spells it.
    func testRecommendingStatesOfJoinedItems() throws {
        let work = try temporaryFolder(self)
        try FileManager.default.copyItem(at: Project.content, to: work.appendingPathComponent("content"))
        let diagnostics = DiagnosticEngine()
        let states = StateVocabulary.read(SourceFile.read(work.appendingPathComponent("content/states.yml"), displayPath: "states.yml",
                                                          diagnostics: diagnostics), diagnostics: diagnostics)
        XCTAssertEqual(ReviewRecords.recommendingStates(in: "Ratify the Optional Protocol (OP-CAT); establish a national preventive mechanism (France);",
                                                        states: states).unknown, [])
        XCTAssertEqual(ReviewRecords.recommendingStates(in: "Ratify the Convention (ICRMW) (Iran (Islamic Republic of));", states: states).found,
                       ["Iran (Islamic Republic of)"])
        XCTAssertEqual(ReviewRecords.recommendingStates(in: "Take further steps (netherlands); ensure (Côte d'Ivoire) (Cote d’Ivoire);",
                                                        states: states).found, ["Netherlands", "Côte d'Ivoire"])
        XCTAssertEqual(ReviewRecords.recommendingStates(in: "Ratify it (Narnia);", states: states).unknown, ["Narnia"])
        // As A/HRC/8/25 (2008) and A/HRC/27/3 (2014) print them: States joined with "and", a space inside a bracket;
        // a State whose name holds "and" stays whole; "and" between a State and something else is not split.
        let joined = ReviewRecords.recommendingStates(in: "To consider further measures (Cuba, Ghana and the Netherlands).", states: states)
        XCTAssertEqual(joined.found, ["Cuba", "Ghana", "Netherlands"])
        XCTAssertEqual(joined.unknown, [])
        XCTAssertEqual(ReviewRecords.recommendingStates(in: "Continue (Iran (Islamic Republic of ));", states: states).found, ["Iran (Islamic Republic of)"])
        XCTAssertEqual(ReviewRecords.recommendingStates(in: "Continue (Antigua and Barbuda);", states: states).found, ["Antigua and Barbuda"])
        XCTAssertEqual(ReviewRecords.recommendingStates(in: "Ratify it (Ghana and Narnia);", states: states).unknown, ["Ghana and Narnia"])
    }

    func testAnUnknownRecommendingStateIsAWarning() throws {
        let work = try temporaryFolder(self)
        try FileManager.default.copyItem(at: Project.content, to: work.appendingPathComponent("content"))
        let text = Self.report.replacingOccurrences(of: "(Senegal);\n\n122.2", with: "(Senegall);\n\n122.2")
        try Data(text.utf8).write(to: work.appendingPathComponent("content/reports/A-HRC-43-15.md"))
        let result = try runReportSite(["check", "--strict", "--templates", Project.templates.path], in: work)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("error: recommendation 122.1 ends with (Senegall), which names no State of states.yml [RS705]"), result.stderr)
    }
}
