import Foundation
import Testing
@testable import VerifyPhotosKit

/// The tool must never write to the photos it checks.
@Suite struct PhotoSafetyTests {
    static func fingerprint(_ paths: [String]) throws -> [String: (Data, Date)] {
        var out: [String: (Data, Date)] = [:]
        for path in paths {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            out[path] = (try Data(contentsOf: URL(fileURLWithPath: path)), attributes[.modificationDate] as? Date ?? .distantPast)
        }
        return out
    }

    @Test func verifyingLeavesBytesAndModificationTimesAlone() throws {
        let folder = try TemporaryFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: TestPaths.fixturesFolder) where name.hasSuffix(".jpg") {
            try FileManager.default.copyItem(atPath: TestPaths.fixture(name), toPath: folder.appendingPathComponent(name).path)
        }
        let old = Date(timeIntervalSince1970: 1_700_000_000)
        let paths = try FileManager.default.contentsOfDirectory(atPath: folder.path).map { folder.appendingPathComponent($0).path }
        for path in paths { try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: path) }
        let before = try PhotoSafetyTests.fingerprint(paths)
        _ = TestVerifier.results(PhotoFinder().find([folder.path]).items)
        let after = try PhotoSafetyTests.fingerprint(paths)
        #expect(paths.count > 30)
        for path in paths {
            #expect(before[path]?.0 == after[path]?.0, "\(path) changed")
            #expect(before[path]?.1 == after[path]?.1, "\(path) modification time changed")
        }
    }
}
