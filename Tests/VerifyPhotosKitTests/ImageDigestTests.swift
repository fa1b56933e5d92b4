import Foundation
import Testing
@testable import VerifyPhotosKit

/// `ImageDigest`: the same compressed picture under different metadata has one digest; another
/// encoding, another picture or another image-data byte changes it; hostile input never traps.
@Suite struct ImageDigestTests {
    static func bytes(_ fixture: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture(fixture))))
    }

    @Test func metadataOnlyChangesKeepTheJPEGDigest() throws {
        let original = try ImageDigestTests.bytes("reuse/reuse-original.jpg")
        let digest = try #require(ImageDigest.of(bytes: original))
        #expect(ImageDigest.of(bytes: try ImageDigestTests.bytes("reuse/reuse-copy-renamed.jpg")) == digest)
        #expect(ImageDigest.of(bytes: try ImageDigestTests.bytes("reuse/reuse-same-scan-new-exif.jpg")) == digest)
        // An XMP segment added before the image, and the EXIF segment removed altogether.
        let packet = Array("http://ns.adobe.com/xap/1.0/\0<x/>".utf8)
        let xmp: [UInt8] = [0xFF, 0xE1, 0x00, UInt8(packet.count + 2)] + packet
        #expect(ImageDigest.of(bytes: Array(original.prefix(2)) + xmp + original.dropFirst(2)) == digest)
        let exifLength = Int(original[4]) << 8 | Int(original[5])
        #expect(ImageDigest.of(bytes: Array(original.prefix(2)) + original.dropFirst(4 + exifLength)) == digest)
    }

    @Test func anotherEncodingOrPictureChangesTheDigest() throws {
        let original = try ImageDigestTests.bytes("reuse/reuse-original.jpg")
        let digest = try #require(ImageDigest.of(bytes: original))
        #expect(ImageDigest.of(bytes: try ImageDigestTests.bytes("reuse/reuse-reencoded-70pct.jpg")) != digest)
        #expect(ImageDigest.of(bytes: try ImageDigestTests.bytes("reuse/reuse-unrelated.jpg")) != digest)
        // One byte of the scan changed (the byte before EOI, never a marker byte).
        var changed = original
        changed[changed.count - 3] ^= 0x01
        #expect(ImageDigest.of(bytes: changed) != digest)
        // The thumbnail is not part of the image data: a different one keeps the digest.
        let thumbnail = try #require(original.withUnsafeBufferPointer { JPEGExifFacts($0).thumbnail })
        var otherThumbnail = original
        otherThumbnail[thumbnail.upperBound - 3] ^= 0x01
        #expect(ImageDigest.of(bytes: otherThumbnail) == digest)
    }

    /// The PNG, WebP and HEIC fixtures of one kind carry the same pixels under different metadata.
    @Test(arguments: [
        ["no-exif-screenshot.png", "ok-png-exif-chunk.png", "ok-png-raw-profile.png"],
        ["ok-webp.webp", "conflicting-webp-two-exif-chunks.webp"],
        ["ok-heic-exif-in-idat.heic", "ok-heic-grid-two-exif-items.heic", "conflicting-heic-two-exif-items-for-primary.heic"],
    ])
    func otherFormatsDigestTheirImageDataOnly(names: [String]) throws {
        let digests = try names.map { ImageDigest.of(bytes: try ImageDigestTests.bytes($0)) }
        #expect(digests.allSatisfy { $0 != nil && $0 == digests[0] }, "\(digests)")
        #expect(Set(names.map { (try? ImageDigestTests.bytes($0)) ?? [] }).count == names.count)
    }

    /// A HEIC in the shared corpus saved twice, once with its EXIF moved to the end of the file.
    @Test(.enabled(if: TestPaths.corpusAvailable, "../shared/corpus not found beside the clone: skipped"))
    func heicWithMovedExifKeepsItsDigest() throws {
        let folder = TestPaths.corpus.appendingPathComponent("real")
        let a = [UInt8](try Data(contentsOf: folder.appendingPathComponent("metadata-extractor-images__heic__IMG_2927.HEIC")))
        let b = [UInt8](try Data(contentsOf: folder.appendingPathComponent("metadata-extractor-images__heic__exif-at-eof.heic")))
        #expect(a != b)
        let digest = try #require(ImageDigest.of(bytes: a))
        #expect(ImageDigest.of(bytes: b) == digest)
        // Another HEIC of the corpus differs.
        let other = [UInt8](try Data(contentsOf: folder.appendingPathComponent("exifr__heic-single.heic")))
        #expect(ImageDigest.of(bytes: other) != digest)
    }

    @Test func formatsWithoutAWalkerAndNonImagesGiveNil() throws {
        #expect(ImageDigest.of(bytes: try ImageDigestTests.bytes("ok-tiff-ifds-after-80kb.tif")) == nil)
        #expect(ImageDigest.of(bytes: []) == nil)
        #expect(ImageDigest.of(bytes: Array("%PDF-1.7 not a photo".utf8)) == nil)
        #expect(ImageDigest.of(bytes: [0xFF, 0xD8, 0xFF, 0xD9]) == nil)
    }

    /// A truncated file gives the digest of the image data that is there: not nil, not the whole file's.
    @Test func truncatedFileDigestsWhatIsThere() throws {
        let original = try ImageDigestTests.bytes("reuse/reuse-original.jpg")
        let truncated = Array(original.prefix(original.count * 3 / 4))
        let digest = try #require(ImageDigest.of(bytes: truncated))
        #expect(digest != ImageDigest.of(bytes: original))
    }

    /// Every prefix and many one-byte corruptions of each format's fixture: no trap.
    @Test(arguments: ["reuse/reuse-original.jpg", "ok-png-exif-chunk.png", "ok-webp.webp", "ok-heic-grid-two-exif-items.heic", "ok-avif.avif"])
    func damagedFilesNeverTrap(name: String) throws {
        let original = try ImageDigestTests.bytes(name)
        for length in stride(from: 0, to: original.count, by: max(1, original.count / 300)) {
            _ = ImageDigest.of(bytes: Array(original.prefix(length)))
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var corrupted = original
            for _ in 0..<4 { corrupted[Int.random(in: 0..<corrupted.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator) }
            _ = ImageDigest.of(bytes: corrupted)
        }
        // Sizes that claim far more than the file holds.
        var huge = original
        if name.hasSuffix(".jpg") { huge[3] = 0xDA; huge[4] = 0xFF; huge[5] = 0xFF }
        else if name.hasSuffix(".png") { huge.replaceSubrange(8..<12, with: [0xFF, 0xFF, 0xFF, 0xFF]) }
        else if name.hasSuffix(".webp") { huge.replaceSubrange(16..<20, with: [0xFF, 0xFF, 0xFF, 0x7F]) }
        else { huge.replaceSubrange(0..<4, with: [0, 0, 0, 1]) }
        _ = ImageDigest.of(bytes: huge)
    }
}
