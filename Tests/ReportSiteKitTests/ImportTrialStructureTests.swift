import Foundation
import XCTest
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
}
