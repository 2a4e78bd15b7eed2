import Foundation
import ReportSiteCore
import ReportSiteOutput

/// `site/citations.json`: every citation found, where it points and whether it resolved on the site.
/// In report order (by symbol), then reading order; keys sorted: the same bytes for the same content.
struct CitationsData {
    let corpus: Corpus
    let links: LinkTable

    struct Record: Encodable {
        let source_report: String
        let source_paragraph: String?
        let source_line: Int
        let text: String
        let kind: String
        let target_symbol: String
        let target_paragraph: String?
        let target_section: String?
        let resolved_on_site: Bool
        /// Root-relative for a page of the site (`A/58/275/#para-80`), absolute otherwise; null when left as text.
        let url: String?

        enum CodingKeys: String, CodingKey {
            case source_report, source_paragraph, source_line, text, kind, target_symbol, target_paragraph, target_section, resolved_on_site, url
        }

        /// Every key is always present (null when there is no value), so scripts can rely on the shape.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(source_report, forKey: .source_report)
            try c.encode(source_paragraph, forKey: .source_paragraph)
            try c.encode(source_line, forKey: .source_line)
            try c.encode(text, forKey: .text)
            try c.encode(kind, forKey: .kind)
            try c.encode(target_symbol, forKey: .target_symbol)
            try c.encode(target_paragraph, forKey: .target_paragraph)
            try c.encode(target_section, forKey: .target_section)
            try c.encode(resolved_on_site, forKey: .resolved_on_site)
            try c.encode(url, forKey: .url)
        }
    }

    struct File: Encodable {
        let count: Int
        let citations: [Record]
    }

    /// Every citation, in order: (report, citation) positions, so that records are made one at a time.
    private func positions() -> [(report: Int, citation: Int)] {
        corpus.reports.indices.flatMap { r in corpus.reports[r].citations.indices.map { (r, $0) } }
    }

    private func record(report r: Int, citation i: Int) -> Record {
        let report = corpus.reports[r]
        let c = report.citations[i]
        let resolved = links[report.symbol].resolved
        let res = i < resolved.count ? resolved[i] : ResolvedCitation()
        var url: String?
        if let target = res.target {
            url = target.description + "/" + (res.anchor.map { "#" + $0 } ?? "")
        } else {
            url = res.externalURL
        }
        let source = c.sourceAnchor.flatMap { Anchor.paragraphID($0) ?? $0 }
        return Record(source_report: report.symbol.description, source_paragraph: source, source_line: c.position.line,
                      text: c.text, kind: c.kind.rawValue, target_symbol: c.symbol ?? report.symbol.description,
                      target_paragraph: c.paragraph, target_section: c.section,
                      resolved_on_site: res.target != nil, url: url)
    }

    func records() -> [Record] {
        positions().map { record(report: $0.report, citation: $0.citation) }
    }

    /// The file, written a chunk at a time: no list of every record is held.
    func write(to writer: ChunkWriter) {
        let places = positions()
        PrettyJSON.write([("count", .int(places.count)), ("citations", .lazyObjects(places.count) { n in
            let r = record(report: places[n].report, citation: places[n].citation)
            return [("source_report", .string(r.source_report)), ("source_paragraph", .optional(r.source_paragraph)),
                    ("source_line", .int(r.source_line)), ("text", .string(r.text)), ("kind", .string(r.kind)),
                    ("target_symbol", .string(r.target_symbol)), ("target_paragraph", .optional(r.target_paragraph)),
                    ("target_section", .optional(r.target_section)), ("resolved_on_site", .bool(r.resolved_on_site)),
                    ("url", .optional(r.url))]
        })], to: writer)
    }

    func json() -> Data {
        let writer = ChunkWriter.inMemory()
        write(to: writer)
        return Data(writer.buffer)
    }
}
