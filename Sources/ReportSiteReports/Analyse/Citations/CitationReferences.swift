import ReportSiteCore

/// Resolutions and decisions by number ("General Assembly resolution 57/218") and chapters and sections
/// of the same report ("chapter IV", "section III.B").
private struct Organ {
    /// The organ's name, word by word.
    var words: [[UInt8]]
    /// What comes before the number in the symbol of its resolutions and decisions.
    var resolution: String
    var decision: String?
    /// "Commission" alone names the Commission on Human Rights only inside its own mandates' reports.
    var needsCommissionContext = false
    /// Security Council resolutions are numbered "1325 (2000)", not "57/218".
    var isSecurityCouncil = false

    init(_ name: String, resolution: String, decision: String?, needsCommissionContext: Bool = false,
         isSecurityCouncil: Bool = false) {
        words = name.split(separator: " ").map { Array($0.utf8) }
        self.resolution = resolution
        self.decision = decision
        self.needsCommissionContext = needsCommissionContext
        self.isSecurityCouncil = isSecurityCouncil
    }
}

private struct ResolutionNumber {
    var range: Range<Int>
    /// "57/218", "1325(2000)".
    var number: String
}

extension CitationRun {
    /// Longer names first: "Commission on Human Rights" before "Commission".
    private static let organs: [Organ] = [
        Organ("General Assembly", resolution: "A/RES/", decision: "A/DEC/"),
        Organ("Human Rights Council", resolution: "A/HRC/RES/", decision: "A/HRC/DEC/"),
        Organ("Commission on Human Rights", resolution: "E/CN.4/RES/", decision: "E/CN.4/DEC/"),
        Organ("Commission", resolution: "E/CN.4/RES/", decision: "E/CN.4/DEC/", needsCommissionContext: true),
        Organ("Economic and Social Council", resolution: "E/RES/", decision: "E/DEC/"),
        Organ("Security Council", resolution: "S/RES/", decision: nil, isSecurityCouncil: true),
    ]

    private static let resolutionWord = Array("resolution".utf8)
    private static let decisionWord = Array("decision".utf8)

    /// An organ's name, "resolution(s)" or "decision(s)" and numbers: "General Assembly resolutions 57/218 and 58/190".
    func matchResolution(at i: Int) -> CitationMatch? {
        guard !CitationChar.joinsToken(t[i - 1]), t[i - 1] != CitationChar.hyphen else { return nil }
        let c = t[i]
        for organ in CitationRun.organs where UInt32(organ.words[0][0]) == c {
            if organ.needsCommissionContext && !commissionContext { continue }
            guard let organEnd = t.words(organ.words, at: i) else { continue }
            let s = t.skipSpaces(organEnd)
            guard s > organEnd, let keyword = resolutionKeyword(at: s),
                  let prefix = keyword.isDecision ? organ.decision : organ.resolution else { continue }
            let n = t.skipSpaces(keyword.end)
            guard n > keyword.end,
                  let numbers = list(at: n, plural: keyword.plural, end: { $0.range.upperBound },
                                     item: { resolutionNumber(at: $0, securityCouncil: organ.isSecurityCouncil) })
            else { continue }
            if !keyword.plural, let items = locator(after: numbers[0].range.upperBound) {
                // "General Assembly resolution 57/218, para. 3".
                return paragraphLinks(kind: .resolution, from: i, symbol: prefix + numbers[0].number, items: items)
            }
            var links: [FoundCitation] = []
            for (k, number) in numbers.enumerated() {
                links.append(FoundCitation(kind: .resolution, range: (k == 0 ? i : number.range.lowerBound)..<number.range.upperBound,
                                           symbol: prefix + number.number))
            }
            return CitationMatch(links: links, end: numbers[numbers.count - 1].range.upperBound)
        }
        return nil
    }

    /// "resolution", "resolutions", "decision", "decisions", also capitalised.
    private func resolutionKeyword(at s: Int) -> (end: Int, isDecision: Bool, plural: Bool)? {
        for (word, isDecision) in [(CitationRun.resolutionWord, false), (CitationRun.decisionWord, true)] {
            let first = UInt32(word[0])
            guard t[s] == first || t[s] == first - 0x20, t.matches(word, at: s, skipping: 1) else { continue }
            var j = s + word.count
            let plural = t[j] == 0x73
            if plural { j += 1 }
            guard !CitationChar.isWord(t[j]) else { return nil }
            return (j, isDecision, plural)
        }
        return nil
    }

    /// "57/218", "2003/46"; for the Security Council "1325 (2000)" or "1325".
    private func resolutionNumber(at k: Int, securityCouncil: Bool) -> ResolutionNumber? {
        guard let a = t.digits(at: k, limit: 4) else { return nil }
        if securityCouncil {
            guard endsNumber(at: a) else { return nil }
            if let year = securityCouncilYear(at: a) {
                return ResolutionNumber(range: k..<year.end, number: t.ascii(k..<a) + "(" + t.ascii(year.digits) + ")")
            }
            return ResolutionNumber(range: k..<a, number: t.ascii(k..<a))
        }
        guard t[a] == CitationChar.slash, let b = t.digits(at: a + 1, limit: 4), endsNumber(at: b) else { return nil }
        return ResolutionNumber(range: k..<b, number: t.ascii(k..<b))
    }

    // MARK: Chapters and sections

    private static let chapterWord = Array("chapter".utf8)
    private static let sectionWord = Array("section".utf8)

    /// "chapter IV", "chapters II and III", "section III.B": lower case, or capitalised when
    /// "above", "below", "of the present report" or a "see" before it shows it is a reference.
    func matchDivisionReference(at i: Int) -> CitationMatch? {
        guard !CitationChar.joinsToken(t[i - 1]), t[i - 1] != CitationChar.hyphen else { return nil }
        let c = t[i]
        let keyword = (c == 0x63 || c == 0x43) ? CitationRun.chapterWord : CitationRun.sectionWord
        guard t.matches(keyword, at: i, skipping: 1) else { return nil }
        var j = i + keyword.count
        let plural = t[j] == 0x73
        if plural { j += 1 }
        guard !CitationChar.isWord(t[j]) else { return nil }
        let s = t.skipSpaces(j)
        guard s > j,
              let items = list(at: s, plural: plural, end: { $0.range.upperBound }, item: { divisionItem(at: $0) }),
              let after = internalReferenceEnd(after: items[items.count - 1].range.upperBound) else { return nil }
        if CitationChar.isUpper(c) {
            // "under Chapter VII" is the Charter's; "Chapter II describes ..." at the start of a sentence is the report's
            // ("Chapter VII of the Charter" is not taken: "of" must name the present report).
            guard after.placed || isAfterSee(i) || isSentenceStart(i) else { return nil }
        }
        let lastItem = items[items.count - 1]
        if lastItem.anchor == "I" && !after.placed {
            // "in this section I describe": the pronoun, not a numeral.
            let s = t.skipSpaces(lastItem.range.upperBound)
            if s > lastItem.range.upperBound && CitationChar.isLower(t[s]) && t.word(CitationRun.and, at: s) == nil { return nil }
        }
        var links: [FoundCitation] = []
        for (k, item) in items.enumerated() {
            links.append(FoundCitation(kind: .section, range: (k == 0 ? i : item.range.lowerBound)..<item.range.upperBound,
                                       section: item.anchor))
        }
        return CitationMatch(links: links, end: items[items.count - 1].range.upperBound)
    }

    /// Whether `i` begins a sentence: the start of the text, or after a full stop, question or exclamation mark
    /// (and spaces).
    private func isSentenceStart(_ i: Int) -> Bool {
        var k = i - 1
        while k >= 0 && CitationChar.isSpace(t[k]) { k -= 1 }
        // "(Chapter IV ...)" and a quoted "Chapter III" begin their sentence too.
        if k >= 0, t[k] == 0x28 || t[k] == 0x22 || t[k] == 0x201C || t[k] == 0x2018 { return true }
        return k < 0 || t[k] == CitationChar.dot || t[k] == 0x3F || t[k] == 0x21
    }

    /// A roman numeral (I to XXXIX), then ".B" letters or ".1" numbers: "III.B.1" -> "III-B-1".
    private func divisionItem(at k: Int) -> (range: Range<Int>, anchor: String)? {
        var j = k
        while t[j] == 0x49 || t[j] == 0x56 || t[j] == 0x58 { j += 1 } // I V X
        guard j > k, j - k <= 7, let value = CitationRun.romanValue(t.ascii(k..<j)), value <= 39 else { return nil }
        var anchor = t.ascii(k..<j)
        while t[j] == CitationChar.dot {
            let m = j + 1
            if CitationChar.isUpper(t[m]) && !CitationChar.isWord(t[m + 1]) {
                anchor += "-" + t.ascii(m..<m + 1)
                j = m + 1
            } else if let e = t.digits(at: m, limit: 2), !CitationChar.isWord(t[e]) {
                anchor += "-" + t.ascii(m..<e)
                j = e
            } else {
                break
            }
        }
        guard !CitationChar.isWord(t[j]), !(t[j] == CitationChar.dot && CitationChar.isWord(t[j + 1])) else { return nil }
        return (k..<j, anchor)
    }

    /// The value of a roman numeral written the usual way ("IV", not "IIII"), else nil.
    static func romanValue(_ numeral: String) -> Int? {
        var total = 0
        var largest = 0
        for ch in numeral.reversed() {
            let value: Int
            switch ch {
            case "I": value = 1
            case "V": value = 5
            case "X": value = 10
            default: return nil
            }
            if value < largest { total -= value } else { total += value; largest = value }
        }
        guard total > 0, roman(total) == numeral else { return nil }
        return total
    }

    private static func roman(_ number: Int) -> String {
        var n = number
        var result = ""
        for (value, letters) in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
            while n >= value {
                result += letters
                n -= value
            }
        }
        return result
    }
}
