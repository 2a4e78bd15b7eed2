import ReportSiteCore

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

    /// The five escapes `HTMLEscaping.escape` writes, undone in one pass over the bytes.
    private static func unescape(_ s: String) -> String {
        guard UTF8Bytes.contains(s, UInt8(ascii: "&")) else { return s }
        let escapes: [(String, UInt8)] = [("&quot;", UInt8(ascii: "\"")), ("&#39;", UInt8(ascii: "'")), ("&lt;", UInt8(ascii: "<")),
                                          ("&gt;", UInt8(ascii: ">")), ("&amp;", UInt8(ascii: "&"))]
        let bytes = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        outer: while i < bytes.count {
            if bytes[i] == UInt8(ascii: "&") {
                for (entity, byte) in escapes {
                    let e = Array(entity.utf8)
                    if i + e.count <= bytes.count, Array(bytes[i..<i + e.count]) == e {
                        out.append(byte)
                        i += e.count
                        continue outer
                    }
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
