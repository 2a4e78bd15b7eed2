import Foundation
import XCTest
@testable import ReportSiteKit
@testable import ReportSiteOutput
@testable import ReportSiteSite

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

/// The link check's quick path for relative links gives what resolving piece by piece gives, or leaves the link to it.
final class LinkResolutionTests: XCTestCase {
    func testTheQuickPathAgreesWithResolvingPieceByPiece() {
        let pieces = ["..", ".", "", "a", "b.html", "index.html", "%20x", "x?q=1", ".hidden", "é", "A"]
        let pages = ["index.html", "A/90/1/index.html", "recommendations/states/page/2/index.html", "a/b.html"]
        var random = SeededRandom(seed: 20261128)  // the same inputs every run (FuzzTests)
        var quick = 0
        for _ in 0..<20_000 {
            let count = random.int(1...6)
            let relative = (0..<count).map { _ in random.pick(pieces) }.joined(separator: "/")
            let page = random.pick(pages)
            let slow = OutputLinkCheck.resolvePieces(relative, from: page)
            if let fast = OutputLinkCheck.resolveSimple(relative, from: page) {
                quick += 1
                XCTAssertEqual(fast, slow, "\(relative) from \(page)")
            }
            XCTAssertEqual(OutputLinkCheck.resolve(relative, from: page), slow, "\(relative) from \(page)")
        }
        XCTAssertGreaterThan(quick, 1_000, "the quick path is taken")
        XCTAssertEqual(OutputLinkCheck.resolveSimple("../../../A/90/7/index.html", from: "A/90/1/index.html"), "A/90/7/index.html")
        XCTAssertEqual(OutputLinkCheck.resolveSimple("../../assets/style.css", from: "A/1/index.html"), "assets/style.css")
    }
}
