import ReportSiteCore

/// A review's decimal item whose line ends inside a reference, "131.16 Consider lifting its reservations in respect of
/// article 10, paragraphs 2" with "(b) and 3 of the ICCPR, in line with South Africa's previous recommendation (South
/// Africa);" on the next line (A/HRC/27/3): the next line begins like a lettered sub-paragraph, and the document model
/// has it as one, after the item. For the index it is the rest of the item: its text and its recommending States are
/// the item's, and it is no part of the paragraph's lead-in ("The following recommendations will be examined by Norway").
///
/// A lettered sub-paragraph continues the decimal item right before it when the item's text ends without the
/// punctuation that closes an item or a sentence (`;`, `.`, `:`, `!`, `?`) and its own text begins in lower case or
/// with a digit: a new item or a list under the item ("(a) Ratify ...", after "... as follows:") does neither.
enum ItemContinuation {
    /// The sub-paragraphs of a paragraph, each with the lettered sub-paragraphs that continue it (none, most often), in order.
    static func joined(_ subs: [SubParagraph]) -> [(sub: SubParagraph, continuation: [SubParagraph])] {
        var out: [(sub: SubParagraph, continuation: [SubParagraph])] = []
        for sub in subs {
            if let last = out.last, last.continuation.isEmpty, continues(sub, after: last.sub) {
                out[out.count - 1].continuation.append(sub)
            } else {
                out.append((sub, []))
            }
        }
        return out
    }

    /// The text of a continued item: its own (labelled or not), then each continuation with its label, `(b) and 3 of ...`.
    static func text(of sub: SubParagraph, continuation: [SubParagraph], labelled: Bool) -> String {
        RecommendationText.join([RecommendationText.text(of: sub, labelled: labelled)] + continuation.map { RecommendationText.text(of: $0) })
    }

    static func continues(_ sub: SubParagraph, after item: SubParagraph) -> Bool {
        guard item.label.contains("."), !sub.label.contains("."), item.children.isEmpty,
              let subFirst = sub.content.first else { return false }
        // The item's last words (a page marker between them and the continuation has no text).
        let itemText = item.content.map { (b: Block) in RecommendationText.text(of: b) }.last { !$0.isEmpty } ?? ""
        guard let end = itemText.unicodeScalars.last, !";.:!?".unicodeScalars.contains(end) else { return false }
        guard let start = RecommendationText.text(of: subFirst).first else { return false }
        return start.isLowercase || start.isNumber
    }
}
