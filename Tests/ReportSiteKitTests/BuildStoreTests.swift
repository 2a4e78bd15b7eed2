import Foundation
import XCTest
@testable import ReportSiteKit
@testable import ReportSiteOutput

/// The build store (`.reportsite-cache/<output>.store/`): what an earlier tool or format left is never read as
/// if it were this build's, and the store's entries are read only whole and for their own key.
final class BuildStoreTests: XCTestCase {
    func project() throws -> URL {
        let root = try temporaryFolder(self)
        try FileManager.default.copyItem(at: Project.content, to: root.appendingPathComponent("content"))
        return root
    }

    func run(_ root: URL, into output: String, cache: Bool = true) -> (upToDate: Bool, analysed: [String], reusedPages: [String]) {
        var options = SiteBuilder.Options(content: root.appendingPathComponent("content"), output: root.appendingPathComponent(output),
                                          templates: Project.templates, displayBase: root)
        options.cache = cache
        options.environment = ["SOURCE_DATE_EPOCH": "1700000000"]
        var builder = SiteBuilder(options: options)
        XCTAssertEqual(builder.build().exitCode, 0)
        return (builder.upToDate, builder.analysedReports, builder.reusedPages)
    }

    /// The cache the tool kept before the store (format 3: `site.json`, `site.ledger`, `site.analysis/`,
    /// `site.search/`), written to claim that the whole site and every page are what these inputs make: the build
    /// does not read it (a full build: every report analysed, no page reused, the same site as a clean build), and
    /// removes it. A store manifest of another format is ignored the same way.
    func testACacheOfAnEarlierFormatIsIgnoredAndRebuilt() throws {
        let root = try project()
        let all = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("content/reports").path)
            .filter { $0.hasSuffix(".md") }.sorted()
        XCTAssertEqual(run(root, into: "site").analysed, all)
        let site = root.appendingPathComponent("site")
        let store = BuildStore(output: site)
        let manifest = try JSONDecoder().decode(BuildStore.Manifest.self, from: Data(contentsOf: store.manifestFile))
        XCTAssertFalse(manifest.keys.isEmpty)
        XCTAssertNotNil(store.previous, "a manifest of this format and tool is read")

        // The cache as the tool before the store wrote it, beside a store removed.
        let cache = root.appendingPathComponent(".reportsite-cache")
        struct OldPage: Encodable { var fingerprint: String; var size: UInt64; var modified: Double; var images: [String] }
        struct OldSite: Encodable { var inputs: String; var files: [String: FileStamps.Stamp]; var diagnostics: [Diagnostic]; var reports: Int }
        struct Old: Encodable { var format: Int; var tool: String; var pages: [String: OldPage]; var site: OldSite?; var ledger: String? }
        var pages: [String: OldPage] = [:]
        for (path, key) in manifest.keys {
            let stamp = try XCTUnwrap(manifest.files[path])
            pages[path] = OldPage(fingerprint: key, size: stamp.size, modified: stamp.modified, images: [])
        }
        let old = Old(format: 3, tool: manifest.tool, pages: pages,
                      site: OldSite(inputs: try XCTUnwrap(manifest.inputs), files: manifest.files, diagnostics: [], reports: all.count), ledger: nil)
        try FileManager.default.removeItem(at: store.folder)
        try JSONEncoder().encode(old).write(to: cache.appendingPathComponent("site.json"))
        try Data("P A/58/275/index.html\nI \nL \n".utf8).write(to: cache.appendingPathComponent("site.ledger"))
        for folder in ["site.analysis", "site.search"] {
            try FileManager.default.createDirectory(at: cache.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data("{\"diagnostics\":[]}".utf8).write(to: cache.appendingPathComponent("site.analysis/0123.json"))
        try Data("reportsite-search 3\nx\n0\nwords 0 0\n--\n".utf8).write(to: cache.appendingPathComponent("site.search/A-58-275.txt"))
        XCTAssertEqual(BuildStore.filesOfLastBuild(output: site), Set(manifest.files.keys), "the list of files is still read, for safety")

        let rebuilt = run(root, into: "site")
        XCTAssertFalse(rebuilt.upToDate, "the old cache's claim that the site is up to date is not read")
        XCTAssertEqual(rebuilt.analysed, all)
        XCTAssertEqual(rebuilt.reusedPages, [])
        _ = run(root, into: "clean", cache: false)
        XCTAssertEqual(try fileTree(site), try fileTree(root.appendingPathComponent("clean")))
        let left = try FileManager.default.contentsOfDirectory(atPath: cache.path).sorted()
        XCTAssertEqual(left, ["clean.lock", "clean.store", "site.lock", "site.store"], "the old cache is removed")

        // A store manifest of another format: not read (nothing reused, not up to date), then replaced.
        XCTAssertTrue(run(root, into: "site").upToDate)
        let text = try String(contentsOf: store.manifestFile, encoding: .utf8)
        let earlier = text.replacingOccurrences(of: "\"format\":\(BuildStore.format),", with: "\"format\":3,")
        XCTAssertNotEqual(earlier, text)
        try Data(earlier.utf8).write(to: store.manifestFile)
        XCTAssertNil(BuildStore(output: site).previous)
        let again = run(root, into: "site")
        XCTAssertFalse(again.upToDate)
        XCTAssertEqual(again.reusedPages, [])
        XCTAssertNotNil(BuildStore(output: site).previous, "the manifest is of this format again")
        XCTAssertEqual(try fileTree(site), try fileTree(root.appendingPathComponent("clean")))
    }

    /// An entry is read only when it is of this format, for the key asked, and whole.
    func testAnEntryIsReadOnlyWholeAndForItsKey() throws {
        let root = try temporaryFolder(self)
        let store = BuildStore(output: root.appendingPathComponent("site"), tool: "reportsite test")
        let payload = Data("3\nwords\tand places\n".utf8)
        XCTAssertTrue(store.putEntry(.search, name: "A-1-1", key: "k1", payload: payload))
        XCTAssertEqual(store.entry(.search, name: "A-1-1", key: "k1"), payload)
        XCTAssertNil(store.entry(.search, name: "A-1-1", key: "k2"), "another key")
        XCTAssertNil(store.entry(.analysis, name: "A-1-1", key: "k1"), "another kind")
        let file = store.entryFolder(.search).appendingPathComponent("A-1-1")
        let whole = try Data(contentsOf: file)
        try whole.dropLast(1).write(to: file)
        XCTAssertNil(store.entry(.search, name: "A-1-1", key: "k1"), "cut short")
        var changed = whole
        changed[changed.count - 2] ^= 1
        try changed.write(to: file)
        XCTAssertNil(store.entry(.search, name: "A-1-1", key: "k1"), "a byte changed")
        try Data(String(decoding: whole, as: UTF8.self).replacingOccurrences(of: "reportsite-store \(BuildStore.format)\n",
                                                                            with: "reportsite-store 3\n").utf8).write(to: file)
        XCTAssertNil(store.entry(.search, name: "A-1-1", key: "k1"), "another format")
        XCTAssertNil(BuildStore(output: root.appendingPathComponent("site"), read: false, tool: "reportsite test").entry(.search, name: "A-1-1", key: "k1"))
        // Nothing but the entry is left in its folder (the write goes through a temporary file, renamed).
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: store.entryFolder(.search).path), ["A-1-1"])
        store.prune(.search, keeping: [])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: store.entryFolder(.search).path), [])
    }
}
