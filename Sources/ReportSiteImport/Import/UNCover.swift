import Foundation
import ReportSiteCore
import ReportSiteReports

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
    /// A cover of the Universal Periodic Review (its symbol, agenda or title say so): the importer then takes this
    /// reader's cover over the block reader's.
    var isReview = false
    /// Cover lines the body keeps, each a block of its own: the agenda item's title, the treaty's name, the rows
    /// of a communication's case table, and a title or State's name that carries a footnote marker
    /// (`Report of the Working Group on the Universal Periodic Review*`).
    var bodyLines: [(line: Int, text: String)] = []

    /// A line that starts a title: `Report of ...`, `Compilation ...`, `Views on ...`.
    static func startsTitle(_ s: String) -> Bool {
        s.prefixMatch(of: /(?i)(Report|Note|Compilation|Summary|National report|Views on|Decision|Resolution|Addendum|Concluding observations|Letter|Outcome)\b/) != nil
    }

    /// A line that starts a block of the title of its own (a title, a subtitle, a decision's numbered title):
    /// `Note by the Secretariat`, `Draft study by ...`, `Corrigendum`, `Visit to Kenya`, `43/112. Outcome of ...`.
    static func startsTitleBlock(_ s: String) -> Bool {
        startsTitle(s) || s.prefixMatch(of: /(Draft study|Study|Corrigendum|Revised|Visit to|Mission to)\b|[0-9]{1,4}\/[0-9]{1,4}\.\s/) != nil
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

    /// Only glyphs of a private-use font (a barcode drawn with one) or the control characters that such a font
    /// gives in some PDFs (`^F ^O ^O^S ^F`), or only digit groups (`210325 210325`).
    static func isBarcode(_ t: String) -> Bool {
        if !t.isEmpty, t.contains(where: { $0 != " " }),
           t.unicodeScalars.allSatisfy({ (0xE000...0xF8FF).contains($0.value) || $0.value < 0x20 && !["\t", "\r", "\u{0C}"].contains($0) || $0 == " " }) { return true }
        return t.wholeMatch(of: /\*[0-9]{7}\*|[0-9]{6}(\s+[0-9]{6})*/) != nil
    }

    /// The job number at the foot of a cover: `GE.10-14488`, `GE:09-17825`, `GE.14-13493 (E)`, `25-11035 (E)`.
    static func isJobNumber(_ t: String) -> Bool {
        t.wholeMatch(of: /GE[.:][0-9]{2}-[0-9]{5}\s*(\(E\))?(\s+\S+)?|[0-9]{2}-[0-9]{5}\s*\(E\)(\s+[0-9]{6})?/) != nil
    }

    /// A line that is only footnote markers: `*`, `**`, `∗` (U+2217, the old covers' asterisk), `*, **`.
    static func isMarkerLine(_ t: String) -> Bool {
        t.wholeMatch(of: /[*∗]+(?:\s*,?\s*[*∗]+)*/) != nil
    }

    /// The old covers' asterisk (U+2217) written as the asterisk the footnote reader knows, and a marker that
    /// pdftotext set apart from its word (`Algeria ∗`) glued to it again, as it is printed.
    static func plainMarkers(_ t: String) -> String {
        t.replacingOccurrences(of: "∗", with: "*").replacing(/([\p{L}\p{N})])\s+(\*+)$/) { m in "\(m.output.1)\(m.output.2)" }
    }

    /// The distribution line of a cover: `English, French and Spanish only`, maybe over two lines.
    static func languageWords(_ t: String) -> (languages: Int, only: Bool)? {
        let languages: Set<String> = ["arabic", "chinese", "english", "french", "russian", "spanish"]
        let words = t.lowercased().split(whereSeparator: { $0 == " " || $0 == "," }).filter { $0 != "and" }
        guard !words.isEmpty, words.allSatisfy({ languages.contains(String($0)) || $0 == "only" }) else { return nil }
        let count = words.filter { languages.contains(String($0)) }.count
        return (count, words.last == "only")
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

    /// The State a cover line names, whole (`Kenya`, `Islamic Republic of Iran`, `United Kingdom of Great Britain
    /// and Northern Ireland ∗`), or with a qualifier in brackets (`China (including Hong Kong, China and Macao,
    /// China)`): the name as printed, and the qualifier left out (nil when there is none).
    static func state(in line: String) -> (name: String, qualifier: String?)? {
        let s = CoverPage.withoutMarker(line)
        guard !s.isEmpty, s.count <= 80 else { return nil }
        if knownStates.contains(foldedName(s)) { return (s, nil) }
        if let m = s.wholeMatch(of: /(.+?)\s*(\(.+\))/), knownStates.contains(foldedName(String(m.output.1))) {
            return (String(m.output.1), String(m.output.2))
        }
        return nil
    }

    /// Folded as states.yml's names are (`StateVocabulary.fold`: case, accents, apostrophes, spaces, a leading "the").
    static func foldedName(_ text: String) -> String { StateVocabulary.fold(text) }

    /// The label of a row of a communication's case table: `Communication submitted by:`, `State party:`.
    static func isCaseLabel(_ t: String) -> Bool {
        t.count <= 60 && t.wholeMatch(of: /\p{Lu}[\p{L} ,()'’\/-]{2,58}:/) != nil
    }

    /// The first row of a communication's case table, where a treaty body's Views or decision start.
    static func startsCaseTable(_ t: String) -> Bool {
        isCaseLabel(t) && t.prefixMatch(of: /(Communication submitted by|Submitted by|Communications? No\.|Alleged victims?|State party|Date of (communication|adoption|decision)|Subject matter|Substantive issues?|Procedural issues?|Articles? of the)/) != nil
    }

    /// A line of the cover's title block, with the footnote marker printed on a line of its own under it.
    struct TitleLine {
        var index: Int
        var text: String
        /// A blank line comes before it.
        var blankBefore: Bool
        /// The marker of a line of its own that belongs to this line (`*` under `Periodic Review`).
        var marker: String?
        /// The line with its marker, as the body carries it.
        var withMarker: String { UNCover.plainMarkers(text + (marker ?? "")) }
        var hasMarker: Bool { marker != nil || CoverPage.hasMarker(Substring(UNCover.plainMarkers(text))) }
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
        var titleLines: [TitleLine] = []
        var coverTexts: [String] = []
        var addendum = false
        var caseTable: Int?
        var k = 0
        var blankBefore = false
        var afterOrgan = false
        func blank(_ i: Int) { lines[i] = "" }
        func trimmed(_ i: Int) -> String { lines[i].trimmingCharacters(in: .whitespaces) }
        /// The next line that is not blank, from `i` on.
        func nextLine(from i: Int) -> Int? { (i..<end).first { !trimmed($0).isEmpty } }
        func isSession(_ t: String) -> Bool { t.wholeMatch(of: /\p{L}+(?:-\p{L}+)?\s+(?i:session)/) != nil }
        while k < end {
            let t = trimmed(k)
            let i = k
            k += 1
            if t.isEmpty { blankBefore = true; continue }
            let blankAbove = blankBefore
            blankBefore = false
            let wasAfterOrgan = afterOrgan
            afterOrgan = false
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
            // The languages a document is issued in (`English, French, Russian and` / `Spanish only`).
            if let words = languageWords(t), titleLines.isEmpty {
                if words.only { blank(i); continue }
                if let n = nextLine(from: k), let more = languageWords(trimmed(n)), more.only {
                    blank(i); blank(n); k = n + 1; continue
                }
            }
            // `General Assembly Distr.: General`: lines that pdftotext put side by side.
            if let m = t.wholeMatch(of: /(.+?)\s+Distr\.?:?\s*(?:General|GENERAL|Limited|LIMITED)?\s*(.*)/), let organ = isOrgan(String(m.output.1)) {
                organs.append(organ)
                if let d = CoverPage.isoDate(in: String(m.output.2)) { cover.metadata.date = cover.metadata.date ?? d }
                blank(i); continue
            }
            if let organ = isOrgan(t) { organs.append(organ); blank(i); afterOrgan = true; continue }
            // Another line beside `Distr.: General` (the treaty's name): the rest of the line is read.
            if let m = t.wholeMatch(of: /(.+?)\s+Distr\.?:?\s*(?:General|GENERAL|Limited|LIMITED)?\s*/) {
                lines[i] = String(m.output.1)
                k = i
                continue
            }
            // An organ's name over two lines (`International Human Rights` / `Instruments`).
            if titleLines.isEmpty, let n = nextLine(from: k), n == k, let organ = isOrgan(t + " " + trimmed(n)) {
                organs.append(organ); blank(i); blank(n); k = n + 1; afterOrgan = true; continue
            }
            // The treaty a treaty body's document comes under (`International Covenant on` / `Civil and Political
            // Rights`), in the organ's place above the date: kept in the body, as the block reader keeps it.
            if titleLines.isEmpty, cover.metadata.date == nil, t.prefixMatch(of: /International Covenant|International Convention|Convention (on|against|for)\b|Optional Protocol/) != nil {
                var name = t
                blank(i)
                while k < end, let last = name.split(separator: " ").last,
                      ["on", "of", "and", "the", "against", "for", "to"].contains(String(last)) || trimmed(k).first?.isLowercase == true,
                      let n = nextLine(from: k), n - k <= 1, !trimmed(n).hasPrefix("Distr") {
                    name += " " + trimmed(n)
                    blank(n)
                    k = n + 1
                }
                cover.bodyLines.append((i + 1, name))
                continue
            }
            if t.lowercased() == "working group on the universal periodic review" { blank(i); coverTexts.append(t); continue }
            // A body of the Council between the Council and the session (`Expert Mechanism on the Rights of
            // Indigenous Peoples`): the front matter has no field for it.
            if wasAfterOrgan, titleLines.isEmpty, !isSession(t), let n = nextLine(from: k), isSession(trimmed(n)) {
                coverTexts.append(t)
                cover.warnings.append(ImportWarning(line: i + 1, "the cover line \"\(t)\" (the body of the organ that meets) is not written: the front matter has no field for it"))
                blank(i); continue
            }
            if let d = wholeDate(t) { cover.metadata.date = cover.metadata.date ?? d; blank(i); continue }
            if isSession(t) {
                cover.metadata.session = cover.metadata.session ?? String(t.prefix(1).uppercased() + t.dropFirst().lowercased())
                blank(i); continue
            }
            // A meeting in the session's place (`Thirty-seventh meeting of Chairs` / `of the human rights treaty bodies`).
            if titleLines.isEmpty, cover.metadata.session == nil, t.wholeMatch(of: /\p{Lu}\p{Ll}+(?:-\p{Ll}+)?\s+meeting of\s.+/) != nil {
                var session = t
                blank(i)
                while k < end, trimmed(k).first?.isLowercase == true { session += " " + trimmed(k); blank(k); k += 1 }
                cover.metadata.session = session
                continue
            }
            if t.wholeMatch(of: /(?:\p{L}+,\s*)?[0-9]{1,2}(?:\s\p{L}+)?(?:\s[0-9]{4})?\s*[–-]\s*[0-9]{1,2}\s\p{L}+\s[0-9]{4}/) != nil {
                cover.warnings.append(ImportWarning(line: i + 1, "the session's dates \"\(t)\" are not written (the front matter has no field for them)"))
                blank(i); continue
            }
            if let m = t.wholeMatch(of: /(?:Item\s+([0-9]+(?:\s*\([a-z]\))?)\s+of the (?:provisional |preliminary )?(?:agenda|list)|Agenda item\s+([0-9]+(?:\s*\([a-z]\))?))\s*([*∗]+)?/) {
                cover.metadata.agendaItem = cover.metadata.agendaItem ?? String(m.output.1 ?? m.output.2 ?? "")
                blank(i)
                // Its footnote marker (`Item 72 (b) of the provisional agenda*`): the line stays, for the body to carry it.
                if m.output.3 != nil { cover.bodyLines.append((i + 1, plainMarkers(t))) }
                // The agenda item's title: the next line, and the lines that run on from it (lower case).
                while k < end, trimmed(k).isEmpty { k += 1 }
                if k < end, !startsTitle(trimmed(k)) || lines[k].lowercased().contains("universal periodic review") && lines[k].count < 40 {
                    let first = k
                    var agendaTitle = trimmed(k)
                    blank(k); k += 1
                    while k < end, let c = trimmed(k).first, c.isLowercase {
                        agendaTitle += " " + trimmed(k)
                        blank(k); k += 1
                    }
                    cover.bodyLines.append((first + 1, agendaTitle))
                    coverTexts.append(agendaTitle)
                }
                continue
            }
            if t.lowercased() == "addendum" { addendum = true; blank(i); continue }
            if t.lowercased() == "advance unedited version" { cover.metadata.status = "advance unedited version"; blank(i); continue }
            if isBarcode(t) || isJobNumber(t) {
                cover.artefactsRemoved += 1; blank(i); continue
            }
            // A footnote marker on a line of its own: the title's, when a State's name follows it (`Periodic Review`
            // / `*` / `Kenya`); else the label of the cover's footnote, whose text follows.
            if isMarkerLine(t) {
                var n = nextLine(from: k)
                while let j = n, isJobNumber(trimmed(j)) || isBarcode(trimmed(j)) { n = nextLine(from: j + 1) }
                if let last = titleLines.indices.last, !titleLines[last].hasMarker, let n, state(in: trimmed(n)) != nil || isNameLine(trimmed(n)) {
                    titleLines[last].marker = plainMarkers(t.replacingOccurrences(of: " ", with: ""))
                    blank(i); continue
                }
                break
            }
            // The body starts: a numbered paragraph or heading, a contents, a footnote of the cover, a long line of
            // text, a sentence that runs on, a communication's case table.
            if t.hasPrefix("*") || t.hasPrefix("∗") || t.prefixMatch(of: /[0-9]{1,4}\.(\s|$)|[IVXLC]{1,6}\.(\s|$)|[A-Z]\.(\s|$)/) != nil
                || ["contents", "introduction", "summary", "annex"].contains(t.lowercased()) || t.count > 75
                || t.hasSuffix(",") || t.wholeMatch(of: /_{5,}/) != nil {
                break
            }
            if startsCaseTable(t) { caseTable = i; break }
            titleLines.append(TitleLine(index: i, text: t, blankBefore: blankAbove))
        }
        cover.metadata.symbol = symbol

        // The title block in groups: a line that starts a title or a subtitle, a State's name, a line after a
        // footnote marker or a blank line starts a group; a line in lower case, or any other, runs on. After a line
        // with a marker, a line that is neither a State's name nor a title's start is the body's (a heading).
        var groups: [[TitleLine]] = []
        var lastWasState = false
        var given = titleLines.count
        for (n, line) in titleLines.enumerated() {
            guard let last = groups.last?.last else {
                groups.append([line]); lastWasState = state(in: line.text) != nil || isNameLine(line.text); continue
            }
            let isState = state(in: line.text) != nil
                || isNameLine(line.text) && (last.hasMarker || line.blankBefore || lastWasState)
            if last.hasMarker, !isState, !startsTitleBlock(line.text) { given = n; break }
            if isState || lastWasState || last.hasMarker || line.blankBefore || startsTitleBlock(line.text) && line.text.first?.isLowercase != true {
                groups.append([line])
            } else {
                groups[groups.count - 1].append(line)
            }
            lastWasState = isState
        }
        if given < titleLines.count {
            cover.warnings.append(ImportWarning(line: titleLines[given].index + 1, "the cover's title block ends above \"\(titleLines[given].text)\", which is read as the body's"))
        }
        func joined(_ g: [TitleLine]) -> String {
            var s = ""
            for l in g {
                if s.hasSuffix("-"), l.text.first?.isLowercase == true { s += l.text } else { s += (s.isEmpty ? "" : " ") + l.text }
            }
            return s
        }
        var country: String?
        var titled: [(group: [TitleLine], text: String)] = []
        for g in groups {
            var text = joined(g)
            if let marker = g.last?.marker { text += marker }
            if g.count == 1, country == nil, let found = state(in: text) ?? (isNameLine(text) ? (CoverPage.withoutMarker(text), nil) : nil) {
                country = found.name
                if let qualifier = found.qualifier {
                    cover.warnings.append(ImportWarning(line: g[0].index + 1, "the State under review is written \(found.name): the cover prints \"\(CoverPage.withoutMarker(text))\", and its words \(qualifier) are not written"))
                }
                // A footnote marker on it (`Slovenia*`): the line stays, for the body to carry the footnote.
                if g[0].hasMarker { cover.bodyLines.append((g[0].index + 1, g[0].withMarker)) }
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
            var plain = CoverPage.withoutMarker(plainMarkers(text))
            if n == numbered, let m = plain.prefixMatch(of: /[0-9]{1,4}\/[0-9]{1,4}\.\s+/) { plain = String(plain[m.range.upperBound...]) }
            coverTexts.append(plain)
            if rank == 0 {
                cover.metadata.title = plain
            } else if rank == 1 {
                cover.metadata.subtitle = plain
            } else {
                cover.warnings.append(ImportWarning(line: g[0].index + 1, "a further line of the cover's title block is not written: \"\(plain)\"; put it in the title or subtitle by hand if it belongs there"))
            }
            for l in g { blank(l.index) }
            // A footnote marker on the title: the line stays, for the body to carry the footnote.
            if g.contains(where: \.hasMarker) { cover.bodyLines.append((g[0].index + 1, plainMarkers(text))) }
        }
        // A communication's case table (`Communication submitted by:` / `C` / `State party:` / `Russian Federation`):
        // a row a block, and the State party is the State concerned.
        if let start = caseTable {
            var j = start
            while let n = nextLine(from: j), isCaseLabel(trimmed(n)) {
                let label = trimmed(n)
                var values: [String] = []
                j = n + 1
                while let v = nextLine(from: j), !isCaseLabel(trimmed(v)) {
                    let value = trimmed(v)
                    let runsOn = values.last.map { $0.hasSuffix(",") || $0.hasSuffix(";") || value.first?.isLowercase == true } ?? true
                    guard runsOn, value.count <= 75, !value.hasPrefix("*") else { break }
                    values.append(value)
                    blank(v)
                    j = v + 1
                }
                guard !values.isEmpty else { break }
                let value = values.joined(separator: " ")
                blank(n)
                cover.bodyLines.append((n + 1, label + " " + value))
                if label == "State party:", country == nil, let found = state(in: value) ?? (isNameLine(value) ? (value, nil) : nil) {
                    country = found.name
                }
            }
        }
        // A State named at the end of the title or subtitle: `Summary of stakeholders’ submissions on Slovenia`,
        // `Outcome of the universal periodic review: Slovenia`, `Visit to Kenya`, `... periodic report of the Congo`.
        if country == nil {
            for text in [cover.metadata.title, cover.metadata.subtitle].compactMap({ $0 }) where country == nil {
                let words = text.split(separator: " ", omittingEmptySubsequences: true)
                for (n, word) in words.enumerated() where country == nil && n + 1 < words.count
                    && (["on", "of", "to"].contains(word) || word.hasSuffix(":")) {
                    var rest = words[(n + 1)...]
                    if rest.first == "the", rest.count > 1 { rest = rest.dropFirst() }
                    if rest.first?.first?.isUppercase == true, let found = state(in: rest.joined(separator: " ")), found.qualifier == nil {
                        country = found.name
                    }
                }
            }
        }
        cover.metadata.country = country
        cover.bodyLines.sort { $0.line < $1.line }
        cover.metadata.mechanism = mechanism(symbol: symbol, texts: coverTexts)
        // The Review's covers, and those of the treaty bodies and the Council's expert bodies, are this reader's;
        // a special procedure's cover is the block reader's when it finds a title there too.
        cover.isReview = mechanism(symbol: symbol, texts: probe) == "upr"
            || cover.metadata.title != nil && ["treaty-body", "other"].contains(cover.metadata.mechanism ?? "")
        if let symbol, let body = CoverPage.body(forSymbol: symbol), organs.contains(body) {
            cover.metadata.body = body
        } else if let last = organs.last {
            cover.metadata.body = last
        }
        if addendum, cover.metadata.subtitle == nil { cover.warnings.append(ImportWarning(line: 0, "an addendum without a subtitle: give it with --subtitle")) }
        // A marker standing alone under the title (`*`, then the footnote's text, maybe below the job number):
        // one line.
        for i in 0..<min(lines.count, end + 1) where isMarkerLine(trimmed(i)) {
            var next = lines.indices.dropFirst(i + 1).first { !trimmed($0).isEmpty }
            while let n = next, n < end, isJobNumber(trimmed(n)) || isBarcode(trimmed(n)) {
                blank(n)
                cover.artefactsRemoved += 1
                next = lines.indices.dropFirst(n + 1).first { !trimmed($0).isEmpty }
            }
            if let next {
                lines[i] = plainMarkers(trimmed(i)) + " " + trimmed(next)
                lines[next] = ""
            }
        }
        return (cover, lines.joined(separator: "\n"))
    }

    /// The mechanism a document comes from, by its symbol and its cover (contract, section 1); nil when neither says.
    /// The series decides first; then the texts, in their order: the first of the Review, a treaty body, the Expert
    /// Mechanism or a special procedure they name.
    static func mechanism(symbol: String?, texts: [String]) -> String? {
        if let symbol {
            if symbol.contains("/WG.6/") { return "upr" }
            let treaty = ["CCPR/", "CERD/", "CRC/", "CEDAW/", "CAT/", "CMW/", "CRPD/", "E/C.12/", "CED/", "HRI/", "SPT/"]
            if treaty.contains(where: { symbol.hasPrefix($0) }) { return "treaty-body" }
            // The Council's expert bodies (the Expert Mechanism on the Rights of Indigenous Peoples, the Advisory
            // Committee) are neither special procedures nor treaty bodies.
            if symbol.hasPrefix("A/HRC/EMRIP/") || symbol.hasPrefix("A/HRC/AC/") { return "other" }
        }
        let all = texts.joined(separator: " ").lowercased()
        if all.contains("universal periodic review") { return "upr" }
        let named: [(phrase: String, mechanism: String)] = [
            ("human rights committee", "treaty-body"), ("committee on economic, social and cultural rights", "treaty-body"),
            ("committee on the elimination of", "treaty-body"), ("committee against torture", "treaty-body"),
            ("committee on the rights of", "treaty-body"), ("committee on migrant workers", "treaty-body"),
            ("committee on the protection of the rights of all migrant workers", "treaty-body"),
            ("committee on enforced disappearances", "treaty-body"), ("subcommittee on prevention of torture", "treaty-body"),
            ("human rights treaty bodies", "treaty-body"),
            ("expert mechanism on the rights of indigenous peoples", "other"),
            ("special rapporteur", "special-procedures"), ("independent expert", "special-procedures"),
            ("working group on", "special-procedures"), ("working group of experts", "special-procedures"),
        ]
        var first: (at: String.Index, mechanism: String)?
        for (phrase, mechanism) in named {
            var from = all.startIndex
            while let r = all.range(of: phrase, range: from..<all.endIndex) {
                // An intergovernmental working group is the Council's, not a special procedure.
                if phrase.hasPrefix("working group"), all[..<r.lowerBound].hasSuffix("intergovernmental ") { from = r.upperBound; continue }
                if first.map({ r.lowerBound < $0.at }) ?? true { first = (r.lowerBound, mechanism) }
                break
            }
        }
        return first?.mechanism
    }
}
