import Foundation
import XCTest
@testable import ReportSiteKit
@testable import ReportSiteOutput

/// `reportsite build --output X` replaces X whole, so X must be a folder the build owns. Each test runs the real
/// command in a small project (content, templates, a git folder, a note beside them) and proves that a refused
/// output leaves every file of the project, and of the folder around it, byte for byte as it was.
final class OutputFolderTests: XCTestCase {
    /// root/ holds a neighbour's file and project/ (content/, Templates/, .git/, notes.txt).
    struct Project_ {
        let root: URL
        var project: URL { root.appendingPathComponent("project") }
    }

    func makeProject() throws -> Project_ {
        let fm = FileManager.default
        let root = try temporaryFolder(self)
        let p = Project_(root: root)
        let reports = p.project.appendingPathComponent("content/reports")
        try fm.createDirectory(at: reports, withIntermediateDirectories: true)
        try fm.copyItem(at: Project.fixtures.appendingPathComponent("citations/valid/A-99-1.md"),
                        to: reports.appendingPathComponent("A-99-1.md"))
        try fm.copyItem(at: Project.templates, to: p.project.appendingPathComponent("Templates"))
        try fm.createDirectory(at: p.project.appendingPathComponent(".git/objects"), withIntermediateDirectories: true)
        try Data("ref: refs/heads/main\n".utf8).write(to: p.project.appendingPathComponent(".git/HEAD"))
        try Data("my notes\n".utf8).write(to: p.project.appendingPathComponent("notes.txt"))
        try Data("a neighbour's file\n".utf8).write(to: root.appendingPathComponent("neighbour.txt"))
        return p
    }

    /// Every file, folder and link under `folder`, with the bytes of each file.
    func snapshot(_ folder: URL) throws -> [String: Data] {
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

    /// Runs `reportsite build --output <output>` in the project and expects a refusal naming `reason`, with the
    /// whole root (project and neighbours) unchanged.
    func assertRefused(_ output: String, _ reason: String, in p: Project_, cwd: URL? = nil,
                       environment: [String: String]? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        let before = try snapshot(p.root)
        let result = try runReportSite(["build", "--output", output], in: cwd ?? p.project, environment: environment)
        XCTAssertEqual(result.status, 2, "--output \(output): \(result.stderr)", file: file, line: line)
        XCTAssertTrue(result.stderr.contains("refusing to use this folder as the output: \(reason)"),
                      "--output \(output): \(result.stderr)", file: file, line: line)
        XCTAssertEqual(result.stdout, "", file: file, line: line)
        let after = try snapshot(p.root)
        XCTAssertEqual(after.keys.sorted(), before.keys.sorted(), "--output \(output): files appeared or vanished", file: file, line: line)
        XCTAssertEqual(after, before, "--output \(output): a file changed", file: file, line: line)
    }

    func testTheProjectAndWhatIsAroundItAreNeverTheOutput() throws {
        let p = try makeProject()
        try assertRefused(".", "it is the working directory", in: p)
        try assertRefused("..", "it contains the content folder", in: p)
        try assertRefused("content", "it is the content folder", in: p)
        try assertRefused("Templates", "it is the templates folder", in: p)
        try assertRefused("content/reports", "it lies inside the content folder", in: p)
        try assertRefused("Templates/site", "it lies inside the templates folder", in: p)
        try assertRefused("nothing/../../project", "it is the working directory", in: p)
        try assertRefused(p.project.path + "/content/reports/../..", "it is the working directory", in: p)
    }

    func testTheRootAndTheHomeFolderAreRefused() throws {
        let p = try makeProject()
        try assertRefused("/", "it is the root of the file system", in: p)
        let home = p.root.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home.path
        try assertRefused(home.path, "it is your home folder", in: p, environment: environment)
    }

    func testAFolderThatIsNotASiteIsRefused() throws {
        let p = try makeProject()
        let stray = p.project.appendingPathComponent("drafts")
        try FileManager.default.createDirectory(at: stray, withIntermediateDirectories: true)
        try Data("a draft\n".utf8).write(to: stray.appendingPathComponent("draft.docx"))
        try assertRefused("drafts", "it is not empty and holds no site built by ReportSite (it has `draft.docx`)", in: p)
        // A file where the folder should be.
        try assertRefused("notes.txt", "it is a file, not a folder", in: p)
    }

    func testTheMarkerIsCheckedNotTrusted() throws {
        let p = try makeProject()
        let fm = FileManager.default
        let fake = p.project.appendingPathComponent("public")
        try fm.createDirectory(at: fake.appendingPathComponent("content"), withIntermediateDirectories: true)
        try Data(OutputFolder.markerContents.utf8).write(to: fake.appendingPathComponent(OutputFolder.markerName))
        try assertRefused("public", "it holds `content`", in: p)
        try fm.removeItem(at: fake.appendingPathComponent("content"))
        try fm.createDirectory(at: fake.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try assertRefused("public", "it holds `.git`", in: p)
        // A git work tree of another project, without the marker.
        let repo = p.root.appendingPathComponent("other-repo")
        try fm.createDirectory(at: repo.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("# Other\n".utf8).write(to: repo.appendingPathComponent("README.md"))
        try assertRefused(repo.path, "it holds `.git`, so it is a project or a repository, not a site", in: p)
    }

    func testASymbolicLinkIsRefused() throws {
        let p = try makeProject()
        try FileManager.default.createSymbolicLink(atPath: p.project.appendingPathComponent("published").path, withDestinationPath: "content")
        try assertRefused("published", "it is a symbolic link", in: p)
        // A path through a link that lands on the project.
        try FileManager.default.createSymbolicLink(atPath: p.root.appendingPathComponent("shortcut").path, withDestinationPath: "project/content")
        // `..` goes up by name, as the writer would go: ../shortcut/.. is the folder around the project.
        try assertRefused("../shortcut/..", "it contains the content folder", in: p)
        try assertRefused("../shortcut", "it is a symbolic link", in: p)
    }

    /// What a build may replace: a new folder, an empty one, its own site (also one built before the marker existed).
    func testItsOwnSiteAnEmptyFolderAndANewFolderAreReplaced() throws {
        let p = try makeProject()
        let fm = FileManager.default
        var result = try runReportSite(["build", "--output", "site"], in: p.project)
        XCTAssertEqual(result.status, 0, result.stderr)
        let marker = p.project.appendingPathComponent("site").appendingPathComponent(OutputFolder.markerName)
        let markerText = try String(contentsOf: marker, encoding: .utf8)
        XCTAssertTrue(markerText.hasPrefix(OutputFolder.markerContents + "files:\n404.html\nA/99/1/index.html\n"), markerText)
        let first = try snapshot(p.project.appendingPathComponent("site"))
        result = try runReportSite(["build", "--output", "site"], in: p.project)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try snapshot(p.project.appendingPathComponent("site")), first, "a rebuild gives the same site")

        try fm.createDirectory(at: p.project.appendingPathComponent("empty"), withIntermediateDirectories: true)
        result = try runReportSite(["build", "--output", "empty"], in: p.project)
        XCTAssertEqual(result.status, 0, result.stderr)

        // A site from before the marker: it has anchors.txt, citations.json, recommendations.json and index.html.
        // The files its build wrote are those its cache names: another one stops the build (issue 18).
        try fm.removeItem(at: marker)
        try Data("stale".utf8).write(to: p.project.appendingPathComponent("site/old-page.html"))
        result = try runReportSite(["build", "--output", "site"], in: p.project)
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("it holds `old-page.html`, a file the build did not write"), result.stderr)
        XCTAssertEqual(fm.contents(atPath: p.project.appendingPathComponent("site/old-page.html").path), Data("stale".utf8))
        // Without a cache either, nothing says which files are the build's: it is replaced, as it always was.
        try fm.removeItem(at: p.project.appendingPathComponent(".reportsite-cache"))
        result = try runReportSite(["build", "--output", "site"], in: p.project)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try snapshot(p.project.appendingPathComponent("site")), first)
    }

    func testCheckWritesNothingAndNeedsNoOutputFolder() throws {
        let p = try makeProject()
        let before = try snapshot(p.root)
        let result = try runReportSite(["check", "--strict"], in: p.project)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try snapshot(p.root), before)
    }
}
