/// The source of a run with a state database: only new or changed photos are read (and
/// hashed); unchanged ones are judged again from what the state recorded, since rules and
/// options may change. A changed file whose content hashes as before (touched, restored from a
/// backup) is the same photo: it keeps its reading and its reported mark. A photo whose content
/// is already recorded under a path that no longer exists was moved or renamed: it keeps its
/// record (and is not reported as new again).
///
/// One photo cannot end every run: the photos of a chunk are committed as in flight before
/// they are read, so after a run died the next one reads those alone (each attempt committed
/// first), and reports `unreadable`, without reading it, a photo that crashed a run (noted by
/// `CrashGuard`) or that was in hand when two runs died.
public struct StateReadings: ResultSource {
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
    /// What the run did besides the report.
    public private(set) var counts = Counts()
    public private(set) var leftForLater: [PhotoPath] = []

    /// Loaded at the first chunk: what the state knows of each path, and of crashes.
    private var recorded: (stamps: [PhotoPath: VerificationState.Stamp], inFlight: [PhotoPath: VerificationState.InFlight],
                        crashers: [[UInt8]: Int32])?

    public init(verifier: PhotoVerifier, state: VerificationState, now: Int64) {
        self.verifier = verifier
        self.state = state
        self.now = now
    }

    /// How each photo of the run was had.
    public struct Counts: Sendable, Equatable {
        /// Photos read in this run (new or changed).
        public var read = 0
        /// Photos judged from the state without reading them.
        public var reused = 0
        /// Changed files whose content hashed as before: judged from the state.
        public var rehashed = 0
        /// Photos recognised as moved or renamed.
        public var moved = 0
        /// Photos reported `unreadable` without reading them, because reading them crashed a run.
        public var crashedBefore = 0
    }

    /// Marks the run's photos as reported: the report that included them is complete.
    public mutating func reportCommitted() throws {
        try state.finishRun(at: now)
    }

    public mutating func verdictChanged(_ result: PhotoResult) throws {
        try state.changeVerdict(PhotoPath(result.path), to: result.verdict)
    }

    /// Every photo the state knows, with its last verdict: the ledger covers all of them.
    public func knownSubmissions() throws -> [LedgerPhoto]? {
        try state.submissions()
    }

    /// Reused pictures are looked for among every photo the state recorded.
    public var reuseHistory: VerificationState? { state }

    public mutating func reusedLater(_ paths: Set<String>) throws {
        for path in paths.sorted() { try state.addReason(.duplicate, to: PhotoPath(path)) }
    }

    private typealias FileStamp = VerificationState.FileStamp

    /// What the state holds for the path of a changed file: the same content is the same photo.
    private struct Known: Sendable {
        var sha256: [UInt8]
        /// The stored reading, unless it cannot be trusted (a state from an earlier version).
        var readingJSON: String?
        var reportedIn: Int64
    }

    private enum Work: Sendable {
        /// Unchanged: judged again from the stored reading (JSON, decoded on a worker).
        case cached(PhotoPath, FileStamp, readingJSON: String, sha256: [UInt8], stamp: VerificationState.Stamp)
        /// Unchanged and already reported, with `--only-new`: nothing to do.
        case skip
        /// New or changed: hashed, then read unless the content is known.
        case fresh(PhotoPath, FileStamp, known: Known?)
        /// In hand when a run died: read alone, the attempt committed first.
        case suspect(PhotoPath, FileStamp, known: Known?)
        /// Crashed a run (`signal`; 0 when it was in hand when two runs died): hashed, not read.
        case crashed(PhotoPath, FileStamp, signal: Int32, known: Known?)
        case other(FoundItem)
        case settling(PhotoPath)
    }

    /// A photo hashed in this run, to record.
    private struct Examined: Sendable {
        enum How: Sendable {
            case read
            case sameContent
            case crashedBefore(signal: Int32)
        }
        var path: PhotoPath
        var file: FileStamp
        var sha256: [UInt8]
        var reading: PhotoReading
        var known: Known?
        var how: How
    }

    private enum Done: Sendable {
        case skipped
        case result(PhotoResult)
        case examined(PhotoResult, Examined)
        case stillUploading(PhotoPath)
    }

    public mutating func results(of chunk: ArraySlice<FoundItem>, include: (PhotoResult) -> Void) throws {
        if recorded == nil { recorded = (try state.stamps(), try state.inFlight(), try state.crashedContent()) }
        var work: [Work] = []
        for item in chunk { work.append(try plan(item)) }
        let done = try handle(work, crashers: recorded?.crashers ?? [:])
        try state.transaction { () throws(StateError) in
            for (work, finished) in zip(work, done) {
                switch finished {
                case .skipped:
                    counts.reused += 1
                case .stillUploading(let path):
                    leftForLater.append(path)
                case .result(let result):
                    if case .cached(let path, _, _, _, let stamp) = work {
                        counts.reused += 1
                        // Track what this report includes, and keep the last verdict current.
                        if !stamp.reported || stamp.status != result.verdict.status.rawValue
                            || stamp.reasons != result.verdict.reasonList || stamp.staff != VerificationState.StaffFacts(result) {
                            try state.emitted(path, result: result)
                        }
                    }
                    include(result)
                case .examined(let result, let photo):
                    let reportedIn = try record(photo, result: result)
                    if onlyNew && reportedIn != 0 { continue }
                    include(result)
                }
            }
        }
    }

    /// Decides on the calling thread (which owns the database) what each item needs.
    private mutating func plan(_ item: FoundItem) throws(StateError) -> Work {
        guard case .photo(let path) = item else { return .other(item) }
        guard let info = path.status(), (info.st_mode & S_IFMT) == S_IFREG else { return .other(item) }
        let file = FileStamp(info)
        if now - Int64(info.st_mtim.tv_sec) < settleSeconds { return .settling(path) }
        // Each path is planned once per run, even when given twice.
        let stamp = recorded?.stamps.removeValue(forKey: path)
        if let suspect = recorded?.inFlight.removeValue(forKey: path), suspect.file == file {
            let known = try knownContent(path, stamp)
            if suspect.signal != 0 || suspect.attempts >= 2 { return .crashed(path, file, signal: suspect.signal, known: known) }
            return .suspect(path, file, known: known)
        }
        // A photo recorded without its fingerprints (by --metadata-only, or an older version)
        // is read once more when the reuse checks are on.
        if let stamp, stamp.file == file, stamp.fingerprinted || !verifier.policy.checksIntegrity {
            // Skipped only once the ledger knows who sent it (rows of older versions are judged once more).
            if onlyNew && stamp.reported && stamp.staff != nil { return .skip }
            if let stored = try state.stored(at: path) {
                return .cached(path, file, readingJSON: stored.readingJSON, sha256: stored.sha256, stamp: stamp)
            }
        }
        return .fresh(path, file, known: try knownContent(path, stamp))
    }

    private func knownContent(_ path: PhotoPath, _ stamp: VerificationState.Stamp?) throws(StateError) -> Known? {
        guard let stamp, let stored = try state.stored(at: path) else { return nil }
        // A state from an earlier version: its reading is not trusted, but its reported mark is.
        return Known(sha256: stored.sha256, readingJSON: stamp.file == nil ? nil : stored.readingJSON, reportedIn: stamp.reportedIn)
    }

    /// Does the work of a chunk: first the photos in hand when a run died, one at a time, each
    /// attempt committed before it; then, once the photos to read are committed as in flight,
    /// everything else on all cores.
    private func handle(_ work: [Work], crashers: [[UInt8]: Int32]) throws(StateError) -> [Done] {
        let verifier = self.verifier, now = self.now
        var alone: [Int: Done] = [:]
        for (index, item) in work.enumerated() {
            guard case .suspect(let path, let file, _) = item else { continue }
            try state.beginReading([(path, file)])
            alone[index] = StateReadings.perform(item, slot: 0, verifier: verifier, now: now, crashers: crashers)
        }
        let reading = work.compactMap { item -> (PhotoPath, FileStamp)? in
            guard case .fresh(let path, let file, _) = item else { return nil }
            return (path, file)
        }
        if !reading.isEmpty { try state.beginReading(reading) }
        let together = parallelMap(work) { slot, item -> Done? in
            if case .suspect = item { return nil }
            return StateReadings.perform(item, slot: slot, verifier: verifier, now: now, crashers: crashers)
        }
        return together.enumerated().compactMap { index, done in done ?? alone[index] }
    }

    /// Records a photo hashed in this run; returns the run that first reported its content (0: none yet).
    private mutating func record(_ photo: Examined, result: PhotoResult) throws(StateError) -> Int64 {
        switch photo.how {
        case .read: counts.read += 1
        case .sameContent: counts.rehashed += 1
        case .crashedBefore: counts.crashedBefore += 1
        }
        var reportedIn: Int64 = 0
        if let known = photo.known, !photo.sha256.isEmpty, known.sha256 == photo.sha256 {
            reportedIn = known.reportedIn  // the same photo, touched or restored from a backup
        } else if !photo.sha256.isEmpty,
                  let (old, oldReported) = try state.entries(withHash: photo.sha256).first(where: { $0.path != photo.path && $0.path.status() == nil }),
                  sameSubmission(old, as: result.submission) {
            counts.moved += 1
            reportedIn = oldReported
            try state.remove(old)
        }
        try state.record(photo.path, file: photo.file, sha256: photo.sha256, reading: photo.reading,
                         result: result, reportedIn: reportedIn, at: now)
        try state.finishedReading(photo.path)
        if case .crashedBefore(let signal) = photo.how, signal != 0, !photo.sha256.isEmpty {
            try state.recordCrashedContent(photo.sha256, signal: signal, path: photo.path)
        }
        return reportedIn
    }

    /// Whether a photo's old path names the same employee and day as its new one: then it was
    /// moved or renamed. Under another NIP or day folder it is a new submission (and the reuse
    /// checks find it a duplicate of the old one, which the state keeps).
    private func sameSubmission(_ old: PhotoPath, as new: Submission) -> Bool {
        let before = verifier.policy.staff.submission(for: old)
        return before.employee?.digits == new.employee?.digits && before.submittedFor == new.submittedFor
    }

    /// Runs on the worker threads: reads, hashes and judges. `slot` is the `CrashGuard` slot.
    private static func perform(_ work: Work, slot: Int, verifier: PhotoVerifier, now: Int64,
                                crashers: [[UInt8]: Int32]) -> Done {
        func finish(_ result: PhotoResult) -> Done { .result(result) }
        switch work {
        case .skip:
            return .skipped
        case .settling(let path):
            return .stillUploading(path)
        case .other(let item):
            return finish(FreshReadings.verify(item, with: verifier, slot: slot))
        case .cached(let path, let file, let json, let sha256, let stamp):
            if let reading = VerificationState.decodeReading(json) {
                // Recorded without the stamp this run reads (--read-stamps never, or an earlier
                // version): the photo is read for its stamp once, and the reading kept.
                if reading.stamp == nil, let metadata = reading.metadata, metadata.format == .jpeg, verifier.policy.wantsStamp(metadata) {
                    let known = Known(sha256: sha256, readingJSON: json, reportedIn: stamp.reportedIn)
                    return examine(path, file, known: known, slot: slot, verifier: verifier, now: now, crashers: crashers)
                }
                return finish(verifier.result(path: path, reading: reading))
            }
            // Recorded by a version whose readings this one cannot decode: read the photo again.
            let known = Known(sha256: sha256, readingJSON: nil, reportedIn: stamp.reportedIn)
            return examine(path, file, known: known, slot: slot, verifier: verifier, now: now, crashers: crashers)
        case .fresh(let path, let file, let known), .suspect(let path, let file, let known):
            return examine(path, file, known: known, slot: slot, verifier: verifier, now: now, crashers: crashers)
        case .crashed(let path, let file, let signal, let known):
            var sha256: [UInt8] = []
            if let opened = try? ReadOnlyFile(path: path), let hash = SHA256Hasher(), let digest = try? hash.digest(of: opened) {
                sha256 = digest
            }
            let photo = Examined(path: path, file: file, sha256: sha256, reading: crashReading(signal: signal),
                                 known: known, how: .crashedBefore(signal: signal))
            let result = verifier.result(path: path, reading: photo.reading)
            return .examined(result, photo)
        }
    }

    /// Hashes a new or changed photo and reads it, unless its content is known: the same as
    /// stored for its path, or known to crash a reader.
    private static func examine(_ path: PhotoPath, _ file: FileStamp, known: Known?, slot: Int,
                                verifier: PhotoVerifier, now: Int64, crashers: [[UInt8]: Int32]) -> Done {
        CrashGuard.reading(path, slot: slot) {
            let reading: PhotoReading
            var sha256: [UInt8] = []
            var how = Examined.How.read
            do throws(PhotoError) {
                let opened = try ReadOnlyFile(path: path)
                if UploadCheck.isIncomplete(opened, modifiedSecondsAgo: now - file.modified / 1_000_000_000) {
                    return .stillUploading(path)
                }
                // With the reuse checks on, the file is read once for its SHA-256 and its image
                // digest; the perceptual hash, which decodes, is taken only after the content is
                // known not to crash a reader.
                let decodeMain = verifier.policy.comparesThumbnails
                let digests = verifier.policy.checksIntegrity && opened.size <= PhotoFingerprint.maxWholeFileBytes
                    ? try PhotoDigests.read(opened, decodeMain: decodeMain) : nil
                if let digests {
                    sha256 = digests.fileSHA256
                } else {
                    guard let hash = SHA256Hasher() else { throw PhotoError.readFailed(reason: "SHA-256 unavailable") }
                    sha256 = try hash.digest(of: opened)
                }
                let fingerprint = { digests.map { $0.fingerprint(decodeMain: decodeMain, file: opened) } }
                let whole = digests.flatMap { $0.isWhole ? $0.bytes : nil }
                if let known, known.sha256 == sha256, let json = known.readingJSON, var stored = VerificationState.decodeReading(json) {
                    if stored.metadata != nil && stored.fingerprint == nil { stored.fingerprint = fingerprint() }
                    if stored.stamp == nil, let metadata = stored.metadata { stored.stamp = verifier.stamp(of: opened, metadata: metadata, whole: whole) }
                    reading = stored
                    how = .sameContent
                } else if let signal = crashers[sha256] {
                    reading = crashReading(signal: signal)
                    how = .crashedBefore(signal: 0)  // already known: nothing new to note
                } else {
                    TestCrashHook.trapIfAsked(path)
                    let metadata = try verifier.reader.read(opened)
                    reading = PhotoReading(metadata: metadata, error: nil, fingerprint: fingerprint(),
                                           stamp: verifier.stamp(of: opened, metadata: metadata, whole: whole))
                }
            } catch {
                reading = PhotoReading(metadata: nil, error: error)
            }
            let photo = Examined(path: path, file: file, sha256: sha256, reading: reading, known: known, how: how)
            let result = verifier.result(path: path, reading: reading)
            return .examined(result, photo)
        }
    }

    /// What a photo that crashed a run is reported as (`signal` 0: it was in hand when two runs
    /// died without a note: out of memory, killed, or a crash the handler could not note).
    static func crashReading(signal: Int32) -> PhotoReading {
        PhotoReading(metadata: nil, error: .crashedReader(signal: signal))
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
