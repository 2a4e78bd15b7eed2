import FlyingFox
import FlyingSocks
import Foundation

/// `reportsite serve`: builds the site, serves the output folder over HTTP, watches the content and the
/// templates, rebuilds on change and makes open pages reload. For development only.
///
/// The build itself is the caller's (`build`), so that it prints its diagnostics exactly as `reportsite build`
/// does; it is always run on one thread at a time, never while another build runs.
public struct DevServer: Sendable {
    public struct Configuration: Sendable {
        /// The address to listen on: an IPv4 or IPv6 address, or `localhost`.
        public var host: String
        /// 0: any free port (the one chosen is printed).
        public var port: UInt16
        /// The site folder the build writes and the server serves.
        public var output: URL
        /// The output folder as the user named it, for messages.
        public var outputName: String
        /// The folders whose changes start a build: the content and the templates.
        public var watched: [URL]
        /// How the watched folders are named in messages.
        public var watchedNames: [String]
        /// How often the watched folders are read, and how long they must stay unchanged before a build starts.
        /// Reading them is a `stat` a file (a few milliseconds for a thousand reports); a save is seen within
        /// `pollInterval`, and built `debounce` later if nothing more was written (an editor's save is often several
        /// writes, a few milliseconds apart).
        public var pollInterval: TimeInterval = 0.1
        public var debounce: TimeInterval = 0.05

        public init(host: String, port: UInt16, output: URL, outputName: String, watched: [URL], watchedNames: [String]) {
            self.host = host
            self.port = port
            self.output = output
            self.outputName = outputName
            self.watched = watched
            self.watchedNames = watchedNames
        }
    }

    public let configuration: Configuration
    private let build: Builds.Work

    /// `build` runs one build; it calls the function it is given as soon as the new site is in place (the build has
    /// then succeeded: the open pages reload at once, while it saves its caches and removes the old site).
    public init(configuration: Configuration, build: @escaping @Sendable (_ siteInPlace: @escaping @Sendable () -> Void) -> BuildResult) {
        self.configuration = configuration
        self.build = build
    }

    /// Runs until SIGINT or SIGTERM; returns the exit status (0 when stopped by a signal, 2 when the address
    /// cannot be used).
    ///
    /// Structured as tasks: the HTTP server, the signals and the watcher are child tasks of one group, and every
    /// build goes through one actor (`Builds`) that runs one build at a time, on a thread of its own so that a
    /// long build never holds a thread the server's tasks need.
    public func run() async -> Int32 {
        let config = configuration
        let address: any SocketAddress
        do {
            address = try Self.address(host: config.host, port: config.port)
        } catch {
            Output.error("error: --host \(config.host) is not an IP address\n"
                + "  note: give an IPv4 or IPv6 address (127.0.0.1, ::1, 0.0.0.0) or localhost")
            return 2
        }
        if !Self.isLoopback(config.host) {
            Output.error("warning: listening on \(config.host): other machines on the network can read the site\n"
                + "  note: reportsite serve is a development server; publish the built folder with a real web server")
        }

        // Signals from the start (a Ctrl-C during the first build stops too); a second one while stopping ends at once.
        let signals = Signals.stream([SIGINT, SIGTERM])
        let status = BuildStatus()
        let builds = Builds(build: build, status: status)
        let handler = SiteHandler(files: SiteFiles(root: config.output.standardizedFileURL), status: status)
        let server = HTTPServer(config: .init(address: address, timeout: LiveReload.holdSeconds + 35,
                                              pool: HTTPServer.defaultPool(), logger: .disabled),
                                handler: handler)

        return await withTaskGroup(of: Event.self) { group -> Int32 in
            group.addTask {
                do { try await server.run(); return .serverEnded(nil) } catch {
                    return .serverEnded(Self.describe(error, host: config.host, port: config.port))
                }
            }
            group.addTask {
                for await _ in signals.events { return .stopRequested }
                return .stopRequested
            }
            // Listening, or the reason it cannot (a port in use): said before any build.
            guard let port = await Self.listeningPort(server, configured: config.port) else {
                var reason = "error: cannot listen on \(config.host):\(config.port)"
                while let event = await group.next() {
                    if case .serverEnded(let said?) = event { reason = said; break }
                    if case .stopRequested = event { break }
                }
                Output.error(reason)
                group.cancelAll()
                signals.finish()
                return 2
            }

            let watcher = FolderWatcher(folders: config.watched)
            let initial = watcher.snapshot()
            let first = await builds.run()
            // Ctrl-C during the first build, or a build that cannot start (wrong usage, said as `build` says it):
            // stop now, without saying that the site is served.
            if signals.received || first.usageError {
                await server.stop(timeout: 0.2)
                group.cancelAll()
                signals.finish()
                Output.say("stopped (port \(port) released)")
                return first.usageError ? 2 : 0
            }
            let shown = config.host.contains(":") ? "[\(config.host)]" : config.host
            Output.say("serving \(config.outputName)/ at http://\(shown):\(port)/ (development only; Ctrl-C stops)\n"
                + "watching \(config.watchedNames.joined(separator: " and ")) for changes")

            group.addTask {
                await Self.watch(watcher, from: initial, config: config, builds: builds)
                return .watcherEnded
            }
            // The first event that ends serving: a signal, or the server failing.
            var failed: String?
            while let event = await group.next() {
                if case .stopRequested = event { break }
                if case .serverEnded(let said) = event { failed = said ?? "error: the server stopped"; break }
            }
            status.isStopping = true
            // A build under way finishes first (it is safe to stop at any point, but its output is then wasted).
            await builds.close(waitingAtMost: 30)
            group.cancelAll()
            signals.finish()
            await server.stop(timeout: 0.2)
            if let failed {
                Output.error(failed)
                return 1
            }
            Output.say("stopped serving \(config.outputName)/ (port \(port) released)")
            return 0
        }
    }

    /// What ends a child task of `run`.
    private enum Event: Sendable {
        case serverEnded(String?)
        case stopRequested
        case watcherEnded
    }

    /// The port the server listens on once it does, or nil when it stopped first (it could not listen).
    private static func listeningPort(_ server: HTTPServer, configured: UInt16) async -> UInt16? {
        for _ in 0..<1_000 {
            if await server.isListening {
                if case .ip4(_, let port) = await server.listeningAddress { return port }
                if case .ip6(_, let port) = await server.listeningAddress { return port }
                return configured
            }
            if (try? await Task.sleep(nanoseconds: 10_000_000)) == nil { return nil }
        }
        return nil
    }

    /// Reads the watched folders every `pollInterval`, and asks for a build when they changed and have stayed
    /// unchanged for `debounce` (an editor's save, or a `git checkout`, is often several writes). Ends when cancelled.
    private static func watch(_ watcher: FolderWatcher, from initial: FolderWatcher.Snapshot, config: Configuration,
                              builds: Builds) async {
        var seen = initial
        while !Task.isCancelled {
            guard (try? await Task.sleep(nanoseconds: UInt64(config.pollInterval * 1e9))) != nil else { return }
            var now = watcher.snapshot()
            guard now != seen else { continue }
            for _ in 0..<20 {
                guard (try? await Task.sleep(nanoseconds: UInt64(config.debounce * 1e9))) != nil else { return }
                let again = watcher.snapshot()
                if again == now { break }
                now = again
            }
            let changed = FolderWatcher.changes(from: seen, to: now)
            seen = now
            let names = changed.prefix(3).map(Output.relative).joined(separator: ", ")
                + (changed.count > 3 ? " and \(changed.count - 3) more" : "")
            guard !Task.isCancelled else { return }
            _ = await builds.run(saying: "changed: \(names); building")
        }
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    static func address(host: String, port: UInt16) throws -> any SocketAddress {
        if host == "localhost" { return try sockaddr_in.inet(ip4: "127.0.0.1", port: port) }
        if host.contains(":") { return try sockaddr_in6.inet6(ip6: host, port: port) }
        return try sockaddr_in.inet(ip4: host, port: port)
    }

    static func describe(_ error: any Error, host: String, port: UInt16) -> String {
        if case SocketError.failed(_, let number, _) = error {
            if number == EADDRINUSE {
                return "error: cannot listen on \(host):\(port): the port is in use\n"
                    + "  note: stop the program using it, or choose another port with --port"
            }
            if number == EADDRNOTAVAIL {
                return "error: cannot listen on \(host):\(port): this machine has no such address\n"
                    + "  note: use --host 127.0.0.1 (the default), or an address of this machine"
            }
            if number == EACCES {
                return "error: cannot listen on \(host):\(port): permission denied\n"
                    + "  note: ports below 1024 need privileges; use --port 8000"
            }
            return "error: cannot listen on \(host):\(port): \(String(cString: strerror(number)))"
        }
        return "error: cannot listen on \(host):\(port): \(error.localizedDescription)"
    }
}

/// Lines on the terminal, written at once (standard output is not a terminal under tests).
enum Output {
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// A path relative to the working directory when it is inside it.
    static func relative(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }
}

/// The builds of one `serve`: one at a time, in the order asked, each on a thread of its own (a build is
/// synchronous work of seconds; it must not hold one of the few threads the server's tasks run on).
actor Builds {
    typealias Work = @Sendable (_ siteInPlace: @escaping @Sendable () -> Void) -> BuildResult
    private let build: Work
    private let status: BuildStatus
    private var current: Task<BuildResult, Never>?
    private var closed = false

    init(build: @escaping Work, status: BuildStatus) {
        self.build = build
        self.status = status
    }

    /// Runs a build once the one under way (if any) has finished; says `line` first. After `close`, builds
    /// nothing and returns a failed result.
    func run(saying line: String? = nil) async -> BuildResult {
        while let running = current { _ = await running.value }
        guard !closed else { return BuildResult(succeeded: false, changedSite: false, errors: []) }
        if let line { Output.say(line) }
        let build = self.build, status = self.status
        let task = Task<BuildResult, Never> {
            // Recorded when the new site is in place (a success that wrote a site), else when the build returns:
            // once a build either way.
            let early = status.recordOnce()
            let result = await Self.onOwnThread { build { early.record(BuildResult(succeeded: true, changedSite: true, errors: [])) } }
            early.record(result)
            return result
        }
        current = task
        let result = await task.value
        current = nil
        return result
    }

    /// No build starts after this; waits for the one under way, at most `seconds`.
    func close(waitingAtMost seconds: Double) async {
        closed = true
        guard let running = current else { return }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { _ = await running.value }
            group.addTask { try? await Task.sleep(nanoseconds: UInt64(seconds * 1e9)) }
            await group.next()
            group.cancelAll()
        }
    }

    private static func onOwnThread(_ work: @escaping @Sendable () -> BuildResult) async -> BuildResult {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: work()) }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }
}

/// SIGINT and SIGTERM as an async sequence: each signal is an event; a second one ends the process at once
/// (the user pressed Ctrl-C again while the server was stopping).
final class Signals: @unchecked Sendable {
    let events: AsyncStream<Int32>
    private let continuation: AsyncStream<Int32>.Continuation
    private let lock = NSLock()
    private var count = 0
    private var sources: [DispatchSourceSignal] = []

    private init() {
        (events, continuation) = AsyncStream.makeStream(of: Int32.self)
    }

    static func stream(_ numbers: [Int32]) -> Signals {
        let signals = Signals()
        signal(SIGPIPE, SIG_IGN)
        for number in numbers {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [signals] in signals.receive(number) }
            source.resume()
            signals.lock.withLock { signals.sources.append(source) }
        }
        return signals
    }

    /// A signal was received since the start.
    var received: Bool { lock.withLock { count > 0 } }

    private func receive(_ number: Int32) {
        let before = lock.withLock { () -> Int in defer { count += 1 }; return count }
        if before > 0 { exit(130) }
        continuation.yield(number)
    }

    func finish() {
        continuation.finish()
    }
}
