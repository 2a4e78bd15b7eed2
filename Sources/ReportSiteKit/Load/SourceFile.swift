import Foundation

/// A content file as read from disk: its path for diagnostics and its text, normalised
/// (UTF-8 checked, byte order mark dropped, CRLF and CR line endings made LF).
public struct SourceFile: Sendable {
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
        let limit = InputLimits().maxFileBytes
        guard data.count <= limit else {
            diagnostics.error(.inputTooLarge, file: displayPath, at: SourcePosition(line: 1, column: 1),
                              "the file is \(data.count / 1_048_576) MB; a report may be at most \(limit / 1_048_576) MB",
                              hint: "split the report into several files, or check that the file is the report's text")
            return nil
        }
        guard var text = String(data: data, encoding: .utf8) else {
            diagnostics.error(.invalidEncoding, file: displayPath, at: SourcePosition(line: 1, column: 1),
                              "the file is not valid UTF-8", hint: "save it as UTF-8")
            return nil
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.contains("\r") {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return SourceFile(path: displayPath, text: text)
    }
}
