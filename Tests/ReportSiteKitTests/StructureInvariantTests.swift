import Foundation
import XCTest
@testable import ReportSiteKit
@testable import ReportSiteReports

/// Structure is never lost without a word (issue 9), over the real reports, every fixture report and a
/// slice of the fuzz corpus, each built non-strict into a site:
/// (a) every source line that starts a numbered paragraph (`^\s{0,3}\d+\.` then a space, tab or letter) or a
///     sub-paragraph (`^\s*\([a-z]{1,6}\)`), outside front matter, fenced code and footnote definitions, has its
///     anchor on the built page (`para-N`, `para-N-x`) or a diagnostic at that line;
/// (b) the words of each report's body (Markdown syntax, footnote definitions and labels, page markers, link
///     targets and HTML tags removed) appear on its page, in order.
/// The line scan and the word scan here are the test's own, not the build's.
///
///     STRUCTURE_FUZZ_CASES=N  fuzz cases checked (default 40; 400 pass; FUZZ_SEED and FUZZ_ONLY as in FuzzTests)
///     STRUCTURE_FUZZ_DIR=dir  write the fuzz cases there, and keep them (to reproduce a failure)
final class StructureInvariantTests: XCTestCase {
    func testRealContent() throws {
        let checked = try InvariantCheck(test: self).check(content: Project.content)
        XCTAssertEqual(checked.reports, 4)
    }

    func testFixtureContent() throws {
        let fm = FileManager.default
        // `structure` holds one report with every kind of block inside numbered paragraphs, for this test.
        var folders: [URL] = [Project.fixtures.appendingPathComponent("structure"), Project.fixtures.appendingPathComponent("recommendations")]
        let invalid = Project.fixtures.appendingPathComponent("invalid")
        for name in try fm.contentsOfDirectory(atPath: invalid.path).sorted() {
            let content = invalid.appendingPathComponent(name).appendingPathComponent("content")
            if fm.fileExists(atPath: content.appendingPathComponent("reports").path) { folders.append(content) }
        }
        // The citation fixtures are bare report files: give them a content folder.
        for name in ["valid", "broken"] {
            let work = try temporaryFolder(self).appendingPathComponent("content")
            try fm.createDirectory(at: work.appendingPathComponent("reports"), withIntermediateDirectories: true)
            let source = Project.fixtures.appendingPathComponent("citations").appendingPathComponent(name)
            for file in try fm.contentsOfDirectory(atPath: source.path) where file.hasSuffix(".md") {
                try fm.copyItem(at: source.appendingPathComponent(file), to: work.appendingPathComponent("reports").appendingPathComponent(file))
            }
            folders.append(work)
        }
        var reports = 0
        for folder in folders { reports += try InvariantCheck(test: self).check(content: folder).reports }
        // Some invalid fixtures cannot be built at all (no front matter, not UTF-8 ...); most can.
        XCTAssertGreaterThanOrEqual(reports, 15)
    }

    func testFuzzCorpus() throws {
        let env = ProcessInfo.processInfo.environment
        let seed = env["FUZZ_SEED"].flatMap { UInt64($0) } ?? 20_240_601
        let count = env["STRUCTURE_FUZZ_CASES"].flatMap { Int($0) } ?? 40
        let corpus = try FuzzCorpus.load(Project.content)
        let root = try env["STRUCTURE_FUZZ_DIR"].map { URL(fileURLWithPath: $0) } ?? temporaryFolder(self)
        let only = env["FUZZ_ONLY"].map { $0.split(separator: ",").compactMap { Int($0) } }
        var built = 0
        for index in only ?? Array(0..<count) {
            var maker = FuzzCaseMaker(corpus: corpus, seed: seed, index: index)
            let fuzzCase = maker.make()
            let content = root.appendingPathComponent("case-\(index)/content")
            let reports = content.appendingPathComponent("reports")
            try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
            for file in fuzzCase.files { try Data(file.bytes).write(to: reports.appendingPathComponent(file.name)) }
            for (name, bytes, real) in [("site.yml", fuzzCase.siteYML, corpus.siteYML), ("addressees.yml", fuzzCase.addresseesYML, corpus.addresseesYML)] {
                let data = bytes ?? real
                if !data.isEmpty { try Data(data).write(to: content.appendingPathComponent(name)) }
            }
            let checked = try InvariantCheck(test: self, label: "fuzz case \(index) (FUZZ_SEED=\(seed); \(fuzzCase.mutations.joined(separator: "; ")))")
                .check(content: content)
            built += checked.reports
        }
        if only == nil { XCTAssertGreaterThanOrEqual(built, count / 4, "a fair share of fuzz cases build a site (the others have errors: no page to check)") }
    }

    /// The check can fail: a page without a sub-paragraph's anchor, or without some words, is caught.
    func testTheCheckFindsLostAnchorsAndWords() {
        let source = "---\nsymbol: A/1/1\n---\n\n1. Lead:\n\n(a) One word;\n\n(b) Two words.\n"
        let anchors = [5: "para-1", 7: "para-1-a", 9: "para-1-b"]
        let page = "<p id=\"para-1\">1. Lead:</p><p id=\"para-1-a\">(a) One word;</p><p>(b) Two words.</p>"
        let lost = InvariantCheck.lostLines(source: source, anchors: anchors, pageIDs: Set(Page(html: page).ids), diagnosedLines: [])
        XCTAssertEqual(lost.map(\.line), [9])
        XCTAssertEqual(InvariantCheck.lostLines(source: source, anchors: anchors, pageIDs: Set(Page(html: page).ids), diagnosedLines: [9]).count, 0)
        XCTAssertNil(InvariantCheck.firstMissingWord(source: source, pageText: InvariantCheck.pageText(page)))
        let shorter = page.replacingOccurrences(of: "Two words", with: "Two")
        XCTAssertEqual(InvariantCheck.firstMissingWord(source: source, pageText: InvariantCheck.pageText(shorter))?.word, "words")
        // A combining mark right after a tag is text (read on scalars, `>` and the mark are not one character).
        XCTAssertEqual(InvariantCheck.pageText("<p>\u{36C}x</p><p>y</p>"), " \u{36C}x  y ")
    }
}

/// Builds one content folder and checks (a) and (b) on each report it builds.
struct InvariantCheck {
    let test: XCTestCase
    var label = ""

    struct Lost { var line: Int; var text: String; var anchor: String? }

    func check(content: URL, file: StaticString = #filePath, line: UInt = #line) throws -> (reports: Int, Void) {
        let output = try temporaryFolder(test).appendingPathComponent("site")
        let base = content.deletingLastPathComponent()
        let (outcome, diagnostics) = buildSite(content: content, output: output, strict: false, displayBase: base)
        guard case .success = outcome else { return (0, ()) }
        // The document model, made again beside the build, says which anchor each line should have.
        let loaded = try ContentLoader(contentDirectory: content, displayBase: base).load(diagnostics: DiagnosticEngine())
        var reports = 0
        for r in loaded.reports {
            let report = ReportAnalyser(file: r.file.path, source: r.file.text, metadata: r.metadata, diagnostics: DiagnosticEngine())
                .analyse(MarkdownParser.parse(r.body))
            let pageURL = output.appendingPathComponent(r.metadata.symbol.pagePath)
            guard let page = try? Page(pageURL) else {
                XCTFail("\(label) \(r.file.path): no page at \(pageURL.path)", file: file, line: line)
                continue
            }
            reports += 1
            let mine = diagnostics.filter { $0.file == r.file.path }
            let lost = Self.lostLines(source: r.file.text, anchors: Self.anchors(report), pageIDs: Set(page.ids),
                                      diagnosedLines: Set(mine.compactMap { $0.position?.line }))
            for l in lost.prefix(5) {
                XCTFail("\(label) \(r.file.path):\(l.line): `\(l.text)` has no anchor on the page (\(l.anchor ?? "none in the model")) and no diagnostic",
                        file: file, line: line)
            }
            // Raw HTML is left out of the page on purpose (with its own diagnostic): its words cannot be there.
            if !mine.contains(where: { $0.code == DiagnosticCode.rawHTML.rawValue }),
               let missing = Self.firstMissingWord(source: r.file.text, pageText: Self.pageText(page.html),
                                                   excused: Set(mine.compactMap { $0.position?.line })) {
                XCTFail("\(label) \(r.file.path): the word `\(missing.word)` after `\(missing.before)` is not on the page in order",
                        file: file, line: line)
            }
        }
        return (reports, ())
    }

    /// Line -> anchor of every numbered paragraph and sub-paragraph of the model.
    static func anchors(_ report: Report) -> [Int: String] {
        var result: [Int: String] = [:]
        func add(_ s: SubParagraph) {
            result[s.position.line] = s.anchor
            s.children.forEach(add)
        }
        for p in report.paragraphs {
            if let a = p.anchor { result[p.position.line] = a }
            for case .subParagraph(let s) in p.content { add(s) }
        }
        return result
    }

    /// The lines of the body outside front matter, fenced code and footnote definitions: (number, text).
    static func bodyLines(_ source: String) -> [(Int, String)] {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var result: [(Int, String)] = []
        var i = 0
        if lines.first?.trimmingCharacters(in: .whitespaces) == "---" {
            i = 1
            while i < lines.count {
                let l = lines[i].trimmingCharacters(in: .whitespaces)
                i += 1
                if l == "---" || l == "..." { break }
            }
        }
        var fence: String?
        var footnote = false
        var blankBefore = false
        for n in i..<lines.count {
            let line = lines[n]
            let indent = line.prefix { $0 == " " || $0 == "\t" }
            let columns = indent.reduce(0) { $1 == "\t" ? $0 + 4 - $0 % 4 : $0 + 1 }
            let body = line.dropFirst(indent.count)
            defer { blankBefore = body.isEmpty }
            if let f = fence {
                if columns < 4, body.hasPrefix(f), body.drop(while: { $0 == f.first }).allSatisfy({ $0 == " " || $0 == "\t" }) { fence = nil }
                continue
            }
            if columns < 4, let c = body.first, c == "`" || c == "~", body.prefix(while: { $0 == c }).count >= 3,
               !(c == "`" && body.drop(while: { $0 == c }).contains("`")) {
                fence = String(body.prefix(while: { $0 == c }))
                footnote = false
                continue
            }
            if footnote, !body.isEmpty, blankBefore, columns < 4 { footnote = false }
            if columns < 4, body.range(of: #"^\[\^[^\]]+\]:"#, options: .regularExpression) != nil { footnote = true }
            if !footnote { result.append((n + 1, line)) }
        }
        return result
    }

    static func lostLines(source: String, anchors: [Int: String], pageIDs: Set<String>, diagnosedLines: Set<Int>) -> [Lost] {
        var lost: [Lost] = []
        for (n, line) in bodyLines(source) {
            let paragraph = line.range(of: #"^\s{0,3}[0-9]+\.([ \t]|\p{L})"#, options: .regularExpression) != nil
            let sub = line.range(of: #"^\s*\([a-z]{1,6}\)"#, options: .regularExpression) != nil
            guard paragraph || sub else { continue }
            if let a = anchors[n], pageIDs.contains(a) { continue }
            if diagnosedLines.contains(n) { continue }
            lost.append(Lost(line: n, text: String(line.prefix(40)), anchor: anchors[n]))
        }
        return lost
    }

    /// The words of the body as a reader sees them, with their lines: without front matter, footnote definitions
    /// and references, page markers, HTML tags, entities, link targets and link definitions, and list markers (a
    /// list's numbers are markup; the numbers of numbered paragraphs are checked by (a)).
    static func sourceWords(_ source: String) -> [(word: Substring, line: Int)] {
        var result: [(Substring, Int)] = []
        for (n, line) in bodyLines(source) where line.range(of: #"^\s{0,3}\[[^\]]+\]:\s"#, options: .regularExpression) == nil {
            var text = line
            for (pattern, replacement) in [(#"^(?:[ \t>]*(?:[0-9]{1,9}[.)]|[-*+])(?=[ \t]|$))+"#, " "), (#"<!--.*?-->"#, " "),
                                           (#"!\[[^\]]*\]\([^)]*\)"#, " "), (#"\[\^[^\]]*\]"#, " "), (#"\]\((?:[^()]|\([^()]*\))*\)"#, "]"),
                                           (#"</?[A-Za-z][^<>\n]*>"#, " "), (#"&#?[A-Za-z0-9]+;"#, " ")] {
                text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
            }
            result += words(text).map { ($0, n) }
        }
        return result
    }

    /// The text of a page: tags out (each a space), the entities the renderer writes decoded. On Unicode scalars:
    /// as characters, `>` and a combining mark after it would be one, and the tag would never end.
    static func pageText(_ html: String) -> String {
        var out = String.UnicodeScalarView()
        var inTag = false
        for scalar in html.unicodeScalars {
            if scalar == "<" { inTag = true; out.append(" ") } else if scalar == ">" { inTag = false } else if !inTag { out.append(scalar) }
        }
        return String(out).replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Runs of letters and digits, read on Unicode scalars (as characters, a combining mark after a space or a
    /// digit would make a word differ between the source and the page).
    static func words(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var word = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                word.append(scalar)
            } else if !word.isEmpty {
                result.append(Substring(String(word)))
                word = String.UnicodeScalarView()
            }
        }
        if !word.isEmpty { result.append(Substring(String(word))) }
        return result
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }


    /// The first source word that the page does not have after the words before it (nil: all are there). The page
    /// is read as one run of letters and digits, so that markup inside a word (`illeg[x](url)al`, a link that is
    /// or is not rendered as one) does not matter; each word must be there whole, in order. A word of a line with
    /// a diagnostic (`excused`) is not looked for: the author was told about that line.
    static func firstMissingWord(source: String, pageText: String, excused: Set<Int> = []) -> (word: String, before: String)? {
        let wanted = sourceWords(source).filter { !excused.contains($0.line) }.map(\.word)
        // Scalars, not characters: joined into one run, a combining mark would merge with the letter before it.
        let page = Array(pageText.unicodeScalars.filter(isWordScalar))
        var j = 0
        for (i, word) in wanted.enumerated() {
            let w = Array(word.unicodeScalars)
            var found: Int?
            var k = j
            while k + w.count <= page.count {
                if page[k] == w[0], page[k..<(k + w.count)].elementsEqual(w) { found = k; break }
                k += 1
            }
            guard let start = found else { return (String(word), wanted[max(0, i - 8)..<i].joined(separator: " ")) }
            j = start + w.count
        }
        return nil
    }
}
