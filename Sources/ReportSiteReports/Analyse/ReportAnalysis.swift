import Foundation
import ReportSiteCore

/// Parse and analyse of one report as a pure function: the loaded file in, its model and its diagnostics out,
/// as values. Reports are analysed in parallel (`parallelMap`) with no shared state, and the result of one
/// report depends on nothing but its bytes, the vocabulary and the strictness (what a cache can key on).
package struct ReportAnalysis: Sendable {
    /// nil when the file was refused before parsing (input limits).
    public var report: Report?
    public var diagnostics: [Diagnostic]

    /// `extractRecommendations: false` when the entries are known already (a page rendered from a summary): then
    /// the checks that only say something (unused link definitions, RS304) are left out too, as the diagnostics
    /// were said when the summary was made. `matcher`: the vocabulary's, made once by the caller for all its
    /// reports (nil: made for this report).
    package static func run(_ loaded: LoadedReport, vocabulary: AddresseeVocabulary, matcher: AddresseeMatcher? = nil,
                            strict: Bool, extractRecommendations: Bool = true) -> ReportAnalysis {
        runs.add()
        let diagnostics = DiagnosticEngine(strict: strict)
        let violations = InputLimits().check(loaded.body)
        for v in violations {
            diagnostics.error(.inputTooLarge, file: loaded.file.path, at: SourcePosition(line: v.line, column: 1), v.message, hint: v.hint)
        }
        guard violations.isEmpty else { return ReportAnalysis(report: nil, diagnostics: diagnostics.recorded) }
        let blocks = MarkdownParser.parse(loaded.body)
        var report = ReportAnalyser(file: loaded.file.path, source: loaded.file.text, metadata: loaded.metadata, diagnostics: diagnostics)
            .analyse(blocks)
        if extractRecommendations {
            LinkDefinitions.checkUsed(in: loaded.body, blocks: blocks, file: loaded.file.path, diagnostics: diagnostics)
        }
        if loaded.body.allSatisfy(\.isWhitespace) {
            diagnostics.warning(.emptyReport, file: loaded.file.path, at: SourcePosition(line: 1, column: 1),
                                "the report has front matter but no text: its page would be empty",
                                hint: "add the report's text after the front matter's closing `---`")
        } else if !loaded.metadata.unnumbered, !report.paragraphs.contains(where: { $0.anchor != nil }) {
            diagnostics.warning(.noNumberedParagraph, file: loaded.file.path, at: SourcePosition(line: 1, column: 1),
                                "the report has no numbered paragraph: no paragraph can be linked or cited",
                                hint: "number its paragraphs as printed (`1. The ...` at the start of a line, after a blank line); for a document printed without numbers (a decision, a letter), add `paragraphs: none` to the front matter")
        }
        if extractRecommendations {
            report.recommendations = RecommendationDiagnostics(diagnostics: diagnostics).extract(from: report, vocabulary: vocabulary, matcher: matcher)
        }
        var fingerprint = Fingerprint()
        fingerprint.add(loaded.file.text)
        report.sourceFingerprint = fingerprint.hex
        return ReportAnalysis(report: report, diagnostics: diagnostics.recorded)
    }

    /// How many analyses this process has run (`run`), for tests: a build analyses each report at most once.
    static let runs = Count()

    final class Count: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func add() {
            lock.lock()
            value += 1
            lock.unlock()
        }

        var current: Int {
            lock.lock()
            defer { lock.unlock() }
            return value
        }
    }
}
