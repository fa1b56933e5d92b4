#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The area photos must be taken in, with the layers used to say where a point is.
public struct Boundary: Sendable {
    /// The area itself (all features of the boundary file, merged).
    var area: Region
    /// Districts and villages inside the area (only for the embedded Bangka Barat outline).
    var kecamatan: RegionLayer
    var desa: RegionLayer
    /// Areas outside it, most specific first: neighbouring regencies, then provinces.
    var neighbours: RegionLayer
    var provinces: RegionLayer
    /// The area's name, as its file names it ("Kabupaten Bangka Barat").
    public var name: String { area.name }
    /// Whether `point` lies inside the area or on its edge: the bare point-in-polygon test.
    public func contains(_ point: GeoPoint) -> Bool {
        area.contains(point)
    }

    /// Metres from `point` to the nearest point of the area's edge, on either side.
    public func distanceToEdge(from point: GeoPoint) -> Double? {
        area.outline.distance(to: point)
    }

    /// The names of the villages (desa and kelurahan) inside the area, for checking a roster.
    public var villageNames: Set<String> { Set(desa.regions.map(\.name)) }

    /// The village of that name, written with or without "Desa "/"Kelurahan ", in any case.
    func desa(named name: String) -> Region? {
        let wanted = Roster.desaKey(name)
        return desa.regions.first { Roster.desaKey($0.name) == wanted }
    }

    /// Whether this is the compiled-in Kabupaten Bangka Barat outline.
    public var isEmbeddedDefault: Bool

    /// Kabupaten Bangka Barat, compiled into the binary from `boundaries/`.
    public static func bangkaBarat() throws(BoundaryError) -> Boundary {
        let area = try Boundary.area(embedded: EmbeddedBoundaries.regency, source: "bangka-barat.geojson")
        return Boundary(
            area: area,
            kecamatan: try RegionLayer(embedded: EmbeddedBoundaries.kecamatan, source: "bangka-barat-kecamatan.geojson"),
            desa: try RegionLayer(embedded: EmbeddedBoundaries.desa, source: "bangka-barat-desa.geojson"),
            neighbours: try RegionLayer(embedded: EmbeddedBoundaries.neighbours, source: "neighbouring-kabupaten.geojson"),
            provinces: try RegionLayer(embedded: EmbeddedBoundaries.provinces, source: "indonesia-provinsi.geojson"),
            isEmbeddedDefault: true)
    }

    /// A boundary read from a GeoJSON file; where points outside it fell is still told from the
    /// embedded layers (Bangka Barat, its neighbours, the provinces).
    public static func load(path: String) throws(BoundaryError) -> Boundary {
        let bytes: [UInt8]
        do {
            let file = try ReadOnlyFile(path: path, headSize: 0)
            bytes = try file.bytes(at: 0, count: Int(file.size))
        } catch {
            throw BoundaryError.cannotRead(path: path, reason: Messages.english.describe(error))
        }
        let features = try GeoJSON.features(from: Data(bytes), source: path)
        let name = features.first?.name ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let area = Region(name: name, code: features.first?.code, outline: BoundaryIndex(rings: features.flatMap(\.rings)))
        let bangkaBarat = try Boundary.area(embedded: EmbeddedBoundaries.regency, source: "bangka-barat.geojson")
        let neighbours = try RegionLayer(embedded: EmbeddedBoundaries.neighbours, source: "neighbouring-kabupaten.geojson")
        return Boundary(
            area: area,
            kecamatan: RegionLayer(regions: []),
            desa: RegionLayer(regions: []),
            neighbours: RegionLayer(regions: [bangkaBarat] + neighbours.regions),
            provinces: try RegionLayer(embedded: EmbeddedBoundaries.provinces, source: "indonesia-provinsi.geojson"),
            isEmbeddedDefault: false)
    }

    private static func area(embedded base64: String, source: String) throws(BoundaryError) -> Region {
        let features = try EmbeddedBoundaries.features(base64, source: source)
        return Region(name: features.first?.name ?? source, code: features.first?.code,
                      outline: BoundaryIndex(rings: features.flatMap(\.rings)))
    }

    /// Where `point` is relative to the area: inside or not, how far from its edge, and the
    /// district, village or outside place it falls in.
    public func locate(_ point: GeoPoint) -> Location {
        let inside = area.contains(point)
        let distance = area.outline.distance(to: point) ?? .infinity
        if inside {
            // The village layer has thin slivers between villages: fall back to the nearest one.
            let desa = desa.region(containing: point) ?? desa.nearestRegion(to: point, within: 1_000)
            let kecamatan = kecamatan.region(containing: point) ?? kecamatan.nearestRegion(to: point, within: 1_000)
            return Location(inside: true, distanceToBoundary: distance, kecamatan: kecamatan?.name,
                            desa: desa?.name, place: .inside(area.name))
        }
        let place: Place
        if let region = neighbours.region(containing: point) {
            place = .region(region.name)
        } else if let province = provinces.region(containing: point) {
            place = .province(province.name)
        } else if let (lo, hi) = provinces.bounds, point.latitude >= lo.latitude, point.latitude <= hi.latitude,
                  point.longitude >= lo.longitude, point.longitude <= hi.longitude {
            place = .atSea
        } else {
            place = .outsideIndonesia
        }
        return Location(inside: false, distanceToBoundary: distance, kecamatan: nil, desa: nil, place: place)
    }
}

/// Where a point is relative to the boundary.
public struct Location: Sendable, Equatable {
    public var inside: Bool
    /// Metres to the nearest point of the boundary's edge, on either side.
    public var distanceToBoundary: Double
    public var kecamatan: String?
    public var desa: String?
    public var place: Place
}

/// The area a point falls in.
public enum Place: Sendable, Equatable {
    /// Inside the boundary (named).
    case inside(String)
    /// Inside a neighbouring regency or city.
    case region(String)
    /// Inside a province, but in no listed regency.
    case province(String)
    /// Within Indonesia's extent but in no province: at sea.
    case atSea
    /// Beyond Indonesia's extent.
    case outsideIndonesia

    /// The name for the `located_in` field (a stable English token for the last two).
    public var name: String {
        switch self {
        case .inside(let n), .region(let n), .province(let n): n
        case .atSea: "at sea"
        case .outsideIndonesia: "outside Indonesia"
        }
    }
}
