/// The judgement on one photo, with the facts each rule was decided on, so that a report can
/// explain every outcome without judging again.
public struct Verdict: Sendable, Equatable {
    public var status: PhotoStatus
    /// Every reason that applies, in the order of `ReasonCode.allCases`.
    public var reasons: [ReasonCode]
    /// Where the GPS position is relative to the boundary (nil without a valid position).
    public var location: Location?
    /// The near-boundary margin applied: tolerance plus the photo's GPS error, in metres.
    public var boundaryMarginMetres: Double
    /// The judged capture time (nil without one).
    public var captureTime: CaptureTime?
    /// Camera clock minus GPS clock, in seconds, when both are recorded.
    public var clockSkewSeconds: Int64?
    /// At sea off the area's own coast, within `VerificationPolicy.offshoreReachMetres` and
    /// nearer to it than to other land: `near-boundary`, not `outside-regency`.
    public var offshore = false
    /// The standard offset where the photo was taken, when the camera recorded an offset that
    /// differs from it (`offset-mismatch`).
    public var expectedOffset: UTCOffset?
    /// How each other copy of the metadata compares with the values judged.
    public var copies: [CopyComparison] = []

    /// The reason codes as one comma-separated text, as the state stores them.
    public var reasonList: String {
        reasons.map(\.rawValue).joined(separator: ",")
    }

    /// A verdict for a file that could not be read at all.
    public static let unreadable = Verdict(status: .unreadable, reasons: [], location: nil,
                                           boundaryMarginMetres: 0, captureTime: nil, clockSkewSeconds: nil)
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

    public init(path: String, metadata: PhotoMetadata?, verdict: Verdict, error: PhotoError?) {
        self.path = path
        self.metadata = metadata
        self.verdict = verdict
        self.error = error
    }
}
