import ReportSiteCore

extension RawTextReader {
    /// Review recommendation items printed with a dot after their label (`119.1.`, `101.1. Ratify ...`,
    /// `138.109.`), as the reports of 2010 to 2014 print them, are written as the items `119.1` of the contract;
    /// an item run on in the line of the one before (`... (Australia); 101.27. Remain ...`) starts a line of its own.
    /// A paragraph number of two or three digits, then the item's: `2.1.` (a section of a national report) is left.
    static func dottedItemLabels(_ lines: [(number: Int, text: String)]) -> [(number: Int, text: String)] {
        var out: [(number: Int, text: String)] = []
        out.reserveCapacity(lines.count)
        for line in lines {
            var rest = line.text
            // Items run on: `...; 101.27. Remain`, cut before the label.
            while let m = rest.firstMatch(of: /(?:;|\)\.)\s+([0-9]{2,3}\.[0-9]{1,3})\.\s+(?=[\p{Lu}“"])/) {
                let cut = m.output.1.startIndex
                let before = String(rest[..<cut]).trimmingCharacters(in: .whitespaces)
                out.append((line.number, label(before)))
                rest = String(rest[cut...])
            }
            out.append((line.number, label(rest)))
        }
        return out
    }

    /// `119.1.` → `119.1`; `101.1. Ratify` → `101.1 Ratify`; anything else as it is.
    private static func label(_ text: String) -> String {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let m = t.wholeMatch(of: /([0-9]{2,3}\.[0-9]{1,3})\./) { return String(m.output.1) }
        if let m = t.prefixMatch(of: /([0-9]{2,3}\.[0-9]{1,3})\.(\s+)/) { return String(m.output.1) + " " + t[m.range.upperBound...] }
        return text
    }
}
