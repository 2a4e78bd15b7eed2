import Foundation

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
        /// Reuse report pages of the previous build whose inputs did not change (`.reportsite-cache/`).
        public var cache = true
        /// The folder the command runs in: never used as, or replaced with, the output.
        public var workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)

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
    /// Wall time of each stage, in the order they ran (`reportsite build --timings`).
    public private(set) var timings: [(stage: String, seconds: Double)] = []
    /// The output was already the site these inputs make: nothing was analysed, rendered or written.
    public private(set) var upToDate = false
    /// The pages taken from the previous build instead of being rendered, sorted.
    public private(set) var reusedPages: [String] = []

    public init(options: Options) {
        self.options = options
        self.diagnostics = DiagnosticEngine(strict: options.strict)
    }

    public mutating func build() -> Outcome {
        var clock = StageClock()
        defer { timings = clock.laps }
        let loader = ContentLoader(contentDirectory: options.content, displayBase: options.displayBase)
        // Before anything is read or written: the folders named exist, and the output is one a build may replace.
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.content.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return .usageError("\(loader.display(options.content)): error: the content folder does not exist\n"
                + "  note: run reportsite in the folder that holds content/, or name the content folder with --content")
        }
        if options.write {
            let guardian = OutputFolder(output: options.output, content: options.content, templates: options.templates,
                                        workingDirectory: options.workingDirectory)
            do {
                try guardian.check(display: loader.display)
            } catch let refusal as OutputFolder.Refusal {
                return .usageError(refusal.description)
            } catch {
                return .usageError("error: \(error)")
            }
            SiteWriter(output: options.output).restoreInterruptedSwap()
        }
        let templates: TemplateSet
        let content: LoadedContent
        do {
            templates = try TemplateSet(directory: options.templates, displayPath: loader.display)
            content = try loader.load(diagnostics: diagnostics)
            clock.lap("load")
        } catch TemplateSet.Failure.problems(let problems) {
            // Printed with the other diagnostics (as text or JSON); the build stops before reading the content.
            for problem in problems { diagnostics.emit(problem) }
            return .usageError("reportsite: the templates have errors; nothing was written")
        } catch let failure as TemplateSet.Failure {
            return .usageError(failure.description)
        } catch ContentLoader.Failure.missingFolder(let path) {
            return .usageError("\(path): error: the content folder has no reports/ folder (use --content to name another folder)")
        } catch {
            return .usageError("error: \(error)")
        }

        // Up to date: the same inputs as the build that left the output, and the output as it left it.
        let cache = options.write && options.cache ? PageCache(output: options.output) : nil
        let loadDiagnostics = diagnostics.recorded.count
        let inputs = cache.map { _ in buildInputs(content: options.content, templates: options.templates, strict: options.strict,
                                                  environment: options.environment) }
        if let cache, let inputs, let previous = cache.upToDate(inputs: inputs) {
            diagnostics.append(previous.diagnostics)
            if let outcome = compareAnchors(loader: loader, current: try? String(contentsOf: options.output.appendingPathComponent("anchors.txt"), encoding: .utf8)) {
                return outcome
            }
            upToDate = true
            clock.lap("up to date")
            guard !diagnostics.hasErrors else { return .contentErrors }
            return .success(reports: previous.reports, files: 0)
        }

        let reports = analyse(content.reports, vocabulary: content.addressees)
        clock.lap("parse and analyse")
        let corpus = Corpus(config: content.site, addressees: content.addressees, reports: reports)
        let links = CitationResolver(corpus: corpus, diagnostics: diagnostics).resolve()
        let recommendations = RecommendationIndex(corpus: corpus)
        clock.lap("link")
        guard !diagnostics.hasErrors else { return .contentErrors }

        // Render, check and write as a stream: each page goes to the staging folder as soon as it is made, and
        // only its ids and links stay in memory. The staging folder replaces the output only if all is well.
        let staging: StagingFolder
        let writer = SiteWriter(output: options.output)
        do {
            staging = options.write ? try StagingFolder(writer: writer) : StagingFolder()
        } catch {
            return writeFailed(error, loader: loader)
        }
        let assetPaths = templates.assetFiles()
        do {
            var renderer = SiteRenderer(corpus: corpus, links: links, recommendations: recommendations, templates: templates,
                                        environment: options.environment, diagnostics: diagnostics)
            renderer.pageCache = cache
            let ledger = try renderer.render(to: staging)
            reusedPages = cache?.reused ?? []
            clock.lap("render and write")
            guard !diagnostics.hasErrors else { staging.discard(); return .contentErrors }
            let ids = OutputLinkCheck(corpus: corpus, diagnostics: diagnostics).check(ledger, assetPaths: assetPaths)
            let manifest = OutputLinkCheck.manifest(ids)
            if let outcome = compareAnchors(loader: loader, current: manifest) {
                staging.discard()
                return outcome
            }
            clock.lap("check links")
            guard !diagnostics.hasErrors else { staging.discard(); return .contentErrors }
            try staging.write(Data(manifest.utf8), to: "anchors.txt")
            try staging.write(Data(OutputFolder.markerContents.utf8), to: OutputFolder.markerName)
            let assets = templates.directory.appendingPathComponent("assets")
            for path in assetPaths { try staging.copy(assets.appendingPathComponent(path), to: "assets/" + path) }
            try writer.commit(staging)
            // The cache describes the site now in place; a cache that cannot be written only costs the next build time.
            try? cache?.save(inputs: inputs, diagnostics: Array(diagnostics.recorded.dropFirst(loadDiagnostics)), reports: reports.count)
            clock.lap("write")
        } catch {
            staging.discard()
            return writeFailed(error, loader: loader)
        }
        return .success(reports: reports.count, files: staging.count)
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

    private func writeFailed(_ error: Error, loader: ContentLoader) -> Outcome {
        diagnostics.error(.writeError, file: loader.display(options.output), "cannot write the site: \(error.localizedDescription)",
                          hint: "check that the output folder's parent is writable and has free space")
        return .contentErrors
    }

    /// Parse and analyse every report, in parallel; the result keeps the load order.
    private func analyse(_ loaded: [LoadedReport], vocabulary: AddresseeVocabulary) -> [Report] {
        let strict = options.strict
        let results = loaded.parallelMap { ReportAnalysis.run($0, vocabulary: vocabulary, strict: strict) }
        for result in results { diagnostics.append(result.diagnostics) }
        return results.compactMap(\.report)
    }
}

/// Measures the wall time between laps.
struct StageClock {
    private var last = DispatchTime.now()
    private(set) var laps: [(stage: String, seconds: Double)] = []

    mutating func lap(_ stage: String) {
        let now = DispatchTime.now()
        laps.append((stage, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
        last = now
    }
}
