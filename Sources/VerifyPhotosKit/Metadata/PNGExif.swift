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

    /// Most text a compressed profile may inflate to: the hex digits of the largest EXIF block.
    private static let textLimit = ReadLimits.exifBytes * 2 + 64

    /// The text of a "Raw profile type exif|APP1" chunk: `\nexif\n  <length>\n<hex digits>`.
    static func rawProfileExif(_ chunk: [UInt8], type: String) -> TIFFSource? {
        guard let nul = chunk.firstIndex(of: 0) else { return nil }
        let keyword = String(decoding: chunk[..<nul], as: UTF8.self)
        guard keyword == "Raw profile type exif" || keyword == "Raw profile type APP1" else { return nil }
        var text: [UInt8]
        switch type {
        case "zTXt":
            guard nul + 2 <= chunk.count, let inflated = Inflater().inflate(Array(chunk[(nul + 2)...]), limit: textLimit) else { return nil }
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
            guard let decoded = compressed ? Inflater().inflate(body, limit: textLimit) : body else { return nil }
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
