/// The bytes every container reader reads: a file, through its `ReadOnlyFile` (positional reads,
/// the first 64 KiB kept in memory), or a buffer in memory (the fuzzer's input, an EXIF item put
/// together from its extents); or a window of either, such as the EXIF block inside a JPEG segment.
///
/// Bytes already in memory (a buffer, or the file's head) are handed out as slices of that
/// memory (`contiguous(at:count:)`), so walking a JPEG's segments and parsing its EXIF block copy
/// nothing. Not `Sendable`: a file's head is read lazily, by one reader at a time.
struct ByteSource {
    private enum Storage {
        case file(ReadOnlyFile)
        case memory([UInt8])
    }

    private let storage: Storage
    /// Where the window starts in the file or the buffer.
    private let base: Int64
    /// Length of the window in bytes.
    let size: Int64

    /// The whole of an opened file.
    init(_ file: ReadOnlyFile) {
        storage = .file(file)
        base = 0
        size = file.size
    }

    /// The whole of a buffer.
    init(_ bytes: [UInt8]) {
        storage = .memory(bytes)
        base = 0
        size = Int64(bytes.count)
    }

    private init(storage: Storage, base: Int64, size: Int64) {
        self.storage = storage
        self.base = base
        self.size = size
    }

    /// The part of `offset ..< offset + count` that lies inside the window, in storage offsets.
    private func clamped(_ offset: Int64, _ count: Int) -> (start: Int64, count: Int)? {
        guard offset >= 0, count > 0, offset < size else { return nil }
        return (base + offset, Int(min(Int64(count), size - offset)))
    }

    /// Up to `count` bytes starting at `offset`; fewer at the end of the window, none outside it.
    /// In memory (a buffer, or the file's head) they are a slice of it, not a copy; indices are
    /// those of the memory they lie in, so start from `startIndex`.
    func contiguous(at offset: Int64, count: Int) throws(PhotoError) -> ArraySlice<UInt8> {
        guard let (start, wanted) = clamped(offset, count) else { return [] }
        switch storage {
        case .memory(let bytes):
            return bytes[Int(start)..<Int(start) + wanted]
        case .file(let file):
            return try file.contiguous(at: start, count: wanted)
        }
    }

    /// Up to `count` bytes starting at `offset`, as an array of their own (indices from 0).
    func bytes(at offset: Int64, count: Int) throws(PhotoError) -> [UInt8] {
        guard let (start, wanted) = clamped(offset, count) else { return [] }
        switch storage {
        case .memory(let bytes):
            return Array(bytes[Int(start)..<Int(start) + wanted])
        case .file(let file):
            return try file.bytes(at: start, count: wanted)
        }
    }

    /// The window of the bytes `offset ..< offset + count` that lie inside this window.
    func window(at offset: Int64, count: Int64) -> ByteSource {
        let (end, overflow) = offset.addingReportingOverflow(max(0, count))
        let start = min(max(0, offset), size)
        let stop = overflow ? size : min(max(start, end), size)
        return ByteSource(storage: storage, base: base + start, size: stop - start)
    }

    /// The window from `offset` to its end.
    func window(from offset: Int64) -> ByteSource {
        window(at: offset, count: size)
    }

    /// The whole window behind `prefix`, in one piece: a slice of memory when the bytes just
    /// before the window already are `prefix` (a JPEG APP1 segment's `Exif\0\0` before its TIFF
    /// structure), else `prefix` and the window's bytes copied into a new buffer. Nil when the
    /// window is longer than `limit`.
    func contiguous(behind prefix: [UInt8], limit: Int) throws(PhotoError) -> ArraySlice<UInt8>? {
        guard size <= Int64(limit) else { return nil }
        let length = Int64(prefix.count)
        if base >= length {
            let before = try ByteSource(storage: storage, base: 0, size: base + size)
                .contiguous(at: base - length, count: Int(length + size))
            if before.count == Int(length + size), before.prefix(prefix.count).elementsEqual(prefix) { return before }
        }
        var joined = prefix
        joined += try contiguous(at: 0, count: Int(size))
        return joined[...]
    }

    /// The start of a whole file or buffer for a reader that goes on by itself (libjpeg): the
    /// bytes in memory from the start, and the file descriptor to read the rest from (-1 for a
    /// buffer, which is all in memory). The window must start at the beginning.
    func withStart<R>(_ body: (UnsafeBufferPointer<UInt8>, Int32) -> R) -> R {
        precondition(base == 0, "withStart reads a whole file or buffer")
        switch storage {
        case .memory(let bytes):
            return bytes[0..<Int(size)].withUnsafeBufferPointer { body($0, -1) }
        case .file(let file):
            let head = (try? file.headBytes()) ?? []
            return head.withUnsafeBufferPointer { body($0, file.descriptor) }
        }
    }
}
