#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What reading one file gave: the metadata, or why it could not be read. Stored in the state
/// so that an unchanged photo is judged again (rules and options may change) without reading it.
public struct PhotoReading: Sendable, Codable, Equatable {
    public var metadata: PhotoMetadata?
    public var error: PhotoError?
}

/// The state of incremental runs (`--state FILE`): a SQLite database of every photo seen, with
/// its size, modification time, SHA-256, what reading it gave, its last verdict, and whether a
/// finished report has included it. Written in one transaction per chunk of photos, so a run
/// killed at any moment leaves every photo either fully recorded or not at all.
public final class VerificationState {
    private let database: SQLiteDatabase
    private let findByPath: SQLiteStatement
    private let findByHash: SQLiteStatement
    private let upsert: SQLiteStatement
    private let delete: SQLiteStatement
    private let markEmitted: SQLiteStatement
    private let encoder = JSONEncoder()
    /// This run's number.
    public let run: Int64

    /// What the state knows of a photo without reading its stored reading.
    struct Stamp: Sendable {
        var size: Int64
        var modified: Int64
        /// Whether a finished report has included the photo.
        var reported: Bool
        /// The last verdict, as stored (`status` and comma-separated reasons).
        var status: String
        var reasons: String
    }

    /// Opens (or creates) the database at `path` and starts a new run.
    public init(path: String, startedAt: Int64) throws(StateError) {
        let database = try SQLiteDatabase(path: path)
        self.database = database
        try database.execute("""
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            PRAGMA busy_timeout = 10000;
            CREATE TABLE IF NOT EXISTS photos (
                path BLOB PRIMARY KEY,
                size INTEGER NOT NULL,
                mtime_ns INTEGER NOT NULL,
                sha256 BLOB NOT NULL,
                reading TEXT NOT NULL,
                status TEXT NOT NULL,
                reasons TEXT NOT NULL,
                verified_in INTEGER NOT NULL,
                verified_at INTEGER NOT NULL,
                emitted_in INTEGER NOT NULL DEFAULT 0,
                reported_in INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX IF NOT EXISTS photos_by_sha256 ON photos(sha256);
            CREATE TABLE IF NOT EXISTS runs (
                id INTEGER PRIMARY KEY,
                started_at INTEGER NOT NULL,
                finished_at INTEGER
            );
            """)
        run = try database.transaction { () throws(StateError) -> Int64 in
            try database.prepare("INSERT INTO runs (started_at) VALUES (?)").run([.integer(startedAt)])
            let last = try database.prepare("SELECT max(id) FROM runs")
            _ = try last.step()
            return last.integer(0)
        }
        findByPath = try database.prepare("SELECT reading FROM photos WHERE path = ?")
        findByHash = try database.prepare("SELECT path, reported_in FROM photos WHERE sha256 = ? LIMIT 8")
        upsert = try database.prepare("""
            INSERT INTO photos (path, size, mtime_ns, sha256, reading, status, reasons, verified_in, verified_at, emitted_in, reported_in)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(path) DO UPDATE SET size = excluded.size, mtime_ns = excluded.mtime_ns, sha256 = excluded.sha256,
                reading = excluded.reading, status = excluded.status, reasons = excluded.reasons,
                verified_in = excluded.verified_in, verified_at = excluded.verified_at,
                emitted_in = excluded.emitted_in, reported_in = excluded.reported_in
            """)
        delete = try database.prepare("DELETE FROM photos WHERE path = ?")
        markEmitted = try database.prepare("UPDATE photos SET emitted_in = ?, status = ?, reasons = ? WHERE path = ?")
    }

    /// Every stored photo's stamp, read at once: one query instead of one per photo.
    func stamps() throws(StateError) -> [PhotoPath: Stamp] {
        let all = try database.prepare("SELECT path, size, mtime_ns, reported_in, status, reasons FROM photos")
        var stamps: [PhotoPath: Stamp] = [:]
        while try all.step() {
            stamps[PhotoPath(bytes: all.blob(0))] = Stamp(size: all.integer(1), modified: all.integer(2), reported: all.integer(3) != 0,
                                                          status: all.text(4) ?? "", reasons: all.text(5) ?? "")
        }
        return stamps
    }

    /// The stored reading of a photo, as JSON (decoded by `decodeReading`, on any thread).
    func readingJSON(at path: PhotoPath) throws(StateError) -> String? {
        try findByPath.bind([.blob(path.bytes)])
        guard try findByPath.step() else { return nil }
        return findByPath.text(0)
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
    func record(_ path: PhotoPath, size: Int64, modified: Int64, sha256: [UInt8], reading: PhotoReading,
                verdict: Verdict, reportedIn: Int64, at time: Int64) throws(StateError) {
        let json = (try? encoder.encode(reading)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        try upsert.run([.blob(path.bytes), .integer(size), .integer(modified), .blob(sha256), .text(json),
                        .text(verdict.status.rawValue), .text(verdict.reasonList),
                        .integer(run), .integer(time), .integer(run), .integer(reportedIn)])
    }

    /// Notes that an unchanged photo is in this run's report, with its verdict under today's rules.
    func emitted(_ path: PhotoPath, verdict: Verdict) throws(StateError) {
        try markEmitted.run([.integer(run), .text(verdict.status.rawValue), .text(verdict.reasonList), .blob(path.bytes)])
    }

    func remove(_ path: PhotoPath) throws(StateError) {
        try delete.run([.blob(path.bytes)])
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
}
