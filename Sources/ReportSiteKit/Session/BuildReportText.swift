import Foundation
import ReportSiteCore

/// A build's result as text for a terminal: the diagnostics (errors and warnings in full; notes, hundreds at a
/// time on a large site, one line a code unless `verbose`), the timings, and the last line that says what was done.
public struct BuildReportText: Sendable {
    public var verbose: Bool
    public var quiet: Bool
    /// The output folder as the user named it, without a trailing slash.
    public var output: String

    public init(output: String, verbose: Bool = false, quiet: Bool = false) {
        var output = output
        while output.count > 1, output.hasSuffix("/") { output.removeLast() }
        self.output = output
        self.verbose = verbose
        self.quiet = quiet
    }

    /// The diagnostics, one a line, and the notes' summary.
    public func diagnostics(_ result: BuildSession.Result) -> String {
        var text = ""
        for d in result.diagnostics where verbose || d.severity != .note { text += d.formatted + "\n" }
        if !verbose && !quiet { text += Self.noteSummary(result.diagnostics) }
        return text
    }

    /// `timing: stage   1.234 s   56 MiB resident`, one line a stage, and the pages reused.
    public func timings(_ result: BuildSession.Result) -> String {
        var text = ""
        for timing in result.timings {
            text += "timing: " + timing.stage.padding(toLength: 18, withPad: " ", startingAt: 0) + String(format: "%8.3f s", timing.seconds)
                + (timing.residentMiB.map { String(format: "   %5d MiB resident", $0) } ?? "") + "\n"
        }
        if result.wrote { text += "timing: pages reused from the previous build: \(result.reusedPages)\n" }
        return text
    }

    /// The last line: what was built or checked, or why nothing was written. `onStandardOutput`: the line of a
    /// successful build, which goes to standard output (errors go to standard error).
    public func summary(_ result: BuildSession.Result) -> (text: String, onStandardOutput: Bool) {
        let errors = result.errors, warnings = result.warnings
        switch result.outcome {
        case .success(let reports, let files):
            let s = reports == 1 ? "" : "s"
            let done = !result.wrote ? "checked \(reports) report\(s)"
                : result.upToDate ? "\(output)/ is up to date (\(reports) report\(s); nothing changed since the last build)"
                : "built \(reports) report\(s) into \(output)/ (\(files) files)"
            let notes = result.notes
            let line = done + (warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : "")
                + (notes > 0 ? ", \(notes) note\(notes == 1 ? "" : "s")" : "") + "\n"
            return (line, true)
        case .contentErrors:
            return ("reportsite: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"); "
                + (result.wrote ? "\(output)/ was left unchanged" : "nothing written") + "\n", false)
        case .usageError(let message):
            return (message + "\n", false)
        }
    }

    /// What the notes of each code are about, in the plural.
    static let subjects: [String: String] = [
        DiagnosticCode.unassignedRecommendation.rawValue: "recommendations with no addressee",
        DiagnosticCode.unlistedAddressee.rawValue: "reports whose recommendations name addressees that addressees.yml lacks",
        DiagnosticCode.citationMissingParagraph.rawValue: "paragraph numbers in notes that this report does not have, left as text",
    ]

    /// One line a code: `note: 1,545 notes RS701 (recommendations with no addressee); --verbose shows them`.
    public static func noteSummary(_ diagnostics: [Diagnostic]) -> String {
        var counts: [String: Int] = [:]
        for d in diagnostics where d.severity == .note { counts[d.code, default: 0] += 1 }
        return counts.keys.sorted().map { code in
            let n = counts[code]!
            let about = subjects[code].map { " (\($0))" } ?? ""
            return "note: \(grouped(n)) note\(n == 1 ? "" : "s") \(code)\(about); --verbose shows \(n == 1 ? "it" : "them")\n"
        }.joined()
    }

    /// 1545 -> "1,545".
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}

/// A build's diagnostics as data, for editors and CI annotations: a JSON array of
/// `{"file", "line", "column", "severity", "code", "message", "hint"}` (every key present, null when absent).
public enum BuildReportJSON {
    public static func encode(_ result: BuildSession.Result) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = (try? encoder.encode(result.diagnostics.map(Record.init))) ?? Data("[]".utf8)
        data.append(Data("\n".utf8))
        return data
    }

    struct Record: Encodable {
        let file: String
        let line: Int?
        let column: Int?
        let severity: String
        let code: String
        let message: String
        let hint: String?

        init(_ d: Diagnostic) {
            file = d.file
            line = d.position?.line
            column = d.position?.column
            severity = d.severity.rawValue
            code = d.code
            message = d.message
            hint = d.hint
        }

        enum CodingKeys: String, CodingKey { case file, line, column, severity, code, message, hint }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(file, forKey: .file)
            try c.encode(line, forKey: .line)
            try c.encode(column, forKey: .column)
            try c.encode(severity, forKey: .severity)
            try c.encode(code, forKey: .code)
            try c.encode(message, forKey: .message)
            try c.encode(hint, forKey: .hint)
        }
    }
}
