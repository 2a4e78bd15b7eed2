import ArgumentParser
import Dispatch
import Foundation
import ReportSiteImport
import ReportSiteKit

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn reports' PDFs, or text extracted from them, into content files.",
        discussion: """
        Workflow:
          1. Import: reportsite import report.pdf   (or report.txt, its text)
             writes content/reports/SYMBOL.md, then prints a warning for each
             thing it guessed or could not find, with the line of the raw text
             (a block joined across a page break, a footnote without its text,
             a missing title ...), and a summary: paragraphs (first, last,
             gaps), recommendation items, headings, footnotes matched and
             unmatched.
          2. Review the warnings and the file. Correct what it got wrong; give
             with flags what the raw text does not say (--title, --date, ...).
             Nothing is invented: what is not found is left out and warned.
          3. It checks the file as `reportsite check` does and prints those
             diagnostics. After editing: reportsite check --strict, then
             reportsite build.
        Many at once: reportsite import FOLDER (every .pdf and .txt in it), or
        several files. They are imported in parallel, a bad file does not stop
        the others, and a table ends the run: file, symbol, paragraphs, items,
        footnotes, warnings, check result. The warnings of each file are
        printed before the table, as path:line: warning: ...
        A PDF is read with poppler's pdftotext (Debian package poppler-utils).
        The check uses --templates, else the project's Templates (as check
        does), else those of the ReportSite checkout; with none, it is skipped
        and said so ("not checked" on the file's row and in the total).
        Exit status: 0 written and checked without errors, or written and not
        checked for want of templates; 1 written, but the check found errors,
        a report of several pages has no numbered paragraph (a one-page
        document without them, a decision, is written `paragraphs: none` with
        a warning, exit 0), paragraph numbers of the raw text ended inside
        footnotes, or (with several files) some file failed; 2 wrong usage or
        nothing written (unreadable input).
        """)

    @Argument(help: ArgumentHelp("The raw text (.txt) or the PDF (.pdf) of a report; several, or a folder of them.", valueName: "raw"))
    var raw: [String]

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("A folder (each file is named after its symbol), or a .md file for one report.", valueName: "path"))
    var output = "content/reports"

    @Option(help: "Document symbol, e.g. A/58/275.") var symbol: String?
    @Option(help: "Title as printed.") var title: String?
    @Option(help: "Subtitle, e.g. \"Note by the Secretary-General\".") var subtitle: String?
    @Option(help: "Issue date, YYYY-MM-DD.") var date: String?
    @Option(help: "Issuing body, e.g. \"General Assembly\".") var body: String?
    @Option(help: "Session, e.g. \"Fifty-eighth session\".") var session: String?
    @Option(name: .customLong("agenda-item"), help: "Agenda item, e.g. \"119 (b)\".") var agendaItem: String?
    @Option(help: "Mandate holder.") var author: String?
    @Option(help: "Mandate.") var mandate: String?
    @Option(help: "Status, e.g. \"advance unedited version\".") var status: String?
    @Option(help: "What part of the report the file holds (an excerpt).") var excerpt: String?
    @Option(help: "The State the report is about, e.g. Slovenia.") var country: String?
    @Option(help: "special-procedures, treaty-body, upr or other.") var mechanism: String?
    @Flag(help: "Print the content file on standard output instead of writing it (no check; one report only).") var stdout = false
    @Flag(help: "Replace an existing content file.") var force = false
    @Option(help: ArgumentHelp("The templates folder the check uses (as for reportsite check).", valueName: "folder")) var templates: String?
    @Option(help: ArgumentHelp("How many files to import at once (default: the number of processors).", valueName: "n")) var jobs: Int?

    /// The flags that set one report's front matter.
    var overrides: ImportMetadata {
        ImportMetadata(symbol: symbol, title: title, subtitle: subtitle, date: date, body: body, session: session,
                       agendaItem: agendaItem, author: author, mandate: mandate, status: status, excerpt: excerpt,
                       country: country, mechanism: mechanism)
    }

    func validate() throws {
        if let mechanism, !["special-procedures", "treaty-body", "upr", "other"].contains(mechanism) {
            throw ValidationError("--mechanism must be one of special-procedures, treaty-body, upr, other")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        let single = raw.count == 1 && fm.fileExists(atPath: raw[0], isDirectory: &isDirectory) && !isDirectory.boolValue
        if single || (raw.count == 1 && !fm.fileExists(atPath: raw[0])) {
            try importOne(raw[0])
            return
        }
        let oneReportFlags = overrides != ImportMetadata() || stdout || output.hasSuffix(".md")
        if oneReportFlags {
            FileHandle.standardError.write(Data("error: --symbol, --title and the other front-matter flags, --stdout and a .md output are for one report; import several without them\n".utf8))
            throw ExitCode(2)
        }
        try importMany()
    }

    // MARK: - One report

    func importOne(_ path: String) throws {
        let rawURL = URL(fileURLWithPath: path)
        let text: String
        do {
            text = try Self.readRaw(rawURL)
        } catch {
            let message = (error as? ImportInputError)?.message ?? error.localizedDescription
            FileHandle.standardError.write(Data("error: \(path): \(message)\n".utf8))
            throw ExitCode(2)
        }
        var overrides = self.overrides
        overrides.source = rawURL.lastPathComponent
        let result = ReportImporter.importText(text, overrides: overrides)
        let report = result.warnings.map { "\(path):\($0.line > 0 ? "\($0.line):" : "") warning: \($0.message)\n" }.joined()
            + result.summaryText + "\n"
        if stdout {
            FileHandle.standardError.write(Data(report.utf8))
            FileHandle.standardOutput.write(Data(result.content.utf8))
            return
        }
        let target: URL
        if output.hasSuffix(".md") {
            target = URL(fileURLWithPath: output)
        } else if let name = result.fileName {
            target = URL(fileURLWithPath: output).appendingPathComponent(name)
        } else {
            FileHandle.standardError.write(Data((report + "error: no document symbol found: give it with --symbol (the file is named after it); nothing written\n").utf8))
            throw ExitCode(2)
        }
        if fm.fileExists(atPath: target.path), !force {
            FileHandle.standardError.write(Data("error: \(target.path) exists: --force replaces it; nothing written\n".utf8))
            throw ExitCode(2)
        }
        do {
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(result.content.utf8).write(to: target)
        } catch {
            FileHandle.standardError.write(Data("error: \(target.path) could not be written: \(error.localizedDescription); nothing written\n".utf8))
            throw ExitCode(2)
        }
        FileHandle.standardOutput.write(Data((report + "wrote \(target.path)\n").utf8))
        // From here on the file is written: a failed check is exit 1, never 2.
        let check = Self.check(target, templates: templates, quiet: false)
        FileHandle.standardOutput.write(Data(check.line.utf8))
        if result.summary.paragraphs == 0, (result.summary.pages.count > 1 || result.summary.pagesFoundFromHeaders > 1) {
            FileHandle.standardError.write(Data("error: \(path): no numbered paragraph found in a report of several pages; the file was written, but the structure must be given by hand (see the warning above)\n".utf8))
            throw ExitCode(1)
        }
        if !result.summary.paragraphsInFootnotes.isEmpty {
            FileHandle.standardError.write(Data("error: \(path): paragraph numbers of the raw text ended inside footnotes (\(result.summary.paragraphsInFootnotes.map(String.init).joined(separator: ", "))); the file was written, but those paragraphs must be cut out of the footnotes by hand (see the warnings above)\n".utf8))
            throw ExitCode(1)
        }
        if check.status == .errors { throw ExitCode(1) }
    }

    private var fm: FileManager { FileManager.default }

    // MARK: - Many reports

    /// One row of the final table.
    struct Row: Sendable {
        var file: String
        var symbol = "-"
        var paragraphs = 0
        var items = 0
        var footnotes = "-"
        var warnings = 0
        var check = "-"
        var failed = false
        var written = false
        /// The warnings and messages of this file, printed before the table.
        var log = ""
    }

    /// The rows, filled from several threads.
    final class Rows: @unchecked Sendable {
        private let lock = NSLock()
        private var rows: [Int: Row] = [:]
        private(set) var done = 0
        func set(_ index: Int, _ row: Row) -> Int {
            lock.lock(); defer { lock.unlock() }
            rows[index] = row
            done += 1
            return done
        }
        func all(_ count: Int) -> [Row] {
            lock.lock(); defer { lock.unlock() }
            return (0..<count).compactMap { rows[$0] }
        }
    }

    func importMany() throws {
        var files: [String] = []
        for item in raw {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: item, isDirectory: &isDirectory) else {
                FileHandle.standardError.write(Data("error: \(item): there is no such file or folder\n".utf8))
                throw ExitCode(2)
            }
            if isDirectory.boolValue {
                let names = (try? fm.contentsOfDirectory(atPath: item)) ?? []
                let found = names.filter { ["pdf", "txt"].contains(($0 as NSString).pathExtension.lowercased()) && !$0.hasPrefix(".") }.sorted()
                if found.isEmpty { FileHandle.standardError.write(Data("warning: \(item): no .pdf or .txt file in this folder\n".utf8)) }
                files += found.map { (item as NSString).appendingPathComponent($0) }
            } else {
                files.append(item)
            }
        }
        guard !files.isEmpty else {
            FileHandle.standardError.write(Data("error: nothing to import\n".utf8))
            throw ExitCode(2)
        }
        let outputFolder = URL(fileURLWithPath: output)
        try? fm.createDirectory(at: outputFolder, withIntermediateDirectories: true)
        let rows = Rows()
        let total = files.count
        let terminal = isatty(2) == 1
        let templates = self.templates
        let force = self.force
        let workers = min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, total)
        let queue = DispatchQueue(label: "import", attributes: .concurrent)
        let group = DispatchGroup()
        let slots = DispatchSemaphore(value: workers)
        // Symbols claimed by a file of this run: two files of one symbol must not overwrite each other.
        let claims = SymbolClaims()
        for (index, file) in files.enumerated() {
            slots.wait()
            queue.async(group: group) {
                let row = Self.importForTable(file, into: outputFolder, force: force, templates: templates, claims: claims)
                let done = rows.set(index, row)
                if terminal {
                    FileHandle.standardError.write(Data("\r\u{1B}[Kimported \(done)/\(total): \((file as NSString).lastPathComponent)".utf8))
                }
                slots.signal()
            }
        }
        group.wait()
        if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        let all = rows.all(total)
        for row in all where !row.log.isEmpty { FileHandle.standardError.write(Data(row.log.utf8)) }
        FileHandle.standardOutput.write(Data(Self.table(all).utf8))
        let failed = all.filter(\.failed).count
        let written = all.filter(\.written).count
        // A file written but not checked (no templates found) has not passed: the total says so.
        let notChecked = all.filter { !$0.failed && $0.check == CheckStatus.notChecked.rawValue }.count
        FileHandle.standardOutput.write(Data(("\(total) file\(total == 1 ? "" : "s"): \(written) written, \(total - failed - notChecked) passed, \(failed) failed"
            + (notChecked > 0 ? ", \(notChecked) not checked (no templates: run reportsite check in the project)" : "") + "\n").utf8))
        if written == 0 { throw ExitCode(2) }
        if failed > 0 { throw ExitCode(1) }
    }

    final class SymbolClaims: @unchecked Sendable {
        private let lock = NSLock()
        private var claimed: [String: String] = [:]
        /// nil when `file` may write `name`; else the file that wrote it first.
        func claim(_ name: String, by file: String) -> String? {
            lock.lock(); defer { lock.unlock() }
            if let first = claimed[name.lowercased()] { return first }
            claimed[name.lowercased()] = file
            return nil
        }
    }

    static func importForTable(_ file: String, into folder: URL, force: Bool, templates: String?, claims: SymbolClaims) -> Row {
        var row = Row(file: (file as NSString).lastPathComponent)
        let text: String
        do {
            text = try readRaw(URL(fileURLWithPath: file))
        } catch {
            let message = (error as? ImportInputError)?.message ?? error.localizedDescription
            row.log = "error: \(file): \(message)\n"
            row.failed = true
            row.check = "not read"
            return row
        }
        let result = ReportImporter.importText(text, overrides: ImportMetadata(source: row.file))
        let s = result.summary
        row.symbol = result.metadata.symbol ?? "-"
        row.paragraphs = s.paragraphs
        row.items = s.decimalItems
        row.footnotes = "\(s.footnotesMatched.count)" + (s.footnotesWithoutText.isEmpty ? "" : "+\(s.footnotesWithoutText.count)?")
        row.warnings = result.warnings.count
        row.log = result.warnings.map { "\(file):\($0.line > 0 ? "\($0.line):" : "") warning: \($0.message)\n" }.joined()
        guard let name = result.fileName else {
            row.log += "error: \(file): no document symbol found: import it alone with --symbol\n"
            row.failed = true
            row.check = "no symbol"
            return row
        }
        if let first = claims.claim(name, by: file) {
            row.log += "error: \(file): its symbol \(row.symbol) is that of \(first), imported in this run: not written\n"
            row.failed = true
            row.check = "same symbol"
            return row
        }
        let target = folder.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: target.path), !force {
            row.log += "error: \(file): \(target.path) exists: --force replaces it\n"
            row.failed = true
            row.check = "exists"
            return row
        }
        do {
            try Data(result.content.utf8).write(to: target)
        } catch {
            row.log += "error: \(file): \(target.path) could not be written: \(error.localizedDescription)\n"
            row.failed = true
            row.check = "not written"
            return row
        }
        row.written = true
        let check = Self.check(target, templates: templates, quiet: true)
        row.log += check.log
        row.check = check.status.rawValue
        if s.paragraphs == 0, s.pages.count > 1 || s.pagesFoundFromHeaders > 1 {
            row.log += "error: \(file): no numbered paragraph found in a report of several pages\n"
            row.check = "no paragraphs"
            row.failed = true
        }
        if !s.paragraphsInFootnotes.isEmpty {
            row.log += "error: \(file): paragraph numbers of the raw text ended inside footnotes (\(s.paragraphsInFootnotes.map(String.init).joined(separator: ", ")))\n"
            row.check = "paragraphs in notes"
            row.failed = true
        }
        if check.status == .errors { row.failed = true }
        return row
    }

    static func table(_ rows: [Row]) -> String {
        let header = ["file", "symbol", "paragraphs", "items", "footnotes", "warnings", "check"]
        let cells = rows.map { [$0.file, $0.symbol, "\($0.paragraphs)", "\($0.items)", $0.footnotes, "\($0.warnings)", $0.check] }
        let widths = header.indices.map { k in ([header[k]] + cells.map { $0[k] }).map(\.count).max() ?? 0 }
        func line(_ r: [String]) -> String {
            r.enumerated().map { k, c in k == r.count - 1 ? c : c.padding(toLength: widths[k], withPad: " ", startingAt: 0) }
                .joined(separator: "  ") + "\n"
        }
        return line(header) + cells.map(line).joined()
    }

    // MARK: - Reading and checking

    struct ImportInputError: Error {
        let message: String
    }

    /// The raw text of a .txt file, or of a PDF through pdftotext.
    static func readRaw(_ url: URL) throws -> String {
        var isDirectory: ObjCBool = false
        // Said before pdftotext runs, which would blame a missing poppler-utils.
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw ImportInputError(message: "there is no such file; give the path of the report's raw text (.txt) or PDF")
        }
        guard !isDirectory.boolValue else {
            throw ImportInputError(message: "this is a folder; give the path of one report's raw text (.txt) or PDF")
        }
        if url.pathExtension.lowercased() == "pdf" { return try pdfText(url) }
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw ImportInputError(message: "the file is not UTF-8 text; give the report's raw text (.txt) or PDF")
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
            throw ImportInputError(message: "pdftotext could not be run (install poppler-utils): \(error.localizedDescription)")
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ImportInputError(message: "pdftotext failed on \(url.path) (exit \(process.terminationStatus)); is poppler-utils installed?")
        }
        return String(decoding: data, as: UTF8.self)
    }

    enum CheckStatus: String, Sendable {
        case clean = "ok"
        case warnings = "warnings"
        case errors = "errors"
        case notChecked = "not checked"
    }

    /// Checks a written file as `reportsite check --strict` would see it: in the content folder it is in
    /// (`.../content/reports/X.md`), else in a folder of its own; `status` is `warnings` when only --strict
    /// would fail. `line` is the summary to print, `log` the diagnostics (printed at once unless `quiet`).
    static func check(_ target: URL, templates: String?, quiet: Bool) -> (status: CheckStatus, line: String, log: String) {
        let fm = FileManager.default
        let cwd = URL(fileURLWithPath: fm.currentDirectoryPath)
        let folder = target.deletingLastPathComponent()
        var content = folder.deletingLastPathComponent()
        let own = folder.lastPathComponent != "reports"
        if own {
            content = fm.temporaryDirectory.appendingPathComponent("reportsite-import-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
            do {
                try fm.createDirectory(at: content.appendingPathComponent("reports"), withIntermediateDirectories: true)
                try fm.copyItem(at: target, to: content.appendingPathComponent("reports").appendingPathComponent(target.lastPathComponent))
            } catch {
                return (.notChecked, "not checked: a folder for the check could not be made (\(error.localizedDescription))\n", "")
            }
        }
        defer { if own { try? fm.removeItem(at: content) } }
        let templatesURL: URL
        if let templates {
            templatesURL = URL(fileURLWithPath: templates, relativeTo: cwd)
        } else if let found = BuildOptions.defaultTemplates(cwd: cwd, content: content) ?? Init.repository().map({ $0.appendingPathComponent("Templates") }) {
            templatesURL = found
        } else {
            return (.notChecked, "not checked: no templates folder here, beside the content or in a ReportSite checkout; run reportsite check in the project\n", "")
        }
        var options = SiteBuilder.Options(content: content, output: content.deletingLastPathComponent().appendingPathComponent("site"),
                                          templates: templatesURL, strict: false, displayBase: cwd, write: false)
        options.cache = false
        var builder = SiteBuilder(options: options)
        let outcome = builder.build()
        // Only the imported file's own diagnostics (a project's other reports are not this import's business).
        let name = target.lastPathComponent
        let diagnostics = builder.diagnostics.diagnostics.filter { own || $0.file.hasSuffix("/" + name) || $0.file == name }
        let log = diagnostics.filter { $0.severity != .note }.map { ($0.formatted.replacingOccurrences(of: content.path + "/reports/", with: "") + "\n") }.joined()
        if !quiet { FileHandle.standardError.write(Data(log.utf8)) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        if case .usageError(let message) = outcome {
            return (.notChecked, "not checked: \(message)\n", quiet ? message + "\n" : "")
        }
        let status: CheckStatus = errors > 0 ? .errors : warnings > 0 ? .warnings : .clean
        let line = "checked 1 report as reportsite check does: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
            + (status == .warnings ? " (check --strict would fail)" : "") + "\n"
        return (status, line, quiet ? log : "")
    }
}
