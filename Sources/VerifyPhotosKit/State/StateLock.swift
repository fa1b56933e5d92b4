#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock on a state database (`FILE.lock`, with `flock`), so that two runs never
/// work on the same state at once; the one owner of the lock's descriptor, released in `deinit`
/// (and by the system if the process dies).
public final class StateLock {
    private let descriptor: Int32

    /// Takes the lock, waiting up to `timeout` seconds for another run to release it.
    public init(statePath: String, timeout: Double) throws(StateError) {
        let path = statePath + ".lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw StateError(description: "cannot create lock file \(path): \(ReadOnlyFile.describe(errno: errno))")
        }
        var waited = 0.0
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, waited < timeout else {
                let holder = StateLock.holder(fd)
                close(fd)
                throw StateError(description: "another verify-photos run\(holder) is using the state \(statePath); "
                                 + "gave up after waiting \(Int(waited)) s (--lock-timeout)")
            }
            usleep(100_000)
            waited += 0.1
        }
        descriptor = fd
        // Note who holds the lock, for the message another run prints.
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    private static func holder(_ fd: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        let text = n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self).trimmingSpaces : ""
        return Int(text).map { " (process \($0))" } ?? ""
    }
}
