import ReportSiteCore

/// A report's page model as compact bytes, so that the render stage takes it from the analysis stage (through the
/// build store) instead of parsing and analysing the file a second time (issue 20). Reading it back costs a walk
/// over the bytes: no parse, no JSON.
///
/// Only the text's tree is written (sections, body, footnotes) and the source fingerprint; what the summary holds
/// already (metadata, file, citations, recommendations) is taken from the summary when the model is read back, so
/// it is kept once. Integers are LEB128 varints (zig-zag: any Int), strings their UTF-8 length
/// then bytes, optionals a byte 0/1 before the value, arrays their count then the elements, enums a tag byte.
/// A change to any of the model's types changes `version`; bytes of another version are never read.
package enum ReportCoding {
    package static let version: UInt8 = 1

    /// The bytes of `report`'s tree and fingerprint.
    package static func encode(_ report: Report) -> [UInt8] {
        var w = ModelWriter()
        w.bytes.append(version)
        w.string(report.sourceFingerprint)
        w.array(report.sections) { $0.section($1) }
        w.array(report.body) { $0.bodyItem($1) }
        w.array(report.footnotes) { $0.footnote($1) }
        return w.bytes
    }

    /// The report of `summary` whose tree `bytes` hold, or nil when they are not such bytes (another version,
    /// cut short) or were made from other bytes of the file than the summary (another fingerprint).
    package static func decode(_ bytes: UnsafeRawBufferPointer, summary: ReportSummary) -> Report? {
        var r = ModelReader(bytes)
        do {
            guard try r.byte() == version, try r.string() == summary.sourceFingerprint else { return nil }
            let sections = try r.array { try $0.section() }
            let body = try r.array { try $0.bodyItem() }
            let footnotes = try r.array { try $0.footnote() }
            guard r.atEnd else { return nil }
            return Report(metadata: summary.metadata, file: summary.file, sections: sections, body: body, footnotes: footnotes,
                          citations: summary.citations, recommendations: summary.recommendations,
                          sourceFingerprint: summary.sourceFingerprint)
        } catch {
            return nil
        }
    }
}

private struct ModelWriter {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(1 << 16) }

    mutating func int(_ value: Int) {
        var v = UInt64(bitPattern: Int64((value << 1) ^ (value >> (Int.bitWidth - 1))))
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optional<T>(_ value: T?, _ write: (inout ModelWriter, T) -> Void) {
        guard let value else { return bool(false) }
        bool(true)
        write(&self, value)
    }

    mutating func array<T>(_ values: [T], _ write: (inout ModelWriter, T) -> Void) {
        int(values.count)
        for v in values { write(&self, v) }
    }

    mutating func position(_ p: SourcePosition) {
        int(p.line)
        int(p.column)
    }

    mutating func inlines(_ values: [Inline]) { array(values, { $0.inline($1) }) }

    mutating func inline(_ value: Inline) {
        switch value {
        case .text(let s): bytes.append(0); string(s)
        case .code(let s): bytes.append(1); string(s)
        case .emphasis(let c): bytes.append(2); inlines(c)
        case .strong(let c): bytes.append(3); inlines(c)
        case .strikethrough(let c): bytes.append(4); inlines(c)
        case .link(let destination, let title, let children):
            bytes.append(5); string(destination); string(title); inlines(children)
        case .image(let source, let title, let alt):
            bytes.append(6); string(source); string(title); inlines(alt)
        case .softBreak: bytes.append(7)
        case .lineBreak: bytes.append(8)
        case .footnoteReference(let label, let anchor, let p):
            bytes.append(9); string(label); string(anchor); position(p)
        case .rawHTML(let s): bytes.append(10); string(s)
        case .citation(let index, let text): bytes.append(11); int(index); string(text)
        }
    }

    mutating func blocks(_ values: [Block]) { array(values, { $0.block($1) }) }

    mutating func block(_ value: Block) {
        position(value.position)
        switch value.kind {
        case .paragraph(let c): bytes.append(0); inlines(c)
        case .heading(let level, let c): bytes.append(1); int(level); inlines(c)
        case .list(let list):
            bytes.append(2)
            bool(list.ordered)
            string(String(list.delimiter))
            int(list.start)
            bool(list.tight)
            array(list.items, { $0.listItem($1) })
        case .blockQuote(let c): bytes.append(3); blocks(c)
        case .codeBlock(let info, let literal): bytes.append(4); string(info); string(literal)
        case .htmlBlock(let s): bytes.append(5); string(s)
        case .thematicBreak: bytes.append(6)
        case .table(let table):
            bytes.append(7)
            array(table.alignments, { $0.alignment($1) })
            array(table.header, { $0.inlines($1) })
            int(table.rows.count)
            for row in table.rows { array(row, { $0.inlines($1) }) }
        case .footnoteDefinition(let label, let c): bytes.append(8); string(label); blocks(c)
        case .pageMarker(let n): bytes.append(9); int(n)
        }
    }

    mutating func listItem(_ item: Block.ListItem) {
        position(item.position)
        optional(item.printedNumber) { $0.int($1) }
        blocks(item.content)
    }

    mutating func alignment(_ a: Block.Table.Alignment) {
        switch a {
        case .none: bytes.append(0)
        case .left: bytes.append(1)
        case .center: bytes.append(2)
        case .right: bytes.append(3)
        }
    }

    mutating func section(_ s: Section) {
        optional(s.number) { $0.string($1) }
        optional(s.label) { $0.string($1) }
        inlines(s.title)
        int(s.level)
        string(s.anchor)
        position(s.position)
        optional(s.parent) { $0.int($1) }
        optional(s.firstParagraph) { $0.int($1) }
        optional(s.lastParagraph) { $0.int($1) }
    }

    mutating func bodyItem(_ item: BodyItem) {
        switch item {
        case .heading(let i): bytes.append(0); int(i)
        case .paragraph(let p): bytes.append(1); paragraph(p)
        case .block(let b): bytes.append(2); block(b)
        }
    }

    mutating func paragraph(_ p: NumberedParagraph) {
        int(p.number)
        optional(p.anchor) { $0.string($1) }
        bool(p.isIncomplete)
        bool(p.isCutAtEnd)
        position(p.position)
        int(p.content.count)
        for part in p.content {
            switch part {
            case .block(let b): bytes.append(0); block(b)
            case .subParagraph(let s): bytes.append(1); subParagraph(s)
            }
        }
        optional(p.section) { $0.int($1) }
    }

    mutating func subParagraph(_ s: SubParagraph) {
        string(s.label)
        string(s.anchor)
        position(s.position)
        blocks(s.content)
        array(s.children, { $0.subParagraph($1) })
    }

    mutating func footnote(_ f: Footnote) {
        string(f.label)
        string(f.anchor)
        array(f.referenceAnchors, { $0.string($1) })
        blocks(f.content)
        position(f.position)
    }
}

/// Reads what `ModelWriter` wrote; any step past the end, or an unknown tag, throws.
private struct ModelReader {
    struct Malformed: Error {}

    let bytes: UnsafeRawBufferPointer
    var at = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var atEnd: Bool { at == bytes.count }

    mutating func byte() throws -> UInt8 {
        guard at < bytes.count else { throw Malformed() }
        defer { at += 1 }
        return bytes[at]
    }

    mutating func int() throws -> Int {
        var v: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw Malformed() }
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1))))
    }

    mutating func count() throws -> Int {
        let n = try int()
        // Every element takes at least a byte: a larger count is not this writer's.
        guard n >= 0, n <= bytes.count - at else { throw Malformed() }
        return n
    }

    mutating func bool() throws -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw Malformed()
        }
    }

    mutating func string() throws -> String {
        let n = try count()
        defer { at += n }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[at..<at + n]), as: UTF8.self)
    }

    mutating func optional<T>(_ read: (inout ModelReader) throws -> T) throws -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<T>(_ read: (inout ModelReader) throws -> T) throws -> [T] {
        let n = try count()
        var values: [T] = []
        values.reserveCapacity(n)
        for _ in 0..<n { values.append(try read(&self)) }
        return values
    }

    mutating func position() throws -> SourcePosition {
        let line = try int()
        return SourcePosition(line: line, column: try int())
    }

    mutating func inlines() throws -> [Inline] { try array({ try $0.inline() }) }

    mutating func inline() throws -> Inline {
        switch try byte() {
        case 0: return .text(try string())
        case 1: return .code(try string())
        case 2: return .emphasis(try inlines())
        case 3: return .strong(try inlines())
        case 4: return .strikethrough(try inlines())
        case 5:
            let destination = try string()
            let title = try string()
            return .link(destination: destination, title: title, children: try inlines())
        case 6:
            let source = try string()
            let title = try string()
            return .image(source: source, title: title, alt: try inlines())
        case 7: return .softBreak
        case 8: return .lineBreak
        case 9:
            let label = try string()
            let anchor = try string()
            return .footnoteReference(label: label, anchor: anchor, position: try position())
        case 10: return .rawHTML(try string())
        case 11:
            let index = try int()
            return .citation(index: index, text: try string())
        default: throw Malformed()
        }
    }

    mutating func blocks() throws -> [Block] { try array({ try $0.block() }) }

    mutating func block() throws -> Block {
        let p = try position()
        let kind: Block.Kind
        switch try byte() {
        case 0: kind = .paragraph(try inlines())
        case 1:
            let level = try int()
            kind = .heading(level: level, content: try inlines())
        case 2:
            let ordered = try bool()
            let delimiter = try string()
            guard delimiter.count == 1, let character = delimiter.first else { throw Malformed() }
            let start = try int()
            let tight = try bool()
            kind = .list(Block.List(ordered: ordered, delimiter: character, start: start, tight: tight, items: try array({ try $0.listItem() })))
        case 3: kind = .blockQuote(try blocks())
        case 4:
            let info = try string()
            kind = .codeBlock(info: info, literal: try string())
        case 5: kind = .htmlBlock(try string())
        case 6: kind = .thematicBreak
        case 7:
            let alignments = try array({ try $0.alignment() })
            let header = try array({ try $0.inlines() })
            let n = try count()
            var rows: [[[Inline]]] = []
            rows.reserveCapacity(n)
            for _ in 0..<n { rows.append(try array({ try $0.inlines() })) }
            kind = .table(Block.Table(alignments: alignments, header: header, rows: rows))
        case 8:
            let label = try string()
            kind = .footnoteDefinition(label: label, content: try blocks())
        case 9: kind = .pageMarker(try int())
        default: throw Malformed()
        }
        return Block(kind, at: p)
    }

    mutating func listItem() throws -> Block.ListItem {
        let p = try position()
        let printed = try optional { try $0.int() }
        return Block.ListItem(position: p, printedNumber: printed, content: try blocks())
    }

    mutating func alignment() throws -> Block.Table.Alignment {
        switch try byte() {
        case 0: return .none
        case 1: return .left
        case 2: return .center
        case 3: return .right
        default: throw Malformed()
        }
    }

    mutating func section() throws -> Section {
        let number = try optional { try $0.string() }
        let label = try optional { try $0.string() }
        let title = try inlines()
        let level = try int()
        let anchor = try string()
        let p = try position()
        let parent = try optional { try $0.int() }
        let first = try optional { try $0.int() }
        let last = try optional { try $0.int() }
        return Section(number: number, label: label, title: title, level: level, anchor: anchor, position: p, parent: parent,
                       firstParagraph: first, lastParagraph: last)
    }

    mutating func bodyItem() throws -> BodyItem {
        switch try byte() {
        case 0: return .heading(try int())
        case 1: return .paragraph(try paragraph())
        case 2: return .block(try block())
        default: throw Malformed()
        }
    }

    mutating func paragraph() throws -> NumberedParagraph {
        let number = try int()
        let anchor = try optional { try $0.string() }
        let incomplete = try bool()
        let cut = try bool()
        let p = try position()
        let n = try count()
        var content: [ParagraphPart] = []
        content.reserveCapacity(n)
        for _ in 0..<n {
            switch try byte() {
            case 0: content.append(.block(try block()))
            case 1: content.append(.subParagraph(try subParagraph()))
            default: throw Malformed()
            }
        }
        let section = try optional { try $0.int() }
        return NumberedParagraph(number: number, anchor: anchor, isIncomplete: incomplete, isCutAtEnd: cut, position: p, content: content,
                                 section: section)
    }

    mutating func subParagraph() throws -> SubParagraph {
        let label = try string()
        let anchor = try string()
        let p = try position()
        let content = try blocks()
        return SubParagraph(label: label, anchor: anchor, position: p, content: content, children: try array({ try $0.subParagraph() }))
    }

    mutating func footnote() throws -> Footnote {
        let label = try string()
        let anchor = try string()
        let references = try array({ try $0.string() })
        let content = try blocks()
        return Footnote(label: label, anchor: anchor, referenceAnchors: references, content: content, position: try position())
    }
}
