import ArgumentParser
import Foundation
import ReportSiteKit

@main
struct ReportSite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reportsite",
        abstract: "Build a browsable, cross-linked website from United Nations human-rights reports.",
        discussion: """
        Reads one Markdown file a report from CONTENT/reports/ and writes one HTML page a report, \
        with an anchor on every numbered paragraph, footnotes with back-links and a table of contents, \
        to the output folder. The format of content/ is described in docs/CONTENT-FORMAT.md.
        """,
        subcommands: [Build.self, Check.self],
        defaultSubcommand: Build.self)
}

struct BuildOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The content folder: site.yml, addressees.yml and reports/*.md.", valueName: "folder"))
    var content = "content"

    @Option(name: .long, help: ArgumentHelp("The site's templates, CSS and other assets.", valueName: "folder"))
    var templates = "Templates"

    @Flag(name: .long, help: "Treat every warning as an error (use this in CI).")
    var strict = false

    @Flag(name: .long, help: "Print the time each stage of the build took.")
    var timings = false
}

extension BuildOptions {
    func run(output: String, write: Bool) -> Int32 {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var builder = SiteBuilder(options: .init(
            content: URL(fileURLWithPath: content, relativeTo: cwd),
            output: URL(fileURLWithPath: output, relativeTo: cwd),
            templates: URL(fileURLWithPath: templates, relativeTo: cwd),
            strict: strict, displayBase: cwd, write: write))
        let outcome = builder.build()
        if timings {
            for (stage, seconds) in builder.timings {
                let line = "timing: " + stage.padding(toLength: 18, withPad: " ", startingAt: 0) + String(format: "%8.3f s\n", seconds)
                FileHandle.standardError.write(Data(line.utf8))
            }
        }
        let diagnostics = builder.diagnostics.diagnostics
        for d in diagnostics { FileHandle.standardError.write(Data((d.formatted + "\n").utf8)) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        switch outcome {
        case .success(let reports, let files):
            let done = write ? "built \(reports) report\(reports == 1 ? "" : "s") into \(output)/ (\(files) files)"
                             : "checked \(reports) report\(reports == 1 ? "" : "s")"
            print(done + (warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : ""))
        case .contentErrors:
            FileHandle.standardError.write(Data("reportsite: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"); \(write ? "\(output)/ was left unchanged" : "nothing written")\n".utf8))
        case .usageError(let message):
            FileHandle.standardError.write(Data((message + "\n").utf8))
        }
        return outcome.exitCode
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site (the default command).",
        discussion: """
        The site is written to a temporary folder next to the output and replaces it only when the \
        whole build succeeded: on any error the previous site is left exactly as it was.
        Exit status: 0 built, 1 the content has errors (or warnings with --strict), 2 wrong usage or unreadable input.
        """)

    @OptionGroup var options: BuildOptions

    @Option(name: .long, help: ArgumentHelp("Where to write the site; replaced whole on success.", valueName: "folder"))
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
