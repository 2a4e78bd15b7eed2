import Foundation

/// Report pages of the previous build, reused by the next one when nothing a page is made of has changed.
///
/// A report page is a function of its report's file, the link stage's answers for that report (where each of its
/// citations goes, who cites it), the site's configuration and vocabulary, the templates and the build tool itself.
/// Their fingerprint is kept per page in `.reportsite-cache/<output>.json`, beside the output folder, with the size
/// and modification time the page had when it was written. When the fingerprint is the same and the published
/// file is still the one that build wrote, the file is hard-linked into the new site instead of being rendered
/// again. A cache written by another build of the tool, or in another format, is ignored; a file that is missing,
/// or was changed by hand, is rendered again. Deleting the cache folder only makes the next build a full one.
public final class PageCache: @unchecked Sendable {
    static let format = 3

    struct Entry: Codable, Equatable {
        var fingerprint: String
        var size: UInt64
        var modified: Double
        /// The images the page uses, as written in the report (they are copied whether or not the page is reused).
        var images: [String]
    }

    /// The whole site as the last build left it: what it was made of, every file it wrote with its size and time,
    /// and the diagnostics that build printed after loading the content.
    struct Site: Codable, Equatable {
        var inputs: String
        var files: [String: Stamp]
        var diagnostics: [Diagnostic]
        var reports: Int
    }

    typealias Stamp = FileStamps.Stamp

    struct Stored: Codable {
        var format: Int
        var tool: String
        var pages: [String: Entry]
        var site: Site?
        /// The size and time of the ledger file written with this cache (nil: none was written).
        var ledger: String?
    }

    /// The cache file of a build into `output`.
    public let file: URL
    /// The ids and links of the pages the cache describes (`<output>.ledger`, beside `file`), so that a reused
    /// page need not be read back for the link check.
    let ledgerFile: URL
    let output: URL
    let tool: String
    let previous: [String: Entry]
    let previousSite: Site?
    private let previousLedgerFingerprint: String?
    private var previousLedger: [String: PageEntry]?
    private let lock = NSLock()
    private var current: [String: (fingerprint: String, images: [String])] = [:]
    private var reusedList: [String] = []

    /// Whether the previous build's pages may be reused (false: `--no-cache`, which still writes the cache).
    let reads: Bool

    /// `read`: false to ignore what the previous build left (`--no-cache`); this build's cache is written either way.
    public init(output: URL, read: Bool = true, tool: String = PageCache.toolIdentity()) {
        let output = output.standardizedFileURL
        self.output = output
        self.tool = tool
        reads = read
        let folder = output.deletingLastPathComponent().appendingPathComponent(".reportsite-cache")
        file = folder.appendingPathComponent(output.lastPathComponent + ".json")
        ledgerFile = folder.appendingPathComponent(output.lastPathComponent + ".ledger")
        if read, let data = FileManager.default.contents(atPath: file.path),
           let stored = try? JSONDecoder().decode(Stored.self, from: data),
           stored.format == Self.format, stored.tool == tool {
            previous = stored.pages
            previousSite = stored.site
            previousLedgerFingerprint = stored.ledger
        } else {
            previous = [:]
            previousSite = nil
            previousLedgerFingerprint = nil
        }
    }

    /// Every file the last build into `output` left there, as its cache names them, whatever tool or format wrote
    /// it (nil without a cache that says): what a site built before the marker listed its files is made of.
    static func filesOfLastBuild(output: URL) -> Set<String>? {
        struct Files: Decodable {
            struct Site: Decodable { var files: [String: Stamp] }
            var site: Site?
        }
        let output = output.standardizedFileURL
        let file = output.deletingLastPathComponent().appendingPathComponent(".reportsite-cache")
            .appendingPathComponent(output.lastPathComponent + ".json")
        guard let data = FileManager.default.contents(atPath: file.path),
              let files = (try? JSONDecoder().decode(Files.self, from: data))?.site?.files else { return nil }
        return Set(files.keys)
    }

    /// The previous build's ledger, read once, when it is the one written with the cache (else empty).
    private func ledgerOfPreviousBuild() -> [String: PageEntry] {
        lock.lock()
        defer { lock.unlock() }
        if let previousLedger { return previousLedger }
        var entries: [String: PageEntry] = [:]
        if let expected = previousLedgerFingerprint, Self.stamp(ledgerFile).map(LedgerFile.describe) == expected,
           let data = FileManager.default.contents(atPath: ledgerFile.path) {
            entries = LedgerFile.read(data)
        }
        previousLedger = entries
        return entries
    }

    /// The previous build's diagnostics and report count when the site it left is up to date: made of the same
    /// inputs, and every file of the output still the one it wrote, none added or removed. nil otherwise.
    func upToDate(inputs: String) -> (diagnostics: [Diagnostic], reports: Int)? {
        guard let site = previousSite, site.inputs == inputs, let files = Self.files(in: output), files == site.files else { return nil }
        return (site.diagnostics, site.reports)
    }

    /// Every file under `folder` with its size and time (nil when the folder cannot be read).
    static func files(in folder: URL) -> [String: Stamp]? {
        FileStamps.tree(folder.path)
    }

    /// The pages this build took from the previous one, sorted.
    public var reused: [String] {
        lock.lock()
        defer { lock.unlock() }
        return reusedList.sorted()
    }

    /// Links the previous build's page into `staging` when it may be reused; returns its ledger entry and images.
    func reuse(_ path: String, fingerprint: String, into staging: StagingFolder) -> (PageEntry, [String])? {
        guard let entry = previous[path], entry.fingerprint == fingerprint, staging.url != nil else { return nil }
        let published = output.appendingPathComponent(path)
        guard let stamp = Self.stamp(published), stamp.size == entry.size, stamp.modified == entry.modified else { return nil }
        // The page's ids and links as the previous build noted them from these very bytes; a page the ledger
        // does not hold is read back and scanned, as a page rendered now.
        guard let linked = try? staging.link(published, to: path),
              let pageEntry = ledgerOfPreviousBuild()[path]
                ?? (try? Data(contentsOf: linked)).map({ PageEntry(OutputFile(path: path, contents: $0)) }) else { return nil }
        record(path, fingerprint: fingerprint, images: entry.images)
        lock.lock()
        reusedList.append(path)
        lock.unlock()
        return (pageEntry, entry.images)
    }

    /// A page of this build: taken from the previous build when `fingerprint` says nothing it is made of changed,
    /// otherwise made by `render` (its bytes and the images it uses), written to `staging` and noted. Without a
    /// cache or a fingerprint, the page is always rendered.
    static func page(_ path: String, fingerprint: String?, cache: PageCache?, into staging: StagingFolder,
                     render: () throws -> (Data, [String])) throws -> (PageEntry, [String]) {
        if let cache, let fingerprint, let reused = cache.reuse(path, fingerprint: fingerprint, into: staging) { return reused }
        let (contents, images) = try render()
        let file = OutputFile(path: path, contents: contents)
        try staging.write(file)
        if let cache, let fingerprint { cache.record(path, fingerprint: fingerprint, images: images) }
        return (PageEntry(file), images)
    }

    /// Notes a page this build wrote (rendered or reused).
    func record(_ path: String, fingerprint: String, images: [String]) {
        lock.lock()
        current[path] = (fingerprint, images)
        lock.unlock()
    }

    /// After the new site is in place: the pages it holds, as they are on disk now. Written whole to a temporary
    /// file and renamed, so that a build killed here leaves the old cache or the new one.
    public func save(inputs: String?, diagnostics: [Diagnostic], reports: Int, ledger: PageLedger? = nil) throws {
        lock.lock()
        let pages = current
        lock.unlock()
        var stored = Stored(format: Self.format, tool: tool, pages: [:], site: nil, ledger: nil)
        let files = Self.files(in: output)
        if let inputs, let files {
            stored.site = Site(inputs: inputs, files: files, diagnostics: diagnostics, reports: reports)
        }
        for (path, page) in pages {
            guard let stamp = files?[path] ?? Self.stamp(output.appendingPathComponent(path)) else { continue }
            stored.pages[path] = Entry(fingerprint: page.fingerprint, size: stamp.size, modified: stamp.modified, images: page.images)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let folder = file.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // The ledger first, written a chunk at a time and renamed into place: the cache names its size and time,
        // so a ledger from another build, or changed since, is never used.
        if let ledger {
            let temporary = folder.appendingPathComponent(ledgerFile.lastPathComponent + ".tmp-\(ProcessInfo.processInfo.processIdentifier)")
            do {
                let writer = ChunkWriter(handle: try ChunkWriter.create(temporary.path))
                LedgerFile.write(ledger.entries.filter { pages[$0.path] != nil }, to: writer)
                try writer.close()
                guard Foundation.rename(temporary.path, ledgerFile.path) == 0 else {
                    throw FileFailure(path: ledgerFile.path, action: "rename \(temporary.lastPathComponent) to", errno: errno)
                }
            } catch {
                try? FileManager.default.removeItem(at: temporary)
                throw error
            }
            stored.ledger = Self.stamp(ledgerFile).map(LedgerFile.describe)
        }
        try encoder.encode(stored).write(to: file, options: .atomic)
    }

    static func stamp(_ url: URL) -> Stamp? {
        FileStamps.of(url.path)
    }

    /// The build tool: its version, and the size and time of its executable, so that a rebuilt tool (even of
    /// the same version) never trusts pages another build of it rendered.
    public static func toolIdentity() -> String {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let fallback = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
        let stamp = Self.stamp(executable) ?? Self.stamp(fallback)
        return "reportsite \(ReportSiteVersion.current) \(stamp.map { "\($0.size) \($0.modified)" } ?? "unknown")"
    }
}

/// The ledger entries of a site's pages as a text file: three lines a page, `P path`, `I ids` and `L links`, the
/// ids and the links as the ledger holds them (each value followed by NUL). Written and read at the speed of
/// copying bytes, far faster than parsing the pages again. A page with a value that holds a line break is left
/// out (it is read back from its file when reused).
enum LedgerFile {
    static func write(_ entries: [PageEntry]) -> Data {
        let writer = ChunkWriter.inMemory()
        write(entries, to: writer)
        return Data(writer.buffer)
    }

    static func write(_ entries: [PageEntry], to writer: ChunkWriter) {
        for entry in entries.sorted(by: { $0.path < $1.path }) {
            let (ids, links) = entry.texts
            guard let ids, ![entry.path, ids, links].contains(where: { UTF8Bytes.contains($0, 0x0A) }) else { continue }
            writer.append("P " + entry.path + "\nI " + ids + "\nL " + links + "\n")
        }
    }

    /// How the cache names the ledger it was written with.
    static func describe(_ stamp: FileStamps.Stamp) -> String { "\(stamp.size) \(stamp.modified)" }

    static func read(_ data: Data) -> [String: PageEntry] {
        var entries: [String: PageEntry] = [:]
        let lines = TextLines.split(String(decoding: data, as: UTF8.self))
        var i = 0
        while i + 2 < lines.count {
            let (p, ids, links) = (lines[i], lines[i + 1], lines[i + 2])
            // Cut on bytes: a value may start with a combining mark, which would join the space before it.
            guard p.utf8.starts(with: "P ".utf8), ids.utf8.starts(with: "I ".utf8), links.utf8.starts(with: "L ".utf8) else {
                return [:]  // not a ledger this tool wrote
            }
            let path = String(Substring(p.utf8.dropFirst(2)))
            entries[path] = PageEntry(path: path, idText: String(Substring(ids.utf8.dropFirst(2))),
                                      linkText: String(Substring(links.utf8.dropFirst(2))))
            i += 3
        }
        guard i == lines.count - 1, lines[i].isEmpty else { return [:] }  // cut short: use none of it
        return entries
    }
}

/// Everything a whole build is made of, as one fingerprint (`inputs`): the tool (with the cache), the strictness,
/// `SOURCE_DATE_EPOCH`, the working directory diagnostics are shown from, and every file of the content and of
/// the templates, by path and bytes. And the digest of each report file's bytes as it was read for it
/// (`fileDigest`), by file name: the analysis cache finds a report's entry from it without reading the file again.
func buildInputs(content: URL, templates: URL, strict: Bool, environment: [String: String],
                     displayBase: URL) -> (inputs: String, reports: [String: String]) {
    // Links followed, as the loader and the templates follow them: a change behind a linked folder is an input too.
    func tree(_ folder: URL) -> [String] { FolderWalk.paths(in: folder, folders: true) }
    // content/static/ as the build copies it (links followed, so that a change behind a link is seen).
    let statics = StaticFiles(content: content)
    let files = tree(content).filter { !$0.hasPrefix(StaticFiles.folderName + "/") }.map { (content, $0) }
        + statics.files.map { (statics.root, $0.path) } + tree(templates).map { (templates, $0) }
    let digests = files.parallelMap { folder, path -> String? in
        FileManager.default.contents(atPath: folder.appendingPathComponent(path).path).map(fileDigest)
    }
    var f = Fingerprint()
    f.add(strict ? "strict" : "lenient")
    f.add(environment["SOURCE_DATE_EPOCH"] ?? "-")
    f.add(displayBase.standardizedFileURL.path)  // the diagnostics replayed name files relative to it
    var reports: [String: String] = [:]
    for ((folder, path), digest) in zip(files, digests) {
        f.add(folder.path)
        f.add(path)
        f.add(digest ?? "unreadable")
        if folder == content, path.hasPrefix("reports/"), let digest { reports[String(path.dropFirst("reports/".count))] = digest }
    }
    return (f.hex, reports)
}

/// The fingerprint of a file's bytes.
func fileDigest(_ data: Data) -> String {
    var f = Fingerprint()
    f.add(data)
    return f.hex
}

/// A 128-bit fingerprint of a sequence of fields, for telling whether a page's or a report's inputs changed (not
/// for security). Each field is preceded by its length, so that ("ab", "c") and ("a", "bc") differ. The bytes are
/// taken eight at a time into two lanes, each a multiply and a shift with its own odd constant, so that hashing
/// the whole content folder costs a fraction of reading it.
struct Fingerprint {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x6c62_272e_07bb_0142

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    /// A file's bytes, as they are (no decoding).
    mutating func add(_ data: Data) {
        data.withUnsafeBytes { add($0) }
    }

    private mutating func add(_ raw: UnsafeRawBufferPointer) {
        let count = raw.count
        mix(UInt64(count))
        var i = 0
        while i + 8 <= count {
            mix(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        if i < count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < count {
                tail |= UInt64(raw[i]) << shift
                shift += 8
                i += 1
            }
            mix(tail)
        }
    }

    mutating func add(_ number: Int) { add(String(number)) }

    private mutating func mix(_ word: UInt64) {
        a = (a ^ word) &* 0x9e37_79b9_7f4a_7c15
        a ^= a >> 32
        b = (b ^ word) &* 0xc2b2_ae3d_27d4_eb4f
        b ^= b >> 29
    }

    var hex: String {
        String(a, radix: 16).leftPadded(16) + String(b, radix: 16).leftPadded(16)
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
