import Foundation
import ReportSiteCore
import ReportSiteOutput
import ReportSiteReports
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the analysis stage puts each report's page model (`ReportCoding`'s bytes) for the render stage, so that
/// a report is analysed once per build (issue 20). The models of the whole site are never held in memory: each is
/// written as soon as it is made and read back when its page is rendered.
///
/// - With a build store, a model is the store's entry `model/<key>`, named by its report's analysis key
///   (`AnalysisCache.key`): the next build finds it beside the analysis it takes from the cache, so a page
///   rendered again (a neighbour changed) is not analysed either. A build that fails removes the entries it
///   made (`discardWritten`; not those an earlier build made, which it may have written again), as it writes no
///   analysis.
/// - Without one (`reportsite check`), or when the store cannot be written, the bytes go to a spill file of this
///   build only, removed from its folder as soon as it is opened (nothing is left, even by a killed build).
/// - A model that is nowhere (neither could be written) is made again from the file at render time
///   (`ReportModels`): slower, never wrong.
package final class ModelShelf: @unchecked Sendable {
    /// Where one report's model is.
    package enum Place: Sendable {
        /// The store's entry `model/<key>`.
        case entry(String)
        /// Bytes of the spill file.
        case spill(offset: Int, count: Int)
    }

    package let store: BuildStore?
    private let lock = NSLock()
    /// The spill file (-1: not opened yet; -2: cannot be opened) and its length.
    private var spillFile: Int32 = -1
    private var spillEnd = 0
    private var written: [String] = []

    package init(store: BuildStore?) {
        self.store = store
    }

    deinit {
        if spillFile >= 0 { close(spillFile) }
    }

    /// Keeps `bytes`, the model of the report whose analysis key is `key` (nil: none, no store). Called from the
    /// analysis workers at once. nil when it could not be kept anywhere.
    package func put(_ bytes: [UInt8], key: String?) -> Place? {
        if let store, let key {
            // An entry of an earlier build (`--no-cache` writes it again, a damaged one is mended) is not this
            // build's to remove if it fails: only the entries it made are.
            let earlier = FileManager.default.fileExists(atPath: store.entryFolder(.model).appendingPathComponent(key).path)
            if store.putEntry(.model, name: key, key: key, payload: Data(bytes)) {
                if !earlier {
                    lock.lock()
                    written.append(key)
                    lock.unlock()
                }
                return .entry(key)
            }
        }
        lock.lock()
        if spillFile == -1 { spillFile = Self.openSpill() }
        let file = spillFile
        let offset = spillEnd
        if file >= 0 { spillEnd += bytes.count }
        lock.unlock()
        guard file >= 0 else { return nil }
        let done = bytes.withUnsafeBytes { raw -> Bool in
            var at = 0
            while at < raw.count {
                let n = pwrite(file, raw.baseAddress! + at, raw.count - at, off_t(offset + at))
                if n <= 0 { return false }
                at += n
            }
            return true
        }
        return done ? .spill(offset: offset, count: bytes.count) : nil
    }

    /// The report of `summary` from its model at `place`; nil when it cannot be read, is not a model, or was made
    /// from other bytes than the summary.
    package func model(at place: Place, summary: ReportSummary) -> Report? {
        switch place {
        case .entry(let key):
            // The entry this build (or the build whose analysis it took from the cache) wrote for this key: read
            // even by a store that reads nothing of the previous build (`--no-cache`), as this build wrote it.
            guard let payload = store?.entry(.model, name: key, key: key, ownWrite: true) else { return nil }
            return payload.withUnsafeBytes { ReportCoding.decode($0, summary: summary) }
        case .spill(let offset, let count):
            lock.lock()
            let file = spillFile
            lock.unlock()
            guard file >= 0 else { return nil }
            var bytes = [UInt8](repeating: 0, count: count)
            let whole = bytes.withUnsafeMutableBytes { raw -> Bool in
                var at = 0
                while at < count {
                    let n = pread(file, raw.baseAddress! + at, count - at, off_t(offset + at))
                    if n <= 0 { return false }
                    at += n
                }
                return true
            }
            guard whole else { return nil }
            return bytes.withUnsafeBytes { ReportCoding.decode($0, summary: summary) }
        }
    }

    /// After a build that failed: the model entries it wrote are removed (no analysis of it is kept to name them).
    package func discardWritten() {
        guard let store else { return }
        lock.lock()
        let keys = written
        written = []
        lock.unlock()
        let folder = store.entryFolder(.model)
        for key in keys { try? FileManager.default.removeItem(at: folder.appendingPathComponent(key)) }
    }

    /// A file in the temporary folder, open for reading and writing and already unlinked; -2 when none can be made.
    private static func openSpill() -> Int32 {
        var template = Array((NSTemporaryDirectory() + "/reportsite-models-XXXXXX").utf8CString)
        let file = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard file >= 0 else { return -2 }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return file
    }
}
