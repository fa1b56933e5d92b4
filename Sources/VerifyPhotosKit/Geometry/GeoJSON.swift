#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A closed ring of points (first point repeated at the end or not; both are accepted).
typealias Ring = [GeoPoint]

/// One feature of a GeoJSON file: its name, code and all its rings (outer rings and holes;
/// inside-ness is decided by the even-odd rule over all of them).
struct GeoFeature: Sendable {
    var name: String?
    var code: String?
    var rings: [Ring]
}

/// Why a boundary file could not be used.
public enum BoundaryError: Error, Equatable, Sendable {
    case cannotRead(path: String, reason: String)
    case invalidGeoJSON(path: String, reason: String)
    case noPolygons(path: String)
    /// Polygons whose every ring has fewer than 3 distinct points or all its points on one line.
    case noArea(path: String)
    /// A position that is not `[longitude, latitude]` in degrees (beyond ±180/±90, or not
    /// finite), often a file written `[latitude, longitude]`. Numbers count from 1.
    case notLongitudeLatitude(path: String, feature: Int, ring: Int, point: Int, longitude: Double, latitude: Double)
}

/// Reads GeoJSON (RFC 7946): a FeatureCollection, a Feature or a bare geometry; Polygon or
/// MultiPolygon (other geometry types are ignored). Coordinates are `[lon, lat]`; a file whose
/// positions are not longitude/latitude, or whose polygons enclose no area, is refused.
enum GeoJSON {
    /// The polygon features in `data`. `source` names the file in error messages.
    static func features(from data: Data, source: String) throws(BoundaryError) -> [GeoFeature] {
        let document: Node
        do {
            document = try JSONDecoder().decode(Node.self, from: data)
        } catch {
            throw BoundaryError.invalidGeoJSON(path: source, reason: GeoJSON.explain(error))
        }
        var features: [GeoFeature] = []
        collect(document, properties: nil, into: &features)
        guard !features.isEmpty else { throw BoundaryError.noPolygons(path: source) }
        try checkLongitudeLatitude(features, source: source)
        guard features.contains(where: { $0.rings.contains(where: GeoJSON.enclosesArea) }) else {
            throw BoundaryError.noArea(path: source)
        }
        return features
    }

    /// Every position must be finite degrees of longitude (±180) and latitude (±90): a file
    /// written `[lat, lon]` has "latitudes" such as 105 and would put the area elsewhere.
    private static func checkLongitudeLatitude(_ features: [GeoFeature], source: String) throws(BoundaryError) {
        for (f, feature) in features.enumerated() {
            for (r, ring) in feature.rings.enumerated() {
                for (p, point) in ring.enumerated() {
                    guard point.longitude.isFinite, point.latitude.isFinite,
                          abs(point.longitude) <= 180, abs(point.latitude) <= 90 else {
                        throw BoundaryError.notLongitudeLatitude(path: source, feature: f + 1, ring: r + 1, point: p + 1,
                                                                 longitude: point.longitude, latitude: point.latitude)
                    }
                }
            }
        }
    }

    /// Whether `ring` encloses an area: it has points off the line through its first point and
    /// the point farthest from that (by more than 1e-9°, about 0.1 mm). Rings with fewer than
    /// three distinct points, or with all points on one line, enclose none.
    static func enclosesArea(_ ring: Ring) -> Bool {
        guard let origin = ring.first else { return false }
        var far = origin, farthest = 0.0
        for point in ring {
            let dx = point.longitude - origin.longitude, dy = point.latitude - origin.latitude
            if dx * dx + dy * dy > farthest { far = point; farthest = dx * dx + dy * dy }
        }
        guard farthest > 0 else { return false }
        let ux = far.longitude - origin.longitude, uy = far.latitude - origin.latitude, length = farthest.squareRoot()
        return ring.contains { point in
            abs(ux * (point.latitude - origin.latitude) - uy * (point.longitude - origin.longitude)) / length > 1e-9
        }
    }

    private static func explain(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .dataCorrupted(let context), .typeMismatch(_, let context), .valueNotFound(_, let context),
             .keyNotFound(_, let context):
            let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\(context.debugDescription) (at \(path))"
        @unknown default:
            return "\(error)"
        }
    }

    private static func collect(_ node: Node, properties: [String: Property]?, into features: inout [GeoFeature]) {
        switch node.type {
        case "FeatureCollection":
            for feature in node.features ?? [] { collect(feature, properties: nil, into: &features) }
        case "Feature":
            if let geometry = node.geometry { collect(geometry, properties: node.properties ?? [:], into: &features) }
        case "GeometryCollection":
            for geometry in node.geometries ?? [] { collect(geometry, properties: properties, into: &features) }
        case "Polygon", "MultiPolygon":
            let rings = (node.coordinates?.rings ?? []).filter { $0.count >= 3 }
            guard !rings.isEmpty else { return }
            let name = properties?["nama"]?.text ?? properties?["name"]?.text ?? properties?["NAME"]?.text
            let code = properties?["kode"]?.text ?? properties?["code"]?.text
            features.append(GeoFeature(name: name, code: code, rings: rings))
        default:
            break
        }
    }

    private final class Node: Decodable {
        let type: String
        let features: [Node]?
        let geometry: Node?
        let geometries: [Node]?
        let properties: [String: Property]?
        let coordinates: Coordinates?
    }

    private enum Property: Decodable {
        case text(String)
        case other

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let s = try? container.decode(String.self) {
                self = .text(s)
            } else if let n = try? container.decode(Double.self) {
                self = .text(n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n))
            } else {
                self = .other
            }
        }

        var text: String? {
            if case .text(let s) = self { return s }
            return nil
        }
    }

    /// Nested coordinate arrays of any depth; rings are the arrays whose elements are positions.
    private indirect enum Coordinates: Decodable {
        case position(GeoPoint)
        case list([Coordinates])

        init(from decoder: Decoder) throws {
            var container = try decoder.unkeyedContainer()
            if let lon = try? container.decode(Double.self) {
                let lat = try container.decode(Double.self)
                self = .position(GeoPoint(latitude: lat, longitude: lon))
                return
            }
            var items: [Coordinates] = []
            while !container.isAtEnd {
                items.append(try container.decode(Coordinates.self))
            }
            self = .list(items)
        }

        var rings: [Ring] {
            guard case .list(let items) = self else { return [] }
            var points: [GeoPoint] = []
            var rings: [Ring] = []
            for item in items {
                switch item {
                case .position(let p): points.append(p)
                case .list: rings.append(contentsOf: item.rings)
                }
            }
            if !points.isEmpty { rings.append(points) }
            return rings
        }
    }
}
