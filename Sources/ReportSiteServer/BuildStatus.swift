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

    public init() {}

    public func snapshot() -> Snapshot {
        lock.withLock { current }
    }

    public func record(_ result: BuildResult) {
        lock.withLock {
            current.version += 1
            if result.changedSite { current.site += 1 }
            current.errors = result.succeeded ? [] : result.errors
        }
    }

    /// Set when the server stops: requests that wait for a build return at once.
    public var isStopping: Bool {
        get { lock.withLock { stopping } }
        set { lock.withLock { stopping = newValue } }
    }
}
