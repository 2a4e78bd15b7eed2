import Foundation
import ReportSiteCore

/// What `reportsite init FOLDER` writes: a new site that `reportsite build` builds at once.
///
///     FOLDER/content/site.yml                 every key, commented
///     FOLDER/content/addressees.yml           copied from the project
///     FOLDER/content/recommending-verbs.yml   copied from the project
///     FOLDER/content/states.yml               copied from the project (when it has one)
///     FOLDER/content/reports/EXAMPLE-1.md     an example report, to replace
///     FOLDER/Templates/                       a copy of the templates
///     FOLDER/.gitignore                       /site/, /.reportsite-cache/, /.site.*
public enum SiteScaffold {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The files a new site is made from: a templates folder, and the folder holding the project's
    /// `addressees.yml` and `recommending-verbs.yml`.
    public struct Sources {
        public var templates: URL
        public var vocabulary: URL

        public init(templates: URL, vocabulary: URL) {
            self.templates = templates
            self.vocabulary = vocabulary
        }
    }

    /// Writes the new site into `folder`, which must not exist or be empty (nothing is ever replaced). On a
    /// failure, what this call wrote is removed again (and the folder, if it made it). Returns the paths written,
    /// relative to `folder`.
    @discardableResult
    public static func create(at folder: URL, from sources: Sources) throws -> [String] {
        let fm = FileManager.default
        // A symbolic link, dangling or not, is not a folder to write into: `fileExists` would follow it (and a
        // dangling one would look absent, to be removed on a failure).
        if (try? fm.destinationOfSymbolicLink(atPath: folder.path)) != nil {
            throw Failure(description: "\(folder.path) is a symbolic link; a new site goes into a new or empty folder")
        }
        var isDirectory: ObjCBool = false
        let existed = fm.fileExists(atPath: folder.path, isDirectory: &isDirectory)
        if existed {
            guard isDirectory.boolValue else {
                throw Failure(description: "\(folder.path) is a file, not a folder")
            }
            let entries = try fm.contentsOfDirectory(atPath: folder.path)
            guard entries.isEmpty else {
                throw Failure(description: "\(folder.path) is not empty (it holds \(entries.sorted().prefix(3).joined(separator: ", "))"
                    + "\(entries.count > 3 ? ", ..." : "")); a new site goes into a new or empty folder")
            }
        }
        for (name, what) in [("addressees.yml", "the addressee vocabulary"), ("recommending-verbs.yml", "the recommending language")] {
            guard fm.fileExists(atPath: sources.vocabulary.appendingPathComponent(name).path) else {
                throw Failure(description: "cannot find \(what), \(sources.vocabulary.appendingPathComponent(name).path)")
            }
        }
        var written: [String] = []
        var made = false
        do {
            if !existed {
                try fm.createDirectory(at: folder, withIntermediateDirectories: true)
                made = true
            }
            try fm.createDirectory(at: folder.appendingPathComponent("content/reports"), withIntermediateDirectories: true)
            written.append("content")
            try Data(siteYAML.utf8).write(to: folder.appendingPathComponent("content/site.yml"))
            for name in ["addressees.yml", "recommending-verbs.yml"] {
                try fm.copyItem(at: sources.vocabulary.appendingPathComponent(name), to: folder.appendingPathComponent("content/" + name))
            }
            // The States of the index: a site of another mandate needs them too; an older checkout may not have the file.
            let states = sources.vocabulary.appendingPathComponent("states.yml")
            if fm.fileExists(atPath: states.path) {
                try fm.copyItem(at: states, to: folder.appendingPathComponent("content/states.yml"))
            }
            try Data(exampleReport.utf8).write(to: folder.appendingPathComponent("content/reports/" + exampleSymbol.fileName))
            written.append("Templates")
            // The templates themselves, even when the folder named is a symbolic link to them: the new site's look
            // is its own, never the other project's through a link.
            try fm.copyItem(at: sources.templates.resolvingSymlinksInPath(), to: folder.appendingPathComponent("Templates"))
            written.append(".gitignore")
            try Data(gitignore.utf8).write(to: folder.appendingPathComponent(".gitignore"))
        } catch {
            // Only what this call made: the folder was new or empty.
            if made {
                try? fm.removeItem(at: folder)
            } else if existed {
                for name in written { try? fm.removeItem(at: folder.appendingPathComponent(name)) }
            }
            throw Failure(description: "cannot write the new site into \(folder.path): \(describeFileError(error))")
        }
        let hasStates = fm.fileExists(atPath: folder.appendingPathComponent("content/states.yml").path)
        return ["content/site.yml", "content/addressees.yml", "content/recommending-verbs.yml"] + (hasStates ? ["content/states.yml"] : [])
            + ["content/reports/" + exampleSymbol.fileName, "Templates/", ".gitignore"]
    }

    static let exampleSymbol = Symbol("EXAMPLE/1")!

    public static let gitignore = """
    # What reportsite writes: the site, the caches of incremental builds, and a build's temporary folders.
    /site/
    /.reportsite-cache/
    /.site.*

    """

    public static let siteYAML = """
    # The site's settings (docs/CONTENT-FORMAT.md). Every key is optional.

    # The site's name, shown on every page.
    title: Reports on human rights

    # One sentence about the site, for the index page and search engines.
    description: United Nations human-rights reports, with a link for every paragraph.

    # Where the site is published, e.g. "https://reports.example.org" (no trailing slash). Used for canonical links,
    # the sitemap and the url column of recommendations.csv. Leave it empty for a site opened from disk.
    base_url: ""

    # Where a cited document that is not on this site is linked; {symbol} is replaced by its symbol.
    documents: "https://undocs.org/{symbol}"

    # The language of the pages (an HTML lang code).
    language: en

    """

    /// A short report that shows the format: headings, numbered paragraphs, sub-paragraphs, a footnote, a
    /// recommendation to an addressee of the vocabulary. It builds without a warning, also under --strict.
    public static let exampleReport = """
    ---
    # An example: replace it with your reports (reportsite new SYMBOL, or reportsite import report.pdf).
    symbol: EXAMPLE/1
    title: An example report
    date: 2024-01-15
    body: General Assembly
    subtitle: Note by the Secretary-General
    ---

    ## I. Introduction

    1. Each numbered paragraph starts with its printed number, a full stop and a space. It gets an anchor, so that a \
    reader can link to it: this one is para-1.

    2. Footnotes are written as the report prints them.[^1] Sub-paragraphs are blocks of their own:

    (a) A first sub-paragraph, anchored para-2-a;

    (b) A second one. See paragraph 1 above.

    ## II. Recommendations

    3. The Secretary-General recommends that States make every paragraph of their reports easy to cite.

    [^1]: The text of the footnote.

    """
}
