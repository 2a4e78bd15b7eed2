import ReportSiteCore

/// One link found in a run of text.
package struct CitationLink: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, Codable { case document, resolution, paragraph, section }
    public var kind: Kind
    /// The characters of the text that become the link, as a range of `Character` offsets into the scanned string (0-based, half-open).
    public var range: Range<Int>
    /// The text of that range.
    public var text: String
    /// The document symbol the link goes to, e.g. "A/58/275", "A/RES/57/218", "E/CN.4/2003/85/Add.1"; nil for a reference inside the same report.
    public var symbol: String?
    /// The paragraph id without "para-": "80", "91-c" (from "para. 91 (c)"), or nil.
    public var paragraph: String?
    /// For a range "paras. 127-131": the last number, "131"; else nil.
    public var paragraphEnd: String?
    /// For internal section references: the anchor part after "sec-": "IV" for "chapter IV", "III-B" for "section III.B"; else nil.
    public var section: String?

    public init(kind: Kind, range: Range<Int>, text: String, symbol: String? = nil, paragraph: String? = nil,
                paragraphEnd: String? = nil, section: String? = nil) {
        self.kind = kind
        self.range = range
        self.text = text
        self.symbol = symbol
        self.paragraph = paragraph
        self.paragraphEnd = paragraphEnd
        self.section = section
    }
}

/// Finds citations in the plain text of one text node (CONTENT-FORMAT.md, section 4): document symbols
/// (`A/58/275`, `E/CN.4/2003/85 and Add.1-4`), paragraph locators after them (`, paras. 127-131`),
/// resolutions and decisions by number (`General Assembly resolution 57/218`) and references inside
/// the same report (`paragraph 12 above`, `see para. 40`, `chapter IV`, `section III.B`).
package struct CitationScanner: Sendable {
    /// True when the report belongs to a Commission on Human Rights mandate, so that a bare
    /// "Commission resolution 2003/46" means E/CN.4/RES/2003/46.
    public var commissionContext: Bool

    /// commissionContext: true when the report belongs to a Commission on Human Rights mandate, so that a bare
    /// "Commission resolution 2003/46" means E/CN.4/RES/2003/46.
    public init(commissionContext: Bool) {
        self.commissionContext = commissionContext
    }

    /// Every link in the text, in order, non-overlapping.
    public func scan(_ text: String) -> [CitationLink] {
        guard CitationScanner.mayHoldCitation(text) else { return [] }
        var run = CitationRun(text: CitationText(text), commissionContext: commissionContext)
        return run.scan()
    }

    /// A quick look at the bytes: every citation has a digit, except "chapter IV" and "section III.B".
    static func mayHoldCitation(_ text: String) -> Bool {
        if let answer = text.utf8.withContiguousStorageIfAvailable({ mayHoldCitation(bytes: $0) }) {
            return answer
        }
        return Array(text.utf8).withUnsafeBufferPointer { mayHoldCitation(bytes: $0) }
    }

    private static let hapter = Array("hapter".utf8)
    private static let ection = Array("ection".utf8)

    private static func mayHoldCitation(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var division = false
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b &- 0x30 < 10 { return true }
            if !division && (b == 0x68 /* h */ || b == 0x65 /* e */) && i + 6 <= n {
                let word = b == 0x68 ? hapter : ection
                var k = 1
                while k < 6 && bytes[i + k] == word[k] { k += 1 }
                if k == 6 { division = true }
            }
            i += 1
        }
        return division
    }
}

/// A link before its text is taken from the string.
struct FoundCitation {
    var kind: CitationLink.Kind
    var range: Range<Int>
    var symbol: String? = nil
    var paragraph: String? = nil
    var paragraphEnd: String? = nil
    var section: String? = nil
}

/// What one matcher found at a position: its links, in order, and where scanning goes on.
struct CitationMatch {
    var links: [FoundCitation]
    var end: Int
}

/// One scan of one string.
struct CitationRun {
    let t: CitationText
    let commissionContext: Bool
    /// The last whitespace-delimited token looked at, and whether it is a URL or an email address.
    private var token: (range: Range<Int>, isAddress: Bool)?
    /// The last link found, when it is a document symbol: "A/58/275 (para. 80)" cites that document's paragraph.
    private(set) var previousDocument: (end: Int, symbol: String)?

    init(text: CitationText, commissionContext: Bool) {
        self.t = text
        self.commissionContext = commissionContext
    }

    mutating func scan() -> [CitationLink] {
        var links: [CitationLink] = []
        let n = t.count
        var i = 0
        while i < n {
            let c = t.codes[i]
            guard CitationChar.isASCIILetter(c), !CitationChar.isWord(t[i - 1]), let match = match(at: i) else {
                i += 1
                continue
            }
            let last = match.links.last?.range.upperBound ?? match.end
            if isInsideAddress(i) || isInsideAddress(last - 1) {
                // Nothing inside a URL or an email address is a citation: go on after its token.
                i = Swift.max(i + 1, token?.range.upperBound ?? 0)
                continue
            }
            previousDocument = nil
            if let last = match.links.last, last.kind == .document, let symbol = last.symbol {
                previousDocument = (last.range.upperBound, symbol)
            }
            for found in match.links {
                links.append(CitationLink(kind: found.kind, range: found.range, text: t.string(found.range),
                                          symbol: found.symbol, paragraph: found.paragraph,
                                          paragraphEnd: found.paragraphEnd, section: found.section))
            }
            i = Swift.max(i + 1, match.end)
        }
        return links
    }

    /// The citation that starts at `i` (a letter at the start of a word), if any.
    private func match(at i: Int) -> CitationMatch? {
        let c = t[i]
        if CitationChar.isUpper(c) {
            if let m = matchResolution(at: i) { return m }
            if let m = matchSymbol(at: i) { return m }
        }
        switch c {
        case 0x70, 0x50: // p P
            return matchParagraphReference(at: i)
        case 0x63, 0x43, 0x73, 0x53: // c C s S
            return matchDivisionReference(at: i)
        default:
            return nil
        }
    }

    // MARK: URLs and email addresses

    private func tokenRange(containing i: Int) -> Range<Int> {
        var start = i
        while start > 0 && !CitationChar.isSpace(t.codes[start - 1]) { start -= 1 }
        var end = i
        while end < t.count && !CitationChar.isSpace(t.codes[end]) { end += 1 }
        return start..<end
    }

    /// Whether the whitespace-delimited token holding `i` contains "://", "www." or "@".
    private mutating func isInsideAddress(_ i: Int) -> Bool {
        if let token, token.range.contains(i) { return token.isAddress }
        let range = tokenRange(containing: i)
        var isAddress = false
        var k = range.lowerBound
        while k < range.upperBound {
            let c = t.codes[k]
            if c == 0x40 /* @ */ { isAddress = true; break }
            if c == 0x3A /* : */ && t[k + 1] == CitationChar.slash && t[k + 2] == CitationChar.slash { isAddress = true; break }
            if (c == 0x77 && t.matches(CitationRun.www, at: k)) || (c == 0x57 && t.matches(CitationRun.wwwUpper, at: k)) {
                isAddress = true
                break
            }
            k += 1
        }
        token = (range, isAddress)
        return isAddress
    }

    private static let www = Array("www.".utf8)
    private static let wwwUpper = Array("WWW.".utf8)
}
