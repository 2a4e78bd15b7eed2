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
        public var pollInterval: TimeInterval = 0.3
        public var debounce: TimeInterval = 0.15

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
    private let build: @Sendable () -> BuildResult

    public init(configuration: Configuration, build: @escaping @Sendable () -> BuildResult) {
        self.configuration = configuration
        self.build = build
    }

    /// Runs until SIGINT or SIGTERM; returns the exit status (0 when stopped by a signal, 2 when the address
    /// cannot be used).
    public func run() -> Int32 {
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

        // Signals are handled on a queue of their own, from the start (a Ctrl-C during the first build stops too).
        let stop = DispatchSemaphore(value: 0)
        let stopRequested = Flag()
        var sources: [DispatchSourceSignal] = []
        signal(SIGPIPE, SIG_IGN)
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                // A second Ctrl-C while stopping ends at once.
                if stopRequested.testAndSet() { exit(130) }
                stop.signal()
            }
            source.resume()
            sources.append(source)
        }
        defer { sources.forEach { $0.cancel() } }

        let status = BuildStatus()
        let handler = SiteHandler(files: SiteFiles(root: config.output.standardizedFileURL), status: status)
        let server = HTTPServer(config: .init(address: address, timeout: LiveReload.holdSeconds + 35,
                                              pool: HTTPServer.defaultPool(), logger: .disabled),
                                handler: handler)
        let failure = Box<String>()
        Task {
            do { try await server.run() } catch { failure.set(Self.describe(error, host: config.host, port: config.port)) }
        }
        // Listening, or the reason it cannot (a port in use): said before any build.
        let port: UInt16? = blocking {
            while true {
                if await server.isListening {
                    if case .ip4(_, let port) = await server.listeningAddress { return port }
                    if case .ip6(_, let port) = await server.listeningAddress { return port }
                    return config.port
                }
                if failure.get() != nil { return nil }
                try? await Task.sleep(nanoseconds: 10_000_000)
            }
        }
        guard let port else {
            Output.error(failure.get() ?? "error: cannot listen on \(config.host):\(config.port)")
            return 2
        }

        let watcher = FolderWatcher(folders: config.watched)
        let building = NSLock()
        let initial = watcher.snapshot()
        let build = self.build
        let first = building.withLock { () -> BuildResult in
            let result = build()
            status.record(result)
            return result
        }
        // Ctrl-C during the first build, or a build that cannot start (wrong usage, said as `build` says it):
        // stop now, without saying that the site is served.
        if stopRequested.isSet || first.usageError {
            _ = blocking(limit: 3) { await server.stop(timeout: 0.2) }
            Output.say("stopped (port \(port) released)")
            return first.usageError ? 2 : 0
        }
        let shown = config.host.contains(":") ? "[\(config.host)]" : config.host
        Output.say("serving \(config.outputName)/ at http://\(shown):\(port)/ (development only; Ctrl-C stops)\n"
            + "watching \(config.watchedNames.joined(separator: " and ")) for changes")

        let running = Flag()
        let thread = Thread {
            var seen = initial
            while !running.isSet {
                Thread.sleep(forTimeInterval: config.pollInterval)
                var now = watcher.snapshot()
                guard now != seen, !running.isSet else { continue }
                // Debounced: an editor's save (or a `git checkout`) is often several writes; build once they stop.
                for _ in 0..<20 {
                    Thread.sleep(forTimeInterval: config.debounce)
                    let again = watcher.snapshot()
                    if again == now { break }
                    now = again
                }
                let changed = FolderWatcher.changes(from: seen, to: now)
                seen = now
                let names = changed.prefix(3).map(Output.relative).joined(separator: ", ")
                    + (changed.count > 3 ? " and \(changed.count - 3) more" : "")
                building.withLock {
                    guard !running.isSet else { return }
                    Output.say("changed: \(names); building")
                    status.record(build())
                }
            }
        }
        thread.start()

        stop.wait()
        running.set()
        status.isStopping = true
        // A build under way finishes first (it is safe to stop at any point, but its output is then wasted).
        if building.lock(before: Date().addingTimeInterval(30)) { building.unlock() }
        _ = blocking(limit: 3) { await server.stop(timeout: 0.2) }
        Output.say("stopped serving \(config.outputName)/ (port \(port) released)")
        return 0
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

/// A value set once by one thread and read by others.
final class Box<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value?

    func set(_ newValue: Value) { lock.withLock { value = newValue } }
    func get() -> Value? { lock.withLock { value } }
}

final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
    /// Sets the flag; says whether it was set before.
    func testAndSet() -> Bool { lock.withLock { defer { value = true }; return value } }
}

/// Runs async work from synchronous code (the command's `run`, the main thread) and waits for its result;
/// with a limit, gives up waiting after that many seconds (nil).
func blocking<Value: Sendable>(_ operation: @escaping @Sendable () async -> Value) -> Value {
    blocking(limit: nil, operation)!
}

func blocking<Value: Sendable>(limit: TimeInterval?, _ operation: @escaping @Sendable () async -> Value) -> Value? {
    let box = Box<Value>()
    let done = DispatchSemaphore(value: 0)
    Task {
        box.set(await operation())
        done.signal()
    }
    if let limit {
        _ = done.wait(timeout: .now() + limit)
    } else {
        done.wait()
    }
    return box.get()
}
