import Foundation

/// The digest of a value's encoding, for cache keys (`DeclaredInputs.key`): the value is encoded into a small tree
/// and the tree is fed to a `Fingerprint` in one canonical order (an object's keys sorted, so a dictionary's order
/// of the moment does not matter). Every node is fed with its kind, and every text with its length
/// (`Fingerprint.add` prefixes it), so two different values never feed the same words.
///
/// It replaces `JSONEncoder` with sorted keys, which was 14 % of a full build's instructions (callgrind, 150
/// reports): the digest needs the value's structure, not its JSON text.
package enum InputDigest {
    package static func add<Value: Encodable>(_ value: Value, to fingerprint: inout Fingerprint) {
        let root = Node()
        do {
            try value.encode(to: NodeEncoder(node: root, codingPath: []))
        } catch {
            // The inputs are the project's own value types, whose encoding cannot fail.
            preconditionFailure("the inputs of a page could not be encoded: \(error)")
        }
        root.feed(&fingerprint)
    }

    /// One value of the tree: a scalar (its kind and its text), a list, or an object (keys and values).
    final class Node {
        enum Kind: UInt64 { case empty = 0, null, bool, signed, unsigned, float, text, list, object }
        var kind = Kind.empty
        var text = ""
        var keys: [String] = []
        var children: [Node] = []

        func scalar(_ kind: Kind, _ text: String) {
            self.kind = kind
            self.text = text
        }

        func child(key: String?) -> Node {
            let node = Node()
            if let key { keys.append(key) }
            children.append(node)
            return node
        }

        func feed(_ f: inout Fingerprint) {
            f.add(word: kind.rawValue)
            switch kind {
            case .empty, .null:
                break
            case .bool, .signed, .unsigned, .float, .text:
                f.add(text)
            case .list:
                f.add(word: UInt64(children.count))
                for child in children { child.feed(&f) }
            case .object:
                f.add(word: UInt64(children.count))
                // Keys compared by their UTF-8 bytes, as JSONEncoder's sorted keys did; a key given twice (a
                // superclass's) keeps both, in the order given.
                let order = keys.indices.sorted { a, b in
                    keys[a].utf8.lexicographicallyPrecedes(keys[b].utf8) || (keys[a] == keys[b] && a < b)
                }
                for i in order {
                    f.add(keys[i])
                    children[i].feed(&f)
                }
            }
        }
    }

    /// The coding path is not followed (every container gets its parent's): nothing the inputs encode reads it,
    /// and making a new array for every nested value was a large part of the cost of a page's key.
    struct NodeEncoder: Encoder {
        let node: Node
        var codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            node.kind = .object
            return KeyedEncodingContainer(Keyed<Key>(node: node, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            node.kind = .list
            return Unkeyed(node: node, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            Single(node: node, codingPath: codingPath)
        }
    }

    /// Encodes one value into `node`: scalars directly, anything else through its own `encode(to:)`.
    static func encode<Value: Encodable>(_ value: Value, into node: Node, codingPath: [any CodingKey]) throws {
        switch value {
        case let text as String: node.scalar(.text, text)
        case let number as Int: node.scalar(.signed, String(number))
        case let flag as Bool: node.scalar(.bool, flag ? "1" : "0")
        default: try value.encode(to: NodeEncoder(node: node, codingPath: codingPath))
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: Node
        var codingPath: [any CodingKey]

        mutating func encodeNil(forKey key: Key) throws { node.child(key: key.stringValue).kind = .null }
        mutating func encode(_ value: Bool, forKey key: Key) throws { node.child(key: key.stringValue).scalar(.bool, value ? "1" : "0") }
        mutating func encode(_ value: String, forKey key: Key) throws { node.child(key: key.stringValue).scalar(.text, value) }
        mutating func encode(_ value: Double, forKey key: Key) throws { node.child(key: key.stringValue).scalar(.float, "\(value)") }
        mutating func encode(_ value: Float, forKey key: Key) throws { node.child(key: key.stringValue).scalar(.float, "\(value)") }
        mutating func encode(_ value: Int, forKey key: Key) throws { node.child(key: key.stringValue).scalar(.signed, String(value)) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { node.child(key: key.stringValue).scalar(.signed, String(value)) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { node.child(key: key.stringValue).scalar(.signed, String(value)) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { node.child(key: key.stringValue).scalar(.signed, String(value)) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { node.child(key: key.stringValue).scalar(.signed, String(value)) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { node.child(key: key.stringValue).scalar(.unsigned, String(value)) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { node.child(key: key.stringValue).scalar(.unsigned, String(value)) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { node.child(key: key.stringValue).scalar(.unsigned, String(value)) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { node.child(key: key.stringValue).scalar(.unsigned, String(value)) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { node.child(key: key.stringValue).scalar(.unsigned, String(value)) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try InputDigest.encode(value, into: node.child(key: key.stringValue), codingPath: codingPath)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            NodeEncoder(node: node.child(key: key.stringValue), codingPath: codingPath).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            NodeEncoder(node: node.child(key: key.stringValue), codingPath: codingPath).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            NodeEncoder(node: node.child(key: "super"), codingPath: codingPath)
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            NodeEncoder(node: node.child(key: key.stringValue), codingPath: codingPath)
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey]
        var count: Int { node.children.count }

        mutating func encodeNil() throws { node.child(key: nil).kind = .null }
        mutating func encode(_ value: Bool) throws { node.child(key: nil).scalar(.bool, value ? "1" : "0") }
        mutating func encode(_ value: String) throws { node.child(key: nil).scalar(.text, value) }
        mutating func encode(_ value: Double) throws { node.child(key: nil).scalar(.float, "\(value)") }
        mutating func encode(_ value: Float) throws { node.child(key: nil).scalar(.float, "\(value)") }
        mutating func encode(_ value: Int) throws { node.child(key: nil).scalar(.signed, String(value)) }
        mutating func encode(_ value: Int64) throws { node.child(key: nil).scalar(.signed, String(value)) }
        mutating func encode(_ value: UInt64) throws { node.child(key: nil).scalar(.unsigned, String(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            try InputDigest.encode(value, into: node.child(key: nil), codingPath: codingPath)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            NodeEncoder(node: node.child(key: nil), codingPath: codingPath).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            NodeEncoder(node: node.child(key: nil), codingPath: codingPath).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            NodeEncoder(node: node.child(key: nil), codingPath: codingPath)
        }
    }

    struct Single: SingleValueEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey]

        mutating func encodeNil() throws { node.kind = .null }
        mutating func encode(_ value: Bool) throws { node.scalar(.bool, value ? "1" : "0") }
        mutating func encode(_ value: String) throws { node.scalar(.text, value) }
        mutating func encode(_ value: Double) throws { node.scalar(.float, "\(value)") }
        mutating func encode(_ value: Float) throws { node.scalar(.float, "\(value)") }
        mutating func encode(_ value: Int) throws { node.scalar(.signed, String(value)) }
        mutating func encode(_ value: Int8) throws { node.scalar(.signed, String(value)) }
        mutating func encode(_ value: Int16) throws { node.scalar(.signed, String(value)) }
        mutating func encode(_ value: Int32) throws { node.scalar(.signed, String(value)) }
        mutating func encode(_ value: Int64) throws { node.scalar(.signed, String(value)) }
        mutating func encode(_ value: UInt) throws { node.scalar(.unsigned, String(value)) }
        mutating func encode(_ value: UInt8) throws { node.scalar(.unsigned, String(value)) }
        mutating func encode(_ value: UInt16) throws { node.scalar(.unsigned, String(value)) }
        mutating func encode(_ value: UInt32) throws { node.scalar(.unsigned, String(value)) }
        mutating func encode(_ value: UInt64) throws { node.scalar(.unsigned, String(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            try InputDigest.encode(value, into: node, codingPath: codingPath)
        }
    }
}
