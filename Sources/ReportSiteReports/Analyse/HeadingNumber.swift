import ReportSiteCore

/// The printed number at the start of a heading: `IV.`, `B.`, `1.`, `(a)`.
struct HeadingNumber: Equatable {
    /// `IV`, `B`, `1`, `a`: the part used in section anchors.
    var number: String
    /// As printed: `IV.`, `(a)`.
    var label: String
    /// The heading's text after the label.
    var title: [Inline]

    /// Reads the label from a heading's first text; nil for an unnumbered heading.
    init?(_ content: [Inline]) {
        guard case .text(let first)? = content.first else { return nil }
        let (number, label, rest): (Substring, Substring, Substring)
        if first.hasPrefix("(") {
            guard let close = first.firstIndex(of: ")") else { return nil }
            number = first[first.index(after: first.startIndex)..<close]
            label = first[first.startIndex...close]
            rest = first[first.index(after: close)...]
        } else {
            guard let dot = first.firstIndex(of: ".") else { return nil }
            number = first[first.startIndex..<dot]
            label = first[first.startIndex...dot]
            rest = first[first.index(after: dot)...]
        }
        guard !number.isEmpty, number.count <= 8,
              number.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) }),
              rest.isEmpty || rest.first == " " else { return nil }
        // A word ending a sentence ("Summary.") is not a number: numbers are short, roman, letters or digits.
        let isDigits = number.allSatisfy(\.isNumber)
        let isRoman = number.allSatisfy { "IVXLCivxlc".contains($0) }
        guard isDigits || isRoman || number.count == 1 else { return nil }
        self.number = String(number)
        self.label = String(label)
        let text = rest.drop { $0 == " " }
        var title = content
        if text.isEmpty { title.removeFirst() } else { title[0] = .text(String(text)) }
        self.title = title
    }
}
