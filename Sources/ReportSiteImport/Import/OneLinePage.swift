import Foundation
import ReportSiteCore

/// Cuts a page extracted as one line into its blocks: numbered paragraphs (the numbers that follow one another),
/// a heading between the end of a sentence and the next paragraph number, and sub-paragraphs (a), (b), ...
enum OneLinePage {
    static func split(_ text: String) -> [String] {
        // Candidate paragraph numbers: " 64. The" after the end of a sentence or a heading.
        var candidates: [(index: String.Index, number: Int)] = []
        for m in text.matches(of: /\s([0-9]{1,3})\.\s(?=[\p{Lu}“"‘(\[])/) {
            guard let n = Int(m.output.1) else { continue }
            candidates.append((m.output.1.startIndex, n))
        }
        if text.prefixMatch(of: /([0-9]{1,3})\.\s(?=[\p{Lu}“"‘(\[])/) != nil, let n = Int(text.prefix(while: \.isNumber)) {
            candidates.insert((text.startIndex, n), at: 0)
        }
        var accepted: [String.Index] = []
        if let start = candidates.firstIndex(where: { c in candidates.contains { $0.number == c.number + 1 && $0.index > c.index } }) ?? (candidates.count == 1 ? 0 : nil) {
            var expected = candidates[start].number
            for c in candidates[start...] where c.number == expected {
                accepted.append(c.index)
                expected += 1
            }
        }
        var segments: [Substring] = []
        var from = text.startIndex
        for index in accepted where index > from {
            segments.append(text[from..<index])
            from = index
        }
        segments.append(text[from...])

        var out: [String] = []
        for segment in segments {
            var pieces = subParagraphs(segment)
            // A heading standing between the last sentence of this segment and the next paragraph number.
            if let last = pieces.last {
                let (head, heading) = trailingHeading(last)
                if let heading {
                    pieces[pieces.count - 1] = head
                    pieces.append(heading)
                }
            }
            out.append(contentsOf: pieces.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        }
        return out
    }

    /// `... population. VIII. RECOMMENDATIONS` -> (`... population.`, `VIII. RECOMMENDATIONS`).
    static func trailingHeading(_ s: String) -> (String, String?) {
        let ends = s.matches(of: /[.;:!?][”"’)]?\s+/)
        for end in ends.reversed() {
            let tail = s[end.range.upperBound...].trimmingCharacters(in: .whitespaces)
            if tail.count > 160 { break }
            if tail.wholeMatch(of: /(?:[IVXLC]+|[A-Z])\.\s+\p{Lu}[^.;]{0,150}/) != nil {
                return (String(s[..<end.range.upperBound]), tail)
            }
        }
        return (s, nil)
    }

    /// Sub-paragraphs (a), (b), ... that follow one another after a colon or semicolon.
    static func subParagraphs(_ s: Substring) -> [String] {
        var cuts: [String.Index] = []
        var expected: Character = "a"
        for m in s.matches(of: /[:;.][0-9]{0,3}\s(\(([a-z])\)\s)(?=\p{Lu})/) {
            guard let letter = m.output.2.first, letter == expected else { continue }
            cuts.append(m.output.1.startIndex)
            expected = Character(UnicodeScalar(letter.unicodeScalars.first!.value + 1)!)
        }
        var out: [String] = []
        var from = s.startIndex
        for cut in cuts {
            out.append(String(s[from..<cut]))
            from = cut
        }
        out.append(String(s[from...]))
        return out
    }
}
