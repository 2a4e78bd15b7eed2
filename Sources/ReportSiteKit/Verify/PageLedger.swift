import Foundation

/// What the link check needs of a page, noted as the page is written and then dropped: its path, the ids it
/// defines and the links it makes. The ledger of a whole site is a small fraction of the site.
public struct PageEntry: Sendable, Equatable {
    public var path: String
    /// nil for a file that is not a page (JSON, CSV, an image): it can be linked to, but has no anchors.
    public var ids: [String]?
    public var links: [String]

    public init(path: String, ids: [String]?, links: [String]) {
        self.path = path
        self.ids = ids
        self.links = links
    }

    /// Reads the ids and links of an HTML page; other files are entered by path only.
    public init(_ file: OutputFile) {
        path = file.path
        if file.path.hasSuffix(".html") {
            let found = HTMLAttributes.scan(String(decoding: file.contents, as: UTF8.self))
            ids = found.ids
            links = found.links
        } else {
            ids = nil
            links = []
        }
    }
}

/// Every file of a site, as the render stage wrote it.
public struct PageLedger: Sendable {
    public private(set) var entries: [PageEntry] = []

    public init(_ entries: [PageEntry] = []) {
        self.entries = entries
    }

    public mutating func add(_ entry: PageEntry) { entries.append(entry) }
    public mutating func add(_ more: [PageEntry]) { entries += more }
}
