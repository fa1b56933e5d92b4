import Foundation
import FuzzSupport
import Glibc
import VerifyPhotosKit

/// One verifier for all inputs: building the boundary index once keeps each run cheap.
nonisolated(unsafe) private var verifier: PhotoVerifier?

/// Most heap one input may hold at once. Reading a photo needs a few tens of MB at most (the
/// limits in the README's "Hostile input"); more is the "memory" bug class, reported as a crash.
private let heapLimit = 300 << 20

/// The name the input is reported under (no file of that name exists).
private let inputPath = PhotoPath("fuzz-input")

/// Where the report writers would write: never written to, only their rows are made.
private let output = TextOutput()

/// How many fields a JSON report row has: the same for every input (set by the first).
nonisolated(unsafe) private var jsonFieldCount: Int?

/// libFuzzer's entry point: the bytes are read from memory (`PhotoVerifier.verify(bytes:path:)`,
/// the same reading as of a file with that content, with no file written) and go through the
/// whole path of a photo: container, EXIF, rules, the explanation and the report rows.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    if verifier == nil {
        guard let boundary = try? Boundary.bangkaBarat() else { abort() }
        verifier = PhotoVerifier(boundary: boundary, policy: VerificationPolicy(nowUTCSeconds: 1_795_939_200))
    }
    guard let verifier else { return 0 }
    // Copied before the heap watch starts: the input itself is not the reader's to account for.
    let input = [UInt8](UnsafeBufferPointer(start: data, count: size))
    fuzz_heap_watch_begin(heapLimit)
    defer { fuzz_heap_watch_end() }
    let result = verifier.verify(bytes: input, path: inputPath)
    for language in Language.allCases {
        let messages = Messages(language: language)
        _ = messages.explanation(of: result)
        _ = CSVReport(output: output, messages: messages).row(for: result)
        // Whatever the photo holds, its JSON row is one valid object with every field.
        let row = JSONReport(output: output, messages: messages).row(for: result)
        guard let object = try? JSONSerialization.jsonObject(with: Data(row.utf8)) as? [String: Any] else {
            preconditionFailure("not a JSON object: \(row)")
        }
        if jsonFieldCount == nil { jsonFieldCount = object.count }
        precondition(object.count == jsonFieldCount, "a JSON row with \(object.count) fields, not \(jsonFieldCount ?? 0)")
    }
    return 0
}
