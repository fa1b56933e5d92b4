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
    /// GPSDateStamp + GPSTimeStamp: a wall-clock time in UTC (whole seconds).
    public var utcTime: LocalDateTime?
    /// The fraction of a second GPSTimeStamp adds to `utcTime` (0 ..< 1), when it has one.
    public var utcTimeFraction: Double?
    /// GPSStatus: `A` (active) or `V` (void).
    public var status: String?
    /// GPSDateStamp and GPSTimeStamp as written, when both are present but do not make a time.
    public var unparsedTime: UnparsedValue?

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

/// A value that is present in a photo but does not parse, kept as written.
public struct UnparsedValue: Sendable, Equatable, Codable {
    /// The tag's name, as ExifTool names it (`DateTimeOriginal`).
    public var tag: String
    /// The text as written (not UTF-8 bytes become U+FFFD).
    public var raw: String

    public init(tag: String, raw: String) {
        self.tag = tag
        self.raw = raw
    }

    /// The EXIF tags of the camera's own clock, as `ExifReading` names them.
    static let cameraClockTags: Set<String> = ["DateTimeOriginal", "CreateDate", "OffsetTimeOriginal", "OffsetTimeDigitized"]

    /// Whether the value is the camera's clock (not the GPS clock, not an XMP copy): when it
    /// does not parse, the camera clock is in doubt and the GPS clock is judged instead.
    public var isCameraClock: Bool { UnparsedValue.cameraClockTags.contains(tag) }
}

/// Where in a file a copy of its metadata was found.
public enum MetadataCopySource: Sendable, Equatable, Codable {
    /// EXIF block `index` (1-based) of `count` in the file (two JPEG APP1 segments, two WebP
    /// chunks, two HEIC Exif items for the primary image, ...).
    case exifBlock(index: Int, count: Int)
    /// Copy `index` (1-based) of `count` of tags repeated inside one EXIF block (a duplicated
    /// tag, a second GPS or Exif IFD, DateTimeOriginal in IFD0 as well).
    case repeatedTags(index: Int, count: Int)
    /// XMP packet `index` (1-based).
    case xmp(index: Int)
}

/// What one other copy of a photo's metadata says about where and when it was taken.
public struct MetadataCopy: Sendable, Equatable, Codable {
    public var source: MetadataCopySource
    /// The position when it decodes to a valid one.
    public var position: GeoPoint?
    public var dateTimeOriginal: LocalDateTime?
    public var offsetTimeOriginal: UTCOffset?
    public var createDate: LocalDateTime?
    /// GPS date and time, UTC.
    public var gpsTime: LocalDateTime?

    public init(source: MetadataCopySource) {
        self.source = source
    }

    /// The values of an EXIF copy read like the primary one.
    init(source: MetadataCopySource, metadata m: PhotoMetadata) {
        self.source = source
        position = m.gps.position
        dateTimeOriginal = m.dateTimeOriginal
        offsetTimeOriginal = m.offsetTimeOriginal
        createDate = m.createDate
        gpsTime = m.gps.utcTime
    }

    /// Whether the copy states anything this tool judges.
    var isEmpty: Bool {
        position == nil && dateTimeOriginal == nil && createDate == nil && gpsTime == nil
    }
}

/// Traces that software other than the camera wrote a file, besides EXIF's Software and
/// ModifyDate: what XMP packets and Photoshop's resource block say.
public struct EditTraces: Sendable, Equatable, Codable {
    /// xmp:CreatorTool of the first XMP packet that names one.
    public var xmpCreatorTool: String?
    /// Whether an XMP packet holds an editing history (`xmpMM:History`, under any prefix bound to
    /// Adobe's media management namespace: old packets say `xapMM:`).
    public var hasXMPHistory = false
    /// The last `stEvt:softwareAgent` of that history: the software that saved the file last.
    public var xmpHistoryAgent: String?
    /// Whether an XMP packet declares the `photoshop:` namespace.
    public var hasPhotoshopNamespace = false
    /// Whether the file has a Photoshop image resource block: a JPEG APP13 segment
    /// "Photoshop 3.0", or TIFF tag 0x8649 in IFD0.
    public var hasPhotoshopBlock = false

    public init() {}

    /// Adds what another XMP packet shows; the first CreatorTool and history agent found stay.
    mutating func add(_ other: EditTraces) {
        xmpCreatorTool = xmpCreatorTool ?? other.xmpCreatorTool
        if !hasXMPHistory { xmpHistoryAgent = other.xmpHistoryAgent }
        hasXMPHistory = hasXMPHistory || other.hasXMPHistory
        hasPhotoshopNamespace = hasPhotoshopNamespace || other.hasPhotoshopNamespace
        hasPhotoshopBlock = hasPhotoshopBlock || other.hasPhotoshopBlock
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
    /// Dates, times and offsets that are present but do not parse, as written
    /// (`invalid-capture-time`): never replaced quietly by another tag.
    public var unparsedTimes: [UnparsedValue] = []
    /// Positions in other copies (XMP) that are present but do not parse, as written.
    public var unparsedPositions: [UnparsedValue] = []
    /// CreateDate (DateTimeDigitized), the fallback when DateTimeOriginal is absent.
    public var createDate: LocalDateTime?
    /// ModifyDate (IFD0 DateTime): when the file was last written, by the camera or by an
    /// editor. Nil when absent or when it does not parse (it is no capture time).
    public var modifyDate: LocalDateTime?
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
    /// What the file's other copies of its metadata say (a second EXIF block, repeated tags,
    /// XMP). The values above are the last EXIF copy, as ExifTool shows them.
    public var otherCopies: [MetadataCopy] = []
    /// More EXIF blocks or XMP packets than are read (`MetadataBlocks.maxCopies`) were found.
    public var copiesLeftOut = false
    /// What the file shows of software other than the camera, for `EditSigns`. Not optional, so
    /// that a reading stored by an older version (without it) does not decode and is read again.
    public var editTraces = EditTraces()

    public init(format: ContainerFormat) {
        self.format = format
    }
}
