/// A file (a photo, or a boundary file) opened read-only; the one owner of its file descriptor,
/// closed in `deinit`.
///
/// Reads are positional (`pread`), so nothing is read beyond what a reader asks for. The first
/// `headSize` bytes are read once, in one call, and kept: a JPEG's markers and EXIF block nearly
/// always sit there, so walking them costs one read instead of one per segment.
public final class ReadOnlyFile {
    /// The path the file was opened from.
    public let path: PhotoPath
    /// Size of the file in bytes when it was opened.
    public let size: Int64
    let descriptor: Int32
    private var head: [UInt8]?
    private let headSize: Int

    /// Opens `path` for reading. Never creates, truncates or writes the file.
    public convenience init(path: String, headSize: Int = 64 * 1024) throws(PhotoError) {
        try self.init(path: PhotoPath(path), headSize: headSize)
    }

    /// Opens `path` for reading. Never creates, truncates or writes the file.
    public init(path: PhotoPath, headSize: Int = 64 * 1024) throws(PhotoError) {
        self.path = path
        self.headSize = headSize
        // O_NONBLOCK: opening a FIFO or a device must not hang the batch.
        let fd = path.withCString { open($0, O_RDONLY | O_CLOEXEC | O_NONBLOCK) }
        if fd < 0 {
            throw PhotoError.cannotOpen(reason: ReadOnlyFile.describe(errno: errno))
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let reason = ReadOnlyFile.describe(errno: errno)
            close(fd)
            throw PhotoError.cannotOpen(reason: reason)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw PhotoError.notARegularFile
        }
        self.descriptor = fd
        self.size = Int64(info.st_size)
    }

    deinit {
        close(descriptor)
    }

    /// Up to `count` bytes starting at `offset`; fewer at the end of the file.
    public func bytes(at offset: Int64, count: Int) throws(PhotoError) -> [UInt8] {
        guard offset >= 0, count > 0, offset < size else { return [] }
        let wanted = Int(min(Int64(count), size - offset))
        let head = try headBytes()
        if offset + Int64(wanted) <= Int64(head.count) {
            let start = Int(offset)
            return Array(head[start..<start + wanted])
        }
        return try read(at: offset, count: wanted)
    }

    /// The same bytes as `bytes(at:count:)`, as a slice of the head when they lie in it (no
    /// copy). Its indices are those of the memory it lies in: start from `startIndex`.
    func contiguous(at offset: Int64, count: Int) throws(PhotoError) -> ArraySlice<UInt8> {
        guard offset >= 0, count > 0, offset < size else { return [] }
        let wanted = Int(min(Int64(count), size - offset))
        let head = try headBytes()
        if offset + Int64(wanted) <= Int64(head.count) {
            let start = Int(offset)
            return head[start..<start + wanted]
        }
        return try read(at: offset, count: wanted)[...]
    }

    /// The first bytes of the file (up to `headSize`), read once.
    public func headBytes() throws(PhotoError) -> [UInt8] {
        if let head { return head }
        let bytes = try read(at: 0, count: Int(min(Int64(headSize), size)))
        head = bytes
        return bytes
    }

    private func read(at offset: Int64, count: Int) throws(PhotoError) -> [UInt8] {
        guard count > 0 else { return [] }
        var failure: PhotoError?
        let buffer = [UInt8](unsafeUninitializedCapacity: count) { raw, initialized in
            do throws(PhotoError) {
                initialized = try read(into: UnsafeMutableRawBufferPointer(raw), at: offset)
            } catch {
                failure = error
                initialized = 0
            }
        }
        if let failure { throw failure }
        return buffer
    }

    /// Fills `buffer` from `offset` on, fewer bytes at the end of the file; returns how many.
    /// For reading a file in pieces into memory that is used again.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws(PhotoError) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var filled = 0
        while filled < buffer.count {
            let n = pread(descriptor, base + filled, buffer.count - filled, off_t(offset) + off_t(filled))
            if n < 0 {
                if errno == EINTR { continue }
                throw PhotoError.readFailed(reason: ReadOnlyFile.describe(errno: errno))
            }
            if n == 0 { break }
            filled += n
        }
        return filled
    }

    static func describe(errno code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
