import Foundation
import XCTest
@testable import ReportSiteKit

/// The import workflow as the library runs it (`ImportSession`), without the command: typed results, and a
/// folder import whose workers only return values.
final class ImportSessionTests: XCTestCase {
    let trial = Project.fixtures.appendingPathComponent("import/trial-A-HRC-99-33.txt")

    /// Two raw texts of one symbol in a folder import: the first in the order given is written and the second
    /// refused, whatever the schedule; rows come back in the order given, each checked with the real templates.
    func testFolderImportWritesInTheOrderGivenAndChecksEachFile() throws {
        let root = try temporaryFolder(self)
        let input = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let raw = try String(contentsOf: trial, encoding: .utf8)
        for name in ["b-first.txt", "c-second.txt"] {
            try raw.write(to: input.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try "not a report".write(to: input.appendingPathComponent("a-empty.txt"), atomically: true, encoding: .utf8)
        try "ignored".write(to: input.appendingPathComponent("notes.md"), atomically: true, encoding: .utf8)
        let found = try ImportSession.inputs([input.path])
        XCTAssertEqual(found.files.map { ($0 as NSString).lastPathComponent }, ["a-empty.txt", "b-first.txt", "c-second.txt"])
        XCTAssertEqual(found.warnings, [])

        let output = root.appendingPathComponent("content/reports")
        for _ in 0..<3 {
            try? FileManager.default.removeItem(at: output)
            let many = ImportSession.importMany(found.files, into: output, force: false, jobs: 3, cwd: root,
                                                templates: .init(given: Project.templates, checkout: nil))
            XCTAssertEqual(many.rows.map(\.file), ["a-empty.txt", "b-first.txt", "c-second.txt"])
            XCTAssertEqual(many.rows.map(\.check), ["no symbol", "ok", "same symbol"], many.rows.map(\.log).joined())
            XCTAssertEqual(many.rows.map(\.written), [false, true, false])
            XCTAssertEqual(many.rows[1].symbol, "A/HRC/99/33")
            XCTAssertTrue(many.rows[2].log.contains("its symbol A/HRC/99/33 is that of \(input.path)/b-first.txt"), many.rows[2].log)
            XCTAssertTrue(many.rows[0].log.contains("no document symbol found"), many.rows[0].log)
            XCTAssertEqual(many.exitCode, 1)
            XCTAssertEqual(many.totals, "3 files: 1 written, 1 passed, 2 failed")
            let table = many.table.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
            XCTAssertEqual(table.first, ["file", "symbol", "paragraphs", "items", "footnotes", "warnings", "check"])
            XCTAssertEqual(table.dropFirst().map { $0.last }, ["symbol", "ok", "symbol"])
            let written = try String(contentsOf: output.appendingPathComponent("A-HRC-99-33.md"), encoding: .utf8)
            XCTAssertEqual(written, ImportSession.convert(input.appendingPathComponent("b-first.txt").path, overrides: .init()).imported?.content)
        }
        // Run again without --force: every file is refused, nothing is replaced.
        let again = ImportSession.importMany(Array(found.files.dropFirst()), into: output, force: false, jobs: 2, cwd: root,
                                             templates: .init(given: Project.templates, checkout: nil))
        XCTAssertEqual(again.rows.map(\.check), ["exists", "same symbol"])
        XCTAssertEqual(again.exitCode, 2)
    }

    /// One file: a typed result the command prints; the refusals say why and write nothing.
    func testOneFileGivesATypedResult() throws {
        let root = try temporaryFolder(self)
        let templates = ImportSession.Templates(given: Project.templates, checkout: nil)
        let one = ImportSession.importOne(trial.path, overrides: .init(), output: "content/reports", force: false, cwd: root, templates: templates)
        XCTAssertNil(one.refusal)
        XCTAssertEqual(one.written?.path, root.appendingPathComponent("content/reports/A-HRC-99-33.md").path)
        XCTAssertEqual(one.check?.status, .clean, one.check?.diagnostics.joined(separator: "\n") ?? "")
        XCTAssertTrue(one.check?.line.hasPrefix("checked 1 report as reportsite check does: 0 errors") ?? false, one.check?.line ?? "")
        XCTAssertTrue(one.report.contains("paragraphs: "), one.report)
        XCTAssertEqual(one.exitCode, 0)

        let exists = ImportSession.importOne(trial.path, overrides: .init(), output: "content/reports", force: false, cwd: root, templates: templates)
        XCTAssertEqual(exists.exitCode, 2)
        XCTAssertEqual(exists.refusal, "error: \(root.path)/content/reports/A-HRC-99-33.md exists: --force replaces it; nothing written")
        XCTAssertNil(exists.written)

        let missing = ImportSession.importOne(root.appendingPathComponent("nothere.pdf").path, overrides: .init(), output: "content/reports",
                                              force: false, cwd: root, templates: templates)
        XCTAssertEqual(missing.exitCode, 2)
        XCTAssertTrue(missing.refusal?.hasSuffix("nothere.pdf: there is no such file; give the path of the report's raw text (.txt) or PDF") ?? false,
                      missing.refusal ?? "")

        let unchecked = ImportSession.importOne(trial.path, overrides: .init(), output: "elsewhere/out.md", force: false, cwd: root,
                                                templates: .init(given: nil, checkout: nil))
        XCTAssertEqual(unchecked.check?.status, .notChecked)
        XCTAssertEqual(unchecked.exitCode, 0)
    }
}
