import Foundation
import Testing
@testable import VerifyPhotosKit

/// The walk over an EXIF block's IFDs that finds what libexif does not report: repeated tags,
/// second GPS and Exif IFDs, dates in IFD0, and pointers past the end.
@Suite struct TIFFEntriesTests {
    private func entries(_ fixture: String) throws -> TIFFEntries {
        let segments = try JPEGSegments(reading: ByteSource(ReadOnlyFile(path: TestPaths.fixture(fixture))))
        let payload = try #require(segments.exifBlocks.last)
        // A slice of the file's head: indices start where the segment does, not at 0.
        return try #require(TIFFEntries(block: payload.contiguous(at: 0, count: Int(payload.size))))
    }

    @Test func anOrdinaryBlockHasOneCopyAndIsPassedOnUnchanged() throws {
        let found = try entries("ok-muntok-ii-dms.jpg")
        #expect(found.copyCount == 1)
        #expect(found.blockForLibexif == found.block)
        #expect(found.entries.contains { $0.directory == .gps && $0.tag == 0x0002 })
    }

    @Test(arguments: ["conflicting-duplicate-gps-latitude.jpg", "conflicting-two-gps-ifds.jpg",
                      "conflicting-duplicate-datetimeoriginal.jpg", "conflicting-ifd0-datetimeoriginal.jpg"])
    func repeatedDecisiveTagsMakeSeveralCopies(fixture: String) throws {
        let found = try entries(fixture)
        #expect(found.copyCount == 2)
        let first = TIFFEntries.Copy(entries: found, index: 0), second = TIFFEntries.Copy(entries: found, index: 1)
        let differs = first.rationals(0x0002, in: .gps) != second.rationals(0x0002, in: .gps)
            || first.text(0x9003, in: .exif) != second.text(0x9003, in: .exif)
        #expect(differs)
        // A tag that occurs once reads the same in every copy.
        #expect(first.text(0x010F, in: .image) == "Samsung" && second.text(0x010F, in: .image) == "Samsung")
    }

    @Test func aThumbnailLengthPastTheEndIsHiddenFromLibexifOnly() throws {
        let found = try entries("ok-thumbnail-length-past-end.jpg")
        #expect(found.blockForLibexif != found.block)
        #expect(found.blockForLibexif.count == found.block.count)
        let exif = try #require(ExifDocument(block: found.blockForLibexif))
        #expect(exif.text(0x9003, in: .exif) == "2026:04:17 09:15:00")
        #expect(exif.rationals(0x0002, in: .gps)?.count == 3)
        // Given the block as it is, libexif stops reading IFD0 at that entry.
        let unchanged = try #require(ExifDocument(block: found.block))
        #expect(!unchanged.hasEntries(in: .gps))
    }

    @Test func refusesWhatIsNotATIFFBlock() {
        #expect(TIFFEntries(block: Array("Exif\0\0XX*\0\0\0\0\u{8}".utf8)[...]) == nil)
        #expect(TIFFEntries(block: Array("Exif\0\0".utf8)[...]) == nil)
    }
}
