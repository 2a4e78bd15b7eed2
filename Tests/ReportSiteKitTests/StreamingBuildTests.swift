import Foundation
import XCTest
@testable import ReportSiteKit

/// The build writes each page as it renders it and keeps only a ledger of ids and links for the link check.
/// Reading the written pages back must give exactly that ledger: the check sees what the reader gets.
final class StreamingBuildTests: XCTestCase {
    func testTheLedgerIsWhatWasWritten() throws {
        let diagnostics = DiagnosticEngine()
        let (corpus, links) = try linkedCorpus(content: Project.content, displayBase: Project.root, diagnostics: diagnostics)
        let templates = try TemplateSet(directory: Project.templates)
        let root = try temporaryFolder(self)
        let writer = SiteWriter(output: root.appendingPathComponent("site"))
        let staging = try StagingFolder(writer: writer)
        let ledger = try SiteRenderer(corpus: corpus, links: links, recommendations: RecommendationIndex(corpus: corpus),
                                      templates: templates, environment: [:], diagnostics: diagnostics).render(to: staging)
        XCTAssertFalse(diagnostics.hasErrors, "\(diagnostics.diagnostics.map(\.formatted))")

        let folder = try XCTUnwrap(staging.url)
        let paths = FileManager.default.enumerator(atPath: folder.path)!.compactMap { $0 as? String }.filter { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
        let reread = try paths.sorted().map { PageEntry(OutputFile(path: $0, contents: try Data(contentsOf: folder.appendingPathComponent($0)))) }
        XCTAssertGreaterThan(reread.count, 20)
        XCTAssertEqual(ledger.entries.sorted { $0.path < $1.path }, reread)
        XCTAssertEqual(staging.count, reread.count)
        XCTAssertTrue(reread.contains { $0.path == "A/58/275/index.html" && ($0.ids ?? []).contains("para-80") })

        // A failed build discards its staging folder: nothing is left next to the output.
        staging.discard()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), [])
    }
}
