import Foundation
import ReportSiteCore

/// The cover of a report (symbol, organ, date, session, agenda item, title, status): read into the front matter,
/// and its lines removed from the body, except those the body needs (a line carrying a footnote marker).
struct CoverPage {
    var metadata = ImportMetadata()
    var warnings: [ImportWarning] = []

    static let organs = ["General Assembly", "Human Rights Council", "Economic and Social Council", "Security Council",
                         "Commission on Human Rights"]
    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                         "october", "november", "december"]

    /// `12 August 2003` -> `2003-08-12`.
    static func isoDate(in text: String) -> String? {
        guard let m = text.firstMatch(of: /([0-9]{1,2})\s+(\p{L}+)\s+([0-9]{4})/),
              let day = Int(m.output.1), let month = months.firstIndex(of: m.output.2.lowercased()),
              let year = Int(m.output.3), (1...31).contains(day) else { return nil }
        return String(format: "%04d-%02d-%02d", year, month + 1, day)
    }

    static func hasMarker(_ s: Substring) -> Bool {
        s.contains("\\*") || s.contains("*") || s.contains("<sup>") || s.unicodeScalars.contains { Footnotes.superscriptDigits[$0] != nil }
    }

    /// A cover line without its footnote markers (`Report of the Working Group ...*`, `... No. 2025/2011*, **`,
    /// `Algeria ∗` with the old covers' asterisk U+2217).
    static func withoutMarker(_ s: String) -> String {
        var t = s.replacingOccurrences(of: "\\*", with: "")
        if let m = t.firstMatch(of: /\s*[*∗]+(?:\s*,?\s*[*∗]+)*\s*$/) { t = String(t[..<m.range.lowerBound]) }
        while let last = t.last, last == "*" || last == "∗" || Footnotes.superscriptDigits[last.unicodeScalars.first!] != nil { t.removeLast() }
        return t.trimmingCharacters(in: .whitespaces)
    }

    static func isSubtitle(_ s: String) -> Bool {
        s.prefixMatch(of: /(Note|Report) (by|of) the (Secretary-General|[Ss]ecretariat|United Nations High Commissioner)/) != nil
    }

    /// Reads the cover among the first units; returns the units left for the body.
    /// A line of the cover that is one field of it.
    static func isCoverLine(_ t: String) -> Bool {
        organs.contains(t) || seriesBodies.contains(t) || t == "United Nations" || isSubtitle(t) || t.prefixMatch(of: /Distr\.?:?\s|Original:|United Nations\s|Concluding observations\s/) != nil
            || t.wholeMatch(of: /\p{Lu}\p{Ll}+(?:-\p{Ll}+)?\s+session/) != nil || t.prefixMatch(of: /Agenda item\s+[0-9]|Item\s+[0-9]+.*agenda/) != nil
            || t.lowercased() == "advance unedited version"
    }

    mutating func read(_ input: [RawUnit]) -> [RawUnit] {
        // Cover lines that ran together (no blank line between them) are taken one by one.
        var units: [RawUnit] = []
        for (k, u) in input.enumerated() {
            if k < 30, u.lines.count > 1, !u.headingMarkup, u.lines.contains(where: Self.isCoverLine) {
                for (offset, line) in u.lines.enumerated() {
                    units.append(RawUnit(text: line, line: u.line + offset, pageStart: offset == 0 ? u.pageStart : nil, lines: [line]))
                }
            } else {
                units.append(u)
            }
        }
        var kept: [RawUnit] = []
        var carried: Int?
        var i = 0
        var inCover = true
        while i < units.count {
            var u = units[i]
            i += 1
            // A page that starts with a cover line removed starts with the next line kept.
            if let page = u.pageStart { carried = page }
            func keep(_ unit: RawUnit) {
                var unit = unit
                unit.pageStart = unit.pageStart ?? carried
                carried = nil
                kept.append(unit)
            }
            guard !u.fromOneLinePage, i <= 40 else { keep(u); continue }
            var t = u.text
            if let m = t.prefixMatch(of: /\*\*([^*]+)\*\*/), Self.organs.contains(String(m.output.1)) {
                metadata.body = metadata.body ?? String(m.output.1)
                t = String(t[m.range.upperBound...])
                u.text = t
            }
            // Cover lines that pdftotext may put after the summary.
            if t.prefixMatch(of: /Distr\.?:?\s*(General|GENERAL|Limited|LIMITED|Restricted|RESTRICTED)/) != nil {
                if let d = Self.isoDate(in: t) {
                    metadata.date = metadata.date ?? d
                } else if i < units.count, let d = Self.isoDate(in: units[i].text), units[i].text.count < 30 {
                    metadata.date = metadata.date ?? d
                    i += 1
                }
                continue
            }
            if t.prefixMatch(of: /Original:\s*\p{L}+$/) != nil { continue }
            guard inCover, i <= 30 else { keep(u); continue }
            if t.prefixMatch(of: /[0-9]{1,4}\.\s/) != nil || ["summary", "contents"].contains(t.lowercased())
                || t.prefixMatch(of: /[IVX]+\.?\s+\p{Lu}/) != nil {
                inCover = false
                keep(u)
                continue
            }
            if t == "United Nations" { continue }
            if let m = t.firstMatch(of: /^United Nations\s+(\S+)/), let s = RawTextReader.leadingSymbol(m.output.1) {
                metadata.symbol = metadata.symbol ?? s
                continue
            }
            if let symbol = metadata.symbol, t == Self.body(forSymbol: symbol), !u.headingMarkup {
                // The organ the symbol's series names (a committee; the Council under `General Assembly`).
                metadata.body = t
                continue
            }
            // A treaty body's title: `Concluding observations on the eighth periodic report of ...`.
            if metadata.title == nil, !u.headingMarkup, t.prefixMatch(of: /(Concluding observations|General comment|General recommendation|List of issues|Views adopted|Decision adopted)\s/) != nil, t.count <= 200 {
                metadata.title = t.replacingOccurrences(of: "\\*", with: "").trimmingCharacters(in: CharacterSet(charactersIn: "* "))
                if Self.hasMarker(Substring(t)) {
                    // Its footnote marker needs a place in the body: the line stays, a block of its own.
                    u.text = t
                    u.closed = true
                    u.standsAlone = true
                    keep(u)
                }
                continue
            }
            if Self.organs.contains(t), let symbol = metadata.symbol, Self.body(forSymbol: symbol) == t {
                // `General Assembly` above `Human Rights Council` on an A/HRC cover: the Council issues it.
                metadata.body = t
                continue
            }
            if Self.organs.contains(t), !u.headingMarkup || metadata.body == nil {
                metadata.body = metadata.body ?? t
                continue
            }
            if t.wholeMatch(of: /\p{Lu}\p{Ll}+(?:-\p{Ll}+)?\s+session/) != nil {
                metadata.session = metadata.session ?? t
                continue
            }
            if metadata.session != nil, t.wholeMatch(of: /[0-9]{1,2}(?:\s\p{L}+)?(?:\s[0-9]{4})?\s*[–-]\s*[0-9]{1,2}\s\p{L}+\s[0-9]{4}/) != nil {
                warnings.append(ImportWarning(line: u.line, "the session's dates \"\(t)\" are not written (the front matter has no field for them)"))
                continue
            }
            // A title standing alone, right above "Report of the ..." / "Note by the ..." (not the agenda item's title).
            let agendaTitle = i >= 2 && units[i - 2].text.prefixMatch(of: /Agenda item\s|Item\s+[0-9]/) != nil
            if metadata.title == nil, !agendaTitle, !u.headingMarkup, t.count <= 150, !t.contains("**"), t.first?.isUppercase == true,
               !StructureAssembler.isClosed(t), i < units.count,
               units[i].text.prefixMatch(of: /(Report of the|Note by the)\s/) != nil {
                metadata.title = t
                warnings.append(ImportWarning(line: u.line, "title taken from the line above \"\(units[i].text.prefix(30))...\": \(t)"))
                // The blocks on either side of a title are not one.
                if !kept.isEmpty { kept[kept.count - 1].closed = true }
                continue
            }
            if metadata.subtitle == nil, !u.headingMarkup, t.count <= 200, !StructureAssembler.isClosed(t),
               t.prefixMatch(of: metadata.title == nil ? /(Report of the)\s/ : /(Report of the|Note by the)\s/) != nil {
                let plain = Self.withoutMarker(t)
                if metadata.title == nil {
                    // `Report of the Working Group on the Universal Periodic Review`, then the country: title, subtitle.
                    metadata.title = plain
                    if i < units.count, units[i].text.count <= 60, units[i].lines.count <= 1, !StructureAssembler.isClosed(units[i].text),
                       units[i].text.first?.isUppercase == true, !Self.isCoverLine(units[i].text) {
                        metadata.subtitle = units[i].text
                        i += 1
                    }
                    warnings.append(ImportWarning(line: u.line, "title taken from the line \"\(plain)\"" + (metadata.subtitle.map { ", subtitle from the line under it: \($0)" } ?? "")))
                } else {
                    metadata.subtitle = plain
                }
                if !kept.isEmpty { kept[kept.count - 1].closed = true }
                if plain != t {
                    // Its footnote marker needs a place in the body: the line stays, a block of its own.
                    u.text = t
                    u.closed = true
                    u.standsAlone = true
                    keep(u)
                }
                continue
            }
            if let m = t.wholeMatch(of: /(?:Item\s+([0-9]+(?:\s*\([a-z]\))?)\s+of the (?:provisional |preliminary )?agenda|Agenda item\s+([0-9]+(?:\s*\([a-z]\))?))(.*)/) {
                metadata.agendaItem = metadata.agendaItem ?? String(m.output.1 ?? m.output.2 ?? "")
                if Self.hasMarker(m.output.3) {
                    u.text = t
                    u.closed = true
                    u.standsAlone = true
                    keep(u)
                }
                continue
            }
            if t.lowercased() == "advance unedited version" {
                metadata.status = metadata.status ?? "advance unedited version"
                continue
            }
            // Bold segments: the title, then a subtitle ("Note by the Secretary-General"), maybe glued to other text.
            if t.contains("**") {
                var prefix = ""
                var rest = Substring(t)
                var segments: [String] = []
                while let m = rest.firstMatch(of: /\*\*([^*]+)\*\*/) {
                    prefix += rest[..<m.range.lowerBound]
                    segments.append(String(m.output.1).trimmingCharacters(in: .whitespaces))
                    rest = rest[m.range.upperBound...]
                }
                prefix += rest
                var keptHeading: String?
                for segment in segments {
                    if metadata.title == nil, !Self.isSubtitle(segment) {
                        metadata.title = segment
                    } else if Self.isSubtitle(segment) {
                        metadata.subtitle = metadata.subtitle ?? segment
                        if u.headingMarkup && segments.count == 1 { keptHeading = segment }
                    } else {
                        prefix += (prefix.isEmpty ? "" : " ") + segment
                    }
                }
                let p = prefix.trimmingCharacters(in: .whitespaces)
                if let keptHeading {
                    u.text = keptHeading
                    keep(u)
                } else if !p.isEmpty {
                    u.text = p
                    u.headingMarkup = u.headingMarkup && segments.isEmpty
                    u.closed = !segments.isEmpty
                    keep(u)
                }
                continue
            }
            if Self.isSubtitle(t), t.count < 80 {
                metadata.subtitle = metadata.subtitle ?? t
                u.headingMarkup = true
            }
            u.text = t
            keep(u)
        }
        return kept
    }

    /// The mandate holder and mandate, from the transmittal or the report's first sentences.
    mutating func readAuthor(_ units: [RawUnit]) {
        for u in units.prefix(40) {
            let t = u.text
            if metadata.author == nil, let m = t.firstMatch(of: /submitted by (\p{Lu}[\p{L}'’.\-]+(?:\s+\p{Lu}[\p{L}'’.\-]+){1,3}), (?:Special Rapporteur|Independent Expert|Chair)/) {
                metadata.author = String(m.output.1)
                warnings.append(ImportWarning(line: u.line, "author taken from the text: \(m.output.1)"))
            }
            if metadata.author == nil, let m = t.firstMatch(of: /((?:Special Rapporteur|Independent Expert) on [^,.;]{5,150}), (\p{Lu}[\p{L}'’.\-]+(?:\s+\p{Lu}[\p{L}'’.\-]+){1,3}),/) {
                metadata.author = String(m.output.2)
                metadata.mandate = metadata.mandate ?? String(m.output.1)
                warnings.append(ImportWarning(line: u.line, "author and mandate taken from the text: \(m.output.2), \(m.output.1)"))
            }
            if metadata.author != nil { break }
        }
    }

    static var seriesBodies: Set<String> { Set(series.map(\.1)) }

    /// The issuing organ, from the symbol's series, when the cover does not name it.
    static func body(forSymbol symbol: String) -> String? {
        let ordered = series.sorted { $0.0.count > $1.0.count }
        return ordered.first { symbol.hasPrefix($0.0) }?.1
    }

    static let series: [(String, String)] = [
            ("A/HRC/", "Human Rights Council"), ("E/CN.4/", "Commission on Human Rights"), ("A/", "General Assembly"),
            ("E/", "Economic and Social Council"), ("S/", "Security Council"), ("CCPR/", "Human Rights Committee"),
            ("CERD/", "Committee on the Elimination of Racial Discrimination"), ("CRC/", "Committee on the Rights of the Child"),
            ("CEDAW/", "Committee on the Elimination of Discrimination against Women"), ("CAT/", "Committee against Torture"),
            ("CMW/", "Committee on Migrant Workers"), ("CRPD/", "Committee on the Rights of Persons with Disabilities"),
            ("E/C.12/", "Committee on Economic, Social and Cultural Rights"), ("CED/", "Committee on Enforced Disappearances"),
            ("HRI/", "International Human Rights Instruments"),
        ]
}
