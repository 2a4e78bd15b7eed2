import ArgumentParser
import Foundation
import ReportSiteKit

@main
struct ReportSite: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reportsite",
        abstract: "Build a browsable, cross-linked website from United Nations human-rights reports.",
        discussion: """
        Reads one Markdown file a report from CONTENT/reports/ and writes one HTML page a report, \
        with an anchor on every numbered paragraph, footnotes with back-links, a table of contents and \
        links for every citation of another document; then an index of all recommendations by addressee \
        (pages, JSON and CSV). The format of content/ is described in docs/CONTENT-FORMAT.md.

        Examples:
          reportsite build                       content/ -> site/
          reportsite build --strict              for CI: every warning but RS603 is an error
          reportsite check --format json         diagnostics as data, nothing written
          reportsite import report.pdf           a report's PDF -> content/reports/
          reportsite serve                       preview, rebuilt on each change
          reportsite new A/79/123                a report's skeleton, to fill in
          reportsite init my-site                start a new site in my-site/
        """,
        version: ReportSiteVersion.current,
        subcommands: [Build.self, Check.self, Import.self, Serve.self, New.self, Init.self],
        defaultSubcommand: Build.self)

    /// As ArgumentParser's, but wrong usage exits 2 (as the README and the contract say), not 64, and every
    /// message has the form of the others, `error: ...` (never ArgumentParser's `Error: ...`).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            // --help, --version and an exit status the command chose (it said why) go as ArgumentParser sends them.
            if code == .success || error is ExitCode { exit(withError: error) }
            guard code == .validationFailure else {
                // A file error a command let through: its cause in words (not "NSCocoaErrorDomain error 512").
                let ns = error as NSError
                let text = ns.domain == NSCocoaErrorDomain || ns.domain == NSPOSIXErrorDomain
                    ? "error: " + describeFileError(error) : lowercaseErrorPrefix(fullMessage(for: error))
                FileHandle.standardError.write(Data((text + "\n").utf8))
                Foundation.exit(code.rawValue)
            }
            var message = lowercaseErrorPrefix(fullMessage(for: error)) + "\n"
            let arguments = Array(CommandLine.arguments.dropFirst())
            if let typo = arguments.first, let meant = suggestion(for: typo) {
                message = "error: unknown command '\(typo)'\n  note: did you mean 'reportsite \(meant)'? (reportsite --help lists the commands)\n"
            } else if let unknown = unknownOption(in: message) {
                // ArgumentParser suggests the options of the command only; --version and --help are everyone's.
                let command = arguments.first.flatMap { first in configuration.subcommands.first { $0._commandName == first } }
                let known = longOptions(helpMessage(for: command ?? Build.self)) + ["--version", "--help"]
                var lines = message.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                if let said = lines[0].range(of: ". Did you mean") { lines[0] = String(lines[0][..<said.lowerBound]) }
                if let meant = closest(unknown, among: known) {
                    message = lines[0] + "\n  note: did you mean '\(meant)'?\n" + (lines.count > 1 ? lines[1] : "")
                }
            }
            FileHandle.standardError.write(Data(message.utf8))
            Foundation.exit(2)
        }
    }
}

/// ArgumentParser's `Error: Unknown option '--x'` as the other messages are written: `error: unknown option '--x'`.
func lowercaseErrorPrefix(_ message: String) -> String {
    guard message.hasPrefix("Error: ") else { return message }
    var rest = message.dropFirst("Error: ".count)
    // "Unknown option" -> "unknown option"; a word in capitals (a name, "URL") is left as it is.
    if let first = rest.first, first.isUppercase, let second = rest.dropFirst().first, second.isLowercase {
        rest = Substring(first.lowercased()) + rest.dropFirst()
    }
    return "error: " + rest
}

/// The option an `unknown option '--x'` message names.
func unknownOption(in message: String) -> String? {
    guard let start = message.range(of: "nknown option '") else { return nil }
    let rest = message[start.upperBound...]
    return rest.firstIndex(of: "'").map { String(rest[..<$0]) }
}

/// Every `--long-option` a help text names.
func longOptions(_ help: String) -> [String] {
    var found: [String] = []
    var current = ""
    for c in help + " " {
        if c.isLetter || c.isNumber || c == "-" {
            current.append(c)
        } else {
            if current.hasPrefix("--"), current.count > 2, !found.contains(current) { found.append(current) }
            current = ""
        }
    }
    return found
}

/// The command a mistyped first word most likely meant (`biuld` -> `build`): one whose name is at most two edits
/// away. Nil for an option, a real command, or a word close to none (it may be a value, such as a folder).
func suggestion(for word: String) -> String? {
    let names = ReportSite.configuration.subcommands.map { $0._commandName }
    guard !word.hasPrefix("-"), !names.contains(word), word.count >= 3 else { return nil }
    return closest(word, among: names)
}

/// The name at most two edits away from `word` (a swap of two neighbours is one edit), the closest first.
func closest(_ word: String, among names: [String]) -> String? {
    func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1),
                                   // a swap of two neighbours counts as one edit (biuld, chekc)
                                   i > 0 && j > 0 && x == b[j - 1] && a[i - 1] == y ? previous[j - 1] + 1 : Int.max))
            }
            previous = current
        }
        return previous[b.count]
    }
    return names.map { ($0, distance(Array(word.lowercased()), Array($0))) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
}

struct BuildOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The content folder: site.yml, the vocabularies (addressees.yml, recommending-verbs.yml, states.yml), reports/ (every *.md, in subfolders too) and static/.", valueName: "folder"))
    var content = "content"

    @Option(name: .long, help: ArgumentHelp("The site's templates, CSS and other assets (default: Templates in the working directory, else the Templates folder next to the content folder).", valueName: "folder"))
    var templates: String?

    @Flag(name: .long, help: "Treat warnings as errors (use this in CI). One stays a warning: RS603, a cited paragraph missing only because the cited file is an excerpt. Notes (RS701, a recommendation with no addressee; RS706, addressees that addressees.yml lacks; RS601, a paragraph number in a note that this report lacks) are never errors.")
    var strict = false

    @Flag(name: .long, help: "Print the time each stage of the build took, and how many report pages were reused.")
    var timings = false

    @Flag(name: .long, help: ArgumentHelp("Do not read the caches of the previous build (.reportsite-cache/ beside the output folder): analyse and render everything. The caches are still written, so the next build is incremental again."))
    var noCache = false

    @Flag(name: .long, help: ArgumentHelp("When another build into the same output folder is running, exit (status 2) instead of waiting for it to finish."))
    var noWait = false

    @Flag(name: .long, help: ArgumentHelp("No progress line and no summary of notes; errors, warnings and the last line are still printed."))
    var quiet = false

    @Flag(name: .long, help: ArgumentHelp("Print every note (such as RS701, a recommendation with no addressee), not one summary line a code."))
    var verbose = false

    @Option(name: .long, help: ArgumentHelp("How to print diagnostics: text (path:line:column: severity: message) or json (an array, for editors and CI annotations, on standard output).", valueName: "text|json"))
    var format: DiagnosticFormat = .text

    @Option(name: .long, help: ArgumentHelp("The anchors.txt of the site published before: fail if any of its pages or anchors is missing from the new site.", valueName: "file"))
    var previousAnchors: String?
}

extension BuildOptions {
    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
    }
}

enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// What one build said: its exit status, whether the output was already up to date, and its errors as printed
/// (for `reportsite serve`'s banner).
struct BuildReport {
    var code: Int32
    var upToDate: Bool
    var errors: [String]
}

extension BuildOptions {
    func run(output: String, write: Bool) -> Int32 {
        build(output: output, write: write).code
    }

    var contentURL: URL {
        URL(fileURLWithPath: content, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }

    /// The templates folder: `--templates`, else the project's (`ProjectFolders.templates`); the message to print when
    /// there is none.
    func templatesURL() -> Result<URL, TemplatesMissing> {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        if let templates {
            return .success(URL(fileURLWithPath: templates, relativeTo: cwd))
        } else if let found = ProjectFolders.templates(cwd: cwd, content: contentURL) {
            return .success(found)
        } else if !FileManager.default.fileExists(atPath: contentURL.path) {
            // The missing content folder is the first thing to say (the build does).
            return .success(cwd.appendingPathComponent("Templates"))
        } else {
            let here = cwd.appendingPathComponent("Templates").path
            let beside = contentURL.standardizedFileURL.deletingLastPathComponent().appendingPathComponent("Templates").path
            return .failure(TemplatesMissing(message: "error: no templates folder: neither \(here) nor \(beside) exists\n"
                + "  note: run reportsite in the project folder, or name the templates with --templates\n"))
        }
    }

    struct TemplatesMissing: Error {
        var message: String
    }

    /// `announce`: called once the build knows how many reports it has (serve's first build says so).
    func build(output: String, write: Bool, announce: (@Sendable (Int) -> Void)? = nil,
               siteInPlace: (@Sendable () -> Void)? = nil, analysisMemory: AnalysisMemory? = nil) -> BuildReport {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let contentURL = self.contentURL
        let templatesURL: URL
        switch self.templatesURL() {
        case .success(let url):
            templatesURL = url
        case .failure(let missing):
            FileHandle.standardError.write(Data(missing.message.utf8))
            return BuildReport(code: 2, upToDate: false, errors: missing.message.split(separator: "\n").map(String.init))
        }
        var options = SiteBuilder.Options(
            content: contentURL,
            output: URL(fileURLWithPath: output, relativeTo: cwd),
            templates: templatesURL,
            strict: strict, displayBase: cwd, write: write)
        options.previousAnchors = previousAnchors.map { URL(fileURLWithPath: $0, relativeTo: cwd) }
        options.cache = !noCache
        options.siteInPlace = siteInPlace
        options.analysisMemory = analysisMemory
        // As the user wrote it, without a trailing slash (`site/` is shown `site/`, not `site//`).
        var output = output
        while output.count > 1, output.hasSuffix("/") { output.removeLast() }
        let shownOutput = output
        options.waiting = noWait ? .fail : .wait(announce: { pid in
            FileHandle.standardError.write(Data("note: another build into \(shownOutput)/ is running\(pid.map { " (pid \($0))" } ?? ""); waiting for it to finish (--no-wait exits instead)\n".utf8))
        })
        let progress = BuildProgress(reportsFound: announce ?? { _ in })
        options.progress = progress
        let line = ProgressLine.start(progress, output: output, enabled: !quiet && isatty(STDERR_FILENO) == 1)
        let result = BuildSession.run(options)
        line?.stop()
        let text = BuildReportText(output: output, verbose: verbose, quiet: quiet)
        if timings { FileHandle.standardError.write(Data(text.timings(result).utf8)) }
        switch format {
        case .text: FileHandle.standardError.write(Data(text.diagnostics(result).utf8))
        case .json: FileHandle.standardOutput.write(BuildReportJSON.encode(result))
        }
        // With --format json, standard output holds only the JSON.
        let summary = text.summary(result)
        (summary.onStandardOutput && format == .text ? FileHandle.standardOutput : FileHandle.standardError).write(Data(summary.text.utf8))
        return BuildReport(code: result.exitCode, upToDate: result.upToDate, errors: result.errorLines)
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site (the default command).",
        discussion: """
        The site is written to a temporary folder next to the output and replaces it only when the \
        whole build succeeded: on any error the previous site is left exactly as it was.
        When nothing changed since the last build, it says the site is up to date and writes nothing; otherwise pages \
        whose inputs did not change are reused (--no-cache renders them all).
        The files of CONTENT/static/ (CNAME, favicon.ico, PDFs) are copied into the site as they are. A file in the \
        output folder that no build wrote stops the build (nothing is deleted): move it into CONTENT/static/. \
        One build at a time writes into a folder: a second one waits for the first (--no-wait: exits 2).
        Exit status: 0 built, 1 the content has errors (or warnings with --strict), 2 wrong usage, unreadable input, \
        or an output folder the build refuses to replace.
        """)

    @OptionGroup var options: BuildOptions

    @Option(name: .long, help: ArgumentHelp("Where to write the site; replaced whole on success. It must be new, empty, or a site ReportSite built holding only the files it wrote: the content, the templates, the working directory, a repository or a folder of other files is refused.", valueName: "folder"))
    var output = "site"

    func run() throws {
        let code = options.run(output: output, write: true)
        if code != 0 { throw ExitCode(code) }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run every check of a build and print the diagnostics, without writing anything.")

    @OptionGroup var options: BuildOptions

    func run() throws {
        let code = options.run(output: "site", write: false)
        if code != 0 { throw ExitCode(code) }
    }
}

