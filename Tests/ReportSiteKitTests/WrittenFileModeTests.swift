import Foundation
import XCTest
@testable import ReportSiteKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The site's files are made as other tools make files: 0666 less the umask, so that a publishing folder kept
/// group-writable (umask 002) stays so, and a private one (umask 077) stays private.
final class WrittenFileModeTests: XCTestCase {
    func testTheSitesFilesFollowTheUmask() throws {
        for (mask, expected) in [(mode_t(0o002), 0o664), (mode_t(0o077), 0o600)] {
            let root = try temporaryFolder(self)
            let saved = umask(mask)
            defer { umask(saved) }
            var options = SiteBuilder.Options(content: Project.content, output: root.appendingPathComponent("site"),
                                              templates: Project.templates, displayBase: Project.root, write: true)
            options.environment = ["SOURCE_DATE_EPOCH": "1700000000"]
            var builder = SiteBuilder(options: options)
            XCTAssertEqual(builder.build().exitCode, 0)
            var modes: [Int: [String]] = [:]
            let site = root.appendingPathComponent("site")
            // The files the build writes; assets are copied from the templates with their own mode, as `cp -p` would.
            for path in FolderWalk.paths(in: site) where !path.hasPrefix("assets/") {
                let attributes = try FileManager.default.attributesOfItem(atPath: site.appendingPathComponent(path).path)
                let mode = (attributes[.posixPermissions] as? Int ?? 0) & 0o777
                modes[mode, default: []].append(path)
            }
            XCTAssertEqual(Array(modes.keys), [expected], "umask \(String(mask, radix: 8)): \(modes.mapValues { $0.prefix(3) })")
            XCTAssertTrue(modes[expected]?.contains("A/58/275/index.html") ?? false)
            XCTAssertTrue(modes[expected]?.contains("recommendations.json") ?? false)
        }
    }
}
