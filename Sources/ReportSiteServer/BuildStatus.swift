import Foundation

/// What one build of the site gave, as the server needs it.
public struct BuildResult: Sendable, Equatable {
    /// The output folder now holds the site these inputs make (built, or already up to date).
    public var succeeded: Bool
    /// The build wrote a new site (false when it failed or the site was up to date).
    public var changedSite: Bool
    /// What the browser's banner shows when the build failed: the error lines, as the terminal printed them.
    public var errors: [String]
    /// The build could not start: wrong usage, as `build` exits 2 (a missing content folder, an output folder it
    /// refuses to replace). Said by the first build, it ends `serve` with the same status: nothing could be served.
    public var usageError: Bool

    public init(succeeded: Bool, changedSite: Bool, errors: [String], usageError: Bool = false) {
        self.succeeded = succeeded
        self.changedSite = changedSite
        self.errors = errors
        self.usageError = usageError
    }
}

/// The builds the server has run, counted, and the errors of the last one. Shared by the thread that builds
/// and the tasks that answer requests.
public final class BuildStatus: @unchecked Sendable {
    public struct Snapshot: Sendable, Equatable {
        /// Builds finished since the server started (a failed one too).
        public var version: Int
        /// Builds that wrote a new site: an open page reloads when this changes.
        public var site: Int
        /// The errors of the last build; empty when it succeeded.
        public var errors: [String]
    }

    private let lock = NSLock()
    private var current = Snapshot(version: 0, site: 0, errors: [])
    private var stopping = false
    /// The requests waiting for the next build (`next(after:within:)`), woken when one is recorded.
    private var waiting: [Int: CheckedContinuation<Void, Never>] = [:]
    private var lastWaiter = 0

    public init() {}

    public func snapshot() -> Snapshot {
        lock.withLock { current }
    }

    public func record(_ result: BuildResult) {
        let woken = lock.withLock { () -> [CheckedContinuation<Void, Never>] in
            current.version += 1
            if result.changedSite { current.site += 1 }
            current.errors = result.succeeded ? [] : result.errors
            return takeWaiting()
        }
        for continuation in woken { continuation.resume() }
    }

    /// A build's record, to be made once: the first `record` of the returned value records, the others do nothing
    /// (a build records its success as soon as its site is in place, and would record again when it returns).
    public func recordOnce() -> OneRecord { OneRecord(self) }

    public final class OneRecord: @unchecked Sendable {
        private let status: BuildStatus
        private let lock = NSLock()
        private var done = false

        fileprivate init(_ status: BuildStatus) { self.status = status }

        public func record(_ result: BuildResult) {
            let first = lock.withLock { () -> Bool in
                defer { done = true }
                return !done
            }
            if first { status.record(result) }
        }
    }

    /// The state once a build other than `known` has been recorded: at once when there is one, else as soon as it
    /// is recorded (woken, not polled), or after `seconds`, or when the server stops or the request is cancelled.
    public func next(after known: Int, within seconds: Double) async -> Snapshot {
        let id = lock.withLock { () -> Int in
            lastWaiter += 1
            return lastWaiter
        }
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                    // Read under the lock: cancelled (below) before it got here, the removal below may have run
                    // already, so it must not wait.
                    let now = self.lock.withLock { () -> Bool in
                        if self.current.version != known || self.stopping || Task.isCancelled { return true }
                        self.waiting[id] = continuation
                        return false
                    }
                    if now { continuation.resume() }
                }
            }
            group.addTask { try? await Task.sleep(nanoseconds: UInt64(seconds * 1e9)) }
            await group.next()
            // Whichever ended first, the other ends now: the sleep is cancelled, the waiter resumed if still there.
            group.cancelAll()
            let left = lock.withLock { waiting.removeValue(forKey: id) }
            left?.resume()
        }
        return snapshot()
    }

    /// Every waiting request, removed from the list, to resume outside the lock. Called with the lock held.
    private func takeWaiting() -> [CheckedContinuation<Void, Never>] {
        let all = Array(waiting.values)
        waiting.removeAll()
        return all
    }

    /// Set when the server stops: requests that wait for a build return at once.
    public var isStopping: Bool {
        get { lock.withLock { stopping } }
        set {
            let woken = lock.withLock { () -> [CheckedContinuation<Void, Never>] in
                stopping = newValue
                return newValue ? takeWaiting() : []
            }
            for continuation in woken { continuation.resume() }
        }
    }
}
