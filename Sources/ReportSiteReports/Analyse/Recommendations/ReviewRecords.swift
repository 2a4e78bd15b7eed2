import ReportSiteCore

/// What the Universal Human Rights Index and UPR Info record of a Universal Periodic Review recommendation,
/// besides its addressees (contract, section 5): the State concerned, the recommending States in brackets at
/// its end, and the position of the State under review with the paragraph that states it.
///
/// Within one report (`annotate`): the State concerned from the front matter; each decimal item's recommending
/// States ("121.1 Ratify ... (France) (Lithuania);"); its position from the lead-in of its paragraph ("The
/// following recommendations ... enjoy the support of Slovenia:" is supported, "... will be examined by
/// Slovenia" pending, "did not enjoy the support" noted). Across reports (`ReviewStatements`, applied in the
/// link stage): the addendum with the State's views names recommendations by number ("The Government accepts
/// the following recommendations 122.1, 122.12, 122.17-18"), and its word wins.
package enum ReviewRecords {
    static func annotate(_ records: [Recommendation], report: Report, states: StateVocabulary, diagnostics: DiagnosticEngine) -> [Recommendation] {
        let country = report.metadata.country.map { states.state(named: $0) ?? $0 }
        // Only the paragraphs whose decimal items have records are read for a lead-in (this runs for every report).
        let withItems = Set(records.compactMap { decimalItem($0.paragraph)?.0 })
        var chapeaus: [Int: (position: Recommendation.ReviewPosition?, anchor: String?)] = [:]
        // An item's recommending States close its own text, its first block: what follows it in the file (a note
        // the page printed under it) is not read for them.
        var itemTexts: [String: String] = [:]
        for p in report.paragraphs where withItems.contains(p.number) {
            let blocks = p.content.compactMap { part -> Block? in if case .block(let b) = part { return b } else { return nil } }
            chapeaus[p.number] = (position(inLeadIn: RecommendationText.text(of: blocks)), p.anchor)
            let subs = p.content.compactMap { part -> SubParagraph? in if case .subParagraph(let s) = part { return s } else { return nil } }
            // An item's line that begins like a lettered sub-paragraph ("(b) and 3 of the ICCPR ... (South Africa);") ends it.
            for (s, continuation) in ItemContinuation.joined(subs) {
                guard let first = s.content.first else { continue }
                itemTexts[s.anchor] = RecommendationText.join([RecommendationText.text(of: first)] + continuation.map { RecommendationText.text(of: $0) })
            }
        }
        let url = report.symbol.description + "/#"
        return records.map { record in
            var r = record
            r.country = country
            guard let (paragraph, _) = decimalItem(r.paragraph) else { return r }
            // Without states.yml no bracket can be told to be a State: none is taken, none is warned about.
            let own = itemTexts[r.anchor] ?? r.text
            let (found, unknown) = states.states.isEmpty ? ([], []) : recommendingStates(in: own, states: states)
            r.recommendedBy = found
            for bracket in unknown {
                diagnostics.warning(.unknownRecommendingState, file: report.file, at: r.position,
                                    "recommendation \(ParagraphID.display(r.paragraph)) ends with (\(bracket)), which names no State of states.yml",
                                    hint: "if it is a State, add the name as the report writes it to the State's aliases in content/states.yml")
            }
            if let lead = chapeaus[paragraph], let position = lead.position {
                r.reviewPosition = position
                r.positionSource = lead.anchor.map { url + $0 }
            }
            return r
        }
    }

    /// `121-1` -> (121, 1).
    package static func decimalItem(_ id: String) -> (Int, Int)? {
        let parts = id.split(separator: "-")
        guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]) else { return nil }
        return (a, b)
    }

    /// The position a lead-in gives the recommendations under it, if it gives one.
    static func position(inLeadIn text: String) -> Recommendation.ReviewPosition? {
        let t = text.lowercased()
        if t.contains("did not enjoy the support") || t.contains("do not enjoy the support") || t.contains("not enjoy the support")
            || t.contains("were noted") || t.contains("have been noted") || t.contains("has noted") || t.contains("will be noted")
            || t.contains("did not accept") || t.contains("was not able to support") || t.contains("could not support") {
            return .noted
        }
        if t.contains("enjoy the support") || t.contains("enjoys the support") || t.contains("have been accepted")
            || t.contains("already implemented") || t.contains("in the process of implementation") || t.contains("are supported by") {
            return .supported
        }
        if t.contains("will be examined") || t.contains("will provide responses") || t.contains("responses will be included")
            || t.contains("will examine") {
            return .pending
        }
        return nil
    }

    /// The recommending States of an item: the bracket groups at the end of each of its recommendations (an
    /// item may join several: "... (Ukraine); Increase efforts ... (Slovakia);"), in order, each once; and the
    /// text of last brackets that name no State (to be warned about).
    static func recommendingStates(in text: String, states: StateVocabulary) -> (found: [String], unknown: [String]) {
        var found: [String] = []
        var unknown: [String] = []
        let all = clauses(of: text)
        for (c, clause) in all.enumerated() {
            var rest = Substring(clause)
            var groups: [[String]] = []
            // Only the item's last bracket is warned about: one that closes an inner part ("(OP-CAT); establish ...") is text.
            var first = c == all.count - 1
            while let (inner, before) = lastBracket(of: rest) {
                // Each State as the report writes it ("Turkey" in 2014, "Türkiye" in 2024, as OHCHR's lists do), when
                // states.yml knows the name; the index's pages group them by the State's name there.
                let parts = topLevelParts(inner).flatMap { joinedStates($0, states: states) }
                let known = parts.map { states.state(named: $0) != nil }
                if known.allSatisfy({ $0 }) {
                    groups.insert(parts.map { states.spelling(of: $0) ?? $0 }, at: 0)
                } else {
                    // The last bracket of an item is its recommending States: one that names none is said; one further in is text.
                    if first, known.contains(true) || looksLikeStates(parts) {
                        unknown.append(String(inner))
                        groups.insert(zip(parts, known).filter(\.1).map { states.spelling(of: $0.0) ?? $0.0 }, at: 0)
                    }
                    break
                }
                first = false
                rest = before
            }
            for name in groups.joined() where !found.contains(where: { states.state(named: $0) == states.state(named: name) }) { found.append(name) }
        }
        return (found, unknown)
    }

    /// A part that joins States with "and" (the last two of a list: "(Cuba, Ghana and the Netherlands)", as the
    /// first cycle's reports print them) is each State, when every piece is one; a State whose name holds "and"
    /// ("Antigua and Barbuda") stays whole.
    static func joinedStates(_ part: String, states: StateVocabulary) -> [String] {
        guard states.state(named: part) == nil, part.contains(" and ") else { return [part] }
        let pieces = part.components(separatedBy: " and ").map { $0.trimmingCharacters(in: .whitespaces) }
        return pieces.allSatisfy({ states.state(named: $0) != nil }) ? pieces : [part]
    }

    /// A bracket of names: each part starts with a capital letter and holds no digit ("(Lesotho)" and "(Narnia)",
    /// not "(No. 29)" or "(the Convention)").
    static func looksLikeStates(_ parts: [String]) -> Bool {
        !parts.isEmpty && parts.allSatisfy { part in
            guard let first = part.first, first.isUppercase else { return false }
            // An abbreviation ("OP-CAT", "ICRMW") is not a State's name.
            let letters = part.filter(\.isLetter)
            guard !letters.allSatisfy(\.isUppercase) else { return false }
            return !part.contains(where: \.isNumber) && part.split(separator: " ").count <= 8
        }
    }

    /// The recommendations an item joins: cut after "(...);" where another begins ("(Armenia); continue its efforts ...").
    static func clauses(of text: String) -> [String] {
        var out: [String] = []
        var current = ""
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            current.append(chars[i])
            if chars[i] == ";", current.dropLast().trimmingCharacters(in: .whitespaces).hasSuffix(")") {
                var j = i + 1
                while j < chars.count, chars[j] == " " { j += 1 }
                if j == chars.count || chars[j].isLetter {
                    out.append(current)
                    current = ""
                }
            }
            i += 1
        }
        if !current.trimmingCharacters(in: .whitespaces).isEmpty { out.append(current) }
        return out
    }

    /// The text inside the last balanced bracket group at the end of `text` (after `;`, `.` and spaces), and
    /// what comes before it.
    static func lastBracket(of text: Substring) -> (inner: Substring, before: Substring)? {
        var t = text
        while let last = t.last, last == ";" || last == "." || last == "," || last.isWhitespace { t.removeLast() }
        guard t.last == ")" else { return nil }
        var depth = 0
        var i = t.index(before: t.endIndex)
        while true {
            if t[i] == ")" { depth += 1 } else if t[i] == "(" { depth -= 1 }
            if depth == 0 { break }
            guard i > t.startIndex else { return nil }
            i = t.index(before: i)
        }
        let inner = t[t.index(after: i)..<t.index(before: t.endIndex)]
        return (inner, t[..<i])
    }

    /// "Argentina, Venezuela (Bolivarian Republic of)" -> ["Argentina", "Venezuela (Bolivarian Republic of)"].
    static func topLevelParts(_ inner: Substring) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for c in inner {
            if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
            if c == ",", depth == 0 {
                parts.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        parts.append(current)
        return parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// What an addendum with the views of the State under review says of the recommendations, by number: each
/// sentence that names recommendations and takes a position on them ("The Government accepts the following
/// recommendations 122.1, 122.12, 122.17-18 ...", "Slovenia notes recommendations 122.2-122.10").
package struct ReviewStatement: Hashable, Sendable, Codable {
    public var position: Recommendation.ReviewPosition
    /// Paragraph ids of the recommendations it names: `122-1`, `122-17`, `122-18`.
    public var items: [String]
    /// The anchor of the paragraph that says it (`para-3`).
    public var anchor: String
}

extension ReviewStatement {
    /// The statements of a report's numbered paragraphs, for a report whose symbol is an addendum (`.../Add.1`).
    static func statements(in report: Report) -> [ReviewStatement] {
        guard report.symbol.description.contains("/Add.") else { return [] }
        var found: [ReviewStatement] = []
        // A paragraph whose number repeats another's has no anchor of its own (RS102 says so): its statements still
        // count, linked to the paragraph before it.
        var lastAnchor: String?
        for p in report.paragraphs {
            guard let anchor = p.anchor ?? lastAnchor else { continue }
            lastAnchor = anchor
            var texts: [String] = []
            for part in p.content {
                switch part {
                case .block(let b): texts.append(RecommendationText.text(of: b))
                case .subParagraph(let s): texts.append(RecommendationText.text(of: s))
                }
            }
            for sentence in sentences(RecommendationText.join(texts)) {
                // Each part of a sentence from one position word to the next: "accepts 122.1 and notes 122.2".
                for (position, part) in clauses(sentence) {
                    let items = numbers(in: part)
                    if !items.isEmpty { found.append(ReviewStatement(position: position, items: items, anchor: anchor)) }
                }
            }
        }
        return found
    }

    /// Sentences, cut at a full stop followed by a space and a capital letter (not inside "122.1").
    static func sentences(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        let chars = Array(text)
        for (i, c) in chars.enumerated() {
            current.append(c)
            if c == ".", i + 2 < chars.count, chars[i + 1] == " ", chars[i + 2].isUppercase {
                out.append(current)
                current = ""
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// The words that take a position, longest first (so that "does not support" is not read as "support").
    static let positionWords: [(String, Recommendation.ReviewPosition)] = [
        ("not able to support", .noted), ("does not support", .noted), ("do not support", .noted), ("did not support", .noted),
        ("cannot support", .noted), ("could not support", .noted), ("does not accept", .noted), ("do not accept", .noted),
        ("cannot accept", .noted), ("not accepted", .noted), ("takes note", .noted), ("take note", .noted), ("rejects", .noted),
        ("rejected", .noted), ("notes", .noted), ("noted", .noted),
        ("accepts", .supported), ("accepted", .supported), ("accept", .supported), ("supports", .supported), ("supported", .supported),
        ("support", .supported),
    ]

    /// The parts of a sentence, each from a position word to the next, with that word's position; what comes
    /// before the first goes with it. Empty when the sentence takes no position.
    static func clauses(_ sentence: String) -> [(Recommendation.ReviewPosition, String)] {
        let lower = Array(sentence.lowercased())
        var marks: [(offset: Int, end: Int, position: Recommendation.ReviewPosition)] = []
        var i = 0
        while i < lower.count {
            let boundary = i == 0 || !lower[i - 1].isLetter
            var matched = false
            if boundary {
                for (word, position) in positionWords {
                    let w = Array(word)
                    guard i + w.count <= lower.count, Array(lower[i..<(i + w.count)]) == w,
                          i + w.count == lower.count || !lower[i + w.count].isLetter else { continue }
                    marks.append((i, i + w.count, position))
                    i += w.count
                    matched = true
                    break
                }
            }
            if !matched { i += 1 }
        }
        guard !marks.isEmpty else { return [] }
        let chars = Array(sentence)
        return marks.enumerated().map { k, mark in
            let start = k == 0 ? 0 : mark.offset
            let end = k + 1 < marks.count ? marks[k + 1].offset : chars.count
            return (mark.position, String(chars[start..<end]))
        }
    }

    /// The position a sentence takes, when it takes one (the first position word's).
    static func position(of sentence: String) -> Recommendation.ReviewPosition? { clauses(sentence).first?.0 }

    /// The recommendation numbers of a sentence as paragraph ids: "122.1, 122.17-18, 122.34- 35, 122.14–122.16"
    /// and, where extraction lost a hyphen at a line's end, "122.6266" (122.62-66) and "122.91104" (122.91-104).
    static func numbers(in sentence: String) -> [String] {
        var out: [String] = []
        let chars = Array(sentence)
        var i = 0
        func digits(_ from: Int) -> (String, Int) {
            var j = from
            while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
            return (String(chars[from..<j]), j)
        }
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber, i == 0 || !(chars[i - 1].isNumber || chars[i - 1] == ".") else { i += 1; continue }
            let (para, afterPara) = digits(i)
            guard para.count <= 3, afterPara < chars.count, chars[afterPara] == ".",
                  afterPara + 1 < chars.count, chars[afterPara + 1].isASCII, chars[afterPara + 1].isNumber else { i = afterPara; continue }
            let (item, afterItem) = digits(afterPara + 1)
            i = afterItem
            var first = Int(item) ?? 0
            var last = first
            if item.count > 3 {
                // A range whose hyphen was lost: the split with both parts of at most three digits, rising, nearest.
                var best: (Int, Int)?
                for cut in 1..<item.count {
                    let a = Int(item.prefix(cut)) ?? 0, b = Int(item.dropFirst(cut)) ?? 0
                    guard cut <= 3, item.count - cut <= 3, !item.dropFirst(cut).hasPrefix("0"), a < b else { continue }
                    if best == nil || b - a < best!.1 - best!.0 { best = (a, b) }
                }
                guard let (a, b) = best else { continue }
                (first, last) = (a, b)
            } else {
                // A range: "-18", "- 35", "–122.16".
                var j = afterItem
                while j < chars.count, chars[j] == " " { j += 1 }
                if j < chars.count, chars[j] == "-" || chars[j] == "–" {
                    j += 1
                    while j < chars.count, chars[j] == " " { j += 1 }
                    let (n1, after1) = digits(j)
                    if !n1.isEmpty {
                        if after1 < chars.count, chars[after1] == ".", after1 + 1 < chars.count, chars[after1 + 1].isNumber {
                            let (n2, after2) = digits(after1 + 1)
                            if n1 == para, let end = Int(n2), end > first { last = end; i = after2 }
                        } else if let end = Int(n1), end > first, n1.count <= 3 {
                            last = end
                            i = after1
                        }
                    }
                }
            }
            guard first > 0, last - first <= 500 else { continue }
            for n in first...last { out.append("\(para)-\(n)") }
        }
        return out.isEmpty ? bareNumbers(in: sentence) : out
    }

    /// Recommendations named by their number alone, as the second cycle's addenda do ("accepts the
    /// recommendations 1–5, 14– 16, 20–23"): only in a list right after "recommendation(s)" or "Rec(s).", so that
    /// "accepts 142 recommendations" names none. Written `#1` ... for the link stage to find in the report.
    static func bareNumbers(in sentence: String) -> [String] {
        var out: [String] = []
        let words = ["recommendations", "recommendation", "recs.", "rec."]
        let lower = Array(sentence.lowercased())
        let chars = Array(sentence)
        var i = 0
        while i < lower.count {
            guard let word = words.first(where: { w in
                let w = Array(w)
                return i + w.count <= lower.count && Array(lower[i..<(i + w.count)]) == w && (i == 0 || !lower[i - 1].isLetter)
            }) else { i += 1; continue }
            var j = i + word.count
            func skipSpaces() { while j < chars.count, chars[j] == " " { j += 1 } }
            func number() -> Int? {
                var k = j
                while k < chars.count, chars[k].isASCII, chars[k].isNumber { k += 1 }
                guard k > j, k - j <= 3, k == chars.count || !(chars[k].isLetter || (chars[k] == "." && k + 1 < chars.count && chars[k + 1].isNumber)) else { return nil }
                defer { j = k }
                return Int(String(chars[j..<k]))
            }
            while true {
                skipSpaces()
                guard let first = number() else { break }
                var last = first
                let mark = j
                skipSpaces()
                if j < chars.count, chars[j] == "-" || chars[j] == "–" {
                    j += 1
                    skipSpaces()
                    if let end = number(), end > first, end - first <= 500 { last = end } else { j = mark }
                } else {
                    j = mark
                }
                for n in first...last { out.append("#\(n)") }
                skipSpaces()
                if j < chars.count, chars[j] == "," { j += 1; skipSpaces() }
                if j + 3 < chars.count, String(chars[j..<(j + 3)]) == "and", chars[j + 3] == " " { j += 3 }
            }
            i = max(j, i + word.count)
        }
        return out
    }
}
