import Foundation
import XCTest

/// `reportsite init` and `reportsite new`, through the real command, each followed by a real build.
final class ScaffoldTests: XCTestCase {
    /// A new site, from a folder with no templates (they are found from the executable's checkout), builds at
    /// once, under --strict too.
    func testInitMakesASiteThatBuildsAtOnce() throws {
        let fm = FileManager.default
        let root = try temporaryFolder(self)
        let result = try runReportSite(["init", "my-site"], in: root)
        XCTAssertEqual(result.status, 0, result.stderr)
        let folder = root.appendingPathComponent("my-site")
        for path in ["content/site.yml", "content/addressees.yml", "content/recommending-verbs.yml", "content/reports/EXAMPLE-1.md",
                     "Templates/report.mustache", "Templates/partials/head.mustache", "Templates/assets/style.css", ".gitignore"] {
            XCTAssertTrue(fm.fileExists(atPath: folder.appendingPathComponent(path).path), path)
        }
        // A full copy of the templates, byte for byte.
        let templates = try fm.subpathsOfDirectory(atPath: Project.templates.path).sorted()
        XCTAssertEqual(try fm.subpathsOfDirectory(atPath: folder.appendingPathComponent("Templates").path).sorted(), templates)
        for path in templates where !path.hasSuffix("/") {
            var isDirectory: ObjCBool = false
            _ = fm.fileExists(atPath: Project.templates.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if isDirectory.boolValue { continue }
            XCTAssertEqual(fm.contents(atPath: folder.appendingPathComponent("Templates/" + path).path),
                           fm.contents(atPath: Project.templates.appendingPathComponent(path).path), path)
        }
        XCTAssertEqual(fm.contents(atPath: folder.appendingPathComponent("content/recommending-verbs.yml").path),
                       fm.contents(atPath: Project.content.appendingPathComponent("recommending-verbs.yml").path))
        let ignore = try String(contentsOf: folder.appendingPathComponent(".gitignore"), encoding: .utf8)
        XCTAssertTrue(ignore.split(separator: "\n").contains("/site/") && ignore.split(separator: "\n").contains("/.reportsite-cache/"), ignore)
        let site = try String(contentsOf: folder.appendingPathComponent("content/site.yml"), encoding: .utf8)
        for key in ["title:", "description:", "base_url:", "documents:", "language:"] {
            XCTAssertTrue(site.contains("\n" + key), "site.yml has \(key)")
        }

        let build = try runReportSite(["build", "--strict"], in: folder)
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertEqual(build.stderr, "", "no diagnostic, even under --strict")
        XCTAssertTrue(fm.fileExists(atPath: folder.appendingPathComponent("site/EXAMPLE/1/index.html").path))
        let page = try Page(folder.appendingPathComponent("site/EXAMPLE/1/index.html"))
        XCTAssertTrue(page.ids.contains("para-2-a") && page.ids.contains("fn-1"), "the example shows sub-paragraphs and footnotes")
        let json = try String(contentsOf: folder.appendingPathComponent("site/recommendations.json"), encoding: .utf8)
        XCTAssertTrue(json.contains("\"states\""), "the example's recommendation is filed under States")
    }

    /// A folder that is not empty is refused and left as it was; so is a file.
    func testInitRefusesAFolderThatIsNotEmpty() throws {
        let fm = FileManager.default
        let root = try temporaryFolder(self)
        let folder = root.appendingPathComponent("taken")
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let result = try runReportSite(["init", "taken"], in: root)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("is not empty (it holds notes.txt)"), result.stderr)
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: folder.path), ["notes.txt"])
        XCTAssertEqual(fm.contents(atPath: folder.appendingPathComponent("notes.txt").path), Data("mine".utf8))

        let missing = try runReportSite(["init", "other", "--templates", "no-such-templates"], in: root)
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("no-such-templates does not exist"), missing.stderr)
        XCTAssertFalse(fm.fileExists(atPath: root.appendingPathComponent("other").path))

        // An empty folder is fine.
        try fm.createDirectory(at: root.appendingPathComponent("empty"), withIntermediateDirectories: true)
        XCTAssertEqual(try runReportSite(["init", "empty", "--templates", Project.templates.path], in: root).status, 0)
    }

    /// A symbolic link is not a folder to start a site in, even a dangling one (which must still be there after);
    /// templates named through a link are copied, so that the new site's look is its own.
    func testInitLeavesSymbolicLinksAloneAndCopiesLinkedTemplates() throws {
        let fm = FileManager.default
        let root = try temporaryFolder(self)
        let dangling = root.appendingPathComponent("s2")
        try fm.createSymbolicLink(atPath: dangling.path, withDestinationPath: root.appendingPathComponent("nowhere").path)
        let refused = try runReportSite(["init", "s2", "--templates", Project.templates.path], in: root)
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("is a symbolic link"), refused.stderr)
        XCTAssertEqual(try fm.destinationOfSymbolicLink(atPath: dangling.path), root.appendingPathComponent("nowhere").path)

        let link = root.appendingPathComponent("linked-templates")
        try fm.createSymbolicLink(atPath: link.path, withDestinationPath: Project.templates.path)
        XCTAssertEqual(try runReportSite(["init", "s3", "--templates", "linked-templates"], in: root).status, 0)
        let copied = root.appendingPathComponent("s3/Templates")
        XCTAssertNil(try? fm.destinationOfSymbolicLink(atPath: copied.path), "Templates is a folder of its own, not a link")
        XCTAssertEqual(fm.contents(atPath: copied.appendingPathComponent("report.mustache").path),
                       fm.contents(atPath: Project.templates.appendingPathComponent("report.mustache").path))
    }

    /// `--body` and `--author` fill those keys (quoted as YAML), and the built page and lists show them.
    func testNewTakesTheBodyAndTheAuthor() throws {
        let fm = FileManager.default
        let root = try temporaryFolder(self)
        try fm.createDirectory(at: root.appendingPathComponent("content/reports"), withIntermediateDirectories: true)
        let result = try runReportSite(["new", "E/CN.4/2005/85", "--body", "Commission on Human Rights",
                                        "--author", "Gabriela Rodríguez \"G\" Pizarro", "--date", "2005-01-27"], in: root)
        XCTAssertEqual(result.status, 0, result.stderr)
        let text = try String(contentsOf: root.appendingPathComponent("content/reports/E-CN.4-2005-85.md"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains("body: \"Commission on Human Rights\""), text)
        XCTAssertTrue(lines.contains("author: \"Gabriela Rodríguez \\\"G\\\" Pizarro\""), text)
        XCTAssertFalse(lines.contains("# author: Name of the mandate holder"), "no second, commented author")
        let build = try runReportSite(["build", "--strict", "--templates", Project.templates.path], in: root)
        XCTAssertEqual(build.status, 0, build.stderr)
        let page = try Page(root.appendingPathComponent("site/E/CN.4/2005/85/index.html")).html
        XCTAssertTrue(page.contains("<dd>Commission on Human Rights</dd>"))
        XCTAssertTrue(page.contains("<dd>Gabriela Rodríguez &quot;G&quot; Pizarro</dd>"))
        XCTAssertTrue(fm.fileExists(atPath: root.appendingPathComponent("site/browse/mandate-holder/gabriela-rodriguez-g-pizarro/index.html").path))
        let empty = try runReportSite(["new", "A/1/2", "--body", " "], in: root)
        XCTAssertEqual(empty.status, 2)
        XCTAssertTrue(empty.stderr.hasPrefix("error: --body is empty"), empty.stderr)
    }

    /// `new` writes the skeleton the contract asks for, which builds with no error; it never replaces a file,
    /// and refuses a symbol or a date it cannot use.
    func testNewWritesASkeletonThatBuilds() throws {
        let fm = FileManager.default
        let root = try temporaryFolder(self)
        try fm.createDirectory(at: root.appendingPathComponent("content/reports"), withIntermediateDirectories: true)
        try fm.copyItem(at: Project.content.appendingPathComponent("addressees.yml"), to: root.appendingPathComponent("content/addressees.yml"))

        let result = try runReportSite(["new", "E/CN.4/2005/85", "--title", "Migrants: \"a\" title", "--date", "2005-01-27"], in: root)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("wrote content/reports/E-CN.4-2005-85.md\n"), result.stdout)
        let file = root.appendingPathComponent("content/reports/E-CN.4-2005-85.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        for line in ["symbol: E/CN.4/2005/85", "title: \"Migrants: \\\"a\\\" title\"", "date: 2005-01-27", "body: \"General Assembly\""] {
            XCTAssertTrue(text.split(separator: "\n").contains(Substring(line)), "\(line) in\n\(text)")
        }
        let build = try runReportSite(["build", "--templates", Project.templates.path], in: root)
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertFalse(build.stderr.contains("error:"), build.stderr)
        let page = try Page(root.appendingPathComponent("site/E/CN.4/2005/85/index.html"))
        XCTAssertTrue(page.html.contains("<h1>Migrants: &quot;a&quot; title</h1>"), "the title as given")
        XCTAssertTrue(page.ids.contains("para-1"))

        // Never replaced.
        try Data("edited by hand".utf8).write(to: file)
        let again = try runReportSite(["new", "E/CN.4/2005/85"], in: root)
        XCTAssertEqual(again.status, 2)
        XCTAssertEqual(again.stderr, "error: content/reports/E-CN.4-2005-85.md already exists; it is left as it is\n"
            + "  note: edit that file, or remove it first to start it again\n")
        XCTAssertEqual(fm.contents(atPath: file.path), Data("edited by hand".utf8))

        // What cannot be a symbol or a date.
        for symbol in ["A58275", "A//1", "../etc/passwd", "A/58/275/", "A/5 8/1", "A/..b/1"] {
            let refused = try runReportSite(["new", symbol], in: root)
            XCTAssertEqual(refused.status, 2, symbol)
            XCTAssertTrue(refused.stderr.contains("is not a document symbol: a document symbol is two or more parts separated by \"/\""), refused.stderr)
        }
        let date = try runReportSite(["new", "A/1/2", "--date", "2005-02-30"], in: root)
        XCTAssertEqual(date.status, 2)
        XCTAssertTrue(date.stderr.contains("is not a date: write it YYYY-MM-DD"), date.stderr)
        let noContent = try runReportSite(["new", "A/1/2", "--content", "nowhere"], in: root)
        XCTAssertEqual(noContent.status, 2)
        XCTAssertTrue(noContent.stderr.contains("reportsite init FOLDER"), noContent.stderr)
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: root.appendingPathComponent("content/reports").path), ["E-CN.4-2005-85.md"],
                       "nothing else written")
    }

    /// Without --date, the day of SOURCE_DATE_EPOCH (never the clock when it is set).
    func testNewTakesItsDateFromSourceDateEpoch() throws {
        let root = try temporaryFolder(self)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = "1100000000"  // 2004-11-09T11:33:20Z
        let result = try runReportSite(["new", "A/59/1"], in: root, environment: environment)
        XCTAssertEqual(result.status, 0, result.stderr)
        let text = try String(contentsOf: root.appendingPathComponent("content/reports/A-59-1.md"), encoding: .utf8)
        XCTAssertTrue(text.contains("\ndate: 2004-11-09\n"), text)
    }
}
