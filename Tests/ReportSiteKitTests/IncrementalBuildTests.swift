import Foundation
import XCTest
@testable import ReportSiteKit
@testable import ReportSiteOutput
@testable import ReportSiteReports
@testable import ReportSiteSite

/// A rebuild reuses the report pages whose inputs did not change, and gives exactly the site a clean build of
/// the same content gives, byte for byte, also when an edit changes who cites whom and what the index holds.
final class IncrementalBuildTests: XCTestCase {
    func project() throws -> URL {
        let fm = FileManager.default
        let root = try temporaryFolder(self)
        try fm.copyItem(at: Project.content, to: root.appendingPathComponent("content"))
        try fm.copyItem(at: Project.fixtures.appendingPathComponent("citations/valid/A-99-1.md"),
                        to: root.appendingPathComponent("content/reports/A-99-1.md"))
        return root
    }

    /// The outcome, and the report pages (`A/...`) and index pages (`recommendations/...`) reused.
    func build(_ root: URL, into output: String, cache: Bool = true, strict: Bool = false,
               epoch: String = "1700000000", analysed: [String]? = nil,
               file: StaticString = #filePath, line: UInt = #line) -> (SiteBuilder.Outcome, [String], [String]) {
        let builder = run(root, into: output, cache: cache, strict: strict, epoch: epoch)
        if let analysed { XCTAssertEqual(builder.analysed, analysed, "the reports analysed again", file: file, line: line) }
        let reports = builder.reusedPages.filter { !$0.hasPrefix("recommendations/") }
        return (builder.outcome, reports, builder.reusedPages.filter { $0.hasPrefix("recommendations/") })
    }

    struct Run {
        var outcome: SiteBuilder.Outcome
        var reusedPages: [String]
        var upToDate: Bool
        var diagnostics: [Diagnostic]
        /// The report files analysed (not taken from the analysis cache).
        var analysed: [String]
    }

    func run(_ root: URL, into output: String, cache: Bool = true, strict: Bool = false, epoch: String = "1700000000") -> Run {
        var options = SiteBuilder.Options(content: root.appendingPathComponent("content"), output: root.appendingPathComponent(output),
                                          templates: Project.templates, strict: strict, displayBase: root)
        options.cache = cache
        options.environment = ["SOURCE_DATE_EPOCH": epoch]
        var builder = SiteBuilder(options: options)
        let outcome = builder.build()
        XCTAssertFalse(builder.diagnostics.hasErrors, builder.diagnostics.diagnostics.map(\.formatted).joined(separator: "\n"))
        return Run(outcome: outcome, reusedPages: builder.reusedPages, upToDate: builder.upToDate, diagnostics: builder.diagnostics.diagnostics,
                   analysed: builder.analysedReports)
    }

    func tree(_ folder: URL) throws -> [String: Data] { try fileTree(folder) }

    func edit(_ root: URL, _ report: String, replacing old: String, with new: String) throws {
        let url = root.appendingPathComponent("content/reports/\(report)")
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(text.contains(old), "\(report) must contain \(old)")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
    }

    func testARebuildAfterEditsEqualsACleanBuild() throws {
        let root = try project()
        let all = ["A-57-292.md", "A-58-275.md", "A-68-283.md", "A-99-1.md", "E-CN.4-2000-82.md"]
        XCTAssertEqual(build(root, into: "site", analysed: all).1, [], "nothing to reuse the first time")
        // A change that no page shows (a new file in content/ that no report uses) makes a build that reuses every page.
        try Data("not used".utf8).write(to: root.appendingPathComponent("content/reports/notes.txt"))
        let unchanged = build(root, into: "site", analysed: [])
        XCTAssertEqual(unchanged.1.count, 5, "every report page is reused")
        XCTAssertGreaterThan(unchanged.2.count, 10, "and every page of the recommendations index")

        // A/99/1 now cites A/57/292, para. 70 instead of para. 69: A/57/292's page lists other citers, though its file
        // is unchanged. A/99/1 gains a recommendation to the Human Rights Council: the index changes.
        try edit(root, "A-99-1.md", replacing: "(A/57/292, para. 69)", with: "(A/57/292, para. 70)")
        try edit(root, "A-99-1.md", replacing: "and so is `A/58/275` in code.",
                 with: "and so is `A/58/275` in code.\n\n## III. Recommendations\n\n7. The Special Rapporteur recommends that the Human Rights Council consider the matter.")
        // Only the edited file is analysed again; the others' summaries come from the analysis cache.
        let (outcome, reused, reusedIndex) = build(root, into: "site", analysed: ["A-99-1.md"])
        guard case .success = outcome else { return XCTFail("\(outcome)") }
        // A/99/1 (its file) and A/57/292 (who cites it) are rendered again; the other three are reused.
        XCTAssertEqual(reused, ["A/58/275/index.html", "A/68/283/index.html", "E/CN.4/2000/82/index.html"])
        // The index gained a recommendation to the Council: its pages, the main page and the Council's page are
        // rendered again; the pages of the other reports' recommendations and of the States are not.
        XCTAssertFalse(reusedIndex.contains("recommendations/index.html"))
        XCTAssertFalse(reusedIndex.contains("recommendations/human-rights-council/index.html"))
        XCTAssertTrue(reusedIndex.contains("recommendations/report/A-58-275/index.html"), "\(reusedIndex)")
        XCTAssertEqual(build(root, into: "clean", cache: false, analysed: all).1, [])
        let incremental = try tree(root.appendingPathComponent("site"))
        let clean = try tree(root.appendingPathComponent("clean"))
        XCTAssertEqual(incremental.keys.sorted(), clean.keys.sorted())
        for (path, data) in clean where incremental[path] != data { XCTFail("\(path) differs from a clean build") }
        XCTAssertTrue(String(decoding: incremental["A/57/292/index.html"]!, as: UTF8.self).contains("A/99/1, para. 4"))
        XCTAssertTrue(String(decoding: incremental["recommendations/human-rights-council/index.html"]!, as: UTF8.self).contains("A/99/1, para. 7"))

        // Removing the paragraph another report cites: the citing page changes (its link becomes text).
        try edit(root, "A-99-1.md", replacing: "(A/57/292, para. 70)", with: "(A/57/292)")
        XCTAssertEqual(build(root, into: "site", analysed: ["A-99-1.md"]).1.count, 3)
        _ = build(root, into: "clean", cache: false)
        XCTAssertEqual(try tree(root.appendingPathComponent("site")), try tree(root.appendingPathComponent("clean")))
    }

    /// The independent review's experiment (issue 20): a template that shows the older report's date, that date
    /// moved by a day, a rebuild. Under the hand-written page fingerprints the page was reused with the old date;
    /// with declared inputs it is rendered again, and the rebuild equals a clean build.
    func testANeighboursDateShownByATemplateIsNeverStale() throws {
        let root = try project()
        let templates = root.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: Project.templates, to: templates)
        let page = templates.appendingPathComponent("report.mustache")
        let text = try String(contentsOf: page, encoding: .utf8)
        let shown = "<span class=\"nb-title\">{{title}}</span> <time datetime=\"{{date}}\">{{displayDate}}</time></a>"
        try Data(text.replacingOccurrences(of: "<span class=\"nb-title\">{{title}}</span></a>", with: shown).utf8).write(to: page)
        func build(_ output: String, cache: Bool) throws {
            var options = SiteBuilder.Options(content: root.appendingPathComponent("content"), output: root.appendingPathComponent(output),
                                              templates: templates, strict: false, displayBase: root)
            options.cache = cache
            options.environment = ["SOURCE_DATE_EPOCH": "1700000000"]
            var builder = SiteBuilder(options: options)
            guard case .success = builder.build() else { return XCTFail(builder.diagnostics.diagnostics.map(\.formatted).joined(separator: "\n")) }
        }
        try build("site", cache: true)
        let before = try String(contentsOf: root.appendingPathComponent("site/A/58/275/index.html"), encoding: .utf8)
        XCTAssertTrue(before.contains("<time datetime=\"2002-08-09\">9 August 2002</time>"), "A/58/275's older report is A/57/292")
        try edit(root, "A-57-292.md", replacing: "date: 2002-08-09", with: "date: 2002-08-10")
        try build("site", cache: true)
        try build("clean", cache: false)
        let after = try String(contentsOf: root.appendingPathComponent("site/A/58/275/index.html"), encoding: .utf8)
        XCTAssertTrue(after.contains("<time datetime=\"2002-08-10\">10 August 2002</time>"), "the page shows the new date")
        let incremental = try tree(root.appendingPathComponent("site"))
        for (path, data) in try tree(root.appendingPathComponent("clean")) where incremental[path] != data {
            XCTFail("\(path) differs from a clean build")
        }
    }

    /// Nothing changed: nothing is analysed, rendered or written, and the same diagnostics are printed.
    func testANoChangeRebuildIsUpToDate() throws {
        let root = try project()
        let first = run(root, into: "site")
        XCTAssertFalse(first.upToDate)
        let site = root.appendingPathComponent("site")
        let before = try tree(site)
        let stamps = FileStamps.tree(site.path)
        let again = run(root, into: "site")
        XCTAssertTrue(again.upToDate)
        XCTAssertEqual(again.outcome, .success(reports: 5, files: 0))
        XCTAssertEqual(again.diagnostics, first.diagnostics, "the notes of the build that made the site are printed again")
        XCTAssertEqual(FileStamps.tree(site.path), stamps, "no file was rewritten")
        XCTAssertEqual(try tree(site), before)
        // Each of these makes a real build: another strictness, another SOURCE_DATE_EPOCH, a file of the site changed.
        XCTAssertFalse(run(root, into: "site", strict: true).upToDate)
        XCTAssertTrue(run(root, into: "site", strict: true).upToDate)
        XCTAssertFalse(run(root, into: "site", strict: true, epoch: "1800000000").upToDate)
        try Data("changed".utf8).write(to: site.appendingPathComponent("citations.json"))
        XCTAssertFalse(run(root, into: "site", strict: true, epoch: "1800000000").upToDate)
        // A file no build wrote: the build stops and leaves it (issue 18); once it is moved away, the site is as built.
        try Data("stray".utf8).write(to: site.appendingPathComponent("stray.html"))
        let refused = run(root, into: "site", strict: true, epoch: "1800000000")
        XCTAssertFalse(refused.upToDate, "a file no build wrote")
        guard case .usageError(let message) = refused.outcome else { return XCTFail("\(refused.outcome)") }
        XCTAssertTrue(message.contains("it holds `stray.html`, a file the build did not write"), message)
        XCTAssertEqual(FileManager.default.contents(atPath: site.appendingPathComponent("stray.html").path), Data("stray".utf8))
        try FileManager.default.removeItem(at: site.appendingPathComponent("stray.html"))
        XCTAssertTrue(run(root, into: "site", strict: true, epoch: "1800000000").upToDate)
        _ = run(root, into: "clean", cache: false, strict: true, epoch: "1800000000")
        XCTAssertEqual(try tree(site), try tree(root.appendingPathComponent("clean")))
    }

    func testAPageChangedByHandOrACacheOfAnotherToolIsNotTrusted() throws {
        let root = try project()
        _ = build(root, into: "site")
        let page = root.appendingPathComponent("site/A/58/275/index.html")
        let good = try Data(contentsOf: page)
        try Data("edited by hand".utf8).write(to: page)
        XCTAssertEqual(build(root, into: "site").1.count, 4, "the page changed by hand is rendered again")
        XCTAssertEqual(try Data(contentsOf: page), good)

        // The same cache, said to come from another build of the tool: ignored.
        let cacheFile = BuildStore(output: root.appendingPathComponent("site")).manifestFile
        let text = try String(contentsOf: cacheFile, encoding: .utf8)
        let other = text.replacingOccurrences(of: "\"tool\":\"reportsite ", with: "\"tool\":\"reportsite-other ")
        XCTAssertNotEqual(other, text)
        try Data(other.utf8).write(to: cacheFile)
        XCTAssertEqual(build(root, into: "site").1, [])
        // A damaged cache is ignored too.
        try Data("{ not json".utf8).write(to: cacheFile)
        XCTAssertEqual(build(root, into: "site").1, [])
        XCTAssertEqual(try Data(contentsOf: page), good)
    }

    /// The analysis cache is found by everything an analysis reads: a change to the vocabulary, the strictness or
    /// the tool is a miss for every report; a damaged entry is analysed again; a build that fails writes none; and
    /// a report taken from the cache gives the same diagnostics and the same site as one analysed now.
    func testTheAnalysisCacheIsTrustedOnlyForWhatItWasMadeOf() throws {
        let root = try project()
        let all = ["A-57-292.md", "A-58-275.md", "A-68-283.md", "A-99-1.md", "E-CN.4-2000-82.md"]
        let first = run(root, into: "site")
        XCTAssertEqual(first.analysed, all)
        // Another SOURCE_DATE_EPOCH changes the site but no analysis: every report comes from the cache, with its notes.
        let again = run(root, into: "site", epoch: "1800000000")
        XCTAssertFalse(again.upToDate)
        XCTAssertEqual(again.analysed, [])
        XCTAssertEqual(again.diagnostics, first.diagnostics, "the notes of the analyses kept are printed again")
        XCTAssertEqual(run(root, into: "site", strict: true, epoch: "1800000000").analysed, all, "another strictness")

        // The vocabulary is read by every analysis: a change to it is a miss for all.
        let vocabulary = root.appendingPathComponent("content/addressees.yml")
        let text = try String(contentsOf: vocabulary, encoding: .utf8)
        try Data((text + "\n").utf8).write(to: vocabulary)
        XCTAssertEqual(run(root, into: "site", strict: true, epoch: "1800000000").analysed, all, "another vocabulary")

        // A damaged entry is not trusted: that report is analysed again.
        let loader = ContentLoader(contentDirectory: root.appendingPathComponent("content"), displayBase: root)
        let inputs = try loader.loadSite(diagnostics: DiagnosticEngine()).inputs
        let cache = AnalysisCache(store: BuildStore(output: root.appendingPathComponent("site")), site: inputs, strict: true)
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache.folder.path).sorted()
        XCTAssertEqual(entries.count, all.count, "one entry a report; the entries of other vocabularies were deleted")
        try Data("{ damaged".utf8).write(to: cache.folder.appendingPathComponent(entries[0]))
        XCTAssertEqual(run(root, into: "site", strict: true, epoch: "1900000000").analysed.count, 1)

        // Another build of the tool: another key for the same bytes.
        let other = AnalysisCache(store: BuildStore(output: root.appendingPathComponent("site"), tool: "reportsite 0.0.0 other"), site: inputs,
                                  strict: true)
        let digest = fileDigest(Data("same bytes".utf8))
        XCTAssertNotEqual(cache.key(path: "x.md", digest: digest), other.key(path: "x.md", digest: digest))

        // A build that fails writes no entry, even for the reports it analysed.
        let before = try FileManager.default.contentsOfDirectory(atPath: cache.folder.path).sorted()
        try edit(root, "A-99-1.md", replacing: "(A/58/275, paras. 80 and 85)", with: "(A/58/275, paras. 80 and 999)")
        var options = SiteBuilder.Options(content: root.appendingPathComponent("content"), output: root.appendingPathComponent("site"),
                                          templates: Project.templates, strict: true, displayBase: root)
        options.environment = ["SOURCE_DATE_EPOCH": "1900000000"]
        var failing = SiteBuilder(options: options)
        XCTAssertEqual(failing.build(), .contentErrors)
        XCTAssertEqual(failing.analysedReports, ["A-99-1.md"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cache.folder.path).sorted(), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cache.store.entryFolder(.model).path).sorted(), before,
                       "nor a model: each report's model is kept beside its analysis, by the same key")

        try edit(root, "A-99-1.md", replacing: "(A/58/275, paras. 80 and 999)", with: "(A/58/275, paras. 80 and 85)")
        XCTAssertEqual(run(root, into: "site", strict: true, epoch: "2000000000").analysed, [], "the file is as the cache knows it")
        _ = run(root, into: "clean", cache: false, strict: true, epoch: "2000000000")
        XCTAssertEqual(try tree(root.appendingPathComponent("site")), try tree(root.appendingPathComponent("clean")))
    }

    /// A report page is made from the report's file read again: a file changed since its summary was made is an
    /// error, never a page that disagrees with the rest of the site.
    func testAReportChangedDuringTheBuildIsAnErrorNotAMixedSite() throws {
        let root = try project()
        let diagnostics = DiagnosticEngine()
        let loader = ContentLoader(contentDirectory: root.appendingPathComponent("content"), displayBase: root)
        let site = try loader.loadSite(diagnostics: diagnostics)
        let loaded = try XCTUnwrap(loader.loadReport(named: "A-99-1.md", diagnostics: diagnostics))
        let report = try XCTUnwrap(ReportAnalysis.run(loaded, vocabulary: site.addressees, strict: false).report)
        let models = ReportModels.reanalysed(loader: loader, vocabulary: site.addressees, strict: false)
        let again = try models.model(of: report.summary)
        XCTAssertEqual(again.summary, report.summary)
        XCTAssertEqual(again.body.count, report.body.count)
        try edit(root, "A-99-1.md", replacing: "(A/57/292, para. 69)", with: "(A/57/292, para. 70)")
        XCTAssertThrowsError(try models.model(of: report.summary)) { error in
            XCTAssertEqual((error as? ReportModels.Changed)?.file, "content/reports/A-99-1.md")
        }
    }

    /// Each report is parsed and analysed once per build (issue 20): the render stage reads back the page model
    /// the analysis stage kept (in the build store; in a spill file when the build writes nothing), also on a
    /// rebuild for the page of an unchanged report that must be rendered again (a report citing it changed). A
    /// model that cannot be read back (damaged) is made again from the file: slower, and still the same site.
    func testEachReportIsAnalysedOncePerBuild() throws {
        let root = try project()
        let all = ["A-57-292.md", "A-58-275.md", "A-68-283.md", "A-99-1.md", "E-CN.4-2000-82.md"]
        func analyses(_ body: () -> Void) -> Int {
            let before = ReportAnalysis.runs.current
            body()
            return ReportAnalysis.runs.current - before
        }
        XCTAssertEqual(analyses { _ = build(root, into: "site", analysed: all) }, all.count, "a full build")
        XCTAssertEqual(analyses { _ = build(root, into: "clean", cache: false, analysed: all) }, all.count, "--no-cache")
        XCTAssertEqual(try tree(root.appendingPathComponent("site")), try tree(root.appendingPathComponent("clean")))

        // `reportsite check` renders every page too (to check its links), with no store: from the spill file.
        let options = SiteBuilder.Options(content: root.appendingPathComponent("content"), output: root.appendingPathComponent("checked"),
                                          templates: Project.templates, displayBase: root, write: false)
        var checking = SiteBuilder(options: options)
        XCTAssertEqual(analyses { XCTAssertEqual(checking.build().exitCode, 0) }, all.count, "reportsite check")
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("checked").path))

        // A/99/1 cites A/57/292 elsewhere: A/57/292's page is rendered again, from the model kept by the first build.
        try edit(root, "A-99-1.md", replacing: "(A/57/292, para. 69)", with: "(A/57/292, para. 70)")
        var reused: [String] = []
        XCTAssertEqual(analyses { reused = build(root, into: "site", analysed: ["A-99-1.md"]).1 }, 1, "only the edited report")
        XCTAssertFalse(reused.contains("A/57/292/index.html"), "its page was rendered again")
        XCTAssertEqual(analyses { _ = build(root, into: "clean", cache: false, analysed: all) }, all.count)
        XCTAssertEqual(try tree(root.appendingPathComponent("site")), try tree(root.appendingPathComponent("clean")))

        // One model per report, beside its analysis; damaged, none is trusted: the pages rendered again are made
        // from their files (A/99/1 analysed, A/57/292 analysed again for its page), and the site is the same.
        let models = BuildStore(output: root.appendingPathComponent("site")).entryFolder(.model)
        let entries = try FileManager.default.contentsOfDirectory(atPath: models.path)
        XCTAssertEqual(entries.count, all.count)
        for entry in entries {
            let url = models.appendingPathComponent(entry)
            var bytes = try Data(contentsOf: url)
            bytes[bytes.count - 3] ^= 0x55
            try bytes.write(to: url)
        }
        try edit(root, "A-99-1.md", replacing: "(A/57/292, para. 70)", with: "(A/57/292, para. 69)")
        XCTAssertEqual(analyses { _ = build(root, into: "site", analysed: ["A-99-1.md"]) }, 2)
        XCTAssertEqual(analyses { _ = build(root, into: "clean", cache: false, analysed: all) }, all.count)
        XCTAssertEqual(try tree(root.appendingPathComponent("site")), try tree(root.appendingPathComponent("clean")))
        // The damaged model read in vain was written again: the next build reads it.
        try edit(root, "A-99-1.md", replacing: "(A/57/292, para. 69)", with: "(A/57/292, para. 70)")
        XCTAssertEqual(analyses { _ = build(root, into: "site", analysed: ["A-99-1.md"]) }, 1, "the mended model is read")
        XCTAssertEqual(analyses { _ = build(root, into: "clean", cache: false, analysed: all) }, all.count)
        XCTAssertEqual(try tree(root.appendingPathComponent("site")), try tree(root.appendingPathComponent("clean")))

        // A build that fails removes only the model entries it made, never those of the last good build
        // (`--no-cache` writes them again): after it, an unchanged report's page is still made from its model.
        let kept = try FileManager.default.contentsOfDirectory(atPath: models.path).sorted()
        try edit(root, "A-68-283.md", replacing: "symbol: A/68/283", with: "symbol: A/57/292")
        var failingOptions = SiteBuilder.Options(content: root.appendingPathComponent("content"), output: root.appendingPathComponent("site"),
                                                 templates: Project.templates, displayBase: root)
        failingOptions.cache = false
        var failing = SiteBuilder(options: failingOptions)
        XCTAssertEqual(failing.build().exitCode, 1, "a symbol that is not the file's")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: models.path).sorted(), kept)
        try edit(root, "A-68-283.md", replacing: "symbol: A/57/292", with: "symbol: A/68/283")
        try edit(root, "A-99-1.md", replacing: "(A/57/292, para. 70)", with: "(A/57/292, para. 69)")
        XCTAssertEqual(analyses { _ = build(root, into: "site", analysed: ["A-99-1.md"]) }, 1, "models of the good build are read")
    }

    /// A model read back from its bytes is the model analysed: every report of content/, and a body with every kind
    /// of block and inline. Bytes cut short, or of another file's bytes (fingerprint), give no model.
    func testAReportModelReadBackFromItsBytesIsTheModelAnalysed() throws {
        let diagnostics = DiagnosticEngine()
        let loaded = try ContentLoader(contentDirectory: Project.content, displayBase: Project.content).load(diagnostics: diagnostics)
        var reports = loaded.reports.compactMap { ReportAnalysis.run($0, vocabulary: loaded.addressees, strict: false).report }
        XCTAssertGreaterThan(reports.count, 3)
        let body = """
            ## I. Every kind of block

            <div>html block</div>

            1. Text with *emphasis*, **strong**, ~~struck~~, `code`, a [link](https://example.org "T"), an \
            ![image](map.png "Map") and <span>raw</span> markup.[^1]

               (a) A sub-paragraph;

                   (i) Nested, with a decimal -7 and é ü 中文;

            <!-- page 17 -->

            > A quote

            3) Ordered with a parenthesis
            4) and a tight list

            - loose

            - items

            ```swift
            let x = 1
            ```

            ***

            | a | b | c |
            |:--|:-:|--:|
            | 1 | *2* | 3 |

            [^1]: A note with a [link](https://example.org).
            """
        reports.append(analyseBody(body).0)
        for report in reports {
            let bytes = ReportCoding.encode(report)
            let back = try XCTUnwrap(bytes.withUnsafeBytes { ReportCoding.decode($0, summary: report.summary) }, report.file)
            XCTAssertEqual(back.metadata, report.metadata)
            XCTAssertEqual(back.file, report.file)
            XCTAssertEqual(back.sections, report.sections, report.file)
            XCTAssertEqual(back.footnotes, report.footnotes, report.file)
            XCTAssertEqual(back.citations, report.citations, report.file)
            XCTAssertEqual(back.recommendations, report.recommendations, report.file)
            XCTAssertEqual(back.sourceFingerprint, report.sourceFingerprint)
            XCTAssertEqual(back.body.count, report.body.count, report.file)
            for (a, b) in zip(back.body, report.body) {
                switch (a, b) {
                case let (.heading(x), .heading(y)): XCTAssertEqual(x, y, report.file)
                case let (.paragraph(x), .paragraph(y)): XCTAssertEqual(x, y, report.file)
                case let (.block(x), .block(y)): XCTAssertEqual(x, y, report.file)
                default: XCTFail("\(report.file): \(a) is not \(b)")
                }
            }
            XCTAssertNil(bytes.dropLast().withUnsafeBytes { ReportCoding.decode($0, summary: report.summary) })
            XCTAssertNil(bytes.prefix(bytes.count / 2).withUnsafeBytes { ReportCoding.decode($0, summary: report.summary) })
            var other = report.summary
            other.sourceFingerprint += "0"
            XCTAssertNil(bytes.withUnsafeBytes { ReportCoding.decode($0, summary: other) })
        }
        let every = ReportCoding.encode(reports.last!)
        // The body above has each kind the analysis leaves in a model (an HTML block is made text).
        func kinds(_ blocks: [Block]) -> [String] { blocks.map { "\($0.kind)".prefix { $0 != "(" }.description } }
        func kinds(_ s: SubParagraph) -> [String] { kinds(s.content) + s.children.flatMap(kinds) }
        let kinds = reports.last!.body.flatMap { item -> [String] in
            switch item {
            case .heading: return []
            case .block(let b): return kinds([b])
            case .paragraph(let p):
                return p.content.flatMap { part -> [String] in
                    switch part {
                    case .block(let b): return kinds([b])
                    case .subParagraph(let s): return kinds(s)
                    }
                }
            }
        }
        XCTAssertTrue(Set(["pageMarker", "blockQuote", "list", "codeBlock", "thematicBreak", "table"]).isSubset(of: Set(kinds)),
                      "\(kinds)")
        XCTAssertGreaterThan(every.count, 100)
    }

    /// A reused page is not read back for the link check: its ids and links come from the ledger the previous
    /// build wrote beside its cache. That ledger says exactly what the pages hold, and one that does not match
    /// the cache (changed by hand) is not used: a broken link on a reused page is still found either way.
    func testTheLedgerOfReusedPagesIsThePagesOwn() throws {
        let root = try project()
        _ = build(root, into: "site")
        let site = root.appendingPathComponent("site")
        let cache = BuildStore(output: site)
        let noted = LedgerFile.read(try Data(contentsOf: cache.ledgerFile))
        XCTAssertGreaterThan(noted.count, 15, "every report page and every page of the recommendations index")
        for (path, entry) in noted {
            let scanned = PageEntry(OutputFile(path: path, contents: try Data(contentsOf: site.appendingPathComponent(path))))
            XCTAssertEqual(entry, scanned, path)
        }
        // A ledger that does not match the cache is ignored: the pages are read back, and the result is the same.
        var text = try String(contentsOf: cache.ledgerFile, encoding: .utf8)
        XCTAssertTrue(text.contains("\u{0}para-80\u{0}"))
        text = text.replacingOccurrences(of: "\u{0}para-80\u{0}", with: "\u{0}")
        try Data(text.utf8).write(to: cache.ledgerFile)
        try edit(root, "A-99-1.md", replacing: "(A/57/292, para. 69)", with: "(A/57/292, para. 70)")
        XCTAssertEqual(build(root, into: "site").1.count, 3)
        _ = build(root, into: "clean", cache: false)
        XCTAssertEqual(try tree(site), try tree(root.appendingPathComponent("clean")))
        XCTAssertEqual(LedgerFile.read(try Data(contentsOf: BuildStore(output: site).ledgerFile))["A/58/275/index.html"]?.ids?.contains("para-80"), true)

        // Values are kept byte for byte, also one that starts with a combining mark or a joiner, or holds spaces.
        let odd = [PageEntry(path: "a/index.html", ids: ["\u{301}x", "\u{200D}y", "", "with space"], links: ["#\u{301}x", "b c.html", ""])]
        XCTAssertEqual(LedgerFile.read(LedgerFile.write(odd))["a/index.html"], odd[0])
    }

    /// The diagnostics an up-to-date build prints again name files as the build that made the site did: from
    /// another working directory it is a build of its own.
    func testAnUpToDateSiteIsOnlyReplayedFromTheSameWorkingDirectory() throws {
        let root = try project()
        XCTAssertFalse(run(root, into: "site").upToDate)
        XCTAssertTrue(run(root, into: "site").upToDate)
        var options = SiteBuilder.Options(content: root.appendingPathComponent("content"), output: root.appendingPathComponent("site"),
                                          templates: Project.templates, displayBase: root.deletingLastPathComponent())
        options.environment = ["SOURCE_DATE_EPOCH": "1700000000"]
        var elsewhere = SiteBuilder(options: options)
        _ = elsewhere.build()
        XCTAssertFalse(elsewhere.upToDate)
        let prefix = root.lastPathComponent + "/content/reports/"
        XCTAssertFalse(elsewhere.diagnostics.diagnostics.isEmpty, "the real reports have notes")
        XCTAssertTrue(elsewhere.diagnostics.diagnostics.allSatisfy { $0.file.hasPrefix(prefix) }, "\(elsewhere.diagnostics.diagnostics.map(\.file))")
    }
}

/// `serve` reloads the open pages as soon as the new site is in place (`SiteBuilder.Options.siteInPlace`), before
/// the build saves its caches and removes the old site: the call comes once, only for a build that wrote a site,
/// and the output then already holds that site whole.
final class SiteInPlaceTests: XCTestCase {
    final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [String] = []
        func note(_ what: String) { lock.withLock { seen.append(what) } }
        var all: [String] { lock.withLock { seen } }
    }

    func build(_ root: URL, strict: Bool = false, write: Bool = true, calls: Calls) -> SiteBuilder.Outcome {
        let output = root.appendingPathComponent("site")
        var options = SiteBuilder.Options(content: root.appendingPathComponent("content"), output: output,
                                          templates: Project.templates, strict: strict, displayBase: root, write: write)
        options.environment = ["SOURCE_DATE_EPOCH": "1700000000"]
        options.siteInPlace = {
            // What the output holds when the call comes: the page of the report as it is now, and the marker,
            // the last file a build writes.
            let page = (try? String(contentsOf: output.appendingPathComponent("A/58/275/index.html"), encoding: .utf8)) ?? ""
            let title = page.contains("<h1>Human rights of migrants, edited</h1>") ? "edited" : page.contains("<h1>Human rights of migrants</h1>") ? "original" : "none"
            let marker = FileManager.default.fileExists(atPath: output.appendingPathComponent(OutputFolder.markerName).path)
            calls.note("\(title), marker: \(marker)")
        }
        var builder = SiteBuilder(options: options)
        return builder.build()
    }

    func testTheSiteIsSaidInPlaceOnceWhenItIsAndOnlyThen() throws {
        let root = try temporaryFolder(self)
        try FileManager.default.copyItem(at: Project.content, to: root.appendingPathComponent("content"))
        let calls = Calls()
        guard case .success = build(root, calls: calls) else { return XCTFail("the first build") }
        XCTAssertEqual(calls.all, ["original, marker: true"])
        // Up to date: nothing written, no call. `check`: nothing written, no call.
        guard case .success = build(root, calls: calls) else { return XCTFail("the second build") }
        guard case .success = build(root, write: false, calls: calls) else { return XCTFail("the check") }
        XCTAssertEqual(calls.all.count, 1)
        // An edit: called once, with the edited page already in place.
        let report = root.appendingPathComponent("content/reports/A-58-275.md")
        let original = try String(contentsOf: report, encoding: .utf8)
        try Data(original.replacingOccurrences(of: "title: Human rights of migrants\n", with: "title: Human rights of migrants, edited\n").utf8).write(to: report)
        guard case .success = build(root, calls: calls) else { return XCTFail("the edit") }
        XCTAssertEqual(calls.all, ["original, marker: true", "edited, marker: true"])
        // A failed build leaves the site as it was and says nothing.
        try Data(original.replacingOccurrences(of: "symbol: A/58/275\n", with: "symbol: A/58/257\n").utf8).write(to: report)
        XCTAssertEqual(build(root, calls: calls), .contentErrors)
        XCTAssertEqual(calls.all.count, 2)
        XCTAssertTrue(try String(contentsOf: root.appendingPathComponent("site/A/58/275/index.html"), encoding: .utf8)
            .contains("<h1>Human rights of migrants, edited</h1>"))
    }
}
