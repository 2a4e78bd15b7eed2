import Foundation
import ReportSiteCore

/// How the search folds and cuts text into words. `Templates/assets/search.js` does the same to the query,
/// step by step (`fold`, `words`): a change here must be made there too (the tests build words with accents,
/// ligatures, Greek, Cyrillic, Arabic and Chinese and check both sides on the same strings).
///
/// 1. Each character is decomposed (NFKD: `é` -> `e` + accent, `ﬁ` -> `fi`), lower-cased and decomposed again;
/// 2. combining marks (general categories Mn and Me) are dropped: accents, Arabic vowel signs;
/// 3. a few letters that do not decompose are written as their base letters (`œ` -> `oe`, `ß` -> `ss`, `ł` -> `l`,
///    final `ς` -> `σ`), the table `special`;
/// 4. a word is a run of letters, digits and spacing marks (categories L*, N*, Mc); each Han, Hiragana or
///    Katakana character is a word of its own (those scripts write no spaces);
/// 5. words of the list `stopWords`, and words longer than `maxLength`, are not indexed (and left out of a query).
enum SearchText {
    static let special: [Unicode.Scalar: String] = [
        "œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "đ": "d", "ł": "l", "ı": "i", "ħ": "h", "þ": "th", "ð": "d",
        "ŧ": "t", "ŋ": "n", "ĸ": "k", "ſ": "s", "ς": "σ",
    ]

    /// The commonest English words: in almost every paragraph, they would make the largest shards for nothing.
    static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is", "it", "its",
        "of", "on", "or", "that", "the", "this", "to", "was", "were", "which", "with",
    ]

    static let maxLength = 40

    /// A scalar that is a word of its own (CJK ideographs, kana).
    static func isSingleWord(_ v: UInt32) -> Bool {
        (0x3040...0x30FF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0x20000...0x2FA1F).contains(v)
    }

    enum Kind { case word, single, drop, separator }

    static func kind(_ s: Unicode.Scalar) -> Kind {
        switch s.properties.generalCategory {
        // Format characters (soft hyphen, zero-width space and joiners, word joiner) are invisible: a word a
        // reader sees as one (`detent\u{AD}ion`, from a PDF) stays one word.
        case .nonspacingMark, .enclosingMark, .format: return .drop
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .spacingMark:
            return isSingleWord(s.value) ? .single : .word
        default: return .separator
        }
    }

    /// Folds a whole text and cuts it into words (stop words included), keeping a cache of the non-ASCII
    /// characters already folded.
    struct Tokenizer {
        private var folded: [Unicode.Scalar: [Unicode.Scalar]] = [:]

        /// The folded form of one scalar (steps 1-3), as scalars.
        mutating func fold(_ s: Unicode.Scalar) -> [Unicode.Scalar] {
            if s.isASCII {
                let v = s.value
                if v >= 65, v <= 90 { return [Unicode.Scalar(v + 32)!] }
                return [s]
            }
            if let known = folded[s] { return known }
            let once = String(s).decomposedStringWithCompatibilityMapping.lowercased().decomposedStringWithCompatibilityMapping
            var out: [Unicode.Scalar] = []
            for t in once.unicodeScalars {
                if let replacement = SearchText.special[t] {
                    out += replacement.unicodeScalars
                } else if SearchText.kind(t) != .drop {
                    out.append(t)
                }
            }
            folded[s] = out
            return out
        }

        /// Every word of `text`, folded, in order (stop words and long words included). Works on the UTF-8
        /// bytes: ASCII letters and digits are taken as they are (upper case lowered), other characters folded.
        mutating func words(_ text: String, into body: (String) -> Void) {
            scan(text) { body(String(decoding: $0, as: UTF8.self)) }
        }

        /// `words`, each word given as its UTF-8 bytes (valid only during the call).
        mutating func scan(_ text: String, _ body: (ArraySlice<UInt8>) -> Void) {
            // Plain local state, no closures over it: the loop runs for every byte of the site's text.
            let buf = Array(text.utf8)
            var word: [UInt8] = []
            word.reserveCapacity(64)
            var i = 0
            let n = buf.count
            while i < n {
                let b = buf[i]
                if b < 0x80 {
                    if (b >= 97 && b <= 122) || (b >= 48 && b <= 57) {
                        word.append(b)
                    } else if b >= 65, b <= 90 {
                        word.append(b + 32)
                    } else if !word.isEmpty {
                        Self.emit(&word, body)
                    }
                    i += 1
                    continue
                }
                // A well-formed multi-byte sequence (a Swift string's bytes always are).
                let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                var v = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for k in 1..<length where i + k < n { v = (v << 6) | (UInt32(buf[i + k]) & 0x3F) }
                i += length
                guard let s = Unicode.Scalar(v) else {
                    if !word.isEmpty { Self.emit(&word, body) }
                    continue
                }
                for t in fold(s) {
                    switch SearchText.kind(t) {
                    case .word: Self.encode(t, into: &word)
                    case .single:
                        if !word.isEmpty { Self.emit(&word, body) }
                        Self.encode(t, into: &word)
                        Self.emit(&word, body)
                    case .drop: break
                    case .separator: if !word.isEmpty { Self.emit(&word, body) }
                    }
                }
            }
            if !word.isEmpty { Self.emit(&word, body) }
        }

        private static func emit(_ word: inout [UInt8], _ body: (ArraySlice<UInt8>) -> Void) {
            body(word[...])
            word.removeAll(keepingCapacity: true)
        }

        private static func encode(_ s: Unicode.Scalar, into out: inout [UInt8]) {
            let v = s.value
            if v < 0x80 {
                out.append(UInt8(v))
            } else if v < 0x800 {
                out += [UInt8(0xC0 | (v >> 6)), UInt8(0x80 | (v & 0x3F))]
            } else if v < 0x10000 {
                out += [UInt8(0xE0 | (v >> 12)), UInt8(0x80 | ((v >> 6) & 0x3F)), UInt8(0x80 | (v & 0x3F))]
            } else {
                out += [UInt8(0xF0 | (v >> 18)), UInt8(0x80 | ((v >> 12) & 0x3F)), UInt8(0x80 | ((v >> 6) & 0x3F)), UInt8(0x80 | (v & 0x3F))]
            }
        }
    }

    /// The words of a text that are indexed (and searched for): folded, without stop words and over-long words.
    static func terms(_ text: String) -> [String] {
        var tokenizer = Tokenizer()
        var out: [String] = []
        tokenizer.words(text) { w in if isIndexed(w) { out.append(w) } }
        return out
    }

    static func isIndexed(_ word: String) -> Bool {
        let bytes = word.utf8.count
        if bytes <= 5 { return !stopWords.contains(word) }  // the stop words are short: most words skip the set
        return bytes <= maxLength || word.unicodeScalars.count <= maxLength
    }
}
