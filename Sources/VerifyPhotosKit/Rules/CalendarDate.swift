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
