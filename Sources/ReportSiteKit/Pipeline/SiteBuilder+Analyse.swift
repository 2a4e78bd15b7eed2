import Foundation
import ReportSiteCore
import ReportSiteOutput
import ReportSiteReports
import ReportSiteSite

/// The read-and-analyse stage of `SiteBuilder.build`: every report on its own, in parallel, or taken from the cache.
extension SiteBuilder {
    /// Read, parse and analyse every report, in parallel, each file on its own: its text is dropped once its
    /// summary is made, and a report whose file did not change since the last build is taken from the cache.
    /// The result keeps the order of the files. Each report's work returns a value (its summary, its diagnostics,
    /// its cache entry): nothing is shared between the workers. Also returns the cache entries made and found,
    /// for `AnalysisCache.save` once the build succeeded, and where each report's page model is kept on `shelf`
    /// (by its file's name), for the render stage.
    /// `digests`: each report file's digest as the build's inputs were read; a report found in the cache by it is
    /// not read again (its page, if rendered, is made from the model kept beside its analysis; from the file, which
    /// must still be those bytes, only when that model cannot be read).
    mutating func analyse(_ site: ContentLoader.Site, loader: ContentLoader, cache: AnalysisCache?, digests: [String: String],
                                  shelf: ModelShelf)
        -> ([ReportSummary], (made: [String: AnalysisCache.Entry], used: Set<String>, found: [String: AnalysisCache.Entry]), [String: ModelShelf.Place]) {
        let strict = options.strict
        let vocabulary = site.addressees
        // The addressee matcher, made once for every report (making it takes a tenth of a report's analysis).
        let matcher = AddresseeMatcher(vocabulary: vocabulary)
        let progress = options.progress
        typealias Analysed = (ReportSummary?, [Diagnostic], analysed: Bool, key: String?, made: AnalysisCache.Entry?, model: ModelShelf.Place?)
        let results = site.reportFiles.parallelMap { name -> Analysed in
            let path = loader.display(loader.reportURL(name))
            if let digest = digests[name], let cache, case let key = cache.key(path: path, digest: digest), let kept = cache.analysis(key: key) {
                progress?.reportAnalysed()
                return (kept.summary, kept.diagnostics, false, key, nil, .entry(key))
            }
            // Not found by the digest read with the inputs: the bytes read now decide, for the lookup (unless they
            // are the bytes just looked up) and for the entry.
            let bytes = FileManager.default.contents(atPath: loader.reportURL(name).path)
            let digest = bytes.map(fileDigest)
            let key = digest.flatMap { digest in cache?.key(path: path, digest: digest) }
            if let key, digest != digests[name], let kept = cache?.analysis(key: key) {
                progress?.reportAnalysed()
                return (kept.summary, kept.diagnostics, false, key, nil, .entry(key))
            }
            let own = DiagnosticEngine(strict: strict)
            var summary: ReportSummary?
            var model: ModelShelf.Place?
            if let loaded = loader.loadReport(named: name, data: bytes, diagnostics: own) {
                let analysis = ReportAnalysis.run(loaded, vocabulary: vocabulary, matcher: matcher, strict: strict)
                own.append(analysis.diagnostics)
                summary = analysis.report?.summary
                model = analysis.report.flatMap { shelf.put(ReportCoding.encode($0), key: key) }
            }
            progress?.reportAnalysed()
            return (summary, own.recorded, true, key, key.map { _ in AnalysisCache.Entry(summary: summary, diagnostics: own.recorded) }, model)
        }
        var made: [String: AnalysisCache.Entry] = [:]
        var used: Set<String> = []
        // The entries found, kept in memory for the next build when the process runs several (serve).
        var found: [String: AnalysisCache.Entry] = [:]
        for result in results {
            diagnostics.append(result.1)
            guard let key = result.key else { continue }
            if let entry = result.made {
                made[key] = entry
            } else {
                used.insert(key)
                if options.analysisMemory != nil { found[key] = AnalysisCache.Entry(summary: result.0, diagnostics: result.1) }
            }
        }
        analysedReports = zip(site.reportFiles, results).filter { $0.1.analysed }.map(\.0)
        let summaries = zip(site.reportFiles, results).compactMap { name, result -> ReportSummary? in
            guard var summary = result.0 else { return nil }
            summary.source = name
            return summary
        }
        var places: [String: ModelShelf.Place] = [:]
        for (name, result) in zip(site.reportFiles, results) { places[name] = result.model }
        loader.checkDuplicates(summaries.map { ($0.symbol, $0.file) }, diagnostics: diagnostics)
        return (summaries, (made, used, found), places)
    }
}
