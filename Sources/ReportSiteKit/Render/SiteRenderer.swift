import Foundation

/// A file of the built site: a path relative to the site root and its bytes.
public struct OutputFile: Sendable {
    public var path: String
    public var contents: Data
}

/// The render stage: every page of the site from the linked corpus, through the templates.
public struct SiteRenderer {
    let corpus: Corpus
    let links: LinkTable
    let recommendations: RecommendationIndex
    /// `SOURCE_DATE_EPOCH` is read from here (never the clock).
    let environment: [String: String]
    let templates: TemplateSet

    public init(corpus: Corpus, links: LinkTable, recommendations: RecommendationIndex, templates: TemplateSet,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.corpus = corpus
        self.links = links
        self.recommendations = recommendations
        self.environment = environment
        self.templates = templates
    }

    public func render() -> [OutputFile] {
        var pages = [String?](repeating: nil, count: corpus.reports.count)
        pages.withUnsafeMutableBufferPointer { slots in
            DispatchQueue.concurrentPerform(iterations: corpus.reports.count) { i in
                let view = ReportPage(index: i, corpus: corpus, links: links, recommendations: recommendations, templates: templates).view()
                slots[i] = templates.render("report", view)
            }
        }
        var files = zip(corpus.reports, pages).map { OutputFile(path: $0.symbol.pagePath, contents: Data(($1 ?? "").utf8)) }
        files.append(OutputFile(path: "index.html", contents: Data(templates.render("index", indexView()).utf8)))
        files.append(OutputFile(path: "404.html", contents: Data(templates.render("404", notFoundView()).utf8)))
        files.append(OutputFile(path: "citations.json", contents: CitationsData(corpus: corpus, links: links).json()))
        files += RecommendationPages(corpus: corpus, index: recommendations, templates: templates).files()
        let data = RecommendationsData(index: recommendations,
                                       generated: RecommendationIndex.generated(corpus: corpus, environment: environment))
        files.append(OutputFile(path: "recommendations.json", contents: data.json()))
        files.append(OutputFile(path: "recommendations.csv", contents: data.csv()))
        if let sitemap = Sitemap(corpus: corpus, templates: templates).file() { files.append(sitemap) }
        return files
    }

    private func indexView() -> IndexPageView {
        let entries = corpus.newestFirst.map { r in
            IndexEntryView(href: SiteURL.relative(from: nil, to: r.symbol), symbol: r.symbol.description, title: r.metadata.title,
                           date: r.metadata.date, displayDate: DisplayDate.format(r.metadata.date), body: r.metadata.body,
                           author: r.metadata.author, status: r.metadata.status, excerpt: r.metadata.excerpt)
        }
        let layout = LayoutView(siteTitle: corpus.config.title, language: corpus.config.language, root: "",
                                pageTitle: corpus.config.title,
                                canonical: corpus.config.baseURL.isEmpty ? nil : corpus.config.baseURL + "/")
        return IndexPageView(layout: layout, reports: entries, count: entries.count)
    }

    /// The 404 page is served at any depth, so its links start from the site's root.
    private func notFoundView() -> IndexPageView {
        let root = corpus.config.baseURL.isEmpty ? "/" : corpus.config.baseURL + "/"
        let layout = LayoutView(siteTitle: corpus.config.title, language: corpus.config.language, root: root,
                                pageTitle: "Page not found", canonical: nil)
        return IndexPageView(layout: layout, reports: [], count: corpus.reports.count)
    }
}
