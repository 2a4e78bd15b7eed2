import Foundation
import XCTest
@testable import ReportSiteKit

/// The compiled templates (`CompiledTemplates`) give what Mustache gives, byte for byte, and still read the
/// publisher's `Templates/` folder.
final class CompiledTemplateTests: XCTestCase {
    /// Values from content that need escaping, with non-ASCII text around them, and a `"` carrying a combining
    /// accent (one character for Mustache, which then leaves it as it is).
    static let awkward = [
        "Côte d’Ivoire & \"Türkiye\" <b>'x'</b> — 第一",
        "A&B<C>D\"E'F",
        "plain text, nothing to escape",
        "\"\u{301}quoted\" & «Œ»",
        "",
    ]

    func compiledAndMustache(_ templates: TemplateSet, _ name: String, _ view: some TemplateView,
                             file: StaticString = #filePath, line: UInt = #line) -> String? {
        XCTAssertTrue(templates.compiled.canRender(name), "\(name) is not compiled", file: file, line: line)
        let fast = templates.compiled.render(name, .view(view))
        let mustache = templates.library.render(view, withTemplate: name)
        XCTAssertNotNil(mustache, file: file, line: line)
        XCTAssertEqual(fast, mustache, "\(name): the compiled template and Mustache differ", file: file, line: line)
        return fast
    }

    func testEachInlineTemplateGivesMustachesOutputWithValuesThatNeedEscaping() throws {
        let templates = try TemplateSet(directory: Project.templates)
        for (i, value) in Self.awkward.enumerated() {
            let other = Self.awkward[(i + 2) % Self.awkward.count]
            let citation = compiledAndMustache(templates, "inline/citation", CitationLinkView(href: value, text: other))
            let note = compiledAndMustache(templates, "inline/footnote-ref", FootnoteRefView(id: value, href: "#" + other, label: value))
            _ = compiledAndMustache(templates, "inline/page-start", PageStartView(page: value.count))
            if i == 1 {
                XCTAssertEqual(note, "<sup class=\"fnref\"><a id=\"A&amp;B&lt;C&gt;D&quot;E&#39;F\" href=\"#\"\u{301}quoted&quot; &amp; «Œ»\""
                               + " aria-label=\"Note A&amp;B&lt;C&gt;D&quot;E&#39;F\">A&amp;B&lt;C&gt;D&quot;E&#39;F</a></sup>")
            }
            if i == 0 {
                XCTAssertEqual(citation, "<a class=\"citation\" href=\"Côte d’Ivoire &amp; &quot;Türkiye&quot; &lt;b&gt;&#39;x&#39;&lt;/b&gt; — 第一\">plain text, nothing to escape</a>")
            }
        }
        XCTAssertEqual(compiledAndMustache(templates, "inline/page-start", PageStartView(page: 12)),
                       "<span class=\"page-start\" id=\"page-12\"><a href=\"#page-12\">Page 12</a></span>")
    }

    /// Every template of the project is compiled: none is left to Mustache.
    func testEveryProjectTemplateIsCompiled() throws {
        let templates = try TemplateSet(directory: Project.templates)
        for name in TemplateSet.required {
            XCTAssertTrue(templates.compiled.canRender(name), name)
        }
    }

    /// The tokenizer keeps and drops whitespace around tags exactly as Mustache does: standalone tags, indented
    /// tags, comments, tags sharing a line, sections at the end of the text, `{` that opens no tag.
    func testTheCompilerFollowsMustacheOnStandaloneLinesAndSections() throws {
        let cases = [
            "a\n{{#yes}}\nin\n{{/yes}}\nb",
            "  {{#yes}}\n  in {{name}}\n  {{/yes}}\n",
            "{{#list}}{{name}}, {{/list}}\n{{^list}}none{{/list}}",
            "{{#list}}\n- {{name}} {{#flag}}on{{/flag}}{{^flag}}off{{/flag}}\n{{/list}}",
            "{{! a comment }}\n  {{! indented comment }}\nx {{! inline }} y\n",
            "{ {not a tag} }} {{{html}}} {{&html}} {{ name }}",
            "{{#child}}{{name}} {{other}} {{child.name}}{{/child}} {{child.name}} {{child.missing}}",
            "{{#nothing}}x{{/nothing}}{{^nothing}}y{{/nothing}}{{#count}}[{{.}}]{{/count}}{{#empty}}e{{/empty}}",
            "line\r\n{{#yes}}\r\ncrlf\r\n{{/yes}}\r\nend",
            "\t{{#yes}}\t\nx\n\t{{/yes}}  \ntrailing  ",
            "{{#yes}}a{{/yes}}\n  {{name}}\n{{#list}}\n{{> part}}\n{{/list}}",
            "{{name}}{{#yes}}\n{{/yes}}{{yes}} {{count}} {{flag}}",
            "{{^none}}[{{.}}] {{name}}{{/none}} {{#list}}{{^none}}({{name}}){{/none}}{{/list}}",
        ]
        let folder = try temporaryFolder(self)
        for (i, text) in cases.enumerated() {
            try text.write(to: folder.appendingPathComponent("t\(i).mustache"), atomically: true, encoding: .utf8)
        }
        try "<{{name}}>\n".write(to: folder.appendingPathComponent("part.mustache"), atomically: true, encoding: .utf8)
        let templates = try TemplateSet(directory: folder, displayPath: { $0.path }, checkingNames: false)
        let view = TestView(values: [
            "yes": .bool(true), "flag": .bool(false), "nothing": .bool(false), "count": .int(3), "empty": .text(""),
            "name": .text(Self.awkward[0]), "html": .text("<i>&</i>"),
            "list": .list([.view(TestView(values: ["name": .text("one"), "flag": .bool(true)])),
                           .view(TestView(values: ["name": .text(Self.awkward[1])]))]),
            "child": .view(TestView(values: ["name": .text("child's"), "other": .absent])),
            "other": .text("from the parent"), "none": .list([]),
        ])
        for i in cases.indices {
            _ = compiledAndMustache(templates, "t\(i)", view)
        }
    }

    /// A template the compiler does not read (here: set delimiters) is rendered by Mustache, and so is every
    /// template that includes it.
    func testATemplateOutsideTheSubsetIsLeftToMustache() throws {
        let folder = try temporaryFolder(self)
        try "{{=<% %>=}}<%name%>".write(to: folder.appendingPathComponent("odd.mustache"), atomically: true, encoding: .utf8)
        try "[{{> odd}}]".write(to: folder.appendingPathComponent("outer.mustache"), atomically: true, encoding: .utf8)
        try "{{name}}".write(to: folder.appendingPathComponent("plain.mustache"), atomically: true, encoding: .utf8)
        let templates = try TemplateSet(directory: folder, displayPath: { $0.path }, checkingNames: false)
        XCTAssertFalse(templates.compiled.canRender("odd"))
        XCTAssertFalse(templates.compiled.canRender("outer"))
        XCTAssertTrue(templates.compiled.canRender("plain"))
        let view = TestView(values: ["name": .text("a&b")])
        XCTAssertEqual(templates.render("outer", view), "[a&amp;b]")
        XCTAssertEqual(templates.render("plain", view), "a&amp;b")
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
