/// A citation found in a report's text: another document, a resolution, or a place in the same report.
/// The link stage decides where it goes (`Link/CitationResolver.swift`).
package struct Citation: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable { case document, resolution, paragraph, section }
    public var kind: Kind
    /// The text that becomes the link, as printed.
    public var text: String
    /// The cited document; nil for a reference inside the same report ("paragraph 12 above").
    public var symbol: String?
    /// Paragraph id without `para-`: `80`, `91-c`.
    public var paragraph: String?
    /// The last paragraph of a range (`127-131` -> `131`).
    public var paragraphEnd: String?
    /// Section anchor without `sec-`: `IV`, `III-B`.
    public var section: String?
    public var position: SourcePosition
    /// The anchor of the place that cites: `para-14`, `para-91-c`, `fn-3`; nil outside numbered paragraphs and notes.
    public var sourceAnchor: String?

    package init(kind: Kind, text: String, symbol: String? = nil, paragraph: String? = nil,
                 paragraphEnd: String? = nil, section: String? = nil, position: SourcePosition,
                 sourceAnchor: String? = nil) {
        (self.kind, self.text, self.symbol, self.paragraph, self.paragraphEnd, self.section, self.position,
         self.sourceAnchor)
            = (kind, text, symbol, paragraph, paragraphEnd, section, position, sourceAnchor)
    }
}
