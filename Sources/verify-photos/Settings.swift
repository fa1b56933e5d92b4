import VerifyPhotosKit

/// The command's options turned into the library's policy, boundary and language.
struct Settings {
    var verifier: PhotoVerifier
    var messages: Messages

    init(_ command: VerifyPhotosCommand) throws {
        guard let chosen = Settings.language(command) else {
            throw ConfigurationError("--lang must be id or en, not \(Settings.languageName(command))")
        }
        messages = Messages(language: chosen)

        var policy = VerificationPolicy(nowUTCSeconds: try Settings.now(command.now))
        policy.toleranceMetres = command.toleranceMetres
        if let date = command.date {
            policy.requiredDate = try Settings.date(date, now: policy.nowUTCSeconds)
        }
        var days = Set<Weekday>()
        for name in command.wfhDays.split(separator: ",") {
            guard let day = Weekday(name: String(name)) else {
                throw ConfigurationError("--wfh-days: \(name) is not a day of the week (e.g. friday or jumat)")
            }
            days.insert(day)
        }
        if days.isEmpty { throw ConfigurationError("--wfh-days needs at least one day") }
        policy.wfhDays = days
        guard let start = CalendarDate(iso: command.policyStart) else {
            throw ConfigurationError("--policy-start must be a date as YYYY-MM-DD, not \(command.policyStart)")
        }
        policy.policyStart = start
        policy.maxClockSkewSeconds = try Settings.seconds(command.maxClockSkew)

        let boundary: Boundary
        do throws(BoundaryError) {
            if let path = command.boundary {
                boundary = try Boundary.load(path: path)
            } else {
                boundary = try Boundary.bangkaBarat()
            }
        } catch {
            throw ConfigurationError(messages.describe(error))
        }
        verifier = PhotoVerifier(boundary: boundary, policy: policy)
    }

    /// `--lang`, else `$VERIFY_PHOTOS_LANG`, else Indonesian; nil when the name is neither.
    static func language(_ command: VerifyPhotosCommand) -> Language? {
        Language(rawValue: String(languageName(command).prefix(2)).lowercased())
    }

    private static func languageName(_ command: VerifyPhotosCommand) -> String {
        command.lang ?? getenv("VERIFY_PHOTOS_LANG").map { String(cString: $0) } ?? "id"
    }

    /// `--now` (ISO 8601 with offset or Z) for reproducible runs; the clock otherwise.
    static func now(_ text: String?) throws -> Int64 {
        guard let text else { return Int64(time(nil)) }
        var local = text
        var offset = UTCOffset(seconds: 0)
        if local.hasSuffix("Z") {
            local.removeLast()
        } else if local.count > 6, let parsed = UTCOffset(exif: String(local.suffix(6))) {
            offset = parsed
            local.removeLast(6)
        }
        guard let time = LocalDateTime(exif: local) else {
            throw ConfigurationError("--now must look like 2026-04-03T09:00:00+07:00, not \(text)")
        }
        return time.secondsSinceEpoch - Int64(offset.seconds)
    }

    static func date(_ text: String, now: Int64) throws -> CalendarDate {
        let today = WIB.date(utcSeconds: now)
        switch text.lowercased() {
        case "today", "hari-ini", "hariini": return today
        case "yesterday", "kemarin": return today.adding(days: -1)
        default:
            guard let date = CalendarDate(iso: text) else {
                throw ConfigurationError("--date must be YYYY-MM-DD, today or yesterday, not \(text)")
            }
            return date
        }
    }

    static func seconds(_ text: String) throws -> Int64 {
        let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3600]
        var number = text.lowercased()
        var unit: Int64 = 60
        if let last = number.last, let u = units[last] {
            unit = u
            number.removeLast()
        }
        guard let value = Double(number), value >= 0, value < 1e9 else {
            throw ConfigurationError("--max-clock-skew must be minutes or a number with s, m or h, not \(text)")
        }
        return Int64(value * Double(unit))
    }
}
