import Foundation
import XCTest
@testable import ReportSiteKit
@testable import ReportSiteOutput
@testable import ReportSiteReports
@testable import ReportSiteSite

/// `citations.json` and `recommendations.json` are written without `JSONEncoder`, and must be the very bytes it
/// would write: checked on the real reports, on the generated-corpus fixtures, and on strings with every escape.
final class PrettyJSONTests: XCTestCase {
    func encoded<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    func testTheDataFilesAreWhatJSONEncoderWrites() throws {
        let diagnostics = DiagnosticEngine()
        let (corpus, links) = try linkedCorpus(content: Project.content, displayBase: Project.root, diagnostics: diagnostics)
        let citations = CitationsData(corpus: corpus, links: links)
        let list = citations.records()
        XCTAssertGreaterThan(list.count, 20)
        XCTAssertEqual(String(decoding: citations.json(), as: UTF8.self),
                       try encoded(CitationsData.File(count: list.count, citations: list)))
        let data = RecommendationsData(index: RecommendationIndex(corpus: corpus), generated: "2026-11-28")
        XCTAssertGreaterThan(data.file().recommendations.count, 20)
        XCTAssertEqual(String(decoding: data.json(), as: UTF8.self), try encoded(data.file()))
        // No record at all: the empty arrays.
        let empty = RecommendationsData(index: RecommendationIndex(corpus: Corpus(config: SiteConfig(), addressees: AddresseeVocabulary(entries: []),
                                                                                      reports: [])), generated: "x")
        XCTAssertEqual(String(decoding: empty.json(), as: UTF8.self), try encoded(empty.file()))
    }

    func testStringsWithEveryEscape() throws {
        struct Box: Encodable { let values: [String]; let none: [String]; let flag: Bool; let n: Int }
        var strings = ["", "plain", "q\"b\\s/", "\n\r\t\u{8}\u{c}", "é\u{2028}\u{2029}😀", "\u{7f}", "e\u{301}", "a/b", "</script>"]
        strings += (0..<0x20).map { "c" + String(UnicodeScalar(UInt8($0))) }
        let expected = try encoded(Box(values: strings, none: [], flag: false, n: -3))
        let written = PrettyJSON.file([("values", .strings(strings)), ("none", .strings([])), ("flag", .bool(false)), ("n", .int(-3))])
        XCTAssertEqual(String(decoding: written, as: UTF8.self), expected)
    }

    /// The data files and the anchor manifest are written a chunk at a time: what reaches the file, in chunks of
    /// any size, is what the whole file made in memory holds; and a built site holds exactly that.
    func testFilesWrittenInChunksAreTheWholeFile() throws {
        let diagnostics = DiagnosticEngine()
        let (corpus, links) = try linkedCorpus(content: Project.content, displayBase: Project.root, diagnostics: diagnostics)
        let folder = try temporaryFolder(self)
        let citations = CitationsData(corpus: corpus, links: links)
        let data = RecommendationsData(index: RecommendationIndex(corpus: corpus), generated: "2026-11-28")
        let cases: [(String, Data, (ChunkWriter) -> Void)] = [
            ("citations.json", citations.json(), { citations.write(to: $0) }),
            ("recommendations.json", data.json(), { data.writeJSON(to: $0) }),
            ("recommendations.csv", data.csv(), { data.writeCSV(to: $0) }),
        ]
        for (name, whole, write) in cases {
            XCTAssertGreaterThan(whole.count, 5_000, name)
            for chunk in [1, 64, 4096, 1 << 20] {
                let url = folder.appendingPathComponent("\(chunk)-" + name)
                XCTAssertTrue(FileManager.default.createFile(atPath: url.path, contents: nil))
                let writer = ChunkWriter(handle: try FileHandle(forWritingTo: url), chunk: chunk)
                write(writer)
                try writer.close()
                XCTAssertEqual(try Data(contentsOf: url), whole, "\(name) in chunks of \(chunk) bytes")
            }
        }
        // A built site's files are the same bytes.
        let output = folder.appendingPathComponent("site")
        let (outcome, _) = buildSite(content: Project.content, output: output, strict: false)
        guard case .success = outcome else { return XCTFail("\(outcome)") }
        XCTAssertEqual(try Data(contentsOf: output.appendingPathComponent("recommendations.csv")),
                       RecommendationsData(index: RecommendationIndex(corpus: corpus),
                                           generated: RecommendationIndex.generated(corpus: corpus, environment: ProcessInfo.processInfo.environment),
                                           baseURL: corpus.config.baseURL).csv())
        let manifest = try String(contentsOf: output.appendingPathComponent("anchors.txt"), encoding: .utf8)
        let ledger = PageLedger(try FileManager.default.subpathsOfDirectory(atPath: output.path).sorted().compactMap { path in
            path.hasSuffix(".html") ? PageEntry(OutputFile(path: path, contents: try Data(contentsOf: output.appendingPathComponent(path)))) : nil
        })
        XCTAssertEqual(manifest, OutputLinkCheck.manifest(ledger))
        XCTAssertGreaterThan(manifest.utf8.count, 5_000)
    }
}
