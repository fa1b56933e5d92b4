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
///
/// The nightly job often runs as root in a folder others may reach, so the lock file is used
/// only when it is a regular file of this user with no other links: a symbolic link planted at
/// its name is never followed (it could make the run overwrite any file), and a lock others can
/// open is made private (mode 0600), since anyone who can open it can hold it and block the run.
public final class StateLock {
    private let descriptor: Int32

    /// What `init` throws when `shouldStop` ended the wait (SIGINT or SIGTERM).
    public static let stoppedWhileWaiting = StateError(
        description: "stopped while waiting for another verify-photos run to release the state")

    /// Takes the lock, waiting up to `timeout` seconds for another run to release it and
    /// giving up at once when `shouldStop` says so (checked about ten times a second).
    public init(statePath: String, timeout: Double, shouldStop: () -> Bool = { false }) throws(StateError) {
        let path = statePath + ".lock"
        let fd = try StateLock.openPrivately(path)
        let start = StateLock.monotonicSeconds()
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let failure = errno
            guard failure == EWOULDBLOCK || failure == EINTR else {
                close(fd)
                throw StateError(description: "cannot lock \(path): \(ReadOnlyFile.describe(errno: failure))")
            }
            if shouldStop() {
                close(fd)
                throw StateLock.stoppedWhileWaiting
            }
            let waited = StateLock.monotonicSeconds() - start
            guard waited < timeout else {
                let holder = StateLock.holder(fd)
                close(fd)
                throw StateError(description: "another verify-photos run\(holder) is using the state \(statePath); "
                                 + "gave up after waiting \(Int(waited)) s (--lock-timeout)")
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

    /// Opens (or creates, mode 0600) the lock file without following a link at its name, and
    /// checks that it is a plain file of this user that no one else can open.
    private static func openPrivately(_ path: String) throws(StateError) -> Int32 {
        // O_NONBLOCK: a FIFO planted at the name must not hang the open.
        let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            let failure = errno
            if failure == ELOOP || failure == EMLINK {
                throw StateError(description: "the lock file \(path) is a symbolic link, which could make this run overwrite "
                                 + "another file; refusing to use it. Check who made it, remove it, and run again")
            }
            throw StateError(description: "cannot open the lock file \(path): \(ReadOnlyFile.describe(errno: failure))")
        }
        var info = stat()
        var problem: String?
        if fstat(fd, &info) != 0 {
            problem = "cannot examine the lock file \(path): \(ReadOnlyFile.describe(errno: errno))"
        } else if (info.st_mode & S_IFMT) != S_IFREG {
            problem = "the lock file \(path) is not a regular file; refusing to use it. Remove it and run again"
        } else if info.st_uid != geteuid() {
            problem = "the lock file \(path) belongs to another user (uid \(info.st_uid)), who could hold it and block every run; "
                + "refusing to use it. Remove it (the next run creates its own) and make sure only this user can write to its folder"
        } else if info.st_nlink != 1 {
            problem = "the lock file \(path) has other hard links (\(info.st_nlink) names), so writing it would change another file; "
                + "refusing to use it. Remove it and run again"
        } else if info.st_mode & 0o7777 != 0o600 && fchmod(fd, 0o600) != 0 {
            problem = "cannot make the lock file \(path) private (mode 0600): \(ReadOnlyFile.describe(errno: errno))"
        }
        if let problem {
            close(fd)
            throw StateError(description: problem)
        }
        return fd
    }

    private static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    private static func holder(_ fd: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        let text = n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self).trimmingSpaces : ""
        return Int(text).map { " (process \($0))" } ?? ""
    }
}
