import Foundation
import ReportSiteCore

/// Footnote markers of extracted text (`¹⁰`, `<sup>*</sup>`, `framework;11`, `agenda\*`) and footnote texts.
enum Footnotes {
    static let superscriptDigits: [Unicode.Scalar: Character] = [
        "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
    ]

    static func superscript(_ digits: String) -> String {
        let back = Dictionary(uniqueKeysWithValues: superscriptDigits.map { ($0.value, Character($0.key)) })
        return String(digits.compactMap { back[$0] })
    }

    static func plainDigits(_ s: Substring) -> String {
        String(s.unicodeScalars.compactMap { superscriptDigits[$0] })
    }

    /// Words after which a glued number is part of a reference, not a footnote marker (`Add.1`, `Corr.1`).
    static let abbreviations: Set<String> = ["add", "corr", "rev", "no", "nos", "para", "paras", "art", "arts", "vol",
                                             "p", "pp", "chap", "sect", "suppl", "ser", "annex", "amend", "op", "fig"]

    /// A footnote text: `¹ Alexander Betts ...`, `<sup>\*</sup> A/58/150.`, or `12 See ...` where 12 is a marker
    /// still waiting for its text.
    static func definition(_ t: String, waiting: Set<String>) -> (label: String, text: String)? {
        if let m = t.prefixMatch(of: /([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*/) {
            let rest = t[m.range.upperBound...]
            guard !rest.isEmpty else { return nil }
            return (plainDigits(m.output.1), String(rest))
        }
        if let m = t.prefixMatch(of: /<sup>\s*(\\?\*|[0-9]{1,3})\s*<\/sup>\s*/) {
            let label = m.output.1.hasSuffix("*") ? "*" : String(m.output.1)
            return (label, String(t[m.range.upperBound...]))
        }
        if let m = t.prefixMatch(of: /([0-9]{1,3}|\*)\s+(?=[\p{Lu}“"]|https?:|www\.)/), waiting.contains(String(m.output.1)) {
            return (String(m.output.1), String(t[m.range.upperBound...]))
        }
        return nil
    }

    /// Replaces the markers in `text` by `[^N]` references; `last` is the highest numbered marker seen so far
    /// (a digit glued to a word is a marker only when it follows it closely). Returns the labels referenced, in order.
    static func convertMarkers(_ text: String, last: inout Int, inFootnote: Bool = false) -> (String, [String]) {
        var labels: [String] = []
        var t = text
        // Autolinks of the extraction (`<http://...>`) are plain addresses in a report.
        t = t.replacing(/<((?:https?|ftp):\/\/[^\s>]+)>/) { String($0.output.1) }
        // In a footnote's own text, digits are what it cites (`A/HRC/WG.6/7L.14`, `para. 115.18`), never markers.
        if inFootnote { return (t, []) }
        t = t.replacing(/<sup>\s*(\\?\*|[0-9]{1,3})\s*<\/sup>/) { m in
            let label = m.output.1.hasSuffix("*") ? "*" : String(m.output.1)
            return "[^\(label)]"
        }
        t = t.replacing(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/) { m in "[^\(plainDigits(m.output[...]))]" }
        // An escaped asterisk glued to a word: `provisional agenda\*`.
        t = t.replacing(/([\p{L}\p{N}.,;:)”’"])\\\*(?=\s|$|[.,;:])/) { m in "\(m.output.1)[^*]" }
        // A lone asterisk glued to a word (`report of Zedland*`): the marker of an asterisk note.
        if t.filter({ $0 == "*" }).count == 1 {
            t = t.replacing(/([\p{L}\p{N}.,;:)”’"])\*(?=\s|$)/) { m in "\(m.output.1)[^*]" }
        }
        // Markers glued to a word or punctuation (`framework;11`, `violated;12`) and markers after a space
        // (`(GANHRI), in 2021. 8 The ...`, `care solutions. 129 CoE-Commissioner`), taken in the order of the text
        // so that each is judged against the one before it.
        var candidates: [(replaced: Range<String.Index>, number: Int, glued: Bool)] = []
        for m in t.matches(of: /[\p{L};:,.”’")\]]([0-9]{1,3})(?=\s|$|[,;:.)”’"])/) {
            guard let n = Int(m.output.1) else { continue }
            candidates.append((m.output.1.startIndex..<m.range.upperBound, n, true))
        }
        // After a space: after a sentence's or clause's end, then a capital or the end of the text.
        for m in t.matches(of: /([.;:,)”’"])\s([0-9]{1,3})(?=\s+[\p{Lu}(“"]|\s*$)/) {
            guard let n = Int(m.output.2) else { continue }
            candidates.append((m.output.1.endIndex..<m.range.upperBound, n, false))
        }
        // Glued to a percentage or a year (`23.7%6.`, `2012–202013`): only the very next marker of the sequence.
        var onlyNext: Set<String.Index> = []
        for m in t.matches(of: /%([0-9]{1,3})(?=\s|$|[,;:.)”’"])/) {
            guard let n = Int(m.output.1) else { continue }
            candidates.append((m.output.1.startIndex..<m.range.upperBound, n, true))
            onlyNext.insert(m.output.1.startIndex)
        }
        for m in t.matches(of: /(?:^|[^0-9.,\/])(?:19|20)[0-9]{2}([1-9][0-9]?)(?=\s|$|[,;:.)”’"])/) {
            guard let n = Int(m.output.1) else { continue }
            candidates.append((m.output.1.startIndex..<m.range.upperBound, n, true))
            onlyNext.insert(m.output.1.startIndex)
        }
        candidates.sort { $0.replaced.lowerBound < $1.replaced.lowerBound }
        var out = ""
        var from = t.startIndex
        for var c in candidates where c.replaced.lowerBound >= from {
            // An acronym's own number and the marker run together (`JS384`: JS3 and note 84): the marker is the
            // next number of the sequence at the end of the digits.
            let want = String(last + 1)
            if c.glued, c.number != last + 1, last > 0, t[..<c.replaced.lowerBound].last?.isUppercase == true,
               String(c.number).count == want.count + 1, String(c.number).hasSuffix(want) {
                c.replaced = t.index(after: c.replaced.lowerBound)..<c.replaced.upperBound
                c.number = last + 1
            }
            let n = c.number
            let before = t[..<c.replaced.lowerBound]
            if onlyNext.contains(c.replaced.lowerBound) {
                guard n == last + 1, last > 0 || n == 1 else { continue }
            } else if c.glued {
                // After a capital (`IOM11`) only the very next marker: `G77` and `CO2` are names.
                if before.last?.isUppercase == true, n != last + 1 { continue }
                if before.hasSuffix("[^") { continue }
                if before.last == "." || before.last == "," {
                    let word = before.dropLast().reversed().prefix(while: { $0.isLetter }).reversed()
                    // The last part of a document symbol (`A/HRC/WG.6/8/L.7`, `.../7L.14`): a number, never a marker.
                    if before.last == ".", ["L", "Add", "Corr", "Rev", "CRP", "INF", "WP", "Amend"].contains(String(word)),
                       let mark = before.dropLast(word.count + 1).last, mark == "/" || mark.isNumber { continue }
                    if abbreviations.contains(String(word).lowercased()) { continue }
                    // After a number (`in June 2021.1`, `(art. 9).3`) only the very next marker: `2.1` stays a number.
                    if word.isEmpty, n != last + 1 { continue }
                    // After a number, only the next marker, and not after a short number standing alone: `4.1` and
                    // `2.1` are numbers, `in June 2021.1` and `resolution 69/167.1` have a marker.
                    if before.dropLast().last?.isNumber == true {
                        let token = before.dropLast().reversed().prefix { !$0.isWhitespace }
                        if n != last + 1 || (token.allSatisfy(\.isNumber) && token.count != 4) { continue }
                    }
                } else if before.last?.isLetter == true {
                    let word = before.reversed().prefix(while: { $0.isLetter })
                    if abbreviations.contains(String(word.reversed()).lowercased()) { continue }
                }
                guard (last == 0 && n >= 1 && n < 400) || (n > last && n <= last + 10) else { continue }
            } else {
                // Only the very next number; `paras. 12 and 13`, `No. 5`: a number after an abbreviation is cited.
                guard n == last + 1, last > 0 || n == 1 else { continue }
                let word = before.dropLast().reversed().prefix(while: { $0.isLetter }).reversed()
                if before.last == ".", abbreviations.contains(String(word).lowercased()) { continue }
            }
            out += t[from..<c.replaced.lowerBound] + "[^\(n)]"
            from = c.replaced.upperBound
            last = n
        }
        out += t[from...]
        t = out
        for m in t.matches(of: /\[\^([^\]\s]+)\]/) {
            let label = String(m.output.1)
            labels.append(label)
            if let n = Int(label) { last = max(last, n) }
        }
        return (t, labels)
    }
}
