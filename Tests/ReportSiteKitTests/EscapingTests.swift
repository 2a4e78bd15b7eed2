import Foundation
import XCTest
@testable import ReportSiteKit
@testable import ReportSiteSite

/// The one escaper of the site's HTML and XML (`HTMLEscaping.escape`), on one table of inputs, and in the
/// built page of a report whose text holds a `"` carrying a combining accent.
final class EscapingTests: XCTestCase {
    static let long = String(repeating: "Plain ASCII text, nothing to escape here. ", count: 2_000)

    /// Input, and what it must become, compared byte for byte (Swift's `==` on strings would take a `<` with a
    /// combining long solidus for `≮`).
    static let table: [(String, String)] = [
        ("", ""),
        ("plain", "plain"),
        ("&", "&amp;"),
        ("<", "&lt;"),
        (">", "&gt;"),
        ("\"", "&quot;"),
        ("'", "&#39;"),
        ("&<>\"'", "&amp;&lt;&gt;&quot;&#39;"),
        ("&amp;", "&amp;amp;"),
        // A `"` or `'` carrying a combining accent is one Swift Character: escaped all the same.
        ("\"\u{301}", "&quot;\u{301}"),
        ("say \"\u{301}hello\u{301}\"\u{301}", "say &quot;\u{301}hello\u{301}&quot;\u{301}"),
        ("'\u{308}", "&#39;\u{308}"),
        ("<\u{338}", "&lt;\u{338}"),
        (">\u{20D2}&\u{301}", "&gt;\u{20D2}&amp;\u{301}"),
        ("Côte d’Ivoire & «Türkiye»", "Côte d’Ivoire &amp; «Türkiye»"),
        ("第一 <二>", "第一 &lt;二&gt;"),
        ("😀 & 👍🏽 \"🇺🇳\"", "😀 &amp; 👍🏽 &quot;🇺🇳&quot;"),
        ("a\u{0}b<\u{0}", "a\u{0}b&lt;\u{0}"),
        ("line\r\nnext\r\"", "line\r\nnext\r&quot;"),
        ("\u{FEFF}'\u{200D}'", "\u{FEFF}&#39;\u{200D}&#39;"),
        (long, long),
        (long + "<" + long, long + "&lt;" + long),
    ]

    func testTheTable() {
        for (i, (input, expected)) in Self.table.enumerated() {
            XCTAssertEqual(Array(HTMLEscaping.escape(input).utf8), Array(expected.utf8), "row \(i): \(input.prefix(40))")
            var out = "kept:"
            HTMLEscaping.escape(input, into: &out)
            XCTAssertEqual(Array(out.utf8), Array(("kept:" + expected).utf8), "row \(i), appended")
        }
    }

    /// Many strings made of the five and what sits around them (combining marks, emoji, NUL, CR, non-ASCII),
    /// against a reference written differently (scalar by scalar): the same bytes, none of the five left bare,
    /// and the text back when the five entities are read again.
    func testGeneratedTextAgainstAReference() {
        let alphabet: [String] = ["a", " ", "&", "<", ">", "\"", "'", "\u{301}", "\u{338}", "é", "😀", "🏽", "\u{0}", "\r", "\n", "第", "&amp;"]
        var seed: UInt64 = 20
        func next() -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(seed >> 33)
        }
        for _ in 0..<3_000 {
            let text = (0..<(next() % 24)).map { _ in alphabet[next() % alphabet.count] }.joined()
            let escaped = HTMLEscaping.escape(text)
            var reference = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": reference += "&amp;"
                case "<": reference += "&lt;"
                case ">": reference += "&gt;"
                case "\"": reference += "&quot;"
                case "'": reference += "&#39;"
                default: reference.unicodeScalars.append(scalar)
                }
            }
            XCTAssertEqual(Array(escaped.utf8), Array(reference.utf8), text.debugDescription)
            XCTAssertFalse(escaped.utf8.contains { $0 == 0x22 || $0 == 0x27 || $0 == 0x3C || $0 == 0x3E }, text.debugDescription)
            var back = escaped
            for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
                back = back.replacingOccurrences(of: entity, with: character, options: .literal)
            }
            XCTAssertEqual(Array(back.utf8), Array(text.utf8), text.debugDescription)
        }
    }

    /// A report whose title and text hold `"` + U+0301: escaped in the page's title, heading, attributes and
    /// body, in the index and in the feed; never a bare `"` that would end an attribute value early.
    func testAQuoteCarryingAnAccentIsEscapedInTheBuiltPages() throws {
        let work = try temporaryFolder(self)
        let content = work.appendingPathComponent("content")
        try FileManager.default.copyItem(at: Project.content, to: content)
        try Data("base_url: https://example.org/reports\n".utf8).write(to: content.appendingPathComponent("site.yml"))
        let report = """
            ---
            symbol: A/70/9
            title: 'The "\u{301}quoted\u{301}" report & <more>'
            date: 2020-01-01
            body: General Assembly
            excerpt: 'An excerpt with "\u{301}one\u{301}"'
            ---

            1. The paragraph says "\u{301}this\u{301}" & 'that', 1 < 2 > 0.

            """
        try Data(report.utf8).write(to: content.appendingPathComponent("reports/A-70-9.md"))
        let site = work.appendingPathComponent("site")
        let (outcome, diagnostics) = buildSite(content: content, output: site, strict: false)
        guard case .success = outcome else { return XCTFail("\(diagnostics.map(\.formatted))") }
        let page = try String(contentsOf: site.appendingPathComponent("A/70/9/index.html"), encoding: .utf8)
        let title = "The &quot;\u{301}quoted\u{301}&quot; report &amp; &lt;more&gt;"
        XCTAssertTrue(page.utf8Contains("<h1>" + title + "</h1>"), "the heading")
        XCTAssertTrue(page.utf8Contains("<title>A/70/9: " + title + "</title>"), "the page's title")
        XCTAssertTrue(page.utf8Contains("<meta name=\"description\" content=\"" + title + ". General Assembly."), "the description's attribute")
        XCTAssertTrue(page.utf8Contains("(An excerpt with &quot;\u{301}one\u{301}&quot;)"), "the excerpt's banner")
        XCTAssertTrue(page.utf8Contains("<p>The paragraph says &quot;\u{301}this\u{301}&quot; &amp; &#39;that&#39;, 1 &lt; 2 &gt; 0.</p>"), "the body")
        XCTAssertFalse(page.utf8Contains("\"\u{301}"), "a bare quote with its accent")
        for file in ["index.html", "feed.xml"] {
            let text = try String(contentsOf: site.appendingPathComponent(file), encoding: .utf8)
            XCTAssertTrue(text.utf8Contains(title), file)
            XCTAssertFalse(text.utf8Contains("\"\u{301}"), file)
        }
    }

    /// The site has one escaper: no other file of the sources writes the entities (the checker of the output,
    /// which reads them back, aside).
    func testNoOtherEscaperInTheSources() throws {
        let sources = Project.root.appendingPathComponent("Sources")
        var writers: [String] = []
        for file in FileManager.default.enumerator(atPath: sources.path)?.compactMap({ $0 as? String }) ?? [] where file.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            if text.contains("\"&quot;\"") || text.contains("\"&#39;\"") || text.contains("\"&lt;\"") { writers.append(file) }
        }
        XCTAssertEqual(writers.sorted(), ["ReportSiteOutput/Verify/HTMLAttributes.swift", "ReportSiteSite/Render/HTMLEscaping.swift"])
    }
}

extension String {
    /// Whether the bytes of `other` appear in this string's bytes (no Unicode equivalence, no grapheme rules).
    func utf8Contains(_ other: String) -> Bool {
        let a = Array(utf8), b = Array(other.utf8)
        guard !b.isEmpty, b.count <= a.count else { return b.isEmpty }
        var i = 0
        while i + b.count <= a.count {
            if a[i] == b[0], Array(a[i..<(i + b.count)]) == b { return true }
            i += 1
        }
        return false
    }
}
