import Foundation
import Testing
@testable import VerifyPhotosKit

/// `JPEGScanWalker` hands on exactly the scan data, and the same bytes however the file is cut
/// into pieces; `PhotoDigests` reading in pieces agrees with the photo held whole in memory.
@Suite struct JPEGScanWalkerTests {
    /// What the walker hands on when fed `bytes` in pieces of `size` (the whole at once for nil).
    static func scanData(_ bytes: [UInt8], pieces size: Int? = nil) -> [UInt8] {
        var walker = JPEGScanWalker()
        var out: [UInt8] = []
        let step = size ?? max(bytes.count, 1)
        bytes.withUnsafeBytes { all in
            for start in stride(from: 0, to: all.count, by: step) {
                walker.feed(UnsafeRawBufferPointer(rebasing: all[start..<min(start + step, all.count)])) { out += $0 }
            }
        }
        walker.finish { out += $0 }
        return out
    }

    static let soi: [UInt8] = [0xFF, 0xD8]
    static let app0: [UInt8] = [0xFF, 0xE0, 0x00, 0x06, 0x4A, 0x46, 0x49, 0x46]
    static let sos: [UInt8] = [0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]
    static let dht: [UInt8] = [0xFF, 0xC4, 0x00, 0x04, 0x00, 0x00]

    /// Stuffed zeros and restart markers are scan data; the marker ending the scan, EOI and
    /// what follows EOI (an MPF preview) are not. Every way of cutting the file gives the same.
    @Test func handsOnTheScanDataAloneInAnyPieces() {
        let scan: [UInt8] = [0x01, 0x02, 0xFF, 0x00, 0x03, 0xFF, 0xD3, 0x04, 0xFF, 0x00]
        let file = Self.soi + Self.app0 + Self.sos + scan + [0xFF, 0xD9] + Self.soi + [0xAA, 0xFF, 0x00]
        for size in [nil] + Array(1...file.count) {
            #expect(Self.scanData(file, pieces: size) == scan, "pieces of \(size ?? file.count)")
        }
    }

    /// A progressive file's scans, with tables and fill bytes between them, in order.
    @Test func everyScanInOrder() {
        let first: [UInt8] = [0x10, 0x11, 0xFF, 0x00]
        let second: [UInt8] = [0x20, 0xFF, 0xD0, 0x21]
        let file = Self.soi + Self.sos + first + [0xFF] + Self.dht + Self.sos + second + [0xFF, 0xFF, 0xD9]
        for size in [nil] + Array(1...file.count) {
            #expect(Self.scanData(file, pieces: size) == first + second, "pieces of \(size ?? file.count)")
        }
    }

    /// A file cut inside a scan yields what is there, a last 0xFF included; broken structure
    /// and other formats yield nothing.
    @Test func truncatedAndBrokenFiles() {
        let cut = Self.soi + Self.sos + [0x05, 0x06, 0xFF]
        for size in [nil, 1, 2, 3] {
            #expect(Self.scanData(cut, pieces: size) == [0x05, 0x06, 0xFF])
        }
        #expect(Self.scanData(Self.soi + [0x00, 0xFF] + Self.sos + [0x05]).isEmpty)
        #expect(Self.scanData(Self.soi + [0xFF, 0xE0, 0x00, 0x01] + Self.sos + [0x05]).isEmpty)
        #expect(Self.scanData(Array("\u{89}PNG\r\n\u{1A}\n".utf8) + Self.sos + [0x05]).isEmpty)
        #expect(Self.scanData(Self.soi + Array(Self.sos.prefix(6))).isEmpty)
    }

    /// Every JPEG of the shared corpus: pieces of 1 KiB, an odd size and 64 KiB give the bytes
    /// of the whole, and `PhotoFingerprint.read` (in pieces where the thumbnail allows) equals
    /// the fingerprint of the photo held in memory.
    @Test(.enabled(if: TestPaths.corpusAvailable, "../shared/corpus not found beside the clone: skipped"))
    func corpusPhotosAgreeReadInPiecesOrWhole() throws {
        let folder = TestPaths.corpus.appendingPathComponent("real")
        var streamed = 0, larger = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.lowercased().hasSuffix(".jpg") {
            let path = folder.appendingPathComponent(name).path
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            let whole = Self.scanData(bytes)
            for size in [1024, 4099, 65536] {
                #expect(Self.scanData(bytes, pieces: size) == whole, "\(name) in pieces of \(size)")
            }
            let file = try ReadOnlyFile(path: path)
            let digests = try PhotoDigests.read(file, decodeMain: false)
            if !digests.isWhole { streamed += 1 }
            if bytes.count > PhotoDigests.pieceSize { larger += 1 }
            #expect(digests.fingerprint(decodeMain: false, file: file) == (try PhotoFingerprint.of(bytes: bytes)), "\(name)")
        }
        // The pieces must really have been taken: most camera JPEGs larger than one piece carry
        // a thumbnail near the start (10 of the corpus's 15).
        #expect(streamed * 3 >= larger * 2, "only \(streamed) of \(larger) corpus photos larger than a piece were read in pieces")
    }
}
