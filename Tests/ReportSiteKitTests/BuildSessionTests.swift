import Foundation
import XCTest
@testable import ReportSiteKit

/// The build session and its consumers: the library returns a typed result, and the text and JSON consumers say
/// it (the command only picks one and writes what it returns).
final class BuildSessionTests: XCTestCase {
    func testTheSessionReturnsTheBuildAndTheTextSaysIt() throws {
        let work = try temporaryFolder(self)
        let content = work.appendingPathComponent("content")
        try FileManager.default.copyItem(at: Project.content, to: content)
        let options = SiteBuilder.Options(content: content, output: work.appendingPathComponent("site"),
                                          templates: Project.templates, displayBase: work)
        let first = BuildSession.run(options)
        guard case .success(let reports, let files) = first.outcome else { return XCTFail("\(first.outcome) \(first.errorLines)") }
        XCTAssertEqual(first.exitCode, 0)
        XCTAssertFalse(first.upToDate)
        XCTAssertEqual(first.errors, 0)
        XCTAssertGreaterThan(first.notes, 0, "the project's content has notes (RS701)")
        let text = BuildReportText(output: "site/")
        let summary = text.summary(first)
        XCTAssertTrue(summary.onStandardOutput)
        XCTAssertTrue(summary.text.hasPrefix("built \(reports) reports into site/ (\(files) files)"), summary.text)
        // Notes are one line a code unless --verbose; --verbose prints each and no summary.
        let said = text.diagnostics(first)
        XCTAssertTrue(said.contains("note: \(BuildReportText.grouped(first.notes)) notes RS701 (recommendations with no addressee); --verbose shows them"), said)
        let verbose = BuildReportText(output: "site", verbose: true).diagnostics(first)
        XCTAssertEqual(verbose.split(separator: "\n").filter { $0.contains(": note: ") }.count, first.notes)
        XCTAssertTrue(text.timings(first).contains("timing: pages reused from the previous build: 0"))

        // Built again with nothing changed: up to date, said so.
        let second = BuildSession.run(options)
        XCTAssertTrue(second.upToDate)
        XCTAssertTrue(text.summary(second).text.hasPrefix("site/ is up to date (\(reports) reports; nothing changed"), text.summary(second).text)
    }

    func testErrorsAreSaidAsTextAndAsJSONAndTheSiteIsLeftAlone() throws {
        let work = try temporaryFolder(self)
        let content = work.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("reports"), withIntermediateDirectories: true)
        for file in ["site.yml", "addressees.yml"] {
            try FileManager.default.copyItem(at: Project.content.appendingPathComponent(file), to: content.appendingPathComponent(file))
        }
        try "---\nsymbol: A/70/1\ntitle: T\ndate: 2015-01-01\nbody: General Assembly\n---\n\n1. Text cites a note.[^9]\n"
            .write(to: content.appendingPathComponent("reports/A-70-1.md"), atomically: true, encoding: .utf8)
        let result = BuildSession.run(SiteBuilder.Options(content: content, output: work.appendingPathComponent("site"),
                                                          templates: Project.templates, displayBase: work))
        XCTAssertEqual(result.outcome, .contentErrors)
        XCTAssertEqual(result.exitCode, 1)
        XCTAssertEqual(result.errorLines.count, result.errors)
        XCTAssertTrue(result.errorLines.contains { $0.hasPrefix("content/reports/A-70-1.md:8:") && $0.contains("RS201") }, "\(result.errorLines)")
        let summary = BuildReportText(output: "site").summary(result)
        XCTAssertFalse(summary.onStandardOutput)
        XCTAssertEqual(summary.text, "reportsite: \(result.errors) error\(result.errors == 1 ? "" : "s"), \(result.warnings) warning\(result.warnings == 1 ? "" : "s"); site/ was left unchanged\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("site").path))

        let records = try XCTUnwrap(JSONSerialization.jsonObject(with: BuildReportJSON.encode(result)) as? [[String: Any]])
        XCTAssertEqual(records.count, result.diagnostics.count)
        let error = try XCTUnwrap(records.first { $0["code"] as? String == "RS201" })
        XCTAssertEqual(error["file"] as? String, "content/reports/A-70-1.md")
        XCTAssertEqual(error["line"] as? Int, 8)
        XCTAssertEqual(error["severity"] as? String, "error")
        XCTAssertEqual(Set(error.keys), ["file", "line", "column", "severity", "code", "message", "hint"], "every key, null when absent")
    }
}
