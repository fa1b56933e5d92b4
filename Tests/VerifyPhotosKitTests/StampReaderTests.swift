import Foundation
import Testing
@testable import VerifyPhotosKit

/// OCR of the stamped photos of `Fixtures/stamps/` (made by scripts/make-stamp-fixtures.py,
/// which lists what is printed on each in `stamps.json`), and hostile pictures kept bounded.
@Suite struct StampReaderTests {
    struct Printed: Decodable {
        var kind: String
        var latitude: String?
        var longitude: String?
        var date: String?
        var time: String?
        var offset: String?
        var place: String?
    }

    static let manifest: [String: Printed] = {
        let url = TestPaths.packageRoot.appendingPathComponent("Fixtures/stamps/stamps.json")
        guard let data = try? Data(contentsOf: url) else { return [:] }
        return (try? JSONDecoder().decode([String: Printed].self, from: data)) ?? [:]
    }()

    static let names = manifest.keys.sorted()

    private func reading(_ name: String) -> StampReading {
        let path = TestPaths.fixture("stamps/\(name)")
        guard let file = try? ReadOnlyFile(path: path) else { return StampReading(text: "", failure: StampFailure(reason: "missing")) }
        return StampReader().read(file)
    }

    @Test func manifestListsTheFixtures() {
        #expect(StampReaderTests.names.count >= 9)
        #expect(StampReaderTests.names.filter { $0.hasPrefix("negative") }.count >= 2)
    }

    /// Every printed coordinate is read exactly to its printed decimals, and the date, time,
    /// zone and kecamatan as printed.
    @Test(arguments: StampReaderTests.names)
    func readsWhatIsPrinted(name: String) throws {
        let printed = try #require(StampReaderTests.manifest[name])
        let reading = reading(name)
        #expect(reading.failure == nil)
        let stamp = reading.parsed
        if printed.kind.hasPrefix("negative") {
            #expect(stamp.position == nil, "\(name): \(reading.text)")
            #expect(stamp.date == nil, "\(name): \(reading.text)")
            return
        }
        #expect(stamp.latitude?.printed == printed.latitude, "\(name): \(reading.text)")
        #expect(stamp.longitude?.printed == printed.longitude, "\(name): \(reading.text)")
        if printed.latitude != nil { #expect(stamp.position != nil) }
        #expect(stamp.date?.description == printed.date, "\(name): \(reading.text)")
        if let time = printed.time {
            let clock = stamp.clock.map { c in
                [c.hour, c.minute].map { String(format: "%02d", $0) }.joined(separator: ":") + (c.second.map { String(format: ":%02d", $0) } ?? "")
            }
            #expect(clock == time, "\(name): \(reading.text)")
        }
        if let offset = printed.offset {
            #expect(stamp.offset?.description == offset, "\(name): \(reading.text)")
        }
        if let place = printed.place {
            let named = place.replacingOccurrences(of: "Kecamatan ", with: "")
            #expect(stamp.places.contains(.kecamatan(named)), "\(name): \(stamp.places) in \(reading.text)")
        }
    }

    @Test func notAJPEGIsAFailureNotACrash() {
        let reading = StampReader().read(bytes: Array("not a photo at all".utf8))
        #expect(reading.failure != nil)
        #expect(reading.text.isEmpty)
    }

    /// A fixture whose frame header is changed to declare 60,000 x 60,000 pixels (libjpeg's own
    /// limit is 65,500) is refused before any image memory is allocated.
    @Test func decodeBombIsRefusedFromTheHeader() throws {
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("stamps/stamp-app-id-muntok.jpg"))))
        let sof = try #require((0..<(bytes.count - 9)).first { bytes[$0] == 0xFF && (bytes[$0 + 1] == 0xC0 || bytes[$0 + 1] == 0xC2) })
        for offset in [5, 7] { bytes[sof + offset] = 0xEA }
        for offset in [6, 8] { bytes[sof + offset] = 0x60 }
        let reading = StampReader().read(bytes: bytes)
        #expect(reading.failure?.reason.contains("larger than the limit") == true, "\(String(describing: reading.failure))")
        #expect(reading.text.isEmpty)
    }

    @Test func truncatedJPEGIsAFailure() throws {
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("stamps/stamp-app-id-muntok.jpg"))))
        let reading = StampReader().read(bytes: Array(bytes.prefix(bytes.count / 3)))
        #expect(reading.failure != nil)
    }

    /// A picture of absurd shape (one pixel high, or a thin stripe) gives bands of its own
    /// shape: read or refused, never a crash, and no text becomes a stamp.
    @Test func absurdShapesAreBounded() {
        for (width, height) in [(1, 1), (4000, 1), (1, 4000), (3, 9000)] {
            guard let image = GreyImage(width: width, height: height, pixels: [UInt8](repeating: 128, count: width * height)) else { continue }
            #expect(StampReader.passes(for: image).count <= 4)
            let reading = StampReader().read(image: image)
            #expect(!reading.parsed.isStamp)
        }
    }

    /// Noise over the whole band (what a busy picture looks like to OCR) is read within the
    /// photo's limit and does not become a stamp.
    @Test func noiseIsNoStamp() throws {
        var generator = SystemRandomNumberGenerator()
        let pixels = (0..<(1600 * 1200)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let image = try #require(GreyImage(width: 1600, height: 1200, pixels: pixels))
        var reader = StampReader()
        reader.millisecondsPerPhoto = 1500
        #expect(reader.read(image: image).parsed.position == nil)
    }
}
