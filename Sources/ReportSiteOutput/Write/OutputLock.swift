import Foundation
import ReportSiteCore
#if canImport(Glibc)
import Glibc
#endif

/// One build at a time into an output folder. A build that writes takes an exclusive `flock` on
/// `.reportsite-cache/<output>.lock`, beside the output, before it looks at the output, and holds it until the new
/// site and its caches are in place. The kernel releases the lock when the process ends, however it ends (a killed
/// build never leaves a folder locked). The file holds the process id of the build that holds it, for the message
/// the next build gives. `reportsite check` writes nothing and takes no lock.
public final class OutputLock: @unchecked Sendable {
    /// What a build does when another one holds the lock.
    public enum Waiting: Sendable {
        /// Wait until it ends; `announce` is called once, with the other build's process id when it is known.
        case wait(announce: @Sendable (Int32?) -> Void)
        /// Give up at once (`--no-wait`).
        case fail
    }

    /// Another build holds the lock and `Waiting.fail` was asked for.
    public struct Busy: Error, Equatable {
        public var pid: Int32?
    }

    public let file: URL
    private var descriptor: Int32

    /// The lock file of builds into `output`.
    public static func file(for output: URL) -> URL {
        let output = output.standardizedFileURL
        return output.deletingLastPathComponent().appendingPathComponent(".reportsite-cache")
            .appendingPathComponent(output.lastPathComponent + ".lock")
    }

    private init(file: URL, descriptor: Int32) {
        self.file = file
        self.descriptor = descriptor
    }

    /// Takes the lock of `output` (creating `.reportsite-cache/` beside it). Throws `Busy` when another build holds
    /// it and `waiting` is `.fail`, a `FileFailure` when the lock file cannot be made.
    public static func acquire(output: URL, waiting: Waiting) throws -> OutputLock {
        let file = file(for: output)
        let folder = file.deletingLastPathComponent()
        try makeFolders(folder.path)
        let fd = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileFailure(path: file.path, action: "open the lock file", errno: errno) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let busy = errno
            guard busy == EWOULDBLOCK else {
                close(fd)
                throw FileFailure(path: file.path, action: "lock", errno: busy)
            }
            let holder = readPID(fd)
            switch waiting {
            case .fail:
                close(fd)
                throw Busy(pid: holder)
            case .wait(let announce):
                announce(holder)
                while flock(fd, LOCK_EX) != 0 {
                    guard errno == EINTR else {
                        let failure = errno
                        close(fd)
                        throw FileFailure(path: file.path, action: "lock", errno: failure)
                    }
                }
            }
        }
        // Ours now: say who holds it.
        let pid = Array("\(getpid())\n".utf8)
        if ftruncate(fd, 0) == 0 {
            _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        }
        return OutputLock(file: file, descriptor: fd)
    }

    /// The process id written in the lock file by the build that holds it (nil when it has not written it yet).
    private static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Lets the next build in (also done by the kernel when the process ends).
    public func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)  // closing the only descriptor of the open file releases the lock
        descriptor = -1
    }

    deinit { release() }
}

/// A file operation that failed, with the system's reason: "cannot create /srv/site/a.html: No space left on
/// device". Thrown instead of Foundation's `CocoaError(.fileWriteUnknown)`, whose text says nothing of the cause.
package struct FileFailure: Error, CustomStringConvertible, LocalizedError {
    public var path: String
    public var action: String
    public var reason: String

    public init(path: String, action: String, errno number: Int32) {
        self.path = path
        self.action = action
        reason = String(cString: strerror(number))
    }

    public init(path: String, action: String, reason: String) {
        self.path = path
        self.action = action
        self.reason = reason
    }

    public init(path: String, action: String, error: Error) {
        self.path = path
        self.action = action
        let text = describeFileError(error)
        reason = text.hasPrefix(path + ": ") ? String(text.dropFirst(path.count + 2)) : text
    }

    public var description: String { "cannot \(action) \(path): \(reason)" }
    public var errorDescription: String? { description }
}

/// The cause of a file error in words: the system's text for the errno under a Foundation error (disk full,
/// permission denied, no such file or directory), never "error 512".
public func describeFileError(_ error: Error) -> String {
    if let failure = error as? FileFailure { return failure.description }
    if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
    let ns = error as NSError
    var reason: String?
    if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError {
        if underlying.domain == NSPOSIXErrorDomain {
            reason = String(cString: strerror(Int32(underlying.code)))
        } else {
            reason = describeFileError(underlying)
        }
    } else if ns.domain == NSPOSIXErrorDomain {
        reason = String(cString: strerror(Int32(ns.code)))
    } else if ns.domain == NSCocoaErrorDomain {
        // The errno Foundation turned into one of its codes, said as the system says it.
        switch CocoaError.Code(rawValue: ns.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: reason = String(cString: strerror(ENOENT))
        case .fileWriteNoPermission, .fileReadNoPermission: reason = String(cString: strerror(EACCES))
        case .fileWriteOutOfSpace: reason = String(cString: strerror(ENOSPC))
        case .fileWriteVolumeReadOnly: reason = String(cString: strerror(EROFS))
        case .fileWriteFileExists: reason = "a file of that name is in the way"
        default: break
        }
    }
    let path = (ns.userInfo[NSFilePathErrorKey] as? String) ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path
    // Foundation's own text without its empty preamble: "A file with the same name already exists."
    var text = reason ?? ns.localizedDescription
    for preamble in ["The operation could not be completed. ", "The operation couldn’t be completed. "] where text.hasPrefix(preamble) {
        text.removeFirst(preamble.count)
    }
    if let path, !text.contains(path) { return "\(path): \(text)" }
    return text
}

/// `mkdir -p`, with the system's reason when a folder cannot be made (Foundation's `createDirectory` says only
/// "error 512" when a file is in the way): "cannot create the folder x/y: a file of that name is in the way".
func makeFolders(_ path: String) throws {
    var info = stat()
    if stat(path, &info) == 0 {
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw FileFailure(path: path, action: "create the folder", reason: "a file of that name is in the way")
        }
        return
    }
    let parent = (path as NSString).deletingLastPathComponent
    if !parent.isEmpty, parent != path { try makeFolders(parent) }
    if mkdir(path, 0o755) != 0, errno != EEXIST {
        throw FileFailure(path: path, action: "create the folder", errno: errno)
    }
}
