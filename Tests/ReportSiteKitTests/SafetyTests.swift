import Foundation
import XCTest
@testable import ReportSiteKit
@testable import ReportSiteOutput
@testable import ReportSiteReports
@testable import ReportSiteSite

/// Hostile and malformed input: a diagnostic or a correct page, never a crash, a hang, or a write outside site/.
final class SafetyTests: XCTestCase {
    static let frontMatter = "---\nsymbol: A/1/1\ntitle: A test report\ndate: 2020-01-01\nbody: General Assembly\n---\n\n"

    /// A content folder with the given report files (name -> bytes).
    func content(_ files: [String: Data]) throws -> URL {
        let root = try temporaryFolder(self)
        let reports = root.appendingPathComponent("content/reports")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        for (name, data) in files { try data.write(to: reports.appendingPathComponent(name)) }
        return root.appendingPathComponent("content")
    }

    func build(_ body: String, name: String = "A-1-1.md", strict: Bool = false) throws -> (SiteBuilder.Outcome, [Diagnostic], URL) {
        let c = try content([name: Data((Self.frontMatter + body).utf8)])
        let site = c.deletingLastPathComponent().appendingPathComponent("site")
        let (outcome, diagnostics) = buildSite(content: c, output: site, strict: strict)
        return (outcome, diagnostics, site)
    }

    func pageSize(_ site: URL) throws -> Int {
        try Data(contentsOf: site.appendingPathComponent("A/1/1/index.html")).count
    }

    func table(columns: Int, emptyRows: Int) -> String {
        "| " + (1...columns).map { "h\($0)" }.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: columns) + "\n"
            + String(repeating: "|x|\n", count: emptyRows)
    }

    func testCraftedTablesAreRefusedBeforeParsing() throws {
        // About 12 KB each: Debian's cmark-gfm would pad every row to the header's width.
        let wide = try build("1. One.\n\n" + table(columns: 2_000, emptyRows: 1) + "\n")
        XCTAssertEqual(wide.0, .contentErrors)
        XCTAssertEqual(wide.1.map(\.message), ["the table starting here has 2000 columns; at most 64 are allowed"])
        let tall = try build("1. One.\n\n" + table(columns: 60, emptyRows: 6_000) + "\n")
        XCTAssertEqual(tall.0, .contentErrors)
        XCTAssertEqual(tall.1.map(\.message), ["the table starting here has more than 50000 cells (60 columns, 834+ rows)"])
        XCTAssertEqual(tall.1.first?.position, SourcePosition(line: 10, column: 1))
    }

    func testAllowedTablesGrowTheOutputLinearly() throws {
        let base = try pageSize(build("1. One.\n").2)
        let sizes = try [200, 400, 800].map { rows in try pageSize(build("1. One.\n\n" + table(columns: 60, emptyRows: rows) + "\n").2) - base }
        // Twice the rows, twice the output (within 5%), and the largest allowed table stays under 1 MB.
        XCTAssertEqual(Double(sizes[1]) / Double(sizes[0]), 2, accuracy: 0.1)
        XCTAssertEqual(Double(sizes[2]) / Double(sizes[1]), 2, accuracy: 0.1)
        XCTAssertLessThan(sizes[2], 1_000_000)
    }

    func testDeepNestingIsRefused() throws {
        for body in [String(repeating: ">", count: 100) + " deep\n", String(repeating: "- ", count: 1_000) + "deep\n"] {
            let (outcome, diagnostics, _) = try build("1. One.\n\n" + body)
            XCTAssertEqual(outcome, .contentErrors)
            XCTAssertEqual(diagnostics.first?.code, "RS003")
        }
        let (outcome, _, _) = try build("1. One.\n\n" + String(repeating: "> ", count: 20) + "quoted\n")
        XCTAssertEqual(outcome, .success(reports: 1, files: 15 + 5))  // search: search.html, manifest, a shard, chunks
    }

    func testAHugeFileIsRefused() throws {
        let body = String(repeating: "A sentence of a report that goes on and on. ", count: 220_000)
        let (outcome, diagnostics, _) = try build("1. " + body + "\n")
        XCTAssertEqual(outcome, .contentErrors)
        XCTAssertEqual(diagnostics.map(\.message), ["the file is 9 MB; a report may be at most 8 MB"])
    }

    func testByteOrderMarkAndCRLFGiveTheSamePage() throws {
        let text = Self.frontMatter + "## I. One\n\n1. First.[^1]\n\n(a) Sub;\n\n2. Second.\n\n[^1]: Note.\n"
        let lf = try content(["A-1-1.md": Data(text.utf8)])
        let crlf = try content(["A-1-1.md": Data(([0xEF, 0xBB, 0xBF] as [UInt8])) + Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)])
        let a = lf.deletingLastPathComponent().appendingPathComponent("site")
        let b = crlf.deletingLastPathComponent().appendingPathComponent("site")
        XCTAssertEqual(buildSite(content: lf, output: a, strict: true).0, buildSite(content: crlf, output: b, strict: true).0)
        XCTAssertEqual(try Data(contentsOf: a.appendingPathComponent("A/1/1/index.html")),
                       try Data(contentsOf: b.appendingPathComponent("A/1/1/index.html")))
    }

    func testEmptyFilesAndFilesOfOnlyFrontMatter() throws {
        let empty = try content(["A-1-1.md": Data()])
        let (outcome, diagnostics) = buildSite(content: empty, output: empty.deletingLastPathComponent().appendingPathComponent("site"))
        XCTAssertEqual(outcome, .contentErrors)
        XCTAssertEqual(diagnostics.map(\.code), ["RS010"])
        let (onlyFrontMatter, d2, site) = try build("")
        XCTAssertEqual(onlyFrontMatter, .success(reports: 1, files: 15 + 5))  // search files
        // A report with no text is a warning (issue 18): its page would be empty.
        XCTAssertEqual(d2.map(\.code), ["RS019"])
        XCTAssertTrue(try Page(site.appendingPathComponent("A/1/1/index.html")).html.contains("<h1>A test report</h1>"))
    }

    func testTenThousandFootnotes() throws {
        let refs = (1...10_000).map { "Note[^\($0)]." }.joined(separator: " ")
        let defs = (1...10_000).map { "[^\($0)]: Text \($0)." }.joined(separator: "\n\n")
        let (outcome, diagnostics, site) = try build("1. " + refs + "\n\n" + defs + "\n", strict: true)
        XCTAssertEqual(outcome, .success(reports: 1, files: 15 + 324))  // search: search.html, manifest, shards and 10,001 places in chunks of 32
        XCTAssertEqual(diagnostics, [])
        let ids = try Page(site.appendingPathComponent("A/1/1/index.html")).ids
        XCTAssertTrue(ids.contains("fn-10000") && ids.contains("fnref-10000"))
    }

    func testHugeParagraphNumbersDoNotCrash() throws {
        let (outcome, _, site) = try build("1. One.\n\n1000000000000. Not a list item for CommonMark (more than 9 digits).\n\n999999999. Nine digits.\n")
        XCTAssertEqual(outcome, .success(reports: 1, files: 15 + 5))  // search files
        XCTAssertTrue(try Page(site.appendingPathComponent("A/1/1/index.html")).ids.contains("para-999999999"))
    }

    /// Symbols come from content: none may write outside site/ or over another report's page.
    func testHostileSymbolsAreRejected() throws {
        let hostile = ["../../etc/x", "A/../../x", "/etc/passwd", "C:/Windows/x", "A/%2e%2e/x", "A/1/\\u0000x", "A/1/\\u001bx",
                       "A/1/./x", "A//1", "A/1 /2", "A/1/2/", "..", "A/1/x\\\\y", "A/1/é"]
        for symbol in hostile {
            let name = "report.md"
            let text = "---\nsymbol: \"\(symbol)\"\ntitle: T\ndate: 2020-01-01\nbody: General Assembly\n---\n\n1. One.\n"
            let c = try content([name: Data(text.utf8)])
            let root = c.deletingLastPathComponent()
            let (outcome, diagnostics) = buildSite(content: c, output: root.appendingPathComponent("site"))
            XCTAssertEqual(outcome, .contentErrors, symbol)
            XCTAssertEqual(diagnostics.filter { $0.code != "RS004" }.map(\.code), ["RS015"], "\(symbol) (control characters also give an RS004)")
            // Nothing but the content, and the lock every build into site/ takes (issue 18).
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted(), [".reportsite-cache", "content"], symbol)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(".reportsite-cache").path), ["site.lock"], symbol)
        }
    }

    func testAPreviouslyPublishedAnchorMustNotDisappear() throws {
        let c = try content(["A-1-1.md": Data((Self.frontMatter + "1. One.\n\n2. Two.\n\n3. Three.\n").utf8)])
        let root = c.deletingLastPathComponent()
        let site = root.appendingPathComponent("site")
        XCTAssertEqual(buildSite(content: c, output: site, strict: true).0, .success(reports: 1, files: 15 + 5))  // search files
        let manifest = root.appendingPathComponent("published-anchors.txt")
        try FileManager.default.copyItem(at: site.appendingPathComponent("anchors.txt"), to: manifest)
        XCTAssertTrue(try String(contentsOf: manifest, encoding: .utf8).contains("A/1/1/index.html#para-3\n"))

        try Data((Self.frontMatter + "1. One.\n\n2. Two.\n").utf8).write(to: c.appendingPathComponent("reports/A-1-1.md"))
        var options = SiteBuilder.Options(content: c, output: site, templates: Project.templates, strict: true, displayBase: root)
        options.previousAnchors = manifest
        var builder = SiteBuilder(options: options)
        XCTAssertEqual(builder.build(), .contentErrors)
        let lines = try String(contentsOf: manifest, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let line = lines.firstIndex(of: "A/1/1/index.html#para-3")! + 1
        XCTAssertEqual(builder.diagnostics.diagnostics.map(\.formatted), [
            "published-anchors.txt:\(line):1: error: A/1/1/index.html#para-3 was published before and is missing from the new site [RS802]\n  note: published links must keep working: restore the paragraph, page or note, or remove the line from the previous manifest on purpose",
        ])
        XCTAssertTrue(try Page(site.appendingPathComponent("A/1/1/index.html")).ids.contains("para-3"), "the old site stays")
    }

    func testTheLinkCheckNamesTheFileThatProducedABrokenLink() throws {
        let c = try content(["A-1-1.md": Data((Self.frontMatter + "1. One, see paragraph 1 above.\n").utf8)])
        let diagnostics = DiagnosticEngine()
        let loaded = try ContentLoader(contentDirectory: c, displayBase: c.deletingLastPathComponent()).load(diagnostics: diagnostics)
        let r = loaded.reports[0]
        let report = ReportAnalyser(file: r.file.path, source: r.file.text, metadata: r.metadata, diagnostics: diagnostics)
            .analyse(MarkdownParser.parse(r.body))
        let corpus = Corpus(config: SiteConfig(), addressees: AddresseeVocabulary(entries: []), reports: [report])
        let page = "<!DOCTYPE html><p id=\"x\"><a href=\"#para-1\">ok</a> <a href=\"#para-9\">gone</a> <a href=\"../../../missing/index.html\">file</a> <a href=\"https://undocs.org/A/1\">out</a></p>"
        let files = [OutputFile(path: "A/1/1/index.html", contents: Data(page.utf8)),
                     OutputFile(path: "index.html", contents: Data("<a href=\"A/1/1/index.html#x\">x</a>".utf8))]
        OutputLinkCheck(corpus: corpus, diagnostics: diagnostics).check(files, assetPaths: [])
        XCTAssertEqual(diagnostics.diagnostics.map { "\($0.file):\($0.position?.line ?? 0): \($0.message)" }, [
            "content/reports/A-1-1.md:1: the link #para-9 on A/1/1/index.html names an anchor #para-9 that A/1/1/index.html does not have",
            "content/reports/A-1-1.md:1: the link ../../../missing/index.html on A/1/1/index.html names a file the site does not have",
            // The page lacks #para-1 here: the check names the citation that made the link.
            "content/reports/A-1-1.md:8: the link #para-1 on A/1/1/index.html names an anchor #para-1 that A/1/1/index.html does not have",
        ])
    }

    /// Same content, same bytes: from another working directory, with the files written in another order.
    func testBuildsAreReproducible() throws {
        let fm = FileManager.default
        func copy(reversed: Bool) throws -> URL {
            let root = try temporaryFolder(self)
            let reports = root.appendingPathComponent("content/reports")
            try fm.createDirectory(at: reports, withIntermediateDirectories: true)
            for name in ["site.yml", "addressees.yml"] {
                try fm.copyItem(at: Project.content.appendingPathComponent(name), to: root.appendingPathComponent("content").appendingPathComponent(name))
            }
            var names = try fm.contentsOfDirectory(atPath: Project.content.appendingPathComponent("reports").path).sorted()
            if reversed { names.reverse() }
            for name in names {
                try fm.copyItem(at: Project.content.appendingPathComponent("reports").appendingPathComponent(name), to: reports.appendingPathComponent(name))
            }
            return root
        }
        let a = try copy(reversed: false), b = try copy(reversed: true)
        func tree(_ site: URL) -> [String: Data] {
            var out: [String: Data] = [:]
            for path in fm.enumerator(atPath: site.path)?.compactMap({ $0 as? String }) ?? [] {
                if let d = fm.contents(atPath: site.appendingPathComponent(path).path) { out[path] = d }
            }
            return out
        }
        let runA = try runReportSite(["build", "--templates", Project.templates.path], in: a)
        let runB = try runReportSite(["build", "--content", b.appendingPathComponent("content").path, "--output", b.appendingPathComponent("site").path,
                                      "--templates", Project.templates.path], in: fm.temporaryDirectory)
        XCTAssertEqual(runA.status, 0)
        XCTAssertEqual(runB.status, 0)
        let first = tree(a.appendingPathComponent("site")), second = tree(b.appendingPathComponent("site"))
        XCTAssertGreaterThan(first.count, 20)
        XCTAssertEqual(first, second)

        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = "1700000000"
        try fm.removeItem(at: b.appendingPathComponent("site"))
        XCTAssertEqual(try runReportSite(["build", "--templates", Project.templates.path], in: b, environment: environment).status, 0)
        let third = tree(b.appendingPathComponent("site"))
        let json = try JSONSerialization.jsonObject(with: third["recommendations.json"]!) as! [String: Any]
        XCTAssertEqual(json["generated"] as? String, "2023-11-14")
        XCTAssertEqual(third.filter { $0.key != "recommendations.json" }, first.filter { $0.key != "recommendations.json" })
    }

    func testDiagnosticsAsJSON() throws {
        let work = try temporaryFolder(self)
        try FileManager.default.copyItem(at: Project.fixtures.appendingPathComponent("invalid/paragraph-gap/content"), to: work.appendingPathComponent("content"))
        let result = try runReportSite(["check", "--strict", "--format", "json", "--templates", Project.templates.path], in: work)
        XCTAssertEqual(result.status, 1)
        let list = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [[String: Any]]
        XCTAssertEqual(list.count, 2)
        XCTAssertEqual(list[0]["file"] as? String, "content/reports/A-1-1.md")
        XCTAssertEqual(list[0]["line"] as? Int, 14)
        XCTAssertEqual(list[0]["column"] as? Int, 1)
        XCTAssertEqual(list[0]["severity"] as? String, "error")
        XCTAssertEqual(list[0]["code"] as? String, "RS101")
        XCTAssertEqual(list[0]["message"] as? String, "paragraph 3 is missing between 2 and 4")
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("site").path), "check writes nothing")
    }
}

/// `site.yml` values end up in every page's links: only web addresses are accepted.
final class SiteConfigSafetyTests: XCTestCase {
    func testBaseURLAndDocumentLinksMustBeWebAddresses() throws {
        for (key, value) in [("base_url", "javascript:alert(1)//"), ("base_url", " JaVaScRiPt:alert(1)"), ("base_url", "data:text/html,x"),
                             ("base_url", "https://example.org/\"><script>"), ("documents", "javascript:alert('{symbol}')"),
                             ("documents", "java\tscript:x/{symbol}"), ("documents", "https://undocs.org/"), ("documents", "vbscript:x{symbol}"),
                             ("base_url", "//example.org"), ("documents", "https://{symbol}")] {
            let root = try temporaryFolder(self)
            let content = root.appendingPathComponent("content")
            try FileManager.default.createDirectory(at: content.appendingPathComponent("reports"), withIntermediateDirectories: true)
            let yaml = "\(key): \"\(value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\t", with: "\\t"))\"\n"
            try yaml.write(to: content.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
            let (outcome, diagnostics) = buildSite(content: content, output: root.appendingPathComponent("site"))
            XCTAssertEqual(outcome, .contentErrors, value)
            // RS022: the reports folder is empty, which is said too.
            XCTAssertEqual(diagnostics.map(\.code), ["RS022", "RS020"], value)
        }
        XCTAssertTrue(SiteConfig.isWebURL("https://example.org/reports"))
        XCTAssertTrue(SiteConfig.isWebURL("https://undocs.org/{symbol}"))
    }
}

/// Deeply nested inlines (`*a *a *a ... b* c* c*`) are flattened below a fixed depth, so that no stage recurses without bound.
final class NestingTests: XCTestCase {
    func depth(_ inlines: [Inline]) -> Int {
        inlines.map { inline -> Int in
            switch inline {
            case .emphasis(let c), .strong(let c), .strikethrough(let c): return 1 + depth(c)
            case .link(_, _, let c), .image(_, _, let c): return 1 + depth(c)
            default: return 1
            }
        }.max() ?? 0
    }

    func testDeepInlineNestingIsFlattened() {
        let n = 3_000
        let text = String(repeating: "*a ", count: n) + "b" + String(repeating: " c*", count: n)
        guard case .paragraph(let inlines)? = MarkdownParser.parse(text).first?.kind else { return XCTFail("no paragraph") }
        XCTAssertLessThanOrEqual(depth(inlines), MarkdownParser.maxDepthForTests + 2)
        XCTAssertTrue(inlines.plainText.contains("a a a"), "the text is kept")
        XCTAssertTrue(inlines.plainText.hasSuffix("c c c"))
    }
}

/// Where folders cannot be exchanged in one step, a build killed between the two moves leaves the old site
/// aside as `.site.tmp-old-<pid>`: the next build, even one that fails, puts it back.
final class InterruptedSwapTests: XCTestCase {
    func testTheNextBuildRestoresASiteLeftAside() throws {
        let root = try temporaryFolder(self)
        let content = root.appendingPathComponent("content/reports")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try Data("no front matter\n".utf8).write(to: content.appendingPathComponent("A-1-1.md"))
        let aside = root.appendingPathComponent(".site.tmp-old-4242")
        try FileManager.default.createDirectory(at: aside, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: aside.appendingPathComponent("index.html"))

        let (outcome, _) = buildSite(content: root.appendingPathComponent("content"), output: root.appendingPathComponent("site"))
        XCTAssertEqual(outcome, .contentErrors)
        XCTAssertEqual(FileManager.default.contents(atPath: root.appendingPathComponent("site/index.html").path), Data("old".utf8))
        XCTAssertFalse(FileManager.default.fileExists(atPath: aside.path))
    }
}
