import Foundation
import Testing
@testable import VerifyPhotosKit

/// Collects rows, for checking what a report received.
struct CollectingReport: ReportWriter {
    final class Rows: @unchecked Sendable { var paths: [String] = []; var finished = false }
    let rows = Rows()
    func row(for result: PhotoResult) -> String { result.path }
    mutating func write(_ row: String) { rows.paths.append(row) }
    mutating func finish(_ summary: BatchSummary) { rows.finished = true }
}

/// What one run with a state gave: its summary, how each photo was had, what was left for later.
@dynamicMemberLookup
struct StateRunOutcome {
    var summary: BatchSummary
    var counts: StateReadings.Counts
    var stillUploading: [String]
    subscript(dynamicMember count: KeyPath<StateReadings.Counts, Int>) -> Int { counts[keyPath: count] }

    /// Runs `source` over the photos in `folder` into `report`; `commit` stands for committing the report.
    static func run(_ source: StateReadings, over folder: TemporaryFolder, into report: CollectingReport = CollectingReport(),
                    commit: () throws -> Void = {}) throws -> StateRunOutcome {
        var source = source
        let summary = try VerificationRun().report(PhotoFinder().find([folder.path]).items, from: &source, to: report, commit: commit)
        return StateRunOutcome(summary: summary, counts: source.counts, stillUploading: source.leftForLater.map(\.description))
    }
}

@Suite struct StateReadingsTests {
    let now = Int64(Date().timeIntervalSince1970)

    /// A folder of fixture copies, modified an hour ago (settled), removed when released.
    private func photos(_ names: [String]) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        for name in names {
            let target = folder.appendingPathComponent(name)
            try FileManager.default.copyItem(atPath: TestPaths.fixture(name), toPath: target.path)
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: target.path)
        }
        return folder
    }

    private func run(_ folder: TemporaryFolder, state: String, onlyNew: Bool = false) throws -> (StateRunOutcome, [String]) {
        var source = StateReadings(verifier: TestVerifier.verifier, state: try VerificationState(path: state, startedAt: now), now: now)
        source.onlyNew = onlyNew
        let report = CollectingReport()
        let outcome = try StateRunOutcome.run(source, over: folder, into: report)
        return (outcome, report.rows.paths.map { URL(fileURLWithPath: $0).lastPathComponent })
    }

    @Test func aSecondRunReadsNothingAndOnlyNewReportsNothing() throws {
        let folder = try photos(["ok-muntok-ii-dms.jpg", "no-gps.jpg", "outside-at-sea.jpg"])
        let state = folder.appendingPathComponent(".state.db").path
        let (first, reported) = try run(folder, state: state)
        #expect(first.read == 3 && first.reused == 0)
        #expect(reported == ["no-gps.jpg", "ok-muntok-ii-dms.jpg", "outside-at-sea.jpg"])
        #expect(first.summary.count(of: .flagged) == 2)
        let (second, all) = try run(folder, state: state)
        #expect(second.read == 0 && second.reused == 3)
        #expect(all.count == 3)
        #expect(second.summary.count(of: .ok) == 1)   // judged again from the state
        let (third, new) = try run(folder, state: state, onlyNew: true)
        #expect(third.read == 0 && new.isEmpty)
        #expect(try VerificationState(path: state, startedAt: now).count() == 3)
    }

    @Test func changedFilesAreReadAgainAndNewOnesReported() throws {
        let folder = try photos(["ok-muntok-ii-dms.jpg", "no-gps.jpg"])
        let state = folder.appendingPathComponent(".state.db").path
        _ = try run(folder, state: state)
        let changed = folder.appendingPathComponent("no-gps.jpg")
        try FileManager.default.removeItem(at: changed)
        try FileManager.default.copyItem(atPath: TestPaths.fixture("outside-at-sea.jpg"), toPath: changed.path)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -600)], ofItemAtPath: changed.path)
        let (outcome, reported) = try run(folder, state: state, onlyNew: true)
        #expect(outcome.read == 1 && outcome.reused == 1)
        #expect(reported == ["no-gps.jpg"])
        #expect(outcome.summary.count(of: .flagged) == 1)
    }

    @Test func aMovedPhotoIsRecognisedByItsHash() throws {
        let folder = try photos(["ok-muntok-ii-dms.jpg", "no-gps.jpg"])
        let state = folder.appendingPathComponent(".state.db").path
        _ = try run(folder, state: state)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("moved"), withIntermediateDirectories: false)
        try FileManager.default.moveItem(at: folder.appendingPathComponent("no-gps.jpg"), to: folder.appendingPathComponent("moved/renamed.jpg"))
        let (outcome, reported) = try run(folder, state: state, onlyNew: true)
        #expect(outcome.moved == 1)
        #expect(reported.isEmpty)  // already reported under its old name
        #expect(try VerificationState(path: state, startedAt: now).count() == 2)
    }

    @Test func photosStillUploadingAreLeftForTheNextRun() throws {
        let folder = try photos(["ok-muntok-ii-dms.jpg", "unreadable-truncated-header.jpg"])
        let fresh = folder.appendingPathComponent("fresh.jpg")
        try FileManager.default.copyItem(atPath: TestPaths.fixture("no-gps.jpg"), toPath: fresh.path)  // modified just now
        let state = folder.appendingPathComponent(".state.db").path
        let (outcome, reported) = try run(folder, state: state)
        #expect(Set(outcome.stillUploading.map { URL(fileURLWithPath: $0).lastPathComponent }) == ["fresh.jpg", "unreadable-truncated-header.jpg"])
        #expect(reported == ["ok-muntok-ii-dms.jpg"])
        #expect(outcome.summary.stillUploading == 2)
        // Once settled (an hour old, and the truncated JPEG over a day old), they are verified.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: fresh.path)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -2 * 86_400)],
                                              ofItemAtPath: folder.appendingPathComponent("unreadable-truncated-header.jpg").path)
        let (later, more) = try run(folder, state: state, onlyNew: true)
        #expect(later.stillUploading.isEmpty)
        #expect(more == ["fresh.jpg", "unreadable-truncated-header.jpg"])
    }

    @Test func anUnfinishedRunsPhotosAreReportedByTheNext() throws {
        let folder = try photos(["ok-muntok-ii-dms.jpg", "no-gps.jpg"])
        let state = folder.appendingPathComponent(".state.db").path
        // A run whose report never finished (killed): its photos are recorded but not reported.
        let store = try VerificationState(path: state, startedAt: now)
        struct Killed: Error {}
        #expect(throws: Killed.self) {
            try StateRunOutcome.run(StateReadings(verifier: TestVerifier.verifier, state: store, now: now), over: folder) { throw Killed() }
        }
        #expect(try store.unreportedCount() == 2)
        let (outcome, reported) = try run(folder, state: state, onlyNew: true)
        #expect(outcome.read == 0)
        #expect(reported == ["no-gps.jpg", "ok-muntok-ii-dms.jpg"])
        #expect(try VerificationState(path: state, startedAt: now).unreportedCount() == 0)
    }

    /// Sets the modification time of `path` to exactly `time` (utimensat, nanoseconds kept).
    private func setModified(_ path: String, to time: timespec) throws {
        var times = [time, time]  // access and modification time
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
    }

    private func modified(_ path: String) throws -> timespec {
        try #require(PhotoPath(path).status()).st_mtim
    }

    @Test func sameSizeContentWithItsModificationTimeRestoredIsReadAgain() throws {
        let folder = try photos(["ok-muntok-ii-dms.jpg"])
        let state = folder.appendingPathComponent(".state.db").path
        let photo = folder.appendingPathComponent("ok-muntok-ii-dms.jpg").path
        let (_, first) = try run(folder, state: state)
        #expect(first == ["ok-muntok-ii-dms.jpg"])
        let stamp = try modified(photo)
        // Same size, other content (no longer a photo), written in place; mtime put back (`touch -r`).
        var bytes = try Data(contentsOf: URL(fileURLWithPath: photo))
        bytes.replaceSubrange(0..<4, with: [0x00, 0x00, 0x00, 0x00])
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: photo))
        try handle.write(contentsOf: bytes)
        try handle.close()
        try setModified(photo, to: stamp)
        #expect(try modified(photo).tv_sec == stamp.tv_sec && modified(photo).tv_nsec == stamp.tv_nsec)
        let store = try VerificationState(path: state, startedAt: now)
        let report = CollectingReport()
        var again = StateReadings(verifier: TestVerifier.verifier, state: store, now: now)
        again.onlyNew = true
        let outcome = try StateRunOutcome.run(again, over: folder, into: report)
        #expect(outcome.read == 1 && outcome.reused == 0)
        #expect(outcome.summary.count(of: .unreadable) == 1)
        #expect(report.rows.paths.count == 1)  // new content: reported again
    }

    @Test func touchedOrRestoredPhotosWithTheSameContentAreNotReportedAgain() throws {
        let folder = try photos(["ok-muntok-ii-dms.jpg", "no-gps.jpg", "outside-at-sea.jpg"])
        let state = folder.appendingPathComponent(".state.db").path
        let (_, first) = try run(folder, state: state, onlyNew: true)
        #expect(first.count == 3)
        // `touch`: a new modification time.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -1800)],
                                              ofItemAtPath: folder.appendingPathComponent("ok-muntok-ii-dms.jpg").path)
        // A restore from backup: a new file (new inode), same content.
        let restored = folder.appendingPathComponent("no-gps.jpg")
        let backup = try Data(contentsOf: restored)
        try FileManager.default.removeItem(at: restored)
        try backup.write(to: restored)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -7200)], ofItemAtPath: restored.path)
        let (outcome, again) = try run(folder, state: state, onlyNew: true)
        #expect(again.isEmpty)
        #expect(outcome.read == 0 && outcome.rehashed == 2)
        // Without --only-new they are still judged (from the stored reading) and reported.
        let (_, all) = try run(folder, state: state)
        #expect(all.count == 3)
    }

    @Test func aStateFromThePreviousVersionKeepsWorkingAndReadsEverythingOnce() throws {
        let folder = try photos(["ok-muntok-ii-dms.jpg", "no-gps.jpg"])
        let state = folder.appendingPathComponent(".state.db").path
        _ = try run(folder, state: state, onlyNew: true)
        // The first version's schema: no ctime, inode or device, no in-flight or crash tables,
        // no employee or ledger day.
        let old = try SQLiteDatabase(path: state)
        for column in ["ctime_ns", "inode", "device", "nip", "ledger_day", "staff_known"] {
            try old.execute("ALTER TABLE photos DROP COLUMN \(column)")
        }
        try old.execute("DROP TABLE IF EXISTS in_flight; DROP TABLE IF EXISTS crashed_content; PRAGMA user_version = 0")
        _ = consume old
        let (upgraded, reported) = try run(folder, state: state, onlyNew: true)
        #expect(upgraded.read == 2)  // a missing stamp means "changed": read again
        #expect(reported.isEmpty)    // same content: already reported
        let (next, _) = try run(folder, state: state)
        #expect(next.read == 0 && next.reused == 2)
    }

    @Test func aPhotoInHandWhenARunDiedIsReadAloneAndGivenUpAfterASecondDeath() throws {
        let folder = try photos(["ok-muntok-ii-dms.jpg", "no-gps.jpg"])
        let state = folder.appendingPathComponent(".state.db").path
        let suspect = PhotoPath(folder.appendingPathComponent("ok-muntok-ii-dms.jpg").path)
        let stamp = VerificationState.FileStamp(try #require(suspect.status()))
        // A run died (SIGKILL, power cut, out of memory) while reading it: the next run reads it alone.
        try VerificationState(path: state, startedAt: now).beginReading([(suspect, stamp)])
        let (outcome, reported) = try run(folder, state: state)
        #expect(outcome.read == 2 && outcome.summary.count(of: .ok) == 1)
        #expect(reported == ["no-gps.jpg", "ok-muntok-ii-dms.jpg"])
        #expect(try VerificationState(path: state, startedAt: now).inFlightCount() == 0)

        // Died twice while it was in hand, the second time read alone: it is not read a third time.
        let other = PhotoPath(folder.appendingPathComponent("no-gps.jpg").path)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -1800)], ofItemAtPath: other.description)
        let otherStamp = VerificationState.FileStamp(try #require(other.status()))
        let store = try VerificationState(path: state, startedAt: now)
        try store.beginReading([(other, otherStamp)])
        try store.beginReading([(other, otherStamp)])
        let (given, _) = try run(folder, state: state)
        #expect(given.summary.count(of: .unreadable) == 1 && given.summary.count(of: .ok) == 1)
        #expect(try VerificationState(path: state, startedAt: now).inFlightCount() == 0)
        // Replaced by another file, it is read again.
        let replacement = folder.appendingPathComponent("no-gps.jpg")
        try FileManager.default.removeItem(at: replacement)
        try FileManager.default.copyItem(atPath: TestPaths.fixture("outside-at-sea.jpg"), toPath: replacement.path)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -600)], ofItemAtPath: replacement.path)
        let (replaced, _) = try run(folder, state: state)
        #expect(replaced.read == 1 && replaced.summary.count(of: .flagged) == 1 && replaced.summary.count(of: .unreadable) == 0)
    }

    @Test func aPhotoNotedAsCrashingARunIsUnreadableWithoutBeingReadAndSoAreItsCopies() throws {
        let folder = try photos(["ok-muntok-ii-dms.jpg", "no-gps.jpg"])
        let state = folder.appendingPathComponent(".state.db").path
        _ = try run(folder, state: state)
        // The note `CrashGuard` writes when reading a photo crashes: signal, length, path (little-endian).
        let crasher = Array(folder.appendingPathComponent("ok-muntok-ii-dms.jpg").path.utf8)
        var note: [UInt8] = [11, 0, 0, 0]
        note += withUnsafeBytes(of: UInt32(crasher.count).littleEndian, Array.init) + crasher
        try Data(note).write(to: URL(fileURLWithPath: state + ".crash"))
        let (outcome, _) = try run(folder, state: state)
        #expect(outcome.crashedBefore == 1 && outcome.summary.count(of: .unreadable) == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: state + ".crash")).isEmpty)
        // Its content is known to crash: a copy under another name is not read either.
        try FileManager.default.copyItem(atPath: String(decoding: crasher, as: UTF8.self),
                                        toPath: folder.appendingPathComponent("copy.jpg").path)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -600)],
                                              ofItemAtPath: folder.appendingPathComponent("copy.jpg").path)
        let store = try VerificationState(path: state, startedAt: now)
        let report = CollectingReport()
        var again = StateReadings(verifier: TestVerifier.verifier, state: store, now: now)
        again.onlyNew = true
        let next = try StateRunOutcome.run(again, over: folder, into: report)
        #expect(report.rows.paths.map { URL(fileURLWithPath: $0).lastPathComponent } == ["copy.jpg"])
        #expect(next.read == 0 && next.crashedBefore == 1 && next.summary.count(of: .unreadable) == 1)
    }

    @Test func theLockKeepsASecondRunOut() throws {
        let folder = try TemporaryFolder()
        let state = folder.appendingPathComponent("state.db").path
        let first = try StateLock(statePath: state, timeout: 0)
        #expect(throws: StateError.self) { try StateLock(statePath: state, timeout: 0.3) }
        withExtendedLifetime(first) {}
        _ = consume first
        #expect(throws: Never.self) { try StateLock(statePath: state, timeout: 0) }
    }
}

/// The reuse checks with a state: every photo ever recorded is compared, a repeat run reads
/// nothing again, and a photo moved to another employee's folder is a new submission.
@Suite struct StateReuseTests {
    let now = Int64(Date().timeIntervalSince1970)
    static let ani = "2026-04-17/198503152010011002", budi = "2026-04-17/199001012015031003"

    /// Writes "path status reasons" for each photo, to see verdicts as a report got them.
    struct VerdictRows: ReportWriter {
        final class Rows: @unchecked Sendable { var lines: [String] = [] }
        let rows = Rows()
        func row(for result: PhotoResult) -> String {
            "\(result.path) \(result.verdict.status.rawValue) \(result.verdict.reasonList)"
        }
        mutating func write(_ row: String) { rows.lines.append(row) }
        mutating func finish(_ summary: BatchSummary) {}
    }

    private func place(_ fixture: String, at name: String, in folder: TemporaryFolder) throws {
        let target = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: TestPaths.fixture(fixture), toPath: target.path)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: target.path)
    }

    /// One run as the CLI does it (reuse checks on); the rows of its report, paths relative to `folder`.
    private func run(_ folder: TemporaryFolder, state: String, onlyNew: Bool = false) throws -> (counts: StateReadings.Counts, rows: [String]) {
        var source = StateReadings(verifier: TestVerifier.verifier, state: try VerificationState(path: state, startedAt: now), now: now)
        source.onlyNew = onlyNew
        var run = VerificationRun()
        run.policy = TestVerifier.verifier.policy
        let report = VerdictRows()
        try run.report(PhotoFinder().find([folder.path]).items, from: &source, to: report)
        return (source.counts, report.rows.lines.map { String($0.dropFirst(folder.path.count + 1)) })
    }

    @Test func copiesAcrossEmployeesAreFoundAgainWithoutReadingAnything() throws {
        let folder = try TemporaryFolder()
        let state = folder.appendingPathComponent(".state.db").path
        try place("ok-muntok-ii-dms.jpg", at: "\(Self.ani)/foto.jpg", in: folder)
        try place("ok-muntok-ii-dms.jpg", at: "\(Self.budi)/foto.jpg", in: folder)
        let first = try run(folder, state: state)
        #expect(first.counts.read == 2)
        #expect(first.rows == ["\(Self.ani)/foto.jpg flagged duplicate", "\(Self.budi)/foto.jpg flagged duplicate"])
        let second = try run(folder, state: state)
        #expect(second.counts.read == 0 && second.counts.reused == 2)  // nothing hashed or read again
        #expect(second.rows == first.rows)
    }

    @Test func aCopyArrivingInALaterNightIsFlaggedAndTheEarlierPhotoToo() throws {
        let folder = try TemporaryFolder()
        let state = folder.appendingPathComponent(".state.db").path
        try place("ok-muntok-ii-dms.jpg", at: "\(Self.ani)/foto.jpg", in: folder)
        #expect(try run(folder, state: state, onlyNew: true).rows == ["\(Self.ani)/foto.jpg ok "])
        try place("ok-muntok-ii-dms.jpg", at: "\(Self.budi)/foto.jpg", in: folder)
        let night = try run(folder, state: state, onlyNew: true)
        #expect(night.rows == ["\(Self.budi)/foto.jpg flagged duplicate"])
        // The earlier photo's stored verdict now counts the copy (the ledger reads it).
        let stored = try VerificationState(path: state, startedAt: now).submissions().first { $0.path.hasSuffix("\(Self.ani)/foto.jpg") }
        #expect(stored?.status == .flagged && stored?.reasons == [.duplicate])
    }

    @Test func aPhotoMovedToAnotherEmployeesFolderIsANewSubmissionAndADuplicate() throws {
        let folder = try TemporaryFolder()
        let state = folder.appendingPathComponent(".state.db").path
        try place("ok-muntok-ii-dms.jpg", at: "\(Self.ani)/foto.jpg", in: folder)
        _ = try run(folder, state: state, onlyNew: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(Self.budi), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: folder.appendingPathComponent("\(Self.ani)/foto.jpg"),
                                         to: folder.appendingPathComponent("\(Self.budi)/foto.jpg"))
        let night = try run(folder, state: state, onlyNew: true)
        #expect(night.counts.moved == 0)
        #expect(night.rows == ["\(Self.budi)/foto.jpg flagged duplicate"])
    }

    @Test func aPhotoRenamedInTheSameEmployeesFolderIsNotReportedAgain() throws {
        let folder = try TemporaryFolder()
        let state = folder.appendingPathComponent(".state.db").path
        try place("ok-muntok-ii-dms.jpg", at: "\(Self.ani)/foto.jpg", in: folder)
        _ = try run(folder, state: state, onlyNew: true)
        try FileManager.default.moveItem(at: folder.appendingPathComponent("\(Self.ani)/foto.jpg"),
                                         to: folder.appendingPathComponent("\(Self.ani)/foto-baru.jpg"))
        let night = try run(folder, state: state, onlyNew: true)
        #expect(night.counts.moved == 1 && night.rows.isEmpty)
        // Not a duplicate of its own old record either.
        let all = try run(folder, state: state)
        #expect(all.rows == ["\(Self.ani)/foto-baru.jpg ok "])
    }
}
