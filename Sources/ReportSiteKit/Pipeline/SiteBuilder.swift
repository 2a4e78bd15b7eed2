import Foundation
import ReportSiteCore
import ReportSiteOutput
import ReportSiteReports
import ReportSiteSite

/// The whole build, in the order the data flows:
/// load -> parse -> analyse -> link -> render -> write.
public struct SiteBuilder {
    public struct Options: Sendable {
        public var content: URL
        public var output: URL
        public var templates: URL
        public var strict: Bool
        /// Where diagnostics' paths are relative to (the working directory).
        public var displayBase: URL
        /// false: run every check but write nothing (`reportsite check`).
        public var write: Bool
        /// An `anchors.txt` of a site published before: the build fails if one of its anchors disappears.
        public var previousAnchors: URL?
        /// Where `SOURCE_DATE_EPOCH` is read (never the clock).
        public var environment: [String: String] = ProcessInfo.processInfo.environment
        /// Reuse the analyses and pages of the previous build whose inputs did not change (`.reportsite-cache/`).
        /// false (`--no-cache`): read nothing of the caches, render everything; the caches are still written, so
        /// that the next build is incremental.
        public var cache = true
        /// When another build into the same output runs: wait for it (the default) or stop (`--no-wait`).
        public var waiting: OutputLock.Waiting = .wait(announce: { _ in })
        /// Updated as the build goes, for a progress line.
        public var progress: BuildProgress?
        /// The folder the command runs in: never used as, or replaced with, the output.
        public var workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        /// Called once, as soon as the new site has replaced the output: the build has then succeeded (what is left
        /// is saving the caches and removing the old site, which cannot fail it). `serve` reloads the open pages
        /// here rather than once the build returns. Not called when nothing is written (up to date, a failure, `check`).
        public var siteInPlace: (@Sendable () -> Void)?
        /// The analyses of this process's earlier builds (`reportsite serve` keeps one for all its builds); nil: the
        /// store's entries only.
        public var analysisMemory: AnalysisMemory?

        public init(content: URL, output: URL, templates: URL, strict: Bool = false,
                    displayBase: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath), write: Bool = true) {
            self.content = content
            self.output = output
            self.templates = templates
            self.strict = strict
            self.displayBase = displayBase
            self.write = write
        }
    }

    public enum Outcome: Equatable, Sendable {
        /// The site was built (or checked) with no errors.
        case success(reports: Int, files: Int)
        /// The content has errors: nothing was written (exit 1).
        case contentErrors
        /// Wrong usage or unreadable input: nothing was written (exit 2).
        case usageError(String)

        public var exitCode: Int32 {
            switch self {
            case .success: return 0
            case .contentErrors: return 1
            case .usageError: return 2
            }
        }
    }

    public let options: Options
    public let diagnostics: DiagnosticEngine
    /// Wall time of each stage, in the order they ran, and the memory held at its end (`reportsite build --timings`).
    public private(set) var timings: [(stage: String, seconds: Double, residentMiB: Int?)] = []
    /// The output was already the site these inputs make: nothing was analysed, rendered or written.
    public private(set) var upToDate = false
    /// The pages taken from the previous build instead of being rendered, sorted.
    public private(set) var reusedPages: [String] = []
    /// The report files analysed by this build (the others were taken from the analysis cache), sorted.
    public internal(set) var analysedReports: [String] = []

    public init(options: Options) {
        var options = options
        // Folders the user names through a symbolic link are followed (a shared theme: `--templates T`, T a link).
        options.content = Self.followingLink(options.content)
        options.templates = Self.followingLink(options.templates)
        self.options = options
        self.diagnostics = DiagnosticEngine(strict: options.strict)
    }

    public mutating func build() -> Outcome {
        var clock = StageClock()
        defer { timings = clock.laps }
        let loader = ContentLoader(contentDirectory: options.content, displayBase: options.displayBase)
        do {
            // Before anything is read or written; held until the new site and its caches are in place.
            let lock = try checkFolders(loader)
            defer { lock?.release() }
            let (templates, site) = try load(loader)
            options.progress?.found(reports: site.reportFiles.count)
            clock.lap("load")
            let store = options.write ? BuildStore(output: options.output, read: options.cache) : nil
            let read = store.map { _ in buildInputs(content: options.content, templates: options.templates, strict: options.strict,
                                                        environment: options.environment, displayBase: options.displayBase) }
            let inputs = read?.inputs
            if let store, let inputs, let previous = store.upToDate(inputs: inputs) {
                clock.lap("up to date")
                return try replay(previous, loader: loader)
            }
            let siteDiagnostics = diagnostics.recorded.count
            let analysisCache = store.map { AnalysisCache(store: $0, site: site.inputs, strict: options.strict, memory: options.analysisMemory) }
            // Each report's page model, kept by the analysis for the render stage (a build that fails keeps none).
            let shelf = ModelShelf(store: store)
            var built = false
            defer { if !built { shelf.discardWritten() } }
            let (reports, analyses, places) = analyse(site, loader: loader, cache: analysisCache, digests: read?.reports ?? [:], shelf: shelf)
            clock.lap("read and analyse")
            options.progress?.enter(.linking)
            let corpus = Corpus(config: site.config, addressees: site.addressees, summaries: reports,
                                models: .shelved(shelf, places: places, loader: loader, vocabulary: site.addressees, strict: options.strict))
            let links = CitationResolver(corpus: corpus, diagnostics: diagnostics).resolve()
            let recommendations = RecommendationIndex(corpus: corpus)
            clock.lap("link")
            try stopOnErrors()
            let renderer = SiteRenderer(corpus: corpus, links: links, recommendations: recommendations, templates: templates,
                                        environment: options.environment, diagnostics: diagnostics, store: store)
            let (files, output, oldSite) = try renderCheckWrite(renderer, loader: loader, clock: &clock)
            // The old site is removed while the caches are written: they describe the site now in place (a cache
            // that cannot be written only costs the next build time).
            options.progress?.enter(.finishing)
            let removal = DispatchGroup()
            DispatchQueue.global().async(group: removal) { SiteWriter.removeOldSite(oldSite) }
            try? store?.save(inputs: inputs, made: output.made, diagnostics: Array(diagnostics.recorded.dropFirst(siteDiagnostics)),
                             reports: reports.count, ledger: output.ledger)
            analysisCache?.save(made: analyses.made, used: analyses.used, found: analyses.found)
            removal.wait()
            clock.lap("caches, old site")
            built = true
            return .success(reports: reports.count, files: files)
        } catch let stop as Stop {
            return stop.outcome
        } catch {
            return .usageError("error: \(describeFileError(error))")
        }
    }

    /// Ends the build with an outcome (nothing is written: a staging folder is discarded first).
    private struct Stop: Error {
        var outcome: Outcome
    }

    private func stopOnErrors() throws {
        if diagnostics.hasErrors { throw Stop(outcome: .contentErrors) }
    }

    /// The content folder exists, and the output folder is one a build may replace (`OutputFolder`). A build that
    /// writes then takes the output's lock (`OutputLock`), waiting for another build into it to end, and checks
    /// the output again (that build may have changed it); the lock is returned, to hold until the end.
    private func checkFolders(_ loader: ContentLoader) throws -> OutputLock? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.content.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Stop(outcome: .usageError("\(loader.display(options.content)): error: the content folder does not exist\n"
                + "  note: run reportsite in the folder that holds content/, or name the content folder with --content"))
        }
        guard options.write else { return nil }
        let guardian = OutputFolder(output: options.output, content: options.content, templates: options.templates,
                                    workingDirectory: options.workingDirectory)
        let lock: OutputLock
        do {
            // Checked before the lock is taken: nothing, not even the lock file, is made beside a refused folder.
            try guardian.check(display: loader.display)
            var waiting = options.waiting
            if case .wait(let announce) = waiting, let progress = options.progress {
                waiting = .wait(announce: { pid in
                    announce(pid)
                    progress.enter(.waiting)
                })
            }
            lock = try OutputLock.acquire(output: options.output, waiting: waiting)
            options.progress?.enter(.loading)
            try guardian.check(display: loader.display)
        } catch let refusal as OutputFolder.Refusal {
            throw Stop(outcome: .usageError(refusal.description))
        } catch let busy as OutputLock.Busy {
            throw Stop(outcome: .usageError("error: another build into \(loader.display(options.output))/ is running"
                + (busy.pid.map { " (pid \($0))" } ?? "")
                + "\n  note: run the build again once it has finished, or without --no-wait to wait for it"))
        } catch {
            throw Stop(outcome: .usageError("\(loader.display(options.output)): error: cannot lock the output folder: \(describeFileError(error))\n"
                + "  note: builds into it take a lock, .reportsite-cache/\(options.output.lastPathComponent).lock beside it: make that place writable, or name another output folder with --output"))
        }
        // What a killed build left: the old site put back if it was moved aside, temporary folders removed.
        let writer = SiteWriter(output: options.output)
        writer.restoreInterruptedSwap()
        writer.removeStaleStaging()
        return lock
    }

    /// A folder named through a symbolic link, as the folder the link leads to (enumerating a folder's files
    /// does not go through a link at its top); other paths as they are.
    static func followingLink(_ url: URL) -> URL {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
              attributes[.type] as? FileAttributeType == .typeSymbolicLink else { return url }
        return url.resolvingSymlinksInPath()
    }

    /// The templates (checked whole before any content is read), then the site's configuration and vocabulary;
    /// the reports are read one at a time as they are analysed.
    private func load(_ loader: ContentLoader) throws -> (TemplateSet, ContentLoader.Site) {
        do {
            let templates = try TemplateSet(directory: options.templates, displayPath: loader.display)
            return (templates, try loader.loadSite(diagnostics: diagnostics))
        } catch TemplateSet.Failure.problems(let problems) {
            // Printed with the other diagnostics (as text or JSON); the build stops before reading the content.
            for problem in problems { diagnostics.emit(problem) }
            throw Stop(outcome: .usageError("reportsite: the templates have errors; nothing was written"))
        } catch let failure as TemplateSet.Failure {
            throw Stop(outcome: .usageError(failure.description))
        } catch ContentLoader.Failure.missingFolder(let path) {
            throw Stop(outcome: .usageError("\(path): error: the content folder has no reports/ folder (use --content to name another folder)"))
        }
    }

    /// The output is the site these inputs make: the diagnostics of the build that made it are printed again.
    private mutating func replay(_ previous: (diagnostics: [Diagnostic], reports: Int), loader: ContentLoader) throws -> Outcome {
        diagnostics.append(previous.diagnostics)
        if let outcome = compareAnchors(loader: loader, current: try? String(contentsOf: options.output.appendingPathComponent("anchors.txt"), encoding: .utf8)) {
            return outcome
        }
        upToDate = true
        try stopOnErrors()
        return .success(reports: previous.reports, files: 0)
    }

    /// Render, check and write as a stream: the pages are rendered a batch at a time and folded in by one writer
    /// (`SiteOutput`), which puts each into the staging folder and keeps only its ids and links. The staging
    /// folder replaces the output only if all is well; otherwise it is discarded and the old site stays as it
    /// was. Returns how many files the site has, the writer (its ledger, and what the store keeps), and the
    /// folder holding the old site, to remove.
    private mutating func renderCheckWrite(_ renderer: SiteRenderer, loader: ContentLoader,
                                           clock: inout StageClock) throws -> (Int, SiteOutput, URL?) {
        let writer = SiteWriter(output: options.output)
        let staging: StagingFolder
        do {
            staging = options.write ? try StagingFolder(writer: writer) : StagingFolder()
        } catch {
            throw Stop(outcome: writeFailed(error, loader: loader))
        }
        do {
            options.progress?.enter(.writing, staging: staging)
            let output = SiteOutput(staging: staging, store: renderer.store)
            try renderer.render(into: output)
            let ledger = output.ledger
            reusedPages = output.reused.sorted()
            clock.lap("render and write")
            try stopOnErrors()
            options.progress?.enter(.checking)
            let assetPaths = renderer.templates.assetFiles()
            OutputLinkCheck(corpus: renderer.corpus, diagnostics: diagnostics).check(ledger, assetPaths: assetPaths)
            // Held whole only to compare it with the manifest published before (`--previous-anchors`).
            let manifest = options.previousAnchors == nil ? nil : OutputLinkCheck.manifest(ledger)
            if let outcome = compareAnchors(loader: loader, current: manifest) { throw Stop(outcome: outcome) }
            clock.lap("check links")
            try stopOnErrors()
            if let manifest {
                try staging.write(Data(manifest.utf8), to: "anchors.txt")
            } else {
                try staging.stream(to: "anchors.txt") { OutputLinkCheck.writeManifest(ledger, to: $0) }
            }
            let assets = renderer.templates.directory.appendingPathComponent("assets")
            for path in assetPaths { try staging.copy(assets.appendingPathComponent(path), to: "assets/" + path) }
            try copyStatic(into: staging, loader: loader)
            try stopOnErrors()
            // Last: the marker lists every file of the site (the next build refuses to delete any other).
            try staging.write(OutputFolder.marker(listing: staging.paths), to: OutputFolder.markerName)
            options.progress?.enter(.finishing)
            let oldSite = try writer.commit(staging)
            clock.lap("write")
            if options.write { options.siteInPlace?() }
            return (staging.count, output, oldSite)
        } catch let stop as Stop {
            staging.discard()
            throw stop
        } catch let changed as ReportModels.Changed {
            staging.discard()
            diagnostics.error(.unreadableFile, file: changed.file, "the file changed while the site was being built; nothing was written",
                              hint: "build again once the file is saved")
            throw Stop(outcome: .contentErrors)
        } catch {
            staging.discard()
            throw Stop(outcome: writeFailed(error, loader: loader))
        }
    }

    /// `--previous-anchors`: every anchor published before must be in `current` (an error each otherwise).
    /// Returns an outcome only when the manifest cannot be read.
    private func compareAnchors(loader: ContentLoader, current: String?) -> Outcome? {
        guard let previous = options.previousAnchors else { return nil }
        guard let text = try? String(contentsOf: previous, encoding: .utf8) else {
            return .usageError("\(loader.display(previous)): error: cannot read the previous anchor manifest")
        }
        OutputLinkCheck.compare(previous: text, file: loader.display(previous), current: current ?? "", diagnostics: diagnostics)
        return nil
    }

    /// `content/static/` into the site's root, once every generated file is written: a static file whose path the
    /// build wrote is an error at that file (so is one that cannot be read). `reportsite check` checks the same.
    private func copyStatic(into staging: StagingFolder, loader: ContentLoader) throws {
        let statics = StaticFiles(content: options.content)
        let generated = staging.paths
        for problem in statics.problems + statics.collisions(with: generated) {
            let url = problem.path.isEmpty ? statics.root : statics.root.appendingPathComponent(problem.path)
            diagnostics.error(.staticFile, file: loader.display(url), problem.message, hint: problem.hint)
        }
        if diagnostics.hasErrors { return }
        for (path, source) in statics.files {
            do {
                try staging.copy(source.resolvingSymlinksInPath(), to: path)
            } catch {
                diagnostics.error(.staticFile, file: loader.display(statics.root.appendingPathComponent(path)),
                                  "cannot copy this file into the site: \(describeFileError(error))",
                                  hint: "make it readable, or remove it from content/static/")
            }
        }
    }

    private func writeFailed(_ error: Error, loader: ContentLoader) -> Outcome {
        diagnostics.error(.writeError, file: loader.display(options.output), "cannot write the site: \(describeFileError(error))",
                          hint: "check that the output folder's parent is writable and has free space")
        return .contentErrors
    }
}

/// Measures the wall time between laps, and the memory the process holds at each (Linux: `VmRSS`).
struct StageClock {
    private var last = DispatchTime.now()
    private(set) var laps: [(stage: String, seconds: Double, residentMiB: Int?)] = []

    mutating func lap(_ stage: String) {
        let now = DispatchTime.now()
        laps.append((stage, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9, Self.residentMiB()))
        last = now
    }

    /// The resident set of this process now, in MiB (nil where `/proc/self/status` does not say).
    static func residentMiB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return line.split(whereSeparator: \.isWhitespace).dropFirst().first.flatMap { Int($0) }.map { $0 / 1024 }
        }
        return nil
    }
}
