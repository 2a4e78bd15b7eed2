import Foundation
import XCTest
@testable import ReportSiteKit
@testable import ReportSiteReports

/// The patterns of issue 11, each on a small body read through the parser, the analyser and the extractor with the
/// project's vocabulary and lexicon (content/addressees.yml, content/recommending-verbs.yml).
final class RecommendationPatternTests: XCTestCase {
    static let vocabulary: AddresseeVocabulary = {
        let diagnostics = DiagnosticEngine()
        func file(_ name: String) -> SourceFile? {
            SourceFile.read(Project.content.appendingPathComponent(name), displayPath: name, diagnostics: diagnostics)
        }
        var vocabulary = AddresseeVocabulary.read(file("addressees.yml"), diagnostics: diagnostics)
        vocabulary.language = RecommendingLanguage.read(file("recommending-verbs.yml"), diagnostics: diagnostics)
        return vocabulary
    }()

    /// Paragraph id -> "slug,slug (assigned_by)", for every record of the body.
    func index(_ body: String, vocabulary: AddresseeVocabulary = vocabulary) -> [String: String] {
        let (report, _) = analyseBody(body, excerpt: "part")
        let records = RecommendationExtractor.extract(from: report, vocabulary: vocabulary).recommendations
        return Dictionary(records.map { ($0.paragraph, "\($0.addressees.joined(separator: ",")) (\($0.assignedBy.rawValue))") },
                          uniquingKeysWith: { a, _ in a })
    }

    func testTreatyBodyConcernsAndRecommendations() {
        for title in ["C. Principal subjects of concern and recommendations", "D. Concerns and recommendations",
                      "E. Suggestions and recommendations", "D. Subjects of concern and recommendations"] {
            let body = "## \(title)\n\n10. The Committee is concerned that the law is not applied.\n\n"
                + "11. The Committee recommends that the State party apply the law.\n\n"
                + "12. The Committee urges the State party to train judges. The State party is further encouraged to report.\n"
            XCTAssertEqual(index(body), ["11": "states (text)", "12": "states (text)"], title)
        }
    }

    func testUniversalPeriodicReviewItems() {
        let body = """
        ## II. Conclusions and/or recommendations

        121. The recommendations formulated during the interactive dialogue/listed below have been examined by Slovenia and enjoy the support of Slovenia:

        121.1 Ratify the International Convention for the Protection of All Persons from Enforced Disappearance (France) (Lithuania);

        121.2 Further strengthen efforts to combat hate speech (Lithuania);

        122. The following recommendations will be examined by Slovenia, which will provide responses in due time:

        122.1 Consider ratifying the 1961 Convention on the Reduction of Statelessness (Uruguay).

        123. All conclusions and/or recommendations contained in the present report reflect the position of the submitting State(s) and/or the State under review. They should not be construed as endorsed by the Working Group as a whole.
        """
        XCTAssertEqual(index(body), ["121-1": "states (lead-in)", "121-2": "states (lead-in)", "122-1": "states (lead-in)"])
        let (report, diagnostics) = analyseBody(body, excerpt: "part")
        XCTAssertEqual(diagnostics.map(\.formatted), [])
        let subs = report.paragraphs.first?.content.compactMap { part -> SubParagraph? in
            if case .subParagraph(let s) = part { return s } else { return nil }
        }
        XCTAssertEqual(subs?.map(\.anchor), ["para-121-1", "para-121-2"])
        XCTAssertEqual(subs?.map(\.label), ["121.1", "121.2"])
        let records = RecommendationExtractor.extract(from: report, vocabulary: Self.vocabulary).recommendations
        XCTAssertEqual(records.first?.anchor, "para-121-1")
        XCTAssertEqual(records.first?.text, "Ratify the International Convention for the Protection of All Persons from Enforced Disappearance (France) (Lithuania);")
    }

    func testListsOfAddressees() {
        let body = """
        ## V. Recommendations

        1. Governments, national human rights institutions, regional organizations and civil society organizations should cooperate.

        2. All countries should act.

        3. Members of civil society should monitor.

        4. The United Nations should establish a fund.

        ### D. United Nations agencies, funds and programmes

        5. Support the national efforts.

        ### E. National, regional and local governments

        6. Consult minorities.
        """
        XCTAssertEqual(index(body), ["1": "states,un-agencies,nhris,civil-society (text)", "2": "states (text)", "3": "civil-society (text)",
                                     "4": "un-agencies (text)", "5": "un-agencies (heading)", "6": "states (heading)"])
    }

    func testALeadInDeclaresTheAddresseeOfWhatFollows() {
        let body = """
        ## V. Conclusions and recommendations

        70. The situation remains grave.

        71. In the light of the foregoing, the Special Rapporteur submits the following recommendations to States.

        ### A. Prevention and protection

        72. Detention of migrants should be a measure of last resort.

        73. With regard to justice and redress:

        (a) Promote access to justice;

        (b) Ensure that violations are investigated.

        ### B. Recommendations to the Human Rights Council

        74. The Council should follow up.

        75. Strengthen its follow-up.
        """
        XCTAssertEqual(index(body), ["72": "states (lead-in)", "73": "states (lead-in)", "74": "human-rights-council (text)",
                                     "75": "human-rights-council (heading)"])
        // A lead-in that also asks is a recommendation itself.
        let asking = "## V. Recommendations\n\n1. The Special Rapporteur makes the following recommendations to States and urges them to act without delay.\n\n2. Detention should end.\n"
        XCTAssertEqual(index(asking), ["1": "states (lead-in)", "2": "states (lead-in)"])
    }

    func testChapeauxAndOtherWaysOfAsking() {
        let body = """
        ## V. Recommendations

        1. The Special Rapporteur recommends that States:

        (a) Ratify the Convention;

        (b) Ensure that it is applied.

        2. It is recommended that Governments:

        (a) Promote dialogue.

        3. The Special Rapporteur reiterates his call upon States to ratify the Convention.

        4. The Special Rapporteur reminds States of their duty to rescue migrants at sea.

        5. The Special Rapporteur appeals to the international organizations to assist.

        6. The Special Rapporteur invites the Human Rights Council to renew the mandate and requests the Secretary-General to report.

        7. The Special Rapporteur exhorts Member States to act. He recommends in particular that OHCHR assist them.

        8. States are encouraged to share good practices.
        """
        XCTAssertEqual(index(body), ["1": "states (text)", "2": "states (text)", "3": "states (text)", "4": "states (text)",
                                     "5": "un-agencies (text)", "6": "human-rights-council,secretary-general (text)", "7": "states,ohchr (text)",
                                     "8": "states (text)"])
    }

    func testSubParagraphsWithDifferentAddresseesAreSeparateRecords() {
        let body = """
        ## V. Recommendations

        9. The Special Rapporteur recommends the following:

        (a) Detention of children should be a measure of last resort;

        (b) States should end the detention of children;

        (c) The Human Rights Council should follow the question.
        """
        XCTAssertEqual(index(body), ["9-a": "not-specified (none)", "9-b": "states (text)", "9-c": "human-rights-council (text)"])
    }

    /// A publisher adds a verb to the lexicon, and the index reads it: the lexicon is data.
    func testAVerbAddedToTheLexiconIsRead() {
        let body = "## V. Recommendations\n\n1. The Special Rapporteur beseeches States to act.\n"
        XCTAssertEqual(index(body), ["1": "not-specified (none)"])
        var vocabulary = Self.vocabulary
        let l = vocabulary.language
        vocabulary.language = RecommendingLanguage(verbs: l.verbs.map { $0.joined(separator: " ") } + ["beseeches"],
                                                   passives: l.passives.map { $0.joined(separator: " ") }, imperatives: l.imperatives.sorted(),
                                                   leadIns: l.leadIns.map { $0.joined(separator: " ") },
                                                   underReview: l.underReview.map { $0.joined(separator: " ") })
        XCTAssertEqual(index(body, vocabulary: vocabulary), ["1": "states (text)"])
    }

    /// The lexicon file is read like the vocabulary: a list left out is the built-in one; a wrong shape is said at its line.
    func testLexiconFile() throws {
        let root = try temporaryFolder(self)
        let url = root.appendingPathComponent("recommending-verbs.yml")
        try Data("verbs: [beseeches]\nunknown: [x]\n".utf8).write(to: url)
        let diagnostics = DiagnosticEngine()
        let language = RecommendingLanguage.read(SourceFile.read(url, displayPath: "recommending-verbs.yml", diagnostics: diagnostics), diagnostics: diagnostics)
        XCTAssertEqual(language.verbs, [["beseeches"]])
        XCTAssertEqual(language.passives, RecommendingLanguage.builtIn.passives)
        XCTAssertEqual(diagnostics.diagnostics.map(\.formatted).map { $0.components(separatedBy: "\n")[0] },
                       ["recommending-verbs.yml:2:1: warning: recommending-verbs.yml: unknown list 'unknown' [RS020]"])
    }
}

/// A section titled as recommendations from which nothing is extracted is a warning (RS704), at its heading.
final class RecommendationEmptySectionTests: XCTestCase {
    func warnings(_ body: String) -> [String] {
        let (report, _) = analyseBody(body, excerpt: "part")
        let diagnostics = DiagnosticEngine()
        _ = RecommendationDiagnostics(diagnostics: diagnostics).extract(from: report, vocabulary: RecommendationPatternTests.vocabulary)
        return diagnostics.diagnostics.filter { $0.code == "RS704" }.map { "\($0.position.map { "\($0.line)" } ?? "-"): \($0.message)" }
    }

    func testASectionOfConcernsOnlyIsReported() {
        let body = "## C. Principal subjects of concern and recommendations\n\n10. The Committee is concerned at the delays.\n\n11. The Committee notes the efforts.\n"
        XCTAssertEqual(warnings(body), ["1: section \"C. Principal subjects of concern and recommendations\" is titled as recommendations, but none of its 2 paragraphs (from 10) is in the recommendations index"])
    }

    func testASectionWithARecommendationIsQuiet() {
        let body = "## IV. Conclusions and recommendations\n\n### A. Conclusions\n\n10. It is grave.\n\n### B. Recommendations\n\n11. States should act.\n"
        XCTAssertEqual(warnings(body), [])
    }
}
