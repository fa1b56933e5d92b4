/// Big-endian and little-endian integers from byte arrays, bounds-checked: nil past the end.
extension Array where Element == UInt8 {
    func be32(_ i: Int) -> UInt32? {
        guard i >= 0, i + 4 <= count else { return nil }
        return UInt32(self[i]) << 24 | UInt32(self[i + 1]) << 16 | UInt32(self[i + 2]) << 8 | UInt32(self[i + 3])
    }

    func be16(_ i: Int) -> UInt16? {
        guard i >= 0, i + 2 <= count else { return nil }
        return UInt16(self[i]) << 8 | UInt16(self[i + 1])
    }

    func le32(_ i: Int) -> UInt32? {
        guard i >= 0, i + 4 <= count else { return nil }
        return UInt32(self[i]) | UInt32(self[i + 1]) << 8 | UInt32(self[i + 2]) << 16 | UInt32(self[i + 3]) << 24
    }

    /// `count` bytes from `i` as big-endian (0 to 8 bytes), as ISOBMFF's variable-width fields.
    func beUInt(_ i: Int, size: Int) -> UInt64? {
        guard size >= 0, size <= 8, i >= 0, i + size <= count else { return nil }
        var value: UInt64 = 0
        for b in self[i..<i + size] { value = value << 8 | UInt64(b) }
        return value
    }

    /// Whether `prefix` stands at `offset` (magic numbers at the start of a file).
    func has(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
        offset >= 0 && count >= offset + prefix.count && self[offset..<offset + prefix.count].elementsEqual(prefix)
    }

    func fourCC(_ i: Int) -> String? {
        guard i >= 0, i + 4 <= count else { return nil }
        return String(decoding: self[i..<i + 4], as: UTF8.self)
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
func tiffSource(fromPayload payload: [UInt8]) -> TIFFSource {
    if payload.count >= 6, payload[0..<4].elementsEqual("Exif".utf8), payload[4] == 0 {
        return .memory(payload, start: 6)
    }
    return .memory(payload, start: 0)
}
