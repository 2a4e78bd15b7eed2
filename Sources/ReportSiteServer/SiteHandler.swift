import FlyingFox
import Foundation

/// Answers every request: the site's files (GET and HEAD only), and the live-reload endpoints.
struct SiteHandler: HTTPHandler {
    let files: SiteFiles
    let status: BuildStatus

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return respond(request, .methodNotAllowed, type: "text/plain; charset=utf-8",
                           body: Data("Only GET and HEAD are served.\n".utf8), extra: [.allow: "GET, HEAD"])
        }
        let rawPath = request.target.path()
        if rawPath.hasPrefix(LiveReload.prefix) {
            return await live(request, path: rawPath)
        }
        switch files.resolve(rawPath) {
        case .badRequest:
            return respond(request, .badRequest, type: "text/plain; charset=utf-8", body: Data("Bad request: this path is not inside the site.\n".utf8))
        case .redirect(let location):
            let query = request.target.query()
            return respond(request, .found, type: "text/plain; charset=utf-8", body: Data(),
                           extra: [.location: location + (query.isEmpty ? "" : "?" + query)])
        case .file(let url):
            // The count of site builds before the file is read: a build that swaps the site in between makes the
            // page reload once more, never keeps an old page that believes it is new.
            let site = status.snapshot().site
            guard let data = try? Data(contentsOf: url) else { return notFound(request) }
            return file(request, data: data, path: url.path, status: .ok, site: site)
        case .notFound:
            return notFound(request)
        }
    }

    private func live(_ request: HTTPRequest, path: String) async -> HTTPResponse {
        switch path {
        case LiveReload.scriptPath:
            return respond(request, .ok, type: "text/javascript; charset=utf-8", body: Data(LiveReload.script.utf8))
        case LiveReload.waitPath:
            let known = request.query.first { $0.name == "version" }.flatMap { Int($0.value) } ?? -1
            // Woken when a build is recorded (the reload follows its site at once), or by the time limit.
            let snapshot = await status.next(after: known, within: LiveReload.holdSeconds)
            return respond(request, .ok, type: "application/json; charset=utf-8", body: LiveReload.json(snapshot))
        default:
            return notFound(request)
        }
    }

    /// The site's `404.html`, with status 404; a line of text when the site has none. With no site at all
    /// (the first build failed), HTML requests get a page that says so, with the errors' banner.
    private func notFound(_ request: HTTPRequest) -> HTTPResponse {
        let page = files.root.appendingPathComponent("404.html")
        let site = status.snapshot().site
        if let data = try? Data(contentsOf: page) {
            return file(request, data: data, path: page.path, status: .notFound, site: site)
        }
        if !FileManager.default.fileExists(atPath: files.root.appendingPathComponent("index.html").path) {
            return respond(request, .notFound, type: "text/html; charset=utf-8", body: LiveReload.noSitePage(status.snapshot()))
        }
        return respond(request, .notFound, type: "text/plain; charset=utf-8", body: Data("Not found.\n".utf8))
    }

    private func file(_ request: HTTPRequest, data: Data, path: String, status code: HTTPStatusCode, site: Int) -> HTTPResponse {
        let type = SiteFiles.contentType(for: path)
        let body = type.hasPrefix("text/html") ? LiveReload.inject(into: data, site: site) : data
        return respond(request, code, type: type, body: body)
    }

    /// Every response: its type, its length, never cached (a page must be the last build's); HEAD gets no body.
    private func respond(_ request: HTTPRequest, _ code: HTTPStatusCode, type: String, body: Data,
                         extra: [HTTPHeader: String] = [:]) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        headers[.contentLength] = String(body.count)
        headers[HTTPHeader("X-Content-Type-Options")] = "nosniff"
        for (name, value) in extra { headers[name] = value }
        return HTTPResponse(statusCode: code, headers: headers, body: request.method == .HEAD ? Data() : body)
    }
}

extension HTTPHeader {
    static let allow = HTTPHeader("Allow")
}
