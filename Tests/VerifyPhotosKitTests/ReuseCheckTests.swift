import Foundation
import Testing
@testable import VerifyPhotosKit

/// `duplicate` and `repeated-coordinates`: photos compared across a run, laid out as an upload
/// tree `DAY/NIP/` in a temporary folder from the committed fixtures.
@Suite struct ReuseCheckTests {
    static let ani = "198503152010011002"
    static let budi = "199001012015031003"

    /// Writes each (relative path, bytes) under a new folder; returns the full paths in order.
    private func tree(_ files: [(String, Data)], in folder: TemporaryFolder) throws -> [String] {
        try files.map { name, data in
            let url = folder.url.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
            return url.path
        }
    }

    /// The results of `paths`, checked in batches of `batch` photos as a run writes them.
    private func checked(_ paths: [String], batch: Int = 100, threshold: Int = 8,
                         verifier: PhotoVerifier = TestVerifier.verifier) throws -> (results: [PhotoResult], late: Set<String>) {
        var check = ReuseCheck(threshold: threshold, index: RunReuseIndex())
        var all: [PhotoResult] = []
        for start in stride(from: 0, to: paths.count, by: batch) {
            var results = paths[start..<min(paths.count, start + batch)].map { verifier.verify(path: $0) }
            try check.apply(to: &results)
            all += results
        }
        return (all, check.lateMatches)
    }

    private func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture(name)))
    }

    /// The same file with one byte of its Software tag changed: other metadata, the same image data.
    private func withOtherMetadata(_ data: Data) throws -> Data {
        var bytes = [UInt8](data)
        let software = Array("A515FXXU5".utf8)
        let at = try #require(bytes.indices.first { bytes[$0...].starts(with: software) })
        bytes[at + software.count - 1] = UInt8(ascii: "6")
        return Data(bytes)
    }

    private func matches(_ result: PhotoResult) -> [ReuseMatch] {
        guard case .notReused(let matches, _, _)? = result.verdict.check(.notReused)?.rule else { return [] }
        return matches
    }

    @Test func anExactCopyUnderAnotherNIPIsADuplicateOnBoth() throws {
        let folder = try TemporaryFolder()
        let photo = try fixture("ok-muntok-ii-dms.jpg")
        let paths = try tree([("2026-04-17/\(Self.ani)/foto.jpg", photo), ("2026-04-17/\(Self.budi)/foto.jpg", photo)], in: folder)
        let (results, late) = try checked(paths)
        for (result, other) in zip(results, paths.reversed()) {
            #expect(result.verdict.status == .flagged && result.verdict.reasons.contains(.duplicate), "\(result.verdict.reasons)")
            #expect(matches(result).map(\.otherPath) == [other])
            #expect(matches(result).first.map { $0.kind == .exact && $0.otherSender && $0.otherDay == nil } == true)
        }
        #expect(late.isEmpty)
        let line = Messages(language: .english).sentence(try #require(results[0].verdict.check(.notReused)))
        #expect(line.contains("the same file as") && line.contains("another employee") && line.contains(paths[1]), "\(line)")
    }

    @Test func theSameImageDataWithOtherMetadataIsAnImageDuplicate() throws {
        let folder = try TemporaryFolder()
        let photo = try fixture("ok-muntok-ii-dms.jpg")
        let paths = try tree([("2026-04-17/\(Self.ani)/foto.jpg", photo),
                              ("2026-04-17/\(Self.budi)/foto.jpg", try withOtherMetadata(photo))], in: folder)
        let results = try checked(paths).results
        #expect(results.allSatisfy { $0.verdict.reasons.contains(.duplicate) })
        #expect(matches(results[1]).map(\.kind) == [.image])
    }

    @Test func aCopyInALaterBatchNamesTheEarlierWhichIsKeptForTheLedger() throws {
        let folder = try TemporaryFolder()
        let photo = try fixture("ok-muntok-ii-dms.jpg")
        let paths = try tree([("2026-04-17/\(Self.ani)/foto.jpg", photo), ("2026-04-17/\(Self.budi)/foto.jpg", photo)], in: folder)
        let (results, late) = try checked(paths, batch: 1)
        #expect(!results[0].verdict.reasons.contains(.duplicate))  // written before its copy came
        #expect(results[1].verdict.reasons.contains(.duplicate))
        #expect(late == [paths[0]])
    }

    @Test func oneEmployeeSendingTheSameFileTwiceForOneDayIsOnlyNoted() throws {
        let folder = try TemporaryFolder()
        let photo = try fixture("ok-muntok-ii-dms.jpg")
        let paths = try tree([("2026-04-17/\(Self.ani)/foto.jpg", photo), ("2026-04-17/\(Self.ani)/foto-lagi.jpg", photo)], in: folder)
        let results = try checked(paths).results
        for result in results {
            #expect(result.verdict.check(.notReused)?.outcome == .pass)
            #expect(!result.verdict.reasons.contains(.duplicate) && !result.verdict.reasons.contains(.repeatedCoordinates))
            #expect(matches(result).count == 1 && matches(result).first?.counts == false)
        }
        let line = Messages(language: .english).sentence(try #require(results[0].verdict.check(.notReused)))
        #expect(line.contains("sent twice by the same employee for the same day: not counted"), "\(line)")
    }

    @Test func theSameFileSentForAnotherDayIsADuplicate() throws {
        let folder = try TemporaryFolder()
        let photo = try fixture("ok-muntok-ii-dms.jpg")
        let paths = try tree([("2026-04-17/\(Self.ani)/foto.jpg", photo), ("2026-04-24/\(Self.ani)/foto.jpg", photo)], in: folder)
        let results = try checked(paths).results
        #expect(results.allSatisfy { $0.verdict.reasons.contains(.duplicate) })
        #expect(matches(results[0]).first?.otherDay == CalendarDate(iso: "2026-04-24"))
        #expect(matches(results[0]).first?.otherSender == false)
    }

    @Test func exactlyTheSamePositionOnTwoEmployeesPhotosIsRepeated() throws {
        let folder = try TemporaryFolder()
        // Two different pictures (each fixture's is its own) with the very same EXIF GPS.
        let photo = try fixture("ok-muntok-ii-dms.jpg")
        let other = try samePositionOtherPicture(photo)
        let paths = try tree([("2026-04-17/\(Self.ani)/foto.jpg", photo), ("2026-04-17/\(Self.budi)/foto.jpg", other)], in: folder)
        let results = try checked(paths).results
        for (result, otherPath) in zip(results, paths.reversed()) {
            #expect(result.verdict.status == .review && result.verdict.reasons == [.repeatedCoordinates], "\(result.verdict.reasons)")
            guard case .distinctCoordinates(let repeats, 1)? = result.verdict.check(.distinctCoordinates)?.rule else {
                Issue.record("no coordinates check")
                continue
            }
            #expect(repeats.map(\.otherPath) == [otherPath] && repeats.first?.otherSender == true)
            #expect(!result.verdict.reasons.contains(.duplicate))
        }
    }

    @Test func oneEmployeesPhotosMinutesApartMayShareAFix() throws {
        let folder = try TemporaryFolder()
        let photo = try fixture("ok-muntok-ii-dms.jpg")
        let paths = try tree([("2026-04-17/\(Self.ani)/foto.jpg", photo),
                              ("2026-04-17/\(Self.ani)/foto-2.jpg", try samePositionOtherPicture(photo))], in: folder)
        let results = try checked(paths).results
        #expect(results.allSatisfy { $0.verdict.check(.distinctCoordinates)?.outcome == .pass && $0.verdict.status == .ok })
    }

    @Test func unreadablePhotosAndMetadataOnlyRunsAreNotCompared() throws {
        let folder = try TemporaryFolder()
        let broken = try fixture("unreadable-truncated-header.jpg")
        let photo = try fixture("ok-muntok-ii-dms.jpg")
        let paths = try tree([("2026-04-17/\(Self.ani)/rusak.jpg", broken), ("2026-04-17/\(Self.budi)/rusak.jpg", broken),
                              ("2026-04-17/\(Self.ani)/foto.jpg", photo), ("2026-04-17/\(Self.budi)/foto.jpg", photo)], in: folder)
        let results = try checked(paths).results
        #expect(results[0].verdict.status == .unreadable && results[0].verdict.check(.notReused) == nil)
        #expect(results[1].verdict.check(.notReused) == nil)

        var policy = TestVerifier.verifier.policy
        policy.checksIntegrity = false
        let quick = PhotoVerifier(boundary: TestVerifier.boundary, policy: policy)
        let unchecked = try checked(Array(paths[2...]), verifier: quick).results
        #expect(unchecked.allSatisfy { $0.fingerprint == nil && $0.verdict.check(.notReused)?.outcome == .notJudged })
    }

    /// `photo` with another flat picture (another shade in its one scan byte pair) and the same metadata.
    private func samePositionOtherPicture(_ photo: Data) throws -> Data {
        var bytes = [UInt8](photo)
        let sos = try #require(bytes.indices.last { bytes[$0] == 0xFF && $0 + 1 < bytes.count && bytes[$0 + 1] == 0xDA })
        let scanStart = sos + 2 + Int(bytes[sos + 2]) << 8 + Int(bytes[sos + 3])
        // Category 1 with value 1 ("010" "1"), then end of block ("0"), padded: 0101 0111.
        bytes.replaceSubrange(scanStart..<(bytes.count - 2), with: [0x57])
        return Data(bytes)
    }
}
