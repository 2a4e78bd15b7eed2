import Foundation
import XCTest

/// A build killed at any moment leaves the output exactly as it was, or exactly the new site: never missing,
/// never a mix of the two. The real `reportsite` command builds the real content into `site/` (the old site);
/// then, again and again, a build of different content (the new site) is started as a child process and killed
/// with SIGKILL after a seeded random delay that spans the whole duration of such a build, and every file of
/// `site/` is compared with the two complete trees. One more normal build must then clean up the temporary
/// folders the killed builds left next to `site/`.
///
///     KILL_RUNS=N        builds killed at a delay spread over a whole build (default 30; at least 20 are asked for)
///     KILL_WRITE_RUNS=M  more builds killed during the write stage, where the sites are swapped (default 10)
///     KILL_SEED=S        the seed of the delays (default 4242)
final class KillTests: XCTestCase {
    func testAKilledBuildLeavesTheOldSiteOrTheNewSiteNeverAMix() throws {
        let env = ProcessInfo.processInfo.environment
        try XCTSkipIf(env["REPORTSITE_SKIP_SLOW"] == "1", "slow test skipped (REPORTSITE_SKIP_SLOW=1); CI runs it")
        let runs = max(1, env["KILL_RUNS"].flatMap { Int($0) } ?? 30)
        let writeRuns = max(0, env["KILL_WRITE_RUNS"].flatMap { Int($0) } ?? 10)
        var random = SeededRandom(seed: env["KILL_SEED"].flatMap { UInt64($0) } ?? 4242)
        let fm = FileManager.default
        XCTAssertTrue(fm.isExecutableFile(atPath: reportSiteExecutable().path), "build the command first: \(reportSiteExecutable().path)")

        let work = try temporaryFolder(self)
        let oldContent = work.appendingPathComponent("old-content"), newContent = work.appendingPathComponent("new-content")
        try fm.copyItem(at: Project.content, to: oldContent)
        try makeNewContent(at: newContent)
        let site = work.appendingPathComponent("site")

        // The two complete trees: the old site, built in place, and the new one, built elsewhere.
        try build(oldContent, into: "site", in: work)
        let oldTree = try Tree(site)
        try build(newContent, into: "expected-new", in: work)
        let newTree = try Tree(work.appendingPathComponent("expected-new"))
        try fm.removeItem(at: work.appendingPathComponent("expected-new"))
        XCTAssertNotEqual(oldTree, newTree, "the new content must give another site")
        XCTAssertGreaterThan(oldTree.files.count, 10)
        let changed = Set(oldTree.files.keys).union(newTree.files.keys).filter { oldTree.files[$0] != newTree.files[$0] }
        print("kill: old site \(oldTree.files.count) files, new site \(newTree.files.count) files, \(changed.count) differ")

        // How long a build of the new content over the old site takes, uninterrupted (the median of five), and its write stage.
        var durations: [Double] = [], writes: [Double] = []
        for _ in 0..<5 {
            try restoreOldSite(oldContent, site: site, in: work, expected: oldTree)
            let started = DispatchTime.now()
            let result = try runReportSite(arguments(newContent, output: "site") + ["--timings"], in: work)
            durations.append(Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9)
            XCTAssertEqual(result.status, 0)
            XCTAssertEqual(try Tree(site), newTree, "an uninterrupted build gives the new site")
            if let line = result.stderr.split(separator: "\n").first(where: { $0.hasPrefix("timing: write") }),
               let seconds = line.split(separator: " ").dropLast().last.flatMap({ Double($0) }) {
                writes.append(seconds)
            }
        }
        let duration = durations.sorted()[2], write = writes.sorted().dropFirst(writes.count / 2).first ?? 0.02
        print(String(format: "kill: an uninterrupted build takes %.3f s (%.3f-%.3f), its write stage %.3f s", duration,
                     durations.min()!, durations.max()!, write))

        // Delays: `runs` spread over the whole build (one in each of `runs` equal slices of 0-1.05 x its duration),
        // and `writeRuns` more spread over its write stage, where the old site is swapped for the new one; in random order.
        var delays: [(delay: Double, phase: String)] = []
        for slice in 0..<runs {
            let fraction = Double(random.int(0...999_999)) / 1_000_000
            delays.append(((Double(slice) + fraction) / Double(runs) * duration * 1.05, "whole build"))
        }
        let writeStart = max(0, duration - write - 0.015), writeSpan = write + 0.025
        for slice in 0..<writeRuns {
            let fraction = Double(random.int(0...999_999)) / 1_000_000
            delays.append((writeStart + (Double(slice) + fraction) / Double(writeRuns) * writeSpan, "write stage"))
        }
        for i in stride(from: delays.count - 1, to: 0, by: -1) { delays.swapAt(i, random.int(0...i)) }

        var old = 0, new = 0, broken: [String] = [], leftBehind = 0, finished = 0
        for (run, (delay, phase)) in delays.enumerated() {
            try restoreOldSite(oldContent, site: site, in: work, expected: oldTree)
            let launched = DispatchTime.now()
            let process = try start(newContent, in: work)
            let deadline = launched.uptimeNanoseconds + UInt64(delay * 1e9)
            while DispatchTime.now().uptimeNanoseconds < deadline {
                let left = deadline - DispatchTime.now().uptimeNanoseconds
                usleep(useconds_t(min(left / 1000, 1000)))
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let wasKilled = process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
            if !wasKilled { finished += 1 }

            let staging = try fm.contentsOfDirectory(atPath: work.path).filter { $0.hasPrefix(".site.tmp-") }
            if !staging.isEmpty { leftBehind += 1 }
            let state: String
            if !fm.fileExists(atPath: site.path) {
                state = "site/ is missing"
            } else {
                let tree = try Tree(site)
                if tree == oldTree {
                    old += 1
                    state = "old"
                } else if tree == newTree {
                    new += 1
                    state = "new"
                } else {
                    state = "mixed: " + tree.difference(from: oldTree, named: "old", and: newTree, named: "new")
                }
            }
            if state != "old" && state != "new" {
                broken.append(String(format: "run %d (%@), killed after %.4f s (%@): %@; temporary folders: %@", run, phase, delay,
                                     wasKilled ? "by SIGKILL" : "it had finished", state, staging.joined(separator: ", ")))
            }
        }
        for b in broken { XCTFail("kill \(b)") }

        // One more normal build cleans up what the killed builds left next to site/ (and a stale folder planted here).
        let planted = work.appendingPathComponent(".site.tmp-999999")
        try fm.createDirectory(at: planted.appendingPathComponent("A"), withIntermediateDirectories: true)
        try Data("stale".utf8).write(to: planted.appendingPathComponent("A/index.html"))
        let staleBefore = try fm.contentsOfDirectory(atPath: work.path).filter { $0.hasPrefix(".site.tmp-") }
        try build(newContent, into: "site", in: work)
        let staleAfter = try fm.contentsOfDirectory(atPath: work.path).filter { $0.hasPrefix(".site.") }
        XCTAssertEqual(staleAfter, [], "a normal build must remove the temporary folders of killed builds")
        XCTAssertEqual(try Tree(site), newTree)

        print("kills: \(delays.count), old: \(old), new: \(new), broken: \(broken.count)")
        print("kill: \(runs) over the whole build and \(writeRuns) in its write stage; \(delays.count - finished) stopped by SIGKILL, \(finished) had finished first; \(leftBehind) left temporary folders; " +
              "\(staleBefore.count) stale folders before the last build, \(staleAfter.count) after")
    }

    // MARK: - Helpers

    /// The real content, one report changed and one report added: every report page, the index and the data differ.
    private func makeNewContent(at folder: URL) throws {
        let fm = FileManager.default
        try fm.copyItem(at: Project.content, to: folder)
        let reports = folder.appendingPathComponent("reports")
        let changed = reports.appendingPathComponent("A-57-292.md")
        var text = try String(contentsOf: changed, encoding: .utf8)
        text = text.replacingOccurrences(of: "64. The Special Rapporteur draws attention", with: "64. The Special Rapporteur (in the new site) draws attention")
        try text.write(to: changed, atomically: true, encoding: .utf8)
        var added = try String(contentsOf: reports.appendingPathComponent("A-68-283.md"), encoding: .utf8)
        added = added.replacingOccurrences(of: "symbol: A/68/283\n", with: "symbol: A/68/283/Add.1\n")
        XCTAssertTrue(added.contains("symbol: A/68/283/Add.1\n"))
        try added.write(to: reports.appendingPathComponent("A-68-283-Add.1.md"), atomically: true, encoding: .utf8)
    }

    private func arguments(_ content: URL, output: String) -> [String] {
        ["build", "--content", content.path, "--output", output, "--templates", Project.templates.path]
    }

    /// A normal build with the real command; it must succeed.
    private func build(_ content: URL, into output: String, in work: URL) throws {
        let result = try runReportSite(arguments(content, output: output), in: work)
        XCTAssertEqual(result.status, 0, "reportsite build failed: \(result.stderr)")
    }

    private func restoreOldSite(_ oldContent: URL, site: URL, in work: URL, expected: Tree) throws {
        if FileManager.default.fileExists(atPath: site.path), try Tree(site) == expected { return }
        try build(oldContent, into: "site", in: work)
        XCTAssertEqual(try Tree(site), expected, "a normal build of the old content gives the old site")
    }

    /// Starts a build of `content` into site/ as a child process, its output thrown away.
    private func start(_ content: URL, in work: URL) throws -> Process {
        let process = Process()
        process.executableURL = reportSiteExecutable()
        process.arguments = arguments(content, output: "site")
        process.currentDirectoryURL = work
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}

/// Every file and folder under a root, with a hash and the size of each file.
struct Tree: Equatable {
    struct Entry: Equatable {
        var size: Int
        var hash: UInt64
    }
    /// Relative path -> entry; folders have size -1.
    var files: [String: Entry] = [:]

    init(_ root: URL) throws {
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: root.path) else { throw CocoaError(.fileReadNoSuchFile) }
        while let path = walker.nextObject() as? String {
            let url = root.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                files[path + "/"] = Entry(size: -1, hash: 0)
            } else {
                let data = try Data(contentsOf: url)
                files[path] = Entry(size: data.count, hash: Self.fnv1a(data))
            }
        }
    }

    /// FNV-1a, 64 bits: enough to tell two versions of a file apart (sizes are compared too).
    static func fnv1a(_ data: Data) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        data.withUnsafeBytes { raw in
            for byte in raw.bindMemory(to: UInt8.self) {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        return hash
    }

    /// Which files make this tree neither of the two.
    func difference(from a: Tree, named aName: String, and b: Tree, named bName: String) -> String {
        var notes: [String] = []
        let paths = Set(files.keys).union(a.files.keys).union(b.files.keys).sorted()
        for path in paths {
            let mine = files[path]
            if mine == a.files[path] && mine == b.files[path] { continue }
            let like = mine == nil ? "missing" : mine == a.files[path] ? "as in \(aName)" : mine == b.files[path] ? "as in \(bName)" : "in neither"
            notes.append("\(path) \(like)")
        }
        let counts = Dictionary(grouping: notes, by: { $0.split(separator: " ").dropFirst().joined(separator: " ") }).mapValues(\.count)
        return "\(counts.sorted { $0.key < $1.key }.map { "\($0.value) files \($0.key)" }.joined(separator: ", ")); e.g. \(notes.prefix(4).joined(separator: "; "))"
    }
}
