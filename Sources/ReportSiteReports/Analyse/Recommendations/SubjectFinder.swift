import ReportSiteCore

/// Finds the explicit subjects of a text's recommending sentences: who is told to act.
///
/// It reads tokens whose aliases are already masked (`AddresseeMatcher.mask`) and knows three shapes:
///
/// 1. A modal: `<subject> should|must|shall|ought to|may wish to ...`, and the reporter's passive
///    `<subject> is|are (also) encouraged|urged|invited|requested|called upon to ...`.
///    The subject is the noun phrase just before the modal, in its clause: after the last `that`, `which`,
///    `who`, `and` ... starting the clause, before the first preposition (`the work of the GMG should` has
///    the subject `the work`), and each of its conjuncts (`States and civil society`) counts when its head,
///    its last word, is an alias (`Member States and other stakeholders`: States). A list before it counts
///    when every item is an alias (`OHCHR, IOM, ILO and UNIFEM should`). An aside between commas is skipped
///    (`Governments, in cooperation with IOM, should`), unless it adds to the subject (`All actors, including
///    States and civil society, should`). A relative clause ending at the modal leaves its antecedent the
///    subject (`States that have not yet done so should`, `States which ... should`).
///    In the passive (`should be established`, `should also be provided`) the subject is acted on, not
///    addressed; the agent is: `should be taken into account by Governments, NGOs and ...`. Participles that
///    describe the subject's own part (`should be involved`, `engaged`, `prepared`, ...) are not passive.
/// 2. A recommending verb in the reporter's voice with an object and an infinitive: `urges|encourages|invites|
///    requests|calls upon|appeals to|reminds|exhorts <object> to ...` (the lexicon's `verbs`, `recommending-verbs.yml`;
///    `reiterates his call upon States to`), also `would like to encourage <object> to`. The object's
///    conjuncts headed by an alias count (`calls on the international community and the United Nations agencies
///    to`: the agencies); without an infinitive, only aliases that start the object (`encourages greater
///    cooperation between her mandate, OHCHR and ILO` has no subject).
/// 3. A that-clause: `recommends|urges|requests that <subject> ...`, and `it is recommended that ...`.
///    A that-clause whose verb is a modal is left to shape 1; one in the passive subjunctive
///    (`recommends that special efforts be undertaken`) has no subject.
///
/// Issue 21 added: modals of two words (`needs to`, `has to`); the agent of a need (`efforts are needed by all
/// governments`); `it is urgent that <subject>`; an item that begins `That <subject> ...` after a chapeau; a subject list
/// with items that are no alias (`minority groups`), whose aliases count and whose other items are returned for a note
/// (`subjectParts`, `unlistedParts`); a passive whose subject is the State party's (`that the State party's reports be made
/// available`: the State); and, when the caller gives a `pronoun` (a document about one State, or a paragraph about "the
/// State party"), `it` as the subject of a recommending sentence (`recommends that it consider`, `urges it to`, `It should
/// also include`).
/// The issue 19 trial added: a list whose last items name no addressee (`States, the private sector and multilateral
/// financial institutions should`: States, the others for the note), and an alias followed by a noun for its bodies or
/// people (`United Nations bodies and agencies should`, `Government officials should`). Shape 1's subject is read in
/// `SubjectList.swift`.
///
/// Anything else is a mention, never an addressee: `in cooperation with IOM`, `at the GFMD`, `OHCHR's mandate`,
/// `the Special Rapporteur recommends that efforts should be made`. Not read (a known limit): the agent of a
/// noun, `recommends the ratification of the Convention by States`.
enum SubjectFinder {
    /// The slugs of the explicit subjects, in order of appearance.
    static func subjects(in tokens: [RecToken], language: RecommendingLanguage = .builtIn, pronoun: String? = nil) -> [String] {
        var found: [String] = []
        // An item that begins with its addressee after a chapeau that names none: "(a) That States take ...".
        if tokens.first?.word == "that" { found += thatClause(tokens, from: 1, pronoun: pronoun) }
        var i = 0
        while i < tokens.count {
            guard let word = tokens[i].word else { i += 1; continue }
            let next = i + 1 < tokens.count ? tokens[i + 1].word : nil
            if isModal(word, next: next) {
                found += modalSubjects(tokens, modal: i, pronoun: pronoun)
            } else if word == "is" || word == "are", let after = reporterPassive(tokens, from: i + 1, language: language) {
                found += backwardSubject(tokens, before: i, pronoun: pronoun)
                i = after
                continue
            } else if word == "is" || word == "are", let after = neededBy(tokens, from: i + 1) {
                // `efforts are needed by all governments in the region`: the agent of the need.
                found += forwardList(tokens, from: after).slugs
            } else if let after = urgentThat(tokens, at: i) {
                // `It is urgent that States ...`, `it is essential that the Government ...`.
                found += thatClause(tokens, from: after, pronoun: pronoun)
            } else if let after = recommendingVerb(tokens, at: i, language: language) {
                found += verbSubjects(tokens, after: after, pronoun: pronoun)
            }
            i += 1
        }
        return found
    }

    /// The adjectives of `it is <adjective> that|to`: a recommendation without a recommending verb. Not `essential`,
    /// `necessary`: in conclusions they weigh what was found ("it is essential to place emphasis ...", A/58/275 para. 74).
    static let urgencyWords: Set<String> = ["urgent", "imperative"]

    /// At `it is (also) urgent that`, the index after `that`; nil elsewhere (`it is urgent to ...` has no subject).
    static func urgentThat(_ tokens: [RecToken], at i: Int) -> Int? {
        guard tokens[i].word == "it", i + 1 < tokens.count, tokens[i + 1].word == "is" else { return nil }
        let a = skipAdverbs(tokens, from: i + 2)
        guard a + 1 < tokens.count, let adjective = tokens[a].word, urgencyWords.contains(adjective), tokens[a + 1].word == "that" else { return nil }
        return a + 2
    }

    /// After `is|are`: `(also) needed|required by`, the index after `by`.
    static func neededBy(_ tokens: [RecToken], from i: Int) -> Int? {
        let j = skipAdverbs(tokens, from: i)
        guard j + 1 < tokens.count, let w = tokens[j].word, w == "needed" || w == "required", tokens[j + 1].word == "by" else { return nil }
        return j + 2
    }

    /// Whether a text uses recommending language (contract, section 5), for paragraphs of a
    /// "Conclusions and recommendations" section that is not split into conclusions and recommendations.
    ///
    /// The phrases of the lexicon's `verbs` count, and `should`, `it is recommended that` and the passive requests
    /// (`are encouraged to`); not a `should` whose subject is `they` or `it`, which speaks of something already said
    /// ("They should not be construed as endorsed by the Working Group", "It should be noted").
    static func hasRecommendingLanguage(_ tokens: [RecToken], language: RecommendingLanguage = .builtIn, pronoun: String? = nil) -> Bool {
        for (i, token) in tokens.enumerated() {
            guard let word = token.word else { continue }
            let next = i + 1 < tokens.count ? tokens[i + 1].word : nil
            if word == "should" {
                var b = i - 1
                while b >= 0, let w = tokens[b].word, adverbs.contains(w) { b -= 1 }
                if b >= 0, let w = tokens[b].word, w == "they" || w == "it" {
                    // In a document about one State, `It should also include ...` is the State's (not `It should be noted`).
                    let v = skipAdverbs(tokens, from: i + 1)
                    if pronoun != nil, w == "it", v < tokens.count, tokens[v].word != "be" { return true }
                    continue
                }
                // An indirect question reports, it does not recommend: `decide whether detained persons should receive ...`.
                var c = i - 1
                while c >= 0, tokens[c] != .hardBreak, tokens[c].word.map({ !clauseWords.contains($0) && $0 != "whether" }) ?? true { c -= 1 }
                if c >= 0, let w = tokens[c].word, w == "whether" || w == "if" { continue }
                return true
            }
            if RecommendingLanguage.match(language.verbs, tokens, at: i) != nil { return true }
            if word == "recommended" && next == "that" { return true }
            // `It is urgent that|to`, `would like to suggest that`; `X must|needs to|has to` when X is an addressee.
            if word == "it", next == "is", i + 2 < tokens.count {
                let a = skipAdverbs(tokens, from: i + 2)
                if a + 1 < tokens.count, let adjective = tokens[a].word, urgencyWords.contains(adjective),
                   tokens[a + 1].word == "that" || tokens[a + 1].word == "to" { return true }
            }
            if recommendingVerb(tokens, at: i, language: language) != nil { return true }
            if word != "should", isModal(word, next: next), !modalSubjects(tokens, modal: i).isEmpty { return true }
            if (word == "is" || word == "are"), reporterPassive(tokens, from: i + 1, language: language) != nil { return true }
        }
        return false
    }

    /// The parts of the subjects of a text's modals that name no addressee of the vocabulary, when the same subject
    /// names one: "minority groups" and "regional mechanisms" in `Governments, national human rights institutions,
    /// minority groups, civil society organizations and regional mechanisms should`. A subject that names none
    /// (`All actors concerned should`) is not listed: the record is then `not-specified`, which has its own note.
    static func unlistedParts(in tokens: [RecToken]) -> [String] {
        var parts: [String] = []
        for (i, token) in tokens.enumerated() {
            guard let word = token.word, isModal(word, next: i + 1 < tokens.count ? tokens[i + 1].word : nil) else { continue }
            let (slugs, unlisted) = subjectParts(tokens, before: i)
            if !slugs.isEmpty { parts += unlisted.filter { !parts.contains($0) } }
        }
        return parts
    }

    // MARK: - Shape 1: modals

    static func isModal(_ word: String, next: String?) -> Bool {
        switch word {
        case "should", "must", "shall": return true
        case "ought": return next == "to"
        case "may": return next == "wish"
        // `States need to`, `the Government has to be`: recommending language beyond the verbs (issue 21).
        case "need", "needs", "has", "have": return next == "to"
        default: return false
        }
    }

    /// Modals of two words: `ought to`, `may wish`, `needs to`, `has to`.
    static let twoWordModals: Set<String> = ["ought", "may", "need", "needs", "has", "have"]

    static func modalSubjects(_ tokens: [RecToken], modal m: Int, pronoun: String? = nil) -> [String] {
        var j = skipAdverbs(tokens, from: m + 1)
        if let w = tokens[m].word, twoWordModals.contains(w) {
            j = skipAdverbs(tokens, from: m + 2)
            // `have to date`, `has to do with`: not a modal.
            if j < tokens.count, let after = tokens[j].word, after == "date" || after == "do" { return [] }
        }
        guard j < tokens.count, tokens[j].word == "be" else { return backwardSubject(tokens, before: m, pronoun: pronoun) }
        let p = skipAdverbs(tokens, from: j + 1)
        guard p < tokens.count, let participle = tokens[p].word, isPassiveParticiple(participle) else {
            return backwardSubject(tokens, before: m, pronoun: pronoun)
        }
        let by = agent(tokens, after: p)
        // `the State party's reports should be made available`: the passive's subject belongs to the State.
        return by.isEmpty ? possessiveOwner(tokens, before: m) : by
    }

    /// The State whose thing is the subject of a passive: `the State party's legislation` before index `m`, in its clause.
    static func possessiveOwner(_ tokens: [RecToken], before m: Int) -> [String] {
        var k = m - 1
        while k > 0, tokens[k] != .hardBreak, tokens[k].word.map({ !clauseWords.contains($0) }) ?? true {
            if tokens[k].word == "'s", case .addressee(let slug) = tokens[k - 1], slug == "states" { return [slug] }
            k -= 1
        }
        return []
    }

    /// `... by Governments, NGOs and international organizations`, a few words after the participle,
    /// in the same clause.
    static func agent(_ tokens: [RecToken], after p: Int) -> [String] {
        var k = p + 1
        while k < tokens.count, k <= p + 6 {
            guard let w = tokens[k].word else { return [] }
            if w == "by" { return forwardList(tokens, from: k + 1).slugs }
            k += 1
        }
        return []
    }

    // MARK: - Shapes 2 and 3: recommending verbs

    /// When a recommending verb starts at `i`, the index after it (and after `to` in `recommends to`).
    /// The verbs are the lexicon's (`recommending-verbs.yml`, `verbs`); the base forms in the reporter's voice and
    /// `it is recommended that` are grammar, read here.
    static func recommendingVerb(_ tokens: [RecToken], at i: Int, language: RecommendingLanguage = .builtIn) -> Int? {
        guard let word = tokens[i].word else { return nil }
        let next = i + 1 < tokens.count ? tokens[i + 1].word : nil
        if let length = RecommendingLanguage.match(language.verbs, tokens, at: i) { return i + length }
        switch word {
        case "recommend", "urge", "encourage", "invite", "request", "call", "suggest":
            // Only in the reporter's voice: `would like to encourage`, `wishes to recommend`
            // (not `measures to encourage NGOs to`, nor `that the Council request the Secretary-General to`).
            guard i >= 2, tokens[i - 1].word == "to", ["like", "wishes", "wish", "wants", "want"].contains(tokens[i - 2].word ?? "") else { return nil }
            if word == "call" { return next == "upon" || next == "on" ? i + 2 : nil }
            return i + 1
        case "recommended" where next == "that" && i > 0 && (tokens[i - 1].word == "is" || tokens[i - 1].word == "also"):
            return i + 1
        default:
            return nil
        }
    }

    static func verbSubjects(_ tokens: [RecToken], after: Int, pronoun: String? = nil) -> [String] {
        var j = skipAdverbs(tokens, from: after)
        // `recommends in particular that`, `recommends, in particular, that`, `urges, inter alia, States to`.
        while j < tokens.count {
            if tokens[j] == .softBreak { j += 1 } else if tokens[j].word == "in", j + 1 < tokens.count, tokens[j + 1].word == "particular" {
                j = skipAdverbs(tokens, from: j + 2)
            } else { break }
        }
        if j < tokens.count, tokens[j].word == "to" { j += 1 }   // `recommends to Governments that they ...`
        guard j < tokens.count else { return [] }
        if tokens[j].word == "that" { return thatClause(tokens, from: j + 1, pronoun: pronoun) }
        // `urges it to take more resolute measures`: in a document about one State, the State.
        if let pronoun, tokens[j].word == "it", j + 1 < tokens.count, tokens[j + 1].word == "to" { return [pronoun] }
        return objectSubjects(tokens, from: j)
    }

    /// The subjects of a that-clause from index `k` (after `that`): `that the State party ensure` -> states. A clause
    /// whose verb is a modal is left to shape 1; one in the passive subjunctive has none, unless what it is about belongs
    /// to the State (`that the State party's reports be made available`).
    static func thatClause(_ tokens: [RecToken], from k: Int, pronoun: String? = nil) -> [String] {
        guard k < tokens.count else { return [] }
        // `recommends that it consider`: in a document about one State, the State.
        if let pronoun, tokens[k].word == "it", k + 1 < tokens.count, let verb = tokens[k + 1].word,
           !isModal(verb, next: k + 2 < tokens.count ? tokens[k + 2].word : nil), verb != "is", verb != "be" { return [pronoun] }
        let (slugs, end) = forwardList(tokens, from: k)
        if slugs.isEmpty {
            // `that the State party's reports be made available`.
            var e = end
            guard e < tokens.count, case .addressee(let owner) = tokens[e], owner == "states", e + 1 < tokens.count, tokens[e + 1].word == "'s" else { return [] }
            e += 2
            while e < tokens.count, tokens[e] != .hardBreak, tokens[e] != .softBreak {
                if tokens[e].word == "be" {
                    let p = skipAdverbs(tokens, from: e + 1)
                    if p < tokens.count, let w = tokens[p].word, isPassiveParticiple(w) { return [owner] }
                    return []
                }
                e += 1
            }
            return []
        }
        let v = skipAdverbs(tokens, from: end)
        if v < tokens.count, let verb = tokens[v].word {
            let next = v + 1 < tokens.count ? tokens[v + 1].word : nil
            if isModal(verb, next: next) { return [] }        // shape 1 reads it, passive included
            if verb == "be" {
                let p = skipAdverbs(tokens, from: v + 1)
                if p < tokens.count, let w = tokens[p].word, isPassiveParticiple(w) { return [] }
            }
        }
        return slugs
    }

    /// The addressees in the object of `urges|encourages|calls upon ... to <verb>`: the conjuncts of the object
    /// headed by an alias (`the international community and the United Nations agencies to`), and the items
    /// after it that are aliases (`OHCHR, IOM, ILO and UNIFEM to`). Without an infinitive, or with a clause in
    /// the object, only aliases that start it count (`recommends increased international assistance`: none).
    static func objectSubjects(_ tokens: [RecToken], from j: Int) -> [String] {
        var t = j
        while t < tokens.count, tokens[t] != .hardBreak {
            if t > j, tokens[t].word == "to", t + 1 < tokens.count, tokens[t + 1].word != nil { break }
            t += 1
        }
        var object = Array(tokens[j..<min(t, tokens.count)])
        guard t < tokens.count, tokens[t].word == "to",
              !object.contains(where: { $0.word.map(clauseWords.contains) ?? false }) else {
            return forwardList(tokens, from: j).slugs
        }
        while let last = object.last?.word, adverbs.contains(last) { object.removeLast() }
        var pieces: [[RecToken]] = [[]]
        for token in object {
            if token == .softBreak { pieces.append([]) } else { pieces[pieces.count - 1].append(token) }
        }
        var found = headSubjects(pieces[0])
        for piece in pieces.dropFirst() {
            let slugs = pureList(piece)
            guard !slugs.isEmpty else { break }
            found += slugs
        }
        return found
    }

    /// `is|are (also) encouraged|urged|invited|requested|called upon to` (the lexicon's `passives`): the index after `to`.
    static func reporterPassive(_ tokens: [RecToken], from i: Int, language: RecommendingLanguage = .builtIn) -> Int? {
        var j = skipAdverbs(tokens, from: i)
        guard let length = RecommendingLanguage.match(language.passives, tokens, at: j) else { return nil }
        j += length
        guard j < tokens.count, tokens[j].word == "to" else { return nil }
        return j + 1
    }

    /// A list of aliases from `i`: aliases, with fillers (`the`, `all`, `United Nations` ...), commas and
    /// conjunctions between them. Stops at the first other word; an alias followed by `'s` is a possessive,
    /// not a subject, and ends the list.
    static func forwardList(_ tokens: [RecToken], from i: Int) -> (slugs: [String], end: Int) {
        var slugs: [String] = []
        var k = i
        while k < tokens.count {
            if case .addressee(let slug) = tokens[k] {
                if k + 1 < tokens.count, tokens[k + 1].word == "'s" { break }
                slugs.append(slug)
                k += 1
            } else if tokens[k] == .softBreak {
                k += 1
            } else if let n = coordinatorLength(tokens, at: k) ?? fillerLength(tokens, at: k) {
                k += n
            } else {
                break
            }
        }
        return (slugs, k)
    }

    // MARK: - Word classes

    static func skipAdverbs(_ tokens: [RecToken], from i: Int) -> Int {
        var j = i
        while j < tokens.count, let w = tokens[j].word, adverbs.contains(w) || (w.count > 4 && w.hasSuffix("ly") && !notAdverbs.contains(w)) {
            j += 1
        }
        return j
    }

    static func isPassiveParticiple(_ word: String) -> Bool {
        if activeParticiples.contains(word) { return false }
        if irregularParticiples.contains(word) { return true }
        return word.count > 4 && word.hasSuffix("ed")
    }

    static func coordinatorLength(_ tokens: [RecToken], at i: Int) -> Int? {
        guard let w = tokens[i].word else { return nil }
        if w == "and" || w == "or" || w == "and/or" { return 1 }
        if w == "as", i + 2 < tokens.count, tokens[i + 1].word == "well", tokens[i + 2].word == "as" { return 3 }
        return nil
    }

    static func fillerLength(_ tokens: [RecToken], at i: Int) -> Int? {
        guard let w = tokens[i].word else { return nil }
        let next = i + 1 < tokens.count ? tokens[i + 1].word : nil
        if w == "united" && next == "nations" { return 2 }
        if w == "in" && next == "particular" { return 2 }
        return fillers.contains(w) ? 1 : nil
    }

    static let fillers: Set<String> = [
        "the", "all", "any", "every", "each", "both", "other", "relevant", "concerned", "respective", "individual",
        "its", "their", "his", "her", "also", "especially", "particularly", "notably", "including", "national", "un",
        "regional", "local", "federal", "provincial", "municipal",
    ]
    static let clauseWords: Set<String> = [
        "that", "which", "who", "whom", "whose", "where", "whereby", "when", "whenever", "while", "whilst", "whereas",
        "if", "unless", "because", "since", "although", "though", "but", "thus", "therefore", "hence",
        "however", "moreover", "furthermore", "then",
    ]
    static let relativeVerbs: Set<String> = [
        "have", "has", "had", "are", "is", "were", "was", "do", "does", "did", "host", "receive", "send", "wish",
        "intend", "already", "still", "not", "may", "can", "could", "continue",
    ]
    static let leadingConjunctions: Set<String> = ["and", "or", "but", "also", "further", "finally", "nor"]
    static let prepositions: Set<String> = [
        "of", "in", "at", "on", "for", "from", "with", "within", "between", "among", "amongst", "by", "to", "under",
        "through", "throughout", "into", "onto", "upon", "including", "like", "without", "across", "against", "about",
        "over", "towards", "toward", "during", "after", "before", "via", "per", "regarding", "concerning", "beyond",
        "outside", "inside", "despite", "than", "such", "as",
    ]
    /// Words after the head noun that leave it the head: `the States concerned`, `States parties`.
    static let postModifiers: Set<String> = ["concerned", "themselves", "alike", "involved", "parties", "members", "together"]
    static let adverbs: Set<String> = [
        "also", "not", "never", "further", "therefore", "thus", "more", "still", "only", "then", "now", "first",
        "always", "soon", "again", "inter", "alia", "hence", "urgently", "strongly", "immediately", "duly",
    ]
    static let notAdverbs: Set<String> = ["apply", "supply", "comply", "reply", "family", "italy", "assembly", "july", "early", "anomaly"]
    /// Participles after `be` that say what the subject itself does or is: `should be involved in such efforts`.
    static let activeParticiples: Set<String> = [
        "involved", "engaged", "prepared", "committed", "dedicated", "guided", "determined", "equipped", "united",
        "concerned", "interested",
    ]
    static let irregularParticiples: Set<String> = [
        "given", "taken", "seen", "made", "done", "held", "set", "put", "kept", "built", "brought", "sought", "taught",
        "led", "paid", "met", "sent", "spent", "shown", "known", "drawn", "thought", "found", "told", "understood",
        "undertaken", "withdrawn", "bound", "written", "chosen", "driven", "overseen", "borne", "heard", "laid",
        "lost", "read", "won", "upheld", "withheld", "begun", "broken", "spoken", "stolen", "forgotten", "hidden",
    ]
}
