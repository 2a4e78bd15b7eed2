import Foundation
import ReportSiteCore
import ReportSiteReports

/// A block of the content file being written.
struct ImportedBlock: Sendable {
    enum Kind: Sendable, Equatable {
        case heading(level: Int)
        case paragraph(Int)
        case subParagraph(String)
        case text
        case bullet
        case pageMarker(Int)
        case table
    }

    var kind: Kind
    var text: String
    var line: Int
    var cutAtStart = false
    var cutAtEnd = false
    var closed = false
    var rows: [[String]] = []

    var isBody: Bool {
        switch kind {
        case .paragraph, .subParagraph, .text, .bullet: return true
        default: return false
        }
    }
}

/// A footnote text found in the raw file.
struct ImportedFootnote: Sendable {
    var label: String
    var text: String
    var line: Int
}

/// Tells what each unit is (heading, numbered paragraph, sub-paragraph, bullet, footnote text, page-break
/// continuation, contents table) and builds the blocks of the content file.
struct StructureAssembler {
    var blocks: [ImportedBlock] = []
    var footnotes: [ImportedFootnote] = []
    /// Every reference in the text, in order (labels may repeat).
    var references: [(label: String, line: Int)] = []
    var warnings: [ImportWarning] = []
    var contents: [ContentsEntry] = []
    var contentsRows = 0
    var emptyBulletsRemoved = 0
    var tables = 0

    private var lastParagraph: Int?
    /// First-cycle review recommendations numbered `1.`, `2.` ... inside paragraph `parent`: written as its
    /// decimal items (`111.1`), as the contract asks.
    private var items: (parent: Int, last: Int)?
    /// Decimal items written, for the summary.
    var decimalItems = 0
    private var lastFootnoteNumber = 0
    private var headingStack: [(kind: HeadingKind, label: String, level: Int)] = []
    private var pendingMarker: Int?
    private var lastDefinitionIndex: Int?
    private var inContents = false
    /// The contents entries before it matched a heading already.
    private var contentsCursor = 0

    enum HeadingKind: Equatable { case roman, letter, arabic, parenthesised, unnumbered }

    struct ContentsEntry: Sendable {
        var label: String?
        var title: String
        var lastParagraph: Int?
    }

    // MARK: - Headings

    /// `III Thematic ...`, `B. Recommendations`, `1. Recommendations to States:`, `(a) The General Assembly`.
    func headingLabel(_ t: String) -> (kind: HeadingKind, label: String, rest: String)? {
        if let m = t.prefixMatch(of: /([IVXLCDM]{1,7})(\.?)\s+(.+)/), Self.romanValue(m.output.1) != nil {
            let label = String(m.output.1)
            let rest = String(m.output.3)
            if label.count == 1, let current = headingStack.last(where: { $0.kind == .letter }),
               let prev = current.label.unicodeScalars.first, let mine = label.unicodeScalars.first, mine.value == prev.value + 1 {
                return (.letter, label, rest)
            }
            if m.output.2.isEmpty && label.count == 1 && !rest.hasPrefix("\u{2013}") && rest.first?.isUppercase != true { return nil }
            return (.roman, label, rest)
        }
        if let m = t.prefixMatch(of: /([A-Z])\.\s+(.+)/) { return (.letter, String(m.output.1), String(m.output.2)) }
        if let m = t.prefixMatch(of: /([0-9]{1,2})\.\s+(.+)/) { return (.arabic, String(m.output.1), String(m.output.2)) }
        if let m = t.prefixMatch(of: /\(([a-z]{1,4})\)\s+(.+)/) { return (.parenthesised, String(m.output.1), String(m.output.2)) }
        return nil
    }

    // MARK: - Assembly

    mutating func assemble(_ units: [RawUnit]) {
        var waiting: Set<String> = []
        for (index, unit) in units.enumerated() {
            var t = unit.text
            if let page = unit.pageStart { pendingMarker = page }
            // The printed contents table: dropped, its entries kept to check heading numbers.
            if inContents {
                if t.contains("\t") || t.contains(".....") || t.wholeMatch(of: /.*\s[0-9]+(?:[–-][0-9]+)?\s+[0-9]+/) != nil {
                    readContentsRow(t)
                    continue
                }
                inContents = false
            }
            if ["contents", "table of contents"].contains(Self.cleanHeadingText(t).lowercased()) {
                inContents = true
                continue
            }
            if unit.footnoteContinuation {
                if let d = lastDefinitionIndex {
                    let glue = footnotes[d].text.hasSuffix("-") && Self.startsLowercase(t) ? "" : " "
                    footnotes[d].text += glue + t
                    warnings.append(ImportWarning(line: unit.line, "\"\(t.prefix(40))...\" read as the rest of footnote \(footnotes[d].label) (\(unit.endnoteContinuation ? "among the notes at the end, it starts no note" : "under the footnote rule of the next page")); check it"))
                    continue
                }
                warnings.append(ImportWarning(line: unit.line, "text under a footnote rule before any footnote: kept in the body; check it"))
            }
            // A footnote text, wherever the page ended.
            if let def = Footnotes.definition(t, waiting: waiting) {
                var last = lastFootnoteNumber
                var (text, _) = Footnotes.convertMarkers(def.text, last: &last, inFootnote: true)
                waiting.remove(def.label)
                // Two footnote texts run together (pdftotext joins a line that ends with a hyphen to the next one):
                // `...Chairs-Summary5 A/RES/67/172`, where 5 waits for its text.
                var run: [(label: String, text: String)] = []
                while let m = text.firstMatch(of: /([^\s0-9])([0-9]{1,3})\s+(?=\p{Lu}|See\s|https?:|www\.)/),
                      waiting.contains(String(m.output.2)) {
                    let label = String(m.output.2)
                    let cut = m.output.2.startIndex
                    run.append((label, String(text[m.range.upperBound...])))
                    text = String(text[..<cut])
                    waiting.remove(label)
                    warnings.append(ImportWarning(line: unit.line, "the text of footnote \(label) ran into footnote \(def.label)'s: separated (a hyphen at the end of footnote \(def.label) may be lost); check them"))
                }
                footnotes.append(ImportedFootnote(label: def.label, text: text, line: unit.line))
                for note in run.reversed() { footnotes.append(ImportedFootnote(label: note.label, text: note.text, line: unit.line)) }
                lastDefinitionIndex = footnotes.count - 1
                for label in [def.label] + run.map(\.label) {
                    if let n = Int(label) { lastFootnoteNumber = max(lastFootnoteNumber, n) }
                }
                continue
            }
            let (converted, labels) = Footnotes.convertMarkers(t, last: &lastFootnoteNumber)
            t = converted
            for label in labels {
                references.append((label, unit.line))
                if !footnotes.contains(where: { $0.label == label }) { waiting.insert(label) }
            }
            // List markup of the extraction around paragraph and sub-paragraph numbers: `- 13. text`, `- (a) text`.
            if let m = t.prefixMatch(of: /-\s+(?=[0-9]{1,4}\.\s|\([a-z]{1,4}\)\s)/) { t = String(t[m.range.upperBound...]) }

            // Bullets (bold ones lose their emphasis).
            if let m = t.wholeMatch(of: /[-•▪●]\s*(.*)/) {
                var item = String(m.output.1).trimmingCharacters(in: .whitespaces)
                if item.hasPrefix("**"), item.hasSuffix("**"), item.count > 4 { item = String(item.dropFirst(2).dropLast(2)) }
                if item.isEmpty { emptyBulletsRemoved += 1; continue }
                emit(ImportedBlock(kind: .bullet, text: item, line: unit.line))
                continue
            }
            // Tables: rows of cells separated by tabs.
            if t.contains("\t") {
                let cells = t.components(separatedBy: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
                if let last = blocks.indices.last, blocks[last].kind == .table {
                    blocks[last].rows.append(cells)
                } else {
                    tables += 1
                    var block = ImportedBlock(kind: .table, text: "", line: unit.line)
                    block.rows = [cells]
                    emit(block)
                }
                continue
            }
            let next = nextStructural(after: index, in: units)
            // The next unit that is not the rest of this one's sentence (after a page break).
            let nextNew = units[(index + 1)...].prefix(4).first { !Self.startsLowercase($0.text) }?.text
            if let item = firstCycleItem(t, unit: unit, next: nextNew) {
                emit(ImportedBlock(kind: .text, text: item, line: unit.line))
                continue
            }
            if t.prefixMatch(of: /[0-9]{1,4}\.[0-9]{1,3}\s/) != nil { decimalItems += 1 }
            if let heading = heading(t, unit: unit, next: next) {
                emit(ImportedBlock(kind: .heading(level: heading.level), text: heading.text, line: unit.line))
                continue
            }
            if let (number, text) = numberedParagraph(t, unit: unit) {
                if let last = lastParagraph, number != last + 1 {
                    warnings.append(ImportWarning(line: unit.line, "paragraph \(number) follows paragraph \(last): paragraphs \(last + 1)\(number - 1 > last + 1 ? "-\(number - 1)" : "") are not in the source; check the raw text there"))
                }
                lastParagraph = number
                emit(ImportedBlock(kind: .paragraph(number), text: text, line: unit.line))
                continue
            }
            if let m = t.prefixMatch(of: /\(([a-z]{1,4}|[ivx]{1,6})\)\s+/) {
                if lastParagraph == nil {
                    warnings.append(ImportWarning(line: unit.line, "sub-paragraph (\(m.output.1)) before any numbered paragraph: kept as written; give it its paragraph"))
                }
                emit(ImportedBlock(kind: .subParagraph(String(m.output.1)), text: String(t[m.range.upperBound...]), line: unit.line))
                continue
            }
            if unit.headingMarkup || ["summary", "introduction", "annex", "annexes", "abstract"].contains(Self.cleanHeadingText(t).lowercased()) {
                emit(ImportedBlock(kind: .heading(level: unnumberedLevel()), text: Self.cleanHeadingText(t), line: unit.line))
                continue
            }
            if let m = t.prefixMatch(of: /([0-9]{1,4})\.\s/), !warnings.contains(where: { $0.line == unit.line }) {
                warnings.append(ImportWarning(line: unit.line, "\"\(m.output.1).\" at the start of \"\(t.prefix(40))...\" is not taken as paragraph \(m.output.1) (out of sequence, or no sentence after it): written as text, its full stop escaped; if it is a paragraph, number it by hand"))
            }
            text(t, unit: unit, next: next)
        }
        if let page = pendingMarker {
            blocks.append(ImportedBlock(kind: .pageMarker(page), text: "", line: units.last?.line ?? 0))
            pendingMarker = nil
        }
    }

    private mutating func emit(_ block: ImportedBlock) {
        if let page = pendingMarker {
            blocks.append(ImportedBlock(kind: .pageMarker(page), text: "", line: block.line))
            pendingMarker = nil
        }
        blocks.append(block)
    }

    /// The next unit that is not a footnote text.
    private func nextStructural(after index: Int, in units: [RawUnit]) -> String? {
        var k = index + 1
        while k < units.count {
            let t = units[k].text
            if let c = t.unicodeScalars.first, Footnotes.superscriptDigits[c] != nil { k += 1; continue }
            if t.hasPrefix("<sup>") { k += 1; continue }
            var s = t
            if let m = s.prefixMatch(of: /-\s+(?=[0-9]{1,4}\.\s)/) { s = String(s[m.range.upperBound...]) }
            return s
        }
        return nil
    }

    private func unnumberedLevel() -> Int {
        if let top = headingStack.last, top.kind != .unnumbered { return min(top.level + 1, 6) }
        if let index = headingStack.lastIndex(where: { $0.kind == .unnumbered }) { return headingStack[index].level }
        return 2
    }

    private mutating func pushHeading(kind: HeadingKind, label: String) -> Int {
        if kind == .roman {
            headingStack = [(kind, label, 2)]
            return 2
        }
        if let index = headingStack.lastIndex(where: { $0.kind == kind }) {
            let level = headingStack[index].level
            headingStack.removeSubrange(index...)
            headingStack.append((kind, label, level))
            return level
        }
        let level = min((headingStack.last?.level ?? 1) + 1, 6)
        headingStack.append((kind, label, level))
        return level
    }

    /// A one-letter roman numeral of fifty or more (`L.`, `C.`, `D.`, `M.`) that is not the next chapter is a
    /// heading only as the section letter that follows the last one of its chapter (or `A.`). Other letters are
    /// not held to their sequence: a section's heading the extraction lost must not take the next ones with it.
    private func lettersFollow(kind: HeadingKind, label: String) -> Bool {
        guard kind == .roman, label.count == 1, let value = Self.romanValue(Substring(label)), value >= 50,
              let mine = label.unicodeScalars.first else { return true }
        let chapter = headingStack.first { $0.kind == .roman }.flatMap { Self.romanValue(Substring($0.label)) } ?? 0
        guard value != chapter + 1 else { return true }
        let expected = headingStack.last(where: { $0.kind == .letter })?.label.unicodeScalars.first.map { $0.value + 1 } ?? 0x41
        return mine.value == expected
    }

    private mutating func heading(_ t: String, unit: RawUnit, next: String?) -> (level: Int, text: String)? {
        guard let found = headingLabel(t) else { return nil }
        var (kind, label) = (found.kind, found.label)
        let rest = found.rest
        let nextNumber = next.flatMap { $0.prefixMatch(of: /([0-9]{1,4})\.\s/) }.flatMap { Int($0.output.1) }
        switch kind {
        case .roman, .letter:
            guard unit.headingMarkup || Self.looksLikeHeading(rest, limit: 200) else { return nil }
        case .arabic:
            guard unit.headingMarkup || Self.looksLikeHeading(rest) else { return nil }
            let n = Int(label)!
            let expected = lastParagraph.map { $0 + 1 }
            if !unit.headingMarkup {
                // Section numbers are small; with no paragraph yet, a heading is followed by a numbered paragraph.
                guard n <= 30, expected != nil || nextNumber != nil else { return nil }
                // Followed by the next paragraph number, it is a paragraph: the sequence goes on.
                if (n == expected || expected == nil), nextNumber == n + 1 { return nil }
                if n == expected || (expected == nil && nextNumber == n) {
                    // It could be the paragraph itself: it is a heading only when the paragraph of that number follows.
                    guard nextNumber == n else { return nil }
                    warnings.append(ImportWarning(line: unit.line, "\"\(t.prefix(60))\" read as a heading, not paragraph \(n): the paragraph numbered \(n) follows it"))
                }
            }
        case .parenthesised:
            guard unit.headingMarkup || Self.looksLikeHeading(rest, limit: 120) else { return nil }
            let nextIsParagraph = nextNumber != nil || next.map { headingLabel($0) != nil && !$0.hasPrefix("(") } == true
            guard unit.headingMarkup || nextIsParagraph else { return nil }
        case .unnumbered:
            return nil
        }
        // The printed contents may number it otherwise (`1. Background` listed as `A. Background`). Its entries are
        // matched in their order, each once.
        let title = Self.normalisedTitle(Self.cleanHeadingText(rest))
        var listed = false
        if let k = contents.indices.dropFirst(contentsCursor).first(where: { Self.normalisedTitle(contents[$0].title) == title }) {
            contentsCursor = k + 1
            listed = true
            if let printed = contents[k].label, printed != label {
                warnings.append(ImportWarning(line: unit.line, "heading \"\(label). \(Self.cleanHeadingText(rest))\" numbered \(printed) as in the printed contents"))
                label = printed
                kind = labelKind(printed)
            }
        }
        if !listed, !unit.headingMarkup, !lettersFollow(kind: kind, label: label) {
            // `M. Lazhar Soualem, Directeur ...` in a delegation's list (A/HRC/8/29's annex) is a person, not section M
            // (nor chapter M, one thousand): a capital that does not follow the sections' letters is text, said.
            warnings.append(ImportWarning(line: unit.line, "\"\(t.prefix(60))\" kept as text, not a heading: \(label) does not follow the letters of the sections before it; if it is a heading, make it one (## \(label). ...)"))
            return nil
        }
        let level = pushHeading(kind: kind, label: label)
        let printedLabel = kind == .parenthesised ? "(\(label))" : "\(label)."
        return (level, printedLabel + " " + Self.cleanHeadingText(rest))
    }

    /// The kind of a label from the printed contents: `III` roman, `B` letter (`I` a roman numeral only where the
    /// next chapter would have it), `2` arabic, `a` parenthesised.
    private func labelKind(_ label: String) -> HeadingKind {
        if label.first?.isNumber == true { return .arabic }
        if label.first?.isLowercase == true { return .parenthesised }
        if let value = Self.romanValue(Substring(label)) {
            let chapter = headingStack.first { $0.kind == .roman }.flatMap { Self.romanValue(Substring($0.label)) }
            if label.count > 1 || chapter == nil || value == chapter! + 1 { return .roman }
        }
        return .letter
    }

    /// `1. To examine ...` after paragraph 111, followed by `2.`: the first of the recommendations numbered inside
    /// paragraph 111 (the first cycle of the review), written `111.1 To examine ...`; the items go on as long as
    /// the numbers follow one another, and end at paragraph 112.
    private mutating func firstCycleItem(_ t: String, unit: RawUnit, next: String?) -> String? {
        guard let m = t.prefixMatch(of: /([0-9]{1,4})\.\s+/), let n = Int(m.output.1), let parent = lastParagraph else { return nil }
        let rest = t[m.range.upperBound...]
        if let open = items {
            if n == open.last + 1, n != parent + 1 {
                items = (parent, n)
                decimalItems += 1
                return "\(parent).\(n) " + rest
            }
            items = nil
            return nil
        }
        let nextNumber = next.flatMap { $0.prefixMatch(of: /([0-9]{1,4})\.\s/) }.flatMap { Int($0.output.1) }
        guard n == 1, parent > 2, nextNumber == 2 else { return nil }
        items = (parent, 1)
        decimalItems += 1
        warnings.append(ImportWarning(line: unit.line, "recommendations numbered 1, 2, ... inside paragraph \(parent): written as its items \(parent).1, \(parent).2, ... (anchored para-\(parent)-1 ...), as the contract asks"))
        return "\(parent).1 " + rest
    }

    private mutating func numberedParagraph(_ t: String, unit: RawUnit) -> (Int, String)? {
        guard let m = t.prefixMatch(of: /([0-9]{1,4})\.\s+/), var n = Int(m.output.1) else { return nil }
        let rest = String(t[m.range.upperBound...])
        guard let first = rest.first(where: { !"“\"‘'([".contains($0) }), first.isUppercase || first.isNumber || rest.hasPrefix("[...]") else {
            return nil
        }
        let digits = String(m.output.1)
        if let last = lastParagraph {
            let expected = last + 1
            if n == expected { return (n, rest) }
            // A page number glued before the paragraph number: `1764.` for page 17, paragraph 64.
            if digits.count > String(expected).count, digits.hasSuffix(String(expected)),
               let page = Int(digits.dropLast(String(expected).count)), page > 0 {
                warnings.append(ImportWarning(line: unit.line, "\"\(digits).\" read as page \(page) glued to paragraph \(expected)"))
                pendingMarker = pendingMarker ?? page
                n = expected
                return (n, rest)
            }
            if n > expected, n <= expected + 3 { return (n, rest) }
            warnings.append(ImportWarning(line: unit.line, "\"\(digits). \(rest.prefix(30))...\" starts like paragraph \(n), but paragraph \(expected) comes next: kept as text of paragraph \(last); check the raw text"))
            return nil
        }
        // The first paragraph: a four-digit number is a year (`2003. At the same time ...`), not a paragraph.
        guard n <= 999 else { return nil }
        return (n, rest)
    }

    private mutating func text(_ t: String, unit: RawUnit, next: String?) {
        let lastBody = blocks.lastIndex(where: { $0.isBody })
        let lastIsBody = lastBody != nil && lastBody == blocks.indices.last
        // A block that ends with a footnote marker ends there (the marker closes a sentence or a line).
        // A review's item (`115.52 Strengthen ...`) starts a block of its own, whatever the block before.
        let isItem = t.prefixMatch(of: /[0-9]{1,4}\.[0-9]{1,3}\s/) != nil
        let bodyOpen = lastIsBody && !Self.isClosed(blocks[lastBody!].text) && !blocks[lastBody!].text.hasSuffix("]")
            && !blocks[lastBody!].closed && !unit.standsAlone && !isItem
        let footnoteOpen = lastDefinitionIndex.map { !Self.isClosed(footnotes[$0].text) } ?? false
        if bodyOpen {
            if !Self.startsLowercase(t) {
                warnings.append(ImportWarning(line: unit.line, "\"\(t.prefix(40))...\" joined to the block before, whose sentence it seems to finish (a page break?); check it"))
            }
            join(t, to: lastBody!)
            blocks[lastBody!].closed = unit.closed
            return
        }
        // A page that starts with a new sentence inside the numbered paragraphs: the paragraph goes on
        // (a report's text between its numbered paragraphs is all numbered).
        if unit.afterPageBreak, lastIsBody, !unit.standsAlone, !isItem, let lastBody, t.first?.isUppercase == true, !blocks[lastBody].closed {
            if case .paragraph(let n) = blocks[lastBody].kind {
                warnings.append(ImportWarning(line: unit.line, "a page begins with \"\(t.prefix(40))...\": joined to paragraph \(n), which it seems to continue; if it is a block of its own, separate it"))
                join(t, to: lastBody)
                return
            }
            if case .subParagraph(let label) = blocks[lastBody].kind {
                warnings.append(ImportWarning(line: unit.line, "a page begins with \"\(t.prefix(40))...\": joined to sub-paragraph (\(label)), which it seems to continue; if it is a block of its own, separate it"))
                join(t, to: lastBody)
                return
            }
        }
        if let d = lastDefinitionIndex, footnoteOpen, Self.startsLowercase(t) || !Self.isClosed(t) {
            let joined = footnotes[d].text.hasSuffix("-") && Self.startsLowercase(t) ? "" : " "
            footnotes[d].text += joined + t
            warnings.append(ImportWarning(line: unit.line, "\"\(t.prefix(40))...\" read as the rest of footnote \(footnotes[d].label) (cut by a page break); check it"))
            return
        }
        if Self.startsLowercase(t), !unit.standsAlone, let lastBody {
            warnings.append(ImportWarning(line: unit.line, "\"\(t.prefix(40))...\" starts in lower case after a finished sentence: joined to the block before; check it"))
            join(t, to: lastBody)
            return
        }
        // A bare line between finished blocks, short, without a final full stop, right above a numbered paragraph:
        // an unnumbered heading (`Women's access to justice`).
        // So is the report's own heading on its first page, above its summary (`Report of the Special Rapporteur ...`).
        let reportHeading = t.prefixMatch(of: /(Report of the|Report on the|Note by the)\s/) != nil
            && next.map { ["summary", "introduction"].contains($0.lowercased()) || headingLabel($0) != nil } == true
        // A footnote marker may end it (`Equality and non-discrimination[^21]`); a link may not.
        let endsInLink = t.hasSuffix("]") && t.firstMatch(of: /\[\^[^\]\s]+\]$/) == nil
        if unit.lines.count <= 1 || reportHeading, t.count <= 90 || reportHeading, Self.looksLikeHeading(t, limit: 200), !Self.isClosed(t), !endsInLink,
           let next, reportHeading || (next.prefixMatch(of: /[0-9]{1,4}\.\s/) != nil && (lastParagraph != nil || !headingStack.isEmpty)) {
            warnings.append(ImportWarning(line: unit.line, "\"\(t)\" read as an unnumbered heading (a short line above paragraph \(next.prefix(while: \.isNumber))); check it"))
            emit(ImportedBlock(kind: .heading(level: unnumberedLevel()), text: Self.cleanHeadingText(t), line: unit.line))
            return
        }
        var block = ImportedBlock(kind: .text, text: t, line: unit.line)
        block.closed = unit.closed
        emit(block)
    }

    private mutating func join(_ t: String, to index: Int) {
        let glue = blocks[index].text.hasSuffix("-") && Self.startsLowercase(t) ? "" : " "
        blocks[index].text += glue + t
    }

    private mutating func readContentsRow(_ t: String) {
        contentsRows += 1
        var cells = t.components(separatedBy: "\t").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if cells.count == 1 {
            // `A. Background..... 8–26 5` without tabs.
            if let m = cells[0].wholeMatch(of: /(.*?)\s+([0-9]+(?:[–-][0-9]+)?)\s+([0-9]+)/) { cells = [String(m.output.1), String(m.output.2), String(m.output.3)] }
        }
        guard let first = cells.first, !first.hasPrefix("<i>"), first.lowercased() != "paragraphs" else { return }
        var titleCells = cells.prefix { $0.rangeOfCharacter(from: .letters) != nil }
        var label: String?
        if let l = titleCells.first, l.wholeMatch(of: /(?:[IVXLC]+|[A-Z]|[0-9]{1,2})\.?/) != nil, titleCells.count > 1 {
            label = String(l.trimmingCharacters(in: CharacterSet(charactersIn: ".")))
            titleCells = titleCells.dropFirst()
        }
        var title = titleCells.joined(separator: " ")
        if label == nil, let m = title.prefixMatch(of: /((?:[IVXLC]+|[A-Z]|[0-9]{1,2}))\.\s+/) {
            label = String(m.output.1)
            title = String(title[m.range.upperBound...])
        }
        while title.hasSuffix(".") { title.removeLast() }
        let numbers = cells.dropFirst(titleCells.count + (label != nil && cells.first == label.map { $0 + "." } || cells.first == label ? 1 : 0))
        var lastParagraph: Int?
        if let range = numbers.first, let m = range.wholeMatch(of: /([0-9]+)(?:[–-]([0-9]+))?/) {
            lastParagraph = Int(m.output.2 ?? m.output.1)
        }
        contents.append(ContentsEntry(label: label, title: title, lastParagraph: lastParagraph))
    }
}
