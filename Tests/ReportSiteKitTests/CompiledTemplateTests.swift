import Foundation
import XCTest
@testable import ReportSiteKit
@testable import ReportSiteSite

/// The site's template engine (`TemplateTokenizer`, `CompiledTemplates`): what it renders, byte for byte, and
/// what it refuses at load, at the tag's line and column.
final class CompiledTemplateTests: XCTestCase {
    /// Values from content that need escaping, with non-ASCII text around them, and a `"` carrying a combining
    /// accent (one Swift character, escaped all the same).
    static let awkward = [
        "Côte d’Ivoire & \"Türkiye\" <b>'x'</b> — 第一",
        "A&B<C>D\"E'F",
        "plain text, nothing to escape",
        "\"\u{301}quoted\" & «Œ»",
        "",
    ]

    func render(_ templates: TemplateSet, _ name: String, _ view: some TemplateView,
                file: StaticString = #filePath, line: UInt = #line) -> String? {
        XCTAssertTrue(templates.compiled.canRender(name), "\(name) is not compiled", file: file, line: line)
        return templates.compiled.render(name, .view(view))
    }

    func testEachInlineTemplateEscapesWhatItShows() throws {
        let templates = try TemplateSet(directory: Project.templates)
        let note = render(templates, "inline/footnote-ref", FootnoteRefView(id: Self.awkward[1], href: "#" + Self.awkward[3], label: Self.awkward[1]))
        XCTAssertEqual(note, "<sup class=\"fnref\"><a id=\"A&amp;B&lt;C&gt;D&quot;E&#39;F\" href=\"#&quot;\u{301}quoted&quot; &amp; «Œ»\""
                       + " aria-label=\"Note A&amp;B&lt;C&gt;D&quot;E&#39;F\">A&amp;B&lt;C&gt;D&quot;E&#39;F</a></sup>")
        let citation = render(templates, "inline/citation", CitationLinkView(href: Self.awkward[0], text: Self.awkward[2]))
        XCTAssertEqual(citation, "<a class=\"citation\" href=\"Côte d’Ivoire &amp; &quot;Türkiye&quot; &lt;b&gt;&#39;x&#39;&lt;/b&gt; — 第一\">plain text, nothing to escape</a>")
        XCTAssertEqual(render(templates, "inline/citation", CitationLinkView(href: "", text: "")), "<a class=\"citation\" href=\"\"></a>")
        XCTAssertEqual(render(templates, "inline/page-start", PageStartView(page: 12)),
                       "<span class=\"page-start\" id=\"page-12\"><a href=\"#page-12\">Page 12</a></span>")
    }

    /// Every template of the project is compiled.
    func testEveryProjectTemplateIsCompiled() throws {
        let templates = try TemplateSet(directory: Project.templates)
        for name in TemplateSet.required {
            XCTAssertTrue(templates.compiled.canRender(name), name)
        }
    }

    /// Whitespace around tags is kept or dropped by Mustache's rule for standalone lines (as swift-mustache did,
    /// which rendered the site's templates before: these outputs are the ones it gave, but for `{{.}}` in an
    /// inverted section over an empty list, now the enclosing view, empty, rather than the list): standalone tags,
    /// indented tags, comments, tags sharing a line, sections at the end of the text, `{` that opens no tag.
    func testStandaloneLinesSectionsAndLookups() throws {
        let name = "Côte d’Ivoire &amp; &quot;Türkiye&quot; &lt;b&gt;&#39;x&#39;&lt;/b&gt; — 第一"
        let second = "A&amp;B&lt;C&gt;D&quot;E&#39;F"
        let cases: [(String, String)] = [
            ("a\n{{#yes}}\nin\n{{/yes}}\nb", "a\nin\nb"),
            ("  {{#yes}}\n  in {{name}}\n  {{/yes}}\n", "  in \(name)\n"),
            ("{{#list}}{{name}}, {{/list}}\n{{^list}}none{{/list}}", "one, \(second), \n"),
            ("{{#list}}\n- {{name}} {{#flag}}on{{/flag}}{{^flag}}off{{/flag}}\n{{/list}}", "- one on\n- \(second) off\n"),
            ("{{! a comment }}\n  {{! indented comment }}\nx {{! inline }} y\n", "x  y\n"),
            ("{{! a comment\n  on two lines }}\nx", "x"),
            ("{ {not a tag} }} {{{html}}} {{&html}} {{ name }}", "{ {not a tag} }} <i>&</i> <i>&</i> \(name)"),
            ("{{#child}}{{name}} {{other}} {{child.name}}{{/child}} {{child.name}} {{child.missing}}",
             "child&#39;s from the parent child&#39;s child&#39;s "),
            ("{{#nothing}}x{{/nothing}}{{^nothing}}y{{/nothing}}{{#count}}[{{.}}]{{/count}}{{#empty}}e{{/empty}}", "y[3]e"),
            ("line\r\n{{#yes}}\r\ncrlf\r\n{{/yes}}\r\nend", "line\r\ncrlf\r\nend"),
            ("\t{{#yes}}\t\nx\n\t{{/yes}}  \ntrailing  ", "x\ntrailing  "),
            ("{{#yes}}a{{/yes}}\n  {{name}}\n{{#list}}\n{{> part}}\n{{/list}}", "a\n  \(name)\n<one>\n<\(second)>\n"),
            ("{{name}}{{#yes}}\n{{/yes}}{{yes}} {{count}} {{flag}}", "\(name)\ntrue 3 false"),
            ("{{^none}}[{{.}}] {{name}}{{/none}} {{#list}}{{^none}}({{name}}){{/none}}{{/list}}", "[] \(name) (one)(\(second))"),
            // The one nil rule: a field with no value (`.null`) is false and empty, and never shows the field of
            // the same name of a view around it; a field the inner view does not have at all is looked up outwards.
            ("{{#child}}[{{label}}]{{#label}}x{{/label}}{{^label}}no label{{/label}} {{other}}{{/child}}", "[]no label from the parent"),
            ("{{label}}|{{#child}}{{#label}}{{.}}{{/label}}{{/child}}|{{#noLabel}}{{label}}{{/noLabel}}", "the parent&#39;s||the parent&#39;s"),
        ]
        let folder = try temporaryFolder(self)
        for (i, (text, _)) in cases.enumerated() {
            try text.write(to: folder.appendingPathComponent("t\(i).mustache"), atomically: true, encoding: .utf8)
        }
        try "<{{name}}>\n".write(to: folder.appendingPathComponent("part.mustache"), atomically: true, encoding: .utf8)
        let templates = try TemplateSet(directory: folder, displayPath: { $0.path }, checkingNames: false)
        let view = TestView(values: [
            "yes": .bool(true), "flag": .bool(false), "nothing": .bool(false), "count": .int(3), "empty": .text(""),
            "name": .text(Self.awkward[0]), "html": .text("<i>&</i>"), "label": .text("the parent's"),
            "list": .list([.view(TestView(values: ["name": .text("one"), "flag": .bool(true)])),
                           .view(TestView(values: ["name": .text(Self.awkward[1])]))]),
            "child": .view(TestView(values: ["name": .text("child's"), "other": .absent, "label": .null])),
            "noLabel": .view(TestView(values: [:])),
            "other": .text("from the parent"), "none": .list([]),
        ])
        for (i, (text, expected)) in cases.enumerated() {
            XCTAssertEqual(render(templates, "t\(i)", view), expected, text)
        }
    }

    /// What the engine does not do is an error at the tag's line and column (RS403) that says what to write
    /// instead; the template is never rendered some other way.
    func testWhatTheEngineDoesNotDoIsAnErrorAtItsPlace() throws {
        let cases: [(text: String, error: String)] = [
            ("{{=<% %>=}}<%name%>", "1:1: error: {{=<% %>=}}: other delimiters than {{ }} are not supported [RS403]"),
            ("a\n  {{> part}}\nb", "2:3: error: {{> part}} is indented on a line of its own; Mustache would indent every line of the partial, which this engine does not do [RS403]"),
            ("x {{first(list)}}", "1:3: error: 'first(list)': transforms are not supported [RS403]"),
            ("{{#a}}\n {{a..b}}{{/a}}", "2:2: error: 'a..b' has an empty part [RS403]"),
            ("{{.name}}", "1:1: error: '.name' has an empty part [RS403]"),
            ("x{{}}", "1:2: error: the tag {{}} names nothing [RS403]"),
            ("{{# }}{{/ }}", "1:1: error: the tag names nothing [RS403]"),
            ("{{a b}}", "1:1: error: 'a b' is not a field's name [RS403]"),
            ("{{< base}}{{/base}}", "1:1: error: {{< base}}: template inheritance ({{< name}}, {{$ block}}) is not supported [RS403]"),
            ("{{$block}}x{{/block}}", "1:1: error: {{$block}}: template inheritance ({{< name}}, {{$ block}}) is not supported [RS403]"),
            ("{{>*dynamic}}", "1:1: error: {{>*dynamic}}: dynamic partials are not supported [RS403]"),
            ("{{> ../up}}", "1:1: error: {{> ../up}}: '../up' is not a template's name [RS403]"),
            ("{{% PRAGMA }}", "1:1: error: {{% PRAGMA}}: configuration tags {{% ...}} are not supported [RS403]"),
            ("line\n  text {{name", "2:8: error: the tag {{ that opens here is never closed with }} [RS403]"),
            ("{{{html}}", "1:1: error: the tag {{{ that opens here is never closed with }}} [RS403]"),
            ("{{#a}}\n{{#b}}\n{{/a}}", "2:1: error: the section {{#b}} that opens here is never closed: {{/a}} at line 3, column 1 comes first [RS403]"),
            ("x {{/a}}", "1:3: error: {{/a}} closes a section that was never opened [RS403]"),
            ("\r\n{{^a}}x", "2:1: error: the section {{^a}} that opens here is never closed [RS403]"),
        ]
        for (text, error) in cases {
            let folder = try temporaryFolder(self)
            try text.write(to: folder.appendingPathComponent("t.mustache"), atomically: true, encoding: .utf8)
            try "".write(to: folder.appendingPathComponent("part.mustache"), atomically: true, encoding: .utf8)
            do {
                _ = try TemplateSet(directory: folder, displayPath: { $0.lastPathComponent }, checkingNames: false)
                XCTFail("loaded: \(text)")
            } catch let TemplateSet.Failure.problems(problems) {
                XCTAssertEqual(problems.map { $0.formatted.components(separatedBy: "\n")[0] }, ["t.mustache:" + error], text)
                XCTAssertNotNil(problems.first?.hint, text)
            }
        }
    }

    /// A field that holds a view (or a list of views) shown as a variable would be empty: an error at load.
    func testAViewShownAsTextIsAnError() throws {
        let folder = try temporaryFolder(self)
        let templates = folder.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: Project.templates, to: templates)
        let url = templates.appendingPathComponent("report.mustache")
        let text = try String(contentsOf: url, encoding: .utf8)
        try ("{{report}}" + text).write(to: url, atomically: true, encoding: .utf8)
        do {
            _ = try TemplateSet(directory: templates, displayPath: { $0.lastPathComponent })
            XCTFail("loaded")
        } catch let TemplateSet.Failure.problems(problems) {
            XCTAssertEqual(problems.map(\.formatted), ["""
                report.mustache:1:1: error: {{report}}: 'report' is a view (or a list of views), not a text; it would be empty on every page [RS406]
                  note: open it as a section and show its fields: {{#report}}...{{/report}} (its fields: {{symbol}}, {{title}}, {{subtitle}}, {{date}}, {{displayDate}}, {{body}})
                """])
        }
    }

    /// A publisher's edit of `Templates/inline/citation.mustache` shows in every citation of the built pages.
    func testAnEditOfTheCitationTemplateShowsInTheBuiltPage() throws {
        let work = try temporaryFolder(self)
        let templates = work.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: Project.templates, to: templates)
        let citation = templates.appendingPathComponent("inline/citation.mustache")
        let text = try String(contentsOf: citation, encoding: .utf8)
        XCTAssertTrue(text.contains("<a class=\"citation\" href=\"{{href}}\">"))
        try text.replacingOccurrences(of: "<a class=\"citation\" href=\"{{href}}\">",
                                      with: "<a class=\"citation cited-doc\" data-source=\"{{text}}\" href=\"{{href}}\">")
            .write(to: citation, atomically: true, encoding: .utf8)
        let site = work.appendingPathComponent("site")
        var builder = SiteBuilder(options: .init(content: Project.content, output: site, templates: templates,
                                                 strict: true, displayBase: Project.root))
        guard case .success(reports: 4, _) = builder.build() else { return XCTFail("the build failed: \(builder.diagnostics.diagnostics)") }
        let page = try String(contentsOf: site.appendingPathComponent("A/58/275/index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("<a class=\"citation cited-doc\" data-source=\"General Assembly resolution 57/218\" href=\"https://undocs.org/A/RES/57/218\">General Assembly resolution 57/218</a>"),
                      "the edited citation template is not in the page")
        XCTAssertFalse(page.contains("<a class=\"citation\" href="))
    }
}

/// A view made of values, for the tests.
struct TestView: TemplateView {
    /// Its names are whatever the test gives (it is not one of the site's views, `TemplateNames.views`).
    enum Field: String, CaseIterable { case values }
    let values: [String: TemplateValue]
    func value(_ name: String) -> TemplateValue { values[name] ?? .absent }
}
