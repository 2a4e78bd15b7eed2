import ReportSiteCore
import Yams

/// The YAML front matter of a report and the Markdown body after it.
package struct FrontMatter {
    /// The YAML text between the `---` lines.
    public var yaml: String
    /// The body, with the front matter's lines left blank so that line numbers stay those of the file.
    public var body: String
    /// Line of the file where the YAML starts (the line after the opening `---`).
    public var firstLine: Int

    /// True when the file's first line opens front matter (`---`), whether or not it is closed.
    public static func opens(_ text: String) -> Bool {
        let end = text.utf8.firstIndex(of: UInt8(ascii: "\n")) ?? text.utf8.endIndex
        return text[..<end].trimmingTrailingSpaces == "---"
    }

    /// Splits a file; nil when it does not start with a `---` line closed by another `---` line.
    public static func split(_ text: String) -> FrontMatter? {
        var lines = TextLines.split(text)
        guard let first = lines.first, first.trimmingTrailingSpaces == "---" else { return nil }
        guard let close = lines.indices.dropFirst().first(where: {
            let l = lines[$0].trimmingTrailingSpaces
            return l == "---" || l == "..."
        }) else { return nil }
        let yaml = lines[1..<close].joined(separator: "\n")
        for i in 0...close { lines[i] = "" }
        return FrontMatter(yaml: yaml, body: lines.joined(separator: "\n"), firstLine: 2)
    }
}

extension Substring {
    package var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s.removeLast() }
        return s
    }
}

/// Reads and checks the front matter's keys against the contract (section 1).
package struct MetadataReader {
    static let required = ["symbol", "title", "date", "body"]
    static let optional = ["author", "mandate", "session", "agenda_item", "subtitle", "status", "excerpt", "source", "addressees",
                           "country", "mechanism", "paragraphs"]
    /// The values `mechanism` may take (contract, section 1).
    static let mechanisms = ["special-procedures", "treaty-body", "upr", "other"]

    let file: String
    let diagnostics: DiagnosticEngine

    func read(_ frontMatter: FrontMatter) -> ReportMetadata? {
        let offset = frontMatter.firstLine - 1
        let node: Node?
        do {
            node = try Yams.compose(yaml: frontMatter.yaml)
        } catch let error as YamlError {
            let (position, problem, hint) = Self.explain(error, yaml: frontMatter.yaml, offset: offset)
            diagnostics.error(.invalidFrontMatter, file: file, at: position, "the front matter is not valid YAML: \(problem)", hint: hint)
            return nil
        } catch {
            diagnostics.error(.invalidFrontMatter, file: file, at: SourcePosition(line: 1, column: 1), "the front matter is not valid YAML")
            return nil
        }
        guard let mapping = node?.mapping else {
            diagnostics.error(.invalidFrontMatter, file: file, at: SourcePosition(line: 1, column: 1),
                              "the front matter must be a set of `key: value` lines", hint: "see docs/CONTENT-FORMAT.md, section 1")
            return nil
        }
        func at(_ node: Node) -> SourcePosition {
            SourcePosition(line: (node.mark?.line ?? 0) + offset, column: node.mark?.column ?? 1)
        }

        var values: [String: String] = [:]
        var positions: [String: SourcePosition] = [:]
        var addressees: [String: [String]] = [:]
        var addresseePositions: [String: SourcePosition] = [:]
        var ok = true
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            positions[key] = at(keyNode)
            if key == "addressees" {
                guard let overrides = readAddressees(value, at: at) else { ok = false; continue }
                addressees = overrides.lists
                addresseePositions = overrides.positions
                continue
            }
            guard Self.required.contains(key) || Self.optional.contains(key) else {
                let known = Self.required + Self.optional
                let closest = known.min { editDistance(key.lowercased(), $0) < editDistance(key.lowercased(), $1) }
                let guess = closest.flatMap { editDistance(key.lowercased(), $0) <= max(2, key.count / 3) ? "did you mean '\($0)'? " : nil } ?? ""
                diagnostics.warning(.unknownKey, file: file, at: at(keyNode), "unknown front matter key '\(key)'",
                                    hint: guess + "known keys: " + known.joined(separator: ", "))
                continue
            }
            guard var text = value.scalar?.string, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                diagnostics.error(.invalidValue, file: file, at: at(value), "'\(key)' must be a non-empty text")
                ok = false
                continue
            }
            // YAML escapes (`"\x07"`) can make what the file's own check let through.
            if let (clean, _) = SourceFile.replacingForbidden(text) {
                diagnostics.warning(.forbiddenCharacters, file: file, at: at(value),
                                    "'\(key)' holds control characters or Unicode non-characters; they were replaced by U+FFFD",
                                    hint: "remove the escapes that make them")
                text = clean
            }
            if key == "mechanism", !Self.mechanisms.contains(text) {
                diagnostics.warning(.invalidValue, file: file, at: at(value), "mechanism '\(text)' is not one of " + Self.mechanisms.joined(separator: ", "),
                                    hint: "write one of them, or leave the key out")
                continue
            }
            values[key] = text
        }
        for key in Self.required where values[key] == nil && positions[key] == nil {
            diagnostics.error(.missingKey, file: file, at: SourcePosition(line: 1, column: 1),
                              "the front matter has no '\(key)'", hint: "add `\(key): ...` between the `---` lines")
            ok = false
        }
        var symbol: Symbol?
        if let text = values["symbol"] {
            symbol = Symbol(text)
            if symbol == nil {
                diagnostics.error(.invalidSymbol, file: file, at: positions["symbol"],
                                  "'\(text)' is not a document symbol that can name a page",
                                  hint: "use parts of letters, digits and inner full stops separated by '/', such as A/58/275 or E/CN.4/2000/82")
                ok = false
            }
        }
        if let date = values["date"], !Self.isISODate(date) {
            diagnostics.error(.invalidValue, file: file, at: positions["date"], "date '\(date)' is not an ISO 8601 date",
                              hint: "write it as yyyy-mm-dd, e.g. 2003-08-12")
            ok = false
        }
        if let paragraphs = values["paragraphs"], paragraphs != "none" {
            diagnostics.error(.invalidValue, file: file, at: positions["paragraphs"], "paragraphs '\(paragraphs)' is not a known value",
                              hint: "the one value is `paragraphs: none`, for a document printed without numbered paragraphs (a decision, a letter)")
            ok = false
        }
        guard ok, let symbol, let title = values["title"], let date = values["date"], let body = values["body"] else { return nil }
        return ReportMetadata(
            symbol: symbol, title: title, date: date, body: body,
            author: values["author"], mandate: values["mandate"], session: values["session"],
            agendaItem: values["agenda_item"], subtitle: values["subtitle"], status: values["status"],
            excerpt: values["excerpt"], source: values["source"], addressees: addressees,
            addresseePositions: addresseePositions, country: values["country"], countryPosition: positions["country"], unnumbered: values["paragraphs"] == "none")
    }

    /// Where a YAML error is in the file, what it is and what to do. Yams counts lines of the YAML text from 1;
    /// the file's line is that plus the lines before the YAML (the opening `---`). A quote never closed is
    /// reported by Yams at the end of the front matter: the error is put where the quote opened.
    static func explain(_ error: YamlError, yaml: String, offset: Int) -> (SourcePosition, String, String) {
        let hint = "see docs/CONTENT-FORMAT.md, section 1: one `key: value` a line"
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            let lines = TextLines.split(yaml)
            // A `{` or `[` never closed: libyaml stops at the line after; its context marks where it opened.
            if let context, problem.hasPrefix("did not find expected"),
               context.text.contains("flow mapping") || context.text.contains("flow sequence") {
                let (open, close) = context.text.contains("flow mapping") ? ("{", "}") : ("[", "]")
                return (SourcePosition(line: context.mark.line + offset, column: context.mark.column),
                        "the \(open) that opens here is never closed with \(close)",
                        "close it on the same line: addressees: { \"85\": [states], \"91-a\": [] }")
            }
            let quoted = context.map { $0.text.contains("quoted scalar") } ?? true
            if problem.contains("end of stream"), quoted {
                // Yams names the quoted scalar it was reading in the context; otherwise find a line whose quote
                // is not closed on it.
                let start = context.map { ($0.mark.line, $0.mark.column) } ?? Self.unclosedQuote(in: lines)
                if let (line, column) = start, line >= 1, line <= lines.count {
                    let text = lines[line - 1]
                    let index = text.index(text.startIndex, offsetBy: max(0, min(column - 1, text.count)))
                    let quote = text[index...].first(where: { $0 == "\"" || $0 == "'" }) ?? "\""
                    return (SourcePosition(line: line + offset, column: column),
                            "the quoted value that starts here is never closed (no \(quote) before the end of the front matter)",
                            "end the value with \(quote) on the same line, or remove the opening \(quote)")
                }
            }
            let colonHint = problem.contains("mapping values are not allowed")
                ? "quote values that contain a colon followed by a space: title: \"Report: the text\"" : hint
            return (SourcePosition(line: mark.line + offset, column: mark.column), problem, colonHint)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return (SourcePosition(line: context.mark.line + offset, column: context.mark.column),
                    "the key \(keys) is written twice in the mapping that starts here", "write each key once")
        default:
            // Yams' own text may quote the whole file after its first line: the first line says the problem.
            let first = "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
            return (SourcePosition(line: 1, column: 1), first, hint)
        }
    }

    /// The first line (from 1) whose value opens a quote that the line does not close, and the quote's column.
    static func unclosedQuote(in lines: [Substring]) -> (Int, Int)? {
        for (i, line) in lines.enumerated() {
            guard let colon = line.range(of: ": ") else { continue }
            let value = line[colon.upperBound...].drop { $0 == " " }
            guard let quote = value.first, quote == "\"" || quote == "'" else { continue }
            let rest = value.dropFirst()
            let closed = quote == "'" ? rest.contains("'") : rest.contains { $0 == "\"" }
            if !closed { return (i + 1, line.distance(from: line.startIndex, to: value.startIndex) + 1) }
        }
        return nil
    }

    private func readAddressees(_ node: Node, at: (Node) -> SourcePosition)
        -> (lists: [String: [String]], positions: [String: SourcePosition])? {
        guard let mapping = node.mapping else {
            diagnostics.error(.invalidValue, file: file, at: at(node), "'addressees' must map paragraph ids to lists of addressee slugs",
                              hint: "for example: addressees: { \"85\": [states], \"91-a\": [] }")
            return nil
        }
        var result: [String: [String]] = [:]
        var positions: [String: SourcePosition] = [:]
        for (key, value) in mapping {
            guard let id = key.string, let list = value.sequence?.map({ $0.string ?? "" }) else {
                diagnostics.error(.invalidValue, file: file, at: at(value), "each addressee override must be a list of slugs")
                return nil
            }
            result[id] = list
            positions[id] = at(key)
        }
        return (result, positions)
    }

    package static func isISODate(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return false }
        let days = [31, (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...12).contains(m) && (1...days[m - 1]).contains(d)
    }
}
