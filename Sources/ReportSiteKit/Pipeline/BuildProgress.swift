import Foundation
import ReportSiteCore
import ReportSiteOutput

/// How far a build has got, for a progress line on a terminal (`reportsite build`) or a message (`serve`): the
/// stage, how many reports were read and analysed of how many, how many files were written. Updated by the
/// build from any thread; read by another thread at any time.
public final class BuildProgress: @unchecked Sendable {
    public enum Stage: Sendable, Equatable {
        case waiting, loading, analysing, linking, writing, checking, finishing
    }

    public struct Snapshot: Sendable, Equatable {
        public var stage: Stage
        public var reports: Int
        public var analysed: Int
        public var files: Int
    }

    private let lock = NSLock()
    private var stage = Stage.loading
    private var reports = 0
    private var analysed = 0
    private var staging: StagingFolder?
    /// Called once, when the build knows how many report files it has (before any is read).
    private let reportsFound: @Sendable (Int) -> Void

    public init(reportsFound: @escaping @Sendable (Int) -> Void = { _ in }) {
        self.reportsFound = reportsFound
    }

    public var snapshot: Snapshot {
        lock.lock()
        defer { lock.unlock() }
        return Snapshot(stage: stage, reports: reports, analysed: analysed, files: staging?.count ?? 0)
    }

    func found(reports count: Int) {
        lock.lock()
        reports = count
        stage = .analysing
        lock.unlock()
        reportsFound(count)
    }

    func reportAnalysed() {
        lock.lock()
        analysed += 1
        lock.unlock()
    }

    func enter(_ next: Stage, staging folder: StagingFolder? = nil) {
        lock.lock()
        stage = next
        if let folder { staging = folder }
        lock.unlock()
    }
}
