/// The judgement on one photo: every rule's check with the facts it was decided on, so that
/// a report can explain every outcome without judging again.
public struct Verdict: Sendable, Equatable {
    public var status: PhotoStatus
    /// Every reason that applies (the checks that did not pass), in the order of `ReasonCode.allCases`.
    public var reasons: [ReasonCode]
    /// Each rule applied, in the order an explanation lists them.
    public var checks: [RuleCheck]
    /// Where the GPS position is relative to the boundary (nil without a valid position).
    public var location: Location?
    /// The judged capture time (nil without one).
    public var captureTime: CaptureTime?
    /// What most likely happened to a missing or unusable position, to tell the employee.
    public var hint: EvidenceHint?
    /// What the stamp printed on the picture says, when it was read (whether or not it is a stamp).
    public var stamp: StampText?
    /// Where the judged position came from: EXIF, or the stamp when EXIF has no position tags.
    public var positionSource: EvidenceSource?

    /// The verdict the checks give: their reasons, and the status those reasons give.
    public init(checks: [RuleCheck], location: Location? = nil, captureTime: CaptureTime? = nil, hint: EvidenceHint? = nil) {
        let failed = Set(checks.compactMap(\.reason))
        reasons = ReasonCode.allCases.filter(failed.contains)
        status = PhotoStatus(reasons: reasons)
        self.checks = checks
        self.location = location
        self.captureTime = captureTime
        self.hint = hint
    }

    /// The reason codes as one comma-separated text, as the state stores them.
    public var reasonList: String {
        reasons.map(\.rawValue).joined(separator: ",")
    }

    /// The check of `rule`, if that rule was applied.
    public func check(_ rule: RuleID) -> RuleCheck? {
        checks.first { $0.rule.id == rule }
    }

    /// How each other copy of the metadata compares with the values judged.
    public var copies: [CopyComparison] {
        if case .copiesAgree(let copies, _, _)? = check(.copiesAgree)?.rule { return copies }
        return []
    }

    /// A verdict for a file that could not be read at all.
    public static var unreadable: Verdict {
        var verdict = Verdict(checks: [])
        verdict.status = .unreadable
        return verdict
    }
}

/// One other copy of a photo's metadata held against the values judged.
public struct CopyComparison: Sendable, Equatable {
    public var copy: MetadataCopy
    /// Metres between its position and the judged one, when both have one.
    public var distanceMetres: Double?
    /// Its capture time minus the judged one, in seconds, when both have one.
    public var timeDifferenceSeconds: Int64?
    /// Its capture date (WIB), when it differs from the judged one.
    public var otherDay: CalendarDate?
    /// Whether it disagrees: farther apart than the tolerance, another day, or further apart in
    /// time than the allowed clock skew.
    public var disagrees: Bool
}

/// Everything known about one file after verification: a plain value that every report
/// format is written from.
public struct PhotoResult: Sendable {
    /// The path as given or found while walking folders.
    public var path: String
    /// What was read; nil when the file could not be read at all.
    public var metadata: PhotoMetadata?
    public var verdict: Verdict
    /// Why the file is `unreadable`.
    public var error: PhotoError?
    /// Who sent it and for which day, as its path says.
    public var submission: Submission
    /// The picture's digests and perceptual hashes, for the reuse checks (nil with
    /// `--metadata-only` or for an unreadable file).
    public var fingerprint: PhotoFingerprint?

    public init(path: String, metadata: PhotoMetadata?, verdict: Verdict, error: PhotoError?, submission: Submission = Submission(),
                fingerprint: PhotoFingerprint? = nil) {
        self.path = path
        self.metadata = metadata
        self.verdict = verdict
        self.error = error
        self.submission = submission
        self.fingerprint = fingerprint
    }
}
