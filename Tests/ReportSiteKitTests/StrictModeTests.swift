import Foundation
import XCTest
@testable import ReportSiteKit

/// `--strict` does what its help says: every warning is an error but RS603; RS701 is a note, never an error.
final class StrictModeTests: XCTestCase {
    func testTheHelpNamesTheOnlyWarningThatStaysAWarningAndTheNote() throws {
        let help = try runReportSite(["build", "--help"], in: Project.root).stdout
            .split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        XCTAssertTrue(help.contains("--strict Treat warnings as errors (use this in CI). One stays a warning: RS603, a cited paragraph missing only because the cited file is an excerpt. Notes (RS701, a recommendation with no addressee; RS706, addressees that addressees.yml lacks; RS601, a paragraph number in a note that this report lacks) are never errors."), help)
    }

    /// A new exception to --strict must be named in the help, the README and docs/CONTENT-FORMAT.md: this test
    /// lists the only ones there are.
    func testTheExceptionsInTheCodeAreTheDocumentedOnes() throws {
        var exceptions: [String] = []
        var notes: [String] = []
        let sources = Project.root.appendingPathComponent("Sources")
        for path in FileManager.default.enumerator(atPath: sources.path)!.compactMap({ $0 as? String }) where path.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            if text.contains("evenInStrict: true") { exceptions.append(path) }
            if text.contains("Diagnostic(.note,") { notes.append(path) }
        }
        XCTAssertEqual(exceptions, ["ReportSiteSite/Link/CitationResolver.swift"], "RS603 only")
        XCTAssertEqual(notes.sorted(), ["ReportSiteReports/Analyse/Recommendations/RecommendationDiagnostics.swift", "ReportSiteSite/Link/CitationResolver.swift"],
                       "RS701 and RS706 (recommendations), RS601 in a note (a paragraph number of the source a footnote cites)")
        let readme = try String(contentsOf: Project.root.appendingPathComponent("README.md"), encoding: .utf8)
        let format = try String(contentsOf: Project.root.appendingPathComponent("docs/CONTENT-FORMAT.md"), encoding: .utf8)
        for text in [readme, format] {
            XCTAssertTrue(text.contains("RS603"))
            XCTAssertTrue(text.contains("RS701"))
            XCTAssertTrue(text.contains("RS706"))
            XCTAssertTrue(text.contains("a paragraph number in a note"))
        }
    }

    func testUnassignedRecommendationsAreANoteUnderStrictAndTheBuildSucceeds() throws {
        let work = try temporaryFolder(self)
        try FileManager.default.copyItem(at: Project.content, to: work.appendingPathComponent("content"))
        // --verbose: each note in full (without it, one line a code).
        let result = try runReportSite(["build", "--strict", "--verbose", "--templates", Project.templates.path], in: work)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("content/reports/A-57-292.md:36:1: note: 4 recommendations name no addressee: paras. 72, 73, 74, 76; the index lists them under Not specified [RS701]"), result.stderr)
        XCTAssertFalse(result.stderr.contains("error:"))

        // Filed under Not specified on purpose: no note.
        let url = work.appendingPathComponent("content/reports/A-57-292.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        try text.replacingOccurrences(of: "\n---\n", with: "\naddressees: { \"72\": [not-specified], \"73\": [not-specified], \"74\": [not-specified], \"76\": [not-specified] }\n---\n", options: [], range: text.index(after: text.startIndex)..<text.endIndex)
            .write(to: url, atomically: true, encoding: .utf8)
        let quiet = try runReportSite(["build", "--strict", "--verbose", "--templates", Project.templates.path], in: work)
        XCTAssertEqual(quiet.status, 0, quiet.stderr)
        XCTAssertFalse(quiet.stderr.contains("A-57-292.md:36:1"), quiet.stderr)
    }
}
