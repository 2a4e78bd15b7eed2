import Foundation
import ReportSiteCore
import ReportSiteOutput
import ReportSiteReports

/// Search across every report, down to the paragraph, with no server: `search.html` and `assets/search.js` load
/// the data as scripts that register themselves (`ReportSiteSearch.manifest(...)`, `.shard(...)`, `.chunk(...)`),
/// so that it works from `file://`. See `docs/search.md`.
///
/// - `search/manifest.js`: every report's symbol in corpus order, and the shards with their sizes;
/// - `search/t/<key>.js`: the shards of the index, each the words that begin with `key` (and that no longer key
///   takes), each word with its postings: the (report, place) pairs where it stands, packed (`SearchPacking`);
/// - `search/r/<A-58-275>.<n>.js`: the places of one report, `unitsPerChunk` at a time: label, anchor, text,
///   loaded only for the results shown.
///
/// A report's chunks depend on its file alone. Like report pages they are reused from the previous build when
/// nothing they are made of changed and the published files are still the ones that build wrote (`BuildStore`'s
/// `reuse(path:key:)`, linked, not rendered); the store keeps, per report (`search/<A-58-275>`), the report's words
/// with their places, from which the shards are made again at every build without analysing the report.
///
/// Nothing here is shared or locked (issue 20): `part` makes one report's files and words as a value, from the
/// parallel render; the build's writer (`SiteOutput`) writes them and merges the words in corpus order into a
/// `SearchPacking.Merger` it owns; `finish` makes the shards, the manifest and the page from that merger.
struct SearchIndex: Sendable {
    /// The format of the search files of the site (`search.js` reads it), not of the store.
    static let format = 3
    static let unitsPerChunk = 32
    /// A shard larger than this is split by the next character of its words (a single word may be larger).
    static let shardLimit = 48 * 1024
    /// How many bytes of postings `finish` reads back at once (a group of shards; a larger shard alone).
    static let postingsHeld = 16 << 20
    static let template = TemplateSet.Name.search

    let corpus: Corpus
    let templates: TemplateSet
    /// nil: nothing is reused or kept (no cache, `reportsite check`).
    let store: BuildStore?
    /// The site has a search page only when the templates have `search.mustache`.
    let enabled: Bool

    init(corpus: Corpus, templates: TemplateSet, store: BuildStore?) {
        self.corpus = corpus
        self.templates = templates
        self.store = store
        enabled = FileManager.default.fileExists(atPath: templates.directory.appendingPathComponent(Self.template.rawValue + ".mustache").path)
    }

    /// Chunk `n` of a report: `A/58/275` -> `search/r/A-58-275.0.js` (one folder for all: no folder to make a report).
    static func chunkPath(_ symbol: Symbol, _ n: Int) -> String { "search/r/" + symbol.components.joined(separator: "-") + ".\(n).js" }

    /// The name of a report's entry in the store.
    static func entryName(_ symbol: Symbol) -> String { symbol.components.joined(separator: "-") }

    /// What a report's search chunks are made of besides its model (issue 20, declared inputs): the chunks are
    /// written from the model's units and this value only, and the cache entry's key is its digest.
    struct ChunkInputs: DeclaredInputs, Codable, Hashable, Sendable {
        var format: Int
        var unitsPerChunk: Int
        var tool: String
        var symbol: Symbol
        var title: String
        var file: String
        var sourceFingerprint: String
    }

    private func inputs(_ r: ReportSummary) -> ChunkInputs {
        ChunkInputs(format: Self.format, unitsPerChunk: Self.unitsPerChunk, tool: store?.tool ?? "", symbol: r.symbol,
                    title: r.metadata.title, file: r.file, sourceFingerprint: r.sourceFingerprint)
    }

    /// One report's search files and words, and the store entry to keep for the next build (nil when the one
    /// kept is still right).
    struct Part: Sendable {
        var files: [RenderedFile]
        var words: [UInt8]
        var entry: (name: String, key: String, payload: Data)?
    }

    // MARK: One report

    /// The search files of report `index`: the previous build's when they may be reused, else made from its model
    /// (`model` analyses the report, once, only when called). Called from the parallel render of pages; nil
    /// without a search page.
    func part(_ index: Int, model: () throws -> Report) throws -> Part? {
        guard enabled else { return nil }
        let declared = inputs(corpus.reports[index])
        let key = declared.key(shared: "search")
        let name = Self.entryName(declared.symbol)
        if let store, let payload = store.entry(.search, name: name, key: key), let (count, words) = Self.unpack(payload) {
            var files: [RenderedFile] = []
            for n in 0..<count {
                let path = Self.chunkPath(declared.symbol, n)
                guard let reuse = store.reuse(path: path, key: key) else { break }
                files.append(RenderedFile(path: path, body: .reused(reuse.file), key: key, entry: PageEntry(path: path, ids: nil, links: []),
                                          images: []))
            }
            if files.count == count { return Part(files: files, words: words, entry: nil) }
        }
        let units = try model().searchUnits
        var files: [RenderedFile] = []
        for (n, start) in stride(from: 0, to: units.count, by: Self.unitsPerChunk).enumerated() {
            var js = Array("ReportSiteSearch.chunk(".utf8)
            SearchJS.append(declared.symbol.description, to: &js)
            js += Array(",\(n),".utf8)
            // The report's title is in each chunk, not in the manifest: a search loads the titles of the results
            // it shows only (at 5,000 reports the titles would be 270 KB of every first search).
            SearchJS.append(declared.title, to: &js)
            js += Array(",[\n".utf8)
            for (k, u) in units[start..<min(start + Self.unitsPerChunk, units.count)].enumerated() {
                js += Array((k == 0 ? "[" : ",\n[").utf8)
                SearchJS.append(u.label, to: &js)
                js.append(0x2C)
                SearchJS.append(u.anchor, to: &js)
                js.append(0x2C)
                SearchJS.append(u.text, to: &js)
                js.append(0x5D)
            }
            js += Array("]);\n".utf8)
            files.append(RenderedFile(path: Self.chunkPath(declared.symbol, n), bytes: Data(js), key: store == nil ? nil : key))
        }
        let words = SearchPacking.reportWords(units)
        let entry = store.map { _ in (name: name, key: key, payload: Data("\(files.count)\n".utf8) + Data(words)) }
        return Part(files: files, words: words, entry: entry)
    }

    /// A store entry's chunk count and words (nil when it is not one).
    private static func unpack(_ payload: Data) -> (Int, [UInt8])? {
        guard let end = payload.firstIndex(of: 0x0A), let count = Int(String(decoding: payload[payload.startIndex..<end], as: UTF8.self)),
              count >= 0 else { return nil }
        return (count, [UInt8](payload[(end + 1)...]))
    }

    // MARK: The whole site

    /// After every report, its words merged in corpus order into `words`: the shards, the manifest and
    /// `search.html`, through the writer; the store's entries of reports no longer on the site are removed.
    func finish(_ words: inout SearchPacking.Merger, into output: SiteOutput) throws {
        guard enabled else { return }
        let shards = words.shards(limit: Self.shardLimit)
        let names = words.names
        var shardList: [(String, Int)] = []
        // The postings are read back for a group of shards at a time, each group at most `postingsHeld` bytes
        // (or one shard): memory holds a group's, never the site's.
        var first = 0
        while first < shards.count {
            var last = first + 1
            var held = shards[first].terms.reduce(0) { $0 + words.sizes[$1] }
            while last < shards.count {
                let more = shards[last].terms.reduce(0) { $0 + words.sizes[$1] }
                guard held + more <= Self.postingsHeld else { break }
                held += more
                last += 1
            }
            let group = shards[first..<last]
            var lists = words.postings(of: group.flatMap(\.terms))[...]
            for shard in group {
                var js = [UInt8]("ReportSiteSearch.shard(".utf8) + Array(SearchJS.string(shard.key).utf8) + Array(",{\n".utf8)
                for (n, t) in shard.terms.enumerated() {
                    if n > 0 { js += Array(",\n".utf8) }
                    SearchJS.append(names[t], to: &js)
                    js.append(UInt8(ascii: ":"))
                    js.append(UInt8(ascii: "\""))
                    js += lists.removeFirst()
                    js.append(UInt8(ascii: "\""))
                }
                js += Array("});\n".utf8)
                shardList.append((shard.key, js.count))
                try output.put(RenderedFile(path: "search/t/" + SearchJS.fileName(shard.key) + ".js", bytes: Data(js)))
            }
            first = last
        }
        words = SearchPacking.Merger()  // dropped before the manifest is written

        try output.stream(to: "search/manifest.js") { w in
            w.append("ReportSiteSearch.manifest({\"format\":\(Self.format),\"units\":\(Self.unitsPerChunk),\"reports\":[\n")
            for (i, r) in corpus.reports.enumerated() {
                w.append((i == 0 ? "" : ",\n") + SearchJS.string(r.symbol.description))
            }
            w.append("],\n\"shards\":[\n")
            for (i, (key, size)) in shardList.enumerated() {
                w.append((i == 0 ? "" : ",\n") + "[" + SearchJS.string(key) + ",\(size)]")
            }
            w.append("]});\n")
        }
        try output.put(RenderedFile(path: "search.html", bytes: Data(templates.render(Self.template, pageView()).utf8)))
        output.store?.prune(.search, keeping: Set(corpus.reports.map { Self.entryName($0.symbol) }))
    }

    private func pageView() -> SearchPageView {
        let base = corpus.config.baseURL
        let layout = LayoutView(config: corpus.config, root: "", pageTitle: "Search · " + corpus.config.title,
                                canonical: base.isEmpty ? nil : base + "/search.html",
                                crumbs: [CrumbView(label: "Reports", href: "index.html"), CrumbView(label: "Search", href: nil)])
        return SearchPageView(layout: layout, count: corpus.reports.count)
    }
}

/// What `search.mustache` reads.
struct SearchPageView: TemplateView {
    let layout: LayoutView
    let count: Int

    enum Field: String, CaseIterable {
        case layout, count
    }

    func value(_ name: String) -> TemplateValue {
        guard let field = Field(rawValue: name) else { return .absent }
        switch field {
        case .layout: return .view(layout)
        case .count: return .int(count)
        }
    }
}

/// A report's model, analysed when first asked for and then kept, for its page and its search files.
final class LazyReport {
    private let make: () throws -> Report
    private var made: Report?

    init(_ make: @escaping () throws -> Report) { self.make = make }

    func get() throws -> Report {
        if let made { return made }
        let report = try make()
        made = report
        return report
    }
}

/// Text in the search files.
enum SearchJS {
    /// A JavaScript (and JSON) string literal: `"`, `\`, control characters, `<`, `>`, `&` and the line
    /// separators U+2028 and U+2029 escaped, so that the file is safe wherever it is read. Made on bytes.
    static func append(_ s: String, to out: inout [UInt8]) {
        var s = s
        out.append(0x22)
        s.withUTF8 { buf in
            let hex = Array("0123456789abcdef".utf8)
            var i = 0
            while i < buf.count {
                let b = buf[i]
                switch b {
                case 0x22: out += [0x5C, 0x22]
                case 0x5C: out += [0x5C, 0x5C]
                case 0x0A: out += [0x5C, 0x6E]
                case 0x3C, 0x3E, 0x26, 0x00..<0x20, 0x7F:
                    out += [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]]
                case 0xE2 where i + 2 < buf.count && buf[i + 1] == 0x80 && (buf[i + 2] == 0xA8 || buf[i + 2] == 0xA9):
                    out += Array((buf[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    i += 2
                default: out.append(b)
                }
                i += 1
            }
        }
        out.append(0x22)
    }

    static func string(_ s: String) -> String {
        var out: [UInt8] = []
        append(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The file name of a shard key: ASCII letters and digits as they are, any other character as `_` + its
    /// code in hexadecimal + `_`; the empty key is `_`. `search.js` names them the same way.
    static func fileName(_ key: String) -> String {
        if key.isEmpty { return "_" }
        var out = ""
        for u in key.unicodeScalars {
            if (u.value >= 97 && u.value <= 122) || (u.value >= 48 && u.value <= 57) {
                out.unicodeScalars.append(u)
            } else {
                out += "_" + String(u.value, radix: 16) + "_"
            }
        }
        return out
    }
}
