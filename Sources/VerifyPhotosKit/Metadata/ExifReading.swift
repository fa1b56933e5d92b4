import CExif

/// Tag numbers read by this tool (EXIF 2.32 / CIPA DC-008).
enum ExifTagNumber {
    static let make: UInt32 = 0x010F
    static let model: UInt32 = 0x0110
    static let software: UInt32 = 0x0131
    static let modifyDate: UInt32 = 0x0132
    static let photoshopResources: UInt32 = 0x8649
    static let dateTimeOriginal: UInt32 = 0x9003
    static let createDate: UInt32 = 0x9004
    static let offsetTimeOriginal: UInt32 = 0x9011
    static let offsetTimeDigitized: UInt32 = 0x9012
    static let subSecTimeOriginal: UInt32 = 0x9291
    static let userComment: UInt32 = 0x9286
    static let gpsLatitudeRef: UInt32 = 0x0001
    static let gpsLatitude: UInt32 = 0x0002
    static let gpsLongitudeRef: UInt32 = 0x0003
    static let gpsLongitude: UInt32 = 0x0004
    static let gpsAltitudeRef: UInt32 = 0x0005
    static let gpsAltitude: UInt32 = 0x0006
    static let gpsTimeStamp: UInt32 = 0x0007
    static let gpsStatus: UInt32 = 0x0009
    static let gpsDateStamp: UInt32 = 0x001D
    static let gpsHPositioningError: UInt32 = 0x001F
}

extension PhotoMetadata {
    /// Fills the EXIF-derived values from a parsed EXIF block. A date, time or offset that is
    /// present but does not parse is kept in `unparsedTimes`, never dropped silently.
    mutating func read(_ exif: some ExifTagSource) {
        typealias T = ExifTagNumber
        hasExif = true
        make = exif.text(T.make, in: .image)
        model = exif.text(T.model, in: .image)
        software = exif.text(T.software, in: .image)
        modifyDate = exif.text(T.modifyDate, in: .image).flatMap(LocalDateTime.init(exif:))
        if exif.contains(T.photoshopResources, in: .image) { editTraces.hasPhotoshopBlock = true }

        func parsed<Value>(_ tag: UInt32, _ name: String, _ parse: (String) -> ExifField<Value>) -> Value? {
            guard let raw = exif.text(tag, in: .exif) else { return nil }
            switch parse(raw) {
            case .absent: return nil
            case .value(let value): return value
            case .invalid:
                unparsedTimes.append(UnparsedValue(tag: name, raw: raw))
                return nil
            }
        }
        dateTimeOriginal = parsed(T.dateTimeOriginal, "DateTimeOriginal", LocalDateTime.parse(exif:))
        createDate = parsed(T.createDate, "CreateDate", LocalDateTime.parse(exif:))
        offsetTimeOriginal = parsed(T.offsetTimeOriginal, "OffsetTimeOriginal", UTCOffset.parse(exif:))
        offsetTimeDigitized = parsed(T.offsetTimeDigitized, "OffsetTimeDigitized", UTCOffset.parse(exif:))
        subSecTimeOriginal = exif.text(T.subSecTimeOriginal, in: .exif).map(\.trimmingSpaces).flatMap { $0.isEmpty ? nil : $0 }
        // UserComment starts with 8 bytes naming its character code ("ASCII\0\0\0", ...).
        if let comment = exif.bytes(T.userComment, in: .exif), comment.count > 8 {
            let text = String(decoding: comment[8...].prefix { $0 != 0 }, as: UTF8.self).trimmingSpaces
            userComment = text.isEmpty ? nil : text
        }
        gps = GPSReading(exif)
        if let raw = gps.unparsedTime { unparsedTimes.append(raw) }
    }
}

extension GPSReading {
    /// Decodes the GPS IFD. GPS tag numbers collide with Interoperability tags, so only the GPS
    /// IFD is consulted.
    init(_ exif: some ExifTagSource) {
        typealias T = ExifTagNumber
        self.init()
        present = exif.hasEntries(in: .gps)
        guard present else { return }

        status = exif.text(T.gpsStatus, in: .gps)?.trimmingSpaces
        if let error = exif.rationals(T.gpsHPositioningError, in: .gps)?.first?.value, error.isFinite, error >= 0 {
            horizontalError = error
        }
        if let altitude = exif.rationals(T.gpsAltitude, in: .gps)?.first?.value, altitude.isFinite {
            self.altitude = exif.byte(T.gpsAltitudeRef, in: .gps) == 1 ? -abs(altitude) : altitude
        }
        let date = exif.text(T.gpsDateStamp, in: .gps), time = exif.rationals(T.gpsTimeStamp, in: .gps)
        utcTime = GPSReading.timestamp(date: date, time: time)
        if utcTime != nil, let seconds = time?[2].value, seconds < 60, seconds != seconds.rounded(.down) {
            utcTimeFraction = seconds - seconds.rounded(.down)
        }
        if utcTime == nil, let date, let time, !date.isEmpty, !time.isEmpty {
            let clock = time.map { $0.value.map { Messages.fixed($0, 2) } ?? "\($0.numerator)/\($0.denominator)" }.joined(separator: ":")
            unparsedTime = UnparsedValue(tag: "GPSDateStamp GPSTimeStamp", raw: "\(date) \(clock)")
        }
        decodePosition(exif)
    }

    private mutating func decodePosition(_ exif: some ExifTagSource) {
        typealias T = ExifTagNumber
        let hasLatitude = exif.contains(T.gpsLatitude, in: .gps)
        let hasLongitude = exif.contains(T.gpsLongitude, in: .gps)
        guard hasLatitude || hasLongitude else { return }
        guard let latParts = exif.rationals(T.gpsLatitude, in: .gps),
              let lonParts = exif.rationals(T.gpsLongitude, in: .gps)
        else {
            problem = .malformed
            return
        }
        if latParts.isEmpty && lonParts.isEmpty {
            problem = .malformed
            return
        }
        guard let latitude = GPSReading.degrees(latParts), let longitude = GPSReading.degrees(lonParts) else {
            problem = latParts.count > 3 || lonParts.count > 3 ? .malformed : .zeroDenominator
            return
        }
        // Exactly one letter (either case, trailing NULs and spaces aside): ExifTool reads a
        // leading space or a word by its first character, so " S" would be north there.
        guard let latRef = exif.text(T.gpsLatitudeRef, in: .gps)?.uppercased(),
              let lonRef = exif.text(T.gpsLongitudeRef, in: .gps)?.uppercased(),
              !latRef.isEmpty, !lonRef.isEmpty
        else {
            problem = .missingReference
            return
        }
        guard ["N", "S"].contains(latRef) else {
            problem = .unknownReference(latRef)
            return
        }
        guard ["E", "W"].contains(lonRef) else {
            problem = .unknownReference(lonRef)
            return
        }
        let point = GeoPoint(latitude: latRef == "S" ? -latitude : latitude,
                             longitude: lonRef == "W" ? -longitude : longitude)
        guard abs(point.latitude) <= 90, abs(point.longitude) <= 180 else {
            problem = .outOfRange
            return
        }
        decodedPosition = point
        if point.latitude == 0 && point.longitude == 0 {
            problem = .nullIsland
        } else if status?.uppercased() == "V" {
            problem = .voidStatus
        }
    }

    /// Degrees from 1 to 3 rationals: d/m/s, decimal minutes (seconds 0) or all in degrees.
    /// Nil on a zero denominator or a negative part.
    static func degrees(_ parts: [ExifRational]) -> Double? {
        guard (1...3).contains(parts.count) else { return nil }
        var total = 0.0
        for (index, part) in parts.enumerated() {
            guard let value = part.value, value.isFinite, value >= 0 else { return nil }
            total += value / [1.0, 60.0, 3600.0][index]
        }
        return total
    }

    /// GPSDateStamp (`YYYY:MM:DD`) and GPSTimeStamp (h, m, s rationals) as a UTC wall time.
    static func timestamp(date: String?, time: [ExifRational]?) -> LocalDateTime? {
        guard let date, let time, time.count == 3,
              let h = time[0].value, let m = time[1].value, let s = time[2].value,
              h >= 0, h < 24, m >= 0, m < 60, s >= 0, s < 61,
              case .value(let day) = LocalDateTime.parse(exif: "\(date) 00:00:00")
        else { return nil }
        return LocalDateTime(date: day.date, hour: Int(h), minute: Int(m), second: min(59, Int(s)))
    }
}
