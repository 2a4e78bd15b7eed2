import Foundation

/// Bytes a build writes once and reads back later (the ledger's entries, the search words): a spill file of the
/// build in the temporary folder, open and already unlinked (nothing is left on disk, even by a killed build), or
/// memory when none can be made or written. Appends and reads may come from any thread.
package final class SpillBytes: @unchecked Sendable {
    private let name: String
    private let lock = NSLock()
    /// -1: not opened yet; -2: none (memory only).
    private var file: Int32 = -1
    private var end = 0
    private var memory: [UInt8] = []

    /// `name` is in the spill file's name (`reportsite-<name>-XXXXXX`).
    package init(name: String) {
        self.name = name
    }

    deinit {
        if file >= 0 { close(file) }
    }

    /// Appends `data`; returns where it is.
    package func append(_ data: [UInt8]) -> (offset: Int, inFile: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if file == -1 { file = Self.openSpill(name) }
        if file >= 0 {
            let written = data.withUnsafeBytes { raw -> Bool in
                var at = 0
                while at < raw.count {
                    let n = pwrite(file, raw.baseAddress! + at, raw.count - at, off_t(end + at))
                    if n < 0, errno == EINTR { continue }
                    guard n > 0 else { return false }
                    at += n
                }
                return true
            }
            if written {
                end += data.count
                return (end - data.count, true)
            }
        }
        memory += data
        return (memory.count - data.count, false)
    }

    package func read(offset: Int, count: Int, inFile: Bool) -> [UInt8] {
        guard inFile else {
            lock.lock()
            defer { lock.unlock() }
            return Array(memory[offset..<(offset + count)])
        }
        lock.lock()
        let file = self.file
        lock.unlock()
        var out = [UInt8](repeating: 0, count: count)
        let done = out.withUnsafeMutableBytes { raw -> Bool in
            var at = 0
            while at < count {
                let n = pread(file, raw.baseAddress! + at, count - at, off_t(offset + at))
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { return false }
                at += n
            }
            return true
        }
        // The file is this build's own, unlinked, written before: it cannot be read short but by a failing disk.
        precondition(done, "the build's spill file (\(name)) could not be read back (errno \(errno))")
        return out
    }

    /// A file in the temporary folder, open for reading and writing and already unlinked; -2 when none can be made.
    private static func openSpill(_ name: String) -> Int32 {
        var template = Array((NSTemporaryDirectory() + "/reportsite-\(name)-XXXXXX").utf8CString)
        let file = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard file >= 0 else { return -2 }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return file
    }
}
