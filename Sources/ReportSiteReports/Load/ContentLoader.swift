import Foundation
import ReportSiteCore

/// A report file read and its front matter checked, ready to parse.
package struct LoadedReport: Sendable {
    public var file: SourceFile
    public var metadata: ReportMetadata
    /// The Markdown body, front matter lines blanked (line numbers are the file's).
    public var body: String
}

/// Everything the `content/` folder holds.
package struct LoadedContent: Sendable {
    public var site: SiteConfig
    public var addressees: AddresseeVocabulary
    public var reports: [LoadedReport]
}

/// The load stage: finds and reads `content/`, checks front matter, file names and duplicate symbols.
package struct ContentLoader: Sendable {
    public enum Failure: Error, Equatable {
        /// The content folder or its `reports/` folder does not exist (a usage problem: exit 2).
        case missingFolder(String)
    }

    public let contentDirectory: URL
    /// How paths are shown in diagnostics: relative to the working directory where possible.
    public let displayBase: URL

    public init(contentDirectory: URL, displayBase: URL) {
        self.contentDirectory = contentDirectory.standardizedFileURL
        self.displayBase = displayBase.standardizedFileURL
    }

    /// The site's configuration, its vocabulary and the names of its report files, sorted.
    public struct Site: Sendable {
        public var config: SiteConfig
        public var addressees: AddresseeVocabulary
        public var reportFiles: [String]
        /// A fingerprint of the configuration files as they were read (names and text): what every report's
        /// analysis may depend on besides its own file.
        public var inputs: String
    }

    /// Everything but the reports' text: read first, so that the reports can then be read one at a time.
    public func loadSite(diagnostics: DiagnosticEngine) throws -> Site {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        let reportsDirectory = contentDirectory.appendingPathComponent("reports")
        guard fm.fileExists(atPath: reportsDirectory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Failure.missingFolder(display(reportsDirectory))
        }
        var inputs = Fingerprint()
        var site = SiteConfig.read(optionalFile("site.yml", diagnostics: diagnostics, into: &inputs), diagnostics: diagnostics)
        site.reportsDirectory = reportsDirectory
        var addressees = AddresseeVocabulary.read(optionalFile("addressees.yml", diagnostics: diagnostics, into: &inputs), diagnostics: diagnostics)
        addressees.language = RecommendingLanguage.read(optionalFile("recommending-verbs.yml", diagnostics: diagnostics, into: &inputs), diagnostics: diagnostics)
        addressees.states = StateVocabulary.read(optionalFile("states.yml", diagnostics: diagnostics, into: &inputs), diagnostics: diagnostics)
        checkTopLevel(diagnostics: diagnostics)
        let names = reportFiles(in: reportsDirectory, diagnostics: diagnostics)
        return Site(config: site, addressees: addressees, reportFiles: names, inputs: inputs.hex)
    }

    /// Files a system writes into folders by itself, never the author's: passed over without a word.
    static let systemFiles: Set<String> = [".DS_Store", "Thumbs.db", "desktop.ini", ".gitkeep", ".keep", ".gitignore", ".gitattributes"]
    /// Files a report may show (contract, section 1, "Images"): they stay beside the reports.
    package static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "svg", "webp", "avif"]

    /// The report files under `reports/` and its folders (`A-58-275.md`, `2003/A-58-275.md`), sorted. Every other
    /// file there is named in a warning (RS021) saying why it is not read, but images and system files; a folder
    /// with no report at all is a warning too (RS022).
    func reportFiles(in reportsDirectory: URL, diagnostics: DiagnosticEngine) -> [String] {
        let fm = FileManager.default
        var names: [String] = []
        var notRead: [(path: String, why: String, hint: String)] = []
        var pending = [""]
        // Each folder once: a link back to a folder above (`reports/loop -> .`) is named, not followed again.
        var visited: Set<[UInt64]> = []
        while let folder = pending.popLast() {
            let url = folder.isEmpty ? reportsDirectory : reportsDirectory.appendingPathComponent(folder)
            var info = stat()
            guard stat(url.path, &info) == 0, visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else {
                notRead.append((String(folder.dropLast()), "is a link to a folder already read (a loop); nothing in it is read again",
                                "remove the link"))
                continue
            }
            let entries = ((try? fm.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
            for entry in entries {
                let relative = folder + entry
                var isDirectory: ObjCBool = false
                guard fm.fileExists(atPath: url.appendingPathComponent(entry).path, isDirectory: &isDirectory) else {
                    notRead.append((relative, "is a symbolic link to nothing", "remove it, or make it point to a report file"))
                    continue
                }
                if Self.systemFiles.contains(entry) { continue }
                if isDirectory.boolValue {
                    if entry.hasPrefix(".") {
                        notRead.append((relative + "/", "is a hidden folder; nothing in it is read",
                                        "rename it without the leading `.` if it holds reports"))
                    } else {
                        pending.append(relative + "/")
                    }
                    continue
                }
                let ext = (entry as NSString).pathExtension.lowercased()
                if entry.hasPrefix(".") {
                    notRead.append((relative, "is a hidden file; it is not read",
                                    ext == "md" ? "rename it to \(entry.drop { $0 == "." }) if it is a report" : "remove it, or move it out of content/reports/"))
                } else if entry.hasSuffix(".md") {
                    names.append(relative)
                } else if ["md", "markdown", "mdown", "mkd", "mkdn", "txt", "text"].contains(ext) {
                    let stem = (entry as NSString).deletingPathExtension
                    notRead.append((relative, "is not read: only files whose names end in `.md` (lower case) are reports",
                                    ext == "txt" || ext == "text"
                                        ? "if it is a report's text, import it: reportsite import \(display(url.appendingPathComponent(entry)))"
                                        : "rename it to \(stem).md if it is a report"))
                } else if Self.imageExtensions.contains(ext) {
                    continue
                } else {
                    notRead.append((relative, "is not read: content/reports/ holds the reports (`.md`) and the images they show",
                                    "to publish the file as it is (a PDF of a report, a document), put it in content/static/; otherwise move it out of content/"))
                }
            }
        }
        for file in notRead.sorted(by: { $0.path < $1.path }) {
            diagnostics.warning(.fileNotRead, file: display(reportsDirectory.appendingPathComponent(file.path)),
                                "\(file.path) \(file.why)", hint: file.hint)
        }
        if names.isEmpty {
            diagnostics.warning(.noReports, file: display(reportsDirectory),
                                "the folder holds no report: the site would have no report pages",
                                hint: "add reports as content/reports/SYMBOL.md (reportsite new SYMBOL writes one), or import them: reportsite import FILE.pdf")
        }
        return names.sorted()
    }

    /// What `content/` itself may hold; anything else there is named in a warning (RS021), as it is not read.
    static let contentEntries: Set<String> = ["site.yml", "addressees.yml", "recommending-verbs.yml", "states.yml", "reports", "static"]

    func checkTopLevel(diagnostics: DiagnosticEngine) {
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: contentDirectory.path)) ?? []).sorted()
        for entry in entries where !Self.contentEntries.contains(entry) && !Self.systemFiles.contains(entry) {
            let lower = entry.lowercased()
            let hint: String
            if Self.contentEntries.contains(lower) || lower == "site.yaml" || lower == "addressees.yaml" || lower == "recommending-verbs.yaml" {
                hint = "the name must be exactly " + (Self.contentEntries.first { lower.hasPrefix(($0 as NSString).deletingPathExtension) } ?? lower)
            } else if lower.hasSuffix(".md") {
                hint = "reports go in content/reports/: move it there"
            } else {
                hint = "to publish it as it is, put it in content/static/; otherwise move it out of content/"
            }
            diagnostics.warning(.fileNotRead, file: display(contentDirectory.appendingPathComponent(entry)),
                                "\(entry) is not read: content/ holds site.yml, addressees.yml, recommending-verbs.yml, states.yml, reports/ and static/",
                                hint: hint)
        }
    }

    /// The whole content folder, every report's text included.
    public func load(diagnostics: DiagnosticEngine) throws -> LoadedContent {
        let site = try loadSite(diagnostics: diagnostics)
        // Each file is read and checked on its own, its diagnostics kept with it (no shared state between threads).
        let results = site.reportFiles.parallelMap { name -> (LoadedReport?, [Diagnostic]) in
            let own = DiagnosticEngine(strict: diagnostics.strict)
            let report = loadReport(named: name, diagnostics: own)
            return (report, own.recorded)
        }
        for (_, found) in results { diagnostics.append(found) }
        let loaded = results.compactMap(\.0)
        checkDuplicates(loaded.map { ($0.metadata.symbol, $0.file.path) }, diagnostics: diagnostics)
        return LoadedContent(site: site.config, addressees: site.addressees, reports: loaded)
    }

    /// One file of `reports/`, read and its front matter checked (nil when it cannot be used; the reason is in `diagnostics`).
    /// `data`: the file's bytes when they were read already.
    public func loadReport(named name: String, data: Data? = nil, diagnostics: DiagnosticEngine) -> LoadedReport? {
        loadReport(reportURL(name), name: name, data: data, diagnostics: diagnostics)
    }

    /// Where the report file `name` is.
    public func reportURL(_ name: String) -> URL {
        contentDirectory.appendingPathComponent("reports").appendingPathComponent(name)
    }

    private func loadReport(_ url: URL, name: String, data: Data?, diagnostics: DiagnosticEngine) -> LoadedReport? {
        let path = display(url)
        let read = data.map { SourceFile.decode($0, displayPath: path, diagnostics: diagnostics) }
            ?? SourceFile.read(url, displayPath: path, diagnostics: diagnostics)
        guard let file = read else { return nil }
        guard let frontMatter = FrontMatter.split(file.text) else {
            if FrontMatter.opens(file.text) {
                diagnostics.error(.frontMatterNotClosed, file: path, at: SourcePosition(line: 1, column: 1),
                                  "the front matter opened at line 1 is never closed with `---`",
                                  hint: "end it with a line `---` after its last key (date, body ...), before the report's text")
                return nil
            }
            diagnostics.error(.missingFrontMatter, file: path, at: SourcePosition(line: 1, column: 1),
                              "the file does not start with front matter",
                              hint: "begin it with a `---` line, the keys symbol, title, date and body, and another `---` line")
            return nil
        }
        guard let metadata = MetadataReader(file: path, diagnostics: diagnostics).read(frontMatter) else { return nil }
        let fileName = name.split(separator: "/").last.map(String.init) ?? name
        if metadata.symbol.fileName != fileName {
            // Either may be the typo: name both, and let the author decide.
            let named = Symbol(String(fileName.dropLast(".md".count)).replacingOccurrences(of: "-", with: "/"))
            diagnostics.error(.fileNameMismatch, file: path, at: Self.symbolLine(file.text),
                              "the front matter says symbol \(metadata.symbol) but the file is named \(fileName)"
                                  + (named.map { " (symbol \($0))" } ?? ""),
                              hint: "correct whichever is wrong: the symbol, or rename the file to \(metadata.symbol.fileName)")
            return nil
        }
        return LoadedReport(file: file, metadata: metadata, body: frontMatter.body)
    }

    /// The position of the front matter's `symbol:` key (line 1 when it is not found).
    static func symbolLine(_ text: String) -> SourcePosition {
        for (i, line) in TextLines.split(text).enumerated().dropFirst() {
            if line.trimmingTrailingSpaces == "---" { break }
            if line.hasPrefix("symbol:") { return SourcePosition(line: i + 1, column: 1) }
        }
        return SourcePosition(line: 1, column: 1)
    }

    /// Two files may not claim one symbol, nor symbols that differ only in case (one page would overwrite the other).
    package func checkDuplicates(_ reports: [(symbol: Symbol, file: String)], diagnostics: DiagnosticEngine) {
        var seen: [String: String] = [:]
        for report in reports {
            let key = report.symbol.description.lowercased()
            if let first = seen[key] {
                diagnostics.error(.duplicateSymbol, file: report.file, at: SourcePosition(line: 1, column: 1),
                                  "symbol \(report.symbol) is already used by \(first)",
                                  hint: "each report needs its own symbol; symbols that differ only in case would share a page")
            } else {
                seen[key] = report.file
            }
        }
    }

    private func optionalFile(_ name: String, diagnostics: DiagnosticEngine, into inputs: inout Fingerprint) -> SourceFile? {
        let url = contentDirectory.appendingPathComponent(name)
        inputs.add(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            inputs.add("absent")
            return nil
        }
        let file = SourceFile.read(url, displayPath: display(url), diagnostics: diagnostics)
        inputs.add(file?.text ?? "unreadable")
        return file
    }

    package func display(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let base = displayBase.path.hasSuffix("/") ? displayBase.path : displayBase.path + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }
}
