import Foundation

/// A report file read and its front matter checked, ready to parse.
public struct LoadedReport: Sendable {
    public var file: SourceFile
    public var metadata: ReportMetadata
    /// The Markdown body, front matter lines blanked (line numbers are the file's).
    public var body: String
}

/// Everything the `content/` folder holds.
public struct LoadedContent: Sendable {
    public var site: SiteConfig
    public var addressees: AddresseeVocabulary
    public var reports: [LoadedReport]
}

/// The load stage: finds and reads `content/`, checks front matter, file names and duplicate symbols.
public struct ContentLoader {
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

    public func load(diagnostics: DiagnosticEngine) throws -> LoadedContent {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        let reportsDirectory = contentDirectory.appendingPathComponent("reports")
        guard fm.fileExists(atPath: reportsDirectory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Failure.missingFolder(display(reportsDirectory))
        }
        let site = SiteConfig.read(optionalFile("site.yml", diagnostics: diagnostics), diagnostics: diagnostics)
        let addressees = AddresseeVocabulary.read(optionalFile("addressees.yml", diagnostics: diagnostics), diagnostics: diagnostics)

        let names = ((try? fm.contentsOfDirectory(atPath: reportsDirectory.path)) ?? [])
            .filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }
            .sorted()
        var reports: [LoadedReport?] = Array(repeating: nil, count: names.count)
        reports.withUnsafeMutableBufferPointer { slots in
            DispatchQueue.concurrentPerform(iterations: names.count) { i in
                let url = reportsDirectory.appendingPathComponent(names[i])
                slots[i] = loadReport(url, name: names[i], diagnostics: diagnostics)
            }
        }
        let loaded = reports.compactMap { $0 }
        checkDuplicates(loaded, diagnostics: diagnostics)
        return LoadedContent(site: site, addressees: addressees, reports: loaded)
    }

    private func loadReport(_ url: URL, name: String, diagnostics: DiagnosticEngine) -> LoadedReport? {
        let path = display(url)
        guard let file = SourceFile.read(url, displayPath: path, diagnostics: diagnostics) else { return nil }
        guard let frontMatter = FrontMatter.split(file.text) else {
            diagnostics.error(.missingFrontMatter, file: path, at: SourcePosition(line: 1, column: 1),
                              "the file does not start with front matter",
                              hint: "begin it with a `---` line, the keys symbol, title, date and body, and another `---` line")
            return nil
        }
        guard let metadata = MetadataReader(file: path, diagnostics: diagnostics).read(frontMatter) else { return nil }
        if metadata.symbol.fileName != name {
            diagnostics.error(.fileNameMismatch, file: path, at: SourcePosition(line: 1, column: 1),
                              "the file name does not match its symbol \(metadata.symbol)",
                              hint: "rename the file to \(metadata.symbol.fileName)")
            return nil
        }
        return LoadedReport(file: file, metadata: metadata, body: frontMatter.body)
    }

    /// Two files may not claim one symbol, nor symbols that differ only in case (one page would overwrite the other).
    private func checkDuplicates(_ reports: [LoadedReport], diagnostics: DiagnosticEngine) {
        var seen: [String: String] = [:]
        for report in reports {
            let key = report.metadata.symbol.description.lowercased()
            if let first = seen[key] {
                diagnostics.error(.duplicateSymbol, file: report.file.path, at: SourcePosition(line: 1, column: 1),
                                  "symbol \(report.metadata.symbol) is already used by \(first)",
                                  hint: "each report needs its own symbol; symbols that differ only in case would share a page")
            } else {
                seen[key] = report.file.path
            }
        }
    }

    private func optionalFile(_ name: String, diagnostics: DiagnosticEngine) -> SourceFile? {
        let url = contentDirectory.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return SourceFile.read(url, displayPath: display(url), diagnostics: diagnostics)
    }

    func display(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let base = displayBase.path.hasSuffix("/") ? displayBase.path : displayBase.path + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }
}
