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
    /// A check across photos changed the verdict of a result this source gave.
    mutating func verdictChanged(_ result: PhotoResult) throws
    /// Every submission the source knows beyond this run's report (a state: all photos ever
    /// recorded), for the ledger; nil when it knows only the run's.
    func knownSubmissions() throws -> [LedgerPhoto]?
    /// The state whose photos the reuse checks compare with; nil: only the run's own photos.
    var reuseHistory: VerificationState? { get }
    /// Photos already written that a later photo of the run was found to reuse (`duplicate`).
    mutating func reusedLater(_ paths: Set<String>) throws
}

extension ResultSource {
    public var leftForLater: [PhotoPath] { [] }
    public mutating func reportCommitted() throws {}
    public mutating func verdictChanged(_ result: PhotoResult) throws {}
    public func knownSubmissions() throws -> [LedgerPhoto]? { nil }
    public var reuseHistory: VerificationState? { nil }
    public mutating func reusedLater(_ paths: Set<String>) throws {}
}

/// One run over a list of files: takes them in chunks from a `ResultSource`, applies the
/// checks across photos (`ReuseCheck` per chunk, `TravelCheck`), formats the results on all
/// cores and writes them in input order, builds the ledger, finishes the report, commits it,
/// and only then tells the source the run is over. Memory stays bounded by the chunk (and a
/// group of one employee's photos for one day), plus a few small facts per photo (its
/// fingerprints for the reuse checks; with a state those stay in the database).
public struct VerificationRun {
    /// Asked between chunks: a signal asked the run to end, or the report can no longer be written.
    public var shouldStop: () -> Bool = { false }
    /// Sees the running summary after each photo written.
    public var progress: (BatchSummary) -> Void = { _ in }
    /// The rules for the checks across photos and the ledger (`policy.staff`); nil: none.
    public var policy: VerificationPolicy?
    /// Whether the summary gets a `Ledger` (needs `policy`); `ledgerPeriod` is its period (nil:
    /// the photos' WFH days).
    public var keepsLedger = false
    public var ledgerPeriod: DateRange?

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
        var travel = policy.map { TravelCheck(limitKmh: $0.staff.maxTravelSpeedKmh) }
        var reuse = policy.flatMap { policy -> ReuseCheck? in
            guard policy.checksIntegrity else { return nil }
            let index: any ReuseIndex = source.reuseHistory ?? RunReuseIndex()
            return ReuseCheck(threshold: policy.similarityThreshold, index: index)
        }
        var submissions: [LedgerPhoto] = []
        func write(_ results: [PhotoResult]) throws {
            let formatter = writer
            let rows = parallelMap(results) { _, result in formatter.row(for: result) }
            for (result, row) in zip(results, rows) {
                if result.verdict.checks.contains(where: { $0.rule.acrossPhotos && $0.outcome != .pass && $0.outcome != .notJudged }) {
                    try source.verdictChanged(result)
                }
                if keepsLedger, let photo = LedgerPhoto(result) { submissions.append(photo) }
                summary.add(result)
                writer.write(row)
                progress(summary)
            }
        }
        let chunkSize = min(max(1, source.chunkSize), CrashGuard.slotCount)
        while index < items.count, !shouldStop() {
            let chunk = items[index..<min(items.count, index + chunkSize)]
            index += chunk.count
            var results: [PhotoResult] = []
            try source.results(of: chunk) { results.append($0) }
            // The whole chunk compared at once: both photos of a pair in it name each other.
            try reuse?.apply(to: &results)
            var included: [PhotoResult] = []
            for result in results {
                if travel == nil { included.append(result) } else { included += travel?.add(result) ?? [] }
            }
            try write(included)
        }
        try write(travel?.finish() ?? [])
        let reusedLater = reuse?.lateMatches ?? []
        if !reusedLater.isEmpty {
            try source.reusedLater(reusedLater)
            for index in submissions.indices where reusedLater.contains(submissions[index].path) { submissions[index].add(.duplicate) }
        }
        summary.stillUploading = source.leftForLater.count
        if keepsLedger, let policy {
            let ledger = Ledger(photos: try mergedSubmissions(submissions, known: source.knownSubmissions()), policy: policy,
                                period: ledgerPeriod)
            summary.ledger = ledger
            // Named in the report: the period given, else the days of this report's photos (a
            // nightly --only-new run names each day's missing employees once, not every night).
            let named = ledgerPeriod ?? Ledger.period(of: submissions, policy: policy)
            summary.missing = named.map { range in ledger.missing.filter { range.contains($0.date) } } ?? []
        }
        writer.finish(summary)
        try commit()
        try source.reportCommitted()
        return summary
    }
}

/// The run's submissions with those the source knew before; the run's verdict wins for a path in both.
private func mergedSubmissions(_ run: [LedgerPhoto], known: [LedgerPhoto]?) -> [LedgerPhoto] {
    guard let known else { return run }
    let inRun = Set(run.map(\.path))
    return run + known.filter { !inRun.contains($0.path) }
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
