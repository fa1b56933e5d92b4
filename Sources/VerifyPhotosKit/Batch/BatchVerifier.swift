import Dispatch

/// `transform` applied to every element and its index on all cores
/// (`DispatchQueue.concurrentPerform`, suited to blocking file I/O), results in input order.
func parallelMap<Item: Sendable, Value: Sendable>(_ items: [Item], _ transform: @Sendable (Int, Item) -> Value) -> [Value] {
    let slots = UnsafeMutableBufferPointer<Value?>.allocate(capacity: items.count)
    slots.initialize(repeating: nil)
    defer { slots.deinitialize().deallocate() }
    // Each iteration writes only its own slot.
    nonisolated(unsafe) let output = slots
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
        output[index] = transform(index, items[index])
    }
    return slots.compactMap { $0 }
}

/// Verifies many files on all cores and hands the results back in input order.
///
/// Files are taken in chunks; the files of a chunk are read in parallel, then the chunk's
/// results are passed on in order before the next chunk starts, so memory stays bounded by the
/// chunk. `shouldStop` is asked between chunks (a signal asked the run to end, or the report
/// can no longer be written). Each photo is read under a `CrashGuard` slot, so that a crash
/// names it.
public struct BatchVerifier: Sendable {
    public var verifier: PhotoVerifier
    /// Files per chunk.
    public var chunkSize = 256
    public var shouldStop: @Sendable () -> Bool = { false }

    public init(verifier: PhotoVerifier) {
        self.verifier = verifier
    }

    /// Verifies `items`, calling `emit` once per item, in order, on the calling thread.
    public func run(_ items: [FoundItem], emit: (PhotoResult) -> Void) {
        run(items, prepare: { $0 }, emit: emit)
    }

    /// Verifies `items` and passes each result through `prepare` on the worker threads (to
    /// format it there, say), then calls `emit` with what `prepare` made, in input order, on
    /// the calling thread.
    public func run<Prepared: Sendable>(_ items: [FoundItem], prepare: @escaping @Sendable (PhotoResult) -> Prepared,
                                        emit: (Prepared) -> Void) {
        let verifier = self.verifier
        var start = 0
        while start < items.count, !shouldStop() {
            let chunk = Array(items[start..<min(items.count, start + chunkSize)])
            parallelMap(chunk) { slot, item in prepare(BatchVerifier.verify(item, with: verifier, slot: slot)) }.forEach(emit)
            start += chunk.count
        }
    }

    /// Verifies one item; `slot` is its `CrashGuard` slot (its index in the chunk in hand; -1: none).
    static func verify(_ item: FoundItem, with verifier: PhotoVerifier, slot: Int = -1) -> PhotoResult {
        switch item {
        case .photo(let path):
            return CrashGuard.reading(path, slot: slot) {
                TestCrashHook.trapIfAsked(path)
                return verifier.verify(path: path)
            }
        case .unreadableFolder(let path, let reason):
            return PhotoResult(path: path.description, metadata: nil, verdict: .unreadable, error: .cannotOpen(reason: reason))
        }
    }
}

extension BatchVerifier {
    /// Verifies `items` and writes every result with `writer` (formatting on all cores, writing
    /// in input order), then finishes the document. `progress` sees the running summary after
    /// each photo. Returns the summary, which starts from `summary` (e.g. skipped-file counts).
    public func report(_ items: [FoundItem], with writer: some ReportWriter, summary: BatchSummary = BatchSummary(),
                       progress: (BatchSummary) -> Void = { _ in }) -> BatchSummary {
        var writer = writer
        var summary = summary
        let formatter = writer
        run(items, prepare: { result in (result, formatter.row(for: result)) }) { result, row in
            summary.add(result)
            writer.write(row)
            progress(summary)
        }
        writer.finish(summary)
        return summary
    }
}

/// Test hook for the crash-recovery tests, never set in production:
/// `VERIFY_PHOTOS_TEST_CRASH_ON=<file name>` makes reading a photo of that name trap, as a bug
/// in a reader would.
enum TestCrashHook {
    private static let fileName: [UInt8]? = getenv("VERIFY_PHOTOS_TEST_CRASH_ON").map { Array(String(cString: $0).utf8) }

    static func trapIfAsked(_ path: PhotoPath) {
        guard let fileName, path.bytes.split(separator: UInt8(ascii: "/")).last.map(Array.init) == fileName else { return }
        fatalError("VERIFY_PHOTOS_TEST_CRASH_ON: a test crash")
    }
}
