import Foundation

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
/// nothing they are made of changed and the published files are still the ones that build wrote (hard-linked,
/// not rendered): a small cache entry per report (`.reportsite-cache/<output>.search/`) holds their fingerprint,
/// their sizes and times, and the report's words with their places, from which the shards are made again at
/// every build without analysing the report.
final class SearchIndex: @unchecked Sendable {
    static let format = 3
    static let unitsPerChunk = 32
    /// A shard larger than this is split by the next character of its words (a single word may be larger).
    static let shardLimit = 48 * 1024
    static let template = "search"

    let corpus: Corpus
    let templates: TemplateSet
    /// nil: nothing is reused or remembered (no cache, `--no-cache`, `reportsite check`).
    let cacheFolder: URL?
    let published: URL?
    let tool: String
    /// false: the previous build's entries are not used (`--no-cache`); this build's are written.
    let reads: Bool
    /// The site has a search page only when the templates have `search.mustache`.
    let enabled: Bool
    private let lock = NSLock()
    private var words: [Int: [UInt8]] = [:]
    /// The postings of the reports before `merged`.
    private var merger = SearchPacking.Merger()
    private var merged = 0
    private var foldersMade = false
    private var entries: [PageEntry] = []

    init(corpus: Corpus, templates: TemplateSet, cache: PageCache?) {
        self.corpus = corpus
        self.templates = templates
        enabled = FileManager.default.fileExists(atPath: templates.directory.appendingPathComponent(Self.template + ".mustache").path)
        if let cache {
            cacheFolder = cache.file.deletingPathExtension().appendingPathExtension("search")
            published = cache.output
            tool = cache.tool
            reads = cache.reads
        } else {
            reads = false
            cacheFolder = nil
            published = nil
            tool = ""
        }
    }

    /// Chunk `n` of a report: `A/58/275` -> `search/r/A-58-275.0.js` (one folder for all: no folder to make a report).
    static func chunkPath(_ symbol: Symbol, _ n: Int) -> String { "search/r/" + symbol.components.joined(separator: "-") + ".\(n).js" }

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
        ChunkInputs(format: Self.format, unitsPerChunk: Self.unitsPerChunk, tool: tool, symbol: r.symbol, title: r.metadata.title,
                    file: r.file, sourceFingerprint: r.sourceFingerprint)
    }

    private func entryFile(_ symbol: Symbol) -> URL? {
        cacheFolder?.appendingPathComponent(symbol.components.joined(separator: "-") + ".txt")
    }

    // MARK: One report

    /// The search files of report `index`: linked from the previous build when they may be reused, else made from
    /// its model (`model` analyses the report, once, only when called). Called from the parallel render of pages.
    func add(_ index: Int, model: () throws -> Report, into staging: StagingFolder) throws {
        guard enabled else { return }
        try makeFolders(in: staging)
        let declared = inputs(corpus.reports[index])
        let fp = declared.key(shared: "search")
        if let (paths, blob) = reusable(declared.symbol, fingerprint: fp, staging: staging) {
            var made: [PageEntry] = []
            for path in paths {
                _ = try staging.link(published!.appendingPathComponent(path), to: path)
                made.append(PageEntry(path: path, ids: nil, links: []))
            }
            note(index, blob, made)
            return
        }
        let units = try model().searchUnits
        var paths: [String] = []
        var stamps: [FileStamps.Stamp] = []
        for (n, start) in stride(from: 0, to: units.count, by: Self.unitsPerChunk).enumerated() {
            let path = Self.chunkPath(declared.symbol, n)
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
            try write(js, to: path, in: staging)
            paths.append(path)
            if let root = staging.url, let stamp = FileStamps.of(root.appendingPathComponent(path).path) { stamps.append(stamp) }
        }
        let blob = SearchPacking.reportWords(units)
        if let file = entryFile(declared.symbol), stamps.count == paths.count {
            var head = "reportsite-search \(Self.format)\n\(fp)\n\(paths.count)\n"
            for s in stamps { head += "\(s.size) \(s.modified)\n" }
            head += Self.blobLine(blob) + "--\n"
            try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            let temporary = file.appendingPathExtension("tmp-\(ProcessInfo.processInfo.processIdentifier)")
            if !Self.writeQuickly(Array(head.utf8) + blob, to: temporary) || Foundation.rename(temporary.path, file.path) != 0 {
                try? FileManager.default.removeItem(at: temporary)
            }
        }
        note(index, blob, paths.map { PageEntry(path: $0, ids: nil, links: []) })
    }

    /// The folders are made once, before any file: the staging folder makes a new folder for the first file it
    /// sees there, and another thread may put its file there (written or linked) before that is done.
    private func makeFolders(in staging: StagingFolder) throws {
        lock.lock()
        defer { lock.unlock() }
        guard !foldersMade, let root = staging.url else { return }
        for folder in ["search/r", "search/t"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        foldersMade = true
    }

    /// A cache entry written without waiting for the disk (a lost entry only means the report is analysed again).
    private static func writeQuickly(_ bytes: [UInt8], to file: URL) -> Bool {
        (try? writeBytes(bytes, to: file.path)) != nil
    }

    /// A search file of the site: one `open`, `write` and `close` (thousands of small files: no temporary file,
    /// no flush to the disk, which the swap of the whole staging folder does not need).
    func write(_ bytes: [UInt8], to path: String, in staging: StagingFolder) throws {
        guard let target = try staging.placeForStream(path) else { return }
        try Self.writeBytes(bytes, to: target.path)
    }

    private static func writeBytes(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw FileFailure(path: path, action: "create", errno: errno) }
        var failure: Int32 = 0
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0, errno == EINTR { continue }
                if n <= 0 { failure = n < 0 ? errno : EIO; return }
                offset += n
            }
        }
        if close(fd) != 0, failure == 0 { failure = errno }
        if failure != 0 { throw FileFailure(path: path, action: "write", errno: failure) }
    }

    /// Keeps a report's words until those of every report before it are in; then merges them, in corpus order,
    /// so that only the few reports still out of order are held.
    private func note(_ index: Int, _ blob: [UInt8], _ made: [PageEntry]) {
        lock.lock()
        words[index] = blob
        entries += made
        while let next = words.removeValue(forKey: merged) {
            merger.add(report: merged, next)
            merged += 1
        }
        lock.unlock()
    }

    /// The chunk paths and the words of a report whose previous files may be reused: the cache entry is for the
    /// same fingerprint, and each published chunk is still the file that build wrote (same size and time).
    private func reusable(_ symbol: Symbol, fingerprint: String, staging: StagingFolder) -> ([String], [UInt8])? {
        guard reads, let file = entryFile(symbol), let published, staging.url != nil,
              let data = FileManager.default.contents(atPath: file.path) else { return nil }
        let bytes = [UInt8](data)
        var lines: [String] = []
        var i = 0
        while lines.last != "--" {
            guard let end = bytes[i...].firstIndex(of: 0x0A) else { return nil }
            lines.append(String(decoding: bytes[i..<end], as: UTF8.self))
            i = end + 1
            if lines.count > 100_000 { return nil }
        }
        guard lines.count >= 5, lines[0] == "reportsite-search \(Self.format)", lines[1] == fingerprint,
              let count = Int(lines[2]), lines.count == count + 5 else { return nil }
        // The words must be whole and unchanged: an entry cut short (a crash while it was written) is not used.
        let blob = Array(bytes[i...])
        guard lines[3 + count] + "\n" == Self.blobLine(blob) else { return nil }
        var paths: [String] = []
        for n in 0..<count {
            let parts = lines[3 + n].split(separator: " ")
            let path = Self.chunkPath(symbol, n)
            guard parts.count == 2, let size = UInt64(parts[0]), let modified = Double(parts[1]),
                  let stamp = FileStamps.of(published.appendingPathComponent(path).path),
                  stamp.size == size, stamp.modified == modified else { return nil }
            paths.append(path)
        }
        return (paths, blob)
    }

    /// The line of a cache entry that names its words' length and fingerprint.
    private static func blobLine(_ blob: [UInt8]) -> String {
        var f = Fingerprint()
        blob.withUnsafeBytes { f.add(Data($0)) }
        return "words \(blob.count) \(f.hex)\n"
    }

    // MARK: The whole site

    /// After every report: the shards, the manifest and `search.html`; the cache entries of reports no longer on
    /// the site are removed. Returns the ledger entries of every search file.
    func finish(into staging: StagingFolder) throws -> [PageEntry] {
        guard enabled else { return [] }
        lock.lock()
        var made = entries
        var merged = SearchPacking.Merger()
        swap(&merged, &merger)  // taken over, not copied
        // Reports whose search files failed leave a gap: the build fails anyway; the others are merged in order.
        for i in words.keys.sorted() { merged.add(report: i, words[i]!) }
        words = [:]
        entries = []
        lock.unlock()

        let shards = merged.shards(limit: Self.shardLimit)
        let names = merged.names
        var shardList: [(String, Int)] = []
        for shard in shards {
            var js = [UInt8]("ReportSiteSearch.shard(".utf8) + Array(SearchJS.string(shard.key).utf8) + Array(",{\n".utf8)
            for (n, t) in shard.terms.enumerated() {
                if n > 0 { js += Array(",\n".utf8) }
                SearchJS.append(names[t], to: &js)
                js.append(UInt8(ascii: ":"))
                js.append(UInt8(ascii: "\""))
                js += merged.lists[t]
                js.append(UInt8(ascii: "\""))
            }
            js += Array("});\n".utf8)
            let path = "search/t/" + SearchJS.fileName(shard.key) + ".js"
            let size = js.count
            try write(js, to: path, in: staging)
            made.append(PageEntry(path: path, ids: nil, links: []))
            shardList.append((shard.key, size))
        }
        merged = SearchPacking.Merger()

        try staging.stream(to: "search/manifest.js") { w in
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
        made.append(PageEntry(path: "search/manifest.js", ids: nil, links: []))

        let page = OutputFile(path: "search.html", contents: Data(templates.render(Self.template, pageView()).utf8))
        try staging.write(page)
        made.append(PageEntry(page))

        if let cacheFolder, staging.url != nil {
            let keep = Set(corpus.reports.map { $0.symbol.components.joined(separator: "-") + ".txt" })
            for name in (try? FileManager.default.contentsOfDirectory(atPath: cacheFolder.path)) ?? [] where !keep.contains(name) {
                try? FileManager.default.removeItem(at: cacheFolder.appendingPathComponent(name))
            }
        }
        return made
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
