import Foundation
import Testing
@testable import VerifyPhotosKit

/// Inputs made to hurt a parser: crafted ones and the fuzzer's minimized crashers in
/// `Fuzz/Regressions/`, and files far larger than any photo.
@Suite struct HostileInputTests {
    static let regressions = TestPaths.packageRoot.appendingPathComponent("Fuzz/Regressions")

    /// What each crafted input (`make fixtures` writes them) must get: a result that says the
    /// evidence is missing, never `ok`, and for a damaged file why it is `unreadable`.
    struct Expected: Sendable {
        var format: ContainerFormat
        var status: PhotoStatus
        var reasons: [ReasonCode]
        /// The `PhotoError` case (its name), or nil when the file is read without an error.
        var error: String?

        static let nothingUsable = [ReasonCode.noGPS, .noCaptureTime]

        static func flagged(_ format: ContainerFormat, _ reasons: [ReasonCode] = nothingUsable) -> Expected {
            Expected(format: format, status: .flagged, reasons: reasons, error: nil)
        }
    }

    static let crafted: [String: Expected] = [
        "crafted-heic-huge-extent.heic": .flagged(.heic),
        "crafted-heic-iloc-empty-extents.heic": .flagged(.heic),
        "crafted-heic-meta-largesize.heic": .flagged(.heic),
        "crafted-heic-zero-length-extents.heic": .flagged(.heic),
        "crafted-heic-zero-size-box.heic": .flagged(.heic),
        "crafted-jpeg-app1-past-eof.jpg": Expected(format: .jpeg, status: .unreadable, reasons: Expected.nothingUsable, error: "damagedJPEG"),
        "crafted-jpeg-huge-rationals.jpg": .flagged(.jpeg, [.invalidGPS]),
        "crafted-jpeg-ifd-loop.jpg": .flagged(.jpeg),
        "crafted-jpeg-many-segments.jpg": .flagged(.jpeg),
        "crafted-png-junk-profiles.png": .flagged(.png),
        "crafted-png-zip-bomb.png": .flagged(.png),
        "crafted-tiff-absurd-count.tif": .flagged(.tiff),
        "crafted-tiff-huge-values.tif": .flagged(.tiff),
        "crafted-tiff-pointer-loop.tif": .flagged(.tiff),
        "crafted-webp-huge-chunk.webp": .flagged(.webp),
    ]

    /// The name of an error's case, without its payload (`damagedJPEG` for `.damagedJPEG(detail:)`).
    static func caseName(_ error: PhotoError?) -> String? {
        error.map { error in Mirror(reflecting: error).children.first?.label ?? "\(error)" }
    }

    /// Every input in `Fuzz/Regressions/`: the crafted ones get exactly what the table says; the
    /// fuzzer's minimized crashers kept beside them are never `ok`. For each, the explanation a
    /// supervisor reads names the file and its result, in both languages.
    @Test func everyRegressionInputGetsTheResultItShould() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: HostileInputTests.regressions.path).sorted()
        for name in HostileInputTests.crafted.keys.sorted() where !names.contains(name) {
            Issue.record("\(name) is missing from Fuzz/Regressions/: run `make fixtures`")
        }
        for name in names {
            let path = HostileInputTests.regressions.appendingPathComponent(name).path
            let result = TestVerifier.verifier.verify(path: path)
            #expect(result.verdict.status != .ok, "\(name): a hostile input passed as ok")
            if let expected = HostileInputTests.crafted[name] {
                #expect(result.metadata?.format == expected.format, "\(name)")
                #expect(result.verdict.status == expected.status, "\(name)")
                #expect(result.verdict.reasons == expected.reasons, "\(name)")
                #expect(HostileInputTests.caseName(result.error) == expected.error, "\(name): \(String(describing: result.error))")
            } else if name.hasPrefix("crafted-") {
                Issue.record("\(name): a crafted input without an expected result in `HostileInputTests.crafted`")
            }
            for language in Language.allCases {
                let messages = Messages(language: language)
                let explanation = messages.explanation(of: result)
                #expect(explanation.contains { $0.hasSuffix(" " + path) }, "\(name), \(language): the explanation does not name the file")
                let resultLine = (language == .english ? "Result: " : "Hasil: ") + messages.status(result.verdict.status)
                #expect(explanation.contains { $0.hasPrefix(resultLine) }, "\(name), \(language): no line \"\(resultLine)\"")
                if let error = result.error {
                    #expect(explanation.contains { $0.contains(messages.describe(error)) }, "\(name), \(language): the error is not explained")
                }
            }
        }
    }

    @Test func loopsAndAbsurdCountsYieldNoPosition() {
        for name in ["crafted-jpeg-ifd-loop.jpg", "crafted-tiff-pointer-loop.tif", "crafted-tiff-absurd-count.tif"] {
            let result = TestVerifier.verifier.verify(path: HostileInputTests.regressions.appendingPathComponent(name).path)
            #expect(result.verdict.reasons.contains(.noGPS), "\(name)")
        }
        let huge = TestVerifier.verifier.verify(path: HostileInputTests.regressions.appendingPathComponent("crafted-jpeg-huge-rationals.jpg").path)
        #expect(huge.verdict.reasons == [.invalidGPS])
        #expect(huge.metadata?.gps.problem == .outOfRange)
    }

    /// Four `iloc` extents of length 0 ("to the end of the file") in a 2.5 MiB HEIC add up to
    /// more than the EXIF limit: this trapped (an integer subtraction below zero) and killed
    /// every nightly run that met the upload. The item is now too large and skipped.
    @Test func zeroLengthExtentsPastTheLimitCostOnlyThatItem() throws {
        let path = HostileInputTests.regressions.appendingPathComponent("crafted-heic-zero-length-extents.heic").path
        let result = TestVerifier.verifier.verify(path: path)
        #expect(result.metadata?.format == .heic)
        #expect(result.metadata?.hasExif == false)
        #expect(result.verdict.reasons == [.noGPS, .noCaptureTime])
    }

    /// Compressed text chunks share one inflate budget per file: after two that inflate to
    /// 8 MiB of junk, a valid profile is no longer inflated (before, every chunk was inflated in
    /// full and a 10 MB PNG took 24 s).
    @Test func pngTextChunksShareOneInflateBudget() throws {
        let path = HostileInputTests.regressions.appendingPathComponent("crafted-png-junk-profiles.png").path
        let result = TestVerifier.verifier.verify(path: path)
        #expect(result.metadata?.hasExif == false)
        #expect(result.verdict.reasons.contains(.noGPS))
        let compressedA: [UInt8] = [0x78, 0x9C, 0x4B, 0x04, 0x00, 0x00, 0x62, 0x00, 0x62]
        var inflater = PNGExif.BudgetedInflater(budget: 100)
        #expect(inflater.inflate(compressedA) == Array("a".utf8))
        #expect(inflater.budget == 99)
        inflater.budget = 0
        #expect(inflater.inflate(compressedA) == nil)
    }

    /// Runs `work` on a thread of its own and awaits its value; nil if the test's time limit
    /// cancelled the wait first (the thread is then left behind, still working). Run in the test
    /// body, a reader that hangs would hold one of the few threads that run the tests (one per
    /// core), and the time limit could then neither fire nor end the test.
    static func onThreadOfItsOwn<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T? {
        let once = OnceResult<T>()
        Thread.detachNewThread { once.resume(work()) }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { once.wait($0) }
        } onCancel: {
            once.resume(nil)
        }
    }

    /// Sparse files of 5 GiB with a valid start: reading must stop long before the end (a full
    /// read would take many seconds and, for a buffer, 5 GiB of memory). If a reader hangs or
    /// reads on to the end, the time limit ends the wait and fails the test.
    @Test(.timeLimit(.minutes(1)), arguments: [
        [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] as [UInt8],                              // JPEG, then zeros
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x7F, 0xFF, 0xFF, 0xF0] + Array("IDAT".utf8),
        Array("RIFF".utf8) + [0xFF, 0xFF, 0xFF, 0xFF] + Array("WEBPVP8X".utf8) + [0xF0, 0xFF, 0xFF, 0x7F],
        [0, 0, 0, 24] + Array("ftypheic".utf8) + [0, 0, 0, 0] + Array("mif1heic".utf8) + [0, 0, 0, 1] + Array("mdat".utf8) + [0, 0, 0, 1, 0x40, 0, 0, 0],
        [0x49, 0x49, 0x2A, 0x00, 0x00, 0x00, 0x00, 0x40],                             // IFD0 at 1 GiB
    ])
    func multiGigabyteFilesAreNotReadInFull(start: [UInt8]) async throws {
        let folder = try TemporaryFolder()
        let url = folder.appendingPathComponent("huge.bin")
        try TestPaths.write(Data(start), to: url)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 5 << 30)
        try handle.close()
        let path = url.path
        let verified = await HostileInputTests.onThreadOfItsOwn { TestVerifier.verifier.verify(path: path) }
        let result = try #require(verified, "no result within the time limit: the 5 GiB file is read in full, or the reader hangs")
        #expect(result.verdict.status != .ok)
        #expect(result.metadata?.gps.position == nil)
        withExtendedLifetime(folder) {}
    }
}

/// A value handed over once from another thread to one waiting task, or nil if the wait was
/// cancelled first; later values are ignored.
private final class OnceResult<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T?, Never>?
    private var value: T??

    func wait(_ continuation: CheckedContinuation<T?, Never>) {
        lock.lock()
        defer { lock.unlock() }
        if let value {
            continuation.resume(returning: value)
        } else {
            self.continuation = continuation
        }
    }

    func resume(_ result: T?) {
        lock.lock()
        defer { lock.unlock() }
        guard value == nil else { return }
        value = .some(result)
        continuation?.resume(returning: result)
        continuation = nil
    }
}
