import ReportSiteCore

/// What a heading says about the paragraphs under it (contract, section 5).
enum RecommendationSectionKind: Equatable {
    /// `VI. Recommendations`, `B. Recommendations`, `1. Recommendations to States`,
    /// `(b) Recommendations in relation to the GFMD`, `Summary of recommendations`.
    case recommendations
    /// `IV. Conclusions and recommendations`, and the treaty bodies' and the Universal Periodic Review's
    /// `C. Principal subjects of concern and recommendations`, `D. Concerns and recommendations`, `E. Suggestions and
    /// recommendations`, `II. Conclusions and/or recommendations`: paragraphs directly under it need recommending
    /// language, or items that begin with a bare verb ("(a) Ratify ...", "121.1 Ratify ...").
    case combined
    /// `A. Conclusions`, `Concluding remarks`: never recommendations, whatever the parent says.
    case conclusions
    /// Anything else, `III. Follow-up to earlier recommendations` included: the parent decides. So is a heading that
    /// cites recommendations by their numbers, `Recommendations 1–5, 14–16, 18, 43, 133` (a national report
    /// answering the previous cycle's, A/HRC/WG.6/34/SVN/1), `Recommendation No. 12`: it names which ones it answers.
    case other

    /// A title (after its printed number) is one of recommendations when the word "recommendations" comes
    /// first, or after words that only qualify it: `Conclusions and recommendations`, `Summary of recommendations`,
    /// `General recommendations`. A title that merely mentions recommendations has other words before it
    /// (`Follow-up to earlier recommendations`, `Implementation of the recommendations of treaty bodies`).
    init(title: String) {
        let words = RecTokenizer.tokens(title).compactMap(\.word)
        if let r = words.firstIndex(where: { $0 == "recommendations" || $0 == "recommendation" }),
           words[..<r].allSatisfy(Self.qualifiers.contains), !Self.citesNumbers(words[(r + 1)...]) {
            self = words[..<r].contains(where: Self.combinedWords.contains) ? .combined : .recommendations
        } else if let first = words.first, Self.conclusionWords.contains(first), !words.contains("recommendations") {
            self = .conclusions
        } else {
            self = .other
        }
    }

    /// The words after "recommendations" begin with the numbers of recommendations: `1`, `122.1`, `No. 12`, `nos. 3-5`.
    static func citesNumbers(_ after: ArraySlice<String>) -> Bool {
        var rest = after
        if let first = rest.first, ["no", "nos", "no.", "nos.", "number", "numbers"].contains(first) { rest = rest.dropFirst() }
        guard let word = rest.first, let c = word.unicodeScalars.first else { return false }
        return ("0"..."9").contains(c)
    }

    static let conclusionWords: Set<String> = ["conclusions", "conclusion", "concluding", "observations", "findings"]
    /// Words of a title that puts recommendations beside other things: concerns, suggestions, conclusions.
    static let combinedWords: Set<String> = conclusionWords.union(["concern", "concerns", "subjects", "suggestions"])
    static let qualifiers: Set<String> = combinedWords.union([
        "and", "and/or", "of", "the", "summary", "final", "general", "specific", "main", "key", "principal", "further", "other",
        "additional", "overall", "list", "preliminary", "remarks", "matters",
    ])
}

extension Report {
    /// What each section's title makes of the paragraphs under it, by section index (read once a report: every
    /// paragraph asks for its chain's). In a national report every section is `.other`: the State answers
    /// recommendations and makes none (`titleKinds` keeps what the titles say, for a warning).
    var sectionKinds: [RecommendationSectionKind] {
        isNationalReport ? Array(repeating: .other, count: sections.count) : titleKinds
    }

    /// What each section's title alone makes of the paragraphs under it.
    var titleKinds: [RecommendationSectionKind] { sections.map { RecommendationSectionKind(title: $0.title.plainText) } }

    /// A State's national report to the Universal Periodic Review, `A/HRC/WG.6/34/SVN/1` (and its corrigenda and
    /// revisions, `.../1/Corr.1`): the Working Group's documents of a review are numbered 1 (the national report),
    /// 2 (the compilation of United Nations information) and 3 (the summary of stakeholders' information).
    var isNationalReport: Bool {
        let c = symbol.components
        guard c.count >= 6, c[0] == "A", c[1] == "HRC", c[2] == "WG.6", Int(c[3]) != nil,
              c[4].count == 3, c[4].unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }), c[5] == "1" else { return false }
        return c.count == 6 || (c.count == 7 && (c[6].hasPrefix("Corr.") || c[6].hasPrefix("Rev.")))
    }

    /// The nearest section of the chain, innermost first, that is about recommendations or conclusions.
    func standingSection(_ chain: [Int], kinds: [RecommendationSectionKind]) -> Int? {
        chain.reversed().first { kinds[$0] != .other }
    }

    /// The enclosing sections of a section, outermost first, the section itself last.
    func sectionChain(_ innermost: Int?) -> [Int] {
        var chain: [Int] = []
        var s = innermost
        while let i = s, i < sections.count, !chain.contains(i) {
            chain.insert(i, at: 0)
            s = sections[i].parent
        }
        return chain
    }
}

extension AddresseeMatcher {
    /// The addressees a heading names: `Recommendations to States`, `Recommendations for the Human Rights Council`,
    /// `Recommendations addressed to OHCHR and IOM`, or a title that is nothing but addressees (`(b) The Human
    /// Rights Council` under a recommendations section). `Recommendations in relation to the GFMD` names none:
    /// the GFMD is its topic.
    func addressees(ofHeading title: String, context: Set<String>) -> [String] {
        addressees(ofHeadingTokens: RecTokenizer.tokens(title), context: context)
    }

    func addressees(ofHeadingTokens raw: [RecToken], context: Set<String>) -> [String] {
        let tokens = mask(raw, context: context)
        if let r = tokens.firstIndex(where: { $0 == .word("recommendations") || $0 == .word("recommendation") }) {
            var k = r + 1
            let words = tokens[k...].prefix(2).map(\.word)
            let following = tokens[k...].prefix(4).map(\.word)
            if following == ["for", "the", "consideration", "of"] || following == ["to", "the", "attention", "of"] {
                // `Recommendations for the consideration of the Human Rights Council`, `... to the attention of States`.
                k += 4
            } else if words.first == "to" || words.first == "for" {
                k += 1
            } else if ["addressed", "directed", "made"].contains(words.first ?? nil), words.count > 1, words[1] == "to" {
                k += 2
            } else {
                return []
            }
            return SubjectFinder.forwardList(tokens, from: k).slugs
        }
        // `To States`, `(b) To the Human Rights Council`: a heading under recommendations that is only its addressees.
        if tokens.first?.word == "to" { return SubjectFinder.pureList(Array(tokens.dropFirst())) }
        return SubjectFinder.pureList(tokens)
    }
}
