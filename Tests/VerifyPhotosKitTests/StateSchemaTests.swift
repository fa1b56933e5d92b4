import Foundation
import Testing
@testable import VerifyPhotosKit

/// The state's schema is versioned and migrated; SQLite's refusals keep their result code.
@Suite struct StateSchemaTests {
    private let now = Int64(1_795_939_200)

    private func withFolder(_ body: (URL) throws -> Void) throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    @Test func aNewStateIsAtTheCurrentVersion() throws {
        try withFolder { folder in
            let path = folder.appendingPathComponent("state.db").path
            _ = try VerificationState(path: path, startedAt: now)
            #expect(try SQLiteDatabase(path: path).userVersion() == StateSchema.current)
        }
    }

    @Test func aFirstReleaseStateIsMigrated() throws {
        try withFolder { folder in
            let path = folder.appendingPathComponent("state.db").path
            let old = try SQLiteDatabase(path: path)
            try old.execute("""
                CREATE TABLE photos (path BLOB PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
                    sha256 BLOB NOT NULL, reading TEXT NOT NULL, status TEXT NOT NULL, reasons TEXT NOT NULL,
                    verified_in INTEGER NOT NULL, verified_at INTEGER NOT NULL, emitted_in INTEGER NOT NULL DEFAULT 0,
                    reported_in INTEGER NOT NULL DEFAULT 0);
                CREATE TABLE runs (id INTEGER PRIMARY KEY, started_at INTEGER NOT NULL, finished_at INTEGER);
                INSERT INTO photos VALUES (x'2f612e6a7067', 1, 2, x'00', '{}', 'ok', '', 1, 1, 1, 1);
                """)
            let state = try VerificationState(path: path, startedAt: now)
            #expect(try state.count() == 1)
            #expect(try SQLiteDatabase(path: path).userVersion() == StateSchema.current)
            let columns = try SQLiteDatabase(path: path).prepare("SELECT ctime_ns, inode, device FROM photos")
            #expect(try columns.step())
        }
    }

    /// Image data was digested with SHA-256 up to schema 4: those fingerprints, in their table
    /// and inside stored readings, go, so that the photos are fingerprinted once more.
    @Test func schema4FingerprintsAreDroppedToBeTakenAgain() throws {
        try withFolder { folder in
            let path = folder.appendingPathComponent("state.db").path
            _ = try VerificationState(path: path, startedAt: now)
            try SQLiteDatabase(path: path).execute("""
                ALTER TABLE fingerprints RENAME COLUMN image_digest TO image_sha256;
                INSERT INTO fingerprints (path, sender, image_sha256) VALUES (x'2f612e6a7067', 'a', x'00');
                INSERT INTO photos (path, size, mtime_ns, sha256, reading, status, reasons, verified_in, verified_at)
                    VALUES (x'2f612e6a7067', 1, 2, x'00', '{"fingerprint":{"fileSHA256":"00"},"metadata":null}', 'ok', '', 1, 1);
                PRAGMA user_version = 4;
                """)
            _ = try VerificationState(path: path, startedAt: now)
            let database = try SQLiteDatabase(path: path)
            #expect(try database.userVersion() == StateSchema.current)
            let fingerprints = try database.prepare("SELECT count(*) FROM fingerprints WHERE image_digest IS NULL OR image_digest IS NOT NULL")
            #expect(try fingerprints.step())
            #expect(fingerprints.integer(0) == 0)
            let reading = try database.prepare("SELECT reading FROM photos")
            #expect(try reading.step())
            #expect(reading.text(0) == #"{"metadata":null}"#)
        }
    }

    @Test func aStateFromANewerVersionIsRefused() throws {
        try withFolder { folder in
            let path = folder.appendingPathComponent("state.db").path
            try SQLiteDatabase(path: path).execute("PRAGMA user_version = 99")
            #expect {
                _ = try VerificationState(path: path, startedAt: now)
            } throws: { error in
                (error as? StateError)?.description.contains("newer verify-photos (schema 99") == true
            }
        }
    }

    @Test func aDamagedStateSaysSoWithSQLitesCode() throws {
        try withFolder { folder in
            let path = folder.appendingPathComponent("state.db").path
            try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
            #expect {
                _ = try VerificationState(path: path, startedAt: now)
            } throws: { error in
                (error as? StateError)?.isDamagedDatabase == true && (error as? StateError)?.sqliteCode != nil
            }
        }
    }

    @Test func aLinkAtTheStatesNameIsNotFollowed() throws {
        try withFolder { folder in
            let victim = folder.appendingPathComponent("victim").path
            try Data("keep".utf8).write(to: URL(fileURLWithPath: victim))
            let path = folder.appendingPathComponent("state.db").path
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: victim)
            #expect(throws: StateError.self) { _ = try VerificationState(path: path, startedAt: now) }
            #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep")
        }
    }
}
