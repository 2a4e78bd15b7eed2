import Foundation

/// The files under a folder, as a reader of the folder sees them: symbolic links to files and to folders are
/// followed (a shared `partials/` or `assets/` linked into the templates, a year's reports linked into
/// `content/reports/`), each folder is visited once (a link back to a folder above is not followed again), and
/// paths are relative to the folder, sorted. What `FileManager`'s enumerator does not do: it lists a linked
/// folder as one entry and never looks inside.
public enum FolderWalk {
    /// Regular files, by path relative to `folder`, sorted; with `folders: true`, the folders too.
    public static func paths(in folder: URL, folders: Bool = false) -> [String] {
        var out: [String] = []
        var visited: Set<[UInt64]> = []
        walk(folder, "", &visited) { path, isFolder in
            if !isFolder || folders { out.append(path) }
        }
        return out.sorted()
    }

    /// Visits every entry under `folder` (a folder before what it holds), following links; `visit` gets the
    /// relative path and whether it is a folder. Entries that are neither (a broken link, a socket) are skipped.
    static func walk(_ folder: URL, _ prefix: String, _ visited: inout Set<[UInt64]>, _ visit: (String, Bool) -> Void) {
        var info = stat()
        guard stat(folder.path, &info) == 0, visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else { return }
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() {
            let path = prefix.isEmpty ? name : prefix + "/" + name
            let url = folder.appendingPathComponent(name)
            var entry = stat()
            guard stat(url.path, &entry) == 0 else { continue }
            switch entry.st_mode & S_IFMT {
            case S_IFDIR:
                visit(path, true)
                walk(url, path, &visited, visit)
            case S_IFREG:
                visit(path, false)
            default:
                continue
            }
        }
    }
}
