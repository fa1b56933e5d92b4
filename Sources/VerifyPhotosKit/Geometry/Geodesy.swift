/// Metre scales of the WGS 84 ellipsoid, for turning small differences of degrees into metres.
enum Geodesy {
    static let semiMajorAxis = 6_378_137.0
    static let eccentricitySquared = 0.006_694_379_990_14
    static let meanRadius = 6_371_008.8

    /// Metres per degree of latitude and of longitude at latitude `latitude` (degrees).
    static func metresPerDegree(atLatitude latitude: Double) -> (north: Double, east: Double) {
        let phi = latitude * .pi / 180
        let s = sin(phi)
        let w = (1 - eccentricitySquared * s * s).squareRoot()
        let meridional = semiMajorAxis * (1 - eccentricitySquared) / (w * w * w)
        let primeVertical = semiMajorAxis / w
        return (meridional * .pi / 180, primeVertical * cos(phi) * .pi / 180)
    }

    /// Distance in metres between two points: ellipsoidal scales at the mid-latitude for up to
    /// a few hundred kilometres (far better than 0.1%), the haversine formula beyond.
    static func distance(_ a: GeoPoint, _ b: GeoPoint) -> Double {
        let scale = metresPerDegree(atLatitude: (a.latitude + b.latitude) / 2)
        var dLon = abs(a.longitude - b.longitude)
        if dLon > 180 { dLon = 360 - dLon }
        let dx = dLon * scale.east
        let dy = (a.latitude - b.latitude) * scale.north
        let planar = (dx * dx + dy * dy).squareRoot()
        if planar < 300_000 { return planar }
        let p1 = a.latitude * .pi / 180, p2 = b.latitude * .pi / 180
        let dp = p2 - p1, dl = dLon * .pi / 180
        let h = sin(dp / 2) * sin(dp / 2) + cos(p1) * cos(p2) * sin(dl / 2) * sin(dl / 2)
        return 2 * meanRadius * asin(min(1, h.squareRoot()))
    }
}
