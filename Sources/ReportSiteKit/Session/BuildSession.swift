import Foundation
import ReportSiteCore

/// One build as a command or the server runs it: the options in, a typed result out. Nothing is printed here;
/// the consumers (`BuildReportText`, `BuildReportJSON`, serve's banner) say the result each in its own form.
public enum BuildSession {
    /// What one build gave.
    public struct Result: Sendable {
        public var outcome: SiteBuilder.Outcome
        /// Every diagnostic, in the order the build emitted them.
        public var diagnostics: [Diagnostic]
        /// The output was already the site these inputs make.
        public var upToDate: Bool
        /// false: a check (`reportsite check`), nothing written.
        public var wrote: Bool
        /// Wall time and memory of each stage, in order (`--timings`).
        public var timings: [Timing]
        /// Pages taken from the previous build instead of rendered.
        public var reusedPages: Int

        public struct Timing: Sendable, Equatable {
            public var stage: String
            public var seconds: Double
            public var residentMiB: Int?
        }

        public var exitCode: Int32 { outcome.exitCode }
        public var errors: Int { diagnostics.filter { $0.severity == .error }.count }
        public var warnings: Int { diagnostics.filter { $0.severity == .warning }.count }
        public var notes: Int { diagnostics.filter { $0.severity == .note }.count }

        /// The errors as the terminal shows them, and the usage error if the build could not start (serve's banner).
        public var errorLines: [String] {
            var lines = diagnostics.filter { $0.severity == .error }.map(\.formatted)
            if case .usageError(let message) = outcome { lines.append(message) }
            return lines
        }
    }

    public static func run(_ options: SiteBuilder.Options) -> Result {
        var builder = SiteBuilder(options: options)
        let outcome = builder.build()
        return Result(outcome: outcome, diagnostics: builder.diagnostics.diagnostics, upToDate: builder.upToDate,
                      wrote: options.write,
                      timings: builder.timings.map { Result.Timing(stage: $0.stage, seconds: $0.seconds, residentMiB: $0.residentMiB) },
                      reusedPages: builder.reusedPages.count)
    }
}
