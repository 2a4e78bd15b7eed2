import Foundation
import XCTest
@testable import ReportSiteKit
@testable import ReportSiteReports
@testable import ReportSiteSite

/// Issue 18, through the real command: files under content/ that are not read are named, templates never
/// render a name as blank, ranges and chapters are checked, and diagnostics stand where the problem is.
final class TrustTests: XCTestCase {
    /// A work folder with the project's content and templates, changed by `change`.
    func work(_ change: (URL) throws -> Void = { _ in }) throws -> URL {
        let work = try temporaryFolder(self)
        try FileManager.default.copyItem(at: Project.templates, to: work.appendingPathComponent("Templates"))
        try FileManager.default.copyItem(at: Project.content, to: work.appendingPathComponent("content"))
        try change(work)
        return work
    }

    func write(_ text: String, to path: String, in work: URL) throws {
        let url = work.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func report(_ symbol: String, _ body: String, extra: String = "") -> String {
        "---\nsymbol: \(symbol)\ntitle: A report\ndate: 2020-01-01\nbody: General Assembly\n\(extra)---\n\n\(body)"
    }

    func check(_ work: URL, strict: Bool = true) throws -> RunResult {
        try runReportSite(["check"] + (strict ? ["--strict"] : []), in: work)
    }

    /// Lines of stderr that are diagnostics (not their notes), for a file.
    func diagnostics(_ result: RunResult, code: String) -> [String] {
        result.stderr.split(separator: "\n").map(String.init).filter { $0.hasSuffix("[\(code)]") }
    }

    // Item 2: every file under content/reports/ is read or named; subfolders are read.
    func testEveryFileUnderReportsIsReadOrNamed() throws {
        let work = try work { work in
            let text = try String(contentsOf: work.appendingPathComponent("content/reports/A-58-275.md"), encoding: .utf8)
            func renamed(_ symbol: String) -> String { text.replacingOccurrences(of: "symbol: A/58/275", with: "symbol: " + symbol) }
            try write(renamed("A/66/291"), to: "content/reports/A-66-291.MD", in: work)
            try write(renamed("A/66/290"), to: "content/reports/A-66-290.markdown", in: work)
            try write(renamed("A/66/290"), to: "content/reports/.A-66-290.md", in: work)
            try write(renamed("A/66/292"), to: "content/reports/2011/A-66-292.md", in: work)
            try write("%PDF", to: "content/reports/A-66-292.pdf", in: work)
            try write("x", to: "content/notes.txt", in: work)
            try write("", to: "content/reports/.DS_Store", in: work)
        }
        let result = try runReportSite(["build", "--strict"], in: work)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(diagnostics(result, code: "RS021"), [
            "content/notes.txt: error: notes.txt is not read: content/ holds site.yml, addressees.yml, recommending-verbs.yml, states.yml, reports/ and static/ [RS021]",
            "content/reports/.A-66-290.md: error: .A-66-290.md is a hidden file; it is not read [RS021]",
            "content/reports/A-66-290.markdown: error: A-66-290.markdown is not read: only files whose names end in `.md` (lower case) are reports [RS021]",
            "content/reports/A-66-291.MD: error: A-66-291.MD is not read: only files whose names end in `.md` (lower case) are reports [RS021]",
            "content/reports/A-66-292.pdf: error: A-66-292.pdf is not read: content/reports/ holds the reports (`.md`) and the images they show [RS021]",
        ])
        XCTAssertTrue(result.stderr.contains("rename it to A-66-291.md if it is a report"), result.stderr)
        XCTAssertFalse(result.stderr.contains(".DS_Store"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("site").path), "nothing written")

        // Without --strict the same files are warnings, and the report in a subfolder is on the site.
        let loose = try runReportSite(["build"], in: work)
        XCTAssertEqual(loose.status, 0, loose.stderr)
        XCTAssertEqual(diagnostics(loose, code: "RS021").count, 5)
        let page = try String(contentsOf: work.appendingPathComponent("site/A/66/292/index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("id=\"para-80\""))
    }

    func testAReportInASubfolderShowsItsImagesAndKeepsItsSymbolUnique() throws {
        let work = try work { work in
            try write(report("A/70/1", "1. A map: ![Map](map.png)\n"), to: "content/reports/2015/A-70-1.md", in: work)
            try write("PNG", to: "content/reports/2015/map.png", in: work)
            try write(report("A/70/1", "1. Again.\n"), to: "content/reports/2016/A-70-1.md", in: work)
        }
        let twice = try runReportSite(["build", "--strict"], in: work)
        XCTAssertEqual(twice.status, 1)
        XCTAssertTrue(twice.stderr.contains("symbol A/70/1 is already used by content/reports/2015/A-70-1.md [RS017]")
                      || twice.stderr.contains("symbol A/70/1 is already used by content/reports/2016/A-70-1.md [RS017]"), twice.stderr)
        try FileManager.default.removeItem(at: work.appendingPathComponent("content/reports/2016"))
        let once = try runReportSite(["build", "--strict"], in: work)
        XCTAssertEqual(once.status, 0, once.stderr)
        XCTAssertEqual(try String(contentsOf: work.appendingPathComponent("site/A/70/1/map.png"), encoding: .utf8), "PNG")
    }

    /// Folders linked into content/reports/ and into the templates are read, and a change behind a link is seen
    /// (review of issue 18, defects 2-4); a link loop is named once.
    func testLinkedFoldersAreReadAndTheirChangesSeen() throws {
        let outside = try temporaryFolder(self)
        let theme = try temporaryFolder(self)
        let work = try work { work in
            let fm = FileManager.default
            try fm.moveItem(at: work.appendingPathComponent("content/reports/A-57-292.md"), to: outside.appendingPathComponent("A-57-292.md"))
            try fm.createSymbolicLink(at: work.appendingPathComponent("content/reports/2002"), withDestinationURL: outside)
            try fm.moveItem(at: work.appendingPathComponent("Templates/partials"), to: theme.appendingPathComponent("partials"))
            try fm.createSymbolicLink(at: work.appendingPathComponent("Templates/partials"), withDestinationURL: theme.appendingPathComponent("partials"))
            try fm.moveItem(at: work.appendingPathComponent("Templates/assets"), to: theme.appendingPathComponent("assets"))
            try fm.createSymbolicLink(at: work.appendingPathComponent("Templates/assets"), withDestinationURL: theme.appendingPathComponent("assets"))
        }
        let first = try runReportSite(["build", "--strict"], in: work)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: work.appendingPathComponent("site/assets/style.css").path))
        let report = outside.appendingPathComponent("A-57-292.md")
        let text = try String(contentsOf: report, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "title: ", with: "title: Edited behind a link; ").utf8).write(to: report)
        let second = try runReportSite(["build", "--strict"], in: work)
        XCTAssertFalse(second.stdout.contains("up to date"), second.stdout)
        XCTAssertTrue(try String(contentsOf: work.appendingPathComponent("site/A/57/292/index.html"), encoding: .utf8).contains("Edited behind a link"))
        try FileManager.default.createSymbolicLink(at: work.appendingPathComponent("content/reports/loop"), withDestinationURL: work.appendingPathComponent("content/reports"))
        let loop = try runReportSite(["check"], in: work)
        XCTAssertEqual(diagnostics(loop, code: "RS021"),
                       ["content/reports/loop: warning: loop is a link to a folder already read (a loop); nothing in it is read again [RS021]"])
        XCTAssertEqual(diagnostics(loop, code: "RS017"), [])
    }

    /// An image under content/reports/ that no report shows is named (review of issue 18, defect 9).
    func testAnImageNoReportShowsIsNamed() throws {
        let work = try work { work in
            try write(report("A/70/11", "1. A map: ![Map](map.png)\n"), to: "content/reports/A-70-11.md", in: work)
            try write("PNG", to: "content/reports/map.png", in: work)
            try write("PNG", to: "content/reports/unused.png", in: work)
        }
        let result = try runReportSite(["build", "--strict"], in: work)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(diagnostics(result, code: "RS021"),
                       ["content/reports/unused.png: error: unused.png is an image that no report shows; it is not published [RS021]"])
    }

    // Item 14: an empty reports folder, a report with front matter and no body.
    func testAnEmptyReportsFolderAndAnEmptyReportAreWarnings() throws {
        let empty = try work { work in
            for name in try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("content/reports").path) {
                try FileManager.default.removeItem(at: work.appendingPathComponent("content/reports/" + name))
            }
        }
        let none = try check(empty, strict: false)
        XCTAssertEqual(diagnostics(none, code: "RS022"),
                       ["content/reports: warning: the folder holds no report: the site would have no report pages [RS022]"])
        XCTAssertEqual(try check(empty).status, 1)

        let blank = try work { work in try write(report("A/70/2", "\n\n"), to: "content/reports/A-70-2.md", in: work) }
        let result = try check(blank)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(diagnostics(result, code: "RS019"),
                       ["content/reports/A-70-2.md:1:1: error: the report has front matter but no text: its page would be empty [RS019]"])
    }

    // Item 8 (the build's half): a report with no numbered paragraph is a warning, unless it says so.
    func testAReportWithNoNumberedParagraphIsAWarningUnlessItSaysSo() throws {
        let work = try work { work in try write(report("A/70/3", "Some text without numbers.\n"), to: "content/reports/A-70-3.md", in: work) }
        let result = try check(work)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(diagnostics(result, code: "RS110"),
                       ["content/reports/A-70-3.md:1:1: error: the report has no numbered paragraph: no paragraph can be linked or cited [RS110]"])
        try write(report("A/70/3", "Some text without numbers.\n", extra: "paragraphs: none\n"), to: "content/reports/A-70-3.md", in: work)
        let declared = try check(work)
        XCTAssertEqual(declared.status, 0, declared.stderr)
    }

    // Item 4: a link reference definition nothing uses.
    func testAnUnusedLinkDefinitionIsAWarningAtItsLine() throws {
        let work = try work { work in
            try write(report("A/70/4", "1. See [the site][used].\n\n[used]: https://example.org\n\n[link]: https://example.org \"TEXT\"\n"),
                      to: "content/reports/A-70-4.md", in: work)
        }
        let result = try check(work)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(diagnostics(result, code: "RS304"),
                       ["content/reports/A-70-4.md:12:1: error: the link definition [link] is never used: it shows nothing on the page [RS304]"])

        // The review's cases: uses over two lines, collapsed, in a footnote are uses; a paragraph that only looks like a
        // definition is text; a use in a code span is none; definitions in a quote and under a heading are definitions.
        try write(report("A/70/4", """
            ## I. Text

            [incode]: https://example.org/e
            1. A [multi
            line] shortcut, a collapsed [Foo
            Bar][] and a note.[^1] Not a use: `[incode]`.

            [multi line]: https://example.org/c
            [foo bar]: https://example.org/d

            [Translated from French]: text of the statement follows in the annex.

            > [inquote]: https://example.org/f

            [^1]: See [the note][n].

            [n]: https://example.org/n

            """), to: "content/reports/A-70-4.md", in: work)
        let review = try check(work)
        XCTAssertEqual(diagnostics(review, code: "RS304").map { $0.components(separatedBy: ": error: ").last ?? $0 }, [
            "the link definition [incode] is never used: it shows nothing on the page [RS304]",
            "the link definition [inquote] is never used: it shows nothing on the page [RS304]",
        ], review.stderr)
    }

    // Item 6: a range is checked to its end.
    func testACitationRangeIsCheckedAtBothEnds() throws {
        let work = try work { work in
            try write(report("A/70/5", "1. As said (A/58/275, paras. 80-90) and (A/58/275, paras. 80-84).\n"), to: "content/reports/A-70-5.md", in: work)
        }
        let last = try String(contentsOf: work.appendingPathComponent("content/reports/A-58-275.md"), encoding: .utf8)
        XCTAssertTrue(last.contains("\n85. ") && !last.contains("\n86. "), "the fixture's last paragraph is 85")
        let result = try check(work)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(diagnostics(result, code: "RS601"),
                       ["content/reports/A-70-5.md:8:13: error: 'A/58/275, paras. 80-90' cites a range of A/58/275 whose end does not exist: paragraphs 86-90 not found; the link goes to its first paragraph [RS601]"])
    }

    // Item 7: "Chapter II" at the start of a sentence is the report's own chapter.
    /// The quick look that spares the line-by-line search: footnote definitions (`[^1]:`) are not link
    /// definitions; any other `]:` is looked at.
    func testTheQuickLookForLinkDefinitionsPassesOverFootnotes() {
        XCTAssertFalse(LinkDefinitions.mayHoldDefinition("1. Text.[^1]\n\n[^1]: A/58/275, para. 3.\n[^2]: See [note] below.[^3]\n"))
        XCTAssertFalse(LinkDefinitions.mayHoldDefinition("No brackets at all: none."))
        XCTAssertTrue(LinkDefinitions.mayHoldDefinition("[^1]: A note.\n[link]: https://example.org\n"))
        XCTAssertTrue(LinkDefinitions.mayHoldDefinition("[^1]: A note [x]: y\n"), "the last bracket of the line decides")
        XCTAssertTrue(LinkDefinitions.mayHoldDefinition("[a label\nover two lines]: /url\n"))
        XCTAssertTrue(LinkDefinitions.mayHoldDefinition("> [quoted]: /url"))
    }

    func testAChapterAtTheStartOfASentenceIsLinkedAndChecked() throws {
        let body = "## I. Introduction\n\n1. Text.\n\n## II. Context\n\n2. Chapter II describes this. See chapter I. Chapter IX does not exist. Under Chapter VII the Council acts.\n"
        let (analysed, found) = analyseBody(body)
        let sections = analysed.citations.filter { $0.kind == .section }.map { "\($0.text)->\($0.section ?? "")" }
        XCTAssertEqual(sections, ["Chapter II->II", "chapter I->I", "Chapter IX->IX"])
        XCTAssertTrue(found.isEmpty, "\(found)")
        let work = try work { work in try write(self.report("A/70/6", body), to: "content/reports/A-70-6.md", in: work) }
        let result = try check(work)
        XCTAssertEqual(diagnostics(result, code: "RS602").count, 1, result.stderr)
        XCTAssertTrue(diagnostics(result, code: "RS602").first?.contains("'Chapter IX' cites section IX of this report, which does not exist") ?? false, result.stderr)
    }

    // Item 5: a name no view has is an error at its place, with the closest field.
    func testAnUnknownTemplateNameIsAnErrorWithTheClosestField() throws {
        let work = try work { work in
            let url = work.appendingPathComponent("Templates/report.mustache")
            let text = try String(contentsOf: url, encoding: .utf8)
            try Data(text.replacingOccurrences(of: "data-symbol=\"{{symbol}}\"", with: "data-symbol=\"{{symbl}}\"").utf8).write(to: url)
        }
        let result = try runReportSite(["build"], in: work)
        XCTAssertEqual(result.status, 2)
        let lines = diagnostics(result, code: "RS406")
        XCTAssertEqual(lines.count, 1, result.stderr)
        XCTAssertTrue(lines[0].hasPrefix("Templates/report.mustache:"), lines[0])
        XCTAssertTrue(lines[0].hasSuffix(": error: {{symbl}}: no view of the site has a field 'symbl'; it would be empty on every page [RS406]"), lines[0])
        XCTAssertTrue(result.stderr.contains("did you mean 'symbol'?"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("site").path))
    }

    /// A name another view has, but none in scope at its place, is an error too (review of issue 18, defect 5).
    func testANameOutOfScopeIsAnError() throws {
        let work = try work { work in
            let url = work.appendingPathComponent("Templates/report.mustache")
            let text = try String(contentsOf: url, encoding: .utf8)
            try Data(text.replacingOccurrences(of: "<p class=\"symbol\">{{symbol}}</p>", with: "<p class=\"symbol\">{{label}}</p>").utf8).write(to: url)
        }
        let result = try runReportSite(["build"], in: work)
        XCTAssertEqual(result.status, 2)
        let lines = diagnostics(result, code: "RS406")
        XCTAssertEqual(lines.count, 1, result.stderr)
        XCTAssertTrue(lines.first?.hasSuffix("error: {{label}}: no view in scope here has a field 'label' (another view has); it would be empty on every page [RS406]") ?? false,
                      result.stderr)
        XCTAssertTrue(result.stderr.contains("the fields in scope here: "), result.stderr)
    }

    /// Every view a field gave while the site was rendered is declared in TemplateSchema.nested, so the scope check
    /// knows what each section puts in scope (the project's site, and a review's records with positions).
    func testTheSchemaDeclaresEveryNestedView() throws {
        let work = try work { work in
            try Data(ReviewRecordTests.report.utf8).write(to: work.appendingPathComponent("content/reports/A-HRC-43-15.md"))
            try Data(ReviewRecordTests.addendum.utf8).write(to: work.appendingPathComponent("content/reports/A-HRC-43-15-Add.1.md"))
            try Data("base_url: https://example.org/reports\n".utf8).write(to: work.appendingPathComponent("content/site.yml"))
        }
        TemplateSchema.recorder.on = true
        defer { TemplateSchema.recorder.on = false }
        var options = SiteBuilder.Options(content: work.appendingPathComponent("content"), output: work.appendingPathComponent("site"),
                                          templates: work.appendingPathComponent("Templates"), strict: false, displayBase: work)
        options.cache = false
        var builder = SiteBuilder(options: options)
        guard case .success = builder.build() else { return XCTFail("\(builder.diagnostics.diagnostics.map(\.formatted))") }
        let seen = TemplateSchema.recorder.entries
        XCTAssertGreaterThan(seen.count, 20)
        var declared: Set<String> = []
        for view in TemplateNames.views {
            for (field, child) in TemplateSchema.nested[ObjectIdentifier(view)] ?? [:] {
                declared.insert("\(view).\(field) -> \(child)")
            }
        }
        XCTAssertEqual(seen.subtracting(declared), [], "views that fields gave, not declared in TemplateSchema.nested")
    }

    /// The project's own templates use only names the views have.
    func testTheProjectTemplatesUseOnlyKnownNames() throws {
        let files = FileManager.default.enumerator(atPath: Project.templates.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".mustache") } ?? []
        XCTAssertGreaterThan(files.count, 10)
        for file in files {
            let text = try String(contentsOf: Project.templates.appendingPathComponent(file), encoding: .utf8)
            XCTAssertEqual(TemplateNames.problems(in: text, file: file).map(\.formatted), [], file)
        }
    }

    /// Every type that conforms to TemplateView in the sources is in TemplateNames.views, so its names are known.
    func testEveryViewIsListed() throws {
        let sources = Project.root.appendingPathComponent("Sources")
        var declared: Set<String> = []
        for file in FileManager.default.enumerator(atPath: sources.path)?.compactMap({ $0 as? String }) ?? [] where file.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasSuffix(": TemplateView {") {
                let words = line.split(separator: " ")
                if let i = words.firstIndex(where: { $0 == "extension" || $0 == "struct" }), i + 1 < words.count {
                    declared.insert(String(words[i + 1].dropLast()))
                }
            }
        }
        let listed = Set(TemplateNames.views.map { String(reflecting: $0).split(separator: ".").dropFirst().joined(separator: ".") })
        XCTAssertEqual(declared, listed)
    }

    /// docs/templates.md lists every view's fields, made from the views themselves: a stale page fails here.
    /// (REPORTSITE_UPDATE_DOCS=1 swift test --filter testTemplateDocsAreCurrent writes it.)
    func testTemplateDocsAreCurrent() throws {
        var doc = "# The names templates can use\n\n"
        doc += "Made by `TrustTests.testTemplateDocsAreCurrent` from the views (`TemplateView.Field`); a name that no view\n"
        doc += "has is an error when the templates are loaded (RS406), and so is a view's field shown as text. A name is\n"
        doc += "looked up in the view of the section it is in, then in the enclosing ones; a field the view has that holds\n"
        doc += "no value (an optional) is false in a section, empty as text, and not looked up further: a section without a\n"
        doc += "label never shows the label of the view around it. The templates are Mustache without set delimiters,\n"
        doc += "transforms, inheritance, dynamic partials or indented standalone partials (each an error at its line and\n"
        doc += "column, RS403).\n\n| view | fields |\n|---|---|\n"
        for view in TemplateNames.views {
            let name = String(reflecting: view).split(separator: ".").dropFirst().joined(separator: ".")
            doc += "| `\(name)` | " + view.fieldNames.map { "`\($0)`" }.joined(separator: ", ") + " |\n"
        }
        let url = Project.root.appendingPathComponent("docs/templates.md")
        if ProcessInfo.processInfo.environment["REPORTSITE_UPDATE_DOCS"] == "1" { try Data(doc.utf8).write(to: url) }
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), doc, "docs/templates.md is stale: run REPORTSITE_UPDATE_DOCS=1 swift test --filter testTemplateDocsAreCurrent")
    }

    // Item 9: a missing asset is one error at the template that links it.
    func testAMissingAssetIsOneErrorNamingTheTemplate() throws {
        let work = try work { work in try FileManager.default.removeItem(at: work.appendingPathComponent("Templates/assets/style.css")) }
        let result = try runReportSite(["build"], in: work)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr.split(separator: "\n").filter { $0.contains("error:") }.count, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("Templates/partials/head.mustache:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("the template links assets/style.css, which is not in the templates folder"), result.stderr)
        XCTAssertFalse(result.stderr.contains("RS801"))
    }

    // Items 9 and 10: an unknown addressee id is said at its line, with the known ids, and files no broken link.
    func testAnUnknownAddresseeIdIsNamedAtItsLine() throws {
        let work = try work { work in
            try write(report("A/70/7", "## I. Recommendations\n\n1. States should act.\n", extra: "addressees: {\"1\": [stats]}\n"),
                      to: "content/reports/A-70-7.md", in: work)
        }
        let result = try runReportSite(["build", "--strict"], in: work)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(diagnostics(result, code: "RS702"),
                       ["content/reports/A-70-7.md:6:14: error: addressees: '1' names 'stats', an addressee id that addressees.yml does not define [RS702]"])
        XCTAssertTrue(result.stderr.contains("the addressee ids of content/addressees.yml are: states,"), result.stderr)
        XCTAssertFalse(result.stderr.contains("RS801"), result.stderr)
    }

    // Item 10: a Latin-1 file is reported at its first byte that is not UTF-8; an unclosed section where it opens.
    func testALatin1FileIsReportedAtItsFirstInvalidByte() throws {
        let work = try work { work in
            var bytes = Data(report("A/70/8", "1. First.\n\n2. Caf").utf8)
            bytes.append(0xE9)
            bytes.append(contentsOf: Array(" au lait.\n".utf8))
            try bytes.write(to: work.appendingPathComponent("content/reports/A-70-8.md"))
        }
        let result = try check(work)
        XCTAssertEqual(diagnostics(result, code: "RS002"),
                       ["content/reports/A-70-8.md:10:7: error: the file is not valid UTF-8: byte 0xE9 here is not UTF-8 text [RS002]"])
    }

    func testAnUnclosedSectionIsReportedWhereItOpens() throws {
        let work = try work { work in
            let url = work.appendingPathComponent("Templates/report.mustache")
            let text = try String(contentsOf: url, encoding: .utf8)
            let range = try XCTUnwrap(text.range(of: "{{/subtitle}}"))
            try Data(text.replacingCharacters(in: range, with: "").utf8).write(to: url)
        }
        let result = try runReportSite(["build"], in: work)
        XCTAssertEqual(result.status, 2)
        let text = try String(contentsOf: Project.templates.appendingPathComponent("report.mustache"), encoding: .utf8)
        let line = TextLines.split(text).firstIndex { $0.contains("{{#subtitle}}") }.map { $0 + 1 }
        XCTAssertTrue(result.stderr.contains("Templates/report.mustache:\(line ?? 0):1: error: the section {{#subtitle}} that opens here is never closed"), result.stderr)
    }

    // Item 11: `new` compares symbols as the build does, and asks only for what was not given.
    func testNewRefusesASymbolThatDiffersOnlyInCase() throws {
        let work = try work()
        let result = try runReportSite(["new", "a/58/275"], in: work)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("content/reports/A-58-275.md already holds the report a/58/275"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("content/reports/a-58-275.md").path))
        let given = try runReportSite(["new", "A/70/9", "--title", "T", "--date", "2020-01-01", "--body", "Human Rights Council"], in: work)
        XCTAssertEqual(given.status, 0, given.stderr)
        XCTAssertEqual(given.stdout, "wrote content/reports/A-70-9.md\n  next: replace the paragraph with the report's text, then reportsite build\n")
        let bare = try runReportSite(["new", "A/70/10", "--date", "2020-01-01"], in: work)
        XCTAssertTrue(bare.stdout.contains("next: replace the placeholder title, check the body (General Assembly by default), replace"), bare.stdout)
    }
}
