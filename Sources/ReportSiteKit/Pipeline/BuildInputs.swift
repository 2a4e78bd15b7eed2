import Foundation
import ReportSiteCore
import ReportSiteOutput

/// Everything a whole build is made of, as one fingerprint (`inputs`): the tool (with the cache), the strictness,
/// `SOURCE_DATE_EPOCH`, the working directory diagnostics are shown from, and every file of the content and of
/// the templates, by path and bytes. And the digest of each report file's bytes as it was read for it
/// (`fileDigest`), by file name: the analysis cache finds a report's entry from it without reading the file again.
func buildInputs(content: URL, templates: URL, strict: Bool, environment: [String: String],
                     displayBase: URL) -> (inputs: String, reports: [String: String]) {
    // Links followed, as the loader and the templates follow them: a change behind a linked folder is an input too.
    func tree(_ folder: URL) -> [String] { FolderWalk.paths(in: folder, folders: true) }
    // content/static/ as the build copies it (links followed, so that a change behind a link is seen).
    let statics = StaticFiles(content: content)
    let files = tree(content).filter { !$0.hasPrefix(StaticFiles.folderName + "/") }.map { (content, $0) }
        + statics.files.map { (statics.root, $0.path) } + tree(templates).map { (templates, $0) }
    let digests = files.parallelMap { folder, path -> String? in
        FileManager.default.contents(atPath: folder.appendingPathComponent(path).path).map(fileDigest)
    }
    var f = Fingerprint()
    f.add(strict ? "strict" : "lenient")
    f.add(environment["SOURCE_DATE_EPOCH"] ?? "-")
    f.add(displayBase.standardizedFileURL.path)  // the diagnostics replayed name files relative to it
    var reports: [String: String] = [:]
    for ((folder, path), digest) in zip(files, digests) {
        f.add(folder.path)
        f.add(path)
        f.add(digest ?? "unreadable")
        if folder == content, path.hasPrefix("reports/"), let digest { reports[String(path.dropFirst("reports/".count))] = digest }
    }
    return (f.hex, reports)
}
