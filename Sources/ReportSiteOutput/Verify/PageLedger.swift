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

/// Every file of a site, as the render stage wrote it. Only the paths are held in memory: the ids and links of
/// each page (the ledger of a large site is tens of megabytes) go, as they are added, to a spill file of this
/// build, unlinked as soon as it is opened (nothing is left on disk, even by a killed build), and are read back
/// one page at a time (`entry(_:)`) by the link check, the anchor manifest and the store. Without a spill file
/// they are kept in memory. Appending only: a copy of the ledger keeps seeing the entries it had.
package struct PageLedger: Sendable {
    private struct Record: Sendable {
        var path: String
        /// Where the ids then the links are; `inFile` false: in memory (`SpillBytes`).
        var offset: Int
        var inFile: Bool
        /// -1 for a file that is not a page.
        var idLength: Int
        var linkLength: Int
    }

    private var records: [Record] = []
    private let bytes = SpillBytes(name: "ledger")

    public init(_ entries: [PageEntry] = []) {
        add(entries)
    }

    package var count: Int { records.count }
    package var indices: Range<Int> { records.indices }
    package func path(_ i: Int) -> String { records[i].path }
    package func isPage(_ i: Int) -> Bool { records[i].idLength >= 0 }

    /// Entry `i`, its ids and links read back.
    package func entry(_ i: Int) -> PageEntry {
        let r = records[i]
        guard r.idLength > 0 || r.linkLength > 0 else {
            return PageEntry(path: r.path, idText: r.idLength < 0 ? nil : "", linkText: "")
        }
        let all = bytes.read(offset: r.offset, count: max(0, r.idLength) + r.linkLength, inFile: r.inFile)
        let ids = r.idLength < 0 ? nil : String(decoding: all[..<r.idLength], as: UTF8.self)
        return PageEntry(path: r.path, idText: ids, linkText: String(decoding: all[max(0, r.idLength)...], as: UTF8.self))
    }

    /// Entry `i`'s ids as the ledger holds them (each followed by NUL), with a NUL in front: `\0id\0` is found in
    /// it exactly when the page has the id `id`. Empty for a file that is not a page.
    package func idBytes(_ i: Int) -> [UInt8] {
        let r = records[i]
        guard r.idLength > 0 else { return r.idLength < 0 ? [] : [0] }
        return [0] + bytes.read(offset: r.offset, count: r.idLength, inFile: r.inFile)
    }

    /// Entry `i`'s links as the ledger holds them (each followed by NUL).
    package func linkBytes(_ i: Int) -> [UInt8] {
        let r = records[i]
        guard r.linkLength > 0 else { return [] }
        return bytes.read(offset: r.offset + max(0, r.idLength), count: r.linkLength, inFile: r.inFile)
    }

    /// Every entry, read back (tests and small ledgers; the build reads one entry at a time).
    public var entries: [PageEntry] { records.indices.map(entry) }

    public mutating func add(_ entry: PageEntry) {
        let (ids, links) = entry.texts
        var linkText = links
        var record = Record(path: entry.path, offset: 0, inFile: false, idLength: ids?.utf8.count ?? -1, linkLength: links.utf8.count)
        if record.idLength > 0 || record.linkLength > 0 {
            var data = [UInt8]()
            data.reserveCapacity(max(0, record.idLength) + record.linkLength)
            if var text = ids { text.withUTF8 { data += $0 } }
            linkText.withUTF8 { data += $0 }
            (record.offset, record.inFile) = bytes.append(data)
        }
        records.append(record)
    }

    public mutating func add(_ more: [PageEntry]) {
        for entry in more { add(entry) }
    }
}
