/// The parts of a JPEG file found by walking its markers from the start of the file to the
/// first scan: where the EXIF block is, without reading the segments in between.
public struct JPEGSegments: Sendable, Equatable {
    /// The payload of the first APP1 segment that starts with `Exif\0`, including that
    /// 6-byte header.
    public var exifPayload: [UInt8]?
    /// Whether a start-of-scan marker was reached, i.e. the file holds image data.
    public var reachedScan: Bool

    /// Walks the markers of `file`. Throws only when the file does not start like a JPEG.
    /// A structure that breaks off later ends the walk and keeps what was found before it.
    public init(reading file: ReadOnlyFile) throws(PhotoError) {
        exifPayload = nil
        reachedScan = false
        let soi = try file.bytes(at: 0, count: 2)
        guard soi == [0xFF, 0xD8] else { throw PhotoError.damagedJPEG(detail: "no start-of-image marker") }
        var offset: Int64 = 2
        var segments = 0
        // A real JPEG has a few dozen segments before its scan; a bound keeps hostile files cheap.
        while segments < 4096, offset < file.size {
            segments += 1
            let header = try file.bytes(at: offset, count: 4)
            guard header.count >= 2, header[0] == 0xFF else { return }
            let marker = header[1]
            switch marker {
            case 0xFF:
                offset += 1  // fill byte before a marker
                continue
            case 0xD9:
                return
            case 0x01, 0xD0...0xD7:
                offset += 2  // markers without a length
                continue
            default:
                break
            }
            guard header.count == 4 else { return }
            let length = Int(header[2]) << 8 | Int(header[3])
            guard length >= 2 else { return }
            if marker == 0xDA {
                reachedScan = true
                return
            }
            if marker == 0xE1, exifPayload == nil, length >= 8 {
                let signature = try file.bytes(at: offset + 4, count: 5)
                if signature == Array("Exif\0".utf8) {
                    let payload = try file.bytes(at: offset + 4, count: length - 2)
                    exifPayload = payload
                }
            }
            offset += 2 + Int64(length)
        }
    }
}
