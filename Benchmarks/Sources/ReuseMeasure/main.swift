// Hashes photos for scripts/reuse/measure.py, and times the parts of a fingerprint.
//
//   ReuseMeasure hash < paths            one JSON line per path: {path, imageDigest, perceptual, perceptualMain}
//   ReuseMeasure time FILE [N]           per-part timings on FILE, N repetitions (default 50)
//   ReuseMeasure throughput THREADS < paths   photos/s of PhotoFingerprint.read (decodeMain false)
import Foundation
import VerifyPhotosKit

func json(_ value: String?) -> String {
    guard let value else { return "null" }
    var s = "\""
    for c in value.unicodeScalars {
        switch c {
        case "\"": s += "\\\""
        case "\\": s += "\\\\"
        case _ where c.value < 0x20: s += String(format: "\\u%04x", c.value)
        default: s.unicodeScalars.append(c)
        }
    }
    return s + "\""
}

func readPaths() -> [String] {
    var paths: [String] = []
    while let line = readLine() { if !line.isEmpty { paths.append(line) } }
    return paths
}

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let arguments = CommandLine.arguments
switch arguments.count > 1 ? arguments[1] : "" {
case "hash":
    for path in readPaths() {
        guard let bytes = FileManager.default.contents(atPath: path).map({ [UInt8]($0) }) else {
            print("{\"path\": \(json(path)), \"error\": \"unreadable\"}")
            continue
        }
        let thumbnail = PerceptualHash.ofThumbnail(photo: bytes)
        let main = PerceptualHash.ofMainImage(photo: bytes)
        print("{\"path\": \(json(path)), \"imageDigest\": \(json(ImageDigest.of(bytes: bytes))), "
              + "\"perceptual\": \(json(thumbnail?.description)), \"perceptualMain\": \(json(main?.description))}")
    }
case "time":
    let path = arguments[2]
    let n = arguments.count > 3 ? Int(arguments[3]) ?? 50 : 50
    var bytes: [UInt8] = []
    let read = seconds { for _ in 0..<n { bytes = (try? ReadOnlyFile(path: path)).flatMap { try? $0.bytes(at: 0, count: Int($0.size)) } ?? [] } } / Double(n)
    var sink = 0
    let sha = seconds { for _ in 0..<n { sink &+= PhotoFingerprint.sha256(of: bytes)?.count ?? 0 } } / Double(n)
    let digest = seconds { for _ in 0..<n { sink &+= ImageDigest.of(bytes: bytes)?.count ?? 0 } } / Double(n)
    let thumbnail = seconds { for _ in 0..<n { sink &+= Int(truncatingIfNeeded: PerceptualHash.ofThumbnail(photo: bytes)?.bits ?? 0) } } / Double(n)
    let main = seconds { for _ in 0..<n { sink &+= Int(truncatingIfNeeded: PerceptualHash.ofMainImage(photo: bytes)?.bits ?? 0) } } / Double(n)
    let whole = seconds { for _ in 0..<n { sink &+= (try? PhotoFingerprint.read(path: path))?.fileSHA256.count ?? 0 } } / Double(n)
    let wholeMain = seconds { for _ in 0..<n { sink &+= (try? PhotoFingerprint.read(path: path, decodeMain: true))?.fileSHA256.count ?? 0 } } / Double(n)
    func ms(_ s: Double) -> String { String(format: "%.2f ms", s * 1000) }
    print("file: \(path) (\(bytes.count) bytes), \(n) repetitions")
    print("read whole file:          \(ms(read))")
    print("SHA-256 of all bytes:     \(ms(sha))")
    print("image digest (scan data): \(ms(digest))")
    print("thumbnail decode + hash:  \(ms(thumbnail))")
    print("main 1/8 decode + hash:   \(ms(main))")
    print("PhotoFingerprint.read:    \(ms(whole))")
    print("  with decodeMain:        \(ms(wholeMain))")
    if sink == 42 { print("") }
case "throughput":
    let threads = arguments.count > 2 ? Int(arguments[2]) ?? 2 : 2
    let decodeMain = arguments.count > 3 && arguments[3] == "main"
    let paths = readPaths()
    let next = NSLock()
    nonisolated(unsafe) var position = 0
    let elapsed = seconds {
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while true {
                next.lock()
                let i = position
                position += 1
                next.unlock()
                guard i < paths.count else { return }
                _ = try? PhotoFingerprint.read(path: paths[i], decodeMain: decodeMain)
            }
        }
    }
    print(String(format: "%d photos, %d threads, decodeMain %@: %.2f s, %.0f photos/s",
                 paths.count, threads, decodeMain ? "on" : "off", elapsed, Double(paths.count) / elapsed))
default:
    print("usage: ReuseMeasure hash|time FILE [N]|throughput THREADS [main]  (paths on standard input)")
    exit(2)
}
