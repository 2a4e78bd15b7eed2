import Foundation
import ReportSiteCore

/// `reportsite import`: raw text extracted from a report's PDF -> a content file in the canonical format
/// (docs/CONTENT-FORMAT.md), with warnings at lines of the raw file for what it could not decide.
/// Pure: text in, text out; reading files and running pdftotext is the command's business.
public enum ReportImporter {
    /// Imports `raw`; `overrides` set or replace front-matter fields (the command's flags).
    public static func importText(_ raw: String, overrides: ImportMetadata = ImportMetadata()) -> ImportResult {
        var warnings: [ImportWarning] = []
        let found = RawTextReader.findSymbol(in: raw)
        var symbol = overrides.symbol ?? found
        // A United Nations cover, read from its lines before they are joined; the cover reader of joined blocks
        // (special procedures' covers with their bold title, a transmittal, a status) reads the others.
        var unCover = UNCover.read(raw, symbol: symbol)
        if symbol == nil { symbol = unCover?.0.metadata.symbol }
        var reader = RawTextReader(symbol: symbol)
        var units = reader.units(from: raw)
        var cover = CoverPage()
        if let symbol { cover.metadata.symbol = symbol }
        var bodyUnits = cover.read(units)
        if let (un, _) = unCover, un.metadata.title == nil || !(un.isReview || cover.metadata.title == nil) {
            // Not a cover the line reader is for: it gives only what the other did not find.
            cover.metadata = un.metadata.overridden(by: cover.metadata)
            unCover = nil
        }
        if let (un, blanked) = unCover {
            reader = RawTextReader(symbol: symbol)
            units = un.bodyLines.map { line in
                var unit = RawUnit(text: line.text, line: line.line, lines: [line.text])
                unit.closed = true
                unit.standsAlone = true
                return unit
            } + reader.units(from: blanked)
            cover = CoverPage()
            cover.metadata = un.metadata
            if let symbol { cover.metadata.symbol = symbol }
            cover.warnings = un.warnings
            reader.artefactsRemoved += un.artefactsRemoved
            bodyUnits = units
        }
        cover.readAuthor(bodyUnits)
        var assembler = StructureAssembler()
        assembler.assemble(bodyUnits)
        warnings += cover.warnings
        warnings += reader.warnings

        var metadata = cover.metadata.overridden(by: overrides)
        if metadata.body == nil, let symbol = metadata.symbol, let body = CoverPage.body(forSymbol: symbol) {
            metadata.body = body
            if overrides.body == nil { warnings.append(ImportWarning(line: 0, "body \"\(body)\" taken from the symbol's series (\(symbol))")) }
        }

        var blocks = assembler.blocks
        var summary = ImportSummary()
        summary.pages = reader.pages
        summary.pageArtefactsRemoved = reader.artefactsRemoved + assembler.emptyBulletsRemoved
        summary.contentsEntriesDropped = assembler.contents.count + reader.contentsEntries
        summary.pagesFoundFromHeaders = reader.pagesFoundFromHeaders
        summary.tables = assembler.tables

        // A passage that starts inside a paragraph (a one-line page, or text that starts in lower case):
        // it is the end of the paragraph before the first number found.
        let paragraphNumbers = blocks.compactMap { block -> Int? in if case .paragraph(let n) = block.kind { return n }; return nil }
        let onePage = units.first?.fromOneLinePage == true
        var isExcerpt = onePage
        if let lead = blocks.firstIndex(where: { $0.isBody }), blocks[lead].kind == .text,
           onePage || StructureAssembler.startsLowercase(blocks[lead].text) {
            if let first = paragraphNumbers.first, first > 1 {
                blocks[lead].kind = .paragraph(first - 1)
                blocks[lead].cutAtStart = true
                isExcerpt = true
                warnings.append(ImportWarning(line: blocks[lead].line, "the text starts inside a paragraph: written as the end of paragraph \(first - 1) (\"\(first - 1). [...]\")"))
            } else {
                warnings.append(ImportWarning(line: blocks[lead].line, "the text starts inside a paragraph whose number is unknown: kept as unnumbered text; number it by hand"))
            }
        }
        // It stops inside a paragraph: in the middle of a sentence, or after an item that ends with `;` or `:`
        // (a list goes on to an item that ends with a full stop).
        if isExcerpt, let last = blocks.lastIndex(where: { $0.isBody }),
           !StructureAssembler.isClosed(blocks[last].text) || StructureAssembler.endsInsideAList(blocks[last].text) {
            blocks[last].cutAtEnd = true
            warnings.append(ImportWarning(line: blocks[last].line, "the text stops inside a paragraph: its end is marked \"[...]\""))
        }
        let numbers = blocks.compactMap { block -> Int? in if case .paragraph(let n) = block.kind { return n }; return nil }
        summary.paragraphs = numbers.count
        summary.decimalItems = assembler.decimalItems
        if numbers.isEmpty {
            warnings.append(ImportWarning(line: 0, "no numbered paragraph found: a report's paragraphs start with their number (`1. The ...`); look at the raw text for the numbers and write them, or import the PDF itself rather than text copied from a viewer"))
        }
        summary.firstParagraph = numbers.first
        summary.lastParagraph = numbers.last
        for (a, b) in zip(numbers, numbers.dropFirst()) where b > a + 1 { summary.gaps.append((a + 1)...(b - 1)) }
        summary.subParagraphs = blocks.filter { if case .subParagraph = $0.kind { return true }; return false }.count
        summary.headings = blocks.compactMap { block in if case .heading = block.kind { return block.text }; return nil }
        if !summary.gaps.isEmpty { isExcerpt = true }
        if let first = numbers.first, first > 1, !isExcerpt {
            isExcerpt = true
            warnings.append(ImportWarning(line: 0, "the first paragraph is numbered \(first): the file is marked as an excerpt"))
        }
        // The printed contents lists more paragraphs than the source holds.
        if let listed = assembler.contents.compactMap(\.lastParagraph).max(), let last = numbers.last, listed > last {
            isExcerpt = true
            warnings.append(ImportWarning(line: 0, "the printed contents lists paragraphs up to \(listed), the source stops at paragraph \(last): the file is marked as an excerpt"))
        }
        if isExcerpt, metadata.excerpt == nil, let first = numbers.first, let last = numbers.last {
            let pages = summary.pages.isEmpty ? "" : (summary.pages.count == 1 ? "page \(summary.pages[0])" : "pages " + summary.pages.map(String.init).joined(separator: ", ")) + ": "
            metadata.excerpt = pages + "paragraphs \(first)-\(last)"
            warnings.append(ImportWarning(line: 0, "excerpt: \"\(metadata.excerpt!)\" written to the front matter; say in words what part of the report the file holds"))
        }

        // Footnotes: references and texts matched by label.
        var definitions: [(label: String, text: String, line: Int)] = []
        for note in assembler.footnotes {
            if let k = definitions.firstIndex(where: { $0.label == note.label }) {
                definitions[k].text += " " + note.text
                warnings.append(ImportWarning(line: note.line, "a second text for footnote \(note.label): joined to the first; check it"))
            } else {
                definitions.append((note.label, note.text.trimmingCharacters(in: .whitespaces), note.line))
            }
        }
        // A footnote text whose marker was not found: its number standing alone after a word, between the markers
        // of the notes before and after it (`the amended Criminal Procedure Act 11 introduced`), once.
        let cited = Set(assembler.references.map(\.label))
        for d in definitions where !cited.contains(d.label) {
            guard let n = Int(d.label), let k = Self.placeMarker(n, in: &blocks) else { continue }
            warnings.append(ImportWarning(line: blocks[k].line, "footnote \(n)'s marker taken from the number \(n) standing after a word, between notes \(n - 1) and \(n + 1): check it"))
        }
        // The notes in the order they are first cited.
        var orderedLabels: [String] = []
        for block in blocks {
            for m in block.text.matches(of: /\[\^([^\]\s]+)\]/) where !orderedLabels.contains(String(m.output.1)) {
                orderedLabels.append(String(m.output.1))
            }
        }
        for ref in assembler.references where !orderedLabels.contains(ref.label) { orderedLabels.append(ref.label) }
        var notes: [(label: String, text: String)] = []
        for label in orderedLabels {
            if let d = definitions.first(where: { $0.label == label }) {
                notes.append((label, d.text))
                summary.footnotesMatched.append(label)
            } else {
                let page = summary.pages.count == 1 ? " (page \(summary.pages[0]))" : ""
                notes.append((label, "[Text not included in the source\(isExcerpt ? " excerpt" : "")\(page).]"))
                summary.footnotesWithoutText.append(label)
                let line = assembler.references.first { $0.label == label }?.line ?? 0
                warnings.append(ImportWarning(line: line, "footnote \(label) is referenced but its text is not in the source: kept with a placeholder text; copy the text from the report"))
            }
        }
        for d in definitions where !orderedLabels.contains(d.label) {
            notes.append((d.label, d.text))
            summary.footnotesUnreferenced.append(d.label)
            warnings.append(ImportWarning(line: d.line, "footnote \(d.label) has a text but no reference in the text: kept; put [^\(d.label)] where the report cites it"))
        }

        // The invariant: a paragraph number of the raw text inside a footnote is a paragraph lost.
        let itemNumbers = Set(blocks.compactMap { block -> Int? in
            block.text.prefixMatch(of: /[0-9]{1,4}\.([0-9]{1,3})[ ]/).flatMap { Int($0.output.1) }
        })
        for lost in Self.paragraphsInFootnotes(raw: raw, paragraphs: Set(numbers), items: itemNumbers, notes: notes) {
            summary.paragraphsInFootnotes.append(lost.number)
            warnings.append(ImportWarning(line: lost.line, "paragraph \(lost.number) of the raw text was read into footnote \(lost.footnote), not as a paragraph: the footnote's text runs on past its page; cut footnote \(lost.footnote)'s text before \"\(lost.number).\" and make it the paragraph"))
        }

        if metadata.mechanism == nil {
            metadata.mechanism = UNCover.mechanism(symbol: metadata.symbol, texts: [metadata.title, metadata.subtitle].compactMap { $0 } + bodyUnits.prefix(5).map(\.text))
        }
        // A one-page document with no numbered paragraph (a decision) says so in its front matter, so that the build
        // does not warn about it (RS110); a report of several pages without them has lost them (the command exits 1).
        if summary.paragraphs == 0, summary.pages.count <= 1, summary.pagesFoundFromHeaders <= 1, !blocks.isEmpty {
            metadata.paragraphs = "none"
            warnings.append(ImportWarning(line: 0, "a one-page document without numbered paragraphs (a decision, a letter): written `paragraphs: none`; remove it if the paragraphs' numbers were lost"))
        }
        if metadata.symbol == nil { warnings.append(ImportWarning(line: 0, "no document symbol found: give it with --symbol")) }
        if metadata.country == nil { warnings.append(ImportWarning(line: 0, "no State concerned found on the cover: give it with --country if the document is about one State")) }
        if metadata.mechanism == nil { warnings.append(ImportWarning(line: 0, "the mechanism is not clear from the symbol or the cover: give it with --mechanism (special-procedures, treaty-body, upr or other)")) }
        if metadata.title == nil { warnings.append(ImportWarning(line: 0, "no title found: give it with --title")) }
        if metadata.date == nil { warnings.append(ImportWarning(line: 0, "no date found: give it with --date (YYYY-MM-DD)")) }
        if metadata.body == nil { warnings.append(ImportWarning(line: 0, "no issuing body found: give it with --body")) }

        warnings += assembler.warnings
        warnings.sort { $0.line < $1.line }
        let content = ImportWriter.write(metadata: metadata, blocks: blocks, notes: notes)
        return ImportResult(content: content, metadata: metadata, warnings: warnings, summary: summary)
    }
}

extension ReportImporter {
    /// Makes `n` standing alone after a word a marker `[^n]`, when it is the only such number between the markers
    /// of notes n - 1 and n + 1; returns the block it is in.
    static func placeMarker(_ n: Int, in blocks: inout [ImportedBlock]) -> Int? {
        let previous = "[^\(n - 1)]", next = "[^\(n + 1)]"
        guard let start = blocks.lastIndex(where: { $0.text.contains(previous) }) ?? (n == 1 ? 0 : nil) else { return nil }
        let end = blocks.firstIndex(where: { $0.text.contains(next) }) ?? blocks.count - 1
        guard start <= end else { return nil }
        var found: [(block: Int, range: Range<String.Index>)] = []
        for k in start...end where blocks[k].isBody || blocks[k].kind == .heading(level: 2) || blocks[k].kind == .heading(level: 3) {
            let text = blocks[k].text
            let from = k == start ? (text.range(of: previous, options: .backwards)?.upperBound ?? text.startIndex) : text.startIndex
            let to = k == end ? (text.range(of: next)?.lowerBound ?? text.endIndex) : text.endIndex
            guard from <= to else { continue }
            for m in text[from..<to].matches(of: /([\p{L}.,;:)”’"])\s([0-9]{1,3})(?=\s|$)/) where Int(m.output.2) == n {
                found.append((k, m.output.1.endIndex..<m.range.upperBound))
            }
        }
        // A year and the marker run together (`in November 201986`, note 86): only when no number stands alone.
        if found.isEmpty {
            for k in start...end where blocks[k].isBody {
                let text = blocks[k].text
                for m in text.matches(of: /\b((?:19|20)[0-9]{2})([0-9]{1,3})(?=[\s.,;:)]|$)/) where Int(m.output.2) == n {
                    found.append((k, m.output.2.startIndex..<m.output.2.endIndex))
                }
            }
        }
        guard found.count == 1, let hit = found.first else { return nil }
        blocks[hit.block].text.replaceSubrange(hit.range, with: "[^\(n)]")
        return hit.block
    }
}

/// Writes the front matter and the Markdown body.
enum ImportWriter {
    static func yamlValue(_ s: String) -> String {
        let plain = s.range(of: #"^[A-Za-z\p{L}][^:#\n"]*$"#, options: .regularExpression) != nil && !s.hasSuffix(" ")
            && s.range(of: #"^[0-9]"#, options: .regularExpression) == nil
        if plain, !["yes", "no", "true", "false", "null", "on", "off"].contains(s.lowercased()) { return s }
        if s.range(of: #"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"#, options: .regularExpression) != nil { return s }
        if s.range(of: #"^[A-Z][A-Za-z0-9.\-]*(/[A-Za-z0-9.\-]+)+$"#, options: .regularExpression) != nil { return s }
        return "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// A block of text that starts like a numbered paragraph (`1. Accepted recommendations; 2. ...`, a list
    /// inside a sentence) is not one: its full stop is escaped, so that it reads the same and numbers nothing.
    static func escapedListStart(_ text: String) -> String {
        guard let m = text.prefixMatch(of: /([0-9]{1,9})([.)])(?=\s|$)/) else { return text }
        return m.output.1 + "\\" + m.output.2 + text[m.range.upperBound...]
    }

    static func write(metadata: ImportMetadata, blocks: [ImportedBlock], notes: [(label: String, text: String)]) -> String {
        var out = "---\n"
        for (key, value) in metadata.fields {
            if let value { out += "\(key): \(yamlValue(value))\n" }
        }
        out += "---\n"
        var previousWasBullet = false
        for block in blocks {
            let isBullet = block.kind == .bullet
            out += isBullet && previousWasBullet ? "\n" : "\n\n"
            previousWasBullet = isBullet
            switch block.kind {
            case .heading(let level):
                out += String(repeating: "#", count: level) + " " + block.text
            case .paragraph(let n):
                out += "\(n). " + (block.cutAtStart ? "[...] " : "") + block.text + (block.cutAtEnd ? " [...]" : "")
            case .subParagraph(let label):
                out += "(\(label)) " + block.text + (block.cutAtEnd ? " [...]" : "")
            case .text:
                out += escapedListStart(block.text) + (block.cutAtEnd ? " [...]" : "")
            case .bullet:
                out += "- " + block.text
            case .pageMarker(let n):
                out += "<!-- page \(n) -->"
            case .table:
                let width = block.rows.map(\.count).max() ?? 1
                func row(_ cells: [String]) -> String {
                    let padded = cells + Array(repeating: "", count: width - cells.count)
                    return "| " + padded.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
                }
                var lines = [row(block.rows[0]), "|" + Array(repeating: " --- |", count: width).joined()]
                lines += block.rows.dropFirst().map(row)
                out += lines.joined(separator: "\n")
            }
        }
        for note in notes {
            out += "\n\n[^\(note.label)]: \(note.text)"
        }
        return out.replacingOccurrences(of: "---\n\n\n", with: "---\n\n") + "\n"
    }
}
