import Foundation
import ReportSiteCore

/// The size and modification time of files, read with `stat` and `readdir` directly. `FileManager`'s attributes
/// also look up the owner's name and the extended attributes of every file: for the 2,000 files of a
/// 1,000-report site, read twice a build, that was most of an incremental build's system time.
public enum FileStamps {
    public struct Stamp: Codable, Equatable, Sendable {
        public var size: UInt64
        public var modified: Double
    }

    /// The stamp of a regular file (nil for anything else, a symbolic link included, or when it cannot be read).
    public static func of(_ path: String) -> Stamp? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        #if os(Linux)
        let time = info.st_mtim
        #else
        let time = info.st_mtimespec
        #endif
        return Stamp(size: UInt64(info.st_size), modified: Double(time.tv_sec) + Double(time.tv_nsec) / 1e9)
    }

    /// Every regular file under `root`, by path relative to it (nil when `root` cannot be read). Symbolic links
    /// are not followed.
    public static func tree(_ root: String) -> [String: Stamp]? {
        var files: [String: Stamp] = [:]
        func walk(_ folder: String, _ prefix: String) -> Bool {
            guard let dir = opendir(folder) else { return false }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                let name = withUnsafePointer(to: &entry.pointee.d_name) {
                    String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
                }
                if name == "." || name == ".." { continue }
                let path = folder + "/" + name
                let relative = prefix.isEmpty ? name : prefix + "/" + name
                var type = entry.pointee.d_type
                if type == UInt8(DT_UNKNOWN) {
                    var info = stat()
                    guard lstat(path, &info) == 0 else { continue }
                    type = info.st_mode & S_IFMT == S_IFDIR ? UInt8(DT_DIR) : info.st_mode & S_IFMT == S_IFREG ? UInt8(DT_REG) : 0
                }
                if type == UInt8(DT_DIR) {
                    _ = walk(path, relative)
                } else if type == UInt8(DT_REG), let stamp = of(path) {
                    files[relative] = stamp
                }
            }
            return true
        }
        return walk(root, "") ? files : nil
    }
}
