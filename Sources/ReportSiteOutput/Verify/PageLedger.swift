import Foundation
import ReportSiteCore

/// What the link check needs of a page, noted as the page is written and then dropped: its path, the ids it
/// defines and the links it makes. The ledger of a whole site is a small fraction of the site.
package struct PageEntry: Sendable, Equatable {
    public var path: String
    /// The ids and the links, each list as one string (values separated by NUL, which no page holds): two
    /// allocations a page instead of one a value, so that the ledger of thousands of pages stays small.
    private var idText: String?
    private var linkText: String
    private static let separator: Character = "\u{0}"

    /// nil for a file that is not a page (JSON, CSV, an image): it can be linked to, but has no anchors.
    public var ids: [String]? {
        get { idText.map(Self.split) }
        set { idText = newValue.map(Self.join) }
    }

    /// An HTML page (it has ids, maybe none), not another file.
    public var isPage: Bool { idText != nil }

    public var links: [String] {
        get { Self.split(linkText) }
        set { linkText = Self.join(newValue) }
    }

    public init(path: String, ids: [String]?, links: [String]) {
        self.path = path
        idText = ids.map(Self.join)
        linkText = Self.join(links)
    }

    /// The lists as `texts` gives them (`LedgerFile`): values each followed by NUL; nil ids for a file that is not a page.
    init(path: String, idText: String?, linkText: String) {
        self.path = path
        self.idText = idText
        self.linkText = linkText
    }

    /// The lists as stored: values each followed by NUL.
    package var texts: (ids: String?, links: String) { (idText, linkText) }

    /// Reads the ids and links of an HTML page; other files are entered by path only.
    public init(_ file: OutputFile) {
        if file.path.hasSuffix(".html") {
            let found = HTMLAttributes.scan(String(decoding: file.contents, as: UTF8.self))
            self.init(path: file.path, ids: found.ids, links: found.links)
        } else {
            self.init(path: file.path, ids: nil, links: [])
        }
    }

    private static func join(_ values: [String]) -> String {
        // An empty list and a list of one empty value must differ: each value is followed by the separator.
        var text = ""
        for value in values {
            text += value
            text.append(separator)
        }
        return text
    }

    private static func split(_ text: String) -> [String] {
        // On bytes: NUL is one byte, and a value may start with a combining mark.
        text.utf8.split(separator: 0, omittingEmptySubsequences: false).dropLast().map { String(Substring($0)) }
    }
}

/// Every file of a site, as the render stage wrote it.
package struct PageLedger: Sendable {
    public private(set) var entries: [PageEntry] = []

    public init(_ entries: [PageEntry] = []) {
        self.entries = entries
    }

    public mutating func add(_ entry: PageEntry) { entries.append(entry) }
    public mutating func add(_ more: [PageEntry]) { entries += more }
}
