import ReportSiteCore

/// The kind of a heading's printed number, and whether a heading's level fits it (contract, section 1:
/// "each heading is one level below its printed parent").
enum HeadingKind: Int, Equatable {
    case roman = 0, capital, arabic, parenthesised

    var name: String {
        switch self {
        case .roman: return "a roman numeral"
        case .capital: return "a capital letter"
        case .arabic: return "an arabic number"
        case .parenthesised: return "a lettered heading like (a)"
        }
    }

    /// The kinds a printed number can be: `IV` roman, `B` a capital letter, `I`, `V`, `X`, `L`, `C`, `D`, `M`
    /// either. Lowercase `a.` or `iv.` and mixed numbers are not judged (empty).
    static func candidates(_ number: String, label: String) -> Set<HeadingKind> {
        if label.hasPrefix("(") { return [.parenthesised] }
        if number.allSatisfy(\.isASCII), number.allSatisfy(\.isNumber) { return [.arabic] }
        guard number.allSatisfy({ $0.isASCII && $0.isUppercase }) else { return [] }
        let isRoman = number.allSatisfy { "IVXLCDM".contains($0) } && romanValue(number) != nil
        if number.count == 1 { return isRoman ? [.roman, .capital] : [.capital] }
        return isRoman ? [.roman] : []
    }

    /// `XIV` -> 14; nil when not a well-formed roman numeral below 40 (headings never go further).
    static func romanValue(_ s: String) -> Int? {
        let table = (1...39).map { n -> String in
            let tens = ["", "X", "XX", "XXX"], ones = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
            return tens[n / 10] + ones[n % 10]
        }
        return table.firstIndex(of: s).map { $0 + 1 }
    }
}

extension StructureCheck {
    /// Warns at a heading whose printed number does not fit its level (RS108).
    func checkHeadings(_ sections: [Section]) {
        var kinds: [HeadingKind?] = []
        for (i, section) in sections.enumerated() {
            // The heading before it under the same parent that has a number.
            let sibling = sections[..<i].indices.last { sections[$0].parent == section.parent && sections[$0].number != nil }
            let kind = Self.kind(of: section, sibling: sibling.map { (sections[$0], kinds[$0]) })
            kinds.append(kind)
            guard let kind, let label = section.label else { continue }
            let written = "`\(String(repeating: "#", count: section.level)) \(label)`"
            let at = section.position
            if let p = section.parent, let parentKind = kinds[p], parentKind == kind, let parentLabel = sections[p].label {
                let parent = sections[p]
                let parentWritten = "`\(String(repeating: "#", count: parent.level)) \(parentLabel)`"
                diagnostics.warning(.headingLevel, file: file, at: at,
                                    "\(written) is one level below \(parentWritten), so its anchor is #\(section.anchor); \(kind.name) is a sibling of \(parent.number ?? parentLabel): write `\(String(repeating: "#", count: parent.level)) \(label)`",
                                    hint: "a heading is one level below its printed parent and at the level of the headings numbered like it")
                continue
            }
            // One level too shallow: after a heading of a higher kind at its level (`## A.` after `## VIII.`, and
            // `## B.` after that `## A.`). An unnumbered heading at that level (`## Annex`) starts afresh.
            var higher: Int?
            for j in sections[..<i].indices.reversed() where sections[j].parent == section.parent && sections[j].level == section.level {
                if sections[j].number == nil { break }
                if let k = kinds[j], k.rawValue < kind.rawValue { higher = j; break }
            }
            if let s = higher, let siblingKind = kinds[s], let siblingLabel = sections[s].label {
                let sib = sections[s]
                let sibWritten = "`\(String(repeating: "#", count: sib.level)) \(siblingLabel)`"
                diagnostics.warning(.headingLevel, file: file, at: at,
                                    "\(written) is at the level of \(sibWritten), so it is not part of \(sib.number ?? siblingLabel) and its anchor is #\(section.anchor); \(kind.name) after \(siblingKind.name) is one level below it: write `\(String(repeating: "#", count: section.level + 1)) \(label)`",
                                    hint: "a heading is one level below its printed parent (section anchors, and the recommendations sections, follow the levels)")
            }
        }
    }

    /// The kind of a heading's number; a single letter that can be roman (`I`, `V` ...) is decided by the
    /// numbered heading before it at the same level (`H.` then `I.` is a letter, `IV.` then `V.` roman); without
    /// one it is roman (letters start at `A.`; an excerpt may start at chapter `V.`). nil when it cannot be told.
    static func kind(of section: Section, sibling: (Section, HeadingKind?)?) -> HeadingKind? {
        guard let number = section.number, let label = section.label else { return nil }
        let candidates = HeadingKind.candidates(number, label: label)
        if candidates.count == 1 { return candidates.first }
        guard candidates.count == 2 else { return nil }
        guard let (previous, previousKind) = sibling, let previousKind, let p = previous.number else {
            return sibling == nil ? .roman : nil
        }
        switch previousKind {
        case .capital:
            if let a = p.unicodeScalars.first?.value, let b = number.unicodeScalars.first?.value, b == a + 1 { return .capital }
        case .roman:
            if let a = HeadingKind.romanValue(p), let b = HeadingKind.romanValue(number), b == a + 1 { return .roman }
        default: break
        }
        return nil
    }
}
