import ReportSiteCore

/// The analyse stage for one report: from parsed blocks to the document model
/// (sections with paragraph ranges, numbered paragraphs with sub-paragraphs, footnotes, page starts).
package struct ReportAnalyser {
    let file: String
    let source: String
    let metadata: ReportMetadata
    let diagnostics: DiagnosticEngine

    public init(file: String, source: String, metadata: ReportMetadata, diagnostics: DiagnosticEngine) {
        self.file = file
        self.source = source
        self.metadata = metadata
        self.diagnostics = diagnostics
    }

    public func analyse(_ parsed: [Block]) -> Report {
        var anchors = AnchorSet(file: file, diagnostics: diagnostics)
        let (blocks, footnotes) = FootnoteCollector(file: file, source: source, diagnostics: diagnostics)
            .collect(classifyHTML(parsed), anchors: &anchors)

        let lines = StructureLines(source)
        var walk = BodyWalk(file: file, anchors: anchors, lines: lines)
        for block in blocks { walk.add(block) }
        walk.finish()
        ParagraphNumbering(file: file, isExcerpt: metadata.isExcerpt, diagnostics: diagnostics).check(walk.paragraphs)
        let check = StructureCheck(file: file, lines: lines, diagnostics: diagnostics)
        check.checkHeadings(walk.sections)
        check.checkTables(parsed)
        check.checkLines(parsed: parsed, paragraphs: walk.paragraphs, owners: walk.owners, recovered: walk.recoveredLines)
        var report = Report(metadata: metadata, file: file, sections: walk.sections, body: walk.body, footnotes: footnotes)
        var citations = CitationFinder(metadata: metadata, source: source)
        citations.rewrite(&report)
        return report
    }

    /// Page markers become `.pageMarker`; any other raw HTML is reported and left out (it is never rendered).
    private func classifyHTML(_ blocks: [Block]) -> [Block] {
        var result: [Block] = []
        var pages: [Int: Int] = [:]
        for block in blocks {
            if case .htmlBlock(let html) = block.kind {
                if let page = Self.pageNumber(html) {
                    // A page starts once: a second marker would repeat the anchor #page-N.
                    if let line = pages[page] {
                        diagnostics.warning(.duplicateAnchor, file: file, at: block.position, "page \(page) was already marked at line \(line); this marker is left out",
                                            hint: "keep one `<!-- page \(page) -->` where the page begins")
                        continue
                    }
                    pages[page] = block.position.line
                    result.append(Block(.pageMarker(page), at: block.position))
                } else {
                    diagnostics.warning(.rawHTML, file: file, at: block.position, "raw HTML is not content and is left out of the page",
                                        hint: "write it as Markdown; the only HTML allowed is a page marker `<!-- page 17 -->`")
                }
                continue
            }
            var hasInlineHTML = false
            forEachInline([block]) { inline, _ in if case .rawHTML = inline { hasInlineHTML = true } }
            if hasInlineHTML {
                diagnostics.warning(.rawHTML, file: file, at: block.position, "raw HTML is not content and is left out of the page",
                                    hint: "write it as Markdown (for emphasis *text*, for a link [text](url))")
            }
            result.append(block)
        }
        return result
    }

    /// `<!-- page 17 -->` -> 17.
    static func pageNumber(_ html: String) -> Int? {
        var s = Substring(html.trimmingCharacters(in: .whitespacesAndNewlines))
        guard s.hasPrefix("<!--"), s.hasSuffix("-->") else { return nil }
        s = s.dropFirst(4).dropLast(3)
        let words = s.split(separator: " ")
        guard words.count == 2, words[0].lowercased() == "page", let n = Int(words[1]), n > 0 else { return nil }
        return n
    }
}

/// Walks the top-level blocks in order and builds sections and numbered paragraphs.
private struct BodyWalk {
    let file: String
    var anchors: AnchorSet
    let lines: StructureLines
    /// Lines of indented code blocks read again as paragraphs or sub-paragraphs (`IndentedRecovery`).
    var recoveredLines: Set<Int> = []
    /// The first line of each top-level block inside a numbered paragraph, and that paragraph's number.
    var owners: [Int: Int] = [:]
    var sections: [Section] = []
    var body: [BodyItem] = []
    var paragraphs: [NumberedParagraph] = []
    private var open: [Int] = []
    private var current: (number: Int, position: SourcePosition, blocks: [Block])?
    private var pendingPages: [Block] = []
    private var numbersSeen: Set<Int> = []

    init(file: String, anchors: AnchorSet, lines: StructureLines) {
        self.file = file
        self.anchors = anchors
        self.lines = lines
    }

    mutating func add(_ block: Block) {
        switch block.kind {
        case .heading(let level, let content):
            closeParagraph()
            addSection(level: level, content: content, at: block.position)
        case .list(let list) where list.ordered && list.delimiter == ".":
            for (i, item) in list.items.enumerated() {
                closeParagraph()
                current = (item.printedNumber ?? list.start + i, item.position, item.content)
            }
        case .pageMarker:
            if current != nil { pendingPages.append(block) } else { body.append(.block(block)) }
        case .codeBlock(_, let literal):
            if let recovered = IndentedRecovery.recover(block, lines: lines, insideParagraph: current != nil) {
                let count = literal.utf8.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
                recoveredLines.formUnion(block.position.line..<(block.position.line + max(count, 1)))
                for b in recovered { add(b) }
                return
            }
            fallthrough
        default:
            if let (number, _, _) = current { owners[block.position.line] = number }
            if current != nil {
                current!.blocks += pendingPages + [block]
                pendingPages = []
            } else {
                body.append(.block(block))
            }
        }
    }

    mutating func finish() { closeParagraph() }

    private mutating func addSection(level: Int, content: [Inline], at position: SourcePosition) {
        while let last = open.last, sections[last].level >= level { open.removeLast() }
        let parent = open.last
        let number = HeadingNumber(content)
        var base: String
        if let number {
            var chain = [number.number]
            var p = parent
            while let i = p {
                if let n = sections[i].number { chain.insert(n, at: 0) }
                p = sections[i].parent
            }
            base = Anchor.section(chain.joined(separator: "-"))
        } else {
            let s = slug(content.plainText)
            base = Anchor.section(s.isEmpty ? "section" : s)
        }
        let anchor = anchors.claim(base, at: position, what: "heading")
        sections.append(Section(number: number?.number, label: number?.label, title: number?.title ?? content,
                                level: level, anchor: anchor, position: position, parent: parent))
        open.append(sections.count - 1)
        body.append(.heading(sections.count - 1))
    }

    private mutating func closeParagraph() {
        defer {
            body += pendingPages.map { .block($0) }
            pendingPages = []
        }
        guard let (number, position, original) = current else { return }
        var blocks = original
        current = nil
        var incomplete = false
        if let first = blocks.first, case .paragraph(var inlines) = first.kind, case .text(let text)? = inlines.first {
            for marker in ["[...]", "[…]"] where text.hasPrefix(marker) {
                incomplete = true
                let rest = text.dropFirst(marker.count).drop { $0 == " " }
                if rest.isEmpty { inlines.removeFirst() } else { inlines[0] = .text(String(rest)) }
                blocks[0] = Block(.paragraph(inlines), at: first.position)
            }
        }
        let cutAtEnd = Self.stripEndMarker(&blocks)
        // A repeated number keeps the first paragraph's anchor; the repeat is reported by ParagraphNumbering.
        let anchor: String? = numbersSeen.insert(number).inserted ? anchors.claim(Anchor.paragraph(number), at: position, what: "paragraph") : nil
        let parts = SubParagraphGrouper(paragraphAnchor: anchor ?? Anchor.paragraph("\(number)-repeat")).group(blocks, anchors: &anchors)
        for i in open {
            sections[i].firstParagraph = sections[i].firstParagraph ?? number
            sections[i].lastParagraph = number
        }
        var paragraph = NumberedParagraph(number: number, anchor: anchor, isIncomplete: incomplete, position: position,
                                          content: parts, section: open.last)
        paragraph.isCutAtEnd = cutAtEnd
        paragraphs.append(paragraph)
        body.append(.paragraph(paragraph))
    }

    /// `... of the migrants concerned [...]` at the very end of a paragraph: the passage ends inside it. The marker
    /// is taken off the text; true when there was one.
    static func stripEndMarker(_ blocks: inout [Block]) -> Bool {
        guard let last = blocks.last, case .paragraph(var inlines) = last.kind, case .text(let text)? = inlines.last else { return false }
        for marker in ["[...]", "[…]"] where text.hasSuffix(marker) {
            let rest = text.dropLast(marker.count)
            let trimmed = rest.reversed().drop { $0 == " " }
            if trimmed.isEmpty { inlines.removeLast() } else { inlines[inlines.count - 1] = .text(String(trimmed.reversed())) }
            blocks[blocks.count - 1] = Block(.paragraph(inlines), at: last.position)
            return true
        }
        return false
    }
}
