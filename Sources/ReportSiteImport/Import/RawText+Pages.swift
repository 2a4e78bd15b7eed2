import Foundation
import ReportSiteCore

/// The pages of a PDF's text (pdftotext's form feeds): their furniture (running headers, printed page numbers) and
/// the footnote numbers that pdftotext put apart from their texts at the foot of a page.
extension RawTextReader {
    typealias PageLine = (number: Int, text: String)

    /// What a page's printed number is, less its place among the pages (0-based): the difference most pages agree on
    /// (1 when the cover is page 1). A number at the top or foot of a page that does not fit it is no page number
    /// (`10` above the first footnote of a page, a note's number `11` at its foot). Nil when fewer than two pages agree.
    func pageNumberOffset(_ pages: [[PageLine]]) -> Int? {
        var votes: [Int: Int] = [:]
        for (index, page) in pages.enumerated() {
            let texts = page.map { $0.text.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            for side in [Array(texts.prefix(5)), Array(texts.suffix(5).reversed())] {
                for t in side {
                    if let n = pageNumber(t) { votes[n - index, default: 0] += 1; break }
                    if !isRunningHeader(t) { break }
                }
            }
        }
        let best = votes.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.first
        guard let best, best.value >= 2 else { return nil }
        return best.key
    }

    /// Removes the running headers and the printed page number at the top and foot of page `index` (0-based); with an
    /// `offset`, only the number that fits it is the page's, once, and when none is at either end a number alone between
    /// blank lines that fits it is (pdftotext may put it among the notes). Returns the page's printed number.
    mutating func removeFurniture(_ body: inout [PageLine], index: Int, offset: Int?) -> Int? {
        var printed: Int?
        let expected = offset.map { index + $0 }
        let hasText: (PageLine) -> Bool = { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }
        for fromTop in [true, false] {
            var looked = 0
            while looked < 5, let candidate = fromTop ? body.firstIndex(where: hasText) : body.lastIndex(where: hasText) {
                let t = body[candidate].text.trimmingCharacters(in: .whitespaces)
                if let n = pageNumber(t), expected == nil || (n == expected && printed == nil) {
                    printed = printed ?? n
                } else if !isRunningHeader(t) {
                    break
                }
                artefactsRemoved += 1
                body.remove(at: candidate)
                looked += 1
            }
        }
        if printed == nil, let expected {
            let lines = body
            let blank: (Int) -> Bool = { k in !lines.indices.contains(k) || !hasText(lines[k]) }
            if let k = lines.indices.first(where: { lines[$0].text.trimmingCharacters(in: .whitespaces) == String(expected) && blank($0 - 1) && blank($0 + 1) }) {
                body.remove(at: k)
                artefactsRemoved += 1
                printed = expected
            }
        }
        return printed
    }

    /// Footnote numbers that pdftotext put apart from their texts, all together at the foot of the page's notes
    /// (`1` `2` under the last note, the two texts higher up without a number): each number of a run goes to the text
    /// where the notes' sequence lacks it, between the note before it (or the start of the notes) and the note after
    /// it, when the lines there are exactly that many notes (one a line, or cut where a line ends a sentence).
    /// `notesRunOn`: the page before ended among endnotes (a `Notes` section), which go on at the top of this one.
    static func placeApartNoteNumbers(_ body: inout [PageLine], notesRunOn: inout Bool) -> [ImportWarning] {
        let t = body.map { $0.text.trimmingCharacters(in: .whitespaces) }
        let notesAtTop = notesRunOn
        var zoneStarts: [Int] = []
        for (k, line) in t.enumerated() {
            if ["notes", "endnotes"].contains(line.lowercased()) { notesRunOn = true; zoneStarts.append(k) }
            if line.wholeMatch(of: /_{5,}|-{10,}/) != nil { zoneStarts.append(k) }
            if ["annex", "annexes"].contains(line.lowercased()) || line.prefixMatch(of: /Annex\s+[IVX0-9]+$/) != nil { notesRunOn = false }
        }
        // The run of numbers alone at the foot (a rule of dashes below them aside).
        var apart: [(value: Int, index: Int)] = []
        var k = t.count - 1
        while k >= 0 {
            if t[k].isEmpty || t[k].wholeMatch(of: /[-_]{3,}/) != nil { k -= 1; continue }
            guard let m = t[k].wholeMatch(of: /[0-9]{1,3}/), let n = Int(m.output), n > 0 else { break }
            apart.append((n, k))
            k -= 1
        }
        guard let runStart = apart.map(\.index).min() else { return numbersAboveTheirNotes(&body) }
        let lone: (Int) -> Bool = { t[$0].wholeMatch(of: /[0-9]{1,3}/) != nil }
        func startNumber(_ k: Int) -> Int? {
            if let m = t[k].wholeMatch(of: /([0-9]{1,3})/) { return Int(m.output.1) }
            if let m = t[k].prefixMatch(of: /([0-9]{1,3})\s+\S/) { return Int(m.output.1) }
            return nil
        }
        let values = apart.map(\.value).sorted()
        guard Set(values).count == values.count else { return [] }
        var runs: [ClosedRange<Int>] = []
        for v in values {
            if let last = runs.last, v == last.upperBound + 1 { runs[runs.count - 1] = last.lowerBound...v } else { runs.append(v...v) }
        }
        var warnings: [ImportWarning] = []
        var rewritten = body
        for run in runs {
            let m = run.lowerBound, count = run.count
            // The note before the run: its last start above the foot.
            let anchor = m > 1 ? (0..<runStart).last(where: { startNumber($0) == m - 1 }) : nil
            let end = ((anchor ?? -1) + 1..<runStart).first(where: { startNumber($0) == run.upperBound + 1 }) ?? runStart
            var from: Int
            if let anchor {
                from = lone(anchor) ? anchor + 1 : anchor
            } else if let zone = zoneStarts.last(where: { $0 < end }) {
                from = zone + 1
            } else if notesAtTop {
                from = 0
            } else {
                continue
            }
            let region = (from..<end).filter { !t[$0].isEmpty }
            guard !region.isEmpty, !region.contains(where: lone) else { continue }
            let needed = count + (anchor == nil ? 0 : 1)
            var groups: [Int] = []
            if region.count == needed {
                groups = region
            } else {
                for (x, line) in region.enumerated() where x == 0 || StructureAssembler.isClosed(t[region[x - 1]]) { groups.append(line) }
            }
            guard groups.count == needed else { continue }
            if let anchor, lone(anchor) {
                rewritten[anchor].text = ""
                rewritten[region[0]].text = Footnotes.superscript(String(m - 1)) + " " + t[region[0]]
            }
            for (offset, line) in groups.dropFirst(anchor == nil ? 0 : 1).enumerated() {
                let n = m + offset
                guard let foot = apart.first(where: { $0.value == n }) else { continue }
                rewritten[line].text = Footnotes.superscript(String(n)) + " " + t[line]
                rewritten[foot.index].text = ""
                warnings.append(ImportWarning(line: body[line].number, "footnote \(n)'s number is printed apart from its text, at the foot of the notes (line \(body[foot.index].number)): given to \"\(t[line].prefix(40))\", where the notes' sequence lacks it; check it"))
            }
        }
        body = rewritten
        return warnings
    }

    /// The other way round: the numbers of a page's notes one under another (`1` `2`), then their texts to the foot
    /// of the page (a one-page decision, A/HRC/DEC/43/112), as many notes as numbers.
    static func numbersAboveTheirNotes(_ body: inout [PageLine]) -> [ImportWarning] {
        let t = body.map { $0.text.trimmingCharacters(in: .whitespaces) }
        let filled = t.indices.filter { !t[$0].isEmpty }
        guard let start = filled.firstIndex(where: { k in
            t[k].wholeMatch(of: /[0-9]{1,3}/) != nil && (k == 0 || t[k - 1].isEmpty)
        }) else { return [] }
        var numbers: [(value: Int, index: Int)] = []
        var x = start
        while x < filled.count, let n = Int(t[filled[x]]), t[filled[x]].count <= 3, numbers.last.map({ n == $0.value + 1 }) ?? true {
            numbers.append((n, filled[x]))
            x += 1
        }
        let texts = Array(filled[x...])
        guard numbers.count >= 2, texts.count >= numbers.count, !texts.contains(where: { t[$0].prefixMatch(of: /[0-9]{1,4}\.?(\s|$)/) != nil }) else { return [] }
        var groups: [Int] = []
        if texts.count == numbers.count {
            groups = texts
        } else {
            for (y, line) in texts.enumerated() where y == 0 || StructureAssembler.isClosed(t[texts[y - 1]]) { groups.append(line) }
        }
        guard groups.count == numbers.count else { return [] }
        var warnings: [ImportWarning] = []
        for (number, line) in zip(numbers, groups) {
            body[line].text = Footnotes.superscript(String(number.value)) + " " + t[line]
            body[number.index].text = ""
            warnings.append(ImportWarning(line: body[line].number, "footnote \(number.value)'s number is printed apart from its text, above the page's notes (line \(body[number.index].number)): given to \"\(t[line].prefix(40))\", the note in its place; check it"))
        }
        return warnings
    }

    /// A page's printed contents (`Contents`, then entries with dot leaders and their paragraphs and pages): removed
    /// up to its last entry's numbers; the site builds its own.
    mutating func dropContents(_ page: [(number: Int, text: String)]) -> [(number: Int, text: String)] {
        let trimmed = page.map { $0.text.trimmingCharacters(in: .whitespaces) }
        let leaders = trimmed.indices.filter { trimmed[$0].contains("......") || trimmed[$0].contains(". . . . .") }
        guard leaders.count >= 2, let last = leaders.last else { return page }
        let start = trimmed.firstIndex { ["contents", "table of contents"].contains($0.lowercased()) }
            ?? (contentsRanToPageEnd ? 0 : nil)
        guard let start, start <= leaders[0] else { return page }
        var end = last + 1
        while end < trimmed.count, trimmed[end].isEmpty || trimmed[end].wholeMatch(of: /[0-9]{1,4}(?:\s*[–-]\s*[0-9]{1,4})?/) != nil { end += 1 }
        // What is left of the page is the contents' last words (`Annex`, a label, a page number): dropped too.
        if trimmed[end...].allSatisfy({ $0.isEmpty || $0.split(separator: " ").count <= 3 && !StructureAssembler.isClosed($0) || $0.wholeMatch(of: /[IVXLC]{1,6}\.|[A-Z]\./) != nil }) {
            end = trimmed.count
        }
        contentsEntries += leaders.count
        contentsRanToPageEnd = trimmed[end...].allSatisfy { $0.isEmpty || pageNumber($0) != nil || isRunningHeader($0) }
        var kept = page
        kept.removeSubrange(start..<end)
        return kept
    }

    /// A line that is only a running header: the symbol, maybe with `page N`, or a print job number.
    func isRunningHeader(_ t: String) -> Bool {
        if let symbol, t == symbol || t.hasPrefix(symbol + " page ") && t.dropFirst(symbol.count + 6).allSatisfy(\.isNumber) { return true }
        // `A/HRC/11/17*`: the header of a reissued document keeps its asterisk.
        if let symbol, t.hasPrefix(symbol), t.dropFirst(symbol.count).allSatisfy({ $0 == "*" }) { return true }
        // `A/HRC/ 8/29`: the header printed with a space in the symbol (first-cycle reports).
        if let symbol, t.contains(" "), t.hasPrefix(symbol.prefix { $0 != "/" }), t.filter({ $0 != " " }) == symbol { return true }
        if UNCover.isBarcode(t) || t.lowercased() == "please recycle" { return true }
        // A barcode set in a font whose glyphs pdftotext gives as control characters (`^F ^O ^O^S ^F`, A/HRC/28/12).
        if !t.isEmpty, t.unicodeScalars.allSatisfy({ $0 == " " || ($0.value < 0x20 && $0 != "\t") }) { return true }
        if t.wholeMatch(of: /(GE\.)?[0-9]{2}-[0-9]{5}(\s*\(E\))?(\s+\S+)?/) != nil { return true }
        return false
    }

    func pageNumber(_ t: String) -> Int? {
        if let m = t.wholeMatch(of: /(?:[Pp]age\s+)?([0-9]{1,3})(?:\/[0-9]{1,3})?/) { return Int(m.output.1) }
        return nil
    }

    /// A page extracted as one line starts with its running header (`A/57/292 `, `E/CN.4/2000/82 page 18 `);
    /// its page number is in the header or glued to its end (`... recognized. 17`). Strips both.
    mutating func onePage(_ t: inout String) -> OnePageHeader? {
        guard let symbol, t.hasPrefix(symbol + " ") else { return nil }
        var rest = Substring(t.dropFirst(symbol.count + 1))
        var number: Int?
        if let m = rest.prefixMatch(of: /page\s+([0-9]{1,4})\s+/) {
            number = Int(m.output.1)
            rest = rest[m.range.upperBound...]
        } else if let m = rest.prefixMatch(of: /([0-9]{1,3})\s+(?=[0-9]{1,4}\.\s)/) {
            // The page number printed before the page's first paragraph number: `A/57/292 17 64. The ...`.
            number = Int(m.output.1)
            rest = rest[m.range.upperBound...]
        }
        artefactsRemoved += 1
        if number == nil, let m = rest.firstMatch(of: /\s([0-9]{1,3})$/) {
            number = Int(m.output.1)
            rest = rest[..<m.range.lowerBound]
            artefactsRemoved += 1
        }
        t = String(rest)
        return OnePageHeader(number: number)
    }

    struct OnePageHeader {
        /// The printed page number, when the header or the end of the line gives it.
        var number: Int?
    }
}
