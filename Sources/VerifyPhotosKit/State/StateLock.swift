/// An exclusive lock on a state database (`FILE.lock`, with `flock`), so that two runs never
/// work on the same state at once; the one owner of the lock's descriptor, released in `deinit`
/// (and by the system if the process dies).
///
/// The nightly job often runs as root in a folder others may reach, so the lock file is used
/// only when it is a regular file of this user with no other links: a symbolic link planted at
/// its name is never followed (it could make the run overwrite any file), and a lock others can
/// open is made private (mode 0600), since anyone who can open it can hold it and block the run.
public final class StateLock {
    private let descriptor: Int32

    /// What `init` throws when `shouldStop` ended the wait (SIGINT or SIGTERM).
    public static let stoppedWhileWaiting = StateError(.stoppedWhileWaiting)

    /// Takes the lock, waiting up to `timeout` seconds for another run to release it and
    /// giving up at once when `shouldStop` says so (checked about ten times a second).
    public init(statePath: String, timeout: Double, shouldStop: () -> Bool = { false }) throws(StateError) {
        let path = statePath + ".lock"
        let fd = try PrivateFile.open(path, role: .lockFile)
        let start = StateLock.monotonicSeconds()
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let failure = errno
            guard failure == EWOULDBLOCK || failure == EINTR else {
                close(fd)
                throw StateError(.cannotLock(path: path, reason: ReadOnlyFile.describe(errno: failure)))
            }
            if shouldStop() {
                close(fd)
                throw StateLock.stoppedWhileWaiting
            }
            let waited = StateLock.monotonicSeconds() - start
            guard waited < timeout else {
                let holder = StateLock.holder(fd)
                close(fd)
                throw StateError(.locked(statePath: statePath, process: holder, waitedSeconds: Int(waited)))
            }
            usleep(100_000)  // a signal ends the sleep early
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

    private static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    private static func holder(_ fd: Int32) -> Int? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        let text = n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self).trimmingSpaces : ""
        return Int(text)
    }
}
