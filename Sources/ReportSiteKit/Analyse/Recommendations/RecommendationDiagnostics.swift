/// Runs the extractor for the build and reports what an author should know: front-matter overrides that
/// name no paragraph or an unknown addressee (errors under `--strict`), and the recommendations that ended
/// `Not specified` (one note a report, never an error, also under `--strict`: the text names no addressee,
/// which is not a mistake; an override in the front matter settles it).
struct RecommendationDiagnostics {
    let diagnostics: DiagnosticEngine

    func extract(from report: Report, vocabulary: AddresseeVocabulary) -> [Recommendation] {
        for problem in RecommendationExtractor.frontMatterProblems(in: report, vocabulary: vocabulary) {
            diagnostics.warning(.invalidAddresseeOverride, file: report.file, at: SourcePosition(line: 1, column: 1), problem,
                                hint: "keys are paragraph ids such as \"85\" or \"91-c\"; values are slugs of content/addressees.yml")
        }
        let (records, unassigned) = RecommendationExtractor.extract(from: report, vocabulary: vocabulary)
        if let first = unassigned.first {
            let ids = unassigned.map { ParagraphID.display($0.paragraph) }
            let what = unassigned.count == 1 ? "recommendation names no addressee: para. " : "recommendations name no addressee: paras. "
            diagnostics.emit(Diagnostic(.note, .unassignedRecommendation, file: report.file, at: first.position,
                                        "\(unassigned.count) \(what)\(ids.joined(separator: ", ")); the index lists them under Not specified",
                                        hint: "if the report means someone, say so in the front matter: addressees: { \"\(first.paragraph)\": [states] }"))
        }
        return records
    }
}
