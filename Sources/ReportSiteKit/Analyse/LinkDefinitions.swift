/// Link reference definitions (`[link]: https://example.org "Title"`) show nothing themselves: one that no
/// link uses is text the author wrote and the reader never sees, so it is a warning (RS304) at its line.
enum LinkDefinitions {
    /// A definition's label, as Markdown matches labels: case-insensitive, runs of spaces as one.
    static func normalized(_ label: Substring) -> String {
        label.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func checkUsed(in body: String, file: String, diagnostics: DiagnosticEngine) {
        // A quick look: no `]:` anywhere, no definition.
        guard body.contains("]:") else { return }
        let lines = TextLines.split(body)
        var definitions: [(label: String, line: Int, column: Int)] = []
        var definitionLines: Set<Int> = []
        var fence: Substring?
        var previousBlank = true
        for (i, line) in lines.enumerated() {
            let trimmed = line.drop { $0 == " " }
            let indent = line.count - trimmed.count
            if let open = fence {
                if indent < 4, trimmed.hasPrefix(open) { fence = nil }
                previousBlank = false
                continue
            }
            if indent < 4, trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix(3)
                previousBlank = false
                continue
            }
            defer { previousBlank = line.allSatisfy(\.isWhitespace) }
            // A definition starts a paragraph (or follows another definition), with at most three spaces before it.
            guard indent < 4, previousBlank || definitionLines.contains(i - 1), trimmed.hasPrefix("["),
                  !trimmed.hasPrefix("[^"), let close = trimmed.firstIndex(of: "]") else { continue }
            let after = trimmed[trimmed.index(after: close)...]
            guard after.hasPrefix(":"), after.dropFirst().contains(where: { !$0.isWhitespace }) else { continue }
            let label = trimmed[trimmed.index(after: trimmed.startIndex)..<close]
            guard !label.allSatisfy(\.isWhitespace) else { continue }
            definitions.append((normalized(label), i + 1, indent + 1))
            definitionLines.insert(i)
        }
        guard !definitions.isEmpty else { return }
        // Every `[...]` of the other lines, normalised: `[text][label]`, `[label][]` and `[label]` all hold the label.
        var used: Set<String> = []
        for (i, line) in lines.enumerated() where !definitionLines.contains(i) {
            var rest = line[...]
            while let open = rest.firstIndex(of: "[") {
                let tail = rest[rest.index(after: open)...]
                guard let close = tail.firstIndex(of: "]") else { break }
                used.insert(normalized(tail[..<close]))
                rest = tail
            }
        }
        for definition in definitions where !used.contains(definition.label) {
            diagnostics.warning(.linkDefinitionUnused, file: file, at: SourcePosition(line: definition.line, column: definition.column),
                                "the link definition [\(definition.label)] is never used: it shows nothing on the page",
                                hint: "link to it with [text][\(definition.label)], or remove the line")
        }
    }
}
