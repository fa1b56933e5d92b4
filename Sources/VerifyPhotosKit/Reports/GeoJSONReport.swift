/// `--format geojson`: a GeoJSON FeatureCollection (RFC 7946) for QGIS and geojson.io, one
/// Point feature (`[longitude, latitude]`) per photo with a position, its properties the fields
/// of the JSON Lines contract. Photos without a usable position (none, or one beyond ±90°/±180°)
/// are left out and counted in the foreign member `photos_without_position`, and on standard
/// error. Features are written as they come; the collection is closed by `finish`.
public struct GeoJSONReport: ReportWriter {
    let output: TextOutput
    let messages: Messages
    /// Whether to say on standard error how many photos were left out.
    let tellsLeftOut: Bool
    private var started = false
    private var features = 0
    private var withoutPosition = 0

    public init(output: TextOutput, messages: Messages, tellsLeftOut: Bool = true) {
        self.output = output
        self.messages = messages
        self.tellsLeftOut = tellsLeftOut
    }

    /// The feature of a photo, or nil when it has no position to put on a map.
    public func row(for result: PhotoResult) -> String? {
        guard let point = result.judgedPosition, let position = GeoJSONReport.position(point) else { return nil }
        return #"{"type":"Feature","geometry":{"type":"Point","coordinates":"# + position + #"},"properties":"#
            + JSONText.object(ReportRecord(result, messages: messages)) + "}"
    }

    /// `[longitude, latitude]` when the point is one on Earth.
    static func position(_ point: GeoPoint) -> String? {
        guard point.latitude.isFinite, point.longitude.isFinite, abs(point.latitude) <= 90, abs(point.longitude) <= 180 else { return nil }
        func rounded(_ d: Double) -> String { JSONText.number((d * 1e8).rounded() / 1e8) }
        return "[" + rounded(point.longitude) + "," + rounded(point.latitude) + "]"
    }

    private mutating func start() {
        guard !started else { return }
        started = true
        output.write(#"{"type":"FeatureCollection","features":["#)
    }

    public mutating func write(_ row: String?) {
        start()
        guard let row else {
            withoutPosition += 1
            return
        }
        output.write((features == 0 ? "\n" : ",\n") + row)
        features += 1
    }

    public mutating func finish(_ summary: BatchSummary) {
        start()
        output.line("\n]," + #""photos_without_position":"# + String(withoutPosition) + "}")
        output.flush()
        if tellsLeftOut, withoutPosition > 0 {
            TextOutput.standardError("verify-photos: " + messages.photosWithoutPosition(withoutPosition, format: "GeoJSON") + "\n")
        }
    }
}
