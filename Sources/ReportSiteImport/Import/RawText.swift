import Foundation
import ReportSiteCore

/// One block of the raw text, before it is told what it is: a line, or lines that run on, or a piece of a one-line page.
struct RawUnit: Sendable {
    var text: String
    /// 1-based line of the raw file where it starts.
    var line: Int
    /// It was written as a Markdown heading (`## ...`) by the extraction.
    var headingMarkup = false
    /// A printed page starts with this unit.
    var pageStart: Int?
    /// It comes from a page extracted as one line (a viewer's copy of one page).
    var fromOneLinePage = false
    /// Nothing runs on from it (the cover text that a title was glued to).
    var closed = false
    /// It runs on from nothing either: a cover line kept for its footnote marker.
    var standsAlone = false
    /// The first block after page furniture (a page break of the printed report).
    var afterPageBreak = false
    /// Text under a page's footnote rule that starts no footnote: the rest of a footnote cut by the page break.
    var footnoteContinuation = false
    /// ... among the endnotes (a `Notes` section at the end), where it starts no note.
    var endnoteContinuation = false
    /// The raw lines it was joined from.
    var lines: [String] = []
}

/// Turns raw extracted text into units: page furniture (running headers, page numbers, the viewer's
/// "Select target paragraph") removed, lines that run on joined, one-line pages cut at their paragraph numbers.
struct RawTextReader {
    let symbol: String?
    var warnings: [ImportWarning] = []
    var artefactsRemoved = 0
    var pages: [Int] = []
    /// Entries of a printed contents (dot leaders) dropped.
    var contentsEntries = 0
    /// Pages found from running headers in text without form feeds (0: none, or the text had form feeds).
    var pagesFoundFromHeaders = 0
    /// The contents went on to the end of the page before: it may go on at the top of this one.
    var contentsRanToPageEnd = false

    init(symbol: String?) {
        self.symbol = symbol
    }

    /// A document symbol at the start of `text` (`A/58/275`, `E/CN.4/2000/82`, `A/HRC/52/27`).
    static func leadingSymbol(_ text: Substring) -> String? {
        guard let m = text.prefixMatch(of: /[A-Z][A-Z0-9]{0,7}(?:\/[A-Za-z0-9.\-]+){2,6}/) else { return nil }
        let s = String(m.output)
        guard s.contains(where: \.isNumber) else { return nil }
        var trimmed = s
        while trimmed.hasSuffix(".") || trimmed.hasSuffix("-") { trimmed.removeLast() }
        return trimmed
    }

    /// The symbol the raw text shows: `United Nations A/58/275` on the cover, or a running header.
    static func findSymbol(in raw: String) -> String? {
        var seen = 0
        for line in raw.split(separator: "\n", omittingEmptySubsequences: true) {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.isEmpty { continue }
            seen += 1
            if seen > 40 { break }
            if let m = t.firstMatch(of: /^United Nations\s+(\S+)/), let s = leadingSymbol(m.output.1) { return s }
            if let s = leadingSymbol(Substring(t)) {
                let rest = t.dropFirst(s.count)
                if rest.isEmpty || rest.first == " " { return s }
            }
        }
        return nil
    }

    mutating func units(from raw: String) -> [RawUnit] {
        let text = raw.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var lines = text.components(separatedBy: "\n").enumerated().map { (number: $0.offset + 1, text: $0.element) }
        // Pages that pdftotext separated with form feeds: the first and last lines of each are page furniture.
        var pageOfLine: [Int: Int] = [:]
        var firstLineOfPage: Set<Int> = []
        // Text without form feeds (pasted from a PDF viewer): its pages are found from the running headers (the
        // symbol alone on a line, after the first page), and a page break is put before each.
        if !text.contains("\u{0C}"), let symbol {
            // The symbol's first line is the cover's.
            let headers = lines.indices.filter { k in
                let t = lines[k].text.trimmingCharacters(in: .whitespaces)
                return t.hasPrefix(symbol) && t.dropFirst(symbol.count).allSatisfy { $0 == "*" }
            }.dropFirst()
            if !headers.isEmpty {
                for k in headers { lines[k].text = "\u{0C}" + lines[k].text }
                pagesFoundFromHeaders = headers.count + 1
            }
        }
        if lines.contains(where: { $0.text.contains("\u{0C}") }) {
            var split: [[(number: Int, text: String)]] = [[]]
            for line in lines {
                let parts = line.text.components(separatedBy: "\u{0C}")
                for (k, part) in parts.enumerated() {
                    if k > 0 { split.append([]) }
                    split[split.count - 1].append((line.number, part))
                }
            }
            lines = []
            let offset = pageNumberOffset(split)
            var notesRunOn = false
            for (index, page) in split.enumerated() {
                var body = dropContents(page)
                let printed = removeFurniture(&body, index: index, offset: offset)
                warnings += Self.placeApartNoteNumbers(&body, notesRunOn: &notesRunOn)
                if let first = body.first(where: { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }) {
                    firstLineOfPage.insert(first.number)
                    if let printed { pageOfLine[first.number] = printed }
                }
                lines.append(contentsOf: body)
                lines.append((body.last?.number ?? 0, ""))
            }
        }

        var units: [RawUnit] = []
        // Among endnotes (a `Notes` section, to the end or an annex): what starts no note is the rest of the one before.
        var endnotes = false
        var pageBreakSeen = false
        var pending: [String] = []
        var pendingLine = 0
        var pendingHeading = false
        var pendingPage: Int?
        var nextPage: Int?

        func flush() {
            guard !pending.isEmpty else { return }
            var joined = ""
            for piece in pending {
                if joined.isEmpty { joined = piece; continue }
                if joined.hasSuffix("-"), let c = piece.first, c.isLowercase {
                    joined += piece
                } else {
                    joined += " " + piece
                }
            }
            var unit = RawUnit(text: joined, line: pendingLine, headingMarkup: pendingHeading, pageStart: pendingPage, lines: pending)
            unit.afterPageBreak = firstLineOfPage.contains(pendingLine) || pageBreakSeen
            if endnotes, let c = joined.unicodeScalars.first, Footnotes.superscriptDigits[c] == nil, !joined.hasPrefix("<sup>") {
                unit.footnoteContinuation = true
                unit.endnoteContinuation = true
            }
            pageBreakSeen = false
            units.append(unit)
            pending = []
            pendingHeading = false
            pendingPage = nil
        }

        // Tabs of a word processor's layout: after a paragraph or heading number (`1.<tab>The ...`) a space;
        // between cover fields (`United Nations<tab>A/58/275`) a line break.
        lines = lines.flatMap { line -> [(number: Int, text: String)] in
            guard line.text.contains("\t") else { return [line] }
            let t = line.text.trimmingCharacters(in: .whitespaces)
            if let m = t.prefixMatch(of: /([0-9]{1,4}\.|\([a-z]{1,4}\)|[A-Z]\.|[IVXLC]{1,6}\.)\t+/) {
                return [(line.number, m.output.1 + " " + t[m.range.upperBound...])]
            }
            let cells = t.components(separatedBy: "\t").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if cells.contains(where: { CoverPage.isCoverLine($0) || $0 == "United Nations" }) {
                if cells.first == "United Nations", cells.count == 2 { return [(line.number, "United Nations " + cells[1])] }
                return cells.map { (line.number, $0) }
            }
            return [line]
        }

        lines = Self.dottedItemLabels(lines)

        // The width lines are wrapped at (pdftotext), in characters: most lines of a page are that long.
        let lengths = lines.map { $0.text.trimmingCharacters(in: .whitespaces).count }.filter { $0 > 0 }.sorted()
        let width = lengths.isEmpty ? 0 : lengths[lengths.count * 9 / 10]

        var footnoteZone = false
        // The highest footnote number whose text started under a rule or among the endnotes.
        var lastNote = 0
        var lastNumberSeen: Int?
        // A paragraph number, sub-paragraph label or footnote number that pdftotext put on a line of its own
        // (`1.`, then the paragraph's text): it waits for the next line of text.
        var heldLabel: (text: String, line: Int)?
        var labelColumn: [(text: String, line: Int)] = []
        // The next line with text, for each line.
        var nextText = Array(repeating: "", count: lines.count)
        var following = ""
        for k in lines.indices.reversed() {
            nextText[k] = following
            let t = lines[k].text.trimmingCharacters(in: .whitespaces)
            if !t.isEmpty { following = t }
        }
        var standAlone = false
        var headerJustRemoved = false
        for (index, line) in lines.enumerated() {
            var t = line.text.trimmingCharacters(in: .whitespaces)
            // A new page (pdftotext's form feed) ends the footnotes of the page before, also when its first line is
            // a label alone (`F.`, `48.`), which is held below before anything else is read.
            if firstLineOfPage.contains(line.number) { footnoteZone = endnotes }
            // The line of a label joined to this line's text: a unit that starts here starts there.
            var heldLine: Int?
            // A label alone on its line: a paragraph number `1.`, an item `121.1`, a heading's `A.` or `II.`, a
            // sub-paragraph's `(a)`, a footnote's number under the rule.
            // A number that ends the sentence of the line above (`... on 30 January` / `2025.`) is no label: the
            // line above is not finished and the number is not the next paragraph's.
            let endsSentence = t.wholeMatch(of: /([0-9]{1,4})\./).map { m in
                let n = Int(m.output.1) ?? 0
                guard let last = pending.last, !StructureAssembler.isClosed(last), !Self.isHeadingLine(last) else { return false }
                // Under a numbered heading (`10. Migrants, refugees and asylum-seekers`) a number is the paragraph's.
                if pending.count == 1, last.count <= 100, last.prefixMatch(of: /[0-9]{1,2}\.\s+\p{Lu}/) != nil { return false }
                return n != (lastNumberSeen ?? 0) + 1
            } ?? false
            if !endsSentence, t.wholeMatch(of: /[0-9]{1,4}\.|[0-9]{1,4}\.[0-9]{1,3}|[IVXLC]{1,6}\.|[A-Z]\.|\([a-z]{1,4}\)/) != nil || (footnoteZone && t.wholeMatch(of: /[0-9]{1,3}|\*/) != nil) {
                flush()
                if let held = heldLabel { labelColumn.append(held) }
                heldLabel = (t, line.number)
                continue
            }
            // Labels one under another with no text between them (`1.` ... `10.`, then the list's words in another
            // column): a column of numbers, kept as one line of text, not as paragraph numbers.
            if !labelColumn.isEmpty, !t.isEmpty, let held = heldLabel {
                labelColumn.append(held)
                heldLabel = nil
                let text = labelColumn.map(\.text).joined(separator: " ")
                units.append(RawUnit(text: text, line: labelColumn[0].line, closed: true, standsAlone: true, lines: labelColumn.map(\.text)))
                for label in labelColumn {
                    warnings.append(ImportWarning(line: label.line, "\"\(label.text)\" is one of a column of \(labelColumn.count) numbers without text beside them (lines \(labelColumn[0].line)-\(labelColumn[labelColumn.count - 1].line)): kept as the line \"\(text.prefix(30))\", not as a number of the report; check the raw text there"))
                }
                labelColumn = []
            }
            if let held = heldLabel, !t.isEmpty {
                heldLabel = nil
                if footnoteZone, let n = Int(held.text) {
                    t = Footnotes.superscript(String(n)) + " " + t
                    lastNote = max(lastNote, n)
                } else if footnoteZone, held.text == "*" {
                    t = "<sup>*</sup> " + t
                } else {
                    t = held.text + " " + t
                    // A paragraph number on a line of its own is the surest sign of the sequence.
                    if let n = Int(held.text.dropLast()), held.text.hasSuffix("."), n > (lastNumberSeen ?? 0), n < (lastNumberSeen ?? 0) + 10 { lastNumberSeen = n - 1 }
                }
                heldLine = held.line
            }
            // `Notes` at the end of a report: endnotes, under no rule, to the end (or an annex).
            if lastNumberSeen != nil, ["notes", "endnotes"].contains(t.lowercased()), heldLabel == nil {
                flush(); artefactsRemoved += 1
                footnoteZone = true; endnotes = true
                continue
            }
            if endnotes, ["annex", "annexes"].contains(t.lowercased()) || t.prefixMatch(of: /Annex\s+[IVX0-9]+$/) != nil {
                footnoteZone = false; endnotes = false
            }
            // The rule above a page's footnotes: what follows are footnote texts, `1 See ...`.
            if t.wholeMatch(of: /_{5,}|-{10,}/) != nil {
                flush(); artefactsRemoved += 1; footnoteZone = true; continue
            }
            // A shorter rule (`-----` under the last notes of a report) is no text, and no footnote's.
            if t.wholeMatch(of: /[-_]{3,}/) != nil {
                flush(); artefactsRemoved += 1; continue
            }
            if footnoteZone, !t.isEmpty, pageNumber(t) == nil, !isRunningHeader(t) {
                if let c = t.unicodeScalars.first, Footnotes.superscriptDigits[c] != nil || t.hasPrefix("<sup>") {
                    flush()
                    if let n = Int(Footnotes.plainDigits(t.prefix(4))) { lastNote = max(lastNote, n) }
                } else if let m = t.prefixMatch(of: /([0-9]{1,3})\s+/), let n = Int(m.output.1),
                          n > lastNote || pending.last.map(StructureAssembler.isClosed) ?? true {
                    // A number the notes have passed, after an unfinished line (`... Articles 10,` / `12 (e) and 14
                    // (a).`), goes on with the note; any other starts one.
                    flush()
                    t = Footnotes.superscript(String(n)) + " " + t[m.range.upperBound...]
                    lastNote = max(lastNote, n)
                } else if pending.isEmpty {
                    // Text under the rule that starts no footnote: the rest of the last footnote of the page before.
                    units.append(RawUnit(text: t, line: line.number, footnoteContinuation: true, lines: [t]))
                    continue
                }
            }
            if t.isEmpty { flush(); continue }
            if t.wholeMatch(of: /Select target paragraph[0-9]*/) != nil {
                flush(); artefactsRemoved += 1; continue
            }
            if let n = pageOfLine[line.number] { nextPage = n; pages.append(n) }
            // A running header that pdftotext glued to the end of the last line above it.
            if let symbol, t.count > symbol.count, t.hasSuffix(symbol), !t.hasSuffix(" " + symbol) {
                t = String(t.dropLast(symbol.count))
                artefactsRemoved += 1
            }
            let afterHeader = headerJustRemoved
            headerJustRemoved = false
            if isRunningHeader(t) {
                flush(); artefactsRemoved += 1
                headerJustRemoved = true
                if let m = t.firstMatch(of: /\s+page\s+([0-9]{1,4})$/), let n = Int(m.output.1) { nextPage = n; pages.append(n) }
                continue
            }
            if let n = pageNumber(t), pageOfLine.isEmpty {
                // A printed page number standing alone: under a running header it is the page's own, which starts
                // here; otherwise it closes its page.
                flush(); artefactsRemoved += 1
                pageBreakSeen = true
                nextPage = afterHeader ? n : n + 1
                continue
            }
            if t.count > 400, let page = onePage(&t) {
                flush()
                let pieces = OneLinePage.split(t)
                for (k, piece) in pieces.enumerated() {
                    units.append(RawUnit(text: piece, line: line.number, pageStart: k == 0 ? (page.number ?? nextPage) : nil, fromOneLinePage: true))
                }
                if let n = page.number { pages.append(n) }
                nextPage = nil
                continue
            }
            var heading = false
            if let m = t.prefixMatch(of: /#{1,6}\s+/) {
                heading = true
                t = String(t[m.range.upperBound...])
            }
            // A heading line (`II. Recommendations`) after a finished sentence stands alone, and so does the line after it.
            // A short line right above a paragraph number is a heading: `I. Introduction` whatever precedes it,
            // an unnumbered one (`Consular protection`) after a finished sentence.
            let aboveParagraph = nextText[index].prefixMatch(of: /[0-9]{1,4}\.\s/) != nil && t.count <= 120
                && !StructureAssembler.isClosed(t) && t.first?.isUppercase == true && t.prefixMatch(of: /[0-9]/) == nil
                && (Self.isHeadingLine(t) || pending.last.map(StructureAssembler.isClosed) ?? true)
            let headingLine = (Self.isHeadingLine(t) && (pending.last.map(StructureAssembler.isClosed) ?? true || Self.isSectionWord(t)))
                || aboveParagraph
            // A heading that goes on over the next line (in lower case) is one heading.
            let afterHeadingLine = (pending.count == 1 && Self.isHeadingLine(pending[0]) && !StructureAssembler.startsLowercase(t)) || standAlone
            standAlone = aboveParagraph
            // A finished sentence whose line had room for the next line's first word: the line did not end for
            // want of room, so the paragraph ended there.
            let firstWord = t.prefix { !$0.isWhitespace }.count
            // The States that made a recommendation, on a line of their own under its finished sentence (`(India)`,
            // `(Cuba, Ghana and the Netherlands)`, first cycle): the end of the recommendation, not a new block.
            let recommendingStates = !pending.isEmpty && t.count <= 100
                && t.wholeMatch(of: /\(\p{Lu}[^()]*(?:\([^()]*\)[^()]*)?\)[.;]?/) != nil
            let endedParagraph = !recommendingStates && pending.last.map {
                StructureAssembler.isClosed($0) && Double($0.count + 1 + firstWord) < 0.92 * Double(width)
            } ?? false
            // A numbered heading's short line (`1. Cross-cutting issues`, its label alone on the line above), then a
            // line with a capital (`Equality and non-discrimination`): two headings, not one.
            let shortNumberedLine = pending.count == 1 && pending[0].prefixMatch(of: /[0-9]{1,2}\.\s+\p{Lu}/) != nil
                && !StructureAssembler.isClosed(pending[0]) && Double(pending[0].count) < 0.5 * Double(width)
                && t.first?.isUppercase == true
            // A number at the start of a wrapped line (`... in the first half of` / `2003. At the same time`) starts
            // a paragraph only after a finished sentence, or as the next number of the sequence.
            var continuesLine = false
            if let m = t.prefixMatch(of: /([0-9]{1,4})\.\s/), let n = Int(m.output.1) {
                let next = lastNumberSeen.map { n == $0 + 1 } ?? (n == 1)
                if let last = pending.last, !StructureAssembler.isClosed(last), !Self.isHeadingLine(last) {
                    continuesLine = !next
                }
                if !continuesLine, next || (lastNumberSeen == nil && n <= 999) { lastNumberSeen = n }
            }
            if (startsUnit(t) && !continuesLine) || heading || pendingHeading || t.contains("\t") || (pending.last?.contains("\t") ?? false) || endedParagraph
                || pending.last.map({ $0.hasPrefix("- ") || $0 == "-" }) == true || headingLine || afterHeadingLine || shortNumberedLine {
                flush()
            }
            if pending.isEmpty {
                pendingLine = heldLine ?? line.number
                pendingHeading = heading
                pendingPage = nextPage
                nextPage = nil
            }
            pending.append(t)
        }
        flush()
        // A label with nothing after it at the end of the text (an excerpt cut after `186.5.`): kept, and said.
        for label in labelColumn + (heldLabel.map { [$0] } ?? []) {
            units.append(RawUnit(text: label.text, line: label.line, closed: true, standsAlone: true, lines: [label.text]))
            warnings.append(ImportWarning(line: label.line, "\"\(label.text)\" ends the text with no text after it: kept as a line of its own; check the end of the raw text"))
        }
        return units
    }

    /// `II. Recommendations`, `B. Recommendations`: a short line with a section number and no final full stop.
    static func isSectionWord(_ t: String) -> Bool {
        ["summary", "contents", "introduction", "annex", "annexes"].contains(t.lowercased())
    }

    static func isHeadingLine(_ t: String) -> Bool {
        if isSectionWord(t) { return true }
        return t.count <= 120 && t.prefixMatch(of: /(?:[IVXLC]{1,6}|[A-Z])\.\s+\p{Lu}/) != nil && !StructureAssembler.isClosed(t)
    }

    /// Whether a line starts a block of its own rather than running on from the line above.
    func startsUnit(_ t: String) -> Bool {
        if t.hasPrefix("- ") || t == "-" || t.hasPrefix("• ") || t.hasPrefix("<sup>") || t.hasPrefix("* ") { return true }
        // `4.1 Ratify ...`: a recommendation numbered under its paragraph (universal periodic review).
        if t.prefixMatch(of: /[0-9]{1,4}\.[0-9]{1,3}\s+\p{Lu}/) != nil { return true }
        // `1 See ...`: maybe a footnote text (the assembler decides, by the markers waiting for their text).
        if t.prefixMatch(of: /[0-9]{1,3}\s+\p{Lu}/) != nil { return true }
        if t.prefixMatch(of: /[0-9]{1,4}\.\s/) != nil { return true }
        if t.prefixMatch(of: /\(([a-z]{1,4})\)\s/) != nil { return true }
        if let c = t.unicodeScalars.first, Footnotes.superscriptDigits[c] != nil { return true }
        return false
    }
}
