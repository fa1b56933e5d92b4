import Testing
@testable import VerifyPhotosKit

@Suite struct ExifDatesTests {
    @Test func parsesExifDateTimes() {
        let t = LocalDateTime(exif: "2026:04:03 09:15:07")
        #expect(t?.description == "2026-04-03T09:15:07")
        #expect(LocalDateTime(exif: "2026-04-03 09:15:07")?.description == "2026-04-03T09:15:07")
        #expect(LocalDateTime(exif: "2026:04:03 09:15:07\0")?.description == "2026-04-03T09:15:07")
    }

    @Test(arguments: ["", "    :  :     :  :  ", "0000:00:00 00:00:00", "2026:02:29 10:00:00",
                      "2026:13:01 10:00:00", "2026:04:03 24:00:00", "2026:04:03", "2026/04/03 09:15:07",
                      "20ab:04:03 09:15:07"])
    func rejectsUnusableDates(_ text: String) {
        #expect(LocalDateTime(exif: text) == nil)
    }

    /// Blank and all-zero values are EXIF's "unknown"; anything else that is not a date is
    /// invalid and must be reported, not dropped.
    @Test(arguments: [("", false), ("    :  :     :  :  ", false), ("0000:00:00 00:00:00", false),
                      (" 2026:04:09 22:00:00", true), ("2026:04:09 24:00:00", true), ("2026/04/09 22:00:00", true),
                      ("2026:04:09 22:00:00 WIB", true), ("2026:04:09 22:00:00.5", true), ("2026:04-09 22:00:00", true),
                      ("2026:02:29 10:00:00", true)])
    func tellsUnknownFromInvalid(text: String, invalid: Bool) {
        switch LocalDateTime.parse(exif: text) {
        case .absent: #expect(!invalid)
        case .invalid: #expect(invalid)
        case .value(let value): Issue.record("\(text) parsed as \(value)")
        }
    }

    @Test func parsesOffsets() {
        #expect(UTCOffset(exif: "+07:00")?.seconds == 25_200)
        #expect(UTCOffset(exif: "-05:00")?.seconds == -18_000)
        #expect(UTCOffset(exif: "+05:45")?.description == "+05:45")
        #expect(UTCOffset(exif: "+14:00")?.seconds == 50_400)
        #expect(UTCOffset(exif: "-12:00")?.seconds == -43_200)
        #expect(UTCOffset(exif: "   :  ") == nil)
        #expect(UTCOffset(exif: "+7") == nil)
    }

    @Test(arguments: ["+-9:00", "+07:10", "+15:00", "-12:30", "Z", "+07:00 WIB", " +07:00", "+0700", "+07:0x"])
    func rejectsImpossibleOffsets(_ text: String) {
        guard case .invalid = UTCOffset.parse(exif: text) else {
            Issue.record("\(text) was not rejected as invalid")
            return
        }
    }

    @Test func calendarArithmeticMatchesKnownDays() throws {
        let start = try #require(CalendarDate(year: 2026, month: 4, day: 2))
        #expect(start.weekday == .thursday)
        #expect(start.daysSinceEpoch == 20_545)
        #expect(CalendarDate(daysSinceEpoch: 0).description == "1970-01-01")
        #expect(CalendarDate(daysSinceEpoch: 0).weekday == .thursday)
        #expect(CalendarDate(year: 2024, month: 2, day: 29)?.weekday == .thursday)
        #expect(CalendarDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 1900, month: 2, day: 29) == nil)
        #expect(start.adding(days: 1).weekday == .friday)
        #expect(CalendarDate(year: 1969, month: 12, day: 31)?.daysSinceEpoch == -1)
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CalendarDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
    }

    @Test func weekdayNamesInEnglishAndIndonesian() {
        #expect(Weekday(name: "Friday") == .friday)
        #expect(Weekday(name: "fri") == .friday)
        #expect(Weekday(name: "Jumat") == .friday)
        #expect(Weekday(name: "jum'at") == .friday)
        #expect(Weekday(name: "senin") == .monday)
        #expect(Weekday(name: "funday") == nil)
    }

    @Test func wallClockRoundTripsThroughSeconds() {
        let t = LocalDateTime(exif: "1969:12:31 23:59:59")!
        #expect(t.secondsSinceEpoch == -1)
        #expect(LocalDateTime(secondsSinceEpoch: -1) == t)
        #expect(LocalDateTime(secondsSinceEpoch: 1_775_182_500).description == "2026-04-03T02:15:00")
    }
}
