import Foundation
import XCTest
@testable import ReportSiteKit

/// Issue 20's property: after any edit, an incremental build gives the site a clean build gives, byte for byte.
/// Each case makes one random edit to a site of the project's reports, a UPR report and its addendum (a
/// front-matter field, text, a citation, a rename, a deletion, a new report, a template, a vocabulary, a static
/// file), then builds with the caches of the previous build and without any, and compares every file.
/// `REPORTSITE_PROPERTY_CASES` sets the number of cases (default 3; CI runs 150), `REPORTSITE_PROPERTY_SEED` the seed.
final class IncrementalPropertyTests: XCTestCase {
    struct Site {
        let root: URL
        var reports: URL { root.appendingPathComponent("content/reports") }
        var templates: URL { root.appendingPathComponent("Templates") }
    }

    func makeSite() throws -> Site {
        let root = try temporaryFolder(self)
        let fm = FileManager.default
        try fm.copyItem(at: Project.content, to: root.appendingPathComponent("content"))
        try fm.copyItem(at: Project.templates, to: root.appendingPathComponent("Templates"))
        try fm.copyItem(at: Project.fixtures.appendingPathComponent("citations/valid/A-99-1.md"),
                        to: root.appendingPathComponent("content/reports/A-99-1.md"))
        try Data(ReviewRecordTests.report.utf8).write(to: root.appendingPathComponent("content/reports/A-HRC-43-15.md"))
        try Data(ReviewRecordTests.addendum.utf8).write(to: root.appendingPathComponent("content/reports/A-HRC-43-15-Add.1.md"))
        return Site(root: root)
    }

    func build(_ site: Site, into output: String, cache: Bool) -> (SiteBuilder.Outcome, [Diagnostic]) {
        var options = SiteBuilder.Options(content: site.root.appendingPathComponent("content"), output: site.root.appendingPathComponent(output),
                                          templates: site.templates, strict: false, displayBase: site.root)
        options.cache = cache
        options.environment = ["SOURCE_DATE_EPOCH": "1700000000"]
        var builder = SiteBuilder(options: options)
        let outcome = builder.build()
        return (outcome, builder.diagnostics.diagnostics)
    }

    func tree(_ folder: URL) throws -> [String: Data] { try fileTree(folder) }

    /// The report files of the site, sorted.
    func reportFiles(_ site: Site) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: site.reports.path)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
    }

    func read(_ url: URL) -> String { (try? String(contentsOf: url, encoding: .utf8)) ?? "" }
    func write(_ text: String, _ url: URL) throws { try Data(text.utf8).write(to: url) }

    /// One random edit; returns what it did, for the failure message.
    func edit(_ site: Site, _ random: inout SeededRandom, counter: inout Int) throws -> String {
        let files = reportFiles(site)
        let name = random.pick(files)
        let url = site.reports.appendingPathComponent(name)
        var text = read(url)
        counter += 1
        switch random.int(0...11) {
        case 0:
            let day = String(format: "%02d", random.int(1...28))
            guard let range = text.range(of: #"date: \d{4}-\d{2}-\d{2}"#, options: .regularExpression) else { return "none" }
            let year = random.pick(["1999", "2002", "2003", "2013", "2020"])
            text.replaceSubrange(range, with: "date: \(year)-0\(random.int(1...9))-\(day)")
            try write(text, url)
            return "date of \(name)"
        case 1:
            guard let range = text.range(of: #"(?m)^title: .*$"#, options: .regularExpression) else { return "none" }
            text.replaceSubrange(range, with: "title: \"Edited title \(counter)\"")
            try write(text, url)
            return "title of \(name)"
        case 2:
            guard let range = text.range(of: #"(?m)^body: .*$"#, options: .regularExpression) else { return "none" }
            text.replaceSubrange(range, with: "body: \(random.pick(["General Assembly", "Human Rights Council", "Commission on Human Rights"]))")
            try write(text, url)
            return "body of \(name)"
        case 3:
            // A sentence with a citation of another report's paragraph (which may not exist: a warning).
            let target = random.pick(["A/58/275", "A/57/292", "A/68/283", "A/HRC/43/15", "E/CN.4/2000/82"])
            let n = random.int(1...130)
            guard let range = text.range(of: #"(?m)^\d+\. "#, options: .regularExpression) else { return "none" }
            text.insert(contentsOf: "As noted (\(target), para. \(n)), edit \(counter). ", at: range.upperBound)
            try write(text, url)
            return "citation of \(target), para. \(n) in \(name)"
        case 4:
            guard let range = text.range(of: #"(?m)^\d+\. "#, options: .regularExpression) else { return "none" }
            text.insert(contentsOf: "States should act at once (edit \(counter)). ", at: range.upperBound)
            try write(text, url)
            return "recommending text in \(name)"
        case 5:
            guard files.count > 3 else { return "none" }
            try FileManager.default.removeItem(at: url)
            return "deleted \(name)"
        case 6:
            let symbol = "A/77/\(100 + counter)"
            guard let range = text.range(of: #"(?m)^symbol: .*$"#, options: .regularExpression) else { return "none" }
            text.replaceSubrange(range, with: "symbol: \(symbol)")
            try FileManager.default.removeItem(at: url)
            try write(text, site.reports.appendingPathComponent("A-77-\(100 + counter).md"))
            return "renamed \(name) to \(symbol)"
        case 7:
            let symbol = "A/78/\(100 + counter)"
            guard let range = text.range(of: #"(?m)^symbol: .*$"#, options: .regularExpression) else { return "none" }
            text.replaceSubrange(range, with: "symbol: \(symbol)")
            try write(text, site.reports.appendingPathComponent("A-78-\(100 + counter).md"))
            return "copied \(name) as \(symbol)"
        case 8:
            let template = random.pick(["report.mustache", "recommendations.mustache", "partials/paragraph.mustache", "index.mustache"])
            let t = site.templates.appendingPathComponent(template)
            try write(read(t) + "<!-- edit \(counter) -->\n", t)
            return "template \(template)"
        case 9:
            let states = site.root.appendingPathComponent("content/states.yml")
            let vocabulary = read(states).replacingOccurrences(of: #"- name: France\n(  aliases: \[[^\n]*\]\n)?"#,
                                                               with: "- name: France\n  aliases: [French Republic \(counter)]\n",
                                                               options: .regularExpression)
            let addressees = site.root.appendingPathComponent("content/addressees.yml")
            if random.chance(50) {
                try write(vocabulary, states)
                return "states.yml"
            }
            try write(read(addressees).replacingOccurrences(of: "name: Human Rights Council\n", with: "name: Human Rights Council \(counter)\n"), addressees)
            return "addressees.yml"
        case 10:
            let folder = site.root.appendingPathComponent("content/static")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let file = random.pick(["CNAME", "favicon.ico", "docs/A-58-275.pdf"])
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(file).deletingLastPathComponent(), withIntermediateDirectories: true)
            if random.chance(30), FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path) {
                try FileManager.default.removeItem(at: folder.appendingPathComponent(file))
                return "static \(file) removed"
            }
            try write("edit \(counter)", folder.appendingPathComponent(file))
            return "static \(file)"
        default:
            // A position: the addendum's word on a recommendation changes.
            let addendum = site.reports.appendingPathComponent("A-HRC-43-15-Add.1.md")
            guard FileManager.default.fileExists(atPath: addendum.path) else { return "none" }
            let t = read(addendum)
            try write(t.contains("122.1, 122.12") ? t.replacingOccurrences(of: "122.1, 122.12", with: "122.12")
                                                   : t.replacingOccurrences(of: "122.12, 122.17-18", with: "122.1, 122.12, 122.17-18"), addendum)
            return "addendum's word on 122.1"
        }
    }

    func testEveryIncrementalBuildEqualsACleanBuild() throws {
        let environment = ProcessInfo.processInfo.environment
        let cases = environment["REPORTSITE_PROPERTY_CASES"].flatMap(Int.init) ?? 3
        let seed = environment["REPORTSITE_PROPERTY_SEED"].flatMap(UInt64.init) ?? 20261206
        var random = SeededRandom(seed: seed)
        let site = try makeSite()
        guard case .success = build(site, into: "site", cache: true).0 else { return XCTFail("the first build failed") }
        var counter = 0
        var done: [String] = []
        for n in 0..<cases {
            let what = try edit(site, &random, counter: &counter)
            done.append(what)
            let (outcome, diagnostics) = build(site, into: "site", cache: true)
            guard case .success = outcome else {
                return XCTFail("case \(n) (\(what)): the incremental build failed: \(diagnostics.filter { $0.severity == .error }.map(\.formatted))")
            }
            try? FileManager.default.removeItem(at: site.root.appendingPathComponent("clean"))
            guard case .success = build(site, into: "clean", cache: false).0 else { return XCTFail("case \(n) (\(what)): the clean build failed") }
            let incremental = try tree(site.root.appendingPathComponent("site"))
            let clean = try tree(site.root.appendingPathComponent("clean"))
            XCTAssertEqual(incremental.keys.sorted(), clean.keys.sorted(), "case \(n) (\(what)); seed \(seed); edits so far: \(done)")
            let differing = clean.keys.sorted().filter { incremental[$0] != clean[$0] }
            if !differing.isEmpty {
                return XCTFail("case \(n) (\(what)), seed \(seed): \(differing.prefix(5)) differ from a clean build; edits so far: \(done)")
            }
        }
        print("IncrementalPropertyTests: \(cases) cases, seed \(seed), every incremental build equal to a clean build")
    }
}
