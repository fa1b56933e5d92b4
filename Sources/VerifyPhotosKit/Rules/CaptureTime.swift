/// Where a photo's capture time came from.
public enum CaptureTimeSource: String, Sendable, Codable {
    case dateTimeOriginal = "datetime_original"
    case createDate = "create_date"
    case gpsTime = "gps_time"
    /// The date and time printed on the picture by a camera app, read by OCR.
    case stamp
}

/// The moment a photo was taken, as judged: the camera's clock converted with its recorded
/// offset (taken as WIB when it recorded none), or the GPS clock when the camera's is missing.
public struct CaptureTime: Sendable, Equatable {
    /// Seconds since 1970-01-01 00:00 UTC.
    public var utcSeconds: Int64
    public var source: CaptureTimeSource
    /// The offset the camera recorded; nil means none was recorded and WIB was assumed.
    public var recordedOffset: UTCOffset?

    /// The capture time of `metadata`, or nil when it records none. With `preferGPSClock`
    /// (the camera's clock is in doubt) the GPS clock is used when the photo has one.
    public init?(_ metadata: PhotoMetadata, preferGPSClock: Bool = false) {
        self.init(original: metadata.dateTimeOriginal, originalOffset: metadata.offsetTimeOriginal,
                  created: metadata.createDate, createdOffset: metadata.offsetTimeDigitized,
                  gps: metadata.gps.utcTime, preferGPSClock: preferGPSClock)
    }

    /// The capture time another copy of the metadata states (camera clock first, as above;
    /// a copy's CreateDate is already in WIB).
    init?(_ copy: MetadataCopy) {
        self.init(original: copy.dateTimeOriginal, originalOffset: copy.offsetTimeOriginal,
                  created: copy.createDate, createdOffset: nil, gps: copy.gpsTime, preferGPSClock: false)
    }

    /// The one fallback chain: DateTimeOriginal, else CreateDate, else the GPS clock (first
    /// when `preferGPSClock`).
    private init?(original: LocalDateTime?, originalOffset: UTCOffset?, created: LocalDateTime?, createdOffset: UTCOffset?,
                  gps: LocalDateTime?, preferGPSClock: Bool) {
        if preferGPSClock, let gps {
            self.init(local: gps, offset: UTCOffset(seconds: 0), source: .gpsTime)
        } else if let original {
            self.init(local: original, offset: originalOffset, source: .dateTimeOriginal)
        } else if let created {
            self.init(local: created, offset: createdOffset, source: .createDate)
        } else if let gps {
            self.init(local: gps, offset: UTCOffset(seconds: 0), source: .gpsTime)
        } else {
            return nil
        }
    }

    private init(local: LocalDateTime, offset: UTCOffset?, source: CaptureTimeSource) {
        let applied = offset ?? .wib
        utcSeconds = local.secondsSinceEpoch - Int64(applied.seconds)
        self.source = source
        recordedOffset = offset
    }

    /// The wall-clock time in WIB.
    public var wib: LocalDateTime {
        WIB.localTime(utcSeconds: utcSeconds)
    }

    /// ISO 8601 in WIB with its offset: `2026-04-03T09:15:00+07:00`.
    public var wibISO8601: String {
        "\(wib)\(UTCOffset.wib)"
    }
}

/// Western Indonesia Time, the zone of Bangka Barat, in which every date rule is judged: UTC+7
/// all year (no daylight saving; its value since 1964, Keppres 41/1987). A constant, not the
/// system's tzdata, which FoundationEssentials does not read.
public enum WIB {
    /// The WIB wall-clock time of an instant.
    static func localTime(utcSeconds: Int64) -> LocalDateTime {
        LocalDateTime(secondsSinceEpoch: utcSeconds + Int64(UTCOffset.wib.seconds))
    }

    /// Today's date in WIB at `utcSeconds`.
    public static func date(utcSeconds: Int64) -> CalendarDate {
        localTime(utcSeconds: utcSeconds).date
    }
}

/// A UTC wall-clock time as ISO 8601: `2026-04-03T02:15:00Z`.
func iso8601UTC(_ time: LocalDateTime) -> String {
    "\(time)Z"
}

extension GPSReading {
    /// The GPS time as ISO 8601 UTC with its fraction of a second, up to milliseconds
    /// (`2026-04-03T02:15:05.5Z`); nil without a GPS time.
    public var utcTimeISO8601: String? {
        guard let utcTime else { return nil }
        guard let fraction = utcTimeFraction, fraction > 0 else { return iso8601UTC(utcTime) }
        var digits = String(Int((fraction * 1000).rounded(.down)))
        digits = String(repeating: "0", count: max(0, 3 - digits.count)) + digits
        while digits.last == "0" { digits.removeLast() }
        return digits.isEmpty ? iso8601UTC(utcTime) : "\(utcTime).\(digits)Z"
    }
}
