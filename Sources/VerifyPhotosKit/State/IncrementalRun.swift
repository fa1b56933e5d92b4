#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A run with a state database: only new or changed photos are read (and hashed); unchanged
/// ones are judged again from what the state recorded, since rules and options may change.
/// A photo whose content is already recorded under a path that no longer exists was moved or
/// renamed: it keeps its record (and is not reported as new again).
public struct IncrementalRun {
    public var verifier: PhotoVerifier
    public let state: VerificationState
    /// A photo modified less than this long ago may still be uploading: it is left for later.
    public var settleSeconds: Int64 = 60
    /// Report only what no finished report has included yet (`--only-new`).
    public var onlyNew = false
    /// The current time, seconds since 1970 UTC.
    public var now: Int64
    /// Photos per chunk: one transaction, and the most a killed run can lose.
    public var chunkSize = 64
    public var shouldStop: @Sendable () -> Bool = { false }

    public init(verifier: PhotoVerifier, state: VerificationState, now: Int64) {
        self.verifier = verifier
        self.state = state
        self.now = now
    }

    /// What a run did besides the report.
    public struct Outcome: Sendable {
        public var summary: BatchSummary
        /// Photos read in this run (new or changed).
        public var read = 0
        /// Photos judged from the state without reading them.
        public var reused = 0
        /// Photos recognised as moved or renamed.
        public var moved = 0
        /// Photos left for the next run because they may still be uploading.
        public var stillUploading: [String] = []
        /// Whether a signal stopped the run before the end.
        public var stopped = false
    }

    private enum Work: Sendable {
        /// Unchanged: judged again from the stored reading (JSON, decoded on a worker).
        case cached(PhotoPath, readingJSON: String, stamp: VerificationState.Stamp)
        /// Unchanged and already reported, with `--only-new`: nothing to do.
        case skip
        case fresh(PhotoPath, size: Int64, modified: Int64)
        case other(FoundItem)
        case settling(PhotoPath)
    }

    private enum Done<Row: Sendable>: Sendable {
        case skipped
        case result(PhotoResult, Row)
        case fresh(PhotoResult, Row, size: Int64, modified: Int64, sha256: [UInt8], reading: PhotoReading)
        case stillUploading(PhotoPath)
    }

    /// Verifies `items`, records what it read, and writes the report with `writer`.
    public func report<W: ReportWriter>(_ items: [FoundItem], with writer: W, summary start: BatchSummary = BatchSummary(),
                       progress: (BatchSummary) -> Void = { _ in }) throws(StateError) -> Outcome {
        var writer = writer
        let formatter = writer
        var outcome = Outcome(summary: start)
        let verifier = self.verifier, now = self.now
        var stamps = try state.stamps()
        var index = 0
        while index < items.count {
            if shouldStop() {
                outcome.stopped = true
                break
            }
            let chunk = Array(items[index..<min(items.count, index + chunkSize)])
            index += chunk.count
            let work = try chunk.map { item throws(StateError) in try plan(item, stamps: &stamps) }
            let done = parallelMap(work) { work in IncrementalRun.perform(work, verifier: verifier, now: now, formatter: formatter) }
            try state.transaction { () throws(StateError) in
                for (work, finished) in zip(work, done) {
                    var emit: (PhotoResult, W.Row)?
                    switch finished {
                    case .skipped:
                        outcome.reused += 1
                    case .stillUploading(let path):
                        outcome.stillUploading.append(path.description)
                    case .result(let result, let row):
                        if case .cached(let path, _, let stamp) = work {
                            outcome.reused += 1
                            // Track what this report includes, and keep the last verdict current.
                            if !stamp.reported || stamp.status != result.verdict.status.rawValue
                                || stamp.reasons != result.verdict.reasonList {
                                try state.emitted(path, verdict: result.verdict)
                            }
                        }
                        emit = (result, row)
                    case .fresh(let result, let row, let size, let modified, let sha256, let reading):
                        guard case .fresh(let path, _, _) = work else { continue }
                        outcome.read += 1
                        var reportedIn: Int64 = 0
                        if let (old, oldReported) = try state.entries(withHash: sha256).first(where: { $0.path != path && $0.path.status() == nil }) {
                            outcome.moved += 1
                            reportedIn = oldReported
                            try state.remove(old)
                        }
                        try state.record(path, size: size, modified: modified, sha256: sha256, reading: reading,
                                         verdict: result.verdict, reportedIn: reportedIn, at: now)
                        if onlyNew && reportedIn != 0 { continue }
                        emit = (result, row)
                    }
                    if let (result, row) = emit {
                        outcome.summary.add(result)
                        writer.write(row)
                        progress(outcome.summary)
                    }
                }
            }
        }
        outcome.summary.stillUploading = outcome.stillUploading.count
        writer.finish(outcome.summary)
        return outcome
    }

    /// Decides on the calling thread (which owns the database) what each item needs.
    private func plan(_ item: FoundItem, stamps: inout [PhotoPath: VerificationState.Stamp]) throws(StateError) -> Work {
        guard case .photo(let path) = item else { return .other(item) }
        guard let info = path.status(), (info.st_mode & S_IFMT) == S_IFREG else { return .other(item) }
        let size = Int64(info.st_size)
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        if now - Int64(info.st_mtim.tv_sec) < settleSeconds { return .settling(path) }
        // Each path is planned once per run, even when given twice.
        if let stamp = stamps.removeValue(forKey: path), stamp.size == size, stamp.modified == modified {
            if onlyNew && stamp.reported { return .skip }
            if let json = try state.readingJSON(at: path) { return .cached(path, readingJSON: json, stamp: stamp) }
        }
        return .fresh(path, size: size, modified: modified)
    }

    /// Runs on the worker threads: reads, hashes and judges.
    private static func perform<W: ReportWriter>(_ work: Work, verifier: PhotoVerifier, now: Int64, formatter: W) -> Done<W.Row> {
        func finish(_ result: PhotoResult) -> Done<W.Row> { .result(result, formatter.row(for: result)) }
        switch work {
        case .skip:
            return .skipped
        case .settling(let path):
            return .stillUploading(path)
        case .other(let item):
            return finish(BatchVerifier.verify(item, with: verifier))
        case .cached(let path, let json, _):
            guard let reading = VerificationState.decodeReading(json) else {
                return finish(verifier.verify(path: path))  // an unreadable record: read the photo again
            }
            return finish(verifier.result(path: path, reading: reading))
        case .fresh(let path, let size, let modified):
            let reading: PhotoReading
            var sha256: [UInt8] = []
            do throws(PhotoError) {
                let file = try ReadOnlyFile(path: path)
                if UploadCheck.isIncomplete(file, modifiedSecondsAgo: now - modified / 1_000_000_000) {
                    return .stillUploading(path)
                }
                guard let hash = ContentHash() else { throw PhotoError.readFailed(reason: "SHA-256 unavailable") }
                sha256 = try hash.digest(of: file)
                reading = PhotoReading(metadata: try verifier.reader.read(file), error: nil)
            } catch {
                reading = PhotoReading(metadata: nil, error: error)
            }
            let result = verifier.result(path: path, reading: reading)
            return .fresh(result, formatter.row(for: result), size: size, modified: modified, sha256: sha256, reading: reading)
        }
    }
}

/// Whether a photo looks like an upload still in progress.
enum UploadCheck {
    /// A JPEG that does not end with its end-of-image marker (FF D9 in its last 64 KiB; phones
    /// may append data after it) and was modified within the last day.
    static func isIncomplete(_ file: ReadOnlyFile, modifiedSecondsAgo: Int64) -> Bool {
        guard modifiedSecondsAgo < 86_400,
              let magic = try? file.bytes(at: 0, count: 3), magic == [0xFF, 0xD8, 0xFF] else { return false }
        let tailStart = max(0, file.size - 65_536)
        guard let tail = try? file.bytes(at: tailStart, count: Int(file.size - tailStart)) else { return false }
        for i in stride(from: tail.count - 2, through: 0, by: -1) where tail[i] == 0xFF && tail[i + 1] == 0xD9 {
            return false
        }
        return true
    }
}
