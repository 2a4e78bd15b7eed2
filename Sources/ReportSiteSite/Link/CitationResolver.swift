import ReportSiteCore
import ReportSiteReports

/// Where one citation goes, decided with the whole corpus in view.
package struct ResolvedCitation: Hashable, Sendable {
    /// The cited report when it is on the site.
    public var target: Symbol?
    /// The anchor on the target page (`para-80`), if any.
    public var anchor: String?
    /// Set for a document that is not on the site, or a paragraph missing only because the target is an excerpt.
    public var externalURL: String?
    /// false when the citation is left as plain text (a missing paragraph or section).
    public var linked: Bool { target != nil || externalURL != nil }
}

/// A place in another report that cites a paragraph.
package struct CitedBy: Hashable, Sendable {
    public var source: Symbol
    public var anchor: String?
    /// `A/99/123, para. 14`.
    public var label: String
}

/// What the link stage found for one report.
package struct ReportLinks: Sendable {
    /// Where each of its citations goes, in the report's order.
    public var resolved: [ResolvedCitation] = []
    /// Cited anchor -> the places in other reports that cite it, sorted.
    public var citedBy: [String: [CitedBy]] = [:]
    /// How many citations from other reports on the site point at it.
    public var citedCount = 0
}

/// The link stage's result, by report symbol: every citation resolved, and who cites each paragraph.
package struct LinkTable: Sendable {
    let reports: [Symbol: ReportLinks]

    public subscript(_ symbol: Symbol) -> ReportLinks { reports[symbol] ?? ReportLinks() }
}

/// Resolves the citations of every report against the corpus (phase two: all reports are read first).
package struct CitationResolver {
    let corpus: Corpus
    let diagnostics: DiagnosticEngine

    package init(corpus: Corpus, diagnostics: DiagnosticEngine) {
        (self.corpus, self.diagnostics) = (corpus, diagnostics)
    }

    package func resolve() -> LinkTable {
        let anchors = corpus.reports.parallelMap { Set($0.anchors) }
        var resolved: [[ResolvedCitation]] = []
        var citedBy = [[String: [CitedBy]]](repeating: [:], count: corpus.reports.count)
        var citedCount = [Int](repeating: 0, count: corpus.reports.count)
        for (index, report) in corpus.reports.enumerated() {
            var list: [ResolvedCitation] = []
            for citation in report.citations {
                let (result, targetIndex) = resolve(citation, in: report, index: index, anchors: anchors)
                list.append(result)
                guard let t = targetIndex, t != index else { continue }
                citedCount[t] += 1
                for anchor in citedAnchors(citation, result: result, anchors: anchors[t]) {
                    citedBy[t][anchor, default: []].append(CitedBy(source: report.symbol, anchor: citation.sourceAnchor,
                                                                   label: Self.label(report.symbol, citation.sourceAnchor)))
                }
            }
            resolved.append(list)
        }
        for i in citedBy.indices {
            for key in citedBy[i].keys {
                var seen: Set<CitedBy> = []
                citedBy[i][key] = citedBy[i][key]!.filter { seen.insert($0).inserted }
            }
        }
        var table: [Symbol: ReportLinks] = [:]
        for (i, report) in corpus.reports.enumerated() {
            table[report.symbol] = ReportLinks(resolved: resolved[i], citedBy: citedBy[i], citedCount: citedCount[i])
        }
        return LinkTable(reports: table)
    }

    private func resolve(_ c: Citation, in report: ReportSummary, index: Int, anchors: [Set<String>]) -> (ResolvedCitation, Int?) {
        let targetIndex: Int?
        let targetSymbol: String
        if let s = c.symbol {
            targetSymbol = s
            targetIndex = Symbol(s).flatMap { corpus.index(of: $0) }
        } else {
            targetSymbol = report.symbol.description
            targetIndex = index
        }
        guard let t = targetIndex else {
            return (ResolvedCitation(externalURL: SiteURL.document(corpus.config.documents, symbol: targetSymbol)), nil)
        }
        let target = corpus.reports[t]
        let anchor: String?
        if let p = c.paragraph { anchor = Anchor.paragraph(p) } else if let s = c.section { anchor = Anchor.section(s) } else { anchor = nil }
        guard let wanted = anchor else { return (ResolvedCitation(target: target.symbol), t) }
        if anchors[t].contains(wanted) {
            if let end = c.paragraphEnd, let start = c.paragraph {
                checkRangeEnd(c, start: start, end: end, target: target, anchors: anchors[t], report: report)
            }
            return (ResolvedCitation(target: target.symbol, anchor: wanted), t)
        }

        let what = c.paragraph != nil ? "paragraph \(ParagraphID.display(c.paragraph!))" : "section \(c.section!.replacingOccurrences(of: "-", with: "."))"
        let whose = c.symbol == nil ? "this report" : target.symbol.description
        if c.paragraph != nil, target.metadata.isExcerpt {
            diagnostics.emit(Diagnostic(.warning, .citationInExcerpt, file: report.file, at: c.position,
                                        "\(whose) has no \(what) on this site because its file is an excerpt (\(target.metadata.excerpt ?? "")); linking to the official document",
                                        hint: "add the paragraph to \(target.file) when its text is available"), evenInStrict: true)
            return (ResolvedCitation(externalURL: SiteURL.document(corpus.config.documents, symbol: target.symbol.description)), nil)
        }
        // In a note, "See also para. 147" that names no document and that this report does not have is most often the
        // cited source's paragraph (a footnote cites other documents): said as a note, never an error.
        if c.symbol == nil, c.paragraph != nil, c.sourceAnchor?.hasPrefix("fn-") ?? false {
            diagnostics.emit(Diagnostic(.note, .citationMissingParagraph, file: report.file, at: c.position,
                                        "'\(c.text)' in a note names paragraph \(ParagraphID.display(c.paragraph!)), which this report does not have; it is left as plain text (it may be the paragraph of the source the note cites)",
                                        hint: "if it is this report's paragraph, correct the number; if it is the source's, name the source's symbol before it"))
            return (ResolvedCitation(), nil)
        }
        diagnostics.warning(c.paragraph != nil ? .citationMissingParagraph : .citationMissingSection, file: report.file, at: c.position,
                            "'\(c.text)' cites \(what) of \(whose), which does not exist; it is left as plain text",
                            hint: "correct the number, or the citation's symbol")
        return (ResolvedCitation(), nil)
    }

    /// A range whose first paragraph exists is checked to its end: every paragraph it names must exist
    /// ("paras. 80-90" of a report that ends at 85 names paragraphs 86-90, which it does not have).
    private func checkRangeEnd(_ c: Citation, start: String, end: String, target: ReportSummary, anchors: Set<String>, report: ReportSummary) {
        var missing: [String] = []
        if let first = Int(start), let last = Int(end), last > first {
            // Consecutive missing numbers are shown as one range.
            var run: (Int, Int)?
            func close() {
                guard let (a, b) = run else { return }
                missing.append(a == b ? "\(a)" : "\(a)-\(b)")
                run = nil
            }
            for n in (first + 1)...min(last, first + 10_000) {
                if anchors.contains(Anchor.paragraph(String(n))) { close(); continue }
                if let (a, b) = run, b == n - 1 { run = (a, n) } else { close(); run = (n, n) }
            }
            close()
        } else if !anchors.contains(Anchor.paragraph(end)) {
            missing = [ParagraphID.display(end)]
        }
        guard !missing.isEmpty else { return }
        let whose = c.symbol == nil ? "this report" : target.symbol.description
        let what = (missing.count == 1 && !missing[0].contains("-") ? "paragraph " : "paragraphs ") + missing.joined(separator: ", ")
        if target.metadata.isExcerpt {
            diagnostics.emit(Diagnostic(.warning, .citationInExcerpt, file: report.file, at: c.position,
                                        "'\(c.text)' cites a range of \(whose) that runs past what its excerpt holds: \(what) are not on this site",
                                        hint: "add the paragraphs to \(target.file) when their text is available"), evenInStrict: true)
            return
        }
        diagnostics.warning(.citationMissingParagraph, file: report.file, at: c.position,
                            "'\(c.text)' cites a range of \(whose) whose end does not exist: \(what) not found; the link goes to its first paragraph",
                            hint: "correct the range's last number, or the citation's symbol")
    }

    /// The paragraphs a citation lists as cited: each paragraph of a range, or the one it names.
    private func citedAnchors(_ c: Citation, result: ResolvedCitation, anchors: Set<String>) -> [String] {
        guard let anchor = result.anchor, Anchor.paragraphID(anchor) != nil else { return [] }
        if let first = c.paragraph.flatMap(Int.init), let last = c.paragraphEnd.flatMap(Int.init), first < last, last - first <= 500 {
            return (first...last).map(Anchor.paragraph).filter(anchors.contains)
        }
        return [anchor]
    }

    /// `A/99/123, para. 14`, `A/99/123, para. 91 (c)`, `A/99/123, note 3`, `A/99/123`.
    static func label(_ symbol: Symbol, _ anchor: String?) -> String {
        guard let anchor else { return symbol.description }
        if let id = Anchor.paragraphID(anchor) { return "\(symbol), para. " + ParagraphID.display(id) }
        if let note = Anchor.footnoteID(anchor) { return "\(symbol), note " + note }
        return symbol.description
    }
}
