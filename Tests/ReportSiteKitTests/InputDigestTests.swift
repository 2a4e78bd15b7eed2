import Foundation
import XCTest
@testable import ReportSiteKit
@testable import ReportSiteSite

/// The digest behind every page's cache key: equal values give equal keys whatever a dictionary's order, and
/// values that differ in any way give different keys (a key shared by two different inputs would serve a stale page).
final class InputDigestTests: XCTestCase {
    struct Inputs: DeclaredInputs, Codable {
        var title: String
        var note: String?
        var parts: [String]
        var counts: [String: Int]
        var nested: [String: [Inner]]
        var flag: Bool
    }

    struct Inner: Codable {
        var symbol: String
        var anchor: String?
    }

    let base = Inputs(title: "Report", note: nil, parts: ["ab", "c"], counts: ["a": 1, "b": 2, "c": 3],
                      nested: ["para-1": [Inner(symbol: "A/58/275", anchor: "para-80")], "para-2": []], flag: true)

    func testADictionarysOrderDoesNotChangeTheKey() {
        var reordered: [String: Int] = [:]
        for (k, v) in [("c", 3), ("a", 1), ("b", 2)] { reordered[k] = v }
        var other = base
        other.counts = reordered
        var nested: [String: [Inner]] = [:]
        nested["para-2"] = []
        nested["para-1"] = [Inner(symbol: "A/58/275", anchor: "para-80")]
        other.nested = nested
        XCTAssertEqual(base.key(shared: "s"), other.key(shared: "s"))
        XCTAssertEqual(base.key(shared: "s"), base.key(shared: "s"))
    }

    func testAnyDifferenceChangesTheKey() {
        var variants: [Inputs] = []
        func variant(_ change: (inout Inputs) -> Void) { var v = base; change(&v); variants.append(v) }
        variant { $0.title = "Report " }
        variant { $0.note = "" }
        variant { $0.note = "Report" }
        variant { $0.parts = ["a", "bc"] }
        variant { $0.parts = ["abc"] }
        variant { $0.parts = ["ab", "c", ""] }
        variant { $0.parts = ["c", "ab"] }
        variant { $0.counts["a"] = 10 }
        variant { $0.counts["d"] = 0 }
        variant { $0.counts = ["a": 1, "b": 2, "d": 3] }
        variant { $0.nested["para-1"] = [Inner(symbol: "A/58/275", anchor: nil)] }
        variant { $0.nested["para-1"] = [Inner(symbol: "A/58/275", anchor: "para-8")] }
        variant { $0.nested["para-2"] = nil }
        variant { $0.flag = false }
        let keys = [base.key(shared: "s")] + variants.map { $0.key(shared: "s") }
        XCTAssertEqual(Set(keys).count, keys.count, "every variant has a key of its own")
        XCTAssertNotEqual(base.key(shared: "s"), base.key(shared: "t"), "the shared inputs are part of the key")
    }

    /// A key and a value that run together (`"ab": "c"` against `"a": "bc"`) and a text that looks like a number
    /// are told apart.
    func testNeighbouringTextsAndKindsAreToldApart() {
        struct Pair: DeclaredInputs { var values: [String: String] }
        struct Number: DeclaredInputs { var value: Int }
        struct Text: DeclaredInputs { var value: String }
        XCTAssertNotEqual(Pair(values: ["ab": "c"]).key(shared: ""), Pair(values: ["a": "bc"]).key(shared: ""))
        XCTAssertNotEqual(Number(value: 1).key(shared: ""), Text(value: "1").key(shared: ""))
    }
}
