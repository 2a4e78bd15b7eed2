/// Footnotes of one report: numbers the references, collects the definitions, and checks that
/// every reference has a definition and every definition is cited.
struct FootnoteCollector {
    let file: String
    let source: String
    let diagnostics: DiagnosticEngine

    /// The blocks without footnote definitions (references now carry their anchors), and the footnotes.
    func collect(_ blocks: [Block], anchors: inout AnchorSet) -> (blocks: [Block], footnotes: [Footnote]) {
        var counts: [String: Int] = [:]
        var referenceAnchors: [String: [String]] = [:]
        var order: [String] = []
        let numbered = mapInlines(blocks) { inline in
            guard case .footnoteReference(let label, _, let position) = inline else { return inline }
            let n = counts[label, default: 0] + 1
            counts[label] = n
            if n == 1 { order.append(label) }
            let base = "fnref-" + Self.idPart(label)
            let anchor = n == 1 ? base : "\(base)-\(n)"
            referenceAnchors[label, default: []].append(anchor)
            return .footnoteReference(label: label, anchor: anchor, position: position)
        }

        var footnotes: [Footnote] = []
        var content: [Block] = []
        for block in numbered {
            guard case .footnoteDefinition(let label, let inner) = block.kind else {
                content.append(block)
                continue
            }
            let anchor = anchors.claim("fn-" + Self.idPart(label), at: block.position, what: "footnote")
            footnotes.append(Footnote(label: label, anchor: anchor, referenceAnchors: referenceAnchors[label] ?? [],
                                      content: inner, position: block.position))
        }
        // Reference anchors are claimed in reading order, after the notes (both are unique by construction).
        for label in order {
            for anchor in referenceAnchors[label] ?? [] { _ = anchors.claim(anchor, at: SourcePosition(line: 1, column: 1), what: "footnote reference") }
        }
        check(content + footnotes.flatMap(\.content), defined: Set(footnotes.map(\.label)))
        return (content, footnotes)
    }

    private func check(_ blocks: [Block], defined: Set<String>) {
        // cmark-gfm leaves a reference without a definition as text: `[^9]`.
        var reported: Set<String> = []
        forEachInline(blocks) { inline, block in
            guard case .text(let text) = inline else { return }
            for label in FootnoteSyntax.unresolvedReferences(in: text) where reported.insert("\(block.position.line):\(label)").inserted {
                diagnostics.error(.footnoteUndefined, file: file, at: block.position,
                                  "footnote [^\(label)] is cited but never defined",
                                  hint: "add a line `[^\(label)]: text of the note` at the end of the file")
            }
        }
        // cmark-gfm drops a definition that nothing cites; find those in the source.
        var seen: [String: Int] = [:]
        for (label, line) in FootnoteSyntax.definitions(in: source) {
            let at = SourcePosition(line: line, column: 1)
            if let first = seen[label] {
                diagnostics.error(.footnoteDuplicate, file: file, at: at, "footnote [^\(label)] is defined twice (first at line \(first))",
                                  hint: "keep one definition")
                continue
            }
            seen[label] = line
            if !defined.contains(label) {
                diagnostics.warning(.footnoteUnused, file: file, at: at, "footnote [^\(label)] is defined but never cited",
                                    hint: "cite it as [^\(label)] where the report prints its number, or remove the definition")
            }
        }
    }

    /// The part of `fn-N` for a label: the label itself when it is letters and digits, `star` for `*`.
    static func idPart(_ label: String) -> String {
        if !label.isEmpty, label.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }) {
            return label
        }
        let names: [Character: String] = ["*": "star", "†": "dagger", "‡": "double-dagger", "§": "section"]
        let named = label.compactMap { names[$0] }.joined(separator: "-")
        if !named.isEmpty { return named }
        let s = slug(label)
        return s.isEmpty ? "note" : s
    }
}
