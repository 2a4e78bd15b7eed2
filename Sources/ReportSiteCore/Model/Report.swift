/// One report after analysis: metadata, sections, numbered paragraphs and footnotes, in reading order.
package struct Report: Sendable {
    public var metadata: ReportMetadata
    /// The content file, as given to diagnostics (relative to the working directory).
    public var file: String
    public var sections: [Section]
    public var body: [BodyItem]
    public var footnotes: [Footnote]
    /// Every citation in the text, in reading order; `.citation` inlines point here.
    public var citations: [Citation] = []
    /// The report's entries in the recommendations index, in paragraph order.
    public var recommendations: [Recommendation] = []
    /// A fingerprint of the file's bytes: the page cache's key for what the report itself contributes.
    public var sourceFingerprint = ""

    package init(metadata: ReportMetadata, file: String, sections: [Section], body: [BodyItem], footnotes: [Footnote],
                 citations: [Citation] = [], recommendations: [Recommendation] = [], sourceFingerprint: String = "") {
        (self.metadata, self.file, self.sections, self.body, self.footnotes, self.citations, self.recommendations,
         self.sourceFingerprint)
            = (metadata, file, sections, body, footnotes, citations, recommendations, sourceFingerprint)
    }

    public var symbol: Symbol { metadata.symbol }

    public var paragraphs: [NumberedParagraph] {
        body.compactMap { if case .paragraph(let p) = $0 { return p } else { return nil } }
    }
}

/// What a report's body holds, in order.
package enum BodyItem: Sendable {
    /// A heading; the index into `Report.sections`.
    case heading(Int)
    case paragraph(NumberedParagraph)
    /// Content outside any numbered paragraph (summary text, the Secretary-General's note, page markers).
    case block(Block)
}

package struct Section: Hashable, Sendable {
    /// The printed number (`IV`, `B`, `1`, `a`), nil for an unnumbered heading.
    public var number: String?
    /// The printed label before the title: `IV.`, `(a)`.
    public var label: String?
    public var title: [Inline]
    /// 2 for `##` ...
    public var level: Int
    /// `sec-IV-B-1`, or `sec-` + slug for an unnumbered heading.
    public var anchor: String
    public var position: SourcePosition
    /// Index of the enclosing section in `Report.sections`, if any.
    public var parent: Int?
    /// First and last numbered paragraph inside, subsections included.
    public var firstParagraph: Int?
    public var lastParagraph: Int?

    package init(number: String? = nil, label: String? = nil, title: [Inline], level: Int, anchor: String,
                 position: SourcePosition, parent: Int? = nil, firstParagraph: Int? = nil, lastParagraph: Int? = nil) {
        (self.number, self.label, self.title, self.level, self.anchor, self.position, self.parent,
         self.firstParagraph, self.lastParagraph)
            = (number, label, title, level, anchor, position, parent, firstParagraph, lastParagraph)
    }

    public var fullTitle: String {
        [label, title.plainText].compactMap { $0 }.joined(separator: " ")
    }
}

package struct NumberedParagraph: Hashable, Sendable {
    public var number: Int
    /// `para-80`; nil when the number repeats an earlier one (the first keeps the anchor).
    public var anchor: String?
    /// The paragraph begins before this file's excerpt: written `63. [...] text`.
    public var isIncomplete: Bool
    /// The paragraph goes on after this file's excerpt: its text ends with `[...]`.
    public var isCutAtEnd = false
    public var position: SourcePosition
    public var content: [ParagraphPart]
    /// Index of the innermost enclosing section, if any.
    public var section: Int?

    package init(number: Int, anchor: String? = nil, isIncomplete: Bool, isCutAtEnd: Bool = false,
                 position: SourcePosition, content: [ParagraphPart], section: Int? = nil) {
        (self.number, self.anchor, self.isIncomplete, self.isCutAtEnd, self.position, self.content, self.section)
            = (number, anchor, isIncomplete, isCutAtEnd, position, content, section)
    }
}

package enum ParagraphPart: Hashable, Sendable {
    case block(Block)
    case subParagraph(SubParagraph)
}

/// `(a) ...` inside a numbered paragraph, and `(ii) ...` nested in a lettered one.
package struct SubParagraph: Hashable, Sendable {
    /// `a`, `ii` for a roman item, or `121.1` for a decimal item of paragraph 121.
    public var label: String
    /// `para-91-a`, `para-10-b-ii`, `para-121-1`.
    public var anchor: String
    public var position: SourcePosition
    /// The sub-paragraph's blocks; the first one without its `(a)` label.
    public var content: [Block]
    public var children: [SubParagraph]

    package init(label: String, anchor: String, position: SourcePosition, content: [Block], children: [SubParagraph]) {
        (self.label, self.anchor, self.position, self.content, self.children)
            = (label, anchor, position, content, children)
    }
}

package struct Footnote: Hashable, Sendable {
    /// The printed number (`12`, `*`).
    public var label: String
    /// `fn-12`.
    public var anchor: String
    /// Anchors of the places that cite it: `fnref-12`, `fnref-12-2`.
    public var referenceAnchors: [String]
    public var content: [Block]
    public var position: SourcePosition

    package init(label: String, anchor: String, referenceAnchors: [String], content: [Block], position: SourcePosition) {
        (self.label, self.anchor, self.referenceAnchors, self.content, self.position)
            = (label, anchor, referenceAnchors, content, position)
    }
}
