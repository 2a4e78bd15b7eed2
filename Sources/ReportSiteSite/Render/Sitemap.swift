import Foundation
import ReportSiteCore
import ReportSiteOutput

/// The files for search engines and feed readers: `robots.txt` always; `sitemap.xml` and the Atom feed
/// `feed.xml` only with `base_url`, since both need absolute addresses (contract, section 2).
struct Sitemap {
    let corpus: Corpus
    let templates: TemplateSet

    /// The newest reports the feed lists. A feed is read for what is new: a reader that subscribes later
    /// finds the rest in the list of reports.
    static let feedEntries = 100

    struct URLView {
        let loc: String
        let lastmod: String?
    }

    struct View {
        let urls: [URLView]
    }

    struct RobotsView {
        let sitemap: String?
    }

    struct FeedView {
        let title: String
        let subtitle: String?
        let id: String
        let selfURL: String
        let siteURL: String
        let updated: String
        let language: String
        let entries: [FeedEntryView]
    }

    struct FeedEntryView {
        let title: String
        let url: String
        let updated: String
        let author: String
        let summary: String
    }

    func files() -> [OutputFile] {
        let base = corpus.config.baseURL
        var files = [OutputFile(path: "robots.txt", contents: Data(templates.render(.robots,
            RobotsView(sitemap: base.isEmpty ? nil : base + "/sitemap.xml")).utf8))]
        guard !base.isEmpty else { return files }
        let newest = corpus.newestFirst
        var urls = [URLView(loc: base + "/", lastmod: newest.first?.metadata.date),
                    URLView(loc: base + "/recommendations/", lastmod: nil)]
        urls += corpus.reports.map { URLView(loc: SiteURL.published(base: base, symbol: $0.symbol), lastmod: $0.metadata.date) }
        files.append(OutputFile(path: "sitemap.xml", contents: Data(templates.render(.sitemap, View(urls: urls)).utf8)))
        // Dates are days: an entry is "updated" at the start of its day (UTC), never at the time of the build.
        func stamp(_ date: String) -> String { date + "T00:00:00Z" }
        let entries = newest.prefix(Self.feedEntries).map { r in
            let m = r.metadata
            return FeedEntryView(title: "\(m.symbol): \(m.title)", url: SiteURL.published(base: base, symbol: m.symbol),
                                 updated: stamp(m.date), author: m.author ?? m.body,
                                 summary: [m.subtitle, m.body, m.author, DisplayDate.format(m.date)].compactMap { $0 }.joined(separator: ". "))
        }
        let feed = FeedView(title: corpus.config.title, subtitle: corpus.config.description.isEmpty ? nil : corpus.config.description,
                            id: base + "/", selfURL: base + "/feed.xml", siteURL: base + "/",
                            updated: stamp(newest.first?.metadata.date ?? "1970-01-01"), language: corpus.config.language,
                            entries: Array(entries))
        files.append(OutputFile(path: "feed.xml", contents: Data(templates.render(.feed, feed).utf8)))
        return files
    }
}

extension Sitemap.RobotsView: TemplateView {
    enum Field: String, CaseIterable {
        case sitemap
    }

    func value(_ name: String) -> TemplateValue {
        guard let field = Field(rawValue: name) else { return .absent }
        switch field {
        case .sitemap: return .optional(sitemap)
        }
    }
}

extension Sitemap.FeedView: TemplateView {
    enum Field: String, CaseIterable {
        case title, subtitle, id, selfURL, siteURL, updated, language, entries
    }

    func value(_ name: String) -> TemplateValue {
        guard let field = Field(rawValue: name) else { return .absent }
        switch field {
        case .title: return .text(title)
        case .subtitle: return .optional(subtitle)
        case .id: return .text(id)
        case .selfURL: return .text(selfURL)
        case .siteURL: return .text(siteURL)
        case .updated: return .text(updated)
        case .language: return .text(language)
        case .entries: return .views(entries)
        }
    }
}

extension Sitemap.FeedEntryView: TemplateView {
    enum Field: String, CaseIterable {
        case title, url, updated, author, summary
    }

    func value(_ name: String) -> TemplateValue {
        guard let field = Field(rawValue: name) else { return .absent }
        switch field {
        case .title: return .text(title)
        case .url: return .text(url)
        case .updated: return .text(updated)
        case .author: return .text(author)
        case .summary: return .text(summary)
        }
    }
}
