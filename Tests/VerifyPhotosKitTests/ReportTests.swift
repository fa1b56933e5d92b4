import Foundation
import Testing
@testable import VerifyPhotosKit

@Suite struct ReportTests {
    let en = Messages(language: .english)
    let id = Messages(language: .indonesian)

    private func result(_ name: String) -> PhotoResult {
        VerdictTests.verifier.verify(path: TestPaths.fixture(name))
    }

    private func json(_ result: PhotoResult) throws -> [String: Any] {
        let line = JSONText.object(ReportRecord(result, messages: en))
        return try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func jsonHasEveryContractFieldInOrder() throws {
        let record = ReportRecord(result("ok-muntok-ii-dms.jpg"), messages: en)
        #expect(record.fields.map(\.name) == ReportRecord.fieldNames)
        let o = try json(result("ok-muntok-ii-dms.jpg"))
        #expect(Set(o.keys) == Set(ReportRecord.fieldNames))
        #expect(o["status"] as? String == "ok")
        #expect(o["reasons"] as? [String] == [])
        #expect(o["format"] as? String == "jpeg")
        #expect(abs((o["latitude"] as? Double ?? 0) + 2.0617) < 1e-9)
        #expect(o["altitude_m"] as? Double == 12.5)
        #expect(o["gps_time"] as? String == "2026-04-03T02:15:05Z")
        #expect(o["datetime_original"] as? String == "2026-04-03T09:15:00")
        #expect(o["offset_time"] as? String == "+07:00")
        #expect(o["captured_at"] as? String == "2026-04-03T09:15:00+07:00")
        #expect(o["inside"] as? Bool == true)
        #expect(o["kecamatan"] as? String == "Mentok")
        #expect(o["desa"] as? String == "Tanjung")
        #expect(o["located_in"] as? String == "Kabupaten Bangka Barat")
        #expect(o["make"] as? String == "Samsung")
        #expect(o["error"] is NSNull)
        #expect(o["gps_accuracy_m"] is NSNull)
    }

    @Test func unknownValuesAreNullAndErrorsAreWorded() throws {
        let o = try json(result("unreadable-empty.jpg"))
        #expect(o["status"] as? String == "unreadable")
        #expect(o["latitude"] is NSNull && o["inside"] is NSNull && o["format"] is NSNull)
        #expect((o["error"] as? String)?.contains("empty") == true)
        let sea = try json(result("outside-at-sea.jpg"))
        #expect(sea["located_in"] as? String == "at sea")
        #expect(sea["reasons"] as? [String] == ["outside-regency"])
    }

    @Test func jsonEscapesControlCharactersAndQuotes() throws {
        let escaped = JSONText.string("a\"b\\c\nd\u{1B}[31m\u{0}\u{7F}\u{2028}é")
        #expect(escaped == #""a\"b\\c\nd\u001b[31m\u0000\u007f\u2028é""#)
        let o = try json(result("hostile-strings.jpg"))
        #expect(o["model"] as? String == "Evil\u{1B}[31mRED\u{1B}[0m\nPhone")
        #expect(!JSONText.object(ReportRecord(result("hostile-strings.jpg"), messages: en)).contains("\n"))
    }

    @Test func csvQuotesAndNeutralisesFormulas() {
        #expect(CSVReport.cell(.foreignText("=HYPERLINK(\"x\")")) == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(CSVReport.cell(.foreignText("+cmd")) == "'+cmd")
        #expect(CSVReport.cell(.foreignText("-1")) == "'-1")
        #expect(CSVReport.cell(.foreignText("@SUM(A1)")) == "'@SUM(A1)")
        #expect(CSVReport.cell(.foreignText("\tx")) == "'\tx")
        #expect(CSVReport.cell(.text("+07:00")) == "+07:00")
        #expect(CSVReport.cell(.text("a,b")) == "\"a,b\"")
        #expect(CSVReport.cell(.text("line\nbreak")) == "\"line\nbreak\"")
        #expect(CSVReport.cell(.number(-2.0617)) == "-2.0617")
        #expect(CSVReport.cell(.list(["no-gps", "no-capture-time"])) == "no-gps;no-capture-time")
        #expect(CSVReport.cell(.null) == "")
    }

    @Test func terminalTextShowsControlCharactersEscaped() {
        #expect(TerminalText.safe("Evil\u{1B}[31mRED\nx\u{7}") == "Evil\\x1b[31mRED\\x0ax\\x07")
        #expect(TerminalText.safe("Desa Tanjung, Mentok") == "Desa Tanjung, Mentok")
        #expect(TerminalText.safe("\u{9B}31m") == "\\x9b31m")
    }

    @Test func explanationTellsEveryValueAndRule() {
        let lines = en.explanation(of: result("near-boundary-gps-error.jpg"), policy: VerdictTests.verifier.policy,
                                   boundaryName: "Kabupaten Bangka Barat").joined(separator: "\n")
        for expected in ["Result: review", "close to the boundary", "Samsung SM-A515F", "-1.962127, 105.711363",
                         "±150.0 m", "2026-04-03T02:15:05Z", "2026-04-03T09:15:00 (+07:00)", "Friday",
                         "Inside Kabupaten Bangka Barat: yes, 333 m from the boundary", "More than 350 m",
                         "Work-from-home day (Friday): Friday", "Not before the policy started (2026-04-02)",
                         "at most 10 minutes apart: 5 seconds", "Kecamatan Tempilang", "village Simpang Yul",
                         "https://www.openstreetmap.org/?mlat=-1.962127&mlon=105.711363"] {
            #expect(lines.contains(expected), "missing: \(expected)")
        }
    }

    @Test func explanationOfAStrippedPhotoSaysWhatToDo() {
        let id = self.id.explanation(of: result("no-exif-messenger.jpg"), policy: VerdictTests.verifier.policy,
                                     boundaryName: "Kabupaten Bangka Barat").joined(separator: "\n")
        #expect(id.contains("DITANDAI"))
        #expect(id.contains("WhatsApp"))
        #expect(id.contains("dokumen/berkas"))
        let en = self.en.explanation(of: result("no-gps.jpg"), policy: VerdictTests.verifier.policy,
                                     boundaryName: "Kabupaten Bangka Barat").joined(separator: "\n")
        #expect(en.contains("no GPS position"))
        #expect(en.contains("location was switched off"))
    }

    @Test func everyMessageExistsInBothLanguages() {
        for code in ReasonCode.allCases {
            #expect(!en.reason(code).isEmpty && en.reason(code) != id.reason(code))
        }
        for status in PhotoStatus.allCases where status != .ok {
            #expect(en.status(status) != id.status(status))
        }
        #expect(id.distance(1234) == "1,2 km" && en.distance(1234) == "1.2 km")
        #expect(en.distance(107_407) == "107 km" && en.distance(99.6) == "100 m")
    }

    @Test func summaryCountsEveryStatus() {
        var summary = BatchSummary()
        for name in ["ok-muntok-ii-dms.jpg", "near-boundary-inside.jpg", "no-gps.jpg", "unreadable-empty.jpg", "no-gps.jpg"] {
            summary.add(result(name))
        }
        summary.skippedFiles = 2
        #expect(en.summary(summary) == "5 photos: 1 ok, 1 review, 2 flagged, 1 unreadable; 2 other files skipped")
        #expect(summary.worst == .unreadable)
        #expect(BatchSummary().worst == .ok)
    }
}

@Suite struct ReportDirectoryTests {
    @Test func reportsAppearOnlyWhenCompleteAndNeverReplaceEachOther() throws {
        let folder = try TestPaths.temporaryFolder().path
        let result = VerdictTests.verifier.verify(path: TestPaths.fixture("ok-muntok-ii-dms.jpg"))
        var names: [String] = []
        for _ in 0..<2 {
            let reports = try ReportDirectory(path: folder, startedAt: 1_775_182_500)  // the same second
            var writer = CombinedReport(reports.writers(messages: Messages(language: .english)))
            writer.write(result: result)
            writer.finish(BatchSummary())
            // Before the commit, only earlier reports are visible (this one's files are hidden).
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".") }.count == names.count)
            try reports.commit()
            names += reports.finalPaths.map { URL(fileURLWithPath: $0).lastPathComponent }
        }
        #expect(names == ["2026-04-03-091500.jsonl", "2026-04-03-091500.csv", "2026-04-03-091500-2.jsonl", "2026-04-03-091500-2.csv"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == names.sorted())
        let csv = try String(contentsOfFile: folder + "/2026-04-03-091500-2.csv", encoding: .utf8)
        #expect(csv.hasPrefix("path,status") && csv.contains("ok-muntok-ii-dms.jpg"))
    }
}
