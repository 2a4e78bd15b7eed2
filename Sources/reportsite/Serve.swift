import ArgumentParser
import Foundation
import ReportSiteKit
import ReportSiteServer

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site, serve it on this machine, and rebuild it when the content or the templates change.",
        discussion: """
        A development server: it builds the site as `reportsite build` does (incrementally, with the same \
        diagnostics), serves the output folder at http://127.0.0.1:8000/, watches the content and templates \
        folders, rebuilds on every change and reloads the open pages. A build with errors prints them here and \
        shows them in a banner in the browser; the last good site stays served. The built files are never \
        changed: the reload script is added to HTML responses only.
        Listens on the loopback address unless --host says otherwise; do not use it to publish a site.
        Ctrl-C (or SIGTERM) stops it (exit 0). Exit status 2: wrong usage, or the port is in use.

        Examples:
          reportsite serve                         http://127.0.0.1:8000/
          reportsite serve --port 8080 --strict
          reportsite serve --port 0                any free port (printed)
        """)

    @OptionGroup var options: BuildOptions

    @Option(name: .long, help: ArgumentHelp("Where to write the site, served from there; replaced whole by each successful build.", valueName: "folder"))
    var output = "site"

    @Option(name: .long, help: ArgumentHelp("The port to listen on (0: any free port).", valueName: "port"))
    var port: UInt16 = 8000

    @Option(name: .long, help: ArgumentHelp("The address to listen on. Anything but a loopback address (127.0.0.1, ::1, localhost) lets other machines read the site.", valueName: "address"))
    var host = "127.0.0.1"

    func validate() throws {
        if options.format == .json {
            throw ValidationError("--format json is for build and check; serve prints diagnostics as text")
        }
    }

    func run() async throws {
        let templates: URL
        switch options.templatesURL() {
        case .success(let url):
            templates = url
        case .failure(let missing):
            FileHandle.standardError.write(Data(missing.message.utf8))
            throw ExitCode(2)
        }
        var name = output
        while name.count > 1, name.hasSuffix("/") { name.removeLast() }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let configuration = DevServer.Configuration(
            host: host, port: port,
            output: URL(fileURLWithPath: output, relativeTo: cwd).standardizedFileURL, outputName: name,
            watched: [options.contentURL.standardizedFileURL, templates.standardizedFileURL],
            watchedNames: [Self.display(options.content), Self.display(templates.path)])
        let options = self.options, output = self.output
        let firstBuild = Once()
        // The analyses of each build, kept for the next: a save re-analyses the file saved, and reads no other.
        let memory = AnalysisMemory()
        let shownName = name
        let announceFirst: @Sendable (Int) -> Void = { reports in
            let line = "building \(grouped(reports)) report\(reports == 1 ? "" : "s") into \(shownName)/ ...\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        }
        let server = DevServer(configuration: configuration) { siteInPlace in
            // The first build can take a while on a large site: say what is being done before it is served.
            let announce = firstBuild.claim() ? announceFirst : nil
            let report = options.build(output: output, write: true, announce: announce, siteInPlace: siteInPlace, analysisMemory: memory)
            return BuildResult(succeeded: report.code == 0, changedSite: report.code == 0 && !report.upToDate, errors: report.errors,
                               usageError: report.code == 2)
        }
        let code = await server.run()
        if code != 0 { throw ExitCode(code) }
    }

    /// A folder as shown in messages: relative to the working directory when inside it, with a trailing slash.
    static func display(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        var shown = path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
        while shown.count > 1, shown.hasSuffix("/") { shown.removeLast() }
        return shown + "/"
    }
}

/// True the first time only.
final class Once: @unchecked Sendable {
    private let lock = NSLock()
    private var claimed = false

    func claim() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if claimed { return false }
        claimed = true
        return true
    }
}
