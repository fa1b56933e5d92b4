import Foundation
import Testing
@testable import VerifyPhotosKit

@Suite struct MetadataReaderTests {
    let reader = MetadataReader()

    private func read(_ name: String) throws -> PhotoMetadata {
        try reader.read(path: TestPaths.fixture(name))
    }

    @Test(arguments: [
        ("ok-muntok-ii-dms.jpg", -2.0617, 105.1640),          // little-endian, deg/min/sec
        ("ok-jebus-mm-decimal-minutes.jpg", -1.7078, 105.4607), // big-endian, decimal minutes
        ("ok-kelapa-ii-degrees-only.jpg", -1.8863, 105.5526),   // all in the degrees rational
        ("ok-kelapa-mm-dms.jpg", -1.8863, 105.5526),
    ])
    func readsPositionsInEveryByteOrderAndLayout(name: String, latitude: Double, longitude: Double) throws {
        let m = try read(name)
        let position = try #require(m.gps.position)
        #expect(abs(position.latitude - latitude) < 1e-6)
        #expect(abs(position.longitude - longitude) < 1e-6)
        #expect(m.gps.problem == nil)
    }

    @Test(arguments: [
        ("ok-heic-grid-two-exif-items.heic", ContainerFormat.heic, -1.8863, 105.5526),  // the primary's EXIF item
        ("ok-heic-exif-in-idat.heic", .heic, -2.0617, 105.1640),
        ("ok-heic-named-as.jpg", .heic, -1.7078, 105.4607),    // the content decides, not the name
        ("ok-avif.avif", .avif, -2.0617, 105.1640),
        ("ok-png-exif-chunk.png", .png, -2.0617, 105.1640),
        ("ok-png-raw-profile.png", .png, -1.8863, 105.5526),   // zTXt "Raw profile type exif"
        ("ok-webp.webp", .webp, -1.7078, 105.4607),
        ("ok-tiff-ifds-after-80kb.tif", .tiff, -1.7078, 105.4607),  // beyond libexif's 64 KiB
    ])
    func readsEveryContainer(name: String, format: ContainerFormat, latitude: Double, longitude: Double) throws {
        let m = try read(name)
        #expect(m.format == format)
        let position = try #require(m.gps.position)
        #expect(abs(position.latitude - latitude) < 1e-6 && abs(position.longitude - longitude) < 1e-6)
        #expect(m.dateTimeOriginal?.description == "2026-04-17T09:15:00")
        #expect(m.offsetTimeOriginal?.description == "+07:00")
        #expect(m.make == "Samsung")
    }

    @Test func readsEveryValueOfAPhonePhoto() throws {
        let m = try read("ok-muntok-ii-dms.jpg")
        #expect(m.format == .jpeg)
        #expect(m.hasExif)
        #expect(m.make == "Samsung")
        #expect(m.model == "SM-A515F")
        #expect(m.software == "A515FXXU5")
        #expect(m.dateTimeOriginal?.description == "2026-04-17T09:15:00")
        #expect(m.offsetTimeOriginal?.description == "+07:00")
        #expect(m.subSecTimeOriginal == "120")
        #expect(m.gps.altitude == 12.5)
        #expect(m.gps.utcTime?.description == "2026-04-17T02:15:05")
        #expect(m.pixelWidth == 8 && m.pixelHeight == 8)
        #expect(m.imageDamage == nil)
    }

    @Test func readsPositioningErrorAndStatus() throws {
        #expect(try read("near-boundary-gps-error.jpg").gps.horizontalError == 150)
        #expect(try read("invalid-gps-void-status.jpg").gps.status == "V")
    }

    @Test(arguments: [
        ("invalid-gps-zero-denominator.jpg", GPSProblem.zeroDenominator),
        ("invalid-gps-null-island.jpg", GPSProblem.nullIsland),
        ("invalid-gps-void-status.jpg", GPSProblem.voidStatus),
        ("invalid-gps-missing-ref.jpg", GPSProblem.missingReference),
        ("invalid-gps-out-of-range.jpg", GPSProblem.outOfRange),
    ])
    func rejectsInvalidPositionsWithoutGuessing(name: String, problem: GPSProblem) throws {
        let gps = try read(name).gps
        #expect(gps.problem == problem)
        #expect(gps.position == nil)
        #expect(gps.hasPositionTags)
    }

    @Test func photoWithoutExifOrWithoutGPS() throws {
        let bare = try read("no-exif-messenger.jpg")
        #expect(!bare.hasExif)
        #expect(!bare.gps.hasPositionTags)
        let noGPS = try read("no-gps.jpg")
        #expect(noGPS.hasExif)
        #expect(!noGPS.gps.present)
        #expect(noGPS.dateTimeOriginal != nil)
    }

    @Test func createDateIsKeptApartFromDateTimeOriginal() throws {
        let m = try read("ok-create-date-only.jpg")
        #expect(m.dateTimeOriginal == nil)
        #expect(m.createDate?.description == "2026-04-17T09:15:00")
    }

    @Test func unreadableFilesGiveTypedErrors() throws {
        #expect(throws: PhotoError.emptyFile) { try read("unreadable-empty.jpg") }
        #expect(throws: PhotoError.notAPhoto(kind: .plainText)) { try read("unreadable-text-named.jpg") }
        #expect(throws: PhotoError.notARegularFile) { try reader.read(path: TestPaths.fixturesFolder) }
        #expect(throws: PhotoError.self) { try reader.read(path: TestPaths.fixture("does-not-exist.jpg")) }
    }

    @Test func damagedImageKeepsItsMetadata() throws {
        let m = try read("unreadable-truncated-header.jpg")
        #expect(m.imageDamage != nil)
        #expect(m.gps.position != nil)
    }

    @Test func exifTextThatIsNotUTF8StaysValidText() throws {
        let m = try read("hostile-strings.jpg")
        #expect(m.model == "Evil\u{1B}[31mRED\u{1B}[0m\nPhone")
        #expect(m.make == "=HYPERLINK(\"http://x\")")
    }

    @Test func degreesFromEachRationalLayout() {
        func r(_ n: Int64, _ d: Int64) -> ExifRational { ExifRational(numerator: n, denominator: d) }
        #expect(GPSReading.degrees([r(2, 1), r(3, 1), r(42, 1)]) == 2 + 3.0 / 60 + 42.0 / 3600)
        #expect(GPSReading.degrees([r(2, 1), r(3_702_000, 1_000_000), r(0, 1)]) == 2 + 3.702 / 60)
        #expect(GPSReading.degrees([r(20_617_000, 10_000_000), r(0, 1), r(0, 1)]) == 2.0617)
        #expect(GPSReading.degrees([r(2, 1), r(3, 0), r(0, 1)]) == nil)
        #expect(GPSReading.degrees([]) == nil)
        #expect(GPSReading.degrees([r(1, 1), r(1, 1), r(1, 1), r(1, 1)]) == nil)
    }

    @Test func tellsDNGFromTIFFAndKeepsGPSFractions() throws {
        let dng = try MetadataReader().read(path: TestPaths.fixture("ok-dng-version.dng"))
        #expect(dng.format == .dng)
        #expect(try MetadataReader().read(path: TestPaths.fixture("ok-tiff-ifds-after-80kb.tif")).format == .tiff)
        let fraction = try MetadataReader().read(path: TestPaths.fixture("ok-gps-fractional-seconds.jpg"))
        #expect(fraction.gps.utcTimeISO8601 == "2026-04-17T02:15:05.5Z")
        #expect(try MetadataReader().read(path: TestPaths.fixture("ok-muntok-ii-dms.jpg")).gps.utcTimeISO8601 == "2026-04-17T02:15:05Z")
    }

    /// Every fixture and fuzzer regression read from memory (`read(bytes:)`, as the fuzzer
    /// reads) gives what reading the file gives, a failure included.
    @Test func readingFromMemoryIsReadingTheFile() throws {
        let folders = [TestPaths.fixturesFolder, TestPaths.packageRoot.appendingPathComponent("Fuzz/Regressions").path]
        var compared = 0
        for folder in folders {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() {
                let path = folder + "/" + name
                guard let data = FileManager.default.contents(atPath: path) else { continue }
                let fromFile = Result { () throws(PhotoError) in try reader.read(path: path) }
                let fromMemory = Result { () throws(PhotoError) in try reader.read(bytes: [UInt8](data)) }
                #expect(fromMemory == fromFile, "\(name)")
                let expected: PhotoReading
                switch fromFile {
                case .success(let metadata): expected = PhotoReading(metadata: metadata, error: nil)
                case .failure(let error): expected = PhotoReading(metadata: nil, error: error)
                }
                #expect(reader.reading(bytes: [UInt8](data)) == expected, "\(name)")
                // Judged, the same verdict and explanation as the file's.
                let verifier = TestVerifier.verifier
                let judged = verifier.verify(bytes: [UInt8](data), path: PhotoPath(path)), onDisk = verifier.verify(path: path)
                #expect(judged.verdict.reasons == onDisk.verdict.reasons && judged.verdict.status == onDisk.verdict.status, "\(name)")
                #expect(Messages.english.explanation(of: judged) == Messages.english.explanation(of: onDisk), "\(name)")
                compared += 1
            }
        }
        #expect(compared > 40)
    }

    /// EXIF text drops trailing spaces as characters: the same as decoding first and removing
    /// trailing " " characters, also after non-ASCII text, invalid UTF-8 and a prepending mark.
    @Test(arguments: ["Samsung  ", "   ", "", "A\0B  ", "Jalan Kelapa  \0\0", "caf\u{E9}  ", "\u{0600} ", "x\u{301} ", "\u{1F1EE}\u{1F1E9} "])
    func exifTextDropsTrailingSpaces(_ text: String) {
        let reference = { (bytes: [UInt8]) -> String in
            var text = String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            while let last = text.last, last == " " { text.removeLast() }
            return text
        }
        for bytes in [Array(text.utf8), [0xFF, 0x20, 0x20], Array(text.utf8) + [0xC3, 0x20], [0xE2, 0x82] + Array(text.utf8)] {
            #expect(bytes.withUnsafeBufferPointer(exifText) == reference(bytes), "\(bytes)")
        }
    }
}
