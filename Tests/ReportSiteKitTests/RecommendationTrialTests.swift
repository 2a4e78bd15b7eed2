import Foundation
import XCTest
@testable import ReportSiteKit
@testable import ReportSiteReports

/// Issue 19 follow-up: records of the recommendations index that a trial on 20 real UN PDFs found wrong, built through
/// the real command. The report texts are excerpts copied exactly from what `reportsite import` wrote for
/// A/HRC/WG.6/34/SVN/1 (Slovenia's national report, 2019: paras. 4-6 and 9 with their headings) and A/HRC/27/3
/// (the Working Group's report on Norway, 2014: para. 131, items 131.15-131.17); their front matter is the import's,
/// but for Norway's `country` (the import read "Periodic Review") and an `excerpt` line.
final class RecommendationTrialTests: XCTestCase {
    static let nationalReport = """
        ---
        symbol: A/HRC/WG.6/34/SVN/1
        title: National report submitted in accordance with paragraph 5 of the annex to Human Rights Council resolution 16/21
        date: 2019-08-06
        body: Human Rights Council
        country: Slovenia
        mechanism: upr
        session: Thirty-fourth session
        excerpt: paragraphs 4-6 and 9
        ---

        ## II. Implementation of recommendations from the previous cycles

        4. This section presents information on the implementation of the recommendations accepted by the Government, which are numbered as in paragraph 115 of the Report of the Working Group on the Universal Periodic Review of Slovenia (document No. A/HRC/28/15).

        ### A. International obligations

        #### Recommendations 1–5, 14–16, 18, 43, 133

        5. After the second cycle, Slovenia ratified the Council of Europe Convention on Preventing and Combating Violence against Women and Domestic Violence (19 December 2014) and the Optional Protocol to the Convention on the Rights of the Child on a communications procedure (20 March 2018).

        6. The analysis and evaluation of the possible effects of the ratification of the International Convention for the Protection of All Persons from Enforced Disappearance are being conducted by the competent ministry (i.e. the Ministry of Justice). Preliminary analysis shows that amendments to the substantive and procedural provisions of Slovenian criminal legislation would probably be necessary for the ratification of the Convention.

        9. Slovenia strives to regularly meet its reporting obligations to treaty bodies. Slovenia submitted its Third Periodic Report to the UN Human Rights Committee on 6 July 2014, and presented it on 15 and 16 March 2016, thus implementing recommendation 43.

        """

    static let norway = """
        ---
        symbol: A/HRC/27/3
        title: Report of the Working Group on the Universal Periodic Review
        date: 2014-07-07
        body: Human Rights Council
        country: Norway
        mechanism: upr
        session: Twenty-seventh session
        excerpt: paragraph 131 (items 131.15-131.17 only)
        ---

        ## II. Conclusions and/or recommendations∗∗

        131. The following recommendations will be examined by Norway, which will respond to them in due course, but no later than the twenty-seventh session of the Human Rights Council, in September 2014:

        131.15 Seriously consider ratifying the International Convention for the Protection of All Persons from Enforced Disappearance, as well as the optional protocols to the ICESCR and CRC (Sierra Leone);

        131.16 Consider lifting its reservations in respect of article 10, paragraphs 2

        (b) and 3 of the ICCPR, in line with South Africa’s previous recommendation (South Africa);

        131.17 Ratify the International Convention for the Protection of All Persons from Enforced Disappearance, as well as recognize the competence of its Committee (Uruguay);

        """

    /// Builds the project's content with the given reports added (file name -> text); the status, the warnings and
    /// the records of `recommendations.json` by report and paragraph id.
    func build(_ reports: [String: String], strict: Bool = true) throws -> (status: Int32, stderr: String, records: [String: [String: [String: Any]]]) {
        let work = try temporaryFolder(self)
        try FileManager.default.copyItem(at: Project.content, to: work.appendingPathComponent("content"))
        for (name, text) in reports { try Data(text.utf8).write(to: work.appendingPathComponent("content/reports/\(name)")) }
        let result = try runReportSite(["build", "--templates", Project.templates.path] + (strict ? ["--strict"] : []), in: work)
        let data = try Data(contentsOf: work.appendingPathComponent("site/recommendations.json"))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        var records: [String: [String: [String: Any]]] = [:]
        for r in json["recommendations"] as? [[String: Any]] ?? [] {
            records[r["report"] as? String ?? "", default: [:]][r["paragraph"] as? String ?? ""] = r
        }
        return (result.status, result.stderr, records)
    }

    /// A national report answers the previous cycle's recommendations under headings that cite their numbers: none of
    /// its paragraphs is a recommendation (the trial found 84 records, `not-specified`). The Working Group's report on
    /// the same State, built beside it, keeps every record.
    func testANationalReportAnsweringRecommendationsMakesNone() throws {
        let (status, stderr, records) = try build(["A-HRC-WG.6-34-SVN-1.md": Self.nationalReport, "A-HRC-43-15.md": ReviewRecordTests.report])
        XCTAssertEqual(status, 0, stderr)
        XCTAssertNil(records["A/HRC/WG.6/34/SVN/1"], "\(records["A/HRC/WG.6/34/SVN/1"]?.keys.sorted() ?? [])")
        XCTAssertFalse(stderr.contains("A-HRC-WG.6-34-SVN-1.md"), stderr)
        let review = records["A/HRC/43/15"] ?? [:]
        XCTAssertEqual(review.keys.sorted(), ["121-1", "121-2", "121-3", "122-1", "122-2", "122-3", "122-4"])
        XCTAssertEqual(review["121-1"]?["addressees"] as? [String], ["states"])
        XCTAssertEqual(review["121-1"]?["recommended_by"] as? [String], ["France", "Lithuania"])
        // The project's own reports keep theirs.
        XCTAssertEqual(records["A/68/283"]?["140"]?["addressees"] as? [String], ["human-rights-council"])
    }

    /// A heading that cites recommendations by number names which ones a text answers; it opens no recommendations
    /// section. The headings of A/HRC/WG.6/34/SVN/1 and A/HRC/WG.6/20/SVN/1 (2014), and the forms that do open one.
    func testAHeadingThatCitesRecommendationNumbersOpensNoSection() {
        for title in ["Recommendations 1–5, 14–16, 18, 43, 133", "Recommendations 22, 31–39", "Recommendations 145–148",
                      "Recommendation 43", "Recommendations No. 12", "Recommendations nos. 3-5", "Recommendations 122.1–122.5",
                      "Anti-discrimination measures (recommendations 19, 21, 26, 63, 64)"] {
            XCTAssertEqual(RecommendationSectionKind(title: title), .other, title)
        }
        for title in ["Recommendations", "Recommendations to States", "Recommendations for the consideration of the Human Rights Council",
                      "Summary of recommendations", "General recommendations"] {
            XCTAssertEqual(RecommendationSectionKind(title: title), .recommendations, title)
        }
        XCTAssertEqual(RecommendationSectionKind(title: "Conclusions and/or recommendations"), .combined)
    }

    /// Which documents are national reports: the first of a review's three (A/HRC/WG.6/NN/XXX/1), with its corrigenda.
    func testWhichDocumentsAreNationalReports() {
        func report(_ symbol: String) -> Report {
            Report(metadata: ReportMetadata(symbol: Symbol(symbol)!, title: "T", date: "2020-01-01", body: "Human Rights Council", addressees: [:]),
                   file: "t.md", sections: [], body: [], footnotes: [])
        }
        for symbol in ["A/HRC/WG.6/34/SVN/1", "A/HRC/WG.6/20/SVN/1", "A/HRC/WG.6/7/SVN/1/Corr.1", "A/HRC/WG.6/1/BHR/1"] {
            XCTAssertTrue(report(symbol).isNationalReport, symbol)
        }
        for symbol in ["A/HRC/WG.6/34/SVN/2", "A/HRC/WG.6/48/SVN/3", "A/HRC/43/15", "A/HRC/WG.6/34/L.1", "A/HRC/WG.6/34/SVN/1/Add.1"] {
            XCTAssertFalse(report(symbol).isNationalReport, symbol)
        }
    }

    /// A national report's section titled as recommendations (an invented one: the trial's had none) leaves no record,
    /// and says so at its heading (RS704), with the reason; the front matter can still name a paragraph.
    func testANationalReportsRecommendationsSectionIsSaid() throws {
        let text = Self.nationalReport.replacingOccurrences(of: "excerpt: paragraphs 4-6 and 9", with: "excerpt: paragraphs 4-6, 9 and 120")
            + "## VI. Recommendations\n\n120. Slovenia recommends that States share their experience of the review.\n"
        let (status, stderr, records) = try build(["A-HRC-WG.6-34-SVN-1.md": text], strict: false)
        XCTAssertEqual(status, 0, stderr)
        XCTAssertNil(records["A/HRC/WG.6/34/SVN/1"])
        XCTAssertTrue(stderr.contains("RS704"), stderr)
        XCTAssertTrue(stderr.contains("\"VI. Recommendations\" is titled as recommendations, but A/HRC/WG.6/34/SVN/1 is a State's national report, which the index takes to make none: its 1 paragraph (from 120) is not in the recommendations index"), stderr)

        let named = text.replacingOccurrences(of: "mechanism: upr\n", with: "mechanism: upr\naddressees: { \"120\": [states] }\n")
        let (namedStatus, namedStderr, namedRecords) = try build(["A-HRC-WG.6-34-SVN-1.md": named], strict: false)
        XCTAssertEqual(namedStatus, 0, namedStderr)
        XCTAssertEqual(namedRecords["A/HRC/WG.6/34/SVN/1"]?.keys.sorted(), ["120"])
        XCTAssertFalse(namedStderr.contains("RS704"), namedStderr)
    }

    /// Item 131.16 goes on on a line that begins "(b)", which the import made a lettered sub-paragraph: it is the end
    /// of the item (its text and its recommending State), and the lead-in of paragraph 131 is no record (the trial
    /// found one, with "(b) and 3 of the ICCPR ..." as its text). The heading's note marks are no part of a record's section.
    func testAnItemContinuedOnALineThatBeginsWithALetter() throws {
        // Not strict: the excerpt's first item, 131.15, is said to follow the lead-in with items missing (RS101).
        let (status, stderr, records) = try build(["A-HRC-27-3.md": Self.norway], strict: false)
        XCTAssertEqual(status, 0, stderr)
        for code in ["RS703", "RS704", "RS705"] { XCTAssertFalse(stderr.contains(code), stderr) }
        let review = records["A/HRC/27/3"] ?? [:]
        XCTAssertEqual(review.keys.sorted(), ["131-15", "131-16", "131-17"])
        XCTAssertEqual(review["131-16"]?["text"] as? String,
                       "Consider lifting its reservations in respect of article 10, paragraphs 2 (b) and 3 of the ICCPR, in line with South Africa’s previous recommendation (South Africa);")
        XCTAssertEqual(review["131-16"]?["recommended_by"] as? [String], ["South Africa"])
        XCTAssertEqual(review["131-16"]?["position"] as? String, "pending")
        XCTAssertEqual(review["131-15"]?["recommended_by"] as? [String], ["Sierra Leone"])
        XCTAssertEqual(review["131-17"]?["recommended_by"] as? [String], ["Uruguay"])
        XCTAssertEqual(review["131-17"]?["section"] as? String, "II. Conclusions and/or recommendations")
    }

    /// Paragraph id -> "slug,slug (assigned_by)" for every record of a body read by the analyser and the extractor with
    /// the project's vocabulary.
    func index(_ body: String) -> [String: String] {
        let metadata = ReportMetadata(symbol: Symbol("A/HRC/EMRIP/2025/3")!, title: "T", date: "2025-05-06", body: "Human Rights Council", addressees: [:])
        let report = ReportAnalyser(file: "t.md", source: body, metadata: metadata, diagnostics: DiagnosticEngine()).analyse(MarkdownParser.parse(body))
        let records = RecommendationExtractor.extract(from: report, vocabulary: RecommendationPatternTests.vocabulary).recommendations
        return Dictionary(records.map { ($0.paragraph, "\($0.addressees.joined(separator: ",")) (\($0.assignedBy.rawValue))") },
                          uniquingKeysWith: { a, _ in a })
    }

    /// A/HRC/EMRIP/2025/3 paras. 108, 110 and 111, exactly: a subject list whose last items name no addressee of the
    /// vocabulary (States, not `not-specified`, as the trial found), the United Nations' bodies (the trial: `not-specified`),
    /// and a subject the vocabulary lacks (`not-specified`, as before). A list of nothing but unlisted items names nobody.
    func testSubjectListsWithItemsTheVocabularyLacks() {
        let body = """
            ## IX. Recommendations

            108. States, the private sector and multilateral financial institutions should dedicate funding for Indigenous economic development, including support for community-based enterprises, capacity-building, research, and a culturally appropriate global fund to protect Indigenous food systems and biodiversity.

            110. United Nations bodies and agencies should ensure the meaningful integration of Indigenous traditional economies into global sustainability frameworks. These efforts respect Indigenous Peoples’ right to self-determined development and the inclusion of their economic systems within global policy dialogues.

            111. Indigenous Peoples should strengthen traditional economies by revitalizing customary governance systems, enhancing collective resource management and advancing food sovereignty.

            112. For this purpose, the law and the practice should be reviewed.
            """
        XCTAssertEqual(index(body), ["108": "states (text)", "110": "un-agencies (text)", "111": "not-specified (none)", "112": "not-specified (none)"])
    }
}
