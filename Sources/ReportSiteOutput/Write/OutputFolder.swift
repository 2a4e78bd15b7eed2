import Foundation
import ReportSiteCore

/// Decides, before anything is read or written, whether the output folder may be replaced by a new site.
///
/// A build replaces its output folder whole, so the folder must be one that nobody else owns: it does not
/// exist yet, it is empty, or it holds a site that ReportSite wrote (recognised by `OutputFolder.markerName`,
/// which every build writes into the site) and nothing else. The marker lists every file the build wrote; a
/// file or folder that is not listed (a user's `drafts/notes.docx`, a `CNAME` put there by hand) makes the
/// build stop before anything is written, naming it, so that it is never deleted (such files belong in
/// `content/static/`). For a site from before the list, the files named in the page cache the last build wrote
/// beside it are the list; with neither, the marker is trusted as it was.
/// Whatever the marker says, a folder is refused when it is or holds the content, the templates, the working
/// directory, the home folder, `/` or a git work tree, or when it lies inside the content or the templates.
package struct OutputFolder: Sendable {
    /// The file every built site carries at its root.
    public static let markerName = ".reportsite-site"
    /// The text the marker starts with (the same for every build); the list of the site's files follows it
    /// (`marker(listing:)`). A marker of only this text is one written before the list existed.
    public static let markerContents = """
        This folder is a site built by ReportSite (reportsite build).
        The next build replaces the whole folder. It stops, and deletes nothing, when the folder holds a file
        that is not listed below: files to publish with the site belong in content/static/.

        """
    /// The line after which the marker lists the site's files, one a line.
    static let listingHeading = "files:"

    /// The marker of a site made of `paths` (the marker aside): its text, then every path, sorted (byte-identical
    /// for the same site).
    public static func marker(listing paths: some Sequence<String>) -> Data {
        var text = markerContents + listingHeading + "\n"
        for path in paths.filter({ $0 != markerName }).sorted() { text += path + "\n" }
        return Data(text.utf8)
    }

    /// The files a marker lists; nil for a marker without a list.
    static func listing(_ marker: Data) -> Set<String>? {
        let lines = String(decoding: marker, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard let heading = lines.firstIndex(of: Substring(listingHeading)) else { return nil }
        return Set(lines[(heading + 1)...].filter { !$0.isEmpty }.map(String.init))
    }

    /// Why a folder is refused; `description` is the message a user sees.
    public struct Refusal: Error, Equatable, CustomStringConvertible {
        public var folder: String
        public var reason: String
        public var hint: String

        public var description: String {
            "\(folder): error: refusing to use this folder as the output: \(reason)\n  note: \(hint)"
        }
    }

    public let output: URL
    public let content: URL
    public let templates: URL
    public let workingDirectory: URL
    /// The home folder: `$HOME`, and the account's home when it differs.
    public let homes: [URL]

    public init(output: URL, content: URL, templates: URL, workingDirectory: URL,
                homes: [URL] = OutputFolder.homeFolders()) {
        self.output = output
        self.content = content
        self.templates = templates
        self.workingDirectory = workingDirectory
        self.homes = homes
    }

    public static func homeFolders() -> [URL] {
        var homes = [FileManager.default.homeDirectoryForCurrentUser]
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty {
            homes.append(URL(fileURLWithPath: home))
        }
        return homes
    }

    /// Throws a `Refusal` when replacing the output folder could destroy something the build did not write.
    /// `display` turns a URL into the path shown to the user.
    public func check(display: (URL) -> String = { $0.path }) throws {
        let shown = display(output)
        func refuse(_ reason: String, _ hint: String) -> Refusal { Refusal(folder: shown, reason: reason, hint: hint) }
        let otherFolder = "name another folder with --output (the default is `site`)"

        let fm = FileManager.default
        if let attributes = try? fm.attributesOfItem(atPath: output.path),
           attributes[.type] as? FileAttributeType == .typeSymbolicLink {
            throw refuse("it is a symbolic link (to \(display(Self.resolve(output))))",
                         "the build replaces the folder it writes; name the real folder with --output")
        }
        let target = Self.resolve(output)
        let protected: [(URL, String)] = [
            (Self.resolve(content), "the content folder"),
            (Self.resolve(templates), "the templates folder"),
            (Self.resolve(workingDirectory), "the working directory"),
        ]
        if target.path == "/" { throw refuse("it is the root of the file system", otherFolder) }
        if homes.contains(where: { Self.resolve($0).path == target.path }) { throw refuse("it is your home folder", otherFolder) }
        for (folder, name) in protected where target.path == folder.path {
            throw refuse("it is \(name)", otherFolder)
        }
        for (folder, name) in protected where Self.isInside(folder, target) {
            throw refuse("it contains \(name) (\(display(folder)))", otherFolder)
        }
        for (folder, name) in protected.prefix(2) where Self.isInside(target, folder) {
            throw refuse("it lies inside \(name) (\(display(folder)))",
                         "keep the site outside the content and the templates, for example `--output site`")
        }

        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: target.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw refuse("it is a file, not a folder", otherFolder)
        }
        let entries = ((try? fm.contentsOfDirectory(atPath: target.path)) ?? []).sorted()
        if entries.isEmpty { return }
        for guarded in [".git", "content", "reports", "Templates", "Package.swift"] where entries.contains(guarded) {
            throw refuse("it holds `\(guarded)`, so it is a project or a repository, not a site",
                         "the build replaces its output folder whole; \(otherFolder)")
        }
        let earlier = Self.isEarlierSite(entries)
        if entries.contains(Self.markerName) || earlier {
            // The marker's list; for a site from before the list, the files the last build's cache names.
            let marker = fm.contents(atPath: target.appendingPathComponent(Self.markerName).path)
            guard let listed = marker.flatMap(Self.listing) ?? BuildStore.filesOfLastBuild(output: output) else { return }
            let foreign = Self.foreignEntries(in: target, listed: listed)
            guard let first = foreign.first else { return }
            let others = foreign.count - 1
            throw refuse("it holds `\(first)`, a file the build did not write" + (others > 0 ? " (and \(others) more)" : ""),
                         "a build replaces \(shown)/ whole and would delete it: move it into content/static/ "
                         + "(copied into the site at every build) or delete it, then build again")
        }
        let shownEntries = entries.prefix(3).map { "`\($0)`" }.joined(separator: ", ") + (entries.count > 3 ? ", ..." : "")
        throw refuse("it is not empty and holds no site built by ReportSite (it has \(shownEntries))",
                     "the build replaces its output folder whole; \(otherFolder), or empty this one first")
    }

    /// What `site` holds that its marker does not list, sorted: the files, and the folders holding nothing the
    /// build wrote and no file (named with a trailing `/`), by their paths relative to `site`. Symbolic links are not
    /// followed; a listed path that is no longer a regular file is foreign too.
    static func foreignEntries(in site: URL, listed: Set<String>) -> [String] {
        var folders: Set<String> = []
        for path in listed {
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                if !folders.insert(parts.joined(separator: "/")).inserted { break }
                parts = parts.dropLast()
            }
        }
        var foreign: [String] = []
        func walk(_ folder: String, _ prefix: String) {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
            for name in names {
                let relative = prefix.isEmpty ? name : prefix + "/" + name
                if prefix.isEmpty, name == markerName { continue }
                var info = stat()
                guard lstat(folder + "/" + name, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    let before = foreign.count
                    walk(folder + "/" + name, relative)
                    // An empty folder of the user's is named itself.
                    if !folders.contains(relative), foreign.count == before { foreign.append(relative + "/") }
                case S_IFREG where listed.contains(relative):
                    continue
                default:
                    foreign.append(relative)
                }
            }
        }
        walk(site.path, "")
        return foreign
    }

    /// A site written by a ReportSite version from before the marker: it has the three data files every build writes.
    static func isEarlierSite(_ entries: [String]) -> Bool {
        ["anchors.txt", "citations.json", "recommendations.json", "index.html"].allSatisfy(entries.contains)
    }

    /// `inner` lies strictly inside `outer` (both resolved).
    static func isInside(_ inner: URL, _ outer: URL) -> Bool {
        let o = outer.path.hasSuffix("/") ? outer.path : outer.path + "/"
        return inner.path.hasPrefix(o) && inner.path != outer.path
    }

    /// The absolute path with `.`, `..` and symbolic links resolved, also for a path whose end does not exist yet:
    /// the deepest existing folder is resolved and the rest appended.
    static func resolve(_ url: URL) -> URL {
        // `..` is removed as the writer removes it (by name), then the links of what exists are resolved.
        let absolute = url.standardizedFileURL.path
        var existing = absolute
        var rest: [String] = []
        while !existing.isEmpty, existing != "/", !FileManager.default.fileExists(atPath: existing) {
            let u = URL(fileURLWithPath: existing)
            rest.insert(u.lastPathComponent, at: 0)
            existing = u.deletingLastPathComponent().path
        }
        var resolved = existing.isEmpty ? "/" : (realPath(existing) ?? existing)
        for part in rest {
            resolved = (resolved as NSString).appendingPathComponent(part)
        }
        return URL(fileURLWithPath: (resolved as NSString).standardizingPath)
    }

    private static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }
}
