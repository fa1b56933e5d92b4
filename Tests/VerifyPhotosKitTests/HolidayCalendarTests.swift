import Foundation
import Testing
@testable import VerifyPhotosKit

/// The national holiday calendar compiled in from `holidays/`, and holiday files given with
/// `--holidays`: their formats, merging, and errors that say where to fix the file.
@Suite struct HolidayCalendarTests {
    private func day(_ text: String) throws -> CalendarDate {
        try #require(CalendarDate(iso: text))
    }

    private func parse(_ csv: String) throws(HolidayFileError) -> HolidayCalendar {
        try HolidayCalendar(csv: csv, source: "holidays.csv")
    }

    @Test func embeddedCalendarHoldsThe2026Decrees() throws {
        let days = HolidayCalendar.embedded.holidays.filter { $0.date.year == 2026 }
        #expect(days.filter { $0.kind == .nationalHoliday }.count == 17)
        #expect(days.filter { $0.kind == .jointLeave }.count == 8)
        #expect(days.allSatisfy { !$0.name.isEmpty })
        for holiday in days {
            #expect(holiday.source.contains("SKB 3 Menteri No. 1497/2025, 2/2025, 5/2025"), "\(holiday.date)")
            #expect(holiday.source.contains("Keppres 42/2025") == (holiday.kind == .jointLeave), "\(holiday.date)")
        }
        let idulFitri = try #require(HolidayCalendar.embedded.holiday(on: day("2026-03-21")))
        #expect(idulFitri.name == "Idul Fitri 1447 H" && idulFitri.kind == .nationalHoliday)
        #expect(try HolidayCalendar.embedded.holiday(on: day("2026-03-24"))?.kind == .jointLeave)
        #expect(try HolidayCalendar.embedded.holiday(on: day("2026-03-25")) == nil)
    }

    /// The days off that fall on a work-from-home Friday. (16 January, Isra Mikraj, and 20 March,
    /// cuti bersama before Idul Fitri, are Fridays too.)
    @Test func fridaysOff2026() throws {
        let fridays = HolidayCalendar.embedded.holidays.filter { $0.date.year == 2026 && $0.date.weekday == .friday }.map(\.date)
        #expect(fridays == [try day("2026-01-16"), try day("2026-03-20"), try day("2026-04-03"),
                            try day("2026-05-01"), try day("2026-05-15"), try day("2026-12-25")])
    }

    @Test func coversOnlyTheYearsItLists() {
        #expect(HolidayCalendar.embedded.covers(year: 2026))
        #expect(!HolidayCalendar.embedded.covers(year: 2027))
        #expect(!HolidayCalendar.embedded.covers(year: 2025))
        #expect(HolidayCalendar.embedded.years == [2026])
        #expect(!HolidayCalendar([]).covers(year: 2026))
    }

    @Test func embeddedCalendarMatchesTheShippedFiles() throws {
        let folder = TestPaths.packageRoot.appendingPathComponent("holidays")
        let shipped = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }
        #expect(Set(shipped) == Set(EmbeddedHolidays.files.keys), "holidays/ changed: run python3 scripts/embed-holidays.py")
        for name in shipped {
            let file = try HolidayCalendar.load(path: folder.appendingPathComponent(name).path)
            let compiled = try HolidayCalendar(csv: try #require(EmbeddedHolidays.files[name]), source: name)
            #expect(compiled == file, "holidays/\(name) changed: run python3 scripts/embed-holidays.py")
            #expect(HolidayCalendar.embedded.holidays.filter { file.holiday(on: $0.date) != nil } == file.holidays)
        }
    }

    @Test func readsBOMSemicolonsQuotesAndBlankLines() throws {
        let csv = "\u{FEFF}Date;Name;Kind;Source\r\n\r\n2026-07-10;\"Hari \"\"Jadi\"\"; Bangka Barat\";Cuti Bersama;\"Perbup 1/2026, pasal 2\"\r\n;;;\r\n"
        let folder = try TemporaryFolder()
        let file = folder.appendingPathComponent("local.csv")
        try Data(csv.utf8).write(to: file)
        for calendar in [try parse(csv), try HolidayCalendar.load(path: file.path)] {
            #expect(calendar.holidays == [Holiday(date: try day("2026-07-10"), name: "Hari \"Jadi\"; Bangka Barat",
                                                  kind: .jointLeave, source: "Perbup 1/2026, pasal 2")])
        }
    }

    @Test func readsIndonesianHeadersInAnyOrderAndEnglishKinds() throws {
        let calendar = try parse("""
            JENIS,Tanggal,sumber,Nama
            national-holiday,2027-01-01,Keppres X/2026,Tahun Baru 2027 Masehi
            joint-leave,2027-01-02,,Cuti bersama
            """)
        #expect(calendar.holidays == [
            Holiday(date: try day("2027-01-01"), name: "Tahun Baru 2027 Masehi", kind: .nationalHoliday, source: "Keppres X/2026"),
            Holiday(date: try day("2027-01-02"), name: "Cuti bersama", kind: .jointLeave, source: ""),
        ])
        #expect(calendar.years == [2027])
    }

    @Test func aQuotedFieldMaySpanLinesAndLaterLinesKeepTheirNumbers() throws {
        let csv = "date,name,kind,source\n2026-01-01,\"Tahun\nBaru\",libur-nasional,S\n2026-02-30,B,libur-nasional,S\n"
        #expect(throws: HolidayFileError.badDate(path: "holidays.csv", line: 4, column: "date", value: "2026-02-30")) {
            try parse(csv)
        }
        let fine = try parse(csv.replacingOccurrences(of: "2026-02-30", with: "2026-02-28"))
        #expect(fine.holiday(on: try day("2026-01-01"))?.name == "Tahun\nBaru")
    }

    @Test func aFileExtendsTheEmbeddedCalendarAndReplacesItsDays() throws {
        let local = try parse("""
            date,name,kind,source
            2026-12-24,Hari Raya Natal (diubah),libur-nasional,SKB perubahan
            2027-01-01,Tahun Baru 2027 Masehi,libur-nasional,SKB 2027
            """)
        let merged = HolidayCalendar.embedded.merging(local)
        let christmasEve = try #require(merged.holiday(on: day("2026-12-24")))
        #expect(christmasEve.name == "Hari Raya Natal (diubah)" && christmasEve.kind == .nationalHoliday && christmasEve.source == "SKB perubahan")
        #expect(merged.holiday(on: try day("2026-12-25")) == HolidayCalendar.embedded.holiday(on: try day("2026-12-25")))
        #expect(merged.holidays.count == 26)
        #expect(merged.years == [2026, 2027])
        #expect(HolidayCalendar.embedded.holiday(on: try day("2026-12-24"))?.kind == .jointLeave)
    }

    static let header = "date,name,kind,source\n"

    /// Each mistake is refused with the line (and, where there is one, the column) to fix.
    @Test(arguments: [
        (header + "2026-01-01,A,libur-nasional,S\n\n2026-02-30,B,libur-nasional,S\n",
         HolidayFileError.badDate(path: "holidays.csv", line: 4, column: "date", value: "2026-02-30"),
         "holidays.csv line 4, column date: \"2026-02-30\" is not a date (YYYY-MM-DD)"),
        ("date,name,kind,source\r\n2026-01-01,A,libur-nasional,S\r\n\r\n2026-02-30,B,libur-nasional,S\r\n",
         .badDate(path: "holidays.csv", line: 4, column: "date", value: "2026-02-30"), "holidays.csv line 4, column date:"),
        (header + "05/01/2026,A,libur-nasional,S\n",
         .badDate(path: "holidays.csv", line: 2, column: "date", value: "05/01/2026"), "holidays.csv line 2, column date:"),
        (header + "+026-01-01,A,libur-nasional,S\n",
         .badDate(path: "holidays.csv", line: 2, column: "date", value: "+026-01-01"), "holidays.csv line 2, column date:"),
        ("Tanggal,Nama,Jenis,Sumber\n2026-01-01,A,libur,S\n",
         .unknownKind(path: "holidays.csv", line: 2, column: "Jenis", value: "libur"), "holidays.csv line 2, column Jenis: \"libur\" is not a kind"),
        (header + "2026-01-01,A,libur-nasional,S\n2026-01-01,B,cuti-bersama,S\n",
         .repeatedDate(path: "holidays.csv", line: 3, column: "date", date: CalendarDate(daysSinceEpoch: 20_454), firstLine: 2),  // 2026-01-01
         "holidays.csv line 3, column date: 2026-01-01 is already listed on line 2"),
        (header + "2026-01-01,\"  \",libur-nasional,S\n",
         .emptyName(path: "holidays.csv", line: 2, column: "name"), "holidays.csv line 2, column name: the name is empty"),
        ("date,name,kind,source,keterangan\n",
         .unknownColumn(path: "holidays.csv", line: 1, column: 5, name: "keterangan"), "holidays.csv line 1, column 5: \"keterangan\" is not a known column"),
        ("\n\ndate;name;source\n",
         .missingColumn(path: "holidays.csv", line: 3, column: "kind"), "holidays.csv line 3, column kind: missing"),
        ("",
         .missingColumn(path: "holidays.csv", line: 1, column: "date"), "holidays.csv line 1, column date: missing"),
        ("date,tanggal,name,kind,source\n",
         .repeatedColumn(path: "holidays.csv", line: 1, column: "tanggal"), "holidays.csv line 1, column tanggal: named twice"),
        (header + "2026-12-25,Natal, hari raya,libur-nasional,S\n",
         .fieldCount(path: "holidays.csv", line: 2, found: 5, expected: 4), "holidays.csv line 2: 5 fields where the header has 4; put a name"),
        (header + "2026-12-25,Natal,libur-nasional\n",
         .fieldCount(path: "holidays.csv", line: 2, found: 3, expected: 4), "holidays.csv line 2: 3 fields where the header has 4; each row"),
        (header + "2026-12-25,\"Natal\"x,libur-nasional,S\n",
         .badQuotes(path: "holidays.csv", line: 2, field: 2), "holidays.csv line 2, field 2: a quoted field"),
        (header + "2026-12-25,A,libur-nasional,S\n2026-12-26,\"Natal,libur-nasional,S\n",
         .badQuotes(path: "holidays.csv", line: 3, field: 2), "holidays.csv line 3, field 2: a quoted field"),
    ])
    func refusesAMistakeNamingWhereItIs(csv: String, error: HolidayFileError, message: String) {
        #expect(throws: error) { try parse(csv) }
        #expect(error.description.hasPrefix(message), "\(error.description)")
    }

    /// An empty header cell is allowed (spreadsheets write one after the last column), but not a
    /// value under it; a row that is too long is still counted, in the row order of the file.
    @Test func aValueUnderAnEmptyHeaderCellIsRefused() throws {
        let error = HolidayFileError.valueWithoutHeader(path: "holidays.csv", line: 3, column: 3)
        #expect(throws: error) {
            try parse("date,name,,kind,source,\n2026-01-01,A,,libur-nasional,S,\n2026-01-02,B,x,libur-nasional,S\n")
        }
        #expect(error.description.hasPrefix("holidays.csv line 3, column 3: a value in a column without a header; move it"))
        #expect(throws: HolidayFileError.fieldCount(path: "holidays.csv", line: 2, found: 5, expected: 4)) {
            try parse(Self.header + "2026-12-25,Natal, hari raya,libur-nasional,S\n2026-12-26,A,cuti-bersama,S,,x\n")
        }
        #expect(try parse("date,name,,kind,source,\n2026-01-01,A, ,libur-nasional,S,\n").holidays.count == 1)
    }

    @Test func aFileThatCannotBeUsedSaysWhy() throws {
        let folder = try TemporaryFolder()
        let missing = folder.appendingPathComponent("missing.csv").path
        #expect(throws: HolidayFileError.cannotRead(path: missing, reason: "cannot be opened: No such file or directory")) {
            try HolidayCalendar.load(path: missing)
        }
        #expect(throws: HolidayFileError.cannotRead(path: folder.path, reason: "not a regular file (a folder, FIFO or device)")) {
            try HolidayCalendar.load(path: folder.path)
        }
        let latin1 = folder.appendingPathComponent("latin1.csv")
        try Data(Self.header.utf8 + Array("2026-01-01,A,libur-nasional,S\n2026-01-02,P".utf8) + [0xE9] + Array("n,libur-nasional,S\n".utf8)).write(to: latin1)
        #expect(throws: HolidayFileError.notUTF8(path: latin1.path, line: 3)) { try HolidayCalendar.load(path: latin1.path) }
        #expect(HolidayFileError.notUTF8(path: "x.csv", line: 3).description == "x.csv line 3: not UTF-8 text; save the file as \"CSV UTF-8\"")
        let huge = folder.appendingPathComponent("huge.csv")
        try Data(count: Int(HolidayCalendar.maximumFileSize) + 1).write(to: huge)
        #expect(throws: HolidayFileError.cannotRead(path: huge.path, reason: "larger than 1 MiB, which no list of holidays is: is it the right file?")) {
            try HolidayCalendar.load(path: huge.path)
        }
    }
}
