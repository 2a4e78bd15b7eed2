import CCmarkGFM
import Foundation
import ReportSiteCore

/// The project's only door to libcmark-gfm: Markdown text in, `Block` values out.
/// Every `cmark_*` call lives in this folder; no other stage sees a C pointer.
package enum MarkdownParser {
    /// Blocks of the document, in order, with footnote definitions where cmark-gfm put them
    /// (at the end, in order of first reference). Unreferenced definitions are dropped by cmark-gfm.
    public static func parse(_ source: String) -> [Block] {
        ensureExtensionsRegistered
        // libcmark-gfm 0.29 is not safe to run on two threads at once: while a parser with the autolink
        // extension finishes, it adds and removes that extension's characters in a process-wide table, so a
        // parse on another thread sees them or not (the fuzz test caught footnotes whose URLs were linked in one
        // build and not in the next). Parsing is a small part of a build; one parse at a time.
        parserLock.lock()
        defer { parserLock.unlock() }
        // Safe mode is cmark's default: raw HTML and unsafe URLs are never rendered. Never add the unsafe option.
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

    static var maxDepthForTests: Int { TreeConverter.maxDepth }

    private static let parserLock = NSLock()

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

    /// Nesting deeper than this is flattened to its text: every later stage recurses over the tree, and worker
    /// threads have small stacks. (Input limits refuse deep block nesting first; inline runs such as
    /// `*****...` or `[[[[...` can still nest deeply.)
    static let maxDepth = 48

    func blocks(under node: OpaquePointer, depth: Int = 0) -> [Block] {
        children(node).compactMap { block($0, depth: depth + 1) }
    }

    /// The text of a subtree, read with cmark's own iterator (no recursion).
    func flattenedText(_ node: OpaquePointer) -> String {
        guard let iter = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iter) }
        var text = ""
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let n = cmark_iter_get_node(iter) else { continue }
            // Blocks are separated by a space, so that words of two blocks do not run together.
            if (cmark_node_get_type(n).rawValue & 0xC000) == CMARK_NODE_TYPE_BLOCK, !text.isEmpty, text.last != " " { text += " " }
            switch cmark_node_get_type(n) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += literal(n)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return text
    }

    func block(_ node: OpaquePointer, depth: Int) -> Block? {
        let at = position(node)
        if depth > Self.maxDepth { return Block(.paragraph([.text(flattenedText(node))]), at: at) }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            return Block(.paragraph(inlines(under: node, depth: depth)), at: at)
        case CMARK_NODE_HEADING:
            return Block(.heading(level: Int(cmark_node_get_heading_level(node)), content: inlines(under: node, depth: depth)), at: at)
        case CMARK_NODE_BLOCK_QUOTE:
            return Block(.blockQuote(blocks(under: node, depth: depth)), at: at)
        case CMARK_NODE_CODE_BLOCK:
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            return Block(.codeBlock(info: info, literal: literal(node)), at: at)
        case CMARK_NODE_HTML_BLOCK:
            return Block(.htmlBlock(literal(node)), at: at)
        case CMARK_NODE_THEMATIC_BREAK:
            return Block(.thematicBreak, at: at)
        case CMARK_NODE_LIST:
            return Block(.list(list(node, depth: depth)), at: at)
        case CMARK_NODE_FOOTNOTE_DEFINITION:
            return Block(.footnoteDefinition(label: footnoteLabel(at: at), content: blocks(under: node, depth: depth)), at: at)
        default:
            if typeName(node) == "table" { return Block(.table(table(node, depth: depth)), at: at) }
            // Unknown block types carry no content a reader needs; keep their blocks if any.
            let inner = blocks(under: node, depth: depth)
            return inner.isEmpty ? nil : Block(.blockQuote(inner), at: at)
        }
    }

    func list(_ node: OpaquePointer, depth: Int) -> Block.List {
        let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
        let items = children(node).map { item -> Block.ListItem in
            let at = position(item)
            return Block.ListItem(
                position: at,
                printedNumber: ordered ? printedNumber(at: at) : nil,
                content: blocks(under: item, depth: depth + 1))
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

    func table(_ node: OpaquePointer, depth: Int) -> Block.Table {
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
            let cells = children(row).map { inlines(under: $0, depth: depth + 2) }
            if typeName(row) == "table_header" { header = cells } else { rows.append(cells) }
        }
        return Block.Table(alignments: alignments, header: header, rows: rows)
    }

    func inlines(under node: OpaquePointer, depth: Int) -> [Inline] {
        var result: [Inline] = []
        for child in children(node) {
            guard let inline = inline(child, depth: depth + 1) else { continue }
            // Adjacent text is one run, so later stages (citations, footnote checks) see whole phrases.
            if case .text(let s) = inline, case .text(let previous)? = result.last {
                result[result.count - 1] = .text(previous + s)
            } else {
                result.append(inline)
            }
        }
        return result
    }

    func inline(_ node: OpaquePointer, depth: Int) -> Inline? {
        if depth > Self.maxDepth { return .text(flattenedText(node)) }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: return .text(literal(node))
        case CMARK_NODE_CODE: return .code(literal(node))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_EMPH: return .emphasis(inlines(under: node, depth: depth))
        case CMARK_NODE_STRONG: return .strong(inlines(under: node, depth: depth))
        case CMARK_NODE_HTML_INLINE: return .rawHTML(literal(node))
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            // cmark-gfm 0.29 gives a reference the ordinal of its note (1, 2 ...), not the label written.
            let ordinal = Int(literal(node)) ?? 0
            let label = ordinal >= 1 && ordinal <= footnoteLabels.count ? footnoteLabels[ordinal - 1] : literal(node)
            return .footnoteReference(label: label, anchor: "", position: position(node))
        case CMARK_NODE_LINK:
            return .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)), children: inlines(under: node, depth: depth))
        case CMARK_NODE_IMAGE:
            return .image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)), alt: inlines(under: node, depth: depth))
        default:
            if typeName(node) == "strikethrough" { return .strikethrough(inlines(under: node, depth: depth)) }
            let inner = inlines(under: node, depth: depth)
            return inner.isEmpty ? nil : .emphasis(inner)
        }
    }

    func string(_ p: UnsafePointer<CChar>?) -> String {
        p.map { String(cString: $0) } ?? ""
    }
}
