import Dispatch

/// Where a run gets the results of its photos, one chunk at a time: read now
/// (`FreshReadings`), or judged again from what a state recorded (`StateReadings`).
public protocol ResultSource {
    /// Items per chunk: the most that is read at once, and that a killed run can lose.
    var chunkSize: Int { get }
    /// Gets the results of `chunk` (reading on all cores) and records them; passes those the
    /// report includes to `include`, in input order, on the calling thread.
    mutating func results(of chunk: ArraySlice<FoundItem>, include: (PhotoResult) -> Void) throws
    /// Photos left for the next run, because they may still be uploading.
    var leftForLater: [PhotoPath] { get }
    /// Called once the report that included this run's results is complete and committed.
    mutating func reportCommitted() throws
}

extension ResultSource {
    public var leftForLater: [PhotoPath] { [] }
    public mutating func reportCommitted() throws {}
}

/// One run over a list of files: takes them in chunks from a `ResultSource`, formats each
/// chunk's results on all cores and writes them in input order, finishes the report, commits it,
/// and only then tells the source the run is over. Memory stays bounded by the chunk.
public struct VerificationRun {
    /// Asked between chunks: a signal asked the run to end, or the report can no longer be written.
    public var shouldStop: () -> Bool = { false }
    /// Sees the running summary after each photo written.
    public var progress: (BatchSummary) -> Void = { _ in }

    public init() {}

    /// Writes a report of `items` with `writer`. `commit` makes the finished report permanent
    /// (renames `--output` into place); a report that cannot be committed throws, and the
    /// source is then not told the run is over (so nothing counts as reported). Returns the
    /// summary, which starts from `summary` (skipped-file counts, say).
    @discardableResult
    public func report<Source: ResultSource, Writer: ReportWriter>(
        _ items: [FoundItem], from source: inout Source, to writer: Writer,
        summary start: BatchSummary = BatchSummary(), commit: () throws -> Void = {}
    ) throws -> BatchSummary {
        var writer = writer
        var summary = start
        var index = 0
        let chunkSize = min(max(1, source.chunkSize), CrashGuard.slotCount)
        while index < items.count, !shouldStop() {
            let chunk = items[index..<min(items.count, index + chunkSize)]
            index += chunk.count
            var included: [PhotoResult] = []
            try source.results(of: chunk) { included.append($0) }
            let formatter = writer
            let rows = parallelMap(included) { _, result in formatter.row(for: result) }
            for (result, row) in zip(included, rows) {
                summary.add(result)
                writer.write(row)
                progress(summary)
            }
        }
        summary.stillUploading = source.leftForLater.count
        writer.finish(summary)
        try commit()
        try source.reportCommitted()
        return summary
    }
}

/// `transform` applied to every element and its index on all cores
/// (`DispatchQueue.concurrentPerform`, suited to blocking file I/O), results in input order.
func parallelMap<Item: Sendable, Value: Sendable>(_ items: [Item], _ transform: @Sendable (Int, Item) -> Value) -> [Value] {
    guard !items.isEmpty else { return [] }
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
