import Foundation
import XCTest
@testable import ReportSiteImport
@testable import ReportSiteKit

/// The layouts of real United Nations PDFs, as pdftotext gives them, in small texts written for these tests
/// (the symbols and the State are fictitious): the Review's cover and its recommendation items, the old cover,
/// text pasted without page breaks, and `reportsite import` on a folder.
final class ImportLayoutTests: XCTestCase {
    /// A Working Group report of the Review: the cover's lines one by one, a title over two lines with its footnote
    /// mark, the State under it; labels alone on their line; first-cycle recommendations numbered 1., 2. inside
    /// paragraph 3; later-cycle items 5.1, 5.2 whose label stands alone.
    static let review = """
    A/HRC/99/15
    United Nations
    General Assembly
    Distr.: General
    15 March 2010
    Original: English
    Human Rights Council
    Fourteenth session
    Agenda item 6
    Universal periodic review
    Report of the Working Group on the Universal Periodic
    Review*
    Ruritania
    *
    The annex is circulated as received.
    GE.10-12049
    *1012049*
    \u{0C}A/HRC/99/15
    Introduction
    1.
    The Working Group held its session. The review of Ruritania was held at the 14th meeting.
    2.
    Ruritania presented its national report.
    II. Conclusions and/or recommendations
    3.
    The recommendations listed below will be examined by Ruritania:
    1.
    To ratify the Convention on Migrant Workers (France);
    2.
    To adopt a national plan of action on human rights (Chile);
    4.
    All conclusions reflect the positions of the submitting States.
    5.
    The following recommendations enjoy the support of Ruritania:
    5.1
    Ratify the Optional Protocol to the Convention against Torture
    (Estonia);
    5.2
    Establish a national human rights institution (France);
    2
    """

    func testTheReviewsCoverAndItsRecommendationItems() throws {
        let result = ReportImporter.importText(Self.review)
        XCTAssertEqual(result.content, """
        ---
        symbol: A/HRC/99/15
        title: Report of the Working Group on the Universal Periodic Review
        date: 2010-03-15
        body: Human Rights Council
        country: Ruritania
        mechanism: upr
        session: Fourteenth session
        agenda_item: "6"
        ---

        Universal periodic review

        Report of the Working Group on the Universal Periodic Review[^*]

        <!-- page 2 -->

        ## Introduction

        1. The Working Group held its session. The review of Ruritania was held at the 14th meeting.

        2. Ruritania presented its national report.

        ## II. Conclusions and/or recommendations

        3. The recommendations listed below will be examined by Ruritania:

        3.1 To ratify the Convention on Migrant Workers (France);

        3.2 To adopt a national plan of action on human rights (Chile);

        4. All conclusions reflect the positions of the submitting States.

        5. The following recommendations enjoy the support of Ruritania:

        5.1 Ratify the Optional Protocol to the Convention against Torture (Estonia);

        5.2 Establish a national human rights institution (France);

        [^*]: The annex is circulated as received.

        """)
        XCTAssertEqual(result.summary.decimalItems, 4)
        XCTAssertTrue(result.warnings.contains { $0.line == 27 && $0.message.contains("written as its items 3.1, 3.2") }, "\(result.warnings)")
        // Built strictly, each item has its anchor.
        let root = try temporaryFolder(self)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/reports"), withIntermediateDirectories: true)
        try result.content.write(to: root.appendingPathComponent("content/reports/A-HRC-99-15.md"), atomically: true, encoding: .utf8)
        let (outcome, diagnostics) = buildSite(content: root.appendingPathComponent("content"), output: root.appendingPathComponent("site"))
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map(\.formatted), [])
        guard case .success = outcome else { return XCTFail("\(outcome)") }
        let html = try String(contentsOf: root.appendingPathComponent("site/A/HRC/99/15/index.html"), encoding: .utf8)
        for id in ["para-3-1", "para-3-2", "para-5-1", "para-5-2"] {
            XCTAssertTrue(html.contains("id=\"\(id)\""), id)
        }
    }

    /// The old cover ("UNITED NATIONS A General Assembly Distr. GENERAL ... Original: ENGLISH"), its title in
    /// capitals with a footnote mark, and the running header `SYMBOL` / `Page 2`.
    func testTheOldCover() {
        let raw = """
        UNITED
        NATIONS
        A
        General Assembly
        Distr.
        GENERAL
        A/HRC/WG.6/9/RUR/1
        3 November 2009
        Original: ENGLISH
        HUMAN RIGHTS COUNCIL
        Working Group on the Universal Periodic Review
        Seventh session
        Geneva, 8-19 February 2010
        NATIONAL REPORT SUBMITTED IN ACCORDANCE WITH PARAGRAPH 15 (A)
        OF THE ANNEX TO HUMAN RIGHTS COUNCIL RESOLUTION 5/1*
        Ruritania
        *
        The present document was not edited.
        GE.09-16919
        \u{0C}A/HRC/WG.6/9/RUR/1
        Page 2
        I. METHODOLOGY
        1.
        Ruritania prepared the present report with its ministries.
        """
        let m = ReportImporter.importText(raw).metadata
        XCTAssertEqual(m.symbol, "A/HRC/WG.6/9/RUR/1")
        XCTAssertEqual(m.title, "NATIONAL REPORT SUBMITTED IN ACCORDANCE WITH PARAGRAPH 15 (A) OF THE ANNEX TO HUMAN RIGHTS COUNCIL RESOLUTION 5/1")
        XCTAssertEqual(m.date, "2009-11-03")
        XCTAssertEqual(m.body, "Human Rights Council")
        XCTAssertEqual(m.session, "Seventh session")
        XCTAssertEqual(m.country, "Ruritania")
        XCTAssertEqual(m.mechanism, "upr")
    }

    /// Cover lines that pdftotext put side by side: `General Assembly Distr.: General`, the date alone under it.
    func testInterleavedCoverLines() {
        let raw = """
        United Nations
        A/HRC/WG.6/48/RUR/2
        General Assembly Distr.: General
        7 November 2024
        Original: English
        Human Rights Council
        Working Group on the Universal Periodic Review
        Forty-eighth session
        Ruritania
        Compilation of information prepared by the Office of the
        United Nations High Commissioner for Human Rights
        I.
        Background
        1.
        The present report was prepared pursuant to Human Rights Council resolutions 5/1 and 16/21.
        """
        let result = ReportImporter.importText(raw)
        XCTAssertEqual(result.metadata.date, "2024-11-07")
        XCTAssertEqual(result.metadata.title, "Compilation of information prepared by the Office of the United Nations High Commissioner for Human Rights")
        XCTAssertEqual(result.metadata.country, "Ruritania")
        XCTAssertTrue(result.content.contains("\n## I. Background\n\n1. The present report was prepared"), result.content)
    }

    /// Issue 18, item 8: text pasted from a PDF viewer, with running headers, page numbers and a footnote rule but
    /// no form feeds. The pages are found from the running headers: the footnote zone ends with its page, and
    /// the body after it stays body.
    static let pasted = """
    A/HRC/99/20
    Human Rights Council
    Fiftieth session
    Distr.: General 2 May 2025
    I. Introduction
    1. The present report is submitted pursuant to resolution 52/1.1
    2. The Special Rapporteur thanks the States that replied to the questionnaire, which
    ________________
    1 See A/HRC/52/1.
    2
    A/HRC/99/20
    limits the scope of the analysis.
    3. States should reply to the questionnaire.
    4. The Special Rapporteur will report again.
    3
    """

    func testTextWithoutPageBreaksFindsItsPagesFromTheRunningHeaders() {
        let result = ReportImporter.importText(Self.pasted, overrides: ImportMetadata(title: "Questionnaires"))
        XCTAssertEqual(result.summary.paragraphs, 4, result.content)
        XCTAssertEqual(result.summary.pagesFoundFromHeaders, 2)
        XCTAssertEqual(result.summary.footnotesMatched, ["1"])
        XCTAssertTrue(result.content.contains("\n2. The Special Rapporteur thanks the States that replied to the questionnaire, which limits the scope of the analysis.\n"), result.content)
        XCTAssertTrue(result.content.contains("\n3. States should reply to the questionnaire.\n\n4. The Special Rapporteur will report again.\n"), result.content)
        XCTAssertTrue(result.content.hasSuffix("\n[^1]: See A/HRC/52/1.\n"), result.content)
    }

    /// A report of several pages without a numbered paragraph: a warning, and `import` exits 1 (the file is written
    /// for review); a one-page decision without one is only warned.
    func testNoNumberedParagraphIsExitOne() throws {
        let root = try temporaryFolder(self)
        let raw = """
        A/HRC/99/21
        Human Rights Council
        Distr.: General 2 May 2025
        The Council discussed the report at length and took note of it.
        2
        A/HRC/99/21
        The Council decided to continue its consideration of the question.
        3
        A/HRC/99/21
        The Council thanked the Special Rapporteur.
        """
        try raw.write(to: root.appendingPathComponent("raw.txt"), atomically: true, encoding: .utf8)
        let result = try runReportSite(["import", "raw.txt", "--title", "T", "-o", "out", "--templates", Project.templates.path], in: root)
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("warning: no numbered paragraph found"), result.stdout)
        XCTAssertTrue(result.stderr.contains("error: raw.txt: no numbered paragraph found in a report of several pages"), result.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("out/A-HRC-99-21.md").path))
    }

    /// A file imported outside a project's content folder is written and checked on its own: exit 0, not 2.
    func testAnImportOutsideTheProjectIsExitZero() throws {
        let root = try temporaryFolder(self)
        try Self.review.write(to: root.appendingPathComponent("review.txt"), atomically: true, encoding: .utf8)
        let result = try runReportSite(["import", "review.txt", "-o", "elsewhere", "--templates", Project.templates.path], in: root)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("checked 1 report as reportsite check does: 0 errors"), result.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("elsewhere/A-HRC-99-15.md").path))
    }

    /// `reportsite import FOLDER`: every .pdf and .txt, a bad file reported and passed over, a table at the end,
    /// exit 1 because one failed; a folder whose only file is bad writes nothing: exit 2.
    func testImportAFolder() throws {
        let root = try temporaryFolder(self)
        let folder = root.appendingPathComponent("pdfs")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.review.write(to: folder.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try Self.pasted.replacingOccurrences(of: "Fiftieth session", with: "Fiftieth session\nQuestionnaires\nReport of the Special Rapporteur on questionnaires")
            .write(to: folder.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        try Data([0xFF, 0xFE, 0x00]).write(to: folder.appendingPathComponent("c.txt"))
        try Data("notes".utf8).write(to: folder.appendingPathComponent("notes.md"))
        let result = try runReportSite(["import", "pdfs", "-o", "content/reports", "--templates", Project.templates.path], in: root)
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        let lines = result.stdout.components(separatedBy: "\n")
        XCTAssertTrue(lines[0].hasPrefix("file "), result.stdout)
        XCTAssertTrue(lines[0].contains("symbol") && lines[0].contains("paragraphs") && lines[0].contains("items")
                      && lines[0].contains("footnotes") && lines[0].contains("warnings") && lines[0].contains("check"), lines[0])
        XCTAssertTrue(lines.contains { $0.hasPrefix("a.txt ") && $0.contains("A/HRC/99/15") && $0.hasSuffix("ok") }, result.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("b.txt ") && $0.contains("A/HRC/99/20") }, result.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("c.txt ") && $0.hasSuffix("not read") }, result.stdout)
        XCTAssertFalse(result.stdout.contains("notes.md"), result.stdout)
        XCTAssertTrue(result.stdout.contains("3 files: 2 written, 2 passed, 1 failed"), result.stdout)
        XCTAssertTrue(result.stderr.contains("error: pdfs/c.txt: the file is not UTF-8 text"), result.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("content/reports/A-HRC-99-15.md").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("content/reports/A-HRC-99-20.md").path))
        // Again: the files exist, so every one fails and nothing is written.
        let again = try runReportSite(["import", "pdfs", "-o", "content/reports"], in: root)
        XCTAssertEqual(again.status, 2, again.stdout + again.stderr)
        XCTAssertTrue(again.stderr.contains("--force replaces it"), again.stderr)
        // One file per flag: the front-matter flags are refused with several.
        let flags = try runReportSite(["import", "pdfs", "--title", "T"], in: root)
        XCTAssertEqual(flags.status, 2)
    }

    /// Footnote markers after a space: the next number of the sequence after a sentence's end, never a number
    /// that a word or an abbreviation governs.
    func testFootnoteMarkersAfterASpace() {
        var last = 7
        let (text, labels) = Footnotes.convertMarkers("(GANHRI), in 2021. 8 The Ombudsman noted it, see paras. 9 and 10. 9 Later, care solutions. 10", last: &last)
        XCTAssertEqual(text, "(GANHRI), in 2021.[^8] The Ombudsman noted it, see paras. 9 and 10.[^9] Later, care solutions.[^10]")
        XCTAssertEqual(labels, ["8", "9", "10"])
        var other = 3
        let (kept, none) = Footnotes.convertMarkers("It had 5 members. 7 Members left.", last: &other)
        XCTAssertEqual(kept, "It had 5 members. 7 Members left.")
        XCTAssertEqual(none, [])
    }

    /// Endnotes: a `Notes` section at the end, numbers alone on their line or before their text, no rule; a marker
    /// standing after a word (`the amended Act 2 introduced`) found from the notes on either side of it.
    func testEndnotesAndAMarkerAfterAWord() {
        let raw = """
        A/HRC/99/30
        Human Rights Council
        Distr.: General 2 May 2025
        I. Introduction
        1. The report was prepared with the ministries.1 The amended Act 2 introduced new rights.
        2. The Ombudsman was consulted.3 In 2020, 4 new offices opened.
        \u{0C}A/HRC/99/30
        3. The Government replied to 11 questions.
        Notes
        1
        See A/HRC/1/1.
        2 Official Gazette No. 5/2020.
        3 Ombudsman, annual report 2021.
        """
        let result = ReportImporter.importText(raw, overrides: ImportMetadata(title: "T"))
        XCTAssertTrue(result.content.contains("ministries.[^1] The amended Act[^2] introduced new rights."), result.content)
        XCTAssertTrue(result.content.contains("consulted.[^3] In 2020, 4 new offices opened."), result.content)
        XCTAssertTrue(result.content.hasSuffix("[^1]: See A/HRC/1/1.\n\n[^2]: Official Gazette No. 5/2020.\n\n[^3]: Ombudsman, annual report 2021.\n"), result.content)
        XCTAssertTrue(result.warnings.contains { $0.message.contains("footnote 2's marker taken from the number 2 standing after a word") }, "\(result.warnings)")
        XCTAssertEqual(result.summary.footnotesMatched, ["1", "2", "3"])
    }

    /// A numbered heading whose label stands alone, then an unnumbered one ending with a footnote marker: two
    /// headings, not one (`1. Cross-cutting issues Equality and non-discrimination`).
    func testTwoHeadingsInARow() {
        let raw = """
        A/HRC/99/31
        I. Background
        1.
        The present report was prepared pursuant to Human Rights Council resolutions 5/1 and 16/21, taking into account the outcome.
        II. Information provided by stakeholders
        1.

        Cross-cutting issues
        Equality and non-discrimination1
        2.
        The Ombudsman noted that Ruritania adopted the Act on Protection against Discrimination in 2016.
        ________________
        1 For relevant recommendations see A/HRC/99/15, paras. 5.1 and 5.2.
        """
        let result = ReportImporter.importText(raw, overrides: ImportMetadata(title: "T"))
        XCTAssertTrue(result.content.contains("\n### 1. Cross-cutting issues\n\n#### Equality and non-discrimination[^1]\n\n2. The Ombudsman noted"), result.content)
    }

    /// Markers run into the number before them: an acronym's (`JS384`: JS3 and note 84) as the next number of the
    /// sequence; a year's (`November 201986`, note 86) only for a note whose marker was not found otherwise.
    func testMarkersRunIntoANumber() {
        var last = 82
        let (text, labels) = Footnotes.convertMarkers("had not been fully respected. 83 JS384 and OSCE/ODIHR85 made similar findings.", last: &last)
        XCTAssertEqual(text, "had not been fully respected.[^83] JS3[^84] and OSCE/ODIHR[^85] made similar findings.")
        XCTAssertEqual(labels, ["83", "84", "85"])
        var blocks = [ImportedBlock(kind: .paragraph(40), text: "at all times.[^85] Noting the commitments made in November 201986 and the obligations.[^87]", line: 7)]
        XCTAssertEqual(ReportImporter.placeMarker(86, in: &blocks), 0)
        XCTAssertEqual(blocks[0].text, "at all times.[^85] Noting the commitments made in November 2019[^86] and the obligations.[^87]")
        // Not when the note before is not there to bound the search.
        var other = [ImportedBlock(kind: .paragraph(40), text: "In November 201986 the obligations.[^87]", line: 7)]
        XCTAssertNil(ReportImporter.placeMarker(86, in: &other))
    }

    /// Lines of one page, numbered from `first`.
    static func page(_ texts: [String], first: Int = 1) -> [RawTextReader.PageLine] {
        texts.enumerated().map { (first + $0.offset, $0.element) }
    }

    /// Footnote numbers that pdftotext put apart from their texts, at the foot of the page's notes (exact lines of
    /// A/HRC/WG.6/48/SVN/2, pages 10 and 11, and A/HRC/59/15, page 2): each goes to the text where the sequence lacks
    /// it, after the start of the notes, the note before it, or the top of a page of endnotes.
    func testNoteNumbersPrintedApartAtTheFootOfTheNotes() {
        var notesRunOn = false
        var page10 = Self.page(["UNHCR recommended that Slovenia establish a statelessness determination",
                                "contained therein.99", "", "Notes", "See A/HRC/43/15, A/HRC/43/15/Add.1 and A/HRC/43/2.",
                                "CEDAW/C/SVN/CO/7, para. 6.", "3 Ibid., para. 55.", "1", "2", ""], first: 715)
        let warnings = RawTextReader.placeApartNoteNumbers(&page10, notesRunOn: &notesRunOn)
        XCTAssertEqual(page10.map(\.text), ["UNHCR recommended that Slovenia establish a statelessness determination",
                                            "contained therein.99", "", "Notes", "¹ See A/HRC/43/15, A/HRC/43/15/Add.1 and A/HRC/43/2.",
                                            "² CEDAW/C/SVN/CO/7, para. 6.", "3 Ibid., para. 55.", "", "", ""])
        XCTAssertEqual(warnings.map(\.line), [719, 720])
        XCTAssertTrue(warnings[0].message.contains("footnote 1's number is printed apart from its text, at the foot of the notes (line 722)"), warnings[0].message)
        XCTAssertTrue(notesRunOn)
        // The next page of endnotes: the two notes at its top, a note's text over two lines.
        var page11 = Self.page(["A/HRC/52/33/Add.2, para. 7.",
                                "Office of the United Nations High Commissioner for Refugees (UNHCR) submission for the",
                                "universal periodic review of Slovenia, pp. 2 and 4. See also CAT/C/SVN/CO/4, para. 27 (d).",
                                "6 United Nations Educational, Scientific and Cultural Organization (UNESCO) submission for the",
                                "universal periodic review of Slovenia, p. 5.", "53 Ibid., para. 6 (b).", "4", "5", ""])
        XCTAssertEqual(RawTextReader.placeApartNoteNumbers(&page11, notesRunOn: &notesRunOn).count, 2)
        XCTAssertEqual(page11[0].text, "⁴ A/HRC/52/33/Add.2, para. 7.")
        XCTAssertEqual(page11[1].text, "⁵ Office of the United Nations High Commissioner for Refugees (UNHCR) submission for the")
        XCTAssertEqual(page11[2].text, "universal periodic review of Slovenia, pp. 2 and 4. See also CAT/C/SVN/CO/4, para. 27 (d).")
        XCTAssertEqual(page11[6].text, "")
        // Under no rule and no `Notes`: the note before the number (alone on its line) bounds the search.
        var notes = false
        var page2 = Self.page(["of parliament composed of women. Measures had been included in the National Programme", "", "1", "",
                               "A/HRC/WG.6/48/SVN/1.", "A/HRC/WG.6/48/SVN/2.", "3 A/HRC/WG.6/48/SVN/3.", "2", ""])
        XCTAssertEqual(RawTextReader.placeApartNoteNumbers(&page2, notesRunOn: &notes).count, 1)
        XCTAssertEqual(page2.map(\.text), ["of parliament composed of women. Measures had been included in the National Programme", "", "", "",
                                           "¹ A/HRC/WG.6/48/SVN/1.", "² A/HRC/WG.6/48/SVN/2.", "3 A/HRC/WG.6/48/SVN/3.", "", ""])
        XCTAssertFalse(notes)
        // Lines that do not divide into as many notes as numbers are missing: left as they are.
        var unclear = Self.page(["1", "", "A/HRC/WG.6/48/SVN/1.", "A/HRC/WG.6/48/SVN/2.", "A/HRC/WG.6/48/SVN/4.", "3 A/HRC/WG.6/48/SVN/3.", "2", ""])
        let before = unclear.map(\.text)
        XCTAssertEqual(RawTextReader.placeApartNoteNumbers(&unclear, notesRunOn: &notes), [])
        XCTAssertEqual(unclear.map(\.text), before)
    }

    /// The numbers of a page's notes one under another above their texts, which run to the foot of the page (exact
    /// lines of the decision A/HRC/DEC/43/112); its markers stand after a space (`Review, 1 the views`).
    func testNoteNumbersAboveTheirTexts() {
        var notesRunOn = false
        var page = Self.page(["sufficiently addressed during the interactive dialogue held in the Working Group. 2", "32nd meeting",
                              "12 March 2020", "[Adopted without a vote.]", "", "1", "2", "", "A/HRC/43/15.",
                              "A/HRC/43/15/Add.1; see also A/HRC/43/2, chap. VI.", ""], first: 31)
        let warnings = RawTextReader.placeApartNoteNumbers(&page, notesRunOn: &notesRunOn)
        XCTAssertEqual(page.map(\.text).suffix(7), ["", "", "", "", "¹ A/HRC/43/15.", "² A/HRC/43/15/Add.1; see also A/HRC/43/2, chap. VI.", ""])
        XCTAssertEqual(warnings.map(\.line), [39, 40])
        XCTAssertTrue(warnings[1].message.contains("footnote 2's number is printed apart from its text, above the page's notes (line 37)"), warnings[1].message)
        // One number above one line is a label the reader joins itself; numbers above fewer notes are left alone.
        var one = Self.page(["", "1", "", "A/HRC/43/15.", ""])
        XCTAssertEqual(RawTextReader.placeApartNoteNumbers(&one, notesRunOn: &notesRunOn), [])
        var fewer = Self.page(["", "1", "2", "", "A/HRC/43/15 and", "A/HRC/43/16 and", "A/HRC/43/15/Add.1; see also A/HRC/43/2, chap. VI.", ""])
        XCTAssertEqual(RawTextReader.placeApartNoteNumbers(&fewer, notesRunOn: &notesRunOn), [])
    }

    /// Among the notes, a line that starts with a number the notes have passed, under an unfinished line, goes on
    /// with the note (exact lines of A/HRC/WG.6/20/SVN/2's notes 95-97: `... Articles 10,` / `12 (e) and 14 (a).`),
    /// where it was read as a second text for note 12.
    func testANumberTheNotesHavePassedGoesOnWithTheNote() {
        let raw = """
        A/HRC/WG.6/20/SVN/2
        1. The Committee of Experts noted it.95 It noted more.96 And it noted the rest.97
        Notes
        95
        Right to Organise and Collective Bargaining Convention, 1949 (No. 98), Observation (CEACR) adopted 2012, published 102nd ILC session (2013).Observation on Articles 2 and 3.
        96
        Observation (CEACR) - adopted 2012, published 102nd ILC session (2013), Migrant Workers
        (Supplementary Provisions) Convention, 1975 (No. 143) - Slovenia (Ratification: 1992) Articles 10,
        12 (e) and 14 (a). Free choice of employment.
        97
        Observation (CEACR) - adopted 2012, published 102nd ILC session (2013), Migration for
        Employment Convention (Revised), 1949 (No. 97) - Slovenia (Ratification: 1992) Article (6) (1)
        (a) (i) of the Convention. Equality of treatment with respect to conditions of work.
        """
        let result = ReportImporter.importText(raw, overrides: ImportMetadata(title: "T"))
        XCTAssertTrue(result.content.contains("(Ratification: 1992) Articles 10, 12 (e) and 14 (a). Free choice of employment.\n\n[^97]:"), result.content)
        XCTAssertTrue(result.content.hasSuffix("Article (6) (1) (a) (i) of the Convention. Equality of treatment with respect to conditions of work.\n"), result.content)
        XCTAssertEqual(result.summary.footnotesMatched, ["95", "96", "97"])
        XCTAssertFalse(result.warnings.contains { $0.message.contains("second text") }, "\(result.warnings)")
    }

    /// The printed page number is the one that fits the pages' sequence: a note's number at the top (`68`) or foot
    /// (`11`) of a page is not one (exact lines of A/HRC/WG.6/34/SVN/3, pages 10, 12 and 13); a page whose number
    /// pdftotext put among its notes (`Notes` `1` `10`) loses it there.
    func testPageNumbersFollowThePagesSequence() {
        var reader = RawTextReader(symbol: "A/HRC/WG.6/34/SVN/3")
        var pages = Array(repeating: [RawTextReader.PageLine](), count: 11)
        pages[9] = Self.page(["A/HRC/WG.6/34/SVN/3", "", "status.143 CoE-ACFC and JS2 made similar recommendations. 144", "", "Notes", "1", "", "10", "",
                              "The stakeholders listed below have contributed information for this summary; the full texts of all",
                              "original submissions are available at: www.ohchr.org.", ""])
        pages.append(Self.page(["A/HRC/WG.6/34/SVN/3", "", "10", "", "AI, p. 2. See also JS3, p. 4 and HRORS, para. 1.", "HRORS, para. 3.",
                                "12 JS3, p. 4. See also AI, p. 2 and HRORS, para. 1.", "67 CoE-ECSR: Factsheet-Slovenia, p. 5.", "11", "", "12", "", ""]))
        pages.append(Self.page(["A/HRC/WG.6/34/SVN/3", "", "68", "", "JS3, p. 9.", "AI, pp. 1-2.", "70 CoE-Commissioner, para. 71.",
                                "125 AI, p. 6.", "69", "", "13", "", ""]))
        let offset = reader.pageNumberOffset(pages)
        XCTAssertEqual(offset, 1)
        var twelve = pages[11]
        XCTAssertEqual(reader.removeFurniture(&twelve, index: 11, offset: offset), 12)
        XCTAssertEqual(twelve.map(\.text).filter { !$0.isEmpty }, ["10", "AI, p. 2. See also JS3, p. 4 and HRORS, para. 1.", "HRORS, para. 3.",
                                                                    "12 JS3, p. 4. See also AI, p. 2 and HRORS, para. 1.", "67 CoE-ECSR: Factsheet-Slovenia, p. 5.", "11"])
        var thirteen = pages[12]
        XCTAssertEqual(reader.removeFurniture(&thirteen, index: 12, offset: offset), 13)
        XCTAssertEqual(thirteen.map(\.text).filter { !$0.isEmpty }.first, "68")
        XCTAssertEqual(thirteen.map(\.text).filter { !$0.isEmpty }.last, "69")
        var ten = pages[9]
        XCTAssertEqual(reader.removeFurniture(&ten, index: 9, offset: offset), 10)
        XCTAssertFalse(ten.map(\.text).contains("10"))
        XCTAssertTrue(ten.map(\.text).contains("1"))
        // Without pages that agree, every number at a page's top or foot is taken as before.
        XCTAssertNil(reader.pageNumberOffset([pages[11]]))
    }

    /// Among endnotes (a `Notes` section to the end), a line that starts no note is the rest of the note before it,
    /// not body text; a short rule of dashes under the last note is no note's text (exact lines of
    /// A/HRC/WG.6/34/SVN/3 and A/HRC/WG.6/7/SVN/3).
    func testEndnotesRunOnAndAShortRuleIsNoText() {
        let raw = """
        A/HRC/WG.6/34/SVN/3
        I. Background
        1.
        The present report was prepared pursuant to Human Rights Council resolutions 5/1
        and 16/21, taking into consideration the periodicity of the universal periodic review. It is a
        summary of 11 stakeholders’ submissions1 to the universal periodic review, presented in a
        summarized manner owing to word-limit constraints.
        2.
        HRORS noted that Slovenia had not ratified the 1961 Convention on the Reduction of
        Statelessness.2
        \u{0C}A/HRC/WG.6/34/SVN/3
        Notes
        1

        The stakeholders listed below have contributed information for this summary; the full texts of all
        original submissions are available at: www.ohchr.org.
        Civil society
        Individual submissions:
        AI
        Amnesty International, London, United Kingdom;
        2 HRORS, para. 23 and JS2, para. 8.

        -----

        """
        let result = ReportImporter.importText(raw, overrides: ImportMetadata(title: "T"))
        XCTAssertTrue(result.content.hasSuffix("""
        [^1]: The stakeholders listed below have contributed information for this summary; the full texts of all original submissions are available at: www.ohchr.org. Civil society Individual submissions: AI Amnesty International, London, United Kingdom;

        [^2]: HRORS, para. 23 and JS2, para. 8.

        """), result.content)
        XCTAssertFalse(result.content.contains("-----"), result.content)
        XCTAssertTrue(result.warnings.contains { $0.line == 17 && $0.message.contains("read as the rest of footnote 1 (among the notes at the end, it starts no note)") }, "\(result.warnings)")
    }
}
