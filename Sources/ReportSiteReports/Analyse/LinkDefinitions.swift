import Foundation
import ReportSiteCore

/// Link reference definitions (`[link]: https://example.org "Title"`) show nothing themselves: one that no link
/// uses is text the author wrote and the reader never sees, so it is a warning (RS304) at its line.
///
/// A definition is found in the text (libcmark-gfm keeps no trace of them); whether one is used is asked of the
/// parsed document: a link that uses it carries its destination, wherever the use is written (a label over two
/// lines, a collapsed `[Foo Bar][]`, a footnote, an image), and a `[label]` in a code span is no use.
enum LinkDefinitions {
    /// A definition's line: `[label]: destination` and, optionally, a title; nil for a line that only looks like
    /// one (`[Translated from French]: text of the statement follows`, shown as text).
    static func definition(_ line: Substring) -> (label: String, destination: String, title: String?, column: Int)? {
        var rest = line
        var column = 1
        // Up to three spaces, and the markers of block quotes.
        while let first = rest.first, first == " " || first == ">" {
            rest = rest.dropFirst()
            column += 1
        }
        guard rest.hasPrefix("["), !rest.hasPrefix("[^"), let close = rest.firstIndex(of: "]") else { return nil }
        let label = rest[rest.index(after: rest.startIndex)..<close]
        guard !label.allSatisfy(\.isWhitespace), !label.contains("[") else { return nil }
        var after = rest[rest.index(after: close)...]
        guard after.hasPrefix(":") else { return nil }
        after = after.dropFirst().drop { $0 == " " || $0 == "\t" }
        let destination: Substring
        if after.hasPrefix("<") {
            guard let end = after.firstIndex(of: ">") else { return nil }
            destination = after[after.index(after: after.startIndex)..<end]
            after = after[after.index(after: end)...]
        } else {
            destination = after.prefix { !$0.isWhitespace }
            after = after.dropFirst(destination.count)
        }
        guard !destination.isEmpty || line.contains("<>") else { return nil }
        // After the destination: nothing, or a title in quotes or brackets (which may go on to the next lines).
        let tail = after.drop { $0 == " " || $0 == "\t" }
        // nil: a title that goes on to the next lines (then the destination alone decides).
        var title: String? = ""
        if let open = tail.first {
            guard after.first == " " || after.first == "\t", open == "\"" || open == "'" || open == "(" else { return nil }
            let closing: Character = open == "(" ? ")" : open
            let inner = tail.dropFirst()
            if let end = inner.lastIndex(of: closing) {
                guard inner[inner.index(after: end)...].allSatisfy(\.isWhitespace) else { return nil }
                title = String(inner[..<end])
            } else {
                title = nil
            }
        }
        return (String(label), String(destination), title, column)
    }

    /// The destinations of every link and image of the parsed document, percent escapes decoded, alone and with
    /// their titles (`destination` NUL `title`).
    static func destinations(in blocks: [Block]) -> Set<String> {
        var found: Set<String> = []
        func add(_ destination: String, _ title: String) {
            found.insert(decoded(destination))
            found.insert(decoded(destination) + "\u{0}" + title)
        }
        func inlines(_ list: [Inline]) {
            for inline in list {
                switch inline {
                case .link(let destination, let title, let children):
                    add(destination, title)
                    inlines(children)
                case .image(let source, let title, let alt):
                    add(source, title)
                    inlines(alt)
                case .emphasis(let c), .strong(let c), .strikethrough(let c):
                    inlines(c)
                default:
                    break
                }
            }
        }
        func walk(_ list: [Block]) {
            for block in list {
                switch block.kind {
                case .paragraph(let i), .heading(_, let i): inlines(i)
                case .list(let l): l.items.forEach { walk($0.content) }
                case .blockQuote(let b), .footnoteDefinition(_, let b): walk(b)
                case .table(let t): (t.header + t.rows.flatMap { $0 }).forEach(inlines)
                case .codeBlock, .htmlBlock, .thematicBreak, .pageMarker: break
                }
            }
        }
        walk(blocks)
        return found
    }

    static func decoded(_ url: String) -> String { url.removingPercentEncoding ?? url }

    /// A quick look on the bytes: a `]:` whose bracket does not open a footnote (`[^1]:`, in nearly every report,
    /// is no link definition). False only when the text holds no definition.
    static func mayHoldDefinition(_ body: String) -> Bool {
        var body = body
        return body.withUTF8 { bytes -> Bool in
            let colon = UInt8(ascii: ":"), close = UInt8(ascii: "]"), open = UInt8(ascii: "["), newline = UInt8(ascii: "\n")
            var i = 1
            while i < bytes.count {
                // Only a `]:` is looked at closer: colons are few.
                if bytes[i] == colon, bytes[i - 1] == close {
                    // The last `[` of the line before it decides: `[^` opens a footnote's label.
                    var j = i - 2
                    while j >= 0, bytes[j] != open, bytes[j] != newline { j -= 1 }
                    if j < 0 || bytes[j] != open || j + 1 >= bytes.count || bytes[j + 1] != UInt8(ascii: "^") { return true }
                }
                i += 1
            }
            return false
        }
    }

    static func checkUsed(in body: String, blocks: [Block], file: String, diagnostics: DiagnosticEngine) {
        guard mayHoldDefinition(body) else { return }
        let lines = TextLines.split(body)
        var definitions: [(label: String, destination: String, title: String?, line: Int, column: Int)] = []
        var fence: Substring?
        var previousEndsBlock = true
        for (i, line) in lines.enumerated() {
            let trimmed = line.drop { $0 == " " }
            let indent = line.utf8.count - trimmed.utf8.count
            if let open = fence {
                if indent < 4, trimmed.hasPrefix(open) { fence = nil }
                previousEndsBlock = fence == nil
                continue
            }
            if indent < 4, trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix(3)
                previousEndsBlock = false
                continue
            }
            // A definition cannot interrupt a paragraph: it follows a blank line, a heading, another definition, or nothing.
            if indent < 4, previousEndsBlock, let found = definition(line) {
                definitions.append((found.label, found.destination, found.title, i + 1, found.column))
                previousEndsBlock = true
                continue
            }
            let content = trimmed.drop { $0 == ">" || $0 == " " }
            previousEndsBlock = content.allSatisfy(\.isWhitespace) || (indent < 4 && trimmed.hasPrefix("#"))
        }
        guard !definitions.isEmpty else { return }
        let used = destinations(in: blocks)
        // A use carries the definition's destination and title: two definitions of one address differ by their titles.
        for d in definitions where !used.contains(decoded(d.destination) + (d.title.map { "\u{0}" + $0 } ?? "")) {
            let label = d.label.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            diagnostics.warning(.linkDefinitionUnused, file: file, at: SourcePosition(line: d.line, column: d.column),
                                "the link definition [\(label)] is never used: it shows nothing on the page",
                                hint: "link to it with [text][\(label)], or remove the line")
        }
    }
}
