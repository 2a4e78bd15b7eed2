import ReportSiteCore

/// The front matter an import writes: what the raw text says, or what the user gave on the command line.
/// A field left nil is not written (never invented); the importer warns about the required ones.
public struct ImportMetadata: Sendable, Equatable {
    public var symbol: String?
    public var title: String?
    public var subtitle: String?
    public var date: String?
    public var body: String?
    public var session: String?
    public var agendaItem: String?
    public var author: String?
    public var mandate: String?
    public var status: String?
    public var excerpt: String?
    public var source: String?
    /// The State the document is about (contract, section 1).
    public var country: String?
    /// `special-procedures`, `treaty-body`, `upr` or `other`.
    public var mechanism: String?
    /// `none` for a document printed without numbered paragraphs (a one-page decision): set by the importer.
    public var paragraphs: String?

    public init(symbol: String? = nil, title: String? = nil, subtitle: String? = nil, date: String? = nil,
                body: String? = nil, session: String? = nil, agendaItem: String? = nil, author: String? = nil,
                mandate: String? = nil, status: String? = nil, excerpt: String? = nil, source: String? = nil,
                country: String? = nil, mechanism: String? = nil) {
        self.symbol = symbol; self.title = title; self.subtitle = subtitle; self.date = date; self.body = body
        self.session = session; self.agendaItem = agendaItem; self.author = author; self.mandate = mandate
        self.status = status; self.excerpt = excerpt; self.source = source
        self.country = country; self.mechanism = mechanism
    }

    /// The fields in the order they are written, with their front-matter keys.
    var fields: [(key: String, value: String?)] {
        [("symbol", symbol), ("title", title), ("subtitle", subtitle), ("date", date), ("body", body),
         ("country", country), ("mechanism", mechanism),
         ("session", session), ("agenda_item", agendaItem), ("author", author), ("mandate", mandate),
         ("status", status), ("excerpt", excerpt), ("source", source), ("paragraphs", paragraphs)]
    }

    /// `other`'s fields where it has one, else ours.
    func overridden(by other: ImportMetadata) -> ImportMetadata {
        ImportMetadata(symbol: other.symbol ?? symbol, title: other.title ?? title, subtitle: other.subtitle ?? subtitle,
                       date: other.date ?? date, body: other.body ?? body, session: other.session ?? session,
                       agendaItem: other.agendaItem ?? agendaItem, author: other.author ?? author,
                       mandate: other.mandate ?? mandate, status: other.status ?? status,
                       excerpt: other.excerpt ?? excerpt, source: other.source ?? source,
                       country: other.country ?? country, mechanism: other.mechanism ?? mechanism)
    }
}

/// Something the importer could not decide, or changed, at a line of the raw file.
public struct ImportWarning: Sendable, Equatable, CustomStringConvertible {
    /// 1-based line of the raw text (0: the whole file).
    public let line: Int
    public let message: String

    public init(line: Int, _ message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { line > 0 ? "line \(line): \(message)" : message }
}

/// What an import found, for the summary it prints.
public struct ImportSummary: Sendable, Equatable {
    public var paragraphs = 0
    public var firstParagraph: Int?
    public var lastParagraph: Int?
    /// Numbers missing between the first and the last paragraph.
    public var gaps: [ClosedRange<Int>] = []
    public var subParagraphs = 0
    /// Decimal items of a review's recommendations (`121.1`), including first-cycle items written so.
    public var decimalItems = 0
    /// Pages found from running headers, in text without form feeds.
    public var pagesFoundFromHeaders = 0
    public var headings: [String] = []
    /// Footnote labels with both a reference and a text.
    public var footnotesMatched: [String] = []
    /// Footnote labels referenced whose text is not in the source (kept, with a placeholder text).
    public var footnotesWithoutText: [String] = []
    /// Footnote texts that nothing in the text refers to (kept).
    public var footnotesUnreferenced: [String] = []
    public var pages: [Int] = []
    public var pageArtefactsRemoved = 0
    public var contentsEntriesDropped = 0
    public var tables = 0
    /// Paragraph numbers of the raw text found inside a footnote's text (the import invariant broken): an error.
    public var paragraphsInFootnotes: [Int] = []

    public init() {}
}

/// The content file an import produced, with its warnings and summary.
public struct ImportResult: Sendable {
    /// The whole content file: front matter and Markdown body.
    public let content: String
    public let metadata: ImportMetadata
    public let warnings: [ImportWarning]
    public let summary: ImportSummary

    /// `A-58-275.md` for A/58/275; nil without a symbol.
    public var fileName: String? {
        metadata.symbol.map { $0.replacingOccurrences(of: "/", with: "-") + ".md" }
    }

    /// The summary as printed by `reportsite import`.
    public var summaryText: String {
        var lines: [String] = []
        let s = summary
        if let first = s.firstParagraph, let last = s.lastParagraph {
            lines.append("paragraphs: \(s.paragraphs) found, numbered \(first) to \(last)"
                         + (s.gaps.isEmpty ? ", no gaps" : ", gaps: " + s.gaps.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: ", ")))
        } else {
            lines.append("paragraphs: none found")
        }
        if s.subParagraphs > 0 { lines.append("sub-paragraphs: \(s.subParagraphs)") }
        if s.decimalItems > 0 { lines.append("recommendation items (121.1 ...): \(s.decimalItems)") }
        if s.pagesFoundFromHeaders > 0 { lines.append("pages found from their running headers (no page breaks in the text): \(s.pagesFoundFromHeaders)") }
        lines.append("headings: \(s.headings.count)" + (s.headings.isEmpty ? "" : " (" + s.headings.joined(separator: "; ") + ")"))
        lines.append("footnotes: \(s.footnotesMatched.count) matched"
                     + (s.footnotesWithoutText.isEmpty ? "" : ", \(s.footnotesWithoutText.count) without text in the source (" + s.footnotesWithoutText.joined(separator: ", ") + ")")
                     + (s.footnotesUnreferenced.isEmpty ? "" : ", \(s.footnotesUnreferenced.count) never referenced (" + s.footnotesUnreferenced.joined(separator: ", ") + ")"))
        if !s.pages.isEmpty { lines.append("pages: " + s.pages.map(String.init).joined(separator: ", ")) }
        if s.pageArtefactsRemoved > 0 { lines.append("page headers, page numbers and viewer artefacts removed: \(s.pageArtefactsRemoved)") }
        if s.contentsEntriesDropped > 0 { lines.append("printed contents table dropped: \(s.contentsEntriesDropped) entries (the site builds its own)") }
        if s.tables > 0 { lines.append("tables: \(s.tables)") }
        if !s.paragraphsInFootnotes.isEmpty {
            lines.append("paragraph numbers of the raw text inside footnotes (paragraphs lost): " + s.paragraphsInFootnotes.map(String.init).joined(separator: ", "))
        }
        lines.append("warnings: \(warnings.count)")
        return lines.joined(separator: "\n")
    }
}
