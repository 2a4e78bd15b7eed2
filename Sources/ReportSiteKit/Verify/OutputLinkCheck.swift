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
    func check(_ ledger: PageLedger, assetPaths: [String]) {
        var pagesByPath: [String: PageEntry] = [:]
        for entry in ledger.entries where entry.isPage { pagesByPath[entry.path] = entry }
        var paths = Set(ledger.entries.map(\.path))
        for asset in assetPaths { paths.insert("assets/" + asset) }
        let (entries, files) = (pagesByPath, paths)
        let pages = entries.keys.sorted()
        let idSets = Dictionary(uniqueKeysWithValues: zip(pages, pages.parallelMap { Set(entries[$0]?.ids ?? []) }))
        let reportsByPage = Dictionary(corpus.reports.map { ($0.symbol.pagePath, $0) }, uniquingKeysWith: { a, _ in a })
        let checked = pages.filter { $0 != "404.html" }
        // Pages are checked in parallel, in batches; a batch's pages of one folder share most links
        // ("../../index.html"): each batch resolves each (folder, path) once.
        let batches = stride(from: 0, to: checked.count, by: 64).map { Array(checked[$0..<min($0 + 64, checked.count)]) }
        let diagnostics = self.diagnostics
        _ = batches.parallelMap { batch -> Int in
            var resolved: [String: String?] = [:]
            for page in batch {
                let folder = page.split(separator: "/").dropLast().joined(separator: "/")
                for href in entries[page]?.links ?? [] where Self.isInternal(href) {
                    let hash = href.utf8.firstIndex(of: UInt8(ascii: "#"))
                    let path = String(hash.map { href[..<$0] } ?? href[...])
                    let target: String?
                    if path.isEmpty {
                        target = page
                    } else if let known = resolved[folder + "|" + path] {
                        target = known
                    } else {
                        target = Self.resolve(path, from: page)
                        resolved[folder + "|" + path] = target
                    }
                    let anchor = hash.map { String(href[href.utf8.index(after: $0)...]) }
                    var problem: String?
                    if let target, files.contains(target) {
                        if let anchor, target.hasSuffix(".html"), !(idSets[target]?.contains(anchor) ?? false) {
                            problem = "the link \(href) on \(page) names an anchor #\(anchor) that \(target) does not have"
                        }
                    } else {
                        problem = "the link \(href) on \(page) names a file the site does not have"
                    }
                    guard let problem else { continue }
                    Self.report(problem, page: page, anchor: anchor, report: reportsByPage[page], diagnostics: diagnostics)
                }
            }
            return batch.count
        }
    }

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
        let bytes = href.utf8
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
        let up = "../".utf8
        var rest = Substring(relative).utf8[...]
        var steps = 0
        while rest.starts(with: up) {
            steps += 1
            rest = rest.dropFirst(3)
        }
        guard let first = rest.first, first != UInt8(ascii: "/"), first != UInt8(ascii: "."), rest.last != UInt8(ascii: "/") else { return nil }
        var previous: UInt8 = 0
        for b in rest {
            if b == UInt8(ascii: "?") || b == UInt8(ascii: "%") { return nil }
            if previous == UInt8(ascii: "/"), b == UInt8(ascii: "/") || b == UInt8(ascii: ".") { return nil }
            previous = b
        }
        var folder = page.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropLast()
        guard folder.count >= steps else { return nil }
        folder.removeLast(steps)
        let tail = String(Substring(rest))
        return folder.isEmpty ? tail : folder.map { String(Substring($0)) }.joined(separator: "/") + "/" + tail
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
    /// large site (32 MB at 5,000 reports) is never held whole.
    static func writeManifest(_ ledger: PageLedger, to writer: ChunkWriter) {
        let pages = ledger.entries.filter(\.isPage).sorted { $0.path < $1.path }
        for group in stride(from: 0, to: pages.count, by: 1024) {
            let batches = stride(from: group, to: min(group + 1024, pages.count), by: 128).map {
                Array(pages[$0..<min($0 + 128, pages.count, group + 1024)])
            }
            for text in batches.parallelMap({ batch -> String in
                var out = ""
                for entry in batch {
                    out += entry.path + "\n"
                    for id in (entry.ids ?? []).sorted() { out += entry.path + "#" + id + "\n" }
                }
                return out
            }) { writer.append(text) }
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
