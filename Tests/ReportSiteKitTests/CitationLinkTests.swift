import Foundation
import XCTest
@testable import ReportSiteKit

/// The real content plus fixture reports that cite it (Fixtures/citations/): the links land on the exact
/// paragraphs, cited paragraphs list their citers, broken citations are diagnostics, citations.json lists them all.
final class CitationLinkTests: XCTestCase {
    /// A content folder: the project's real content plus the fixture reports of `folder`.
    func content(with folder: String) throws -> URL {
        let root = try temporaryFolder(self)
        let content = root.appendingPathComponent("content")
        try FileManager.default.copyItem(at: Project.content, to: content)
        let fixtures = Project.fixtures.appendingPathComponent("citations").appendingPathComponent(folder)
        for name in try FileManager.default.contentsOfDirectory(atPath: fixtures.path) {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name),
                                             to: content.appendingPathComponent("reports").appendingPathComponent(name))
        }
        return content
    }

    func citations(_ page: Page) -> [String] {
        var out: [String] = []
        var rest = page.html[...]
        while let start = rest.range(of: "<a class=\"citation\" href=\"") {
            let after = rest[start.upperBound...]
            let hrefEnd = after.firstIndex(of: "\"")!
            let textStart = after[hrefEnd...].firstIndex(of: ">")!
            let textEnd = after[textStart...].range(of: "</a>")!.lowerBound
            out.append("\(after[..<hrefEnd]) \(after[after.index(after: textStart)..<textEnd])")
            rest = after[textEnd...]
        }
        return out
    }

    func testCitationsLandOnTheirParagraphsAndAreListedByTheCitedParagraphs() throws {
        let content = try content(with: "valid")
        let site = content.deletingLastPathComponent().appendingPathComponent("site")
        let (outcome, diagnostics) = buildSite(content: content, output: site, strict: true)
        XCTAssertEqual(outcome, .success(reports: 5, files: 42 + 20))  // 20 search files: search.html, search/
        // A paragraph missing only because the cited file is an excerpt: a warning even under --strict, linked to undocs.
        XCTAssertEqual(diagnostics.filter { $0.code != "RS701" }.map(\.formatted), [
            "content/reports/A-99-1.md:20:92: warning: A/57/292 has no paragraph 12 on this site because its file is an excerpt (page 17 only: the end of paragraph 63 and paragraphs 64-77); linking to the official document [RS603]\n  note: add the paragraph to content/reports/A-57-292.md when its text is available",
        ])

        let page = try Page(site.appendingPathComponent("A/99/1/index.html"))
        XCTAssertEqual(citations(page), [
            "../../../A/58/275/index.html#para-80 A/58/275, paras. 80",
            "../../../A/58/275/index.html#para-85 85",
            "../../../A/68/283/index.html#para-127 A/68/283, paras. 127-131",
            "../../../A/58/275/index.html#para-80 A/58/275, para. 80",
            "#para-3 paragraph 3",
            "../../../E/CN.4/2000/82/index.html#para-91-a E/CN.4/2000/82, para. 91 (a)",
            "../../../A/58/275/index.html#para-12 A/58/275, paragraphs 12",
            "../../../A/58/275/index.html#para-14 14",
            "../../../A/58/275/index.html#para-16 16",
            "#para-5 paras. 5–6",
            "../../../A/57/292/index.html#para-69 A/57/292, para. 69",
            "https://undocs.org/A/57/292 A/57/292, para. 12",
            "#sec-I chapter I",
            "#sec-II-A section II.A",
            "../../../A/68/283/index.html A/68/283",
            "https://undocs.org/A/RES/57/218 General Assembly resolution 57/218",
            "../../../A/58/275/index.html#para-85 A/58/275, para. 85",
            "#para-2 paragraph 2",
        ])
        // Hand-written links and code are left as written.
        XCTAssertTrue(page.html.contains("<a href=\"https://example.org/report\">the report</a>"))
        XCTAssertTrue(page.html.contains("<code>A/58/275</code>"))

        // The cited paragraphs list their citers, with links back.
        let a58 = try Page(site.appendingPathComponent("A/58/275/index.html"))
        XCTAssertEqual(Page.text(try XCTUnwrap(a58.element(id: "para-80"))).components(separatedBy: "Cited by ").last,
                       "A/99/1, para. 1 ; A/99/1, para. 2")
        let p85 = try XCTUnwrap(a58.element(id: "para-85"))
        XCTAssertTrue(p85.contains("<a href=\"../../../A/99/1/index.html#para-1\">A/99/1, para. 1</a>; <a href=\"../../../A/99/1/index.html#fn-1\">A/99/1, note 1</a>"), p85)
        XCTAssertFalse(try XCTUnwrap(a58.element(id: "para-81")).contains("Cited by"))
        let a68 = try Page(site.appendingPathComponent("A/68/283/index.html"))
        for n in 127...131 {
            XCTAssertTrue(try XCTUnwrap(a68.element(id: "para-\(n)")).contains("Cited by <a href=\"../../../A/99/1/index.html#para-1\">A/99/1, para. 1</a>"), "para-\(n)")
        }
        XCTAssertFalse(try XCTUnwrap(a68.element(id: "para-132")).contains("Cited by"))
        let e = try Page(site.appendingPathComponent("E/CN.4/2000/82/index.html"))
        XCTAssertTrue(try XCTUnwrap(e.element(id: "para-91-a")).contains("Cited by <a href=\"../../../../A/99/1/index.html#para-3\">A/99/1, para. 3</a>"))
        // The header counts the citations from other reports.
        XCTAssertTrue(Page.text(a58.html).contains("Cited 7 times by other reports on this site"), Page.text(a58.html))

        // citations.json lists them all, the real content's first.
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: site.appendingPathComponent("citations.json"))) as! [String: Any]
        let list = json["citations"] as! [[String: Any]]
        XCTAssertEqual(json["count"] as? Int, list.count)
        let fromFixture = list.filter { $0["source_report"] as? String == "A/99/1" }
        XCTAssertEqual(fromFixture.count, 18)
        let first = fromFixture[0]
        XCTAssertEqual(first["text"] as? String, "A/58/275, paras. 80")
        XCTAssertEqual(first["source_paragraph"] as? String, "1")
        XCTAssertEqual(first["target_symbol"] as? String, "A/58/275")
        XCTAssertEqual(first["target_paragraph"] as? String, "80")
        XCTAssertEqual(first["resolved_on_site"] as? Bool, true)
        XCTAssertEqual(first["url"] as? String, "A/58/275/#para-80")
        let excerpt = fromFixture.first { $0["text"] as? String == "A/57/292, para. 12" }!
        XCTAssertEqual(excerpt["resolved_on_site"] as? Bool, false)
        XCTAssertEqual(excerpt["url"] as? String, "https://undocs.org/A/57/292")
        // The real content cites documents that are not on the site: they go to undocs.org.
        let real = Set(list.filter { $0["source_report"] as? String != "A/99/1" }.compactMap { $0["url"] as? String })
        for url in ["https://undocs.org/A/57/387", "https://undocs.org/E/CN.4/2003/85", "https://undocs.org/A/HRC/23/46",
                    "https://undocs.org/A/RES/57/218", "https://undocs.org/E/CN.4/RES/2003/46", "https://undocs.org/A/RES/67/172"] {
            XCTAssertTrue(real.contains(url), url)
        }
    }

    func testBrokenCitationsFailStrictBuildsWithFileLineAndAreLeftAsText() throws {
        let content = try content(with: "broken")
        let site = content.deletingLastPathComponent().appendingPathComponent("site")
        let (strictOutcome, strictDiagnostics) = buildSite(content: content, output: site, strict: true)
        XCTAssertEqual(strictOutcome, .contentErrors)
        XCTAssertEqual(strictDiagnostics.filter { $0.code != "RS701" }.map { "\($0.file):\($0.position!.line):\($0.position!.column): \($0.severity): \($0.message)" }, [
            "content/reports/A-99-2.md:10:45: error: 'A/58/275, para. 99' cites paragraph 99 of A/58/275, which does not exist; it is left as plain text",
            "content/reports/A-99-2.md:12:50: error: 'paragraph 40' cites paragraph 40 of this report, which does not exist; it is left as plain text",
            "content/reports/A-99-2.md:12:73: error: 'chapter IX' cites section IX of this report, which does not exist; it is left as plain text",
            "content/reports/A-99-2.md:12:89: error: 'section I.C' cites section I.C of this report, which does not exist; it is left as plain text",
            "content/reports/A-99-2.md:14:52: warning: A/57/292 has no paragraph 12 on this site because its file is an excerpt (page 17 only: the end of paragraph 63 and paragraphs 64-77); linking to the official document",
        ])
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.path), "a failed build writes nothing")

        let (outcome, diagnostics) = buildSite(content: content, output: site, strict: false)
        XCTAssertEqual(outcome, .success(reports: 5, files: 42 + 20))  // 20 search files
        XCTAssertEqual(diagnostics.filter { $0.severity == .warning && $0.code != "RS701" }.count, 5)
        let page = try Page(site.appendingPathComponent("A/99/2/index.html"))
        XCTAssertEqual(citations(page), [
            "../../../A/58/275/index.html A/58/275",
            "../../../A/57/292/index.html A/57/292",
            "https://undocs.org/A/57/292 A/57/292, para. 12",
        ])
        XCTAssertTrue(page.html.contains("(A/58/275, para. 99)"), "the broken citation stays as plain text")
    }
}
