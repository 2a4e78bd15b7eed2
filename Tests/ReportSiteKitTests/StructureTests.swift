import XCTest
@testable import ReportSiteKit
@testable import ReportSiteReports

/// Structure lost without a word (issue 9): what the analyser recovers, and what it reports, on small inputs.
final class StructureTests: XCTestCase {
    func analyse(_ body: String, excerpt: String? = "part") -> (Report, [Diagnostic]) {
        analyseBody(body, excerpt: excerpt)
    }

    func anchors(_ report: Report) -> [String] {
        func walk(_ s: SubParagraph) -> [String] { [s.anchor] + s.children.flatMap(walk) }
        return report.paragraphs.flatMap { p -> [String] in
            [p.anchor ?? "-"] + p.content.flatMap { part -> [String] in
                if case .subParagraph(let s) = part { return walk(s) }
                return []
            }
        }
    }

    func codes(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.map { "\($0.position?.line ?? 0):\($0.position?.column ?? 0) \($0.code)" } }

    // MARK: - 1. Indented sub-paragraphs and paragraphs

    func testAnIndentedSubParagraphIsRecoveredAndReported() {
        let (report, diagnostics) = analyse("80. Lead:\n\n(a) One;\n\n    (b) Two, *indented*;\n\n\t(c) Three, after a tab.\n")
        XCTAssertEqual(anchors(report), ["para-80", "para-80-a", "para-80-b", "para-80-c"])
        XCTAssertEqual(codes(diagnostics), ["5:5 RS105", "7:2 RS105"])
        XCTAssertEqual(diagnostics[0].message, "`(b)` is indented by 4 spaces, so Markdown reads it as code; it is taken as sub-paragraph (b) anyway, anchored #para-80-b")
        XCTAssertEqual(diagnostics[0].hint, "remove the indentation: sub-paragraphs start at the beginning of the line")
        guard case .subParagraph(let b) = report.paragraphs[0].content[2] else { return XCTFail("no (b)") }
        XCTAssertEqual(b.position, SourcePosition(line: 5, column: 5))
        XCTAssertEqual(b.content.first.map { RecommendationText.text(of: $0) }, "Two, indented;")
    }

    func testAnIndentedRomanItemNestsInItsLetter() {
        let (report, _) = analyse("10. Lead:\n\n(a) One:\n\n    (i) first;\n\n    (ii) second.\n")
        XCTAssertEqual(anchors(report), ["para-10", "para-10-a", "para-10-a-i", "para-10-a-ii"])
    }

    func testAnIndentedNumberedParagraphIsRecovered() {
        let (report, diagnostics) = analyse("80. Lead:\n\n(a) One.\n\n    81. The next paragraph.\n\n82. And the next.\n")
        XCTAssertEqual(anchors(report), ["para-80", "para-80-a", "para-81", "para-82"])
        XCTAssertEqual(codes(diagnostics), ["5:5 RS105"])
    }

    func testAnIndentedSubParagraphWithAFootnoteIsReportedNotRecovered() {
        let (report, diagnostics) = analyse("80. Lead:\n\n(a) One;\n\n    (b) Two.[^1]\n\n[^1]: A note.\n")
        XCTAssertEqual(anchors(report), ["para-80", "para-80-a"])
        XCTAssertTrue(codes(diagnostics).contains("5:5 RS105"), "\(codes(diagnostics))")
        XCTAssertTrue(diagnostics.contains { $0.message.contains("reads it as code, and it gets no anchor para-80-b") })
    }

    func testAnIndentedSubParagraphOutsideAParagraphIsNotRecovered() {
        let (report, diagnostics) = analyse("Summary:\n\n    (a) One.\n")
        XCTAssertEqual(anchors(report), [])
        XCTAssertEqual(codes(diagnostics), ["3:5 RS105"])
    }

    func testCodeThatIsNotStructureStaysCode() {
        let (report, diagnostics) = analyse("1. Lead:\n\n    let x = 1\n\n```\n(a) in a fence\n2. in a fence\n```\n")
        XCTAssertEqual(anchors(report), ["para-1"])
        XCTAssertEqual(diagnostics, [])
    }

    // MARK: - 2. A tab after the label

    func testATabAfterALabelIsASpace() {
        let (report, diagnostics) = analyse("1. Lead:\n\n(a)\tOne;\n\n(b)\t\tTwo.\n")
        XCTAssertEqual(anchors(report), ["para-1", "para-1-a", "para-1-b"])
        XCTAssertEqual(diagnostics, [])
        guard case .subParagraph(let a) = report.paragraphs[0].content[1] else { return XCTFail("no (a)") }
        XCTAssertEqual(a.content.first.map { RecommendationText.text(of: $0) }, "One;")
    }

    // MARK: - 3. No space after the number, and lines that run on

    func testANumberWithoutASpaceIsReported() {
        let (report, diagnostics) = analyse("81. One.\n\n82.With no space.\n\n83. Three.\n")
        XCTAssertEqual(anchors(report), ["para-81", "para-83"])
        // (An excerpt: the gap 82 leaves is allowed there, so RS107 alone says what happened.)
        XCTAssertEqual(codes(diagnostics), ["3:1 RS107"])
        XCTAssertEqual(diagnostics[0].message, "`82.With` looks like paragraph 82 but has no space after the full stop; it is read as part of paragraph 81")
        XCTAssertEqual(diagnostics[0].hint, "write `82. With`")
    }

    func testNumbersInTextAreNotParagraphs() {
        let text = "1. Growth was\n2.5 per cent in 2003, see A/58/275 and\n12.03.2003, para. 4.\n\nThe year\n2003. was hard.\n"
        let (_, diagnostics) = analyse(text)
        // `2003. was` is the start of a numbered paragraph to the eye, and run on into the line before: reported.
        XCTAssertEqual(codes(diagnostics), ["6:1 RS106"])
    }

    func testLinesRunningOnAreReported() {
        let (report, diagnostics) = analyse("1. Lead:\n\n(a) One;\n(b) Two;\n2. Next.\n")
        XCTAssertEqual(anchors(report), ["para-1", "para-1-a"])
        XCTAssertEqual(codes(diagnostics), ["4:1 RS106", "5:1 RS106"])
        XCTAssertEqual(diagnostics[1].message, "`2.` looks like the start of paragraph 2, but Markdown reads it as part of the paragraph that starts at line 3, so it gets no anchor")
    }

    func testASubParagraphBeforeAnyTextOfItsParagraph() {
        let (report, diagnostics) = analyse("80.\n\n(a) One;\n\n(b) Two.\n")
        XCTAssertEqual(anchors(report), ["para-80", "para-80-b"])
        XCTAssertEqual(codes(diagnostics), ["3:1 RS106"])
        XCTAssertEqual(diagnostics[0].message, "sub-paragraph (a) comes before any text of paragraph 80, so it is read as the paragraph's own text and gets no anchor")
    }

    func testASubParagraphOutsideAParagraph() {
        let (_, diagnostics) = analyse("Summary.\n\n(a) One.\n\n(see) Two.\n\n1. First.\n")
        XCTAssertEqual(codes(diagnostics), ["3:1 RS109", "5:1 RS106"])
    }

    // MARK: - Words lost elsewhere

    func testATableRowWithTooManyCellsIsReported() {
        let (_, diagnostics) = analyse("| a | b |\n|---|---|\n| 1 | 2 |\n| `x|y` | 3 |\n| 4 \\| 5 | 6 |\n")
        XCTAssertEqual(codes(diagnostics), ["4:1 RS106"])
        XCTAssertEqual(diagnostics.first?.message, "this table row has 3 cells but the table has 2 columns, so its last cell is left out of the page")
        XCTAssertEqual(StructureCheck.cells(ArraySlice("|".utf8)), 1)
        XCTAssertEqual(StructureCheck.cells(ArraySlice("a | b".utf8)), 2)
        XCTAssertEqual(StructureCheck.cells(ArraySlice(" | a | b | ".utf8)), 2)
    }

    func testTextFlattenedBeyondTheNestingBoundKeepsItsWordsApart() {
        let deep = (0..<60).map { String(repeating: " ", count: 2 * $0) + "- ## IV. Heading\n" }.joined()
        let text = RecommendationText.text(of: MarkdownParser.parse(deep))
        XCTAssertFalse(text.contains("HeadingIV"), text)
    }

    // MARK: - 4. Heading levels

    func testHeadingsOfTheRightLevelsAreQuiet() {
        let text = "## I. One\n\n### A. Letter\n\n#### 1. Arabic\n\n##### (a) Item\n\n##### (b) Item\n\n#### 2. Arabic\n\n" +
            "### B. Letter\n\n### C.\n\n### D.\n\n### E.\n\n### F.\n\n### G.\n\n### H.\n\n### I. The letter I\n\n### J.\n\n" +
            "## II. Two\n\n## Summary\n\n### Unnumbered\n\n## III. Three\n\n## IV.\n\n## V.\n\n## VI.\n"
        let (_, diagnostics) = analyse(text)
        XCTAssertEqual(diagnostics, [])
    }

    func testAHeadingOneLevelTooDeep() {
        let (report, diagnostics) = analyse("## VIII. Chapter\n\n### A. First\n\n#### B. Second\n")
        XCTAssertEqual(report.sections.map(\.anchor), ["sec-VIII", "sec-VIII-A", "sec-VIII-A-B"])
        XCTAssertEqual(codes(diagnostics), ["5:1 RS108"])
        XCTAssertEqual(diagnostics[0].message, "`#### B.` is one level below `### A.`, so its anchor is #sec-VIII-A-B; a capital letter is a sibling of A: write `### B.`")
    }

    func testAHeadingOneLevelTooShallow() {
        let (_, diagnostics) = analyse("## VIII. Chapter\n\n## A. Section\n\n### 1. Sub\n\n## IX. Next\n")
        XCTAssertEqual(codes(diagnostics), ["3:1 RS108"])
        XCTAssertEqual(diagnostics[0].message, "`## A.` is at the level of `## VIII.`, so it is not part of VIII and its anchor is #sec-A; a capital letter after a roman numeral is one level below it: write `### A.`")
    }

    func testEveryHeadingTooShallowIsReportedUntilAnUnnumberedOne() {
        let (_, diagnostics) = analyse("## VIII. Chapter\n\n## A. One\n\n## B. Two\n\n## Annex\n\n## C. Annex section\n")
        XCTAssertEqual(codes(diagnostics), ["3:1 RS108", "5:1 RS108"])
    }

    func testAFirstVIsRomanAndAVAfterUIsALetter() {
        XCTAssertEqual(analyse("## V. Conclusions\n\n### A. One\n").1, [])
        XCTAssertEqual(analyse("## I. One\n\n### U. Letter\n\n### V. Letter\n").1.count, 0)
        XCTAssertEqual(codes(analyse("## IV. One\n\n### V. Roman\n").1), ["3:1 RS108"])
    }

    // MARK: - 5. Skipped recommendations

    func recommendations(_ body: String) -> [Diagnostic] {
        let diagnostics = DiagnosticEngine()
        let metadata = ReportMetadata(symbol: Symbol("A/1/1")!, title: "T", date: "2020-01-01", body: "General Assembly",
                                      excerpt: "part", addressees: [:])
        let report = ReportAnalyser(file: "t.md", source: body, metadata: metadata, diagnostics: DiagnosticEngine())
            .analyse(MarkdownParser.parse(body))
        _ = RecommendationDiagnostics(diagnostics: diagnostics).extract(from: report, vocabulary: AddresseeVocabulary(entries: []))
        return diagnostics.diagnostics.filter { $0.code == "RS703" }
    }

    func testAParagraphOfBareVerbsInACombinedSectionIsReported() {
        // Items that begin with a bare verb under a chapeau are recommendations (issue 11): paragraph 3 is in the
        // index. A paragraph that itself begins with one, with nobody named, is not, and is reported.
        let body = "## V. Conclusions and recommendations\n\n1. Migrants suffer.\n\n2. The following was observed:\n\n(a) Detention is common.\n\n" +
            "3. With regard to justice:\n\n(a) Promote access to justice;\n\n(b) Ensure redress.\n\n4. States should act.\n\n5. Promote access to justice.\n"
        let found = recommendations(body)
        XCTAssertEqual(codes(found), ["17:1 RS703"])
        XCTAssertEqual(found.first?.message, "paragraph 5 stands in \"V. Conclusions and recommendations\" and reads like a recommendation (it begins \"Promote\"), but it has no recommending language, so it is not in the recommendations index")
    }

    func testNounsThatLookLikeVerbsAreQuiet() {
        let body = "## V. Conclusions and recommendations\n\n1. The following was found:\n\n(a) Support for return programmes is lacking;\n\n(b) Review of the law has not started.\n"
        XCTAssertEqual(recommendations(body), [])
    }

    func testConclusionsAndIndexedParagraphsAreQuiet() {
        let body = "## V. Conclusions and recommendations\n\n### A. Conclusions\n\n1. Ensure nothing: a conclusion.\n\n### B. Recommendations\n\n2. With regard to justice:\n\n(a) Promote access.\n"
        XCTAssertEqual(recommendations(body), [])
    }
}
