import ReportSiteCore

/// Splits the blocks of a numbered paragraph into its lead text and its sub-paragraphs:
/// `(a)`, `(b)` ..., with roman `(i)`, `(ii)` ... after a letter nested in it, except `(i)` right after `(h)`;
/// and the decimal items `121.1`, `121.2` ... of paragraph 121 (as the Universal Periodic Review numbers its
/// recommendations), labelled `121.1` and anchored `para-121-1`.
struct SubParagraphGrouper {
    let paragraphAnchor: String

    /// `121` for `para-121`: the number a decimal item of this paragraph starts with.
    var paragraphNumber: String? {
        guard let id = Anchor.paragraphID(paragraphAnchor), !id.isEmpty, id.allSatisfy(\.isASCII), id.allSatisfy(\.isNumber) else { return nil }
        return id
    }

    func group(_ blocks: [Block], anchors: inout AnchorSet) -> [ParagraphPart] {
        var parts: [ParagraphPart] = []
        // The open lettered sub-paragraph, and its open roman child, are still being filled.
        var letter: SubParagraph?
        func closeLetter() {
            if let l = letter { parts.append(.subParagraph(l)) }
            letter = nil
        }
        var lastItem = 0
        for (index, block) in blocks.enumerated() {
            if index > 0, let number = paragraphNumber, let (item, content) = Self.decimalLabel(of: block, paragraph: number) {
                // Items rise by one, as paragraphs do: a gap is where an item was lost (a label the text did not keep).
                if let n = Int(item), n != lastItem + 1 {
                    anchors.diagnostics.warning(
                        n > lastItem ? .paragraphGap : .paragraphRepeat, file: anchors.file, at: block.position,
                        n > lastItem
                            ? "item \(number).\(n) follows \(lastItem == 0 ? "the paragraph's lead-in" : "\(number).\(lastItem)"); "
                              + (n - 1 == lastItem + 1 ? "item \(number).\(n - 1) is missing" : "items \(number).\(lastItem + 1)-\(number).\(n - 1) are missing")
                            : "item \(number).\(n) comes after \(number).\(lastItem): items must rise by one",
                        hint: "write each item as a block of its own that starts with its number: `\(number).\(lastItem + 1) Ratify ...`")
                }
                lastItem = Int(item) ?? lastItem
                closeLetter()
                let id = anchors.claim("\(paragraphAnchor)-\(item)", at: block.position, what: "sub-paragraph")
                letter = SubParagraph(label: "\(number).\(item)", anchor: id, position: block.position,
                                      content: content.isEmpty ? [] : [Block(.paragraph(content), at: block.position)], children: [])
                continue
            }
            guard index > 0, let (label, content) = Self.label(of: block) else {
                if var l = letter {
                    if l.children.isEmpty { l.content.append(block) } else { l.children[l.children.count - 1].content.append(block) }
                    letter = l
                } else {
                    parts.append(.block(block))
                }
                continue
            }
            let stripped = Block(.paragraph(content), at: block.position)
            if var l = letter, label == Self.roman(l.children.count + 1), !(label == "i" && l.label == "h") {
                let id = anchors.claim("\(l.anchor)-\(label)", at: block.position, what: "sub-paragraph")
                l.children.append(SubParagraph(label: label, anchor: id, position: block.position, content: [stripped], children: []))
                letter = l
                continue
            }
            closeLetter()
            let id = anchors.claim("\(paragraphAnchor)-\(label)", at: block.position, what: "sub-paragraph")
            letter = SubParagraph(label: label, anchor: id, position: block.position, content: [stripped], children: [])
        }
        closeLetter()
        return parts
    }

    /// `(a) text` -> ("a", text without the label); nil for any other block. A tab after the label counts as a
    /// space (`(a)<tab>text`, as text copied from a PDF often has it).
    static func label(of block: Block) -> (String, [Inline])? {
        guard case .paragraph(let inlines) = block.kind, case .text(let text)? = inlines.first,
              text.hasPrefix("("), let close = text.firstIndex(of: ")") else { return nil }
        let label = text[text.index(after: text.startIndex)..<close]
        let rest = text[text.index(after: close)...]
        guard !label.isEmpty, label.count <= 6, label.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) }),
              isLabel(String(label)),
              rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var content = inlines
        let trimmed = rest.drop { $0 == " " || $0 == "\t" }
        if trimmed.isEmpty { content.removeFirst() } else { content[0] = .text(String(trimmed)) }
        return (String(label), content)
    }

    /// `121.1 text` in paragraph 121 -> ("1", text without the number); nil for any other block, and for another
    /// paragraph's number (`122.1` inside paragraph 121 stays text).
    static func decimalLabel(of block: Block, paragraph: String) -> (String, [Inline])? {
        guard case .paragraph(let inlines) = block.kind, case .text(let text)? = inlines.first,
              text.hasPrefix(paragraph + ".") else { return nil }
        let rest = text.dropFirst(paragraph.count + 1)
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        let after = rest.dropFirst(digits.count)
        guard !digits.isEmpty, digits.count <= 4, digits.first != "0" else { return nil }
        var content = inlines
        if after.isEmpty {
            // The label alone on its line, as a PDF's text has it ("121.1", then the recommendation on the next
            // line, or after a blank line): the text that follows is the item's.
            guard inlines.count == 1 || inlines[1] == .softBreak || inlines[1] == .lineBreak else { return nil }
            content.removeFirst(min(2, content.count))
            return (String(digits), content)
        }
        guard after.first == " " || after.first == "\t" else { return nil }
        let trimmed = after.drop { $0 == " " || $0 == "\t" }
        if trimmed.isEmpty { content.removeFirst() } else { content[0] = .text(String(trimmed)) }
        return (String(digits), content)
    }

    /// `a` ... `z`, or a roman numeral `i` ... `xxxix`.
    static func isLabel(_ label: String) -> Bool {
        label.count == 1 || romanNumerals.contains(label)
    }

    static let romanNumerals: [String] = (1...39).map(romanNumeral)

    static func roman(_ n: Int) -> String { n <= romanNumerals.count ? romanNumerals[n - 1] : "" }

    private static func romanNumeral(_ n: Int) -> String {
        let tens = ["", "x", "xx", "xxx"]
        let ones = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"]
        return tens[n / 10] + ones[n % 10]
    }
}
