import Foundation
import XCTest
@testable import ReportSiteImport
@testable import ReportSiteKit

/// The importer on real United Nations PDFs, as published: the fifteen documents of Slovenia's four cycles of the
/// Universal Periodic Review in `../shared/real-pdfs/` (beside the project; never copied into it), read through
/// pdftotext. The folder is absent from a user's clone: the tests skip there, and fail where CI requires them
/// (`REPORTSITE_REQUIRE_PDF=1`, which `.ci/run` sets).
final class ImportRealPDFTests: XCTestCase {
    static let folder = Project.root.deletingLastPathComponent().appendingPathComponent("shared/real-pdfs")

    /// The PDFs of the folder, or a skip (a failure in CI) when the folder or pdftotext is missing.
    static func pdfs() throws -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter { $0.hasSuffix(".pdf") }.sorted() ?? []
        var missing: String?
        if names.isEmpty { missing = "the real PDFs are not in \(folder.path)" }
        if !ImportPDFTests.available(["pdftotext", "-v"]) { missing = "pdftotext (poppler-utils) is missing: make deps installs it" }
        if let missing {
            if ProcessInfo.processInfo.environment["REPORTSITE_REQUIRE_PDF"] == "1" {
                XCTFail(missing + " (REPORTSITE_REQUIRE_PDF=1: these tests must run)")
                return []
            }
            throw XCTSkip(missing)
        }
        return names.map { folder.appendingPathComponent($0) }
    }

    /// The PDF's text as `reportsite import` reads it (pdftotext).
    static func text(_ pdf: URL) throws -> String {
        try ImportSession.readRaw(pdf)
    }

    /// `A-HRC-WG.6-7-SVN-1.pdf` -> `A/HRC/WG.6/7/SVN/1`.
    static func symbol(_ pdf: URL) -> String {
        pdf.deletingPathExtension().lastPathComponent.replacingOccurrences(of: "-", with: "/")
    }

    /// Every cover: the symbol its file is named after, a title without a footnote mark and without the State,
    /// the date, the body, the State under review and the mechanism.
    func testTheCoverOfEveryRealPDF() throws {
        let titles: [String: String] = [
            "A/HRC/43/15": "Report of the Working Group on the Universal Periodic Review",
            "A/HRC/14/15/Add.1": "Report of the Working Group on the Universal Periodic Review",
            "A/HRC/WG.6/48/SVN/2": "Compilation of information prepared by the Office of the United Nations High Commissioner for Human Rights",
            "A/HRC/WG.6/34/SVN/3": "Summary of Stakeholders’ submissions on Slovenia",
            "A/HRC/WG.6/7/SVN/1": "NATIONAL REPORT SUBMITTED IN ACCORDANCE WITH PARAGRAPH 15 (A) OF THE ANNEX TO HUMAN RIGHTS COUNCIL RESOLUTION 5/1",
            "A/HRC/DEC/43/112": "Outcome of the universal periodic review: Slovenia",
        ]
        let dates: [String: String] = ["A/HRC/14/15": "2010-03-15", "A/HRC/WG.6/7/SVN/3": "2009-11-12", "A/HRC/WG.6/20/SVN/2": "2014-08-18"]
        for pdf in try Self.pdfs() {
            let result = ReportImporter.importText(try Self.text(pdf))
            let m = result.metadata
            let symbol = Self.symbol(pdf)
            XCTAssertEqual(m.symbol, symbol, pdf.lastPathComponent)
            XCTAssertNotNil(m.title, symbol)
            XCTAssertFalse(m.title?.contains("*") ?? true, symbol)
            XCTAssertFalse(m.title?.hasSuffix("Slovenia") == true && !symbol.contains("DEC") && !symbol.contains("SVN/3"), "\(symbol): \(m.title ?? "")")
            if let title = titles[symbol] { XCTAssertEqual(m.title, title, symbol) }
            if let date = dates[symbol] { XCTAssertEqual(m.date, date, symbol) }
            XCTAssertNotNil(m.date, symbol)
            XCTAssertEqual(m.body, "Human Rights Council", symbol)
            XCTAssertEqual(m.country, "Slovenia", symbol)
            XCTAssertEqual(m.mechanism, "upr", symbol)
            // The cover's footnote is a footnote of the body, with its text; no page furniture is left.
            XCTAssertFalse(result.content.contains("GE."), symbol)
            XCTAssertNil(result.content.range(of: #"[\u{E000}-\u{F8FF}]"#, options: .regularExpression), symbol)
            XCTAssertFalse(result.content.contains("....."), symbol)
        }
    }

    /// The import invariant on every real PDF: each paragraph number and item label that pdftotext put on a line of
    /// its own is in the output (a paragraph, an item `N.M`, or a first-cycle item written `P.n`), or a warning
    /// names its line; so is each paragraph number printed on the line of its text (`151. Slovenia remains ...`,
    /// after a blank line or a finished sentence: after an unfinished one, `2025. The` is a year); each
    /// sub-paragraph label at the start of a line (`(a)`, alone or before its text) starts a block of the output with
    /// its first words, or a warning names its line (a label inside a note's text); every footnote cited has a
    /// definition, and every note number of the notes' sequence (1 to the highest) has a definition, or a warning
    /// names the footnote.
    func testEveryNumberOfTheRawTextIsAccountedFor() throws {
        for pdf in try Self.pdfs() {
            let raw = try Self.text(pdf)
            let result = ReportImporter.importText(raw)
            let body = result.content.components(separatedBy: "\n---\n").dropFirst().joined()
            let blocks = body.components(separatedBy: "\n\n")
            var paragraphs: Set<Int> = []
            var items: Set<String> = []
            for block in blocks {
                if let m = block.prefixMatch(of: /([0-9]{1,4})\.[ ]/) { paragraphs.insert(Int(m.output.1)!) }
                if let m = block.prefixMatch(of: /([0-9]{1,4})\.([0-9]{1,3})[ ]/) { items.insert("\(m.output.1).\(m.output.2)") }
            }
            let itemNumbers = Set(items.map { $0.split(separator: ".")[1] }.compactMap { Int($0) })
            let warned = Set(result.warnings.map(\.line))
            let lines = raw.components(separatedBy: "\n")
            var lost: [String] = []
            var previous = ""
            for (k, line) in lines.enumerated() {
                let t = line.trimmingCharacters(in: .whitespaces)
                defer { if !t.isEmpty { previous = t } }
                if let m = t.wholeMatch(of: /([0-9]{1,3})\./), let n = Int(m.output.1) {
                    if !paragraphs.contains(n), !itemNumbers.contains(n), !warned.contains(k + 1), !Self.inContents(raw, line: k) {
                        lost.append("line \(k + 1): \(t)")
                    }
                } else if t.wholeMatch(of: /[0-9]{2,3}\.[0-9]{1,3}/) != nil {
                    if !items.contains(t), !warned.contains(k + 1) { lost.append("line \(k + 1): \(t)") }
                } else if let m = t.prefixMatch(of: /([0-9]{1,3})\.\s+\S/), let n = Int(m.output.1) {
                    // A paragraph number on the line of its text, after a blank line or a finished sentence.
                    let opens = lines[k == 0 ? 0 : k - 1].trimmingCharacters(in: .whitespaces).isEmpty
                        || previous.firstMatch(of: /[.;:!?][”’"]?[0-9]{0,3}$/) != nil
                    if opens, !paragraphs.contains(n), !itemNumbers.contains(n), !warned.contains(k + 1), !Self.inContents(raw, line: k) {
                        lost.append("line \(k + 1): \(t.prefix(40)) (paragraph number on the line of its text)")
                    }
                } else if let m = t.wholeMatch(of: /\(([a-z]{1,4})\)(?:\s+(.*))?/) {
                    // A sub-paragraph label: its block starts with it and the first words of its text.
                    var text = m.output.2.map(String.init) ?? ""
                    if text.isEmpty, let next = lines[(k + 1)...].first(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                        text = next.trimmingCharacters(in: .whitespaces)
                    }
                    let start = "(\(m.output.1)) " + text.split(separator: " ").prefix(2).joined(separator: " ")
                    if !blocks.contains(where: { $0.hasPrefix(start) }), !warned.contains(k + 1), !Self.inContents(raw, line: k) {
                        lost.append("line \(k + 1): \(start) (sub-paragraph label)")
                    }
                }
            }
            XCTAssertEqual(lost, [], pdf.lastPathComponent)
            let cited = Set(body.matches(of: /\[\^([^\]\s]+)\](?!:)/).map { String($0.output.1) })
            let defined = Set(body.matches(of: /\n\[\^([^\]\s]+)\]:/).map { String($0.output.1) })
            XCTAssertEqual(cited.subtracting(defined), [], "\(pdf.lastPathComponent): footnotes cited without a definition")
            // The notes' sequence: 1 to the highest number cited or defined.
            let highest = cited.union(defined).compactMap { Int($0) }.max() ?? 0
            let unaccounted = (0..<highest).map { $0 + 1 }.filter { n in
                !defined.contains(String(n)) && !result.warnings.contains { $0.message.contains("footnote \(n) ") || $0.message.contains("footnote \(n)'s") }
            }
            XCTAssertEqual(unaccounted, [], "\(pdf.lastPathComponent): note numbers of the sequence neither defined nor warned")
        }
    }

    /// Footnotes over the fifteen: every marker the importer found has its text (no placeholder), and the texts
    /// whose marker it did not find are only the four of A/HRC/WG.6/20/SVN/2's ratification tables (RS202); at least
    /// 99 % of the 547 matched (545, and the two of the decision A/HRC/DEC/43/112 that were text). Per document: (matched, placeholders, texts without a marker).
    func testFootnotesMatchedOverTheFifteen() throws {
        let expected: [String: (Int, Int, Int)] = [
            "A/HRC/14/15": (1, 0, 0), "A/HRC/14/15/Add.1": (1, 0, 0), "A/HRC/28/15": (1, 0, 0), "A/HRC/28/15/Add.1": (3, 0, 0),
            "A/HRC/43/15": (1, 0, 0), "A/HRC/43/15/Add.1": (1, 0, 0), "A/HRC/59/15": (4, 0, 0), "A/HRC/59/15/Add.1": (1, 0, 0),
            "A/HRC/DEC/43/112": (2, 0, 0), "A/HRC/WG.6/7/SVN/1": (48, 0, 0), "A/HRC/WG.6/7/SVN/3": (76, 0, 0),
            "A/HRC/WG.6/20/SVN/2": (117, 0, 4), "A/HRC/WG.6/34/SVN/3": (145, 0, 0), "A/HRC/WG.6/48/SVN/1": (43, 0, 0),
            "A/HRC/WG.6/48/SVN/2": (99, 0, 0),
        ]
        var matched = 0, all = 0
        for pdf in try Self.pdfs() {
            let symbol = Self.symbol(pdf)
            let summary = ReportImporter.importText(try Self.text(pdf)).summary
            let figures = (summary.footnotesMatched.count, summary.footnotesWithoutText.count, summary.footnotesUnreferenced.count)
            XCTAssertTrue(expected[symbol].map { $0 == figures } ?? false, "\(symbol): \(figures)")
            matched += figures.0
            all += figures.0 + figures.1 + figures.2
        }
        guard all > 0 else { return }
        XCTAssertEqual(all, 547)
        XCTAssertGreaterThanOrEqual(matched * 100, all * 99, "\(matched) of \(all) footnotes matched")
    }

    /// A label on a page of the printed contents (dropped whole; the site makes its own).
    static func inContents(_ raw: String, line: Int) -> Bool {
        let lines = raw.components(separatedBy: "\n")
        let pageStart = lines[..<line].lastIndex { $0.contains("\u{0C}") } ?? 0
        let pageEnd = lines[line...].firstIndex { $0.contains("\u{0C}") } ?? lines.count
        return lines[pageStart..<pageEnd].filter { $0.contains("......") }.count >= 2
    }

    /// The recommendations of the second, third and fourth cycles: every number of OHCHR's thematic list of the
    /// report is an anchor on its page, built strictly from what `import` wrote, with no hand edit.
    func testEveryRecommendationOfTheThematicListsIsAnchored() throws {
        let pdfs = try Self.pdfs()
        guard !pdfs.isEmpty else { return }
        let lists = [("A-HRC-28-15", "UPR20__Slovenia_ThematicListRecommendations_E.docx"),
                     ("A-HRC-43-15", "UPR34_Slovenia_Thematic_list_of_Recommendations.docx"),
                     ("A-HRC-59-15", "upr48-slovenia-thematic-list-of-recommendatio.docx")]
        let root = try temporaryFolder(self)
        let reports = root.appendingPathComponent("content/reports")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        for file in ["addressees.yml", "recommending-verbs.yml", "site.yml"] {
            try? FileManager.default.copyItem(at: Project.content.appendingPathComponent(file), to: root.appendingPathComponent("content/" + file))
        }
        var expected: [(String, [String])] = []
        for (name, list) in lists {
            let result = ReportImporter.importText(try Self.text(Self.folder.appendingPathComponent(name + ".pdf")))
            try result.content.write(to: reports.appendingPathComponent(result.fileName!), atomically: true, encoding: .utf8)
            let numbers = try Self.listNumbers(Self.folder.appendingPathComponent("upr-thematic-lists/" + list))
            XCTAssertGreaterThan(numbers.count, 100, list)
            expected.append((name, numbers))
        }
        let (outcome, diagnostics) = buildSite(content: root.appendingPathComponent("content"), output: root.appendingPathComponent("site"), strict: true)
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map(\.formatted), [])
        guard case .success = outcome else { return XCTFail("\(outcome)") }
        for (name, numbers) in expected {
            let page = root.appendingPathComponent("site/" + name.replacingOccurrences(of: "-", with: "/") + "/index.html")
            let html = try String(contentsOf: page, encoding: .utf8)
            let missing = numbers.filter { !html.contains("id=\"para-\($0.replacingOccurrences(of: ".", with: "-"))\"") }
            XCTAssertEqual(missing, [], name)
        }
    }

    /// The recommendation numbers of a thematic list (`121.1`, ...), read from the Word file's text (a zip: read with
    /// Python's zipfile, which CI has for the PDF tests).
    static func listNumbers(_ docx: URL) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode('utf-8'))", docx.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let xml = String(decoding: data, as: UTF8.self)
        var numbers: [String] = []
        for paragraph in xml.matches(of: /<w:p[ >].*?<\/w:p>/) {
            let text = String(paragraph.output).replacing(/<[^>]+>/, with: "").trimmingCharacters(in: .whitespaces)
            if let m = text.prefixMatch(of: /([0-9]{2,3}\.[0-9]{1,3})\s/), !numbers.contains(String(m.output.1)) { numbers.append(String(m.output.1)) }
        }
        return numbers
    }

    /// `check --strict` passes on what `import` wrote for these documents, with no hand edit. The others are named,
    /// with what still fails, so that a fix shows here (docs/import.md has the table).
    func testStrictCheckOfWhatImportWrote() throws {
        let knownFailures: [String: String] = [
            "A-HRC-14-15-Add.1.pdf": "responses numbered by recommendation (1-97, several on one line): paragraph numbering gaps",
            "A-HRC-WG.6-20-SVN-2.pdf": "RS202: four notes whose markers pdftotext lost in the ratification tables (texts kept, warned)",
        ]
        var clean: [String] = []
        for pdf in try Self.pdfs() {
            let root = try temporaryFolder(self)
            let reports = root.appendingPathComponent("content/reports")
            try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
            let result = ReportImporter.importText(try Self.text(pdf))
            try result.content.write(to: reports.appendingPathComponent(result.fileName!), atomically: true, encoding: .utf8)
            let (outcome, diagnostics) = buildSite(content: root.appendingPathComponent("content"), output: root.appendingPathComponent("site"), strict: true)
            let errors = diagnostics.filter { $0.severity == .error }
            if case .success = outcome, errors.isEmpty {
                clean.append(pdf.lastPathComponent)
                XCTAssertNil(knownFailures[pdf.lastPathComponent], "\(pdf.lastPathComponent) passes now: take it off the known failures")
            } else {
                XCTAssertNotNil(knownFailures[pdf.lastPathComponent], "\(pdf.lastPathComponent): " + errors.prefix(5).map(\.formatted).joined(separator: "\n"))
            }
            // Never a footnote cited without its definition in an imported file.
            XCTAssertFalse(errors.contains { $0.code == "RS201" }, pdf.lastPathComponent)
        }
        if !clean.isEmpty { XCTAssertGreaterThanOrEqual(clean.count, 13) }
    }
}
