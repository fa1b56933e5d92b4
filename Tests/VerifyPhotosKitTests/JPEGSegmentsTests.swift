import Foundation
import Testing
@testable import VerifyPhotosKit

@Suite struct JPEGSegmentsTests {
    private func segments(_ bytes: [UInt8]) throws -> JPEGSegments {
        let folder = try TestPaths.temporaryFolder()
        let url = folder.appendingPathComponent("x.jpg")
        try TestPaths.write(Data(bytes), to: url)
        return try JPEGSegments(reading: ReadOnlyFile(path: url.path))
    }

    private func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
        [0xFF, marker, UInt8((payload.count + 2) >> 8), UInt8((payload.count + 2) & 0xFF)] + payload
    }

    @Test func findsExifAfterJFIFAndXMP() throws {
        let file = try ReadOnlyFile(path: TestPaths.fixture("ok-exif-after-jfif-and-xmp.jpg"))
        let found = try JPEGSegments(reading: file)
        #expect(found.exifPayloads.first?.starts(with: Array("Exif\0\0".utf8)) == true)
        #expect(found.reachedScan)
    }

    @Test func noExifInABareJPEG() throws {
        let found = try JPEGSegments(reading: ReadOnlyFile(path: TestPaths.fixture("no-exif-messenger.jpg")))
        #expect(found.exifPayloads.isEmpty)
        #expect(found.reachedScan)
    }

    @Test func skipsFillBytesAndKeepsEveryExifAndXMPSegment() throws {
        let first = segment(0xE1, Array("Exif\0\0".utf8) + [1, 2, 3])
        let second = segment(0xE1, Array("Exif\0\0".utf8) + [9, 9, 9])
        let xmp = segment(0xE1, JPEGSegments.xmpSignature + Array("<x/>".utf8))
        let found = try segments([0xFF, 0xD8, 0xFF, 0xFF] + first + xmp + second + segment(0xDA, [0]))
        #expect(found.exifPayloads == [Array("Exif\0\0".utf8) + [1, 2, 3], Array("Exif\0\0".utf8) + [9, 9, 9]])
        #expect(found.xmpPackets == [Array("<x/>".utf8)])
        #expect(!found.copiesLeftOut)
        #expect(found.reachedScan)
    }

    @Test func readsAtMostEightCopiesAndSaysSo() throws {
        let many = (0..<10).flatMap { i in segment(0xE1, Array("Exif\0\0".utf8) + [UInt8(i)]) }
        let found = try segments([0xFF, 0xD8] + many + segment(0xDA, [0]))
        #expect(found.exifPayloads.count == MetadataBlocks.maxCopies)
        #expect(found.copiesLeftOut)
    }

    @Test func stopsQuietlyAtBrokenStructure() throws {
        // A length of 1 is impossible: the walk ends, keeping nothing, without throwing.
        let found = try segments([0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x01, 0xAB])
        #expect(found.exifPayloads.isEmpty)
        #expect(!found.reachedScan)
        // A segment claiming to run past the end of the file.
        let cut = try segments([0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xF0] + Array("Exif\0\0".utf8))
        #expect(cut.exifPayloads == [Array("Exif\0\0".utf8)])
    }

    @Test func refusesAFileThatIsNotAJPEG() throws {
        #expect(throws: PhotoError.self) { try segments(Array("hello".utf8)) }
    }
}
