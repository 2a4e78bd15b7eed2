import ReportSiteCore

/// Paragraph locators ("para. 80", "paras. 127-131", "paragraphs 12, 14 and 16", "para. 80 (a) (ii)")
/// and references inside the same report ("paragraph 12 above", "see para. 40", "chapter IV", "section III.B").
struct ParagraphItem {
    /// The written number, with its sub-paragraph labels or the end of its range.
    var range: Range<Int>
    /// "80", "91-c", "80-a-ii".
    var paragraph: String
    /// "131" of "127-131".
    var paragraphEnd: String?
}

extension CitationRun {
    private static let para = Array("para".utf8)
    private static let graph = Array("graph".utf8)

    /// "para." "paras." "paragraph" "paragraphs" (also capitalised) and the spaces after it.
    func paragraphKeyword(at i: Int) -> (end: Int, plural: Bool)? {
        guard t[i] == 0x70 || t[i] == 0x50, t.matches(CitationRun.para, at: i, skipping: 1) else { return nil }
        var j = i + 4
        var plural = false
        if t.matches(CitationRun.graph, at: j) {
            j += 5
            if t[j] == 0x73 { plural = true; j += 1 }
            guard !CitationChar.isWord(t[j]) else { return nil }
        } else {
            if t[j] == 0x73 { plural = true; j += 1 }
            guard t[j] == CitationChar.dot else { return nil }
            j += 1
        }
        let s = t.skipSpaces(j)
        guard s > j else { return nil }
        return (s, plural)
    }

    /// One paragraph number with its sub-paragraph labels ("91 (c)") or its range ("127-131", "8–10").
    func paragraphItem(at i: Int) -> ParagraphItem? {
        guard let numberEnd = t.digits(at: i, limit: 4), endsNumber(at: numberEnd) else { return nil }
        var id = t.ascii(i..<numberEnd)
        var end = numberEnd
        var level = 0
        while level < 3 {
            let open = t.skipSpaces(end)
            guard t[open] == CitationChar.openParen, let labelEnd = subParagraphLabel(at: open + 1, level: level),
                  t[labelEnd] == CitationChar.closeParen else { break }
            id += "-" + t.ascii(open + 1..<labelEnd)
            end = labelEnd + 1
            level += 1
        }
        var last: String?
        if level == 0, CitationChar.isDash(t[end]), let rangeEnd = t.digits(at: end + 1, limit: 4), endsNumber(at: rangeEnd) {
            last = t.ascii(end + 1..<rangeEnd)
            end = rangeEnd
        }
        return ParagraphItem(range: i..<end, paragraph: id, paragraphEnd: last)
    }

    /// Nothing that continues a number: no letter or digit, no "12.5", "1,000" or "12/13".
    func endsNumber(at j: Int) -> Bool {
        let c = t[j]
        if CitationChar.isWord(c) || c == CitationChar.slash { return false }
        if (c == CitationChar.dot || c == CitationChar.comma) && CitationChar.isDigit(t[j + 1]) { return false }
        return true
    }

    /// "a", "aa" at the first level; a lower-case roman numeral ("ii") below it.
    private func subParagraphLabel(at k: Int, level: Int) -> Int? {
        var j = k
        if level == 0 {
            while CitationChar.isLower(t[j]) && j - k < 2 { j += 1 }
        } else {
            while (t[j] == 0x69 || t[j] == 0x76 || t[j] == 0x78) && j - k < 6 { j += 1 } // i v x
        }
        return j > k ? j : nil
    }

    /// Where the next item of a list starts: after ", ", " and ", ", and ".
    func listSeparator(at j: Int) -> Int? {
        var k = j
        if t[k] == CitationChar.comma { k += 1 }
        let s = t.skipSpaces(k)
        guard s > k else { return nil }
        if let afterAnd = t.word(CitationRun.and, at: s) {
            let next = t.skipSpaces(afterAnd)
            return next > afterAnd ? next : nil
        }
        return k > j ? s : nil
    }

    /// Items of a list, the first at `i`; only one unless `plural`.
    func list<Item>(at i: Int, plural: Bool, end: (Item) -> Int, item: (Int) -> Item?) -> [Item]? {
        guard let first = item(i) else { return nil }
        var items = [first]
        guard plural else { return items }
        while let next = listSeparator(at: end(items[items.count - 1])), let another = item(next) {
            items.append(another)
        }
        return items
    }

    func paragraphList(at i: Int, plural: Bool) -> [ParagraphItem]? {
        list(at: i, plural: plural, end: { $0.range.upperBound }, item: { paragraphItem(at: $0) })
    }

    /// ", para. 80", ", paras. 12 and 13" after a symbol or a resolution.
    func locator(after end: Int) -> [ParagraphItem]? {
        var k = end
        if t[k] == CitationChar.comma { k += 1 }
        let s = t.skipSpaces(k)
        guard s > k, let keyword = paragraphKeyword(at: s) else { return nil }
        return paragraphList(at: keyword.end, plural: keyword.plural)
    }

    /// The first link runs from `start` to the end of the first item; each further item is a link of its own.
    func paragraphLinks(kind: CitationLink.Kind, from start: Int, symbol: String?, items: [ParagraphItem]) -> CitationMatch {
        var links: [FoundCitation] = []
        for (n, item) in items.enumerated() {
            links.append(FoundCitation(kind: kind, range: (n == 0 ? start : item.range.lowerBound)..<item.range.upperBound,
                                       symbol: symbol, paragraph: item.paragraph, paragraphEnd: item.paragraphEnd))
        }
        return CitationMatch(links: links, end: items[items.count - 1].range.upperBound)
    }

    // MARK: References inside the report

    /// "paragraph 12 above", "paras. 8-10 below", "see para. 40", "(para. 40)": a paragraph of this report.
    func matchParagraphReference(at i: Int) -> CitationMatch? {
        guard !CitationChar.joinsToken(t[i - 1]), t[i - 1] != CitationChar.hyphen,
              let keyword = paragraphKeyword(at: i),
              let items = paragraphList(at: keyword.end, plural: keyword.plural),
              let after = internalReferenceEnd(after: items[items.count - 1].range.upperBound) else { return nil }
        let wrapped = t[i - 1] == CitationChar.openParen && (t[after.end] == CitationChar.closeParen || t[after.end] == CitationChar.semicolon)
        if after.placed || isAfterSee(i) {
            return paragraphLinks(kind: .paragraph, from: i, symbol: nil, items: items)
        }
        guard wrapped else { return nil }
        // "A/58/275 (para. 80)": the paragraph of the symbol just before, not of this report.
        var symbol: String?
        if let previous = previousDocument, t.skipSpaces(previous.end) == i - 1 { symbol = previous.symbol }
        return paragraphLinks(kind: .paragraph, from: i, symbol: symbol, items: items)
    }

    private static let above = Array("above".utf8)
    private static let below = Array("below".utf8)
    private static let of = Array("of".utf8)
    private static let presentReport = ["the", "present", "report"].map { Array($0.utf8) }
    private static let thisReport = ["this", "report"].map { Array($0.utf8) }

    /// What follows a reference: "above", "below" or "of the present report" place it in this report
    /// (`placed`); "of" anything else ("paragraph 5 of resolution 57/218") makes it no reference (nil).
    func internalReferenceEnd(after end: Int) -> (end: Int, placed: Bool)? {
        let s = t.skipSpaces(end)
        guard s > end else { return (end, false) }
        if let e = t.word(CitationRun.above, at: s) ?? t.word(CitationRun.below, at: s) { return (e, true) }
        if let e = t.word(CitationRun.of, at: s) {
            let k = t.skipSpaces(e)
            guard k > e, let r = t.words(CitationRun.presentReport, at: k) ?? t.words(CitationRun.thisReport, at: k) else { return nil }
            return (r, true)
        }
        return (end, false)
    }

    private static let see = Array("see".utf8)
    private static let also = Array("also".utf8)

    /// Whether "see" or "see also" comes right before `i`.
    func isAfterSee(_ i: Int) -> Bool {
        guard let start = wordBefore(i) else { return false }
        if isSee(at: start) { return true }
        if t.word(CitationRun.also, at: start) != nil, let previous = wordBefore(start) {
            return isSee(at: previous)
        }
        return false
    }

    private func isSee(at start: Int) -> Bool {
        t.word(CitationRun.see, at: start, anyCase: true) != nil && !CitationChar.isWord(t[start - 1])
    }

    /// The start of the word before the spaces before `i`.
    private func wordBefore(_ i: Int) -> Int? {
        var k = i - 1
        guard CitationChar.isSpace(t[k]) else { return nil }
        while k >= 0 && CitationChar.isSpace(t[k]) { k -= 1 }
        var start = k + 1
        while CitationChar.isASCIILetter(t[start - 1]) { start -= 1 }
        return start <= k ? start : nil
    }
}
