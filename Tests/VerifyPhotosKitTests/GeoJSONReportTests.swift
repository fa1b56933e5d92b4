import Foundation
import Testing
@testable import VerifyPhotosKit

/// The GeoJSON export parsed back with JSONSerialization and checked against RFC 7946.
@Suite struct GeoJSONReportTests {
    let en = Messages(language: .english)

    private func result(_ name: String) -> PhotoResult {
        TestVerifier.verifier.verify(path: TestPaths.fixture(name))
    }

    private func geojson(_ results: [PhotoResult]) throws -> [String: Any] {
        let folder = try TestPaths.temporaryFolder()
        let path = folder.appendingPathComponent("r.geojson").path
        let output = try TextOutput(replacing: path)
        var report = GeoJSONReport(output: output, messages: en, tellsLeftOut: false)
        for r in results { report.write(result: r) }
        report.finish(BatchSummary())
        try output.commit()
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func aFeatureCollectionOfPointsInLongitudeLatitudeOrder() throws {
        let names = ["ok-muntok-ii-dms.jpg", "outside-palembang-mm.jpg", "no-gps.jpg", "unreadable-empty.jpg",
                     "invalid-gps-null-island.jpg", "invalid-gps-out-of-range.jpg"]
        let collection = try geojson(names.map(result))
        #expect(collection["type"] as? String == "FeatureCollection")
        let features = try #require(collection["features"] as? [[String: Any]])
        // No GPS, unreadable, and a latitude beyond ±90 are left out and counted; (0, 0) is a
        // point on Earth and kept (flagged invalid-gps in its properties).
        #expect(features.count == 3)
        #expect(collection["photos_without_position"] as? Int == 3)
        for feature in features {
            #expect(feature["type"] as? String == "Feature")
            let geometry = try #require(feature["geometry"] as? [String: Any])
            #expect(geometry["type"] as? String == "Point")
            let coordinates = try #require(geometry["coordinates"] as? [Double])
            #expect(coordinates.count == 2)
            let properties = try #require(feature["properties"] as? [String: Any])
            #expect(Set(properties.keys) == Set(ReportRecord.fieldNames))
            #expect(coordinates[0] == properties["longitude"] as? Double)
            #expect(coordinates[1] == properties["latitude"] as? Double)
            #expect((-180...180).contains(coordinates[0]) && (-90...90).contains(coordinates[1]))
        }
        let muntok = try #require(features.first { ($0["properties"] as? [String: Any])?["path"] as? String == TestPaths.fixture("ok-muntok-ii-dms.jpg") })
        let point = try #require((muntok["geometry"] as? [String: Any])?["coordinates"] as? [Double])
        // Bangka Barat is near 105.2° E, 2° S: longitude first.
        #expect(abs(point[0] - 105.164) < 0.01 && abs(point[1] + 2.0617) < 0.001, "\(point)")
        let properties = try #require(muntok["properties"] as? [String: Any])
        #expect(properties["status"] as? String == "ok" && properties["inside"] as? Bool == true)
        #expect(properties["distance_to_boundary_m"] is Double)
    }

    @Test func anEmptyReportIsStillAValidCollection() throws {
        let collection = try geojson([])
        #expect(collection["type"] as? String == "FeatureCollection")
        #expect((collection["features"] as? [Any])?.isEmpty == true)
        #expect(collection["photos_without_position"] as? Int == 0)
    }

    @Test func hostileTextStaysInsideItsString() throws {
        var r = result("ok-muntok-ii-dms.jpg")
        r.path = "x\"},\"type\":\"evil\n\u{2028}.jpg"
        r.metadata?.model = "\u{1B}[31m</script>"
        let collection = try geojson([r])
        let feature = try #require((collection["features"] as? [[String: Any]])?.first)
        #expect(feature["type"] as? String == "Feature")
        let properties = try #require(feature["properties"] as? [String: Any])
        #expect(properties["path"] as? String == r.path)
        #expect(properties["model"] as? String == "\u{1B}[31m</script>")
    }
}
