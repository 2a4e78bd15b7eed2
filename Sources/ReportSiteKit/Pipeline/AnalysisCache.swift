import Foundation
import ReportSiteCore
import ReportSiteOutput
import ReportSiteReports

/// The analysis of each report kept between builds, so that a build analyses only the reports whose files
/// changed: one entry per report in the build store (`BuildStore`, `analysis/<key>`), holding its summary and
/// the diagnostics its analysis gave.
///
/// An entry is found by a fingerprint of everything the analysis of one report depends on: the file's bytes
/// and its path as diagnostics show it, the strictness, the configuration files as the build read them
/// (`addressees.yml`, `recommending-verbs.yml`, `site.yml`) and the build tool itself (its version,
/// and the size and time of its executable). An entry of another tool, another vocabulary or another format is
/// never found, so never trusted; one that cannot be read is analysed again. After a build that succeeds, the
/// new entries are written and those no report used are deleted (a build that fails writes nothing).
struct AnalysisCache: Sendable {
    struct Entry: Codable, Sendable {
        var summary: ReportSummary?
        var diagnostics: [Diagnostic]
    }

    let store: BuildStore
    /// The entries of the previous builds of this process (`reportsite serve`), found before the disk's.
    let memory: AnalysisMemory?
    /// The folder of the entries.
    var folder: URL { store.entryFolder(.analysis) }
    /// The fingerprint of what every report's analysis depends on.
    private let context: String

    /// `site`: the fingerprint of the configuration files as the loader read them (`ContentLoader.Site.inputs`).
    /// A store that does not read (`--no-cache`) finds no entry; the analyses of this build are still kept.
    init(store: BuildStore, site: String, strict: Bool, memory: AnalysisMemory? = nil) {
        self.store = store
        self.memory = memory
        var f = Fingerprint()
        f.add(BuildStore.format)
        f.add(store.tool)
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
        if store.reads, let kept = memory?.entry(key) { return kept }
        return store.entry(.analysis, name: key, key: key).flatMap { try? JSONDecoder().decode(Entry.self, from: $0) }
    }

    /// After a build that succeeded: the analyses made by this build (`made`, by key) are written, and the
    /// entries neither made nor found (`used`) deleted. A build that fails calls nothing here, so writes nothing.
    /// A failure to write only costs the next build time.
    func save(made: [String: Entry], used: Set<String>, found: [String: Entry] = [:]) {
        memory?.keep(made.merging(found) { new, _ in new })
        let store = store
        _ = Array(made).parallelMap { key, entry -> Bool in
            guard let data = try? JSONEncoder().encode(entry) else { return false }
            return store.putEntry(.analysis, name: key, key: key, payload: data)
        }
        let kept = used.union(made.keys)
        store.prune(.analysis, keeping: kept)
        // The page model of each report is kept beside its analysis, by the same key (`ModelShelf`).
        store.prune(.model, keeping: kept)
    }
}

/// The analyses a long-running process keeps between its builds (`reportsite serve`), by the same keys as the
/// store's entries: an entry is found for exactly the bytes, path, strictness, configuration and tool it was
/// made from, so it is never stale, and decoding a thousand entries from disk at every save (a fifth of an
/// edit build's instructions at 1,000 reports) is left out. Replaced whole after each build that succeeds, with
/// the entries that build used; a failed build leaves it as it was.
public final class AnalysisMemory: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: AnalysisCache.Entry] = [:]

    public init() {}

    func entry(_ key: String) -> AnalysisCache.Entry? {
        lock.lock()
        defer { lock.unlock() }
        return entries[key]
    }

    func keep(_ kept: [String: AnalysisCache.Entry]) {
        lock.lock()
        entries = kept
        lock.unlock()
    }

    /// How many analyses are kept (tests).
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return entries.count
    }
}
