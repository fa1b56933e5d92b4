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

/// PNG: the `eXIf` chunk, or ImageMagick's hex "Raw profile type exif" in a `zTXt`, `iTXt` or
/// `tEXt` chunk. Only chunk headers are read until one of these is found.
enum PNGExif {
    static func find(in file: ReadOnlyFile) throws(PhotoError) -> TIFFSource? {
        var offset: Int64 = 8
        var rawProfile: TIFFSource?
        for _ in 0..<ReadLimits.structures {
            let header = try file.bytes(at: offset, count: 8)
            guard let length = header.be32(0), let type = header.fourCC(4) else { break }
            let data = offset + 8
            switch type {
            case "eXIf":
                guard Int(length) <= ReadLimits.exifBytes else { return nil }
                return tiffSource(fromPayload: try file.bytes(at: data, count: Int(length)))
            case "zTXt", "iTXt", "tEXt":
                if rawProfile == nil, Int(length) <= ReadLimits.exifBytes {
                    rawProfile = rawProfileExif(try file.bytes(at: data, count: Int(length)), type: type)
                }
            case "IEND":
                return rawProfile
            default:
                break
            }
            offset = data + Int64(length) + 4
            if offset >= file.size { break }
        }
        return rawProfile
    }

    /// The text of a "Raw profile type exif|APP1" chunk: `\nexif\n  <length>\n<hex digits>`.
    static func rawProfileExif(_ chunk: [UInt8], type: String) -> TIFFSource? {
        guard let nul = chunk.firstIndex(of: 0) else { return nil }
        let keyword = String(decoding: chunk[..<nul], as: UTF8.self)
        guard keyword == "Raw profile type exif" || keyword == "Raw profile type APP1" else { return nil }
        var text: [UInt8]
        switch type {
        case "zTXt":
            guard nul + 2 <= chunk.count, let inflated = Inflater().inflate(Array(chunk[(nul + 2)...]), limit: ReadLimits.exifBytes * 2 + 64) else { return nil }
            text = inflated
        case "iTXt":
            // keyword\0 compressed-flag method language\0 translated\0 text
            guard nul + 3 <= chunk.count else { return nil }
            let compressed = chunk[nul + 1] == 1
            var i = nul + 3
            for _ in 0..<2 {
                guard let end = chunk[i...].firstIndex(of: 0) else { return nil }
                i = end + 1
            }
            let body = Array(chunk[i...])
            guard let decoded = compressed ? Inflater().inflate(body, limit: ReadLimits.exifBytes * 2 + 64) : body else { return nil }
            text = decoded
        default:
            text = Array(chunk[(nul + 1)...])
        }
        // Skip "\nexif\n", then the decimal length line, then hex digits to the end.
        var lines = 0, i = 0
        while i < text.count, lines < 3 {
            if text[i] == 0x0A { lines += 1 }
            i += 1
        }
        var bytes: [UInt8] = []
        var high: UInt8?
        while i < text.count {
            let c = text[i]
            i += 1
            let nibble: UInt8
            switch c {
            case 0x30...0x39: nibble = c - 0x30
            case 0x61...0x66: nibble = c - 0x61 + 10
            case 0x41...0x46: nibble = c - 0x41 + 10
            default: continue
            }
            if let h = high {
                bytes.append(h << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return bytes.isEmpty ? nil : tiffSource(fromPayload: bytes)
    }
}

/// WebP: the `EXIF` chunk of the RIFF container.
enum WebPExif {
    static func find(in file: ReadOnlyFile) throws(PhotoError) -> TIFFSource? {
        var offset: Int64 = 12
        for _ in 0..<ReadLimits.structures {
            let header = try file.bytes(at: offset, count: 8)
            guard let type = header.fourCC(0), let size = header.le32(4) else { return nil }
            if type == "EXIF" {
                guard Int(size) <= ReadLimits.exifBytes else { return nil }
                return tiffSource(fromPayload: try file.bytes(at: offset + 8, count: Int(size)))
            }
            offset += 8 + Int64(size) + Int64(size & 1)
            if offset >= file.size { return nil }
        }
        return nil
    }
}
