import Foundation
import XCTest
@testable import ReportSiteKit
@testable import ReportSiteOutput
@testable import ReportSiteSite

/// A template that is missing, does not parse, or fails to render never becomes an empty string: the real
/// command stops with the template's file named, and nothing is written.
final class TemplateFailureTests: XCTestCase {
    /// A copy of the project's templates in a fresh folder, changed by `change`; returns the folder holding
    /// `Templates/`, `content/` (the real content) and an old `site/`.
    func workFolder(_ change: (URL) throws -> Void) throws -> URL {
        let work = try temporaryFolder(self)
        let templates = work.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: Project.templates, to: templates)
        try FileManager.default.copyItem(at: Project.content, to: work.appendingPathComponent("content"))
        try change(templates)
        let site = work.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: site.appendingPathComponent("index.html"))
        try Data(OutputFolder.markerContents.utf8).write(to: site.appendingPathComponent(OutputFolder.markerName))
        return work
    }

    func run(_ work: URL, _ extra: [String] = ["--strict"]) throws -> RunResult {
        try runReportSite(["build", "--templates", "Templates", "--content", "content", "--output", "site"] + extra, in: work)
    }

    func assertOldSiteKept(_ work: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let site = work.appendingPathComponent("site")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: site.path).sorted(), [OutputFolder.markerName, "index.html"],
                       file: file, line: line)
        XCTAssertEqual(try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8), "old", file: file, line: line)
    }

    func testADeletedCitationTemplateStopsTheBuildInsteadOfEmptyingEveryCitation() throws {
        let work = try workFolder { try FileManager.default.removeItem(at: $0.appendingPathComponent("inline/citation.mustache")) }
        let result = try run(work)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, """
            Templates/inline/citation.mustache: error: the template inline/citation is missing; the site cannot be built without it [RS404]
              note: restore it from the project's Templates/ folder
            reportsite: the templates have errors; nothing was written

            """)
        try assertOldSiteKept(work)
    }

    /// The renderer names templates by `TemplateSet.Name` only (the compiler holds it to that); each is a file of
    /// the project's templates, and removing any one of them (but `search`, which is optional) stops the build at
    /// load, naming it.
    func testEveryTemplateTheRendererNamesIsCheckedAtLoad() throws {
        for name in TemplateSet.Name.allCases {
            XCTAssertTrue(FileManager.default.fileExists(atPath: Project.templates.appendingPathComponent(name.rawValue + ".mustache").path), name.rawValue)
        }
        for name in [TemplateSet.Name.notFound, .citation, .bodyItem] {
            let work = try workFolder { try FileManager.default.removeItem(at: $0.appendingPathComponent(name.rawValue + ".mustache")) }
            let result = try run(work)
            XCTAssertEqual(result.status, 2, result.stderr)
            XCTAssertTrue(result.stderr.hasPrefix("Templates/\(name.rawValue).mustache: error: the template \(name.rawValue) is missing; the site cannot be built without it [RS404]"),
                          result.stderr)
            try assertOldSiteKept(work)
        }
    }

    func testAMissingPartialIsNamedWhereItIsIncluded() throws {
        let work = try workFolder { try FileManager.default.removeItem(at: $0.appendingPathComponent("partials/toc-entry.mustache")) }
        let result = try run(work)
        XCTAssertEqual(result.status, 2)
        // The line of the include in the project's report template, found in its text.
        let lines = try String(contentsOf: Project.templates.appendingPathComponent("report.mustache"), encoding: .utf8)
            .components(separatedBy: "\n")
        let line = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("{{#toc}}{{> partials/toc-entry}}") }) + 1
        XCTAssertEqual(result.stderr, """
            Templates/report.mustache:\(line):9: error: the partial {{> partials/toc-entry}} names a template that does not exist: Templates/partials/toc-entry.mustache [RS404]
              note: restore Templates/partials/toc-entry.mustache, or correct the name
            reportsite: the templates have errors; nothing was written

            """)
        try assertOldSiteKept(work)
    }

    func testASyntaxErrorIsReportedAtItsLineAndColumn() throws {
        let work = try workFolder { templates in
            let url = templates.appendingPathComponent("404.mustache")
            var text = try String(contentsOf: url, encoding: .utf8)
            text = text.replacingOccurrences(of: "<h1>Page not found</h1>", with: "<h1>{{#title}}Page not found</h1>")
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let result = try run(work)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.hasPrefix("Templates/404.mustache:"), result.stderr)
        // Where the section opens (issue 18), not where the parser gave up.
        XCTAssertTrue(result.stderr.hasPrefix("Templates/404.mustache:3:5: error: the section {{#title}} that opens here is never closed [RS403]"),
                      result.stderr)
        XCTAssertFalse(result.stderr.contains("ParserError"), "no Swift debug dump: \(result.stderr)")
        let location = result.stderr.split(separator: ":").dropFirst().prefix(2).compactMap { Int($0) }
        XCTAssertEqual(location.count, 2, "line and column: \(result.stderr)")
        try assertOldSiteKept(work)
    }

    func testATemplateThatIsNotUTF8IsAnErrorNotAnEmptyTemplate() throws {
        let work = try workFolder { try Data([0xFF, 0xFE, 0x00]).write(to: $0.appendingPathComponent("inline/page-start.mustache")) }
        let result = try run(work)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, """
            Templates/inline/page-start.mustache: error: the template cannot be read as UTF-8 text [RS405]
              note: save it as UTF-8
            reportsite: the templates have errors; nothing was written

            """)
        try assertOldSiteKept(work)
    }
}
