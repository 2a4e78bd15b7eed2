import Foundation

/// What a report page is made of, as a fingerprint (see `PageCache`): everything `ReportPage` reads.
struct PageFingerprint {
    /// The inputs shared by every page: the templates, the site's configuration, the vocabulary and its recommending
    /// language (`recommending-verbs.yml`).
    let shared: String

    init(corpus: Corpus, templates: TemplateSet) {
        var f = Fingerprint()
        let fm = FileManager.default
        let names = (fm.enumerator(atPath: templates.directory.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".mustache") }.sorted()
        for name in names {
            f.add(name)
            f.add(String(decoding: fm.contents(atPath: templates.directory.appendingPathComponent(name).path) ?? Data(), as: UTF8.self))
        }
        let c = corpus.config
        for field in [c.title, c.baseURL, c.documents, c.language, c.description, c.reportsDirectory?.path ?? ""] { f.add(field) }
        for a in corpus.addressees.entries {
            f.add(a.slug)
            f.add(a.name)
            for alias in a.aliases { f.add(alias) }
        }
        for field in corpus.addressees.language.fingerprintFields { f.add(field) }
        for state in corpus.addressees.states.states {
            f.add(state.name)
            for alias in state.aliases { f.add(alias) }
        }
        shared = f.hex
    }

    /// The page of report `index`: its file and what the link stage says of it.
    func page(_ index: Int, corpus: Corpus, links: LinkTable, neighbours: (newer: Int?, older: Int?)) -> String {
        var f = Fingerprint()
        f.add(shared)
        for n in [neighbours.newer, neighbours.older] {
            guard let n else { f.add("-"); continue }
            f.add(corpus.reports[n].symbol.description)
            f.add(corpus.reports[n].metadata.title)
        }
        let report = corpus.reports[index]
        f.add(report.file)
        f.add(report.metadata.symbol.description)
        f.add(report.sourceFingerprint)
        let own = links[report.symbol]
        for r in own.resolved {
            f.add(r.target?.description ?? "-")
            f.add(r.anchor ?? "-")
            f.add(r.externalURL ?? "-")
        }
        f.add(own.citedCount)
        // What other reports may change of its records: an addendum's word on their positions.
        for r in report.recommendations {
            f.add(r.paragraph)
            f.add(r.reviewPosition?.rawValue ?? "-")
            f.add(r.positionSource ?? "-")
        }
        for (anchor, places) in own.citedBy.sorted(by: { $0.key < $1.key }) {
            f.add(anchor)
            for place in places {
                f.add(place.source.description)
                f.add(place.anchor ?? "-")
                f.add(place.label)
            }
        }
        return f.hex
    }
}
