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

    /// Parses EXIF's `YYYY:MM:DD HH:MM:SS` (see `parse(exif:)`); nil when absent or invalid.
    public init?(exif text: String) {
        guard case .value(let time) = LocalDateTime.parse(exif: text) else { return nil }
        self = time
    }

    /// Parses EXIF's `YYYY:MM:DD HH:MM:SS` exactly: 19 characters (trailing NULs and spaces
    /// aside), `:` or `-` between date parts (some phones write `-`), a space or `T` before the
    /// time. Blank, all-zero or colons-only values are EXIF's "unknown": absent. Anything else
    /// that is not such a date (a leading space, hour 24, `/`, trailing text) is invalid.
    public static func parse(exif text: String) -> ExifField<LocalDateTime> {
        var bytes = Array(text.utf8)
        while let last = bytes.last, last == 0 || last == 0x20 { bytes.removeLast() }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "-") }) {
            return .absent
        }
        guard bytes.count == 19 else { return .invalid }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for b in bytes[range] {
                guard b >= 0x30, b <= 0x39 else { return nil }
                value = value * 10 + Int(b - 0x30)
            }
            return value
        }
        guard bytes[4] == UInt8(ascii: ":") || bytes[4] == UInt8(ascii: "-"), bytes[7] == bytes[4],
              bytes[10] == UInt8(ascii: " ") || bytes[10] == UInt8(ascii: "T"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              let date = CalendarDate(year: year, month: month, day: day),
              hour < 24, minute < 60, second < 61
        else { return .invalid }
        return .value(LocalDateTime(date: date, hour: hour, minute: minute, second: min(second, 59)))
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

/// A date, time or offset field of EXIF: not there (or EXIF's blank "unknown"), a value, or
/// text that is not such a value (kept by the caller, so that it is never dropped silently).
public enum ExifField<Value> {
    case absent
    case value(Value)
    case invalid
}

/// An offset from UTC as EXIF's OffsetTime tags write it (`+07:00`).
public struct UTCOffset: Sendable, Hashable, Codable, CustomStringConvertible {
    public var seconds: Int

    public init(seconds: Int) {
        self.seconds = seconds
    }

    /// Western Indonesia Time (WIB), UTC+7, the zone all rules are judged in.
    public static let wib = UTCOffset(seconds: 7 * 3600)

    /// Parses `+HH:MM` or `-HH:MM` (see `parse(exif:)`); nil when absent or invalid.
    public init?(exif text: String) {
        guard case .value(let offset) = UTCOffset.parse(exif: text) else { return nil }
        self = offset
    }

    /// Parses EXIF's OffsetTime `+HH:MM` or `-HH:MM`: digits only, between -12:00 and +14:00,
    /// minutes 00, 30 or 45 (the offsets in use). Blank (`   :  `) is absent; anything else
    /// (`+-9:00`, `+07:10`, `+15:00`, `Z`) is invalid.
    public static func parse(exif text: String) -> ExifField<UTCOffset> {
        var bytes = Array(text.utf8)
        while let last = bytes.last, last == 0 || last == 0x20 { bytes.removeLast() }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == UInt8(ascii: ":") }) { return .absent }
        let digit = { (b: UInt8) in b >= 0x30 && b <= 0x39 }
        guard bytes.count == 6, bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-"),
              digit(bytes[1]), digit(bytes[2]), bytes[3] == UInt8(ascii: ":"), digit(bytes[4]), digit(bytes[5])
        else { return .invalid }
        let hours = Int(bytes[1] - 0x30) * 10 + Int(bytes[2] - 0x30)
        let minutes = Int(bytes[4] - 0x30) * 10 + Int(bytes[5] - 0x30)
        let sign = bytes[0] == UInt8(ascii: "-") ? -1 : 1
        let seconds = sign * (hours * 3600 + minutes * 60)
        guard [0, 30, 45].contains(minutes), seconds >= -12 * 3600, seconds <= 14 * 3600 else { return .invalid }
        return .value(UTCOffset(seconds: seconds))
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
