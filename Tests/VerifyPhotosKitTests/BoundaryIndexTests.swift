import Foundation
import Testing
@testable import VerifyPhotosKit

@Suite struct BoundaryIndexTests {
    private func p(_ lon: Double, _ lat: Double) -> GeoPoint { GeoPoint(latitude: lat, longitude: lon) }

    /// A 1°×1° square at the equator with a 0.5°×0.5° hole, and an island east of it.
    private var squareWithHoleAndIsland: BoundaryIndex {
        BoundaryIndex(rings: [
            [p(0, 0), p(1, 0), p(1, 1), p(0, 1), p(0, 0)],
            [p(0.25, 0.25), p(0.75, 0.25), p(0.75, 0.75), p(0.25, 0.75)],
            [p(2, 0), p(2.5, 0), p(2.5, 0.5), p(2, 0.5)],
        ])
    }

    @Test func insideOutsideHolesAndIslands() {
        let index = squareWithHoleAndIsland
        #expect(index.contains(p(0.1, 0.1)))
        #expect(!index.contains(p(0.5, 0.5)))       // in the hole
        #expect(index.contains(p(2.25, 0.25)))      // on the island
        #expect(!index.contains(p(1.5, 0.25)))      // between square and island
        #expect(!index.contains(p(-1, 0.5)))
        #expect(!index.contains(p(0.5, 5)))
    }

    @Test func pointsExactlyOnEdgesAndVerticesAreInside() {
        let index = squareWithHoleAndIsland
        #expect(index.contains(p(0, 0)))            // vertex
        #expect(index.contains(p(1, 0.5)))          // vertical edge
        #expect(index.contains(p(0.5, 1)))          // horizontal edge
        #expect(index.contains(p(0.25, 0.5)))       // hole's edge belongs to the area
        #expect(index.contains(p(2.5, 0.25)))
        let diagonal = BoundaryIndex(rings: [[p(0, 0), p(3, 1), p(0, 2)]])
        #expect(diagonal.contains(p(1.5, 0.5)))     // midpoint of a sloping edge
        #expect(!diagonal.contains(p(1.5, 0.4)))
    }

    @Test func distancesInMetres() throws {
        let index = squareWithHoleAndIsland
        // 0.01° of longitude at the equator is 1113.2 m on WGS 84; 0.01° of latitude 1105.7 m.
        let east = try #require(index.distance(to: p(1.01, 0.5)))
        #expect(abs(east - 1113.2) < 1113.2 * 0.001)
        let north = try #require(index.distance(to: p(0.1, 1.01)))
        #expect(abs(north - 1105.7) < 1105.7 * 0.001)
        #expect(index.distance(to: p(1, 0.5)) == 0)
        let inHole = try #require(index.distance(to: p(0.5, 0.5)))
        #expect(abs(inHole - 0.25 * 110_574) < 0.25 * 110_574 * 0.01)
    }

    @Test func agreesWithABruteForceScanOnRandomPoints() {
        // A jagged ring (a star with many spikes) exercises the grid's cell classification.
        var ring: [GeoPoint] = []
        for i in 0..<360 {
            let angle = Double(i) * .pi / 180
            let radius = i % 2 == 0 ? 1.0 : 0.6 + 0.3 * Double(i % 7) / 7
            ring.append(p(105 + radius * cos(angle), -2 + radius * sin(angle)))
        }
        let index = BoundaryIndex(rings: [ring])
        var generator = SplitMix(seed: 7)
        for _ in 0..<5000 {
            let q = p(103.5 + 3 * generator.unit(), -3.5 + 3 * generator.unit())
            #expect(index.contains(q) == BoundaryIndexTests.bruteForceContains(ring, q))
            let d = index.distance(to: q) ?? -1
            let expected = BoundaryIndexTests.bruteForceDistance(ring, q)
            #expect(abs(d - expected) <= max(0.01, expected * 1e-9))
        }
    }

    @Test func hostileCoordinatesDoNotTrap() {
        let index = squareWithHoleAndIsland
        #expect(!index.contains(p(.nan, 0.5)))
        #expect(!index.contains(p(1e308, -1e308)))
        #expect(index.distance(to: p(.nan, .infinity)) == nil)
        #expect(index.distance(to: p(179.9, 89.9)) != nil)
        #expect(BoundaryIndex(rings: []).distance(to: p(0, 0)) == nil)
        #expect(!BoundaryIndex(rings: []).contains(p(0, 0)))
    }

    static func bruteForceContains(_ ring: [GeoPoint], _ q: GeoPoint) -> Bool {
        var inside = false
        for i in 0..<ring.count {
            let a = ring[i], b = ring[(i + 1) % ring.count]
            if (a.latitude > q.latitude) != (b.latitude > q.latitude) {
                let x = a.longitude + (q.latitude - a.latitude) * (b.longitude - a.longitude) / (b.latitude - a.latitude)
                if q.longitude < x { inside.toggle() }
            }
        }
        return inside
    }

    static func bruteForceDistance(_ ring: [GeoPoint], _ q: GeoPoint) -> Double {
        let scale = Geodesy.metresPerDegree(atLatitude: q.latitude)
        var best = Double.infinity
        var nearest = ring[0]
        for i in 0..<ring.count {
            let a = ring[i], b = ring[(i + 1) % ring.count]
            let dx = (b.longitude - a.longitude) * scale.east, dy = (b.latitude - a.latitude) * scale.north
            let px = (q.longitude - a.longitude) * scale.east, py = (q.latitude - a.latitude) * scale.north
            let t = max(0, min(1, (px * dx + py * dy) / (dx * dx + dy * dy)))
            let d = (px - t * dx) * (px - t * dx) + (py - t * dy) * (py - t * dy)
            if d < best {
                best = d
                nearest = GeoPoint(latitude: a.latitude + t * (b.latitude - a.latitude), longitude: a.longitude + t * (b.longitude - a.longitude))
            }
        }
        return Geodesy.distance(q, nearest)
    }
}

/// A small deterministic random generator for repeatable tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
