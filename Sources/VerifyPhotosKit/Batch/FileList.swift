/// Why a list of files (`--files-from`) could not be read.
public struct FileListError: Error, Equatable, Sendable {
    /// The list's path, or `-` for standard input.
    public var path: String
    /// What the system said.
    public var reason: String
}

/// A list of paths to check, as another system or `find` writes it: one path per line, or
/// separated by NUL bytes (`find -print0`, for names that hold a newline). Each path keeps its
/// exact bytes, so names that are not UTF-8 still open.
public enum FileList {
    public enum Separator: Sendable {
        /// One path per line; a CR before the line feed (a list written on Windows) is not
        /// part of the path.
        case newline
        /// Paths ended by NUL bytes.
        case nul
    }

    /// The paths in `bytes`; empty entries (blank lines) are left out.
    public static func paths(in bytes: [UInt8], separator: Separator) -> [PhotoPath] {
        let end: UInt8 = separator == .nul ? 0 : UInt8(ascii: "\n")
        return bytes.split(separator: end, omittingEmptySubsequences: true).compactMap { entry in
            var entry = entry[...]
            if separator == .newline, entry.last == UInt8(ascii: "\r") { entry = entry.dropLast() }
            return entry.isEmpty ? nil : PhotoPath(bytes: Array(entry))
        }
    }

    /// The paths listed in the file at `path`, or on standard input when `path` is `-`.
    public static func read(from path: String, separator: Separator) throws(FileListError) -> [PhotoPath] {
        try paths(in: contents(of: path), separator: separator)
    }

    private static func contents(of path: String) throws(FileListError) -> [UInt8] {
        let fd = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileListError(path: path, reason: ReadOnlyFile.describe(errno: errno)) }
        defer { if fd != STDIN_FILENO { close(fd) } }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileListError(path: path, reason: ReadOnlyFile.describe(errno: errno))
            }
            bytes += chunk[..<count]
        }
    }
}

private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
