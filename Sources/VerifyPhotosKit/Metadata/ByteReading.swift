/// Big-endian and little-endian integers from bytes in memory, bounds-checked: nil past the end.
/// Offsets count from the start of the collection (`startIndex`), also for a slice.
extension RandomAccessCollection where Element == UInt8, Index == Int {
    func be32(_ i: Int) -> UInt32? {
        guard i >= 0, i + 4 <= count else { return nil }
        let s = startIndex + i
        return UInt32(self[s]) << 24 | UInt32(self[s + 1]) << 16 | UInt32(self[s + 2]) << 8 | UInt32(self[s + 3])
    }

    func be16(_ i: Int) -> UInt16? {
        guard i >= 0, i + 2 <= count else { return nil }
        let s = startIndex + i
        return UInt16(self[s]) << 8 | UInt16(self[s + 1])
    }

    func le32(_ i: Int) -> UInt32? {
        guard i >= 0, i + 4 <= count else { return nil }
        let s = startIndex + i
        return UInt32(self[s]) | UInt32(self[s + 1]) << 8 | UInt32(self[s + 2]) << 16 | UInt32(self[s + 3]) << 24
    }

    /// `count` bytes from `i` as big-endian (0 to 8 bytes), as ISOBMFF's variable-width fields.
    func beUInt(_ i: Int, size: Int) -> UInt64? {
        guard size >= 0, size <= 8, i >= 0, i + size <= count else { return nil }
        var value: UInt64 = 0
        for b in self[(startIndex + i)..<(startIndex + i + size)] { value = value << 8 | UInt64(b) }
        return value
    }

    /// Whether `prefix` stands at `offset` (magic numbers at the start of a file).
    func has(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
        offset >= 0 && count >= offset + prefix.count
            && self[(startIndex + offset)..<(startIndex + offset + prefix.count)].elementsEqual(prefix)
    }

    func fourCC(_ i: Int) -> String? {
        guard i >= 0, i + 4 <= count else { return nil }
        return String(decoding: self[(startIndex + i)..<(startIndex + i + 4)], as: UTF8.self)
    }
}

/// Limits that keep hostile files cheap: how much one container may make the reader read.
enum ReadLimits {
    /// Largest EXIF block read from any container.
    static let exifBytes = 4 * 1024 * 1024
    /// Most chunks, boxes or segments walked in one file.
    static let structures = 10_000
}

/// An EXIF block after its container was taken off: the TIFF structure (starting `II*\0` or
/// `MM\0*`), possibly still behind an `Exif\0\0` header that some writers keep.
func tiffSource(fromPayload payload: ByteSource) throws(PhotoError) -> ByteSource {
    startsWithExifHeader(try payload.contiguous(at: 0, count: 6)) ? payload.window(from: 6) : payload
}

/// The same for a payload put together in memory.
func tiffSource(fromPayload payload: [UInt8]) -> ByteSource {
    let source = ByteSource(payload)
    return startsWithExifHeader(payload) ? source.window(from: 6) : source
}

/// `Exif\0` and at least one more byte: the header JPEG's APP1 segment puts before the TIFF structure.
private func startsWithExifHeader(_ start: some RandomAccessCollection<UInt8>) -> Bool {
    start.count >= 6 && start.prefix(5).elementsEqual("Exif\0".utf8)
}
