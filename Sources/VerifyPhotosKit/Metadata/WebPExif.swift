/// WebP: every `EXIF` and `XMP ` chunk of the RIFF container, in file order.
enum WebPExif {
    static func find(in source: ByteSource) throws(PhotoError) -> MetadataBlocks {
        var blocks = MetadataBlocks()
        var offset: Int64 = 12
        for _ in 0..<ReadLimits.structures {
            let header = try source.bytes(at: offset, count: 8)
            guard let type = header.fourCC(0), let size = header.le32(4) else { break }
            if type == "EXIF" || type == "XMP " {
                guard Int(size) <= ReadLimits.exifBytes else { break }
                let payload = try source.bytes(at: offset + 8, count: Int(size))
                if type == "EXIF" { blocks.add(exif: tiffSource(fromPayload: payload)) } else { blocks.add(xmp: payload) }
            }
            offset += 8 + Int64(size) + Int64(size & 1)
            if offset >= source.size { break }
        }
        return blocks
    }
}
