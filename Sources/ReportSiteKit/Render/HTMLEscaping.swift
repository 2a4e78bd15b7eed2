/// Escaping for each context a value from content can land in.
enum HTMLEscaping {
    /// Text and attribute values: `& < > " '`.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A URL from content, for an `href` or `src`: nil when its scheme could run code or read files
    /// (`javascript:`, `vbscript:`, `data:`, `file:`); otherwise percent-encoded where needed.
    static func safeURL(_ url: String) -> String? {
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
        // Browsers ignore tabs, newlines and control characters inside a scheme: compare without them.
        let compact = String(trimmed.unicodeScalars.filter { $0.value > 0x20 }).lowercased()
        for scheme in ["javascript:", "vbscript:", "data:", "file:"] where compact.hasPrefix(scheme) { return nil }
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%".unicodeScalars)
        var out = ""
        for s in trimmed.unicodeScalars {
            if allowed.contains(s) { out.unicodeScalars.append(s) } else { for b in String(s).utf8 { out += String(format: "%%%02X", b) } }
        }
        return out
    }
}
