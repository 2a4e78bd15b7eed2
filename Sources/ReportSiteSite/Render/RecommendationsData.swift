import Foundation
import ReportSiteCore
import ReportSiteOutput
import ReportSiteReports

/// `site/recommendations.json` and `site/recommendations.csv`, exactly as the contract's section 5 says.
/// Same content, same bytes.
struct RecommendationsData {
    let index: RecommendationIndex
    let generated: String
    /// `base_url` of site.yml: the CSV's `url` column is absolute when it is set.
    var baseURL = ""

    static func url(_ r: Recommendation) -> String { "\(r.report)/#\(r.anchor)" }
    static func section(_ r: Recommendation) -> String { r.section.joined(separator: " > ") }

    struct Record: Encodable {
        let report: String
        let paragraph: String
        let anchor: String
        let url: String
        let section: String
        let addressees: [String]
        let assigned_by: String
        let text: String
        // When the document says so (contract, section 5): absent otherwise.
        let country: String?
        let recommended_by: [String]?
        let position: String?
        let position_source: String?
    }

    struct AddresseeCount: Encodable {
        let slug: String
        let name: String
        let count: Int
    }

    struct File: Encodable {
        let generated: String
        let addressees: [AddresseeCount]
        let recommendations: [Record]
    }

    /// The file's content as `JSONEncoder` would encode it (`PrettyJSONTests` holds them equal).
    func file() -> File {
        File(generated: generated,
             addressees: index.groups.map { AddresseeCount(slug: $0.addressee.slug, name: $0.addressee.name, count: $0.records.count) },
             recommendations: index.records.map {
                 Record(report: $0.report.description, paragraph: $0.paragraph, anchor: $0.anchor, url: Self.url($0),
                        section: Self.section($0), addressees: $0.addressees, assigned_by: $0.assignedBy.rawValue, text: $0.text,
                        country: $0.country, recommended_by: $0.recommendedBy.isEmpty ? nil : $0.recommendedBy,
                        position: $0.reviewPosition?.rawValue, position_source: $0.positionSource)
             })
    }

    /// `recommendations.json`, written a chunk at a time.
    func writeJSON(to writer: ChunkWriter) {
        let addressees: [[(String, PrettyJSON.Value)]] = index.groups.map {
            [("slug", .string($0.addressee.slug)), ("name", .string($0.addressee.name)), ("count", .int($0.records.count))]
        }
        let records = index.records
        PrettyJSON.write([("generated", .string(generated)), ("addressees", .objects(addressees)),
                          ("recommendations", .lazyObjects(records.count) { i in
                              let r = records[i]
                              var fields: [(String, PrettyJSON.Value)] = [
                                  ("report", .string(r.report.description)), ("paragraph", .string(r.paragraph)), ("anchor", .string(r.anchor)),
                                  ("url", .string(Self.url(r))), ("section", .string(Self.section(r))), ("addressees", .strings(r.addressees)),
                                  ("assigned_by", .string(r.assignedBy.rawValue)), ("text", .string(r.text))]
                              if let country = r.country { fields.append(("country", .string(country))) }
                              if !r.recommendedBy.isEmpty { fields.append(("recommended_by", .strings(r.recommendedBy))) }
                              if let position = r.reviewPosition { fields.append(("position", .string(position.rawValue))) }
                              if let source = r.positionSource { fields.append(("position_source", .string(source))) }
                              return fields
                          })], to: writer)
    }

    func json() -> Data {
        let writer = ChunkWriter.inMemory()
        writeJSON(to: writer)
        return Data(writer.buffer)
    }

    static let csvHeader = ["report", "paragraph", "anchor", "url", "section", "addressee", "addressee_name", "assigned_by", "text",
                            "country", "recommended_by", "position", "position_source"]

    /// RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, quote or line break,
    /// quotes doubled. One row a recommendation and addressee. UTF-8 with a byte order mark: without it a
    /// spreadsheet opened by double-click (Excel) reads the text as a legacy code page and garbles accents.
    /// `url` is absolute (on `base_url`) when the site has one, so that it can be followed from a spreadsheet.
    func csv() -> Data {
        let writer = ChunkWriter.inMemory()
        writeCSV(to: writer)
        return Data(writer.buffer)
    }

    /// `recommendations.csv`, written a row at a time.
    func writeCSV(to writer: ChunkWriter) {
        func row(_ fields: [String]) {
            var bytes: [UInt8] = []
            for (i, field) in fields.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes += Self.csvField(field).utf8
            }
            bytes += [0x0D, 0x0A]
            writer.append(bytes)
        }
        writer.append(Array("\u{FEFF}".utf8))
        row(Self.csvHeader)
        for r in index.records {
            for slug in r.addressees {
                row([r.report.description, r.paragraph, r.anchor, (baseURL.isEmpty ? "" : baseURL + "/") + Self.url(r), Self.section(r), slug,
                     index.addressee(slug)?.name ?? slug, r.assignedBy.rawValue, r.text,
                     r.country ?? "", r.recommendedBy.joined(separator: "; "), r.reviewPosition?.rawValue ?? "", r.positionSource ?? ""])
            }
        }
    }

    /// A cell a spreadsheet will not run: text starting with `= + - @` (or a tab or carriage return) gets a
    /// leading apostrophe, as OWASP recommends against formula injection; then RFC 4180 quoting.
    static func csvField(_ value: String) -> String {
        var v = value
        if let first = v.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { v = "'" + v }
        guard UTF8Bytes.contains(v, where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else { return v }
        var quoted: [UInt8] = [UInt8(ascii: "\"")]
        for b in v.utf8 {
            quoted.append(b)
            if b == UInt8(ascii: "\"") { quoted.append(b) }
        }
        quoted.append(UInt8(ascii: "\""))
        return String(decoding: quoted, as: UTF8.self)
    }
}
