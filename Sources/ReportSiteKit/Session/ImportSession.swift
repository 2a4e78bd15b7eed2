import Foundation
import ReportSiteCore
import ReportSiteImport

/// `reportsite import` as the library runs it: raw texts and PDFs in, typed results out. Nothing is printed
/// here; the command says the results (`ImportSession.table` is the folder import's closing table).
///
/// A folder import runs in three steps, so that workers only return values and one place writes: every file is
/// read and converted in parallel (pure: text in, content file out); the files are claimed and written in the
/// order given (when two files have one symbol, the first in that order wins, whatever the schedule); each
/// written file is checked in parallel, as `reportsite check` does.
public enum ImportSession {
    /// A raw text that could not be read: nothing was written.
    public struct InputError: Error, Sendable, Equatable {
        public let message: String
    }

    // MARK: - Reading

    /// The raw text of a .txt file, or of a PDF through poppler's pdftotext.
    public static func readRaw(_ url: URL) throws -> String {
        var isDirectory: ObjCBool = false
        // Said before pdftotext runs, which would blame a missing poppler-utils.
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw InputError(message: "there is no such file; give the path of the report's raw text (.txt) or PDF")
        }
        guard !isDirectory.boolValue else {
            throw InputError(message: "this is a folder; give the path of one report's raw text (.txt) or PDF")
        }
        if url.pathExtension.lowercased() == "pdf" { return try pdfText(url) }
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw InputError(message: "the file is not UTF-8 text; give the report's raw text (.txt) or PDF")
        }
        return text
    }

    static func pdfText(_ url: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pdftotext", "-enc", "UTF-8", url.path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            throw InputError(message: "pdftotext could not be run (install poppler-utils): \(error.localizedDescription)")
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw InputError(message: "pdftotext failed on \(url.path) (exit \(process.terminationStatus)); is poppler-utils installed?")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The files a folder import reads: each file given, and every `.pdf` and `.txt` of each folder given (sorted,
    /// hidden files left out). `warnings`: folders that held none. No file at all is for the caller to refuse.
    public static func inputs(_ paths: [String]) throws -> (files: [String], warnings: [String]) {
        var files: [String] = []
        var warnings: [String] = []
        for item in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: item, isDirectory: &isDirectory) else {
                throw InputError(message: "\(item): there is no such file or folder")
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: item)) ?? []
                let found = names.filter { ["pdf", "txt"].contains(($0 as NSString).pathExtension.lowercased()) && !$0.hasPrefix(".") }.sorted()
                if found.isEmpty { warnings.append("\(item): no .pdf or .txt file in this folder") }
                files += found.map { (item as NSString).appendingPathComponent($0) }
            } else {
                files.append(item)
            }
        }
        return (files, warnings)
    }

    // MARK: - Checking

    /// Where the check finds its templates: the folder given, else the project's (`ProjectFolders.templates`),
    /// else those of the ReportSite checkout the tool was built in; with none, the file is not checked.
    public struct Templates: Sendable {
        public var given: URL?
        public var checkout: URL?
        public init(given: URL?, checkout: URL?) {
            self.given = given
            self.checkout = checkout
        }

        func folder(cwd: URL, content: URL) -> URL? {
            given ?? ProjectFolders.templates(cwd: cwd, content: content) ?? checkout
        }
    }

    public enum CheckStatus: String, Sendable {
        case clean = "ok"
        case warnings = "warnings"
        case errors = "errors"
        case notChecked = "not checked"
    }

    /// What the check of one written file found.
    public struct Check: Sendable {
        public var status: CheckStatus
        /// The one-line summary: "checked 1 report as reportsite check does: ..." or why it was not checked.
        public var line: String
        /// The file's errors and warnings, one line each, as `reportsite check` prints them.
        public var diagnostics: [String]
        /// The build could not start (a broken template, say): the check's message.
        public var usageError: String?
    }

    /// Checks a written file as `reportsite check --strict` would see it: in the content folder it is in
    /// (`.../content/reports/X.md`, only that file's diagnostics), else in a folder of its own; `warnings` when
    /// only --strict would fail.
    public static func check(_ target: URL, cwd: URL, templates: Templates) -> Check {
        let fm = FileManager.default
        let folder = target.deletingLastPathComponent()
        var content = folder.deletingLastPathComponent()
        let own = folder.lastPathComponent != "reports"
        if own {
            content = fm.temporaryDirectory.appendingPathComponent("reportsite-import-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
            do {
                try fm.createDirectory(at: content.appendingPathComponent("reports"), withIntermediateDirectories: true)
                try fm.copyItem(at: target, to: content.appendingPathComponent("reports").appendingPathComponent(target.lastPathComponent))
            } catch {
                return Check(status: .notChecked, line: "not checked: a folder for the check could not be made (\(error.localizedDescription))",
                             diagnostics: [])
            }
        }
        defer { if own { try? fm.removeItem(at: content) } }
        guard let templatesURL = templates.folder(cwd: cwd, content: content) else {
            return Check(status: .notChecked,
                         line: "not checked: no templates folder here, beside the content or in a ReportSite checkout; run reportsite check in the project",
                         diagnostics: [])
        }
        var options = SiteBuilder.Options(content: content, output: content.deletingLastPathComponent().appendingPathComponent("site"),
                                          templates: templatesURL, strict: false, displayBase: cwd, write: false)
        options.cache = false
        let result = BuildSession.run(options)
        // Only the imported file's own diagnostics (a project's other reports are not this import's business).
        let name = target.lastPathComponent
        let diagnostics = result.diagnostics.filter { own || $0.file.hasSuffix("/" + name) || $0.file == name }
        let lines = diagnostics.filter { $0.severity != .note }.map { $0.formatted.replacingOccurrences(of: content.path + "/reports/", with: "") }
        if case .usageError(let message) = result.outcome {
            return Check(status: .notChecked, line: "not checked: \(message)", diagnostics: lines, usageError: message)
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        let status: CheckStatus = errors > 0 ? .errors : warnings > 0 ? .warnings : .clean
        let line = "checked 1 report as reportsite check does: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
            + (status == .warnings ? " (check --strict would fail)" : "")
        return Check(status: status, line: line, diagnostics: lines)
    }

    /// What makes a written file fail the import although it was written (exit 1): the structure must be given
    /// by hand. Each is one sentence, without the file's name.
    static func structureErrors(_ s: ImportSummary) -> [String] {
        var errors: [String] = []
        if s.paragraphs == 0, s.pages.count > 1 || s.pagesFoundFromHeaders > 1 {
            errors.append("no numbered paragraph found in a report of several pages")
        }
        if !s.paragraphsInFootnotes.isEmpty {
            errors.append("paragraph numbers of the raw text ended inside footnotes (\(s.paragraphsInFootnotes.map(String.init).joined(separator: ", ")))")
        }
        return errors
    }

    // MARK: - One report

    /// One file imported alone.
    public struct One: Sendable {
        /// The content file made, with its warnings and summary; nil when the input could not be read.
        public var imported: ImportResult?
        /// The file's warnings at their raw lines (`path:line: warning: ...`), then the summary.
        public var report: String
        /// Nothing was written, and why (exit 2).
        public var refusal: String?
        /// The file written.
        public var written: URL?
        public var check: Check?
        /// Written, but the structure must be mended by hand (exit 1).
        public var structureErrors: [String] = []

        public var exitCode: Int32 {
            if refusal != nil { return 2 }
            return !structureErrors.isEmpty || check?.status == .errors ? 1 : 0
        }
    }

    /// Reads and converts one raw text, without writing anything (`--stdout`).
    public static func convert(_ path: String, overrides: ImportMetadata) -> One {
        let rawURL = URL(fileURLWithPath: path)
        let text: String
        do {
            text = try readRaw(rawURL)
        } catch {
            let message = (error as? InputError)?.message ?? error.localizedDescription
            return One(imported: nil, report: "", refusal: "error: \(path): \(message)")
        }
        var overrides = overrides
        overrides.source = rawURL.lastPathComponent
        let result = ReportImporter.importText(text, overrides: overrides)
        let report = result.warnings.map { "\(path):\($0.line > 0 ? "\($0.line):" : "") warning: \($0.message)\n" }.joined()
            + result.summaryText + "\n"
        return One(imported: result, report: report)
    }

    /// Imports one raw text into `output` (a folder, where the file is named after its symbol, or a `.md` file)
    /// and checks what it wrote. An existing file is replaced only with `force`.
    public static func importOne(_ path: String, overrides: ImportMetadata, output: String, force: Bool,
                                 cwd: URL, templates: Templates) -> One {
        var one = convert(path, overrides: overrides)
        guard one.refusal == nil, let result = one.imported else { return one }
        let target: URL
        let place = output.hasPrefix("/") ? URL(fileURLWithPath: output) : cwd.appendingPathComponent(output)
        if output.hasSuffix(".md") {
            target = place
        } else if let name = result.fileName {
            target = place.appendingPathComponent(name)
        } else {
            one.refusal = one.report + "error: no document symbol found: give it with --symbol (the file is named after it); nothing written"
            return one
        }
        let shown = target.path
        if FileManager.default.fileExists(atPath: target.path), !force {
            one.refusal = "error: \(shown) exists: --force replaces it; nothing written"
            return one
        }
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(result.content.utf8).write(to: target)
        } catch {
            one.refusal = "error: \(shown) could not be written: \(error.localizedDescription); nothing written"
            return one
        }
        // From here on the file is written: a failed check is exit 1, never 2.
        one.written = target
        one.check = check(target, cwd: cwd, templates: templates)
        one.structureErrors = structureErrors(result.summary)
        return one
    }

    // MARK: - Many reports

    /// One row of the folder import's closing table.
    public struct Row: Sendable, Equatable {
        public var file: String
        public var symbol = "-"
        public var paragraphs = 0
        public var items = 0
        public var footnotes = "-"
        public var warnings = 0
        public var check = "-"
        public var failed = false
        public var written = false
        /// The warnings and messages of this file, printed before the table.
        public var log = ""
    }

    /// What a folder import did: a row per file, in the order given.
    public struct Many: Sendable {
        public var rows: [Row]
        public var written: Int { rows.filter(\.written).count }
        public var failed: Int { rows.filter(\.failed).count }
        /// Written but not checked (no templates found): these have not passed, and the total says so.
        public var notChecked: Int { rows.filter { !$0.failed && $0.check == CheckStatus.notChecked.rawValue }.count }
        public var passed: Int { rows.count - failed - notChecked }

        public var exitCode: Int32 { written == 0 ? 2 : failed > 0 ? 1 : 0 }

        /// The last line: "15 files: 15 written, 13 passed, 2 failed".
        public var totals: String {
            "\(rows.count) file\(rows.count == 1 ? "" : "s"): \(written) written, \(passed) passed, \(failed) failed"
                + (notChecked > 0 ? ", \(notChecked) not checked (no templates: run reportsite check in the project)" : "")
        }

        /// The table: file, symbol, paragraphs, items, footnotes, warnings, check.
        public var table: String {
            let header = ["file", "symbol", "paragraphs", "items", "footnotes", "warnings", "check"]
            let cells = rows.map { [$0.file, $0.symbol, "\($0.paragraphs)", "\($0.items)", $0.footnotes, "\($0.warnings)", $0.check] }
            let widths = header.indices.map { k in ([header[k]] + cells.map { $0[k] }).map(\.count).max() ?? 0 }
            func line(_ r: [String]) -> String {
                r.enumerated().map { k, c in k == r.count - 1 ? c : c.padding(toLength: widths[k], withPad: " ", startingAt: 0) }
                    .joined(separator: "  ") + "\n"
            }
            return line(header) + cells.map(line).joined()
        }
    }

    /// The step of a folder import that `progress` is told of.
    public enum Step: String, Sendable {
        case imported, checked
    }

    /// Imports `files` into `folder`, `jobs` at a time; `progress` is told each file done in each step (how many
    /// so far, and its path), from the worker that did it.
    public static func importMany(_ files: [String], into folder: URL, force: Bool, jobs: Int, cwd: URL,
                                  templates: Templates, progress: @escaping @Sendable (Step, Int, String) -> Void = { _, _, _ in }) -> Many {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let converting = DoneCounter()
        // 1. Read and convert, in parallel: values only.
        let converted: [(row: Row, result: ImportResult?)] = files.parallelMap(jobs: jobs) { file in
            let done = convertForTable(file)
            progress(.imported, converting.next(), file)
            return done
        }
        // 2. Claim each symbol and write, in the order given.
        var claimed: [String: String] = [:]
        var rows: [Row] = []
        var toCheck: [(index: Int, target: URL, summary: ImportSummary)] = []
        for (index, (row, result)) in converted.enumerated() {
            var row = row
            defer { rows.append(row) }
            guard let result else { continue }
            guard let name = result.fileName else {
                row.log += "error: \(files[index]): no document symbol found: import it alone with --symbol\n"
                row.failed = true
                row.check = "no symbol"
                continue
            }
            if let first = claimed[name.lowercased()] {
                row.log += "error: \(files[index]): its symbol \(row.symbol) is that of \(first), imported in this run: not written\n"
                row.failed = true
                row.check = "same symbol"
                continue
            }
            claimed[name.lowercased()] = files[index]
            let target = folder.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: target.path), !force {
                row.log += "error: \(files[index]): \(target.path) exists: --force replaces it\n"
                row.failed = true
                row.check = "exists"
                continue
            }
            do {
                try Data(result.content.utf8).write(to: target)
            } catch {
                row.log += "error: \(files[index]): \(target.path) could not be written: \(error.localizedDescription)\n"
                row.failed = true
                row.check = "not written"
                continue
            }
            row.written = true
            toCheck.append((index, target, result.summary))
        }
        // 3. Check what was written, in parallel.
        let checking = DoneCounter()
        let checks = toCheck.map(\.target).parallelMap(jobs: jobs) { target in
            let done = check(target, cwd: cwd, templates: templates)
            progress(.checked, checking.next(), target.path)
            return done
        }
        for ((index, _, summary), check) in zip(toCheck, checks) {
            var row = rows[index]
            row.log += check.diagnostics.map { $0 + "\n" }.joined() + (check.usageError.map { $0 + "\n" } ?? "")
            row.check = check.status.rawValue
            for error in structureErrors(summary) {
                row.log += "error: \(files[index]): \(error)\n"
                row.check = error.hasPrefix("no numbered") ? "no paragraphs" : "paragraphs in notes"
                row.failed = true
            }
            if check.status == .errors { row.failed = true }
            rows[index] = row
        }
        return Many(rows: rows)
    }

    static func convertForTable(_ file: String) -> (Row, ImportResult?) {
        var row = Row(file: (file as NSString).lastPathComponent)
        let text: String
        do {
            text = try readRaw(URL(fileURLWithPath: file))
        } catch {
            let message = (error as? InputError)?.message ?? error.localizedDescription
            row.log = "error: \(file): \(message)\n"
            row.failed = true
            row.check = "not read"
            return (row, nil)
        }
        let result = ReportImporter.importText(text, overrides: ImportMetadata(source: row.file))
        let s = result.summary
        row.symbol = result.metadata.symbol ?? "-"
        row.paragraphs = s.paragraphs
        row.items = s.decimalItems
        row.footnotes = "\(s.footnotesMatched.count)" + (s.footnotesWithoutText.isEmpty ? "" : "+\(s.footnotesWithoutText.count)?")
        row.warnings = result.warnings.count
        row.log = result.warnings.map { "\(file):\($0.line > 0 ? "\($0.line):" : "") warning: \($0.message)\n" }.joined()
        return (row, result)
    }
}

/// How many files the workers have converted: the progress line's count, nothing more.
private final class DoneCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    func next() -> Int {
        lock.lock(); defer { lock.unlock() }
        done += 1
        return done
    }
}

/// The folders a command finds by itself.
public enum ProjectFolders {
    /// `Templates` in the working directory, else the `Templates` folder beside the content folder
    /// (so that `reportsite build --content ~/site/content`, run from elsewhere, finds the site's look).
    public static func templates(cwd: URL, content: URL) -> URL? {
        let candidates = [cwd.appendingPathComponent("Templates"),
                          content.standardizedFileURL.deletingLastPathComponent().appendingPathComponent("Templates")]
        return candidates.first { url in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }
}
