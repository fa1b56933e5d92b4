import Foundation
import Testing
@testable import VerifyPhotosKit

/// `JPEGGreyDecoder`: its DC-only shortcut (CPhotoShim/dc_decode.c) gives libjpeg's pixels,
/// byte for byte, for every JPEG it takes, and leaves every other JPEG to libjpeg, damaged
/// ones included.
@Suite struct GreyImageTests {
    /// Decodes `bytes` with the shortcut and with libjpeg alone; records a difference and
    /// returns whether the shortcut took the file.
    @discardableResult
    static func expectSameAsLibjpeg(_ bytes: [UInt8], _ label: String) -> Bool {
        let (fast, slow) = bytes.withUnsafeBufferPointer {
            (JPEGGreyDecoder.decodeReportingShortcut($0, dcShortcut: true), JPEGGreyDecoder.decode($0, dcShortcut: false))
        }
        switch (fast, slow) {
        case (.success(let fast), .success(let slow)):
            if fast.image != slow {
                let differing = zip(fast.image.pixels, slow.pixels).filter { $0 != $1 }.count
                Issue.record("\(label): \(fast.image.width)x\(fast.image.height) vs \(slow.width)x\(slow.height), \(differing) pixels differ")
            }
            return fast.dcOnly
        case (.failure(let fast), .failure(let slow)):
            #expect(fast == slow, "\(label)")
            return false
        case (.success(let fast), .failure(let slow)):
            Issue.record("\(label): the shortcut (dcOnly \(fast.dcOnly)) decoded what libjpeg refuses: \(slow.reason)")
            return fast.dcOnly
        case (.failure(let fast), .success):
            Issue.record("\(label): libjpeg decoded what the shortcut path refuses: \(fast.reason)")
            return false
        }
    }

    static func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("decoder/\(name)"))))
    }

    /// The frame's size and whether it is progressive, from its SOF segment.
    static func frame(_ bytes: [UInt8]) -> (width: Int, height: Int, progressive: Bool)? {
        var i = 2
        while i + 9 <= bytes.count, bytes[i] == 0xFF {
            let marker = bytes[i + 1], length = Int(bytes[i + 2]) << 8 | Int(bytes[i + 3])
            if [0xC0, 0xC1, 0xC2].contains(marker) {
                return (Int(bytes[i + 7]) << 8 | Int(bytes[i + 8]), Int(bytes[i + 5]) << 8 | Int(bytes[i + 6]), marker == 0xC2)
            }
            i += 2 + length
        }
        return nil
    }

    /// Where the first scan's entropy-coded data starts (after its SOS header).
    static func scanStart(_ bytes: [UInt8]) -> Int? {
        var i = 2
        while i + 4 <= bytes.count, bytes[i] == 0xFF {
            let marker = bytes[i + 1], length = Int(bytes[i + 2]) << 8 | Int(bytes[i + 3])
            if marker == 0xDA { return i + 2 + length }
            i += 2 + length
        }
        return nil
    }

    @Test(arguments: [("dc-420.jpg", true), ("dc-422.jpg", true), ("dc-444.jpg", true), ("dc-grey.jpg", true),
                      ("dc-restart.jpg", true), ("dc-restart-every-3.jpg", true),
                      ("dc-progressive.jpg", false), ("dc-no-eoi.jpg", false)])
    func fixtureDecodesAsLibjpegDoes(name: String, takenByShortcut: Bool) throws {
        let bytes = try GreyImageTests.fixture(name)
        #expect(GreyImageTests.expectSameAsLibjpeg(bytes, name) == takenByShortcut)
        let decoded = bytes.withUnsafeBufferPointer { JPEGGreyDecoder.decode($0) }
        if name == "dc-no-eoi.jpg" {
            // libjpeg reads ahead past the last MCU, finds the end of the file and says so.
            guard case .failure(let failure) = decoded else { Issue.record("no-EOI file decoded"); return }
            #expect(failure.reason.contains("ends early"), "\(failure.reason)")
        } else {
            let image = try decoded.get()
            #expect(image.width == 67 && image.height == 65)  // ceil(530 / 8) x ceil(514 / 8)
        }
    }

    /// A picture whose shorter side is under 505 pixels is scaled by 1/4 or less (1/8 would
    /// leave it under 64 pixels): libjpeg decodes it.
    @Test func smallPicturesAreLeftToLibjpeg() throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("reuse/reuse-original.jpg"))))
        #expect(!GreyImageTests.expectSameAsLibjpeg(bytes, "reuse-original.jpg"))
    }

    /// A hostile 4:4:4 picture whose chroma DC values only grow (by 32,767 in each of 65,792
    /// blocks, past the largest int): the shortcut must not sum them (libjpeg keeps no chroma
    /// DC for greyscale). The overflow is undefined behaviour, so this fails without the fix
    /// only with the shim's C built with UndefinedBehaviorSanitizer: `scripts/sanitize.sh
    /// undefined` (`make sanitize`).
    @Test func growingChromaDCIsNotSummed() {
        let oneCode = { (symbol: UInt8) -> [UInt8] in [1] + [UInt8](repeating: 0, count: 15) + [symbol] }
        var bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xDB, 0x00, 0x43, 0x00] + [UInt8](repeating: 1, count: 64)
        let frame: [UInt8] = [0xFF, 0xC0, 0x00, 0x11, 0x08, 0x08, 0x00, 0x08, 0x08, 0x03, 0x01, 0x11, 0x00, 0x02, 0x11, 0x00, 0x03, 0x11, 0x00]
        bytes += frame  // 2056 x 2048, three components, no subsampling
        // One 1-bit code per table: luma DC size 0, chroma DC size 15, AC end of block.
        bytes += [0xFF, 0xC4, 0x00, 0x38, 0x00] + oneCode(0) + [0x01] + oneCode(15) + [0x10] + oneCode(0)
        bytes += [0xFF, 0xDA, 0x00, 0x0C, 0x03, 0x01, 0x00, 0x02, 0x10, 0x03, 0x10, 0x00, 0x3F, 0x00]
        // Two MCUs, each: luma 0 0, then per chroma 0, fifteen 1s (+32,767), 0; FF bytes stuffed.
        let twoMCUs: [UInt8] = [0x1F, 0xFF, 0x00, 0xCF, 0xFF, 0x00, 0xE1, 0xFF, 0x00, 0xFC, 0xFF, 0x00, 0xFE]
        for _ in 0..<(257 * 256 / 2) { bytes += twoMCUs }
        bytes += [0xFF, 0xD9]
        #expect(GreyImageTests.expectSameAsLibjpeg(bytes, "growing chroma DC"))
    }

    /// Damaged copies: bytes changed inside the scan, cut short, restart markers inserted,
    /// renumbered or announced at another interval, Huffman tables altered. Whatever libjpeg
    /// makes of each (mended pixels, an error), the shortcut path gives the same.
    @Test(arguments: ["dc-420.jpg", "dc-422.jpg", "dc-grey.jpg", "dc-restart-every-3.jpg"])
    func damagedCopiesDecodeAsLibjpegDoes(name: String) throws {
        let original = try GreyImageTests.fixture(name)
        let start = try #require(GreyImageTests.scanStart(original))
        let end = original.count - 2
        var generator = SplitMix(seed: UInt64(name.utf8.count) * 7919)
        func random(_ range: Range<Int>) -> Int { range.lowerBound + Int(generator.next() % UInt64(range.count)) }
        var taken = 0
        for round in 0..<600 {
            var copy = original
            switch round % 6 {
            case 0:  // a few bytes of the scan changed
                for _ in 0..<random(1..<4) { copy[random(start..<end)] = UInt8(truncatingIfNeeded: generator.next()) }
            case 1:  // one bit flipped
                copy[random(start..<end)] ^= UInt8(1) << UInt8(random(0..<8))
            case 2:  // cut short, with or without an end marker after the cut
                copy = Array(copy[..<random(start..<end)])
                if round % 12 == 2 { copy += [0xFF, 0xD9] }
            case 3:  // a restart marker put into the scan
                copy.insert(contentsOf: [0xFF, UInt8(0xD0 + random(0..<8))], at: random(start..<end))
            case 4:  // a restart marker renumbered, or a fill byte before one
                let markers = (start..<end - 1).filter { copy[$0] == 0xFF && (0xD0...0xD7).contains(copy[$0 + 1]) }
                if let at = markers.isEmpty ? nil : markers[random(0..<markers.count)] {
                    if round % 12 == 4 { copy[at + 1] = UInt8(0xD0 + random(0..<8)) } else { copy.insert(0xFF, at: at) }
                } else {
                    copy.insert(contentsOf: [0xFF, 0xDD, 0x00, 0x04, 0x00, UInt8(random(1..<9))], at: 2)  // a DRI the scan does not follow
                }
            default:  // a byte of the headers (tables, frame, scan header) changed
                copy[random(2..<start)] = UInt8(truncatingIfNeeded: generator.next())
            }
            if GreyImageTests.expectSameAsLibjpeg(copy, "\(name) damaged copy \(round)") { taken += 1 }
        }
        // The comparison means something only if the shortcut took some of the copies.
        #expect(taken >= 20, "the shortcut took \(taken) of 600 damaged copies")
    }

    /// Every JPEG of the shared corpus, real and malformed: the same pixels or the same error
    /// with and without the shortcut, and the shortcut takes most real photos.
    @Test(.enabled(if: TestPaths.corpusAvailable, "../shared/corpus not found beside the clone: skipped"))
    func corpusJPEGsDecodeAsLibjpegDoes() throws {
        var large = 0
        for folder in ["real", "malformed"] {
            let url = TestPaths.corpus.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
            where name.lowercased().hasSuffix(".jpg") || name.lowercased().hasSuffix(".jpeg") {
                let bytes = [UInt8](try Data(contentsOf: url.appendingPathComponent(name)))
                let dcOnly = GreyImageTests.expectSameAsLibjpeg(bytes, "\(folder)/\(name)")
                guard folder == "real" else { continue }
                // Every baseline real photo scaled by 1/8 that libjpeg decodes is one the shortcut takes.
                if let frame = GreyImageTests.frame(bytes), !frame.progressive, min(frame.width, frame.height) >= 512,
                   case .success = bytes.withUnsafeBufferPointer({ JPEGGreyDecoder.decode($0, dcShortcut: false) }) {
                    large += 1
                    #expect(dcOnly, "real/\(name): a baseline photo scaled by 1/8 not taken by the shortcut")
                }
            }
        }
        #expect(large >= 20, "only \(large) baseline real photos of 512 pixels a side or more")
    }
}
