import ReportSiteCore

/// A word or a break of a text, as the recommendation analysis reads it.
/// Words are lowercased; a possessive `'s` is a word of its own (`OHCHR's mandate` -> `ohchr`, `'s`, `mandate`);
/// hyphenated compounds stay one word (`IOM-based` is not `IOM`); text in parentheses is left out.
enum RecToken: Hashable {
    case word(String)
    /// `.` `;` `:` `!` `?`: a clause ends.
    case hardBreak
    /// `,` and dashes: a list item or an aside ends.
    case softBreak
    /// An addressee alias, matched and masked (a slug).
    case addressee(String)

    var word: String? {
        if case .word(let w) = self { return w }
        return nil
    }
}

enum RecTokenizer {
    static func tokens(_ text: String) -> [RecToken] {
        // Unicode scalars with an ASCII fast path: this runs on the text of every candidate paragraph.
        let scalars = Array(normalized(withoutParentheses(text)).unicodeScalars)
        var tokens: [RecToken] = []
        var word = String.UnicodeScalarView()
        func flush() {
            guard !word.isEmpty else { return }
            var w = String(word)
            word = String.UnicodeScalarView()
            while let last = w.last, last == "'" || last == "-" || last == "/" { w.removeLast() }
            while let first = w.first, first == "'" || first == "-" || first == "/" { w.removeFirst() }
            guard !w.isEmpty else { return }
            if w.count > 2, w.hasSuffix("'s") {
                tokens.append(.word(String(w.dropLast(2))))
                tokens.append(.word("'s"))
            } else {
                tokens.append(.word(w))
            }
        }
        func isWordScalar(_ c: Unicode.Scalar) -> Bool {
            if c.isASCII { return ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) }
            return c.properties.isAlphabetic || c.properties.numericType != nil
        }
        for (i, c) in scalars.enumerated() {
            let nextIsAlnum = i + 1 < scalars.count && isWordScalar(scalars[i + 1])
            if isWordScalar(c) {
                if c.isASCII {
                    word.append(("A"..."Z").contains(c) ? Unicode.Scalar(c.value + 32)! : c)
                } else {
                    word.append(contentsOf: c.properties.lowercaseMapping.unicodeScalars)
                }
            } else if (c == "-" || c == "'" || c == "/") && !word.isEmpty && nextIsAlnum {
                word.append(c)
            } else if c == "." && !word.isEmpty && nextIsAlnum {
                // `E/CN.4`, `e.g`: a full stop inside a word does not end a sentence.
                word.append(c)
            } else if ".;:!?".unicodeScalars.contains(c) {
                flush()
                if tokens.last != .hardBreak { tokens.append(.hardBreak) }
            } else if ",\u{2013}\u{2014}-".unicodeScalars.contains(c) {
                flush()
                tokens.append(.softBreak)
            } else {
                flush()
            }
        }
        flush()
        return tokens
    }

    /// Asides in parentheses or brackets are no part of a sentence's structure: "(GFMD)", "(including OHCHR)", "[...]".
    static func withoutParentheses(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "[") }) else { return text }
        var out = String.UnicodeScalarView()
        var depth = 0
        for c in text.unicodeScalars {
            if c == "(" || c == "[" { depth += 1; continue }
            if (c == ")" || c == "]") && depth > 0 { depth -= 1; if depth == 0 { out.append(" ") }; continue }
            if depth == 0 { out.append(c) }
        }
        return String(out)
    }

    /// Typographic apostrophes and hyphens as ASCII; quotation marks as spaces.
    static func normalized(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for c in text.unicodeScalars {
            switch c {
            case "\u{2019}", "\u{2018}", "\u{02BC}": out.append("'")
            case "\u{2010}", "\u{2011}", "\u{00AD}": out.append("-")
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{00AB}", "\u{00BB}", "\"": out.append(" ")
            default: out.append(c)
            }
        }
        return String(out)
    }
}

/// Finds the aliases of `addressees.yml` in text (contract, section 5): case-insensitive, whole words,
/// longest alias first, in the singular and the plural.
///
/// An alias written `the X` (the article and one word: `the Council`) is a short form: it names its
/// addressee only in that addressee's context, that is when the report's body, an enclosing heading or the
/// paragraph itself names the addressee by one of its other aliases (a Commission on Human Rights report
/// that says "the Council" may mean the Economic and Social Council).
package struct AddresseeMatcher: Sendable {
    struct Pattern {
        var words: [String]
        var slug: String
        var isShortForm: Bool
    }

    /// Longest first (in words, then in letters), so that `countries of origin, transit and destination`
    /// wins over `countries of origin`, and `Office of the United Nations High Commissioner for Refugees` (when the
    /// vocabulary has it) over `High Commissioner`.
    let patterns: [Pattern]
    /// The patterns by their first word, each list in the order of `patterns` (matching tries only these:
    /// measured 40 times faster than trying every alias at every word).
    let patternsByFirstWord: [String: [Pattern]]
    /// Slug -> position in the vocabulary.
    let order: [String: Int]
    /// The vocabulary's recommending language (`recommending-verbs.yml`).
    let language: RecommendingLanguage

    package init(vocabulary: AddresseeVocabulary) {
        var order: [String: Int] = [:]
        var patterns: [Pattern] = []
        var seen: Set<[String]> = []
        for (index, entry) in vocabulary.entries.enumerated() {
            order[entry.slug] = index
            for alias in entry.aliases {
                let words = RecTokenizer.tokens(alias).map { token -> String in
                    if case .word(let w) = token { return w }
                    return ","
                }
                guard !words.isEmpty else { continue }
                let isShortForm = words.count == 2 && words[0] == "the"
                for variant in Self.numberVariants(words) where seen.insert(variant).inserted {
                    patterns.append(Pattern(words: variant, slug: entry.slug, isShortForm: isShortForm))
                }
            }
        }
        self.patterns = patterns.enumerated().sorted { a, b in
            let (x, y) = (a.element.words, b.element.words)
            if x.count != y.count { return x.count > y.count }
            let (lx, ly) = (x.joined().count, y.joined().count)
            if lx != ly { return lx > ly }
            return a.offset < b.offset
        }.map(\.element)
        var byFirst: [String: [Pattern]] = [:]
        for p in self.patterns { byFirst[p.words[0], default: []].append(p) }
        self.patternsByFirstWord = byFirst
        self.order = order
        self.language = vocabulary.language
    }

    /// The alias as written, and with its first and last words in the other number
    /// (`countries of origin` -> `country of origin`; `Governments` -> `Government`; `NGO` -> `NGOs`).
    static func numberVariants(_ words: [String]) -> [[String]] {
        var result = [words]
        func flip(_ at: Int) {
            for existing in result {
                if let other = otherNumber(existing[at]) {
                    var v = existing
                    v[at] = other
                    result.append(v)
                }
            }
        }
        flip(words.count - 1)
        if words.count > 1 { flip(0) }
        return result
    }

    static let invariable: Set<String> = ["the", "of", "and", "or", "for", "on", "to", "in", ",", "united", "nations", "rights", "human"]

    static func otherNumber(_ word: String) -> String? {
        guard word.count > 2, !invariable.contains(word), word.allSatisfy({ $0.isLetter || $0 == "-" }) else { return nil }
        if word.hasSuffix("men") { return String(word.dropLast(3)) + "man" }
        if word.hasSuffix("man") { return String(word.dropLast(3)) + "men" }
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("ss") { return word + "es" }
        if word.hasSuffix("s") { return String(word.dropLast()) }
        if word.hasSuffix("y"), let before = word.dropLast().last, !"aeiou".contains(before) { return String(word.dropLast()) + "ies" }
        return word + "s"
    }

    /// The vocabulary's order of slugs; slugs the vocabulary does not have come last, in the order given.
    func sorted<S: Sequence>(_ slugs: S) -> [String] where S.Element == String {
        var unique: [String] = []
        for s in slugs where !unique.contains(s) { unique.append(s) }
        return unique.enumerated().sorted { a, b in
            let (x, y) = (order[a.element] ?? Int.max, order[b.element] ?? Int.max)
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
    }

    /// The tokens with every alias replaced by `.addressee(slug)`; short forms only for slugs in `context`.
    func mask(_ tokens: [RecToken], context: Set<String>) -> [RecToken] {
        var out: [RecToken] = []
        var i = 0
        while i < tokens.count {
            if let (slug, length) = match(tokens, at: i, context: context) {
                out.append(.addressee(slug))
                i += length
            } else {
                out.append(tokens[i])
                i += 1
            }
        }
        return out
    }

    func match(_ tokens: [RecToken], at i: Int, context: Set<String>) -> (slug: String, length: Int)? {
        guard let first = tokens[i].word, let candidates = patternsByFirstWord[first] else { return nil }
        for p in candidates where i + p.words.count <= tokens.count {
            if p.isShortForm && !context.contains(p.slug) { continue }
            var ok = true
            for (k, w) in p.words.enumerated() {
                let t = tokens[i + k]
                if w == "," ? t != .softBreak : t.word != w { ok = false; break }
            }
            if ok { return (p.slug, p.words.count) }
        }
        return nil
    }

    /// The slugs a text names by an alias other than a short form: what makes a context.
    func slugsNamed(in text: String) -> Set<String> {
        slugsNamed(inTokens: RecTokenizer.tokens(text))
    }

    func slugsNamed(inTokens tokens: [RecToken]) -> Set<String> {
        Set(mask(tokens, context: []).compactMap { token -> String? in
            if case .addressee(let slug) = token { return slug }
            return nil
        })
    }
}
