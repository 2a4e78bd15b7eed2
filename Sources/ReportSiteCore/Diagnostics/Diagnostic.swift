/// A problem found in content or configuration, with where it is and what to do.
public struct Diagnostic: Hashable, Sendable, Codable {
    public enum Severity: String, Hashable, Sendable, Codable {
        /// Information for the author, never an error, also under `--strict` (RS701).
        case note
        case warning
        case error
    }

    public var severity: Severity
    /// A stable code, e.g. `RS101`; see `DiagnosticCode`.
    public var code: String
    /// The file, relative to the working directory where possible.
    public var file: String
    public var position: SourcePosition?
    public var message: String
    /// One line of what to do about it.
    public var hint: String?

    public init(_ severity: Severity, _ code: DiagnosticCode, file: String, at position: SourcePosition?, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.code = code.rawValue
        self.file = file
        self.position = position
        self.message = message
        self.hint = hint
    }

    /// `path:line:column: error: message [RS101]`, the form compilers and editors understand.
    public var formatted: String {
        var location = file
        if let p = position { location += ":\(p.line):\(p.column)" }
        var text = "\(location): \(severity.rawValue): \(message) [\(code)]"
        if let hint { text += "\n  note: \(hint)" }
        return text
    }
}

/// Stable identifiers of every diagnostic the build can report.
public enum DiagnosticCode: String, Sendable, CaseIterable {
    case unreadableFile = "RS001"
    case invalidEncoding = "RS002"
    case inputTooLarge = "RS003"
    case forbiddenCharacters = "RS004"
    case missingFrontMatter = "RS010"
    case invalidFrontMatter = "RS011"
    case missingKey = "RS012"
    case unknownKey = "RS013"
    case invalidValue = "RS014"
    case invalidSymbol = "RS015"
    case fileNameMismatch = "RS016"
    case duplicateSymbol = "RS017"
    case invalidConfiguration = "RS020"
    case paragraphGap = "RS101"
    case paragraphRepeat = "RS102"
    case paragraphStart = "RS103"
    case duplicateAnchor = "RS104"
    // Structure lost without a word (issue 9), and a recommendations-section paragraph left out of the index.
    case indentedStructure = "RS105"
    case structureNotRecognised = "RS106"
    case missingSpaceAfterNumber = "RS107"
    case headingLevel = "RS108"
    case subParagraphOutsideParagraph = "RS109"
    case recommendationSkipped = "RS703"
    /// A section titled as recommendations from which nothing is extracted (issue 11).
    case recommendationSectionEmpty = "RS704"
    case footnoteUndefined = "RS201"
    case footnoteUnused = "RS202"
    case footnoteDuplicate = "RS203"
    case rawHTML = "RS301"
    case citationMissingParagraph = "RS601"
    case citationMissingSection = "RS602"
    case citationInExcerpt = "RS603"
    case unassignedRecommendation = "RS701"
    case invalidAddresseeOverride = "RS702"
    case templateError = "RS401"
    case writeError = "RS501"
    /// A file of content/static/ that cannot be copied into the site: its path is one the build writes, or it is
    /// not a readable file.
    case staticFile = "RS502"
    case brokenLink = "RS801"
    case anchorRemoved = "RS802"
    // Front matter, images and templates (issue 9).
    case frontMatterNotClosed = "RS018"
    case missingImage = "RS302"
    case remoteImage = "RS303"
    case templateSyntax = "RS403"
    case templateMissing = "RS404"
    case templateUnreadable = "RS405"
    case templateUnknownName = "RS406"
    case emptyReport = "RS019"
    case noNumberedParagraph = "RS110"
    case linkDefinitionUnused = "RS304"
    case fileNotRead = "RS021"
    case unknownRecommendingState = "RS705"
    /// A recommendation's subject names, beside addressees of the vocabulary, others it does not have (issue 21): a note.
    case unlistedAddressee = "RS706"
    case unknownCountry = "RS023"
    case noReports = "RS022"
}
