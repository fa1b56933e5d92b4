/// The state database's tables, versioned: `PRAGMA user_version` says which migrations a
/// database has had, and opening it applies the rest in order, each in one transaction. The
/// next features add columns as one more migration here.
enum StateSchema {
    /// The version this build writes.
    static let current = 5

    /// Each migration takes a database from the version before it to its own (1-based).
    private static let migrations: [String] = [
        // 1: photos seen and runs (the first release of --state).
        """
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
        """,
        // 2: change time, inode and device (empty in older rows: read once more), photos in
        // hand while a run reads them, and content that crashed a run.
        """
        ALTER TABLE photos ADD COLUMN ctime_ns INTEGER;
        ALTER TABLE photos ADD COLUMN inode INTEGER;
        ALTER TABLE photos ADD COLUMN device INTEGER;
        CREATE TABLE IF NOT EXISTS in_flight (
            path BLOB PRIMARY KEY,
            size INTEGER NOT NULL,
            mtime_ns INTEGER NOT NULL,
            ctime_ns INTEGER NOT NULL,
            inode INTEGER NOT NULL,
            device INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 1,
            signal INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE IF NOT EXISTS crashed_content (
            sha256 BLOB PRIMARY KEY,
            signal INTEGER NOT NULL,
            path BLOB NOT NULL,
            run INTEGER NOT NULL
        );
        """,
        // 3: who sent each photo and for which day, for the ledger (`staff_known` 0: not yet
        // worked out, in rows of older versions: the next run judges those photos again).
        """
        ALTER TABLE photos ADD COLUMN nip TEXT;
        ALTER TABLE photos ADD COLUMN ledger_day TEXT;
        ALTER TABLE photos ADD COLUMN staff_known INTEGER NOT NULL DEFAULT 0;
        """,
        // 4: the fingerprints the reuse checks compare (photos without a row are read again
        // once, when those checks are on): who sent it for which day, the file and image
        // digests, the perceptual hash and the position to a millionth of a degree.
        """
        CREATE TABLE IF NOT EXISTS fingerprints (
            path BLOB PRIMARY KEY,
            sender TEXT NOT NULL,
            day TEXT,
            utc INTEGER,
            file_sha256 BLOB,
            image_sha256 BLOB,
            phash INTEGER,
            lat_e6 INTEGER,
            lon_e6 INTEGER
        );
        CREATE INDEX IF NOT EXISTS fingerprints_by_file ON fingerprints(file_sha256);
        CREATE INDEX IF NOT EXISTS fingerprints_by_image ON fingerprints(image_sha256);
        CREATE INDEX IF NOT EXISTS fingerprints_by_position ON fingerprints(lat_e6, lon_e6);
        """,
        // 5: image data digested with XXH3-128 instead of SHA-256: the old fingerprints, in
        // their table and in the stored readings, are dropped, so those photos are read once more.
        """
        DROP TABLE IF EXISTS fingerprints;
        CREATE TABLE fingerprints (
            path BLOB PRIMARY KEY,
            sender TEXT NOT NULL,
            day TEXT,
            utc INTEGER,
            file_sha256 BLOB,
            image_digest BLOB,
            phash INTEGER,
            lat_e6 INTEGER,
            lon_e6 INTEGER
        );
        CREATE INDEX fingerprints_by_file ON fingerprints(file_sha256);
        CREATE INDEX fingerprints_by_image ON fingerprints(image_digest);
        CREATE INDEX fingerprints_by_position ON fingerprints(lat_e6, lon_e6);
        UPDATE photos SET reading = json_remove(reading, '$.fingerprint') WHERE json_valid(reading);
        """,
    ]

    /// Brings `database` (at `path`, for messages) to the current version.
    static func migrate(_ database: SQLiteDatabase, path: String) throws(StateError) {
        let version = try database.userVersion()
        guard version <= current else {
            throw StateError(.newerSchema(path: path, version: version, known: current))
        }
        for next in (version + 1)..<(current + 1) {
            try database.transaction { () throws(StateError) in
                try database.execute(migrations[next - 1])
                try database.execute("PRAGMA user_version = \(next)")
            }
        }
    }
}
