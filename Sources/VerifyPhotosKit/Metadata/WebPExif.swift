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
