import ReportSiteCore

/// The symbol grammar of United Nations documents: `A/58/275`, `E/CN.4/Sub.2/2003/1`, `CEDAW/C/2009/WP.1/R`.
///
/// A symbol is an organ prefix of capital letters, then parts after slashes. A part is a number (`58`, `2003`)
/// or a group of letters with an optional dotted number (`CN.4`, `Sub.2`, `L.27`, `Add.1`, `WG.III`).
/// A symbol has at least three parts (or is `S/PV.4000`), and a number somewhere.
struct ParsedSymbol {
    /// The symbol as the link's target.
    var text: String
    /// Where the written symbol ends.
    var end: Int
    /// The symbol without its last part, and the letters of that part ("Add" for ".../Add.1").
    var withoutLastPart: String
    var lastLabel: String
}

private struct SymbolPart {
    var range: Range<Int>
    /// Digits only.
    var isNumber: Bool
    /// Digits anywhere ("CN.4").
    var hasNumber: Bool
    /// The leading letters ("Add" of "Add.1"), empty for a number.
    var letters: Range<Int>
}

extension CitationRun {
    /// Organ prefixes whose second part may be a number (`A/58/275`, `E/2003/12`, `S/2004/616`).
    /// Other prefixes of two or more capitals are accepted when a short group of letters follows (`XYZ/C/21`).
    static let organPrefixes: Set<String> = [
        "A", "E", "S", "ST", "T", "TD", "DP", "UNEP", "HRI", "CCPR", "CMW", "CRC", "CEDAW", "CERD", "CAT", "CED",
        "CRPD", "SPT", "ICEF", "JIU", "UNW", "FCCC", "ECE", "ISBA", "SPLOS", "ITLOS", "ACC", "EC", "CTOC", "UNODC",
        "HABITAT", "UNCTAD", "WFP", "IDB", "PBC", "LC", "ESCAP", "ESCWA", "ECA", "UNDP",
    ]

    /// A symbol starting at `i`, with its addendum ("and Add.1-4") or its paragraph locator (", para. 80").
    func matchSymbol(at i: Int) -> CitationMatch? {
        guard !CitationChar.joinsToken(t[i - 1]), let symbol = parseSymbol(at: i) else { return nil }
        let whole = FoundCitation(kind: .document, range: i..<symbol.end, symbol: symbol.text)
        if let addendum = addendum(after: symbol.end, of: symbol) {
            return CitationMatch(links: [whole, addendum], end: addendum.range.upperBound)
        }
        if let items = locator(after: symbol.end) {
            return paragraphLinks(kind: .paragraph, from: i, symbol: symbol.text, items: items)
        }
        return CitationMatch(links: [whole], end: symbol.end)
    }

    /// The written symbol at `i`, nil when the text there is not one.
    func parseSymbol(at i: Int) -> ParsedSymbol? {
        var j = i
        while CitationChar.isUpper(t[j]) { j += 1 }
        guard j > i, j - i <= 10, t[j] == CitationChar.slash else { return nil }
        let prefix = t.ascii(i..<j)
        var parts: [SymbolPart] = []
        while t[j] == CitationChar.slash {
            // A slash not followed by a part is a path or a phrase ("A/58/notes"), not a symbol.
            guard let part = symbolPart(at: j + 1) else { return nil }
            parts.append(part)
            j = part.range.upperBound
        }
        // The symbol must end here: no letter or digit after it, no ".pdf"; a sentence's full stop is fine.
        let next = t[j]
        if CitationChar.isWord(next) || (next == CitationChar.dot && CitationChar.isWord(t[j + 1])) { return nil }
        guard parts.contains(where: { $0.hasNumber }) else { return nil }
        if parts.count == 1 {
            // Two parts only for verbatim records: S/PV.4000, A/PV.58.
            guard t.matches(CitationRun.pv, at: parts[0].range.lowerBound), parts[0].range.count > 3 else { return nil }
        }
        if !CitationRun.organPrefixes.contains(prefix) {
            guard prefix.count >= 2, parts.count >= 2, !parts[0].isNumber, parts[0].range.count <= 3 else { return nil }
        }

        let last = parts[parts.count - 1]
        var symbol = ParsedSymbol(text: t.ascii(i..<j), end: j,
                                  withoutLastPart: t.ascii(i..<(last.range.lowerBound - 1)),
                                  lastLabel: t.ascii(last.letters))
        if prefix == "S", parts.count == 2, t.ascii(parts[0].range) == "RES", last.isNumber,
           let year = securityCouncilYear(at: j) {
            // "S/RES/1325 (2000)" is the symbol S/RES/1325(2000).
            symbol.text += "(" + t.ascii(year.digits) + ")"
            symbol.end = year.end
        } else if CitationRun.addendumLabels.contains(where: { t.matches($0, at: last.range.lowerBound) }),
                  CitationChar.isDash(t[j]), let rangeEnd = t.digits(at: j + 1, limit: 3), !CitationChar.isWord(t[rangeEnd]) {
            // ".../Add.1-4": the link goes to the first addendum.
            symbol.end = rangeEnd
        }
        return symbol
    }

    /// "(2000)" after a Security Council resolution number, with or without a space before it.
    func securityCouncilYear(at j: Int) -> (digits: Range<Int>, end: Int)? {
        let open = t.skipSpaces(j)
        guard open - j <= 1, t[open] == CitationChar.openParen,
              let yearEnd = t.digits(at: open + 1, limit: 4), yearEnd - open == 5,
              t[yearEnd] == CitationChar.closeParen else { return nil }
        return (open + 1..<yearEnd, yearEnd + 1)
    }

    private func symbolPart(at k: Int) -> SymbolPart? {
        let c = t[k]
        if CitationChar.isDigit(c) {
            guard let end = t.digits(at: k, limit: 6) else { return nil }
            return SymbolPart(range: k..<end, isNumber: true, hasNumber: true, letters: k..<k)
        }
        guard CitationChar.isUpper(c) else { return nil }
        var j = k + 1
        var hasLower = false
        while CitationChar.isASCIILetter(t[j]) {
            if CitationChar.isLower(t[j]) { hasLower = true }
            j += 1
        }
        guard j - k <= 12 else { return nil }
        let letters = k..<j
        var hasNumber = false
        var dotted = false
        while t[j] == CitationChar.dot, CitationChar.isUpper(t[j + 1]) || CitationChar.isDigit(t[j + 1]) {
            var m = j + 1
            var digits = false
            while CitationChar.isUpper(t[m]) || CitationChar.isDigit(t[m]) {
                if CitationChar.isDigit(t[m]) { digits = true }
                m += 1
            }
            // "Add.1.The": the full stop ends a sentence typed without a space; the symbol check rejects it.
            if CitationChar.isLower(t[m]) { break }
            hasNumber = hasNumber || digits
            dotted = true
            j = m
        }
        // "Sub.2", "Add.1": mixed case only before a dotted number; "A/58/Report" is not a symbol.
        if hasLower && !dotted { return nil }
        return SymbolPart(range: k..<j, isNumber: false, hasNumber: hasNumber, letters: letters)
    }

    private static let pv = Array("PV.".utf8)
    static let addendumLabels = ["Add.", "Corr.", "Rev."].map { Array($0.utf8) }

    /// "and Add.1-4", "and Corr.1" after a symbol: a link to the first addendum or corrigendum.
    private func addendum(after end: Int, of symbol: ParsedSymbol) -> FoundCitation? {
        let s = t.skipSpaces(end)
        guard s > end, let afterAnd = t.word(CitationRun.and, at: s) else { return nil }
        let k = t.skipSpaces(afterAnd)
        guard k > afterAnd,
              let label = CitationRun.addendumLabels.first(where: { t.matches($0, at: k) }) else { return nil }
        let numberStart = k + label.count
        guard let numberEnd = t.digits(at: numberStart, limit: 3) else { return nil }
        var linkEnd = numberEnd
        if CitationChar.isDash(t[numberEnd]), let rangeEnd = t.digits(at: numberEnd + 1, limit: 3) {
            linkEnd = rangeEnd
        }
        guard !CitationChar.isWord(t[linkEnd]), !(t[linkEnd] == CitationChar.dot && CitationChar.isWord(t[linkEnd + 1])) else {
            return nil
        }
        let name = String(decoding: label.dropLast(), as: UTF8.self)
        // "A/HRC/20/24/Add.1 and Add.2" names a sibling; "A/57/387 and Corr.1" a part of the symbol.
        let base = symbol.lastLabel == name ? symbol.withoutLastPart : symbol.text
        let target = base + "/" + name + "." + t.ascii(numberStart..<numberEnd)
        return FoundCitation(kind: .document, range: k..<linkEnd, symbol: target)
    }

    static let and = Array("and".utf8)
}
