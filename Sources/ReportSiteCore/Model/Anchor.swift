/// The ids of a report page (contract, section 3), made and read here only: `para-80`, `para-91-c`, `sec-IV-B`,
/// `fn-12`, `fnref-12`, `page-17`. Everywhere else an id is a value to pass on, not a string to build or cut.
package enum Anchor {
    /// `80` or `91-c` -> `para-80`, `para-91-c`.
    package static func paragraph(_ id: String) -> String { "para-" + id }
    package static func paragraph(_ number: Int) -> String { "para-\(number)" }
    /// `para-91-c` -> `91-c`; nil for an anchor that is not a paragraph's.
    package static func paragraphID(_ anchor: String) -> String? {
        anchor.hasPrefix("para-") ? String(anchor.dropFirst("para-".count)) : nil
    }
    /// `IV-B` -> `sec-IV-B`.
    package static func section(_ id: String) -> String { "sec-" + id }
    /// A footnote and a place citing it, from the label's id part (`FootnoteCollector.idPart`).
    package static func footnote(_ idPart: String) -> String { "fn-" + idPart }
    package static func footnoteReference(_ idPart: String) -> String { "fnref-" + idPart }
    /// `fn-12` -> `12`; nil for another anchor.
    package static func footnoteID(_ anchor: String) -> String? {
        anchor.hasPrefix("fn-") ? String(anchor.dropFirst("fn-".count)) : nil
    }
    /// Where printed page 17 begins.
    package static func page(_ number: Int) -> String { "page-\(number)" }
}
