import Foundation
import ReportSiteCore
import ReportSiteOutput
import ReportSiteReports
import ReportSiteSite

/// After rendering, before anything is written: every internal link of every page must name a file of the
/// site, and every `#anchor` an id of that page. A miss is an error naming the content file (and, for a
/// citation, the line) that produced it. Also makes the anchor manifest, `anchors.txt`.
struct OutputLinkCheck: Sendable {
    let corpus: Corpus
    let diagnostics: DiagnosticEngine

    /// Checks rendered files held in memory (tests); the build checks the ledger it kept while writing.
    func check(_ files: [OutputFile], assetPaths: [String]) {
        check(PageLedger(files.map(PageEntry.init)), assetPaths: assetPaths)
    }

    /// Checks every link of every page of the ledger of the rendered files.
    ///
    /// Run at every build, over the whole site (a reused page's links may point at a page that changed), so it
    /// works on the ledger's bytes: each file of the site is numbered once, a link is cut out of its page's list
    /// without making a string of it, resolved on bytes, and found by number; strings are made only for the path a
    /// link names and its anchor, and for the message of a broken link.
    func check(_ ledger: PageLedger, assetPaths: [String]) {
        // Every file of the site by number; the ledger index of the entry of each that is a page (the last, as the
        // ledger says), -1 for the others.
        var numbers: [String: Int] = [:]
        var paths: [String] = []
        var pageEntries: [Int] = []
        func number(_ path: String) -> Int {
            if let n = numbers[path] { return n }
            numbers[path] = paths.count
            paths.append(path)
            pageEntries.append(-1)
            return paths.count - 1
        }
        for i in ledger.indices {
            let n = number(ledger.path(i))
            if ledger.isPage(i) { pageEntries[n] = i }
        }
        for asset in assetPaths { _ = number("assets/" + asset) }
        let pages = pageEntries.indices.filter { pageEntries[$0] >= 0 }.sorted { paths[$0] < paths[$1] }
        let entries = pageEntries
        let html = paths.map { $0.hasSuffix(".html") }
        let reportsByPage = Dictionary(corpus.reports.map { ($0.symbol.pagePath, $0) }, uniquingKeysWith: { a, _ in a })
        let checked = pages.filter { paths[$0] != "404.html" }
        let (known, allPaths) = (numbers, paths)
        // Pages are checked in parallel, in batches. The ids of a page are read back from the ledger, as bytes, when
        // a link names one of its anchors, and kept for the rest of the batch (up to `Self.idBytesKept` bytes): the
        // ids of the whole site are never held.
        let batches = stride(from: 0, to: checked.count, by: 64).map { Array(checked[$0..<min($0 + 64, checked.count)]) }
        let diagnostics = self.diagnostics
        _ = batches.parallelMap { batch -> Int in
            var idBytes: [Int: [UInt8]] = [:]
            var kept = 0
            var needle: [UInt8] = []
            func has(_ target: Int, _ anchor: UnsafeBufferPointer<UInt8>) -> Bool {
                guard entries[target] >= 0 else { return false }
                if idBytes[target] == nil {
                    if kept > Self.idBytesKept {
                        idBytes.removeAll(keepingCapacity: true)
                        kept = 0
                    }
                    let ids = ledger.idBytes(entries[target])
                    kept += ids.count
                    idBytes[target] = ids
                }
                needle.removeAll(keepingCapacity: true)
                needle.append(0)
                needle += anchor
                needle.append(0)
                if idBytes[target]!.withUnsafeBufferPointer({ ids in needle.withUnsafeBufferPointer { Self.find($0, in: ids) } }) {
                    return true
                }
                // Not there byte for byte: ids compare as strings (`é` and `e` with a combining accent are one id),
                // so a miss, which is rare, is looked for among the ids as strings.
                let text = String(decoding: anchor, as: UTF8.self)
                return ledger.entry(entries[target]).ids?.contains(text) ?? false
            }
            for page in batch {
                let pagePath = allPaths[page]
                let links = ledger.linkBytes(entries[page])
                links.withUnsafeBufferPointer { bytes in
                    var start = 0
                    // Each link is followed by NUL (`PageEntry`).
                    for end in bytes.indices where bytes[end] == 0 {
                        let href = UnsafeBufferPointer(rebasing: bytes[start..<end])
                        start = end + 1
                        guard Self.isInternal(href) else { continue }
                        let hash = href.firstIndex(of: UInt8(ascii: "#"))
                        let path = UnsafeBufferPointer(rebasing: href[..<(hash ?? href.endIndex)])
                        let target: Int?
                        if path.isEmpty {
                            target = page
                        } else {
                            let resolved = Self.resolveSimple(path, from: pagePath)
                                ?? Self.resolvePieces(String(decoding: path, as: UTF8.self), from: pagePath)
                            target = resolved.flatMap { known[$0] }
                        }
                        let anchorBytes = hash.map { UnsafeBufferPointer(rebasing: href[($0 + 1)...]) }
                        var problem: String?
                        var anchor: String?
                        if let target {
                            if let anchorBytes, html[target], !has(target, anchorBytes) {
                                let text = String(decoding: anchorBytes, as: UTF8.self)
                                anchor = text
                                problem = "the link \(String(decoding: href, as: UTF8.self)) on \(pagePath) names an anchor #\(text) that \(allPaths[target]) does not have"
                            }
                        } else {
                            anchor = anchorBytes.map { String(decoding: $0, as: UTF8.self) }
                            problem = "the link \(String(decoding: href, as: UTF8.self)) on \(pagePath) names a file the site does not have"
                        }
                        guard let problem else { continue }
                        Self.report(problem, page: pagePath, anchor: anchor, report: reportsByPage[pagePath], diagnostics: diagnostics)
                    }
                }
            }
            return batch.count
        }
    }

    /// Whether `ids` (`PageLedger.idBytes`: NUL, then each id followed by NUL) holds `needle` (NUL, an id, NUL)
    /// at the start of one of its ids.
    static func find(_ needle: UnsafeBufferPointer<UInt8>, in ids: UnsafeBufferPointer<UInt8>) -> Bool {
        guard needle.count >= 2, ids.count >= needle.count else { return false }
        var p = 0
        let last = ids.count - needle.count
        while p <= last {
            // `p` is a NUL: an id starts after it.
            if ids[p + 1] == needle[1], memcmp(ids.baseAddress! + p, needle.baseAddress!, needle.count) == 0 { return true }
            guard let next = memchr(ids.baseAddress! + p + 1, 0, ids.count - p - 1) else { return false }
            p = ids.baseAddress!.distance(to: next.assumingMemoryBound(to: UInt8.self))
        }
        return false
    }

    /// How many bytes of ids a batch of the check keeps at once (then they are read again as needed).
    static let idBytesKept = 1 << 20

    /// A broken link, at the citation that made it when there is one, else at the report (or the page a template made).
    static func report(_ problem: String, page: String, anchor: String?, report: ReportSummary?, diagnostics: DiagnosticEngine) {
        let citation = report?.citations.first { c in
            anchor != nil && (c.paragraph.map(Anchor.paragraph) == anchor || c.section.map(Anchor.section) == anchor)
        }
        let hint = report == nil ? "a template produced this link: check Templates/"
            : citation != nil ? "correct the citation or the paragraph it names"
            : "a link written in the report: correct its address, or link to a file the site has"
        diagnostics.error(.brokenLink, file: report?.file ?? page, at: citation?.position ?? report.map { _ in SourcePosition(line: 1, column: 1) },
                          problem, hint: hint)
    }

    /// Links the site must hold itself: no scheme, not protocol- or root-relative. (On UTF-8 bytes: every
    /// character that decides is ASCII, and this runs for every link of the site.)
    static func isInternal(_ href: String) -> Bool {
        var href = href
        return href.withUTF8 { isInternal($0) }
    }

    static func isInternal(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.first == UInt8(ascii: "/") { return false }
        for b in bytes {
            if b == UInt8(ascii: ":") { return false }  // a scheme: nothing before it is `/`, `#` or `?`
            if b == UInt8(ascii: "/") || b == UInt8(ascii: "#") || b == UInt8(ascii: "?") { return true }
        }
        return true
    }

    /// `../../58/275/index.html` from `A/57/292/index.html` -> `A/58/275/index.html`; nil when it leaves the site.
    static func resolve(_ relative: String, from page: String) -> String? {
        resolveSimple(relative, from: page) ?? resolvePieces(relative, from: page)
    }

    /// `resolve`, piece by piece: every case.
    static func resolvePieces(_ relative: String, from page: String) -> String? {
        func pieces(_ text: Substring.UTF8View) -> [Substring.UTF8View] {
            text.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        }
        var parts: [String] = pieces(Substring(page).utf8).dropLast().map { String(Substring($0)) }
        let path = relative.utf8.split(separator: UInt8(ascii: "?"), maxSplits: 1, omittingEmptySubsequences: false)[0]
        // Files are named without percent escapes (`figures/map 1.png` for `figures/map%201.png`).
        for piece in pieces(path) {
            if piece.elementsEqual("..".utf8) {
                if parts.isEmpty { return nil } else { parts.removeLast() }
            } else if piece.isEmpty || piece.elementsEqual(".".utf8) {
                continue
            } else {
                let text = String(Substring(piece))
                parts.append(piece.contains(UInt8(ascii: "%")) ? text.removingPercentEncoding ?? text : text)
            }
        }
        return parts.joined(separator: "/")
    }

    /// The common case without splitting every piece: leading `../` steps, then a path with no `.` or `..`
    /// pieces, empty pieces, query or percent escape. nil when the path is not that simple (or leaves the site).
    static func resolveSimple(_ relative: String, from page: String) -> String? {
        var relative = relative
        return relative.withUTF8 { resolveSimple($0, from: page) }
    }

    /// `resolveSimple` on the link's bytes: one string made, the result.
    static func resolveSimple(_ relative: UnsafeBufferPointer<UInt8>, from page: String) -> String? {
        let dot = UInt8(ascii: "."), slash = UInt8(ascii: "/")
        var start = 0
        var steps = 0
        while start + 3 <= relative.count, relative[start] == dot, relative[start + 1] == dot, relative[start + 2] == slash {
            steps += 1
            start += 3
        }
        guard start < relative.count, relative[start] != slash, relative[start] != dot, relative[relative.count - 1] != slash else { return nil }
        var previous: UInt8 = 0
        for b in relative[start...] {
            if b == UInt8(ascii: "?") || b == UInt8(ascii: "%") { return nil }
            if previous == slash, b == slash || b == dot { return nil }
            previous = b
        }
        let tail = UnsafeBufferPointer(rebasing: relative[start...])
        var page = page
        return page.withUTF8 { bytes -> String? in
            // The page's folder has one piece a `/`; `steps` of them are left, from the end.
            var slashes: [Int] = []
            for (i, b) in bytes.enumerated() where b == slash { slashes.append(i) }
            guard slashes.count >= steps else { return nil }
            let kept = slashes.count - steps
            guard kept > 0 else { return String(decoding: tail, as: UTF8.self) }
            var out = [UInt8]()
            out.reserveCapacity(slashes[kept - 1] + 1 + tail.count)
            out += UnsafeBufferPointer(rebasing: bytes[...slashes[kept - 1]])
            out += tail
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// `anchors.txt`: one line a page and id (`A/58/275/index.html#para-80`), sorted; pages without ids too.
    /// Sorted page by page: no page's path is the start of another's (they end in `.html`), so this is the order
    /// of sorting every line at once, at a fraction of the cost.
    static func manifest(_ ledger: PageLedger) -> String {
        let writer = ChunkWriter.inMemory()
        writeManifest(ledger, to: writer)
        return String(decoding: writer.buffer, as: UTF8.self)
    }

    /// The manifest written a group of pages at a time, each group's lines made in parallel: the manifest of a
    /// large site (32 MB at 5,000 reports) is never held whole. Made on bytes: a page's ids are cut out of its
    /// ledger entry and sorted as strings sort (by their bytes when they are ASCII, where that is the same order).
    static func writeManifest(_ ledger: PageLedger, to writer: ChunkWriter) {
        let pages = ledger.indices.filter { ledger.isPage($0) }
            .sorted { ledger.path($0) != ledger.path($1) ? ledger.path($0) < ledger.path($1) : $0 < $1 }
        for group in stride(from: 0, to: pages.count, by: 1024) {
            let batches = stride(from: group, to: min(group + 1024, pages.count), by: 128).map {
                Array(pages[$0..<min($0 + 128, pages.count, group + 1024)])
            }
            for lines in batches.parallelMap({ batch -> [UInt8] in
                var out: [UInt8] = []
                for i in batch { manifestLines(ledger.entry(i), into: &out) }
                return out
            }) { writer.append(lines) }
        }
    }

    /// A page's lines of the manifest: its path, then `path#id` for each of its ids, sorted.
    static func manifestLines(_ entry: PageEntry, into out: inout [UInt8]) {
        var path = entry.path
        var ids = entry.texts.ids ?? ""
        path.withUTF8 { path in
            out += path
            out.append(0x0A)
            ids.withUTF8 { bytes in
                // Each id is followed by NUL (`PageEntry`).
                var ranges: [Range<Int>] = []
                var start = 0
                var ascii = true
                for i in bytes.indices {
                    if bytes[i] == 0 {
                        ranges.append(start..<i)
                        start = i + 1
                    } else if bytes[i] >= 0x80 {
                        ascii = false
                    }
                }
                if ascii {
                    ranges.sort { UnsafeBufferPointer(rebasing: bytes[$0]).lexicographicallyPrecedes(UnsafeBufferPointer(rebasing: bytes[$1])) }
                } else {
                    ranges.sort { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self)
                        < String(decoding: UnsafeBufferPointer(rebasing: bytes[$1]), as: UTF8.self) }
                }
                for range in ranges {
                    out += path
                    out.append(UInt8(ascii: "#"))
                    out += UnsafeBufferPointer(rebasing: bytes[range])
                    out.append(0x0A)
                }
            }
        }
    }

    /// Every anchor of an earlier manifest that the new site lost: an error each (bookmarks and citations break).
    static func compare(previous: String, file: String, current: String, diagnostics: DiagnosticEngine) {
        let now = Set(current.split(separator: "\n"))
        for (i, line) in previous.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let entry = line.trimmingCharacters(in: .whitespaces)
            guard !entry.isEmpty, !entry.hasPrefix("#"), !now.contains(Substring(entry)) else { continue }
            diagnostics.error(.anchorRemoved, file: file, at: SourcePosition(line: i + 1, column: 1),
                              "\(entry) was published before and is missing from the new site",
                              hint: "published links must keep working: restore the paragraph, page or note, or remove the line from the previous manifest on purpose")
        }
    }
}
