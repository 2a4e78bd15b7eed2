import CAtomicSwap
import Foundation

/// The write stage: the whole site goes to a temporary folder next to the output, which replaces
/// the output only when every file is written. A failed or killed build leaves the old site as it was;
/// the next build removes the temporary folders a killed build left behind.
public struct SiteWriter {
    public let output: URL

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    var parent: URL { output.deletingLastPathComponent() }
    var stagingPrefix: String { "." + output.lastPathComponent + ".tmp-" }

    public func write(_ files: [OutputFile], assets: URL?, assetPaths: [String]) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        removeStaleStaging()
        let staging = parent.appendingPathComponent(stagingPrefix + "\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(at: staging)
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            var folders: Set<String> = []
            for file in files {
                let url = staging.appendingPathComponent(file.path)
                let folder = url.deletingLastPathComponent().path
                if folders.insert(folder).inserted { try fm.createDirectory(atPath: folder, withIntermediateDirectories: true) }
                try file.contents.write(to: url)
            }
            if let assets {
                for path in assetPaths {
                    let target = staging.appendingPathComponent("assets").appendingPathComponent(path)
                    try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try fm.copyItem(at: assets.appendingPathComponent(path), to: target)
                }
            }
            try swap(staging)
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
    }

    /// Puts the staging folder in place of the output. On Linux the two are exchanged in one step (the staging
    /// folder then holds the old site, which is removed); elsewhere the old site is moved aside first.
    private func swap(_ staging: URL) throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: output.path) else {
            try fm.moveItem(at: staging, to: output)
            return
        }
        if reportsite_exchange_paths(staging.path, output.path) == 0 {
            try? fm.removeItem(at: staging)
            return
        }
        let old = parent.appendingPathComponent(stagingPrefix + "old-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(at: old)
        try fm.moveItem(at: output, to: old)
        do {
            try fm.moveItem(at: staging, to: output)
        } catch {
            try? fm.moveItem(at: old, to: output)
            throw error
        }
        try? fm.removeItem(at: old)
    }

    /// Where the system cannot exchange two folders in one step, a build killed between moving the old site
    /// aside and moving the new one in leaves no output: put the old site back. Run at the start of every
    /// build, so that even a build that then fails leaves the previous site in place.
    public func restoreInterruptedSwap() {
        let fm = FileManager.default
        guard !fm.fileExists(atPath: output.path) else { return }
        let names = ((try? fm.contentsOfDirectory(atPath: parent.path)) ?? []).filter { $0.hasPrefix(stagingPrefix + "old-") }.sorted()
        if let last = names.last { try? fm.moveItem(at: parent.appendingPathComponent(last), to: output) }
    }

    /// Temporary folders of earlier builds that were killed before they finished.
    /// A leftover `old-` folder is a complete old site whose swap was cut short: if the output is missing, it is restored.
    func removeStaleStaging() {
        let fm = FileManager.default
        let names = ((try? fm.contentsOfDirectory(atPath: parent.path)) ?? []).filter { $0.hasPrefix(stagingPrefix) }.sorted()
        for name in names {
            let url = parent.appendingPathComponent(name)
            if name.hasPrefix(stagingPrefix + "old-"), !fm.fileExists(atPath: output.path) {
                try? fm.moveItem(at: url, to: output)
            } else {
                try? fm.removeItem(at: url)
            }
        }
    }
}
