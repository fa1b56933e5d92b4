/// One value of a report field.
enum FieldValue: Sendable, Equatable {
    case null
    /// Text the tool wrote itself (codes, dates, place names).
    case text(String)
    /// Text from outside: the file system or the photo's EXIF. Formats that could run it
    /// (a spreadsheet opening CSV) neutralise it.
    case foreignText(String)
    case number(Double)
    case bool(Bool)
    case list([String])
}

/// The machine-readable row of one photo: the fields of the JSON Lines contract, in order.
/// JSON, JSON Lines and CSV are all written from this one definition.
struct ReportRecord: Sendable {
    var fields: [(name: String, value: FieldValue)]

    /// The contract's field names, in output order (also the CSV header).
    static let fieldNames = [
        "path", "status", "reasons", "format", "latitude", "longitude", "altitude_m", "gps_accuracy_m",
        "gps_time", "datetime_original", "offset_time", "captured_at", "inside", "distance_to_boundary_m",
        "kecamatan", "desa", "located_in", "make", "model", "software", "error", "hint",
        "submitted_for", "nip", "name", "unit", "position", "duplicate_of", "duplicate_kind", "repeated_with", "edit_signs",
        "position_source", "time_source", "stamp_text", "stamp_latitude", "stamp_longitude", "stamp_time",
    ]

    /// The record of `result`; `messages` words the `error` field.
    init(_ result: PhotoResult, messages: Messages) {
        let m = result.metadata
        let v = result.verdict
        let location = v.location
        var duplicates: [ReuseMatch] = [], repeats: [CoordinateRepeat] = []
        if case .notReused(let matches, _, _)? = v.check(.notReused)?.rule { duplicates = matches.filter(\.counts) }
        if case .distinctCoordinates(let found, _)? = v.check(.distinctCoordinates)?.rule { repeats = found }
        // Nil when the check did not run (--metadata-only), else the kept signs found (maybe none).
        var editSigns: [String]?
        if case .unedited(let signs, _)? = v.check(.unedited)?.rule { editSigns = signs.filter(\.sign.isKept).map(\.sign.rawValue) }
        func text(_ s: String?) -> FieldValue { s.map(FieldValue.text) ?? .null }
        func foreign(_ s: String?) -> FieldValue { s.map(FieldValue.foreignText) ?? .null }
        // 8 decimals (about 1 mm) hide the noise of decoding rationals, e.g. 2.0616999999999996.
        func number(_ d: Double?, decimals: Int? = nil) -> FieldValue {
            guard let d, d.isFinite else { return .null }
            guard let decimals else { return .number(d) }
            var scale = 1.0
            for _ in 0..<decimals { scale *= 10 }
            return .number((d * scale).rounded() / scale)
        }
        let values: [FieldValue] = [
            .foreignText(result.path),
            .text(v.status.rawValue),
            .list(v.reasons.map(\.rawValue)),
            text(m?.format.rawValue),
            number(m?.gps.decodedPosition?.latitude, decimals: 8),
            number(m?.gps.decodedPosition?.longitude, decimals: 8),
            number(m?.gps.altitude, decimals: 3),
            number(m?.gps.horizontalError, decimals: 3),
            text(m?.gps.utcTimeISO8601),
            text(m?.dateTimeOriginal?.description),
            text(m?.offsetTimeOriginal?.description),
            text(v.captureTime?.wibISO8601),
            location.map { FieldValue.bool($0.inside) } ?? .null,
            number(location?.distanceToBoundary, decimals: 1),
            text(location?.kecamatan),
            text(location?.desa),
            text(location?.place.name),
            foreign(m?.make),
            foreign(m?.model),
            foreign(m?.software),
            foreign(result.error.map(messages.describe)),
            text(v.hint.map(messages.hint)),
            text(result.submission.submittedFor?.description),
            text(result.submission.employee?.digits),
            foreign(result.submission.rosterEntry?.name),
            foreign(result.submission.rosterEntry?.unit),
            foreign(result.submission.rosterEntry?.position),
            duplicates.isEmpty ? .null : .list(duplicates.map(\.otherPath)),
            text(duplicates.map(\.kind).min()?.rawValue),
            repeats.isEmpty ? .null : .list(repeats.map(\.otherPath)),
            editSigns.map { FieldValue.list($0) } ?? .null,
            text(v.positionSource?.rawValue),
            text(v.captureTime?.evidenceSource.rawValue),
            foreign(result.stampText),
            number(v.stamp?.latitude?.degrees, decimals: 8),
            number(v.stamp?.longitude?.degrees, decimals: 8),
            text(result.stampTimeText),
        ]
        fields = Array(zip(ReportRecord.fieldNames, values)).map { (name: $0.0, value: $0.1) }
    }
}
