import Foundation
@testable import ReportSiteServer
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `reportsite serve`, through the real command: a subprocess on a copy of the content, asked with a raw HTTP
/// client (exact paths, `..` included, as a browser would never send them).
final class ServeTests: XCTestCase {
    /// Pages, types, the reload script in HTML responses only (never on disk), redirects, 404, HEAD; a change
    /// rebuilds and the page changes; a broken report is an error in the wait response while the last good page
    /// stays served; its fix clears the errors; SIGINT ends with exit 0 and releases the port.
    func testServesRebuildsShowsErrorsAndStopsCleanly() throws {
        let work = try copyOfContent()
        let server = try ServeProcess(in: work, test: self)
        let site = work.appendingPathComponent("site")

        // The site, as built, with the script added to HTML responses only.
        let index = try http(server.port, "GET", "/")
        XCTAssertEqual(index.status, 200)
        XCTAssertEqual(index.headers["content-type"], "text/html; charset=utf-8")
        XCTAssertEqual(index.headers["cache-control"], "no-store")
        XCTAssertTrue(index.text.contains("<script src=\"/__reportsite/reload.js\" data-reportsite-site=\"1\"></script></body>"), index.text)
        let onDisk = try Data(contentsOf: site.appendingPathComponent("index.html"))
        XCTAssertEqual(index.body.count, onDisk.count + Data("<script src=\"/__reportsite/reload.js\" data-reportsite-site=\"1\"></script>".utf8).count)
        for file in ["index.html", "A/58/275/index.html", "404.html"] {
            let text = try String(contentsOf: site.appendingPathComponent(file), encoding: .utf8)
            XCTAssertFalse(text.contains("__reportsite"), "\(file) on disk must not hold the reload script")
        }
        for (path, type) in [("/assets/style.css", "text/css; charset=utf-8"), ("/recommendations.json", "application/json; charset=utf-8"),
                             ("/recommendations.csv", "text/csv; charset=utf-8"), ("/anchors.txt", "text/plain; charset=utf-8")] {
            let reply = try http(server.port, "GET", path)
            XCTAssertEqual(reply.status, 200, path)
            XCTAssertEqual(reply.headers["content-type"], type, path)
            XCTAssertEqual(reply.body, try Data(contentsOf: site.appendingPathComponent(String(path.dropFirst()))), "\(path) is served as it is on disk")
        }
        let script = try http(server.port, "GET", "/__reportsite/reload.js")
        XCTAssertEqual(script.headers["content-type"], "text/javascript; charset=utf-8")
        XCTAssertTrue(script.text.contains("textContent"), "errors are set as text")

        // A folder without its slash is redirected; HEAD has the headers and no body; a missing page is the site's 404.
        let redirect = try http(server.port, "GET", "/A/58/275?x=1")
        XCTAssertEqual(redirect.status, 302)
        XCTAssertEqual(redirect.headers["location"], "/A/58/275/?x=1")
        let page = try http(server.port, "GET", "/A/58/275/")
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.text.contains("<h1>Human rights of migrants</h1>"))
        let head = try http(server.port, "HEAD", "/A/58/275/")
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.headers["content-length"], String(page.body.count))
        XCTAssertEqual(head.body.count, 0)
        let missing = try http(server.port, "GET", "/A/99/999/")
        XCTAssertEqual(missing.status, 404)
        let notFoundPage = try String(contentsOf: site.appendingPathComponent("404.html"), encoding: .utf8)
        XCTAssertTrue(missing.text.hasPrefix(String(notFoundPage.prefix(200))), "the site's 404.html")
        XCTAssertEqual(try http(server.port, "POST", "/").status, 405)

        // A change: a new build, a new site version, the page changes.
        let first = try waitState(server.port, after: -1)
        XCTAssertEqual(first.errors, [])
        let report = work.appendingPathComponent("content/reports/A-58-275.md")
        let original = try String(contentsOf: report, encoding: .utf8)
        try write(original.replacingOccurrences(of: "title: Human rights of migrants\n", with: "title: Human rights of migrants, edited\n"), to: report)
        let edited = try waitState(server.port, after: first.version)
        XCTAssertGreaterThan(edited.site, first.site, "a build that wrote a new site")
        XCTAssertEqual(edited.errors, [])
        let changed = try http(server.port, "GET", "/A/58/275/")
        XCTAssertTrue(changed.text.contains("<h1>Human rights of migrants, edited</h1>"), "the served page changed")
        XCTAssertTrue(changed.text.contains("data-reportsite-site=\"\(edited.site)\""))

        // A broken report: the error in the wait response (as printed), the last good page still served.
        let broken = original.replacingOccurrences(of: "symbol: A/58/275\n", with: "symbol: A/58/257\n")
            .replacingOccurrences(of: "title: Human rights of migrants\n", with: "title: Human rights of migrants, broken\n")
        try write(broken, to: report)
        let failed = try waitState(server.port, after: edited.version)
        XCTAssertEqual(failed.site, edited.site, "a failed build leaves the site")
        XCTAssertEqual(failed.errors.count, 1, "\(failed.errors)")
        XCTAssertTrue(failed.errors.first?.hasPrefix("content/reports/A-58-275.md:2:1: error: the front matter says symbol A/58/257") == true, "\(failed.errors)")
        XCTAssertTrue(failed.errors.first?.hasSuffix("[RS016]\n  note: correct whichever is wrong: the symbol, or rename the file to A-58-257.md") == true, "\(failed.errors)")
        let kept = try http(server.port, "GET", "/A/58/275/")
        XCTAssertEqual(kept.status, 200)
        XCTAssertTrue(kept.text.contains("<h1>Human rights of migrants, edited</h1>"), "the last good site stays served")
        XCTAssertTrue(server.stderr.contains("error: the front matter says symbol A/58/257"), "printed in the terminal too")
        XCTAssertTrue(server.stderr.contains("reportsite: 1 error, 0 warnings; site/ was left unchanged"), server.stderr)

        // Fixed: no errors any more.
        try write(original, to: report)
        let fixed = try waitState(server.port, after: failed.version)
        XCTAssertEqual(fixed.errors, [])
        XCTAssertGreaterThan(fixed.site, failed.site)
        XCTAssertTrue(try http(server.port, "GET", "/A/58/275/").text.contains("<h1>Human rights of migrants</h1>"))

        // An editor's temporary file starts no build.
        try write("x", to: work.appendingPathComponent("content/reports/.A-58-275.md.swp"))
        try write("x", to: work.appendingPathComponent("content/reports/A-58-275.md~"))
        Thread.sleep(forTimeInterval: 1)
        XCTAssertEqual(try waitState(server.port, after: -1).version, fixed.version, "temporary files are ignored")

        // SIGINT: exit 0, a line that says so, the port free again.
        let status = server.stop(signal: SIGINT)
        XCTAssertEqual(status, 0, server.stderr)
        XCTAssertTrue(server.stdout.contains("stopped serving site/ (port \(server.port) released)"), server.stdout)
        XCTAssertTrue(canListen(on: server.port), "the port is released")
    }

    /// `..`, encoded or not, and a symbolic link out of the site are refused; nothing outside is read.
    func testNothingOutsideTheSiteIsServed() throws {
        let work = try copyOfContent()
        let secret = "secret outside the site"
        try write(secret, to: work.appendingPathComponent("outside.txt"))
        let server = try ServeProcess(in: work, test: self)
        let site = work.appendingPathComponent("site")
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("link.txt").path,
                                                   withDestinationPath: work.appendingPathComponent("outside.txt").path)
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("up").path, withDestinationPath: work.path)
        for path in ["/../outside.txt", "/A/../../outside.txt", "/%2e%2e/outside.txt", "/%2E%2E%2Foutside.txt", "/assets/..%2f..%2foutside.txt",
                     "/./index.html", "/link.txt", "/up/outside.txt", "/up/content/site.yml", "/index.html%00.txt", "/..%5coutside.txt"] {
            let reply = try http(server.port, "GET", path)
            XCTAssertTrue([400, 404].contains(reply.status), "\(path): \(reply.status)")
            XCTAssertFalse(reply.text.contains(secret), path)
            XCTAssertFalse(reply.text.contains("base_url"), path)
        }
        // The same names inside the site are served.
        XCTAssertEqual(try http(server.port, "GET", "/index.html").status, 200)
        XCTAssertEqual(server.stop(signal: SIGTERM), 0, "SIGTERM stops it cleanly too")
    }

    /// A first build that fails, with no site yet: a page that says so, the errors in the wait response; once
    /// fixed, the site.
    func testAFailingFirstBuildStillServes() throws {
        let work = try copyOfContent()
        let report = work.appendingPathComponent("content/reports/A-57-292.md")
        let original = try String(contentsOf: report, encoding: .utf8)
        try write(original.replacingOccurrences(of: "date: 2002-08-09", with: "date: 2002-13-09"), to: report)
        XCTAssertTrue(try String(contentsOf: report, encoding: .utf8).contains("date: 2002-13-09"), "the fixture has the date")
        let server = try ServeProcess(in: work, test: self)
        let state = try waitState(server.port, after: -1)
        XCTAssertEqual(state.site, 0)
        XCTAssertTrue(state.errors.contains { $0.contains("date '2002-13-09' is not an ISO 8601 date") }, "\(state.errors)")
        let page = try http(server.port, "GET", "/")
        XCTAssertEqual(page.status, 404)
        XCTAssertTrue(page.text.contains("No site yet") && page.text.contains("/__reportsite/reload.js"), page.text)
        XCTAssertTrue(page.text.contains("<pre>content/reports/A-57-292.md:5:1: error: date &#39;2002-13-09&#39; is not an ISO 8601 date"),
                      "the errors, escaped: \(page.text)")
        try write(original, to: report)
        let fixed = try waitState(server.port, after: state.version)
        XCTAssertEqual(fixed.site, 1)
        XCTAssertEqual(fixed.errors, [])
        XCTAssertEqual(try http(server.port, "GET", "/").status, 200)
        XCTAssertEqual(server.stop(signal: SIGINT), 0)
    }

    /// A build that cannot start (a missing content folder, an output folder that is not a site) ends `serve` as it
    /// ends `build`: the error, exit 2, the folder untouched; nothing is served.
    func testWrongUsageEndsServeWithExitTwo() throws {
        let work = try copyOfContent()
        let missing = try runReportSite(["serve", "--port", "0", "--content", "nowhere", "--templates", Project.templates.path], in: work)
        XCTAssertEqual(missing.status, 2, missing.stderr)
        XCTAssertTrue(missing.stderr.hasPrefix("nowhere: error: the content folder does not exist"), missing.stderr)
        XCTAssertFalse(missing.stdout.contains("serving"), missing.stdout)
        let notASite = work.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notASite, withIntermediateDirectories: true)
        try write("mine", to: notASite.appendingPathComponent("notes.txt"))
        let refused = try runReportSite(["serve", "--port", "0", "--output", "notes", "--templates", Project.templates.path], in: work)
        XCTAssertEqual(refused.status, 2, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("refusing to use this folder as the output"), refused.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: notASite.path), ["notes.txt"])
    }

    /// A port in use: a clear error, exit 2, nothing built.
    func testABusyPortIsAnError() throws {
        let work = try copyOfContent()
        let listener = try Listener()
        defer { listener.close() }
        let result = try runReportSite(["serve", "--port", String(listener.port), "--templates", Project.templates.path], in: work)
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertEqual(result.stderr, "error: cannot listen on 127.0.0.1:\(listener.port): the port is in use\n"
            + "  note: stop the program using it, or choose another port with --port\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("site").path), "nothing built")
        // Any address but loopback is warned about (said before it listens; here the port is taken on 0.0.0.0 too).
        let open = try runReportSite(["serve", "--host", "0.0.0.0", "--port", String(listener.port), "--templates", Project.templates.path], in: work)
        XCTAssertEqual(open.status, 2, open.stderr)
        XCTAssertTrue(open.stderr.hasPrefix("warning: listening on 0.0.0.0: other machines on the network can read the site\n"), open.stderr)
        XCTAssertTrue(open.stderr.contains("error: cannot listen on 0.0.0.0:\(listener.port): the port is in use"), open.stderr)
        let host = try runReportSite(["serve", "--host", "example.org", "--templates", Project.templates.path], in: work)
        XCTAssertEqual(host.status, 2)
        XCTAssertTrue(host.stderr.hasPrefix("error: --host example.org is not an IP address"), host.stderr)
    }

    /// The reload script itself, run by Node.js (skipped where there is none) against a stand-in for the page:
    /// errors go into the banner as text (never markup), the banner hides when they are gone, and the page reloads
    /// when a build wrote a new site; each request asks for the version after the last one seen.
    func testTheReloadScriptShowsErrorsAsTextAndReloads() throws {
        try reloadScript(sharing: false)
    }

    /// With Web Locks and BroadcastChannel (browsers), the page holding the lock polls and passes every answer to
    /// the other pages; a page asks once for the current errors. A browser's six connections are then never used
    /// up by open pages.
    func testOnePagePollsForAllAndTellsTheOthers() throws {
        try reloadScript(sharing: true)
    }

    private func reloadScript(sharing: Bool) throws {
        let node = ["/usr/bin/node", "/usr/local/bin/node", "/usr/bin/nodejs"].first { FileManager.default.isExecutableFile(atPath: $0) }
        try XCTSkipIf(node == nil, "no Node.js to run the script")
        let folder = try temporaryFolder(self)
        try write(LiveReload.script, to: folder.appendingPathComponent("reload.js"))
        let sharingSetup = sharing ? """
        const posted = [];
        globalThis.BroadcastChannel = function (name) { log.channel = name; this.postMessage = (m) => posted.push(m.version); };
        Object.defineProperty(globalThis, "navigator", { value: { locks: { request: (name, run) => { log.lock = name; run(); } } },
                                                          configurable: true });
        log.posted = posted;
        """ : """
        globalThis.BroadcastChannel = undefined;
        """
        let harness = """
        const fs = require("fs");
        const realTimeout = setTimeout;
        const log = { urls: [], texts: [], hidden: [], reloads: 0, markup: 0, appended: 0 };
        const banner = {
          style: {}, id: "", setAttribute() {},
          set textContent(v) { log.texts.push(v); }, set innerHTML(v) { log.markup++; },
          set hidden(v) { log.hidden.push(v); }
        };
        globalThis.document = {
          currentScript: { getAttribute: (name) => name === "data-reportsite-site" ? "1" : null },
          createElement: () => banner,
          body: { appendChild: () => { log.appended++; } }
        };
        globalThis.location = { reload: () => { log.reloads++; } };
        const answers = [
          { version: 1, site: 1, errors: [] },
          { version: 2, site: 1, errors: ["a.md:1:1: error: <b>bold</b> & more [RS016]"] },
          { version: 3, site: 1, errors: [] },
          { version: 4, site: 2, errors: [] }
        ];
        \(sharingSetup)
        globalThis.fetch = (url) => {
          log.urls.push(url);
          const answer = answers.shift();
          return answer ? Promise.resolve({ ok: true, json: () => Promise.resolve(answer) }) : new Promise(() => {});
        };
        eval(fs.readFileSync(process.argv[2], "utf8"));
        realTimeout(() => { console.log(JSON.stringify(log)); process.exit(0); }, 200);
        """
        try write(harness, to: folder.appendingPathComponent("harness.js"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node!)
        process.arguments = [folder.appendingPathComponent("harness.js").path, folder.appendingPathComponent("reload.js").path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        struct Log: Decodable {
            var urls: [String]
            var texts: [String]
            var hidden: [Bool]
            var reloads: Int
            var markup: Int
            var appended: Int
            var posted: [Int]?
            var lock: String?
        }
        let log = try JSONDecoder().decode(Log.self, from: data)
        if sharing {
            // One request answered at once (the current state), then the poller's requests; each answer passed on.
            XCTAssertEqual(log.urls, ["/__reportsite/wait?version=-1", "/__reportsite/wait?version=-1", "/__reportsite/wait?version=2",
                                      "/__reportsite/wait?version=3"])
            XCTAssertEqual(log.posted, [2, 3, 4])
            XCTAssertEqual(log.lock, "reportsite-serve-poll")
            XCTAssertEqual(log.texts.count, 1)
            XCTAssertEqual(log.reloads, 1)
            return
        }
        XCTAssertEqual(log.urls, ["/__reportsite/wait?version=-1", "/__reportsite/wait?version=1", "/__reportsite/wait?version=2",
                                  "/__reportsite/wait?version=3"])
        XCTAssertEqual(log.texts.count, 1)
        XCTAssertTrue(log.texts.first?.hasSuffix("\n\na.md:1:1: error: <b>bold</b> & more [RS016]") == true, "\(log.texts)")
        XCTAssertEqual(log.markup, 0, "never innerHTML")
        XCTAssertEqual(log.appended, 1, "one banner")
        XCTAssertEqual(log.hidden, [false, true], "shown with the error, hidden once it is gone")
        XCTAssertEqual(log.reloads, 1, "reloaded when the site changed, not before")
    }

    // MARK: - Helpers

    /// A temporary folder holding a copy of the project's content.
    func copyOfContent() throws -> URL {
        let work = try temporaryFolder(self)
        try FileManager.default.copyItem(at: Project.content, to: work.appendingPathComponent("content"))
        return work
    }

    func write(_ text: String, to url: URL) throws {
        try Data(text.utf8).write(to: url)
    }

    struct State: Decodable {
        var version: Int
        var site: Int
        var errors: [String]
    }

    /// The wait endpoint: answers once the server has finished a build other than `after` (at once for -1).
    func waitState(_ port: UInt16, after version: Int) throws -> State {
        let reply = try http(port, "GET", "/__reportsite/wait?version=\(version)")
        XCTAssertEqual(reply.status, 200)
        XCTAssertEqual(reply.headers["content-type"], "application/json; charset=utf-8")
        XCTAssertFalse(reply.text.contains("__reportsite/reload.js"), "no script in JSON")
        let state = try JSONDecoder().decode(State.self, from: reply.body)
        XCTAssertNotEqual(state.version, version, "the wait ended by a build, not by its time limit")
        return state
    }
}

/// `reportsite serve --port 0` running in `folder`, until stopped (or killed at the end of the test).
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var out = Data(), err = Data()
    private(set) var port: UInt16 = 0

    init(in folder: URL, test: XCTestCase) throws {
        process.executableURL = reportSiteExecutable()
        process.arguments = ["serve", "--port", "0", "--templates", Project.templates.path]
        process.currentDirectoryURL = folder
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        stdout.fileHandleForReading.readabilityHandler = { [self] handle in
            let data = handle.availableData
            lock.withLock { out.append(data) }
        }
        stderr.fileHandleForReading.readabilityHandler = { [self] handle in
            let data = handle.availableData
            lock.withLock { err.append(data) }
        }
        try process.run()
        let process = self.process
        test.addTeardownBlock {
            if process.isRunning { process.terminate(); process.waitUntilExit() }
        }
        // "serving site/ at http://127.0.0.1:PORT/ ..." once it listens and the first build is done.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, process.isRunning {
            if let line = self.stdout.split(separator: "\n").first(where: { $0.hasPrefix("serving site/ at http://127.0.0.1:") }),
               let number = line.dropFirst("serving site/ at http://127.0.0.1:".count).split(separator: "/").first.flatMap({ UInt16($0) }) {
                port = number
                return
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw NSError(domain: "ServeTests", code: 1, userInfo: [NSLocalizedDescriptionKey: "serve did not start: \(self.stdout)\n\(self.stderr)"])
    }

    var stdout: String { lock.withLock { String(decoding: out, as: UTF8.self) } }
    var stderr: String { lock.withLock { String(decoding: err, as: UTF8.self) } }

    /// Sends the signal and waits for the exit status (at most 15 s).
    func stop(signal number: Int32) -> Int32? {
        kill(process.processIdentifier, number)
        let deadline = Date().addingTimeInterval(15)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        guard !process.isRunning else { return nil }
        Thread.sleep(forTimeInterval: 0.1)  // the last output
        return process.terminationStatus
    }
}

struct HTTPReply {
    var status: Int
    var headers: [String: String]
    var body: Data
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// One request on a new connection, the target sent exactly as given; the reply read to the end.
func http(_ port: UInt16, _ method: String, _ target: String) throws -> HTTPReply {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw POSIXError(.EMFILE) }
    defer { close(fd) }
    var timeout = timeval(tv_sec: 40, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .ECONNREFUSED) }
    let request = Array("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\nContent-Length: 0\r\n\r\n".utf8)
    _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = recv(fd, &buffer, buffer.count, 0)
        if count <= 0 { break }
        data.append(contentsOf: buffer[0..<count])
    }
    guard let end = data.range(of: Data("\r\n\r\n".utf8)) else {
        throw NSError(domain: "ServeTests", code: 2, userInfo: [NSLocalizedDescriptionKey: "no HTTP reply to \(method) \(target)"])
    }
    let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
    let status = Int(head[0].split(separator: " ")[1]) ?? 0
    var headers: [String: String] = [:]
    for line in head.dropFirst() {
        guard let colon = line.firstIndex(of: ":") else { continue }
        headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    return HTTPReply(status: status, headers: headers, body: Data(data[end.upperBound...]))
}

/// A socket listening on a free port of 127.0.0.1 (a port in use).
final class Listener {
    let fd: Int32
    let port: UInt16

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.fd = fd
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Bool in
                bind(fd, pointer, length) == 0 && listen(fd, 1) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { _ = Glibc.close(fd); throw POSIXError(.EADDRINUSE) }
        port = UInt16(bigEndian: address.sin_port)
    }

    func close() { _ = Glibc.close(fd) }
}

/// Whether a new socket can listen on the port of 127.0.0.1 now.
func canListen(on port: UInt16) -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var yes: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
    } && listen(fd, 1) == 0
}

/// The wait endpoint's state (`BuildStatus`): a held wait is woken by the build's record, not found by polling;
/// a build records once, as soon as its site is in place when it wrote one.
final class BuildStatusTests: XCTestCase {
    func testAWaitIsWokenByTheRecordAndEndsByItsTimeOtherwise() async {
        let status = BuildStatus()
        // Nothing recorded: the wait ends by its time limit, with the state unchanged.
        let started = Date()
        let quiet = await status.next(after: 0, within: 0.2)
        XCTAssertEqual(quiet, BuildStatus.Snapshot(version: 0, site: 0, errors: []))
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 0.2)
        // Another version than the one known: at once.
        let now = await status.next(after: -1, within: 30)
        XCTAssertEqual(now.version, 0)
        // Held, then woken by a record long before its limit; every held wait is woken.
        async let first = status.next(after: 0, within: 30)
        async let second = status.next(after: 0, within: 30)
        try? await Task.sleep(nanoseconds: 100_000_000)
        let recorded = Date()
        status.record(BuildResult(succeeded: true, changedSite: true, errors: []))
        let (a, b) = await (first, second)
        XCTAssertLessThan(Date().timeIntervalSince(recorded), 5, "woken by the record, not by the 30 s limit")
        XCTAssertEqual(a, BuildStatus.Snapshot(version: 1, site: 1, errors: []))
        XCTAssertEqual(b, a)
        // Stopping wakes a held wait too.
        async let third = status.next(after: 1, within: 30)
        try? await Task.sleep(nanoseconds: 100_000_000)
        status.isStopping = true
        let c = await third
        XCTAssertEqual(c.version, 1)
    }

    func testABuildRecordsOnce() {
        let status = BuildStatus()
        let build = status.recordOnce()
        // The site in place: recorded then; the build's own result when it returns is not recorded again.
        build.record(BuildResult(succeeded: true, changedSite: true, errors: []))
        build.record(BuildResult(succeeded: true, changedSite: true, errors: []))
        XCTAssertEqual(status.snapshot(), BuildStatus.Snapshot(version: 1, site: 1, errors: []))
        // A failed build records when it returns.
        status.recordOnce().record(BuildResult(succeeded: false, changedSite: false, errors: ["e"]))
        XCTAssertEqual(status.snapshot(), BuildStatus.Snapshot(version: 2, site: 1, errors: ["e"]))
    }
}
