/// A span of days, both ends included (`--period START..END`).
public struct DateRange: Sendable, Equatable {
    public var first: CalendarDate
    public var last: CalendarDate

    public init(first: CalendarDate, last: CalendarDate) {
        self.first = first
        self.last = last
    }

    /// Parses `YYYY-MM-DD..YYYY-MM-DD`; nil when either end is no day or the end comes first.
    public init?(text: String) {
        guard let dots = text.firstRange(of: ".."), let first = CalendarDate(iso: String(text[..<dots.lowerBound])),
              let last = CalendarDate(iso: String(text[dots.upperBound...])), first <= last else { return nil }
        self.init(first: first, last: last)
    }

    public func contains(_ day: CalendarDate) -> Bool { first <= day && day <= last }

    /// Every day of the range, in order.
    public var days: [CalendarDate] {
        (0...(last.daysSinceEpoch - first.daysSinceEpoch)).map(first.adding)
    }
}

/// What the ledger keeps of one photo: who sent it, for which day, and how it came out.
public struct LedgerPhoto: Sendable, Equatable {
    public var path: String
    public var nip: String
    /// The day the upload folder is for, else the capture day (WIB).
    public var day: CalendarDate
    public var status: PhotoStatus
    public var reasons: [ReasonCode]

    public init(path: String, nip: String, day: CalendarDate, status: PhotoStatus, reasons: [ReasonCode]) {
        self.path = path
        self.nip = nip
        self.day = day
        self.status = status
        self.reasons = reasons
    }

    /// Nil for a photo whose path names no employee, or with no day to put it on.
    public init?(_ result: PhotoResult) {
        guard let nip = result.submission.employee?.digits,
              let day = result.submission.submittedFor ?? result.verdict.captureTime?.wib.date else { return nil }
        self.init(path: result.path, nip: nip, day: day, status: result.verdict.status, reasons: result.verdict.reasons)
    }
}

/// How an employee's WFH day came out: the worst of that day's photos, or `missing`.
public enum LedgerOutcome: String, Sendable, CaseIterable {
    case ok, review, flagged, unreadable
    /// Due to work from home that day, and nothing was sent.
    case missing

    init(_ status: PhotoStatus) {
        switch status {
        case .ok: self = .ok
        case .review: self = .review
        case .flagged: self = .flagged
        case .unreadable: self = .unreadable
        }
    }
}

/// One employee on one WFH day on which they were due, or sent something.
public struct LedgerRow: Sendable, Equatable {
    public var nip: String
    /// From the roster; nil for a NIP the roster lacks (or without a roster).
    public var name: String?
    public var unit: String?
    public var date: CalendarDate
    /// Whether the employee was due to work from home that day (roster, schedule, holidays).
    public var due: Bool
    public var outcome: LedgerOutcome
    /// Every reason of that day's photos, in `ReasonCode` order.
    public var reasons: [ReasonCode]
    public var photos: [String]
}

/// The answer to the personnel office's question (point 8 of the circular letter): who was
/// due to work from home on which day of a period, and did each of them comply.
///
/// Due means: on the roster, not exempt, a WFH weekday from the policy's start that is no
/// holiday, and the employee's group scheduled that day (by `--schedule`, else by the rotation
/// of the roster's groups). A roster without groups and without a schedule makes every
/// employee who is not exempt due on every WFH day.
public struct Ledger: Sendable, Equatable {
    /// The days covered; nil when no photo fell on a WFH day and no period was given.
    public let period: DateRange?
    /// By date, then NIP.
    public let rows: [LedgerRow]
    /// What the per-unit summary needs, kept from the build (`units` works it out when asked).
    private let policy: VerificationPolicy
    private let workingDays: [CalendarDate]
    private let dueByDay: [CalendarDate: Set<String>]

    /// The rows of employees who were due and sent nothing.
    public var missing: [LedgerRow] { rows.filter { $0.outcome == .missing } }

    /// Builds the ledger of `photos` under `policy` (its roster, schedule and holidays) over
    /// `period`, by default the first to the last WFH day among the photos' days.
    public init(photos: [LedgerPhoto], policy: VerificationPolicy, period: DateRange? = nil) {
        let staff = policy.staff
        let isWFHDay = { (day: CalendarDate) in policy.wfhDays.contains(day.weekday) }
        let period = period ?? Ledger.period(of: photos, wfhDays: policy.wfhDays)
        self.period = period
        self.policy = policy
        guard let period else {
            rows = []
            workingDays = []
            dueByDay = [:]
            return
        }
        var byEmployeeDay: [LedgerKey: [LedgerPhoto]] = [:]
        for photo in photos where isWFHDay(photo.day) && period.contains(photo.day) {
            byEmployeeDay[LedgerKey(nip: photo.nip, day: photo.day), default: []].append(photo)
        }
        let due = Ledger.dueEmployees(policy: policy, days: period.days.filter(isWFHDay))
        var keys = Set(byEmployeeDay.keys)
        for (day, nips) in due.byDay { for nip in nips { keys.insert(LedgerKey(nip: nip, day: day)) } }

        var rows: [LedgerRow] = []
        rows.reserveCapacity(keys.count)
        for key in keys {
            let entry = staff.roster?.entry(nip: key.nip)
            let isDue = due.byDay[key.day]?.contains(key.nip) ?? false
            let sent = byEmployeeDay[key] ?? []
            let outcome = sent.map(\.status).max().map(LedgerOutcome.init) ?? .missing
            let failed = Set(sent.flatMap(\.reasons))
            rows.append(LedgerRow(nip: key.nip, name: entry?.name, unit: entry?.unit, date: key.day, due: isDue, outcome: outcome,
                                  reasons: ReasonCode.allCases.filter(failed.contains), photos: sent.map(\.path).sorted()))
        }
        rows.sort { ($0.date, $0.nip) < ($1.date, $1.nip) }
        self.rows = rows
        workingDays = due.workingDays
        dueByDay = due.byDay
    }

    /// Per unit and working WFH day, for the 50% rule (point 5a); empty without a roster.
    public var units: [UnitDay] {
        Ledger.unitDays(rows: rows, policy: policy, days: workingDays, dueByDay: dueByDay)
    }

    public static func == (a: Ledger, b: Ledger) -> Bool {
        a.period == b.period && a.rows == b.rows && a.workingDays == b.workingDays && a.dueByDay == b.dueByDay
    }

    /// The default period: the first to the last WFH day among the photos' days.
    public static func period(of photos: [LedgerPhoto], wfhDays: Set<Weekday>) -> DateRange? {
        var first: CalendarDate?, last: CalendarDate?
        for photo in photos where wfhDays.contains(photo.day.weekday) {
            if first.map({ photo.day < $0 }) ?? true { first = photo.day }
            if last.map({ photo.day > $0 }) ?? true { last = photo.day }
        }
        guard let first, let last else { return nil }
        return DateRange(first: first, last: last)
    }

    private struct LedgerKey: Hashable {
        var nip: String
        var day: CalendarDate
    }

    /// Per working WFH day of `days`, the NIPs due that day.
    private static func dueEmployees(policy: VerificationPolicy, days: [CalendarDate])
        -> (byDay: [CalendarDate: Set<String>], workingDays: [CalendarDate]) {
        let staff = policy.staff
        let working = days.filter { $0 >= policy.policyStart && staff.holidays.holiday(on: $0) == nil }
        guard let roster = staff.roster else { return ([:], working) }
        let taking = roster.entries.filter { roster.exemption(of: $0) == nil }
        var byDay: [CalendarDate: Set<String>] = [:]
        for day in working {
            if staff.schedule == nil && roster.groups.isEmpty {
                byDay[day] = Set(taking.map(\.nip))
            } else if let groups = staff.groupsDue(on: day, policy: policy)?.groups {
                byDay[day] = Set(taking.filter { $0.group.map(groups.contains) ?? false }.map(\.nip))
            }
        }
        return (byDay, working)
    }

    private static func unitDays(rows: [LedgerRow], policy: VerificationPolicy, days: [CalendarDate],
                                 dueByDay: [CalendarDate: Set<String>]) -> [UnitDay] {
        guard let roster = policy.staff.roster else { return [] }
        let byUnit = Dictionary(grouping: roster.entries) { $0.unit ?? "" }
        let rowsByDay = Dictionary(grouping: rows, by: \.date)
        var result: [UnitDay] = []
        for day in days {
            let due = dueByDay[day] ?? []
            let dayRows = Dictionary(uniqueKeysWithValues: (rowsByDay[day] ?? []).map { ($0.nip, $0) })
            for unit in byUnit.keys.sorted() {
                let staff = byUnit[unit] ?? []
                var tally = UnitDay(unit: unit.isEmpty ? nil : unit, date: day, staff: staff.count)
                for entry in staff {
                    if roster.exemption(of: entry) != nil { tally.exempt += 1 }
                    if due.contains(entry.nip) { tally.scheduled += 1 }
                    guard let row = dayRows[entry.nip] else { continue }
                    if row.outcome == .missing { tally.missing += 1 } else { tally.submitted += 1 }
                    if row.outcome == .ok { tally.ok += 1 }
                }
                result.append(tally)
            }
        }
        return result
    }

    /// Each employee's days over the period, for the two-monthly evaluation, by NIP.
    public var employees: [EmployeeTally] {
        var tallies: [String: EmployeeTally] = [:]
        var order: [String] = []
        for row in rows {
            if tallies[row.nip] == nil {
                tallies[row.nip] = EmployeeTally(nip: row.nip, name: row.name, unit: row.unit)
                order.append(row.nip)
            }
            tallies[row.nip]?.add(row)
        }
        return order.sorted().compactMap { tallies[$0] }
    }
}

/// One employee over a ledger's period.
public struct EmployeeTally: Sendable, Equatable {
    public var nip: String
    public var name: String?
    public var unit: String?
    public var daysDue = 0
    /// Days (due or not) by outcome.
    public var ok = 0, review = 0, flagged = 0, unreadable = 0, missing = 0
    /// Days the employee sent photos without being due.
    public var sentWhenNotDue = 0

    mutating func add(_ row: LedgerRow) {
        if row.due { daysDue += 1 } else { sentWhenNotDue += 1 }
        switch row.outcome {
        case .ok: ok += 1
        case .review: review += 1
        case .flagged: flagged += 1
        case .unreadable: unreadable += 1
        case .missing: missing += 1
        }
    }
}

/// One unit (unit_kerja) on one working WFH day: who is in it, who was due, who sent what.
public struct UnitDay: Sendable, Equatable {
    /// Nil for roster rows without a unit.
    public var unit: String?
    public var date: CalendarDate
    public var staff: Int
    public var exempt = 0
    /// Employees due to work from home that day.
    public var scheduled = 0
    public var submitted = 0
    public var ok = 0
    public var missing = 0

    /// The share of the unit's employees who take part in the rotation (not exempt) that were
    /// due to work from home; nil when everyone is exempt.
    public var wfhShare: Double? {
        staff > exempt ? Double(scheduled) / Double(staff - exempt) : nil
    }

    /// More than half of those in the rotation were due (rounded up): against point 5a's 50%.
    public var overHalf: Bool {
        scheduled > (staff - exempt + 1) / 2
    }
}
