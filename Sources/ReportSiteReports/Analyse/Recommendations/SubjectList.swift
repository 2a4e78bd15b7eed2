import ReportSiteCore

/// Shape 1's subject (`SubjectFinder`): the noun phrase before a modal, its conjuncts and the list before it, and the
/// list's items that name no addressee of the vocabulary (for a note, RS706).
extension SubjectFinder {
    /// The subject before index `m`: see the type's comment.
    static func backwardSubject(_ tokens: [RecToken], before m: Int, pronoun: String? = nil) -> [String] {
        subjectParts(tokens, before: m, pronoun: pronoun).slugs
    }

    /// The subject before index `m`, and the items of its list that name no addressee of the vocabulary:
    /// `Governments, national human rights institutions, minority groups, civil society organizations and regional
    /// mechanisms should` -> states, nhris, civil-society; and "minority groups", "regional mechanisms".
    static func subjectParts(_ tokens: [RecToken], before m: Int, pronoun: String? = nil) -> (slugs: [String], unlisted: [String]) {
        var start = m
        while start > 0, tokens[start - 1] != .hardBreak { start -= 1 }
        var pieces: [[RecToken]] = [[]]
        for t in tokens[start..<m] {
            if t == .softBreak { pieces.append([]) } else { pieces[pieces.count - 1].append(t) }
        }
        var p = pieces.count - 1
        var included: [String] = []
        // `Governments, in cooperation with IOM, should`: the aside between commas is not the subject,
        // unless it adds to it: `All actors, including States and civil society, should`.
        if pieces[p].isEmpty, p >= 2 {
            let aside = pieces[p - 1]
            if let first = aside.first?.word, ["including", "particularly", "especially", "notably", "in"].contains(first) {
                included = pureList(aside)
            }
            p -= 2
        } else if pieces[p].isEmpty, p == 1 {
            p -= 1
        }
        let (head, clauseStarted) = clause(pieces[p])
        // `It should also include in its next periodic report ...`: in a document about one State, the State.
        if let pronoun, head.count == 1, head[0].word == "it" { return ([pronoun] + included, []) }
        var found = headSubjects(head)
        var unlisted: [String] = []
        // The list's last items may all be short noun phrases that name no addressee: `States, the private sector and
        // multilateral financial institutions should` (A/HRC/EMRIP/2025/3 para. 108): the list before them decides.
        var unlistedTail = false
        if found.isEmpty, let antecedent = relativeAntecedent(pieces[p]) {
            // `States that have not yet done so should`, `States which have not ratified it should`.
            found = headSubjects(clause(antecedent).tokens)
        } else if !found.isEmpty {
            unlisted = unlistedConjuncts(head)
        } else if !clauseStarted, p > 0, head.contains(where: { $0.word == "and" || $0.word == "or" }) {
            let names = conjuncts(head).map(listItemName)
            if names.count >= 2, names.allSatisfy({ $0 != nil }) { (unlisted, unlistedTail) = (names.compactMap { $0 }, true) }
        }
        found += included
        guard !found.isEmpty || unlistedTail, !clauseStarted else { return (found, found.isEmpty ? [] : unlisted) }
        // A list before it: `OHCHR, IOM, ILO and UNIFEM should`; items that name no addressee are kept as unlisted
        // while they are short noun phrases (`minority groups`), and the list stops at anything else.
        var q = p - 1
        while q >= 0 {
            let (item, started) = clause(pieces[q])
            let slugs = pureList(item)
            if !slugs.isEmpty {
                found = slugs + found
            } else if !started, let name = listItemName(item) {
                unlisted.insert(name, at: 0)
            } else {
                break
            }
            if started { break }
            q -= 1
        }
        return found.isEmpty ? ([], []) : (found, unlisted)
    }

    /// The conjuncts of a subject's noun phrase that are no alias: "regional mechanisms" in `civil society
    /// organizations and regional mechanisms`.
    static func unlistedConjuncts(_ phrase: [RecToken]) -> [String] {
        var head = phrase
        if let cut = head.firstIndex(where: { $0.word.map(prepositions.contains) ?? false }) { head = Array(head[..<cut]) }
        let parts = conjuncts(head)
        return parts.indices.compactMap { k in
            let c = parts[k]
            if case .addressee? = c.last { return nil }
            // `United Nations agencies and departments`: one noun joined to an alias shares its words (the United
            // Nations' departments), it names no other addressee.
            if c.count == 1, k > 0, case .addressee? = parts[k - 1].last { return nil }
            return listItemName(c)
        }
    }

    /// A list item that names no addressee, as text, when it is a short noun phrase: up to four words, none of them a
    /// preposition, a clause word, a conjunction, an adverb or a number (`minority groups`, `the private sector`).
    static func listItemName(_ item: [RecToken]) -> String? {
        var words: [String] = []
        for t in item {
            guard let w = t.word else { return nil }
            // `other entities working on minority issues`: the participle begins what describes the item.
            if !words.isEmpty, w.count > 4, w.hasSuffix("ing") { break }
            if prepositions.contains(w) || clauseWords.contains(w) || leadingConjunctions.contains(w) || adverbs.contains(w)
                || (w.count > 4 && w.hasSuffix("ly") && !notAdverbs.contains(w)) || w.contains(where: \.isNumber) || w == "'s" { return nil }
            words.append(w)
        }
        while let first = words.first, ["the", "all", "any", "every", "each", "both"].contains(first) { words.removeFirst() }
        // `other stakeholders`, `other relevant actors`: the rest of the world, not an addressee to add.
        guard !words.isEmpty, words.count <= 4, words.first != "other" else { return nil }
        return words.joined(separator: " ")
    }

    /// The part of a piece after the last word that starts a clause, leading conjunctions dropped;
    /// and whether such a word was there.
    static func clause(_ piece: [RecToken]) -> (tokens: [RecToken], started: Bool) {
        var tokens = piece
        var started = false
        if let last = tokens.lastIndex(where: { $0.word.map(clauseWords.contains) ?? false }) {
            tokens = Array(tokens[(last + 1)...])
            started = true
        }
        while let first = tokens.first?.word, leadingConjunctions.contains(first) { tokens.removeFirst() }
        return (tokens, started)
    }

    /// The tokens before a relative clause that ends a piece: `States` in `States that have not yet done so`.
    /// `that` counts only before a verb (`States that have`, not `informs States that migrants`), and only
    /// the clause that runs up to the modal (not `thanks States that have replied and recommends that others should`).
    static func relativeAntecedent(_ piece: [RecToken]) -> [RecToken]? {
        guard let r = piece.lastIndex(where: { $0.word.map(clauseWords.contains) ?? false }), r > 0,
              case .addressee = piece[r - 1], let word = piece[r].word else { return nil }
        let next = r + 1 < piece.count ? piece[r + 1].word : nil
        guard word == "which" || word == "who" || (word == "that" && next.map(relativeVerbs.contains) == true) else { return nil }
        return Array(piece[..<r])
    }

    /// Nouns that, after an alias, name the addressee's own bodies or people.
    static let collectiveNouns: Set<String> = ["bodies", "entities", "organs", "agencies", "officials", "staff"]

    static func isAddressee(_ token: RecToken) -> Bool {
        if case .addressee = token { return true }
        return false
    }

    /// The aliases heading the conjuncts of a noun phrase: `States and civil society` -> states, civil-society;
    /// `Member States and other stakeholders` -> states; `the work of the GMG` -> none.
    static func headSubjects(_ phrase: [RecToken]) -> [String] {
        var head = phrase
        if let cut = head.firstIndex(where: { $0.word.map(prepositions.contains) ?? false }) {
            head = Array(head[..<cut])
        }
        var found: [String] = []
        for conjunct in conjuncts(head) {
            var c = conjunct
            // `States concerned`; `United Nations bodies` (A/HRC/EMRIP/2025/3 para. 110), `Government officials`: the
            // addressee's own bodies or people.
            while let last = c.last?.word, postModifiers.contains(last)
                    || (collectiveNouns.contains(last) && c.count >= 2 && isAddressee(c[c.count - 2])) { c.removeLast() }
            if case .addressee(let slug)? = c.last { found.append(slug) }
        }
        return found
    }

    static func conjuncts(_ tokens: [RecToken]) -> [[RecToken]] {
        var result: [[RecToken]] = [[]]
        var i = 0
        while i < tokens.count {
            if let n = coordinatorLength(tokens, at: i) {
                result.append([])
                i += n
            } else {
                result[result.count - 1].append(tokens[i])
                i += 1
            }
        }
        return result.filter { !$0.isEmpty }
    }

    /// The slugs of a phrase made only of aliases, fillers and conjunctions; empty otherwise.
    static func pureList(_ tokens: [RecToken]) -> [String] {
        let (slugs, end) = forwardList(tokens, from: 0)
        return end == tokens.count ? slugs : []
    }
}
