import ReportSiteCore

/// Footnotes of one report: numbers the references, collects the definitions, and checks that
/// every reference has a definition and every definition is cited.
package struct FootnoteCollector {
    let file: String
    let source: String
    let diagnostics: DiagnosticEngine

    /// The blocks without footnote definitions (references now carry their anchors), and the footnotes.
    func collect(_ blocks: [Block], anchors: inout AnchorSet) -> (blocks: [Block], footnotes: [Footnote]) {
        // The notes' ids first, then the references' in reading order; every id goes through the page's
        // AnchorSet, so that labels like `1-2` (whose first reference would be `fnref-1-2`) or `*` and `star`
        // cannot give two elements one id.
        var noteAnchors: [String: String] = [:]
        for block in blocks {
            if case .footnoteDefinition(let label, _) = block.kind, noteAnchors[label] == nil {
                noteAnchors[label] = anchors.claim(Anchor.footnote(Self.idPart(label)), at: block.position, what: "footnote")
            }
        }
        var counts: [String: Int] = [:]
        var referenceAnchors: [String: [String]] = [:]
        var claimed = anchors
        let numbered = mapInlines(blocks) { inline in
            guard case .footnoteReference(let label, _, let position) = inline else { return inline }
            let n = counts[label, default: 0] + 1
            counts[label] = n
            let base = Anchor.footnoteReference(Self.idPart(label))
            let anchor = claimed.claim(n == 1 ? base : "\(base)-\(n)", at: position, what: "footnote reference")
            referenceAnchors[label, default: []].append(anchor)
            return .footnoteReference(label: label, anchor: anchor, position: position)
        }
        anchors = claimed

        var footnotes: [Footnote] = []
        var content: [Block] = []
        for block in numbered {
            guard case .footnoteDefinition(let label, let inner) = block.kind else {
                content.append(block)
                continue
            }
            footnotes.append(Footnote(label: label, anchor: noteAnchors[label] ?? Anchor.footnote(Self.idPart(label)),
                                      referenceAnchors: referenceAnchors[label] ?? [], content: inner, position: block.position))
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
    package static func idPart(_ label: String) -> String {
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
