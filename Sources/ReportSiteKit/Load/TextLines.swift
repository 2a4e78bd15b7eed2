/// The lines of a text, split at `\n` on its UTF-8 bytes. (`String.split` walks grapheme clusters and was,
/// measured with callgrind, the largest single cost of a build: a quarter of all instructions.)
enum TextLines {
    static func split(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var i = start
        while i != utf8.endIndex {
            if utf8[i] == UInt8(ascii: "\n") {
                lines.append(text[start..<i])
                start = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        lines.append(text[start..<utf8.endIndex])
        return lines
    }
}
