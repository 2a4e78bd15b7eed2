import Foundation
import XCTest
@testable import ReportSiteKit
@testable import ReportSiteReports

/// Issue 21, items 4 and 5: the sentences of treaty bodies and country documents, and the classes the index missed on
/// real text. Each body goes through the parser, the analyser and the extractor with the project's vocabulary and
/// lexicon (content/addressees.yml, content/recommending-verbs.yml). Where a sentence is quoted from a report, the
/// report is named; the others are the issue's own examples.
final class RecommendationIssue21Tests: XCTestCase {
    static let vocabulary = RecommendationPatternTests.vocabulary

    /// Paragraph id -> "slug,slug (assigned_by)", for every record of the body; `country` as the front matter's.
    func index(_ body: String, country: String? = nil) -> [String: String] {
        let diagnostics = DiagnosticEngine()
        var metadata = ReportMetadata(symbol: Symbol("A/1/1")!, title: "T", date: "2020-01-01", body: "Human Rights Council",
                                      excerpt: "part", addressees: [:])
        metadata.country = country
        let report = ReportAnalyser(file: "t.md", source: body, metadata: metadata, diagnostics: diagnostics).analyse(MarkdownParser.parse(body))
        let records = RecommendationExtractor.extract(from: report, vocabulary: Self.vocabulary).recommendations
        return Dictionary(records.map { ($0.paragraph, "\($0.addressees.joined(separator: ",")) (\($0.assignedBy.rawValue))") },
                          uniquingKeysWith: { a, _ in a })
    }

    // MARK: - Item 4: the State concerned

    /// CCPR/C/FIN/CO/6 para. 5 ("It should also include ..."), A/HRC/20/33/Add.1 para. 70 ("he urges it to take ..."):
    /// in a document about one State the pronoun is the State; in a document about none it names nobody.
    func testThePronounOfTheStateParty() {
        let body = """
        ### C. Principal matters of concern and recommendations

        5. While noting that the State party has incorporated the Covenant into its domestic legal order, the Committee is concerned that provisions of the Covenant have been invoked in only a few cases before national courts (art. 2).

        It should also include in its next periodic report examples of the application of the Covenant by the domestic courts.

        70. Finally while the Special Rapporteur notes the Government’s efforts to end the activities of extremist paramilitary organizations, he urges it to take more resolute measures to tackle the phenomenon of extremist paramilitary organizations targeting Roma.

        71. The Committee recommends that it consider ratifying the Optional Protocol.
        """
        XCTAssertEqual(index(body, country: "Finland"), ["5": "states (text)", "70": "states (text)", "71": "states (text)"])
        // Without the front matter's country, paragraph 5 still speaks of the State party: its pronoun is the State party's.
        XCTAssertEqual(index(body), ["5": "states (text)", "70": "not-specified (none)", "71": "not-specified (none)"])
    }

    /// A/HRC/40/59/Add.1 para. 28 ("the authorities should ensure", a visit to Serbia), A/HRC/44/42/Add.1 para. 66
    /// ("Hungary should ..."); a ministry, a national institute and a new administration of the State; the State party's
    /// passive (the issue's example). Outside a document about one State, none of them is an addressee.
    func testTheStateByItsOrgansAndItsName() {
        let body = """
        ## V. Recommendations

        28. Measures should be urgently taken to curb the culture of impunity still prevailing for torture and ill-treatment. In particular, the Special Rapporteur is of the view that the authorities should ensure that all investigations into acts of torture and ill-treatment by the police are conducted by an independent body.

        66. Hungary should continue to incorporate international and European Union standards in the area of human rights into domestic legislation.

        67. The Ministry of Justice should publish the data.

        68. The National Institute of Statistics should collect data disaggregated by ethnicity.

        69. The new administration should review the law.

        70. The Committee recommends that the State party’s reports be made available to the public.

        71. The State party’s legislation should be brought into line with the Covenant.

        72. The Committee recommends that the reports be made available to the public.
        """
        XCTAssertEqual(index(body, country: "Hungary"), ["28": "states (text)", "66": "states (text)", "67": "states (text)", "68": "states (text)",
                                                          "69": "states (text)", "70": "states (text)", "71": "states (text)", "72": "not-specified (none)"])
        XCTAssertEqual(index(body), ["28": "not-specified (none)", "66": "not-specified (none)", "67": "not-specified (none)",
                                     "68": "not-specified (none)", "69": "not-specified (none)", "70": "states (text)", "71": "states (text)",
                                     "72": "not-specified (none)"])
    }

    // MARK: - Item 5: the classes the index missed

    /// Items that begin with their addressee after a chapeau that names none.
    func testItemsThatBeginWithTheirAddressee() {
        let body = """
        ## IV. Recommendations

        20. The Working Group recommends:

        (a) That States adopt national action plans against racism;

        (b) That the Office of the High Commissioner organize a regional seminar;

        (c) That the definition of racial discrimination be incorporated into national law.
        """
        XCTAssertEqual(index(body), ["20": "not-specified (none)", "20-a": "states (text)", "20-b": "ohchr (text)"])
    }

    /// A subject that lists several addressees, some not in the vocabulary: each known one (the issue's two sentences,
    /// from the Forum on Minority Issues); "the United Nations" is the Organization, filed with its agencies.
    func testSubjectsListingAddresseesTheVocabularyLacks() {
        let body = """
        ## V. Recommendations

        1. Governments, national human rights institutions, minority groups, civil society organizations and regional mechanisms should develop regular dialogue.

        2. All States, the United Nations and international, regional and civil society organizations should promote the Declaration.

        3. The United Nations should establish a fund.
        """
        XCTAssertEqual(index(body), ["1": "states,nhris,civil-society (text)", "2": "states,un-agencies,civil-society (text)", "3": "un-agencies (text)"])
        let tokens = RecTokenizer.tokens("Governments, national human rights institutions, minority groups, civil society organizations and regional mechanisms should develop regular dialogue.")
        let masked = AddresseeMatcher(vocabulary: Self.vocabulary).mask(tokens, context: [])
        XCTAssertEqual(SubjectFinder.unlistedParts(in: masked), ["minority groups", "regional mechanisms"])
        // A subject with no addressee at all is not listed: it is `not-specified`, which has its own note (RS701).
        let none = AddresseeMatcher(vocabulary: Self.vocabulary).mask(RecTokenizer.tokens("All actors concerned should act."), context: [])
        XCTAssertEqual(SubjectFinder.unlistedParts(in: none), [])
        // A/58/275 para. 79: the departments are the United Nations': no other addressee.
        let departments = AddresseeMatcher(vocabulary: Self.vocabulary).mask(RecTokenizer.tokens(
            "All relevant United Nations agencies and departments and international organizations should be involved in such efforts."), context: [])
        XCTAssertEqual(SubjectFinder.unlistedParts(in: departments), [])
        // A/HRC/44/42/Add.1 para. 67 ("In that regard, Hungary should", here with States for the State visited) and A/68/317
        // para. 83 ("The Secretariat, States and other relevant actors should"): an adverbial is no list item, and the others
        // are the rest of the world.
        for (text, parts) in [("In that regard, States should consider repealing article 353/A of the Penal Code.", [String]()),
                              ("The Secretariat, States and other relevant actors should encourage and support innovation.", ["secretariat"])] {
            let masked = AddresseeMatcher(vocabulary: Self.vocabulary).mask(RecTokenizer.tokens(text), context: [])
            XCTAssertEqual(SubjectFinder.unlistedParts(in: masked), parts, text)
        }
    }

    /// The note for the parts not in the vocabulary, through the real build under --strict: a note, the build succeeds,
    /// and the recommendation is filed under the addressees the vocabulary has.
    func testTheNoteForUnlistedAddresseesIsNeverAnError() throws {
        let root = try temporaryFolder(self).appendingPathComponent("content")
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("reports"), withIntermediateDirectories: true)
        for name in ["addressees.yml", "recommending-verbs.yml", "states.yml"] {
            try fm.copyItem(at: Project.content.appendingPathComponent(name), to: root.appendingPathComponent(name))
        }
        try """
        ---
        symbol: A/HRC/1/1
        title: Recommendations of the Forum
        date: 2020-01-01
        body: Human Rights Council
        ---

        ## V. Recommendations

        1. Governments, national human rights institutions, minority groups, civil society organizations and regional mechanisms should develop regular dialogue.

        2. States should act.

        """.write(to: root.appendingPathComponent("reports/A-HRC-1-1.md"), atomically: true, encoding: .utf8)
        let (outcome, diagnostics) = buildSite(content: root, output: root.deletingLastPathComponent().appendingPathComponent("site"), strict: true)
        guard case .success = outcome else { return XCTFail("\(outcome)") }
        let notes = diagnostics.filter { $0.code == "RS706" }
        XCTAssertEqual(notes.count, 1)
        XCTAssertEqual(notes.first?.severity, .note)
        XCTAssertTrue(notes.first?.formatted.contains("para. 1: “minority groups”, “regional mechanisms”") ?? false, notes.first?.formatted ?? "")
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map(\.formatted), [])
        let json = try String(contentsOf: root.deletingLastPathComponent().appendingPathComponent("site/recommendations.json"), encoding: .utf8)
        XCTAssertTrue(json.contains("\"nhris\""))
    }

    /// Recommending language beyond the verb list, in a section of conclusions and recommendations (where only
    /// recommending language makes a recommendation). A/HRC/20/33/Add.1 para. 69 ("It is urgent to introduce ...");
    /// the others are the issue's classes.
    func testRecommendingLanguageBeyondTheVerbs() {
        let body = """
        ## IV. Conclusions and recommendations

        10. The Special Rapporteur would like to suggest that States review their legislation.

        11. It is urgent that the Human Rights Council address the situation.

        12. It is urgent to introduce the necessary safeguards against the anti-Roma and anti-Semitic discourse of Jobbik, which flouts human rights including the principles of non-discrimination and equality.

        13. States need to adopt comprehensive legislation.

        14. The Government has to be more transparent.

        15. States must end impunity.

        16. Migration must not be considered only as a matter concerning national security.

        17. The Special Rapporteur visited three prisons.
        """
        XCTAssertEqual(index(body), ["10": "states (text)", "11": "human-rights-council (text)", "12": "not-specified (none)",
                                     "13": "states (text)", "14": "states (text)", "15": "states (text)"])
    }

    /// A/HRC/31/CRP.2 para. 70: the agent of a passive of need.
    func testTheAgentOfAPassive() {
        let body = """
        ## B. Recommendations

        70. In order to foster a sense of understanding and respect, and to protect and promote their distinct identity, concerted efforts are needed by all governments in the region to acknowledge and raise awareness of the existence of Roma and their rights as distinct minorities within their respective countries.
        """
        XCTAssertEqual(index(body), ["70": "states (text)"])
    }

    /// Headings that name the addressee in other words.
    func testHeadingsThatNameTheAddresseeInOtherWords() {
        let body = """
        ## VI. Recommendations

        ### A. Recommendations for the consideration of the Human Rights Council

        10. Renew the mandate.

        ### B. Recommendations addressed to the Office of the High Commissioner

        11. Publish a guide.

        ### C. To States

        12. Ratify the Convention.

        ### D. Recommendations in relation to the Global Forum on Migration and Development

        13. Include human rights in the agenda.
        """
        XCTAssertEqual(index(body), ["10": "human-rights-council (heading)", "11": "ohchr (heading)", "12": "states (heading)", "13": "not-specified (none)"])
    }

    // MARK: - Precision

    /// A mention is no addressee, and nothing outside a recommendations section is a recommendation, whatever the
    /// document is about. CAT/C/ZAF/CO/2 para. 12 (an indirect question in a concern) and the Human Rights Committee's
    /// heading (CCPR/C/FIN/CO/6).
    func testMentionsStayMentions() {
        let body = """
        ## II. Legal framework

        8. The authorities should be commended; States must respect the Covenant, and Hungary should be proud.

        ### C. Principal matters of concern and recommendations

        9. The Committee recalls its general recommendation No. 19 on violence against women and its concluding observations.

        10. The Committee notes that the State party works in cooperation with the authorities of the regions, civil society and OHCHR.

        12. The Committee is concerned that officers decide whether detained persons should receive urgent medical treatment if the detained persons themselves do not request it (art. 2).

        13. The State party should train the police in cooperation with OHCHR and civil society.
        """
        XCTAssertEqual(index(body, country: "Hungary"), ["13": "states (text)"])
    }
}
