import Foundation
import ReportSiteCore

/// A content file as read from disk: its path for diagnostics and its text, normalised
/// (UTF-8 checked, byte order mark dropped, CRLF and CR line endings made LF).
package struct SourceFile: Sendable {
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// Reads and normalises a file; nil (with a diagnostic) when it cannot be read or is not UTF-8.
    public static func read(_ url: URL, displayPath: String, diagnostics: DiagnosticEngine) -> SourceFile? {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics.error(.unreadableFile, file: displayPath, "cannot read the file", hint: "check that it exists and is readable")
            return nil
        }
        return decode(data, displayPath: displayPath, diagnostics: diagnostics)
    }

    /// Checks and normalises the bytes of a file already read.
    public static func decode(_ data: Data, displayPath: String, diagnostics: DiagnosticEngine) -> SourceFile? {
        let limit = InputLimits().maxFileBytes
        guard data.count <= limit else {
            diagnostics.error(.inputTooLarge, file: displayPath, at: SourcePosition(line: 1, column: 1),
                              "the file is \(data.count / 1_048_576) MB; a report may be at most \(limit / 1_048_576) MB",
                              hint: "split the report into several files, or check that the file is the report's text")
            return nil
        }
        guard var text = String(data: data, encoding: .utf8) else {
            let (position, byte) = Self.firstInvalidUTF8(data)
            diagnostics.error(.invalidEncoding, file: displayPath, at: position,
                              "the file is not valid UTF-8: byte 0x\(String(byte, radix: 16, uppercase: true)) here is not UTF-8 text",
                              hint: "save it as UTF-8 (a byte like this one is usually Latin-1 or Windows-1252: `iconv -f WINDOWS-1252 -t UTF-8`)")
            return nil
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if UTF8Bytes.contains(text, UInt8(ascii: "\r")) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        if let (clean, line) = Self.replacingForbidden(text) {
            text = clean
            diagnostics.warning(.forbiddenCharacters, file: displayPath, at: SourcePosition(line: line, column: 1),
                                "control characters or Unicode non-characters (first on this line) were replaced by U+FFFD",
                                hint: "they are not text and HTML forbids them; check how the file was extracted")
        }
        return SourceFile(path: displayPath, text: text)
    }

    /// The line and column (in characters of the valid text before it) of the first byte that is not part of
    /// well-formed UTF-8, and that byte.
    static func firstInvalidUTF8(_ data: Data) -> (SourcePosition, UInt8) {
        let bytes = [UInt8](data)
        // Lines are counted as the text is read: CRLF and CR end a line as LF does; a byte order mark is not a column.
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0, line = 1, column = 1
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (SourcePosition(line: line, column: column), b)
            }
            guard i + length <= bytes.count,
                  String(bytes: bytes[i..<(i + length)], encoding: .utf8) != nil else {
                return (SourcePosition(line: line, column: column), b)
            }
            if b == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A {
                i += 1
            }
            if b == 0x0A || b == 0x0D { line += 1; column = 1 } else { column += 1 }
            i += length
        }
        return (SourcePosition(line: 1, column: 1), bytes.first ?? 0)
    }

    /// Code points HTML forbids in a document: C0 and C1 controls (but tab and line feed), DEL, and the
    /// non-characters U+FDD0-U+FDEF and U+xFFFE/U+xFFFF. nil when the text has none; else the text with each
    /// replaced by U+FFFD, and the line of the first.
    static func replacingForbidden(_ text: String) -> (String, Int)? {
        func forbidden(_ s: Unicode.Scalar) -> Bool {
            let v = s.value
            if v < 0x20 { return v != 0x09 && v != 0x0A }
            if v >= 0x7F && v <= 0x9F { return true }
            return (0xFDD0...0xFDEF).contains(v) || (v & 0xFFFE) == 0xFFFE
        }
        // Fast path on bytes: text without control bytes and without the lead bytes of C1 controls (C2) and
        // non-characters (EF, F0-F4) has none of them.
        let suspicious = UTF8Bytes.contains(text) { b in (b < 0x20 && b != 0x09 && b != 0x0A) || b == 0x7F || b == 0xC2 || b == 0xEF || b >= 0xF0 }
        guard suspicious, text.unicodeScalars.contains(where: forbidden) else { return nil }
        var out = String.UnicodeScalarView()
        var line = 1
        var first: Int?
        for s in text.unicodeScalars {
            if s == "\n" { line += 1 }
            if forbidden(s) {
                first = first ?? line
                out.append("\u{FFFD}")
            } else {
                out.append(s)
            }
        }
        return (String(out), first ?? 1)
    }
}
