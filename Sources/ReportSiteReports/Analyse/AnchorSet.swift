import ReportSiteCore

/// The ids of one page: each may appear once. A second claim of an id gets `-2`, `-3` ... and a diagnostic.
struct AnchorSet {
    private var used: Set<String> = []
    let file: String
    let diagnostics: DiagnosticEngine

    init(file: String, diagnostics: DiagnosticEngine) {
        self.file = file
        self.diagnostics = diagnostics
    }

    mutating func claim(_ id: String, at position: SourcePosition, what: String) -> String {
        if used.insert(id).inserted { return id }
        var n = 2
        while used.contains("\(id)-\(n)") { n += 1 }
        let unique = "\(id)-\(n)"
        used.insert(unique)
        diagnostics.warning(.duplicateAnchor, file: file, at: position,
                            "\(what) would repeat the anchor #\(id); it gets #\(unique)",
                            hint: "anchors are permanent links: give each \(what) its own number")
        return unique
    }
}
