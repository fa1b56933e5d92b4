/// Why a photo is not simply `ok`. The raw values are the codes scripts see in the output.
public enum ReasonCode: String, Sendable, CaseIterable, Codable {
    case outsideRegency = "outside-regency"
    case nearBoundary = "near-boundary"
    case noGPS = "no-gps"
    case invalidGPS = "invalid-gps"
    case noCaptureTime = "no-capture-time"
    case stampOnly = "stamp-only"
    case stampMismatch = "stamp-mismatch"
    case wrongDate = "wrong-date"
    case notWFHDay = "not-wfh-day"
    case beforePolicyStart = "before-policy-start"
    case futureCaptureTime = "future-capture-time"
    case gpsTimeMismatch = "gps-time-mismatch"
    case conflictingMetadata = "conflicting-metadata"
    case invalidCaptureTime = "invalid-capture-time"
    case offsetMismatch = "offset-mismatch"
    case holiday
    case exemptEmployee = "exempt-employee"
    case notScheduled = "not-scheduled"
    case notInRoster = "not-in-roster"
    case noEmployee = "no-employee"
    case farFromHome = "far-from-home"
    case impossibleTravel = "impossible-travel"
    case duplicate
    case repeatedCoordinates = "repeated-coordinates"
    case edited

    /// Whether the reason alone makes a photo `flagged`; the others only ask for `review`.
    public var flags: Bool {
        switch self {
        case .nearBoundary, .stampOnly, .gpsTimeMismatch, .conflictingMetadata, .invalidCaptureTime, .offsetMismatch,
             .notInRoster, .noEmployee, .farFromHome, .impossibleTravel,
             .repeatedCoordinates, .edited: false
        default: true
        }
    }
}

/// The verdict on one photo, from best to worst.
public enum PhotoStatus: String, Sendable, CaseIterable, Codable, Comparable {
    /// Inside the boundary, on an allowed day, nothing odd.
    case ok
    /// Probably fine, but a person should look (near the boundary, clocks disagree).
    case review
    /// Evidence missing or against the rules.
    case flagged
    /// Not a photo that could be read.
    case unreadable

    /// The status that a set of reasons gives.
    public init(reasons: [ReasonCode]) {
        if reasons.contains(where: \.flags) {
            self = .flagged
        } else if !reasons.isEmpty {
            self = .review
        } else {
            self = .ok
        }
    }

    public static func < (a: PhotoStatus, b: PhotoStatus) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

extension [ReasonCode] {
    /// These reasons and `reason`, each once, in `ReasonCode` order (the order of every report).
    func adding(_ reason: ReasonCode) -> [ReasonCode] {
        guard !contains(reason) else { return self }
        let all = Set(self + [reason])
        return ReasonCode.allCases.filter(all.contains)
    }
}

extension PhotoStatus {
    /// The status once `reasons` apply: an unreadable photo stays unreadable.
    func with(reasons: [ReasonCode]) -> PhotoStatus {
        self == .unreadable ? .unreadable : PhotoStatus(reasons: reasons)
    }
}
