import ReportSiteCore

/// The scanned string as one code per `Character`, so that an index into `codes` is a Character offset.
///
/// A Character of one Unicode scalar has that scalar's value as its code. A Character of several scalars
/// (`e` + combining accent, an emoji sequence) has the code `CitationChar.compound` and counts as a letter,
/// except `\r\n` and other whitespace clusters, which count as a space.
struct CitationText {
    let codes: [UInt32]
    /// The Characters, kept only when the text is not plain ASCII (then codes and bytes differ).
    private let characters: [Character]?

    init(_ text: String) {
        var plainASCII = true
        for byte in text.utf8 where byte >= 0x80 || byte == 0x0D {
            plainASCII = false
            break
        }
        if plainASCII {
            // Every byte is a Character of its own.
            codes = text.utf8.map { UInt32($0) }
            characters = nil
            return
        }
        var codes: [UInt32] = []
        var characters: [Character] = []
        codes.reserveCapacity(text.utf8.count)
        characters.reserveCapacity(text.utf8.count)
        for character in text {
            characters.append(character)
            let scalars = character.unicodeScalars
            let first = scalars.first!
            if scalars.index(after: scalars.startIndex) == scalars.endIndex {
                codes.append(first.value)
            } else if first.properties.isWhitespace {
                codes.append(0x20)
            } else {
                codes.append(CitationChar.compound)
            }
        }
        self.codes = codes
        self.characters = characters
    }

    var count: Int { codes.count }

    /// The code at `i`, or `CitationChar.none` outside the text.
    subscript(_ i: Int) -> UInt32 {
        i >= 0 && i < codes.count ? codes[i] : CitationChar.none
    }

    /// The original text of a range.
    func string(_ range: Range<Int>) -> String {
        if let characters { return String(characters[range]) }
        return ascii(range)
    }

    /// The text of a range known to hold ASCII only (symbols, numbers).
    func ascii(_ range: Range<Int>) -> String {
        String(decoding: codes[range].map { UInt8(truncatingIfNeeded: $0) }, as: UTF8.self)
    }

    /// Whether the ASCII `word` is written at `i` (its first `skipping` letters are not compared).
    func matches(_ word: [UInt8], at i: Int, skipping: Int = 0) -> Bool {
        guard i >= 0, i + word.count <= codes.count else { return false }
        var k = skipping
        while k < word.count {
            if codes[i + k] != UInt32(word[k]) { return false }
            k += 1
        }
        return true
    }

    /// `word` at `i`, its first letter in either case, and no letter or digit after it: the index after it.
    func word(_ word: [UInt8], at i: Int, anyCase: Bool = false) -> Int? {
        guard !word.isEmpty else { return nil }
        let first = self[i]
        let wanted = UInt32(word[0])
        guard first == wanted || (anyCase && CitationChar.isLower(wanted) && first == wanted - 0x20) else { return nil }
        let end = i + word.count
        guard matches(word, at: i, skipping: 1), !CitationChar.isWord(self[end]) else { return nil }
        return end
    }

    /// Words separated by one or more spaces, the first letter of the first in either case if `anyCase`.
    func words(_ words: [[UInt8]], at i: Int, anyCase: Bool = false) -> Int? {
        var j = i
        for (k, w) in words.enumerated() {
            if k > 0 {
                let s = skipSpaces(j)
                guard s > j else { return nil }
                j = s
            }
            guard let end = word(w, at: j, anyCase: anyCase && k == 0) else { return nil }
            j = end
        }
        return j
    }

    /// The first index at or after `i` that is not a space.
    func skipSpaces(_ i: Int) -> Int {
        var j = i
        while j < codes.count && CitationChar.isSpace(codes[j]) { j += 1 }
        return j
    }

    /// The end of a run of 1...`limit` ASCII digits at `i`, nil if there is none or it is longer.
    func digits(at i: Int, limit: Int) -> Int? {
        var j = i
        while j < codes.count && CitationChar.isDigit(codes[j]) { j += 1 }
        guard j > i, j - i <= limit else { return nil }
        return j
    }
}

/// Classes of the codes of a `CitationText`.
enum CitationChar {
    /// The code of a Character made of several scalars: counted as a letter.
    static let compound: UInt32 = 0x11_0000
    /// The code read outside the text.
    static let none: UInt32 = 0

    static func isDigit(_ c: UInt32) -> Bool { c &- 0x30 < 10 }
    static func isUpper(_ c: UInt32) -> Bool { c &- 0x41 < 26 }
    static func isLower(_ c: UInt32) -> Bool { c &- 0x61 < 26 }
    static func isASCIILetter(_ c: UInt32) -> Bool { isUpper(c) || isLower(c) }
    static func isASCIIAlphanumeric(_ c: UInt32) -> Bool { isDigit(c) || isUpper(c) || isLower(c) }

    /// A letter or digit of any script (a citation never starts or ends next to one).
    static func isWord(_ c: UInt32) -> Bool {
        if c < 0x80 { return isASCIIAlphanumeric(c) }
        if c == compound { return true }
        if isSpace(c) { return false }
        guard let scalar = Unicode.Scalar(c) else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Spaces, including the no-break spaces of typeset text (U+00A0, U+202F).
    static func isSpace(_ c: UInt32) -> Bool {
        switch c {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Hyphen-minus, hyphen, non-breaking hyphen and en dash, as written in ranges ("8-10", "8–10").
    static func isDash(_ c: UInt32) -> Bool {
        c == 0x2D || c == 0x2010 || c == 0x2011 || c == 0x2013
    }

    /// Characters that, right before a capital letter, make it part of an address, a path or a longer token.
    static func joinsToken(_ c: UInt32) -> Bool {
        switch c {
        case 0x2F /* / */, 0x5C /* \ */, 0x5F /* _ */, 0x40 /* @ */, 0x2E /* . */, 0x3A /* : */, 0x3D /* = */,
             0x3F /* ? */, 0x26 /* & */, 0x23 /* # */, 0x7E /* ~ */, 0x25 /* % */, 0x2B /* + */, 0x24 /* $ */:
            return true
        default:
            return false
        }
    }

    static let slash: UInt32 = 0x2F
    static let dot: UInt32 = 0x2E
    static let comma: UInt32 = 0x2C
    static let hyphen: UInt32 = 0x2D
    static let openParen: UInt32 = 0x28
    static let closeParen: UInt32 = 0x29
    static let semicolon: UInt32 = 0x3B
}
