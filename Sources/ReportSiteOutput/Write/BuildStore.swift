import Foundation
import ReportSiteCore

/// Everything a build keeps for the next one, in one place: `.reportsite-cache/<output>.store/`, beside the output
/// folder (the output's lock, `OutputLock`, sits beside it as `<output>.lock`).
///
///     <output>.store/manifest.json     the site the last build left: what it was made of (`inputs`), every file it
///                                      wrote with its size and time, the key each reusable file was made from, the
///                                      images each page uses, the diagnostics and the report count
///     <output>.store/ledger.txt        the ids and links of those pages (`LedgerFile`), named in the manifest
///     <output>.store/analysis/<key>    a report's summary and diagnostics (`AnalysisCache`)
///     <output>.store/model/<key>       the same report's page model (`ReportCoding`, `ModelShelf`)
///     <output>.store/search/<A-58-275> a report's search words (`SearchIndex`)
///
/// One version (`format`), one atomic write (`write(_:to:)`: a temporary file renamed into place), one way to
/// find an entry (`entry`: every entry file starts with the format and its key, and names its length and digest,
/// so that one of another format, another key or cut short is never read) and one way to reuse a file of the
/// previous site (`reuse(path:key:)`). A manifest of another format or another build of the tool is ignored
/// whole; so are the files of caches before the store (`<output>.json`, `.ledger`, `.analysis/`, `.search/`),
/// which are removed once the store is saved. Deleting the folder only makes the next build a full one.
package final class BuildStore: Sendable {
    /// The version of everything in the store: a change to any of its formats changes it.
    package static let format = 5
    static let folderName = ".reportsite-cache"

    /// The entries kept between builds, each kind in its own folder.
    package enum Kind: String, CaseIterable, Sendable {
        case analysis, model, search
    }

    /// The site the last build left.
    struct Manifest: Codable, Equatable, Sendable {
        var format: Int
        var tool: String
        /// Everything the build was made of (`buildInputs`): the same inputs make the same site.
        var inputs: String?
        /// Every file of the site, with its size and time as that build left it.
        var files: [String: FileStamps.Stamp]
        /// The key of each reusable file (a page, a search chunk): the digest of the inputs it was made from.
        var keys: [String: String]
        /// The images each report page uses, as written in the report (copied whether or not the page is reused).
        var images: [String: [String]]
        var diagnostics: [Diagnostic]
        var reports: Int
        /// The size and time of the ledger written with this manifest (nil: none was written).
        var ledger: String?
    }

    /// A file of the previous site that may go into the new one as it is.
    package struct Reuse: Sendable {
        /// The file as published: its path (a `URL` each cost more than the rest of reusing it).
        package var file: String
        var images: [String]
    }

    let output: URL
    /// `output`'s path, to which a site file's path is joined.
    let outputPath: String
    let folder: URL
    package let tool: String
    /// false (`--no-cache`): nothing of the previous build is read; the store is still written.
    package let reads: Bool
    /// The previous build's manifest, when it is of this format and this build of the tool and may be read.
    let previous: Manifest?

    var manifestFile: URL { folder.appendingPathComponent("manifest.json") }
    var ledgerFile: URL { folder.appendingPathComponent("ledger.txt") }
    package func entryFolder(_ kind: Kind) -> URL { folder.appendingPathComponent(kind.rawValue) }

    /// The cache folder beside `output`.
    static func cacheFolder(output: URL) -> URL {
        output.standardizedFileURL.deletingLastPathComponent().appendingPathComponent(folderName)
    }

    package init(output: URL, read: Bool = true, tool: String = BuildStore.toolIdentity()) {
        let output = output.standardizedFileURL
        self.output = output
        outputPath = output.path
        self.tool = tool
        reads = read
        folder = Self.cacheFolder(output: output).appendingPathComponent(output.lastPathComponent + ".store")
        var previous: Manifest?
        if read, let data = FileManager.default.contents(atPath: folder.appendingPathComponent("manifest.json").path),
           let manifest = try? JSONDecoder().decode(Manifest.self, from: data), manifest.format == Self.format, manifest.tool == tool {
            previous = manifest
        }
        self.previous = previous
    }

    // MARK: Reading

    /// The previous build's diagnostics and report count when the site it left is up to date: made of the same
    /// inputs, and every file of the output still the one it wrote, none added or removed. nil otherwise.
    package func upToDate(inputs: String) -> (diagnostics: [Diagnostic], reports: Int)? {
        guard let previous, previous.inputs == inputs, let files = FileStamps.tree(output.path), files == previous.files else { return nil }
        return (previous.diagnostics, previous.reports)
    }

    /// The published file at `path` when the previous build made it from `key` and it is still the file that
    /// build wrote (same size and time); nil otherwise (never made, made from other inputs, changed by hand).
    package func reuse(path: String, key: String) -> Reuse? {
        guard let previous, previous.keys[path] == key, let stamp = previous.files[path] else { return nil }
        let file = outputPath + "/" + path
        guard FileStamps.of(file) == stamp else { return nil }
        return Reuse(file: file, images: previous.images[path] ?? [])
    }

    /// The previous build's ledger, when it is the one written with the manifest (else empty).
    func previousLedger() -> [String: PageEntry] {
        guard let expected = previous?.ledger, FileStamps.of(ledgerFile.path).map(LedgerFile.describe) == expected,
              let data = FileManager.default.contents(atPath: ledgerFile.path) else { return [:] }
        return LedgerFile.read(data)
    }

    /// The payload of entry `name` of `kind` when it was written for `key` by this format and is whole.
    /// `ownWrite`: an entry this build wrote, read even by a store that reads nothing of the previous build.
    package func entry(_ kind: Kind, name: String, key: String, ownWrite: Bool = false) -> Data? {
        guard reads || ownWrite, let data = FileManager.default.contents(atPath: entryFolder(kind).appendingPathComponent(name).path) else { return nil }
        return Self.payload(data, key: key)
    }

    /// An entry's bytes: a head of three lines (the format, the key, the payload's length and digest), then the payload.
    static func envelope(_ payload: Data, key: String) -> Data {
        var data = Data("reportsite-store \(format)\n\(key)\n\(payload.count) \(fileDigest(payload))\n".utf8)
        data += payload
        return data
    }

    /// The payload of an entry's bytes, or nil when they are not an entry of this format for `key`, or not whole.
    static func payload(_ data: Data, key: String) -> Data? {
        var lines: [String] = []
        var start = data.startIndex
        while lines.count < 3 {
            guard let end = data[start...].firstIndex(of: 0x0A), end - start < 200 else { return nil }
            lines.append(String(decoding: data[start..<end], as: UTF8.self))
            start = end + 1
        }
        let size = lines[2].split(separator: " ")
        guard lines[0] == "reportsite-store \(format)", lines[1] == key, size.count == 2, Int(size[0]) == data.count - (start - data.startIndex)
        else { return nil }
        let payload = Data(data[start...])
        return fileDigest(payload) == size[1] ? payload : nil
    }

    // MARK: Writing

    /// Writes entry `name` of `kind` for `key` (atomically). A failure only costs the next build time.
    @discardableResult
    package func putEntry(_ kind: Kind, name: String, key: String, payload: Data) -> Bool {
        let target = entryFolder(kind).appendingPathComponent(name)
        do {
            try Self.write(Self.envelope(payload, key: key), to: target)
            return true
        } catch {
            return false
        }
    }

    /// Removes the entries of `kind` not named in `keep`.
    package func prune(_ kind: Kind, keeping keep: Set<String>) {
        let entries = entryFolder(kind)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: entries.path)) ?? [] where !keep.contains(name) {
            try? FileManager.default.removeItem(at: entries.appendingPathComponent(name))
        }
    }

    /// What this build made, for the manifest: the key and images of each reusable file, by path.
    package struct Made: Sendable {
        var keys: [String: String] = [:]
        var images: [String: [String]] = [:]
    }

    /// After the new site is in place: the manifest of the site as it is on disk now, and the ledger of its
    /// reusable pages. Each written whole and renamed, the ledger first (the manifest names its size and time, so a
    /// ledger from another build is never used); a build killed here leaves the old manifest or the new one.
    package func save(inputs: String?, made: Made, diagnostics: [Diagnostic], reports: Int, ledger: PageLedger?) throws {
        let files = FileStamps.tree(output.path) ?? [:]
        var manifest = Manifest(format: Self.format, tool: tool, inputs: files.isEmpty ? nil : inputs, files: files, keys: [:], images: [:],
                                diagnostics: diagnostics, reports: reports, ledger: nil)
        for (path, key) in made.keys where files[path] != nil { manifest.keys[path] = key }
        for (path, images) in made.images where files[path] != nil && !images.isEmpty { manifest.images[path] = images }
        try makeFolders(folder.path)
        if let ledger {
            try Self.write(to: ledgerFile) { writer in
                LedgerFile.write(ledger, keeping: { manifest.keys[$0] != nil }, to: writer)
            }
            manifest.ledger = FileStamps.of(ledgerFile.path).map(LedgerFile.describe)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try Self.write(try encoder.encode(manifest), to: manifestFile)
        removeCachesBeforeTheStore()
    }

    /// The files the caches before the store kept beside the output: no longer read, removed.
    private func removeCachesBeforeTheStore() {
        let cache = Self.cacheFolder(output: output)
        for suffix in [".json", ".ledger", ".analysis", ".search"] {
            try? FileManager.default.removeItem(at: cache.appendingPathComponent(output.lastPathComponent + suffix))
        }
    }

    /// The one way the store writes a file: whole, to a temporary file beside it, renamed into place, so that a
    /// reader sees the old file or the new one, never a part.
    static func write(_ data: Data, to file: URL) throws {
        try write(to: file) { $0.append([UInt8](data)) }
    }

    /// `write`, the bytes made piece by piece by `body` (a large ledger is never held whole).
    static func write(to file: URL, _ body: (ChunkWriter) throws -> Void) throws {
        try makeFolders(file.deletingLastPathComponent().path)
        let temporary = file.deletingLastPathComponent()
            .appendingPathComponent("." + file.lastPathComponent + ".tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UInt64.random(in: 0...UInt64.max))")
        do {
            let writer = ChunkWriter(handle: try ChunkWriter.create(temporary.path))
            try body(writer)
            try writer.close()
            guard Foundation.rename(temporary.path, file.path) == 0 else {
                throw FileFailure(path: file.path, action: "rename \(temporary.lastPathComponent) to", errno: errno)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    // MARK: Identity

    /// The build tool: its version, and the size and time of its executable, so that a rebuilt tool (even of
    /// the same version) never trusts what another build of it kept.
    static func toolIdentity() -> String {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let fallback = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
        let stamp = FileStamps.of(executable.path) ?? FileStamps.of(fallback.path)
        return "reportsite \(ReportSiteVersion.current) \(stamp.map { "\($0.size) \($0.modified)" } ?? "unknown")"
    }

    /// Every file the last build into `output` left there, as its store names them, whatever tool or format
    /// wrote it (nil without one that says): what a site built before the marker listed its files is made of.
    /// Only the list of paths is read, from the store's manifest or from the cache file before the store.
    static func filesOfLastBuild(output: URL) -> Set<String>? {
        struct Files: Decodable { var files: [String: FileStamps.Stamp] }
        struct Legacy: Decodable { var site: Files? }
        let output = output.standardizedFileURL
        let cache = cacheFolder(output: output)
        let fm = FileManager.default
        if let data = fm.contents(atPath: cache.appendingPathComponent(output.lastPathComponent + ".store/manifest.json").path),
           let files = (try? JSONDecoder().decode(Files.self, from: data))?.files {
            return Set(files.keys)
        }
        guard let data = fm.contents(atPath: cache.appendingPathComponent(output.lastPathComponent + ".json").path),
              let files = (try? JSONDecoder().decode(Legacy.self, from: data))?.site?.files else { return nil }
        return Set(files.keys)
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

    /// The entries of `ledger` whose path `keep` keeps, read back one at a time, as `write(_:to:)` writes them.
    static func write(_ ledger: PageLedger, keeping keep: (String) -> Bool, to writer: ChunkWriter) {
        let kept = ledger.indices.filter { keep(ledger.path($0)) }
            .sorted { ledger.path($0) != ledger.path($1) ? ledger.path($0) < ledger.path($1) : $0 < $1 }
        for i in kept { write([ledger.entry(i)], to: writer) }
    }

    /// How the manifest names the ledger it was written with.
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
