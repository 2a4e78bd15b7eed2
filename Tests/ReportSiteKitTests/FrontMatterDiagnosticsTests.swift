import Foundation
import XCTest
@testable import ReportSiteKit
@testable import ReportSiteReports

/// Front matter problems at their real line, through the real SiteBuilder (the exact command output is in
/// Fixtures/invalid/{file-name-mismatch,yaml-unclosed-quote,front-matter-not-closed,invalid-yaml}).
final class FrontMatterDiagnosticsTests: XCTestCase {
    func build(_ name: String, _ text: String) throws -> [Diagnostic] {
        let content = try temporaryFolder(self).appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("reports"), withIntermediateDirectories: true)
        try text.write(to: content.appendingPathComponent("reports/" + name), atomically: true, encoding: .utf8)
        let (outcome, diagnostics) = buildSite(content: content, output: content.deletingLastPathComponent().appendingPathComponent("site"))
        XCTAssertEqual(outcome, .contentErrors)
        return diagnostics
    }

    func testASymbolThatDisagreesWithTheFileNameNamesBoth() throws {
        let d = try build("A-58-275.md", "---\nsymbol: A/58/257\ntitle: T\ndate: 2003-08-12\nbody: General Assembly\n---\n\n1. One.\n")
        XCTAssertEqual(d.map(\.formatted), ["""
            content/reports/A-58-275.md:2:1: error: the front matter says symbol A/58/257 but the file is named A-58-275.md (symbol A/58/275) [RS016]
              note: correct whichever is wrong: the symbol, or rename the file to A-58-257.md
            """])
    }

    func testAnUnclosedQuoteIsReportedWhereItOpens() throws {
        let text = "---\nsymbol: A/1/1\ntitle: \"Unclosed\ndate: 2003-08-12\nbody: General Assembly\nauthor: A\nmandate: M\nsession: S\n---\n\n1. One.\n"
        let d = try build("A-1-1.md", text)
        XCTAssertEqual(d.count, 1)
        XCTAssertEqual(d.first?.code, "RS011")
        XCTAssertEqual(d.first?.position, SourcePosition(line: 3, column: 8))
        XCTAssertEqual(d.first?.message, "the front matter is not valid YAML: the quoted value that starts here is never closed (no \" before the end of the front matter)")
    }

    func testAnUnclosedQuoteIsFoundWithoutYamsContext() {
        let lines = TextLines.split("symbol: A/1/1\ntitle: 'It''s fine'\nauthor: \"Open\ndate: x")
        XCTAssertEqual(MetadataReader.unclosedQuote(in: lines).map { [$0.0, $0.1] }, [3, 9])
    }

    func testAYamlErrorKeepsTheFileLineAfterTheOpeningDashes() throws {
        let d = try build("A-1-1.md", "---\nsymbol: A/1/1\ntitle: T\ndate: 2003-08-12\nbody: General Assembly\nstatus: a: b\n---\n\n1. One.\n")
        XCTAssertEqual(d.first?.position?.line, 6)
        XCTAssertEqual(d.first?.code, "RS011")
    }

    func testABraceNeverClosedIsReportedWhereItOpens() throws {
        let d = try build("A-1-1.md", "---\nsymbol: A/1/1\naddressees: { \"1\": [states]\ntitle: T\ndate: 2003-08-12\nbody: General Assembly\n---\n\n1. One.\n")
        XCTAssertEqual(d.map(\.formatted), ["""
            content/reports/A-1-1.md:3:13: error: the front matter is not valid YAML: the { that opens here is never closed with } [RS011]
              note: close it on the same line: addressees: { "85": [states], "91-a": [] }
            """])
    }

    func testFrontMatterNeverClosedIsNamedAsSuch() throws {
        let d = try build("A-1-1.md", "---\nsymbol: A/1/1\ntitle: T\ndate: 2003-08-12\nbody: General Assembly\n\n1. One.\n")
        XCTAssertEqual(d.map(\.formatted), ["""
            content/reports/A-1-1.md:1:1: error: the front matter opened at line 1 is never closed with `---` [RS018]
              note: end it with a line `---` after its last key (date, body ...), before the report's text
            """])
    }
}
