import Foundation
import Testing
@testable import VerifyPhotosKit

@Suite struct VerificationRunTests {
    private var items: [FoundItem] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: TestPaths.fixturesFolder)) ?? []).filter { $0.hasSuffix(".jpg") }.sorted()
        var items = names.map { FoundItem.photo(path: TestPaths.fixture($0)) }
        items.insert(.unreadableFolder(PhotoPath("/locked"), reason: "Permission denied"), at: 3)
        items.append(.photo(path: "/nonexistent/photo.jpg"))
        return Array(repeating: items, count: 5).flatMap { $0 }  // more than one chunk
    }

    @Test func resultsComeBackInInputOrderAndBadFilesDoNotStopTheBatch() throws {
        let items = self.items
        var source = FreshReadings(verifier: TestVerifier.verifier)
        source.chunkSize = 16
        let report = CollectingReport()
        let summary = try VerificationRun().report(items, from: &source, to: report)
        let expected = items.map { item -> String in
            switch item {
            case .photo(let path), .unreadableFolder(let path, _): return path.description
            }
        }
        #expect(report.rows.paths == expected)
        #expect(report.rows.finished)
        #expect(summary.photos == items.count)
        #expect(summary.count(of: .unreadable) == 5 * 5)  // 3 unreadable fixtures, the folder and the missing file
    }

    /// The run stops between chunks when asked; the report is still finished and committed.
    @Test func aStoppedRunFinishesItsReportWithWhatItHas() throws {
        var source = FreshReadings(verifier: TestVerifier.verifier)
        source.chunkSize = 8
        var run = VerificationRun()
        let chunks = Counter()
        run.shouldStop = { chunks.next() >= 2 }
        let report = CollectingReport()
        var committed = false
        let summary = try run.report(items, from: &source, to: report) { committed = true }
        #expect(summary.photos == 16 && report.rows.paths.count == 16)
        #expect(report.rows.finished && committed)
    }

    /// A report that cannot be committed is an error, and the source never hears the run ended.
    @Test func aReportThatCannotBeCommittedIsNotTheEndOfTheRun() {
        struct Unwritable: Error {}
        var source = EndWatchingSource()
        #expect(throws: Unwritable.self) {
            try VerificationRun().report([.photo(path: "/nonexistent/a.jpg")], from: &source, to: CollectingReport()) { throw Unwritable() }
        }
        #expect(!source.ended)
        #expect(throws: Never.self) { try VerificationRun().report([], from: &source, to: CollectingReport()) }
        #expect(source.ended)
    }
}

/// Counts the calls of `next()`, from 0.
private final class Counter: @unchecked Sendable {
    private var count = 0
    func next() -> Int {
        defer { count += 1 }
        return count
    }
}

/// Reads nothing; notes whether the run told it that its report was committed.
private struct EndWatchingSource: ResultSource {
    var chunkSize: Int { 4 }
    var ended = false
    mutating func results(of chunk: ArraySlice<FoundItem>, include: (PhotoResult) -> Void) {
        for case .photo(let path) in chunk { include(PhotoResult(path: path.description, metadata: nil, verdict: .unreadable, error: nil)) }
    }
    mutating func reportCommitted() { ended = true }
}
