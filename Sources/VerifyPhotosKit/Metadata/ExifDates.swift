/// A calendar date and wall-clock time as a camera recorded it, with no time zone.
///
/// Parsed by hand: Foundation's date formatters crash on machines without tzdata.
public struct LocalDateTime: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var date: CalendarDate
    public var hour: Int
    public var minute: Int
    public var second: Int

    public init(date: CalendarDate, hour: Int, minute: Int, second: Int) {
        self.date = date
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// Parses EXIF's `YYYY:MM:DD HH:MM:SS` (also with `-` between date parts, as some phones
    /// write). Blank, all-zero or impossible values give nil.
    public init?(exif text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 19 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for b in bytes[range] {
                guard b >= 0x30, b <= 0x39 else { return nil }
                value = value * 10 + Int(b - 0x30)
            }
            return value
        }
        let dateSeparators: Set<UInt8> = [UInt8(ascii: ":"), UInt8(ascii: "-")]
        guard dateSeparators.contains(bytes[4]), dateSeparators.contains(bytes[7]),
              bytes[10] == UInt8(ascii: " ") || bytes[10] == UInt8(ascii: "T"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              let date = CalendarDate(year: year, month: month, day: day),
              hour < 24, minute < 60, second < 61
        else { return nil }
        self.init(date: date, hour: hour, minute: minute, second: min(second, 59))
    }

    /// Seconds since 1970-01-01 00:00 of the same (unspecified) zone.
    public var secondsSinceEpoch: Int64 {
        Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// The wall-clock time `seconds` after 1970-01-01 00:00.
    public init(secondsSinceEpoch seconds: Int64) {
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        let rest = Int(seconds - days * 86_400)
        self.init(date: CalendarDate(daysSinceEpoch: Int(days)), hour: rest / 3600, minute: rest / 60 % 60, second: rest % 60)
    }

    /// ISO 8601 without an offset: `2026-04-03T09:15:00`.
    public var description: String {
        "\(date)T\(pad(hour)):\(pad(minute)):\(pad(second))"
    }

    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool {
        a.secondsSinceEpoch < b.secondsSinceEpoch
    }
}

/// An offset from UTC as EXIF's OffsetTime tags write it (`+07:00`).
public struct UTCOffset: Sendable, Hashable, Codable, CustomStringConvertible {
    public var seconds: Int

    public init(seconds: Int) {
        self.seconds = seconds
    }

    /// Western Indonesia Time (WIB), UTC+7, the zone all rules are judged in.
    public static let wib = UTCOffset(seconds: 7 * 3600)

    /// Parses `+HH:MM` or `-HH:MM` (also `Z`); nil for anything else, e.g. `   :  `.
    public init?(exif text: String) {
        let trimmed = text.trimmingSpaces
        if trimmed == "Z" {
            self.init(seconds: 0)
            return
        }
        let bytes = Array(trimmed.utf8)
        guard bytes.count == 6, bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-"),
              bytes[3] == UInt8(ascii: ":"),
              let hours = Int(String(decoding: bytes[1..<3], as: UTF8.self)),
              let minutes = Int(String(decoding: bytes[4..<6], as: UTF8.self)),
              hours <= 14, minutes < 60
        else { return nil }
        let sign = bytes[0] == UInt8(ascii: "-") ? -1 : 1
        self.init(seconds: sign * (hours * 3600 + minutes * 60))
    }

    /// `+07:00` style.
    public var description: String {
        let sign = seconds < 0 ? "-" : "+"
        let total = abs(seconds) / 60
        return "\(sign)\(pad(total / 60)):\(pad(total % 60))"
    }
}

/// A day of the Gregorian calendar.
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil for a day that does not exist (month 13, 31 April, 29 February 2026, year 0).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
              day <= CalendarDate.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The day `days` after 1970-01-01 (civil-from-days, proleptic Gregorian).
    public init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        month = m
        day = d
    }

    /// Days since 1970-01-01 (days-from-civil).
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day of the week.
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        let index = ((daysSinceEpoch % 7) + 7 + 4) % 7  // 0 = Sunday
        return Weekday.allCases[index]
    }

    /// The day `n` days later (earlier for negative `n`).
    public func adding(days n: Int) -> CalendarDate {
        CalendarDate(daysSinceEpoch: daysSinceEpoch + n)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        "\(year < 1000 ? String(repeating: "0", count: 4 - String(year).count) : "")\(year)-\(pad(month))-\(pad(day))"
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// A day of the week, Sunday first as in `CalendarDate.weekday`'s arithmetic.
public enum Weekday: String, Sendable, CaseIterable, Codable {
    case sunday, monday, tuesday, wednesday, thursday, friday, saturday

    /// Accepts English names and abbreviations and Indonesian names (`jumat`, `jum'at`, ...).
    public init?(name: String) {
        let key = name.lowercased().filter { $0.isLetter }
        let names: [String: Weekday] = [
            "sun": .sunday, "sunday": .sunday, "minggu": .sunday, "ahad": .sunday,
            "mon": .monday, "monday": .monday, "senin": .monday,
            "tue": .tuesday, "tues": .tuesday, "tuesday": .tuesday, "selasa": .tuesday,
            "wed": .wednesday, "wednesday": .wednesday, "rabu": .wednesday,
            "thu": .thursday, "thur": .thursday, "thurs": .thursday, "thursday": .thursday, "kamis": .thursday,
            "fri": .friday, "friday": .friday, "jumat": .friday,
            "sat": .saturday, "saturday": .saturday, "sabtu": .saturday,
        ]
        guard let day = names[key] else { return nil }
        self = day
    }
}

func pad(_ n: Int) -> String {
    n < 10 && n >= 0 ? "0\(n)" : "\(n)"
}

extension String {
    /// The string without leading and trailing spaces, NULs, tabs and newlines.
    var trimmingSpaces: String {
        func junk(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        let bytes = utf8
        guard let first = bytes.first, let last = bytes.last, junk(first) || junk(last) else { return self }
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, junk(bytes[start]) { start = bytes.index(after: start) }
        while end > start, junk(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        return String(self[start..<end])
    }
}
