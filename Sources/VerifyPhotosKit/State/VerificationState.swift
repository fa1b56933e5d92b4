#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The state of incremental runs (`--state FILE`): a SQLite database of every photo seen, with
/// its size, modification and change times, inode, SHA-256, what reading it gave, its last
/// verdict, and whether a finished report has included it. Written in one transaction per
/// chunk of photos, so a run killed at any moment leaves every photo either fully recorded or
/// not at all.
///
/// It also remembers which photos a run was reading (`in_flight`, committed before they are
/// read) and, from the note file `FILE.crash` that `CrashGuard` writes when a reader crashes,
/// which of them crashed it and which contents are known to crash (`crashed_content`), so that
/// one photo cannot crash every later run.
public final class VerificationState {
    let database: SQLiteDatabase
    let fingerprintStatements: FingerprintStatements
    /// The perceptual hashes of the fingerprints table, with the row of each, once a lookup needed them.
    var perceptualHashes: (hashes: PerceptualIndex, rows: [Int64])?
    private let findByPath: SQLiteStatement
    private let findByHash: SQLiteStatement
    private let upsert: SQLiteStatement
    private let delete: SQLiteStatement
    private let markEmitted: SQLiteStatement
    private let changeVerdict: SQLiteStatement
    private let startReading: SQLiteStatement
    private let finishReading: SQLiteStatement
    private let noteCrashedContent: SQLiteStatement
    private let encoder = JSONEncoder()
    /// The crash note file, open for `CrashGuard` to append to.
    private let crashNotes: Int32
    /// This run's number.
    public let run: Int64

    /// What `stat` says of a photo file, to tell whether it changed since it was read. Size and
    /// modification time alone miss a same-size rewrite whose mtime was put back (`touch -r`);
    /// the change time, which no user can set, and the inode and device do not.
    struct FileStamp: Sendable, Equatable {
        var size: Int64
        /// Modification time, nanoseconds since 1970.
        var modified: Int64
        /// Status change time, nanoseconds since 1970.
        var changed: Int64
        var inode: Int64
        var device: Int64

        init(size: Int64, modified: Int64, changed: Int64, inode: Int64, device: Int64) {
            self.size = size
            self.modified = modified
            self.changed = changed
            self.inode = inode
            self.device = device
        }

        init(_ info: stat) {
            size = Int64(info.st_size)
            modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
            inode = Int64(bitPattern: UInt64(info.st_ino))
            device = Int64(bitPattern: UInt64(info.st_dev))
        }

        fileprivate var values: [SQLiteStatement.Value] {
            [.integer(size), .integer(modified), .integer(changed), .integer(inode), .integer(device)]
        }
    }

    /// What the state knows of a photo without reading its stored reading.
    struct Stamp: Sendable {
        /// Nil when a field is missing (a state written by an earlier version): "changed".
        var file: FileStamp?
        /// The run whose finished report first included the photo; 0 for none yet.
        var reportedIn: Int64
        /// The last verdict, as stored (`status` and comma-separated reasons).
        var status: String
        var reasons: String
        /// Who sent it and for which day, as last worked out (nil `staff`: not yet, an older version).
        var staff: StaffFacts?
        /// Whether its fingerprints were recorded (not with `--metadata-only`, nor by older versions).
        var fingerprinted = false

        var reported: Bool { reportedIn != 0 }
    }

    /// The employee and the ledger day of a photo, as stored for the ledger.
    struct StaffFacts: Sendable, Equatable {
        var nip: String?
        var day: String?

        init(nip: String?, day: String?) {
            self.nip = nip
            self.day = day
        }

        init(_ result: PhotoResult) {
            let photo = LedgerPhoto(result)
            self.init(nip: photo?.nip, day: photo?.day.description)
        }

        fileprivate var values: [SQLiteStatement.Value] {
            [nip.map { .text($0) } ?? .null, day.map { .text($0) } ?? .null]
        }
    }

    /// A photo some run started reading and did not finish (it died).
    struct InFlight: Sendable {
        var file: FileStamp
        /// How many runs started reading this very file.
        var attempts: Int
        /// The signal that crashed a run reading it, from a crash note; 0 when none was noted.
        var signal: Int32
    }

    /// Opens (or creates) the database at `path` and starts a new run.
    public init(path: String, startedAt: Int64) throws(StateError) {
        let database = try SQLiteDatabase(path: path)
        self.database = database
        try database.execute("""
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            PRAGMA busy_timeout = 10000;
            """)
        try StateSchema.migrate(database, path: path)
        run = try database.transaction { () throws(StateError) -> Int64 in
            try database.prepare("INSERT INTO runs (started_at) VALUES (?)").run([.integer(startedAt)])
            let last = try database.prepare("SELECT max(id) FROM runs")
            _ = try last.step()
            return last.integer(0)
        }
        findByPath = try database.prepare("SELECT reading, sha256 FROM photos WHERE path = ?")
        findByHash = try database.prepare("SELECT path, reported_in FROM photos WHERE sha256 = ? LIMIT 8")
        upsert = try database.prepare("""
            INSERT INTO photos (path, size, mtime_ns, ctime_ns, inode, device, sha256, reading, status, reasons,
                                verified_in, verified_at, emitted_in, reported_in, nip, ledger_day, staff_known)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            ON CONFLICT(path) DO UPDATE SET size = excluded.size, mtime_ns = excluded.mtime_ns, ctime_ns = excluded.ctime_ns,
                inode = excluded.inode, device = excluded.device, sha256 = excluded.sha256,
                reading = excluded.reading, status = excluded.status, reasons = excluded.reasons,
                verified_in = excluded.verified_in, verified_at = excluded.verified_at,
                emitted_in = excluded.emitted_in, reported_in = excluded.reported_in,
                nip = excluded.nip, ledger_day = excluded.ledger_day, staff_known = 1
            """)
        delete = try database.prepare("DELETE FROM photos WHERE path = ?")
        markEmitted = try database.prepare("""
            UPDATE photos SET emitted_in = ?, status = ?, reasons = ?, nip = ?, ledger_day = ?, staff_known = 1 WHERE path = ?
            """)
        changeVerdict = try database.prepare("UPDATE photos SET status = ?, reasons = ? WHERE path = ?")
        // Attempts count the runs that started reading this very file; another file resets them.
        startReading = try database.prepare("""
            INSERT INTO in_flight (path, size, mtime_ns, ctime_ns, inode, device) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(path) DO UPDATE SET
                attempts = CASE WHEN size = excluded.size AND mtime_ns = excluded.mtime_ns AND ctime_ns = excluded.ctime_ns
                    AND inode = excluded.inode AND device = excluded.device THEN attempts + 1 ELSE 1 END,
                signal = CASE WHEN size = excluded.size AND mtime_ns = excluded.mtime_ns AND ctime_ns = excluded.ctime_ns
                    AND inode = excluded.inode AND device = excluded.device THEN signal ELSE 0 END,
                size = excluded.size, mtime_ns = excluded.mtime_ns, ctime_ns = excluded.ctime_ns,
                inode = excluded.inode, device = excluded.device
            """)
        finishReading = try database.prepare("DELETE FROM in_flight WHERE path = ?")
        fingerprintStatements = try FingerprintStatements(database)
        noteCrashedContent = try database.prepare("INSERT OR REPLACE INTO crashed_content (sha256, signal, path, run) VALUES (?, ?, ?, ?)")
        crashNotes = try VerificationState.openCrashNotes(path + ".crash")
        try applyCrashNotes()  // on failure, deinit closes the file
        CrashGuard.noteCrashes(to: crashNotes)
    }

    deinit {
        CrashGuard.stopNoting(to: crashNotes)
        close(crashNotes)
    }

    /// Every stored photo's stamp, read at once: one query instead of one per photo.
    func stamps() throws(StateError) -> [PhotoPath: Stamp] {
        let all = try database.prepare(
            """
            SELECT photos.path, size, mtime_ns, ctime_ns, inode, device, reported_in, status, reasons, nip, ledger_day, staff_known,
                   fingerprints.path IS NOT NULL
            FROM photos LEFT JOIN fingerprints ON fingerprints.path = photos.path
            """)
        var stamps: [PhotoPath: Stamp] = [:]
        while try all.step() {
            let complete = !(2...5).contains { all.isNull(Int32($0)) }
            let file = complete
                ? FileStamp(size: all.integer(1), modified: all.integer(2), changed: all.integer(3), inode: all.integer(4), device: all.integer(5))
                : nil
            let staff = all.integer(11) != 0 ? StaffFacts(nip: all.text(9), day: all.text(10)) : nil
            stamps[PhotoPath(bytes: all.blob(0))] = Stamp(file: file, reportedIn: all.integer(6),
                                                          status: all.text(7) ?? "", reasons: all.text(8) ?? "", staff: staff,
                                                          fingerprinted: all.integer(12) != 0)
        }
        return stamps
    }

    /// The stored reading of a photo, as JSON (decoded by `decodeReading`, on any thread), and
    /// the SHA-256 of the content it was read from.
    func stored(at path: PhotoPath) throws(StateError) -> (readingJSON: String, sha256: [UInt8])? {
        try findByPath.bind([.blob(path.bytes)])
        guard try findByPath.step(), let json = findByPath.text(0) else { return nil }
        return (json, findByPath.blob(1))
    }

    static func decodeReading(_ json: String) -> PhotoReading? {
        try? JSONDecoder().decode(PhotoReading.self, from: Data(json.utf8))
    }

    /// Stored photos with this content, and the run that first reported each (0: none yet).
    func entries(withHash sha256: [UInt8]) throws(StateError) -> [(path: PhotoPath, reportedIn: Int64)] {
        try findByHash.bind([.blob(sha256)])
        var found: [(path: PhotoPath, reportedIn: Int64)] = []
        while try findByHash.step() {
            found.append((PhotoPath(bytes: findByHash.blob(0)), findByHash.integer(1)))
        }
        return found
    }

    /// Records a photo verified (read) in this run; it is emitted in this run's report.
    func record(_ path: PhotoPath, file: FileStamp, sha256: [UInt8], reading: PhotoReading,
                result: PhotoResult, reportedIn: Int64, at time: Int64) throws(StateError) {
        let json = (try? encoder.encode(reading)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        try upsert.run([.blob(path.bytes)] + file.values + [.blob(sha256), .text(json),
                       .text(result.verdict.status.rawValue), .text(result.verdict.reasonList),
                       .integer(run), .integer(time), .integer(run), .integer(reportedIn)] + StaffFacts(result).values)
        try recordFingerprints(of: result, at: path)
    }

    /// Notes that an unchanged photo is in this run's report, with its verdict under today's
    /// rules and who sent it for which day.
    func emitted(_ path: PhotoPath, result: PhotoResult) throws(StateError) {
        try markEmitted.run([.integer(run), .text(result.verdict.status.rawValue), .text(result.verdict.reasonList)]
                            + StaffFacts(result).values + [.blob(path.bytes)])
    }

    /// Keeps the stored verdict of a photo that a check across photos changed.
    func changeVerdict(_ path: PhotoPath, to verdict: Verdict) throws(StateError) {
        try changeVerdict.run([.text(verdict.status.rawValue), .text(verdict.reasonList), .blob(path.bytes)])
    }

    /// Adds a reason found by a check across photos after the photo's row was written.
    func addReason(_ reason: ReasonCode, to path: PhotoPath) throws(StateError) {
        let find = try database.prepare("SELECT status, reasons FROM photos WHERE path = ?")
        try find.bind([.blob(path.bytes)])
        guard try find.step(), let status = find.text(0).flatMap(PhotoStatus.init(rawValue:)) else { return }
        let reasons = (find.text(1) ?? "").split(separator: ",").compactMap { ReasonCode(rawValue: String($0)) }.adding(reason)
        try changeVerdict.run([.text(status.with(reasons: reasons).rawValue), .text(reasons.map(\.rawValue).joined(separator: ",")),
                               .blob(path.bytes)])
    }

    /// Every recorded photo whose path names an employee, with its day and last verdict, for the ledger.
    func submissions() throws(StateError) -> [LedgerPhoto] {
        let all = try database.prepare("SELECT path, nip, ledger_day, status, reasons FROM photos WHERE nip IS NOT NULL AND ledger_day IS NOT NULL")
        var found: [LedgerPhoto] = []
        while try all.step() {
            guard let nip = all.text(1), let day = all.text(2).flatMap(CalendarDate.init(iso:)),
                  let status = all.text(3).flatMap(PhotoStatus.init(rawValue:)) else { continue }
            let reasons = (all.text(4) ?? "").split(separator: ",").compactMap { ReasonCode(rawValue: String($0)) }
            found.append(LedgerPhoto(path: PhotoPath(bytes: all.blob(0)).description, nip: nip, day: day, status: status, reasons: reasons))
        }
        return found
    }

    func remove(_ path: PhotoPath) throws(StateError) {
        try delete.run([.blob(path.bytes)])
        try fingerprintStatements.delete.run([.blob(path.bytes)])
    }

    /// Photos that a run started reading and never finished, by path.
    func inFlight() throws(StateError) -> [PhotoPath: InFlight] {
        let all = try database.prepare("SELECT path, size, mtime_ns, ctime_ns, inode, device, attempts, signal FROM in_flight")
        var found: [PhotoPath: InFlight] = [:]
        while try all.step() {
            let file = FileStamp(size: all.integer(1), modified: all.integer(2), changed: all.integer(3),
                                 inode: all.integer(4), device: all.integer(5))
            found[PhotoPath(bytes: all.blob(0))] = InFlight(file: file, attempts: Int(all.integer(6)), signal: Int32(truncatingIfNeeded: all.integer(7)))
        }
        return found
    }

    /// Commits, before they are read, that these photos are being read: if the run dies, the
    /// next one knows which photos were in hand.
    func beginReading(_ photos: [(PhotoPath, FileStamp)]) throws(StateError) {
        try database.transaction { () throws(StateError) in
            for (path, file) in photos {
                try startReading.run([.blob(path.bytes)] + file.values)
            }
        }
    }

    /// The photo's reading is recorded (in the same transaction): it is no longer in hand.
    func finishedReading(_ path: PhotoPath) throws(StateError) {
        try finishReading.run([.blob(path.bytes)])
    }

    func inFlightCount() throws(StateError) -> Int {
        try countRows("SELECT count(*) FROM in_flight")
    }

    /// Contents known to crash a reader, with the signal it died of.
    func crashedContent() throws(StateError) -> [[UInt8]: Int32] {
        let all = try database.prepare("SELECT sha256, signal FROM crashed_content")
        var found: [[UInt8]: Int32] = [:]
        while try all.step() { found[all.blob(0)] = Int32(truncatingIfNeeded: all.integer(1)) }
        return found
    }

    /// Remembers that this content crashed a reader (`signal`), so that no copy of it is read.
    func recordCrashedContent(_ sha256: [UInt8], signal: Int32, path: PhotoPath) throws(StateError) {
        try noteCrashedContent.run([.blob(sha256), .integer(Int64(signal)), .blob(path.bytes), .integer(run)])
    }

    /// Runs `body` as one transaction.
    func transaction(_ body: () throws(StateError) -> Void) throws(StateError) {
        try database.transaction(body)
    }

    /// Called once this run's report is complete: everything it emitted counts as reported.
    public func finishRun(at time: Int64) throws(StateError) {
        try database.transaction { () throws(StateError) in
            try database.prepare("UPDATE photos SET reported_in = ? WHERE emitted_in = ? AND reported_in = 0")
                .run([.integer(run), .integer(run)])
            try database.prepare("UPDATE runs SET finished_at = ? WHERE id = ?").run([.integer(time), .integer(run)])
        }
    }

    /// Number of photos recorded.
    public func count() throws(StateError) -> Int {
        try countRows("SELECT count(*) FROM photos")
    }

    /// Number of photos not yet in any finished report.
    public func unreportedCount() throws(StateError) -> Int {
        try countRows("SELECT count(*) FROM photos WHERE reported_in = 0")
    }

    private func countRows(_ sql: String) throws(StateError) -> Int {
        let statement = try database.prepare(sql)
        _ = try statement.step()
        return Int(statement.integer(0))
    }

    // MARK: Crash notes

    /// Opens the crash note file (created private, mode 0600), refusing a link planted at its
    /// name or a file another user could write, as `StateLock` does for the lock file.
    private static func openCrashNotes(_ path: String) throws(StateError) -> Int32 {
        try PrivateFile.open(path, role: .crashNotes, append: true)
    }

    /// Turns the notes a crashed run left into `in_flight` marks, then empties the file. A
    /// noted photo not in flight (read again because its stored reading no longer decoded) is
    /// added with the stamp it has now.
    private func applyCrashNotes() throws(StateError) {
        var content: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while content.count < 16 << 20 {
            let count = buffer.withUnsafeMutableBytes { pread(crashNotes, $0.baseAddress, $0.count, off_t(content.count)) }
            if count <= 0 { break }
            content += buffer[0..<count]
        }
        let notes = CrashGuard.decodeNotes(content)
        guard !notes.isEmpty || !content.isEmpty else { return }
        let mark = try database.prepare("UPDATE in_flight SET signal = ? WHERE path = ?")
        try database.transaction { () throws(StateError) in
            for (path, signal) in notes {
                try mark.run([.integer(Int64(signal)), .blob(path.bytes)])
                if database.changes == 0, let info = path.status() {
                    try startReading.run([.blob(path.bytes)] + FileStamp(info).values)
                    try mark.run([.integer(Int64(signal)), .blob(path.bytes)])
                }
            }
        }
        if ftruncate(crashNotes, 0) != 0 {
            throw StateError(.cannotEmptyCrashNotes(reason: ReadOnlyFile.describe(errno: errno)))
        }
    }
}
