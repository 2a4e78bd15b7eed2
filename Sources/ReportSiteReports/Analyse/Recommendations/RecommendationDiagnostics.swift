import ReportSiteCore

/// Runs the extractor for the build and reports what an author should know: front-matter overrides that
/// name no paragraph or an unknown addressee (errors under `--strict`), and the recommendations that ended
/// `Not specified` (one note a report, never an error, also under `--strict`: the text names no addressee,
/// which is not a mistake; an override in the front matter settles it).
struct RecommendationDiagnostics {
    let diagnostics: DiagnosticEngine

    func extract(from report: Report, vocabulary: AddresseeVocabulary, matcher: AddresseeMatcher? = nil) -> [Recommendation] {
        let known = vocabulary.entries.map(\.slug).joined(separator: ", ")
        for (key, problem, unknownSlug) in RecommendationExtractor.frontMatterProblems(in: report, vocabulary: vocabulary) {
            let at = report.metadata.addresseePositions[key] ?? SourcePosition(line: 1, column: 1)
            diagnostics.warning(.invalidAddresseeOverride, file: report.file, at: at, problem,
                                hint: unknownSlug
                                    ? "the addressee ids of content/addressees.yml are: \(known) (the override is ignored until it names one)"
                                    : "keys are paragraph ids such as \"85\" or \"91-c\"; values are slugs of content/addressees.yml")
        }
        let outcome = RecommendationExtractor.extractAll(from: report, vocabulary: vocabulary, matcher: matcher)
        let (extracted, unassigned) = (outcome.recommendations, outcome.unassigned)
        if let first = outcome.unlisted.first {
            // A note, never an error (also under --strict): the report may name whom it likes; the vocabulary decides what the index has pages for.
            let described = outcome.unlisted.map { "para. \(ParagraphID.display($0.paragraph)): \($0.parts.map { "\u{201C}\($0)\u{201D}" }.joined(separator: ", "))" }
            diagnostics.emit(Diagnostic(.note, .unlistedAddressee, file: report.file, at: first.position,
                                        "recommendations name addressees that content/addressees.yml does not have, filed only under those it has: \(described.joined(separator: "; "))",
                                        hint: "to give one a page of the index, add it (or add the words as an alias of an entry) to content/addressees.yml"))
        }
        if let first = unassigned.first {
            let ids = unassigned.map { ParagraphID.display($0.paragraph) }
            let what = unassigned.count == 1 ? "recommendation names no addressee: para. " : "recommendations name no addressee: paras. "
            diagnostics.emit(Diagnostic(.note, .unassignedRecommendation, file: report.file, at: first.position,
                                        "\(unassigned.count) \(what)\(ids.joined(separator: ", ")); the index lists them under Not specified",
                                        hint: "if the report means someone, say so in the front matter: addressees: { \"\(first.paragraph)\": [states] }"))
        }
        let records = ReviewRecords.annotate(extracted, report: report, states: vocabulary.states, diagnostics: diagnostics)
        if let country = report.metadata.country, !vocabulary.states.states.isEmpty, vocabulary.states.state(named: country) == nil {
            diagnostics.warning(.unknownCountry, file: report.file, at: report.metadata.countryPosition ?? SourcePosition(line: 1, column: 1),
                                "country '\(country)' is not a State of content/states.yml",
                                hint: "write the State's name as states.yml has it (Slovenia, Türkiye, Venezuela (Bolivarian Republic of)), or add the name to its aliases")
        }
        reportSkipped(report, records: records, imperatives: vocabulary.language.imperatives)
        reportEmptySections(report, records: records)
        return records
    }

    /// A section titled as recommendations (or concerns and recommendations, or conclusions and/or recommendations)
    /// that holds numbered paragraphs, none of which left a record (RS704): the index would say nothing of it.
    /// Only the outermost such section is reported; paragraphs the front matter names are the author's choice.
    /// In a national report no section holds recommendations (`Report.sectionKinds`): one titled as recommendations
    /// is said all the same, with the reason.
    func reportEmptySections(_ report: Report, records: [Recommendation]) {
        let national = report.isNationalReport
        let kinds = national ? report.titleKinds : report.sectionKinds
        var indexed: Set<Int> = []
        for r in records {
            let head = r.paragraph.split(separator: "-").first.map(String.init) ?? r.paragraph
            if let n = Int(head) { indexed.insert(n) }
        }
        var paragraphsIn: [Int: [NumberedParagraph]] = [:]
        for paragraph in report.paragraphs where paragraph.anchor != nil {
            for s in report.sectionChain(paragraph.section) { paragraphsIn[s, default: []].append(paragraph) }
        }
        for (s, section) in report.sections.enumerated() where kinds[s] == .recommendations || kinds[s] == .combined {
            let chain = report.sectionChain(s)
            guard !chain.dropLast().contains(where: { kinds[$0] == .recommendations || kinds[$0] == .combined }),
                  let inside = paragraphsIn[s], let first = inside.first,
                  !inside.contains(where: { indexed.contains($0.number) }),
                  !inside.contains(where: { p in report.metadata.addressees.keys.contains { $0 == "\(p.number)" || $0.hasPrefix("\(p.number)-") } })
            else { continue }
            if national {
                diagnostics.warning(.recommendationSectionEmpty, file: report.file, at: section.position,
                                    "section \"\(section.fullTitle)\" is titled as recommendations, but \(report.symbol) is a State's national report, which the index takes to make none: its \(inside.count) paragraph\(inside.count == 1 ? "" : "s") (from \(first.number)) \(inside.count == 1 ? "is" : "are") not in the recommendations index",
                                    hint: "if they are recommendations all the same, name them in the front matter: addressees: { \"\(first.number)\": [states] }; to keep them out and say so, addressees: { \"\(first.number)\": [] }")
                continue
            }
            diagnostics.warning(.recommendationSectionEmpty, file: report.file, at: section.position,
                                "section \"\(section.fullTitle)\" is titled as recommendations, but none of its \(inside.count) paragraph\(inside.count == 1 ? "" : "s") (from \(first.number)) is in the recommendations index",
                                hint: "say who is to act with recommending language (\"The Committee recommends that the State party ...\", \"States should ...\"), add the verb the report uses to content/recommending-verbs.yml, or name the paragraphs in the front matter: addressees: { \"\(first.number)\": [states] }")
        }
    }

    /// A numbered paragraph of a recommendations section that left no record in the index (RS703): in a
    /// section of recommendations, any such paragraph; in a combined `Conclusions and recommendations`
    /// section, where conclusions are left out by design, one that reads like a recommendation all the same:
    /// its text or one of its sub-paragraphs begins with a bare verb ("(a) Promote ..."). A paragraph the front
    /// matter names is the author's choice.
    func reportSkipped(_ report: Report, records: [Recommendation], imperatives: Set<String> = RecommendingLanguage.builtIn.imperatives) {
        let overrides = report.metadata.addressees
        var indexed: Set<String> = []
        for r in records {
            indexed.insert(r.paragraph)
            if let dash = r.paragraph.firstIndex(of: "-") { indexed.insert(String(r.paragraph[..<dash])) }
        }
        let kinds = report.sectionKinds
        for paragraph in report.paragraphs {
            guard let anchor = paragraph.anchor else { continue }
            let id = Anchor.paragraphID(anchor) ?? anchor
            guard !indexed.contains(id), overrides[id] == nil else { continue }
            let chain = report.sectionChain(paragraph.section)
            guard let standing = report.standingSection(chain, kinds: kinds) else { continue }
            let kind = kinds[standing]
            let section = report.sections[standing].fullTitle
            let reason: String
            switch kind {
            case .recommendations:
                reason = " but is not in the recommendations index"
            case .combined:
                guard let verb = Self.bareVerbStart(paragraph, imperatives: imperatives) else { continue }
                reason = " and reads like a recommendation (\(verb)), but it has no recommending language, so it is not in the recommendations index"
            case .conclusions, .other:
                continue
            }
            diagnostics.warning(.recommendationSkipped, file: report.file, at: paragraph.position,
                                "paragraph \(paragraph.number) stands in \"\(section)\"\(reason)",
                                hint: "say who is to act with a recommending verb (\"The Special Rapporteur recommends that States ...\", \"States should ...\"), or name it in the front matter: addressees: { \"\(id)\": [states] }")
        }
    }

    /// `its sub-paragraph (a) begins "Promote"`, when the paragraph's text or a sub-paragraph begins with a bare
    /// verb of the kind recommendations use; nil otherwise.
    static func bareVerbStart(_ paragraph: NumberedParagraph, imperatives: Set<String> = RecommendingLanguage.builtIn.imperatives) -> String? {
        func firstWord(_ text: String) -> String? {
            let words = text.split(whereSeparator: { !$0.isLetter }).prefix(2)
            guard let word = words.first, let first = word.first, first.isUppercase, imperatives.contains(word.lowercased()) else { return nil }
            // "Support for return is lacking", "Review of the law": a noun, not a verb.
            if words.count > 1, nounFollowers.contains(words[words.index(after: words.startIndex)].lowercased()) { return nil }
            return String(word)
        }
        let lead = paragraph.content.compactMap { part -> Block? in if case .block(let b) = part { return b } else { return nil } }
        if let word = firstWord(RecommendationText.text(of: lead)) { return "it begins \"\(word)\"" }
        for case .subParagraph(let sub) in paragraph.content {
            if let word = firstWord(RecommendationText.text(of: sub.content)) { return "its sub-paragraph (\(sub.label)) begins \"\(word)\"" }
        }
        return nil
    }

    /// Words after which the first word is a noun ("Support for ...", "Work on ...", "Increase in ...").
    static let nounFollowers: Set<String> = ["for", "of", "in", "on", "to", "from", "is", "was", "are", "were", "has", "have", "had", "remains", "remain", "and"]
}
