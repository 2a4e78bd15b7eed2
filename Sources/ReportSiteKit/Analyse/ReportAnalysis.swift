/// Parse and analyse of one report as a pure function: the loaded file in, its model and its diagnostics out,
/// as values. Reports are analysed in parallel (`parallelMap`) with no shared state, and the result of one
/// report depends on nothing but its bytes, the vocabulary and the strictness (what a cache can key on).
public struct ReportAnalysis: Sendable {
    /// nil when the file was refused before parsing (input limits).
    public var report: Report?
    public var diagnostics: [Diagnostic]

    /// `extractRecommendations: false` when the entries are known already (a page rendered from a summary).
    public static func run(_ loaded: LoadedReport, vocabulary: AddresseeVocabulary, strict: Bool,
                           extractRecommendations: Bool = true) -> ReportAnalysis {
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
            report.recommendations = RecommendationDiagnostics(diagnostics: diagnostics).extract(from: report, vocabulary: vocabulary)
        }
        var fingerprint = Fingerprint()
        fingerprint.add(loaded.file.text)
        report.sourceFingerprint = fingerprint.hex
        return ReportAnalysis(report: report, diagnostics: diagnostics.recorded)
    }
}
