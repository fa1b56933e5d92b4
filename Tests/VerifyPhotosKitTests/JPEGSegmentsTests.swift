import Foundation
import Testing
@testable import VerifyPhotosKit

@Suite struct JPEGSegmentsTests {
    /// The segments of `bytes` read from a file, checked to be those read from memory.
    private func segments(_ bytes: [UInt8]) throws -> JPEGSegments {
        let folder = try TestPaths.temporaryFolder()
        let url = folder.appendingPathComponent("x.jpg")
        try TestPaths.write(Data(bytes), to: url)
        let found = try JPEGSegments(reading: ByteSource(ReadOnlyFile(path: url.path)))
        let inMemory = try JPEGSegments(reading: ByteSource(bytes))
        #expect(try payloads(inMemory) == payloads(found))
        #expect(inMemory.xmpPackets == found.xmpPackets)
        #expect(inMemory.copiesLeftOut == found.copiesLeftOut && inMemory.reachedScan == found.reachedScan)
        return found
    }

    /// The bytes of every EXIF segment found, `Exif\0\0` included.
    private func payloads(_ found: JPEGSegments) throws -> [[UInt8]] {
        try found.exifBlocks.map { try $0.bytes(at: 0, count: Int($0.size)) }
    }

    private func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
        [0xFF, marker, UInt8((payload.count + 2) >> 8), UInt8((payload.count + 2) & 0xFF)] + payload
    }

    @Test func findsExifAfterJFIFAndXMP() throws {
        let file = try ReadOnlyFile(path: TestPaths.fixture("ok-exif-after-jfif-and-xmp.jpg"))
        let found = try JPEGSegments(reading: ByteSource(file))
        #expect(try payloads(found).first?.starts(with: Array("Exif\0\0".utf8)) == true)
        #expect(found.reachedScan)
    }

    @Test func noExifInABareJPEG() throws {
        let found = try JPEGSegments(reading: ByteSource(ReadOnlyFile(path: TestPaths.fixture("no-exif-messenger.jpg"))))
        #expect(found.exifBlocks.isEmpty)
        #expect(found.reachedScan)
    }

    @Test func skipsFillBytesAndKeepsEveryExifAndXMPSegment() throws {
        let first = segment(0xE1, Array("Exif\0\0".utf8) + [1, 2, 3])
        let second = segment(0xE1, Array("Exif\0\0".utf8) + [9, 9, 9])
        let xmp = segment(0xE1, JPEGSegments.xmpSignature + Array("<x/>".utf8))
        let found = try segments([0xFF, 0xD8, 0xFF, 0xFF] + first + xmp + second + segment(0xDA, [0]))
        #expect(try payloads(found) == [Array("Exif\0\0".utf8) + [1, 2, 3], Array("Exif\0\0".utf8) + [9, 9, 9]])
        #expect(found.xmpPackets == [Array("<x/>".utf8)])
        #expect(!found.copiesLeftOut)
        #expect(found.reachedScan)
    }

    @Test func readsAtMostEightCopiesAndSaysSo() throws {
        let many = (0..<10).flatMap { i in segment(0xE1, Array("Exif\0\0".utf8) + [UInt8(i)]) }
        let found = try segments([0xFF, 0xD8] + many + segment(0xDA, [0]))
        #expect(found.exifBlocks.count == MetadataBlocks.maxCopies)
        #expect(found.copiesLeftOut)
    }

    @Test func stopsQuietlyAtBrokenStructure() throws {
        // A length of 1 is impossible: the walk ends, keeping nothing, without throwing.
        let found = try segments([0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x01, 0xAB])
        #expect(found.exifBlocks.isEmpty)
        #expect(!found.reachedScan)
        // A segment claiming to run past the end of the file.
        let cut = try segments([0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xF0] + Array("Exif\0\0".utf8))
        #expect(try payloads(cut) == [Array("Exif\0\0".utf8)])
    }

    @Test func refusesAFileThatIsNotAJPEG() throws {
        #expect(throws: PhotoError.self) { try segments(Array("hello".utf8)) }
    }
}
