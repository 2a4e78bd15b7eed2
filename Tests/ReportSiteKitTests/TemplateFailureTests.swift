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

    func testEveryTemplateTheRendererUsesIsRequired() throws {
        // Every name passed to render() in Sources/ReportSiteSite/Render must be in `required`.
        let render = Project.root.appendingPathComponent("Sources/ReportSiteSite/Render")
        var used: Set<String> = []
        for name in try FileManager.default.contentsOfDirectory(atPath: render.path) where name.hasSuffix(".swift") {
            let text = try String(contentsOf: render.appendingPathComponent(name), encoding: .utf8)
            var rest = text[...]
            while let call = rest.range(of: "render(\"") {
                let after = rest[call.upperBound...]
                let end = after.firstIndex(of: "\"")!
                used.insert(String(after[..<end]))
                rest = after[end...]
            }
        }
        XCTAssertTrue(used.contains("inline/citation"))
        XCTAssertEqual(used.subtracting(TemplateSet.required), [], "templates rendered but not checked at start")
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

    /// A render that fails after the start checks (the library lost a template) is an error naming the
    /// template, through the real renderer on the real content; the build then writes nothing.
    func testARenderFailureIsAnErrorNamingTheTemplate() throws {
        let work = try workFolder { try FileManager.default.removeItem(at: $0.appendingPathComponent("inline/citation.mustache")) }
        let templates = try TemplateSet(directory: work.appendingPathComponent("Templates"),
                                        displayPath: { "Templates/" + $0.path.components(separatedBy: "/Templates/").last! },
                                        checkingNames: false)
        let diagnostics = DiagnosticEngine(strict: true)
        let (corpus, links) = try linkedCorpus(content: work.appendingPathComponent("content"), displayBase: work, diagnostics: diagnostics)
        XCTAssertFalse(diagnostics.hasErrors)
        _ = try SiteRenderer(corpus: corpus, links: links, recommendations: RecommendationIndex(corpus: corpus), templates: templates,
                             environment: [:], diagnostics: diagnostics).render(to: StagingFolder())
        let errors = diagnostics.diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(errors.map(\.formatted), ["""
            Templates/inline/citation.mustache: error: the template inline/citation could not be rendered; nothing was written [RS402]
              note: check that inline/citation.mustache exists in the templates folder
            """])
    }
}
