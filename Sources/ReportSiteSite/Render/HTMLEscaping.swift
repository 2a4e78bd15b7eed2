import ReportSiteCore

/// Escaping for each context a value from content can land in: the one place the site's HTML and XML are
/// escaped (templates' `{{name}}`, the markup renderer, the recommendation pages, the server's error page).
public enum HTMLEscaping {
    /// Text and attribute values: `&` `<` `>` `"` `'` become `&amp;` `&lt;` `&gt;` `&quot;` `&#39;`.
    ///
    /// Done on UTF-8 bytes: the five are ASCII, and no byte of a multi-byte character is ASCII, so every one of
    /// them is escaped whatever follows it (a `"` carrying a combining accent is one Swift `Character`, and
    /// escaping character by character would leave it as it is, ending an attribute value early). Text with
    /// none of them, most text, is appended as it is after one pass over its bytes.
    public static func escape(_ text: String, into out: inout String) {
        let utf8 = text.utf8
        let special = utf8.withContiguousStorageIfAvailable { bytes in bytes.contains(where: isSpecial) }
            ?? utf8.contains(where: isSpecial)
        guard special else { out += text; return }
        var start = utf8.startIndex
        var i = start
        while i != utf8.endIndex {
            let replacement: String
            switch utf8[i] {
            case 0x26: replacement = "&amp;"
            case 0x3C: replacement = "&lt;"
            case 0x3E: replacement = "&gt;"
            case 0x22: replacement = "&quot;"
            case 0x27: replacement = "&#39;"
            default:
                i = utf8.index(after: i)
                continue
            }
            // Both ends are on ASCII bytes, so on scalar boundaries: the slice is whole UTF-8.
            if start != i { out += Substring(utf8[start..<i]) }
            out += replacement
            i = utf8.index(after: i)
            start = i
        }
        if start != utf8.endIndex { out += Substring(utf8[start...]) }
    }

    /// `escape(_:into:)` into a new string.
    public static func escape(_ text: String) -> String {
        var out = ""
        escape(text, into: &out)
        return out
    }

    @inline(__always)
    private static func isSpecial(_ b: UInt8) -> Bool {
        b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x27
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
