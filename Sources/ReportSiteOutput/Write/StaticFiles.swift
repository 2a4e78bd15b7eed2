import Foundation
import ReportSiteCore

/// `content/static/`: files published with the site as they are (`CNAME`, `favicon.ico`, `.nojekyll`, images, the
/// reports' PDFs), copied into the site's root at every build, `static/a/b.pdf` to `a/b.pdf`. Every file is copied,
/// hidden ones included; symbolic links are followed. A file whose path is also one the build writes (a page, a
/// data file, an asset of the templates, the site's marker) is an error, so is a name the site's file list cannot
/// hold (a line break or another control character) and anything that is not a file (a broken link, a socket).
/// Its files are among the build's inputs, so that a change to one makes the next build copy it again.
package struct StaticFiles {
    package static let folderName = "static"

    package struct Problem {
        package var path: String
        package var message: String
        package var hint: String
    }

    /// The folder (`content/static`).
    package let root: URL
    /// Every file by its path in the site, sorted, with the file to copy.
    package private(set) var files: [(path: String, source: URL)] = []
    package private(set) var problems: [Problem] = []

    package init(content: URL) {
        root = content.appendingPathComponent(Self.folderName)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            problems.append(Problem(path: "", message: "`static` in the content folder is a file, not a folder",
                                    hint: "content/static/ holds the files copied as they are into the site; move this file into such a folder"))
            return
        }
        var visited: Set<[UInt64]> = []
        walk(root, "", &visited)
    }

    private mutating func walk(_ folder: URL, _ prefix: String, _ visited: inout Set<[UInt64]>) {
        var info = stat()
        guard stat(folder.path, &info) == 0 else { return }
        // A link back to a folder above: each folder is listed once.
        guard visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else { return }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        } catch {
            problems.append(Problem(path: prefix, message: "cannot read this folder: \(describeFileError(error))",
                                    hint: "make it readable, or remove it from content/static/"))
            return
        }
        for name in names {
            let path = prefix.isEmpty ? name : prefix + "/" + name
            let url = folder.appendingPathComponent(name)
            if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                problems.append(Problem(path: path, message: "the name holds a line break or another control character",
                                        hint: "rename the file: such a name cannot be listed in the site's file list"))
                continue
            }
            var entry = stat()
            guard stat(url.path, &entry) == 0 else {
                problems.append(Problem(path: path, message: "cannot read this file: \(String(cString: strerror(errno)))",
                                        hint: "a symbolic link whose target is missing? fix or remove it"))
                continue
            }
            switch entry.st_mode & S_IFMT {
            case S_IFDIR:
                walk(url, path, &visited)
            case S_IFREG:
                files.append((path, url))
            default:
                problems.append(Problem(path: path, message: "this is not a file (a socket, a device or a pipe)",
                                        hint: "remove it from content/static/"))
            }
        }
    }

    /// The first problem of each static file whose path clashes with `generated` (every file the build wrote, by
    /// its path in the site).
    package func collisions(with generated: Set<String>) -> [Problem] {
        var folders: Set<Substring> = []
        for path in generated {
            var slash = path.lastIndex(of: "/")
            while let end = slash {
                let folder = path[..<end]
                if !folders.insert(folder).inserted { break }
                slash = folder.lastIndex(of: "/")
            }
        }
        var found: [Problem] = []
        let hint = "rename or remove the file in content/static/; to change a page the build makes, change the templates"
        for (path, _) in files {
            if generated.contains(path) || path == OutputFolder.markerName {
                found.append(Problem(path: path, message: "`\(path)` is also a file the build writes; a static file cannot replace it", hint: hint))
            } else if folders.contains(Substring(path)) {
                found.append(Problem(path: path, message: "`\(path)` is a folder of the site the build writes; a static file cannot replace it", hint: hint))
            } else {
                var folder = path.lastIndex(of: "/").map { path[..<$0] }
                while let f = folder, !generated.contains(String(f)) { folder = f.lastIndex(of: "/").map { f[..<$0] } }
                if let f = folder {
                    found.append(Problem(path: path, message: "`\(f)` is a file the build writes, so it cannot be a folder of static files", hint: hint))
                }
            }
        }
        return found
    }
}
