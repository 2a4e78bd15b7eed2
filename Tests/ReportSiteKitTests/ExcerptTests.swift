import Foundation
import XCTest
@testable import ReportSiteKit

/// An excerpt of several passages (issue 11; contract, section 1 "Body"): gaps between passages are allowed and shown
/// at their place, any paragraph may begin or end inside a passage, and repeats or backward numbers stay mistakes.
final class ExcerptTests: XCTestCase {
    /// Paragraphs of A/58/275 exactly as the site's content has them, by number.
    func realParagraphs(_ numbers: [Int]) throws -> [Int: String] {
        let text = try String(contentsOf: Project.content.appendingPathComponent("reports/A-58-275.md"), encoding: .utf8)
        var found: [Int: String] = [:]
        for line in text.split(separator: "\n") {
            for n in numbers where line.hasPrefix("\(n). ") { found[n] = String(line.dropFirst("\(n). ".count)) }
        }
        XCTAssertEqual(found.count, numbers.count)
        return found
    }

    func build(_ body: String, excerpt: String?, strict: Bool = true) throws -> (SiteBuilder.Outcome, [Diagnostic], URL) {
        let root = try temporaryFolder(self)
        let reports = root.appendingPathComponent("content/reports")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        var front = "---\nsymbol: A/58/275\ntitle: Human rights of migrants\ndate: 2003-08-12\nbody: General Assembly\n"
        if let excerpt { front += "excerpt: \"\(excerpt)\"\n" }
        try Data((front + "---\n\n" + body).utf8).write(to: reports.appendingPathComponent("A-58-275.md"))
        let (outcome, diagnostics) = buildSite(content: root.appendingPathComponent("content"), output: root.appendingPathComponent("site"),
                                               strict: strict)
        return (outcome, diagnostics, root.appendingPathComponent("site/A/58/275/index.html"))
    }

    func testPassagesWithGapsAndCutsBuildStrictly() throws {
        let p = try realParagraphs([12, 13, 70, 72])
        // Paragraph 12 is cut at its start, 13 at its end; 71 lies between two passages.
        let body = "12. [...] \(p[12]!)\n\n13. \(p[13]!) [...]\n\n70. \(p[70]!)\n\n72. \(p[72]!)\n"
        let (outcome, diagnostics, pageURL) = try build(body, excerpt: "pages 4 and 17: paragraphs 12-13, 70-72")
        XCTAssertEqual(outcome, .success(reports: 1, files: 15 + 5), "\(diagnostics.map(\.formatted))")  // 5 search files
        let page = try Page(pageURL)
        XCTAssertEqual(page.ids.filter { $0.hasPrefix("para-") && !$0.contains("-", after: 5) }, ["para-12", "para-13", "para-70", "para-72"])
        let text = Page.text(page.html)
        XCTAssertTrue(text.contains("Paragraphs 14-69 are not in this excerpt."))
        XCTAssertTrue(text.contains("Paragraph 71 is not in this excerpt."))
        // The note stands where the gap is: after paragraph 70's text, before paragraph 72.
        let gap = try XCTUnwrap(page.html.range(of: "Paragraph 71 is not in this excerpt."))
        XCTAssertLessThan(page.html.range(of: "id=\"para-70\"")!.lowerBound, gap.lowerBound)
        XCTAssertLessThan(gap.lowerBound, page.html.range(of: "id=\"para-72\"")!.lowerBound)
        XCTAssertTrue(text.contains("The beginning of this paragraph is not part of this excerpt."))
        XCTAssertTrue(text.contains("The rest of this paragraph is not part of this excerpt."))
        XCTAssertFalse(text.contains("[...]"), "the markers are not text")
    }

    func testRepeatsStayMistakesAndCutsNeedAnExcerpt() throws {
        let p = try realParagraphs([12, 13])
        let repeated = try build("12. \(p[12]!)\n\n13. \(p[13]!)\n\n13. \(p[13]!)\n", excerpt: "page 4")
        XCTAssertEqual(repeated.0, .contentErrors)
        XCTAssertEqual(repeated.1.map(\.code), ["RS102"])
        let cut = try build("1. \(p[12]!) [...]\n", excerpt: nil)
        XCTAssertEqual(cut.0, .contentErrors)
        XCTAssertEqual(cut.1.map(\.message), ["paragraph 1 is marked as cut with [...], but the file is not an excerpt"])
        XCTAssertEqual(cut.1.first?.position, SourcePosition(line: 8, column: 1))
    }
}

private extension String {
    /// Whether `character` occurs after the first `offset` characters.
    func contains(_ character: Character, after offset: Int) -> Bool { dropFirst(offset).contains(character) }
}
