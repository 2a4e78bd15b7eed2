import Foundation
import XCTest
@testable import ReportSiteKit
@testable import ReportSiteReports
@testable import ReportSiteSite

/// Paths of the project, found from this file (tests never read outside the project).
enum Project {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let content = root.appendingPathComponent("content")
    static let templates = root.appendingPathComponent("Templates")
    static let fixtures = root.appendingPathComponent("Tests/ReportSiteKitTests/Fixtures")
    static let golden = root.appendingPathComponent("Tests/ReportSiteKitTests/Golden")
}

/// A fresh temporary folder, removed at the end of the test.
func temporaryFolder(_ test: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("reportsite-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}

/// Builds `content` into `output` with the project's templates.
@discardableResult
func buildSite(content: URL, output: URL, strict: Bool = true, displayBase: URL? = nil) -> (SiteBuilder.Outcome, [Diagnostic]) {
    var builder = SiteBuilder(options: .init(content: content, output: output, templates: Project.templates,
                                             strict: strict, displayBase: displayBase ?? content.deletingLastPathComponent()))
    let outcome = builder.build()
    return (outcome, builder.diagnostics.diagnostics)
}

/// A body of Markdown analysed as report A/1/1 (front matter aside), with its diagnostics.
func analyseBody(_ body: String, excerpt: String? = nil) -> (Report, [Diagnostic]) {
    let diagnostics = DiagnosticEngine()
    let metadata = ReportMetadata(symbol: Symbol("A/1/1")!, title: "T", date: "2020-01-01", body: "General Assembly",
                                  excerpt: excerpt, addressees: [:])
    let report = ReportAnalyser(file: "t.md", source: body, metadata: metadata, diagnostics: diagnostics)
        .analyse(MarkdownParser.parse(body))
    return (report, diagnostics.diagnostics)
}

/// The load, analyse and link stages of a content folder, run one by one as the build runs them.
func linkedCorpus(content: URL, displayBase: URL, diagnostics: DiagnosticEngine) throws -> (Corpus, LinkTable) {
    let loaded = try ContentLoader(contentDirectory: content, displayBase: displayBase).load(diagnostics: diagnostics)
    let reports = loaded.reports.compactMap { r -> Report? in
        let analysis = ReportAnalysis.run(r, vocabulary: loaded.addressees, strict: diagnostics.strict)
        diagnostics.append(analysis.diagnostics)
        return analysis.report
    }
    let corpus = Corpus(config: loaded.site, addressees: loaded.addressees, reports: reports)
    return (corpus, CitationResolver(corpus: corpus, diagnostics: diagnostics).resolve())
}

/// A small reader of the built HTML: attribute values and element text, enough to check our own output.
struct Page {
    let html: String

    init(_ url: URL) throws {
        html = try String(contentsOf: url, encoding: .utf8)
    }

    init(html: String) {
        self.html = html
    }

    /// Every value of an attribute, in document order (a byte scan: pages with 10,000 notes stay fast).
    func values(of attribute: String) -> [String] {
        let bytes = Array(html.utf8)
        let marker = Array(" \(attribute)=\"".utf8)
        var result: [String] = []
        var i = 0
        while i + marker.count <= bytes.count {
            if bytes[i] == marker[0], Array(bytes[i..<(i + marker.count)]) == marker {
                var j = i + marker.count
                while j < bytes.count, bytes[j] != UInt8(ascii: "\"") { j += 1 }
                result.append(String(decoding: bytes[(i + marker.count)..<j], as: UTF8.self))
                i = j
            }
            i += 1
        }
        return result
    }

    var ids: [String] { values(of: "id") }

    /// The markup of the element that carries `id`, up to its matching end tag.
    func element(id: String) -> String? {
        guard let idRange = html.range(of: " id=\"\(id)\""),
              let open = html[..<idRange.lowerBound].lastIndex(of: "<") else { return nil }
        let nameEnd = html[open...].firstIndex(where: { $0 == " " || $0 == ">" })!
        let name = String(html[html.index(after: open)..<nameEnd])
        var depth = 0
        var index = open
        while index < html.endIndex {
            if html[index...].hasPrefix("<\(name)") {
                let next = html.index(index, offsetBy: name.count + 1)
                if next < html.endIndex, html[next] == " " || html[next] == ">" { depth += 1 }
            } else if html[index...].hasPrefix("</\(name)>") {
                depth -= 1
                if depth == 0 { return String(html[open..<html.index(index, offsetBy: name.count + 3)]) }
            }
            index = html.index(after: index)
        }
        return nil
    }

    /// Text without tags, whitespace collapsed, entities for & < > " ' decoded.
    static func text(_ markup: String) -> String {
        var out = ""
        var inTag = false
        for c in markup {
            if c == "<" { inTag = true; out.append(" ") } else if c == ">" { inTag = false } else if !inTag { out.append(c) }
        }
        out = out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
        return out.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }
}

/// Every file under `folder`, by relative path, with its bytes: to compare two builds file by file.
func fileTree(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for case let path as String in FileManager.default.enumerator(atPath: folder.path)! {
        let url = folder.appendingPathComponent(path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            files[path] = try Data(contentsOf: url)
        }
    }
    return files
}
