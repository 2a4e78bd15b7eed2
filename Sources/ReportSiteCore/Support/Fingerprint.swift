import Foundation

/// The fingerprint of a file's bytes.
package func fileDigest(_ data: Data) -> String {
    var f = Fingerprint()
    f.add(data)
    return f.hex
}

/// A 128-bit fingerprint of a sequence of fields, for telling whether a page's or a report's inputs changed (not
/// for security). Each field is preceded by its length, so that ("ab", "c") and ("a", "bc") differ. The bytes are
/// taken eight at a time into two lanes, each a multiply and a shift with its own odd constant, so that hashing
/// the whole content folder costs a fraction of reading it.
package struct Fingerprint {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x6c62_272e_07bb_0142

    package init() {}

    package mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    /// A file's bytes, as they are (no decoding).
    package mutating func add(_ data: Data) {
        data.withUnsafeBytes { add($0) }
    }

    private mutating func add(_ raw: UnsafeRawBufferPointer) {
        let count = raw.count
        mix(UInt64(count))
        var i = 0
        while i + 8 <= count {
            mix(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        if i < count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < count {
                tail |= UInt64(raw[i]) << shift
                shift += 8
                i += 1
            }
            mix(tail)
        }
    }

    package mutating func add(_ number: Int) { add(String(number)) }

    /// One word as it is (no length before it): for structure, such as a node's kind in `InputDigest`.
    package mutating func add(word: UInt64) { mix(word) }

    private mutating func mix(_ word: UInt64) {
        a = (a ^ word) &* 0x9e37_79b9_7f4a_7c15
        a ^= a >> 32
        b = (b ^ word) &* 0xc2b2_ae3d_27d4_eb4f
        b ^= b >> 29
    }

    package var hex: String {
        String(a, radix: 16).leftPadded(16) + String(b, radix: 16).leftPadded(16)
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
