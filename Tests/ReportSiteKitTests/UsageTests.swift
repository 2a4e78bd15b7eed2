import Foundation
import XCTest
@testable import ReportSiteKit

/// Wrong usage, through the real command: exit 2 and a message that says what to do.
final class UsageTests: XCTestCase {
    func testWrongUsageExitsTwo() throws {
        let root = try temporaryFolder(self)
        for arguments in [["build", "--format", "xml"], ["frobnicate"], ["build", "--no-such-flag"], ["check", "--output"]] {
            let result = try runReportSite(arguments, in: root)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("Usage: reportsite"), "\(arguments): \(result.stderr)")
        }
        let help = try runReportSite(["build", "--help"], in: root)
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("--templates"))
    }

    /// A mistyped command is named, with the command it most likely meant; a word close to none is left to the
    /// usual message (it may be meant as a value).
    func testAMistypedCommandIsSuggested() throws {
        let root = try temporaryFolder(self)
        for (typo, meant) in [("biuld", "build"), ("chekc", "check"), ("serv", "serve"), ("imprt", "import"), ("inti", "init")] {
            let result = try runReportSite([typo], in: root)
            XCTAssertEqual(result.status, 2)
            XCTAssertEqual(result.stderr, "error: unknown command '\(typo)'\n  note: did you mean 'reportsite \(meant)'? (reportsite --help lists the commands)\n")
        }
        let far = try runReportSite(["frobnicate"], in: root)
        XCTAssertFalse(far.stderr.contains("did you mean"), far.stderr)
    }

    func testVersion() throws {
        let result = try runReportSite(["--version"], in: try temporaryFolder(self))
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stdout, ReportSiteVersion.current + "\n")
    }

    func testAMissingContentFolderIsNamed() throws {
        let root = try temporaryFolder(self)
        let result = try runReportSite(["build", "--content", "/nope", "--templates", Project.templates.path], in: root)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "/nope: error: the content folder does not exist\n"
            + "  note: run reportsite in the folder that holds content/, or name the content folder with --content\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), [], "nothing written")
        // From a folder without templates too: the missing content is what is said, not the templates.
        let bare = try runReportSite(["build", "--content", "/nope"], in: root)
        XCTAssertEqual(bare.status, 2)
        XCTAssertTrue(bare.stderr.hasPrefix("/nope: error: the content folder does not exist"), bare.stderr)
    }

    /// Run from another folder, the templates are found beside the content, as a user names only --content.
    func testTemplatesAreFoundBesideTheContent() throws {
        let fm = FileManager.default
        let root = try temporaryFolder(self)
        let project = root.appendingPathComponent("project")
        try fm.createDirectory(at: project.appendingPathComponent("content/reports"), withIntermediateDirectories: true)
        try fm.copyItem(at: Project.fixtures.appendingPathComponent("citations/valid/A-99-1.md"),
                        to: project.appendingPathComponent("content/reports/A-99-1.md"))
        let elsewhere = root.appendingPathComponent("elsewhere")
        try fm.createDirectory(at: elsewhere, withIntermediateDirectories: true)

        var result = try runReportSite(["build", "--content", project.appendingPathComponent("content").path], in: elsewhere)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.hasPrefix("error: no templates folder: neither \(elsewhere.path)/Templates nor \(project.path)/Templates exists\n"),
                      result.stderr)
        XCTAssertTrue(result.stderr.contains("name the templates with --templates"))

        try fm.copyItem(at: Project.templates, to: project.appendingPathComponent("Templates"))
        result = try runReportSite(["build", "--content", project.appendingPathComponent("content").path], in: elsewhere)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(fm.fileExists(atPath: elsewhere.appendingPathComponent("site/A/99/1/index.html").path))
        XCTAssertTrue(fm.fileExists(atPath: elsewhere.appendingPathComponent("site/assets/style.css").path))
    }
}
