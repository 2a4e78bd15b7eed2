import ReportSiteCore

/// Builds the recommendations index of one report from its document model (contract, section 5).
///
/// Which paragraphs: a numbered paragraph is a recommendation when the nearest enclosing heading that is
/// about recommendations or conclusions (`RecommendationSectionKind`) is a recommendations heading; when it is
/// an unsplit `Conclusions and recommendations` heading (or a treaty body's `Principal subjects of concern and
/// recommendations`, a review's `Conclusions and/or recommendations`), only if the paragraph uses recommending
/// language (`recommending-verbs.yml`), or has items that begin with a bare verb (`(a) Promote ...`, `121.1 Ratify
/// ...`), or begins with one under a lead-in that named an addressee; never when it is a conclusions heading
/// (`A. Conclusions`). A paragraph that is only a lead-in ("submits the following recommendations to States.") is
/// not a recommendation. The front matter's `addressees` adds paragraphs
/// (`"12": [states]`, wherever they stand) and removes them (`"12": []`: the paragraph and its sub-paragraphs,
/// except those the front matter names with addressees of their own, `"12-b": [ohchr]`).
///
/// Addressees, strongest first: the front matter; the explicit subjects of the paragraph's recommending
/// sentences (`SubjectFinder`); a lead-in (`lead-in`): the paragraph's own ("... enjoy the support of Slovenia:",
/// States, for its items) or a declaration before it ("submits the following recommendations to States", in its
/// section, until another lead-in or a later heading that names an addressee); the nearest heading that names an
/// addressee; otherwise `not-specified`.
///
/// In a document about one State (the front matter's `country`: a treaty body's concluding observations, a country visit),
/// the State's names in `states.yml` and its organs named by role (`the authorities`, `the new administration`, a ministry,
/// a national institute) read as `states`, and so does the pronoun `it` as a recommending sentence's subject (also in a
/// paragraph that speaks of "the State party"). A subject's items that the vocabulary lacks are kept for a note (RS706).
///
/// Sub-paragraphs, the rule: a lettered sub-paragraph `(c)` gets a record of its own (`91-c`) when
/// - the front matter names it (`"91-c": [...]`; an empty list leaves it out of the index altogether), or
/// - it has an explicit subject, and the set of its subjects differs from its paragraph's baseline. The
///   baseline is, in this order: the paragraph's front-matter addressees; the explicit subjects of the
///   paragraph's own text before its sub-paragraphs (the chapeau); its lead-in; the nearest heading's addressees; and when
///   none of these names anyone, the subjects of the sub-paragraphs when they all agree (then none is split
///   off), else nothing (then every sub-paragraph with a subject is split off).
/// A sub-paragraph without a subject of its own, or with the baseline's, stays in its paragraph's record,
/// whose text keeps it (`(a) ... (b) ...`) and whose addressees include its subjects; except a passive item
/// (recommending language, no subject) when the baseline comes from the items themselves: nobody is named for
/// it, and it gets a record of its own under `not-specified`. A decimal item (`121.1`) always gets a record of its
/// own, with the baseline's addressees unless it names its own. A sub-paragraph's roman items always stay in it.
/// When every sub-paragraph is split off and the chapeau has no recommending language ("The Special Rapporteur
/// makes the following recommendations:"), ends with a colon, or introduces decimal items, the paragraph has no
/// record of its own.
/// A split-off sub-paragraph's record comes right after its paragraph's; its text leaves out its own label.
/// A lettered sub-paragraph that continues the decimal item before it (`ItemContinuation`: "131.16 ... paragraphs 2" then
/// "(b) and 3 of the ICCPR ... (South Africa);") is read as the end of that item, in its record.
///
/// A paragraph whose number repeats an earlier one has no anchor to link to and is left out (the repeat is
/// already a diagnostic).
package enum RecommendationExtractor {
    /// Every recommendation of a report, in paragraph order, and those of them filed under `not-specified`
    /// (for a warning each). A record filed under `not-specified` by the front matter is the author's choice
    /// and is not listed as unassigned.
    public static func extract(from report: Report, vocabulary: AddresseeVocabulary) -> (recommendations: [Recommendation], unassigned: [Recommendation]) {
        let all = extractAll(from: report, vocabulary: vocabulary)
        return (all.recommendations, all.unassigned)
    }

    /// What one report's extraction found, with the parts of recommendations' subjects that name no addressee of the
    /// vocabulary ("minority groups" in "Governments, national human rights institutions, minority groups ... should"),
    /// by paragraph id, in paragraph order: for a note (RS706).
    struct Outcome {
        var recommendations: [Recommendation]
        var unassigned: [Recommendation]
        var unlisted: [(paragraph: String, position: SourcePosition, parts: [String])]
    }

    /// `matcher`: the vocabulary's, when the caller made it once for all its reports (nil: made for this report).
    static func extractAll(from report: Report, vocabulary: AddresseeVocabulary, matcher: AddresseeMatcher? = nil) -> Outcome {
        let matcher = matcher ?? AddresseeMatcher(vocabulary: vocabulary)
        var extraction = Extraction(report: report, matcher: matcher, states: vocabulary.states)
        for paragraph in report.paragraphs { extraction.add(paragraph) }
        let unassigned = extraction.records.filter { $0.addressees == [Recommendation.notSpecified] && $0.assignedBy != .frontMatter }
        return Outcome(recommendations: extraction.records, unassigned: unassigned, unlisted: extraction.unlisted)
    }

    /// Keys of the front matter's `addressees` that name no paragraph or lettered sub-paragraph of the report,
    /// and slugs there that the vocabulary does not have: for diagnostics (the extractor emits none).
    /// What is wrong with the front matter's `addressees:` overrides: a key that names no paragraph, a slug
    /// that `addressees.yml` does not define; each with the key that holds it.
    static func frontMatterProblems(in report: Report, vocabulary: AddresseeVocabulary) -> [(key: String, problem: String, unknownSlug: Bool)] {
        var ids: Set<String> = []
        for p in report.paragraphs {
            guard let anchor = p.anchor else { continue }
            ids.insert(Anchor.paragraphID(anchor) ?? anchor)
            for case .subParagraph(let s) in p.content { ids.insert(Anchor.paragraphID(s.anchor) ?? s.anchor) }
        }
        let slugs = Set(vocabulary.entries.map(\.slug))
        var problems: [(key: String, problem: String, unknownSlug: Bool)] = []
        for (key, values) in report.metadata.addressees.sorted(by: { $0.key < $1.key }) {
            if !ids.contains(key) { problems.append((key, "addressees: '\(key)' is not a paragraph or sub-paragraph of \(report.symbol)", false)) }
            for slug in values where !slugs.contains(slug) {
                problems.append((key, "addressees: '\(key)' names '\(slug)', an addressee id that addressees.yml does not define", true))
            }
        }
        return problems
    }

    /// The overrides with only the slugs the vocabulary defines: an override that named only unknown ones is
    /// dropped (the text decides, as without it), so that a typo never files a record under a page that does not exist.
    static func knownOverrides(_ overrides: [String: [String]], slugs: Set<String>) -> [String: [String]] {
        var kept: [String: [String]] = [:]
        for (key, values) in overrides {
            let known = values.filter(slugs.contains)
            if known.isEmpty && !values.isEmpty { continue }
            kept[key] = known
        }
        return kept
    }
}

/// The work on one report.
private struct Extraction {
    let report: Report
    let matcher: AddresseeMatcher
    let overrides: [String: [String]]
    /// Slugs the report's issuing body names: `Human Rights Council` makes "the Council" mean it.
    let bodyContext: Set<String>
    var records: [Recommendation] = []
    /// What each section's title makes of the paragraphs under it.
    let sectionKinds: [RecommendationSectionKind]
    /// Each heading's tokens, read once a report (every paragraph under it asks for them): with its
    /// printed number (for the context) and without (for the addressees a heading names).
    var fullTitleTokens: [Int: [RecToken]] = [:]
    var titleTokens: [Int: [RecToken]] = [:]

    mutating func tokens(ofSection i: Int) -> [RecToken] {
        if let known = fullTitleTokens[i] { return known }
        let t = RecTokenizer.tokens(report.sections[i].fullTitle)
        fullTitleTokens[i] = t
        return t
    }

    mutating func tokens(ofSectionTitle i: Int) -> [RecToken] {
        if let known = titleTokens[i] { return known }
        let t = RecTokenizer.tokens(report.sections[i].title.plainText)
        titleTokens[i] = t
        return t
    }

    /// In a document about one State (the front matter's `country`), the words that name that State: its names in
    /// `states.yml` ("Hungary"), each as tokens; and the slug its organs and the pronoun `it` stand for (`states`).
    let countryNames: [[String]]
    let stateSlug: String?
    /// Parts of recommendations' subjects that name no addressee of the vocabulary, by paragraph.
    var unlisted: [(paragraph: String, position: SourcePosition, parts: [String])] = []

    init(report: Report, matcher: AddresseeMatcher, states: StateVocabulary = .empty) {
        self.report = report
        self.matcher = matcher
        self.overrides = RecommendationExtractor.knownOverrides(report.metadata.addressees, slugs: Set(matcher.order.keys))
        self.bodyContext = matcher.slugsNamed(in: report.metadata.body)
        self.sectionKinds = report.sectionKinds
        if let country = report.metadata.country, matcher.order["states"] != nil {
            let name = states.state(named: country) ?? country
            let all = [name, country] + (states.states.first { $0.name == name }?.aliases ?? [])
            var names: [[String]] = []
            for n in all {
                let words = RecTokenizer.tokens(n).compactMap(\.word).filter { $0 != "the" }
                if !words.isEmpty, !names.contains(words) { names.append(words) }
            }
            self.countryNames = names.sorted { $0.count > $1.count }
            self.stateSlug = "states"
        } else {
            self.countryNames = []
            self.stateSlug = nil
        }
    }

    /// In a document about one State, the State's organs named by their role, and the State's own name, as `states`
    /// (issue 21): "the authorities", "the new administration", "the Ministry of Justice", "the National Institute of
    /// Statistics", "Hungary". Elsewhere the tokens as they are.
    func stateOrgans(_ tokens: [RecToken]) -> [RecToken] {
        guard let slug = stateSlug else { return tokens }
        var out: [RecToken] = []
        var i = 0
        while i < tokens.count {
            if let name = countryNames.first(where: { n in i + n.count <= tokens.count && n.indices.allSatisfy { tokens[i + $0].word == n[$0] } }) {
                out.append(.addressee(slug))
                i += name.count
                continue
            }
            let word = tokens[i].word
            let previous = i > 0 ? tokens[i - 1].word : nil
            let next = i + 1 < tokens.count ? tokens[i + 1].word : nil
            switch word {
            case "authorities", "ministry", "ministries":
                out.append(.addressee(slug))
            case "administration" where ["new", "current", "incoming", "present"].contains(previous ?? "") && next != "of":
                out.append(.addressee(slug))
            case "institute" where previous == "national", "institutes" where previous == "national":
                out.removeLast()
                out.append(.addressee(slug))
            default:
                out.append(tokens[i])
            }
            i += 1
        }
        return out
    }

    /// `international, regional and civil society organizations`: each bare adjective of the list is read with the
    /// list's last noun (`international organizations`, `regional organizations`), so that each names its addressee.
    static func withSharedNoun(_ tokens: [RecToken]) -> [RecToken] {
        let adjectives: Set<String> = ["international", "regional", "subregional", "intergovernmental", "non-governmental", "national", "local"]
        var out: [RecToken] = []
        var i = 0
        while i < tokens.count {
            out.append(tokens[i])
            guard let w = tokens[i].word, adjectives.contains(w), i + 1 < tokens.count,
                  tokens[i + 1] == .softBreak || tokens[i + 1].word == "and" || tokens[i + 1].word == "or" else { i += 1; continue }
            // The list goes on with adjectives, commas and conjunctions to a phrase ending in `organizations`.
            var k = i + 1
            while k < tokens.count, tokens[k] == .softBreak || ["and", "or"].contains(tokens[k].word ?? "") || (tokens[k].word.map(adjectives.contains) ?? false) { k += 1 }
            var e = k
            while e < tokens.count, e < k + 4, let x = tokens[e].word, x != "organizations", x != "organisations", !SubjectFinder.prepositions.contains(x) { e += 1 }
            if e < tokens.count, let noun = tokens[e].word, noun == "organizations" || noun == "organisations", e > k || k > i + 1 {
                out.append(.word(noun))
            }
            i += 1
        }
        return out
    }

    /// A piece of a paragraph: its chapeau, or one lettered sub-paragraph.
    struct Unit {
        var sub: SubParagraph?
        /// With its label (`(c) ...`, `121.1 ...`), as its paragraph's record shows it; `ownText` without, for a record of its own.
        var text: String
        var ownText: String
        var tokens: [RecToken]
        var subjects: [String]
    }

    /// The addressees a lead-in declared for the recommendations after it (`submits the following recommendations to
    /// States`), and the section of the lead-in's paragraph: the declaration holds in that section, until another
    /// lead-in or a later heading that names an addressee.
    var declared: (slugs: [String], section: Int?, paragraph: Int)?
    var language: RecommendingLanguage { matcher.language }

    /// The addressees a chapeau declares by a lead-in phrase (`recommending-verbs.yml`): `lead_ins` ("submits the
    /// following recommendations to States": the list after it) and `under_review` ("enjoy the support of Slovenia":
    /// the State under review, States). Nil when it has none.
    /// `endsText`: nothing but punctuation follows the lead-in's addressees (the paragraph only announces).
    func leadIn(_ tokens: [RecToken]) -> (slugs: [String], forWhatFollows: Bool, endsText: Bool)? {
        for i in tokens.indices {
            if let n = RecommendingLanguage.match(language.leadIns, tokens, at: i) {
                let (slugs, end) = SubjectFinder.forwardList(tokens, from: i + n)
                let endsText = tokens[end...].allSatisfy { $0.word == nil }
                return slugs.isEmpty ? nil : (matcher.sorted(slugs), true, endsText)
            }
            if RecommendingLanguage.match(language.underReview, tokens, at: i) != nil, matcher.order["states"] != nil { return (["states"], false, false) }
        }
        return nil
    }

    /// Whether a text begins with one of the lexicon's imperatives, after a leading `To` and adverbs: "Ratify ...",
    /// "To review ...", "Further strengthen ...", "Explicitly prohibit ...". "Support for return is lacking": a noun.
    func beginsWithImperative(_ tokens: [RecToken]) -> Bool {
        var i = 0
        if i < tokens.count, tokens[i].word == "to" { i += 1 }
        i = SubjectFinder.skipAdverbs(tokens, from: i)
        guard i < tokens.count, let word = tokens[i].word, language.imperatives.contains(word) else { return false }
        let next = i + 1 < tokens.count ? tokens[i + 1].word : nil
        return next.map { !RecommendationDiagnostics.nounFollowers.contains($0) } ?? true
    }

    mutating func add(_ paragraph: NumberedParagraph) {
        guard let anchor = paragraph.anchor else { return }
        let id = Anchor.paragraphID(anchor) ?? anchor
        let chain = report.sectionChain(paragraph.section)
        let kind = standing(chain)
        // A declaration holds in its section only.
        if let d = declared, let s = d.section, !chain.contains(s) { declared = nil }
        if let d = declared, d.section == nil, !chain.isEmpty, kind == .other || kind == .conclusions { declared = nil }
        // Most paragraphs stand outside any recommendations section: leave them before reading their text.
        if kind == .conclusions || kind == .other, overrides[id] == nil, !overrides.keys.contains(where: { $0.hasPrefix(id + "-") }) {
            return
        }
        let titles = chain.map { RecommendationText.withoutNoteMarks(report.sections[$0].fullTitle) }

        // The context for short-form aliases: the report's body, the enclosing headings, the paragraph itself.
        let chapeauBlocks = paragraph.content.compactMap { part -> Block? in if case .block(let b) = part { return b } else { return nil } }
        // A decimal item's line that begins like a lettered sub-paragraph ("(b) and 3 of the ICCPR") is the item's.
        let joined = ItemContinuation.joined(paragraph.content.compactMap { part -> SubParagraph? in if case .subParagraph(let s) = part { return s } else { return nil } })
        let subs = joined.map(\.sub)
        let chapeauText = RecommendationText.text(of: chapeauBlocks)
        let subTexts = joined.map { ItemContinuation.text(of: $0.sub, continuation: $0.continuation, labelled: true) }
        let ownTexts = joined.map { ItemContinuation.text(of: $0.sub, continuation: $0.continuation, labelled: false) }
        // Each text is read into tokens once; the context and the units work on those tokens.
        let chapeauTokens = RecTokenizer.tokens(chapeauText)
        let subTokens = ownTexts.map { RecTokenizer.tokens($0) }
        var context = bodyContext
        for i in chain { context.formUnion(matcher.slugsNamed(inTokens: tokens(ofSection: i))) }
        context.formUnion(matcher.slugsNamed(inTokens: ([chapeauTokens] + subTokens).flatMap { $0 }))

        let language = self.language
        // The pronoun `it` is the State concerned in a document about one State, and in a paragraph that speaks of
        // "the State party" (a treaty body's: "The Committee recommends that it consider ...").
        let allRaw = ([chapeauTokens] + subTokens).flatMap { $0 }
        let speaksOfStateParty = matcher.order["states"] != nil && allRaw.indices.dropLast().contains { k in
            (allRaw[k].word == "state" && allRaw[k + 1].word == "party") || (allRaw[k].word == "states" && allRaw[k + 1].word == "parties")
        }
        let pronoun = stateSlug ?? (speaksOfStateParty ? "states" : nil)
        var unlistedParts: [String] = []
        func unit(_ sub: SubParagraph?, _ text: String, _ ownText: String, _ raw: [RecToken]) -> Unit {
            let tokens = stateOrgans(matcher.mask(Self.withSharedNoun(raw), context: context))
            for part in SubjectFinder.unlistedParts(in: tokens) where !unlistedParts.contains(part) { unlistedParts.append(part) }
            return Unit(sub: sub, text: text, ownText: ownText, tokens: tokens,
                        subjects: matcher.sorted(SubjectFinder.subjects(in: tokens, language: language, pronoun: pronoun)))
        }
        let chapeau = unit(nil, chapeauText, chapeauText, chapeauTokens)
        let subUnits = subs.indices.map { unit(subs[$0], subTexts[$0], ownTexts[$0], subTokens[$0]) }

        // A lead-in of this paragraph: for its own items, and (a `lead_ins` phrase) for the recommendations after it.
        let lead = leadIn(chapeau.tokens)
        let ownLeadIn = lead?.slugs
        // "... submits the following recommendations to States." and nothing else: an announcement, not a recommendation.
        let onlyLeadIn = lead?.endsText == true && subs.isEmpty && chapeauBlocks.count <= 1
        var headingSlugs: [String] = []
        var headingSection: Int?
        for i in chain.reversed() {
            let slugs = matcher.addressees(ofHeadingTokens: tokens(ofSectionTitle: i), context: context)
            if !slugs.isEmpty { headingSlugs = matcher.sorted(slugs); headingSection = i; break }
        }
        // A later heading that names an addressee ends a declaration.
        if let d = declared, let h = headingSection, h > (d.section ?? -1), report.sections[h].firstParagraph.map({ $0 > d.paragraph }) ?? true {
            declared = nil
        }
        let leadSlugs = ownLeadIn ?? declared?.slugs ?? []

        let imperativeItems = subUnits.contains { beginsWithImperative($0.tokens) }
        let inIndex: Bool
        switch kind {
        case .recommendations: inIndex = !onlyLeadIn
        case .combined:
            inIndex = !onlyLeadIn && (([chapeau] + subUnits).contains { SubjectFinder.hasRecommendingLanguage($0.tokens, language: language, pronoun: pronoun) }
                || imperativeItems || (!leadSlugs.isEmpty && beginsWithImperative(chapeau.tokens)))
        case .conclusions, .other: inIndex = false
        }
        if let lead, lead.forWhatFollows { declared = (lead.slugs, chain.last, paragraph.number) }
        let override = overrides[id]
        if inIndex, override == nil, !unlistedParts.isEmpty { unlisted.append((id, paragraph.position, unlistedParts)) }

        // Not a recommendation, and not named by the front matter: only sub-paragraphs the front matter names.
        guard (inIndex && override != []) || (override?.isEmpty == false) else {
            for u in subUnits {
                guard let sub = u.sub, let own = overrides[subID(sub)], !own.isEmpty else { continue }
                records.append(record(subID(sub), anchor: sub.anchor, titles, matcher.sorted(own), .frontMatter, u.ownText, sub.position))
            }
            return
        }

        // The baseline a sub-paragraph's subjects are compared with (see the rule above).
        let distinctSubjects = Set(subUnits.map(\.subjects).filter { !$0.isEmpty })
        let fromItems = override == nil && chapeau.subjects.isEmpty && leadSlugs.isEmpty && headingSlugs.isEmpty
        let baseline: [String] = override.map { matcher.sorted($0) }
            ?? (!chapeau.subjects.isEmpty ? chapeau.subjects
                : !leadSlugs.isEmpty ? leadSlugs
                : !headingSlugs.isEmpty ? headingSlugs
                : distinctSubjects.count == 1 ? distinctSubjects.first! : [])
        let baselineBy: Recommendation.AssignedBy = override != nil ? .frontMatter
            : !chapeau.subjects.isEmpty ? .text : !leadSlugs.isEmpty ? .leadIn : !headingSlugs.isEmpty ? .heading : .text

        var staying: [Unit] = []
        var splitOff: [Recommendation] = []
        for u in subUnits {
            guard let sub = u.sub else { continue }
            let sid = subID(sub)
            let ownText = u.ownText
            if let own = overrides[sid] {
                if !own.isEmpty {
                    splitOff.append(record(sid, anchor: sub.anchor, titles, matcher.sorted(own), .frontMatter, ownText, sub.position))
                }
            } else if !u.subjects.isEmpty && Set(u.subjects) != Set(baseline) {
                splitOff.append(record(sid, anchor: sub.anchor, titles, u.subjects, .text, ownText, sub.position))
            } else if u.subjects.isEmpty && fromItems && !distinctSubjects.isEmpty && SubjectFinder.hasRecommendingLanguage(u.tokens, language: language) {
                // A passive item beside items with a subject ("(a) Detention of children should be a measure of last
                // resort", "(b) States should ..."): nobody is named for it.
                splitOff.append(record(sid, anchor: sub.anchor, titles, [Recommendation.notSpecified], .none, ownText, sub.position))
            } else if sub.label.contains(".") {
                // A decimal item (`121.1`) is a recommendation of its own, numbered as such: its own record.
                let slugs = u.subjects.isEmpty ? baseline : u.subjects
                let by: Recommendation.AssignedBy = !u.subjects.isEmpty ? .text : slugs.isEmpty ? .none : baselineBy
                splitOff.append(record(sid, anchor: sub.anchor, titles, slugs.isEmpty ? [Recommendation.notSpecified] : slugs, by, ownText, sub.position))
            } else {
                staying.append(u)
            }
        }

        // A chapeau whose items all have records of their own ("The Special Rapporteur recommends the following:") is no
        // recommendation of its own.
        let introductionOnly = !subUnits.isEmpty && staying.isEmpty && override == nil
            && (!SubjectFinder.hasRecommendingLanguage(chapeau.tokens, language: language) || subs.allSatisfy { $0.label.contains(".") }
                || chapeau.text.hasSuffix(":"))
        if !introductionOnly {
            let text = RecommendationText.join([chapeau.text] + staying.map(\.text))
            let textSubjects = matcher.sorted(chapeau.subjects + staying.flatMap(\.subjects))
            let (slugs, by): ([String], Recommendation.AssignedBy)
            if let override {
                (slugs, by) = (matcher.sorted(override), .frontMatter)
            } else if !textSubjects.isEmpty {
                (slugs, by) = (textSubjects, .text)
            } else if !leadSlugs.isEmpty {
                (slugs, by) = (leadSlugs, .leadIn)
            } else if !headingSlugs.isEmpty {
                (slugs, by) = (headingSlugs, .heading)
            } else {
                (slugs, by) = ([Recommendation.notSpecified], .none)
            }
            records.append(record(id, anchor: anchor, titles, slugs, by, text, paragraph.position))
        }
        records += splitOff
    }

    func subID(_ sub: SubParagraph) -> String { Anchor.paragraphID(sub.anchor) ?? sub.anchor }

    func record(_ id: String, anchor: String, _ titles: [String], _ slugs: [String], _ by: Recommendation.AssignedBy,
                _ text: String, _ position: SourcePosition) -> Recommendation {
        Recommendation(report: report.symbol, paragraph: id, anchor: anchor, section: titles,
                       addressees: slugs.isEmpty ? [Recommendation.notSpecified] : slugs,
                       assignedBy: by, text: text, position: position)
    }

    /// What the nearest heading about recommendations or conclusions makes of the paragraphs under it.
    func standing(_ chain: [Int]) -> RecommendationSectionKind {
        report.standingSection(chain, kinds: sectionKinds).map { sectionKinds[$0] } ?? .other
    }
}
