import Foundation
import ReportSiteCore
import ReportSiteReports

/// The content file `reportsite new SYMBOL` writes: the front matter the contract requires, with placeholders
/// to replace, and one numbered paragraph, so that it builds at once.
public enum ReportSkeleton {
    /// What a symbol must look like, said when one is refused.
    public static let symbolRule = "a document symbol is two or more parts separated by \"/\", each made of ASCII letters, "
        + "digits and inner full stops (A/58/275, E/CN.4/2000/82, A/HRC/43/15)"

    public static func isISODate(_ text: String) -> Bool {
        MetadataReader.isISODate(text)
    }

    /// The date a new report gets when none is given: the day of `SOURCE_DATE_EPOCH` when set, else today (UTC).
    public static func defaultDate(environment: [String: String], now: Date = Date()) -> String {
        let date = environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init).map { Date(timeIntervalSince1970: $0) } ?? now
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }

    public static func text(symbol: Symbol, title: String?, date: String, body: String? = nil, author: String? = nil) -> String {
        """
        ---
        # Fill in each value as the report's cover prints it (docs/CONTENT-FORMAT.md, section 1).
        symbol: \(symbol)
        title: \(yamlString(title ?? "Title of the report, as printed"))
        date: \(date)
        body: \(yamlString(body ?? "General Assembly"))
        \(authorLines(author))
        # mandate: Special Rapporteur on ...
        # session: Eightieth session
        # agenda_item: "70 (b)"
        # status: advance unedited version
        # excerpt: "pages 4-6: paragraphs 1-12"
        # source: where the text came from
        ---

        ## I. Introduction

        1. The first numbered paragraph of the report. Start each paragraph with its printed number, a full stop \
        and a space; headings start with their printed number (## II., ### A., #### 1.).

        """
    }

    /// The author's line when one is given; else the commented line to fill in, after the note on optional keys.
    private static func authorLines(_ author: String?) -> String {
        let note = "# Optional: remove the \"# \" in front of a key to use it.\n# subtitle: Note by the Secretary-General"
        guard let author else { return note + "\n# author: Name of the mandate holder" }
        return "author: " + yamlString(author) + "\n" + note
    }

    /// A YAML double-quoted scalar.
    static func yamlString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += String(format: "\\x%02X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
