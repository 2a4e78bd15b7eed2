import Foundation
import XCTest
@testable import ReportSiteKit

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
}
