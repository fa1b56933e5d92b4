import FuzzSupport
import Glibc
import VerifyPhotosKit

/// One verifier for all inputs: building the boundary index once keeps each run cheap.
nonisolated(unsafe) private var verifier: PhotoVerifier?

/// Most heap one input may hold at once. Reading a photo needs a few tens of MB at most (the
/// limits in the README's "Hostile input"); more is the "memory" bug class, reported as a crash.
private let heapLimit = 300 << 20

/// A file in shared memory (tmpfs) that holds the current input.
private let inputPath = "/dev/shm/verify-photos-fuzz-\(getpid())"

/// libFuzzer's entry point: the bytes become an in-memory file, which goes through the same
/// path as a photo on disk: container, EXIF, rules, the explanation and the report record.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    if verifier == nil {
        guard let boundary = try? Boundary.bangkaBarat() else { abort() }
        verifier = PhotoVerifier(boundary: boundary, policy: VerificationPolicy(nowUTCSeconds: 1_795_939_200))
    }
    guard let verifier else { return 0 }
    // Overwritten in place and then cut to size: truncating to 0 first would free and zero
    // the tmpfs pages of a multi-megabyte input on every run.
    let fd = open(inputPath, O_WRONLY | O_CREAT, 0o600)
    guard fd >= 0 else { abort() }
    var written = 0
    while written < size {
        let n = pwrite(fd, data + written, size - written, off_t(written))
        guard n > 0 else { abort() }
        written += n
    }
    guard ftruncate(fd, off_t(size)) == 0 else { abort() }
    close(fd)
    fuzz_heap_watch_begin(heapLimit)
    defer { fuzz_heap_watch_end() }
    let result = verifier.verify(path: inputPath)
    for language in Language.allCases {
        let messages = Messages(language: language)
        _ = messages.explanation(of: result, policy: verifier.policy, boundaryName: "Kabupaten Bangka Barat")
        let record = ReportRecord(result, messages: messages)
        precondition(record.fields.count == ReportRecord.fieldNames.count)
    }
    return 0
}
