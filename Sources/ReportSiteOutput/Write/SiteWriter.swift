import CAtomicSwap
import Foundation
import ReportSiteCore

/// Where the pages of a build go as they are rendered: a staging folder next to the output, which replaces the
/// output only when the whole build succeeded (`commit`). A failed build discards it (`discard`), a killed one
/// leaves it for the next build to remove; either way the old site stays as it was. Without a folder
/// (`reportsite check`) the files are counted and dropped. Files may be written from several threads at once.
package final class StagingFolder: @unchecked Sendable {
    /// nil: nothing is written.
    public let url: URL?
    /// `url`'s path: files are placed by joining paths (a `URL` a file cost more than placing it).
    private let root: String?
    private let lock = NSLock()
    private var folders: Set<String> = []
    private var written = 0
    private var writtenPaths: Set<String> = []

    /// A staging folder for `writer`'s output, created now (stale ones of killed builds are removed first).
    public init(writer: SiteWriter) throws {
        let fm = FileManager.default
        try makeFolders(writer.parent.path)
        writer.removeStaleStaging()
        let staging = writer.parent.appendingPathComponent(writer.stagingPrefix + "\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(at: staging)
        try makeFolders(staging.path)
        url = staging
        root = staging.path
    }

    /// Counts files and writes nothing.
    public init() {
        url = nil
        root = nil
    }

    /// How many files were written (or counted).
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return written
    }

    /// The path in the site of every file written (or counted).
    public var paths: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return writtenPaths
    }

    public func write(_ file: OutputFile) throws {
        try write(file.contents, to: file.path)
    }

    /// Writes a file of the site. Not synced to the disk file by file (Foundation's `Data.write` syncs each one,
    /// which made a few hundred rewritten files of an incremental build wait on the disk one after the other):
    /// a killed build leaves its staging folder unused whatever it holds, and the swap is what makes a site.
    public func write(_ contents: Data, to path: String) throws {
        guard let target = try place(path) else { return }
        try Self.writeWhole(contents, to: target)
    }

    /// `contents` into a new (or emptied) file at `path`, with `write(2)` until every byte is written.
    static func writeWhole(_ contents: Data, to path: String) throws {
        // 0666 less the umask, as every other tool makes files (a group-writable publishing folder stays so).
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw FileFailure(path: path, action: "create", errno: errno) }
        var failure: Int32 = 0
        contents.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let wrote = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if wrote < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += wrote
            }
        }
        if close(fd) != 0, failure == 0 { failure = errno }
        if failure != 0 { throw FileFailure(path: path, action: "write", errno: failure) }
    }

    /// Copies a file as it is (the template assets).
    public func copy(_ source: URL, to path: String) throws {
        guard let target = try place(path) else { return }
        try FileManager.default.copyItem(at: source, to: URL(fileURLWithPath: target, isDirectory: false))
    }

    /// Puts a file of the previous site into this one as it is: a hard link (a copy where links are not possible).
    /// Returns where it now is.
    @discardableResult
    func link(_ source: String, to path: String) throws -> String? {
        guard let target = try place(path) else { return nil }
        if Foundation.link(source, target) != 0 {
            try? FileManager.default.removeItem(atPath: target)
            try FileManager.default.copyItem(atPath: source, toPath: target)
        }
        return target
    }

    /// `place`, for `stream`.
    func placeForStream(_ path: String) throws -> String? { try place(path) }

    /// Counts a file and makes its folder; nil when nothing is written (`reportsite check`). A folder is noted as
    /// made only once it is made: a file placed from another thread meanwhile makes it too (making a folder that
    /// is there is nothing), and never finds it noted but missing.
    private func place(_ path: String) throws -> String? {
        lock.lock()
        written += 1
        writtenPaths.insert(path)
        lock.unlock()
        guard let root else { return nil }
        let target = root + "/" + path
        let folder = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { root + "/" + String(path[..<$0]) } ?? root
        lock.lock()
        let made = folders.contains(folder)
        lock.unlock()
        if !made {
            try makeFolders(folder)
            lock.lock()
            folders.insert(folder)
            lock.unlock()
        }
        return target
    }

    /// Removes the staging folder (a failed build).
    public func discard() {
        if let url { try? FileManager.default.removeItem(at: url) }
    }
}

/// The write stage's two ends: a staging folder is made next to the output before the first page is rendered,
/// and swapped in place of the output at the end. A failed or killed build leaves the old site as it was;
/// the next build removes the temporary folders a killed build left behind.
package struct SiteWriter: Sendable {
    public let output: URL

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    var parent: URL { output.deletingLastPathComponent() }
    var stagingPrefix: String { "." + output.lastPathComponent + ".tmp-" }

    /// Puts the staging folder in place of the output. On Linux the two are exchanged in one step (the staging
    /// folder then holds the old site); elsewhere the old site is moved aside first. Returns the folder that holds
    /// the old site, for the caller to remove (`removeOldSite`), so that removing it can overlap other work; a
    /// build killed before it is removed leaves it under the staging prefix, and the next build removes it.
    public func commit(_ staging: StagingFolder) throws -> URL? {
        guard let url = staging.url else { return nil }
        do {
            return try swap(url)
        } catch {
            staging.discard()
            throw error
        }
    }

    /// Removes the old site `commit` swapped out.
    public static func removeOldSite(_ folder: URL?) {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    private func swap(_ staging: URL) throws -> URL? {
        let fm = FileManager.default
        // The pages are written without a sync each (one a file cost more than writing them): one sync of the file
        // system here puts them all on disk before the swap publishes them, so a machine that stops just after it
        // cannot leave a published site of empty or short files. A file system that cannot sync is not an error.
        _ = reportsite_sync_file_system(staging.path)
        guard fm.fileExists(atPath: output.path) else {
            try fm.moveItem(at: staging, to: output)
            return nil
        }
        if reportsite_exchange_paths(staging.path, output.path) == 0 { return staging }
        let old = parent.appendingPathComponent(stagingPrefix + "old-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(at: old)
        try fm.moveItem(at: output, to: old)
        do {
            try fm.moveItem(at: staging, to: output)
        } catch {
            try? fm.moveItem(at: old, to: output)
            throw error
        }
        return old
    }

    /// Where the system cannot exchange two folders in one step, a build killed between moving the old site
    /// aside and moving the new one in leaves no output: put the old site back. Run at the start of every
    /// build, so that even a build that then fails leaves the previous site in place.
    public func restoreInterruptedSwap() {
        let fm = FileManager.default
        guard !fm.fileExists(atPath: output.path) else { return }
        let names = ((try? fm.contentsOfDirectory(atPath: parent.path)) ?? []).filter { $0.hasPrefix(stagingPrefix + "old-") }.sorted()
        if let last = names.last { try? fm.moveItem(at: parent.appendingPathComponent(last), to: output) }
    }

    /// Temporary folders of earlier builds that were killed before they finished.
    /// A leftover `old-` folder is a complete old site whose swap was cut short: if the output is missing, it is restored.
    package func removeStaleStaging() {
        let fm = FileManager.default
        let names = ((try? fm.contentsOfDirectory(atPath: parent.path)) ?? []).filter { $0.hasPrefix(stagingPrefix) }.sorted()
        for name in names {
            let url = parent.appendingPathComponent(name)
            if name.hasPrefix(stagingPrefix + "old-"), !fm.fileExists(atPath: output.path) {
                try? fm.moveItem(at: url, to: output)
            } else {
                try? fm.removeItem(at: url)
            }
        }
    }
}
