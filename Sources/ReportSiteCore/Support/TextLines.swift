import Foundation

/// The lines of a text, split at `\n` on its UTF-8 bytes. (`String.split` walks grapheme clusters and was,
/// measured with callgrind, the largest single cost of a build: a quarter of all instructions. Walking the
/// `utf8` view index by index still cost a tenth: the line ends are now found with `memchr` on the bytes.)
package enum TextLines {
    package static func split(_ text: String) -> [Substring] {
        var ends: [Int] = []
        var copy = text
        copy.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var from = 0
            while from < bytes.count, let hit = memchr(base + from, Int32(UInt8(ascii: "\n")), bytes.count - from) {
                let at = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                ends.append(at)
                from = at + 1
            }
        }
        var lines: [Substring] = []
        lines.reserveCapacity(ends.count + 1)
        let utf8 = text.utf8
        var start = utf8.startIndex
        var startOffset = 0
        for end in ends {
            let stop = utf8.index(start, offsetBy: end - startOffset)
            lines.append(text[start..<stop])
            start = utf8.index(after: stop)
            startOffset = end + 1
        }
        lines.append(text[start...])
        return lines
    }
}

/// Byte tests over a string's contiguous UTF-8, without walking the `utf8` view one index at a time.
package enum UTF8Bytes {
    /// Whether any byte of `text` passes `test`.
    @inline(__always)
    package static func contains(_ text: String, where test: (UInt8) -> Bool) -> Bool {
        var text = text
        return text.withUTF8 { $0.contains(where: test) }
    }

    /// Whether `text` holds the byte `byte`.
    package static func contains(_ text: String, _ byte: UInt8) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }
}
