import XCTest
@testable import ReportSiteKit
@testable import ReportSiteReports

/// The analyse stage on small inputs: the document model that parsing and analysis make of a text.
final class AnalyserTests: XCTestCase {
    func analyse(_ body: String, excerpt: String? = nil) -> (Report, [Diagnostic]) {
        analyseBody(body, excerpt: excerpt)
    }

    func subAnchors(_ parts: [ParagraphPart]) -> [String] {
        func walk(_ s: SubParagraph) -> [String] { [s.anchor] + s.children.flatMap(walk) }
        return parts.flatMap { part -> [String] in
            if case .subParagraph(let s) = part { return walk(s) }
            return []
        }
    }

    func testRomanItemsNestInTheLetterBeforeThem() {
        let (report, diagnostics) = analyse("10. Lead:\n\n(a) One;\n\n(b) Two:\n\n(i) first;\n\n(ii) second;\n\n(c) Three.\n", excerpt: "paragraph 10")
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(subAnchors(report.paragraphs[0].content),
                       ["para-10-a", "para-10-b", "para-10-b-i", "para-10-b-ii", "para-10-c"])
    }

    func testItemIAfterHIsALetter() {
        let letters = "abcdefghij".map { "(\($0)) item;\n\n" }.joined()
        let (report, _) = analyse("8. Lead:\n\n" + letters)
        XCTAssertEqual(subAnchors(report.paragraphs[0].content), "abcdefghij".map { "para-8-\($0)" })
    }

    func testBlocksAfterASubParagraphBelongToIt() {
        let (report, _) = analyse("1. Lead:\n\n(a) One;\n\n- a bullet\n- another\n\n(b) Two.\n")
        guard case .subParagraph(let a) = report.paragraphs[0].content[1] else { return XCTFail("no sub-paragraph") }
        XCTAssertEqual(a.content.count, 2)
    }

    func testHeadingsGiveNestedAnchorsAndRanges() {
        let (report, _) = analyse("## Summary\n\nText.\n\n## IV. Conclusions and recommendations\n\n### A. Conclusions\n\n1. One.\n\n### B. Recommendations\n\n#### 1. Recommendations to States\n\n2. Two.\n\n##### (a) In relation to the HLD\n\n3. Three.\n")
        XCTAssertEqual(report.sections.map(\.anchor), ["sec-summary", "sec-IV", "sec-IV-A", "sec-IV-B", "sec-IV-B-1", "sec-IV-B-1-a"])
        XCTAssertEqual(report.sections.map(\.firstParagraph), [nil, 1, 1, 2, 2, 3])
        XCTAssertEqual(report.sections.map(\.lastParagraph), [nil, 3, 1, 3, 3, 3])
        XCTAssertEqual(report.sections[4].parent, 3)
        XCTAssertEqual(report.sections[1].title.plainText, "Conclusions and recommendations")
        XCTAssertEqual(report.sections[1].label, "IV.")
    }

    func testTheNumberIsReadFromTheSourceNotCountedByTheList() {
        // A tight list: cmark-gfm keeps only the first number; paragraph numbers come from each line.
        let (report, diagnostics) = analyse("1. One.\n2. Two.\n4. Four.\n")
        XCTAssertEqual(report.paragraphs.map(\.number), [1, 2, 4])
        XCTAssertEqual(diagnostics.map(\.message), ["paragraph 3 is missing between 2 and 4"])
    }

    func testExcerptStartsAnywhereAndMarksTheCutParagraph() {
        let (report, diagnostics) = analyse("<!-- page 17 -->\n\n63. [...] of the migrants concerned.\n\n64. Next.\n", excerpt: "page 17")
        XCTAssertEqual(diagnostics, [])
        XCTAssertTrue(report.paragraphs[0].isIncomplete)
        XCTAssertFalse(report.paragraphs[1].isIncomplete)
        guard case .block(let marker) = report.body[0], case .pageMarker(17) = marker.kind else { return XCTFail("no page marker") }
    }

    func testPageMarkerBetweenParagraphsStandsBetweenThem() {
        let (report, _) = analyse("1. One.\n\n<!-- page 2 -->\n\n2. Two.\n")
        XCTAssertEqual(report.body.count, 3)
        guard case .block(let b) = report.body[1], case .pageMarker(2) = b.kind else { return XCTFail("marker not between") }
    }

    func testFootnoteReferencesAreNumberedInReadingOrder() {
        let (report, diagnostics) = analyse("1. A[^2] and B[^1] and A again[^2].\n\n[^1]: One.\n\n[^2]: Two.\n")
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(report.footnotes.map(\.label), ["2", "1"])
        XCTAssertEqual(report.footnotes.map(\.anchor), ["fn-2", "fn-1"])
        XCTAssertEqual(report.footnotes[0].referenceAnchors, ["fnref-2", "fnref-2-2"])
    }

    func testHeadingNumbers() {
        XCTAssertEqual(HeadingNumber([.text("IV. Conclusions")])?.number, "IV")
        XCTAssertEqual(HeadingNumber([.text("(a) Recommendations in relation to the HLD")])?.number, "a")
        XCTAssertEqual(HeadingNumber([.text("12. Twelve")])?.label, "12.")
        XCTAssertNil(HeadingNumber([.text("Summary")]))
        XCTAssertNil(HeadingNumber([.text("Note by the Secretary-General")]))
        XCTAssertNil(HeadingNumber([.text("Human rights. A view")]))
    }

    func testSymbolsThatCannotNameAPageAreRefused() {
        for good in ["A/58/275", "E/CN.4/2000/82", "A/HRC/20/24/Add.1", "CMW/C/GC/2"] {
            XCTAssertNotNil(Symbol(good), good)
        }
        for bad in ["../../etc/x", "A/../../x", "/etc/passwd", "A//1", "A/58/275/", "C:/x", "A/%2e%2e/x", "A/5\u{0}8", "A/ 58", "A/58/.x", "A/58/x.", "A"] {
            XCTAssertNil(Symbol(bad), bad)
        }
        XCTAssertEqual(Symbol("E/CN.4/2000/82")?.fileName, "E-CN.4-2000-82.md")
        XCTAssertEqual(Symbol("E/CN.4/2000/82")?.rootPrefix, "../../../../")
    }

    func testFrontMatterKeepsLineNumbers() {
        let fm = FrontMatter.split("---\nsymbol: A/1/1\n---\n\n1. One.\n")!
        XCTAssertEqual(fm.yaml, "symbol: A/1/1")
        XCTAssertEqual(fm.body.split(separator: "\n", omittingEmptySubsequences: false)[4], "1. One.")
    }
}
