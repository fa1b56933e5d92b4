#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A named area (regency, district, village, province) with its indexed outline.
struct Region: Sendable {
    var name: String
    var code: String?
    var outline: BoundaryIndex

    init(name: String, code: String?, outline: BoundaryIndex) {
        self.name = name
        self.code = code
        self.outline = outline
    }

    /// Whether `point` lies inside or on the outline.
    func contains(_ point: GeoPoint) -> Bool {
        outline.contains(point)
    }
}

/// A set of non-overlapping regions of one kind (all villages, all provinces, ...).
struct RegionLayer: Sendable {
    var regions: [Region]

    init(regions: [Region]) {
        self.regions = regions
    }

    /// One region for each feature of an embedded layer.
    init(embedded base64: String, source: String) throws(BoundaryError) {
        let features = try EmbeddedBoundaries.features(base64, source: source)
        regions = features.map { feature in
            Region(name: feature.name ?? feature.code ?? source, code: feature.code,
                   outline: BoundaryIndex(rings: feature.rings))
        }
    }

    /// The first region containing `point`.
    func region(containing point: GeoPoint) -> Region? {
        regions.first { $0.contains(point) }
    }

    /// The region nearest to `point` within `metres`; used for the slivers between villages.
    func nearestRegion(to point: GeoPoint, within metres: Double) -> Region? {
        var best: (Region, Double)?
        for region in regions {
            guard let d = region.outline.distance(to: point), d <= metres else { continue }
            if best == nil || d < best!.1 { best = (region, d) }
        }
        return best?.0
    }

    /// The bounding box of all regions: (minimum, maximum) corner.
    var bounds: (GeoPoint, GeoPoint)? {
        guard !regions.isEmpty else { return nil }
        let lo = GeoPoint(latitude: regions.map(\.outline.minY).min() ?? 0, longitude: regions.map(\.outline.minX).min() ?? 0)
        let hi = GeoPoint(latitude: regions.map(\.outline.maxY).max() ?? 0, longitude: regions.map(\.outline.maxX).max() ?? 0)
        return (lo, hi)
    }
}
