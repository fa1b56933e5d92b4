import ArgumentParser
import VerifyPhotosKit

// Option values parsed by ArgumentParser itself, as its own examples do: a value that does not
// parse is a usage error naming the option, before anything runs.

extension CalendarDate: ExpressibleByArgument {
    /// `YYYY-MM-DD`.
    public init?(argument: String) {
        self.init(iso: argument)
    }
}

extension Language: ExpressibleByArgument {
    /// `id` or `en` (also `id_ID.UTF-8` and the like: the first two letters count).
    public init?(argument: String) {
        self.init(rawValue: String(argument.prefix(2)).lowercased())
    }
}

/// `--date`: a day, or today or yesterday in WIB when the run starts.
enum RequiredDay: ExpressibleByArgument {
    case day(CalendarDate)
    case today
    case yesterday

    init?(argument: String) {
        switch argument.lowercased() {
        case "today", "hari-ini", "hariini": self = .today
        case "yesterday", "kemarin": self = .yesterday
        default:
            guard let day = CalendarDate(iso: argument) else { return nil }
            self = .day(day)
        }
    }

    /// The day meant, with today taken at `now` (seconds since 1970 UTC) in WIB.
    func date(now: Int64) -> CalendarDate {
        switch self {
        case .day(let day): day
        case .today: WIB.date(utcSeconds: now)
        case .yesterday: WIB.date(utcSeconds: now).adding(days: -1)
        }
    }
}

/// `--wfh-days`: weekdays, comma-separated, English or Indonesian names; at least one.
struct WeekdayList: ExpressibleByArgument {
    var days: Set<Weekday>

    init?(argument: String) {
        var days = Set<Weekday>()
        for name in argument.split(separator: ",") {
            guard let day = Weekday(name: String(name)) else { return nil }
            days.insert(day)
        }
        guard !days.isEmpty else { return nil }
        self.days = days
    }
}

/// `--max-clock-skew`: minutes, or a number with `s`, `m` or `h`.
struct ClockSkew: ExpressibleByArgument {
    var seconds: Int64

    init?(argument: String) {
        let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3600]
        var number = argument.lowercased()
        var unit: Int64 = 60
        if let last = number.last, let u = units[last] {
            unit = u
            number.removeLast()
        }
        guard let value = Double(number), value >= 0, value < 1e9 else { return nil }
        seconds = Int64(value * Double(unit))
    }
}

extension VerificationPolicy {
    /// The rules' defaults, for the options' help: set in one place, the policy.
    static let defaults = VerificationPolicy(nowUTCSeconds: 0)
}
