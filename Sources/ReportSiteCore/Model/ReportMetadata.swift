/// The front matter of a report, validated.
package struct ReportMetadata: Hashable, Sendable, Codable {
    public var symbol: Symbol
    public var title: String
    /// ISO 8601 date, `yyyy-mm-dd`.
    public var date: String
    public var body: String
    public var author: String?
    public var mandate: String?
    public var session: String?
    public var agendaItem: String?
    public var subtitle: String?
    public var status: String?
    public var excerpt: String?
    public var source: String?
    /// Overrides of the recommendations index, keyed by paragraph id without `para-`.
    public var addressees: [String: [String]]
    /// Where each override's key is written in the file, for diagnostics about it.
    public var addresseePositions: [String: SourcePosition] = [:]
    /// The State the document is about, as the front matter writes it (contract, section 1).
    public var country: String? = nil
    /// Where `country:` is written, for diagnostics about it.
    public var countryPosition: SourcePosition? = nil
    /// `paragraphs: none`: the document is printed without numbered paragraphs (a decision, a letter).
    public var unnumbered: Bool = false

    package init(symbol: Symbol, title: String, date: String, body: String, author: String? = nil,
                 mandate: String? = nil, session: String? = nil, agendaItem: String? = nil, subtitle: String? = nil,
                 status: String? = nil, excerpt: String? = nil, source: String? = nil, addressees: [String: [String]],
                 addresseePositions: [String: SourcePosition] = [:], country: String? = nil,
                 countryPosition: SourcePosition? = nil, unnumbered: Bool = false) {
        (self.symbol, self.title, self.date, self.body, self.author, self.mandate, self.session, self.agendaItem,
         self.subtitle, self.status, self.excerpt, self.source, self.addressees, self.addresseePositions,
         self.country, self.countryPosition, self.unnumbered)
            = (symbol, title, date, body, author, mandate, session, agendaItem, subtitle, status, excerpt, source,
              addressees, addresseePositions, country, countryPosition, unnumbered)
    }

    public var isExcerpt: Bool { excerpt != nil }
}
