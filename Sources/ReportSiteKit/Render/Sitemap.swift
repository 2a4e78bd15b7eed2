import Foundation

/// `sitemap.xml`, in the short URL form on `base_url` (contract, section 2). Search engines need absolute
/// addresses: without `base_url` there is no sitemap.
struct Sitemap {
    let corpus: Corpus
    let templates: TemplateSet

    struct URLView {
        let loc: String
        let lastmod: String?
    }

    struct View {
        let urls: [URLView]
    }

    func file() -> OutputFile? {
        let base = corpus.config.baseURL
        guard !base.isEmpty else { return nil }
        var urls = [URLView(loc: base + "/", lastmod: corpus.reports.map(\.metadata.date).max()),
                    URLView(loc: base + "/recommendations/", lastmod: nil)]
        urls += corpus.reports.map { URLView(loc: SiteURL.published(base: base, symbol: $0.symbol), lastmod: $0.metadata.date) }
        return OutputFile(path: "sitemap.xml", contents: Data(templates.render("sitemap", View(urls: urls)).utf8))
    }
}
