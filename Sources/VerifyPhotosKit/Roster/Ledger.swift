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

    /// Adds a reason found after the photo's row was written; the status follows.
    mutating func add(_ reason: ReasonCode) {
        reasons = reasons.adding(reason)
        status = status.with(reasons: reasons)
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
    /// The photos of the period's WFH days, and for each employee and day the first of them;
    /// `nextSent` links each to the next of the same employee and day (-1: none). A list per
    /// key would cost an allocation per photo.
    private let photos: [LedgerPhoto]
    private let sent: [LedgerKey: Int]
    private let nextSent: [Int]
    /// The NIPs due on each working WFH day of the period.
    private let dueByDay: [CalendarDate: Set<String>]
    /// The working WFH days of the period: from the policy's start, no holiday.
    private let workingDays: [CalendarDate]
    private let policy: VerificationPolicy
    private let roster: Roster?

    /// Builds the ledger of `photos` under `policy` (its roster, schedule and holidays) over
    /// `period`, by default the first to the last WFH day among the photos' days. Only who sent
    /// what and who was due are worked out here; the rows when asked for (a run that only names
    /// the missing employees never builds them).
    public init(photos: [LedgerPhoto], policy: VerificationPolicy, period: DateRange? = nil) {
        let period = period ?? Ledger.period(of: photos, policy: policy)
        self.period = period
        self.policy = policy
        roster = policy.staff.roster
        let kept = period.map { period in photos.filter { policy.wfhDays.contains($0.day.weekday) && period.contains($0.day) } } ?? []
        var sent: [LedgerKey: Int] = [:]
        sent.reserveCapacity(kept.count)
        var nextSent = [Int](repeating: -1, count: kept.count)
        for (index, photo) in kept.enumerated().reversed() {
            let key = LedgerKey(nip: photo.nip, day: photo.day)
            if let first = sent[key] { nextSent[index] = first }
            sent[key] = index
        }
        self.photos = kept
        self.sent = sent
        self.nextSent = nextSent
        let due = Ledger.dueEmployees(policy: policy, days: period?.days.filter { policy.wfhDays.contains($0.weekday) } ?? [])
        dueByDay = due.byDay
        workingDays = due.workingDays
    }

    /// One row per employee and WFH day on which they were due or sent something, by date, then NIP.
    public var rows: [LedgerRow] {
        let ledger = self
        return parallelMap(sortedKeys) { _, key in ledger.row(key) }
    }

    /// The employees and days of the rows, in row order.
    var sortedKeys: [LedgerKey] {
        (Array(sent.keys) + missingKeys).sorted(by: LedgerKey.precedes)
    }

    /// The rows of employees who were due and sent nothing, by date, then NIP.
    public var missing: [LedgerRow] {
        missingKeys.sorted(by: LedgerKey.precedes).map(row)
    }

    /// Each employee and day that was due and has no photo, in no order.
    private var missingKeys: [LedgerKey] {
        var keys: [LedgerKey] = []
        for (day, nips) in dueByDay {
            for nip in nips where sent[LedgerKey(nip: nip, day: day)] == nil { keys.append(LedgerKey(nip: nip, day: day)) }
        }
        return keys
    }

    func row(_ key: LedgerKey) -> LedgerRow {
        let entry = roster?.entry(nip: key.nip)
        var photos: [LedgerPhoto] = []
        var next = sent[key] ?? -1
        while next >= 0 {
            photos.append(self.photos[next])
            next = nextSent[next]
        }
        var worst: PhotoStatus?
        for photo in photos where worst.map({ photo.status > $0 }) ?? true { worst = photo.status }
        let outcome = worst.map(LedgerOutcome.init) ?? .missing
        var reasons = photos.first?.reasons ?? []
        if photos.count > 1 {
            let failed = Set(photos.flatMap(\.reasons))
            reasons = ReasonCode.allCases.filter(failed.contains)
        }
        return LedgerRow(nip: key.nip, name: entry?.name, unit: entry?.unit, date: key.day,
                         due: dueByDay[key.day]?.contains(key.nip) ?? false, outcome: outcome,
                         reasons: reasons, photos: photos.count > 1 ? photos.map(\.path).sorted() : photos.map(\.path))
    }

    /// Per unit and working WFH day, for the 50% rule (point 5a); empty without a roster.
    public var units: [UnitDay] { units(of: rows) }

    /// `units` from the ledger's `rows`, already built.
    func units(of rows: [LedgerRow]) -> [UnitDay] {
        Ledger.unitDays(rows: rows, policy: policy, days: workingDays, dueByDay: dueByDay)
    }

    public static func == (a: Ledger, b: Ledger) -> Bool {
        a.period == b.period && a.photos == b.photos && a.workingDays == b.workingDays && a.dueByDay == b.dueByDay
    }

    /// The default period: the first to the last WFH day among the photos' days, counting only
    /// days from the policy's start to today (WIB). A day comes from a folder name, which the
    /// people checked choose: a folder `9999-12-31` must not stretch the ledger over millennia.
    public static func period(of photos: [LedgerPhoto], policy: VerificationPolicy) -> DateRange? {
        let possible = DateRange(first: policy.policyStart, last: WIB.date(utcSeconds: policy.nowUTCSeconds))
        var first: CalendarDate?, last: CalendarDate?
        for photo in photos where policy.wfhDays.contains(photo.day.weekday) && possible.contains(photo.day) {
            if first.map({ photo.day < $0 }) ?? true { first = photo.day }
            if last.map({ photo.day > $0 }) ?? true { last = photo.day }
        }
        guard let first, let last else { return nil }
        return DateRange(first: first, last: last)
    }

    struct LedgerKey: Hashable, Sendable {
        let nip: String
        let day: CalendarDate
        /// The order of rows, as numbers (sorting 100,000 keys by text took a quarter of a second).
        private let order: (day: Int, nip: UInt64)

        init(nip: String, day: CalendarDate) {
            self.nip = nip
            self.day = day
            order = (day.daysSinceEpoch, UInt64(nip) ?? 0)
        }

        /// By day, then NIP.
        static func precedes(_ a: LedgerKey, _ b: LedgerKey) -> Bool {
            if a.order != b.order { return a.order < b.order }
            return a.nip.utf8.lexicographicallyPrecedes(b.nip.utf8)
        }

        static func == (a: LedgerKey, b: LedgerKey) -> Bool { a.nip == b.nip && a.day == b.day }
        func hash(into hasher: inout Hasher) {
            hasher.combine(nip)
            hasher.combine(day)
        }
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
    public var employees: [EmployeeTally] { Ledger.employees(of: rows) }

    /// `employees` from the ledger's `rows`, already built.
    static func employees(of rows: [LedgerRow]) -> [EmployeeTally] {
        var tallies: [String: EmployeeTally] = [:]
        for row in rows {
            tallies[row.nip, default: EmployeeTally(nip: row.nip, name: row.name, unit: row.unit)].add(row)
        }
        return tallies.keys.sorted().compactMap { tallies[$0] }
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
