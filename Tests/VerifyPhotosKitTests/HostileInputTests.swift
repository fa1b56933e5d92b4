import Foundation
import Testing
@testable import VerifyPhotosKit

/// Inputs made to hurt a parser: crafted ones and the fuzzer's minimized crashers in
/// `Fuzz/Regressions/`, and files far larger than any photo.
@Suite struct HostileInputTests {
    static let regressions = TestPaths.packageRoot.appendingPathComponent("Fuzz/Regressions")

    @Test func everyRegressionInputGetsAResult() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: HostileInputTests.regressions.path).sorted()
        #expect(names.count >= 12)
        for name in names {
            let path = HostileInputTests.regressions.appendingPathComponent(name).path
            let result = VerdictTests.verifier.verify(path: path)
            #expect(result.path == path)
            for language in Language.allCases {
                let messages = Messages(language: language)
                #expect(ReportRecord(result, messages: messages).fields.count == ReportRecord.fieldNames.count)
                #expect(!messages.explanation(of: result, policy: VerdictTests.verifier.policy, boundaryName: "B").isEmpty)
            }
        }
    }

    @Test func loopsAndAbsurdCountsYieldNoPosition() {
        for name in ["crafted-jpeg-ifd-loop.jpg", "crafted-tiff-pointer-loop.tif", "crafted-tiff-absurd-count.tif"] {
            let result = VerdictTests.verifier.verify(path: HostileInputTests.regressions.appendingPathComponent(name).path)
            #expect(result.verdict.reasons.contains(.noGPS), "\(name)")
        }
        let huge = VerdictTests.verifier.verify(path: HostileInputTests.regressions.appendingPathComponent("crafted-jpeg-huge-rationals.jpg").path)
        #expect(huge.verdict.reasons == [.invalidGPS])
        #expect(huge.metadata?.gps.problem == .outOfRange)
    }

    /// Four `iloc` extents of length 0 ("to the end of the file") in a 2.5 MiB HEIC add up to
    /// more than the EXIF limit: this trapped (an integer subtraction below zero) and killed
    /// every nightly run that met the upload. The item is now too large and skipped.
    @Test func zeroLengthExtentsPastTheLimitCostOnlyThatItem() throws {
        let path = HostileInputTests.regressions.appendingPathComponent("crafted-heic-zero-length-extents.heic").path
        let result = VerdictTests.verifier.verify(path: path)
        #expect(result.metadata?.format == .heic)
        #expect(result.metadata?.hasExif == false)
        #expect(result.verdict.reasons == [.noGPS, .noCaptureTime])
    }

    /// Compressed text chunks share one inflate budget per file: after two that inflate to
    /// 8 MiB of junk, a valid profile is no longer inflated (before, every chunk was inflated in
    /// full and a 10 MB PNG took 24 s).
    @Test func pngTextChunksShareOneInflateBudget() throws {
        let path = HostileInputTests.regressions.appendingPathComponent("crafted-png-junk-profiles.png").path
        let result = VerdictTests.verifier.verify(path: path)
        #expect(result.metadata?.hasExif == false)
        #expect(result.verdict.reasons.contains(.noGPS))
        let compressedA: [UInt8] = [0x78, 0x9C, 0x4B, 0x04, 0x00, 0x00, 0x62, 0x00, 0x62]
        var inflater = PNGExif.BudgetedInflater(budget: 100)
        #expect(inflater.inflate(compressedA) == Array("a".utf8))
        #expect(inflater.budget == 99)
        inflater.budget = 0
        #expect(inflater.inflate(compressedA) == nil)
    }

    /// Sparse files of 5 GiB with a valid start: reading must stop long before the end (a full
    /// read would take many seconds and, for a buffer, 5 GiB of memory).
    @Test(arguments: [
        [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] as [UInt8],                              // JPEG, then zeros
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x7F, 0xFF, 0xFF, 0xF0] + Array("IDAT".utf8),
        Array("RIFF".utf8) + [0xFF, 0xFF, 0xFF, 0xFF] + Array("WEBPVP8X".utf8) + [0xF0, 0xFF, 0xFF, 0x7F],
        [0, 0, 0, 24] + Array("ftypheic".utf8) + [0, 0, 0, 0] + Array("mif1heic".utf8) + [0, 0, 0, 1] + Array("mdat".utf8) + [0, 0, 0, 1, 0x40, 0, 0, 0],
        [0x49, 0x49, 0x2A, 0x00, 0x00, 0x00, 0x00, 0x40],                             // IFD0 at 1 GiB
    ])
    func multiGigabyteFilesAreNotReadInFull(start: [UInt8]) throws {
        let url = try TestPaths.temporaryFolder().appendingPathComponent("huge.bin")
        try TestPaths.write(Data(start), to: url)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 5 << 30)
        try handle.close()
        defer { try? FileManager.default.removeItem(at: url) }
        let result = VerdictTests.verifier.verify(path: url.path)
        #expect(result.verdict.status != .ok)
        #expect(result.metadata?.gps.position == nil)
    }
}
