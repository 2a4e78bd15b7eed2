import Foundation
import ReportSiteCore
import Yams

/// `content/states.yml`: the States Members of the United Nations and the observer States, with the names in
/// use for each (contract, sections 1 and 5). The recommendations index names a recommending State, and the
/// State a document is about, by the name written here.
package struct StateVocabulary: Sendable, Equatable {
    public struct State: Sendable, Equatable {
        public var name: String
        public var aliases: [String]
    }

    public var states: [State]
    /// Folded name or alias -> the State's name.
    private var lookup: [String: String]
    /// Folded name or alias -> that name or alias as states.yml spells it.
    private var spellings: [String: String]

    public init(states: [State]) {
        self.states = states
        var lookup: [String: String] = [:]
        var spellings: [String: String] = [:]
        for state in states {
            for name in [state.name] + state.aliases where lookup[Self.fold(name)] == nil {
                lookup[Self.fold(name)] = state.name
                spellings[Self.fold(name)] = name
            }
        }
        self.lookup = lookup
        self.spellings = spellings
    }

    /// The name or alias a text writes, as states.yml spells it ("netherlands" -> "Netherlands", "Cote d’Ivoire" ->
    /// "Côte d'Ivoire", "Turkey" stays "Turkey").
    public func spelling(of text: String) -> String? { spellings[Self.fold(text)] }

    public static let empty = StateVocabulary(states: [])

    /// The State a text names, whole: "Bolivarian Republic of Venezuela", "Türkiye", "Cote d’Ivoire", "the Netherlands".
    public func state(named text: String) -> String? { lookup[Self.fold(text)] }

    /// Case, accents, the apostrophe's form, spaces (also inside a bracket) and a leading "the" do not matter.
    package static func fold(_ text: String) -> String {
        var s = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        s = s.replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "‘", with: "'")
        // A space inside a bracket, as some reports print it: "Iran (Islamic Republic of )".
        s = s.replacingOccurrences(of: "( ", with: "(").replacingOccurrences(of: " )", with: ")")
        var words = s.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        if words.first == "the", words.count > 1 { words.removeFirst() }
        return words.joined(separator: " ")
    }

    static func read(_ file: SourceFile?, diagnostics: DiagnosticEngine) -> StateVocabulary {
        guard let file else { return .empty }
        let (node, valid) = ConfigYAML.compose(file, name: "states.yml", diagnostics: diagnostics)
        guard valid else { return .empty }
        guard let sequence = node?.sequence else {
            diagnostics.error(.invalidConfiguration, file: file.path, at: SourcePosition(line: 1, column: 1),
                              "states.yml must be a list of entries with a name and aliases")
            return .empty
        }
        var states: [State] = []
        var seen: [String: String] = [:]
        for item in sequence {
            let at = SourcePosition(line: item.mark?.line ?? 1, column: item.mark?.column ?? 1)
            guard let name = item["name"]?.string, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                diagnostics.error(.invalidConfiguration, file: file.path, at: at, "a State needs a name", hint: "- name: Slovenia")
                continue
            }
            let aliases = item["aliases"]?.sequence?.compactMap(\.string) ?? []
            for text in [name] + aliases {
                if let other = seen[fold(text)], other != name {
                    diagnostics.error(.invalidConfiguration, file: file.path, at: at, "'\(text)' names both \(other) and \(name)",
                                      hint: "a name or alias may belong to one State only")
                }
                seen[fold(text)] = name
            }
            states.append(State(name: name, aliases: aliases))
        }
        return StateVocabulary(states: states)
    }
}
