/// Every photo read now: the source of a run without a state. Each photo is read under a
/// `CrashGuard` slot, so that a crash names it; a file that cannot be read is `unreadable`.
public struct FreshReadings: ResultSource {
    public var verifier: PhotoVerifier
    public var chunkSize = 256

    public init(verifier: PhotoVerifier) {
        self.verifier = verifier
    }

    public mutating func results(of chunk: ArraySlice<FoundItem>, include: (PhotoResult) -> Void) {
        let verifier = self.verifier
        parallelMap(Array(chunk)) { slot, item in FreshReadings.verify(item, with: verifier, slot: slot) }.forEach(include)
    }

    /// Verifies one item; `slot` is its `CrashGuard` slot (its index in the chunk in hand; -1: none).
    static func verify(_ item: FoundItem, with verifier: PhotoVerifier, slot: Int = -1) -> PhotoResult {
        switch item {
        case .photo(let path):
            return CrashGuard.reading(path, slot: slot) {
                TestCrashHook.trapIfAsked(path)
                return verifier.verify(path: path)
            }
        case .unreadableFolder(let path, let reason):
            return PhotoResult(path: path.description, metadata: nil, verdict: .unreadable, error: .cannotOpen(reason: reason))
        }
    }
}

/// Test hook for the crash-recovery tests, never set in production:
/// `VERIFY_PHOTOS_TEST_CRASH_ON=<file name>` makes reading a photo of that name trap, as a bug
/// in a reader would.
enum TestCrashHook {
    private static let fileName: [UInt8]? = getenv("VERIFY_PHOTOS_TEST_CRASH_ON").map { Array(String(cString: $0).utf8) }

    static func trapIfAsked(_ path: PhotoPath) {
        guard let fileName, path.bytes.split(separator: UInt8(ascii: "/")).last.map(Array.init) == fileName else { return }
        fatalError("VERIFY_PHOTOS_TEST_CRASH_ON: a test crash")
    }
}
