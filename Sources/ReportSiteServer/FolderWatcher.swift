import Foundation
import ReportSiteKit

/// Notices changes in folders by reading the size and modification time of each of their files every few
/// hundred milliseconds (`FileStamps`, `stat` and `readdir`; no inotify, so it works the same on Linux and
/// macOS and through editors that replace a file instead of writing it). Editors' temporary files are ignored.
struct FolderWatcher: Sendable {
    /// Every watched file, by its path, with its stamp.
    typealias Snapshot = [String: FileStamps.Stamp]

    let folders: [URL]

    func snapshot() -> Snapshot {
        var files: Snapshot = [:]
        for folder in folders {
            for (relative, stamp) in FileStamps.tree(folder.path) ?? [:] where !Self.isIgnored(relative) {
                files[folder.path + "/" + relative] = stamp
            }
        }
        return files
    }

    /// vim's `.swp`/`.swo`/`.swx` and its `4913` probe, backups ending in `~`, Emacs's `.#lock` and `#autosave#`.
    static func isIgnored(_ relativePath: String) -> Bool {
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        return name.hasSuffix(".swp") || name.hasSuffix(".swo") || name.hasSuffix(".swx") || name.hasSuffix("~")
            || name.hasPrefix(".#") || (name.hasPrefix("#") && name.hasSuffix("#")) || name == "4913"
            || name == ".DS_Store"
    }

    /// The paths that differ between two snapshots (added, removed or changed), sorted.
    static func changes(from old: Snapshot, to new: Snapshot) -> [String] {
        Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.sorted()
    }
}
