import Foundation
import XCTest
@testable import ReportSiteKit

/// `reportsite import` on a PDF: the test writes a small two-page report as a PDF (Python's fpdf2), and the real
/// command reads it with poppler's pdftotext. `make deps` and `.ci/run` install both; without them the test is
/// skipped, unless REPORTSITE_REQUIRE_PDF=1 (CI) makes that a failure.
final class ImportPDFTests: XCTestCase {
    /// The text of the PDF, page by page: header, lines, footnote, printed page number.
    static let script = #"""
    import sys
    from fpdf import FPDF
    pages = [
        ("1", ["Human Rights Council", "Fifty-ninth session", "Distr.: General 2 May 2025", "",
               "I. Introduction", "",
               "1. The present report is submitted pursuant to Human Rights Council resolution 52/1.\u00b9", "",
               "2. The Special Rapporteur thanks the States that replied to the questionnaire and regrets that many did not, which limits the scope of the analysis in the present report and"],
         "\u00b9 See A/HRC/52/1."),
        ("2", ["its conclusions.", "", "II. Recommendations", "",
               "3. States should reply to the questionnaire of the Special Rapporteur:", "",
               "(a) Within sixty days;", "", "(b) In one of the official languages."], None),
    ]
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    for number, lines, note in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", size=10)
        pdf.set_xy(20, 10)
        pdf.cell(0, 5, "A/HRC/99/1")
        pdf.set_xy(20, 25)
        for line in lines:
            if line == "":
                pdf.ln(5)
                pdf.set_x(20)
                continue
            pdf.multi_cell(170, 5, line)
            pdf.set_x(20)
        if note:
            pdf.set_xy(20, 260)
            pdf.multi_cell(170, 5, note)
        pdf.set_xy(100, 280)
        pdf.cell(10, 5, number)
    pdf.output(sys.argv[1])
    """#

    static func available(_ command: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    func testImportAPDFThroughTheCommand() throws {
        let tools = Self.available(["pdftotext", "-v"]) && Self.available(["python3", "-c", "import fpdf"])
        if !tools {
            let message = "pdftotext (poppler-utils) or Python's fpdf2 is missing: make deps installs them"
            if ProcessInfo.processInfo.environment["REPORTSITE_REQUIRE_PDF"] == "1" { return XCTFail(message) }
            throw XCTSkip(message)
        }
        let root = try temporaryFolder(self)
        let script = root.appendingPathComponent("make_pdf.py")
        try Self.script.write(to: script, atomically: true, encoding: .utf8)
        let pdf = root.appendingPathComponent("report.pdf")
        let maker = Process()
        maker.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        maker.arguments = ["python3", script.path, pdf.path]
        try maker.run()
        maker.waitUntilExit()
        XCTAssertEqual(maker.terminationStatus, 0)

        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/reports"), withIntermediateDirectories: true)
        let result = try runReportSite(["import", "report.pdf", "--title", "Questionnaires", "--templates", Project.templates.path], in: root)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("paragraphs: 3 found, numbered 1 to 3, no gaps"), result.stdout)
        XCTAssertTrue(result.stdout.contains("footnotes: 1 matched"), result.stdout)
        XCTAssertTrue(result.stdout.contains("checked 1 report"), result.stdout)
        let written = try String(contentsOf: root.appendingPathComponent("content/reports/A-HRC-99-1.md"), encoding: .utf8)
        XCTAssertEqual(written, """
        ---
        symbol: A/HRC/99/1
        title: Questionnaires
        date: 2025-05-02
        body: Human Rights Council
        session: Fifty-ninth session
        source: report.pdf
        ---

        <!-- page 1 -->

        ## I. Introduction

        1. The present report is submitted pursuant to Human Rights Council resolution 52/1.[^1]

        2. The Special Rapporteur thanks the States that replied to the questionnaire and regrets that many did not, which limits the scope of the analysis in the present report and its conclusions.

        <!-- page 2 -->

        ## II. Recommendations

        3. States should reply to the questionnaire of the Special Rapporteur:

        (a) Within sixty days;

        (b) In one of the official languages.

        [^1]: See A/HRC/52/1.

        """)
        // The site builds from it, strictly.
        let (outcome, diagnostics) = buildSite(content: root.appendingPathComponent("content"), output: root.appendingPathComponent("site"))
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map(\.formatted), [])
        guard case .success = outcome else { return XCTFail("\(outcome)") }
    }

    func testAnUnreadablePDFIsAUsageError() throws {
        guard Self.available(["pdftotext", "-v"]) else { throw XCTSkip("pdftotext is missing") }
        let root = try temporaryFolder(self)
        try Data("not a pdf".utf8).write(to: root.appendingPathComponent("broken.pdf"))
        let result = try runReportSite(["import", "broken.pdf", "--symbol", "A/1/1"], in: root)
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("pdftotext failed"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("content/reports/A-1-1.md").path))
    }
}
