import ReportSiteCore

/// What the rest of the site needs of one analysed report: its metadata, its citations, its entries in the
/// recommendations index and the anchors a citation can land on. The link stage, the index pages and the
/// data files read only this; the full model (`Report`), which holds the text, is needed only to render the
/// report's own page. A build keeps a summary per report in memory (and in the analysis cache), not the text.
package struct ReportSummary: Hashable, Sendable, Codable {
    public var metadata: ReportMetadata
    /// The content file, as given to diagnostics (relative to the working directory).
    public var file: String
    /// Every citation in the text, in reading order.
    public var citations: [Citation]
    /// The report's entries in the recommendations index, in paragraph order.
    public var recommendations: [Recommendation]
    /// A fingerprint of the file's bytes (see `Report.sourceFingerprint`).
    public var sourceFingerprint: String
    /// Every anchor a citation can land on (sections, paragraphs, sub-paragraphs), sorted.
    public var anchors: [String]
    /// The file's path under `content/reports/` (`A-58-275.md`, `2003/A-58-275.md`); empty when not known
    /// (a summary made from a model in memory), then the symbol's file name.
    public var source: String = ""
    /// For an addendum with the views of a State under review: what it says of the recommendations, by number.
    public var reviewStatements: [ReviewStatement] = []

    public var symbol: Symbol { metadata.symbol }
    /// The file's path under `content/reports/`.
    public var sourceName: String { source.isEmpty ? symbol.fileName : source }
    /// The folder of the file under `content/reports/` (`2003/`), or "" for the folder itself.
    public var sourceFolder: String {
        guard let slash = sourceName.lastIndex(of: "/") else { return "" }
        return String(sourceName[...slash])
    }
}

extension Report {
    /// The report as the rest of the site sees it.
    package var summary: ReportSummary {
        var anchors = Set(sections.map(\.anchor))
        func add(_ s: SubParagraph) {
            anchors.insert(s.anchor)
            s.children.forEach(add)
        }
        for p in paragraphs {
            if let a = p.anchor { anchors.insert(a) }
            for part in p.content { if case .subParagraph(let s) = part { add(s) } }
        }
        return ReportSummary(metadata: metadata, file: file, citations: citations, recommendations: recommendations,
                             sourceFingerprint: sourceFingerprint, anchors: anchors.sorted(),
                             reviewStatements: ReviewStatement.statements(in: self))
    }
}
