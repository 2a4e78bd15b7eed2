/// A place in a content file: 1-based line and column, as cmark-gfm reports them.
public struct SourcePosition: Hashable, Comparable, Sendable, Codable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// Inline content of a block, as plain Swift values (the parse stage's output).
package indirect enum Inline: Hashable, Sendable {
    case text(String)
    case code(String)
    case emphasis([Inline])
    case strong([Inline])
    case strikethrough([Inline])
    case link(destination: String, title: String, children: [Inline])
    case image(source: String, title: String, alt: [Inline])
    case softBreak
    case lineBreak
    /// `anchor` is empty from the parser; the analyse stage numbers the references (`fnref-12`, `fnref-12-2`).
    case footnoteReference(label: String, anchor: String, position: SourcePosition)
    /// Raw HTML from the source. Never rendered (content is not trusted markup).
    case rawHTML(String)
    /// A citation found by the analyse stage: `Report.citations[index]`, printed as `text`.
    case citation(index: Int, text: String)
}

/// A block of a content file, with where it starts.
package struct Block: Hashable, Sendable {
    public var kind: Kind
    public var position: SourcePosition

    public init(_ kind: Kind, at position: SourcePosition) {
        self.kind = kind
        self.position = position
    }

    public indirect enum Kind: Hashable, Sendable {
        case paragraph([Inline])
        case heading(level: Int, content: [Inline])
        case list(List)
        case blockQuote([Block])
        case codeBlock(info: String, literal: String)
        case htmlBlock(String)
        case thematicBreak
        case table(Table)
        case footnoteDefinition(label: String, content: [Block])
        /// `<!-- page 17 -->`: where a printed page begins (made by the analyse stage).
        case pageMarker(Int)
    }

    public struct List: Hashable, Sendable {
        public var ordered: Bool
        /// The delimiter of an ordered list: "." or ")".
        public var delimiter: Character
        public var start: Int
        public var tight: Bool
        public var items: [ListItem]

        package init(ordered: Bool, delimiter: Character, start: Int, tight: Bool, items: [ListItem]) {
            (self.ordered, self.delimiter, self.start, self.tight, self.items)
                = (ordered, delimiter, start, tight, items)
        }
    }

    public struct ListItem: Hashable, Sendable {
        public var position: SourcePosition
        /// The number printed before the item (ordered lists), read from the source line.
        public var printedNumber: Int?
        public var content: [Block]

        package init(position: SourcePosition, printedNumber: Int? = nil, content: [Block]) {
            (self.position, self.printedNumber, self.content) = (position, printedNumber, content)
        }
    }

    public struct Table: Hashable, Sendable {
        public enum Alignment: Hashable, Sendable { case none, left, center, right }
        public var alignments: [Alignment]
        public var header: [[Inline]]
        public var rows: [[[Inline]]]

        package init(alignments: [Alignment], header: [[Inline]], rows: [[[Inline]]]) {
            (self.alignments, self.header, self.rows) = (alignments, header, rows)
        }
    }
}

extension Inline {
    /// The text a reader sees, without markup.
    public var plainText: String {
        switch self {
        case .text(let s), .code(let s): return s
        case .emphasis(let c), .strong(let c), .strikethrough(let c): return c.plainText
        case .link(_, _, let c): return c.plainText
        case .image(_, _, let alt): return alt.plainText
        case .softBreak, .lineBreak: return " "
        case .footnoteReference: return ""
        case .rawHTML: return ""
        case .citation(_, let text): return text
        }
    }
}

extension Array where Element == Inline {
    package var plainText: String { map(\.plainText).joined() }
}
