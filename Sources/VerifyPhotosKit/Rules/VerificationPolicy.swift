/// The rules a photo is judged by: where, when, and how much slack.
public struct VerificationPolicy: Sendable {
    /// When set, the capture date (WIB) must be exactly this day (`--date`); the weekday and
    /// policy-start rules are then not applied.
    public var requiredDate: CalendarDate?
    /// Days on which working from home is allowed (`--wfh-days`); Friday under the circular letter.
    public var wfhDays: Set<Weekday> = [.friday]
    /// First day of the policy (`--policy-start`): circular letter 800/61/BKPSDMD/2026.
    public var policyStart = CalendarDate(daysSinceEpoch: 20545)  // 2026-04-02
    /// Distance from the boundary within which a photo needs a person (`--tolerance-m`),
    /// widened by the photo's own GPSHPositioningError.
    public var toleranceMetres = 200.0
    /// How far off its own coast a point at sea still asks for a person rather than a flag
    /// (the Muntok ferry jetty, houses on stilts), when no other land is nearer.
    public var offshoreReachMetres = 1000.0
    /// Largest allowed difference between the GPS clock and the camera clock (`--max-clock-skew`).
    public var maxClockSkewSeconds: Int64 = 600
    /// Who is due on which day: roster, schedule, holidays, and how upload paths are read.
    public var staff = StaffPlan()
    /// Whether the checks of the picture itself run: reused pictures, repeated coordinates,
    /// signs of editing. `--metadata-only` turns them off for quick looks (each file is then
    /// read only as far as its metadata).
    public var checksIntegrity = true
    /// Largest Hamming distance between the 64-bit perceptual hashes of the same picture
    /// re-encoded or resized (`similar`); measured in the README.
    public var similarityThreshold = 8
    /// Whether each photo's main image is decoded too (`--compare-thumbnails`), to catch a
    /// picture swapped under its original EXIF thumbnail (`thumbnail-differs`). Costs about
    /// 60 ms a 12-megapixel JPEG, so it is off by default; the EXIF thumbnail is hashed always.
    public var comparesThumbnails = false
    /// Which photos are read for a date-and-place stamp printed on the picture (`--read-stamps`):
    /// by default only those whose EXIF lacks a usable position or capture time, so that photos
    /// with EXIF GPS never pay for OCR.
    public var readStamps = StampPolicy.missing
    /// How far apart the EXIF position and a stamp's may be before they disagree
    /// (`stamp-mismatch`), plus the photo's GPS error: stamps print the phone's own fix, often
    /// rounded or taken a little earlier.
    public var stampAgreementMetres = 1000.0
    /// How OCR of stamps is bounded (the picture's size, the time per photo).
    public var stampReader = StampReader()
    /// The current time (seconds since 1970 UTC), for `future-capture-time`.
    public var nowUTCSeconds: Int64

    public init(nowUTCSeconds: Int64) {
        self.nowUTCSeconds = nowUTCSeconds
    }
}

/// Which photos are read for a printed stamp (`--read-stamps`).
public enum StampPolicy: String, Sendable, CaseIterable {
    /// Every JPEG photo, also to compare the stamp with the EXIF values (`stamp-mismatch`).
    case always
    /// Only photos without a usable EXIF position or capture time (the default).
    case missing
    /// None: no OCR at all.
    case never
}

extension VerificationPolicy {
    /// Whether a photo with this metadata is read for a stamp.
    func wantsStamp(_ metadata: PhotoMetadata) -> Bool {
        switch readStamps {
        case .always: true
        case .never: false
        case .missing: metadata.gps.position == nil || CaptureTime(metadata) == nil
        }
    }
}
