import Foundation
import Testing
@testable import VerifyPhotosKit

@Suite struct GeoJSONTests {
    private func features(_ text: String) throws -> [GeoFeature] {
        try GeoJSON.features(from: Data(text.utf8), source: "test")
    }

    @Test func readsFeatureCollectionsFeaturesAndBareGeometries() throws {
        let collection = try features("""
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"nama":"A","kode":"19.05"},
               "geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}},
              {"type":"Feature","properties":{"name":"B","kode":1905},
               "geometry":{"type":"MultiPolygon","coordinates":[[[[2,0],[3,0],[3,1],[2,0]]],[[[4,0],[5,0],[5,1,7],[4,0]]]]}},
              {"type":"Feature","properties":null,"geometry":{"type":"Point","coordinates":[1,2]}}]}
            """)
        #expect(collection.count == 2)
        #expect(collection[0].name == "A" && collection[0].code == "19.05")
        #expect(collection[1].name == "B" && collection[1].code == "1905")
        #expect(collection[1].rings.count == 2)
        #expect(collection[1].rings[1][2] == GeoPoint(latitude: 1, longitude: 5))

        let feature = try features(#"{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[4,0],[4,4],[0,4],[0,0]],[[1,1],[2,1],[2,2],[1,1]]]}}"#)
        #expect(feature.count == 1 && feature[0].rings.count == 2)

        let bare = try features(#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}"#)
        #expect(bare.count == 1)
    }

    @Test func rejectsFilesThatHoldNoArea() {
        #expect(throws: BoundaryError.noPolygons(path: "test")) {
            try features(#"{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]}}"#)
        }
        #expect(throws: BoundaryError.self) { try features("not json") }
        #expect(throws: BoundaryError.self) { try features(#"{"type":"Polygon","coordinates":"x"}"#) }
    }

    /// The English message for the file `text`, or nil when it is accepted.
    private func rejection(_ text: String) -> String? {
        do throws(BoundaryError) {
            _ = try GeoJSON.features(from: Data(text.utf8), source: "/data/area.geojson")
            return nil
        } catch {
            return Messages.english.describe(error)
        }
    }

    private func polygon(_ ring: String) -> String {
        #"{"type":"Feature","properties":{"name":"x"},"geometry":{"type":"Polygon","coordinates":[["# + ring + "]]}}"
    }

    @Test(arguments: [
        "[105.2,-2.1],[105.2,-2.1],[105.2,-2.1],[105.2,-2.1]",         // every point the same
        "[105.2,-2.1],[105.3,-2.1],[105.2,-2.1],[105.3,-2.1]",         // two distinct points
        "[105.0,-2.0],[105.1,-2.1],[105.2,-2.2],[105.0,-2.0]",         // on one line
    ] as [String])
    func rejectsBoundariesWithoutArea(ring: String) throws {
        let message = try #require(rejection(polygon(ring)))
        #expect(message.contains("/data/area.geojson") && message.contains("no area"), "\(message)")
    }

    @Test func acceptsAnAreaBesideDegenerateRings() throws {
        let text = #"{"type":"MultiPolygon","coordinates":[[[[1,1],[1,1],[1,1]]],[[[0,0],[1,0],[1,1],[0,0]]]]}"#
        #expect(rejection(text) == nil)
    }

    @Test(arguments: [
        ("[-2.1,105.1],[-2.1,105.3],[-1.9,105.3],[-2.1,105.1]", "latitude 105.1"),  // [lat, lon] swapped
        ("[105.1,-2.1],[185.3,-2.1],[105.3,-1.9],[105.1,-2.1]", "longitude 185.3"),
        ("[105.1,-2.1],[105.3,-90.5],[105.3,-1.9],[105.1,-2.1]", "latitude -90.5"),
        ("[105.1,-2.1],[105.3,-2.1],[105.3,1e999],[105.1,-2.1]", "area.geojson"),    // not a finite number
    ] as [(String, String)])
    func rejectsCoordinatesThatAreNotLongitudeLatitude(ring: String, expected: String) throws {
        let message = try #require(rejection(polygon(ring)))
        #expect(message.contains("/data/area.geojson") && message.contains(expected), "\(message)")
    }

    @Test func aSwappedFileIsToldItMayBeSwapped() throws {
        let message = try #require(rejection(polygon("[-2.1,105.1],[-2.1,105.3],[-1.9,105.3],[-2.1,105.1]")))
        #expect(message.contains("[longitude, latitude]") && message.contains("swapped"), "\(message)")
    }
}
