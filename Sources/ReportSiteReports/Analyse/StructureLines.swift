import ReportSiteCore

/// The lines of a report's source as an author sees them, to find structure that Markdown did not keep:
/// a line that starts like a numbered paragraph (`80. `, `82.With`) or a sub-paragraph (`(b) `) and yet
/// got no anchor. Works on bytes (reports can be long).
struct StructureLines {
    /// What a line starts with.
    enum Start: Equatable {
        /// `80.` followed by a space or tab (`spaced`), or directly by a letter (`82.With`).
        case number(Int?, text: String, spaced: Bool)
        /// `(b)` followed by a space or tab (`spaced`), or anything else (`(b)Text`, `(b)` alone is spaced).
        case label(String, spaced: Bool)
    }

    struct Candidate: Equatable {
        var line: Int
        /// 1-based byte column of the digit or the `(`.
        var column: Int
        var start: Start
        /// The leading whitespace: spaces and tabs before the start.
        var indent: [UInt8]
        /// The line after its leading whitespace.
        var text: String
    }

    let lines: [ArraySlice<UInt8>]

    init(_ source: String) {
        lines = Array(source.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    }

    /// A line with nothing but spaces and tabs (the line before the first counts as blank).
    func isBlank(_ line: Int) -> Bool {
        text(line).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
    }

    /// 1-based.
    func text(_ line: Int) -> ArraySlice<UInt8> {
        line >= 1 && line <= lines.count ? lines[line - 1] : []
    }

    /// Lines of the front matter (between the first `---` and the next `---` or `...`), of fenced code blocks,
    /// and of footnote definitions (from `[^12]:` to the first line after a blank one that is not indented by
    /// four columns): structure there is not the report's.
    func excludedLines() -> Set<Int> {
        var excluded: Set<Int> = []
        var i = 0
        if let first = lines.first, Self.trimmedTrailing(first).elementsEqual("---".utf8) {
            excluded.insert(1)
            i = 1
            while i < lines.count {
                excluded.insert(i + 1)
                let l = Self.trimmedTrailing(lines[i])
                i += 1
                if l.elementsEqual("---".utf8) || l.elementsEqual("...".utf8) { break }
            }
        }
        var fence: (byte: UInt8, count: Int)?
        var inFootnote = false
        var previousBlank = false
        while i < lines.count {
            let line = lines[i]
            let number = i + 1
            i += 1
            let indent = Self.indentColumns(line)
            let body = line.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            let blank = body.isEmpty
            if let f = fence {
                excluded.insert(number)
                if indent < 4, body.prefix(while: { $0 == f.byte }).count >= f.count,
                   body.drop(while: { $0 == f.byte }).allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) {
                    fence = nil
                }
                continue
            }
            if inFootnote, !blank, previousBlank, indent < 4 { inFootnote = false }
            if indent < 4, let f = Self.fenceOpening(body) {
                fence = f
                inFootnote = false
                excluded.insert(number)
                previousBlank = false
                continue
            }
            if indent < 4, Self.isFootnoteDefinition(body) { inFootnote = true }
            if inFootnote { excluded.insert(number) }
            previousBlank = blank
        }
        return excluded
    }

    /// Every line that starts like a numbered paragraph or a sub-paragraph, outside the excluded lines.
    func candidates() -> [Candidate] {
        let excluded = excludedLines()
        var result: [Candidate] = []
        for (index, line) in lines.enumerated() where !excluded.contains(index + 1) {
            let indent = line.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            let rest = line.dropFirst(indent.count)
            guard let start = Self.start(of: rest, indent: indent.count) else { continue }
            result.append(Candidate(line: index + 1, column: indent.count + 1, start: start, indent: Array(indent),
                                    text: String(decoding: rest, as: UTF8.self)))
        }
        return result
    }

    /// `80. `, `80.\t`, `82.With` or `(b)`, after any indentation (`indent`, in bytes, is not used: four
    /// spaces make code or a nested list, which is just what must be found).
    static func start(of rest: ArraySlice<UInt8>, indent: Int) -> Start? {
        guard let first = rest.first else { return nil }
        if isDigit(first) {
            let digits = rest.prefix(while: isDigit)
            let after = rest.dropFirst(digits.count)
            guard after.first == UInt8(ascii: "."), let next = after.dropFirst().first else { return nil }
            let spaced = next == UInt8(ascii: " ") || next == UInt8(ascii: "\t")
            let text = String(decoding: after.dropFirst(), as: UTF8.self)
            guard spaced || text.first?.isLetter == true else { return nil }
            return .number(digits.count <= 9 ? Int(String(decoding: digits, as: UTF8.self)) : nil, text: text, spaced: spaced)
        }
        if first == UInt8(ascii: "(") {
            let letters = rest.dropFirst().prefix { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
            guard (1...6).contains(letters.count), rest.dropFirst(1 + letters.count).first == UInt8(ascii: ")") else { return nil }
            let next = rest.dropFirst(2 + letters.count).first
            let spaced = next == nil || next == UInt8(ascii: " ") || next == UInt8(ascii: "\t")
            return .label(String(decoding: letters, as: UTF8.self), spaced: spaced)
        }
        return nil
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    /// Columns of leading whitespace, a tab advancing to the next multiple of four.
    static func indentColumns(_ line: ArraySlice<UInt8>) -> Int {
        var columns = 0
        for b in line {
            if b == UInt8(ascii: " ") { columns += 1 } else if b == UInt8(ascii: "\t") { columns += 4 - columns % 4 } else { break }
        }
        return columns
    }

    static func trimmedTrailing(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var l = line
        while let last = l.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") || last == UInt8(ascii: "\r") { l = l.dropLast() }
        return l
    }

    /// ```` ``` ```` or `~~~` (three or more) opening a fenced code block.
    static func fenceOpening(_ body: ArraySlice<UInt8>) -> (byte: UInt8, count: Int)? {
        guard let b = body.first, b == UInt8(ascii: "`") || b == UInt8(ascii: "~") else { return nil }
        let count = body.prefix { $0 == b }.count
        guard count >= 3 else { return nil }
        if b == UInt8(ascii: "`"), body.dropFirst(count).contains(UInt8(ascii: "`")) { return nil }
        return (b, count)
    }

    /// `[^12]: text`
    static func isFootnoteDefinition(_ body: ArraySlice<UInt8>) -> Bool {
        guard body.starts(with: "[^".utf8), let close = body.firstIndex(of: UInt8(ascii: "]")), close > body.startIndex + 2 else { return false }
        return body[(close + 1)...].first == UInt8(ascii: ":")
    }
}
