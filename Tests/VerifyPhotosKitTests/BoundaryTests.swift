import Foundation
import Testing
@testable import VerifyPhotosKit

@Suite struct BoundaryTests {
    static var bangkaBarat: Boundary { TestVerifier.boundary }

    private func locate(_ lon: Double, _ lat: Double) -> Location {
        BoundaryTests.bangkaBarat.locate(GeoPoint(latitude: lat, longitude: lon))
    }

    /// Reference distances computed independently (shapely for the nearest point, geographiclib
    /// on the WGS 84 ellipsoid for the distance); the engine must agree to 1%.
    @Test(arguments: [
        (105.1640, -2.0617, true, 993.0),       // Muntok
        (106.1133, -2.1316, false, 36_867.0),   // Pangkal Pinang
        (104.7458, -2.9761, false, 107_407.4),  // Palembang
        (105.0, -2.25, false, 23_320.8),        // Bangka Strait
        (105.713363, -1.962127, true, 110.9),   // land border with Kabupaten Bangka
        (105.715363, -1.962127, false, 110.8),
        (105.718363, -1.962127, false, 443.3),
        (105.711363, -1.962127, true, 332.5),
    ])
    func insideAndDistanceAgreeWithReferences(lon: Double, lat: Double, inside: Bool, metres: Double) {
        let location = locate(lon, lat)
        #expect(location.inside == inside)
        #expect(abs(location.distanceToBoundary - metres) <= metres * 0.01)
    }

    @Test func namesTheDistrictAndVillageInside() {
        let muntok = locate(105.1640, -2.0617)
        #expect(muntok.kecamatan == "Mentok")
        #expect(muntok.desa == "Tanjung")
        #expect(muntok.place == .inside("Kabupaten Bangka Barat"))
        let jebus = locate(105.4607, -1.7078)
        #expect(jebus.kecamatan == "Jebus")
        #expect(jebus.desa == "Mislak")
    }

    @Test func namesWhereAPointOutsideFell() {
        #expect(locate(106.1133, -2.1316).place == .region("Kota Pangkalpinang"))
        #expect(locate(105.718363, -1.962127).place == .region("Kabupaten Bangka"))
        #expect(locate(104.7458, -2.9761).place == .region("Kota Palembang"))
        #expect(locate(105.0, -2.25).place == .atSea)
        #expect(locate(106.8456, -6.2088).place == .province("Daerah Khusus Ibukota Jakarta"))
        #expect(locate(-94.29, 39.05).place == .outsideIndonesia)
    }

    @Test func embeddedLayersMatchTheShippedFiles() throws {
        let embedded = [
            "regency": EmbeddedBoundaries.regency, "kecamatan": EmbeddedBoundaries.kecamatan,
            "desa": EmbeddedBoundaries.desa, "neighbours": EmbeddedBoundaries.neighbours,
            "provinces": EmbeddedBoundaries.provinces,
        ]
        #expect(EmbeddedBoundaries.fileNames.count == 5)
        for (layer, file) in EmbeddedBoundaries.fileNames {
            let url = TestPaths.packageRoot.appendingPathComponent("boundaries").appendingPathComponent(file)
            let shipped = try GeoJSON.features(from: Data(contentsOf: url), source: file)
            let compiled = try EmbeddedBoundaries.features(try #require(embedded[layer]), source: layer)
            #expect(compiled.map(\.name) == shipped.map(\.name) && compiled.map(\.code) == shipped.map(\.code),
                    "boundaries/\(file) changed: run make boundaries")
            #expect(compiled.map(\.rings) == shipped.map(\.rings), "boundaries/\(file) changed: run make boundaries")
        }
        let source = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("boundaries/SOURCE.md"), encoding: .utf8)
        #expect(source.contains("MIT License") && source.contains("Cahya DSN"))
    }

    @Test func layersHaveTheExpectedShape() {
        let b = BoundaryTests.bangkaBarat
        #expect(b.area.outline.edgeCount >= 2_865)  // 2,934 vertices in 69 closed rings
        #expect(b.kecamatan.regions.count == 6)
        #expect(b.desa.regions.count == 64)
        #expect(b.provinces.regions.count == 38)
        #expect(b.area.code == "19.05")
    }

    @Test func loadsACustomBoundaryFile() throws {
        let folder = try TestPaths.temporaryFolder()
        let path = folder.appendingPathComponent("square.geojson").path
        try #"{"type":"Feature","properties":{"name":"Test square"},"geometry":{"type":"Polygon","coordinates":[[[105,-3],[106,-3],[106,-2],[105,-2],[105,-3]]]}}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        let custom = try Boundary.load(path: path)
        #expect(custom.area.name == "Test square")
        #expect(!custom.isEmbeddedDefault)
        let inside = custom.locate(GeoPoint(latitude: -2.5, longitude: 105.5))
        #expect(inside.inside && inside.kecamatan == nil)
        let muntok = custom.locate(GeoPoint(latitude: -1.9, longitude: 105.3))
        #expect(muntok.place == .region("Kabupaten Bangka Barat"))
    }

    @Test func boundaryFileErrorsNameTheProblem() {
        do {
            _ = try Boundary.load(path: "/nonexistent/area.geojson")
            Issue.record("a missing boundary file must be an error")
        } catch {
            let message = Messages.english.describe(error)
            #expect(message.contains("/nonexistent/area.geojson"))
            #expect(message.contains("No such file"))
        }
    }

    @Test func aBoundaryWithoutAreaIsRefusedWithItsFileName() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("point.geojson").path
        try #"{"type":"Polygon","coordinates":[[[105.2,-2.1],[105.2,-2.1],[105.2,-2.1],[105.2,-2.1]]]}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: BoundaryError.self) { try Boundary.load(path: path) }
        do {
            _ = try Boundary.load(path: path)
        } catch {
            #expect(Messages.english.describe(error).contains(path))
            #expect(Messages(language: .indonesian).describe(error).contains(path))
        }
    }
}
