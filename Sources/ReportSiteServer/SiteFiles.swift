import Foundation

/// Maps a request's path to a file of the site folder, and nothing outside it.
struct SiteFiles: Sendable {
    let root: URL

    enum Resolution: Equatable {
        case file(URL)
        /// A folder asked for without its trailing slash: the same path with one (relative links need it).
        case redirect(String)
        case notFound
        /// A path that tries to leave the site (`..`, an encoded `..`, a NUL) or cannot be decoded.
        case badRequest
    }

    /// `rawPath` is the request target's path as sent, still percent-encoded.
    func resolve(_ rawPath: String) -> Resolution {
        guard rawPath.hasPrefix("/"), let decoded = rawPath.removingPercentEncoding else { return .badRequest }
        // Decoded first, then split: `%2F..%2F` and `%2e%2e` are refused like `/../`.
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        for segment in segments where segment == ".." || segment == "." || segment.contains("\0") || segment.contains("\\") {
            return .badRequest
        }
        let fm = FileManager.default
        var candidate = root
        for segment in segments { candidate.appendPathComponent(segment) }
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: candidate.path, isDirectory: &isDirectory) else { return .notFound }
        if isDirectory.boolValue {
            // From the checked segments, not the raw path: `//example.org` must not become a redirect to a host.
            guard decoded.hasSuffix("/") else {
                let path = segments.map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? $0 }.joined(separator: "/")
                return .redirect("/" + path + (path.isEmpty ? "" : "/"))
            }
            candidate.appendPathComponent("index.html")
            guard fm.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue else { return .notFound }
        }
        // A symbolic link may point anywhere: the real path must still be inside the site's real path.
        guard let real = Self.realPath(candidate.path), let base = Self.realPath(root.path),
              real.hasPrefix(base.hasSuffix("/") ? base : base + "/") else { return .notFound }
        return .file(URL(fileURLWithPath: real))
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The Content-Type of a file of the site, by its extension.
    static func contentType(for path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json; charset=utf-8"
        case "csv": return "text/csv; charset=utf-8"
        case "xml": return "application/xml; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "ico": return "image/x-icon"
        case "pdf": return "application/pdf"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        default: return "application/octet-stream"
        }
    }
}
