import Foundation
import XCTest
import Yams
@testable import ReportSiteImport
@testable import ReportSiteKit

/// The covers of real United Nations documents, one test a layout (issue 19, item 1). Each input is the start of
/// a real document's raw text, copied exactly from what `pdftotext -enc UTF-8 FILE -` gives (what the importer
/// reads): Fixtures/import/covers/, where the README names each PDF's source. The whole front matter is asserted.
/// An excerpt ends after its cover, so the importer finds no numbered paragraph in most of them and writes
/// `paragraphs: none`, as it does for any text without one.
final class ImportCoverTests: XCTestCase {
    static let folder = Project.fixtures.appendingPathComponent("import/covers")

    /// The import of one excerpt, and its front matter: the lines between the two `---`.
    func imported(_ name: String) throws -> (frontMatter: String, result: ImportResult) {
        let raw = try String(contentsOf: Self.folder.appendingPathComponent(name + ".txt"), encoding: .utf8)
        let result = ReportImporter.importText(raw)
        let parts = result.content.components(separatedBy: "---\n")
        XCTAssertGreaterThanOrEqual(parts.count, 3, name)
        return (parts.count >= 3 ? parts[1] : "", result)
    }

    /// The body: what follows the front matter.
    func body(_ result: ImportResult) -> String {
        result.content.components(separatedBy: "---\n").dropFirst(2).joined(separator: "---\n")
    }

    /// A Review report of 2010-2014 whose title runs over two lines, with the footnote's `*` alone on the next line
    /// and the State under it (Kenya; Norway alike): the second line is the title's, not the State.
    func testTheReviewsTitleOverTwoLinesWithItsMarkerAlone() throws {
        let (kenya, k) = try imported("A-HRC-15-8")
        XCTAssertEqual(kenya, """
        symbol: A/HRC/15/8
        title: Report of the Working Group on the Universal Periodic Review
        date: 2010-06-17
        body: Human Rights Council
        country: Kenya
        mechanism: upr
        session: Fifteenth session
        agenda_item: "6"
        paragraphs: none

        """)
        // The marker is carried by the title's line, and the footnote's text (under the job number) is its text.
        XCTAssertTrue(body(k).hasPrefix("\nUniversal Periodic Review\n\nReport of the Working Group on the Universal Periodic Review[^*]\n\n"), body(k))
        XCTAssertTrue(k.content.contains("\n[^*]: Previously issued under document symbol A/HRC/WG.6/8/L.7. The annex to the present report is circulated as received.\n"), k.content)
        XCTAssertFalse(body(k).contains("Kenya"), body(k))
        XCTAssertFalse(body(k).contains("GE.10-14488"), body(k))

        let (norway, n) = try imported("A-HRC-27-3")
        XCTAssertEqual(norway, """
        symbol: A/HRC/27/3
        title: Report of the Working Group on the Universal Periodic Review
        date: 2014-07-07
        body: Human Rights Council
        country: Norway
        mechanism: upr
        session: Twenty-seventh session
        agenda_item: "6"
        paragraphs: none

        """)
        XCTAssertTrue(n.content.contains("\nReport of the Working Group on the Universal Periodic Review[^*]\n"), n.content)
        XCTAssertTrue(n.content.contains("\n[^*]: The annex to the present report is circulated as received.\n"), n.content)
        XCTAssertFalse(n.content.contains("Periodic Review\n\n*"), n.content)
    }

    /// The same cover with the marker on the title's second line and the State under it: a State of several
    /// words (the United States of America), a State with a qualifier in brackets (China), a State by another of
    /// its names and a reissued symbol with its asterisk (A/HRC/28/12*, the Islamic Republic of Iran), and the
    /// footnote's `*` alone above the job number (Brazil).
    func testTheReviewsTitleWithItsMarkerAndTheStateUnderIt() throws {
        let (usa, u) = try imported("A-HRC-16-11")
        XCTAssertEqual(usa, """
        symbol: A/HRC/16/11
        title: Report of the Working Group on the Universal Periodic Review
        date: 2011-01-04
        body: Human Rights Council
        country: United States of America
        mechanism: upr
        session: Sixteenth session
        agenda_item: "6"
        paragraphs: none

        """)
        XCTAssertTrue(u.content.contains("\n[^*]: Previously issued as document A/HRC/WG.6/9/L.9. The annex to the present report is circulated as received.\n"), u.content)
        XCTAssertFalse(body(u).contains("United States of America"), body(u))

        let (china, c) = try imported("A-HRC-25-5")
        XCTAssertEqual(china, """
        symbol: A/HRC/25/5
        title: Report of the Working Group on the Universal Periodic Review
        date: 2013-12-04
        body: Human Rights Council
        country: China
        mechanism: upr
        session: Twenty-fifth session
        agenda_item: "6"
        paragraphs: none

        """)
        // The words in brackets are not the State's name: they are not written, and a warning says so.
        XCTAssertTrue(c.warnings.contains { $0.line == 18 && $0.message.contains("the State under review is written China") && $0.message.contains("(including Hong Kong, China and Macao, China)") }, "\(c.warnings)")

        let (iran, i) = try imported("A-HRC-28-12")
        XCTAssertEqual(iran, """
        symbol: A/HRC/28/12
        title: Report of the Working Group on the Universal Periodic Review
        date: 2014-12-22
        body: Human Rights Council
        country: Islamic Republic of Iran
        mechanism: upr
        session: Twenty-eighth session
        agenda_item: "6"
        paragraphs: none

        """)
        // The title's line stays in the body with its two asterisks, for the note `**`.
        XCTAssertTrue(body(i).contains("\nReport of the Working Group on the Universal Periodic Review**\n"), body(i))
        XCTAssertFalse(body(i).contains("Islamic Republic of Iran"), body(i))
        // The barcode's glyphs, which pdftotext gives as control characters (`^F ^O ^O^S ^F`), are furniture.
        XCTAssertNil(i.content.unicodeScalars.first { $0.value < 0x20 && $0 != "\n" }, i.content)

        let (brazil, b) = try imported("A-HRC-21-11")
        XCTAssertEqual(brazil, """
        symbol: A/HRC/21/11
        title: Report of the Working Group on the Universal Periodic Review
        date: 2012-07-09
        body: Human Rights Council
        country: Brazil
        mechanism: upr
        session: Twenty-first session
        agenda_item: "6"
        paragraphs: none

        """)
        XCTAssertTrue(b.content.contains("\n[^*]: The annex to the present report is circulated as received.\n"), b.content)
        XCTAssertFalse(b.content.contains("GE.12-15115"), b.content)
    }

    /// The old cover of 2008 ("UNITED NATIONS A General Assembly Distr. GENERAL"): the title on one line, the State
    /// under it with the asterisk U+2217 after a space, the asterisk alone above the note's text.
    func testTheOldCoverOf2008WithItsAsteriskU2217() throws {
        let (algeria, a) = try imported("A-HRC-8-29")
        XCTAssertEqual(algeria, """
        symbol: A/HRC/8/29
        title: Report of the Working Group on the Universal Periodic Review
        date: 2008-05-23
        body: Human Rights Council
        country: Algeria
        mechanism: upr
        session: Eighth session
        agenda_item: "6"
        paragraphs: none

        """)
        XCTAssertTrue(body(a).hasPrefix("\nUNIVERSAL PERIODIC REVIEW\n\nAlgeria[^*]\n\n"), body(a))
        XCTAssertTrue(a.content.contains("\n[^*]: Previously issued under the symbol A/HRC/WG.6/1/DZA /4; minor revisions have been added"), a.content)
        XCTAssertFalse(a.content.contains("∗"), a.content)

        let (uk, k) = try imported("A-HRC-8-25")
        XCTAssertEqual(uk, """
        symbol: A/HRC/8/25
        title: Report of the Working Group on the Universal Periodic Review
        date: 2008-05-23
        body: Human Rights Council
        country: United Kingdom of Great Britain and Northern Ireland
        mechanism: upr
        session: Eighth session
        agenda_item: "6"
        paragraphs: none

        """)
        XCTAssertTrue(body(k).contains("\nUnited Kingdom of Great Britain and Northern Ireland[^*]\n"), body(k))
        XCTAssertTrue(k.content.contains("\n[^*]: Previously issued under the symbol A/HRC/WG.6/1/GBR/4;"), k.content)
    }

    /// The old cover of 2009: a Review report whose note follows a rule (Tuvalu), and a corrigendum whose title is
    /// printed in capitals (written as printed) with the State and `Corrigendum` under it.
    func testTheOldCoverOf2009() throws {
        let (tuvalu, t) = try imported("A-HRC-10-84")
        XCTAssertEqual(tuvalu, """
        symbol: A/HRC/10/84
        title: Report of the Working Group on the Universal Periodic Review
        date: 2009-01-09
        body: Human Rights Council
        country: Tuvalu
        mechanism: upr
        session: Tenth session
        agenda_item: "6"
        paragraphs: none

        """)
        // The marker after a space is glued to its word again, and the note's symbol stays whole.
        XCTAssertTrue(body(t).contains("\nReport of the Working Group on the Universal Periodic Review[^*]\n"), body(t))
        XCTAssertTrue(t.content.contains("\n[^*]: Previously issued under the document symbol A/HRC/WG.6/3/L.16; minor revisions"), t.content)

        let (corrigendum, _) = try imported("A-HRC-WG.6-7-SVN-2-Corr.1")
        XCTAssertEqual(corrigendum, """
        symbol: A/HRC/WG.6/7/SVN/2/Corr.1
        title: COMPILATION PREPARED BY THE OFFICE OF THE HIGH COMMISSIONER FOR HUMAN RIGHTS, IN ACCORDANCE WITH PARAGRAPH 15(B) OF THE ANNEX TO HUMAN RIGHTS COUNCIL RESOLUTION 5/1
        subtitle: Corrigendum
        date: 2009-12-22
        body: Human Rights Council
        country: Slovenia
        mechanism: upr
        session: Seventh session

        """)
    }

    /// A national report of the Review whose title runs over three lines, its marker on the last, the State under
    /// it (2014), and over two lines (2019).
    func testANationalReportsTitleOverSeveralLines() throws {
        let (second, s) = try imported("A-HRC-WG.6-20-SVN-1")
        XCTAssertEqual(second, """
        symbol: A/HRC/WG.6/20/SVN/1
        title: National report submitted in accordance with paragraph 5 of the annex to Human Rights Council resolution 16/21
        date: 2014-08-15
        body: Human Rights Council
        country: Slovenia
        mechanism: upr
        session: Twentieth session

        """)
        XCTAssertTrue(body(s).hasPrefix("\nNational report submitted in accordance with paragraph 5 of the annex to Human Rights Council resolution 16/21[^*]\n\n## I. Report drafting methodology\n"), body(s))
        XCTAssertTrue(s.warnings.contains { $0.line == 13 && $0.message.contains("the session's dates \"27 October–7 November 2014\"") }, "\(s.warnings)")

        let (third, _) = try imported("A-HRC-WG.6-34-SVN-1")
        XCTAssertEqual(third, """
        symbol: A/HRC/WG.6/34/SVN/1
        title: National report submitted in accordance with paragraph 5 of the annex to Human Rights Council resolution 16/21
        date: 2019-08-06
        body: Human Rights Council
        country: Slovenia
        mechanism: upr
        session: Thirty-fourth session

        """)
    }

    /// The stakeholders' summary of the fourth cycle: the State named at the end of the title, the subtitle over
    /// two lines.
    func testAStakeholdersSummary() throws {
        let (summary, _) = try imported("A-HRC-WG.6-48-SVN-3")
        XCTAssertEqual(summary, """
        symbol: A/HRC/WG.6/48/SVN/3
        title: Summary of stakeholders’ submissions on Slovenia
        subtitle: Report of the Office of the United Nations High Commissioner for Human Rights
        date: 2024-11-06
        body: Human Rights Council
        country: Slovenia
        mechanism: upr
        session: Forty-eighth session

        """)
    }

    /// A note of the Secretary-General transmitting a special rapporteur's report to the General Assembly: the
    /// agenda item with its marker and its title over four lines, then the title over two lines and `Note by ...`.
    func testAGeneralAssemblyNoteTransmittingASpecialRapporteursReport() throws {
        let (note, r) = try imported("A-80-188")
        XCTAssertEqual(note, """
        symbol: A/80/188
        title: Promotion and protection of human rights in the context of climate change
        subtitle: Note by the Secretary-General
        date: 2025-07-17
        body: General Assembly
        mechanism: special-procedures
        session: Eightieth session
        agenda_item: "72 (b)"
        author: Elisa Morgera
        mandate: Special Rapporteur on the promotion and protection of human rights in the context of climate change
        paragraphs: none

        """)
        XCTAssertTrue(body(r).hasPrefix("""

        Item 72 (b) of the provisional agenda[^*]

        Promotion and protection of human rights: human rights questions, including alternative approaches for improving the effective enjoyment of human rights and fundamental freedoms

        The Secretary-General has the honour to transmit
        """), body(r))
        XCTAssertTrue(r.content.contains("\n[^*]: A/80/150.\n"), r.content)
        // A thematic report is about no one State: nothing is invented, and the warning gives the flag.
        XCTAssertTrue(r.warnings.contains { $0.message.hasPrefix("no State concerned found on the cover: give it with --country") })
    }

    /// A note of the Secretariat on a treaty body's report to the General Assembly: the item "of the preliminary
    /// list" with its marker, the committee's name over two lines.
    func testAGeneralAssemblyNoteOnATreatyBodysReport() throws {
        let (note, r) = try imported("A-80-116")
        XCTAssertEqual(note, """
        symbol: A/80/116
        title: Report of the Committee on Economic, Social and Cultural Rights
        subtitle: Note by the Secretariat
        date: 2025-07-04
        body: General Assembly
        mechanism: treaty-body
        session: Eightieth session
        agenda_item: "73 (a)"

        """)
        XCTAssertTrue(body(r).hasPrefix("""

        Item 73 (a) of the preliminary list[^*]

        Promotion and protection of human rights: implementation of human rights instruments

        1. The General Assembly, in paragraphs 2 and 3 of its resolution 79/165
        """), body(r))
        XCTAssertTrue(r.content.contains("\n[^*]: A/80/50.\n"), r.content)
    }

    /// A working group's report to the Human Rights Council whose title ends "... on Business and" / "Human
    /// Rights": the title's last line is no State.
    func testAWorkingGroupsReportToTheCouncil() throws {
        let (report, r) = try imported("A-HRC-59-60")
        XCTAssertEqual(report, """
        symbol: A/HRC/59/60
        title: Thirteenth session of the Forum on Business and Human Rights
        subtitle: Report of the Working Group on the issue of human rights and transnational corporations and other business enterprises
        date: 2025-04-22
        body: Human Rights Council
        mechanism: special-procedures
        session: Fifty-ninth session
        agenda_item: "5"

        """)
        XCTAssertTrue(body(r).hasPrefix("\nHuman rights bodies and mechanisms\n\n## Summary\n"), body(r))
    }

    /// The Expert Mechanism on the Rights of Indigenous Peoples: the languages line over two lines, the Mechanism
    /// between the Council and the session, the title over two or three lines, a draft study's or a report's
    /// subtitle with its marker. The contract's mechanism for a body of the Council that is neither a special
    /// procedure nor a treaty body is `other`.
    func testTheExpertMechanismsCoverWithItsLanguagesLine() throws {
        let (study, s) = try imported("A-HRC-EMRIP-2025-2")
        XCTAssertEqual(study, """
        symbol: A/HRC/EMRIP/2025/2
        title: Right of Indigenous Peoples to data, including with regard to data collection and disaggregation
        subtitle: Draft study by the Expert Mechanism on the Rights of Indigenous Peoples
        date: 2025-05-06
        body: Human Rights Council
        mechanism: other
        session: Eighteenth session
        agenda_item: "3"

        """)
        XCTAssertFalse(s.content.contains("Spanish only"), s.content)
        XCTAssertTrue(body(s).hasPrefix("""

        Study and advice on the right of Indigenous Peoples to data, including data collection and disaggregation

        Draft study by the Expert Mechanism on the Rights of Indigenous Peoples[^*]

        ## Summary
        """), body(s))
        XCTAssertTrue(s.warnings.contains { $0.line == 13 && $0.message.contains("\"Expert Mechanism on the Rights of Indigenous Peoples\"") && $0.message.contains("not written") }, "\(s.warnings)")

        let (report, _) = try imported("A-HRC-EMRIP-2025-3")
        XCTAssertEqual(report, """
        symbol: A/HRC/EMRIP/2025/3
        title: "Efforts to implement the United Nations Declaration on the Rights of Indigenous Peoples: the rights of Indigenous Peoples to their traditional economies"
        subtitle: Report of the Expert Mechanism on the Rights of Indigenous Peoples
        date: 2025-05-06
        body: Human Rights Council
        mechanism: other
        session: Eighteenth session
        agenda_item: "5"

        """)
    }

    /// The Chairs of the treaty bodies: "International Human Rights" / "Instruments" in the organ's place, a
    /// language line, a meeting over two lines in the session's place, and the body's first heading right under
    /// the title and its marker.
    func testTheTreatyBodyChairsAgenda() throws {
        let (agenda, r) = try imported("HRI-MC-2025-1")
        XCTAssertEqual(agenda, """
        symbol: HRI/MC/2025/1
        title: Provisional agenda and annotations
        date: 2025-03-28
        body: International Human Rights Instruments
        mechanism: treaty-body
        session: Thirty-seventh meeting of Chairs of the human rights treaty bodies
        agenda_item: "3"

        """)
        XCTAssertTrue(body(r).hasPrefix("""

        Adoption of the agenda and organization of work

        Provisional agenda and annotations[^*]

        Provisional agenda

        1. Opening of the meeting.
        """), body(r))
        XCTAssertTrue(r.warnings.contains { $0.line == 20 && $0.message.contains("ends above \"Provisional agenda\"") }, "\(r.warnings)")
    }

    /// A treaty body's decision on a communication: the Covenant's name over two lines, the title over two lines
    /// with two markers, and the case table, a row a block; its State party is the State concerned.
    func testACommunicationsDecisionWithItsCaseTable() throws {
        let (decision, r) = try imported("CCPR-C-121-D-2025-2011")
        XCTAssertEqual(decision, """
        symbol: CCPR/C/121/D/2025/2011
        title: Decision adopted by the Committee under the Optional Protocol, concerning communication No. 2025/2011
        date: 2017-12-27
        body: Human Rights Committee
        country: Russian Federation
        mechanism: treaty-body
        paragraphs: none

        """)
        XCTAssertTrue(body(r).hasPrefix("""

        International Covenant on Civil and Political Rights

        Decision adopted by the Committee under the Optional Protocol, concerning communication No. 2025/2011*, **

        Communication submitted by: C

        Alleged victim: The author

        State party: Russian Federation

        Date of communication: 2 November 2009

        Substantive issue: Unfair trial

        At its meeting on 8 November 2017, the Committee
        """), body(r))
    }

    /// The cover reader knows the States of content/states.yml, every name and alias, and no other: a State
    /// added there must be added to the reader too.
    func testTheCoverReaderKnowsTheStatesOfStatesYml() throws {
        let text = try String(contentsOf: Project.root.appendingPathComponent("content/states.yml"), encoding: .utf8)
        let entries = try XCTUnwrap(try Yams.load(yaml: text) as? [[String: Any]])
        var names: Set<String> = []
        for entry in entries {
            names.insert(UNCover.foldedName(try XCTUnwrap(entry["name"] as? String)))
            for alias in entry["aliases"] as? [String] ?? [] { names.insert(UNCover.foldedName(alias)) }
        }
        XCTAssertEqual(entries.count, 195, "193 Member States and 2 observer States")
        XCTAssertEqual(UNCover.knownStates.subtracting(names), [])
        XCTAssertEqual(names.subtracting(UNCover.knownStates), [])
        XCTAssertEqual(UNCover.state(in: "Islamic Republic of Iran")?.name, "Islamic Republic of Iran")
        XCTAssertNil(UNCover.state(in: "Periodic Review"))
        XCTAssertNil(UNCover.state(in: "Business and Human Rights"))
    }

    /// A State named at the end of the title or the subtitle is the State concerned when it is a State of
    /// states.yml (`Visit to Kenya`, `... periodic report of the Congo`); a title that ends otherwise names none.
    /// Cover lines written for this test, in the layout of the covers above.
    func testAStateAtTheEndOfTheTitle() throws {
        func cover(_ title: String, _ subtitle: String) throws -> ImportMetadata {
            let raw = "A/HRC/99/41\n\nUnited Nations\n\nGeneral Assembly\n\nDistr.: General\n3 March 2025\nOriginal: English\n\n"
                + "Human Rights Council\nFifty-eighth session\nAgenda item 3\nPromotion and protection of all human rights\n\n"
                + title + "\n" + subtitle + "\nSummary\nThe present report is submitted pursuant to Council resolution 52/1.\n"
            return try XCTUnwrap(UNCover.read(raw, symbol: nil)).0.metadata
        }
        let visit = try cover("Visit to Kenya", "Report of the Special Rapporteur on the right to food, Ana Lucía Quispe")
        XCTAssertEqual(visit.country, "Kenya")
        XCTAssertEqual(visit.title, "Visit to Kenya")
        XCTAssertEqual(visit.mechanism, "special-procedures")
        let mission = try cover("Report of the Special Rapporteur on the right to food", "Visit to the Democratic Republic of the Congo")
        XCTAssertEqual(mission.title, "Report of the Special Rapporteur on the right to food")
        XCTAssertEqual(mission.subtitle, "Visit to the Democratic Republic of the Congo")
        XCTAssertEqual(mission.country, "Democratic Republic of the Congo")
        XCTAssertNil(try cover("Thirteenth session of the Forum on Business and", "Human Rights").country)
        XCTAssertNil(try cover("Seeds, farmers and the right to food", "Report of the Special Rapporteur on the right to food").country)
    }

    /// The mechanism: the symbol's series first, then what the cover names first.
    func testTheMechanismFromTheSeriesAndTheCover() {
        XCTAssertEqual(UNCover.mechanism(symbol: "A/HRC/WG.6/20/SVN/1", texts: []), "upr")
        for symbol in ["CCPR/C/121/D/2025/2011", "CAT/C/SVN/CO/4", "CEDAW/C/SVN/CO/7", "CRC/C/SVN/CO/5-6", "CERD/C/SVN/CO/12",
                       "E/C.12/SVN/CO/3", "CMW/C/1", "CED/C/1", "CRPD/C/SVN/CO/1", "HRI/MC/2025/1"] {
            XCTAssertEqual(UNCover.mechanism(symbol: symbol, texts: []), "treaty-body", symbol)
        }
        XCTAssertEqual(UNCover.mechanism(symbol: "A/HRC/EMRIP/2025/2", texts: ["Report of the Special Rapporteur"]), "other")
        XCTAssertEqual(UNCover.mechanism(symbol: "A/80/116", texts: ["Report of the Committee on Economic, Social and Cultural Rights", "Note by the Secretariat"]), "treaty-body")
        XCTAssertEqual(UNCover.mechanism(symbol: "A/HRC/27/3", texts: ["Report of the Working Group on the Universal Periodic Review"]), "upr")
        XCTAssertEqual(UNCover.mechanism(symbol: "A/HRC/59/60", texts: ["Report of the Working Group on the issue of human rights and transnational corporations"]), "special-procedures")
        // What is named first: a special rapporteur's report that cites a committee is the rapporteur's.
        XCTAssertEqual(UNCover.mechanism(symbol: "A/80/188", texts: ["Report of the Special Rapporteur on climate change", "the Human Rights Committee"]), "special-procedures")
        XCTAssertNil(UNCover.mechanism(symbol: "A/HRC/59/99", texts: ["Report of the open-ended intergovernmental working group on a declaration"]))
        XCTAssertNil(UNCover.mechanism(symbol: "A/70/999", texts: ["Human rights of migrants", "Note by the Secretary-General"]))
    }
}
