import Testing
@testable import VerifyPhotosKit

/// What a file that is not a photo is, from its first bytes.
@Suite struct FileKindTests {
    static let cases: [([UInt8], FileKind?)] = [
        (Array("%PDF-1.7\n%\u{e2}".utf8), .pdf),
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00] + Array("[Content_Types]".utf8), .zip),
        ([0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18), .zip),  // an empty archive
        ([0, 0, 0, 0x20] + Array("ftypisom".utf8) + [0, 0, 2, 0], .video),
        ([0, 0, 0, 0x14] + Array("ftypqt  ".utf8) + [0, 0, 0, 0], .video),
        ([0, 0, 0, 0x08] + Array("wide".utf8) + [0, 0, 0, 0], .video),  // an old QuickTime file
        (Array("GIF89a".utf8) + [1, 0, 1, 0], .gif),
        (Array("BM".utf8) + [0x36, 0x10, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0], .bmp),
        ([0xFF, 0x0A, 0xFA, 0x1F], .jpegXL),
        ([0, 0, 0, 0x0C, 0x4A, 0x58, 0x4C, 0x20, 0x0D, 0x0A, 0x87, 0x0A, 0, 0, 0, 0x14], .jpegXL),
        (Array("This is a text f".utf8), .plainText),
        (Array("Saya di rumah\r\n".utf8), .plainText),
        (Array("Sudah dikirim, ".utf8) + [0xE2], .plainText),  // a character cut off by the sample
        ([0xFF, 0xFE, 0x48, 0x00], .plainText),  // UTF-16 with a byte order mark
        (Array("BMW di depan".utf8), .plainText),  // "BM" alone is not a bitmap
        ([0x00, 0x01, 0x02, 0x03, 0x04, 0x05], nil),
        (Array("Sudah dikirim, ".utf8) + [0xFF], nil),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], nil),  // an old Office file: not told
        ([], nil),
    ]

    @Test(arguments: cases)
    func recognisesCommonKindsByTheirFirstBytes(bytes: [UInt8], kind: FileKind?) {
        #expect(FileKind(magic: bytes) == kind)
    }

    @Test func onlyJPEGXLIsAPhotoFormatNotSupported() {
        #expect(FileKind.allCases.filter(\.isUnsupportedPhotoFormat) == [.jpegXL])
    }

    @Test func theMessageSaysWhatTheFileIs() {
        let en = Messages(language: .english), id = Messages(language: .indonesian)
        #expect(en.describe(PhotoError.notAPhoto(kind: .pdf)) == "not a photo: PDF document")
        #expect(id.describe(PhotoError.notAPhoto(kind: .pdf)) == "bukan foto: dokumen PDF")
        #expect(en.describe(PhotoError.notAPhoto(kind: .jpegXL)).hasPrefix("photo format not supported: JPEG XL"))
        #expect(id.describe(PhotoError.notAPhoto(kind: .jpegXL)).hasPrefix("format foto tidak didukung: JPEG XL"))
        #expect(en.describe(PhotoError.notAPhoto(kind: nil)).hasPrefix("not a photo (the content is not"))
        for kind in FileKind.allCases {
            #expect(!en.fileKind(kind).isEmpty && !id.fileKind(kind).isEmpty)
        }
    }

    @Test func aReadingStoredByAnEarlierVersionStillDecodes() throws {
        let reading = try #require(VerificationState.decodeReading(#"{"error":{"notAPhoto":{}}}"#))
        #expect(reading.error == .notAPhoto(kind: nil))
        let stored = try #require(VerificationState.decodeReading(#"{"error":{"notAPhoto":{"kind":"pdf"}}}"#))
        #expect(stored.error == .notAPhoto(kind: .pdf))
    }
}
