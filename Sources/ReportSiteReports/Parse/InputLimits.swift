import ReportSiteCore

/// Bounds checked before a text reaches libcmark-gfm. Debian's 0.29.0.gfm.6 lacks the 2023 table fixes:
/// a table with many columns, or with many rows that the parser pads to the header's width, grows the output
/// with columns x rows (a 12 KB table renders to about 40 MB). Deep nesting of block quotes and lists costs
/// recursion in the parser and in every stage after it. Real reports stay far below these limits.
package struct InputLimits: Sendable {
    public var maxFileBytes = 8 * 1024 * 1024
    public var maxTableColumns = 64
    public var maxTableCells = 50_000
    public var maxNestingDepth = 32

    public init() {}

    public struct Violation: Equatable, Sendable {
        public var line: Int
        public var message: String
        public var hint: String
    }

    /// Every violation of the text, in line order (at most one a table or line).
    public func check(_ text: String) -> [Violation] {
        var violations: [Violation] = []
        var table: (line: Int, columns: Int, rows: Int, reported: Bool)?
        var previous: Substring = ""
        var lineNumber = 0
        var fence: Substring?
        for line in TextLines.split(text) {
            lineNumber += 1
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if let f = fence {
                if trimmed.hasPrefix(f) { fence = nil }
                previous = line
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { fence = trimmed.prefix(3) }

            if var t = table {
                if trimmed.isEmpty {
                    table = nil
                } else {
                    t.rows += 1
                    if !t.reported, t.rows * t.columns > maxTableCells {
                        violations.append(Violation(line: t.line, message: "the table starting here has more than \(maxTableCells) cells (\(t.columns) columns, \(t.rows)+ rows)",
                                                    hint: "split the table, or publish it as a separate file"))
                        t.reported = true
                    }
                    table = t
                }
            } else if let columns = Self.delimiterRowColumns(trimmed), !previous.trimmingCharacters(in: .whitespaces).isEmpty {
                if columns > maxTableColumns {
                    violations.append(Violation(line: lineNumber - 1, message: "the table starting here has \(columns) columns; at most \(maxTableColumns) are allowed",
                                                hint: "tables this wide do not fit a page; split the table"))
                    table = (lineNumber - 1, columns, 1, true)
                } else {
                    table = (lineNumber - 1, columns, 1, false)
                }
            }

            let depth = Self.nestingDepth(line)
            if depth > maxNestingDepth {
                violations.append(Violation(line: lineNumber, message: "block quotes and lists are nested \(depth) deep here; at most \(maxNestingDepth) levels are allowed",
                                            hint: "reports nest a few levels at most; check for stray '>' or list markers"))
            }
            previous = line
        }
        return violations
    }

    /// `|---|:---:|` -> 2; nil when the line is not a table's delimiter row.
    static func delimiterRowColumns(_ line: Substring) -> Int? {
        // Most lines are text: the first character that cannot stand in a delimiter row ends the test.
        guard line.utf8.allSatisfy({ $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }),
              line.utf8.contains(UInt8(ascii: "-")),
              line.utf8.contains(UInt8(ascii: "|")) || line.utf8.contains(UInt8(ascii: ":")) else { return nil }
        var cells = line.split(separator: "|", omittingEmptySubsequences: false)
        if line.hasPrefix("|") { cells.removeFirst() }
        if line.hasSuffix("|"), !cells.isEmpty { cells.removeLast() }
        guard !cells.isEmpty, cells.allSatisfy({ $0.contains("-") }) else { return nil }
        return cells.count
    }

    /// How many block containers a line opens: `>` markers, list markers, and indentation (4 columns a level).
    static func nestingDepth(_ line: Substring) -> Int {
        var depth = 0
        var spaces = 0
        var rest = line[...]
        while let c = rest.first {
            if c == " " { spaces += 1; rest = rest.dropFirst(); continue }
            if c == "\t" { spaces += 4; rest = rest.dropFirst(); continue }
            if c == ">" { depth += 1; rest = rest.dropFirst(); continue }
            if "-*+".contains(c), rest.dropFirst().first == " " { depth += 1; rest = rest.dropFirst(2); continue }
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, digits.count <= 9 {
                let after = rest.dropFirst(digits.count)
                if let d = after.first, d == "." || d == ")", after.dropFirst().first == " " {
                    depth += 1
                    rest = after.dropFirst(2)
                    continue
                }
            }
            break
        }
        return depth + spaces / 4
    }
}
