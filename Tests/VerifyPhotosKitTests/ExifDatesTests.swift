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

    @Test func parsesOffsets() {
        #expect(UTCOffset(exif: "+07:00")?.seconds == 25_200)
        #expect(UTCOffset(exif: "-05:00")?.seconds == -18_000)
        #expect(UTCOffset(exif: "+05:45")?.description == "+05:45")
        #expect(UTCOffset(exif: "Z")?.seconds == 0)
        #expect(UTCOffset(exif: "   :  ") == nil)
        #expect(UTCOffset(exif: "+7") == nil)
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
