import Foundation
import XCTest
@testable import ReportSiteImport
@testable import ReportSiteKit

/// Structure of real UN PDFs beyond the fifteen (issue 19, trials): excerpts of their raw text, copied exactly from
/// `pdftotext -enc UTF-8 FILE -` (as the importer runs it), in Fixtures/import/trials/ (README there: each
/// document's source). Each test asserts what the importer writes for it.
final class ImportTrialStructureTests: XCTestCase {
    static func trial(_ name: String) throws -> String {
        try String(contentsOf: Project.fixtures.appendingPathComponent("import/trials/\(name)"), encoding: .utf8)
    }

    static func body(_ content: String) -> String {
        content.components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n")
    }

    /// A/80/188, pages 13-14: page 13 ends with footnote 61's text; page 14 begins with a heading's label alone
    /// (`F.`), then `48. Bioenergy ...`. The new page ends the footnote zone: paragraphs 48-52 are paragraphs, and
    /// footnote 61 holds its own text only (the trial lost paragraphs 48-81 into footnote 61 with exit 0).
    func testAPageThatStartsWithALabelEndsTheFootnotesOfThePageBefore() throws {
        let raw = try Self.trial("A-80-188-lines-727-900.txt")
        let result = ReportImporter.importText(raw, overrides: ImportMetadata(symbol: "A/80/188"))
        let body = Self.body(result.content)
        XCTAssertTrue(body.contains("\n## F. Bioenergy\n\n48. Bioenergy is a form of renewable energy sourced from biomass, namely, organic material derived from living or recently living organisms or their waste."), body)
        XCTAssertTrue(body.contains("\n[^61]: Pörtner and others, IPBES-IPCC Co-sponsored Workshop: Biodiversity and Climate Change – Scientific Outcome.\n"), body)
        XCTAssertEqual(result.summary.firstParagraph, 48)
        XCTAssertEqual(result.summary.lastParagraph, 52)
        XCTAssertEqual(result.summary.gaps.count, 0)
        XCTAssertEqual(result.summary.paragraphsInFootnotes, [])
        XCTAssertFalse(result.warnings.contains { $0.message.contains("read as the rest of footnote 61") }, "\(result.warnings)")
    }

    /// The importer's own invariant: a paragraph number of the raw text found inside a footnote's text (as the
    /// trial's import of A/80/188 wrote footnote 61) is reported at its raw line, with the paragraph's number.
    func testAParagraphNumberInsideAFootnoteIsReportedAtItsRawLine() throws {
        let raw = try Self.trial("A-80-188-lines-727-900.txt")
        let note61 = "Pörtner and others, IPBES-IPCC Co-sponsored Workshop: Biodiversity and Climate Change – Scientific Outcome. F. Bioenergy 48. Bioenergy is a form of renewable energy sourced from biomass, namely, organic material derived from living or recently living organisms or their waste."
        let lost = ReportImporter.paragraphsInFootnotes(raw: raw, paragraphs: [46, 47], items: [], notes: [("60", "Kaisa Huhta"), ("61", note61)])
        XCTAssertEqual(lost, [ReportImporter.SwallowedParagraph(number: 48, line: 84, footnote: "61")])
        XCTAssertEqual(raw.components(separatedBy: "\n")[83], "48. Bioenergy is a form of renewable energy sourced from biomass, namely, organic")
        // Anchored, it is no loss.
        XCTAssertEqual(ReportImporter.paragraphsInFootnotes(raw: raw, paragraphs: [48], items: [], notes: [("61", note61)]), [])
    }

    /// Kenya 2010 (A/HRC/15/8): items printed `101.1. Ratify ...`, label, dot and text on one line. Each is the item
    /// `101.1` of the contract (anchored para-101-1), none is glued to the one before (`... (Australia); 101.27.`).
    func testDottedItemLabelsWithTheirText() throws {
        let raw = try Self.trial("A-HRC-15-8-lines-750-832.txt")
        let result = ReportImporter.importText(raw, overrides: ImportMetadata(symbol: "A/HRC/15/8"))
        let blocks = Self.body(result.content).components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .newlines) }
        let items = blocks.compactMap { $0.prefixMatch(of: /101\.([0-9]{1,3})\s/).map { Int($0.output.1)! } }
        XCTAssertEqual(items, Array(1...30), Self.body(result.content))
        XCTAssertTrue(blocks.contains("101.1 Ratify the International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families (ICRMW) (Burkina Faso);"), Self.body(result.content))
        XCTAssertTrue(blocks.contains("101.26 Take measures to comprehensively address long-standing issues identified under agenda item 4 of the Kenya National Dialogue and Reconciliation, including with regard to judicial and police reform (Australia);"), Self.body(result.content))
        XCTAssertTrue(blocks.contains { $0.hasPrefix("101.27 Remain unswerving in pursuing measures") })
        XCTAssertFalse(blocks.contains { $0.contains("101.27.") || $0.contains("101.1.") })
        XCTAssertEqual(result.summary.decimalItems, 30)
    }

    /// China 2013 (A/HRC/25/5): the label `186.1.` alone on its line, the text on the next; the same in Iran 2014
    /// (A/HRC/28/12), where one label of the list has the dot (`138.109.`) and its neighbours not.
    func testDottedItemLabelsAloneOnTheirLine() throws {
        let china = ReportImporter.importText(try Self.trial("A-HRC-25-5-lines-726-757.txt"), overrides: ImportMetadata(symbol: "A/HRC/25/5"))
        let blocks = Self.body(china.content).components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .newlines) }
        XCTAssertTrue(blocks.contains { $0.hasPrefix("186.1 Ratify ICCPR (Albania); Ratify ICCPR and CPED (Chile);") }, Self.body(china.content))
        XCTAssertTrue(blocks.contains("186.3 Consider ratifying ICCPR (Cape Verde);"), Self.body(china.content))
        XCTAssertTrue(blocks.contains("186.4 Take steps to an early ratification of the ICCPR (Czech Republic);"), Self.body(china.content))
        XCTAssertFalse(blocks.contains { $0.hasPrefix("186.1.") || $0 == "186.2." }, Self.body(china.content))
        let iran = ReportImporter.importText(try Self.trial("A-HRC-28-12-lines-984-994.txt"), overrides: ImportMetadata(symbol: "A/HRC/28/12"))
        let iranBlocks = Self.body(iran.content).components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .newlines) }
        XCTAssertTrue(iranBlocks.contains("138.109 Continue to protect vulnerable groups, such as women (Senegal);"), Self.body(iran.content))
        XCTAssertEqual(iranBlocks.compactMap { $0.prefixMatch(of: /138\.([0-9]{3})\s/).map { Int($0.output.1)! } }, Array(106...111))
    }

    /// United Kingdom 2008 (A/HRC/8/25): recommendations `1.` to `28.` inside paragraph 56, each label alone on its
    /// line and the recommending States on a line of their own (`(India)`): items 56.1, 56.2 ..., no heading.
    func testFirstCycleItemsWithTheirLabelAloneAndTheStatesOnTheirOwnLine() throws {
        let result = ReportImporter.importText(try Self.trial("A-HRC-8-25-lines-743-790.txt"), overrides: ImportMetadata(symbol: "A/HRC/8/25"))
        let body = Self.body(result.content)
        let blocks = body.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .newlines) }
        XCTAssertTrue(blocks.contains("56.1 To set up a strategic oversight body, such as a commission on violence against women, to ensure greater coherence and more effective protection for women. (India)"), body)
        XCTAssertTrue(blocks.contains("56.6 To continue to review all counter-terrorism legislation and ensure that it complies with the highest human rights standards. (Cuba, Ghana and the Netherlands)"), body)
        XCTAssertEqual(blocks.compactMap { $0.prefixMatch(of: /56\.([0-9]{1,2})\s/).map { Int($0.output.1)! } }, Array(1...8))
        XCTAssertEqual(blocks.filter { $0.hasPrefix("#") }, ["## II. Conclusions and/or recommendations"], body)
    }

    /// Algeria 2008 (A/HRC/8/29): the running header printed with a space in the symbol (`A/HRC/ 8/29`, then
    /// `Page 13`) is removed, so item 69.11 ends with its State and 69.12 starts after it.
    func testARunningHeaderWithASpaceInTheSymbol() throws {
        let result = ReportImporter.importText(try Self.trial("A-HRC-8-29-lines-500-612.txt"), overrides: ImportMetadata(symbol: "A/HRC/8/29"))
        let body = Self.body(result.content)
        let blocks = body.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .newlines) }
        XCTAssertTrue(blocks.contains("69.11 That Algeria continue giving priority to tolerance and reconciliation (Saudi Arabia)."), body)
        XCTAssertTrue(blocks.contains { $0.hasPrefix("69.12 That Algeria implement measures to protect detainees from torture,") }, body)
        XCTAssertFalse(body.contains("8/29"), body)
        XCTAssertEqual(blocks.compactMap { $0.prefixMatch(of: /69\.([0-9]{1,2})\s/).map { Int($0.output.1)! } }, Array(1...17))
    }

    /// Algeria's delegation in the annex of A/HRC/8/29: `M. Lazhar Soualem, Directeur ...` is a person (Monsieur),
    /// not chapter M (one thousand) nor section M; each such line is text, warned at its raw line.
    func testAnHonorificIsNoSectionLetter() throws {
        let result = ReportImporter.importText(try Self.trial("A-HRC-8-29-lines-614-655.txt"), overrides: ImportMetadata(symbol: "A/HRC/8/29"))
        let body = Self.body(result.content)
        XCTAssertFalse(body.contains("## M."), body)
        XCTAssertTrue(body.contains("M. Lazhar Soualem, Directeur des Droits de l’Homme"), body)
        XCTAssertTrue(body.contains("M. Abdelkader Semid, Conseiller au Cabinet du Ministre de la Santé"), body)
        let said = result.warnings.filter { $0.message.contains("kept as text, not a heading: M does not follow") }
        XCTAssertEqual(said.map(\.line), [15, 27, 36, 38], "\(result.warnings.map { "\($0.line): \($0.message)" })")
        XCTAssertTrue(body.contains("70. Other recommendations noted in the report"), body)
    }

    /// Slovenia's national report of 2014 (A/HRC/WG.6/20/SVN/1): footnote markers glued to a percentage
    /// (`23.7%6.`) and to a year (`2012–202013`), with the report's endnotes; and the last part of a document symbol
    /// (`A/HRC/WG.6/8/L.7.`, Kenya's cover) is never a marker.
    func testMarkersAfterAPercentageOrAYearAndNotInASymbol() throws {
        let raw = try Self.trial("A-HRC-WG.6-20-SVN-1-lines-116-175.txt") + "\n" + Self.trial("A-HRC-WG.6-20-SVN-1-lines-1187-1220.txt")
        let result = ReportImporter.importText(raw, overrides: ImportMetadata(symbol: "A/HRC/WG.6/20/SVN/1"))
        let body = Self.body(result.content)
        XCTAssertTrue(body.contains("In 2012, the Gini coefficient was 23.7%[^6]."), body)
        XCTAssertTrue(body.contains("the Resolution on National Programme of Adult Education 2012–2020[^13] and the Resolution on the National Programme of Higher Education 2011–2020[^14]."), body)
        XCTAssertTrue(body.contains("\n[^6]: The average for EU-28 was 30.6%.\n"), body)
        XCTAssertTrue(body.contains("\n[^13]: Ur.l.RS No. 90/2013.\n"), body)
        for n in [6, 12, 13, 14] { XCTAssertTrue(result.summary.footnotesMatched.contains(String(n)), "\(n): \(result.summary)") }
        // The percentages and years that no marker follows stay as printed.
        XCTAssertTrue(body.contains("in 2012 was 46.4%, ranking Slovenia"), body)

        let kenya = ReportImporter.importText(try Self.trial("A-HRC-15-8-lines-1-40.txt"))
        XCTAssertTrue(kenya.content.contains("Previously issued under document symbol A/HRC/WG.6/8/L.7."), kenya.content)
        XCTAssertFalse(kenya.content.contains("L.[^7]"), kenya.content)
    }

    /// A folder imported where no templates can be found (the executable copied out of its checkout, run outside a
    /// project): every file is written, none is counted as passed, and the total says they were not checked.
    func testAFolderImportedWithoutTemplatesIsNotCountedAsPassed() throws {
        let root = try temporaryFolder(self)
        let bin = root.appendingPathComponent("bin/reportsite")
        try FileManager.default.createDirectory(at: bin.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: reportSiteExecutable(), to: bin)
        let folder = root.appendingPathComponent("raw")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Project.fixtures.appendingPathComponent("import/trials/CCPR-C-121-D-2025-2011.txt"), to: folder.appendingPathComponent("decision.txt"))
        let process = Process()
        process.executableURL = bin
        process.arguments = ["import", "raw", "-o", "out"]
        process.currentDirectoryURL = root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        _ = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // The decision of one page, printed without paragraph numbers: written with `paragraphs: none`, exit 0.
        XCTAssertEqual(process.terminationStatus, 0, stdout)
        XCTAssertTrue(stdout.contains("not checked"), stdout)
        XCTAssertTrue(stdout.hasSuffix("1 file: 1 written, 0 passed, 0 failed, 1 not checked (no templates: run reportsite check in the project)\n"), stdout)
        let written = try String(contentsOf: root.appendingPathComponent("out/CCPR-C-121-D-2025-2011.md"), encoding: .utf8)
        XCTAssertTrue(written.contains("\nparagraphs: none\n"), written)
    }

    /// Iran 2014 (A/HRC/28/12): the cover's barcode, in a font pdftotext gives as control characters
    /// (`^F ^O ^O^S ^F`), is page furniture: removed and counted, not written (check said RS004).
    func testABarcodeOfControlCharactersIsRemoved() throws {
        let raw = try Self.trial("A-HRC-28-12-lines-1-24.txt")
        XCTAssertTrue(raw.contains("\u{06} \u{0F} \u{0F}\u{13} \u{06}"))
        let result = ReportImporter.importText(raw)
        XCTAssertFalse(result.content.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, result.content)
        XCTAssertTrue(result.content.contains("The annex to the present report is circulated as received."), result.content)
    }
}
