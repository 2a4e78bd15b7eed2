import Foundation
import XCTest
@testable import ReportSiteKit

/// A seeded, deterministic fuzzer: mutated copies of the real reports in content/reports/ are built in-process
/// (non-strict), each case within a time bound. A case must never crash the process nor hang; it either builds
/// a site whose every HTML page is well formed (with unique ids and no dead internal links), or it is rejected
/// with diagnostics and nothing written.
///
///     FUZZ_CASES=N   number of cases (default 600, about 30 s on 2 cores)
///     FUZZ_SEED=S    seed (default 20240601); case i depends only on (S, i)
///     FUZZ_ONLY=i    run case i alone (to reproduce a failure); FUZZ_ONLY=i,j,k for several
///     FUZZ_JOBS=J    cases built at the same time (default: the processor count, at most 4)
///     FUZZ_TIMEOUT=T seconds a case may take (default 10), measured with a clock. A case over T beside other
///                    cases is built again alone and fails if it is over T again; a case still running after 3T
///                    (on its background thread) is a hang: the run stops and fails.
///     FUZZ_KEEP=1    keep every case folder, not only failing ones
///     FUZZ_VERBOSE=1 print each case: outcome, time, first error, mutations
///     FUZZ_SKIP=k,.. mutation kinds drawn but not applied (FuzzCaseMaker.kinds), to look past a known bug
///
/// A failing case is copied to $TMPDIR/reportsite-fuzz-failures/seed-S-case-i/ with the mutations applied
/// (case.txt); `reportsite build --content <that folder>/content` reproduces it outside the tests.
/// If the process dies (a crash), the cases running at that moment are the folders left in the fuzz folder
/// printed at the start, each with its case.txt.
final class FuzzTests: XCTestCase {
    func testMutatedReportsNeverCrashHangOrWriteBrokenPages() throws {
        let env = ProcessInfo.processInfo.environment
        try XCTSkipIf(env["REPORTSITE_SKIP_SLOW"] == "1", "slow test skipped (REPORTSITE_SKIP_SLOW=1); CI runs it")
        let seed = env["FUZZ_SEED"].flatMap { UInt64($0) } ?? 20_240_601
        let count = env["FUZZ_CASES"].flatMap { Int($0) } ?? 600
        let only = env["FUZZ_ONLY"].map { $0.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) } }
        let jobs = max(1, env["FUZZ_JOBS"].flatMap { Int($0) } ?? min(4, ProcessInfo.processInfo.activeProcessorCount))
        let bound = env["FUZZ_TIMEOUT"].flatMap { Double($0) } ?? 10
        let keepAll = env["FUZZ_KEEP"] == "1"

        let corpus = try FuzzCorpus.load(Project.content)
        XCTAssertGreaterThanOrEqual(corpus.reports.count, 2, "the fuzzer mutates the real reports")
        let root = try temporaryFolder(self).appendingPathComponent("fuzz")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let indices = only ?? Array(0..<count)
        print("fuzz: seed \(seed), \(indices.count) cases, \(jobs) at a time, bound \(bound) s; cases in \(root.path)")

        let runner = FuzzRunner(seed: seed, corpus: corpus, root: root, bound: bound, keepAll: keepAll)
        let started = DispatchTime.now()
        let summary = runner.run(indices, jobs: jobs)
        let wall = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9

        for failure in summary.failures.sorted(by: { $0.index < $1.index }) {
            XCTFail(failure.description)
        }
        if let hung = summary.hung {
            XCTFail("case \(hung.index) did not finish within \(String(format: "%g", runner.hangBound)) s (still running: a hang); reproduce with FUZZ_SEED=\(seed) FUZZ_ONLY=\(hung.index); mutations: \(hung.mutations.joined(separator: "; ")); content kept in \(hung.kept)")
        }
        let slowest = summary.slowest.map { String(format: "%.2f", $0.seconds) } ?? "0"
        print("fuzz: \(summary.cases) cases, 0 crashes, built \(summary.built), rejected \(summary.rejected), slowest \(slowest) s")
        var details = String(format: "fuzz: seed %llu, wall %.1f s, failures %d", seed, wall, summary.failures.count)
        if let s = summary.slowest { details += ", slowest case \(s.index) (\(s.mutations.joined(separator: "; ")))" }
        details += ", largest site \(summary.largestOutput / 1024) KB, rebuilt identically \(summary.rebuilt)"
        if !summary.retried.isEmpty { details += ", over \(Int(bound)) s beside other cases and retried alone: \(summary.retried.sorted())" }
        if summary.hung != nil { details += ", 1 hang" }
        print(details)
    }

    /// The same seed and index always give the same bytes, and different indices differ.
    func testTheGeneratorIsDeterministic() throws {
        let corpus = try FuzzCorpus.load(Project.content)
        for index in 0..<40 {
            var makerA = FuzzCaseMaker(corpus: corpus, seed: 7, index: index), makerB = FuzzCaseMaker(corpus: corpus, seed: 7, index: index)
            let a = makerA.make(), b = makerB.make()
            XCTAssertEqual(a.files.map(\.name), b.files.map(\.name))
            XCTAssertEqual(a.files.map(\.bytes), b.files.map(\.bytes))
            XCTAssertEqual(a.mutations, b.mutations)
        }
        var makerFirst = FuzzCaseMaker(corpus: corpus, seed: 7, index: 0), makerOther = FuzzCaseMaker(corpus: corpus, seed: 8, index: 0)
        let first = makerFirst.make(), other = makerOther.make()
        XCTAssertNotEqual(first.files.map(\.bytes), other.files.map(\.bytes))
    }

    /// Noncharacters cannot be written in a Swift literal.
    static func scalar(_ value: UInt32) -> String { String(Unicode.Scalar(value)!) }

    /// The well-formedness check finds what it is meant to find.
    func testTheMarkupCheckCatchesBrokenPages() {
        let good = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>a &amp; b</title></head>" +
            "<body><p id=\"x\">one<br>two <a href=\"#x\">link</a></p><script src=\"a.js\" defer></script>" +
            "<!-- note --><img src=\"i.png\" alt=\"\" /></body></html>\n"
        XCTAssertEqual(MarkupCheck.check(good).problems, [])
        XCTAssertEqual(MarkupCheck.check(good.replacingOccurrences(of: "two", with: "t\u{FFFD}w\u{10FFFD}o\u{FFFC}")).problems, [])
        XCTAssertEqual(MarkupCheck.check(good).ids, ["x"])
        XCTAssertEqual(MarkupCheck.check(good).links, ["#x", "a.js", "i.png"])
        let bad: [(String, String)] = [
            ("<html><body></body></html>", "DOCTYPE"),
            ("<!DOCTYPE html><html><body><p>a</div></body></html>", "closes"),
            ("<!DOCTYPE html><html><body><p>a</body></html>", "closes"),
            ("<!DOCTYPE html><html><body><p class=x>a</p></body></html>", "unquoted"),
            ("<!DOCTYPE html><html><body><p>a < b</p></body></html>", "raw <"),
            ("<!DOCTYPE html><html><body><p>a <3</p></body></html>", "raw <"),
            ("<!DOCTYPE html><html><body><p>a &b</p></body></html>", "bare &"),
            ("<!DOCTYPE html><html><body><p id=\"a\">x</p><p id=\"a\">y</p></body></html>", "duplicate id"),
            ("<!DOCTYPE html><html><body><p id=\"a b\">x</p></body></html>", "id"),
            ("<!DOCTYPE html><html><body><p id=\"\">x</p></body></html>", "id"),
            ("<!DOCTYPE html><html><body><p>a<div>b</div></p></body></html>", "inside <p>"),
            ("<!DOCTYPE html><html><body><a href=\"#\"><a href=\"#\">b</a></a></body></html>", "inside <a>"),
            ("<!DOCTYPE html><html><body><p title=\"a<b\">x</p></body></html>", "raw < in the value"),
            ("<!DOCTYPE html><html><body><p>a\u{0}b</p></body></html>", "control"),
            ("<!DOCTYPE html><html><body><p>a\u{85}b</p></body></html>", "U+0085"),
            ("<!DOCTYPE html><html><body><p>a\(Self.scalar(0xFFFE))b</p></body></html>", "U+FFFE"),
            ("<!DOCTYPE html><html><body><p>a\(Self.scalar(0x10FFFF))b</p></body></html>", "U+10FFFF"),
            ("<!DOCTYPE html><html><body><p>a\(Self.scalar(0xFDD0))b</p></body></html>", "U+FDD0"),
            ("<!DOCTYPE html><html><body><p>a</p><br></br></body></html>", "void"),
            ("<!DOCTYPE html><html><body><p class=\"a\" class=\"b\">a</p></body></html>", "twice"),
            ("<!DOCTYPE html><html><body><p>a</p>", "never closed"),
            ("<!DOCTYPE html><html><body><p>a</p><!-- x </body></html>", "comment"),
        ]
        for (html, expected) in bad {
            let problems = MarkupCheck.check(html).problems
            XCTAssertTrue(problems.contains { $0.contains(expected) }, "\(html): expected a problem with '\(expected)', got \(problems)")
        }
    }
}

// MARK: - Random numbers

/// SplitMix64: small, fast, and the same on every platform and Swift version (the standard library's
/// `random(in:using:)` may change its algorithm, so it is not used here).
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `range` (the slight modulo bias does not matter here).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % span)
    }

    /// An index of a non-empty collection.
    mutating func index(_ count: Int) -> Int { int(0...max(count - 1, 0)) }

    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

    mutating func pick<T>(_ items: [T]) -> T { items[index(items.count)] }

    /// One of `items`, each with its weight.
    mutating func weighted<T>(_ items: [(Int, T)]) -> T {
        var roll = int(0...(items.reduce(0) { $0 + $1.0 } - 1))
        for (weight, item) in items {
            if roll < weight { return item }
            roll -= weight
        }
        return items[items.count - 1].1
    }
}

// MARK: - The real reports

typealias Bytes = [UInt8]

fileprivate extension Array where Element == UInt8 {
    init(_ text: String) { self = Array(text.utf8) }
    var text: String { String(decoding: self, as: UTF8.self) }
    func hasPrefix(_ prefix: String) -> Bool { starts(with: prefix.utf8) }
}

struct FuzzCorpus {
    struct Report {
        var name: String
        /// The file's lines, without their "\n".
        var lines: [Bytes]
        /// Index of the line that closes the front matter.
        var frontMatterEnd: Int
        var body: ArraySlice<Bytes> { lines[(frontMatterEnd + 1)...] }
    }

    var reports: [Report]
    var siteYML: Bytes
    var addresseesYML: Bytes

    static func load(_ content: URL) throws -> FuzzCorpus {
        let fm = FileManager.default
        let folder = content.appendingPathComponent("reports")
        var reports: [Report] = []
        for name in try fm.contentsOfDirectory(atPath: folder.path).filter({ $0.hasSuffix(".md") }).sorted() {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let lines = Bytes(data).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Bytes($0) }
            let end = lines.indices.dropFirst().first { lines[$0] == Bytes("---") } ?? 0
            reports.append(Report(name: name, lines: lines, frontMatterEnd: end))
        }
        return FuzzCorpus(reports: reports,
                          siteYML: Bytes(try Data(contentsOf: content.appendingPathComponent("site.yml"))),
                          addresseesYML: Bytes(try Data(contentsOf: content.appendingPathComponent("addressees.yml"))))
    }
}

// MARK: - Cases

struct FuzzCase {
    struct File { var name: String; var bytes: Bytes }
    var files: [File]
    /// nil: the real file; empty: no file at all.
    var siteYML: Bytes?
    var addresseesYML: Bytes?
    var mutations: [String]
}

/// Makes case `index` of `seed`: one to three real reports (a slice of the long ones, to keep a case fast),
/// each mutated a few times, sometimes with a mutated site.yml or addressees.yml.
struct FuzzCaseMaker {
    let corpus: FuzzCorpus
    var random: SeededRandom
    var mutations: [String] = []

    init(corpus: FuzzCorpus, seed: UInt64, index: Int) {
        self.corpus = corpus
        var mixer = SeededRandom(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03))
        random = SeededRandom(seed: mixer.next() ^ UInt64(truncatingIfNeeded: index))
    }

    mutating func make() -> FuzzCase {
        let fileCount = random.weighted([(60, 1), (30, 2), (10, 3)])
        var chosen: [Int] = []
        while chosen.count < min(fileCount, corpus.reports.count) {
            let i = random.index(corpus.reports.count)
            if !chosen.contains(i) { chosen.append(i) }
        }
        var files: [FuzzCase.File] = []
        for (n, i) in chosen.enumerated() {
            var lines = base(corpus.reports[i], tag: "file \(n)")
            let rounds = random.weighted([(30, 1), (35, 2), (20, 3), (10, 5), (5, 9)])
            for _ in 0..<rounds { mutate(&lines, file: n) }
            if random.chance(75) { defineMissingNotes(&lines, file: n) }
            var bytes = Bytes(lines.joined(separator: [UInt8(ascii: "\n")]))
            if random.chance(2) { byteLevel(&bytes, file: n) }
            files.append(.init(name: name(for: bytes, number: n, taken: files.map(\.name)), bytes: bytes))
        }
        var siteYML: Bytes?, addresseesYML: Bytes?
        if random.chance(6) { siteYML = configuration(corpus.siteYML, label: "site.yml") }
        if random.chance(6) { addresseesYML = configuration(corpus.addresseesYML, label: "addressees.yml") }
        return FuzzCase(files: files, siteYML: siteYML, addresseesYML: addresseesYML, mutations: mutations)
    }

    private mutating func note(_ text: String) { mutations.append(text) }

    /// The whole report, or (for the long ones, half of the time) its front matter, a slice of its body and the
    /// definitions of the footnotes that slice cites.
    private mutating func base(_ report: FuzzCorpus.Report, tag: String) -> [Bytes] {
        let body = report.body
        guard body.count > 60, random.chance(50) else {
            note("\(tag): \(report.name)")
            return report.lines
        }
        let length = random.int(8...80)
        let start = body.startIndex + random.index(body.count - length)
        let slice = Array(report.lines[start..<(start + length)])
        let definitions = body.filter { line in
            guard line.hasPrefix("[^"), let close = line.firstIndex(of: UInt8(ascii: "]")) else { return false }
            let reference = Bytes(line[..<(close + 1)])
            return slice.contains { $0.count > reference.count && !$0.hasPrefix("[^") && Self.contains($0, reference) }
        }
        note("\(tag): \(report.name) front matter + lines \(start + 1)-\(start + length) + \(definitions.count) footnotes")
        return Array(report.lines[...report.frontMatterEnd]) + [[]] + slice + [[]] + definitions.flatMap { [$0, []] }
    }

    static func contains(_ line: Bytes, _ needle: Bytes) -> Bool {
        guard needle.count <= line.count else { return false }
        for i in 0...(line.count - needle.count) where line[i] == needle[0] && line[i..<(i + needle.count)].elementsEqual(needle) { return true }
        return false
    }

    /// The file name: from the symbol of the front matter when it still has a valid one.
    private mutating func name(for bytes: Bytes, number: Int, taken: [String]) -> String {
        var name = "fuzz-\(number).md"
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.first.map({ Bytes($0) == Bytes("---") }) == true {
            for line in lines.dropFirst() {
                let l = Bytes(line)
                if l == Bytes("---") { break }
                guard l.hasPrefix("symbol:") else { continue }
                var value = Bytes(l.dropFirst(7)).text.trimmingCharacters(in: .whitespaces)
                if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q { value = String(value.dropFirst().dropLast()) }
                if let symbol = Symbol(value) { name = symbol.fileName }
                break
            }
        }
        if random.chance(3) {
            name = random.pick(["wrong-name.md", ".hidden.md", "notes.txt", "A-58-275.MD", "UPPER-\(number).md"])
            note("file \(number): named \(name)")
        }
        if taken.contains(name) { name = "fuzz-\(number).md" }
        return name
    }

    /// Many mutations cite notes (`[^1]` in a table cell, a heading ...); most of the time they get a definition,
    /// so that the case goes on to be built instead of being rejected for the missing note.
    private mutating func defineMissingNotes(_ lines: inout [Bytes], file: Int) {
        var defined: Set<Bytes> = [], cited: [Bytes] = []
        for line in lines {
            var i = 0
            while i + 2 < line.count {
                guard line[i] == UInt8(ascii: "["), line[i + 1] == UInt8(ascii: "^"),
                      let close = line[(i + 2)...].firstIndex(where: { $0 == UInt8(ascii: "]") || $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: " ") }),
                      line[close] == UInt8(ascii: "]"), close > i + 2 else { i += 1; continue }
                let label = Bytes(line[(i + 2)..<close])
                if i == 0, close + 1 < line.count, line[close + 1] == UInt8(ascii: ":") { defined.insert(label) } else if !cited.contains(label) { cited.append(label) }
                i = close + 1
            }
        }
        let missing = cited.filter { !defined.contains($0) }
        guard !missing.isEmpty else { return }
        for label in missing { lines += [[], Bytes("[^") + label + Bytes("]: A note the fuzzer added.")] }
        note("file \(file): definitions added for \(missing.count) cited notes")
    }

    // MARK: Mutations of a report's lines

    /// Mutation kinds by roll (0...39): the more useful ones have more rolls.
    static let kinds: [String] = ["delete", "delete", "duplicate", "duplicate", "swap", "swap", "truncate", "random-bytes",
                                  "special-characters", "special-characters", "splice", "splice", "renumber", "renumber", "renumber",
                                  "front-matter", "front-matter", "footnotes", "footnotes", "footnotes", "nesting", "nesting",
                                  "long-line", "long-line", "table", "table", "sub-paragraphs", "sub-paragraphs", "sub-paragraphs",
                                  "heading", "heading", "big-numbers", "big-numbers", "page-markers", "citations", "citations",
                                  "markdown", "line-endings", "unicode", "inline-nesting"]

    /// Kinds named in FUZZ_SKIP (comma-separated) are drawn as usual but not applied, so that every other case
    /// and mutation stays the same: a way to look past a known bug while it is being fixed.
    static let skipped: Set<String> = Set((ProcessInfo.processInfo.environment["FUZZ_SKIP"] ?? "").split(separator: ",").map {
        $0.trimmingCharacters(in: .whitespaces)
    })

    private mutating func mutate(_ lines: inout [Bytes], file: Int) {
        if lines.isEmpty { lines = [[]] }
        let kind = Self.kinds[random.int(0...(Self.kinds.count - 1))]
        if Self.skipped.contains(kind) {
            var scratch = lines
            let before = mutations.count
            apply(kind, to: &scratch, tag: "file \(file)")
            mutations.removeSubrange(before...)
            mutations.append("file \(file): (skipped \(kind))")
        } else {
            apply(kind, to: &lines, tag: "file \(file)")
        }
    }

    private mutating func apply(_ kind: String, to lines: inout [Bytes], tag: String) {
        switch kind {
        case "delete": deleteLines(&lines, tag)
        case "duplicate": duplicateLines(&lines, tag)
        case "swap": swapLines(&lines, tag)
        case "truncate": truncate(&lines, tag)
        case "random-bytes": randomBytes(&lines, tag)
        case "special-characters": specialCharacters(&lines, tag)
        case "splice": splice(&lines, tag)
        case "renumber": renumber(&lines, tag)
        case "front-matter": frontMatter(&lines, tag)
        case "footnotes": footnotes(&lines, tag)
        case "nesting": nesting(&lines, tag)
        case "long-line": longLine(&lines, tag)
        case "table": table(&lines, tag)
        case "sub-paragraphs": subParagraphs(&lines, tag)
        case "heading": heading(&lines, tag)
        case "big-numbers": bigNumbers(&lines, tag)
        case "page-markers": pageMarkers(&lines, tag)
        case "citations": citations(&lines, tag)
        case "markdown": markdownOddities(&lines, tag)
        case "line-endings": lineEndings(&lines, tag)
        case "unicode": unicode(&lines, tag)
        default: inlineNesting(&lines, tag)
        }
    }

    /// Indices of lines after the front matter (all lines when there is none).
    private func bodyRange(_ lines: [Bytes]) -> Range<Int> {
        guard lines.first == Bytes("---"), let end = lines.indices.dropFirst().first(where: { lines[$0] == Bytes("---") }) else {
            return 0..<lines.count
        }
        return (end + 1)..<lines.count
    }

    private mutating func bodyLine(_ lines: [Bytes]) -> Int {
        let range = bodyRange(lines)
        return range.isEmpty ? lines.count - 1 : range.lowerBound + random.index(range.count)
    }

    /// Where a new block can go: a body position, as its own paragraph (blank lines around) or glued to the line before.
    private mutating func insertBlock(_ block: [Bytes], into lines: inout [Bytes], ownParagraph: Bool? = nil) {
        let range = bodyRange(lines)
        let at = range.isEmpty ? lines.count : range.lowerBound + random.index(range.count + 1)
        let own = ownParagraph ?? random.chance(75)
        lines.insert(contentsOf: own ? [[]] + block + [[]] : block, at: at)
    }

    /// Random numbered-paragraph lines (`80. text`), by index.
    private func paragraphLines(_ lines: [Bytes]) -> [Int] {
        bodyRange(lines).filter { numberPrefix(lines[$0]) != nil }
    }

    /// `80. text` -> 2 (the digits' count), nil when the line is not a numbered paragraph.
    private func numberPrefix(_ line: Bytes) -> Int? {
        let digits = line.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
        guard digits > 0, line.count > digits + 1, line[digits] == UInt8(ascii: "."), line[digits + 1] == UInt8(ascii: " ") else { return nil }
        return digits
    }

    private mutating func deleteLines(_ lines: inout [Bytes], _ tag: String) {
        let at = random.index(lines.count)
        let n = min(random.weighted([(70, 1), (20, 3), (10, 12)]), lines.count - at)
        lines.removeSubrange(at..<(at + n))
        note("\(tag): delete \(n) lines at \(at + 1)")
    }

    private mutating func duplicateLines(_ lines: inout [Bytes], _ tag: String) {
        let at = random.index(lines.count)
        let n = min(random.int(1...6), lines.count - at)
        let copies = random.weighted([(80, 1), (15, 3), (5, 50)])
        let run = Array(lines[at..<(at + n)])
        let to = random.chance(50) ? at + n : random.index(lines.count + 1)
        for _ in 0..<copies { lines.insert(contentsOf: run, at: to) }
        note("\(tag): duplicate \(n) lines at \(at + 1) x\(copies) to \(to + 1)")
    }

    private mutating func swapLines(_ lines: inout [Bytes], _ tag: String) {
        let a = random.index(lines.count), b = random.index(lines.count)
        lines.swapAt(a, b)
        note("\(tag): swap lines \(a + 1) and \(b + 1)")
    }

    private mutating func truncate(_ lines: inout [Bytes], _ tag: String) {
        let at = random.index(lines.count)
        if random.chance(50) {
            lines.removeSubrange((at + 1)...)
            note("\(tag): truncate after line \(at + 1)")
        } else {
            let cut = random.index(lines[at].count + 1)
            lines[at].removeSubrange(cut...)
            lines.removeSubrange((at + 1)...)
            note("\(tag): truncate at line \(at + 1) byte \(cut)")
        }
    }

    private mutating func insertBytes(_ bytes: Bytes, into lines: inout [Bytes], line: Int? = nil) -> String {
        let l = line ?? random.index(lines.count)
        let at = random.index(lines[l].count + 1)
        lines[l].insert(contentsOf: bytes, at: at)
        return "line \(l + 1) byte \(at)"
    }

    private mutating func randomBytes(_ lines: inout [Bytes], _ tag: String) {
        var bytes: Bytes = []
        for _ in 0..<random.int(1...12) { bytes.append(UInt8(truncatingIfNeeded: random.next())) }
        let place = insertBytes(bytes, into: &lines)
        note("\(tag): random bytes \(bytes) at \(place)")
    }

    static let specials: [(String, Bytes)] = [
        ("NUL", [0x00]), ("SOH", [0x01]), ("BEL", [0x07]), ("BS", [0x08]), ("VT", [0x0B]), ("FF", [0x0C]), ("ESC", [0x1B]),
        ("US", [0x1F]), ("DEL", [0x7F]), ("CR", [0x0D]), ("CRLF", [0x0D, 0x0A]), ("TAB", [0x09]),
        ("BOM", [0xEF, 0xBB, 0xBF]), ("U+2028", [0xE2, 0x80, 0xA8]), ("U+2029", [0xE2, 0x80, 0xA9]), ("RLO", [0xE2, 0x80, 0xAE]),
        ("U+FFFE", [0xEF, 0xBF, 0xBE]), ("U+FFFF", [0xEF, 0xBF, 0xBF]), ("U+FDD0", [0xEF, 0xB7, 0x90]), ("C1 NEL", [0xC2, 0x85]),
        ("C1 CSI", [0xC2, 0x9B]), ("NBSP", [0xC2, 0xA0]), ("ZWJ", [0xE2, 0x80, 0x8D]), ("combining acute", [0xCC, 0x81]),
        ("U+10FFFF", [0xF4, 0x8F, 0xBF, 0xBF]), ("emoji", [0xF0, 0x9F, 0x98, 0x80]), ("U+FFFD", [0xEF, 0xBF, 0xBD]),
        // Not UTF-8: encoded surrogates, overlong forms, bytes that never occur, cut sequences.
        ("encoded surrogate D800", [0xED, 0xA0, 0x80]), ("encoded surrogate DFFF", [0xED, 0xBF, 0xBF]),
        ("surrogate pair as CESU-8", [0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80]), ("overlong NUL", [0xC0, 0x80]), ("overlong /", [0xC0, 0xAF]),
        ("overlong 3-byte", [0xE0, 0x80, 0xAF]), ("beyond U+10FFFF", [0xF4, 0x90, 0x80, 0x80]), ("F5", [0xF5, 0x80, 0x80, 0x80]),
        ("5-byte", [0xF8, 0x88, 0x80, 0x80, 0x80]), ("FF", [0xFF]), ("FE", [0xFE]), ("lone continuation", [0x80]),
        ("cut 2-byte", [0xC3]), ("cut 3-byte", [0xE2, 0x82]), ("cut 4-byte", [0xF0, 0x9F, 0x98]), ("Latin-1 e-acute", [0xE9]),
    ]

    private mutating func specialCharacters(_ lines: inout [Bytes], _ tag: String) {
        let (label, bytes) = random.pick(Self.specials)
        let where_ = random.int(0...9)
        if where_ == 0 {
            lines[0].insert(contentsOf: bytes, at: 0)
            note("\(tag): \(label) at the start of the file")
        } else if where_ == 1 {
            lines[lines.count - 1].append(contentsOf: bytes)
            note("\(tag): \(label) at the end of the file")
        } else {
            let times = random.weighted([(80, 1), (20, random.int(2...40))])
            var place = ""
            for _ in 0..<times { place = insertBytes(bytes, into: &lines) }
            note("\(tag): \(label) x\(times), last at \(place)")
        }
    }

    private mutating func splice(_ lines: inout [Bytes], _ tag: String) {
        let other = random.pick(corpus.reports)
        let body = Array(other.body)
        guard !body.isEmpty else { return }
        let start = random.index(body.count)
        let n = min(random.int(1...25), body.count - start)
        let at = random.index(lines.count + 1)
        lines.insert(contentsOf: body[start..<(start + n)], at: at)
        note("\(tag): splice \(n) lines of \(other.name) from \(start + 1) at \(at + 1)")
    }

    private mutating func renumber(_ lines: inout [Bytes], _ tag: String) {
        let numbered = paragraphLines(lines)
        guard !numbered.isEmpty else {
            insertBlock([Bytes("\(random.int(0...120)). A paragraph added where there was none.")], into: &lines, ownParagraph: true)
            note("\(tag): add a numbered paragraph")
            return
        }
        func set(_ i: Int, _ number: String) {
            let digits = numberPrefix(lines[i]) ?? 0
            lines[i].replaceSubrange(0..<digits, with: Bytes(number))
        }
        func number(_ i: Int) -> Int { Int(Bytes(lines[i].prefix(numberPrefix(lines[i]) ?? 0)).text) ?? 0 }
        switch random.int(0...9) {
        case 0:
            let shift = random.int(-200...1000)
            for i in numbered { set(i, String(max(0, number(i) + shift))) }
            note("\(tag): shift every paragraph number by \(shift)")
        case 1:
            let numbers = numbered.map(number)
            for (i, n) in zip(numbered, numbers.reversed()) { set(i, String(n)) }
            note("\(tag): paragraph numbers reversed")
        case 2:
            let i = random.pick(numbered), n = random.int(0...500)
            set(i, String(n))
            note("\(tag): line \(i + 1) numbered \(n)")
        case 3:
            guard numbered.count >= 2 else { return }
            let k = 1 + random.index(numbered.count - 1)
            set(numbered[k], String(number(numbered[k - 1])))
            note("\(tag): line \(numbered[k] + 1) repeats the number before")
        case 4:
            let i = random.pick(numbered), n = random.pick(["0", "00", "007", "1000000", "2147483647", "2147483648", "4294967296",
                                                            "9223372036854775807", "9223372036854775808", "99999999999999999999999999"])
            set(i, n)
            note("\(tag): line \(i + 1) numbered \(n)")
        case 5:
            let i = random.pick(numbered), digits = numberPrefix(lines[i]) ?? 0
            let form = random.pick([")", ".", ".\t", ".  ", "..", ". [...]", ". [...] ", ".[...]"])
            lines[i].replaceSubrange(digits..<(digits + 2), with: Bytes(form == "." ? "." : form + (form.hasSuffix(" ") ? "" : " ")))
            note("\(tag): line \(i + 1) number followed by '\(form)'")
        case 6:
            for i in numbered { lines[i].insert(contentsOf: Bytes(random.pick(["", " ", "  ", "   ", "    ", "> ", "- ", "\t"])), at: 0) }
            note("\(tag): every numbered paragraph indented or quoted")
        case 7:
            for (k, i) in numbered.enumerated() { set(i, String(k + 1)) }
            note("\(tag): paragraphs renumbered from 1")
        case 8:
            let i = random.pick(numbered)
            lines.insert(contentsOf: [[], Bytes("\(number(i)). A second paragraph with the same number.")], at: i + 1)
            note("\(tag): duplicate number after line \(i + 1)")
        default:
            let i = random.pick(numbered)
            lines[i].insert(contentsOf: Bytes(random.pick(["\\", "**", "*", "_", "[", "`", "#", "(a) ", "1. ", "~~"])), at: 0)
            note("\(tag): markup before the number at line \(i + 1)")
        }
    }

    private mutating func frontMatter(_ lines: inout [Bytes], _ tag: String) {
        let end = lines.indices.dropFirst().first { lines[$0] == Bytes("---") }
        let keys = end.map { Array(1..<$0) } ?? []
        switch random.int(0...12) {
        case 0:
            if lines.first == Bytes("---") { lines.removeFirst(); note("\(tag): opening --- removed") }
        case 1:
            if let end { lines.remove(at: end); note("\(tag): closing --- removed") }
        case 2:
            guard let k = keys.isEmpty ? nil : random.pick(keys) else { return }
            lines.insert(lines[k], at: k + 1)
            note("\(tag): front matter line \(k + 1) duplicated")
        case 3:
            guard let k = keys.isEmpty ? nil : random.pick(keys) else { return }
            lines.remove(at: k)
            note("\(tag): front matter line \(k + 1) removed")
        case 4:
            guard let k = keys.isEmpty ? nil : random.pick(keys), let colon = lines[k].firstIndex(of: UInt8(ascii: ":")), colon > 0 else { return }
            let i = random.index(colon)
            lines[k][i] = random.pick(Bytes("xyzXYZ_- 9:"))
            note("\(tag): front matter key at line \(k + 1) misspelt")
        case 5:
            let value = random.pick(Self.oddValues)
            let key = random.pick(["symbol", "title", "date", "body", "author", "mandate", "session", "agenda_item", "subtitle",
                                   "status", "excerpt", "source", "addressees", "colour", "Symbol", "title ", "\"title\"", "? title"])
            let line = Bytes("\(key): \(value)")
            if let k = keys.first(where: { lines[$0].hasPrefix(key + ":") }), random.chance(70) {
                lines[k] = line
                note("\(tag): front matter line \(k + 1) set to \(line.text.debugDescription)")
            } else {
                lines.insert(line, at: end ?? 1)
                note("\(tag): front matter line \(line.text.debugDescription) added")
            }
        case 6:
            guard let end else { return }
            lines.insert(contentsOf: lines[0...end], at: end + 1)
            note("\(tag): front matter repeated")
        case 7:
            guard let end else { return }
            lines.insert(Bytes(random.pick(["---", "...", "--- ", "----", "- - -"])), at: 1 + random.index(end))
            note("\(tag): separator inside the front matter")
        case 8:
            guard let end else { return }
            let block = Array(lines[0...end])
            lines.removeSubrange(0...end)
            let at = min(lines.count, random.int(0...5))
            lines.insert(contentsOf: block, at: at)
            note("\(tag): front matter moved down \(at) lines")
        case 9:
            lines.insert(contentsOf: [Bytes("%YAML 1.2"), Bytes("---")], at: 0)
            note("\(tag): YAML directive before the front matter")
        case 10:
            guard let end else { return }
            let anchor = ["x1: &a [x, x, x, x, x, x, x, x]", "x2: &b [*a, *a, *a, *a, *a, *a, *a, *a]",
                          "x3: &c [*b, *b, *b, *b, *b, *b, *b, *b]", "x4: &d [*c, *c, *c, *c, *c, *c, *c, *c]"].map { Bytes($0) }
            lines.insert(contentsOf: anchor + [Bytes(random.pick(["addressees: { \"1\": *d }", "addressees: *d", "title: *a", "author: *b"]))], at: end)
            note("\(tag): YAML aliases in the front matter")
        case 11:
            guard let k = keys.isEmpty ? nil : random.pick(keys) else { return }
            lines[k].append(contentsOf: Bytes(random.pick([" # comment", " #", "\t", " ", ":", " : x", " [", " {", "\"", "'", " &x", " *y", " !!binary"])))
            note("\(tag): front matter line \(k + 1) with a tail")
        default:
            guard let k = keys.first(where: { lines[$0].hasPrefix("symbol:") }) else { return }
            let symbol = random.pick(corpus.reports).lines.first { $0.hasPrefix("symbol:") } ?? Bytes("symbol: A/1/1")
            lines[k] = random.chance(50) ? symbol : Bytes(symbol.text.lowercased())
            note("\(tag): symbol line set to \(symbol.text.debugDescription) (maybe lowercased)")
        }
    }

    static let oddValues = [
        "", "~", "null", "\"\"", "''", "[]", "{}", "[A/58/275]", "{ a: b }", "|", ">", "|\n  block\n  text", "yes", "no", "0", "-1", "1e400",
        "A/58/../x", "A//58", "/A/58", "A/58/", "A/58/275 ", "\"A/58/275 \"", "a/58/275", "A/58/275.", "A/.58/275", "A/58/2\u{301}75", "A/5 8/275",
        "A/\(String(repeating: "9", count: 300))/1", String(repeating: "A/", count: 400) + "1", "E/CN.4/2000/82", "A/HRC/RES/17/22",
        "2003-02-30", "2003-13-01", "99999-01-01", "0000-00-00", "2003-08-12T10:00:00Z", "2003-8-1", "yesterday", "1e10", "2003-08-12 extra",
        "<script>alert(1)</script>", "\"a & b < c > d \\\" e ' f\"", "&amp; <b>bold</b>", "\"\\0 nul\"", "\"\\x07 bell\"", "\"\\u0000\"",
        "\"\\uD800\"", "\"\\U0010FFFF\"", "\"\\e\\a\\b\"", "\"line\\nbreak\"", "\"\\u2028\"", "{{title}}", "{{{bodyHTML}}}", "{{#report}}x{{/report}}",
        String(repeating: "Long title ", count: 2000), "!!binary aGVsbG8=", "!custom x", "&anchor value", "*alias", "- a\n- b",
        "{ \"85\": [states] }", "{ \"999\": [nobody] }", "{ \"1-a\": [] }", "{ \"x\": [states, states] }", "[1, 2]", "{ \"80\": \"states\" }",
        "{ \"80\": [{ a: b }] }", "{ \"80-zz-iiii\": [human-rights-council] }", "{ 80: [states] }", "{ \"\": [] }",
        "page 17 only", "\"paragraphs 1-99999999\"", "Fifty-eighth session", "119 (b)",
    ]

    private mutating func footnotes(_ lines: inout [Bytes], _ tag: String) {
        let labels = ["1", "2", "3", "7", "12", "0", "01", "-1", "1.5", "a", "x y", "99999999999999999999", "2147483648", "1 ", " 1", "^",
                      "", "[1]", "1]", "é", "ÄÄ", "<b>", "&amp;", "\\*", String(repeating: "9", count: 1000), "para-80", "fn-1"]
        // Mostly a label the file defines (the content stays valid), else a new or odd one.
        let defined = bodyRange(lines).compactMap { i -> String? in
            guard lines[i].hasPrefix("[^"), let close = lines[i].firstIndex(of: UInt8(ascii: "]")),
                  close + 1 < lines[i].count, lines[i][close + 1] == UInt8(ascii: ":") else { return nil }
            return Bytes(lines[i][2..<close]).text
        }
        let fresh = String(random.int(1...40)), odd = random.pick(labels)
        let label = !defined.isEmpty && random.chance(50) ? random.pick(defined) : random.chance(60) ? fresh : odd
        switch random.int(0...6) {
        case 0, 1:
            let times = random.weighted([(85, 1), (15, random.int(2...30))])
            for _ in 0..<times {
                let l = bodyLine(lines)
                _ = insertBytes(Bytes("[^\(label)]"), into: &lines, line: l)
            }
            if !defined.contains(label), random.chance(60) { lines.append(contentsOf: [[], Bytes("[^\(label)]: A new note.")]) }
            note("\(tag): reference [^\(label)] x\(times)")
        case 2:
            lines.append(contentsOf: [[], Bytes("[^\(label)]: \(random.pick(["A note.", "", "See [^\(label)].", "> quoted", "- item", "(a) sub", "80. numbered", "A/58/275, para. 80."]))")])
            note("\(tag): definition [^\(label)] at the end")
        case 3:
            insertBlock([Bytes("[^\(label)]: A definition in the middle.")], into: &lines)
            note("\(tag): definition [^\(label)] in the middle")
        case 4:
            let definitions = bodyRange(lines).filter { lines[$0].hasPrefix("[^") }
            guard let d = definitions.isEmpty ? nil : random.pick(definitions) else { return }
            if random.chance(50) { lines.remove(at: d) } else { lines.insert(contentsOf: [[], lines[d]], at: d + 1) }
            note("\(tag): definition at line \(d + 1) removed or duplicated")
        case 5:
            let l = bodyLine(lines)
            _ = insertBytes(Bytes("[^\(label)]"), into: &lines, line: l)
            lines.append(contentsOf: [[], Bytes("[^\(label)]: First."), [], Bytes("[^\(label)]: Second."),
                                      [], Bytes("    Indented continuation with [^\(label)] inside."), []])
            note("\(tag): [^\(label)] defined twice")
        default:
            let l = bodyLine(lines)
            _ = insertBytes(Bytes("[^\(label)][^\(label)]"), into: &lines, line: l)
            lines.append(contentsOf: [[], Bytes("[^\(label)]: Note cited twice in a row.")])
            note("\(tag): [^\(label)] cited twice in a row")
        }
    }

    private mutating func nesting(_ lines: inout [Bytes], _ tag: String) {
        let depth = random.weighted([(50, random.int(2...12)), (30, random.int(13...40)), (15, random.int(41...200)), (5, random.int(201...3000))])
        let text = random.pick(["80. Quoted paragraph.", "(a) Quoted sub-paragraph;", "Text with [^1].", "| a | b |", "## IV. Heading", "```", "text"])
        var block: [Bytes] = []
        switch random.int(0...5) {
        case 0:
            block = [Bytes(String(repeating: "> ", count: depth) + text)]
        case 1:
            block = [Bytes(String(repeating: "- ", count: depth) + text)]
        case 2:
            block = (0..<min(depth, 400)).map { Bytes(String(repeating: " ", count: 2 * $0) + "- " + text) }
        case 3:
            block = (0..<min(depth, 400)).map { Bytes(String(repeating: ">", count: $0 + 1) + " " + text) }
        case 4:
            block = [Bytes(String(repeating: "> 1. ", count: depth) + text)]
        default:
            block = (0..<min(depth, 400)).map { Bytes(String(repeating: "   ", count: $0) + "1. " + text) }
        }
        insertBlock(block, into: &lines, ownParagraph: true)
        note("\(tag): nesting \(depth) deep, form \(block.first.map { Bytes($0.prefix(12)).text.debugDescription } ?? "")")
    }

    static let units = ["*a ", "_a ", "[a", "]", "![[]()", "[]", "a**", "**a", "`a", "<a", "a>", "[^1]", "A/58/275, para. 80 ",
                        "para. 12 above ", "paras. 1-3 below ", "(a) ", "www.a", "http://a.b/", "a@b.c ", "~~a", "|", "&amp;", "\\*",
                        "<!--", "-->", "& ", "<", "\"", "'", "chapter IV ", "section III.B ", "resolution 57/218 ", "A/RES/67/172 ",
                        "E/CN.4/2003/85 and Add.1-4 ", "word ", "é", "😀", "\t", "&#0;", "&#xD800;", "&#99999999;"]

    private mutating func longLine(_ lines: inout [Bytes], _ tag: String) {
        let length = random.weighted([(60, random.int(1_000...10_000)), (30, random.int(10_000...60_000)), (10, random.int(60_000...200_000))])
        var line: Bytes = []
        let kind = random.int(0...3)
        switch kind {
        case 0:
            let c = random.pick(["a", "*", "_", "[", "]", "`", "<", "!", "(", "|", "\\", "~", "#", ">", "&", "-", " ", ".", "9"])
            line = Bytes(String(repeating: c, count: length))
        case 1:
            let unit = Bytes(random.pick(Self.units))
            while line.count < length { line += unit }
        case 2:
            while line.count < length { line += Bytes(random.pick(Self.units)) }
        default:
            let words = corpus.reports.flatMap { Array($0.body) }.filter { !$0.isEmpty }
            while line.count < length { line += random.pick(words) + [UInt8(ascii: " ")] }
        }
        if random.chance(40), let p = paragraphLines(lines).first.map({ _ in random.pick(paragraphLines(lines)) }) {
            lines[p] += [UInt8(ascii: " ")] + line
            note("\(tag): \(line.count) bytes (kind \(kind)) appended to line \(p + 1)")
        } else {
            if random.chance(50) { line = Bytes("\(random.int(1...200)). ") + line }
            insertBlock([line], into: &lines, ownParagraph: true)
            note("\(tag): a line of \(line.count) bytes (kind \(kind))")
        }
    }

    private mutating func table(_ lines: inout [Bytes], _ tag: String) {
        let columns = random.weighted([(60, random.int(1...8)), (30, random.int(9...64)), (7, random.int(65...200)), (3, random.int(201...1500))])
        let rows = random.weighted([(60, random.int(0...10)), (30, random.int(11...200)), (10, random.int(201...2500))])
        let bodyColumns = random.weighted([(70, columns), (20, 1), (10, random.int(1...(2 * columns)))])
        let prefix = random.weighted([(75, ""), (10, "> "), (5, "- "), (5, "  "), (5, "> > ")])
        let cells = ["a", "", "A/58/275, para. 80", "[^1]", "(a)", "\\|", "`a|b`", "**b**", "80.", "<b>", "&", "para. 3 above", "💡", "x y z"]
        func row(_ n: Int) -> Bytes {
            var r = "|"
            for _ in 0..<n { r += " \(random.pick(cells)) |" }
            return Bytes(prefix + r)
        }
        let alignments = [" --- |", " :-- |", " --: |", " :-: |", "-|"]
        var delimiter = "|"
        for _ in 0..<columns { delimiter += random.pick(alignments) }
        var block = [row(columns), Bytes(prefix + delimiter)]
        for _ in 0..<rows { block.append(row(bodyColumns)) }
        if random.chance(50), let p = paragraphLines(lines).first.map({ _ in random.pick(paragraphLines(lines)) }) {
            lines.insert(contentsOf: [[]] + block + [[]], at: p + 1)
        } else {
            insertBlock(block, into: &lines, ownParagraph: true)
        }
        note("\(tag): table \(columns) columns, \(rows) rows of \(bodyColumns) cells, prefix \(prefix.debugDescription)")
    }

    private mutating func subParagraphs(_ lines: inout [Bytes], _ tag: String) {
        let runs = [["a", "b", "c"], ["a", "b", "i", "ii", "iii", "c"], ["h", "i", "j"], ["a", "i", "ii"], ["i", "ii", "iii", "iv"],
                    ["a", "a"], ["b", "a"], ["z", "aa", "bb"], ["A", "B"], ["0", "1"], ["ii"], ["a", "c"], ["xlviii", "mmmm", "iiii"],
                    ["a", "b", "ii", "i"], ["", " "], ["a)(b"], ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o",
                                                           "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z"],
                    ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"]]
        let run = random.pick(runs)
        let form = random.int(0...6)
        var block: [Bytes] = []
        for label in run {
            let text = random.pick(["A sub-paragraph;", "The Special Rapporteur recommends that States should act;", "", "(b) nested", "[^1]",
                                    "see para. 80 above;", "A/58/275, para. 80 (a);"])
            switch form {
            case 0: block += [Bytes("(\(label)) \(text)"), []]
            case 1: block += [Bytes("(\(label))\(text)")]
            case 2: block += [Bytes("> (\(label)) \(text)"), []]
            case 3: block += [Bytes("- (\(label)) \(text)")]
            case 4: block += [Bytes("    (\(label)) \(text)"), []]
            case 5: block += [Bytes("##### (\(label)) \(text)"), []]
            default: block += [Bytes("(\(label)) (\(label)) \(text)"), []]
            }
        }
        let numbered = paragraphLines(lines)
        if !numbered.isEmpty, random.chance(70) {
            let p = random.pick(numbered)
            lines.insert(contentsOf: [[]] + block, at: p + 1)
            note("\(tag): sub-paragraphs \(run) form \(form) after line \(p + 1)")
        } else {
            insertBlock(block, into: &lines, ownParagraph: true)
            note("\(tag): sub-paragraphs \(run) form \(form)")
        }
    }

    private mutating func heading(_ lines: inout [Bytes], _ tag: String) {
        let labels = ["0.", "I.", "II.", "IIII.", "IL.", "VX.", "MMMMCMXCIX.", String(repeating: "M", count: 60) + ".", "Z.", "AA.", "a.",
                      "1.", "12.", "99999999999999999999.", "2147483648.", "1.2.", "IV.B.1", "(a)", "(zz)", "(i)", "(iv)", "-1.", "1)", "",
                      "#", "Recommendations", "VI. Recommendations", "IV. Conclusions and recommendations", "B. Recommendations",
                      "1. Recommendations to States", "Recommendations for the Human Rights Council", "Contents", "Notes", "Summary",
                      "Summary", "main", "<b>x</b>", "[^1]", "A/58/275", "para-80", "sec-IV", "I. ", "I.I.", "V. [...]", "`code`", "***",
                      "IV. Introduction", "IV. Introduction", "\u{00C9}tat", "😀", "*", "\\", "&amp;"]
        let level = random.weighted([(80, random.int(2...5)), (10, 1), (5, 6), (5, 7)])
        let label = random.pick(labels)
        let title = random.pick(["", " Title", " Conclusions and recommendations", " with [^1] note", " A/58/275, para. 80", " **bold**"])
        var block = [Bytes(String(repeating: "#", count: level) + " " + label + title)]
        if random.chance(15) { block = [Bytes(label + title), Bytes(random.pick(["===", "---", "=", "-"]))] }
        if random.chance(10) { block.append(block[0]) }
        insertBlock(block, into: &lines, ownParagraph: true)
        note("\(tag): heading \(block.map(\.text))")
    }

    private mutating func bigNumbers(_ lines: inout [Bytes], _ tag: String) {
        let big = random.pick(["0", "2147483647", "2147483648", "4294967296", "9223372036854775807", "9223372036854775808",
                               "18446744073709551616", "99999999999999999999999999999999", "999999999", "1000000000"])
        let forms = ["\(big). A paragraph with a big number.", "<!-- page \(big) -->", "See A/58/275, para. \(big).",
                     "See A/58/275, paras. 1-\(big).", "See paras. 1-\(big) above.", "See paras. \(big)-1 above.", "paragraph \(big) below",
                     "General Assembly resolution \(big)/1", "Human Rights Council resolution 17/\(big)", "chapter \(String(repeating: "M", count: 40))",
                     "#### \(big). Heading", "(\(String(repeating: "x", count: 40))) sub", "A/\(big)/\(big), para. \(big)", "[^\(big)]",
                     "\(big)) item", "A/58/275, paras. 12 and \(big)", "para. 91 (\(String(repeating: "i", count: 50)))", "section \(big).B"]
        let text = random.pick(forms)
        if random.chance(50) {
            insertBlock([Bytes(text)], into: &lines)
        } else {
            _ = insertBytes(Bytes(" " + text + " "), into: &lines, line: bodyLine(lines))
        }
        note("\(tag): \(text.debugDescription)")
    }

    private mutating func pageMarkers(_ lines: inout [Bytes], _ tag: String) {
        let n = random.weighted([(70, String(random.int(0...60))), (30, random.pick(["-1", "01", "1.5", "x", "", "17 18", "99999999999999999999"]))])
        let marker = random.pick(["<!-- page \(n) -->", "<!--page \(n)-->", "<!-- page \(n)", "<!-- Page \(n) -->", "  <!-- page \(n) -->",
                                  "<!-- page \(n) --> text", "> <!-- page \(n) -->", "<!-- page \(n) -->\n<!-- page \(n) -->"])
        if random.chance(70) {
            insertBlock(marker.split(separator: "\n").map { Bytes(String($0)) }, into: &lines)
        } else {
            _ = insertBytes(Bytes(marker), into: &lines, line: bodyLine(lines))
        }
        note("\(tag): page marker \(marker.debugDescription)")
    }

    private mutating func citations(_ lines: inout [Bytes], _ tag: String) {
        let symbols = corpus.reports.compactMap { $0.lines.first { $0.hasPrefix("symbol:") } }.map { Bytes($0.dropFirst(7)).text.trimmingCharacters(in: .whitespaces) }
        let symbol = random.pick(symbols + ["A/99/999", "A/HRC/23/46", "E/CN.4/2003/85/Add.1", "CMW/C/GC/2", "A/C.3/58/L.27"])
        let n = random.int(0...150)
        let text = random.pick(["\(symbol), para. \(n)", "(\(symbol), paras. \(n)-\(n + random.int(-3...5)))", "\(symbol), paras. \(n) and \(n + 1)",
                                "para. \(n) (\(random.pick(["a", "c", "i", "zz"])))", "paragraph \(n) above", "paras. \(n)-\(n + 2) below", "see para. \(n)",
                                "chapter \(random.pick(["I", "IV", "IX", "XL"]))", "section \(random.pick(["III.B", "IV.B.1", "II", "Z.Z"]))",
                                "\(symbol) and Add.1-\(random.int(1...9))", "General Assembly resolution 57/218", "Commission on Human Rights resolution 1999/44",
                                "[\(symbol)](https://example.org/\(symbol))", "`\(symbol)`", "<\(symbol)>", "\(symbol)/Corr.1", "\(symbol), para. \(n), para. \(n)"])
        let times = random.weighted([(85, 1), (15, random.int(2...60))])
        for _ in 0..<times { _ = insertBytes(Bytes(" " + text + " "), into: &lines, line: bodyLine(lines)) }
        note("\(tag): citation \(text.debugDescription) x\(times)")
    }

    private mutating func markdownOddities(_ lines: inout [Bytes], _ tag: String) {
        let blocks = ["```", "~~~", "```swift\ncode", "    indented code", "<script>alert(1)</script>", "<div>\n\n80. inside html\n\n</div>",
                      "<!-- unclosed comment", "[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x](java\tscript:alert(1))",
                      "![i](data:text/html,<script>)", "[x](<a b>)", "[x](\"quoted\")", "<http://a.b/c>", "www.example.com/a_b_", "a\\",
                      "[a]: /url \"title\"\n\n[a] and [a][]", "***", "---", "* * *", "- [ ] task\n- [x] done", "1. list\n2. list",
                      "Term\n: definition", "<https://a/\"onmouseover=alert(1)>", "[x](https://a/\"onmouseover=\"alert(1))",
                      "<a href=\"x\">raw</a>", "&#0; &#xD800; &#x110000; &#99999999999; &nbsp; &bogus; &amp", "<?php ?>", "<![CDATA[ x ]]>",
                      "\\<b\\>", "`unclosed code", "**unclosed strong", "[unclosed link(", "a  \nb", "<style>p{}</style>", "<textarea>x",
                      "[^1]:", "|", "| a |", "|---|", "> ", ">", "-", "1.", "(", "#", "######", "####### seven"]
        let block = random.pick(blocks).split(separator: "\n", omittingEmptySubsequences: false).map { Bytes(String($0)) }
        if random.chance(65) { insertBlock(block, into: &lines) } else { _ = insertBytes(block[0], into: &lines, line: bodyLine(lines)) }
        note("\(tag): markdown \(block.map(\.text))")
    }

    private mutating func lineEndings(_ lines: inout [Bytes], _ tag: String) {
        switch random.int(0...4) {
        case 0:
            for i in lines.indices { lines[i].append(0x0D) }
            note("\(tag): CRLF line endings")
        case 1:
            lines = [Bytes(lines.joined(separator: [0x0D]))]
            note("\(tag): CR line endings")
        case 2:
            for i in lines.indices where random.chance(30) { lines[i].append(0x0D) }
            note("\(tag): some CRLF line endings")
        case 3:
            while lines.last == [] { lines.removeLast() }
            note("\(tag): no final newline")
        default:
            lines.append(contentsOf: Array(repeating: Bytes(random.pick(["", " ", "\t", "\u{A0}"])), count: random.int(1...500)))
            note("\(tag): blank lines at the end")
        }
    }

    private mutating func unicode(_ lines: inout [Bytes], _ tag: String) {
        let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0xA0...0x24F, 0x300...0x36F, 0x590...0x6FF, 0x2000...0x206F, 0x3000...0x9FFF,
                                             0xD7F0...0xD7FF, 0xE000...0xF8FF, 0xFDD0...0xFDEF, 0xFE00...0xFFFF, 0x1F300...0x1FAFF, 0xE0000...0xE007F, 0x10FFF0...0x10FFFF]
        var text = ""
        for _ in 0..<random.int(1...40) {
            let r = random.pick(ranges)
            if let s = Unicode.Scalar(UInt32(random.int(Int(r.lowerBound)...Int(r.upperBound)))) { text.unicodeScalars.append(s) }
        }
        let place = insertBytes(Bytes(text), into: &lines, line: random.chance(20) ? random.index(lines.count) : bodyLine(lines))
        note("\(tag): unicode \(text.unicodeScalars.map { String($0.value, radix: 16) }) at \(place)")
    }

    private mutating func inlineNesting(_ lines: inout [Bytes], _ tag: String) {
        let depth = random.weighted([(55, random.int(2...50)), (30, random.int(51...1000)), (10, random.int(1001...20000)), (5, random.int(20001...60000))])
        let (open, close) = random.pick([("*", "*"), ("_", "_"), ("**", "**"), ("~~", "~~"), ("*_", "_*"), ("[", "](u)"), ("[", "]"),
                                         ("![", "](i)"), ("`", "`"), ("<", ">"), ("(", ")"), ("[^", "]")])
        let text = String(repeating: open, count: depth) + "x" + String(repeating: close, count: depth)
        if random.chance(50) {
            insertBlock([Bytes("\(random.int(1...99)). " + text)], into: &lines, ownParagraph: true)
        } else {
            _ = insertBytes(Bytes(text), into: &lines, line: bodyLine(lines))
        }
        note("\(tag): inline nesting \(depth) of \(open)x\(close)")
    }

    /// A few bytes changed anywhere in the file, after the line mutations.
    private mutating func byteLevel(_ bytes: inout Bytes, file: Int) {
        guard !bytes.isEmpty else { return }
        switch random.int(0...3) {
        case 0:
            let at = random.index(bytes.count)
            bytes[at] = UInt8(truncatingIfNeeded: random.next())
            note("file \(file): byte \(at) replaced")
        case 1:
            let at = random.index(bytes.count)
            bytes.remove(at: at)
            note("file \(file): byte \(at) removed")
        case 2:
            let at = random.index(bytes.count)
            bytes[at] ^= 1 << UInt8(random.int(0...7))
            note("file \(file): bit flipped in byte \(at)")
        default:
            bytes.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0)
            note("file \(file): BOM at the start")
        }
    }

    /// site.yml or addressees.yml with a few line or byte mutations, or missing, or empty.
    private mutating func configuration(_ original: Bytes, label: String) -> Bytes {
        var lines = original.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Bytes($0) }
        switch random.int(0...6) {
        case 0:
            note("\(label): missing")
            return []
        case 1:
            note("\(label): empty")
            return Bytes("\n")
        case 2:
            deleteLines(&lines, label)
        case 3:
            duplicateLines(&lines, label)
        case 4:
            specialCharacters(&lines, label)
        case 5:
            let value = random.pick(Self.oddValues)
            let key = random.pick(["title", "description", "base_url", "documents", "language", "colour", "- slug", "  name", "  aliases"])
            lines.insert(Bytes("\(key): \(value)"), at: random.index(lines.count + 1))
            note("\(label): line \(key): \(value.debugDescription) added")
        default:
            let value = random.pick(["javascript:alert(1)", "https://a.b/{symbol}{symbol}", "{symbol", "\"><script>", "file:///etc/passwd", "",
                                     "https://example.org/reports/", "/relative/", "http://a b/", "https://ex.org/?q=\"{symbol}\"&x=<y>"])
            lines.append(Bytes(random.pick(["base_url", "documents"]) + ": \"\(value)\""))
            note("\(label): url \(value.debugDescription)")
        }
        return Bytes(lines.joined(separator: [UInt8(ascii: "\n")]))
    }
}

// MARK: - Running cases

/// Runs cases on `jobs` threads (8 MB stacks, like the command's main thread) while the calling thread watches the time
/// each case takes: a case still running after the bound is a hang, and the run stops there.
final class FuzzRunner: @unchecked Sendable {
    struct Failure: CustomStringConvertible {
        var index: Int
        var problems: [String]
        var mutations: [String]
        var kept: String
        var seed: UInt64
        var description: String {
            "fuzz case \(index) (reproduce: FUZZ_SEED=\(seed) FUZZ_ONLY=\(index); content kept in \(kept)):\n  " +
                problems.prefix(12).joined(separator: "\n  ") + (problems.count > 12 ? "\n  ... \(problems.count - 12) more" : "") +
                "\n  mutations: " + mutations.joined(separator: "; ")
        }
    }

    struct Summary {
        var cases = 0, built = 0, rejected = 0, rebuilt = 0
        var largestOutput = 0
        /// Each case's time: alone for those that were retried alone.
        var seconds: [Int: Double] = [:]
        var mutations: [Int: [String]] = [:]
        /// Cases over the bound while others ran beside them, and then alone.
        var slow: [Int] = [], retried: [Int] = []
        var failures: [Failure] = []
        var hung: (index: Int, mutations: [String], kept: String)?

        var slowest: (index: Int, seconds: Double, mutations: [String])? {
            seconds.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }.map { ($0.key, $0.value, mutations[$0.key] ?? []) }
        }
    }

    let seed: UInt64
    let corpus: FuzzCorpus
    let root: URL
    let bound: Double
    let keepAll: Bool
    let verbose = ProcessInfo.processInfo.environment["FUZZ_VERBOSE"] == "1"
    private let lock = NSLock()
    private var summary = Summary()
    private var next = 0
    private var serial = 0
    /// Keep the built sites of a failing case too (for a difference between two builds).
    private var keepSites: Set<Int> = []
    private var stop = false
    /// The case each worker is running and when it started.
    private var running: [Int: (index: Int, started: DispatchTime, mutations: [String], folder: URL)] = [:]

    init(seed: UInt64, corpus: FuzzCorpus, root: URL, bound: Double, keepAll: Bool) {
        self.seed = seed
        self.corpus = corpus
        self.root = root
        self.bound = bound
        self.keepAll = keepAll
    }

    /// A case still running after this long is hung (the bound itself is checked with the clock, alone).
    var hangBound: Double { 3 * bound }

    /// Runs the cases on `jobs` threads; then the cases that took longer than the bound again, one at a time,
    /// since a case beside another (or beside other work on the machine) can be slow without being at fault.
    func run(_ indices: [Int], jobs: Int) -> Summary {
        pool(indices, jobs: jobs, alone: false)
        lock.lock()
        let slow = summary.hung == nil ? summary.slow.sorted() : []
        lock.unlock()
        if !slow.isEmpty { pool(slow, jobs: 1, alone: true) }
        lock.lock()
        defer { lock.unlock() }
        return summary
    }

    private func pool(_ indices: [Int], jobs: Int, alone: Bool) {
        lock.lock()
        next = 0
        lock.unlock()
        let done = DispatchGroup()
        for worker in 0..<jobs {
            done.enter()
            let thread = Thread { [self] in
                work(worker, indices, alone: alone)
                done.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        while done.wait(timeout: .now() + 0.2) == .timedOut {
            lock.lock()
            let now = DispatchTime.now().uptimeNanoseconds
            if summary.hung == nil, let late = running.values.first(where: { Double(now - $0.started.uptimeNanoseconds) / 1e9 > hangBound }) {
                summary.hung = (late.index, late.mutations, keep(late.folder, index: late.index))
                stop = true
            }
            let hung = summary.hung != nil
            let others = running.values.filter { $0.index != summary.hung?.index }.count
            lock.unlock()
            // After a hang, wait for the other cases, then leave the hung one running and report.
            if hung, others == 0 { break }
        }
    }

    private func work(_ worker: Int, _ indices: [Int], alone: Bool) {
        while true {
            lock.lock()
            guard !stop, next < indices.count else { lock.unlock(); return }
            let index = indices[next]
            next += 1
            lock.unlock()
            if alone { retry(index, worker: worker) } else { runCase(index, worker: worker) }
        }
    }

    /// A case that was over the bound beside others, built again alone: now it must be within the bound.
    private func retry(_ index: Int, worker: Int) {
        var maker = FuzzCaseMaker(corpus: corpus, seed: seed, index: index)
        let fuzzCase = maker.make()
        let folder = caseFolder(index, "-alone")
        try? write(fuzzCase, to: folder, index: index)
        lock.lock()
        running[worker] = (index, .now(), fuzzCase.mutations, folder)
        lock.unlock()
        let started = DispatchTime.now()
        buildSite(content: folder.appendingPathComponent("content"), output: folder.appendingPathComponent("site"), strict: false, displayBase: folder)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        lock.lock()
        defer { lock.unlock() }
        running[worker] = nil
        guard summary.hung?.index != index else { return }
        let before = summary.seconds[index] ?? 0
        summary.seconds[index] = seconds
        summary.retried.append(index)
        if seconds > bound {
            summary.failures.append(Failure(index: index, problems: [String(format: "took %.2f s alone (%.2f s beside other cases), more than the bound of %g s", seconds, before, bound)],
                                            mutations: fuzzCase.mutations, kept: keep(folder, index: index), seed: seed))
        }
        if !keepAll { try? FileManager.default.removeItem(at: folder) }
    }

    /// A folder of its own for each run of a case (FUZZ_ONLY may name a case more than once).
    private func caseFolder(_ index: Int, _ suffix: String = "") -> URL {
        lock.lock()
        defer { lock.unlock() }
        serial += 1
        return root.appendingPathComponent("case-\(index)\(suffix)-\(serial)")
    }

    private func runCase(_ index: Int, worker: Int) {
        var maker = FuzzCaseMaker(corpus: corpus, seed: seed, index: index)
        let fuzzCase = maker.make()
        let folder = caseFolder(index)
        var problems: [String] = []
        do {
            try write(fuzzCase, to: folder, index: index)
        } catch {
            problems.append("cannot write the case: \(error)")
        }
        lock.lock()
        running[worker] = (index, .now(), fuzzCase.mutations, folder)
        lock.unlock()

        let content = folder.appendingPathComponent("content"), output = folder.appendingPathComponent("site")
        let started = DispatchTime.now()
        let (outcome, diagnostics) = buildSite(content: content, output: output, strict: false, displayBase: folder)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9

        lock.lock()
        running[worker] = nil
        let hungAlready = summary.hung?.index == index
        lock.unlock()
        if hungAlready { return }

        var built = false, rejected = false, outputBytes = 0, rebuilt = false
        switch outcome {
        case .success:
            built = true
            var check = SiteCheck(root: output)
            problems += check.run()
            outputBytes = check.totalBytes
            if leftovers(in: folder).count > 0 { problems.append("temporary folders left: \(leftovers(in: folder))") }
            // Byte-identical output for the same content, on one case in eight.
            if index % 8 == 0, problems.isEmpty {
                let again = folder.appendingPathComponent("site-again")
                let (second, _) = buildSite(content: content, output: again, strict: false, displayBase: folder)
                if second != outcome {
                    problems.append("a second build of the same content gave \(second), the first \(outcome)")
                } else if let difference = SiteCheck.firstDifference(output, again) {
                    problems.append("a second build of the same content differs: \(difference) (both sites kept)")
                    lock.lock()
                    keepSites.insert(index)
                    lock.unlock()
                }
                rebuilt = true
            }
        case .contentErrors:
            rejected = true
            if FileManager.default.fileExists(atPath: output.path) { problems.append("the content has errors, but the output folder was written") }
            if leftovers(in: folder).count > 0 { problems.append("temporary folders left: \(leftovers(in: folder))") }
            if !diagnostics.contains(where: { $0.severity == .error }) { problems.append("rejected without an error diagnostic") }
        case .usageError(let message):
            problems.append("usage error for a present content folder: \(message)")
        }
        problems += checkPositions(diagnostics, in: folder)

        if verbose {
            let first = diagnostics.first { $0.severity == .error }?.formatted.split(separator: "\n").first ?? ""
            print(String(format: "case %d: %@ %.2f s %@ | %@", index, "\(outcome)", seconds, String(first),
                         fuzzCase.mutations.joined(separator: "; ")))
        }
        lock.lock()
        summary.cases += 1
        if built { summary.built += 1 }
        if rejected { summary.rejected += 1 }
        if rebuilt { summary.rebuilt += 1 }
        summary.largestOutput = max(summary.largestOutput, outputBytes)
        summary.seconds[index] = seconds
        summary.mutations[index] = fuzzCase.mutations
        if seconds > bound { summary.slow.append(index) }
        if !problems.isEmpty {
            summary.failures.append(Failure(index: index, problems: problems, mutations: fuzzCase.mutations, kept: keep(folder, index: index), seed: seed))
        }
        lock.unlock()
        if !keepAll { try? FileManager.default.removeItem(at: folder) }
    }

    /// Every diagnostic names a file of the case (paths are relative to the case folder) and a line and column inside it.
    private func checkPositions(_ diagnostics: [Diagnostic], in folder: URL) -> [String] {
        var problems: [String] = []
        var lineLengths: [String: [Int]] = [:]
        for d in diagnostics {
            guard !d.file.isEmpty, !d.message.isEmpty else {
                problems.append("diagnostic without a file or message: \(d.formatted)")
                continue
            }
            let url = d.file.hasPrefix("/") ? URL(fileURLWithPath: d.file) : folder.appendingPathComponent(d.file)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                problems.append("diagnostic names a file that does not exist: \(d.formatted)")
                continue
            }
            guard let p = d.position else { continue }
            if isDirectory.boolValue { problems.append("diagnostic with a position in a folder: \(d.formatted)"); continue }
            if lineLengths[d.file] == nil {
                // Lines as the loader counts them: CRLF and CR are line ends.
                let data = Bytes((try? Data(contentsOf: url)) ?? Data())
                var lengths: [Int] = [], length = 0, k = 0
                while k < data.count {
                    if data[k] == 0x0A || data[k] == 0x0D {
                        lengths.append(length)
                        length = 0
                        if data[k] == 0x0D, k + 1 < data.count, data[k + 1] == 0x0A { k += 1 }
                    } else {
                        length += 1
                    }
                    k += 1
                }
                lengths.append(length)
                lineLengths[d.file] = lengths
            }
            let lengths = lineLengths[d.file]!
            if p.line < 1 || p.line > lengths.count || p.column < 1 || p.column > lengths[p.line - 1] + 1 {
                problems.append("diagnostic outside its file (\(lengths.count) lines\(p.line >= 1 && p.line <= lengths.count ? ", line \(p.line) has \(lengths[p.line - 1]) bytes" : "")): \(d.formatted)")
            }
        }
        return problems
    }

    private func write(_ fuzzCase: FuzzCase, to folder: URL, index: Int) throws {
        let fm = FileManager.default
        let reports = folder.appendingPathComponent("content/reports")
        try fm.createDirectory(at: reports, withIntermediateDirectories: true)
        for file in fuzzCase.files {
            try Data(file.bytes).write(to: reports.appendingPathComponent(file.name))
        }
        let configuration = folder.appendingPathComponent("content")
        for (name, bytes, real) in [("site.yml", fuzzCase.siteYML, corpus.siteYML), ("addressees.yml", fuzzCase.addresseesYML, corpus.addresseesYML)] {
            let data = bytes ?? real
            if !data.isEmpty { try Data(data).write(to: configuration.appendingPathComponent(name)) }
        }
        let about = "seed \(seed) case \(index)\nreproduce: FUZZ_SEED=\(seed) FUZZ_ONLY=\(index) swift test --filter FuzzTests\n" +
            "files: \(fuzzCase.files.map(\.name).joined(separator: ", "))\n" + fuzzCase.mutations.joined(separator: "\n") + "\n"
        try Data(about.utf8).write(to: folder.appendingPathComponent("case.txt"))
    }

    private func leftovers(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix(".site") }
    }

    /// Copies a failing case where it outlives the test; returns that place. Called with the lock held.
    private func keep(_ folder: URL, index: Int) -> String {
        let fm = FileManager.default
        let target = fm.temporaryDirectory.appendingPathComponent("reportsite-fuzz-failures/seed-\(seed)-case-\(index)")
        try? fm.removeItem(at: target)
        try? fm.createDirectory(at: target, withIntermediateDirectories: true)
        try? fm.copyItem(at: folder.appendingPathComponent("content"), to: target.appendingPathComponent("content"))
        try? fm.copyItem(at: folder.appendingPathComponent("case.txt"), to: target.appendingPathComponent("case.txt"))
        if keepSites.contains(index) {  // (called with the lock held)
            for name in ["site", "site-again"] { try? fm.copyItem(at: folder.appendingPathComponent(name), to: target.appendingPathComponent(name)) }
        }
        return target.path
    }
}

// MARK: - Checks of a built site

/// Every HTML page of a built site is well formed, its ids are unique and valid, and every link inside the site
/// reaches an existing file and, with a fragment, an existing id; the JSON files parse.
struct SiteCheck {
    let root: URL
    private(set) var totalBytes = 0

    init(root: URL) { self.root = root }

    mutating func run() -> [String] {
        var problems: [String] = []
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: root.path) else { return ["the output folder cannot be read"] }
        var files: [String] = []
        while let path = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue { files.append(path) }
        }
        guard files.contains("index.html") else { return ["the site has no index.html"] }
        var ids: [String: Set<String>] = [:]
        var links: [(page: String, href: String)] = []
        for path in files.sorted() {
            guard let data = fm.contents(atPath: root.appendingPathComponent(path).path) else {
                problems.append("\(path): cannot be read")
                continue
            }
            totalBytes += data.count
            if path.hasSuffix(".html") {
                guard let html = String(data: data, encoding: .utf8) else {
                    problems.append("\(path): not UTF-8")
                    continue
                }
                let result = MarkupCheck.check(html)
                problems += result.problems.prefix(5).map { "\(path): \($0)" }
                ids[path] = Set(result.ids)
                links += result.links.map { (path, $0) }
            } else if path.hasSuffix(".json") {
                if (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) == nil { problems.append("\(path): not valid JSON") }
            }
        }
        let fileSet = Set(files)
        var dead = 0
        for (page, href) in links {
            guard let target = Self.resolve(href, from: page) else { continue }
            let ok: Bool
            if target.fragment.isEmpty {
                ok = fileSet.contains(target.file)
            } else {
                ok = ids[target.file]?.contains(target.fragment) ?? false
            }
            if !ok {
                dead += 1
                if dead <= 5 { problems.append("\(page): dead link \(href)") }
            }
        }
        if dead > 5 { problems.append("... \(dead) dead links in all") }
        return problems
    }

    /// The file (relative to the site root) and fragment an internal link points to; nil for external links.
    static func resolve(_ href: String, from page: String) -> (file: String, fragment: String)? {
        let decoded = href.replacingOccurrences(of: "&amp;", with: "&")
        if decoded.contains(":") || decoded.hasPrefix("//") || decoded.hasPrefix("/") {
            // A scheme (https:, mailto:) or an absolute path: outside what the site controls.
            if let colon = decoded.firstIndex(of: ":"), !decoded[..<colon].contains("/"), !decoded[..<colon].contains("#") { return nil }
            if decoded.hasPrefix("/") { return nil }
        }
        var pathPart = decoded, fragment = ""
        if let hash = decoded.firstIndex(of: "#") {
            pathPart = String(decoded[..<hash])
            fragment = String(decoded[decoded.index(after: hash)...])
        }
        if let q = pathPart.firstIndex(of: "?") { pathPart = String(pathPart[..<q]) }
        var components = page.split(separator: "/").map(String.init)
        components.removeLast()
        if pathPart.isEmpty {
            return (page, fragment)
        }
        for part in pathPart.split(separator: "/", omittingEmptySubsequences: false).map(String.init) {
            if part == ".." {
                if components.isEmpty { return ("../(outside the site)", fragment) }
                components.removeLast()
            } else if part != "." && !part.isEmpty {
                components.append(part.removingPercentEncoding ?? part)
            }
        }
        var file = components.joined(separator: "/")
        if pathPart.hasSuffix("/") { file += file.isEmpty ? "index.html" : "/index.html" }
        return (file, fragment)
    }

    /// nil when the two trees hold the same files with the same bytes.
    static func firstDifference(_ a: URL, _ b: URL) -> String? {
        let fm = FileManager.default
        let left = ((fm.enumerator(atPath: a.path)?.allObjects as? [String]) ?? []).sorted()
        let right = ((fm.enumerator(atPath: b.path)?.allObjects as? [String]) ?? []).sorted()
        if left != right { return "the files differ: \(Set(left).symmetricDifference(right).sorted().prefix(5))" }
        for path in left where fm.contents(atPath: a.appendingPathComponent(path).path) != fm.contents(atPath: b.appendingPathComponent(path).path) {
            return "\(path) differs"
        }
        return nil
    }
}

/// A well-formedness check for the project's own HTML (not a general HTML parser): the document starts with
/// `<!DOCTYPE html>`; every non-void element is closed, in order; attribute values are quoted and hold no raw `<`;
/// text holds no raw `<` and no `&` that does not start a character reference; no control characters; no block
/// element inside `<p>` and no `<a>` inside `<a>` (a browser would restructure both); ids are valid and unique.
enum MarkupCheck {
    struct Result {
        var problems: [String] = []
        var ids: [String] = []
        /// Every href and src, in order.
        var links: [String] = []
    }

    static let void: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
    static let block: Set<String> = ["address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption", "figure",
                                     "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "menu", "nav", "ol", "p",
                                     "pre", "section", "table", "ul"]
    /// Elements that end the scope in which an open `<p>` is closed by a block.
    static let scopeBoundary: Set<String> = ["html", "table", "td", "th", "caption", "button", "object", "template"]
    static let rawText: Set<String> = ["script", "style"]

    static func check(_ html: String) -> Result {
        var result = Result()
        let b = Array(html.utf8)
        var line = 1
        func problem(_ text: String) { if result.problems.count < 50 { result.problems.append("line \(line): \(text)") } }
        let doctype = Bytes("<!DOCTYPE html>")
        guard b.starts(with: doctype) else {
            result.problems.append("does not start with <!DOCTYPE html>")
            return result
        }
        var stack: [String] = []
        var seenIDs: Set<String> = []
        var i = doctype.count
        func isNameByte(_ c: UInt8) -> Bool {
            (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "-")
        }
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0C || c == 0x0D }
        func at(_ k: Int) -> UInt8 { k < b.count ? b[k] : 0 }
        func starts(_ s: String, _ k: Int) -> Bool { b[k...].starts(with: s.utf8) }
        func find(_ s: String, from k: Int) -> Int? {
            let needle = Bytes(s)
            var j = k
            while j + needle.count <= b.count {
                if b[j] == needle[0], b[j..<(j + needle.count)].elementsEqual(needle) { return j }
                j += 1
            }
            return nil
        }
        func countLines(_ from: Int, _ to: Int) { for k in from..<min(to, b.count) where b[k] == 0x0A { line += 1 } }
        /// `&...;` at k: the length of a valid character reference, or nil.
        func reference(_ k: Int) -> Int? {
            var j = k + 1
            if at(j) == UInt8(ascii: "#") {
                j += 1
                let hex = at(j) == UInt8(ascii: "x") || at(j) == UInt8(ascii: "X")
                if hex { j += 1 }
                let start = j
                while j < b.count, hex ? (b[j] < 0x80 && Character(Unicode.Scalar(b[j])).isHexDigit) : (b[j] >= 0x30 && b[j] <= 0x39) { j += 1 }
                guard j > start, at(j) == UInt8(ascii: ";") else { return nil }
                return j + 1 - k
            }
            let start = j
            while j < b.count, isNameByte(b[j]), b[j] != UInt8(ascii: "-") { j += 1 }
            guard j > start, at(j) == UInt8(ascii: ";") else { return nil }
            return j + 1 - k
        }
        /// What HTML calls a parse error in the input stream: C0 controls other than white space, DEL, C1 controls
        /// (U+0080-U+009F), and noncharacters (U+FDD0-U+FDEF, U+xFFFE and U+xFFFF); the Nu checker rejects them.
        func control(_ k: Int) -> Bool {
            let c = b[k]
            if c < 0x20 { return !(c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D) }
            if c == 0x7F { return true }
            if c == 0xC2 { return at(k + 1) >= 0x80 && at(k + 1) <= 0x9F }
            if c == 0xEF { return (at(k + 1) == 0xB7 && at(k + 2) >= 0x90 && at(k + 2) <= 0xAF) || (at(k + 1) == 0xBF && at(k + 2) >= 0xBE) }
            if c >= 0xF0 && c <= 0xF4 { return at(k + 1) & 0x0F == 0x0F && at(k + 2) == 0xBF && at(k + 3) >= 0xBE && at(k + 3) <= 0xBF }
            return false
        }
        func checkText(_ k: Int) {
            if b[k] == UInt8(ascii: "&"), reference(k) == nil { problem("bare & in text") }
            if control(k) {
                let scalar = String(decoding: b[k..<min(k + 4, b.count)], as: UTF8.self).unicodeScalars.first.map { Int($0.value) } ?? Int(b[k])
                problem(String(format: "control character or noncharacter U+%04X in the output", scalar))
            }
        }

        while i < b.count {
            let c = b[i]
            if c == 0x0A { line += 1; i += 1; continue }
            guard c == UInt8(ascii: "<") else {
                checkText(i)
                i += 1
                continue
            }
            if starts("<!--", i) {
                guard let end = find("-->", from: i + 4) else {
                    problem("a comment is never closed")
                    return result
                }
                countLines(i, end)
                i = end + 3
                continue
            }
            if at(i + 1) == UInt8(ascii: "/") {
                var j = i + 2
                while j < b.count, isNameByte(b[j]) { j += 1 }
                let name = Bytes(b[(i + 2)..<j]).text.lowercased()
                while j < b.count, isSpace(b[j]) { j += 1 }
                guard !name.isEmpty, at(j) == UInt8(ascii: ">") else {
                    problem("raw < in text (a broken end tag)")
                    i += 1
                    continue
                }
                if void.contains(name) {
                    problem("end tag </\(name)> for a void element")
                } else if stack.last == name {
                    stack.removeLast()
                } else if let k = stack.lastIndex(of: name) {
                    problem("</\(name)> closes <\(stack.last!)> (open: \(stack.suffix(4).joined(separator: " > ")))")
                    stack.removeSubrange(k...)
                } else {
                    problem("</\(name)> closes nothing (open: \(stack.suffix(4).joined(separator: " > ")))")
                }
                i = j + 1
                continue
            }
            guard at(i + 1) < 0x80, Character(Unicode.Scalar(at(i + 1))).isLetter else {
                problem(at(i + 1) == UInt8(ascii: "!") ? "markup declaration <! in the page" : "raw < in text")
                i += 1
                continue
            }
            // A start tag.
            var j = i + 1
            while j < b.count, isNameByte(b[j]) { j += 1 }
            let name = Bytes(b[(i + 1)..<j]).text.lowercased()
            var attributes: Set<String> = []
            var selfClosing = false
            var closed = false
            while j < b.count {
                while j < b.count, isSpace(b[j]) {
                    if b[j] == 0x0A { line += 1 }
                    j += 1
                }
                if at(j) == UInt8(ascii: ">") { closed = true; j += 1; break }
                if at(j) == UInt8(ascii: "/"), at(j + 1) == UInt8(ascii: ">") { selfClosing = true; closed = true; j += 2; break }
                let nameStart = j
                while j < b.count, !isSpace(b[j]), !"\"'<>/=".utf8.contains(b[j]) { j += 1 }
                let attribute = Bytes(b[nameStart..<j]).text.lowercased()
                guard !attribute.isEmpty else {
                    problem("<\(name)>: unexpected \(Character(Unicode.Scalar(at(j)))) in the tag")
                    break
                }
                if !attributes.insert(attribute).inserted { problem("<\(name)>: attribute \(attribute) twice") }
                guard at(j) == UInt8(ascii: "=") else { continue }  // a boolean attribute
                j += 1
                guard at(j) == UInt8(ascii: "\"") else {
                    problem("<\(name)>: unquoted value of \(attribute)")
                    break
                }
                let valueStart = j + 1
                j = valueStart
                while j < b.count, b[j] != UInt8(ascii: "\"") {
                    if b[j] == UInt8(ascii: "<") { problem("<\(name)>: raw < in the value of \(attribute)") }
                    if b[j] == UInt8(ascii: "&"), reference(j) == nil { problem("<\(name)>: bare & in the value of \(attribute)") }
                    if control(j) { problem("<\(name)>: control character in the value of \(attribute)") }
                    if b[j] == 0x0A { line += 1 }
                    j += 1
                }
                guard j < b.count else {
                    problem("<\(name)>: the value of \(attribute) is never closed")
                    return result
                }
                let value = Bytes(b[valueStart..<j]).text
                j += 1
                if attribute == "id" {
                    if value.isEmpty || value.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" }) {
                        problem("invalid id \(value.debugDescription)")
                    }
                    if !seenIDs.insert(value).inserted { problem("duplicate id \(value.debugDescription)") }
                    result.ids.append(value)
                }
                if attribute == "href" || attribute == "src" { result.links.append(value) }
            }
            guard closed else {
                problem("<\(name)> is never closed with >")
                i = j + 1
                continue
            }
            // What a browser would restructure.
            if name == "a", stack.contains("a") { problem("<a> inside <a>") }
            if block.contains(name) {
                let scope = stack.lastIndex { scopeBoundary.contains($0) }.map { stack.index(after: $0) } ?? stack.startIndex
                if stack[scope...].contains("p") { problem("<\(name)> inside <p>") }
            }
            if void.contains(name) {
                // `<br>` and `<br />` are both fine.
            } else if selfClosing {
                problem("<\(name) /> on a non-void element")
            } else if rawText.contains(name) {
                guard let end = find("</\(name)", from: j) else {
                    problem("<\(name)> is never closed")
                    return result
                }
                countLines(j, end)
                i = end
                stack.append(name)
                continue
            } else {
                stack.append(name)
            }
            i = j
        }
        if !stack.isEmpty { problem("elements never closed: \(stack.joined(separator: " > "))") }
        return result
    }
}
