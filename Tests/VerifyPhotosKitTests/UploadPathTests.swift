import Testing
@testable import VerifyPhotosKit

@Suite struct UploadPathTests {
    static let nip = "198503152010011002"
    static let otherNIP = "199004172015032001"
    static let pppk = "199001012024211001"
    let rules = UploadPathRules()

    private func day(_ text: String) -> CalendarDate? { CalendarDate(iso: text) }

    // MARK: The employee

    @Test func folderDateAndNIP() throws {
        let facts = rules.read("2026-04-10/\(Self.nip)/IMG_1.jpg")
        let employee = try #require(facts.employee)
        #expect(employee.digits == Self.nip)
        #expect(employee.kind == .pns)
        #expect(employee.birthDate == day("1985-03-15"))
        #expect(employee.appointmentYear == 2010)
        #expect(employee.appointmentMonth == 1)
        #expect(employee.gender == .male)
        #expect(employee.serial == 2)
        #expect(facts.submittedFor == day("2026-04-10"))
        #expect(facts.warnings.isEmpty)
        #expect(rules.employee(in: "2026-04-10/\(Self.nip)/IMG_1.jpg") == employee)
        #expect(rules.submittedFor(in: "2026-04-10/\(Self.nip)/IMG_1.jpg") == day("2026-04-10"))
    }

    @Test func nipInTheFileName() {
        #expect(rules.employee(in: "uploads/2026-04-10/\(Self.nip)_foto.jpg")?.digits == Self.nip)
        #expect(rules.employee(in: "NIP\(Self.nip).jpeg")?.digits == Self.nip)
        #expect(rules.employee(in: "uploads/2026-04-10/foto.jpg") == nil)
    }

    @Test func theLastOfTwoNIPsWinsAndTheOtherIsShown() throws {
        let path = "2026-04-10/\(Self.nip)/\(Self.otherNIP)_foto.jpg"
        #expect(rules.employee(in: path)?.digits == Self.otherNIP)
        let facts = rules.read(path)
        #expect(facts.employee?.digits == Self.otherNIP)
        let first = try #require(EmployeeNumber(plausible: Self.nip))
        #expect(facts.warnings == [.otherEmployee(first)])
        #expect(rules.read("2026-04-10/\(Self.nip)/\(Self.nip)_foto.jpg").warnings.isEmpty)
    }

    @Test(arguments: ["1985031520100110021", "9198503152010011002", "19850315201001100", "19850315201001100212"])
    func aDigitRunOfAnotherLengthIsNoNIP(run: String) {
        #expect(rules.employee(in: "2026-04-10/\(run)/IMG_1.jpg") == nil)
        #expect(rules.employee(in: "2026-04-10/foto_\(run).jpg") == nil)
        #expect(rules.read("2026-04-10/\(run)/IMG_1.jpg").warnings.isEmpty)
    }

    @Test(arguments: [
        ("198513152010011002", EmployeeNumber.Flaw.birthDate),   // birth month 13
        ("198502302010011002", .birthDate),                      // 30 February
        ("193912312010011002", .birthDate),                      // born before 1940
        ("201601012034011002", .birthDate),                      // born after 2015
        ("198503152010131002", .appointment),                    // appointment month 13
        ("198503152010001002", .appointment),                    // appointment month 00
        ("198503151999121002", .appointment),                    // appointed at 14
        ("193503151959011002", .birthDate),
        ("194503151959011002", .appointment),                    // appointed before 1960
        ("198503152010013002", .gender),                         // gender 3
        ("198503152010010002", .gender),                         // gender 0
        ("198503152010011000", .serial),                         // serial 000
        ("199001012018211001", .appointment),                    // PPPK before 2019
    ])
    func anImplausibleNumberIsNoNIP(digits: String, flaw: EmployeeNumber.Flaw) {
        #expect(EmployeeNumber(plausible: digits) == nil)
        #expect(EmployeeNumber.check(digits) == .failure(flaw))
        let path = "2026-04-10/\(digits)/IMG_1.jpg"
        #expect(rules.employee(in: path) == nil)
        #expect(rules.read(path).warnings == [.implausibleNumber(digits, flaw)])
    }

    @Test func anImplausibleNumberAfterTheNIPIsShownBeforeOneIsNot() {
        let typo = "198513152010011002"
        let after = rules.read("\(Self.nip)/\(typo)_foto.jpg")
        #expect(after.employee?.digits == Self.nip)
        #expect(after.warnings == [.implausibleNumber(typo, .birthDate)])
        let before = rules.read("\(typo)/\(Self.nip)_foto.jpg")
        #expect(before.employee?.digits == Self.nip)
        #expect(before.warnings.isEmpty)
    }

    @Test func theLimitsOfPlausibility() throws {
        let oldest = try #require(EmployeeNumber(plausible: "194001011960011001"))
        #expect(oldest.birthDate == day("1940-01-01"))
        let youngest = try #require(EmployeeNumber(plausible: "201512312030122999"))
        #expect(youngest.serial == 999)
        #expect(youngest.gender == .female)
        #expect(EmployeeNumber(plausible: "198503152000011002") != nil)    // appointed at 15
        #expect(EmployeeNumber(plausible: "195003152021011002") == nil)    // appointed at 71
        #expect(EmployeeNumber(plausible: Self.nip[...]) != nil)
        #expect(EmployeeNumber(plausible: " \(Self.nip)") == nil)
        #expect(EmployeeNumber(plausible: "19850315201001100٢") == nil)    // an Arabic-Indic digit
        #expect(EmployeeNumber.check("19850315 201001 1 002") == .failure(.length))
        #expect(EmployeeNumber(plausible: Self.nip)?.description == Self.nip)
    }

    @Test func aPPPKNumberIsAcceptedWithAWarning() throws {
        let facts = rules.read("2026-04-10/\(Self.pppk)/IMG_1.jpg")
        let employee = try #require(facts.employee)
        #expect(employee.kind == .pppk)
        #expect(employee.birthDate == day("1990-01-01"))
        #expect(employee.appointmentYear == 2024)
        #expect(employee.appointmentMonth == nil)
        #expect(employee.gender == .male)
        #expect(employee.serial == 1)
        #expect(facts.warnings == [.pppkNumber(employee)])
        #expect(facts.warnings.first?.code == "pppk-number")
        #expect(EmployeeNumber(plausible: "199001012019212001")?.kind == .pppk)
    }

    @Test func onlyThePathsTextIsRead() {
        let relative = rules.read("2026-04-10/\(Self.nip)/IMG_1.jpg")
        #expect(rules.read("/srv/wfh/2026-04-10/\(Self.nip)/IMG_1.jpg") == relative)
        #expect(rules.read("./2026-04-10//\(Self.nip)/IMG_1.jpg") == relative)
        #expect(relative.employee != nil)
    }

    @Test func bytesThatAreNotUTF8SeparateLikeAnyOtherByte() {
        let bytes: [UInt8] = Array("2026-04-17/".utf8) + [0xFF] + Array(Self.nip.utf8) + [0xC3] + Array("/foto.jpg".utf8)
        let facts = rules.read(PhotoPath(bytes: bytes))
        #expect(facts.employee?.digits == Self.nip)
        #expect(facts.submittedFor == day("2026-04-17"))
        #expect(rules.read(PhotoPath(bytes: Array(Self.nip.utf8) + [0x80] + Array("1.jpg".utf8))).employee?.digits == Self.nip)
    }

    // MARK: The day

    /// Only a folder named for the day counts: a date in a file name (Telegram's
    /// `photo_2026-04-03_09-15-00.jpg`, screenshots) says when the file was saved.
    @Test func theDayIsAFolderNamedForIt() {
        #expect(rules.submittedFor(in: "uploads/2026/2026-04-17/\(Self.nip)/IMG_1.jpg") == day("2026-04-17"))
        #expect(rules.submittedFor(in: "/srv/2026-04-17/foto.jpg") == day("2026-04-17"))
        #expect(rules.submittedFor(in: "uploads/\(Self.nip)/foto_2026-04-17.jpg") == nil)
        #expect(rules.submittedFor(in: "uploads/\(Self.nip)/2026-04-17T08.30.jpg") == nil)
        #expect(rules.submittedFor(in: "uploads/\(Self.nip)/2026-04-17.jpg") == nil)
        #expect(rules.submittedFor(in: "uploads/2026-04-17-bis/\(Self.nip)/foto.jpg") == nil)
        #expect(rules.submittedFor(in: "uploads/\(Self.nip)/foto.jpg") == nil)
    }

    @Test func theLastDayWinsAndTheOtherIsShown() {
        let facts = rules.read("2026-04-10/\(Self.nip)/2026-04-17/foto.jpg")
        #expect(facts.submittedFor == day("2026-04-17"))
        #expect(facts.warnings == [.otherDate(CalendarDate(year: 2026, month: 4, day: 10)!)])
    }

    @Test(arguments: ["12026-04-17", "2026-04-170", "2026-4-17", "2026-04-7", "26-04-17", "2026_04_17", "2026-04--17"])
    func onlyADelimitedYYYYMMDDIsADay(name: String) {
        #expect(rules.submittedFor(in: "uploads/\(Self.nip)/\(name).jpg") == nil)
    }

    @Test func anImpossibleDayIsNoDay() {
        let facts = rules.read("2026-02-30/\(Self.nip)/IMG_1.jpg")
        #expect(facts.submittedFor == nil)
        #expect(facts.warnings == [.impossibleDate("2026-02-30")])
        #expect(rules.submittedFor(in: "2026-13-01/\(Self.nip)/IMG_1.jpg") == nil)
        #expect(rules.submittedFor(in: "2026-02-29/\(Self.nip)/IMG_1.jpg") == nil)
        #expect(rules.submittedFor(in: "2028-02-29/\(Self.nip)/IMG_1.jpg") == day("2028-02-29"))
        let later = rules.read("2026-02-27/\(Self.nip)/2026-02-30/foto.jpg")
        #expect(later.submittedFor == day("2026-02-27"))
        #expect(later.warnings == [.impossibleDate("2026-02-30")])
    }

    @Test func theDigitsOfANIPAreNeverTheDay() {
        // 199004172015032001 begins with the real day 1990-04-17.
        #expect(rules.submittedFor(in: "uploads/\(Self.otherNIP)/IMG_1.jpg") == nil)
        #expect(rules.submittedFor(in: "uploads/\(Self.otherNIP)/2015-03-20/IMG_1.jpg") == day("2015-03-20"))
        #expect(rules.read("2026-04-10/\(Self.otherNIP)/IMG_1.jpg").submittedFor == day("2026-04-10"))
        #expect(rules.read("2026-04-10/\(Self.otherNIP)/IMG_1.jpg").warnings.isEmpty)
    }

    // MARK: Patterns

    @Test func anEmployeePatternReplacesTheRule() throws {
        let spaced = "pegawai/19850315 201001 1 002/2026-04-10/foto.jpg"
        #expect(rules.employee(in: spaced) == nil)
        let custom = try UploadPathRules(employeePattern: "(?<nip>[0-9]{8} [0-9]{6} [0-9] [0-9]{3})", datePattern: nil)
        let employee = try #require(custom.employee(in: spaced))
        #expect(employee.digits == Self.nip)
        #expect(employee.kind == .pns)
        #expect(custom.submittedFor(in: spaced) == day("2026-04-10"))
        #expect(custom.employeePattern == "(?<nip>[0-9]{8} [0-9]{6} [0-9] [0-9]{3})")
        #expect(custom.datePattern == nil)

        let nik = try UploadPathRules(employeePattern: "nik_(?<nip>[0-9]{16})", datePattern: nil)
        let path = "2026-04-10/nik_1901012345670001/\(Self.nip).jpg"
        #expect(nik.employee(in: path) == EmployeeNumber(unchecked: "1901012345670001"))
        #expect(nik.employee(in: path)?.kind == .unchecked)
        #expect(nik.employee(in: "2026-04-10/\(Self.nip)/foto.jpg") == nil)
    }

    @Test func anEmployeePatternTakesTheLastMatchAndShowsImplausibleNumbers() throws {
        let custom = try UploadPathRules(employeePattern: "id-(?<nip>[0-9]+)", datePattern: nil)
        let facts = custom.read("id-\(Self.otherNIP)/id-198513152010011002/foto.jpg")
        #expect(facts.employee == EmployeeNumber(unchecked: "198513152010011002"))
        #expect(facts.warnings == [
            .implausibleNumber("198513152010011002", .birthDate),
            .otherEmployee(EmployeeNumber(plausible: Self.otherNIP)!),
        ])
        #expect(custom.read("id-\(Self.pppk)/foto.jpg").warnings.map(\.code) == ["pppk-number"])
        #expect(custom.employee(in: "id-/foto.jpg") == nil)
    }

    @Test func aDatePatternReplacesTheRule() throws {
        let path = "2026/04/17/\(Self.nip)/IMG_1.jpg"
        #expect(rules.submittedFor(in: path) == nil)
        let parts = try UploadPathRules(employeePattern: nil, datePattern: "(?<year>[0-9]{4})/(?<month>[0-9]{2})/(?<day>[0-9]{2})/")
        #expect(parts.submittedFor(in: path) == day("2026-04-17"))
        #expect(parts.employee(in: path)?.digits == Self.nip)
        #expect(parts.read("2026/02/30/\(Self.nip)/IMG_1.jpg").warnings == [.impossibleDate("2026/02/30/")])

        let dayFirst = try UploadPathRules(employeePattern: nil, datePattern: "(?<day>[0-9]{1,2})-(?<month>[0-9]{1,2})-(?<year>[0-9]{4})")
        #expect(dayFirst.submittedFor(in: "wfh/7-4-2026/\(Self.nip).jpg") == day("2026-04-07"))

        let compact = try UploadPathRules(employeePattern: nil, datePattern: "(?<date>[0-9]{8})_")
        #expect(compact.submittedFor(in: "20260417_\(Self.nip).jpg") == day("2026-04-17"))
        #expect(compact.read("20260230_\(Self.nip).jpg").warnings == [.impossibleDate("20260230")])

        let iso = try UploadPathRules(employeePattern: nil, datePattern: "tgl=(?<date>[^/]+)")
        #expect(iso.submittedFor(in: "tgl=2026.04.17/\(Self.nip).jpg") == day("2026-04-17"))
        #expect(iso.submittedFor(in: "tgl=17-04-2026/\(Self.nip).jpg") == nil)
    }

    @Test func anInvalidPatternIsAnError() {
        #expect {
            try UploadPathRules(employeePattern: "(?<nip>[0-9]{18}", datePattern: nil)
        } throws: { error in
            guard let error = error as? UploadPathError, case .doesNotCompile(let reason) = error.problem else { return false }
            return error.option == .employeePattern && !reason.isEmpty
                && error.description.hasPrefix("--employee-pattern '(?<nip>[0-9]{18}' is not a regular expression")
        }
        #expect(throws: UploadPathError.self) { try UploadPathRules(employeePattern: nil, datePattern: "[z-a]") }
    }

    @Test func aPatternWithoutItsGroupIsAnError() throws {
        let noNIP = try #require(throws: UploadPathError.self) {
            try UploadPathRules(employeePattern: "([0-9]{18})", datePattern: nil)
        }
        #expect(noNIP.problem == .missingGroups(["nip"]))
        #expect(noNIP.description.contains("no group named nip"))
        #expect(noNIP.description.contains("(?<nip>...)"))

        let noDate = try #require(throws: UploadPathError.self) {
            try UploadPathRules(employeePattern: "(?<nip>[0-9]{18})", datePattern: "[0-9]{4}-[0-9]{2}-[0-9]{2}")
        }
        #expect(noDate.option == .datePattern)
        #expect(noDate.problem == .missingGroups(["year", "month", "day"]))
        #expect(noDate.description.contains("no group named date"))

        let noDay = try #require(throws: UploadPathError.self) {
            try UploadPathRules(employeePattern: nil, datePattern: "(?<year>[0-9]{4})-(?<month>[0-9]{2})")
        }
        #expect(noDay.problem == .missingGroups(["day"]))
        #expect(noDay.description.contains("no group named day"))
    }

    /// The patterns the error messages suggest must themselves work.
    @Test func theSuggestedPatternsWork() throws {
        let suggested = try UploadPathRules(
            employeePattern: "(?:^|[^0-9])(?<nip>[0-9]{18})(?![0-9])",
            datePattern: "(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})")
        for path in ["2026-04-10/\(Self.nip)/IMG_1.jpg", "2026-04-10/1\(Self.nip)/IMG_1.jpg", "x/2026-04-10/\(Self.nip)_foto.jpg"] {
            #expect(suggested.employee(in: path) == rules.employee(in: path), "\(path)")
            #expect(suggested.submittedFor(in: path) == rules.submittedFor(in: path), "\(path)")
        }
    }

    @Test func aPatternIsSharedSafelyAcrossTasks() async throws {
        let custom = try UploadPathRules(employeePattern: "(?<nip>[0-9]{18})", datePattern: "(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})")
        let paths = (0..<400).map { "2026-04-\(10 + $0 % 5)/\($0 % 2 == 0 ? Self.nip : Self.otherNIP)/IMG_\($0).jpg" }
        let expected = paths.map { custom.read($0) }
        let results = await withTaskGroup(of: (Int, UploadPathFacts).self) { group in
            for (index, path) in paths.enumerated() { group.addTask { (index, custom.read(path)) } }
            var results = [UploadPathFacts?](repeating: nil, count: paths.count)
            for await (index, facts) in group { results[index] = facts }
            return results
        }
        #expect(results == expected)
        #expect(expected[1].employee?.digits == Self.otherNIP)
        #expect(expected[1].submittedFor == day("2026-04-11"))
    }

    // MARK: Messages

    @Test func everyWarningReadsInBothLanguages() throws {
        let number = try #require(EmployeeNumber(plausible: Self.pppk))
        let warnings: [UploadPathWarning] = [
            .pppkNumber(number), .otherEmployee(number), .impossibleDate("2026-02-30"),
            .otherDate(CalendarDate(year: 2026, month: 4, day: 10)!),
        ] + EmployeeNumber.Flaw.allCases.map { .implausibleNumber("198513152010011002", $0) }
        for language in Language.allCases {
            let texts = warnings.map { Messages(language: language).uploadPathWarning($0) }
            #expect(Set(texts).count == warnings.count)
        }
        #expect(Messages.english.uploadPathWarning(.implausibleNumber("198503152010013002", .gender))
            == "198503152010013002 is not a plausible NIP: digit 15 (gender) is neither 1 nor 2")
        #expect(Messages(language: .indonesian).uploadPathWarning(.impossibleDate("2026-02-30")) == "2026-02-30 bukan tanggal yang ada")
        #expect(Set(warnings.map(\.code)).count == 5)
    }
}
