import Glibc
import VerifyPhotosKit

/// One verifier for all inputs: building the boundary index once keeps each run cheap.
nonisolated(unsafe) private var verifier: PhotoVerifier?

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
    let fd = open(inputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard fd >= 0 else { abort() }
    var written = 0
    while written < size {
        let n = write(fd, data + written, size - written)
        guard n > 0 else { abort() }
        written += n
    }
    close(fd)
    let result = verifier.verify(path: inputPath)
    for language in Language.allCases {
        let messages = Messages(language: language)
        _ = messages.explanation(of: result, policy: verifier.policy, boundaryName: "Kabupaten Bangka Barat")
        let record = ReportRecord(result, messages: messages)
        precondition(record.fields.count == ReportRecord.fieldNames.count)
    }
    return 0
}
