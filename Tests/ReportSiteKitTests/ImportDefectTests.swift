import Foundation
import XCTest
@testable import ReportSiteImport
@testable import ReportSiteKit

/// One defect of extracted text a test, on small raw samples written here (not from the seeds).
final class ImportDefectTests: XCTestCase {
    let symbol = ImportMetadata(symbol: "A/70/100", title: "T", date: "2015-07-01")

    /// The body of the imported file, without front matter, trimmed.
    func body(_ raw: String, _ overrides: ImportMetadata? = nil) -> (String, ImportResult) {
        let result = ReportImporter.importText(raw, overrides: overrides ?? symbol)
        let parts = result.content.components(separatedBy: "---\n")
        return (parts.dropFirst(2).joined(separator: "---\n").trimmingCharacters(in: .whitespacesAndNewlines), result)
    }

    func testFootnoteCutAcrossThreePages() {
        let raw = """
        A/70/100

        5. The Special Rapporteur notes the report of the working group.¹ The findings are discussed below.

        6. States should act on the recommendations of the working group without delay.

        ¹ See the report of the working group on the question, which was submitted to the Council at its thirtieth session and which sets
        \u{0C}A/70/100
        3
        7. The report also considers the situation of children in detention centres.

        out the findings of the working group in its three chapters, with annexes that
        \u{0C}A/70/100
        4
        8. The Special Rapporteur thanks the States that replied.

        list the replies of States (A/HRC/30/1).
        """
        let (text, result) = body(raw)
        XCTAssertEqual(text, """
        5. The Special Rapporteur notes the report of the working group.[^1] The findings are discussed below.

        6. States should act on the recommendations of the working group without delay.

        <!-- page 3 -->

        7. The report also considers the situation of children in detention centres.

        <!-- page 4 -->

        8. The Special Rapporteur thanks the States that replied.

        [^1]: See the report of the working group on the question, which was submitted to the Council at its thirtieth session and which sets out the findings of the working group in its three chapters, with annexes that list the replies of States (A/HRC/30/1).
        """)
        XCTAssertEqual(result.summary.footnotesMatched, ["1"])
        XCTAssertEqual(result.summary.pages, [3, 4])
        XCTAssertEqual(result.warnings.filter { $0.message.contains("rest of footnote 1") }.map(\.line), [12, 17])
    }

    func testAHeadingThatLooksLikeParagraphOne() {
        let raw = """
        I. Introduction

        1. Mandate

        1. The present report is submitted pursuant to Human Rights Council resolution 50/1.

        2. Methodology

        2. The Special Rapporteur sent a questionnaire to States.
        """
        let (text, result) = body(raw)
        XCTAssertEqual(text, """
        ## I. Introduction

        ### 1. Mandate

        1. The present report is submitted pursuant to Human Rights Council resolution 50/1.

        ### 2. Methodology

        2. The Special Rapporteur sent a questionnaire to States.
        """)
        XCTAssertEqual(result.summary.firstParagraph, 1)
        XCTAssertEqual(result.summary.lastParagraph, 2)
        XCTAssertEqual(result.warnings.filter { $0.message.contains("read as a heading") }.map(\.line), [3, 7])
    }

    /// A short paragraph 1 with no final full stop is still the paragraph when paragraph 2 follows it.
    func testAShortParagraphOneIsNotAHeading() {
        let (text, _) = body("1. Mandate and methods\n\n2. The Special Rapporteur sent a questionnaire to States.\n")
        XCTAssertEqual(text, "1. Mandate and methods\n\n2. The Special Rapporteur sent a questionnaire to States.")
    }

    /// The page number under the running header is the number of the page that starts there; its marker waits
    /// for the end of the sub-paragraph the page break cut.
    func testAPageBreakInsideASubParagraph() {
        let raw = """
        3. The Special Rapporteur recommends that States:

        (a) Ratify the Convention and withdraw the reservations made to

        A/70/100

        7

        articles 3 and 4 of the Convention;

        (b) Adopt legislation.
        """
        let (text, result) = body(raw)
        XCTAssertEqual(text, """
        3. The Special Rapporteur recommends that States:

        (a) Ratify the Convention and withdraw the reservations made to articles 3 and 4 of the Convention;

        <!-- page 7 -->

        (b) Adopt legislation.
        """)
        XCTAssertEqual(result.summary.subParagraphs, 2)
        XCTAssertEqual(result.summary.pageArtefactsRemoved, 2)
    }

    func testAParagraphThatStartsWithANumber() {
        let raw = """
        4. The number of migrants rose sharply.

        2003 saw the adoption of new laws in several States.

        5. In 2004, the trend continued in
        
        2005 and 2006.
        """
        let (text, result) = body(raw)
        XCTAssertEqual(text, """
        4. The number of migrants rose sharply.

        2003 saw the adoption of new laws in several States.

        5. In 2004, the trend continued in 2005 and 2006.
        """)
        XCTAssertEqual(result.summary.paragraphs, 2)
        // On a page extracted as one line too.
        let (line, _) = body("A/70/100 4. The number of migrants rose sharply. 2003 saw the adoption of new laws in several States, and the number of those detained rose as well, as the Special Rapporteur has reported before in the reports to the Council and in the communications. 5. In 2004, the trend continued in 2005 and 2006, in the region and beyond it, as the many replies of States show, and the Special Rapporteur continued to receive information on the situation. 6. The Special Rapporteur thanks the States that replied. 9\n\nSelect target paragraph3\n")
        XCTAssertTrue(line.hasPrefix("<!-- page 9 -->\n\n4. The number of migrants rose sharply. 2003 saw the adoption"), line)
        XCTAssertTrue(line.contains("\n\n5. In 2004, the trend continued in 2005 and 2006,"), line)
        XCTAssertTrue(line.hasSuffix("\n\n6. The Special Rapporteur thanks the States that replied."), line)
    }

    func testListItemNumbersAndSubParagraphs() {
        let raw = """
        - 13. The Special Rapporteur has observed the following:
        - (a) Migrants are detained;
        - (b) Children are detained:
        (i) In centres;
        (ii) At borders;
        - 14. She recommends that States end detention.
        """
        let (text, _) = body(raw)
        XCTAssertEqual(text, """
        13. The Special Rapporteur has observed the following:

        (a) Migrants are detained;

        (b) Children are detained:

        (i) In centres;

        (ii) At borders;

        14. She recommends that States end detention.
        """)
    }

    func testParagraphNumberGluedToThePageNumber() {
        let (text, result) = body("63. The Special Rapporteur notes this.\n\n1764. The Special Rapporteur draws attention to it.\n")
        XCTAssertEqual(text, "63. The Special Rapporteur notes this.\n\n<!-- page 17 -->\n\n64. The Special Rapporteur draws attention to it.")
        XCTAssertTrue(result.warnings.contains { $0.line == 3 && $0.message.contains("page 17 glued to paragraph 64") })
    }

    func testPageNumberAtTheStartOfAOneLinePage() {
        let (text, result) = body("A/70/100 17 64. The Special Rapporteur draws attention to the feminization of migratory flows and to the particular vulnerability of migrant women, and to the many forms of discrimination to which they are exposed. 65. She takes this opportunity to express her concern about the detention of unaccompanied minors and the obstacles to family reunification encountered by such children in many countries.\n")
        XCTAssertTrue(text.hasPrefix("<!-- page 17 -->\n\n64. The Special Rapporteur draws"), text)
        XCTAssertEqual(result.summary.pages, [17])
        XCTAssertEqual(result.summary.paragraphs, 2)
    }

    func testFootnoteMarkersOfEveryKind() {
        let raw = """
        1. Governance has been defined as the “norms and rules”.¹ In migration, it is fragmented.<sup>2</sup>

        2. States adopted the framework;3 others did not (see A/58/275 and Corr.1).

        ¹ Alexander Betts (2011).

        <sup>2</sup> See A/RES/67/172.

        3 COM(2011) 743 final.
        """
        let (text, result) = body(raw)
        XCTAssertEqual(text, """
        1. Governance has been defined as the “norms and rules”.[^1] In migration, it is fragmented.[^2]

        2. States adopted the framework;[^3] others did not (see A/58/275 and Corr.1).

        [^1]: Alexander Betts (2011).

        [^2]: See A/RES/67/172.

        [^3]: COM(2011) 743 final.
        """)
        XCTAssertEqual(result.summary.footnotesMatched, ["1", "2", "3"])
    }

    func testAMarkerWithoutTextIsKeptAndATextWithoutMarkerToo() {
        let raw = """
        1. The Special Rapporteur visited the country.⁴

        ⁵ A note the text never cites.
        """
        let (text, result) = body(raw)
        XCTAssertEqual(text, """
        1. The Special Rapporteur visited the country.[^4]

        [^4]: [Text not included in the source.]

        [^5]: A note the text never cites.
        """)
        XCTAssertEqual(result.summary.footnotesWithoutText, ["4"])
        XCTAssertEqual(result.summary.footnotesUnreferenced, ["5"])
        XCTAssertTrue(result.warnings.contains { $0.line == 1 && $0.message.contains("footnote 4 is referenced but its text is not in the source") })
        XCTAssertTrue(result.warnings.contains { $0.line == 3 && $0.message.contains("footnote 5 has a text but no reference") })
    }

    func testBoldBulletsAndAnEmptyBullet() {
        let raw = """
        9. States should consider raising the following issues:

        - The decriminalization of irregular entry;

        -
        - **How to combat xenophobia;**
         - **How to ensure access to justice.**
        """
        let (text, _) = body(raw)
        XCTAssertEqual(text, """
        9. States should consider raising the following issues:

        - The decriminalization of irregular entry;
        - How to combat xenophobia;
        - How to ensure access to justice.
        """)
    }

    func testThePrintedContentsIsDroppedAndNumbersItsHeadings() {
        let raw = """
        Contents
        \t<i>Paragraphs</i>\t<i>Page</i>
        I. Introduction\t1\t3
        II. Thematic section\t2–3\t3
        A. Background.....\t2–3\t3

        I. Introduction

        1. The present report is submitted pursuant to resolution 50/1.

        II Thematic section

        1. Background

        2. Migration is a complex phenomenon.

        3. It is closely linked to development.
        """
        let (text, result) = body(raw)
        XCTAssertEqual(text, """
        ## I. Introduction

        1. The present report is submitted pursuant to resolution 50/1.

        ## II. Thematic section

        ### A. Background

        2. Migration is a complex phenomenon.

        3. It is closely linked to development.
        """)
        XCTAssertEqual(result.summary.contentsEntriesDropped, 3)
    }

    func testHeadingLevelsAndCapitals() {
        let raw = """
        IV. CONCLUSIONS AND RECOMMENDATIONS

        A. Conclusions

        10. Migration governance is becoming informal.

        B. Recommendations

        1. Recommendations to States:

        (a) Recommendations in relation to the HLD:

        11. The HLD is an important moment.

        2. Recommendations to the Human Rights Council:

        12. The Council should hold a panel.
        """
        let (text, _) = body(raw)
        XCTAssertEqual(text, """
        ## IV. Conclusions and recommendations

        ### A. Conclusions

        10. Migration governance is becoming informal.

        ### B. Recommendations

        #### 1. Recommendations to States

        ##### (a) Recommendations in relation to the HLD

        11. The HLD is an important moment.

        #### 2. Recommendations to the Human Rights Council

        12. The Council should hold a panel.
        """)
    }

    func testTablesBecomeGFMTables() {
        let raw = """
        7. Communications sent:

        Country\tAllegation letters\tUrgent appeals
        Mexico\t3\t1
        Spain\t2|3\t0
        """
        let (text, result) = body(raw)
        XCTAssertEqual(text, """
        7. Communications sent:

        | Country | Allegation letters | Urgent appeals |
        | --- | --- | --- |
        | Mexico | 3 | 1 |
        | Spain | 2\\|3 | 0 |
        """)
        XCTAssertEqual(result.summary.tables, 1)
    }

    func testACoverIsReadAndNothingIsInvented() {
        let raw = """
        United Nations A/HRC/52/99

        Distr.: General
        3 January 2023

        Original: English

        Human Rights Council
        Fifty-second session
        Agenda item 3

        Advance unedited version

        1. The present report is submitted by the Special Rapporteur on the right to food, Jane Doe Smith, pursuant to resolution 49/13.
        """
        let (text, result) = body(raw, ImportMetadata())
        XCTAssertEqual(result.metadata.symbol, "A/HRC/52/99")
        XCTAssertEqual(result.metadata.date, "2023-01-03")
        XCTAssertEqual(result.metadata.body, "Human Rights Council")
        XCTAssertEqual(result.metadata.session, "Fifty-second session")
        XCTAssertEqual(result.metadata.agendaItem, "3")
        XCTAssertEqual(result.metadata.status, "advance unedited version")
        XCTAssertEqual(result.metadata.author, "Jane Doe Smith")
        XCTAssertEqual(result.metadata.mandate, "Special Rapporteur on the right to food")
        XCTAssertNil(result.metadata.title)
        XCTAssertFalse(result.content.contains("title:"))
        XCTAssertTrue(result.warnings.contains { $0.message == "no title found: give it with --title" })
        XCTAssertEqual(text, "1. The present report is submitted by the Special Rapporteur on the right to food, Jane Doe Smith, pursuant to resolution 49/13.")
        // Flags win over the text.
        let (_, overridden) = body(raw, ImportMetadata(title: "The right to food", date: "2023-01-04", body: "General Assembly"))
        XCTAssertEqual(overridden.metadata.title, "The right to food")
        XCTAssertEqual(overridden.metadata.date, "2023-01-04")
        XCTAssertEqual(overridden.metadata.body, "General Assembly")
        XCTAssertTrue(overridden.content.hasPrefix("---\nsymbol: A/HRC/52/99\ntitle: The right to food\ndate: 2023-01-04\nbody: General Assembly\n"), overridden.content)
    }

    func testAGapAndANumberOutOfSequenceAreWarned() {
        let raw = """
        1. The first paragraph.

        3. The third paragraph, the second is missing.

        40. Forty reasons were given, and the list goes on in the text of the report.
        """
        let (text, result) = body(raw)
        XCTAssertEqual(text, """
        1. The first paragraph.

        3. The third paragraph, the second is missing.

        40\\. Forty reasons were given, and the list goes on in the text of the report.
        """.replacingOccurrences(of: "\n\n40.", with: "\n\n40."))
        XCTAssertEqual(result.summary.gaps, [2...2])
        XCTAssertTrue(result.warnings.contains { $0.line == 3 && $0.message.contains("paragraphs 2 are not in the source") || $0.line == 3 && $0.message.contains("paragraph 3 follows paragraph 1") })
        XCTAssertTrue(result.warnings.contains { $0.line == 5 && $0.message.contains("starts like paragraph 40") })
    }

    func testTheOutputIsDeterministic() throws {
        let raw = try String(contentsOf: Project.fixtures.appendingPathComponent("import/004_88e8c2357c784c71.txt"), encoding: .utf8)
        let a = ReportImporter.importText(raw, overrides: symbol)
        let b = ReportImporter.importText(raw, overrides: symbol)
        XCTAssertEqual(a.content, b.content)
        XCTAssertEqual(a.warnings, b.warnings)
    }

    /// pdftotext's layout of a General Assembly report: cover fields on lines of their own, job number, date code and
    /// barcode at the foot of the page, `page/total` numbers, a paragraph number and a footnote number alone on
    /// their line, the footnote rule, an asterisk note on the agenda item.
    func testPdftotextLayoutOfAGeneralAssemblyReport() {
        let raw = "United Nations\n\nA/70/999\nGeneral Assembly\n\nDistr.: General\n5 August 2015\nOriginal: English\n\n"
            + "Seventieth session\nItem 72 (b) of the provisional agenda*\nPromotion and protection of human rights: human rights\n"
            + "questions, including alternative approaches for improving the\neffective enjoyment of human rights and fundamental freedoms\n\n"
            + "Human rights of migrants\nNote by the Secretary-General\n"
            + "The Secretary-General has the honour to transmit to the General Assembly the\nreport of the Special Rapporteur on the human rights of migrants.\n\n"
            + "* A/70/150.\n\n15-13456 (E)\n\n090815\n\n*1513456*\n\u{0C}"
            + "A/70/999\n\nReport of the Special Rapporteur on the human rights of migrants\nSummary\n"
            + "The present report is submitted pursuant to resolution 69/167.\n\n2/9\n\n15-13456\n\u{0C}"
            + "15-13456\n\nA/70/999\n\nI. Introduction\n1.\nThe present report is submitted pursuant to General Assembly resolution\n"
            + "69/167.1\n\n__________________\n1\n\nSee also A/69/302.\n\n3/9\n\u{0C}"
        let result = ReportImporter.importText(raw)
        XCTAssertEqual(result.content, """
        ---
        symbol: A/70/999
        title: Human rights of migrants
        subtitle: Note by the Secretary-General
        date: 2015-08-05
        body: General Assembly
        session: Seventieth session
        agenda_item: "72 (b)"
        ---

        Item 72 (b) of the provisional agenda[^*]

        Promotion and protection of human rights: human rights questions, including alternative approaches for improving the effective enjoyment of human rights and fundamental freedoms

        The Secretary-General has the honour to transmit to the General Assembly the report of the Special Rapporteur on the human rights of migrants.

        <!-- page 2 -->

        ## Report of the Special Rapporteur on the human rights of migrants

        ## Summary

        The present report is submitted pursuant to resolution 69/167.

        <!-- page 3 -->

        ## I. Introduction

        1. The present report is submitted pursuant to General Assembly resolution 69/167.[^1]

        [^*]: A/70/150.

        [^1]: See also A/69/302.

        """)
        XCTAssertEqual(result.summary.pages, [2, 3])
        XCTAssertEqual(result.summary.footnotesMatched, ["*", "1"])
    }
}
