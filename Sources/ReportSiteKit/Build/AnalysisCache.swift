import Foundation

/// The analysis of each report kept between builds, so that a build analyses only the reports whose files
/// changed: `.reportsite-cache/<output>.analysis/`, beside the output folder, one file per report holding its
/// summary and the diagnostics its analysis gave.
///
/// An entry is found by a fingerprint of everything the analysis of one report depends on: the file's bytes
/// and its path as diagnostics show it, the strictness, the configuration files as the build read them
/// (`addressees.yml`, `recommending-verbs.yml`, `site.yml`) and the build tool itself (its version,
/// and the size and time of its executable). A cache written by another tool, another vocabulary or another
/// format is never found, so never trusted. An entry that cannot be read is analysed again. After a build that
/// succeeds, the new entries are written and those no report used are deleted (a build that fails writes
/// nothing); deleting the folder only makes the next build a full one.
final class AnalysisCache: @unchecked Sendable {
    static let format = 3

    struct Entry: Codable {
        var summary: ReportSummary?
        var diagnostics: [Diagnostic]
    }

    let folder: URL
    /// The fingerprint of what every report's analysis depends on.
    private let context: String
    private let lock = NSLock()
    private var used: Set<String> = []
    private var pending: [String: Entry] = [:]

    /// `site`: the fingerprint of the configuration files as the loader read them (`ContentLoader.Site.inputs`).
    /// false: no entry is read (`--no-cache`); the analyses of this build are still kept for the next one.
    let reads: Bool

    init(output: URL, site: String, strict: Bool, read: Bool = true, tool: String = PageCache.toolIdentity()) {
        reads = read
        let output = output.standardizedFileURL
        folder = output.deletingLastPathComponent().appendingPathComponent(".reportsite-cache")
            .appendingPathComponent(output.lastPathComponent + ".analysis")
        var f = Fingerprint()
        f.add(Self.format)
        f.add(tool)
        f.add(strict ? "strict" : "lenient")
        f.add(site)
        context = f.hex
    }

    /// The name of the entry of a report file: its path as diagnostics show it, and the digest of its bytes
    /// (`fileDigest`).
    func key(path: String, digest: String) -> String {
        var f = Fingerprint()
        f.add(context)
        f.add(path)
        f.add(digest)
        return f.hex
    }

    /// The analysis a previous build made of these very bytes, if it is kept.
    func analysis(key: String) -> Entry? {
        guard reads, let data = FileManager.default.contents(atPath: folder.appendingPathComponent(key + ".json").path),
              let entry = try? JSONDecoder().decode(Entry.self, from: data) else { return nil }
        note(key)
        return entry
    }

    /// Keeps a report's analysis for the next build: its summary (nil when the file could not be used) and every
    /// diagnostic of reading and analysing it. Written by `save`, after the build succeeded.
    func store(_ entry: Entry, key: String) {
        lock.lock()
        used.insert(key)
        pending[key] = entry
        lock.unlock()
    }

    private func note(_ key: String) {
        lock.lock()
        used.insert(key)
        lock.unlock()
    }

    /// After a build that succeeded: the new analyses are written, and the entries no report used deleted.
    /// A build that fails writes nothing here. A failure to write only costs the next build time.
    func save() {
        lock.lock()
        let (keep, entries) = (used, pending)
        pending = [:]
        lock.unlock()
        let fm = FileManager.default
        let encoder = JSONEncoder()
        if !entries.isEmpty { try? fm.createDirectory(at: folder, withIntermediateDirectories: true) }
        _ = Array(entries).parallelMap { key, entry -> Bool in
            guard let data = try? encoder.encode(entry) else { return false }
            return (try? data.write(to: folder.appendingPathComponent(key + ".json"), options: .atomic)) != nil
        }
        for name in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? [] {
            guard name.hasSuffix(".json"), !keep.contains(String(name.dropLast(5))) else { continue }
            try? fm.removeItem(at: folder.appendingPathComponent(name))
        }
    }
}
