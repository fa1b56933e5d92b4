import Foundation
import Testing
@testable import VerifyPhotosKit

/// `PerceptualHash`: the same picture hashes alike through re-encoding and resizing, another
/// picture does not; decode bombs, truncated and garbage files give nil without harm.
@Suite struct PerceptualHashTests {
    static func bytes(_ fixture: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture(fixture))))
    }

    static func mainHash(_ fixture: String) throws -> PerceptualHash {
        try #require(PerceptualHash.ofMainImage(photo: try bytes(fixture)), "\(fixture)")
    }

    @Test func identicalPicturesHaveDistanceZero() throws {
        let original = try PerceptualHashTests.mainHash("reuse/reuse-original.jpg")
        #expect(original.distance(to: try PerceptualHashTests.mainHash("reuse/reuse-copy-renamed.jpg")) == 0)
        #expect(original.distance(to: try PerceptualHashTests.mainHash("reuse/reuse-same-scan-new-exif.jpg")) == 0)
    }

    @Test func reencodedResizedCopyIsClose() throws {
        let original = try PerceptualHashTests.mainHash("reuse/reuse-original.jpg")
        let copy = try PerceptualHashTests.mainHash("reuse/reuse-reencoded-70pct.jpg")
        #expect(original.distance(to: copy) <= 4, "\(original) vs \(copy)")
        // The EXIF thumbnail of the original looks like the main image of the copy.
        let thumbnail = try #require(PerceptualHash.ofThumbnail(photo: try PerceptualHashTests.bytes("reuse/reuse-original.jpg")))
        #expect(thumbnail.distance(to: copy) <= 6)
    }

    @Test func unrelatedPictureIsFar() throws {
        let original = try PerceptualHashTests.mainHash("reuse/reuse-original.jpg")
        let other = try PerceptualHashTests.mainHash("reuse/reuse-unrelated.jpg")
        #expect(original.distance(to: other) >= 20, "\(original) vs \(other)")
    }

    @Test func distanceCountsDifferingBits() {
        #expect(PerceptualHash(bits: 0).distance(to: PerceptualHash(bits: UInt64.max)) == 64)
        #expect(PerceptualHash(bits: 0b1011).distance(to: PerceptualHash(bits: 0b0110)) == 3)
        #expect(PerceptualHash(bits: 0xAB).description == "00000000000000ab")
    }

    /// 63 bits compared with the median of 63 coefficients: 31 set, bit 0 (DC) never.
    @Test func halfTheBitsAreSet() throws {
        let hash = try PerceptualHashTests.mainHash("reuse/reuse-unrelated.jpg")
        #expect(hash.bits & 1 == 0)
        #expect(hash.bits.nonzeroBitCount == 31)
    }

    /// EXIF orientation 6 (stored on its side, shown turned 90° clockwise) hashes as the turned picture.
    @Test(arguments: 1...8)
    func orientationIsApplied(orientation: Int) throws {
        let (w, h) = (64, 96)
        var generator = SplitMix(seed: 7)
        let stored = (0..<(w * h)).map { i in UInt8(truncatingIfNeeded: (i % w) * 3 + (i / w) + Int(generator.next() % 40)) }
        // What the viewer shows, built pixel by pixel from the EXIF definition of each orientation.
        let (dw, dh) = orientation >= 5 ? (h, w) : (w, h)
        var shown = [UInt8](repeating: 0, count: w * h)
        for y in 0..<dh {
            for x in 0..<dw {
                let (sx, sy): (Int, Int)
                switch orientation {
                case 2: (sx, sy) = (w - 1 - x, y)
                case 3: (sx, sy) = (w - 1 - x, h - 1 - y)
                case 4: (sx, sy) = (x, h - 1 - y)
                case 5: (sx, sy) = (y, x)
                case 6: (sx, sy) = (y, h - 1 - x)
                case 7: (sx, sy) = (w - 1 - y, h - 1 - x)
                case 8: (sx, sy) = (w - 1 - y, x)
                default: (sx, sy) = (x, y)
                }
                shown[y * dw + x] = stored[sy * w + sx]
            }
        }
        let storedImage = try #require(GreyImage(width: w, height: h, pixels: stored))
        let shownImage = try #require(GreyImage(width: dw, height: dh, pixels: shown))
        let hash = try #require(PerceptualHash(image: storedImage, orientation: orientation))
        #expect(hash == PerceptualHash(image: shownImage))
    }

    /// A flat or tiny picture (a black frame, a white wall, an 8 x 8 placeholder) has no hash:
    /// the hashes of all of them would match each other.
    @Test func flatOrTinyPicturesHaveNoHash() throws {
        let flat = try #require(GreyImage(width: 64, height: 48, pixels: [UInt8](repeating: 200, count: 64 * 48)))
        #expect(PerceptualHash(image: flat) == nil)
        // Noise of one grey level around a shade is still flat.
        let faint = try #require(GreyImage(width: 64, height: 48, pixels: (0..<(64 * 48)).map { UInt8(100 + $0 % 2) }))
        #expect(PerceptualHash(image: faint) == nil)
        let tiny = try #require(GreyImage(width: 7, height: 7, pixels: (0..<49).map { UInt8($0 * 5) }))
        #expect(PerceptualHash(image: tiny) == nil)
        // A gradient has detail enough.
        let gradient = try #require(GreyImage(width: 64, height: 48, pixels: (0..<(64 * 48)).map { UInt8($0 % 64 * 4) }))
        #expect(PerceptualHash(image: gradient) != nil)
    }

    /// A JPEG whose frame declares 65,000 x 65,000 pixels (libjpeg's own limit is 65,500 a side)
    /// is refused from its header, before libjpeg allocates anything for the image; 65,535 x
    /// 65,535 is refused by libjpeg itself.
    @Test(arguments: [(side: UInt16(65_000), byOurLimit: true), (side: UInt16(65_535), byOurLimit: false)])
    func decodeBombIsRefusedFromItsHeader(side: UInt16, byOurLimit: Bool) throws {
        func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
            [0xFF, marker, UInt8((payload.count + 2) >> 8), UInt8((payload.count + 2) & 0xFF)] + payload
        }
        let bomb: [UInt8] = [0xFF, 0xD8]
            + segment(0xDB, [0] + [UInt8](repeating: 1, count: 64))
            + segment(0xC0, [8, UInt8(side >> 8), UInt8(side & 0xFF), UInt8(side >> 8), UInt8(side & 0xFF), 1, 1, 0x11, 0])
            + segment(0xC4, [0x00, 1] + [UInt8](repeating: 0, count: 15) + [0])
            + segment(0xC4, [0x10, 1] + [UInt8](repeating: 0, count: 15) + [0])
            + segment(0xDA, [1, 1, 0, 0, 63, 0]) + [UInt8](repeating: 0x00, count: 4096) + [0xFF, 0xD9]
        let result = bomb.withUnsafeBufferPointer { JPEGGreyDecoder.decode($0) }
        guard case .failure(let failure) = result else {
            Issue.record("a \(side) x \(side) JPEG was decoded")
            return
        }
        #expect(failure.reason.contains("larger than the limit") == byOurLimit, "\(failure.reason)")
        #expect(PerceptualHash.ofMainImage(photo: bomb) == nil)
        let fingerprint = try PhotoFingerprint.of(bytes: bomb, decodeMain: true)
        #expect(fingerprint.mainHash == nil && fingerprint.thumbnailHash == nil && fingerprint.imageDigest != nil)
    }

    @Test func truncatedJPEGGivesNil() throws {
        let original = try PerceptualHashTests.bytes("reuse/reuse-original.jpg")
        #expect(PerceptualHash.ofMainImage(photo: Array(original.prefix(original.count * 3 / 4))) == nil)
        #expect(PerceptualHash.ofMainImage(photo: Array(original.prefix(200))) == nil)
    }

    @Test func garbageGivesNil() throws {
        var generator = SplitMix(seed: 3)
        let noise = (0..<20_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        #expect(PerceptualHash.ofMainImage(photo: [0xFF, 0xD8, 0xFF] + noise) == nil)
        #expect(PerceptualHash.ofThumbnail(photo: [0xFF, 0xD8, 0xFF] + noise) == nil)
        #expect(PerceptualHash.ofMainImage(photo: []) == nil)
        #expect(PerceptualHash.ofMainImage(photo: Array("ftypheic".utf8) + noise, format: .heic) == nil)
        // PNG, WebP and TIFF are not decoded by this version.
        #expect(PerceptualHash.ofMainImage(photo: try PerceptualHashTests.bytes("ok-png-exif-chunk.png")) == nil)
    }

    /// Damaged copies of the fixture: decoded or refused, never a trap or a message on stderr.
    @Test func damagedJPEGsNeverTrap() throws {
        let original = try PerceptualHashTests.bytes("reuse/reuse-original.jpg")
        var generator = SplitMix(seed: 11)
        for _ in 0..<200 {
            var corrupted = original
            for _ in 0..<6 { corrupted[Int(generator.next() % UInt64(corrupted.count))] = UInt8(truncatingIfNeeded: generator.next()) }
            _ = PerceptualHash.ofMainImage(photo: corrupted)
            _ = PerceptualHash.ofThumbnail(photo: corrupted)
        }
    }

    /// HEIC photos of the shared corpus: libheif decodes them; a thumbnail looks like its image.
    @Test(.enabled(if: TestPaths.corpusAvailable, "../shared/corpus not found beside the clone: skipped"))
    func heicThumbnailLooksLikeItsImage() throws {
        let bytes = [UInt8](try Data(contentsOf: TestPaths.corpus.appendingPathComponent("real/exifr__heic-single.heic")))
        let main = try #require(PerceptualHash.ofMainImage(photo: bytes))
        let thumbnail = try #require(PerceptualHash.ofThumbnail(photo: bytes))
        #expect(main.distance(to: thumbnail) <= 8)
        let other = [UInt8](try Data(contentsOf: TestPaths.corpus.appendingPathComponent("real/exiv2__Stonehenge.heic")))
        #expect(try #require(PerceptualHash.ofMainImage(photo: other)).distance(to: main) >= 16)
    }
}
