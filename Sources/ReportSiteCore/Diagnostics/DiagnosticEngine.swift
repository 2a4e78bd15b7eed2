import Foundation

/// Collects diagnostics from every stage (stages never print). Safe to use from parallel work.
/// In strict mode, warnings count as errors.
public final class DiagnosticEngine: @unchecked Sendable {
    public let strict: Bool
    private var items: [Diagnostic] = []
    private let lock = NSLock()

    public init(strict: Bool = false) {
        self.strict = strict
    }

    /// `evenInStrict`: a warning that stays a warning under `--strict` (a paragraph missing only because
    /// the cited file is an excerpt is not the author's error).
    public func emit(_ diagnostic: Diagnostic, evenInStrict: Bool = false) {
        var d = diagnostic
        if strict, !evenInStrict, d.severity == .warning { d.severity = .error }
        lock.lock()
        items.append(d)
        lock.unlock()
    }

    public func error(_ code: DiagnosticCode, file: String, at position: SourcePosition? = nil, _ message: String, hint: String? = nil) {
        emit(Diagnostic(.error, code, file: file, at: position, message, hint: hint))
    }

    public func warning(_ code: DiagnosticCode, file: String, at position: SourcePosition? = nil, _ message: String, hint: String? = nil) {
        emit(Diagnostic(.warning, code, file: file, at: position, message, hint: hint))
    }

    /// Diagnostics recorded elsewhere (by a report's own analysis), as they are: their severities already
    /// follow the same strictness.
    public func append(_ recorded: [Diagnostic]) {
        lock.lock()
        items += recorded
        lock.unlock()
    }

    /// The diagnostics in the order they were emitted.
    public var recorded: [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }

    /// Every diagnostic, sorted by file, line, column and message: the same order every run.
    public var diagnostics: [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        return items.sorted {
            ($0.file, $0.position?.line ?? 0, $0.position?.column ?? 0, $0.code, $0.message)
                < ($1.file, $1.position?.line ?? 0, $1.position?.column ?? 0, $1.code, $1.message)
        }
    }

    public var hasErrors: Bool {
        lock.lock()
        defer { lock.unlock() }
        return items.contains { $0.severity == .error }
    }
}
