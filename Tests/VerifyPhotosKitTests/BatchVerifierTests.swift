import Foundation
import Testing
@testable import VerifyPhotosKit

@Suite struct BatchVerifierTests {
    @Test func resultsComeBackInInputOrderAndBadFilesDoNotStopTheBatch() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: TestPaths.fixturesFolder).filter { $0.hasSuffix(".jpg") }.sorted()
        var items = names.map { FoundItem.photo(path: TestPaths.fixture($0)) }
        items.insert(.unreadableFolder(PhotoPath("/locked"), reason: "Permission denied"), at: 3)
        items.append(.photo(path: "/nonexistent/photo.jpg"))
        items = Array(repeating: items, count: 5).flatMap { $0 }  // more than one chunk

        var batch = BatchVerifier(verifier: TestVerifier.verifier)
        batch.chunkSize = 16
        var paths: [String] = []
        var unreadable = 0
        batch.run(items) { result in
            paths.append(result.path)
            if result.verdict.status == .unreadable { unreadable += 1 }
        }
        let expected = items.map { item -> String in
            switch item {
            case .photo(let path), .unreadableFolder(let path, _): return path.description
            }
        }
        #expect(paths == expected)
        #expect(unreadable == 5 * 5)  // 3 unreadable fixtures, the folder and the missing file
    }
}
