import Foundation
import XCTest
import Yams

/// The CI recipe a publisher copies (`.github/workflows/site.yml`) is valid YAML, runs the README's own commands
/// (the tests, then the strict build) and publishes `site/` to GitHub Pages; its packages are the Makefile's.
final class WorkflowTests: XCTestCase {
    private func workflow() throws -> [String: Any] {
        let text = try String(contentsOf: Project.root.appendingPathComponent(".github/workflows/site.yml"), encoding: .utf8)
        return try XCTUnwrap(try Yams.load(yaml: text) as? [String: Any])
    }

    private func steps(_ job: String) throws -> [[String: Any]] {
        let jobs = try XCTUnwrap(try workflow()["jobs"] as? [String: Any])
        let body = try XCTUnwrap(jobs[job] as? [String: Any], "no job \(job)")
        return try XCTUnwrap(body["steps"] as? [[String: Any]])
    }

    /// The two commands at the top of the README.
    private func readmeCommands() throws -> [String] {
        let readme = try String(contentsOf: Project.root.appendingPathComponent("README.md"), encoding: .utf8)
        let block = try XCTUnwrap(readme.components(separatedBy: "```sh\n").dropFirst().first?.components(separatedBy: "```").first)
        return block.split(separator: "\n").map { line in
            String(line.split(separator: "#", maxSplits: 1).first ?? "").trimmingCharacters(in: .whitespaces)
        }
    }

    func testTheWorkflowRunsTheReadmeCommandsAndPublishesTheSite() throws {
        let readme = try readmeCommands()
        XCTAssertEqual(readme, ["make site", "make test"])
        let build = try steps("build")
        let runs = build.compactMap { $0["run"] as? String }
        // The tests run before the site is built, with the README's command.
        let test = try XCTUnwrap(runs.firstIndex(of: "make test"), "\(runs)")
        let site = try XCTUnwrap(runs.firstIndex { $0.hasPrefix("make site BUILD_FLAGS=\"--strict") }, "\(runs)")
        XCTAssertLessThan(test, site)
        // What is published is the folder the build wrote, only from main and only after the build.
        let upload = try XCTUnwrap(build.first { ($0["uses"] as? String)?.hasPrefix("actions/upload-pages-artifact@") == true })
        XCTAssertEqual((upload["with"] as? [String: Any])?["path"] as? String, "site")
        let jobs = try XCTUnwrap(try workflow()["jobs"] as? [String: Any])
        let deploy = try XCTUnwrap(jobs["deploy"] as? [String: Any])
        XCTAssertEqual(deploy["needs"] as? String, "build")
        XCTAssertTrue((deploy["if"] as? String)?.contains("refs/heads/main") == true)
        XCTAssertTrue(try steps("deploy").contains { ($0["uses"] as? String)?.hasPrefix("actions/deploy-pages@") == true })
        let permissions = try XCTUnwrap(deploy["permissions"] as? [String: Any])
        XCTAssertEqual(permissions["pages"] as? String, "write")
    }

    func testTheWorkflowInstallsWhatTheMakefileInstalls() throws {
        let makefile = try String(contentsOf: Project.root.appendingPathComponent("Makefile"), encoding: .utf8)
        let line = try XCTUnwrap(makefile.split(separator: "\n").first { $0.hasPrefix("APT_PACKAGES := ") })
        let needed = Set(line.dropFirst("APT_PACKAGES := ".count).split(separator: " ").map(String.init))
        let install = try XCTUnwrap(try steps("build").compactMap { $0["run"] as? String }.first { $0.contains("apt-get install") })
        let installed = Set(install.components(separatedBy: "apt-get install -y ").last?.split(separator: " ").map(String.init) ?? [])
        XCTAssertEqual(needed.subtracting(installed), [], "the workflow misses packages the Makefile installs")
    }
}
