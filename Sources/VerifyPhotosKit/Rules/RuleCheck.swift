/// How one rule turned out for one photo.
public enum RuleOutcome: Sendable, Equatable {
    case pass, review, fail
    /// The rule could not be applied (no position to place, no second clock to compare).
    case notJudged
}

/// One rule applied to one photo: what it asked, the values and limits it used, and how it
/// turned out. A verdict is the list of its checks; a report renders them and judges nothing.
public struct RuleCheck: Sendable, Equatable {
    public var rule: Rule
    public var outcome: RuleOutcome
    /// The reason code a check that did not pass gives (nil for `pass` and `notJudged`).
    public var reason: ReasonCode?

    public init(_ rule: Rule, _ outcome: RuleOutcome, reason: ReasonCode? = nil) {
        self.rule = rule
        self.outcome = outcome
        self.reason = outcome == .pass || outcome == .notJudged ? nil : reason
    }

    /// A check that passes, or fails with `reason`.
    static func pass(_ rule: Rule, unless failed: Bool, _ reason: ReasonCode, outcome: RuleOutcome = .fail) -> RuleCheck {
        RuleCheck(rule, failed ? outcome : .pass, reason: reason)
    }
}

/// A rule with the facts it was decided on. A new rule is one new case here, one in
/// `PhotoVerifier` (or the run) that decides it, and one sentence in `Messages`.
public enum Rule: Sendable, Equatable {
    /// The photo records a GPS position at all.
    case hasPosition
    /// The recorded position decodes to a valid one (`problem` says why not).
    case validPosition(problem: GPSProblem?)
    /// The position is inside the area (`location` is nil without a valid position).
    case insideArea(areaName: String, location: Location?)
    /// Farther from the boundary than the margin: the tolerance plus the photo's GPS error.
    case clearOfBoundary(marginMetres: Double, distanceMetres: Double)
    /// At sea within `reachMetres` of the area's own coast with no other land nearer.
    case offshore(areaName: String, reachMetres: Double)
    /// The photo records a capture time.
    case hasCaptureTime
    /// Captured on the one day required (`--date`).
    case requiredDate(required: CalendarDate, captured: CalendarDate)
    /// Captured on an allowed work-from-home weekday.
    case workFromHomeDay(allowed: Set<Weekday>, captured: Weekday)
    /// Captured on or after the policy's first day.
    case policyStarted(start: CalendarDate, captured: CalendarDate)
    /// Captured no later than now plus the allowed clock skew.
    case notInFuture(captured: CaptureTime, nowUTCSeconds: Int64, allowedSkewSeconds: Int64)
    /// The camera's time offset is the standard time where the photo was taken.
    case offsetMatchesPlace(expected: UTCOffset, recorded: UTCOffset)
    /// Every date, time and offset written parses (`unparsed` lists those that do not).
    case validTimes(unparsed: [UnparsedValue])
    /// The other copies of the metadata in the file agree with the values judged.
    case copiesAgree(copies: [CopyComparison], unparsedPositions: [UnparsedValue], copiesLeftOut: Bool)
    /// The camera and GPS clocks are at most `limitSeconds` apart (`skewSeconds` nil: one is missing).
    case clocksAgree(limitSeconds: Int64, skewSeconds: Int64?)
    /// Captured on the day the upload folder is for.
    case submittedDay(submitted: CalendarDate, captured: CalendarDate)
    /// Not captured on a national holiday or cuti bersama (`covered` false: the calendar has no
    /// rows for that year, so it could not be told).
    case notAHoliday(captured: CalendarDate, holiday: Holiday?, covered: Bool)
    /// A roster was given, and the path names the employee.
    case employeeNamed
    /// The employee named by the path is on the roster.
    case inRoster(nip: String)
    /// The employee is not exempt from working from home (`exemption` says why they are), by
    /// the roster's row on `rosterLine`.
    case notExempt(rosterLine: Int, position: String?, exemption: Exemption?)
    /// The employee's group was due to work from home that day: by the schedule file's rows on
    /// `scheduleLines`, or (nil) by the rotation of the roster's groups.
    case scheduled(group: String?, day: CalendarDate, groupsDue: Set<String>, scheduleLines: [Int]?)
    /// Taken near the home the roster registers (point 1b: WFH happens at the domicile).
    case nearHome(home: RosterEntry.Home, distanceMetres: Double?, limitMetres: Double)
    /// Compared with `compared` other photos of the same employee for the same day: none is
    /// farther than `limitKmh` could cover in the time between (`impossible` lists those that are).
    case plausibleTravel(compared: Int, impossible: [TravelLeg], limitKmh: Double)
    /// No other photo shows the same picture across employees or days: `matches` are the
    /// first of the `matchCount` photos that do (or that one employee sent twice for one day);
    /// `threshold` is the perceptual hashes' largest distance for `similar`.
    case notReused(matches: [ReuseMatch], matchCount: Int, threshold: Int)
    /// No photo of another employee or day has exactly the same position (`repeats`: the first
    /// of `repeatCount` that do).
    case distinctCoordinates(repeats: [CoordinateRepeat], repeatCount: Int)
    /// The file shows no sign of an image or EXIF editor (`signs`: every sign found; only the
    /// kept ones count). `thumbnailCompared`: the main image was decoded to compare with the thumbnail.
    case unedited(signs: [EditSignFinding], thumbnailCompared: Bool)
    /// The stamp printed on the picture agrees with the EXIF position and time, and the
    /// kecamatan or kabupaten it names holds the judged position.
    case stampAgrees(StampComparison)
}

/// Which rule a check is of, without its facts: a stable name for scripts and tests.
public enum RuleID: String, Sendable, CaseIterable {
    case hasPosition = "has-position"
    case validPosition = "valid-position"
    case insideArea = "inside-area"
    case clearOfBoundary = "clear-of-boundary"
    case offshore
    case hasCaptureTime = "has-capture-time"
    case requiredDate = "required-date"
    case workFromHomeDay = "work-from-home-day"
    case policyStarted = "policy-started"
    case notInFuture = "not-in-future"
    case offsetMatchesPlace = "offset-matches-place"
    case validTimes = "valid-times"
    case copiesAgree = "copies-agree"
    case clocksAgree = "clocks-agree"
    case submittedDay = "submitted-day"
    case notAHoliday = "not-a-holiday"
    case employeeNamed = "employee-named"
    case inRoster = "in-roster"
    case notExempt = "not-exempt"
    case scheduled
    case nearHome = "near-home"
    case plausibleTravel = "plausible-travel"
    case notReused = "not-reused"
    case distinctCoordinates = "distinct-coordinates"
    case unedited
    case stampAgrees = "stamp-agrees"
}

extension Rule {
    public var id: RuleID {
        switch self {
        case .hasPosition: .hasPosition
        case .validPosition: .validPosition
        case .insideArea: .insideArea
        case .clearOfBoundary: .clearOfBoundary
        case .offshore: .offshore
        case .hasCaptureTime: .hasCaptureTime
        case .requiredDate: .requiredDate
        case .workFromHomeDay: .workFromHomeDay
        case .policyStarted: .policyStarted
        case .notInFuture: .notInFuture
        case .offsetMatchesPlace: .offsetMatchesPlace
        case .validTimes: .validTimes
        case .copiesAgree: .copiesAgree
        case .clocksAgree: .clocksAgree
        case .submittedDay: .submittedDay
        case .notAHoliday: .notAHoliday
        case .employeeNamed: .employeeNamed
        case .inRoster: .inRoster
        case .notExempt: .notExempt
        case .scheduled: .scheduled
        case .nearHome: .nearHome
        case .plausibleTravel: .plausibleTravel
        case .notReused: .notReused
        case .distinctCoordinates: .distinctCoordinates
        case .unedited: .unedited
        case .stampAgrees: .stampAgrees
        }
    }

    /// Whether the rule is decided across photos, after each photo was judged alone (a state
    /// keeps the verdict these change).
    var acrossPhotos: Bool {
        switch self {
        case .plausibleTravel, .notReused, .distinctCoordinates: true
        default: false
        }
    }

    /// The disagreeing copies: those farther apart than allowed, positions that do not parse,
    /// and the copies beyond the reader's limit.
    var disagreeingCopies: Int {
        guard case .copiesAgree(let copies, let unparsed, let leftOut) = self else { return 0 }
        return copies.filter(\.disagrees).count + unparsed.count + (leftOut ? 1 : 0)
    }
}
