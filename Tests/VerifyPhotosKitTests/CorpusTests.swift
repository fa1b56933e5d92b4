import Foundation
import Testing
@testable import VerifyPhotosKit

/// Real photos and malformed files from `../shared/corpus`, against ExifTool's readings.
/// Skipped (visibly) in a clone without `../shared`; `.ci/run` makes them mandatory.
@Suite(.enabled(if: TestPaths.corpusAvailable, "../shared/corpus not found beside the clone: corpus tests skipped"))
struct CorpusTests {
    struct Expected: Decodable {
        var file: String
        var format: String
        var gps_lat: Double?
        var gps_lon: Double?
        var gps_datetime_utc: String?
        var datetime_original: String?
        var offset_time_original: String?
    }

    static func expectations() throws -> [Expected] {
        let text = try String(contentsOf: TestPaths.corpus.appendingPathComponent("expected.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Expected.self, from: Data($0.utf8)) }
    }

    @Test func realPhotosAgreeWithExifTool() throws {
        let supported = Set(MetadataReader.supportedFormats.map(\.rawValue))
        let real = try CorpusTests.expectations().filter { $0.file.hasPrefix("real/") && supported.contains($0.format) }
        #expect(real.count >= 100)
        var compared = 0
        for e in real {
            let path = TestPaths.corpus.appendingPathComponent(e.file).path
            let m: PhotoMetadata
            do {
                m = try MetadataReader().read(path: path)
            } catch {
                Issue.record("\(e.file): \(error)")
                continue
            }
            if let lat = e.gps_lat, let lon = e.gps_lon {
                compared += 1
                if lat == 0 && lon == 0 {
                    #expect(m.gps.problem == .nullIsland, "\(e.file)")
                } else {
                    let p = m.gps.position
                    #expect(p != nil && abs(p!.latitude - lat) <= 1e-6 && abs(p!.longitude - lon) <= 1e-6,
                            "\(e.file): read \(String(describing: p)), ExifTool \(lat), \(lon)")
                }
            }
            if let raw = e.datetime_original, let want = LocalDateTime(exif: raw) {
                compared += 1
                #expect(m.dateTimeOriginal == want, "\(e.file): read \(String(describing: m.dateTimeOriginal)), ExifTool \(raw)")
            }
            if let raw = e.offset_time_original?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
                compared += 1
                #expect(m.offsetTimeOriginal?.description == raw, "\(e.file)")
            }
            if let raw = e.gps_datetime_utc, raw.count == 20 || raw.contains("."),
               let want = LocalDateTime(exif: String(raw.prefix(19))) {
                compared += 1
                let got = m.gps.utcTime
                #expect(got != nil && abs(got!.secondsSinceEpoch - want.secondsSinceEpoch) <= 1,
                        "\(e.file): read \(String(describing: got)), ExifTool \(raw)")
            }
        }
        #expect(compared >= 150)
    }

    @Test func everyMalformedFileGetsAResultWithoutACrash() throws {
        let folder = TestPaths.corpus.appendingPathComponent("malformed")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names.count >= 150)
        let paths = names.map { folder.appendingPathComponent($0).path }
        let before = try PhotoSafetyTests.fingerprint(paths)
        let results = TestVerifier.results(paths.map { FoundItem.photo(path: $0) })
        #expect(results.map(\.path) == paths)
        for result in results where result.verdict.status == .unreadable {
            #expect(result.error != nil, "\(result.path): unreadable without an error")
        }
        let after = try PhotoSafetyTests.fingerprint(paths)
        for path in paths {
            #expect(before[path]?.0 == after[path]?.0 && before[path]?.1 == after[path]?.1, "\(path) was modified")
        }
    }
}
