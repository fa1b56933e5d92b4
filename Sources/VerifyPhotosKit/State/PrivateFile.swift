/// Files a run keeps beside its state (the lock, the crash notes), opened so that nothing
/// planted at their names can turn a root cron job against another file or block it.
enum PrivateFile {
    /// Opens (or creates, mode 0600) the file at `path` without following a link at its name,
    /// and checks that it is a plain file of this user with one name that no one else can open
    /// (a wider mode is tightened). `role` names the file in messages ("lock file").
    static func open(_ path: String, role: String, append: Bool = false) throws(StateError) -> Int32 {
        // O_NONBLOCK: a FIFO planted at the name must not hang the open.
        let flags = O_RDWR | O_CREAT | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK | O_CLOEXEC | (append ? O_APPEND : 0)
        let fd = systemOpen(path, flags, 0o600)
        guard fd >= 0 else {
            let failure = errno
            if failure == ELOOP || failure == EMLINK {
                throw StateError(description: "the \(role) \(path) is a symbolic link, which could make this run overwrite "
                                 + "another file; refusing to use it. Check who made it, remove it, and run again")
            }
            throw StateError(description: "cannot open the \(role) \(path): \(ReadOnlyFile.describe(errno: failure))")
        }
        var info = stat()
        var problem: String?
        if fstat(fd, &info) != 0 {
            problem = "cannot examine the \(role) \(path): \(ReadOnlyFile.describe(errno: errno))"
        } else if (info.st_mode & S_IFMT) != S_IFREG {
            problem = "the \(role) \(path) is not a regular file; refusing to use it. Remove it and run again"
        } else if info.st_uid != geteuid() {
            problem = "the \(role) \(path) belongs to another user (uid \(info.st_uid)), who could hold it and block every run; "
                + "refusing to use it. Remove it (the next run creates its own) and make sure only this user can write to its folder"
        } else if info.st_nlink != 1 {
            problem = "the \(role) \(path) has other hard links (\(info.st_nlink) names), so writing it would change another file; "
                + "refusing to use it. Remove it and run again"
        } else if info.st_mode & 0o7777 != 0o600 && fchmod(fd, 0o600) != 0 {
            problem = "cannot make the \(role) \(path) private (mode 0600): \(ReadOnlyFile.describe(errno: errno))"
        }
        if let problem {
            close(fd)
            throw StateError(description: problem)
        }
        return fd
    }
}

private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
    open(path, flags, mode)
}
