import ReportSiteCore

/// The import invariant, as the importer checks it itself: a paragraph number of the raw text (`48.` alone on its
/// line, or `48. Bioenergy is ...` opening a line) that the output has neither as a paragraph nor as an item, but
/// inside a footnote's text, was swallowed by a footnote (a footnote zone left open past a page break).
extension ReportImporter {
    struct SwallowedParagraph: Sendable, Equatable {
        let number: Int
        let line: Int
        let footnote: String
    }

    static func paragraphsInFootnotes(raw: String, paragraphs: Set<Int>, items: Set<Int>,
                                      notes: [(label: String, text: String)]) -> [SwallowedParagraph] {
        guard !notes.isEmpty else { return [] }
        let lines = raw.components(separatedBy: "\n").map { $0.replacingOccurrences(of: "\u{0C}", with: "").trimmingCharacters(in: .whitespaces) }
        var found: [SwallowedParagraph] = []
        for (k, t) in lines.enumerated() {
            let number: Int
            var text: String
            if let m = t.wholeMatch(of: /([0-9]{1,3})\./), let n = Int(m.output.1) {
                number = n
                text = lines[(k + 1)...].first { !$0.isEmpty } ?? ""
            } else if let m = t.prefixMatch(of: /([0-9]{1,3})\.\s+(\p{Lu}.*)/), let n = Int(m.output.1) {
                // At the start of a line, before a capital: the footnote holding it whole is the test below.
                number = n
                text = String(m.output.2)
            } else {
                continue
            }
            guard number > 0, !paragraphs.contains(number), !items.contains(number) else { continue }
            // The number and the first words of its text, as the footnote holds them.
            let words = text.split(separator: " ").prefix(4).joined(separator: " ")
            guard words.count >= 8 else { continue }
            let probe = "\(number). " + words
            if let note = notes.first(where: { $0.text.contains(probe) }) {
                found.append(SwallowedParagraph(number: number, line: k + 1, footnote: note.label))
            }
        }
        return found
    }
}
