import Foundation
import XCTest
@testable import ReportSiteKit
@testable import ReportSiteOutput

/// Runs the real `reportsite` command on each folder of Fixtures/invalid/ and compares its exit code and
/// everything it prints on stderr with the folder's `expected.txt`; a site built before must survive untouched.
/// Set UPDATE_EXPECTED=1 to rewrite the expected files after a deliberate change (then read the diff).
final class InvalidContentTests: XCTestCase {
    static let cases = Project.fixtures.appendingPathComponent("invalid")

    func testEveryInvalidFolderGivesItsExactDiagnosticsAndKeepsTheOldSite() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.cases.path).sorted()
        XCTAssertGreaterThanOrEqual(names.count, 15)
        for name in names {
            try check(name)
        }
    }

    func check(_ name: String) throws {
        let fm = FileManager.default
        let source = Self.cases.appendingPathComponent(name)
        let work = try temporaryFolder(self).appendingPathComponent(name)
        try fm.copyItem(at: source, to: work)
        // The site a previous, good build published.
        let site = work.appendingPathComponent("site")
        try fm.createDirectory(at: site, withIntermediateDirectories: true)
        let old = Data("<!DOCTYPE html><title>old</title>".utf8)
        try old.write(to: site.appendingPathComponent("index.html"))
        try Data(OutputFolder.markerContents.utf8).write(to: site.appendingPathComponent(OutputFolder.markerName))

        let flags = ((try? String(contentsOf: source.appendingPathComponent("args"), encoding: .utf8)) ?? "")
            .split(whereSeparator: \.isWhitespace).map(String.init)
        let result = try runReportSite(["build", "--content", "content", "--output", "site",
                                        "--templates", Project.templates.path] + flags, in: work)
        let actual = "exit: \(result.status)\n" + result.stderr
        let expectedURL = source.appendingPathComponent("expected.txt")
        if ProcessInfo.processInfo.environment["UPDATE_EXPECTED"] == "1" {
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
        }
        XCTAssertEqual(actual, try String(contentsOf: expectedURL, encoding: .utf8), "\(name): diagnostics differ")
        XCTAssertNotEqual(result.status, 0, "\(name) must fail")
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: site.path).sorted(), [OutputFolder.markerName, "index.html"], "\(name): the old site must be untouched")
        XCTAssertEqual(fm.contents(atPath: site.appendingPathComponent("index.html").path), old, "\(name): the old site must be untouched")
        let leftovers = try fm.contentsOfDirectory(atPath: work.path).filter { $0.hasPrefix(".site") }
        XCTAssertEqual(leftovers, [], "\(name): no temporary folder may be left behind")
    }
}

struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// The `reportsite` executable that `swift build` / `swift test` built next to the test bundle.
func reportSiteExecutable() -> URL {
    var directory = Bundle.main.bundleURL
    if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
    return directory.appendingPathComponent("reportsite")
}

func runReportSite(_ arguments: [String], in directory: URL, environment: [String: String]? = nil) throws -> RunResult {
    let process = Process()
    process.executableURL = reportSiteExecutable()
    process.arguments = arguments
    process.currentDirectoryURL = directory
    if let environment { process.environment = environment }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return RunResult(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
}
