import Foundation
import XCTest
@testable import ReportSiteKit
@testable import ReportSiteOutput
@testable import ReportSiteReports

/// `reportsite serve` keeps the analyses of its builds in memory (`AnalysisMemory`): the next build takes each
/// unchanged report's analysis from there instead of decoding it from the store, and never a stale one.
final class AnalysisMemoryTests: XCTestCase {
    func build(_ root: URL, into output: String, cache: Bool = true, memory: AnalysisMemory?) -> SiteBuilder.Outcome {
        var options = SiteBuilder.Options(content: root.appendingPathComponent("content"), output: root.appendingPathComponent(output),
                                          templates: Project.templates, displayBase: root, write: true)
        options.environment = ["SOURCE_DATE_EPOCH": "1700000000"]
        options.cache = cache
        options.analysisMemory = memory
        var builder = SiteBuilder(options: options)
        return builder.build()
    }

    func testServesBuildsTakeUnchangedAnalysesFromMemoryAndNeverAStaleOne() throws {
        let root = try temporaryFolder(self)
        try FileManager.default.copyItem(at: Project.content, to: root.appendingPathComponent("content"))
        let reports = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("content/reports").path)
            .filter { $0.hasSuffix(".md") }
        XCTAssertGreaterThan(reports.count, 3)
        let memory = AnalysisMemory()
        func analyses(_ body: () -> Void) -> Int {
            let before = ReportAnalysis.runs.current
            body()
            return ReportAnalysis.runs.current - before
        }
        XCTAssertEqual(analyses { XCTAssertEqual(build(root, into: "site", memory: memory).exitCode, 0) }, reports.count)
        XCTAssertEqual(memory.count, reports.count, "every analysis kept for the next build")

        // The store's analyses are gone: only the memory can spare the unchanged reports an analysis.
        let store = BuildStore(output: root.appendingPathComponent("site"))
        try FileManager.default.removeItem(at: store.entryFolder(.analysis))
        let file = root.appendingPathComponent("content/reports/A-58-275.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(text.contains("Human rights of migrants"))
        try Data(text.replacingOccurrences(of: "Human rights of migrants", with: "Human rights of migrants, edited").utf8).write(to: file)
        XCTAssertEqual(analyses { XCTAssertEqual(build(root, into: "site", memory: memory).exitCode, 0) }, 1, "only the report saved")
        XCTAssertEqual(memory.count, reports.count)
        let page = try String(contentsOf: root.appendingPathComponent("site/A/58/275/index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("Human rights of migrants, edited"), "the edit is on the page, not the remembered analysis")

        XCTAssertEqual(build(root, into: "clean", cache: false, memory: nil).exitCode, 0)
        XCTAssertEqual(try fileTree(root.appendingPathComponent("site")), try fileTree(root.appendingPathComponent("clean")))

        // --no-cache reads no earlier analysis, not even the memory's.
        XCTAssertEqual(analyses { XCTAssertEqual(build(root, into: "site", cache: false, memory: memory).exitCode, 0) }, reports.count)
        XCTAssertEqual(try fileTree(root.appendingPathComponent("site")), try fileTree(root.appendingPathComponent("clean")))
    }
}
