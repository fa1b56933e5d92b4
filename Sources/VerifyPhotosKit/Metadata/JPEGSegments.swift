/// The parts of a JPEG file found by walking its markers from the start of the file to the
/// first scan: where the EXIF blocks and XMP packets are, without reading other segments.
public struct JPEGSegments: Sendable, Equatable {
    /// The payload of every APP1 segment that starts with `Exif\0`, including that 6-byte
    /// header, in file order.
    public var exifPayloads: [[UInt8]] = []
    /// The XMP packet of every APP1 segment that starts with Adobe's XMP namespace, in file order.
    public var xmpPackets: [[UInt8]] = []
    /// More EXIF or XMP segments than `MetadataBlocks.maxCopies` were found; the rest were not read.
    public var copiesLeftOut = false
    /// Whether a start-of-scan marker was reached, i.e. the file holds image data.
    public var reachedScan = false

    static let xmpSignature = Array("http://ns.adobe.com/xap/1.0/\0".utf8)

    /// Walks the markers of `file`. Throws only when the file does not start like a JPEG.
    /// A structure that breaks off later ends the walk and keeps what was found before it.
    public init(reading file: ReadOnlyFile) throws(PhotoError) {
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
            if marker == 0xE1, length >= 8 {
                try readAPP1(file, at: offset + 4, length: length - 2)
            }
            offset += 2 + Int64(length)
        }
    }

    private mutating func readAPP1(_ file: ReadOnlyFile, at start: Int64, length: Int) throws(PhotoError) {
        let signature = try file.bytes(at: start, count: min(length, JPEGSegments.xmpSignature.count))
        if signature.starts(with: Array("Exif\0".utf8)) {
            guard exifPayloads.count < MetadataBlocks.maxCopies else { copiesLeftOut = true; return }
            exifPayloads.append(try file.bytes(at: start, count: length))
        } else if signature == JPEGSegments.xmpSignature {
            guard xmpPackets.count < MetadataBlocks.maxCopies else { copiesLeftOut = true; return }
            let skip = JPEGSegments.xmpSignature.count
            xmpPackets.append(try file.bytes(at: start + Int64(skip), count: length - skip))
        }
    }
}
