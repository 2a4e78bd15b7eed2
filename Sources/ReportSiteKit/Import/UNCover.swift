import Foundation

/// The first page of a United Nations document, read line by line from the raw text before the lines are joined:
/// the new layout (`A/HRC/43/15` / `United Nations` / `General Assembly` / `Distr.: General` / date ...), the old
/// one (`UNITED` / `NATIONS` / `A` / `General Assembly` / `Distr.` / `GENERAL` / symbol / date / `Original: ENGLISH`),
/// and lines that pdftotext interleaves (`General Assembly Distr.: General`, the date alone on the next line).
/// The title block (the lines left between the cover fields and the body) gives the title, the subtitle and the
/// State concerned. The cover's lines are blanked in the text handed on, so that line numbers stay those of the
/// raw file; a title line with a footnote marker stays, one line, for the body to carry the marker.
struct UNCover {
    var metadata = ImportMetadata()
    var warnings: [ImportWarning] = []
    /// Lines removed as page furniture of the cover (job numbers, barcodes).
    var artefactsRemoved = 0
    /// A cover of the Universal Periodic Review (its symbol, agenda or title say so).
    var isReview = false
    /// Cover lines the body keeps, each a block of its own: the agenda item's title, and a title or State's
    /// name that carries a footnote marker (`Report of the Working Group on the Universal Periodic Review*`).
    var bodyLines: [(line: Int, text: String)] = []

    /// A line that starts a title: `Report of ...`, `Compilation ...`, `Views on ...`.
    static func startsTitle(_ s: String) -> Bool {
        s.prefixMatch(of: /(?i)(Report|Note|Compilation|Summary|National report|Views on|Decision|Resolution|Addendum|Concluding observations|Letter|Outcome)\b/) != nil
    }

    /// A line that only says the cover's layout: `UNITED`, `NATIONS`, `A`, `GENERAL`, `Distr.`.
    static func isLayoutWord(_ t: String) -> Bool {
        ["united", "nations", "united nations", "distr.", "distr", "general", "limited", "restricted", "please recycle"].contains(t.lowercased())
            || t.wholeMatch(of: /[A-Z]/) != nil
    }

    static func isOrgan(_ t: String) -> String? {
        let lower = t.lowercased()
        return (CoverPage.organs + CoverPage.series.map(\.1)).first { $0.lowercased() == lower }
    }

    /// A whole line that is a date: `15 March 2010`.
    static func wholeDate(_ t: String) -> String? {
        guard t.wholeMatch(of: /[0-9]{1,2}\s+\p{L}+\s+[0-9]{4}/) != nil else { return nil }
        return CoverPage.isoDate(in: t)
    }

    /// Only glyphs of a private-use font (a barcode drawn with one), or only digit groups (`210325 210325`).
    static func isBarcode(_ t: String) -> Bool {
        if !t.isEmpty, t.unicodeScalars.allSatisfy({ (0xE000...0xF8FF).contains($0.value) || $0 == " " }) { return true }
        return t.wholeMatch(of: /\*[0-9]{7}\*|[0-9]{6}(\s+[0-9]{6})*/) != nil
    }

    /// A short line that names a State: `Slovenia`, `Bosnia and Herzegovina`, `Iran (Islamic Republic of)`.
    static func isNameLine(_ t: String) -> Bool {
        let s = CoverPage.withoutMarker(t)
        guard !s.isEmpty, s.count <= 45, s.first?.isUppercase == true, !s.contains(where: \.isNumber),
              !startsTitle(s), !StructureAssembler.isClosed(s) else { return false }
        let words = s.split(separator: " ")
        guard words.count <= 5 else { return false }
        return words.allSatisfy { w in
            let core = w.trimmingCharacters(in: CharacterSet(charactersIn: "(),"))
            return core.first?.isUppercase == true || ["of", "and", "the", "da", "del", "de"].contains(core)
        }
    }

    /// Reads the cover from the raw text; nil when its first page is not a United Nations cover (no `Distr.`).
    /// Returns the text with the cover's lines blanked.
    static func read(_ raw: String, symbol knownSymbol: String?) -> (UNCover, String)? {
        var lines = raw.components(separatedBy: "\n")
        // The first page: up to the first form feed, else up to the running header that repeats the symbol.
        var end = lines.firstIndex { $0.contains("\u{0C}") } ?? min(lines.count, 80)
        var cover = UNCover()
        let probe = lines[..<end].map { $0.trimmingCharacters(in: .whitespaces) }
        guard probe.contains(where: { $0.hasPrefix("Distr") || $0.contains(" Distr.") }) else { return nil }
        var symbol = knownSymbol
        var organs: [String] = []
        var titleLines: [(index: Int, text: String)] = []
        var addendum = false
        var k = 0
        func blank(_ i: Int) { lines[i] = "" }
        while k < end {
            let t = lines[k].trimmingCharacters(in: .whitespaces)
            let i = k
            k += 1
            if t.isEmpty { continue }
            // The running header of page 2 in text without form feeds.
            if !titleLines.isEmpty, let symbol, t == symbol { end = i; break }
            if let s = RawTextReader.leadingSymbol(Substring(t)), t.dropFirst(s.count).allSatisfy({ $0 == "*" || $0 == " " }) {
                symbol = symbol ?? s
                blank(i); continue
            }
            if let m = t.wholeMatch(of: /United Nations\s+(\S+)/), let s = RawTextReader.leadingSymbol(m.output.1) {
                symbol = symbol ?? s
                blank(i); continue
            }
            if t.hasPrefix("Distr"), let d = CoverPage.isoDate(in: t) {
                cover.metadata.date = cover.metadata.date ?? d
                blank(i); continue
            }
            if isLayoutWord(t) || t.prefixMatch(of: /Distr\.?:?\s*(General|GENERAL|Limited|LIMITED|Restricted|RESTRICTED)?$/) != nil
                || t.prefixMatch(of: /Original:\s*\p{L}+$/) != nil {
                blank(i); continue
            }
            // `General Assembly Distr.: General`: lines that pdftotext put side by side.
            if let m = t.wholeMatch(of: /(.+?)\s+Distr\.?:?\s*(?:General|GENERAL|Limited|LIMITED)?\s*(.*)/), let organ = isOrgan(String(m.output.1)) {
                organs.append(organ)
                if let d = CoverPage.isoDate(in: String(m.output.2)) { cover.metadata.date = cover.metadata.date ?? d }
                blank(i); continue
            }
            if let organ = isOrgan(t) { organs.append(organ); blank(i); continue }
            if t.lowercased() == "working group on the universal periodic review" { blank(i); continue }
            if let d = wholeDate(t) { cover.metadata.date = cover.metadata.date ?? d; blank(i); continue }
            if t.wholeMatch(of: /\p{L}+(?:-\p{L}+)?\s+(?i:session)/) != nil {
                cover.metadata.session = cover.metadata.session ?? String(t.prefix(1).uppercased() + t.dropFirst().lowercased())
                blank(i); continue
            }
            if t.wholeMatch(of: /(?:\p{L}+,\s*)?[0-9]{1,2}(?:\s\p{L}+)?(?:\s[0-9]{4})?\s*[–-]\s*[0-9]{1,2}\s\p{L}+\s[0-9]{4}/) != nil {
                cover.warnings.append(ImportWarning(line: i + 1, "the session's dates \"\(t)\" are not written (the front matter has no field for them)"))
                blank(i); continue
            }
            if let m = t.wholeMatch(of: /(?:Item\s+([0-9]+(?:\s*\([a-z]\))?)\s+of the (?:provisional |preliminary )?agenda|Agenda item\s+([0-9]+(?:\s*\([a-z]\))?))/) {
                cover.metadata.agendaItem = cover.metadata.agendaItem ?? String(m.output.1 ?? m.output.2 ?? "")
                blank(i)
                // The agenda item's title: the next line, and the lines that run on from it (lower case).
                while k < end, lines[k].trimmingCharacters(in: .whitespaces).isEmpty { k += 1 }
                if k < end, !startsTitle(lines[k].trimmingCharacters(in: .whitespaces)) || lines[k].lowercased().contains("universal periodic review") && lines[k].count < 40 {
                    let first = k
                    var agendaTitle = lines[k].trimmingCharacters(in: .whitespaces)
                    blank(k); k += 1
                    while k < end, let c = lines[k].trimmingCharacters(in: .whitespaces).first, c.isLowercase {
                        agendaTitle += " " + lines[k].trimmingCharacters(in: .whitespaces)
                        blank(k); k += 1
                    }
                    cover.bodyLines.append((first + 1, agendaTitle))
                }
                continue
            }
            if t.lowercased() == "addendum" { addendum = true; blank(i); continue }
            if t.lowercased() == "advance unedited version" { cover.metadata.status = "advance unedited version"; blank(i); continue }
            if isBarcode(t) || t.wholeMatch(of: /GE\.[0-9]{2}-[0-9]{5}\s*(\(E\))?(\s+\S+)?/) != nil {
                cover.artefactsRemoved += 1; blank(i); continue
            }
            // The body starts: a numbered paragraph or heading, a contents, a footnote of the cover, a long line of
            // text, a sentence that runs on.
            if t.hasPrefix("*") || t.prefixMatch(of: /[0-9]{1,4}\.(\s|$)|[IVXLC]{1,6}\.(\s|$)|[A-Z]\.(\s|$)/) != nil
                || ["contents", "introduction", "summary", "annex"].contains(t.lowercased()) || t.count > 75
                || t.hasSuffix(",") || t.wholeMatch(of: /_{5,}/) != nil {
                break
            }
            titleLines.append((i, t))
        }
        cover.metadata.symbol = symbol

        // The title block in groups: a line that starts a title, a State's name, or comes after a footnote marker
        // starts a group; a line in lower case, or after a long line, runs on.
        var groups: [[(index: Int, text: String)]] = []
        for line in titleLines {
            if let last = groups.last?.last {
                let lastWord = last.text.split(separator: " ").last.map(String.init) ?? ""
                let runsOn = line.text.first?.isLowercase == true
                    || (!last.text.hasSuffix("*") && !startsTitle(line.text)
                        && (last.text.count >= 45 || ["of", "the", "and", "for", "to", "in", "on", "with", "by"].contains(lastWord)))
                if runsOn { groups[groups.count - 1].append(line); continue }
            }
            groups.append([line])
        }
        func joined(_ g: [(index: Int, text: String)]) -> String {
            var s = ""
            for l in g {
                if s.hasSuffix("-"), l.text.first?.isLowercase == true { s += l.text } else { s += (s.isEmpty ? "" : " ") + l.text }
            }
            return s
        }
        var country: String?
        var titled: [(group: [(index: Int, text: String)], text: String)] = []
        for g in groups {
            let text = joined(g)
            if g.count == 1, country == nil, isNameLine(text) {
                country = CoverPage.withoutMarker(text)
                // A footnote marker on it (`Slovenia*`): the line stays, for the body to carry the footnote.
                if CoverPage.hasMarker(Substring(text)) { cover.bodyLines.append((g[0].index + 1, text)) }
                blank(g[0].index)
                continue
            }
            titled.append((g, text))
        }
        // A decision or resolution: its numbered title (`43/112. Outcome of ...`) is the title, `Decision adopted
        // by ...` the subtitle.
        let numbered = titled.firstIndex { $0.text.prefixMatch(of: /[0-9]{1,4}\/[0-9]{1,4}\.\s/) != nil }
        var order = titled.indices.map { $0 }
        if let numbered { order.removeAll { $0 == numbered }; order.insert(numbered, at: 0) }
        for (rank, n) in order.enumerated() {
            let (g, text) = titled[n]
            var plain = CoverPage.withoutMarker(text)
            if n == numbered, let m = plain.prefixMatch(of: /[0-9]{1,4}\/[0-9]{1,4}\.\s+/) { plain = String(plain[m.range.upperBound...]) }
            if rank == 0 {
                cover.metadata.title = plain
            } else if rank == 1 {
                cover.metadata.subtitle = plain
            } else {
                cover.warnings.append(ImportWarning(line: g[0].index + 1, "a further line of the cover's title block is not written: \"\(plain)\"; put it in the title or subtitle by hand if it belongs there"))
            }
            for l in g { blank(l.index) }
            // A footnote marker on the title: the line stays, for the body to carry the footnote.
            if CoverPage.hasMarker(Substring(text)) { cover.bodyLines.append((g[0].index + 1, text)) }
        }
        if country == nil, let title = cover.metadata.title,
           let m = title.firstMatch(of: /(?:\bon|:)\s+(\p{Lu}[\p{L}'’ ()-]{2,44})$/), isNameLine(String(m.output.1)) {
            country = String(m.output.1)
        }
        cover.metadata.country = country
        cover.bodyLines.sort { $0.line < $1.line }
        cover.isReview = mechanism(symbol: symbol, texts: probe) == "upr"
        if let symbol, let body = CoverPage.body(forSymbol: symbol), organs.contains(body) {
            cover.metadata.body = body
        } else if let last = organs.last {
            cover.metadata.body = last
        }
        if addendum, cover.metadata.subtitle == nil { cover.warnings.append(ImportWarning(line: 0, "an addendum without a subtitle: give it with --subtitle")) }
        // A marker standing alone under the title (`*`, then the footnote's text): one line.
        for i in 0..<min(lines.count, end + 1) where lines[i].trimmingCharacters(in: .whitespaces) == "*" {
            if let next = lines.indices.dropFirst(i + 1).first(where: { !lines[$0].trimmingCharacters(in: .whitespaces).isEmpty }) {
                lines[i] = "* " + lines[next].trimmingCharacters(in: .whitespaces)
                lines[next] = ""
            }
        }
        return (cover, lines.joined(separator: "\n"))
    }

    /// The mechanism a document comes from, by its symbol and its cover (contract, section 1); nil when neither says.
    static func mechanism(symbol: String?, texts: [String]) -> String? {
        let all = texts.joined(separator: " ").lowercased()
        if let symbol, symbol.contains("/WG.6/") { return "upr" }
        if all.contains("universal periodic review") { return "upr" }
        let treaty = ["CCPR/", "CERD/", "CRC/", "CEDAW/", "CAT/", "CMW/", "CRPD/", "E/C.12/", "CED/"]
        if let symbol, treaty.contains(where: { symbol.hasPrefix($0) }) { return "treaty-body" }
        if all.contains("special rapporteur") || all.contains("independent expert") || all.contains("working group on") {
            return "special-procedures"
        }
        return nil
    }
}
