import Foundation
import Testing

/// `--boundary` files that cannot describe an area in longitude/latitude are refused with
/// exit status 2 and a message naming the file and the problem; nothing is checked.
@Suite struct BoundaryOptionTests {
    static func polygon(_ ring: String) -> String {
        #"{"type":"Feature","properties":{"name":"Kotak"},"geometry":{"type":"Polygon","coordinates":[["# + ring + "]]}}"
    }

    @Test(arguments: [
        ("point.geojson", "[105.2,-2.1],[105.2,-2.1],[105.2,-2.1],[105.2,-2.1]", "no area"),
        ("line.geojson", "[105.0,-2.0],[105.1,-2.1],[105.2,-2.2],[105.0,-2.0]", "no area"),
        ("swapped.geojson", "[-2.1,105.1],[-2.1,105.3],[-1.9,105.3],[-1.9,105.1],[-2.1,105.1]", "latitude 105.1"),
        ("far-east.geojson", "[105.1,-2.1],[190.3,-2.1],[105.3,-1.9],[105.1,-2.1]", "longitude 190.3"),
    ] as [(String, String, String)])
    func aBoundaryThatMakesNoSenseExitsTwo(name: String, ring: String, expected: String) throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/" + name
        try BoundaryOptionTests.polygon(ring).write(toFile: path, atomically: true, encoding: .utf8)
        let run = try CLITests.run([CLITests.now, "--lang", "en", "--format", "jsonl", "--boundary", path, CLITests.fixture("ok-muntok-ii-dms.jpg")])
        #expect(run.status == 2, "\(name): \(run.stderr)")
        #expect(run.stderr.contains(path) && run.stderr.contains(expected), "\(name): \(run.stderr)")
        #expect(run.stdout.isEmpty, "\(name)")
    }

    @Test func theMessageIsIndonesianByDefault() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/point.geojson"
        try BoundaryOptionTests.polygon("[105.2,-2.1],[105.2,-2.1],[105.2,-2.1]").write(toFile: path, atomically: true, encoding: .utf8)
        let run = try CLITests.run([CLITests.now, "--format", "jsonl", "--boundary", path, CLITests.fixture("ok-muntok-ii-dms.jpg")])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains(path) && run.stderr.contains("tidak melingkupi wilayah"), "\(run.stderr)")
    }
}
