import Testing
@testable import VerifyPhotosKit

/// The progress line and report text on one terminal: the line is never left in front of
/// report text.
@Suite struct ProgressLineTests {
    /// What reached the terminal, in order: `progress`, `clear` or a report line.
    final class Screen: @unchecked Sendable {
        var events: [String] = []
    }

    /// A report that records its rows on the screen.
    struct RecordingReport: ReportWriter {
        let screen: Screen
        func row(for result: PhotoResult) -> String { result.path }
        mutating func write(_ row: String) { screen.events.append("row " + row) }
        mutating func finish(_ summary: BatchSummary) { screen.events.append("summary") }
    }

    static func result(_ path: String) -> PhotoResult {
        PhotoResult(path: path, metadata: nil, verdict: .unreadable, error: .emptyFile)
    }

    @Test func theLineIsClearedBeforeEveryWriteAndDrawnAgainAfter() {
        let screen = Screen()
        let line = ProgressLine { text in
            screen.events.append(text == "\r\u{1B}[K" ? "clear" : "progress " + text.dropFirst(4))
        }
        var report = ProgressClearingReport(RecordingReport(screen: screen), progress: line)
        report.write(result: ProgressLineTests.result("a.jpg"))  // nothing shown yet: nothing to clear
        line.show("checking 1/2 photos")
        report.write(result: ProgressLineTests.result("b.jpg"))
        line.show("checking 2/2 photos")
        report.finish(BatchSummary())
        line.clear()  // the command clears at the end too: nothing is left to clear
        #expect(screen.events == [
            "row a.jpg",
            "progress checking 1/2 photos",
            "clear", "row b.jpg", "progress checking 1/2 photos",
            "progress checking 2/2 photos",
            "clear", "summary",
        ])
    }
}
