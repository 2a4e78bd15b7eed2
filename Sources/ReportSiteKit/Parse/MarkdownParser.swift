import CCmarkGFM

/// The project's only door to libcmark-gfm: Markdown text in, `Block` values out.
/// Every `cmark_*` call lives in this folder; no other stage sees a C pointer.
public enum MarkdownParser {
    /// Blocks of the document, in order, with footnote definitions where cmark-gfm put them
    /// (at the end, in order of first reference). Unreferenced definitions are dropped by cmark-gfm.
    public static func parse(_ source: String) -> [Block] {
        ensureExtensionsRegistered
        // Safe mode is cmark's default: raw HTML and unsafe URLs are never rendered. Never add CMARK_OPT_UNSAFE.
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES
        guard let parser = cmark_parser_new(options) else { return [] }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink"] {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var bytes = Array(source.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        guard let document = cmark_parser_finish(parser) else { return [] }
        defer { cmark_node_free(document) }
        var converter = TreeConverter(lines: SourceLines(bytes))
        converter.footnoteLabels = converter.children(document)
            .filter { cmark_node_get_type($0) == CMARK_NODE_FOOTNOTE_DEFINITION }
            .map { converter.footnoteLabel(at: converter.position($0)) }
        return converter.blocks(under: document)
    }

    private static let ensureExtensionsRegistered: Void = {
        cmark_gfm_core_extensions_ensure_registered()
    }()
}

/// The source split into lines of bytes, to read what cmark-gfm does not keep
/// (the number printed before a list item, the label of a footnote definition).
struct SourceLines {
    private let bytes: [UInt8]
    private var starts: [Int] = [0]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
    }

    /// The bytes of a 1-based line from a 1-based byte column on.
    func tail(line: Int, column: Int) -> ArraySlice<UInt8> {
        guard line >= 1, line <= starts.count else { return [] }
        let start = starts[line - 1] + max(column - 1, 0)
        var end = line < starts.count ? starts[line] : bytes.count
        while end > start, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start < end ? bytes[start..<end] : []
    }
}

private struct TreeConverter {
    let lines: SourceLines
    /// Labels of the footnote definitions, in the order cmark-gfm numbers them (first reference first).
    var footnoteLabels: [String] = []

    func position(_ node: OpaquePointer) -> SourcePosition {
        SourcePosition(line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
    }

    func children(_ node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let c = child {
            result.append(c)
            child = cmark_node_next(c)
        }
        return result
    }

    func literal(_ node: OpaquePointer) -> String {
        guard let p = cmark_node_get_literal(node) else { return "" }
        return String(cString: p)
    }

    func typeName(_ node: OpaquePointer) -> String {
        String(cString: cmark_node_get_type_string(node))
    }

    func blocks(under node: OpaquePointer) -> [Block] {
        children(node).compactMap(block)
    }

    func block(_ node: OpaquePointer) -> Block? {
        let at = position(node)
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            return Block(.paragraph(inlines(under: node)), at: at)
        case CMARK_NODE_HEADING:
            return Block(.heading(level: Int(cmark_node_get_heading_level(node)), content: inlines(under: node)), at: at)
        case CMARK_NODE_BLOCK_QUOTE:
            return Block(.blockQuote(blocks(under: node)), at: at)
        case CMARK_NODE_CODE_BLOCK:
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            return Block(.codeBlock(info: info, literal: literal(node)), at: at)
        case CMARK_NODE_HTML_BLOCK:
            return Block(.htmlBlock(literal(node)), at: at)
        case CMARK_NODE_THEMATIC_BREAK:
            return Block(.thematicBreak, at: at)
        case CMARK_NODE_LIST:
            return Block(.list(list(node)), at: at)
        case CMARK_NODE_FOOTNOTE_DEFINITION:
            return Block(.footnoteDefinition(label: footnoteLabel(at: at), content: blocks(under: node)), at: at)
        default:
            if typeName(node) == "table" { return Block(.table(table(node)), at: at) }
            // Unknown block types carry no content a reader needs; keep their blocks if any.
            let inner = blocks(under: node)
            return inner.isEmpty ? nil : Block(.blockQuote(inner), at: at)
        }
    }

    func list(_ node: OpaquePointer) -> Block.List {
        let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
        let items = children(node).map { item -> Block.ListItem in
            let at = position(item)
            return Block.ListItem(
                position: at,
                printedNumber: ordered ? printedNumber(at: at) : nil,
                content: blocks(under: item))
        }
        return Block.List(
            ordered: ordered,
            delimiter: cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ? ")" : ".",
            start: Int(cmark_node_get_list_start(node)),
            tight: cmark_node_get_list_tight(node) != 0,
            items: items)
    }

    /// cmark-gfm keeps only the first number of a list; the others are read from the source.
    func printedNumber(at position: SourcePosition) -> Int? {
        var digits = lines.tail(line: position.line, column: position.column).drop { $0 == UInt8(ascii: " ") }
        var value = 0
        var count = 0
        while let d = digits.first, d >= UInt8(ascii: "0"), d <= UInt8(ascii: "9"), count < 10 {
            value = value * 10 + Int(d - UInt8(ascii: "0"))
            count += 1
            digits = digits.dropFirst()
        }
        return count > 0 ? value : nil
    }

    /// cmark-gfm does not expose a definition's label; it stands at the start of its source line: `[^12]: ...`.
    func footnoteLabel(at position: SourcePosition) -> String {
        FootnoteSyntax.definitionLabel(in: lines.tail(line: position.line, column: 1)) ?? ""
    }

    func table(_ node: OpaquePointer) -> Block.Table {
        let count = Int(cmark_gfm_extensions_get_table_columns(node))
        var alignments: [Block.Table.Alignment] = []
        if let raw = cmark_gfm_extensions_get_table_alignments(node) {
            for i in 0..<count {
                switch UInt8(raw[i]) {
                case UInt8(ascii: "l"): alignments.append(.left)
                case UInt8(ascii: "c"): alignments.append(.center)
                case UInt8(ascii: "r"): alignments.append(.right)
                default: alignments.append(.none)
                }
            }
        }
        var header: [[Inline]] = []
        var rows: [[[Inline]]] = []
        for row in children(node) {
            let cells = children(row).map { inlines(under: $0) }
            if typeName(row) == "table_header" { header = cells } else { rows.append(cells) }
        }
        return Block.Table(alignments: alignments, header: header, rows: rows)
    }

    func inlines(under node: OpaquePointer) -> [Inline] {
        var result: [Inline] = []
        for child in children(node) {
            guard let inline = inline(child) else { continue }
            // Adjacent text is one run, so later stages (citations, footnote checks) see whole phrases.
            if case .text(let s) = inline, case .text(let previous)? = result.last {
                result[result.count - 1] = .text(previous + s)
            } else {
                result.append(inline)
            }
        }
        return result
    }

    func inline(_ node: OpaquePointer) -> Inline? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: return .text(literal(node))
        case CMARK_NODE_CODE: return .code(literal(node))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_EMPH: return .emphasis(inlines(under: node))
        case CMARK_NODE_STRONG: return .strong(inlines(under: node))
        case CMARK_NODE_HTML_INLINE: return .rawHTML(literal(node))
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            // cmark-gfm 0.29 gives a reference the ordinal of its note (1, 2 ...), not the label written.
            let ordinal = Int(literal(node)) ?? 0
            let label = ordinal >= 1 && ordinal <= footnoteLabels.count ? footnoteLabels[ordinal - 1] : literal(node)
            return .footnoteReference(label: label, anchor: "", position: position(node))
        case CMARK_NODE_LINK:
            return .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)), children: inlines(under: node))
        case CMARK_NODE_IMAGE:
            return .image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)), alt: inlines(under: node))
        default:
            if typeName(node) == "strikethrough" { return .strikethrough(inlines(under: node)) }
            let inner = inlines(under: node)
            return inner.isEmpty ? nil : .emphasis(inner)
        }
    }

    func string(_ p: UnsafePointer<CChar>?) -> String {
        p.map { String(cString: $0) } ?? ""
    }
}
