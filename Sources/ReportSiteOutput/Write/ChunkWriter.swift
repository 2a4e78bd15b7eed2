import Foundation
import ReportSiteCore

/// Bytes written to a file as they are made, a megabyte at a time, so that a data file of tens of megabytes
/// (the JSON and CSV of a large site, its anchor manifest) is never held whole in memory. Without a file
/// (`reportsite check`) the bytes are dropped; `inMemory` keeps them all (tests, and small files).
package final class ChunkWriter {
    private let handle: FileHandle?
    private let keep: Bool
    package private(set) var buffer: [UInt8] = []
    /// The first write that failed, reported when the file is closed.
    private var failure: Error?
    package static let chunk = 1 << 20
    /// How many bytes gather before they are written.
    package let chunk: Int

    init(handle: FileHandle?, chunk: Int = ChunkWriter.chunk) {
        self.handle = handle
        self.chunk = chunk
        keep = false
    }

    private init(keeping: Bool) {
        handle = nil
        chunk = Self.chunk
        keep = keeping
    }

    package static func inMemory() -> ChunkWriter { ChunkWriter(keeping: true) }

    /// A new, empty file to write (an existing one is emptied); throws the system's reason when it cannot be made.
    static func create(_ path: String) throws -> FileHandle {
        // 0666 less the umask, as every other tool makes files (a group-writable publishing folder stays so).
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw FileFailure(path: path, action: "create", errno: errno) }
        return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    package func append(_ bytes: [UInt8]) {
        buffer += bytes
        flushIfFull()
    }

    package func append(_ text: String) {
        buffer += text.utf8
        flushIfFull()
    }

    /// Takes `bytes` over (leaving it empty) once a chunk has gathered.
    package func take(_ bytes: inout [UInt8]) {
        buffer += bytes
        bytes.removeAll(keepingCapacity: true)
        flushIfFull()
    }

    private func flushIfFull() {
        if !keep, buffer.count >= chunk { flush() }
    }

    private func flush() {
        guard !keep else { return }
        if let handle, failure == nil {
            do { try handle.write(contentsOf: buffer) } catch { failure = error }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is left and closes the file; throws the first failure.
    func close() throws {
        flush()
        try handle?.close()
        if let failure { throw failure }
    }
}

extension StagingFolder {
    /// A file of the site written piece by piece by `body` (counted, and dropped, without a folder).
    package func stream(to path: String, _ body: (ChunkWriter) throws -> Void) throws {
        var handle: FileHandle?
        if let target = try placeForStream(path) {
            handle = try ChunkWriter.create(target)
        }
        let writer = ChunkWriter(handle: handle)
        do {
            try body(writer)
        } catch {
            try? handle?.close()
            throw error
        }
        try writer.close()
    }
}
