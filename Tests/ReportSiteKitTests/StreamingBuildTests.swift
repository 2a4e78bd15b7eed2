import Foundation
import XCTest
@testable import ReportSiteKit
@testable import ReportSiteOutput
@testable import ReportSiteReports
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

    /// The anchor manifest is made on the ledger's bytes: the same lines as sorting each page's ids as strings,
    /// ids outside ASCII (which a byte order could sort otherwise), an empty id and a page without ids included.
    func testTheAnchorManifestSortsIdsAsStrings() {
        let pages = [
            PageEntry(path: "b/index.html", ids: ["para-10", "para-9", "Zeta", "alpha", "para-1"], links: []),
            PageEntry(path: "a/index.html", ids: ["é-note", "e\u{301}-note", "z", "É", "a", "ä", ""], links: []),
            PageEntry(path: "c.html", ids: [], links: []),
            PageEntry(path: "data.json", ids: nil, links: []),
        ]
        var expected = ""
        for page in pages.filter(\.isPage).sorted(by: { $0.path < $1.path }) {
            expected += page.path + "\n"
            for id in (page.ids ?? []).sorted() { expected += page.path + "#" + id + "\n" }
        }
        XCTAssertEqual(OutputLinkCheck.manifest(PageLedger(pages)), expected)
        XCTAssertTrue(expected.contains("b/index.html#Zeta\nb/index.html#alpha\nb/index.html#para-1\nb/index.html#para-10\n"))
    }

    /// The link check, made on the ledger's bytes, still checks every kind of link on every page: a missing file,
    /// a missing anchor (on the page itself, on another page), an anchor on a file that is not a page, links
    /// resolved piece by piece (`./`, a query, a percent escape), links that leave the site, and links it skips.
    func testTheLinkCheckChecksEveryKindOfLink() throws {
        let diagnostics = DiagnosticEngine()
        let corpus = Corpus(config: SiteConfig(), addressees: AddresseeVocabulary(entries: []), reports: [])
        let pages = [
            PageEntry(path: "index.html", ids: ["top"], links: [
                "#top", "#gone", "a/b/index.html#x", "a/b/index.html#y", "a/b/./index.html?q=1#x", "a/figure%201.png",
                "a/figure 2.png", "data.json#x", "https://example.org/#nowhere", "mailto:x@y.z", "/rooted.html", "../out.html",
                "assets/style.css", "a/b/", "",
            ]),
            PageEntry(path: "a/b/index.html", ids: ["x", "é"], links: ["../../index.html#top", "#é", "#e\u{301}", "../../index.html#x", "../figure 1.png"]),
            PageEntry(path: "a/figure 1.png", ids: nil, links: []),
            PageEntry(path: "data.json", ids: nil, links: []),
            PageEntry(path: "404.html", ids: [], links: ["nowhere.html"]),
        ]
        OutputLinkCheck(corpus: corpus, diagnostics: diagnostics).check(PageLedger(pages), assetPaths: ["style.css"])
        XCTAssertEqual(diagnostics.diagnostics.map(\.message).sorted(), [
            "the link #gone on index.html names an anchor #gone that index.html does not have",
            "the link ../../index.html#x on a/b/index.html names an anchor #x that index.html does not have",
            "the link ../out.html on index.html names a file the site does not have",
            "the link a/b/ on index.html names a file the site does not have",
            "the link a/b/index.html#y on index.html names an anchor #y that a/b/index.html does not have",
            "the link a/figure 2.png on index.html names a file the site does not have",
        ])
    }
}

/// The ledger keeps only paths in memory; the ids and links of each page go to a spill file of the build.
final class PageLedgerTests: XCTestCase {
    /// Every entry reads back as it was added (no ids, no id, an empty id, no links, text outside ASCII), a copy
    /// keeps the entries it had, and the bytes the check reads are the ledger's lists.
    func testEntriesReadBackAsAdded() {
        let entries = [
            PageEntry(path: "a/index.html", ids: ["x", "", "é", "e\u{301}"], links: ["../b.html#x", "", "#é"]),
            PageEntry(path: "data.json", ids: nil, links: []),
            PageEntry(path: "empty.html", ids: [], links: []),
            PageEntry(path: "links.html", ids: [], links: ["a/index.html"]),
            PageEntry(path: "ids.html", ids: ["only"], links: []),
        ]
        var ledger = PageLedger(entries)
        let copy = ledger
        ledger.add(PageEntry(path: "later.html", ids: ["l"], links: ["#l"]))
        XCTAssertEqual(copy.entries, entries)
        XCTAssertEqual(ledger.entries, entries + [PageEntry(path: "later.html", ids: ["l"], links: ["#l"])])
        XCTAssertEqual(ledger.indices.map { ledger.isPage($0) }, [true, false, true, true, true, true])
        XCTAssertEqual(ledger.idBytes(0), Array("\0x\0\0é\0e\u{301}\0".utf8))
        XCTAssertEqual(ledger.idBytes(1), [])
        XCTAssertEqual(ledger.idBytes(2), [0])
        XCTAssertEqual(ledger.linkBytes(0), Array("../b.html#x\0\0#é\0".utf8))
        XCTAssertEqual(ledger.linkBytes(4), [])
    }

    /// The check reads a target's ids back as it needs them and keeps a batch's up to a limit: with pages whose ids
    /// are many times that limit, every missing anchor is still found, and no present one is reported.
    func testTheLinkCheckFindsMissingAnchorsBeyondWhatItKeeps() {
        let diagnostics = DiagnosticEngine()
        let corpus = Corpus(config: SiteConfig(), addressees: AddresseeVocabulary(entries: []), reports: [])
        let idsPerPage = 8000
        var pages: [PageEntry] = []
        var links: [String] = []
        var expected: [String] = []
        for p in 0..<40 {
            pages.append(PageEntry(path: "p/\(p).html", ids: (0..<idsPerPage).map { "para-\($0)" } + ["é"], links: ["#para-\(p)"]))
            for k in [0, p * 37 % idsPerPage, idsPerPage - 1] { links.append("p/\(p).html#para-\(k)") }
            links.append("p/\(p).html#e\u{301}")  // the same id as a string
            links.append("p/\(p).html#para-\(idsPerPage + p)")
            expected.append("the link p/\(p).html#para-\(idsPerPage + p) on index.html names an anchor #para-\(idsPerPage + p) that p/\(p).html does not have")
            links.append("p/\(p).html#para-1")  // read again after the kept ids were dropped
            links.append("p/\(p).html#para")  // the start of an id is not an id
            expected.append("the link p/\(p).html#para on index.html names an anchor #para that p/\(p).html does not have")
        }
        XCTAssertGreaterThan(40 * idsPerPage * 10, 2 * OutputLinkCheck.idBytesKept)
        pages.append(PageEntry(path: "index.html", ids: ["top"], links: links + ["#top", "#to"]))
        expected.append("the link #to on index.html names an anchor #to that index.html does not have")
        OutputLinkCheck(corpus: corpus, diagnostics: diagnostics).check(PageLedger(pages), assetPaths: [])
        XCTAssertEqual(diagnostics.diagnostics.map(\.message).sorted(), expected.sorted())
    }

    func testFindingAnIdInTheLedgersBytes() {
        func find(_ id: String, _ ids: [String]) -> Bool {
            let needle: [UInt8] = [0] + Array(id.utf8) + [0]
            let bytes: [UInt8] = [0] + ids.flatMap { Array($0.utf8) + [0] }
            return needle.withUnsafeBufferPointer { n in bytes.withUnsafeBufferPointer { OutputLinkCheck.find(n, in: $0) } }
        }
        XCTAssertTrue(find("a", ["a"]))
        XCTAssertTrue(find("b", ["a", "b"]))
        XCTAssertTrue(find("", ["a", ""]))
        XCTAssertFalse(find("", ["a"]))
        XCTAssertFalse(find("", []))
        XCTAssertFalse(find("a", []))
        XCTAssertFalse(find("a", ["ab", "ba"]))
        XCTAssertFalse(find("ab", ["a", "b"]))
        XCTAssertTrue(find("para-10", ["para-1", "para-100", "para-10"]))
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
