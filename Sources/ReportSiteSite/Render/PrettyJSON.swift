import ReportSiteCore
import ReportSiteOutput

/// JSON written as Foundation's `JSONEncoder` writes it with `.prettyPrinted`, `.sortedKeys` and
/// `.withoutEscapingSlashes`, byte for byte, but straight into a byte buffer: no tree of boxed values and no
/// string concatenation, which for the data files of a large site cost more than everything else of an
/// incremental build. `PrettyJSONTests` checks it against `JSONEncoder` on real content and on hostile strings.
struct PrettyJSON {
    enum Value {
        case string(String)
        /// `null` when nil.
        case optional(String?)
        case int(Int)
        case bool(Bool)
        case strings([String])
        /// An array of objects, each made of fields.
        case objects([[(String, Value)]])
        /// An array of `count` objects, each made when it is written (the records of a large site).
        case lazyObjects(Int, (Int) -> [(String, Value)])
    }

    private(set) var bytes: [UInt8] = []
    /// Where the bytes go as they are made (nil: they stay in `bytes`).
    private var writer: ChunkWriter?

    /// A file whose top level is an object, written to `writer` a chunk at a time.
    static func write(_ fields: [(String, Value)], to writer: ChunkWriter) {
        var json = PrettyJSON()
        json.writer = writer
        json.object(fields, depth: 0)
        json.bytes.append(0x0A)
        writer.take(&json.bytes)
    }

    /// A file whose top level is an object, in memory.
    static func file(_ fields: [(String, Value)]) -> [UInt8] {
        let writer = ChunkWriter.inMemory()
        write(fields, to: writer)
        return writer.buffer
    }

    private mutating func indent(_ depth: Int) {
        for _ in 0..<depth { bytes += [0x20, 0x20] }
    }

    private mutating func ascii(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "\""): ascii("\\\"")
            case UInt8(ascii: "\\"): ascii("\\\\")
            case 0x0A: ascii("\\n")
            case 0x0D: ascii("\\r")
            case 0x09: ascii("\\t")
            case 0x08: ascii("\\b")
            case 0x0C: ascii("\\f")
            case 0..<0x20:
                ascii("\\u00")
                let hex: StaticString = "0123456789abcdef"
                hex.withUTF8Buffer { bytes += [$0[Int(b >> 4)], $0[Int(b & 0xF)]] }
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The value of a field or item at `depth`.
    private mutating func value(_ value: Value, depth: Int) {
        switch value {
        case .string(let s): string(s)
        case .optional(let s): if let s { string(s) } else { ascii("null") }
        case .int(let n): bytes += Array(String(n).utf8)
        case .bool(let b): if b { ascii("true") } else { ascii("false") }
        case .strings(let list): array(list.count, depth: depth) { json, i in json.string(list[i]) }
        case .objects(let list): array(list.count, depth: depth) { json, i in json.object(list[i], depth: depth + 1) }
        case .lazyObjects(let count, let make): array(count, depth: depth) { json, i in json.object(make(i), depth: depth + 1) }
        }
    }

    /// An object at `depth` (0 for the file's own), its keys sorted.
    mutating func object(_ fields: [(String, Value)], depth: Int) {
        ascii("{\n")
        for (n, field) in fields.sorted(by: { $0.0 < $1.0 }).enumerated() {
            if n > 0 { ascii(",\n") }
            indent(depth + 1)
            string(field.0)
            ascii(" : ")
            value(field.1, depth: depth + 1)
        }
        bytes.append(0x0A)
        indent(depth)
        bytes.append(UInt8(ascii: "}"))
    }

    /// An array at `depth` of `count` items, each written by `item` (at `depth + 1`).
    mutating func array(_ count: Int, depth: Int, item: (inout PrettyJSON, Int) -> Void) {
        ascii("[\n")
        for i in 0..<count {
            if i > 0 { ascii(",\n") }
            indent(depth + 1)
            item(&self, i)
            if let writer, bytes.count >= writer.chunk { writer.take(&bytes) }
        }
        bytes.append(0x0A)
        indent(depth)
        bytes.append(UInt8(ascii: "]"))
    }
}
