/// Reads the values of `id`, `href` and `src` attributes out of the HTML this project renders (quoted with
/// `"`, values escaped): enough to check the site's own output, not a general HTML parser.
enum HTMLAttributes {
    struct Found {
        var ids: [String] = []
        var links: [String] = []
    }

    static func scan(_ html: String) -> Found {
        var found = Found()
        let bytes = Array(html.utf8)
        var i = 0
        let n = bytes.count
        while i < n {
            // Attributes stand after a space inside a tag: ` id="`, ` href="`, ` src="`.
            guard bytes[i] == UInt8(ascii: " ") else { i += 1; continue }
            var kind = 0
            if matches(bytes, i + 1, "id=\"") { kind = 1; i += 5 } else if matches(bytes, i + 1, "href=\"") { kind = 2; i += 7 } else if matches(bytes, i + 1, "src=\"") { kind = 2; i += 6 } else { i += 1; continue }
            var j = i
            while j < n, bytes[j] != UInt8(ascii: "\"") { j += 1 }
            let value = unescape(String(decoding: bytes[i..<j], as: UTF8.self))
            if kind == 1 { found.ids.append(value) } else { found.links.append(value) }
            i = j
        }
        return found
    }

    private static func matches(_ bytes: [UInt8], _ at: Int, _ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard at + count <= bytes.count else { return false }
        return text.withUTF8Buffer { buffer in
            for k in 0..<count where bytes[at + k] != buffer[k] { return false }
            return true
        }
    }

    private static func unescape(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
