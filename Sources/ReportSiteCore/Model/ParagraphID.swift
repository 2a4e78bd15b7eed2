/// A paragraph id without `para-` (`80`, `91-c`, `10-b-ii`, `121-1`), as people read it: `91 (c)`, `10 (b) (ii)`,
/// and a review's decimal item as it is printed and cited, `121.1`.
package enum ParagraphID {
    package static func display(_ id: String) -> String {
        let parts = id.split(separator: "-")
        guard let first = parts.first else { return id }
        if parts.count == 2, parts[1].allSatisfy(\.isASCII), parts[1].allSatisfy(\.isNumber) { return "\(first).\(parts[1])" }
        return ([String(first)] + parts.dropFirst().map { "(\($0))" }).joined(separator: " ")
    }
}
