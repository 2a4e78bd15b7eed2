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

    var importTemplates: ImportSession.Templates {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        return ImportSession.Templates(given: templates.map { URL(fileURLWithPath: $0, relativeTo: cwd) },
                                       checkout: Init.repository().map { $0.appendingPathComponent("Templates") })
    }

    func importOne(_ path: String) throws {
        if stdout {
            let one = ImportSession.convert(path, overrides: overrides)
            if let refusal = one.refusal { fail(refusal) }
            FileHandle.standardError.write(Data(one.report.utf8))
            FileHandle.standardOutput.write(Data((one.imported?.content ?? "").utf8))
            return
        }
        let one = ImportSession.importOne(path, overrides: overrides, output: output, force: force,
                                          cwd: URL(fileURLWithPath: FileManager.default.currentDirectoryPath), templates: importTemplates)
        if let refusal = one.refusal { fail(refusal) }
        guard let written = one.written, let check = one.check else { return }
        FileHandle.standardOutput.write(Data((one.report + "wrote \(written.path)\n").utf8))
        FileHandle.standardError.write(Data((check.diagnostics.map { $0 + "\n" }.joined()).utf8))
        FileHandle.standardOutput.write(Data((check.line + "\n").utf8))
        for error in one.structureErrors {
            let hint = error.hasPrefix("no numbered")
                ? "the file was written, but the structure must be given by hand (see the warning above)"
                : "the file was written, but those paragraphs must be cut out of the footnotes by hand (see the warnings above)"
            FileHandle.standardError.write(Data("error: \(path): \(error); \(hint)\n".utf8))
        }
        if one.exitCode != 0 { throw ExitCode(one.exitCode) }
    }

    // MARK: - Many reports

    func importMany() throws {
        let files: [String]
        do {
            let found = try ImportSession.inputs(raw)
            for warning in found.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
            files = found.files
            if files.isEmpty { fail("error: nothing to import") }
        } catch {
            fail("error: \((error as? ImportSession.InputError)?.message ?? error.localizedDescription)")
        }
        let total = files.count
        let terminal = isatty(2) == 1
        let many = ImportSession.importMany(
            files, into: URL(fileURLWithPath: output), force: force,
            jobs: min(jobs ?? ProcessInfo.processInfo.activeProcessorCount, total),
            cwd: URL(fileURLWithPath: FileManager.default.currentDirectoryPath), templates: importTemplates,
            progress: { step, done, file in
                guard terminal else { return }
                FileHandle.standardError.write(Data("\r\u{1B}[K\(step.rawValue) \(done)/\(total): \((file as NSString).lastPathComponent)".utf8))
            })
        if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        for row in many.rows where !row.log.isEmpty { FileHandle.standardError.write(Data(row.log.utf8)) }
        FileHandle.standardOutput.write(Data((many.table + many.totals + "\n").utf8))
        if many.exitCode != 0 { throw ExitCode(many.exitCode) }
    }
}
