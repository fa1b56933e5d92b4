#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file system path as the exact bytes the system uses, with a printable form. Linux file
/// names need not be UTF-8; a name that is not still opens, and prints with U+FFFD in place of
/// its stray bytes.
public struct PhotoPath: Sendable, Hashable, CustomStringConvertible {
    /// The path's bytes, without a terminating NUL.
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    public init(_ path: String) {
        bytes = Array(path.utf8)
    }

    /// The path as text for reports (always valid Unicode).
    public var description: String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// This path with `name` (raw bytes) appended as a child.
    func appending(_ name: [UInt8]) -> PhotoPath {
        PhotoPath(bytes: bytes.last == UInt8(ascii: "/") ? bytes + name : bytes + [UInt8(ascii: "/")] + name)
    }

    /// What `stat()` says of the path (links followed), or nil when it fails (`errno` tells why).
    func status() -> stat? {
        var info = stat()
        return withCString { stat($0, &info) } == 0 ? info : nil
    }

    /// Calls `body` with the path as a NUL-terminated C string.
    func withCString<R>(_ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
        try (bytes.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { try body($0.baseAddress!) }
    }
}
