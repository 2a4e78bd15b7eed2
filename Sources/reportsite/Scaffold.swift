import ArgumentParser
import Foundation
import ReportSiteKit

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new report: write the skeleton of its content file, ready to fill in.",
        discussion: """
        Writes CONTENT/reports/<symbol with "/" as "-">.md (A/79/123 -> A-79-123.md) with the front matter keys \
        the contract requires (symbol, title, date, body), the optional ones commented out, and one numbered \
        paragraph: it builds at once. An existing file is never replaced.
        The date is --date, else the day of SOURCE_DATE_EPOCH when set, else today (UTC).
        Exit status: 0 written, 2 wrong usage (an invalid symbol or date, no content folder) or the file exists.

        Examples:
          reportsite new A/79/123 --title "Human rights of migrants" --date 2024-07-26
          reportsite new E/CN.4/2005/85 --body "Commission on Human Rights" --author "Gabriela Rodríguez Pizarro"
          reportsite new A/HRC/59/1 --content ~/sites/migrants/content
        """)

    @Argument(help: ArgumentHelp("The report's document symbol, e.g. A/79/123.", valueName: "symbol"))
    var symbol: String

    @Option(name: .long, help: ArgumentHelp("The content folder: site.yml, the vocabularies (addressees.yml, recommending-verbs.yml, states.yml), reports/ (every *.md, in subfolders too) and static/.", valueName: "folder"))
    var content = "content"

    @Option(help: "Title as printed (default: a placeholder to replace).")
    var title: String?

    @Option(help: ArgumentHelp("Issue date, YYYY-MM-DD.", valueName: "date"))
    var date: String?

    @Option(help: ArgumentHelp("The body the report is issued to (default: General Assembly).", valueName: "body"))
    var body: String?

    @Option(help: ArgumentHelp("The mandate holder who wrote it (default: none, a commented line to fill in).", valueName: "name"))
    var author: String?

    func run() throws {
        guard let parsed = Symbol(symbol) else {
            fail("error: '\(symbol)' is not a document symbol: \(ReportSkeleton.symbolRule)")
        }
        if let date, !ReportSkeleton.isISODate(date) {
            fail("error: --date '\(date)' is not a date: write it YYYY-MM-DD, e.g. 2024-07-26")
        }
        let fm = FileManager.default
        let contentURL = URL(fileURLWithPath: content)
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: contentURL.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            fail("error: the content folder \(content) does not exist\n"
                + "  note: run reportsite in the site's folder, name the content folder with --content, or start a site with reportsite init FOLDER")
        }
        let reports = contentURL.appendingPathComponent("reports")
        let target = reports.appendingPathComponent(parsed.fileName)
        let shown = (content.hasSuffix("/") ? content : content + "/") + "reports/" + parsed.fileName
        if fm.fileExists(atPath: target.path) {
            fail("error: \(shown) already exists; it is left as it is\n"
                + "  note: edit that file, or remove it first to start it again")
        }
        // The build takes symbols that differ only in case for one (they would share a page): so does `new`,
        // in every folder under reports/.
        let wanted = parsed.fileName.lowercased()
        let existing = FolderWalk.paths(in: reports)
        if let same = existing.first(where: { ($0.split(separator: "/").last.map(String.init) ?? $0).lowercased() == wanted }) {
            let other = (content.hasSuffix("/") ? content : content + "/") + "reports/" + same
            let exact = (same.split(separator: "/").last.map(String.init) ?? same) == parsed.fileName
            fail("error: \(other) already holds the report \(symbol)"
                + (exact ? "" : " (symbols that differ only in case are one report)") + "; nothing was written\n"
                + "  note: edit that file, or give the new report its own symbol")
        }
        for (name, value) in [("--body", body), ("--author", author), ("--title", title)] {
            if let value, value.trimmingCharacters(in: .whitespaces).isEmpty { fail("error: \(name) is empty: give the text, or leave the option out") }
        }
        let text = ReportSkeleton.text(symbol: parsed, title: title,
                                       date: date ?? ReportSkeleton.defaultDate(environment: ProcessInfo.processInfo.environment),
                                       body: body, author: author)
        do {
            try fm.createDirectory(at: reports, withIntermediateDirectories: true)
            // withoutOverwriting: a file made since the check above is not replaced either.
            try Data(text.utf8).write(to: target, options: .withoutOverwriting)
        } catch {
            fail("error: cannot write \(shown): \(describeFileError(error))")
        }
        // Only what was not given: a placeholder title, a date and a body that are defaults.
        var steps: [String] = []
        if title == nil { steps.append("replace the placeholder title") }
        if date == nil { steps.append("check the date (\(ReportSkeleton.defaultDate(environment: ProcessInfo.processInfo.environment)) by default)") }
        if body == nil { steps.append("check the body (General Assembly by default)") }
        let fill = steps.map { $0 + ", " }.joined()
        print("wrote \(shown)\n  next: \(fill)replace the paragraph with the report's text, then reportsite build")
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new site in a new or empty folder: content, templates and a .gitignore.",
        discussion: """
        Writes FOLDER/content/site.yml (every key, commented), addressees.yml and recommending-verbs.yml \
        (the project's), reports/ with an example report, FOLDER/Templates/ (a copy of the templates) and a \
        .gitignore for site/ and .reportsite-cache/. Then `cd FOLDER && reportsite build` builds the site.
        The templates copied are --templates, else Templates/ in the working directory, else the Templates \
        folder of the ReportSite checkout this reportsite was built in. A folder that is not empty is refused.
        Exit status: 0 written, 2 wrong usage, a folder that is not empty, or no templates found.

        Examples:
          reportsite init my-site && cd my-site && reportsite build
          reportsite init ~/sites/migrants --templates ~/ReportSite/Templates
        """)

    @Argument(help: ArgumentHelp("The folder of the new site (new, or empty).", valueName: "folder"))
    var folder: String

    @Option(name: .long, help: ArgumentHelp("The templates to copy (default: ./Templates, else those of the ReportSite checkout this reportsite was built in).", valueName: "folder"))
    var templates: String?

    func run() throws {
        let fm = FileManager.default
        let cwd = URL(fileURLWithPath: fm.currentDirectoryPath)
        let repository = Self.repository()
        let templatesURL: URL
        if let templates {
            templatesURL = URL(fileURLWithPath: templates, relativeTo: cwd).standardizedFileURL
            guard Self.isFolder(templatesURL) else {
                fail("error: the templates folder \(templates) does not exist")
            }
        } else if Self.isFolder(cwd.appendingPathComponent("Templates")) {
            templatesURL = cwd.appendingPathComponent("Templates")
        } else if let repository {
            templatesURL = repository.appendingPathComponent("Templates")
        } else {
            fail("error: no templates to copy: there is no Templates folder here, nor in a ReportSite checkout above this reportsite\n"
                + "  note: name the templates with --templates (the Templates folder of ReportSite's repository)")
        }
        // The vocabulary beside the templates (a project's content/), else the checkout's.
        let candidates = [templatesURL.deletingLastPathComponent().appendingPathComponent("content"),
                          repository?.appendingPathComponent("content")].compactMap { $0 }
        let vocabulary = candidates.first { fm.fileExists(atPath: $0.appendingPathComponent("addressees.yml").path)
            && fm.fileExists(atPath: $0.appendingPathComponent("recommending-verbs.yml").path) } ?? candidates[0]
        let target = URL(fileURLWithPath: folder, relativeTo: cwd).standardizedFileURL
        let written: [String]
        do {
            written = try SiteScaffold.create(at: target, from: .init(templates: templatesURL, vocabulary: vocabulary))
        } catch let failure as SiteScaffold.Failure {
            fail("error: \(failure.description)\n  note: reportsite init writes into a new or empty folder, and never replaces a file")
        }
        var name = folder
        while name.count > 1, name.hasSuffix("/") { name.removeLast() }
        print("started a new site in \(name)/:\n" + written.map { "  \(name)/\($0)\n" }.joined()
            + "next: cd \(name) && reportsite build   (or reportsite serve, to see it in a browser as you edit)")
    }

    static func isFolder(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The ReportSite checkout this executable was built in: the first folder above it with Package.swift and
    /// Templates/ (the executable is .build/<configuration>/reportsite).
    static func repository() -> URL? {
        guard let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() else { return nil }
        var folder = executable.deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path),
               isFolder(folder.appendingPathComponent("Templates")) {
                return folder
            }
            folder.deleteLastPathComponent()
        }
        return nil
    }
}

/// Prints the message on standard error and exits 2 (wrong usage, or a file that must not be replaced).
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    Foundation.exit(2)
}
