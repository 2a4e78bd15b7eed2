import Foundation
import ReportSiteCore

/// How postings are packed, as text that needs no escaping in a JavaScript string:
///
/// - a number is written in base 32, most significant digit first; every digit but the last is one of
///   `wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_`, the last one of `0123456789abcdefghijklmnopqrstuv` (so 0-31 take one
///   character, up to 1023 two);
/// - a report's places of a word: the number of places minus one, the first place, then each next place minus
///   the one before minus one (places are the indexes of `Report.searchUnits`);
/// - a word's postings in a shard: for each report that has it, in corpus order, its index minus the previous
///   one's minus one (the first: its index), then that report's places.
///
/// A report's words (kept in its cache entry) are lines `word TAB places`, sorted (as Swift sorts strings); the
/// shards are made from them by putting each report's index in front of its places, without unpacking anything.
enum SearchPacking {
    static let last = Array("0123456789abcdefghijklmnopqrstuv".utf8)
    static let more = Array("wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_".utf8)

    static func append(_ value: Int, to out: inout [UInt8]) {
        var shift = 0
        while value >> (shift + 5) > 0 { shift += 5 }
        while shift > 0 {
            out.append(more[(value >> shift) & 31])
            shift -= 5
        }
        out.append(last[value & 31])
    }

    /// Unpacks a sequence of numbers (tests).
    static func numbers(_ text: String) -> [Int] {
        var out: [Int] = []
        var v = 0
        for b in text.utf8 {
            if let d = last.firstIndex(of: b) {
                out.append(v * 32 + d)
                v = 0
            } else if let d = more.firstIndex(of: b) {
                v = v * 32 + d
            }
        }
        return out
    }

    /// The words of a report's places, with the places of each: the lines of its cache entry.
    static func reportWords(_ units: [SearchUnit]) -> [UInt8] {
        var table = WordTable()
        // The stop words are the first entries: a word found among them is skipped, with one lookup.
        for w in SearchText.stopWords.sorted() { _ = table.entry(Array(w.utf8)[...]) }
        let stops = table.count
        var places: [[Int]] = []
        var tokenizer = SearchText.Tokenizer()
        for (u, unit) in units.enumerated() {
            tokenizer.scan(unit.text) { w in
                if w.count > SearchText.maxLength, w.reduce(0, { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }) > SearchText.maxLength { return }
                let (e, new) = table.entry(w)
                if e < stops { return }
                if new { places.append([u]) } else if places[e - stops].last != u { places[e - stops].append(u) }
            }
        }
        var out: [UInt8] = []
        for e in (stops..<table.count).sorted(by: { table.word($0).lexicographicallyPrecedes(table.word($1)) }) {
            let list = places[e - stops]
            out += table.word(e)
            out.append(0x09)
            append(list.count - 1, to: &out)
            var previous = -1
            for p in list {
                append(p - previous - 1, to: &out)
                previous = p
            }
            out.append(0x0A)
        }
        return out
    }

    /// The postings of every word of the site, gathered report after report. Memory holds the words and the size
    /// of each one's postings; the postings themselves (tens of megabytes for a large site) go, report after
    /// report, to a spill file of the build (`SpillBytes`), as records `entry, length, bytes` (varints), and are
    /// read back a group of shards at a time (`postings(of:)`) when the shards are written.
    struct Merger {
        private var table = WordTable()
        /// The size of each word's postings.
        private(set) var sizes: [Int] = []
        private var previous: [Int32] = []
        private let spill = SpillBytes(name: "search")
        /// The records not yet written, and where the written ones are (whole reports each).
        private var pending: [UInt8] = []
        private var blocks: [(offset: Int, count: Int, inFile: Bool)] = []
        static let blockSize = 1 << 20

        /// The words, by entry (made anew at each call).
        var names: [String] { (0..<table.count).map { String(decoding: table.word($0), as: UTF8.self) } }

        /// Adds report `report`'s words (its lines); reports must come in increasing order.
        mutating func add(report: Int, _ blob: [UInt8]) {
            var posting: [UInt8] = []
            blob.withUnsafeBufferPointer { buf in
                var i = 0
                let n = buf.count
                while i < n {
                    var tab = i
                    while tab < n, buf[tab] != 0x09 { tab += 1 }
                    var end = tab
                    while end < n, buf[end] != 0x0A { end += 1 }
                    guard tab < end else { return }  // not a line this tool wrote
                    let (t, new) = table.entry(UnsafeBufferPointer(rebasing: buf[i..<tab]))
                    if new {
                        sizes.append(0)
                        previous.append(-1)
                    }
                    posting.removeAll(keepingCapacity: true)
                    SearchPacking.append(report - Int(previous[t]) - 1, to: &posting)
                    posting.append(contentsOf: UnsafeBufferPointer(rebasing: buf[(tab + 1)..<end]))
                    Self.appendVarint(t, to: &pending)
                    Self.appendVarint(posting.count, to: &pending)
                    pending += posting
                    sizes[t] += posting.count
                    previous[t] = Int32(report)
                    i = end + 1
                }
            }
            if pending.count >= Self.blockSize { flush() }
        }

        private mutating func flush() {
            guard !pending.isEmpty else { return }
            let (offset, inFile) = spill.append(pending)
            blocks.append((offset, pending.count, inFile))
            pending.removeAll(keepingCapacity: true)
        }

        /// The postings of each of `terms` (entries of `names`), in that order: one pass over what was spilled.
        mutating func postings(of terms: [Int]) -> [[UInt8]] {
            flush()
            var slot = [Int32](repeating: -1, count: table.count)
            var out: [[UInt8]] = []
            out.reserveCapacity(terms.count)
            for (k, t) in terms.enumerated() {
                slot[t] = Int32(k)
                out.append([])
                out[k].reserveCapacity(sizes[t])
            }
            for block in blocks {
                let bytes = spill.read(offset: block.offset, count: block.count, inFile: block.inFile)
                bytes.withUnsafeBufferPointer { buf in
                    var i = 0
                    while i < buf.count {
                        let t = Self.varint(buf, &i)
                        let count = Self.varint(buf, &i)
                        if slot[t] >= 0 { out[Int(slot[t])].append(contentsOf: UnsafeBufferPointer(rebasing: buf[i..<(i + count)])) }
                        i += count
                    }
                }
            }
            return out
        }

        private static func appendVarint(_ value: Int, to out: inout [UInt8]) {
            var v = UInt(value)
            while v >= 0x80 {
                out.append(UInt8(v & 0x7F) | 0x80)
                v >>= 7
            }
            out.append(UInt8(v))
        }

        private static func varint(_ buf: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Int {
            var v = 0
            var shift = 0
            while true {
                let b = buf[i]
                i += 1
                v |= Int(b & 0x7F) << shift
                if b < 0x80 { return v }
                shift += 7
            }
        }

        struct Shard {
            var key: String
            /// Indexes into `names`, sorted by the word's bytes.
            var terms: [Int]
        }

        /// The words cut into shards: all words in one shard of key "" when small enough, else split by their
        /// next character, the largest groups first, until what is left under the key is at most `limit` bytes.
        /// The shard of a word is the one with the longest key that begins it.
        func shards(limit: Int) -> [Shard] {
            let names = self.names
            let order = names.indices.sorted { names[$0].utf8.lexicographicallyPrecedes(names[$1].utf8) }
            let scalars = names.map { Array($0.unicodeScalars) }
            let sizes = names.indices.map { names[$0].utf8.count + self.sizes[$0] + 6 }
            var out: [Shard] = []
            func split(_ key: [Unicode.Scalar], _ terms: [Int]) {
                let total = terms.reduce(0) { $0 + sizes[$1] }
                var rest: [Int] = []
                var groups: [Unicode.Scalar: [Int]] = [:]
                for t in terms {
                    if scalars[t].count == key.count { rest.append(t) } else { groups[scalars[t][key.count], default: []].append(t) }
                }
                var left = total
                var taken: Set<Unicode.Scalar> = []
                let bySize = groups.map { ($0.key, $0.value.reduce(0) { $0 + sizes[$1] }) }
                    .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.value < $1.0.value }
                for (c, size) in bySize where left > limit {
                    taken.insert(c)
                    left -= size
                    split(key + [c], groups[c]!)
                }
                for (c, list) in groups where !taken.contains(c) { rest += list }
                if !rest.isEmpty {
                    var k = String.UnicodeScalarView()
                    k.append(contentsOf: key)
                    out.append(Shard(key: String(k), terms: rest.sorted { names[$0].utf8.lexicographicallyPrecedes(names[$1].utf8) }))
                }
            }
            split([], order)
            return out.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        }
    }
}

private extension Array where Element == Int {
    /// A place once, however often the word stands there.
    mutating func addPlace(_ place: Int) {
        if last != place { append(place) }
    }
}

/// Words as bytes, found through an FNV-1a hash in an open-addressed table: no string is made, and no
/// general-purpose hashing done, for each of the millions of words of a site.
struct WordTable {
    private var arena: [UInt8] = []
    /// Entry e is `arena[starts[e]..<starts[e + 1]]`.
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    private var slots = [Int32](repeating: -1, count: 1024)

    var count: Int { hashes.count }

    func word(_ entry: Int) -> ArraySlice<UInt8> {
        arena[starts[entry]..<starts[entry + 1]]
    }

    /// The entry of a word, added when it is new.
    mutating func entry(_ word: ArraySlice<UInt8>) -> (Int, isNew: Bool) {
        word.withUnsafeBufferPointer { entry($0) }
    }

    mutating func entry(_ word: UnsafeBufferPointer<UInt8>) -> (Int, isNew: Bool) {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in word { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: h) & mask
        while slots[s] >= 0 {
            let e = Int(slots[s])
            if hashes[e] == h, starts[e + 1] - starts[e] == word.count,
               word.isEmpty || arena.withUnsafeBufferPointer({ memcmp($0.baseAddress! + starts[e], word.baseAddress!, word.count) == 0 }) {
                return (e, false)
            }
            s = (s + 1) & mask
        }
        let e = hashes.count
        arena.append(contentsOf: word)
        starts.append(arena.count)
        hashes.append(h)
        slots[s] = Int32(e)
        if hashes.count * 2 > slots.count { grow() }
        return (e, true)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (e, h) in hashes.enumerated() {
            var s = Int(truncatingIfNeeded: h) & mask
            while slots[s] >= 0 { s = (s + 1) & mask }
            slots[s] = Int32(e)
        }
    }
}
