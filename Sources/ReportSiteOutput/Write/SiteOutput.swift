import Foundation
import ReportSiteCore

/// One file of the site as the render stage made it (issue 20, "render returns values"): its bytes, or the
/// token of a file of the previous site that is the same (reused: linked, not rendered), with what the rest of
/// the build needs of it: its ids and links for the ledger, the store key it was made from, the images it uses.
/// Rendering returns these; it writes nothing and touches no shared object. `SiteOutput` folds them in.
package struct RenderedFile: Sendable {
    package enum Body: Sendable {
        case bytes(Data)
        /// The published file of the previous build (its path), to put into the new site as it is.
        case reused(String)
    }

    var path: String
    var body: Body
    /// The digest of the inputs it was made from, kept in the store's manifest (nil: never reused).
    var key: String?
    var entry: PageEntry
    package var images: [String] = []

    /// A file made from `bytes` (scanned for the ledger when it is a page).
    package init(path: String, bytes: Data, key: String? = nil, images: [String] = []) {
        self.path = path
        body = .bytes(bytes)
        self.key = key
        entry = PageEntry(OutputFile(path: path, contents: bytes))
        self.images = images
    }

    package init(path: String, body: Body, key: String?, entry: PageEntry, images: [String]) {
        (self.path, self.body, self.key, self.entry, self.images) = (path, body, key, entry, images)
    }

    /// The file at `path`: the previous build's when the store has it for `key` (its ids and links from that
    /// build's ledger, or read back from it), else made by `render` (its bytes and the images it uses). Without
    /// a store or a key the file is always made.
    package static func make(_ path: String, key: String?, store: BuildStore?, ledger: [String: PageEntry],
                             render: () throws -> (Data, [String])) throws -> RenderedFile {
        if let key, let store, let reuse = store.reuse(path: path, key: key) {
            let entry = path.hasSuffix(".html")
                ? ledger[path] ?? FileManager.default.contents(atPath: reuse.file).map { PageEntry(OutputFile(path: path, contents: $0)) }
                : PageEntry(path: path, ids: nil, links: [])
            if let entry { return RenderedFile(path: path, body: .reused(reuse.file), key: key, entry: entry, images: reuse.images) }
        }
        let (bytes, images) = try render()
        return RenderedFile(path: path, bytes: bytes, key: key, images: images)
    }
}

/// The one writer of a build: the values the render stage returns are folded in here, in the site's order, a
/// few at a time (`stream`), so that memory holds a few pages, never the site. It writes each
/// file into the staging folder (or links the reused one), notes its ledger entry, and notes its key and images
/// for the store's next manifest. Nothing else writes the site, and nothing is shared between workers.
package final class SiteOutput {
    package let staging: StagingFolder
    /// Where reusable files are found and what this build made is kept (nil: nothing is reused or kept).
    package let store: BuildStore?
    /// The ids and links of the previous build's reusable pages (read once, before the first page).
    package let previousLedger: [String: PageEntry]
    package private(set) var ledger = PageLedger()
    package private(set) var made = BuildStore.Made()
    /// The pages taken from the previous build (search chunks reused are not counted).
    package private(set) var reused: [String] = []

    package init(staging: StagingFolder, store: BuildStore?) {
        self.staging = staging
        self.store = store
        previousLedger = store?.previous == nil ? [:] : store!.previousLedger()
    }

    /// How many results may be made ahead of the one the writer folds next: four a core, enough to keep every
    /// core busy while the pages differ in size, few enough that what waits (a report's page, search chunks and
    /// words are a few hundred kilobytes) stays a few megabytes. The output does not depend on it.
    static let window = 4 * max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Makes `count` results on every core (`make` must touch no shared mutable state) and hands each, in order,
    /// to `fold` on this thread as soon as it and those before it are made: the writer works while the next
    /// results are made, and no more than `window` results wait at any time. The first failure stops the work.
    package func stream<T: Sendable>(_ count: Int, make: @Sendable (Int) throws -> T, fold: (T) throws -> Void) throws {
        guard count > 0 else { return }
        let queue = ReorderWindow<T>(count: count, window: Self.window)
        let group = DispatchGroup()
        try withoutActuallyEscaping(make) { make in
            for _ in 0..<min(count, max(1, ProcessInfo.processInfo.activeProcessorCount)) {
                DispatchQueue.global().async(group: group) {
                    while let i = queue.take() { queue.put(i, Result { try make(i) }) }
                }
            }
            defer {
                queue.stop()
                group.wait()  // no worker outlives `make`
            }
            for i in 0..<count { try fold(try queue.result(i).get()) }
        }
    }

    /// Writes files into the site and folds them in, in order.
    package func put(_ files: [RenderedFile]) throws {
        for file in files {
            try Self.place(file, in: staging)
            ledger.add(file.entry)
            if let key = file.key {
                made.keys[file.path] = key
                if !file.images.isEmpty { made.images[file.path] = file.images }
            }
            if case .reused = file.body, file.entry.isPage { reused.append(file.path) }
        }
    }

    package func put(_ file: RenderedFile) throws { try put([file]) }

    /// A file that is not a page, written piece by piece by `body` (a large data file is never held whole).
    package func stream(to path: String, _ body: (ChunkWriter) throws -> Void) throws {
        try staging.stream(to: path, body)
        ledger.add(PageEntry(path: path, ids: nil, links: []))
    }

    /// A file that is not a page, streamed into the staging folder by the caller (the data files, side by side).
    package func noteStreamed(_ path: String) {
        ledger.add(PageEntry(path: path, ids: nil, links: []))
    }

    private static func place(_ file: RenderedFile, in staging: StagingFolder) throws {
        switch file.body {
        case .bytes(let bytes): try staging.write(bytes, to: file.path)
        case .reused(let source): _ = try staging.link(source, to: file.path)
        }
    }
}

/// The results of `SiteOutput.stream` between the workers that make them and the writer that folds them: indexes
/// are handed out in order, and none more than `window` ahead of the next to fold, so that the next one is always
/// being made and the results waiting stay few.
private final class ReorderWindow<T: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let window: Int
    private var next = 0
    private var folded = 0
    private var stopped = false
    private var made: [Int: Result<T, Error>] = [:]

    init(count: Int, window: Int) {
        self.count = count
        self.window = max(1, window)
    }

    /// The next index to make, once the window has room; nil when all are handed out or the work stopped.
    func take() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped, next < count, next >= folded + window { condition.wait() }
        guard !stopped, next < count else { return nil }
        next += 1
        return next - 1
    }

    func put(_ index: Int, _ result: Result<T, Error>) {
        condition.lock()
        made[index] = result
        condition.broadcast()
        condition.unlock()
    }

    /// Result `index` once it is made (indexes asked in order), which makes room in the window.
    func result(_ index: Int) -> Result<T, Error> {
        condition.lock()
        defer { condition.unlock() }
        while made[index] == nil { condition.wait() }
        folded = index + 1
        condition.broadcast()
        return made.removeValue(forKey: index)!
    }

    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}
