import ReportSiteCore
import Yams

/// `content/recommending-verbs.yml`: the words by which a report asks someone to act (contract, section 5), as data,
/// so that a publisher can add a verb without a new release. Each list holds phrases, matched case-insensitively
/// as whole words; a missing file, or a missing list, is the built-in list (the same as the shipped file).
///
/// - `verbs`: the reporter asks, and the addressee follows: "urges States to", "recommends that the State party ...",
///   "reiterates his call upon States to", "reminds States of their duty to".
/// - `passives`: the addressee is the subject of a passive request: "States are encouraged to", "The State party is
///   invited to".
/// - `imperatives`: verbs that begin an item of a chapeau or a review's list: "(a) Ratify ...", "121.1 Ratify ...".
///   Such an item is a recommendation of whoever the chapeau, a lead-in or a heading names.
/// - `lead_ins`: a phrase after which a paragraph names the addressee of what follows it: "the Special Rapporteur
///   submits the following recommendations to States".
/// - `under_review`: a lead-in of a Universal Periodic Review report, followed by the name of the State under review:
///   "enjoy the support of Slovenia". The items after it are addressed to States.
package struct RecommendingLanguage: Sendable, Equatable {
    public var verbs: [[String]]
    public var passives: [[String]]
    public var imperatives: Set<String>
    public var leadIns: [[String]]
    public var underReview: [[String]]

    public init(verbs: [String], passives: [String], imperatives: [String], leadIns: [String], underReview: [String]) {
        self.verbs = Self.phrases(verbs)
        self.passives = Self.phrases(passives)
        self.imperatives = Set(imperatives.flatMap(Self.words))
        self.leadIns = Self.phrases(leadIns)
        self.underReview = Self.phrases(underReview)
    }

    /// Phrases as lowercase words, longest first (so that `calls upon` is tried before `calls`), duplicates dropped.
    static func phrases(_ list: [String]) -> [[String]] {
        var seen: Set<[String]> = []
        return list.map(words).filter { !$0.isEmpty && seen.insert($0).inserted }
            .enumerated().sorted { $0.element.count != $1.element.count ? $0.element.count > $1.element.count : $0.offset < $1.offset }
            .map(\.element)
    }

    static func words(_ phrase: String) -> [String] {
        RecTokenizer.tokens(phrase).compactMap(\.word)
    }

    /// The phrase of `list` that starts at `i`, as its length in tokens.
    static func match(_ list: [[String]], _ tokens: [RecToken], at i: Int) -> Int? {
        guard i < tokens.count, let first = tokens[i].word else { return nil }
        outer: for phrase in list where phrase[0] == first && i + phrase.count <= tokens.count {
            for (k, w) in phrase.enumerated().dropFirst() where tokens[i + k].word != w { continue outer }
            return phrase.count
        }
        return nil
    }

    /// Every phrase of every list, in a fixed order: what a page's fingerprint is made of.
    package var fingerprintFields: [String] {
        [verbs, passives, imperatives.sorted().map { [$0] }, leadIns, underReview].flatMap { list in
            ["|"] + list.map { $0.joined(separator: " ") }
        }
    }

    /// The lists of the shipped `content/recommending-verbs.yml`.
    public static let builtIn = RecommendingLanguage(
        verbs: ["recommends", "urges", "encourages", "invites", "requests", "calls upon", "calls on", "appeals to", "exhorts",
                "reiterates his call upon", "reiterates her call upon", "reiterates its call upon", "reiterates their call upon",
                "reiterates his call on", "reiterates her call on", "reiterates its call on", "reminds"],
        passives: ["encouraged", "urged", "invited", "requested", "called upon", "called on", "exhorted"],
        imperatives: [
            "abolish", "accede", "adopt", "allocate", "amend", "apply", "avoid", "build", "collect", "combat", "complete",
            "consider", "continue", "cooperate", "create", "criminalize", "decriminalize", "develop", "disseminate", "eliminate",
            "encourage", "end", "enforce", "engage", "enhance", "ensure", "establish", "expand", "expedite", "extend", "facilitate",
            "finalize", "foster", "guarantee", "harmonize", "implement", "improve", "include", "incorporate", "increase", "integrate",
            "intensify", "introduce", "investigate", "invest", "involve", "issue", "launch", "maintain", "mainstream", "monitor",
            "pursue", "prevent", "prioritize", "proceed", "prohibit", "promote", "prosecute", "protect", "provide", "ratify",
            "recognize", "reduce", "refrain", "regularize", "reinforce", "remove", "repeal", "respect", "review", "revise", "seek",
            "set", "share", "step", "strengthen", "support", "take", "train", "undertake", "uphold", "withdraw", "work",
        ],
        leadIns: ["submits the following recommendations to", "makes the following recommendations to",
                  "addresses the following recommendations to", "offers the following recommendations to",
                  "proposes the following to", "recommends the following to", "following recommendations are addressed to"],
        underReview: ["enjoy the support of", "enjoys the support of", "did not enjoy the support of", "will be examined by",
                      "have been examined by", "has been examined by", "were examined by", "have been noted by", "were noted by"])

    static func read(_ file: SourceFile?, diagnostics: DiagnosticEngine) -> RecommendingLanguage {
        guard let file else { return .builtIn }
        let (node, valid) = ConfigYAML.compose(file, name: "recommending-verbs.yml", diagnostics: diagnostics)
        guard valid else { return .builtIn }
        guard let mapping = node?.mapping else {
            diagnostics.error(.invalidConfiguration, file: file.path, at: SourcePosition(line: 1, column: 1),
                              "recommending-verbs.yml must be a mapping of lists: verbs, passives, imperatives, lead_ins, under_review")
            return .builtIn
        }
        let known = ["verbs", "passives", "imperatives", "lead_ins", "under_review"]
        var lists: [String: [String]] = [:]
        for (key, value) in mapping {
            let at = SourcePosition(line: key.mark?.line ?? 1, column: key.mark?.column ?? 1)
            guard let name = key.string, known.contains(name) else {
                diagnostics.warning(.invalidConfiguration, file: file.path, at: at, "recommending-verbs.yml: unknown list '\(key.string ?? "?")'",
                                    hint: "the lists are \(known.joined(separator: ", "))")
                continue
            }
            guard let items = value.sequence else {
                diagnostics.error(.invalidConfiguration, file: file.path, at: at, "recommending-verbs.yml: '\(name)' must be a list of phrases")
                continue
            }
            lists[name] = items.compactMap(\.string)
        }
        let b = builtIn
        func or(_ name: String, _ fallback: [[String]]) -> [String] { lists[name] ?? fallback.map { $0.joined(separator: " ") } }
        return RecommendingLanguage(verbs: or("verbs", b.verbs), passives: or("passives", b.passives),
                                    imperatives: lists["imperatives"] ?? b.imperatives.sorted(),
                                    leadIns: or("lead_ins", b.leadIns), underReview: or("under_review", b.underReview))
    }
}
