import Foundation
import Testing
@testable import VerifyPhotosKit

/// `PhotoFingerprint` over the reuse fixtures, and `PerceptualIndex` against brute force.
@Suite struct PhotoFingerprintTests {
    static func fingerprint(_ fixture: String, decodeMain: Bool = false) throws -> PhotoFingerprint {
        try PhotoFingerprint.read(path: TestPaths.fixture(fixture), decodeMain: decodeMain)
    }

    @Test func tellsCopiesRewritesAndReencodingsApart() throws {
        let original = try PhotoFingerprintTests.fingerprint("reuse/reuse-original.jpg", decodeMain: true)
        let copy = try PhotoFingerprintTests.fingerprint("reuse/reuse-copy-renamed.jpg", decodeMain: true)
        let rewritten = try PhotoFingerprintTests.fingerprint("reuse/reuse-same-scan-new-exif.jpg", decodeMain: true)
        let reencoded = try PhotoFingerprintTests.fingerprint("reuse/reuse-reencoded-70pct.jpg", decodeMain: true)
        let unrelated = try PhotoFingerprintTests.fingerprint("reuse/reuse-unrelated.jpg", decodeMain: true)
        #expect(copy == original)
        #expect(original.fileSHA256.count == 64)
        #expect(rewritten.fileSHA256 != original.fileSHA256 && rewritten.imageDigest == original.imageDigest)
        #expect(reencoded.imageDigest != original.imageDigest)
        let hash = try #require(original.perceptual)
        #expect(hash.source == .mainImage)
        #expect(try #require(reencoded.perceptual).hash.distance(to: hash.hash) <= 4)
        #expect(try #require(unrelated.perceptual).hash.distance(to: hash.hash) >= 20)
        #expect(try #require(original.thumbnailToMainDistance) <= 6)
    }

    /// Without `decodeMain` a photo with a thumbnail is hashed from the thumbnail only.
    @Test func thumbnailAloneUnlessTheMainImageIsAskedFor() throws {
        let fingerprint = try PhotoFingerprintTests.fingerprint("reuse/reuse-original.jpg")
        #expect(fingerprint.thumbnailHash != nil && fingerprint.mainHash == nil)
        #expect(fingerprint.perceptual?.source == .thumbnail)
        #expect(fingerprint.thumbnailToMainDistance == nil)
        // No thumbnail (the pure-Python 8x8 fixtures have none): the main image is decoded, and
        // being one flat shade of grey it has no hash (it would match every other flat picture).
        let small = try PhotoFingerprintTests.fingerprint("ok-muntok-ii-dms.jpg")
        #expect(small.thumbnailHash == nil && small.mainHash == nil && small.imageDigest != nil)
    }

    /// The same digest whether the file is read through `ReadOnlyFile` or held in memory.
    @Test func fileAndMemoryAgree() throws {
        let path = TestPaths.fixture("reuse/reuse-unrelated.jpg")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(try PhotoFingerprint.read(ReadOnlyFile(path: path)) == (try PhotoFingerprint.of(bytes: bytes)))
        #expect(PhotoFingerprint.sha256(of: []) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func otherFormatsGetTheirDigestsOnly() throws {
        let png = try PhotoFingerprintTests.fingerprint("ok-png-exif-chunk.png", decodeMain: true)
        #expect(png.imageDigest != nil && png.perceptual == nil)
        let tiff = try PhotoFingerprintTests.fingerprint("ok-tiff-ifds-after-80kb.tif")
        #expect(tiff.imageDigest == nil && tiff.perceptual == nil && tiff.fileSHA256.count == 64)
        #expect(throws: PhotoError.self) { try PhotoFingerprint.read(path: TestPaths.fixture("no-such-file.jpg")) }
    }

    /// The index finds exactly what comparing with every stored hash finds, for exact-band
    /// (`bands = d + 1`) and radius-probing (4 bands) layouts.
    @Test(arguments: [(bands: 4, d: 0), (bands: 4, d: 6), (bands: 4, d: 10), (bands: 4, d: 13), (bands: 9, d: 8), (bands: 13, d: 12), (bands: 1, d: 3)])
    func indexAgreesWithBruteForce(bands: Int, d: Int) {
        var generator = SplitMix(seed: UInt64(bands * 100 + d))
        var index = PerceptualIndex(bands: bands)
        var stored: [UInt64] = []
        for k in 0..<20_000 {
            // Every tenth hash is a near copy of an earlier one, so that there is something to find.
            var bits = generator.next()
            if k % 10 == 9, let base = stored.last {
                bits = base
                for _ in 0..<Int(generator.next() % 16) { bits ^= 1 << (generator.next() % 64) }
            }
            stored.append(bits)
            index.add(PerceptualHash(bits: bits))
        }
        #expect(index.count == stored.count)
        var found = 0
        for q in 0..<300 {
            var query = q % 2 == 0 ? stored[Int(generator.next() % UInt64(stored.count))] : generator.next()
            for _ in 0..<Int(generator.next() % 8) { query ^= 1 << (generator.next() % 64) }
            let expected = stored.enumerated().compactMap { entry, bits -> (Int, Int)? in
                let distance = (bits ^ query).nonzeroBitCount
                return distance <= d ? (entry, distance) : nil
            }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            let result = index.query(PerceptualHash(bits: query), within: d)
            #expect(result.map(\.entry) == expected.map(\.0) && result.map(\.distance) == expected.map(\.1), "query \(q)")
            found += result.count
        }
        #expect(found > 0)
    }

    @Test func bandValuesCoverAllBitsOnce() {
        for bands in [1, 3, 4, 7, 11, 64] {
            let index = PerceptualIndex(bands: bands)
            let hash = PerceptualHash(bits: 0xDEAD_BEEF_0123_4567)
            let probes = index.probes(for: hash, within: 0)
            #expect(probes.count == bands && probes.allSatisfy { $0.count == 1 })
            #expect(index.bandValues(of: PerceptualHash(bits: UInt64.max)).map { $0.nonzeroBitCount }.reduce(0, +) == 64)
        }
    }
}
