import Foundation
import Testing
@testable import VerifyPhotosKit

/// `--roster` and `--schedule`: who is checked, who is exempt, which group works from home when.
/// Every person and NIP here is invented.
@Suite struct RosterTests {
    private static let nipA = "199001012020011001"
    private static let nipB = "198805122015032002"
    private static let nipC = "199203302019021003"

    private func date(_ text: String) throws -> CalendarDate {
        try #require(CalendarDate(iso: text))
    }

    /// The `RosterError` that `body` throws; nil when it throws none.
    private func error(_ body: () throws -> Void) -> RosterError? {
        do {
            try body()
            return nil
        } catch let error as RosterError {
            return error
        } catch {
            Issue.record("not a RosterError: \(error)")
            return nil
        }
    }

    // MARK: Reading the file

    @Test func indonesianHeadersAreRead() throws {
        let roster = try Roster(csv: """
            nip,nama,unit_kerja,jabatan,kelompok,dikecualikan,desa
            \(Self.nipA),Ani Contoh,Dinas Contoh,Analis Contoh,A,tidak,Tanjung
            """, source: "roster.csv")
        #expect(roster.entries == [RosterEntry(nip: Self.nipA, name: "Ani Contoh", unit: "Dinas Contoh", position: "Analis Contoh",
                                               group: "A", exempt: false, home: .desa("Tanjung"), line: 2)])
    }

    @Test func englishHeadersAreReadInAnyCase() throws {
        let roster = try Roster(csv: """
            NIP,Name,Unit,Position,GROUP,Exempt,Lat,LON
            \(Self.nipB),Budi Contoh,Badan Contoh,Pengelola Contoh,B,yes,-2.0625,105.1875
            """, source: "roster.csv")
        #expect(roster.entries == [RosterEntry(nip: Self.nipB, name: "Budi Contoh", unit: "Badan Contoh", position: "Pengelola Contoh",
                                               group: "B", exempt: true, home: .point(latitude: -2.0625, longitude: 105.1875), line: 2)])
    }

    @Test func aHeaderWithSpacesOrHyphensNamesTheSameColumn() throws {
        let roster = try Roster(csv: "NIP,Unit Kerja\n\(Self.nipA),Dinas Contoh\n", source: "r.csv")
        #expect(roster.entries.first?.unit == "Dinas Contoh")
        let hyphen = try Roster(csv: "nip,unit-kerja\n\(Self.nipA),Dinas Contoh\n", source: "r.csv")
        #expect(hyphen.entries.first?.unit == "Dinas Contoh")
    }

    @Test func bomSemicolonsCRLFAndQuotedFieldsAreRead() throws {
        let csv = "\u{FEFF}nip;nama;jabatan\r\n"
            + "\(Self.nipA);\"Ani; Contoh\";\"Staf \"\"Umum\"\"\"\r\n"
            + "\r\n"
            + ";;\r\n"
            + "\(Self.nipB); Budi Contoh ;\r\n"
        let roster = try Roster(csv: csv, source: "roster.csv")
        #expect(roster.entries.map(\.nip) == [Self.nipA, Self.nipB])
        #expect(roster.entries[0].name == "Ani; Contoh")
        #expect(roster.entries[0].position == "Staf \"Umum\"")
        #expect(roster.entries[1].name == "Budi Contoh")
        #expect(roster.entries[1].position == nil)
        #expect(roster.entries.map(\.line) == [2, 5])
        #expect(roster.entry(nip: Self.nipB)?.line == 5)
        #expect(roster.entry(nip: Self.nipC) == nil)
    }

    @Test func aQuotedFieldMaySpanLinesAndLaterLinesKeepTheirNumbers() throws {
        let roster = try Roster(csv: "nip,nama\n\(Self.nipA),\"Ani\nContoh\"\n\(Self.nipB),Budi\n", source: "r.csv")
        #expect(roster.entries.map(\.line) == [2, 4])
        #expect(roster.entries[0].name == "Ani\nContoh")
    }

    @Test func aCommaFileMayHoldSemicolonsInItsCells() throws {
        let roster = try Roster(csv: "nip,nama\n\(Self.nipA),Ani;Contoh\n", source: "r.csv")
        #expect(roster.entries[0].name == "Ani;Contoh")
    }

    @Test func groupsAreDistinctInRotationOrder() throws {
        let roster = try Roster(csv: """
            nip,kelompok
            \(Self.nipA),Kelompok 10
            \(Self.nipB),Kelompok 2
            \(Self.nipC),Kelompok 2
            199507072021011004,
            """, source: "r.csv")
        #expect(roster.groups == ["Kelompok 2", "Kelompok 10"])
        #expect(Roster.rotationOrder(["b", "A", "B", "a"]) == ["A", "a", "B", "b"])
    }

    @Test func aFileIsLoadedByPath() throws {
        let folder = try TemporaryFolder()
        let file = folder.appendingPathComponent("roster.csv")
        try Data("\u{FEFF}nip;nama\r\n\(Self.nipA);Ani Contoh\r\n".utf8).write(to: file)
        #expect(try Roster.load(path: file.path).entries.map(\.nip) == [Self.nipA])

        let latin1 = folder.appendingPathComponent("latin1.csv")
        try Data(Array("nip,nama\n\(Self.nipA),Ren".utf8) + [0xE9] + Array("\n".utf8)).write(to: latin1)
        #expect(error { _ = try Roster.load(path: latin1.path) }?.description
                == "\(latin1.path) line 2: is not UTF-8 text; save the sheet as \"CSV UTF-8\"")

        let missing = folder.path + "/missing.csv"
        #expect(error { _ = try Roster.load(path: missing) } == RosterError(
            source: missing, problem: .cannotRead(reason: "cannot be opened: No such file or directory")))
        #expect(error { _ = try Roster.load(path: folder.path) }?.problem
                == .cannotRead(reason: "not a regular file (a folder, FIFO or device)"))
    }

    // MARK: Exemption (point 4a)

    private func roster(positions: [(String, String?)]) throws -> Roster {
        var csv = "nip,jabatan,dikecualikan\n"
        for (index, (position, exempt)) in positions.enumerated() {
            csv += "1990010120200110\(String(format: "%02d", index)),\(position),\(exempt ?? "")\n"
        }
        return try Roster(csv: csv, source: "r.csv")
    }

    @Test func theExemptColumnDecidesWhenFilled() throws {
        let roster = try roster(positions: [("Analis Contoh", "ya"), ("Camat Contoh", "tidak"), ("Analis Contoh", "Y"),
                                            ("Camat Contoh", nil), ("Analis Contoh", "0"), ("Analis Contoh", "TRUE")])
        #expect(roster.entries.map(\.exempt) == [true, false, true, nil, false, true])
        #expect(roster.entries.map(roster.exemption(of:)) == [.marked, nil, .marked, .position("Camat"), nil, .marked])
    }

    @Test func thePositionDecidesWithoutTheColumn() throws {
        let roster = try Roster(csv: """
            nip,jabatan
            199001012020011001,Camat Muntok
            199001012020011002,Sekretaris Camat
            199001012020011003,Kepala Bidang Anggaran
            199001012020011004,KEPALA SUB BAGIAN UMUM
            199001012020011005,Plt. Kepala Dinas Contoh
            199001012020011006,Sekretaris Kelurahan Contoh
            199001012020011007,Lurah Contoh
            199001012020011008,Staf Ahli Bupati
            199001012020011009,Staf Umum
            199001012020011010,
            """, source: "r.csv")
        #expect(roster.entries.map(roster.exemption(of:)) == [
            .position("Camat"), nil, .position("Kepala Bidang"), nil, .position("Kepala Dinas"), nil,
            .position("Lurah"), .position("Staf Ahli"), nil, nil,
        ])
    }

    @Test func theListOfPositionsCanBeReplaced() throws {
        var roster = try roster(positions: [("Camat Muntok", nil), ("Kepala Seksi Pelayanan", nil), ("Kepala Seksi", "tidak")])
        roster.exemptPositions = ["kepala  seksi", ""]
        #expect(roster.entries.map(roster.exemption(of:)) == [nil, .position("kepala  seksi"), nil])
        roster.exemptPositions = []
        #expect(roster.entries.map(roster.exemption(of:)) == [nil, nil, nil])
    }

    // MARK: Home

    @Test func aHomeIsAPointOrADesa() throws {
        let roster = try Roster(csv: """
            nip;lat;lon;desa
            \(Self.nipA);-2,0625;105,1875;
            \(Self.nipB);;;Desa Tanjung
            \(Self.nipC);;;
            199507072021011004;+1.5;-.5;
            """, source: "r.csv")
        #expect(roster.entries.map(\.home) == [.point(latitude: -2.0625, longitude: 105.1875), .desa("Desa Tanjung"), nil,
                                               .point(latitude: 1.5, longitude: -0.5)])
    }

    @Test func aHomeDesaIsCheckedAgainstTheLayer() throws {
        let roster = try Roster(csv: """
            nip,Desa
            \(Self.nipA),desa  air putih
            \(Self.nipB),Kelurahan Tanjung
            \(Self.nipC),Sungai Contoh
            """, source: "roster.csv")
        let layer: Set<String> = ["Tanjung", "Air Putih", "Sungai Baru"]
        #expect(error { try roster.validate(desaNames: layer) }?.description
                == "roster.csv line 4, column Desa: \"Sungai Contoh\" is not a desa or kelurahan of the area")
        #expect(error { try roster.validate(desaNames: layer.union(["Desa Sungai Contoh"])) } == nil)
    }

    // MARK: Errors

    @Test(arguments: [
        ("nip,nama\n199001012020011001,Ani\n\n\n\n\n19850315201001100,Budi\n",
         #"roster.csv line 7, column nip: "19850315201001100" is not an 18-digit NIP"#),
        ("nip,nama\n198503152010011001,Ani\n198503152010011002,Budi\n\n\n\n\n\n198503152010011002,Citra\n",
         "roster.csv line 9, column nip: 198503152010011002 is already on line 3"),
        ("NIP,nama\n1.98503E+17,Ani\n",
         #"roster.csv line 2, column NIP: "1.98503E+17" is not an 18-digit NIP (a spreadsheet wrote it as a number: format the column as text)"#),
        ("nip,nama\n１９９００１０１２０２００１１００１,Ani\n",
         #"roster.csv line 2, column nip: "１９９００１０１２０２００１１００１" is not an 18-digit NIP"#),
        ("nip,nama\n,Ani\n", "roster.csv line 2, column nip: empty; every row needs an 18-digit NIP"),
        ("nip,alamat\n199001012020011001,Jalan Contoh\n",
         "roster.csv line 1, column alamat: not a known column (known: nip, nama/name, unit_kerja/unit, jabatan/position, kelompok/group, dikecualikan/exempt, lat, lon, desa)"),
        ("nama,jabatan\nAni,Staf\n", "roster.csv line 1: there is no nip column"),
        ("nip,nama,Name\n199001012020011001,Ani,Ani\n", "roster.csv line 1, column Name: the same column as nama"),
        ("nip,dikecualikan\n199001012020011001,mungkin\n",
         #"roster.csv line 2, column dikecualikan: "mungkin" is not ya/tidak, yes/no, 1/0, true/false or y/n"#),
        ("nip,lat\n199001012020011001,-2.1\n", "roster.csv line 1, column lat: there is no lon column"),
        ("nip,lat,lon\n199001012020011001,-2.1,\n", "roster.csv line 2, column lon: empty, but lat is given; a home point needs both lat and lon"),
        ("nip,lat,lon\n199001012020011001,,105.2\n", "roster.csv line 2, column lat: empty, but lon is given; a home point needs both lat and lon"),
        ("nip,lat,lon\n199001012020011001,-2°3',105.2\n", #"roster.csv line 2, column lat: "-2°3'" is not a decimal number of degrees"#),
        ("nip,lat,lon\n199001012020011001,-2.1,1e2\n", #"roster.csv line 2, column lon: "1e2" is not a decimal number of degrees"#),
        ("nip,lat,lon\n199001012020011001,-2.1,nan\n", #"roster.csv line 2, column lon: "nan" is not a decimal number of degrees"#),
        ("nip;lat;lon\n199001012020011001;1,000,5;105\n", #"roster.csv line 2, column lat: "1,000,5" is not a decimal number of degrees"#),
        ("nip,lat,lon\n199001012020011001,105.2,-2.1\n", "roster.csv line 2, column lat: 105.2 is outside -90..90"),
        ("nip,lat,lon\n199001012020011001,-2.1,-180.5\n", "roster.csv line 2, column lon: -180.5 is outside -180..180"),
        ("nip,lat,lon,desa\n199001012020011001,-2.1,105.2,Tanjung\n",
         "roster.csv line 2, column desa: a desa and a lat/lon point on one row; give one of them"),
        ("nip,nama\n199001012020011001,\"Ani\n", #"roster.csv line 2, column nama: a quoted value is not closed (a " is missing)"#),
        ("nip,nama\n199001012020011001,\"Ani\"x\n",
         #"roster.csv line 2, column nama: text after a closing quote; a quote inside a quoted value is written """#),
        ("nip,nama\n199001012020011001,Ani,Staf\n", "roster.csv line 2, column 3: a value in a column without a header"),
        ("nip,,nama\n199001012020011001,x,Ani\n", "roster.csv line 2, column 2: a value in a column without a header"),
        ("nip,nama\n", "roster.csv: has a header but no rows"),
        ("\u{FEFF}\r\n;;\r\n", "roster.csv: is empty: there is no header line"),
    ])
    func aMalformedRosterNamesFileLineAndColumn(csv: String, expected: String) {
        #expect(error { _ = try Roster(csv: csv, source: "roster.csv") }?.description == expected)
    }

    @Test func emptyTrailingCellsAndUnheadedEmptyColumnsAreAccepted() throws {
        let roster = try Roster(csv: "nip,nama,\n\(Self.nipA),Ani,,,\n\(Self.nipB)\n", source: "r.csv")
        #expect(roster.entries.map(\.name) == ["Ani", nil])
    }

    // MARK: Schedule

    private func groupRoster() throws -> Roster {
        try Roster(csv: "nip,kelompok\n199001012020011001,C\n199001012020011002,B\n199001012020011003,A\n", source: "roster.csv")
    }

    @Test func aScheduleHasSeveralGroupsPerDate() throws {
        let schedule = try WFHSchedule(csv: """
            Tanggal;Kelompok\r
            2026-04-17;B\r
            2026-04-10;A\r
            2026-04-10;C\r
            """, source: "jadwal.csv")
        #expect(schedule.dates == [try date("2026-04-10"), try date("2026-04-17")])
        #expect(schedule.groups(on: try date("2026-04-10")) == ["A", "C"])
        #expect(schedule.groups(on: try date("2026-04-17")) == ["B"])
        #expect(schedule.groups(on: try date("2026-04-24")).isEmpty)
        try schedule.validate(against: groupRoster(), wfhDays: [.friday])
    }

    @Test func aScheduleAcceptsEnglishHeaders() throws {
        let schedule = try WFHSchedule(csv: "group,date\nA,2026-04-10\n", source: "s.csv")
        #expect(schedule.groups(on: try date("2026-04-10")) == ["A"])
    }

    @Test(arguments: [
        ("tanggal,kelompok\n2026-04-10,A\n10/04/2026,B\n", #"jadwal.csv line 3, column tanggal: "10/04/2026" is not a date written YYYY-MM-DD"#),
        ("tanggal,kelompok\n2026-02-29,A\n", #"jadwal.csv line 2, column tanggal: "2026-02-29" is not a date written YYYY-MM-DD"#),
        ("tanggal,kelompok\n,A\n", "jadwal.csv line 2, column tanggal: empty"),
        ("tanggal,kelompok\n2026-04-10,\n", "jadwal.csv line 2, column kelompok: empty"),
        ("tanggal,kelompok\n2026-04-10,A\n2026-04-10,A\n", "jadwal.csv line 3, column kelompok: the same date and group as line 2"),
        ("tanggal\n2026-04-10\n", "jadwal.csv line 1: there is no kelompok column"),
        ("kelompok,hari\nA,Jumat\n", "jadwal.csv line 1, column hari: not a known column (known: tanggal/date, kelompok/group)"),
        ("tanggal,kelompok\n", "jadwal.csv: has a header but no rows"),
    ])
    func aMalformedScheduleNamesFileLineAndColumn(csv: String, expected: String) {
        #expect(error { _ = try WFHSchedule(csv: csv, source: "jadwal.csv") }?.description == expected)
    }

    @Test func aScheduleDayMustBeAWFHDay() throws {
        let roster = try groupRoster()
        let schedule = try WFHSchedule(csv: "tanggal,kelompok\n2026-04-10,A\n\n2026-04-09,B\n", source: "jadwal.csv")
        #expect(error { try schedule.validate(against: roster, wfhDays: [.friday]) }?.description
                == "jadwal.csv line 4, column tanggal: 2026-04-09 is a Thursday, not a work-from-home day (Friday)")
        #expect(error { try schedule.validate(against: roster, wfhDays: [.friday, .thursday]) } == nil)
        #expect(error { try schedule.validate(against: roster, wfhDays: [.friday, .monday]) }?.description
                == "jadwal.csv line 4, column tanggal: 2026-04-09 is a Thursday, not a work-from-home day (Monday, Friday)")
    }

    @Test func aScheduleGroupMustBeInTheRoster() throws {
        let roster = try groupRoster()
        let schedule = try WFHSchedule(csv: "date,group\n2026-04-10,A\n2026-04-17,a\n", source: "jadwal.csv")
        #expect(error { try schedule.validate(against: roster, wfhDays: [.friday]) }?.description
                == #"jadwal.csv line 3, column group: group "a" is not in the roster (its groups: A, B, C)"#)
        let noGroups = try Roster(csv: "nip\n199001012020011001\n", source: "roster.csv")
        #expect(error { try schedule.validate(against: noGroups, wfhDays: [.friday]) }?.description
                == #"jadwal.csv line 2, column group: group "A" is not in the roster, which has no groups"#)
    }

    @Test func aScheduleIsLoadedByPath() throws {
        let folder = try TemporaryFolder()
        let file = folder.appendingPathComponent("jadwal.csv")
        try Data("tanggal;kelompok\r\n2026-04-10;A\r\n".utf8).write(to: file)
        #expect(try WFHSchedule.load(path: file.path).dates == [try date("2026-04-10")])
        #expect(error { _ = try WFHSchedule.load(path: folder.path + "/missing.csv") }?.problem
                == .cannotRead(reason: "cannot be opened: No such file or directory"))
    }

    // MARK: Rotation without a schedule

    @Test func groupsTakeTurnsOnWorkingFridaysSkippingHolidays() throws {
        let goodFriday = try date("2026-04-03")
        let turn = WFHSchedule.rotation(groups: ["B", "A", "B"], firstDay: try date("2026-04-02"), wfhDays: [.friday],
                                        holidays: HolidayCalendar([Holiday(date: goodFriday, name: "Wafat Yesus Kristus", kind: .nationalHoliday, source: "-")]))
        #expect(turn(try date("2026-04-10")) == "A")
        #expect(turn(try date("2026-04-17")) == "B")
        #expect(turn(try date("2026-04-24")) == "A")
        #expect(turn(goodFriday) == nil)
        #expect(turn(try date("2026-04-16")) == nil)  // a Thursday
        #expect(turn(try date("2026-03-27")) == nil)  // a Friday before the policy
    }

    @Test func withoutSkippedDaysTheFirstWFHDayIsTheFirstGroups() throws {
        let turn = WFHSchedule.rotation(groups: ["Kelompok 10", "Kelompok 2", "Kelompok 1"], firstDay: try date("2026-04-02"),
                                        wfhDays: [.friday], holidays: HolidayCalendar([]))
        #expect(try ["2026-04-03", "2026-04-10", "2026-04-17", "2026-04-24"].map { turn(try date($0)) }
                == ["Kelompok 1", "Kelompok 2", "Kelompok 10", "Kelompok 1"])
        let none = WFHSchedule.rotation(groups: [], firstDay: try date("2026-04-02"), wfhDays: [.friday], holidays: HolidayCalendar([]))
        #expect(none(try date("2026-04-03")) == nil)
    }

    @Test func withTwoWFHDaysEachTakesATurn() throws {
        let turn = WFHSchedule.rotation(groups: ["A", "B", "C"], firstDay: try date("2026-04-02"), wfhDays: [.thursday, .friday],
                                        holidays: HolidayCalendar([]))
        #expect(try ["2026-04-02", "2026-04-03", "2026-04-09", "2026-04-10"].map { turn(try date($0)) } == ["A", "B", "C", "A"])
    }

    /// The week-at-a-time count agrees with counting the WFH days one by one, over two years.
    @Test func theRotationCountsTurnsAsADayByDayWalkWould() throws {
        let first = try date("2026-04-02")
        let holidays = HolidayCalendar.embedded
        let groups = ["A", "B", "C"]
        let turn = WFHSchedule.rotation(groups: groups, firstDay: first, wfhDays: [.tuesday, .friday], holidays: holidays)
        var turns = 0
        for offset in 0..<730 {
            let day = first.adding(days: offset)
            guard [.tuesday, .friday].contains(day.weekday), holidays.holiday(on: day) == nil else {
                #expect(turn(day) == nil)
                continue
            }
            #expect(turn(day) == groups[turns % 3], "\(day)")
            turns += 1
        }
    }

    /// `--exempt-positions "Camat, Kepala Dinas ,,Lurah"`: each phrase trimmed, blanks left out.
    @Test func anExemptPositionListIsReadPhraseByPhrase() {
        #expect(Roster.positions(fromList: "Camat, Kepala Dinas ,,Lurah") == ["Camat", "Kepala Dinas", "Lurah"])
        #expect(Roster.positions(fromList: " , ").isEmpty)
    }
}
