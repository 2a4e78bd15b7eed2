import ReportSiteCore

/// The few pieces of GFM footnote syntax that cmark-gfm does not report, read from source lines.
package enum FootnoteSyntax {
    /// The label of a definition line `[^label]: text` (up to three spaces of indentation), or nil.
    public static func definitionLabel<S: Collection>(in line: S) -> String? where S.Element == UInt8 {
        var rest = line.drop { $0 == UInt8(ascii: " ") }
        guard line.count - rest.count <= 3,
              rest.starts(with: [UInt8(ascii: "["), UInt8(ascii: "^")]) else { return nil }
        rest = rest.dropFirst(2)
        guard let close = rest.firstIndex(of: UInt8(ascii: "]")) else { return nil }
        let label = rest[rest.startIndex..<close]
        guard !label.isEmpty, !label.contains(where: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "[") }),
              rest.index(after: close) < rest.endIndex, rest[rest.index(after: close)] == UInt8(ascii: ":") else { return nil }
        return String(decoding: label, as: UTF8.self)
    }

    /// Every definition line of a source, with its 1-based line number, outside fenced code.
    public static func definitions(in source: String) -> [(label: String, line: Int)] {
        var result: [(String, Int)] = []
        var fence: Substring?
        for (index, line) in TextLines.split(source).enumerated() {
            let trimmed = line.drop { $0 == " " }
            if let f = fence {
                if trimmed.hasPrefix(f) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix(3)
                continue
            }
            if let label = definitionLabel(in: line.utf8) { result.append((label, index + 1)) }
        }
        return result
    }

    /// Unresolved references that cmark-gfm left as text: `[^label]` not followed by `:`.
    public static func unresolvedReferences(in text: String) -> [String] {
        // Almost every text has no `^` at all: a byte scan answers before any search for "[^".
        guard UTF8Bytes.contains(text, UInt8(ascii: "^")) else { return [] }
        var result: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "[^") {
            let after = rest[open.upperBound...]
            guard let close = after.firstIndex(of: "]") else { break }
            let label = after[after.startIndex..<close]
            if !label.isEmpty, !label.contains(where: { $0 == " " || $0 == "[" || $0 == "\n" }) {
                result.append(String(label))
            }
            rest = after[close...]
        }
        return result
    }
}
