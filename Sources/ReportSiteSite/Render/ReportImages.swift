import Foundation
import ReportSiteCore
import ReportSiteOutput
import ReportSiteReports

/// The images of a report (contract, section 1, "Images"). A relative image, `![Map](figure.png)` or
/// `![Map](figures/map.png)`, is a file looked for next to the report file, in `content/reports/`, and copied
/// next to the report's page (`site/A/58/275/figure.png`), so that the `src` written stays as the author wrote
/// it and works from any sub-path and from `file://`. A missing file is an error (RS302) at the image's line;
/// an image on another server is a warning (RS303): the site would depend on that server and tell it who reads.
struct ReportImages {
    /// `content/reports/`; nil when unknown (then no relative image can be found).
    let reportsDirectory: URL?
    let diagnostics: DiagnosticEngine?

    /// The site's files for the images a report uses (`sources`, as written, in order of appearance), with a
    /// diagnostic for each that is missing, leaves `content/reports/`, or is remote.
    func files(for report: ReportSummary, sources: [String]) -> [OutputFile] {
        var files: [OutputFile] = []
        var seen: Set<String> = []
        let folder = report.symbol.components.joined(separator: "/")
        for source in sources where seen.insert(source).inserted {
            let trimmed = source.trimmingCharacters(in: .whitespaces)
            let lower = trimmed.lowercased()
            if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("//") {
                diagnostics?.warning(.remoteImage, file: report.file, at: position(of: source, in: report),
                                     "the image \(trimmed) is on another server: the page would depend on it, and every reader's browser would contact it",
                                     hint: "save the image next to the report file, in content/reports/, and name it by its file name")
                continue
            }
            // Another scheme (`mailto:`, `javascript:`, `data:` ...) is not a file: safe mode writes no image for those.
            if let colon = trimmed.firstIndex(of: ":"), !trimmed[..<colon].contains("/") { continue }
            guard let path = Self.relativePath(trimmed) else {
                diagnostics?.error(.missingImage, file: report.file, at: position(of: source, in: report),
                                   "the image \(trimmed) is not a path inside content/reports/",
                                   hint: "put the image in content/reports/ (or a folder under it) and name it relative to the report file, without `..` or a leading `/`")
                continue
            }
            guard let directory = reportsDirectory, let data = Self.read(report.sourceFolder + path, in: directory) else {
                diagnostics?.error(.missingImage, file: report.file, at: position(of: source, in: report),
                                   "the image \(path) does not exist",
                                   hint: "images are looked for next to the report file: put \(path) in content/reports/\(report.sourceFolder) (it is copied next to the report's page), or correct the name")
                continue
            }
            files.append(OutputFile(path: folder + "/" + path, contents: data))
        }
        return files
    }

    /// `figures/map.png` from `figures/map.png?x#y` (percent escapes decoded); nil for an absolute path, an empty
    /// part, `.` or `..`: the image must stay inside `content/reports/`.
    static func relativePath(_ source: String) -> String? {
        let bare = String(source.prefix { $0 != "?" && $0 != "#" })
        let decoded = bare.removingPercentEncoding ?? bare
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: false)
        guard !decoded.isEmpty, !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }),
              !decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\\" }) else { return nil }
        return decoded
    }

    /// The bytes of a regular file under `directory`, which links may not lead out of.
    static func read(_ path: String, in directory: URL) -> Data? {
        let root = directory.resolvingSymlinksInPath().standardizedFileURL.path
        let url = directory.appendingPathComponent(path).resolvingSymlinksInPath().standardizedFileURL
        guard url.path.hasPrefix(root.hasSuffix("/") ? root : root + "/") else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
        return FileManager.default.contents(atPath: url.path)
    }

    /// Where an image is written in the report file: the first line after the front matter that holds its
    /// destination (`](figure.png` or a reference definition), at the `![` before it when there is one.
    func position(of source: String, in report: ReportSummary) -> SourcePosition {
        guard let directory = reportsDirectory,
              let data = FileManager.default.contents(atPath: directory.appendingPathComponent(report.sourceName).path) else {
            return SourcePosition(line: 1, column: 1)
        }
        let lines = TextLines.split(String(decoding: data, as: UTF8.self))
        var inFrontMatter = lines.first?.trimmingTrailingSpaces == "---"
        for (i, line) in lines.enumerated() {
            if inFrontMatter {
                if i > 0, line.trimmingTrailingSpaces == "---" || line.trimmingTrailingSpaces == "..." { inFrontMatter = false }
                continue
            }
            guard let found = line.range(of: source) else { continue }
            let start = line[..<found.lowerBound].range(of: "![", options: .backwards)?.lowerBound ?? found.lowerBound
            return SourcePosition(line: i + 1, column: line.distance(from: line.startIndex, to: start) + 1)
        }
        return SourcePosition(line: 1, column: 1)
    }
}

/// The image destinations a page's markup used, in order (one list a page: filled by one thread).
final class ImageSources {
    private(set) var list: [String] = []
    func append(_ source: String) { list.append(source) }
}
