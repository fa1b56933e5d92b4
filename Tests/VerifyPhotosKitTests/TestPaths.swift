import Foundation

/// Where the package's fixtures and the shared corpus are, found from this source file.
enum TestPaths {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ name: String) -> String {
        packageRoot.appendingPathComponent("Fixtures").appendingPathComponent(name).path
    }

    static var fixturesFolder: String { packageRoot.appendingPathComponent("Fixtures").path }

    /// `../shared/corpus` beside the clone; absent in a user's clone (those tests then skip).
    static var corpus: URL { packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus") }

    static var corpusAvailable: Bool {
        FileManager.default.fileExists(atPath: corpus.appendingPathComponent("expected.jsonl").path)
    }

    /// Writes `data` to `url`, failing the test on error.
    static func write(_ data: Data, to url: URL) throws {
        try data.write(to: url)
    }

    /// A new empty folder under the system's temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("verify-photos-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
