import Foundation
import XCTest
@testable import ReportSiteKit
@testable import ReportSiteOutput
@testable import ReportSiteSite

/// The search files of a built site (`search/`, `search.html`), read back as `assets/search.js` reads them.
final class SearchTests: XCTestCase {
    /// A built site's search data, parsed from its scripts.
    struct Index {
        let site: URL
        let reports: [String]
        let units: Int
        let shardKeys: [String]

        init(_ site: URL) throws {
            self.site = site
            let manifest = try Self.arguments(site.appendingPathComponent("search/manifest.js"), call: "manifest")
            let m = try XCTUnwrap(manifest.first as? [String: Any])
            reports = try XCTUnwrap(m["reports"] as? [String])
            units = try XCTUnwrap(m["units"] as? Int)
            shardKeys = try XCTUnwrap(m["shards"] as? [[Any]]).map { $0[0] as! String }
        }

        /// The arguments of `ReportSiteSearch.<call>(...)` in a data file, as JSON values.
        static func arguments(_ file: URL, call: String) throws -> [Any] {
            let text = try String(contentsOf: file, encoding: .utf8)
            let head = "ReportSiteSearch." + call + "("
            XCTAssertTrue(text.hasPrefix(head), "\(file.lastPathComponent) starts with \(head)")
            XCTAssertTrue(text.hasSuffix(");\n"))
            let inner = text.dropFirst(head.count).dropLast(3)
            return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(("[" + inner + "]").utf8)) as? [Any])
        }

        /// Where a query's word is: (report symbol, label, anchor, text) of each place, as the page finds them.
        func find(_ word: String) throws -> [(symbol: String, label: String, anchor: String, text: String)] {
            let folded = SearchText.terms(word)
            XCTAssertEqual(folded.count, 1, "one indexed word: \(word)")
            let w = folded[0]
            let chars = Array(w)
            let key = (0...chars.count).reversed().map { String(chars[0..<$0]) }.first { shardKeys.contains($0) }
            guard let key else { return [] }
            let args = try Self.arguments(site.appendingPathComponent("search/t/" + SearchJS.fileName(key) + ".js"), call: "shard")
            XCTAssertEqual(args.first as? String, key)
            let words = try XCTUnwrap(args.last as? [String: String])
            guard let packed = words[w] else { return [] }
            let numbers = SearchPacking.numbers(packed)
            var out: [(String, String, String, String)] = []
            var k = 0
            var report = -1
            while k < numbers.count {
                report += numbers[k] + 1
                let count = numbers[k + 1] + 1
                k += 2
                var place = -1
                for _ in 0..<count {
                    place += numbers[k] + 1
                    k += 1
                    let symbol = reports[report]
                    let chunk = try Self.arguments(site.appendingPathComponent(SearchIndex.chunkPath(Symbol(symbol)!, place / units)),
                                                   call: "chunk")
                    XCTAssertEqual(chunk[0] as? String, symbol)
                    XCTAssertEqual(chunk[1] as? Int, place / units)
                    XCTAssertFalse((chunk[2] as? String ?? "").isEmpty, "the report's title")
                    let unit = try XCTUnwrap((chunk[3] as? [[String]])?[place % units])
                    out.append((symbol, unit[0], unit[1], unit[2]))
                }
            }
            return out
        }
    }

    func copyOfContent() throws -> URL {
        let root = try temporaryFolder(self)
        try FileManager.default.copyItem(at: Project.content, to: root.appendingPathComponent("content"))
        return root
    }

    @discardableResult
    func build(_ root: URL, into output: String, cache: Bool = true) throws -> SiteBuilder {
        var options = SiteBuilder.Options(content: root.appendingPathComponent("content"), output: root.appendingPathComponent(output),
                                          templates: Project.templates, strict: true, displayBase: root)
        options.cache = cache
        options.environment = ["SOURCE_DATE_EPOCH": "1700000000"]
        var builder = SiteBuilder(options: options)
        let outcome = builder.build()
        XCTAssertFalse(builder.diagnostics.hasErrors, builder.diagnostics.diagnostics.map(\.formatted).joined(separator: "\n"))
        guard case .success = outcome else { XCTFail("\(outcome)"); return builder }
        return builder
    }

    /// Every file under `search/`, and `search.html`, by path.
    func searchFiles(_ site: URL) throws -> [String: Data] {
        var files: [String: Data] = ["search.html": try Data(contentsOf: site.appendingPathComponent("search.html"))]
        let folder = site.appendingPathComponent("search")
        for case let path as String in FileManager.default.enumerator(atPath: folder.path)! where path.hasSuffix(".js") {
            files["search/" + path] = try Data(contentsOf: folder.appendingPathComponent(path))
        }
        return files
    }

    func inode(_ url: URL) throws -> UInt64 {
        try XCTUnwrap((try FileManager.default.attributesOfItem(atPath: url.path))[.systemFileNumber] as? UInt64)
    }

    // MARK: -

    func testAKnownParagraphIsFoundWithItsAnchor() throws {
        let root = try copyOfContent()
        try build(root, into: "site")
        let index = try Index(root.appendingPathComponent("site"))
        XCTAssertEqual(index.reports, ["A/57/292", "A/58/275", "A/68/283", "E/CN.4/2000/82"])
        let chunk = try Index.arguments(root.appendingPathComponent("site/search/r/A-58-275.0.js"), call: "chunk")
        XCTAssertEqual(chunk[2] as? String, "Human rights of migrants", "each chunk names its report's title")
        for word in ["wider", "adherence", "Instruments", "ADHERENCE"] {
            let places = try index.find(word)
            XCTAssertTrue(places.contains { $0.symbol == "A/58/275" && $0.label == "para. 80" && $0.anchor == "para-80" },
                          "\(word): \(places.map { "\($0.symbol) \($0.anchor)" })")
        }
        let para80 = try XCTUnwrap(index.find("adherence").first { $0.anchor == "para-80" })
        XCTAssertTrue(para80.text.hasPrefix("The Special Rapporteur recommends increased international assistance for wider adherence to"))
        // Every anchor of a place is an id of the report's page.
        for (symbol, _, anchor, _) in try index.find("migrants") where !anchor.isEmpty {
            let page = try Page(root.appendingPathComponent("site/" + Symbol(symbol)!.pagePath))
            XCTAssertTrue(page.ids.contains(anchor), "\(symbol)#\(anchor)")
        }
        // A sub-paragraph is a place of its own; a footnote too.
        XCTAssertTrue(try index.find("migrants").contains { $0.anchor.hasPrefix("para-") && $0.anchor.split(separator: "-").count == 3 })
        XCTAssertTrue(try index.find("migrants").contains { $0.anchor.hasPrefix("fn-") && $0.label.hasPrefix("footnote ") })
        // Stop words are not indexed.
        XCTAssertEqual(SearchText.terms("the"), [])
        // search.html: the form, the message without JavaScript, the script.
        let page = try String(contentsOf: root.appendingPathComponent("site/search.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("<form class=\"search-form\" id=\"search-form\" action=\"search.html\" method=\"get\""))
        XCTAssertTrue(page.contains("name=\"q\""))
        XCTAssertTrue(page.contains("Search needs JavaScript"))
        XCTAssertTrue(page.contains("<a href=\"index.html\">the list of all reports</a>"))
        XCTAssertTrue(page.contains("<a href=\"recommendations/index.html\">the recommendations index</a>"))
        XCTAssertTrue(page.contains("<script src=\"assets/search.js\" defer></script>"))
        XCTAssertTrue(page.contains("aria-live=\"polite\""))
    }

    /// The same strings and words as `scripts/search/check.py`, which asks the page's `search.js` for them.
    static let folding: [(String, [String])] = [
        ("Rodríguez PIZARRO", ["rodriguez", "pizarro"]),
        ("Œuvre ﬁnale, Straße; Łódź", ["oeuvre", "finale", "strasse", "lodz"]),
        ("ΣΟΦΟΣ Ἀθῆναι", ["σοφοσ", "αθηναι"]),
        ("Москва ЁЛКА", ["москва", "елка"]),
        ("حُقُوق الإنسان", ["حقوق", "الانسان"]),
        ("人权理事会 report", ["人", "权", "理", "事", "会", "report"]),
        ("non-refoulement, State's 2003", ["non", "refoulement", "state", "s", "2003"]),
    ]

    func testFolding() throws {
        for (text, expected) in Self.folding {
            var tokenizer = SearchText.Tokenizer()
            var words: [String] = []
            tokenizer.words(text) { words.append($0) }
            XCTAssertEqual(words, expected, text)
        }
        XCTAssertEqual(SearchText.terms("The DETENTION of a child"), ["detention", "child"])
        // Invisible format characters (a PDF's soft hyphen, a zero-width space, a word joiner) do not cut a word;
        // check.py asks the browser the same (written with escapes there).
        for text in ["detent\u{AD}ion", "detent\u{200B}ion", "detent\u{2060}ion"] {
            XCTAssertEqual(SearchText.terms(text), ["detention"], text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
        }
        // The check script holds the same table.
        let script = try String(contentsOf: Project.root.appendingPathComponent("scripts/search/check.py"), encoding: .utf8)
        for (text, _) in Self.folding { XCTAssertTrue(script.contains("(\"\(text)\""), "check.py tests \(text)") }
        // Accented and unaccented forms of the content are one word.
        let root = try copyOfContent()
        try build(root, into: "site")
        let index = try Index(root.appendingPathComponent("site"))
        XCTAssertEqual(try index.find("Rodriguez").map(\.symbol), try index.find("RODRÍGUEZ").map(\.symbol))
        XCTAssertTrue(try index.find("rodriguez").contains { $0.symbol == "A/58/275" && $0.label == "title" && $0.anchor == "" })
        XCTAssertTrue(try index.find("CREPEAU").contains { $0.text.contains("Crépeau") })
        XCTAssertTrue(try index.find("migracion").contains { $0.text.contains("Migración") })
    }

    func testTwoBuildsAreByteIdentical() throws {
        let root = try copyOfContent()
        try build(root, into: "a", cache: false)
        try build(root, into: "b", cache: false)
        let a = try searchFiles(root.appendingPathComponent("a"))
        XCTAssertGreaterThan(a.count, 10)
        XCTAssertEqual(a, try searchFiles(root.appendingPathComponent("b")))
    }

    /// One report edited: only its search data changes, a removed word is no longer found, the other reports'
    /// files are the previous build's (hard links: the same inode), and the result is a clean build's.
    func testAnEditChangesThatReportsSearchDataOnly() throws {
        let root = try copyOfContent()
        let site = root.appendingPathComponent("site")
        try build(root, into: "site")
        let before = try searchFiles(site)
        let otherChunk = site.appendingPathComponent("search/r/A-68-283.0.js")
        let otherInode = try inode(otherChunk)
        XCTAssertTrue(try Index(site).find("wider").contains { $0.anchor == "para-80" && $0.symbol == "A/58/275" })

        let file = root.appendingPathComponent("content/reports/A-58-275.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(text.contains("assistance for wider adherence"))
        try Data(text.replacingOccurrences(of: "assistance for wider adherence", with: "assistance for zebraic adherence").utf8).write(to: file)
        let builder = try build(root, into: "site")
        XCTAssertTrue(builder.reusedPages.contains("A/68/283/index.html"))
        XCTAssertFalse(builder.reusedPages.contains("A/58/275/index.html"))

        let after = try searchFiles(site)
        let index = try Index(site)
        XCTAssertFalse(try index.find("wider").contains { $0.anchor == "para-80" && $0.symbol == "A/58/275" }, "the removed word is gone")
        XCTAssertEqual(try index.find("zebraic").map { "\($0.symbol) \($0.anchor)" }, ["A/58/275 para-80"])
        // The edited report's chunks changed; no other report's did, and theirs were not written again.
        let changed = Set(after.keys).union(before.keys).filter { before[$0] != after[$0] }.sorted()
        XCTAssertTrue(changed.contains { $0.hasPrefix("search/r/A-58-275.") }, "\(changed)")
        XCTAssertEqual(changed.filter { $0.hasPrefix("search/r/") && !$0.hasPrefix("search/r/A-58-275.") }, [])
        // Besides: the shards of the words added and removed, and the manifest, which gives each shard's size.
        XCTAssertTrue(changed.allSatisfy { $0.hasPrefix("search/r/A-58-275.") || $0.hasPrefix("search/t/") || $0 == "search/manifest.js" },
                      "\(changed)")
        XCTAssertEqual(try inode(otherChunk), otherInode, "a reused report's search data is linked, not rewritten")
        // A reused page's search data is all there.
        XCTAssertEqual(before.filter { $0.key.hasPrefix("search/r/A-68-283.") }, after.filter { $0.key.hasPrefix("search/r/A-68-283.") })
        XCTAssertFalse(after.filter { $0.key.hasPrefix("search/r/A-68-283.") }.isEmpty)

        // The same bytes as a clean build.
        try build(root, into: "clean", cache: false)
        XCTAssertEqual(after, try searchFiles(root.appendingPathComponent("clean")))

        // A search file removed by hand from the site is made again, though the page is reused.
        try FileManager.default.removeItem(at: otherChunk)
        let again = try build(root, into: "site")
        XCTAssertTrue(again.reusedPages.contains("A/68/283/index.html"))
        XCTAssertEqual(try searchFiles(site), after)

        // A cache entry cut short (a crash while it was written) is not used: the report is analysed again.
        let entry = BuildStore(output: site).entryFolder(.search).appendingPathComponent("A-68-283")
        let whole = try Data(contentsOf: entry)
        try whole.prefix(whole.count / 2).write(to: entry)
        try Data(text.replacingOccurrences(of: "assistance for wider adherence", with: "assistance for quaggy adherence").utf8).write(to: file)
        try build(root, into: "site")
        try build(root, into: "clean2", cache: false)
        XCTAssertEqual(try searchFiles(site), try searchFiles(root.appendingPathComponent("clean2")))
        // The entry was written again, the same bytes (its format, its key, its chunk count and its words).
        XCTAssertEqual(try Data(contentsOf: entry), whole, "the entry is whole again")
    }

    /// The pieces of the index: numbers packed and unpacked, shard file names, JavaScript strings.
    func testPackingAndNames() throws {
        var out: [UInt8] = []
        let values = [0, 1, 31, 32, 1023, 1024, 1_000_000]
        for v in values { SearchPacking.append(v, to: &out) }
        XCTAssertEqual(SearchPacking.numbers(String(decoding: out, as: UTF8.self)), values)
        XCTAssertEqual(SearchJS.fileName(""), "_")
        XCTAssertEqual(SearchJS.fileName("co"), "co")
        XCTAssertEqual(SearchJS.fileName("σο"), "_3c3__3bf_")
        XCTAssertEqual(SearchJS.string("a\"</script>\\\n\u{2028}é"), "\"a\\\"\\u003c/script\\u003e\\\\\\n\\u2028é\"")
        // Shards: a word belongs to the shard of the longest key that begins it, and every word has one.
        var merger = SearchPacking.Merger()
        let words = (0..<3000).map { "w\($0 % 7)x\($0)" } + ["w", "a"]
        let blob = words.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.flatMap { Array(($0 + "\t0" + String(repeating: "0", count: 40) + "\n").utf8) }
        merger.add(report: 0, blob)
        let shards = merger.shards(limit: 8 * 1024)
        XCTAssertGreaterThan(shards.count, 3)
        let keys = Set(shards.map(\.key))
        let names = merger.names
        for shard in shards {
            for t in shard.terms {
                let word = Array(names[t])
                let longest = (0...word.count).reversed().map { String(word[0..<$0]) }.first { keys.contains($0) }
                XCTAssertEqual(longest, shard.key, names[t])
            }
        }
        XCTAssertEqual(shards.reduce(0) { $0 + $1.terms.count }, words.count)
    }

    /// The merger keeps the postings in a spill file of the build, a block at a time, and reads back those of any
    /// words asked for: each word's postings are what merging in memory gives (every report, in order, its index
    /// after the previous one's and its places), across blocks, for words asked for in any order.
    func testTheMergerReadsBackWhatItSpilled() {
        var merger = SearchPacking.Merger()
        var expected: [String: [UInt8]] = [:]
        var previous: [String: Int] = [:]
        var random = SeededRandom(seed: 2026_12_06)
        var total = 0
        var report = 0
        while total < 3 * SearchPacking.Merger.blockSize {
            var lines: [(String, [UInt8])] = []
            for w in 0..<2000 where random.next() % 3 != 0 {
                var places: [UInt8] = []
                for _ in 0..<(1 + Int(random.next() % 4)) { SearchPacking.append(Int(random.next() % 40), to: &places) }
                lines.append(("w\(w)é", places))
            }
            lines.sort { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
            var blob: [UInt8] = []
            for (word, places) in lines {
                blob += Array(word.utf8) + [0x09] + places + [0x0A]
                SearchPacking.append(report - previous[word, default: -1] - 1, to: &expected[word, default: []])
                expected[word]! += places
                previous[word] = report
            }
            total += blob.count
            merger.add(report: report, blob)
            report += 2  // reports without words in between
        }
        let names = merger.names
        XCTAssertEqual(Set(names), Set(expected.keys))
        let asked = Array(names.indices.reversed().filter { $0 % 5 != 1 })
        let lists = merger.postings(of: asked)
        XCTAssertEqual(lists.count, asked.count)
        for (t, list) in zip(asked, lists) {
            XCTAssertEqual(list, expected[names[t]], names[t])
            XCTAssertEqual(merger.sizes[t], list.count)
        }
        // Read back again (another group of shards): the same.
        XCTAssertEqual(merger.postings(of: [asked[3]]), [expected[names[asked[3]]]!])
    }
}
