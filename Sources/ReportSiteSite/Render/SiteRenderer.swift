import Foundation
import ReportSiteCore
import ReportSiteOutput
import ReportSiteReports

/// The render stage: every page of the site from the linked corpus, through the templates.
package struct SiteRenderer: Sendable {
    package let corpus: Corpus
    let links: LinkTable
    let recommendations: RecommendationIndex
    /// `SOURCE_DATE_EPOCH` is read from here (never the clock).
    let environment: [String: String]
    package let templates: TemplateSet
    /// Where image problems (RS302, RS303) are reported.
    let diagnostics: DiagnosticEngine?
    /// The previous build's files, reused where nothing they are made of changed (nil: render every page).
    package let store: BuildStore?

    public init(corpus: Corpus, links: LinkTable, recommendations: RecommendationIndex, templates: TemplateSet,
                environment: [String: String] = ProcessInfo.processInfo.environment, diagnostics: DiagnosticEngine? = nil) {
        self.init(corpus: corpus, links: links, recommendations: recommendations, templates: templates, environment: environment,
                  diagnostics: diagnostics, store: nil)
    }

    package init(corpus: Corpus, links: LinkTable, recommendations: RecommendationIndex, templates: TemplateSet,
                 environment: [String: String], diagnostics: DiagnosticEngine?, store: BuildStore?) {
        self.store = store
        self.corpus = corpus
        self.links = links
        self.recommendations = recommendations
        self.environment = environment
        self.templates = templates
        self.diagnostics = diagnostics
    }

    /// Renders every file of the site into `staging`, with nothing to reuse, and returns the site's ledger.
    public func render(to staging: StagingFolder) throws -> PageLedger {
        let output = SiteOutput(staging: staging, store: nil)
        try render(into: output)
        return output.ledger
    }

    /// One report's page and search files, as values (nothing is written here).
    private struct RenderedReport: Sendable {
        var page: RenderedFile
        var search: SearchIndex.Part?
    }

    /// Renders every file of the site and hands each to `output`, the build's one writer, which writes it and
    /// keeps only what the link check needs (`PageLedger`). Report pages are made in parallel, each a value (its bytes or the previous build's file, its ledger entry, its images, its search words),
    /// folded in the corpus's order: peak memory is the model and a few pages, not the site. Throws when
    /// a file cannot be written.
    package func render(into output: SiteOutput) throws {
        let shared = store.map { _ in PageFingerprint(corpus: corpus, templates: templates).shared }
        let neighbours = corpus.neighbours
        let search = SearchIndex(corpus: corpus, templates: templates, store: store)
        let previous = output.previousLedger
        let images = ReportImages(reportsDirectory: corpus.config.reportsDirectory, diagnostics: diagnostics)
        var words = SearchPacking.Merger()
        var shown: Set<String> = []
        var next = 0
        try output.stream(corpus.reports.count, make: { i -> RenderedReport in
            let model = LazyReport { try corpus.model(i) }
            let inputs = ReportPageInputs(i, corpus: corpus, links: links, recommendations: recommendations, neighbours: neighbours[i])
            let page = try RenderedFile.make(corpus.reports[i].symbol.pagePath, key: shared.map { inputs.key(shared: $0) },
                                             store: store, ledger: previous) {
                var page = ReportPage(report: try model.get(), inputs: inputs, templates: templates)
                let images = ImageSources()
                page.imageSources = images
                return (Data(templates.render(.report, page.view()).utf8), images.list)
            }
            return RenderedReport(page: page, search: try search.part(i, model: model.get))
        }, fold: { rendered in
            let report = corpus.reports[next]
            try output.put([rendered.page] + (rendered.search?.files ?? []))
            if let part = rendered.search {
                if let entry = part.entry, let store { store.putEntry(.search, name: entry.name, key: entry.key, payload: entry.payload) }
                words.add(report: next, part.words)
            }
            next += 1
            let sources = rendered.page.images
            try output.put(images.files(for: report, sources: sources).map { RenderedFile(path: $0.path, bytes: $0.contents) })
            for source in sources { if let path = ReportImages.relativePath(source) { shown.insert(report.sourceFolder + path) } }
        })
        reportImagesNotShown(shown)
        try search.finish(&words, into: output)
        for (path, view) in ReportListPages(corpus: corpus).pages() {
            try output.put(RenderedFile(path: path, bytes: Data(templates.render(.index, view).utf8)))
        }
        try output.put(RenderedFile(path: "404.html", bytes: Data(templates.render(.notFound, notFoundView()).utf8)))
        try RecommendationPages(corpus: corpus, index: recommendations, templates: templates).write(into: output, shared: shared)
        // The data files of the whole site, made side by side.
        let data = RecommendationsData(index: recommendations,
                                       generated: RecommendationIndex.generated(corpus: corpus, environment: environment),
                                       baseURL: corpus.config.baseURL)
        let citations = CitationsData(corpus: corpus, links: links)
        let names = ["citations.json", "recommendations.json", "recommendations.csv"]
        let staging = output.staging
        let written = names.parallelMap { path -> Result<Void, Error> in
            Result {
                try staging.stream(to: path) { writer in
                    switch path {
                    case "citations.json": citations.write(to: writer)
                    case "recommendations.json": data.writeJSON(to: writer)
                    default: data.writeCSV(to: writer)
                    }
                }
            }
        }
        for (path, result) in zip(names, written) {
            try result.get()
            output.noteStreamed(path)
        }
        for file in Sitemap(corpus: corpus, templates: templates).files() { try output.put(RenderedFile(path: file.path, bytes: file.contents)) }
    }

    /// The 404 page is served at any depth. With `base_url` its links are absolute, from `base_url`. Without it
    /// no link can be right at every depth: the stylesheet is written into the page (styled at any depth, at
    /// any sub-path and from `file://`), and its links are relative to the site's root folder, where the page is.
    /// An image under content/reports/ that no report shows is not published: said (RS021), as every file there
    /// that the build does not use is (the loader names the others).
    private func reportImagesNotShown(_ shown: Set<String>) {
        guard let diagnostics, let directory = corpus.config.reportsDirectory, let any = corpus.reports.first,
              any.file.hasSuffix(any.sourceName) else { return }
        let shownFolder = String(any.file.dropLast(any.sourceName.count))
        for path in FolderWalk.paths(in: directory)
        where ContentLoader.imageExtensions.contains((path as NSString).pathExtension.lowercased()) && !shown.contains(path) {
            diagnostics.warning(.fileNotRead, file: shownFolder + path, "\(path) is an image that no report shows; it is not published",
                                hint: "show it in a report (![description](\((path as NSString).lastPathComponent)) in a file of its folder), "
                                    + "put it in content/static/ to publish it as it is, or remove it")
        }
    }

    private func notFoundView() -> IndexPageView {
        let base = corpus.config.baseURL
        let style = base.isEmpty ? (try? String(contentsOf: templates.directory.appendingPathComponent("assets/style.css"), encoding: .utf8)) : nil
        let layout = LayoutView(config: corpus.config, root: base.isEmpty ? "" : base + "/", pageTitle: "Page not found",
                                canonical: nil, inlineStyle: style)
        return IndexPageView(layout: layout, heading: "Page not found", reports: [], count: corpus.reports.count,
                             total: corpus.reports.count, pagination: [])
    }
}
