/// A United Nations document symbol such as `A/58/275` or `E/CN.4/2000/82`.
/// Only symbols that are safe as a path inside the site can be made.
public struct Symbol: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let components: [String]

    /// nil when the text is not a symbol that can name a page: empty parts, `.` or `..`,
    /// or characters other than ASCII letters, digits and inner full stops.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2 else { return nil }
        for part in parts {
            guard let first = part.unicodeScalars.first, let last = part.unicodeScalars.last,
                  Symbol.isASCIIAlphanumeric(first),
                  Symbol.isASCIIAlphanumeric(last),
                  part.unicodeScalars.allSatisfy({ Symbol.isASCIIAlphanumeric($0) || $0 == "." }),
                  !part.contains("..") else { return nil }
        }
        components = parts
    }

    private static func isASCIIAlphanumeric(_ s: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(s) || ("a"..."z").contains(s) || ("0"..."9").contains(s)
    }

    public var description: String { components.joined(separator: "/") }

    /// The content file name: `A/58/275` -> `A-58-275.md`.
    public var fileName: String { components.joined(separator: "-") + ".md" }

    /// The page of the report inside the site: `A/58/275/index.html`.
    public var pagePath: String { components.joined(separator: "/") + "/index.html" }

    /// `../` repeated to climb from the report's page back to the site root.
    public var rootPrefix: String { String(repeating: "../", count: components.count) }

    public static func < (lhs: Symbol, rhs: Symbol) -> Bool { lhs.description < rhs.description }
}

/// A symbol is stored as its text (`"A/58/275"`) in caches and data.
extension Symbol: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let symbol = Symbol(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a document symbol: \(text)")
        }
        self = symbol
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
