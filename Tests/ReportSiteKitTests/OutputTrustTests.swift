import Foundation
import XCTest
@testable import ReportSiteKit
@testable import ReportSiteOutput
#if canImport(Glibc)
import Glibc
#endif

/// Issue 18, items 1, 3, 12, 13, 16 and 17, through the real command: files a user put into the site are never
/// deleted, `content/static/` is published, one build at a time per output folder, a progress line and notes
/// in one line, `--no-cache` still writes the caches, one style of error, folders named through links.
final class OutputTrustTests: XCTestCase {
    /// A project (the project's real content, four reports, and a copy of the templates) in a new folder.
    func makeProject() throws -> URL {
        let project = try temporaryFolder(self).appendingPathComponent("project")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Project.content, to: project.appendingPathComponent("content"))
        try FileManager.default.copyItem(at: Project.templates, to: project.appendingPathComponent("Templates"))
        return project
    }

    func write(_ text: String, _ url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    // MARK: Item 1: nothing a user put into the site is deleted; content/static/

    func testAFileAUserPutIntoTheSiteStopsTheBuildAndSurvives() throws {
        let project = try makeProject()
        let site = project.appendingPathComponent("site")
        var result = try runReportSite(["build"], in: project)
        XCTAssertEqual(result.status, 0, result.stderr)
        try write("my only copy\n", site.appendingPathComponent("drafts/notes.docx"))
        try write("reports.example.org\n", site.appendingPathComponent("CNAME"))
        let before = try folderSnapshot(project)

        result = try runReportSite(["build"], in: project)
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertEqual(result.stderr, "site: error: refusing to use this folder as the output: it holds `CNAME`, a file the build did not write (and 1 more)\n"
            + "  note: a build replaces site/ whole and would delete it: move it into content/static/ (copied into the site at every build) "
            + "or delete it, then build again\n")
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(try folderSnapshot(project), before, "nothing changed: the site, the user's files, the caches")
        // The file inside a folder is named, not only its folder.
        try FileManager.default.removeItem(at: site.appendingPathComponent("CNAME"))
        result = try runReportSite(["build", "--no-cache"], in: project)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("it holds `drafts/notes.docx`, a file the build did not write\n"), result.stderr)
        XCTAssertEqual(try String(contentsOf: site.appendingPathComponent("drafts/notes.docx"), encoding: .utf8), "my only copy\n")

        // An empty folder, a page replaced by a link: the user's too.
        try FileManager.default.removeItem(at: site.appendingPathComponent("drafts"))
        try FileManager.default.createDirectory(at: site.appendingPathComponent("A/empty"), withIntermediateDirectories: true)
        result = try runReportSite(["build"], in: project)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("it holds `A/empty/`, a file the build did not write"), result.stderr)
        try FileManager.default.removeItem(at: site.appendingPathComponent("A/empty"))
        try FileManager.default.removeItem(at: site.appendingPathComponent("404.html"))
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("404.html").path, withDestinationPath: "index.html")
        result = try runReportSite(["build"], in: project)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("it holds `404.html`, a file the build did not write"), result.stderr)

        // Only the build's own files: replaced, as before (a page it wrote and a user changed is its own).
        try FileManager.default.removeItem(at: site.appendingPathComponent("404.html"))
        try write("edited by hand", site.appendingPathComponent("index.html"))
        result = try runReportSite(["build"], in: project)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertNotEqual(try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8), "edited by hand")
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent("404.html").path))
    }

    /// The marker lists every file of the site, sorted, the same for the same site.
    func testTheMarkerListsTheSite() throws {
        let project = try makeProject()
        let site = project.appendingPathComponent("site")
        XCTAssertEqual(try runReportSite(["build"], in: project).status, 0)
        let marker = try String(contentsOf: site.appendingPathComponent(OutputFolder.markerName), encoding: .utf8)
        XCTAssertTrue(marker.hasPrefix(OutputFolder.markerContents + "files:\n"), marker)
        let listed = marker.dropFirst((OutputFolder.markerContents + "files:\n").count).split(separator: "\n").map(String.init)
        let files = FileStamps.tree(site.path)!.keys.filter { $0 != OutputFolder.markerName }.sorted()
        XCTAssertEqual(listed, files)
        XCTAssertTrue(listed.contains("A/58/275/index.html"))
    }

    func testStaticFilesArePublishedAsTheyAre() throws {
        let project = try makeProject()
        let site = project.appendingPathComponent("site")
        let statics = project.appendingPathComponent("content/static")
        try write("reports.example.org\n", statics.appendingPathComponent("CNAME"))
        try write("", statics.appendingPathComponent(".nojekyll"))
        let pdf = Data((0..<2000).map { UInt8($0 % 251) })
        try FileManager.default.createDirectory(at: statics.appendingPathComponent("pdf"), withIntermediateDirectories: true)
        try pdf.write(to: statics.appendingPathComponent("pdf/A-58-275.pdf"))
        // A shared file, linked in.
        try write("icon", project.appendingPathComponent("shared/favicon.ico"))
        try FileManager.default.createSymbolicLink(atPath: statics.appendingPathComponent("favicon.ico").path, withDestinationPath: "../../shared/favicon.ico")

        var result = try runReportSite(["build", "--strict"], in: project)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try String(contentsOf: site.appendingPathComponent("CNAME"), encoding: .utf8), "reports.example.org\n")
        XCTAssertEqual(FileManager.default.contents(atPath: site.appendingPathComponent(".nojekyll").path), Data())
        XCTAssertEqual(FileManager.default.contents(atPath: site.appendingPathComponent("pdf/A-58-275.pdf").path), pdf)
        XCTAssertEqual(try String(contentsOf: site.appendingPathComponent("favicon.ico"), encoding: .utf8), "icon")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: site.appendingPathComponent("favicon.ico").path)[.type] as? FileAttributeType,
                       .typeRegular, "a copy, not a link")
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent("A/58/275/index.html").path))

        // Part of the inputs: unchanged, up to date; a change to a static file (even behind a link) is built.
        result = try runReportSite(["build", "--strict"], in: project)
        XCTAssertTrue(result.stdout.hasPrefix("site/ is up to date"), result.stdout)
        try write("new icon", project.appendingPathComponent("shared/favicon.ico"))
        result = try runReportSite(["build", "--strict", "--timings"], in: project)
        XCTAssertTrue(result.stdout.hasPrefix("built 4 reports into site/"), result.stdout)
        XCTAssertTrue(result.stderr.contains("timing: pages reused from the previous build: "), result.stderr)
        XCTAssertFalse(result.stderr.contains("timing: pages reused from the previous build: 0\n"), "the pages are reused: \(result.stderr)")
        XCTAssertEqual(try String(contentsOf: site.appendingPathComponent("favicon.ico"), encoding: .utf8), "new icon")
        // A static file removed is removed from the site (it was the build's).
        try FileManager.default.removeItem(at: statics.appendingPathComponent("CNAME"))
        XCTAssertEqual(try runReportSite(["build"], in: project).status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.appendingPathComponent("CNAME").path))
    }

    func testAStaticFileCannotReplaceAFileTheBuildWrites() throws {
        let project = try makeProject()
        XCTAssertEqual(try runReportSite(["build"], in: project).status, 0)
        let before = try folderSnapshot(project.appendingPathComponent("site"))
        let statics = project.appendingPathComponent("content/static")
        try write("mine", statics.appendingPathComponent("index.html"))
        try write("mine", statics.appendingPathComponent("assets"))
        try write("mine", statics.appendingPathComponent("A/58/275/index.html/x"))
        for command in ["build", "check"] {
            let result = try runReportSite([command], in: project)
            XCTAssertEqual(result.status, 1, result.stderr)
            let hint = "\n  note: rename or remove the file in content/static/; to change a page the build makes, change the templates\n"
            XCTAssertTrue(result.stderr.contains("content/static/index.html: error: `index.html` is also a file the build writes; a static file cannot replace it [RS502]" + hint),
                          result.stderr)
            XCTAssertTrue(result.stderr.contains("content/static/assets: error: `assets` is a folder of the site the build writes; a static file cannot replace it [RS502]"),
                          result.stderr)
            XCTAssertTrue(result.stderr.contains("content/static/A/58/275/index.html/x: error: `A/58/275/index.html` is a file the build writes, so it cannot be a folder of static files [RS502]"),
                          result.stderr)
        }
        XCTAssertEqual(try folderSnapshot(project.appendingPathComponent("site")), before, "the old site is left as it was")
    }

    // MARK: Item 3: one build at a time

    /// Holds the lock of `site` in this process, as a running build would, with `pid` in the lock file.
    func holdLock(of site: URL, pid: Int32) throws -> Int32 {
        let file = OutputLock.file(for: site)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let fd = open(file.path, O_RDWR | O_CREAT, 0o644)
        XCTAssertGreaterThanOrEqual(fd, 0)
        XCTAssertEqual(flock(fd, LOCK_EX | LOCK_NB), 0)
        XCTAssertEqual(ftruncate(fd, 0), 0)
        let text = Array("\(pid)\n".utf8)
        _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        return fd
    }

    func testASecondBuildWaitsForTheFirstOrExitsWithNoWait() throws {
        let project = try makeProject()
        let site = project.appendingPathComponent("site")
        XCTAssertEqual(try runReportSite(["build"], in: project).status, 0)
        let before = try folderSnapshot(site)
        let fd = try holdLock(of: site, pid: 4242)
        defer { close(fd) }

        let refused = try runReportSite(["build", "--no-wait"], in: project)
        XCTAssertEqual(refused.status, 2)
        XCTAssertEqual(refused.stderr, "error: another build into site/ is running (pid 4242)\n"
            + "  note: run the build again once it has finished, or without --no-wait to wait for it\n")
        XCTAssertEqual(try folderSnapshot(site), before)

        // Without --no-wait: it says so, waits (the site untouched), and builds once the lock is released.
        let log = project.appendingPathComponent("wait.log")
        let process = Process()
        process.executableURL = reportSiteExecutable()
        process.arguments = ["build", "--no-cache"]
        process.currentDirectoryURL = project
        XCTAssertTrue(FileManager.default.createFile(atPath: log.path, contents: nil))
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let waiting = "note: another build into site/ is running (pid 4242); waiting for it to finish (--no-wait exits instead)\n"
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, (try? String(contentsOf: log, encoding: .utf8)) != waiting { Thread.sleep(forTimeInterval: 0.02) }
        XCTAssertEqual(try String(contentsOf: log, encoding: .utf8), waiting)
        Thread.sleep(forTimeInterval: 0.3)
        XCTAssertTrue(process.isRunning, "it waits")
        XCTAssertEqual(try folderSnapshot(site), before, "nothing written while it waits")
        close(fd)
        process.waitUntilExit()
        let said = try String(contentsOf: log, encoding: .utf8)
        XCTAssertEqual(process.terminationStatus, 0, said)
    }

    /// Two real builds into one folder at once, several times: both succeed, one after the other, and the site is
    /// whole (the files of a build made alone, byte for byte).
    func testTwoBuildsAtOnceBothSucceedAndTheSiteIsWhole() throws {
        let project = try makeProject()
        let site = project.appendingPathComponent("site")
        XCTAssertEqual(try runReportSite(["build"], in: project).status, 0)
        let alone = try folderSnapshot(site)
        for round in 0..<2 {
            let results = [["build", "--no-cache"], round == 1 ? ["build"] : ["build", "--no-cache"]].parallelMap { arguments in
                try? runReportSite(arguments, in: project)
            }
            for result in results {
                XCTAssertEqual(result?.status, 0, "round \(round): \(result?.stderr ?? "did not run")")
                XCTAssertFalse(result?.stderr.contains("error") ?? true)
            }
            XCTAssertEqual(try folderSnapshot(site), alone, "round \(round)")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.path).filter { $0.hasPrefix(".site.tmp") }
            XCTAssertEqual(leftovers, [], "no staging folder left")
        }
    }

    /// A build killed while it holds the lock does not leave the folder locked: the kernel releases it.
    func testAKilledBuildLeavesNoLock() throws {
        let project = try makeProject()
        let site = project.appendingPathComponent("site")
        XCTAssertEqual(try runReportSite(["build"], in: project).status, 0)
        let alone = try folderSnapshot(site)
        let process = Process()
        process.executableURL = reportSiteExecutable()
        process.arguments = ["build", "--no-cache"]
        process.currentDirectoryURL = project
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // It holds the lock once its process id is in the lock file.
        let lockFile = OutputLock.file(for: site)
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, process.isRunning,
              (try? String(contentsOf: lockFile, encoding: .utf8)) != "\(process.processIdentifier)\n" {
            Thread.sleep(forTimeInterval: 0.005)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let next = try runReportSite(["build", "--no-wait"], in: project)
        XCTAssertEqual(next.status, 0, next.stderr)
        XCTAssertEqual(try folderSnapshot(site), alone, "the site is whole")
    }

    /// A folder that cannot be made says why (not "error 512").
    func testAWriteFailureSaysItsCause() throws {
        let project = try makeProject()
        try write("notes\n", project.appendingPathComponent("notes.txt"))
        var result = try runReportSite(["build", "--output", "notes.txt/site"], in: project)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.hasPrefix("notes.txt/site: error: cannot lock the output folder: cannot create the folder \(project.path)/notes.txt: a file of that name is in the way\n"),
                      result.stderr)
        try write("in the way\n", project.appendingPathComponent(".reportsite-cache"))
        result = try runReportSite(["build"], in: project)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.hasPrefix("site: error: cannot lock the output folder: cannot create the folder \(project.path)/.reportsite-cache: a file of that name is in the way\n"
            + "  note: builds into it take a lock, .reportsite-cache/site.lock beside it"), result.stderr)
        XCTAssertFalse(result.stderr.contains("512"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: project.appendingPathComponent("site").path))
    }

    /// What the write stage says when Foundation fails to write a page: the system's reason, with the path.
    func testAFoundationWriteErrorIsDescribedByItsCause() throws {
        let root = try temporaryFolder(self)
        let target = root.appendingPathComponent("missing/x.html")
        XCTAssertThrowsError(try Data("x".utf8).write(to: target)) { error in
            XCTAssertEqual(describeFileError(error), "\(target.path): No such file or directory")
        }
        try Data("x".utf8).write(to: root.appendingPathComponent("file"))
        XCTAssertThrowsError(try makeFolders(root.appendingPathComponent("file/sub").path)) { error in
            XCTAssertEqual(describeFileError(error), "cannot create the folder \(root.path)/file: a file of that name is in the way")
        }
    }

    // MARK: Item 13: --no-cache reads no cache and writes them

    func testNoCacheRendersEverythingAndTheNextBuildIsIncremental() throws {
        let project = try makeProject()
        XCTAssertEqual(try runReportSite(["build"], in: project).status, 0)
        var result = try runReportSite(["build", "--no-cache", "--timings"], in: project)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("built 4 reports into site/"), "not 'up to date': \(result.stdout)")
        XCTAssertTrue(result.stderr.contains("timing: pages reused from the previous build: 0\n"), result.stderr)
        // The caches it wrote: the same inputs are up to date, an edit reuses the other reports' pages.
        result = try runReportSite(["build"], in: project)
        XCTAssertTrue(result.stdout.hasPrefix("site/ is up to date"), result.stdout)
        let report = project.appendingPathComponent("content/reports/A-58-275.md")
        try write(try String(contentsOf: report, encoding: .utf8).replacingOccurrences(of: "title: Human rights of migrants\n", with: "title: Human rights of migrants, edited\n"), report)
        result = try runReportSite(["build", "--timings"], in: project)
        XCTAssertEqual(result.status, 0, result.stderr)
        let reused = result.stderr.split(separator: "\n").first { $0.hasPrefix("timing: pages reused from the previous build: ") }
            .flatMap { Int($0.split(separator: " ").last!) }
        XCTAssertGreaterThan(reused ?? 0, 0, result.stderr)
    }

    // MARK: Item 12: progress, notes in one line

    func testNotesAreSummarisedUnlessVerboseAndJSONHoldsThemAll() throws {
        let project = try makeProject()
        let json = try runReportSite(["check", "--format", "json"], in: project)
        let records = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [[String: Any]]
        let notes = records.filter { $0["severity"] as? String == "note" }
        XCTAssertGreaterThan(notes.count, 1, "the content has RS701 notes")
        XCTAssertTrue(notes.allSatisfy { $0["code"] as? String == "RS701" })

        let quietJSON = try runReportSite(["check", "--format", "json", "--quiet"], in: project)
        XCTAssertEqual(quietJSON.stdout, json.stdout, "JSON holds every diagnostic, --quiet or not")

        let plain = try runReportSite(["check"], in: project)
        XCTAssertEqual(plain.status, 0)
        XCTAssertFalse(plain.stderr.contains("[RS701]"), plain.stderr)
        XCTAssertTrue(plain.stderr.contains("note: \(notes.count) notes RS701 (recommendations with no addressee); --verbose shows them\n"), plain.stderr)
        XCTAssertEqual(plain.stdout, "checked 4 reports, \(notes.count) notes\n")

        let verbose = try runReportSite(["check", "--verbose"], in: project)
        XCTAssertEqual(verbose.stderr.components(separatedBy: ": note: ").count - 1, notes.count, verbose.stderr)
        XCTAssertFalse(verbose.stderr.contains("--verbose shows"))

        let quiet = try runReportSite(["build", "--quiet"], in: project)
        XCTAssertEqual(quiet.status, 0)
        XCTAssertEqual(quiet.stderr, "")
        XCTAssertTrue(quiet.stdout.hasPrefix("built 4 reports"))
        let both = try runReportSite(["build", "--quiet", "--verbose"], in: project)
        XCTAssertEqual(both.status, 2)
        XCTAssertTrue(both.stderr.hasPrefix("error: --quiet and --verbose cannot be used together\n"), both.stderr)
    }

    /// Runs `reportsite` with standard error on a terminal (a pseudo-terminal): what the terminal received.
    func runOnTerminal(_ arguments: [String], in folder: URL, whileRunning: (Box) throws -> Void = { _ in }) throws -> (Int32, String) {
        // The C library's pseudo-terminal functions (Swift's Glibc module does not declare them).
        let libc = dlopen(nil, RTLD_NOW)
        func function<T>(_ name: String, as type: T.Type) throws -> T {
            guard let symbol = dlsym(libc, name) else { throw XCTSkip("no \(name) in the C library") }
            return unsafeBitCast(symbol, to: type)
        }
        let openpt = try function("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)
        let grant = try function("grantpt", as: (@convention(c) (Int32) -> Int32).self)
        let unlock = try function("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
        let name = try function("ptsname", as: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)
        let master = openpt(O_RDWR | O_NOCTTY)
        XCTAssertGreaterThanOrEqual(master, 0)
        XCTAssertEqual(grant(master), 0)
        XCTAssertEqual(unlock(master), 0)
        let slave = open(String(cString: name(master)!), O_RDWR | O_NOCTTY)
        XCTAssertGreaterThanOrEqual(slave, 0)
        let process = Process()
        process.executableURL = reportSiteExecutable()
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardError = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        process.standardOutput = FileHandle.nullDevice
        let received = Box()
        let reader = Thread {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = read(master, &buffer, buffer.count)
                if n <= 0 { break }
                received.append(buffer[0..<n])
            }
            received.finish()
        }
        try process.run()
        close(slave)
        reader.start()
        try whileRunning(received)
        process.waitUntilExit()
        received.waitUntilFinished()
        close(master)
        return (process.terminationStatus, received.text)
    }

    final class Box: @unchecked Sendable {
        private let lock = NSLock()
        private var data: [UInt8] = []
        private let done = DispatchSemaphore(value: 0)
        func append(_ bytes: ArraySlice<UInt8>) { lock.withLock { data += bytes } }
        func finish() { done.signal() }
        func waitUntilFinished() { _ = done.wait(timeout: .now() + 10) }
        var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }

        /// Waits (at most 20 s) until the terminal has received `part`.
        func wait(for part: String) {
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline, !text.contains(part) { Thread.sleep(forTimeInterval: 0.02) }
        }
    }

    /// On a terminal, a line rewritten in place (here while the build waits for another one), erased before the
    /// build's own lines; none in a pipe (every other test) or with --quiet.
    func testAProgressLineOnATerminalOnly() throws {
        let project = try makeProject()
        let site = project.appendingPathComponent("site")
        XCTAssertEqual(try runReportSite(["build"], in: project).status, 0)
        var fd = try holdLock(of: site, pid: 4242)
        let (status, text) = try runOnTerminal(["build", "--no-cache"], in: project) { terminal in
            terminal.wait(for: "\r\u{1B}[Kwaiting for the other build into site/ to finish")
            close(fd)
        }
        XCTAssertEqual(status, 0, text)
        XCTAssertTrue(text.contains("\r\u{1B}[Kwaiting for the other build into site/ to finish"), text.debugDescription)
        XCTAssertTrue(text.hasSuffix("\r\u{1B}[K") || text.contains("\r\u{1B}[Knote: "), "the line is erased: \(text.debugDescription)")

        fd = try holdLock(of: site, pid: 4242)
        let (quietStatus, quiet) = try runOnTerminal(["build", "--no-cache", "--quiet"], in: project) { terminal in
            terminal.wait(for: "waiting for it to finish")
            Thread.sleep(forTimeInterval: 0.8)  // longer than a progress line waits to appear
            close(fd)
        }
        XCTAssertEqual(quietStatus, 0)
        XCTAssertFalse(quiet.contains("\u{1B}[K"), quiet.debugDescription)

        let piped = try runReportSite(["build", "--no-cache"], in: project)
        XCTAssertFalse(piped.stderr.contains("\u{1B}"), piped.stderr.debugDescription)
    }

    func testServeSaysWhatItBuildsFirst() throws {
        let work = try temporaryFolder(self)
        try FileManager.default.copyItem(at: Project.content, to: work.appendingPathComponent("content"))
        let server = try ServeProcess(in: work, test: self)
        let lines = server.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "building 4 reports into site/ ...", server.stdout)
        XCTAssertTrue(lines.dropFirst().first?.hasPrefix("built 4 reports into site/") == true, server.stdout)
        XCTAssertEqual(server.stop(signal: SIGINT), 0)
    }

    // MARK: Item 16: one style of message

    func testEveryMessageSaysErrorAndOptionsAreSuggested() throws {
        let root = try temporaryFolder(self)
        let typo = try runReportSite(["--verison"], in: root)
        XCTAssertEqual(typo.status, 2)
        XCTAssertTrue(typo.stderr.hasPrefix("error: unknown option '--verison'\n  note: did you mean '--version'?\nUsage: reportsite build"), typo.stderr)
        let strict = try runReportSite(["build", "--strcit"], in: root)
        XCTAssertTrue(strict.stderr.hasPrefix("error: unknown option '--strcit'\n  note: did you mean '--strict'?\n"), strict.stderr)
        for arguments in [["build", "--format", "xml"], ["import"], ["new"], ["serve", "--format", "json"], ["build", "--strcit"],
                          ["check", "--nothing-like-it"], ["--verison"], ["import", "/nope.txt"]] {
            let result = try runReportSite(arguments, in: root)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.hasPrefix("error: "), "\(arguments): \(result.stderr)")
            XCTAssertFalse(result.stderr.contains("Error:"), "\(arguments): \(result.stderr)")
        }
    }

    // MARK: Item 17: folders named through a symbolic link

    func testTemplatesAndContentNamedThroughALinkAreFollowed() throws {
        let root = try temporaryFolder(self)
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("theme"), withIntermediateDirectories: true)
        try fm.copyItem(at: Project.templates, to: root.appendingPathComponent("theme/Templates"))
        try fm.copyItem(at: Project.content, to: root.appendingPathComponent("shared-content"))
        let project = root.appendingPathComponent("project")
        try fm.createDirectory(at: project, withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: project.appendingPathComponent("T").path, withDestinationPath: "../theme/Templates")
        try fm.createSymbolicLink(atPath: project.appendingPathComponent("C").path, withDestinationPath: "../shared-content")

        let check = try runReportSite(["check", "--templates", "T", "--content", "C"], in: project)
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.stdout.hasPrefix("checked 4 reports"), check.stdout)
        let build = try runReportSite(["build", "--templates", "T/", "--content", "C"], in: project)
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertTrue(fm.fileExists(atPath: project.appendingPathComponent("site/A/58/275/index.html").path))
        XCTAssertTrue(fm.fileExists(atPath: project.appendingPathComponent("site/assets/style.css").path))
        // The output is never followed.
        try fm.createSymbolicLink(atPath: project.appendingPathComponent("out").path, withDestinationPath: "site")
        let output = try runReportSite(["build", "--templates", "T", "--content", "C", "--output", "out"], in: project)
        XCTAssertEqual(output.status, 2)
        XCTAssertTrue(output.stderr.contains("refusing to use this folder as the output: it is a symbolic link"), output.stderr)
    }
}

/// Every file, folder and link under `folder`, with the bytes of each file (folders end in `/`, links in ` ->`).
func folderSnapshot(_ folder: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let fm = FileManager.default
    func walk(_ url: URL, _ relative: String) throws {
        for name in try fm.contentsOfDirectory(atPath: url.path) {
            let child = url.appendingPathComponent(name)
            let path = relative.isEmpty ? name : relative + "/" + name
            let type = try fm.attributesOfItem(atPath: child.path)[.type] as? FileAttributeType
            if type == .typeSymbolicLink {
                result[path + " ->"] = Data(try fm.destinationOfSymbolicLink(atPath: child.path).utf8)
            } else if type == .typeDirectory {
                result[path + "/"] = Data()
                try walk(child, path)
            } else {
                result[path] = fm.contents(atPath: child.path)
            }
        }
    }
    try walk(folder, "")
    return result
}
