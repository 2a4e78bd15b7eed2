/// Escaping for each context a value from content can land in.
public enum HTMLEscaping {
    /// Text and attribute values: `& < > " '`.
    public static func escape(_ text: String) -> String {
        // On UTF-8 bytes: the five characters are ASCII, and most text has none of them.
        let special: (UInt8) -> Bool = { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
        guard UTF8Bytes.contains(text, where: special) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for b in text.utf8 {
            switch b {
            case 0x26: out += Array("&amp;".utf8)
            case 0x3C: out += Array("&lt;".utf8)
            case 0x3E: out += Array("&gt;".utf8)
            case 0x22: out += Array("&quot;".utf8)
            case 0x27: out += Array("&#39;".utf8)
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
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
