import ReportSiteCore
import Yams

/// `content/addressees.yml`: who recommendations can be addressed to (contract, section 5).
package struct Addressee: Hashable, Sendable {
    public var slug: String
    public var name: String
    public var aliases: [String]

    package init(slug: String, name: String, aliases: [String]) {
        (self.slug, self.name, self.aliases) = (slug, name, aliases)
    }
}

package struct AddresseeVocabulary: Sendable, Equatable {
    public var entries: [Addressee]
    /// The recommending language that goes with the vocabulary (`content/recommending-verbs.yml`, read beside
    /// `addressees.yml`; the built-in lists when there is no such file).
    public var language: RecommendingLanguage = .builtIn
    /// The States (`content/states.yml`, read beside `addressees.yml`): the recommending States of a review's
    /// recommendations and the State a document is about are named by these.
    public var states: StateVocabulary = .empty

    /// Addressee slugs that would take the folder of a listing of another kind (`RecommendationPages.facetFolder`).
    static let reservedSlugs: Set<String> = ["report", "country", "recommended-by", "position", "page"]

    static func read(_ file: SourceFile?, diagnostics: DiagnosticEngine) -> AddresseeVocabulary {
        guard let file else { return AddresseeVocabulary(entries: []) }
        let (node, valid) = ConfigYAML.compose(file, name: "addressees.yml", diagnostics: diagnostics)
        guard valid else { return AddresseeVocabulary(entries: []) }
        guard let sequence = node?.sequence else {
            diagnostics.error(.invalidConfiguration, file: file.path, at: SourcePosition(line: 1, column: 1),
                              "addressees.yml must be a list of entries with slug, name and aliases")
            return AddresseeVocabulary(entries: [])
        }
        var entries: [Addressee] = []
        var seen: Set<String> = []
        for item in sequence {
            let at = SourcePosition(line: item.mark?.line ?? 1, column: item.mark?.column ?? 1)
            guard let slug = item["slug"]?.string, let name = item["name"]?.string.map({ SourceFile.replacingForbidden($0)?.0 ?? $0 }) else {
                diagnostics.error(.invalidConfiguration, file: file.path, at: at, "an addressee needs a slug and a name")
                continue
            }
            guard !slug.isEmpty, slug.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else {
                diagnostics.error(.invalidConfiguration, file: file.path, at: at, "addressee slug '\(slug)' may hold only a-z, 0-9 and '-'")
                continue
            }
            guard !reservedSlugs.contains(slug) else {
                diagnostics.error(.invalidConfiguration, file: file.path, at: at,
                                  "addressee slug '\(slug)' is reserved for the index's pages by report, State concerned, recommending State and position",
                                  hint: "choose another slug")
                continue
            }
            guard seen.insert(slug).inserted else {
                diagnostics.error(.invalidConfiguration, file: file.path, at: at, "addressee slug '\(slug)' is defined twice")
                continue
            }
            let aliases = item["aliases"]?.sequence?.compactMap(\.string).map { SourceFile.replacingForbidden($0)?.0 ?? $0 } ?? []
            entries.append(Addressee(slug: slug, name: name, aliases: aliases))
        }
        return AddresseeVocabulary(entries: entries)
    }
}
