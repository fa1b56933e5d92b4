/// Who is due to work from home on which day, and how an upload names the employee and the day:
/// the roster, the schedule (or the rotation of the roster's groups), the holidays.
public struct StaffPlan: Sendable {
    /// National holidays and cuti bersama: no working day, so no one is due (`--holidays` extends them).
    public var holidays = HolidayCalendar.embedded
    /// How the NIP and the day submitted for are read from a photo's path.
    public var uploadPaths = UploadPathRules()
    /// The civil servants whose photos are checked (`--roster`); nil: employees are not checked.
    public var roster: Roster?
    /// Which groups work from home on which day (`--schedule`); nil: the roster's groups rotate.
    public var schedule: WFHSchedule?
    /// How far from the registered home a photo may be taken (`--max-home-distance-km`).
    public var maxHomeDistanceMetres = 2000.0
    /// Fastest plausible travel between two photos of one employee for one day (`impossible-travel`).
    public var maxTravelSpeedKmh = 150.0

    public init() {}

    /// What the path of a photo says about who sent it and for which day.
    public func submission(for path: PhotoPath) -> Submission {
        let facts = uploadPaths.read(path)
        let row = facts.employee.flatMap { roster?.row(nip: $0.digits) }
        return Submission(employee: facts.employee, submittedFor: facts.submittedFor, rosterEntry: row?.entry,
                          exemption: row?.exemption, pathWarnings: facts.warnings)
    }

    /// The groups due to work from home on `day`, and the lines of the schedule file's rows
    /// that say so (nil: the rotation); nil when no one's group can be told (no roster groups,
    /// or no WFH day).
    func groupsDue(on day: CalendarDate, policy: VerificationPolicy) -> (groups: Set<String>, scheduleLines: [Int]?)? {
        if let schedule { return (schedule.groups(on: day), schedule.lines(on: day)) }
        guard let roster, !roster.groups.isEmpty else { return nil }
        // Roster.groups is in rotation order already.
        return WFHSchedule.turn(order: roster.groups, firstDay: policy.policyStart, wfhDays: policy.wfhDays, holidays: holidays,
                                on: day).map { (roster.groupSets[$0] ?? [$0], nil) }
    }
}

/// Who sent a photo and for which day, as its upload path says, with the roster's row for them.
public struct Submission: Sendable, Equatable {
    public var employee: EmployeeNumber?
    /// The day the upload folder is for; the capture date must be that day.
    public var submittedFor: CalendarDate?
    public var rosterEntry: RosterEntry?
    /// Why the roster's row exempts the employee from working from home (nil: it does not).
    public var exemption: Exemption?
    /// What in the path looked wrong (a PPPK number, a second NIP, an impossible date).
    public var pathWarnings: [UploadPathWarning]

    public init(employee: EmployeeNumber? = nil, submittedFor: CalendarDate? = nil, rosterEntry: RosterEntry? = nil,
                exemption: Exemption? = nil, pathWarnings: [UploadPathWarning] = []) {
        self.employee = employee
        self.submittedFor = submittedFor
        self.rosterEntry = rosterEntry
        self.exemption = exemption
        self.pathWarnings = pathWarnings
    }
}
