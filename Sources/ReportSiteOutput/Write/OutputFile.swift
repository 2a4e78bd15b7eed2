import Foundation

/// A file of the built site: a path relative to the site root and its bytes.
package struct OutputFile: Sendable {
    public var path: String
    public var contents: Data

    package init(path: String, contents: Data) {
        (self.path, self.contents) = (path, contents)
    }
}
