import Foundation
import Testing
@testable import VerifyPhotosKit

@Suite struct ReportTests {
    let en = Messages(language: .english)
    let id = Messages(language: .indonesian)

    private func result(_ name: String) -> PhotoResult {
        TestVerifier.verifier.verify(path: TestPaths.fixture(name))
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
        #expect(o["gps_time"] as? String == "2026-04-17T02:15:05Z")
        #expect(o["datetime_original"] as? String == "2026-04-17T09:15:00")
        #expect(o["offset_time"] as? String == "+07:00")
        #expect(o["captured_at"] as? String == "2026-04-17T09:15:00+07:00")
        #expect(o["inside"] as? Bool == true)
        #expect(o["kecamatan"] as? String == "Mentok")
        #expect(o["desa"] as? String == "Tanjung")
        #expect(o["located_in"] as? String == "Kabupaten Bangka Barat")
        #expect(o["make"] as? String == "Samsung")
        #expect(o["error"] is NSNull)
        #expect(o["gps_accuracy_m"] is NSNull)
    }

    /// An explanation's label longer than its column keeps a space before the value.
    @Test func aLongLabelKeepsASpaceBeforeItsValue() {
        #expect("Lintang; bujur".padded(to: 22) == "Lintang; bujur        ")
        #expect("Stempel: lintang, bujur".padded(to: 22) == "Stempel: lintang, bujur ")
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
        #expect(CSVReport.cell(.foreignText("\tx")) == "'\\x09x")
        #expect(CSVReport.cell(.text("+07:00")) == "+07:00")
        #expect(CSVReport.cell(.text("a,b")) == "\"a,b\"")
        #expect(CSVReport.cell(.text("line\nbreak")) == "line\\x0abreak")
        #expect(CSVReport.cell(.number(-2.0617)) == "-2.0617")
        #expect(CSVReport.cell(.list(["no-gps", "no-capture-time"])) == "no-gps;no-capture-time")
        #expect(CSVReport.cell(.null) == "")
    }

    @Test func excelCSVUsesSemicolonsDecimalCommasAndKeepsTheNIPWhole() throws {
        let excel = CSVDialect.excel
        #expect(CSVReport.cell(.number(-2.0617), dialect: excel) == "-2,0617")
        #expect(CSVReport.cell(.number(12), dialect: excel) == "12")
        #expect(CSVReport.cell(.text("a;b"), dialect: excel) == "\"a;b\"")
        #expect(CSVReport.cell(.text("a,b"), dialect: excel) == "a,b")
        #expect(CSVReport.cell(.list(["no-gps", "no-capture-time"]), dialect: excel) == "\"no-gps;no-capture-time\"")
        #expect(CSVReport.cell(.text("198503152010011002"), dialect: excel) == "\"=\"\"198503152010011002\"\"\"")
        // Only the tool's own digit runs: text from a photo is never turned into a formula.
        #expect(CSVReport.cell(.foreignText("198503152010011002"), dialect: excel) == "198503152010011002")
        #expect(CSVReport.cell(.foreignText("=1+1\n"), dialect: excel) == "'=1+1\\x0a")
        let folder = try TestPaths.temporaryFolder()
        let path = folder.appendingPathComponent("e.csv").path
        let output = try TextOutput(path: path)
        var report = CSVReport(output: output, messages: en, dialect: excel)
        report.write(result: result("ok-muntok-ii-dms.jpg"))
        report.finish(BatchSummary())
        try output.commit()
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF] + Array("path;status;reasons;".utf8)))
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasSuffix("\r\n") && text.components(separatedBy: "\r\n").count == 3)
        #expect(text.contains(";-2,0617;105,"), "\(text)")
    }

    @Test func csvCellsHoldNoControlCharactersSoEveryRecordIsOneLine() throws {
        #expect(CSVReport.cell(.foreignText("a\u{1B}]8;;http://x\u{7}b\nc\r\nd")) == "a\\x1b]8;;http://x\\x07b\\x0ac\\x0d\\x0ad")
        #expect(CSVReport.cell(.foreignText("\u{202E}gpj.exe")) == "\\u{202E}gpj.exe")
        #expect(CSVReport.cell(.foreignText("say \"hi\",\n")) == "\"say \"\"hi\"\",\\x0a\"")
        #expect(CSVReport.cell(.list(["a\nb", "c"])) == "a\\x0ab;c")
        let result = PhotoResult(path: "/up/x\n/srv/wfh/ok.jpg,ok,,jpeg", metadata: nil, verdict: .unreadable, error: .readFailed(reason: "bad\r\nline"))
        let row = CSVReport(output: try TextOutput(path: "/dev/null"), messages: en).row(for: result)
        #expect(!row.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "\(row)")
        #expect(row.hasPrefix("\"/up/x\\x0a/srv/wfh/ok.jpg,ok,,jpeg\",unreadable,"))
    }

    @Test func csvNeutralisesFormulasAfterLeadingWhitespace() {
        #expect(CSVReport.cell(.foreignText(" =1+1")) == "' =1+1")
        #expect(CSVReport.cell(.foreignText("   +cmd")) == "'   +cmd")
        #expect(CSVReport.cell(.foreignText("\u{A0}-1")) == "'\u{A0}-1")
        #expect(CSVReport.cell(.foreignText("\u{3000}@SUM(A1)")) == "'\u{3000}@SUM(A1)")
        #expect(CSVReport.cell(.foreignText("\n=cmd")) == "'\\x0a=cmd")
        #expect(CSVReport.cell(.foreignText("\u{200B}=cmd")) == "'\\u{200B}=cmd")
        #expect(CSVReport.cell(.foreignText(" plain")) == " plain")
        #expect(CSVReport.cell(.foreignText("Samsung")) == "Samsung")
        #expect(CSVReport.cell(.text("-03:00")) == "-03:00")
    }

    @Test func distanceAndFixedNeverTrap() {
        for value in [Double.infinity, -.infinity, .nan, 1e300, -1e300, .greatestFiniteMagnitude, 9.3e21, -5e3, -0.4] {
            _ = en.distance(value)
            _ = id.distance(value)
            _ = Messages.fixed(value, 6)
            _ = Messages.fixed(value, 1)
        }
        #expect(en.distance(.infinity) == "-" && id.distance(.nan) == "-")
        #expect(en.distance(1e300).hasSuffix(" km") && en.distance(-1e300).hasSuffix(" km"))
        #expect(en.distance(9.3e21) == "9.3e+18 km")
        #expect(Messages.fixed(1.5, -1) == "2" && Messages.fixed(1.5, 40) == "1.500000000000000")
        #expect(Messages.fixed(-2.0617, 6) == "-2.061700")
    }

    @Test func explanationTellsEveryValueAndRule() {
        let lines = en.explanation(of: result("near-boundary-gps-error.jpg")).joined(separator: "\n")
        for expected in ["Result: review", "close to the boundary", "Samsung SM-A515F", "-1.962127, 105.711363",
                         "±150.0 m", "2026-04-17T02:15:05Z", "2026-04-17T09:15:00 (+07:00)", "Friday",
                         "Inside Kabupaten Bangka Barat: yes, 333 m from the boundary", "More than 350 m",
                         "Work-from-home day (Friday): Friday", "Not before the policy started (2026-04-02)",
                         "at most 10 minutes apart: 5 seconds", "Kecamatan Tempilang", "village Simpang Yul",
                         "https://www.openstreetmap.org/?mlat=-1.962127&mlon=105.711363"] {
            #expect(lines.contains(expected), "missing: \(expected)")
        }
    }

    /// Conflicting copies are never resolved silently: every copy's values are shown with how
    /// far they are from what was judged; values that do not parse are shown as written.
    @Test func explanationShowsEveryCopyAndEveryUnparsedValue() {
        func explain(_ name: String, _ messages: Messages) -> String {
            messages.explanation(of: result(name))
                .joined(separator: "\n")
        }
        let app1 = explain("conflicting-two-exif-app1.jpg", en)
        for expected in ["copies of the metadata in the file disagree", "Other copies of the metadata in the file",
                         "[CHECK] EXIF block 1 of 2: -2.061700, 105.164000; DateTimeOriginal 2026-04-17T09:15:00 (+07:00)",
                         "111 km from the position judged", "-2.976100, 104.745800", "Other copies of the metadata agree: no, 1 disagree"] {
            #expect(app1.contains(expected), "missing: \(expected)")
        }
        #expect(explain("conflicting-duplicate-gps-latitude.jpg", id).contains("tag EXIF berulang, salinan 1 dari 2"))
        #expect(explain("conflicting-xmp-date.jpg", id).contains("[PERIKSA] XMP 1: DateTimeOriginal 2026-04-23T09:15:00 (+07:00) — hari lain: 2026-04-23 (Kamis)"))
        #expect(explain("ok-xmp-agrees-with-exif.jpg", en).contains("Other copies of the metadata agree (1)"))
        let offset = explain("invalid-capture-time-offset.jpg", en)
        #expect(offset.contains("  OffsetTimeOriginal    \"+-9:00\" (not valid)"))
        #expect(offset.contains("Every date, time and time offset written is valid: no, OffsetTimeOriginal \"+-9:00\""))
        #expect(explain("offset-mismatch-wita-clock-in-muntok.jpg", en)
            .contains("Camera time offset matches the place (+07:00): no, the camera recorded +08:00"))
    }

    @Test func aClockSkewInSecondsIsExplainedInSeconds() {
        var policy = TestVerifier.verifier.policy
        policy.maxClockSkewSeconds = 30
        let judged = PhotoVerifier(boundary: TestVerifier.boundary, policy: policy).verify(path: TestPaths.fixture("ok-muntok-ii-dms.jpg"))
        let lines = en.explanation(of: judged).joined(separator: "\n")
        #expect(lines.contains("GPS clock and camera clock at most 30 seconds apart: 5 seconds"))
        #expect(en.duration(150) == "150 seconds" && en.duration(600) == "10 minutes")
    }

    /// Formats chosen at run time are combined without casting rows back: each prepared row
    /// goes to the writer that made it, in order.
    @Test func combinedReportsGetTheirOwnRows() throws {
        let folder = try TemporaryFolder()
        let jsonPath = folder.url.appendingPathComponent("r.jsonl").path, csvPath = folder.url.appendingPathComponent("r.csv").path
        let json = try TextOutput(path: jsonPath), csv = try TextOutput(path: csvPath)
        var combined = CombinedReport([AnyReportWriter(JSONReport(output: json, messages: en)), AnyReportWriter(CSVReport(output: csv, messages: en))])
        for name in ["ok-muntok-ii-dms.jpg", "no-gps.jpg"] { combined.write(result: result(name)) }
        combined.finish(BatchSummary())
        let lines = try String(contentsOfFile: jsonPath, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2 && lines[1].contains("no-gps.jpg") && lines[0].hasPrefix("{"))
        let rows = try String(contentsOfFile: csvPath, encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 3 && rows[0].hasPrefix("path,status") && rows[2].contains("no-gps.jpg,flagged"))
    }

    /// Writers write only in `write` and `finish`: creating one prints nothing (the header of
    /// an empty CSV comes with `finish`).
    @Test func csvWritesItsHeaderWithTheFirstRowOrAtTheEnd() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("r.csv").path
        let output = try TextOutput(path: path)
        var csv = CSVReport(output: output, messages: en)
        output.flush()
        #expect(try String(contentsOfFile: path, encoding: .utf8).isEmpty)
        csv.finish(BatchSummary())
        #expect(try String(contentsOfFile: path, encoding: .utf8) == ReportRecord.fieldNames.joined(separator: ",") + "\n")
    }

    /// Output that cannot be written is an `OutputError` naming the output, not a photo's error.
    @Test func outputsThatCannotBeWrittenSayWhich() {
        #expect {
            _ = try ReportDirectory(path: "/dev/null/reports", startedAt: 0)
        } throws: { error in
            (error as? OutputError)?.output == "/dev/null/reports"
        }
        #expect {
            _ = try TextOutput(path: "/dev/null/report.csv")
        } throws: { error in
            (error as? OutputError)?.description.hasPrefix("cannot write the report to /dev/null/report.csv: ") == true
        }
    }

    @Test func explanationOfAStrippedPhotoSaysWhatToDo() {
        let id = self.id.explanation(of: result("no-exif-messenger.jpg")).joined(separator: "\n")
        #expect(id.contains("Hasil: TIDAK SESUAI"))
        #expect(id.contains("WhatsApp"))
        #expect(id.contains("dokumen/berkas"))
        let en = self.en.explanation(of: result("no-gps.jpg")).joined(separator: "\n")
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
        #expect(en.summary(summary) == "5 photos: 1 ok, 1 review, 2 flagged, 1 unreadable; 2 hidden or system files skipped. "
            + "4 need a person: `verify-photos FILE` explains one, `--format explain` all of them; 2 have a hint for the employee")
        #expect(summary.worst == .unreadable)
        #expect(BatchSummary().worst == .ok)
    }
}

@Suite struct ReportDirectoryTests {
    @Test func reportsAppearOnlyWhenCompleteAndNeverReplaceEachOther() throws {
        let folder = try TestPaths.temporaryFolder().path
        let result = TestVerifier.verifier.verify(path: TestPaths.fixture("ok-muntok-ii-dms.jpg"))
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
        #expect(names == ["2026-04-03-091500.jsonl", "2026-04-03-091500.csv", "2026-04-03-091500.html",
                          "2026-04-03-091500-2.jsonl", "2026-04-03-091500-2.csv", "2026-04-03-091500-2.html"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == names.sorted())
        let csv = try String(contentsOfFile: folder + "/2026-04-03-091500-2.csv", encoding: .utf8)
        #expect(csv.hasPrefix("path,status") && csv.contains("ok-muntok-ii-dms.jpg"))
    }
}
