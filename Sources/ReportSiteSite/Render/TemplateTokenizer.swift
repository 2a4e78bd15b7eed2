import Foundation
import ReportSiteCore

/// One tag or piece of text of a template, where it stands in the file.
struct TemplateToken {
    enum Kind: Equatable {
        /// Text to copy, newlines included (those of standalone lines already dropped).
        case text(String)
        /// `{{name}}` (escaped), `{{{name}}}` and `{{&name}}` (not escaped).
        case variable(escaped: Bool)
        /// `{{#name}}`, or `{{^name}}` (inverted).
        case section(inverted: Bool)
        /// `{{/name}}`.
        case close
        /// `{{! ...}}`.
        case comment
        /// `{{> name}}`: the template of that name (a path without `.mustache`) rendered here.
        case partial
    }

    var kind: Kind
    /// The name as written, without the spaces around it; "" for text and comments.
    var name: String
    /// Where the tag's `{{` is (for text, where the text starts).
    var position: SourcePosition

    /// The tag as a template writes it: `{{^symbl}}`, `{{{html}}}`.
    var shown: String {
        switch kind {
        case .text(let s): return s
        case .variable(escaped: true): return "{{\(name)}}"
        case .variable(escaped: false): return "{{{\(name)}}}"
        case .section(inverted: false): return "{{#\(name)}}"
        case .section(inverted: true): return "{{^\(name)}}"
        case .close: return "{{/\(name)}}"
        case .comment: return "{{! }}"
        case .partial: return "{{> \(name)}}"
        }
    }

    /// A name the view is asked for: a variable's or a section's.
    var readsName: Bool {
        switch kind {
        case .variable, .section: return true
        case .text, .close, .comment, .partial: return false
        }
    }
}

/// A template that cannot be read, said at the line and column of the tag (RS403), with what to write instead.
struct TemplateSyntaxError: Error {
    var position: SourcePosition
    var message: String
    var hint: String?
}

/// Reads a template's text into tokens: the Mustache the site's templates are written in (text, `{{name}}`,
/// `{{{name}}}`, `{{&name}}`, `{{.}}`, dotted names `{{layout.root}}`, sections `{{#name}}`, inverted sections
/// `{{^name}}`, comments and partials `{{> name}}`), with Mustache's rule for standalone lines: a line that
/// holds only a section tag, a closing tag, a comment or a partial, and spaces or tabs, is left out of the
/// output, its newline too.
///
/// Anything else Mustache has (other delimiters, transforms, template inheritance, dynamic partials, a partial
/// indented on a line of its own) is an error at its place that says what to write instead: a template is
/// never rendered otherwise than as written.
enum TemplateTokenizer {
    static func tokens(_ text: String) throws -> [TemplateToken] {
        var reader = Reader(chars: Array(text))
        return try reader.read()
    }

    private struct Line {
        var tokens: [TemplateToken] = []
        /// The newline that ends it ("\n" or "\r\n"); nil for the last line of a text without one at the end.
        var newline: String?
    }

    private struct Reader {
        let chars: [Character]
        var i = 0
        var line = 1
        var column = 1

        var position: SourcePosition { SourcePosition(line: line, column: column) }

        static func isNewline(_ c: Character) -> Bool { c == "\n" || c == "\r\n" }
        static func isBlank(_ c: Character) -> Bool { c == " " || c == "\t" }

        mutating func advance() {
            if Self.isNewline(chars[i]) { line += 1; column = 1 } else { column += 1 }
            i += 1
        }

        func starts(with s: String, at j: Int) -> Bool {
            var k = j
            for c in s {
                guard k < chars.count, chars[k] == c else { return false }
                k += 1
            }
            return true
        }

        mutating func read() throws -> [TemplateToken] {
            var lines: [Line] = []
            var current = Line()
            var text = ""
            var textStart = position
            func flush(_ current: inout Line) {
                if !text.isEmpty { current.tokens.append(TemplateToken(kind: .text(text), name: "", position: textStart)) }
                text = ""
            }
            while i < chars.count {
                let c = chars[i]
                if Self.isNewline(c) {
                    flush(&current)
                    current.newline = String(c)
                    lines.append(current)
                    current = Line()
                    advance()
                    textStart = position
                } else if c == "{", starts(with: "{{", at: i) {
                    flush(&current)
                    current.tokens.append(try tag())
                    textStart = position
                } else {
                    text.append(c)
                    advance()
                }
            }
            flush(&current)
            if !current.tokens.isEmpty { lines.append(current) }
            var tokens: [TemplateToken] = []
            for line in lines {
                tokens += try Self.standalone(line)
            }
            return tokens
        }

        /// A line's tokens, without its spaces and newline when it holds one standalone tag.
        static func standalone(_ line: Line) throws -> [TemplateToken] {
            var tag: TemplateToken?
            var indented = false
            for token in line.tokens {
                switch token.kind {
                case .text(let s) where s.allSatisfy(isBlank):
                    if tag == nil { indented = true }
                case .section, .close, .comment, .partial:
                    if tag != nil { return keep(line) }
                    tag = token
                case .text, .variable:
                    return keep(line)
                }
            }
            guard let tag else { return keep(line) }
            if tag.kind == .partial, indented {
                throw TemplateSyntaxError(
                    position: tag.position,
                    message: "\(tag.shown) is indented on a line of its own; Mustache would indent every line of the partial, which this engine does not do",
                    hint: "start the line with \(tag.shown) (and indent the partial's own lines if the output needs it)")
            }
            return [tag]
        }

        static func keep(_ line: Line) -> [TemplateToken] {
            guard let newline = line.newline else { return line.tokens }
            let position = line.tokens.last?.position ?? SourcePosition(line: 1, column: 1)
            return line.tokens + [TemplateToken(kind: .text(newline), name: "", position: position)]
        }

        /// The tag whose `{{` is at `i`.
        mutating func tag() throws -> TemplateToken {
            let start = position
            advance(); advance()
            let triple = i < chars.count && chars[i] == "{"
            if triple { advance() }
            let close = triple ? "}}}" : "}}"
            var inner = ""
            while i < chars.count, !starts(with: close, at: i) {
                inner.append(chars[i])
                advance()
            }
            guard i < chars.count else {
                let opening = triple ? "{{{" : "{{"
                throw TemplateSyntaxError(position: start, message: "the tag \(opening) that opens here is never closed with \(close)",
                                          hint: "end the tag with \(close)")
            }
            for _ in 0..<close.count { advance() }
            let body = inner.trimmingCharacters(in: .whitespacesAndNewlines)
            if triple { return TemplateToken(kind: .variable(escaped: false), name: try Self.name(body, at: start), position: start) }
            guard let sigil = body.first else {
                throw TemplateSyntaxError(position: start, message: "the tag {{}} names nothing",
                                          hint: "write a field's name between the braces (docs/templates.md lists them)")
            }
            let rest = String(body.dropFirst()).trimmingCharacters(in: .whitespacesAndNewlines)
            switch sigil {
            case "!": return TemplateToken(kind: .comment, name: "", position: start)
            case "#": return TemplateToken(kind: .section(inverted: false), name: try Self.name(rest, at: start), position: start)
            case "^": return TemplateToken(kind: .section(inverted: true), name: try Self.name(rest, at: start), position: start)
            case "/": return TemplateToken(kind: .close, name: try Self.name(rest, at: start), position: start)
            case "&": return TemplateToken(kind: .variable(escaped: false), name: try Self.name(rest, at: start), position: start)
            case ">": return TemplateToken(kind: .partial, name: try Self.partialName(rest, at: start), position: start)
            case "=":
                throw TemplateSyntaxError(position: start, message: "\(Self.shown(inner)): other delimiters than {{ }} are not supported",
                                          hint: "keep the {{ }} delimiters and remove this tag")
            case "<", "$":
                throw TemplateSyntaxError(position: start, message: "\(Self.shown(inner)): template inheritance ({{< name}}, {{$ block}}) is not supported",
                                          hint: "include the shared part with a partial {{> name}}, and choose what shows with sections {{#field}}")
            case "%":
                throw TemplateSyntaxError(position: start, message: "\(Self.shown(inner)): configuration tags {{% ...}} are not supported",
                                          hint: "remove the tag")
            default:
                return TemplateToken(kind: .variable(escaped: true), name: try Self.name(body, at: start), position: start)
            }
        }

        static func shown(_ inner: String) -> String {
            "{{" + inner.trimmingCharacters(in: .whitespacesAndNewlines) + "}}"
        }

        static let nameChars = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-")

        /// A field's name: `.`, or fields joined by dots (`layout.root`).
        static func name(_ name: String, at position: SourcePosition) throws -> String {
            if name == "." { return name }
            if name.isEmpty {
                throw TemplateSyntaxError(position: position, message: "the tag names nothing",
                                          hint: "write a field's name after the sigil (docs/templates.md lists them)")
            }
            if name.contains("(") || name.contains(")") {
                throw TemplateSyntaxError(position: position, message: "'\(name)': transforms are not supported",
                                          hint: "use a field of the view that holds the value (docs/templates.md lists them), or a section {{#field}}")
            }
            let parts = name.split(separator: ".", omittingEmptySubsequences: false)
            if parts.contains(where: \.isEmpty) {
                throw TemplateSyntaxError(position: position, message: "'\(name)' has an empty part",
                                          hint: "a name is a field, or fields joined by single dots: layout.root; {{.}} is the value of the section")
            }
            guard name.allSatisfy({ nameChars.contains($0) || $0 == "." }) else {
                throw TemplateSyntaxError(position: position, message: "'\(name)' is not a field's name",
                                          hint: "a name is letters, digits, _ and -, or fields joined by dots (layout.root); docs/templates.md lists them")
            }
            return name
        }

        /// A partial's name: a template's path without `.mustache` (`partials/head`).
        static func partialName(_ name: String, at position: SourcePosition) throws -> String {
            if name.hasPrefix("*") {
                throw TemplateSyntaxError(position: position, message: "{{>\(name)}}: dynamic partials are not supported",
                                          hint: "name the partial's file, as in {{> partials/head}}")
            }
            let parts = name.split(separator: "/", omittingEmptySubsequences: false)
            guard !name.isEmpty, !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }),
                  name.allSatisfy({ nameChars.contains($0) || $0 == "." || $0 == "/" }) else {
                throw TemplateSyntaxError(position: position, message: "{{> \(name)}}: '\(name)' is not a template's name",
                                          hint: "name a template by its path in the templates folder without .mustache, as in {{> partials/head}}")
            }
            return name
        }
    }
}
