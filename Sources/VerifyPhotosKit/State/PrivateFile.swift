/// Files a run keeps beside its state (the lock, the crash notes), opened so that nothing
/// planted at their names can turn a root cron job against another file or block it.
enum PrivateFile {
    /// Opens (or creates, mode 0600) the file at `path` without following a link at its name,
    /// and checks that it is a plain file of this user with one name that no one else can open
    /// (a wider mode is tightened). `role` names the file in messages ("lock file").
    static func open(_ path: String, role: StateError.FileRole, append: Bool = false) throws(StateError) -> Int32 {
        // O_NONBLOCK: a FIFO planted at the name must not hang the open.
        let flags = O_RDWR | O_CREAT | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK | O_CLOEXEC | (append ? O_APPEND : 0)
        let fd = systemOpen(path, flags, 0o600)
        guard fd >= 0 else {
            let failure = errno
            if failure == ELOOP || failure == EMLINK {
                throw StateError(.symbolicLink(role, path: path))
            }
            throw StateError(.cannotOpen(role, path: path, reason: ReadOnlyFile.describe(errno: failure)))
        }
        var info = stat()
        var problem: StateError.Problem?
        if fstat(fd, &info) != 0 {
            problem = .cannotExamine(role, path: path, reason: ReadOnlyFile.describe(errno: errno))
        } else if (info.st_mode & S_IFMT) != S_IFREG {
            problem = .notRegularFile(role, path: path)
        } else if info.st_uid != geteuid() {
            problem = .otherOwner(role, path: path, uid: UInt32(info.st_uid))
        } else if info.st_nlink != 1 {
            problem = .hardLinks(role, path: path, names: Int(info.st_nlink))
        } else if info.st_mode & 0o7777 != 0o600 && fchmod(fd, 0o600) != 0 {
            problem = .cannotMakePrivate(role, path: path, reason: ReadOnlyFile.describe(errno: errno))
        }
        if let problem {
            close(fd)
            throw StateError(problem)
        }
        return fd
    }
}

private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
    open(path, flags, mode)
}
