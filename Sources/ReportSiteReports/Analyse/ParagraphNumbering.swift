import ReportSiteCore

/// Checks that numbered paragraphs rise by one: no gaps, no repeats, a start at 1. An excerpt may start anywhere
/// and leave gaps between its passages (shown on the page); repeats and numbers that go back stay mistakes.
struct ParagraphNumbering {
    let file: String
    let isExcerpt: Bool
    let diagnostics: DiagnosticEngine

    func check(_ paragraphs: [NumberedParagraph]) {
        guard let first = paragraphs.first else { return }
        if !isExcerpt, first.number != 1 {
            diagnostics.warning(.paragraphStart, file: file, at: first.position,
                                "the first numbered paragraph is \(first.number); expected 1",
                                hint: "if the file holds only part of the report, say so with an `excerpt` key in the front matter")
        }
        var firstSeen: [Int: Int] = [first.number: first.position.line]
        for (previous, paragraph) in zip(paragraphs, paragraphs.dropFirst()) {
            let (p, n) = (previous.number, paragraph.number)
            if let line = firstSeen[n] {
                diagnostics.warning(.paragraphRepeat, file: file, at: paragraph.position,
                                    "paragraph \(n) repeats the number of the paragraph at line \(line)",
                                    hint: "renumber it, or join it to the paragraph it continues")
            } else if n < p {
                diagnostics.warning(.paragraphRepeat, file: file, at: paragraph.position,
                                    "paragraph \(n) is out of order: it follows paragraph \(p)",
                                    hint: "paragraph numbers must rise by one through the report")
            } else if n > p + 1, !isExcerpt {
                let missing = n - p == 2 ? "paragraph \(p + 1) is" : "paragraphs \(p + 1)-\(n - 1) are"
                diagnostics.warning(.paragraphGap, file: file, at: paragraph.position,
                                    "\(missing) missing between \(p) and \(n)",
                                    hint: "add the missing text, or correct the number")
            }
            firstSeen[n] = firstSeen[n] ?? paragraph.position.line
        }
        // In an excerpt any paragraph may begin or end inside a passage; elsewhere a cut is a mistake.
        for paragraph in paragraphs where !isExcerpt && (paragraph.isIncomplete || paragraph.isCutAtEnd) {
            diagnostics.warning(.paragraphStart, file: file, at: paragraph.position,
                                "paragraph \(paragraph.number) is marked as cut with [...], but the file is not an excerpt",
                                hint: "add an `excerpt` key that says which part of the report the file holds")
        }
    }
}
