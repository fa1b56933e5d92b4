import Foundation
import Testing
import VerifyPhotosKit

/// libjpeg's header check through the C shim (`CPhotoShim`): its read budget and its data source.
/// Public API only, so that the suite also runs optimised (`swift test -c release`), where a
/// setjmp/longjmp mistake in the shim shows.
@Suite struct JPEGHeaderTests {
    /// SOI and a JFIF APP0 segment: a valid start before whatever a test appends.
    static let jfifStart: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF\0".utf8)
        + [0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]

    /// Writes `bytes` to a new temporary folder, reads the file, and removes the folder.
    static func read(_ bytes: Data) throws -> PhotoMetadata {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("photo.jpg")
        try TestPaths.write(bytes, to: url)
        return try MetadataReader().read(path: url.path)
    }

    /// 40 MB of bytes that are never 0xFF after a valid start: libjpeg would scan all of it for
    /// a marker; the shim stops after its budget and says so, not "contains no image".
    @Test func garbageBeyondTheBudgetReportsTheLimit() throws {
        let pattern = Data(0...254)
        var bytes = Data(JPEGHeaderTests.jfifStart)
        for _ in 0..<(40_000_000 / pattern.count) { bytes.append(pattern) }
        let metadata = try JPEGHeaderTests.read(bytes)
        let damage = try #require(metadata.imageDamage)
        #expect(damage.contains("16 MiB"), "\(damage)")
    }

    /// Segments libjpeg skips do not count against the budget: a photo whose image follows
    /// 20 MB of APP2 segments is still read, with its size.
    @Test func skippedSegmentsDoNotCountAgainstTheBudget() throws {
        let photo = try Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("ok-kelapa-mm-dms.jpg")))
        let reference = try MetadataReader().read(path: TestPaths.fixture("ok-kelapa-mm-dms.jpg"))
        let segment = Data([0xFF, 0xE2, 0xFF, 0xFF] + [UInt8](repeating: 0x41, count: 0xFFFD))
        var bytes = Data(photo.prefix(2))
        for _ in 0..<320 { bytes.append(segment) }
        bytes.append(photo.dropFirst(2))
        let metadata = try JPEGHeaderTests.read(bytes)
        #expect(metadata.imageDamage == nil)
        #expect(metadata.pixelWidth == reference.pixelWidth && metadata.pixelWidth != nil)
        #expect(metadata.pixelHeight == reference.pixelHeight)
    }

    /// A segment whose length runs past the end of the file: the skip lands beyond it and the
    /// file reads as damaged, with no crash and no hang.
    @Test func segmentPastTheEndIsDamage() throws {
        let bytes = Data(JPEGHeaderTests.jfifStart + [0xFF, 0xE3, 0xFF, 0xFF, 0x00, 0x01])
        let metadata = try JPEGHeaderTests.read(bytes)
        #expect(metadata.imageDamage != nil)
    }
}
