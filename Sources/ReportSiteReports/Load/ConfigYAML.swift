import ReportSiteCore
import Yams

/// The YAML of a configuration file of `content/` (`site.yml`, `addressees.yml`, `recommending-verbs.yml`,
/// `states.yml`): one reader for all four, so that each reports a YAML error the same way, at its line and column
/// in one line (as the front matter's are, `MetadataReader.explain`), never Yams' dump of the whole file.
enum ConfigYAML {
    /// The file's root node; nil for an empty file. `valid` is false when the file is not YAML (the error is reported).
    static func compose(_ file: SourceFile, name: String, diagnostics: DiagnosticEngine) -> (node: Node?, valid: Bool) {
        do {
            return (try Yams.compose(yaml: file.text), true)
        } catch let error as YamlError {
            var (position, problem, hint) = MetadataReader.explain(error, yaml: file.text, offset: 0)
            // libyaml reports an error at the end of the text on the line after the last: said on the last line.
            let lines = TextLines.split(file.text).count
            if position.line > max(lines, 1) { position = SourcePosition(line: max(lines, 1), column: 1) }
            diagnostics.error(.invalidConfiguration, file: file.path, at: position, "\(name) is not valid YAML: \(problem)", hint: hint)
        } catch {
            diagnostics.error(.invalidConfiguration, file: file.path, at: SourcePosition(line: 1, column: 1), "\(name) is not valid YAML: \(error)")
        }
        return (nil, false)
    }
}
