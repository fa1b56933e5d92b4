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

@Suite struct IncrementalRunTests {
    let now = Int64(Date().timeIntervalSince1970)

    /// A folder of fixture copies, modified an hour ago (settled).
    private func photos(_ names: [String]) throws -> URL {
        let folder = try TestPaths.temporaryFolder()
        for name in names {
            let target = folder.appendingPathComponent(name)
            try FileManager.default.copyItem(atPath: TestPaths.fixture(name), toPath: target.path)
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: target.path)
        }
        return folder
    }

    private func run(_ folder: URL, state: String, onlyNew: Bool = false) throws -> (IncrementalRun.Outcome, [String]) {
        let store = try VerificationState(path: state, startedAt: now)
        var run = IncrementalRun(verifier: VerdictTests.verifier, state: store, now: now)
        run.onlyNew = onlyNew
        let report = CollectingReport()
        let outcome = try run.report(PhotoFinder().find([folder.path]).items, with: report)
        try store.finishRun(at: now)
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
        _ = try IncrementalRun(verifier: VerdictTests.verifier, state: store, now: now)
            .report(PhotoFinder().find([folder.path]).items, with: CollectingReport())
        #expect(try store.unreportedCount() == 2)
        let (outcome, reported) = try run(folder, state: state, onlyNew: true)
        #expect(outcome.read == 0)
        #expect(reported == ["no-gps.jpg", "ok-muntok-ii-dms.jpg"])
        #expect(try VerificationState(path: state, startedAt: now).unreportedCount() == 0)
    }

    @Test func theLockKeepsASecondRunOut() throws {
        let folder = try TestPaths.temporaryFolder()
        let state = folder.appendingPathComponent("state.db").path
        let first = try StateLock(statePath: state, timeout: 0)
        #expect(throws: StateError.self) { try StateLock(statePath: state, timeout: 0.3) }
        withExtendedLifetime(first) {}
        _ = consume first
        #expect(throws: Never.self) { try StateLock(statePath: state, timeout: 0) }
    }
}
