import Foundation
import XCTest
@testable import ReportSiteKit
@testable import ReportSiteReports

/// The recommendations index (contract, section 5), read from real content and from fixtures through the real
/// pipeline: load -> parse -> analyse -> RecommendationExtractor.
final class RecommendationTests: XCTestCase {
    struct Loaded {
        var vocabulary: AddresseeVocabulary
        var reports: [String: Report]
        var diagnostics: [Diagnostic]

        func extract(_ symbol: String) throws -> (recommendations: [Recommendation], unassigned: [Recommendation]) {
            let report = try XCTUnwrap(reports[symbol], "no report \(symbol)")
            return RecommendationExtractor.extract(from: report, vocabulary: vocabulary)
        }

        /// Paragraph id -> record.
        func records(_ symbol: String) throws -> [String: Recommendation] {
            Dictionary(try extract(symbol).recommendations.map { ($0.paragraph, $0) }, uniquingKeysWith: { a, _ in a })
        }
    }

    /// A content folder through ContentLoader, MarkdownParser and ReportAnalyser, as SiteBuilder chains them.
    static func load(_ folder: URL) throws -> Loaded {
        let diagnostics = DiagnosticEngine(strict: false)
        let content = try ContentLoader(contentDirectory: folder, displayBase: folder).load(diagnostics: diagnostics)
        var reports: [String: Report] = [:]
        for loaded in content.reports {
            let report = ReportAnalyser(file: loaded.file.path, source: loaded.file.text, metadata: loaded.metadata,
                                        diagnostics: diagnostics).analyse(MarkdownParser.parse(loaded.body))
            reports[report.symbol.description] = report
        }
        return Loaded(vocabulary: content.addressees, reports: reports, diagnostics: diagnostics.diagnostics)
    }

    static let real = Result { try load(Project.content) }
    static let fixtures = Result { try load(Project.fixtures.appendingPathComponent("recommendations")) }

    // MARK: - Real content, against a table written from reading the reports

    /// The expected index of the real content, from reading every paragraph of the recommendation chapters
    /// (written before running the extractor). `nil`: not a recommendation. Paragraphs not listed are not
    /// recommendations either (they stand outside any recommendations section).
    static let expected: [String: [String: [String]?]] = [
        "A/68/283": [
            // IV. A. Conclusions: not recommendations, whatever their language ("should not be seen", "should be transparent").
            "121": nil, "122": nil, "123": nil, "124": nil, "125": nil, "126": nil,
            // IV. B. 1. Recommendations to States.
            "127": ["states"],   // "All States should ... States must ensure ... States should implement"; "who should" (courts) is no subject
            "128": ["states"],   // "States must ensure"
            "129": ["states"],   // "States should ...", "urges all United Nations Member States to"; IOM and the "IOM-based" agency are mentions
            "130": ["states"],   // "States should consider ratifying"; ILO Conventions is a mention
            "131": ["states"],
            // (a) Recommendations in relation to the HLD: the HLD is no addressee; the nearest naming heading is "to States".
            "132": ["states"],   // no recommending sentence and no subject: the heading "Recommendations to States" decides
            "133": ["states"],
            "134": ["states"],   // "and States should consider raising the following issues"
            // (b) Recommendations in relation to the GFMD: the heading mentions the GFMD but does not address it.
            "135": ["states"],
            "136": ["states"],   // civil society participation is a mention
            "137": ["gfmd"],     // "The GFMD should focus more on human rights"
            "138": ["gfmd"],
            "139": ["gfmd"],     // "(including OHCHR)" and GMG are mentions; "the UN human rights mechanisms should be invited" has no vocabulary subject
            // 2. Recommendations to the Human Rights Council.
            "140": ["human-rights-council"],   // "urges the Human Rights Council to"
            "141": ["human-rights-council"],
            // 3. Recommendations to the United Nations Secretary General.
            "142": ["secretary-general"],      // "urges the Secretary-General to"
            "143": ["secretary-general"],      // strengthening the GMG is the object, not an addressee
        ],
        "A/58/275": [
            // V. Conclusions and recommendations, not split: only paragraphs with recommending language count.
            "74": nil,           // observations: "it is essential to place emphasis" is not recommending language
            "75": nil,           // "believes that migration must not be considered"; "is necessary"
            "76": nil,           // "emphasizes", "it is essential that ... all participate"
            "77": ["not-specified"],  // "encourages greater cooperation between her mandate, OHCHR and ILO" (mentions, no subject);
                                      // "the suggestion that cooperation between IOM and OHCHR should be strengthened" (mentions)
            "78": ["not-specified"],  // "encourages strengthened follow-up"
            "79": ["un-agencies"],    // "All relevant United Nations agencies and departments and international organizations should be involved"
            "80": ["not-specified"],  // "recommends increased international assistance"; "the international community" is not in the vocabulary
            "81": ["not-specified"],  // "encourages strengthened international cooperation"
            "82": ["ohchr", "iom", "ilo", "unifem"],  // "encourages OHCHR, IOM, ILO and UNIFEM to continue"
            "83": ["states", "un-agencies", "civil-society"],  // "should be taken into account by Governments, NGOs and international organizations"
            "84": ["not-specified"],  // "encourages international support"
            "85": ["states"],    // "encourages States to ratify", "recommends that countries of origin undertake efforts"
        ],
        "A/57/292": [
            // The excerpt starts inside chapter V (conclusions): paragraphs 63-68 are under no heading.
            "63": nil, "64": nil, "65": nil, "66": nil, "67": nil,
            "68": nil,           // "suggests that ... should be integrated", but outside any recommendations section
            // VI. Recommendations.
            "69": ["states"],    // "strongly recommends that States should ratify"
            "70": ["states"],    // "recommends that States should accede"
            "71": ["states"],    // "recommends that States should model"; "they should combat corruption" (pronoun)
            "72": ["not-specified"],  // "In countries of destination ..., specific measures should be adopted": a mention, passive
            "73": ["not-specified"],  // "protection ... should be ensured ... in the receiving State and the States of transit": mentions
            "74": ["not-specified"],  // "recommends that efforts should be made": no subject
            "75": ["states"],    // "urges States to seek"; "existing regional dialogues should move" is no addressee
            "76": ["not-specified"],  // "the measures agreed at the World Conference ... should be translated"
            "77": ["states"],    // "recommends that States should draw up programmes"
        ],
        "E/CN.4/2000/82": [
            "90": nil,           // the end of chapter VII, under no heading in the excerpt
            // VIII. Recommendations: (a)-(h) are all passive ("should be established", "should be promoted", ...),
            // no sub-paragraph has a subject of its own, so they stay in paragraph 91's record.
            "91": ["not-specified"],  // the Office of the High Commissioner in (a) is assisted, not addressed
        ],
    ]

    /// The cases that must hold whatever the score: every A/68/283 recommendation to the Council, the
    /// Secretary-General and the GFMD under exactly that addressee, and not under States.
    func testA68283RecommendationsToTheCouncilTheSecretaryGeneralAndTheGFMD() throws {
        let records = try Self.real.get().records("A/68/283")
        let cases: [(String, String)] = [
            ("137", "gfmd"), ("138", "gfmd"), ("139", "gfmd"),
            ("140", "human-rights-council"), ("141", "human-rights-council"),
            ("142", "secretary-general"), ("143", "secretary-general"),
        ]
        for (id, slug) in cases {
            let r = try XCTUnwrap(records[id], "A/68/283 para. \(id) is not in the index")
            XCTAssertEqual(r.addressees, [slug], "A/68/283 para. \(id)")
            XCTAssertFalse(r.addressees.contains("states"), "A/68/283 para. \(id)")
            XCTAssertEqual(r.assignedBy, .text, "A/68/283 para. \(id)")
        }
        for id in 127...136 { XCTAssertEqual(records["\(id)"]?.addressees, ["states"], "A/68/283 para. \(id)") }
        XCTAssertEqual(records["132"]?.assignedBy, .heading)
        XCTAssertEqual(records["140"]?.section, ["IV. Conclusions and recommendations", "B. Recommendations",
                                                 "2. Recommendations to the Human Rights Council"])
        XCTAssertEqual(records["140"]?.anchor, "para-140")
        XCTAssertTrue(records["140"]?.text.hasPrefix("The Special Rapporteur urges the Human Rights Council to mainstream") ?? false)
        XCTAssertEqual(records["140"]?.position, SourcePosition(line: 397, column: 1))
        for id in 121...126 { XCTAssertNil(records["\(id)"], "A/68/283 para. \(id) is a conclusion") }
    }

    func testRealContentIsInParagraphOrderAndOnlyWarnsForNotSpecified() throws {
        let real = try Self.real.get()
        for symbol in Self.expected.keys {
            let (all, unassigned) = try real.extract(symbol)
            let numbers = all.map { Int($0.paragraph.prefix { $0.isNumber })! }
            XCTAssertEqual(numbers, numbers.sorted(), symbol)
            XCTAssertEqual(unassigned, all.filter { $0.addressees == ["not-specified"] }, symbol)
            XCTAssertTrue(all.allSatisfy { $0.report.description == symbol && $0.anchor == "para-" + $0.paragraph })
        }
        XCTAssertEqual(try real.extract("A/57/292").unassigned.map(\.paragraph), ["72", "73", "74", "76"])
    }

    /// E/CN.4/2000/82 para. 91: one record; its sub-paragraphs (a)-(h) kept in its text, footnote markers dropped.
    func testSubParagraphsWithoutSubjectsStayInTheirParagraph() throws {
        let records = try Self.real.get().extract("E/CN.4/2000/82").recommendations
        XCTAssertEqual(records.map(\.paragraph), ["91"])
        let text = records[0].text
        XCTAssertTrue(text.hasPrefix("The Special Rapporteur makes the following recommendations: (a) In order to allow"))
        for label in "abcdefgh" { XCTAssertTrue(text.contains("(\(label)) "), "(\(label)) missing") }
        XCTAssertTrue(text.hasSuffix("thus averting situations in which the rights of migrants are violated;"))
        XCTAssertFalse(text.contains("[^"))
        XCTAssertFalse(text.contains("Text not included"))
        XCTAssertEqual(records[0].assignedBy, .none)
    }

    // MARK: - Fixtures: the hard cases

    func fixtureRecords(_ symbol: String) throws -> [String: Recommendation] {
        try Self.fixtures.get().records(symbol)
    }

    func assertRecord(_ records: [String: Recommendation], _ id: String, _ slugs: [String], _ by: Recommendation.AssignedBy,
                      file: StaticString = #filePath, line: UInt = #line) {
        guard let r = records[id] else { return XCTFail("no record \(id)", file: file, line: line) }
        XCTAssertEqual(r.addressees, slugs, "para. \(id)", file: file, line: line)
        XCTAssertEqual(r.assignedBy, by, "para. \(id)", file: file, line: line)
    }

    func testFixturesAreValidContent() throws {
        let fixtures = try Self.fixtures.get()
        XCTAssertEqual(fixtures.diagnostics.map(\.formatted), [])
        XCTAssertEqual(fixtures.reports.keys.sorted(), ["A/99/100", "A/99/200", "A/HRC/99/1", "E/CN.4/99/1"])
    }

    func testWhichParagraphsAreRecommendations() throws {
        let (all, unassigned) = try Self.fixtures.get().extract("A/99/100")
        // 2: outside any recommendations section; 3, 4: "Follow-up to earlier recommendations"; 5: "A. Conclusions";
        // 18: an introduction whose sub-paragraphs all have records; 20 and 21 (c): removed by the front matter.
        XCTAssertEqual(all.map(\.paragraph), ["1", "6", "7", "8", "9", "10", "11", "12", "12-c", "12-d", "13", "14", "15", "16",
                                              "17", "18-a", "18-b", "19", "21", "21-b"])
        XCTAssertEqual(unassigned.map(\.paragraph), ["14", "15", "16"])
    }

    func testExplicitSubjectWinsOverTheHeading() throws {
        let r = try fixtureRecords("A/99/100")
        assertRecord(r, "6", ["states"], .text)
        assertRecord(r, "7", ["human-rights-council"], .text)   // under "1. Recommendations to States"
        XCTAssertEqual(r["7"]?.section, ["III. Conclusions and recommendations", "B. Recommendations", "1. Recommendations to States"])
    }

    func testSeveralAddresseesInOneParagraph() throws {
        assertRecord(try fixtureRecords("A/99/100"), "8", ["states", "civil-society"], .text)
        let r = try fixtureRecords("A/99/200")
        assertRecord(r, "3", ["ohchr", "iom", "ilo", "unifem"], .text)               // "encourages OHCHR, IOM, ILO and UNIFEM to"
        assertRecord(r, "4", ["states", "un-agencies", "civil-society"], .text)       // "taken into account by Governments, NGOs and ..."
        assertRecord(r, "6", ["states", "ohchr"], .text)                              // "calls upon ... and invites the High Commissioner to"
    }

    func testNoSubjectTakesTheHeadingOrNothing() throws {
        let r = try fixtureRecords("A/99/100")
        assertRecord(r, "9", ["states"], .heading)               // passive, under "Recommendations to States"
        assertRecord(r, "13", ["gfmd"], .text)
        // "Recommendations in relation to the Global Forum" names a topic, not an addressee.
        assertRecord(r, "14", ["not-specified"], .none)          // "recommends that efforts should be made"
        assertRecord(r, "15", ["not-specified"], .none)          // "the work of the GFMD should"
    }

    func testAMereMentionIsNotAnAddressee() throws {
        assertRecord(try fixtureRecords("A/99/100"), "10", ["states"], .text)   // "in cooperation with IOM"
        let r = try fixtureRecords("A/99/200")
        assertRecord(r, "5", ["not-specified"], .none)           // "cooperation between IOM and OHCHR should be strengthened"
        assertRecord(r, "8", ["not-specified"], .none)           // "IOM-based agency", "OHCHR's mandate", passive
    }

    func testAliases() throws {
        let r = try fixtureRecords("A/99/100")
        // "Each State": the singular of the vocabulary's "States"; "countries of origin, transit and destination".
        assertRecord(r, "11", ["states"], .text)
        assertRecord(try fixtureRecords("A/99/200"), "7", ["states"], .text)       // "Member States are encouraged to"
        let hrc = try fixtureRecords("A/HRC/99/1")
        // The longest alias first: "United Nations High Commissioner for Refugees" is not "High Commissioner".
        assertRecord(hrc, "2", ["unhcr"], .text)
        assertRecord(hrc, "3", ["ohchr"], .text)                 // "report annually to the Council": the Council is a mention
    }

    func testTheCouncilOnlyInACouncilContext() throws {
        let r = try fixtureRecords("A/99/100")
        assertRecord(r, "16", ["not-specified"], .none)          // a General Assembly report, "3. Recommendations to the Council"
        assertRecord(r, "17", ["human-rights-council"], .text)   // under "4. Recommendations to the Human Rights Council"
        let hrc = try fixtureRecords("A/HRC/99/1")
        assertRecord(hrc, "1", ["human-rights-council"], .text)  // the report's body is the Council
        assertRecord(hrc, "4", ["human-rights-council"], .heading)   // unnumbered "Recommendations for the Human Rights Council"
        let chr = try fixtureRecords("E/CN.4/99/1")
        assertRecord(chr, "1", ["commission-on-human-rights"], .text)  // "the Commission" in a Commission report
        assertRecord(chr, "2", ["not-specified"], .none)               // "the Council" in a Commission report
    }

    func testSubParagraphsToDifferentAddressees() throws {
        let r = try fixtureRecords("A/99/100")
        assertRecord(r, "12", ["states"], .text)
        XCTAssertEqual(r["12"]?.text, "The Special Rapporteur recommends that States: (a) Ratify the Convention; (b) States should end the detention of children;")
        assertRecord(r, "12-c", ["human-rights-council"], .text)
        XCTAssertEqual(r["12-c"]?.text, "The Human Rights Council should hold a panel discussion on migrant children;")
        XCTAssertEqual(r["12-c"]?.anchor, "para-12-c")
        XCTAssertEqual(r["12-c"]?.position.line, r["12"].map { $0.position.line + 6 })
        assertRecord(r, "12-d", ["ohchr", "iom"], .text)
        XCTAssertNil(r["12-a"])
        XCTAssertNil(r["12-b"])
        // An introduction whose sub-paragraphs all have records of their own has none.
        XCTAssertNil(r["18"])
        assertRecord(r, "18-a", ["secretary-general"], .text)
        assertRecord(r, "18-b", ["ohchr"], .text)                // "The Office of the High Commissioner should"
    }

    func testFrontMatterAddsOverridesAndRemoves() throws {
        let r = try fixtureRecords("A/99/100")
        assertRecord(r, "1", ["states"], .frontMatter)           // named by the front matter, outside any recommendations section
        XCTAssertEqual(r["1"]?.section, ["I. Introduction"])
        assertRecord(r, "19", ["ohchr"], .frontMatter)
        XCTAssertNil(r["20"])
        assertRecord(r, "21", ["states"], .text)
        XCTAssertEqual(r["21"]?.text, "The Special Rapporteur recommends the following: (a) States should ratify the Convention;")
        assertRecord(r, "21-b", ["general-assembly"], .frontMatter)
        XCTAssertNil(r["21-c"])
    }

    /// `not-specified` chosen in the front matter is no warning; an emptied paragraph keeps a sub-paragraph named on its own.
    func testFrontMatterNotSpecifiedAndRemovalWithANamedSubParagraph() throws {
        let fixtures = try Self.fixtures.get()
        var report = try XCTUnwrap(fixtures.reports["A/99/100"])
        report.metadata.addressees["9"] = ["not-specified"]
        report.metadata.addressees["12"] = []
        report.metadata.addressees["12-c"] = ["human-rights-council", "states"]
        let (all, unassigned) = RecommendationExtractor.extract(from: report, vocabulary: fixtures.vocabulary)
        let byID = Dictionary(uniqueKeysWithValues: all.map { ($0.paragraph, $0) })
        assertRecord(byID, "9", ["not-specified"], .frontMatter)
        XCTAssertEqual(unassigned.map(\.paragraph), ["14", "15", "16"])
        XCTAssertNil(byID["12"])
        XCTAssertNil(byID["12-d"])
        assertRecord(byID, "12-c", ["states", "human-rights-council"], .frontMatter)   // in the vocabulary's order
    }

    func testTextDropsFootnoteMarkers() throws {
        XCTAssertEqual(try fixtureRecords("A/99/100")["6"]?.text, "All States should ratify the Convention.")
    }

    func testAnUnsplitConclusionsAndRecommendationsSectionNeedsRecommendingLanguage() throws {
        let all = try Self.fixtures.get().extract("A/99/200").recommendations
        XCTAssertEqual(all.map(\.paragraph), ["3", "4", "5", "6", "7", "8"])   // 1 and 2 are conclusions
    }

    func testHeadingClassification() {
        let cases: [(String, RecommendationSectionKind)] = [
            ("Recommendations", .recommendations), ("Recommendations to States", .recommendations),
            ("Recommendations for the Human Rights Council", .recommendations),
            ("Recommendations in relation to the HLD", .recommendations), ("Summary of recommendations", .recommendations),
            ("Conclusions and recommendations", .combined), ("Observations and recommendations", .combined),
            ("Conclusions", .conclusions), ("Concluding remarks", .conclusions),
            ("Follow-up to earlier recommendations", .other), ("Implementation of the recommendations of treaty bodies", .other),
            ("Introduction", .other),
        ]
        for (title, kind) in cases { XCTAssertEqual(RecommendationSectionKind(title: title), kind, title) }
    }

    func testHeadingAddressees() throws {
        let matcher = AddresseeMatcher(vocabulary: try Self.fixtures.get().vocabulary)
        XCTAssertEqual(matcher.addressees(ofHeading: "Recommendations to States", context: []), ["states"])
        XCTAssertEqual(matcher.addressees(ofHeading: "Recommendations addressed to OHCHR and IOM", context: []), ["ohchr", "iom"])
        XCTAssertEqual(matcher.addressees(ofHeading: "Recommendations in relation to the GFMD", context: []), [])
        XCTAssertEqual(matcher.addressees(ofHeading: "Recommendations to the Council", context: []), [])
        XCTAssertEqual(matcher.addressees(ofHeading: "Recommendations to the Council", context: ["human-rights-council"]), ["human-rights-council"])
        XCTAssertEqual(matcher.addressees(ofHeading: "The Human Rights Council", context: []), ["human-rights-council"])
        XCTAssertEqual(matcher.addressees(ofHeading: "Follow-up to earlier recommendations", context: []), [])
    }

    /// The subject finder on single sentences, with the shipped vocabulary: subjects, and mentions that are not.
    func testSubjectsOfSentences() throws {
        let matcher = AddresseeMatcher(vocabulary: try Self.real.get().vocabulary)
        let cases: [(String, [String])] = [
            ("Governments of countries of origin should ensure consular protection.", ["states"]),
            ("States, in particular countries of destination, should end detention.", ["states"]),
            ("The Special Rapporteur recommends to Governments that they adopt plans.", ["states"]),
            ("The Special Rapporteur calls on the international community and the United Nations agencies to support returnees.", ["un-agencies"]),
            ("It is recommended that Member States adopt plans.", ["states"]),
            ("States that have not yet done so should ratify the Convention.", ["states"]),
            ("States which have not ratified the Convention should do so.", ["states"]),
            ("The Special Rapporteur would like to encourage Governments to adopt plans.", ["states"]),
            ("States should take measures to encourage NGOs to participate.", ["states"]),
            ("The High Commissioner for Human Rights, in cooperation with IOM, should convene a meeting.", ["ohchr"]),
            ("Destination countries should open regular channels.", ["states"]),
            ("All relevant actors, including States and civil society, should act.", ["states", "civil-society"]),
            ("The Special Rapporteur recommends that the Human Rights Council request the Secretary-General to prepare a report.", ["human-rights-council"]),
            ("The Special Rapporteur urges States not to criminalize irregular migration.", ["states"]),
            ("NGOs should also be involved in monitoring.", ["civil-society"]),
            ("The Special Rapporteur informs States that migrants should be protected.", []),
            ("The United Nations High Commissioner for Refugees should act.", ["unhcr"]),
            ("The Special Rapporteur urges the General Assembly and the Human Rights Council to act.", ["human-rights-council", "general-assembly"]),
            ("States should ensure that national human rights institutions are able to receive complaints.", ["states"]),
            ("Migration is a shared responsibility, and so States and civil society should cooperate.", ["states", "civil-society"]),
            ("The Special Rapporteur thanks States that have replied and recommends that others should follow.", []),
            ("Migrants who have been trafficked should be protected by States.", ["states"]),
            ("The Special Rapporteur encourages the Government of Italy to review its law.", ["states"]),
            ("The report of the Secretary-General should be distributed widely.", []),
            ("The Special Rapporteur, as requested by the Human Rights Council, should report annually.", []),
            ("Like States, civil society should act.", ["civil-society"]),
            ("States and the GFMD's secretariat should cooperate.", ["states"]),
            ("The Special Rapporteur recommends that States and IOM, which has expertise, should cooperate.", ["states", "iom"]),
            ("In the view of the Human Rights Council, States should act.", ["states"]),
            ("The Special Rapporteur urges that the Council consider the matter.", []),      // no Council context
            ("Special attention should be paid by the General Assembly to migrant women.", ["general-assembly"]),
            ("Efforts by States should be increased.", []),
            ("The Special Rapporteur requests information from Governments.", []),
            ("She recommends more cooperation with OHCHR to improve data.", []),
            ("Governments and OHCHR's field offices should cooperate.", ["states"]),
        ]
        for (sentence, expected) in cases {
            let tokens = matcher.mask(RecTokenizer.tokens(sentence), context: [])
            XCTAssertEqual(matcher.sorted(SubjectFinder.subjects(in: tokens)), matcher.sorted(expected), sentence)
        }
    }

    func testFrontMatterProblemsForDiagnostics() throws {
        let fixtures = try Self.fixtures.get()
        var report = try XCTUnwrap(fixtures.reports["A/99/100"])
        report.metadata.addressees["99"] = ["states"]
        report.metadata.addressees["6"] = ["governments"]
        XCTAssertEqual(RecommendationExtractor.frontMatterProblems(in: report, vocabulary: fixtures.vocabulary).map(\.problem), [
            "addressees: '6' names 'governments', an addressee id that addressees.yml does not define",
            "addressees: '99' is not a paragraph or sub-paragraph of A/99/100",
        ])
    }

    struct Score: CustomStringConvertible {
        var truePositives = 0, falsePositives = 0, falseNegatives = 0
        var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
        var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
        var description: String {
            String(format: "precision %.3f (%d/%d), recall %.3f (%d/%d)", precision, truePositives, truePositives + falsePositives,
                   recall, truePositives, truePositives + falseNegatives)
        }
    }

    /// Precision and recall of the real content's index against `expected`, twice: which paragraphs are
    /// recommendations, and (paragraph, addressee) pairs, `not-specified` counting as an addressee.
    func testRealContentPrecisionAndRecall() throws {
        let real = try Self.real.get()
        var found = Score(), pairs = Score()
        var exact = 0, expectedCount = 0
        var report: [String] = []
        for (symbol, table) in Self.expected.sorted(by: { $0.key < $1.key }) {
            let records = try real.records(symbol)
            let wanted = table.compactMapValues { $0 }
            expectedCount += wanted.count
            for id in Set(records.keys).union(wanted.keys).sorted(by: { $0.compare($1, options: .numeric) == .orderedAscending }) {
                let got = records[id]?.addressees
                let want = wanted[id]
                switch (got, want) {
                case (nil, nil): continue
                case (.some, nil): found.falsePositives += 1
                case (nil, .some): found.falseNegatives += 1
                case (.some, .some): found.truePositives += 1
                }
                let g = Set(got ?? []), w = Set(want ?? [])
                pairs.truePositives += g.intersection(w).count
                pairs.falsePositives += g.subtracting(w).count
                pairs.falseNegatives += w.subtracting(g).count
                if got == want { exact += 1 } else {
                    report.append("  \(symbol) \(id): expected \(want.map { $0.joined(separator: ",") } ?? "not a recommendation"), "
                                  + "extracted \(got.map { $0.joined(separator: ",") } ?? "not a recommendation")")
                }
            }
        }
        print("Recommendations of the real content, against the reading table:")
        print("  recommendations found: \(found)")
        print("  addressees (paragraph, slug) pairs: \(pairs)")
        print("  records exactly right: \(exact) of \(expectedCount)")
        print(report.isEmpty ? "  no differences" : report.joined(separator: "\n"))
        XCTAssertGreaterThanOrEqual(found.precision, 1.0)
        XCTAssertGreaterThanOrEqual(found.recall, 1.0)
        XCTAssertGreaterThanOrEqual(pairs.precision, 1.0)
        XCTAssertGreaterThanOrEqual(pairs.recall, 1.0)
    }
}
