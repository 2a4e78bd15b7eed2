/// One entry of the recommendations index (contract, section 5): a numbered paragraph, or a
/// sub-paragraph that has a record of its own, with the addressees it is assigned to.
package struct Recommendation: Hashable, Sendable, Codable {
    /// How the addressees were found, strongest first.
    public enum AssignedBy: String, Hashable, Sendable, Codable {
        /// The report's front matter names the paragraph (`addressees: { "85": [states] }`).
        case frontMatter = "front-matter"
        /// The explicit subject of its recommending sentences ("The Human Rights Council should ...").
        case text
        /// A lead-in that declares the addressee of what follows: a chapeau's lead-in for its items ("enjoy the
        /// support of Slovenia:"), or a paragraph such as "the Special Rapporteur submits the following
        /// recommendations to States" for the recommendations after it.
        case leadIn = "lead-in"
        /// The nearest heading that names an addressee ("1. Recommendations to States").
        case heading
        /// Nothing names an addressee: the record is filed under `not-specified`.
        case none
    }

    public var report: Symbol
    /// "140", or "91-c" for a sub-paragraph that has its own record.
    public var paragraph: String
    /// "para-140", "para-91-c"
    public var anchor: String
    /// Full titles of the enclosing sections, outermost first: ["IV. Conclusions and recommendations", "B. Recommendations", "2. Recommendations to the Human Rights Council"]
    public var section: [String]
    /// Addressee slugs, in the vocabulary's order; ["not-specified"] when none.
    public var addressees: [String]
    public var assignedBy: AssignedBy
    /// Plain text of the recommendation, sub-paragraphs kept ("(a) ... (b) ..."), footnote markers dropped.
    public var text: String
    public var position: SourcePosition

    /// The position of the State under review on a Universal Periodic Review recommendation.
    public enum ReviewPosition: String, Hashable, Sendable, Codable {
        case supported, noted, pending
    }

    /// The State the document is about (the front matter's `country`, by its name in `states.yml`).
    public var country: String? = nil
    /// The recommending States named in brackets at the end of a review's recommendation, as the report writes them
    /// (each a name or alias of `states.yml`: "Turkey" in 2014, "Türkiye" in 2024, as OHCHR's lists keep them).
    public var recommendedBy: [String] = []
    /// The position of the State under review, and the URL (relative to the site's root) of the paragraph that states it.
    public var reviewPosition: ReviewPosition? = nil
    public var positionSource: String? = nil

    public init(report: Symbol, paragraph: String, anchor: String, section: [String], addressees: [String],
                assignedBy: AssignedBy, text: String, position: SourcePosition) {
        self.report = report
        self.paragraph = paragraph
        self.anchor = anchor
        self.section = section
        self.addressees = addressees
        self.assignedBy = assignedBy
        self.text = text
        self.position = position
    }

    /// The slug of the catch-all addressee.
    public static let notSpecified = "not-specified"
}
