/// One value of a report field.
public enum FieldValue: Sendable, Equatable {
    case null
    case text(String)
    case number(Double)
    case bool(Bool)
    case list([String])
}

/// The machine-readable row of one photo: the fields of the JSON Lines contract, in order.
/// JSON, JSON Lines and CSV are all written from this one definition.
public struct ReportRecord: Sendable {
    public var fields: [(name: String, value: FieldValue)]

    /// The contract's field names, in output order (also the CSV header).
    public static let fieldNames = [
        "path", "status", "reasons", "format", "latitude", "longitude", "altitude_m", "gps_accuracy_m",
        "gps_time", "datetime_original", "offset_time", "captured_at", "inside", "distance_to_boundary_m",
        "kecamatan", "desa", "located_in", "make", "model", "software", "error",
    ]

    /// The record of `result`; `messages` words the `error` field.
    public init(_ result: PhotoResult, messages: Messages) {
        let m = result.metadata
        let v = result.verdict
        let location = v.location
        func text(_ s: String?) -> FieldValue { s.map(FieldValue.text) ?? .null }
        func number(_ d: Double?, decimals: Int? = nil) -> FieldValue {
            guard let d, d.isFinite else { return .null }
            guard let decimals else { return .number(d) }
            var scale = 1.0
            for _ in 0..<decimals { scale *= 10 }
            return .number((d * scale).rounded() / scale)
        }
        let values: [FieldValue] = [
            .text(result.path),
            .text(v.status.rawValue),
            .list(v.reasons.map(\.rawValue)),
            text((m?.format ?? result.error?.unsupportedFormat)?.rawValue),
            number(m?.gps.decodedPosition?.latitude),
            number(m?.gps.decodedPosition?.longitude),
            number(m?.gps.altitude, decimals: 3),
            number(m?.gps.horizontalError, decimals: 3),
            text(m?.gps.utcTime.map(iso8601UTC)),
            text(m?.dateTimeOriginal?.description),
            text(m?.offsetTimeOriginal?.description),
            text(v.captureTime?.wibISO8601),
            location.map { FieldValue.bool($0.inside) } ?? .null,
            number(location?.distanceToBoundary, decimals: 1),
            text(location?.kecamatan),
            text(location?.desa),
            text(location?.place.name),
            text(m?.make),
            text(m?.model),
            text(m?.software),
            text(result.error.map(messages.describe)),
        ]
        fields = Array(zip(ReportRecord.fieldNames, values)).map { (name: $0.0, value: $0.1) }
    }
}
