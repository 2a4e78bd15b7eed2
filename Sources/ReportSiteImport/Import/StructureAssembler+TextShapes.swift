import Foundation
import ReportSiteCore

/// The shapes of raw text the assembler tells structure by: pure functions of a line or a block.
extension StructureAssembler {
    /// Ends a sentence: `.`, `:`, `;`, `!` or `?`, maybe followed by quotes or footnote references.
    static func isClosed(_ s: String) -> Bool {
        var t = Substring(s.trimmingCharacters(in: .whitespaces))
        while let m = t.firstMatch(of: /\[\^[^\]\s]+\]$/) { t = t[..<m.range.lowerBound] }
        while let last = t.last, "”\"’'*".contains(last) { t = t.dropLast() }
        // A footnote number glued after the full stop (`(art. 9).3`) still ends the sentence.
        if let m = t.firstMatch(of: /[.;:!?”’")][0-9]{1,3}$/) { t = t[..<t.index(after: m.range.lowerBound)] }
        guard let last = t.last else { return false }
        return ".:;!?".contains(last)
    }

    /// Ends with `;` or `:` (maybe before a footnote reference): an item or a chapeau, more follows.
    static func endsInsideAList(_ s: String) -> Bool {
        var t = Substring(s.trimmingCharacters(in: .whitespaces))
        while let m = t.firstMatch(of: /\[\^[^\]\s]+\]$/) { t = t[..<m.range.lowerBound] }
        return t.last == ";" || t.last == ":"
    }

    static func startsLowercase(_ s: String) -> Bool {
        guard let c = s.first(where: { !"“\"‘'(".contains($0) }) else { return false }
        return c.isLowercase
    }

    static let romanValues: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000]

    static func romanValue(_ s: Substring) -> Int? {
        guard !s.isEmpty, s.count <= 7, s.allSatisfy({ romanValues[$0] != nil }) else { return nil }
        let values = s.map { romanValues[$0]! }
        var total = 0
        for (k, v) in values.enumerated() {
            if k + 1 < values.count, v < values[k + 1] { total -= v } else { total += v }
        }
        return total
    }

    /// Strips emphasis wrapped around a heading's text and a final colon; all capitals become sentence case.
    static func cleanHeadingText(_ s: String) -> String {
        var t = s.trimmingCharacters(in: .whitespaces)
        t = t.replacingOccurrences(of: "**", with: "")
        if t.hasPrefix("*"), let end = t.dropFirst().firstIndex(of: "*") {
            t = String(t[t.index(after: t.startIndex)..<end]) + String(t[t.index(after: end)...])
        }
        t = t.trimmingCharacters(in: .whitespaces)
        while t.hasSuffix(":") { t.removeLast() }
        t = t.trimmingCharacters(in: .whitespaces)
        let letters = t.filter(\.isLetter)
        if letters.count > 3, letters.allSatisfy(\.isUppercase) {
            let lower = t.lowercased()
            t = lower.prefix(1).uppercased() + lower.dropFirst()
        }
        return t
    }

    /// Short, no final full stop, starts with a capital: the shape of a heading's text after its number.
    static func looksLikeHeading(_ rest: String, limit: Int = 160) -> Bool {
        let text = cleanHeadingText(rest)
        guard !text.isEmpty, text.count <= limit else { return false }
        guard let first = text.first(where: { !"“\"‘'*(".contains($0) }), first.isUppercase || first.isNumber else { return false }
        var trimmed = Substring(text)
        while let m = trimmed.firstMatch(of: /\[\^[^\]\s]+\]$/) { trimmed = trimmed[..<m.range.lowerBound] }
        if let last = trimmed.last, ".;,".contains(last) { return false }
        // Two sentences are not a heading.
        if text.firstMatch(of: /\p{Ll}[.;]\s+\p{Lu}/) != nil { return false }
        return true
    }

    static func normalisedTitle(_ s: String) -> String {
        String(s.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }
}
