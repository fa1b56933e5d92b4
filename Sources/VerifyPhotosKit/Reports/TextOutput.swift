/// Why a report could not be written: which output, and what the system said.
public struct OutputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file name, or `standard output`.
    public var output: String
    public var reason: String

    public var description: String { "cannot write the report to \(output): \(reason)" }
}

/// Buffered text output to standard output or a file; the one owner of a `FILE*` it opened.
/// Written from one thread only; it is `Sendable` so that writers holding it can prepare rows
/// on other threads, which never touch it.
///
/// Every write and flush is checked: the first error is kept (`failure`), later writes are
/// dropped, and `commit` throws it, so that a full disk or a closed pipe never passes for a
/// complete report.
public final class TextOutput: @unchecked Sendable {
    private var stream: UnsafeMutablePointer<FILE>?
    private let ownsStream: Bool
    private var placement: Placement
    /// Whether the stream is a terminal (colour and tables are for terminals).
    public let isTerminal: Bool
    /// How many display columns a line may take: the terminal's width (see `terminalColumns`),
    /// or nil when the output is not a terminal. A file or a pipe is read by programs, pagers
    /// and editors that need every character, so its lines are never cut to a width.
    public let columns: Int?
    /// What is written to, for messages: the path, or `standard output`.
    public let name: String
    /// The first write, flush or sync error.
    public private(set) var failure: OutputError?

    private enum Placement {
        /// Written where it goes (standard output, a device, a file truncated when opened).
        case direct
        /// Written under `temporary`, in `target`'s folder, and renamed over `target` by `commit`.
        case replacing(temporary: String, target: String)
        /// Overwritten in place from its start and cut to length by `commit` (the folder is not
        /// writable, so no temporary file can be made beside it).
        case inPlace
    }

    /// Standard output.
    public init() {
        // A stream of its own over descriptor 1, flushed (not closed) when done.
        stream = fdopen(STDOUT_FILENO, "w") ?? fopen("/dev/null", "w")
        ownsStream = false
        placement = .direct
        isTerminal = isatty(STDOUT_FILENO) == 1
        let columnsVariable = getenv("COLUMNS").map { String(cString: $0) }
        columns = isTerminal ? TextOutput.terminalColumns(descriptor: STDOUT_FILENO, columnsVariable: columnsVariable) : nil
        name = "standard output"
    }

    /// A file, created or truncated at once.
    public convenience init(path: String) throws(OutputError) {
        guard let file = fopen(path, "w") else {
            throw OutputError(output: path, errno: errno)
        }
        self.init(file: file, name: path)
    }

    /// A new file at `path`, which must not exist yet (not even as a symbolic link): the
    /// temporary files of `--report-dir`, which nothing else may have put in their place.
    convenience init(creatingNew path: String) throws(OutputError) {
        guard let file = try TextOutput.createNew(path, output: path) else {
            throw OutputError(output: path, errno: errno)
        }
        self.init(file: file, name: path)
    }

    /// A stream this output owns, on a file written where it is.
    private init(file: UnsafeMutablePointer<FILE>, name: String) {
        stream = file
        ownsStream = true
        placement = .direct
        isTerminal = false
        columns = nil
        self.name = name
    }

    /// A stream on a file created at `path`, which must not exist yet, not even as a symbolic
    /// link, with `permissions` when given; nil (with `errno` set) when it cannot be created.
    /// `output` names the report when no stream can be made on the new file (which is removed).
    private static func createNew(_ path: String, permissions: mode_t? = nil, output: String) throws(OutputError) -> UnsafeMutablePointer<FILE>? {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard fd >= 0 else { return nil }
        if let permissions { _ = fchmod(fd, permissions) }
        guard let file = fdopen(fd, "w") else {
            close(fd)
            unlink(path)
            throw OutputError(output: output, reason: "out of memory")
        }
        return file
    }

    /// A report that replaces the file at `path` only once `commit` finds it complete: it is
    /// written under a temporary name, unique to this run, in the same folder. An existing file
    /// keeps its content (and gives its permissions) until then. A path that exists but is not
    /// a regular file (`/dev/stdout`, a FIFO) is written directly.
    public init(replacing path: String) throws(OutputError) {
        name = path
        ownsStream = true
        isTerminal = false
        columns = nil
        var existing = stat()
        let exists = stat(path, &existing) == 0
        if exists && (existing.st_mode & S_IFMT) != S_IFREG {
            guard let file = fopen(path, "w") else { throw OutputError(output: path, errno: errno) }
            stream = file
            placement = .direct
            return
        }
        // The file a symbolic link names is replaced, not the link.
        let target = exists ? TextOutput.resolved(path) : path
        let slash = target.lastIndex(of: "/")
        let folder = slash.map { String(target[...$0]) } ?? ""
        let base = slash.map { String(target[target.index(after: $0)...]) } ?? target
        var attempts = 0
        while true {
            let temporary = "\(folder).\(base).tmp-" + TextOutput.temporaryOwner()
            if let file = try TextOutput.createNew(temporary, permissions: exists ? existing.st_mode & 0o777 : nil, output: path) {
                stream = file
                placement = .replacing(temporary: temporary, target: target)
                return
            }
            let code = errno
            if code == EEXIST && attempts < 100 {
                attempts += 1
                continue
            }
            if exists && (code == EACCES || code == EPERM) {
                let fd = open(path, O_WRONLY | O_CLOEXEC)
                guard fd >= 0, let file = fdopen(fd, "w") else {
                    let reason = errno
                    if fd >= 0 { close(fd) }
                    throw OutputError(output: path, errno: reason)
                }
                stream = file
                placement = .inPlace
                return
            }
            throw OutputError(output: path, errno: code)
        }
    }

    deinit {
        if let stream {
            fflush(stream)
            if ownsStream { fclose(stream) }
        }
        if case .replacing(let temporary, _) = placement { unlink(temporary) }
    }

    public func write(_ text: String) {
        guard failure == nil, let stream else { return }
        var text = text
        text.withUTF8 { bytes in
            if fwrite(bytes.baseAddress, 1, bytes.count, stream) < bytes.count { fail(errno) }
        }
    }

    /// Writes bytes as they are (a binary report such as a workbook).
    func write(bytes: UnsafeRawBufferPointer) {
        guard failure == nil, let stream, !bytes.isEmpty else { return }
        if fwrite(bytes.baseAddress, 1, bytes.count, stream) < bytes.count { fail(errno) }
    }

    /// Records that the report could not be made (`reason`), as a write error would: later
    /// writes are dropped and `commit` throws it.
    func recordFailure(_ reason: String) {
        if failure == nil { failure = OutputError(output: name, reason: reason) }
    }

    public func line(_ text: String) {
        write(text)
        write("\n")
    }

    public func flush() {
        guard failure == nil, let stream else { return }
        if fflush(stream) != 0 { fail(errno) }
    }

    /// Flushes and forces the data to disk; false on a write error.
    public func sync() -> Bool {
        flush()
        guard failure == nil, let stream else { return false }
        if fsync(fileno(stream)) != 0 { fail(errno) }
        return failure == nil
    }

    /// Ends the report: flushes it and, for `init(replacing:)`, forces it to disk and puts it in
    /// place. Throws the first error any write met; the file being replaced is then untouched
    /// (and the temporary file is removed when this output is released).
    public func commit() throws(OutputError) {
        flush()
        if let failure { throw failure }
        guard let stream else { return }
        switch placement {
        case .direct:
            return
        case .inPlace:
            if ftruncate(fileno(stream), ftello(stream)) != 0 || fsync(fileno(stream)) != 0 { fail(errno) }
        case .replacing(let temporary, let target):
            if fsync(fileno(stream)) != 0 {
                fail(errno)
                break
            }
            self.stream = nil
            if fclose(stream) != 0 || rename(temporary, target) != 0 {
                fail(errno)
                break
            }
            placement = .direct
            TextOutput.syncFolder(of: target)
        }
        if let failure { throw failure }
    }

    private func fail(_ code: Int32) {
        if failure == nil { failure = OutputError(output: name, errno: code) }
    }

    /// What makes a temporary name this run's own: `PID-RANDOM`, unique, and unguessable so
    /// that no one can plant a link at the name beforehand.
    static func temporaryOwner() -> String {
        "\(getpid())-" + String(UInt64.random(in: 1...UInt64.max), radix: 16)
    }

    private static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    /// Makes a rename in `path`'s folder durable.
    private static func syncFolder(of path: String) {
        let folder = path.lastIndex(of: "/").map { String(path[...$0]) } ?? "."
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    /// Writes straight to standard error (unbuffered), for progress and warnings.
    public static func standardError(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = systemWrite(STDERR_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
    }

    /// The width of the terminal open on `descriptor`: `COLUMNS` when it is a positive number
    /// (so that a person can ask for another width), else what the terminal says
    /// (`TIOCGWINSZ`), else 80, the width a terminal has when nothing says otherwise.
    static func terminalColumns(descriptor: Int32, columnsVariable: String?) -> Int {
        if let text = columnsVariable, let columns = Int(text), columns > 0 { return columns }
        var size = winsize()
        let asked = withUnsafeMutablePointer(to: &size) { ioctl(descriptor, UInt(TIOCGWINSZ), $0) }
        return asked == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
    }

    /// Whether standard error is a terminal.
    public static var standardErrorIsTerminal: Bool {
        isatty(STDERR_FILENO) == 1
    }
}

extension OutputError {
    init(output: String, errno code: Int32) {
        self.init(output: output, reason: code == 0 ? "write error" : ReadOnlyFile.describe(errno: code))
    }
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
