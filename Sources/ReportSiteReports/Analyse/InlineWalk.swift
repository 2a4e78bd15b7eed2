import ReportSiteCore

/// Rewrites every inline of a block tree, in reading order.
func mapInlines(_ blocks: [Block], _ transform: (Inline) -> Inline) -> [Block] {
    blocks.map { mapInlines($0, transform) }
}

func mapInlines(_ block: Block, _ transform: (Inline) -> Inline) -> Block {
    func inlines(_ list: [Inline]) -> [Inline] { list.map { mapInline($0, transform) } }
    var b = block
    switch block.kind {
    case .paragraph(let c): b.kind = .paragraph(inlines(c))
    case .heading(let level, let c): b.kind = .heading(level: level, content: inlines(c))
    case .blockQuote(let c): b.kind = .blockQuote(mapInlines(c, transform))
    case .footnoteDefinition(let label, let c): b.kind = .footnoteDefinition(label: label, content: mapInlines(c, transform))
    case .list(var list):
        list.items = list.items.map { var item = $0; item.content = mapInlines(item.content, transform); return item }
        b.kind = .list(list)
    case .table(var table):
        table.header = table.header.map(inlines)
        table.rows = table.rows.map { $0.map(inlines) }
        b.kind = .table(table)
    case .codeBlock, .htmlBlock, .thematicBreak, .pageMarker: break
    }
    return b
}

func mapInline(_ inline: Inline, _ transform: (Inline) -> Inline) -> Inline {
    let inner: Inline
    switch inline {
    case .emphasis(let c): inner = .emphasis(c.map { mapInline($0, transform) })
    case .strong(let c): inner = .strong(c.map { mapInline($0, transform) })
    case .strikethrough(let c): inner = .strikethrough(c.map { mapInline($0, transform) })
    case .link(let d, let t, let c): inner = .link(destination: d, title: t, children: c.map { mapInline($0, transform) })
    case .image(let s, let t, let c): inner = .image(source: s, title: t, alt: c.map { mapInline($0, transform) })
    default: inner = inline
    }
    return transform(inner)
}

/// Visits every inline of a block tree, in reading order, with the block that holds it.
func forEachInline(_ blocks: [Block], _ visit: (Inline, Block) -> Void) {
    for block in blocks {
        _ = mapInlines(block) { visit($0, block); return $0 }
    }
}
