/// PNG: every `eXIf` chunk, ImageMagick's hex "Raw profile type exif" in `zTXt`, `iTXt` or
/// `tEXt` chunks, and XMP (`iTXt` "XML:com.adobe.xmp"), in file order. Only chunk headers are
/// read for other chunks, and all compressed text of one file inflates to at most
/// `inflateBudget` bytes in total, however many chunks it has.
enum PNGExif {
    /// Most bytes all compressed text chunks of one file may inflate to together.
    static let inflateBudget = 2 * textLimit

    static func find(in source: ByteSource) throws(PhotoError) -> MetadataBlocks {
        var blocks = MetadataBlocks()
        var inflater = BudgetedInflater(budget: inflateBudget)
        var offset: Int64 = 8
        for _ in 0..<ReadLimits.structures {
            let header = try source.bytes(at: offset, count: 8)
            guard let length = header.be32(0), let type = header.fourCC(4) else { break }
            let data = offset + 8
            switch type {
            case "eXIf":
                guard Int(length) <= ReadLimits.exifBytes else { break }
                blocks.add(exif: tiffSource(fromPayload: try source.bytes(at: data, count: Int(length))))
            case "zTXt", "iTXt", "tEXt":
                if Int(length) <= ReadLimits.exifBytes {
                    textChunk(try source.bytes(at: data, count: Int(length)), type: type, inflater: &inflater, into: &blocks)
                }
            case "IEND":
                return blocks
            default:
                break
            }
            offset = data + Int64(length) + 4
            if offset >= source.size { break }
        }
        return blocks
    }

    /// Most text one compressed profile may inflate to: the hex digits of the largest EXIF block.
    static let textLimit = ReadLimits.exifBytes * 2 + 64

    /// Inflates text chunks while the file's budget lasts.
    struct BudgetedInflater {
        var budget: Int

        mutating func inflate(_ data: [UInt8]) -> [UInt8]? {
            guard budget > 0 else { return nil }
            let limit = min(PNGExif.textLimit, budget)
            let (output, produced) = Inflater().inflate(data, limit: limit)
            budget -= produced
            return output
        }
    }

    private static func textChunk(_ chunk: [UInt8], type: String, inflater: inout BudgetedInflater, into blocks: inout MetadataBlocks) {
        guard let nul = chunk.firstIndex(of: 0) else { return }
        let keyword = String(decoding: chunk[..<nul], as: UTF8.self)
        if keyword == "XML:com.adobe.xmp", type == "iTXt" {
            if let text = iTXtText(chunk, after: nul, inflater: &inflater) { blocks.add(xmp: text) }
            return
        }
        guard keyword == "Raw profile type exif" || keyword == "Raw profile type APP1" else { return }
        let text: [UInt8]?
        switch type {
        case "zTXt":
            text = nul + 2 <= chunk.count ? inflater.inflate(Array(chunk[(nul + 2)...])) : nil
        case "iTXt":
            text = iTXtText(chunk, after: nul, inflater: &inflater)
        default:
            text = Array(chunk[(nul + 1)...])
        }
        if let text, let payload = hexProfile(text) { blocks.add(exif: tiffSource(fromPayload: payload)) }
    }

    /// The text of an iTXt chunk: keyword\0 compressed-flag method language\0 translated\0 text.
    private static func iTXtText(_ chunk: [UInt8], after nul: Int, inflater: inout BudgetedInflater) -> [UInt8]? {
        guard nul + 3 <= chunk.count else { return nil }
        let compressed = chunk[nul + 1] == 1
        var i = nul + 3
        for _ in 0..<2 {
            guard let end = chunk[i...].firstIndex(of: 0) else { return nil }
            i = end + 1
        }
        let body = Array(chunk[i...])
        return compressed ? inflater.inflate(body) : body
    }

    /// The bytes of a raw profile's text: `\nexif\n  <length>\n<hex digits>`.
    static func hexProfile(_ text: [UInt8]) -> [UInt8]? {
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
        return bytes.isEmpty ? nil : bytes
    }
}
