/// Where a judged position or capture time came from: the `position_source` and
/// `time_source` fields.
public enum EvidenceSource: String, Sendable, Equatable {
    /// The photo's EXIF: GPS position tags, or the camera's DateTimeOriginal/CreateDate.
    case exif
    /// The GPS clock recorded in EXIF (GPSDateStamp and GPSTimeStamp).
    case gps
    /// The stamp printed on the picture, read by OCR.
    case stamp
}

extension CaptureTime {
    /// The time a stamp printed, converted with its printed zone (taken as WIB when it printed
    /// none); a date printed without a time is its day at 00:00 WIB. Nil without a date.
    init?(stamp: StampText) {
        guard let local = stamp.localTime else { return nil }
        let offset = stamp.clock == nil ? nil : stamp.offset
        utcSeconds = local.secondsSinceEpoch - Int64((offset ?? .wib).seconds)
        source = .stamp
        recordedOffset = offset
    }

    /// Where the time came from, for `time_source`.
    public var evidenceSource: EvidenceSource {
        switch source {
        case .dateTimeOriginal, .createDate: .exif
        case .gpsTime: .gps
        case .stamp: .stamp
        }
    }
}

/// The stamp printed on a photo held against its EXIF values and against the place it names:
/// the facts of the `stamp-agrees` rule.
public struct StampComparison: Sendable, Equatable {
    /// The EXIF position and the stamp's, and the metres between them (when both exist).
    public var exifPosition: GeoPoint?
    public var stampPosition: GeoPoint?
    public var distanceMetres: Double?
    /// Farther apart than this disagrees: 1 km plus the photo's GPS error.
    public var limitMetres: Double
    /// The EXIF capture time and the stamp's, and the stamp's minus the EXIF one in seconds.
    public var exifTime: CaptureTime?
    public var stampTime: CaptureTime?
    public var differenceSeconds: Int64?
    /// Further apart than this disagrees (`--max-clock-skew`); a stamp with a date only
    /// disagrees when its day is another.
    public var limitSeconds: Int64
    public var stampDayOnly: Bool
    /// Places the stamp names that the judged position is not in.
    public var placeConflicts: [StampPlaceConflict]

    /// Whether anything was compared at all.
    var compared: Bool {
        distanceMetres != nil || differenceSeconds != nil || !placeConflicts.isEmpty || checkedPlaces
    }

    /// Whether a place named by the stamp was checked against the position.
    var checkedPlaces = false

    public var positionsDisagree: Bool { (distanceMetres ?? 0) > limitMetres }

    public var timesDisagree: Bool {
        guard let differenceSeconds, let exifTime, let stampTime else { return false }
        if stampDayOnly { return exifTime.wib.date != stampTime.wib.date }
        return abs(differenceSeconds) > limitSeconds
    }

    public var disagrees: Bool { positionsDisagree || timesDisagree || !placeConflicts.isEmpty }
}

/// A kecamatan or kabupaten the stamp names, and where the judged position really is.
public struct StampPlaceConflict: Sendable, Equatable {
    /// As the stamp names it: `Kecamatan Kelapa`, `Kabupaten Bangka Barat`.
    public var named: String
    /// Where the position is: the kecamatan, the regency or city, or the place phrase's name.
    public var found: String
}

extension Boundary {
    /// The places a stamp names that `location` is not in. Only names the boundary layers
    /// know are judged (a kecamatan of the area; the area itself or a neighbouring regency),
    /// so a name OCR misread is never a conflict. Also says whether any name was judged.
    func placeConflicts(_ places: [StampPlace], location: Location) -> (conflicts: [StampPlaceConflict], checked: Bool) {
        var conflicts: [StampPlaceConflict] = []
        var checked = false
        let kecamatanKeys = Dictionary(kecamatan.regions.map { (Boundary.placeKey($0.name), $0.name) }, uniquingKeysWith: { a, _ in a })
        let regencyNames = [area.name] + neighbours.regions.map(\.name)
        let regencyKeys = Dictionary(regencyNames.map { (Boundary.placeKey($0), $0) }, uniquingKeysWith: { a, _ in a })
        let foundRegency = location.place.name
        for place in places {
            switch place {
            case .kecamatan(let name):
                guard kecamatanKeys[Boundary.placeKey(name)] != nil else { continue }
                checked = true
                if location.kecamatan.map(Boundary.placeKey) != Boundary.placeKey(name) {
                    conflicts.append(StampPlaceConflict(named: "Kecamatan \(name)", found: location.kecamatan.map { "Kecamatan \($0)" } ?? foundRegency))
                }
            case .kabupaten(let name):
                guard regencyKeys[Boundary.placeKey(name)] != nil else { continue }
                checked = true
                if Boundary.placeKey(foundRegency) != Boundary.placeKey(name) {
                    let named = name.lowercased().hasPrefix("kota ") || name.lowercased().hasPrefix("kabupaten ") ? name : "Kabupaten \(name)"
                    conflicts.append(StampPlaceConflict(named: named, found: foundRegency))
                }
            }
        }
        return (conflicts, checked)
    }

    /// A name's key: letters only, lower case, without "Kabupaten"/"Kab." in front; Muntok is
    /// the town of Kecamatan Mentok and printed for it.
    static func placeKey(_ name: String) -> String {
        var key = name.lowercased().filter(\.isLetter)
        for prefix in ["kabupaten", "kab"] where key.hasPrefix(prefix) {
            key.removeFirst(prefix.count)
            break
        }
        return key == "muntok" ? "mentok" : key
    }
}

extension PhotoResult {
    /// Where the photo was judged to be: its EXIF position, or the stamp's where that stood in
    /// for a photo without GPS tags. What maps and place columns show.
    public var judgedPosition: GeoPoint? {
        metadata?.gps.decodedPosition ?? (verdict.positionSource == .stamp ? verdict.stamp?.position : nil)
    }

    /// What OCR read from the stamp, its lines joined by ` | ` (nil when nothing was read).
    public var stampText: String? {
        guard let stamp = verdict.stamp else { return nil }
        let text = stamp.readLines.joined(separator: " | ")
        return text.isEmpty ? nil : text
    }

    /// The stamp's date and time as printed: `2026-04-17T09:15:00+07:00`, without an offset
    /// when it printed no zone, `2026-04-17` when it printed a date only.
    public var stampTimeText: String? {
        guard let stamp = verdict.stamp, let local = stamp.localTime else { return nil }
        guard stamp.clock != nil else { return local.date.description }
        return "\(local)" + (stamp.offset.map(\.description) ?? "")
    }
}
