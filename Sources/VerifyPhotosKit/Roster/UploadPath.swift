/// Why `--employee-pattern` or `--date-pattern` cannot be used: the person must rewrite it.
public struct UploadPathError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Option: String, Sendable {
        case employeePattern = "--employee-pattern"
        case datePattern = "--date-pattern"
    }

    public enum Problem: Equatable, Sendable {
        /// Swift's `Regex` cannot read the pattern; its message.
        case doesNotCompile(String)
        /// The named groups the pattern needs and lacks.
        case missingGroups([String])
    }

    public var option: Option
    public var pattern: String
    public var problem: Problem

    public var description: String {
        let quoted = "\(option.rawValue) '\(pattern)'"
        switch (problem, option) {
        case (.doesNotCompile(let reason), _):
            return "\(quoted) is not a regular expression (Swift Regex syntax): \(reason)"
        case (.missingGroups, .employeePattern):
            return "\(quoted) has no group named nip: write the part that is the employee number as (?<nip>...), "
                + "e.g. '(?:^|[^0-9])(?<nip>[0-9]{18})(?![0-9])'"
        case (.missingGroups(let missing), .datePattern) where missing.count == 3:
            return "\(quoted) has no group named date: write the day (YYYY-MM-DD or YYYYMMDD) as (?<date>...), "
                + "e.g. '(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})', or its parts as (?<year>...), (?<month>...) and (?<day>...)"
        case (.missingGroups(let missing), .datePattern):
            return "\(quoted) has no group named \(missing.joined(separator: " or ")): give all of (?<year>...), "
                + "(?<month>...) and (?<day>...), or the whole day as (?<date>...)"
        }
    }
}

/// Something in an upload path a reviewer should see beside the employee and the day read from it.
public enum UploadPathWarning: Sendable, Hashable {
    /// The employee number is an NI PPPK: digits 9–14 are a year and the PPPK code, not a month.
    case pppkNumber(EmployeeNumber)
    /// An 18-digit number after the employee number used (or with none used) that is not a
    /// plausible one, and its first flaw: a mistyped NIP leaves the photo without its employee.
    case implausibleNumber(String, EmployeeNumber.Flaw)
    /// Another employee number earlier in the path than the one used: whose photo is it?
    case otherEmployee(EmployeeNumber)
    /// A `YYYY-MM-DD` after the day used (or with none used) that is no real day.
    case impossibleDate(String)
    /// Another day earlier in the path than the one used.
    case otherDate(CalendarDate)

    /// A fixed name for scripts and report fields.
    public var code: String {
        switch self {
        case .pppkNumber: "pppk-number"
        case .implausibleNumber: "implausible-number"
        case .otherEmployee: "other-employee"
        case .impossibleDate: "impossible-date"
        case .otherDate: "other-date"
        }
    }
}

/// Whose photo a path says it is and for which day, as the upload tree (`DATE/NIP/photo.jpg`) tells.
public struct UploadPathFacts: Sendable, Hashable {
    public var employee: EmployeeNumber?
    public var submittedFor: CalendarDate?
    public var warnings: [UploadPathWarning]

    public init(employee: EmployeeNumber? = nil, submittedFor: CalendarDate? = nil, warnings: [UploadPathWarning] = []) {
        self.employee = employee
        self.submittedFor = submittedFor
        self.warnings = warnings
    }
}

/// How the employee and the day are read from an upload path. Only the path's text is read,
/// never the file system, so relative and absolute paths read alike.
///
/// Built in: the employee is the last run of exactly 18 ASCII digits that is a plausible NIP or
/// NI PPPK (`EmployeeNumber`); the day is the last folder named `YYYY-MM-DD` that is a
/// real day. A NIP has no hyphens, so its birth date is never taken for the day.
///
/// A pattern replaces a rule. It is matched against the whole path (bytes that are not UTF-8
/// read as U+FFFD), so it may span folders (`(?<year>[0-9]{4})/(?<month>[0-9]{2})/(?<day>[0-9]{2})/`),
/// and the last match that reads wins. Swift's `Regex` has no lookbehind: to keep `[0-9]{18}`
/// out of longer numbers write `(?:^|[^0-9])(?<nip>[0-9]{18})(?![0-9])`.
public struct UploadPathRules: Sendable {
    private let employeeRegex: CompiledPattern?
    private let dateRegex: CompiledPattern?

    /// `--employee-pattern`, or nil for the built-in rule.
    public var employeePattern: String? { employeeRegex?.source }
    /// `--date-pattern`, or nil for the built-in rule.
    public var datePattern: String? { dateRegex?.source }

    /// The built-in rules.
    public init() {
        employeeRegex = nil
        dateRegex = nil
    }

    /// `employeePattern` needs a group named `nip`: its text, without spaces, dots and hyphens,
    /// must be ASCII digits; 18 that are no plausible NIP are still taken, with a warning.
    /// `datePattern` needs a group named `date` (`YYYYMMDD`, or `YYYY-MM-DD` with any one
    /// separator) or groups named `year` (4 digits), `month` and `day` (1 or 2 digits).
    public init(employeePattern: String?, datePattern: String?) throws(UploadPathError) {
        employeeRegex = try employeePattern.map { pattern throws(UploadPathError) in
            try CompiledPattern(pattern, option: .employeePattern)
        }
        dateRegex = try datePattern.map { pattern throws(UploadPathError) in
            try CompiledPattern(pattern, option: .datePattern)
        }
    }

    /// The employee whose photo `path` holds, or nil when the path names none.
    public func employee(in path: String) -> EmployeeNumber? {
        var picker = Picker<EmployeeNumber>(warnings: nil, other: UploadPathWarning.otherEmployee)
        findEmployee(in: path, with: &picker)
        return picker.chosen
    }

    /// The day the photo at `path` was submitted for, or nil when the path names no real day.
    public func submittedFor(in path: String) -> CalendarDate? {
        var picker = Picker<CalendarDate>(warnings: nil, other: UploadPathWarning.otherDate)
        findDay(in: path, with: &picker)
        return picker.chosen
    }

    /// The employee, the day and what else in the path a reviewer should see.
    public func read(_ path: String) -> UploadPathFacts {
        var employees = Picker<EmployeeNumber>(warnings: [], other: UploadPathWarning.otherEmployee)
        findEmployee(in: path, with: &employees)
        var days = Picker<CalendarDate>(warnings: employees.warnings, other: UploadPathWarning.otherDate)
        findDay(in: path, with: &days)
        return UploadPathFacts(employee: employees.chosen, submittedFor: days.chosen, warnings: days.warnings ?? [])
    }

    /// `read` for a path's exact bytes; bytes that are not UTF-8 are never digits, hyphens or slashes.
    public func read(_ path: PhotoPath) -> UploadPathFacts {
        read(String(decoding: path.bytes, as: UTF8.self))
    }

    private func findEmployee(in path: String, with picker: inout Picker<EmployeeNumber>) {
        if let employeeRegex {
            for match in path.matches(of: employeeRegex.regex).reversed() {
                guard let captured = match.output["nip"]?.substring,
                      let candidate = UploadPathRules.employee(matched: captured)
                else { continue }
                guard picker.offer(candidate) else { return }
            }
        } else {
            withUTF8(path) { UploadPathRules.scanEmployees($0, with: &picker) }
        }
    }

    private func findDay(in path: String, with picker: inout Picker<CalendarDate>) {
        if let dateRegex {
            for match in path.matches(of: dateRegex.regex).reversed() {
                guard let candidate = UploadPathRules.day(matched: match) else { continue }
                guard picker.offer(candidate) else { return }
            }
        } else {
            withUTF8(path) { UploadPathRules.scanDays($0, with: &picker) }
        }
    }

    private static func scanEmployees(_ bytes: UnsafeBufferPointer<UInt8>, with picker: inout Picker<EmployeeNumber>) {
        var end = bytes.count
        while let run = digitRun(in: bytes, endingBefore: end) {
            end = run.lowerBound
            guard run.count == 18 else { continue }
            let candidate: Candidate<EmployeeNumber>
            switch EmployeeNumber.check(bytes: UnsafeBufferPointer(rebasing: bytes[run])) {
            case .success(let number):
                candidate = .value(number, note: number.kind == .pppk ? .pppkNumber(number) : nil)
            case .failure(let flaw):
                candidate = .rejected(.implausibleNumber(String(decoding: bytes[run], as: UTF8.self), flaw))
            }
            guard picker.offer(candidate) else { return }
        }
    }

    private static func scanDays(_ bytes: UnsafeBufferPointer<UInt8>, with picker: inout Picker<CalendarDate>) {
        let hyphen = UInt8(ascii: "-"), slash = UInt8(ascii: "/")
        var end = bytes.count
        while let day = digitRun(in: bytes, endingBefore: end) {
            end = day.lowerBound
            let start = day.lowerBound - 8
            // A folder named for the day: a date in a file name (Telegram, screenshots) says
            // when the file was saved, not which day it was submitted for.
            guard day.count == 2, start >= 0, start == 0 || bytes[start - 1] == slash,
                  day.upperBound < bytes.count, bytes[day.upperBound] == slash,
                  bytes[start + 4] == hyphen, bytes[start + 7] == hyphen,
                  bytes[start..<(start + 4)].allSatisfy(isASCIIDigit),
                  bytes[(start + 5)..<(start + 7)].allSatisfy(isASCIIDigit)
            else { continue }
            let year = decimalValue(bytes[start..<(start + 4)]), month = decimalValue(bytes[(start + 5)..<(start + 7)])
            let candidate: Candidate<CalendarDate> = CalendarDate(year: year, month: month, day: decimalValue(bytes[day]))
                .map { .value($0, note: nil) }
                ?? .rejected(.impossibleDate(String(decoding: bytes[start..<day.upperBound], as: UTF8.self)))
            guard picker.offer(candidate) else { return }
        }
    }

    /// The `nip` group's text as a number: spaces, dots and hyphens (`19850315 201001 1 002`)
    /// dropped, the rest ASCII digits; nil for anything else.
    private static func employee(matched text: Substring) -> Candidate<EmployeeNumber>? {
        var digits: [UInt8] = []
        for byte in text.utf8 where byte != UInt8(ascii: " ") && byte != UInt8(ascii: ".") && byte != UInt8(ascii: "-") {
            guard isASCIIDigit(byte) else { return nil }
            digits.append(byte)
        }
        guard !digits.isEmpty else { return nil }
        let unchecked = EmployeeNumber(unchecked: String(decoding: digits, as: UTF8.self))
        switch digits.withUnsafeBufferPointer(EmployeeNumber.check(bytes:)) {
        case .success(let number): return .value(number, note: number.kind == .pppk ? .pppkNumber(number) : nil)
        case .failure(.length): return .value(unchecked, note: nil)
        case .failure(let flaw): return .value(unchecked, note: .implausibleNumber(unchecked.digits, flaw))
        }
    }

    /// The day a `--date-pattern` match names; nil when its groups took part in no match.
    private static func day(matched match: Regex<AnyRegexOutput>.Match) -> Candidate<CalendarDate>? {
        var date: CalendarDate?
        if let text = match.output["date"]?.substring {
            let groups = text.utf8.split(omittingEmptySubsequences: false) { !isASCIIDigit($0) }
            switch groups.map(\.count) {
            case [4, 2, 2]:
                date = CalendarDate(year: decimalValue(groups[0]), month: decimalValue(groups[1]), day: decimalValue(groups[2]))
            case [8]:
                let all = decimalValue(groups[0])
                date = CalendarDate(year: all / 10_000, month: all / 100 % 100, day: all % 100)
            default:
                break
            }
            return date.map { .value($0, note: nil) } ?? .rejected(.impossibleDate(String(text)))
        }
        guard let year = match.output["year"]?.substring, let month = match.output["month"]?.substring,
              let day = match.output["day"]?.substring
        else { return nil }
        if year.utf8.count == 4, (1...2).contains(month.utf8.count), (1...2).contains(day.utf8.count),
           [year, month, day].allSatisfy({ $0.utf8.allSatisfy(isASCIIDigit) }) {
            date = CalendarDate(year: decimalValue(year.utf8), month: decimalValue(month.utf8), day: decimalValue(day.utf8))
        }
        return date.map { .value($0, note: nil) } ?? .rejected(.impossibleDate(String(match.output[0].substring ?? "")))
    }
}

/// A compiled pattern. `Regex` is not `Sendable`, but matching only reads it: its one lazily
/// built part, the lowered program, is published once through an atomic compare-and-swap.
private final class CompiledPattern: @unchecked Sendable {
    let source: String
    let regex: Regex<AnyRegexOutput>

    init(_ pattern: String, option: UploadPathError.Option) throws(UploadPathError) {
        do {
            regex = try Regex(pattern)
        } catch {
            throw UploadPathError(option: option, pattern: pattern, problem: .doesNotCompile("\(error)"))
        }
        source = pattern
        let missing: [String]
        switch option {
        case .employeePattern:
            missing = regex.contains(captureNamed: "nip") ? [] : ["nip"]
        case .datePattern:
            missing = regex.contains(captureNamed: "date") ? [] : ["year", "month", "day"].filter { !regex.contains(captureNamed: $0) }
        }
        guard missing.isEmpty else {
            throw UploadPathError(option: option, pattern: pattern, problem: .missingGroups(missing))
        }
    }
}

/// One reading found in a path, offered from the path's end.
private enum Candidate<Value> {
    /// A usable value, and what to tell when it is the one used.
    case value(Value, note: UploadPathWarning?)
    /// A reading that cannot be used, and what to tell when nothing after it was used.
    case rejected(UploadPathWarning)
}

/// Keeps the first usable candidate offered (the path's last) and, when `warnings` is not nil,
/// what the reviewer should see about the others.
private struct Picker<Value: Equatable> {
    private(set) var chosen: Value?
    private(set) var warnings: [UploadPathWarning]?
    let other: (Value) -> UploadPathWarning

    init(warnings: [UploadPathWarning]?, other: @escaping (Value) -> UploadPathWarning) {
        self.warnings = warnings
        self.other = other
    }

    /// False once later candidates can change nothing.
    mutating func offer(_ candidate: Candidate<Value>) -> Bool {
        switch candidate {
        case .value(let value, let note):
            if let chosen {
                if value != chosen { warn(other(value)) }
            } else {
                chosen = value
                if let note { warn(note) }
            }
        case .rejected(let warning):
            if chosen == nil { warn(warning) }
        }
        return chosen == nil || warnings != nil
    }

    private mutating func warn(_ warning: UploadPathWarning) {
        if warnings?.contains(warning) == false { warnings?.append(warning) }
    }
}

/// The maximal run of ASCII digits that ends last before `end`.
private func digitRun(in bytes: UnsafeBufferPointer<UInt8>, endingBefore end: Int) -> Range<Int>? {
    var upper = end
    while upper > 0, !isASCIIDigit(bytes[upper - 1]) { upper -= 1 }
    guard upper > 0 else { return nil }
    var lower = upper - 1
    while lower > 0, isASCIIDigit(bytes[lower - 1]) { lower -= 1 }
    return lower..<upper
}

private func withUTF8<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    text.utf8.withContiguousStorageIfAvailable(body) ?? Array(text.utf8).withUnsafeBufferPointer(body)
}
