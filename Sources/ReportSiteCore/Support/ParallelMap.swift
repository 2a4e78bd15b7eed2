import Foundation

extension Array where Element: Sendable {
    /// `map`, with the elements spread over the machine's cores; the result keeps the order of the elements.
    /// `transform` must not touch shared mutable state: each call returns its own value (a report's model and
    /// its diagnostics), so that the work needs no lock and gives the same result whatever the schedule.
    package func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        // One worker an element: the system runs as many at once as there are cores, each taking the next.
        parallelMap(jobs: count, transform)
    }
}

extension Array where Element: Sendable {
    /// `parallelMap` on at most `jobs` threads (`reportsite import --jobs`): worker `w` takes the elements
    /// `w`, `w + jobs`, `w + 2 jobs`, ... The result keeps the order of the elements.
    package func parallelMap<T: Sendable>(jobs: Int, _ transform: @Sendable (Element) -> T) -> [T] {
        let workers = Swift.max(1, Swift.min(jobs, count))
        guard workers > 1 else { return map(transform) }
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { slots in
            let out = Slots(buffer: slots)
            self.withUnsafeBufferPointer { elements in
                let input = Elements(buffer: elements)
                withoutActuallyEscaping(transform) { transform in
                    DispatchQueue.concurrentPerform(iterations: workers) { w in
                        for i in stride(from: w, to: input.buffer.count, by: workers) {
                            out.buffer[i] = transform(input.buffer[i])
                        }
                    }
                }
            }
        }
        return results.map { $0! }
    }
}

/// Each iteration writes its own slot only, and the input is read-only while the work runs.
private struct Slots<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T?>
}

private struct Elements<T>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<T>
}
