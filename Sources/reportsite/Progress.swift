import Foundation
import ReportSiteKit

/// One line on a terminal, rewritten in place while a build runs: "reading and analysing reports: 120 of 1,000",
/// then "writing the site: 3,400 files". Only on a terminal (never in a pipe or a log) and never with --quiet;
/// shown after half a second (a quick build shows none), and erased before the build's diagnostics are printed.
final class ProgressLine: @unchecked Sendable {
    private let progress: BuildProgress
    private let output: String
    private let done = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    private init(progress: BuildProgress, output: String) {
        self.progress = progress
        self.output = output
    }

    /// A running line, or nil when `enabled` is false.
    static func start(_ progress: BuildProgress, output: String, enabled: Bool) -> ProgressLine? {
        guard enabled else { return nil }
        let line = ProgressLine(progress: progress, output: output)
        let thread = Thread { line.run() }
        thread.start()
        return line
    }

    private func run() {
        var shown = false
        var wait = 0.5
        while done.wait(timeout: .now() + wait) == .timedOut {
            wait = 0.2
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + Self.text(progress.snapshot, output: output)).utf8))
            shown = true
        }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        finished.signal()
    }

    /// Ends the line and erases it (returns once it is erased).
    func stop() {
        done.signal()
        finished.wait()
    }

    static func text(_ s: BuildProgress.Snapshot, output: String) -> String {
        switch s.stage {
        case .waiting: return "waiting for the other build into \(output)/ to finish"
        case .loading: return "reading the templates and the site's configuration"
        case .analysing: return "reading and analysing reports: \(grouped(s.analysed)) of \(grouped(s.reports))"
        case .linking: return "linking citations and recommendations (\(grouped(s.reports)) reports)"
        case .writing: return "writing the site: \(grouped(s.files)) files"
        case .checking: return "checking the links of \(grouped(s.files)) files"
        case .finishing: return "putting the new site in place of \(output)/ (\(grouped(s.files)) files)"
        }
    }
}

func grouped(_ n: Int) -> String { BuildReportText.grouped(n) }
