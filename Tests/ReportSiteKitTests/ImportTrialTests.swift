import Foundation
import XCTest
@testable import ReportSiteImport
@testable import ReportSiteKit

/// The importer tried as a new user would, on raw text in another report's style: a Human Rights Council report of
/// another mandate (the right to food), laid out as pdftotext gives it (form feeds, running header, job number,
/// page numbers, a footnote rule, footnote numbers that lost their superscript, a footnote cut across pages).
/// The text of Fixtures/import/trial-A-HRC-99-33.txt was written for this test (the symbol and the Special
/// Rapporteur are fictitious); its layout follows the cover of A/HRC/46/33. See docs/import.md for the figures.
final class ImportTrialTests: XCTestCase {
    func testAReportOfAnotherMandateInPdftotextLayout() throws {
        let raw = try String(contentsOf: Project.fixtures.appendingPathComponent("import/trial-A-HRC-99-33.txt"), encoding: .utf8)
        let result = ReportImporter.importText(raw)
        XCTAssertEqual(result.content, """
        ---
        symbol: A/HRC/99/33
        title: Seeds, farmers and the right to food
        subtitle: Report of the Special Rapporteur on the right to food, Ana Lucía Quispe
        date: 2021-12-20
        body: Human Rights Council
        mechanism: special-procedures
        session: Forty-ninth session
        agenda_item: "3"
        author: Ana Lucía Quispe
        mandate: Special Rapporteur on the right to food
        ---

        Promotion and protection of all human rights, civil, political, economic, social and cultural rights, including the right to development

        ## Summary

        In the present report, the Special Rapporteur on the right to food, Ana Lucía Quispe, examines how laws on seeds shape the capacity of small-scale farmers to feed themselves and their communities. She sets out the obligations of States and makes recommendations.

        <!-- page 3 -->

        ## I. Introduction

        1. The present report is submitted to the Human Rights Council pursuant to Council resolution 46/19. It draws on replies to a questionnaire sent to States in June 2021.[^1]

        2. The Special Rapporteur thanks the 41 States and the 63 civil society organizations that replied. Their replies are available on the web page of the mandate.

        ## II. Seeds and the right to food

        ### A. Seed systems

        3. Farmers have saved, exchanged and sold seeds for thousands of years. Farmer-managed seed systems still provide most of the seeds planted in many countries of the global south, where they sustain both the diversity of crops and the diets of rural families.[^2]

        4. Commercial seed systems, by contrast, rest on a small number of varieties bred for uniformity and sold each season. Where the law recognizes only those varieties, the exchange of farmers' seeds becomes an offence, and the knowledge that goes with them is lost within a generation.

        <!-- page 4 -->

        ### B. Legal frameworks

        5. 2019 saw the adoption of new seed laws in at least nine States. Several of them require every variety sold or exchanged to be registered, a process that farmers' varieties, which are diverse by design, cannot pass.

        6. The International Treaty on Plant Genetic Resources for Food and Agriculture recognizes the rights of farmers to save, use, exchange and sell farm-saved seed (art. 9).[^3]

        ## III. Conclusions and recommendations

        7. The Special Rapporteur recommends that States:

        (a) Recognize farmer-managed seed systems in law and policy;

        (b) Remove penalties for the exchange of farmers' seeds;

        (c) Support community seed banks, in particular those run by women.

        8. The Special Rapporteur recommends that the Human Rights Council keep the question of seeds under review.

        [^1]: The questionnaire and the replies received are available at www.ohchr.org/food.

        [^2]: Food and Agriculture Organization of the United Nations, The Second Report on the State of the World's Plant Genetic Resources for Food and Agriculture (Rome, 2010).

        [^3]: See also A/HRC/49/43, paras. 20–24.

        """)
        // Line 0: no State concerned on the cover (a thematic report).
        XCTAssertEqual(result.warnings.map(\.line), [0, 5, 11, 15, 58])

        // Every word of the raw text reaches the file, but the page furniture and the cover fields the front matter holds.
        func words(_ s: String) -> [String] {
            s.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        }
        var left = words(result.content)
        var lost: [String] = []
        for word in words(raw) {
            if let k = left.firstIndex(of: word) { left.remove(at: k) } else { lost.append(word) }
        }
        // Lost: the running header twice (A/HRC/99/33 is in the front matter once), the job number GE.21-00001(E),
        // the session's dates, "Distr.: General", "Original: English", and the month of the date (written 2021-12-20).
        XCTAssertEqual(lost.sorted(), ["00001", "1", "2022", "21", "28", "33", "33", "99", "99", "a", "a", "april", "december",
                                       "distr", "e", "english", "february", "ge", "general", "hrc", "hrc", "original"])
        // Its site builds strictly.
        let root = try temporaryFolder(self)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/reports"), withIntermediateDirectories: true)
        try result.content.write(to: root.appendingPathComponent("content/reports/A-HRC-99-33.md"), atomically: true, encoding: .utf8)
        let (outcome, diagnostics) = buildSite(content: root.appendingPathComponent("content"), output: root.appendingPathComponent("site"))
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map(\.formatted), [])
        guard case .success = outcome else { return XCTFail("\(outcome)") }
    }

    /// A second trial, run blind before the importer knew this layout: a treaty body's concluding observations as a
    /// word processor copies them (one line a paragraph, a tab after each number, cover fields separated by tabs,
    /// unnumbered headings, an asterisk note on the title). Text written for the test; the symbol is fictitious.
    func testConcludingObservationsOfATreatyBody() throws {
        let raw = try String(contentsOf: Project.fixtures.appendingPathComponent("import/trial-CEDAW-C-ZZZ-CO-8.txt"), encoding: .utf8)
        let result = ReportImporter.importText(raw)
        XCTAssertEqual(result.metadata.symbol, "CEDAW/C/ZZZ/CO/8")
        XCTAssertEqual(result.metadata.title, "Concluding observations on the eighth periodic report of Zedland")
        XCTAssertEqual(result.metadata.date, "2022-11-14")
        XCTAssertEqual(result.metadata.body, "Committee on the Elimination of Discrimination against Women")
        XCTAssertEqual(result.summary.headings, ["A. Introduction", "B. Positive aspects", "C. Principal areas of concern and recommendations",
                                                 "Women’s access to justice", "Gender-based violence against women", "D. Dissemination"])
        XCTAssertEqual(result.summary.paragraphs, 7)
        XCTAssertEqual(result.summary.subParagraphs, 4)
        XCTAssertEqual(result.summary.footnotesMatched, ["*", "1"])
        XCTAssertEqual(result.summary.tables, 0, "tabs after numbers are not tables")
        XCTAssertTrue(result.content.contains("""
        5. The Committee recommends that the State party:

        (a) Ensure that legal aid is available free of charge to women without sufficient means;

        (b) Conduct awareness-raising campaigns on the rights of women under the Convention.

        ### Gender-based violence against women

        6. The Committee recalls
        """), result.content)
        XCTAssertTrue(result.content.contains("\n[^*]: Adopted by the Committee at its eighty-third session (10–28 October 2022).\n"))
        // The treaty's name above the title, and the title line kept in the body for its note, are blocks of their own.
        XCTAssertTrue(result.content.contains("---\n\nConvention on the Elimination of All Forms of Discrimination against Women\n\n"
            + "Concluding observations on the eighth periodic report of Zedland[^*]\n\n1. The Committee considered"), result.content)
    }

    /// A third trial, run blind: a universal periodic review report of the Working Group (Human Rights Council),
    /// in pdftotext's layout without form feeds (running header and page number at the top of page 2, the
    /// recommendations numbered 4.1, 4.2 ... under their paragraph, an asterisk note on the report's title).
    /// Text written for the test; the symbol and the State are fictitious.
    func testAUniversalPeriodicReviewReport() throws {
        let raw = try String(contentsOf: Project.fixtures.appendingPathComponent("import/trial-A-HRC-99-12-UPR.txt"), encoding: .utf8)
        let result = ReportImporter.importText(raw, overrides: ImportMetadata(source: "raw.txt"))
        XCTAssertEqual(result.content, """
        ---
        symbol: A/HRC/99/12
        title: Report of the Working Group on the Universal Periodic Review
        date: 2023-01-04
        body: Human Rights Council
        country: Ruritania
        mechanism: upr
        session: Fifty-second session
        agenda_item: "6"
        source: raw.txt
        ---

        Universal periodic review

        Report of the Working Group on the Universal Periodic Review[^*]

        <!-- page 2 -->

        ## Introduction

        1. The Working Group on the Universal Periodic Review, established in accordance with Human Rights Council resolution 5/1, held its forty-first session from 7 to 18 November 2022. The review of Ruritania was held at the 10th meeting, on 11 November 2022.

        ## I. Summary of the proceedings of the review process

        ### A. Presentation by the State under review

        2. The delegation stated that Ruritania had accepted 150 of the 190 recommendations received during the third cycle.

        ### B. Interactive dialogue and responses by the State under review

        3. During the interactive dialogue, 90 delegations made statements.

        ## II. Conclusions and/or recommendations

        4. The following recommendations will be examined by Ruritania, which will provide responses in due time:

        4.1 Ratify the Optional Protocol to the Convention against Torture (Estonia);

        4.2 Establish a national human rights institution in accordance with the Paris Principles (France);

        4.3 Adopt a moratorium on the death penalty (Italy).

        5. All conclusions and/or recommendations contained in the present report reflect the position of the submitting State(s) and/or the State under review.

        [^*]: The annex is being circulated in the language of submission only.

        """)
        XCTAssertEqual(result.summary.footnotesMatched, ["*"], "4.1, 4.2 and 4.3 are not footnote markers")
    }
}
