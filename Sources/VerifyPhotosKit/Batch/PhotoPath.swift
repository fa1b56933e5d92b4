/// A file system path as the exact bytes the system uses, with a printable form. Linux file
/// names need not be UTF-8; a name that is not still opens, and prints its stray bytes escaped
/// (`\xff`), so that two names never print alike and a script can get the bytes back.
public struct PhotoPath: Sendable, Hashable, CustomStringConvertible {
    /// The path's bytes, without a terminating NUL.
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    public init(_ path: String) {
        bytes = Array(path.utf8)
    }

    /// The path as text for every report format, reversibly: each byte that is not part of
    /// valid UTF-8 becomes `\xHH` (two lowercase hex digits) and a backslash becomes `\\`; the
    /// rest is the path's own text, so a valid UTF-8 path without backslashes prints unchanged.
    public var description: String {
        guard bytes.contains(where: { $0 == UInt8(ascii: "\\") || $0 >= 0x80 }) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        var out = ""
        var parser = Unicode.UTF8.ForwardParser()
        var input = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &input) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if scalar == "\\" { out += "\\\\" } else { out.unicodeScalars.append(scalar) }
                offset += encoded.count
            case .error(let length):
                for byte in bytes.dropFirst(offset).prefix(length) {
                    out += "\\x" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
                }
                offset += length
            case .emptyInput:
                return out
            }
        }
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
