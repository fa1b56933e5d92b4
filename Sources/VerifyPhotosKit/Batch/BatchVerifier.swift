import Dispatch

/// Verifies many files on all cores and hands the results back in input order.
///
/// Files are taken in chunks; the files of a chunk are read in parallel
/// (`DispatchQueue.concurrentPerform`, suited to blocking file I/O), then the chunk's results are
/// passed on in order before the next chunk starts, so memory stays bounded by the chunk.
public struct BatchVerifier: Sendable {
    public var verifier: PhotoVerifier
    /// Files per chunk.
    public var chunkSize = 256

    public init(verifier: PhotoVerifier) {
        self.verifier = verifier
    }

    /// Verifies `items`, calling `emit` once per item, in order, on the calling thread.
    public func run(_ items: [FoundItem], emit: (PhotoResult) -> Void) {
        var start = 0
        while start < items.count {
            let chunk = Array(items[start..<min(items.count, start + chunkSize)])
            let results = verifyChunk(chunk)
            results.forEach(emit)
            start += chunk.count
        }
    }

    private func verifyChunk(_ chunk: [FoundItem]) -> [PhotoResult] {
        let slots = UnsafeMutableBufferPointer<PhotoResult?>.allocate(capacity: chunk.count)
        slots.initialize(repeating: nil)
        defer { slots.deinitialize().deallocate() }
        let verifier = self.verifier
        // Each iteration writes only its own slot.
        nonisolated(unsafe) let output = slots
        DispatchQueue.concurrentPerform(iterations: chunk.count) { index in
            output[index] = BatchVerifier.verify(chunk[index], with: verifier)
        }
        return slots.compactMap { $0 }
    }

    static func verify(_ item: FoundItem, with verifier: PhotoVerifier) -> PhotoResult {
        switch item {
        case .photo(let path):
            return verifier.verify(path: path)
        case .unreadableFolder(let path, let reason):
            return PhotoResult(path: path.description, metadata: nil, verdict: .unreadable, error: .cannotOpen(reason: reason))
        }
    }
}
