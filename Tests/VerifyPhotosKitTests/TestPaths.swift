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

    /// A new empty folder under this test process's own temporary folder. Prefer
    /// `TemporaryFolder`, which is removed when the test ends; what this returns is removed
    /// (with everything in it) when the test process exits.
    static func temporaryFolder() throws -> URL {
        let url = processFolder.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `$TMPDIR/verify-photos-tests-PID`, made on first use and removed at exit. The folders of
    /// test processes that died without exiting (killed, crashed) are removed then too.
    private static let processFolder: URL = {
        let temporary = FileManager.default.temporaryDirectory
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? [] {
            guard name.hasPrefix("verify-photos-tests-"), let pid = Int32(name.dropFirst("verify-photos-tests-".count)),
                  pid > 0, kill(pid, 0) != 0, errno == ESRCH else { continue }
            removeTree(temporary.appendingPathComponent(name))
        }
        atexit { TestPaths.removeTree(TestPaths.processFolder) }
        return temporary.appendingPathComponent("verify-photos-tests-\(getpid())")
    }()

    /// Removes `url` and everything in it, first giving the owner access to folders a test
    /// made unreadable or unwritable (a `chmod 000` folder cannot be emptied otherwise).
    static func removeTree(_ url: URL) {
        if (try? FileManager.default.removeItem(at: url)) != nil { return }
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        var pending = [url.path]
        while let folder = pending.popLast() {
            var info = stat()
            guard lstat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { continue }
            chmod(folder, 0o700)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                pending.append(folder + "/" + name)
            }
        }
        try? FileManager.default.removeItem(at: url)
    }
}

/// A new empty folder under the system's temporary folder, removed with everything in it when
/// it is released: hold the `TemporaryFolder` itself (not only its `url` or `path`) in a local
/// constant or a stored property for as long as the test uses the folder.
final class TemporaryFolder {
    let url: URL
    var path: String { url.path }

    init() throws { url = try TestPaths.temporaryFolder() }

    /// `url/name`.
    func appendingPathComponent(_ name: String) -> URL { url.appendingPathComponent(name) }

    deinit { TestPaths.removeTree(url) }
}
