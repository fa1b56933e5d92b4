#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered text output to standard output or a file; the one owner of a `FILE*` it opened.
/// Written from one thread only; it is `Sendable` so that writers holding it can prepare rows
/// on other threads, which never touch it.
public final class TextOutput: @unchecked Sendable {
    private let stream: UnsafeMutablePointer<FILE>
    private let ownsStream: Bool
    /// Whether the stream is a terminal (colour and tables are for terminals).
    public let isTerminal: Bool

    /// Standard output.
    public init() {
        // A stream of its own over descriptor 1, flushed (not closed) when done.
        stream = fdopen(STDOUT_FILENO, "w") ?? fopen("/dev/null", "w")!
        ownsStream = false
        isTerminal = isatty(STDOUT_FILENO) == 1
    }

    /// A file, created or truncated.
    public init(path: String) throws(PhotoError) {
        guard let file = fopen(path, "w") else {
            throw PhotoError.cannotOpen(reason: ReadOnlyFile.describe(errno: errno))
        }
        stream = file
        ownsStream = true
        isTerminal = false
    }

    deinit {
        fflush(stream)
        if ownsStream { fclose(stream) }
    }

    public func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            _ = fwrite(bytes.baseAddress, 1, bytes.count, stream)
        }
    }

    public func line(_ text: String) {
        write(text)
        write("\n")
    }

    public func flush() {
        fflush(stream)
    }

    /// Flushes and forces the data to disk; false on a write error.
    public func sync() -> Bool {
        fflush(stream) == 0 && ferror(stream) == 0 && fsync(fileno(stream)) == 0
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

    /// Whether standard error is a terminal.
    public static var standardErrorIsTerminal: Bool {
        isatty(STDERR_FILENO) == 1
    }
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
