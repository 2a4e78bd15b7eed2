import Foundation
import ReportSiteCore
import ReportSiteReports

/// The inputs every page shares, as a fingerprint (see `BuildStore`): each page adds its own declared inputs
/// (`ReportPageInputs` for a report page).
struct PageFingerprint {
    /// The inputs shared by every page: the templates, the site's configuration, the vocabulary and its recommending
    /// language (`recommending-verbs.yml`).
    let shared: String

    init(corpus: Corpus, templates: TemplateSet) {
        var f = Fingerprint()
        let fm = FileManager.default
        let names = FolderWalk.paths(in: templates.directory).filter { $0.hasSuffix(".mustache") }
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
}
