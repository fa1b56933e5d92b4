/// A position in WGS 84 degrees.
public struct GeoPoint: Sendable, Hashable, Codable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }
}

/// Why the GPS position tags of a photo cannot be trusted; any of these means `invalid-gps`.
public enum GPSProblem: Sendable, Equatable, Codable {
    /// A rational with a zero denominator.
    case zeroDenominator
    /// Latitude or longitude tags of the wrong type or count, or only one of the two present.
    case malformed
    /// GPSLatitudeRef/GPSLongitudeRef missing.
    case missingReference
    /// A reference other than N/S or E/W.
    case unknownReference(String)
    /// Latitude beyond ±90° or longitude beyond ±180°.
    case outOfRange
    /// Exactly (0, 0): what phones write when they had no fix.
    case nullIsland
    /// GPSStatus says V (void): the receiver had no valid fix.
    case voidStatus
}

/// What the GPS IFD says, as numbers decoded from the raw rationals.
public struct GPSReading: Sendable, Equatable, Codable {
    /// Whether a GPS IFD with at least one entry exists.
    public var present = false
    /// The position as decoded, even when `problem` says it is not to be trusted (e.g. (0, 0)
    /// or status V); nil when it could not be decoded at all.
    public var decodedPosition: GeoPoint?
    /// Why the position is not valid; nil when it is (or when there is none).
    public var problem: GPSProblem?
    /// Metres above sea level (negative below).
    public var altitude: Double?
    /// GPSHPositioningError in metres.
    public var horizontalError: Double?
    /// GPSDateStamp + GPSTimeStamp: a wall-clock time in UTC.
    public var utcTime: LocalDateTime?
    /// GPSStatus: `A` (active) or `V` (void).
    public var status: String?

    public init() {}

    /// The position when it is valid.
    public var position: GeoPoint? {
        problem == nil ? decodedPosition : nil
    }

    /// Whether latitude/longitude tags exist at all (absent means `no-gps`).
    public var hasPositionTags: Bool {
        decodedPosition != nil || problem != nil
    }
}

/// Everything read from one photo's metadata: plain values, no judgement.
public struct PhotoMetadata: Sendable, Equatable, Codable {
    /// The container the content is (not the extension).
    public var format: ContainerFormat
    /// Whether the file has an EXIF block that could be parsed.
    public var hasExif = false
    /// Whether an EXIF block was found but libexif could make nothing of it.
    public var exifDamaged = false
    public var gps = GPSReading()
    /// DateTimeOriginal as recorded.
    public var dateTimeOriginal: LocalDateTime?
    /// The raw DateTimeOriginal text when it is present but not a usable date.
    public var unusableDateTimeOriginal: String?
    /// CreateDate (DateTimeDigitized), the fallback when DateTimeOriginal is absent.
    public var createDate: LocalDateTime?
    /// OffsetTimeOriginal.
    public var offsetTimeOriginal: UTCOffset?
    /// OffsetTimeDigitized, which goes with CreateDate.
    public var offsetTimeDigitized: UTCOffset?
    /// SubSecTimeOriginal, as text.
    public var subSecTimeOriginal: String?
    public var make: String?
    public var model: String?
    public var software: String?
    /// UserComment (iOS writes "Screenshot" into screenshots), without its character-code prefix.
    public var userComment: String?
    /// libjpeg's reason when the image itself cannot be decoded (the metadata may still be
    /// there, but the file is not a photo anyone can look at).
    public var imageDamage: String?
    /// Pixel size from the image header, when it was read.
    public var pixelWidth: Int?
    public var pixelHeight: Int?

    public init(format: ContainerFormat) {
        self.format = format
    }
}
