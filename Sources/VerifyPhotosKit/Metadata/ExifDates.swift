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
