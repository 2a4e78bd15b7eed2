/// A paragraph id without `para-` (`80`, `91-c`, `10-b-ii`), as people read it: `91 (c)`, `10 (b) (ii)`.
enum ParagraphID {
    static func display(_ id: String) -> String {
        let parts = id.split(separator: "-")
        guard let first = parts.first else { return id }
        return ([String(first)] + parts.dropFirst().map { "(\($0))" }).joined(separator: " ")
    }
}
