/// The parts of a JPEG file found by walking its markers from the start of the file to the
/// first scan: where the EXIF blocks and XMP packets are, and whether a Photoshop resource
/// block is there, without reading other segments.
struct JPEGSegments {
    /// The payload of every APP1 segment that starts with `Exif\0`, including that 6-byte
    /// header, in file order: windows of the file, not copies (in memory when in its head).
    var exifBlocks: [ByteSource] = []
    /// The XMP packet of every APP1 segment that starts with Adobe's XMP namespace, in file order.
    var xmpPackets: [[UInt8]] = []
    /// More EXIF or XMP segments than `MetadataBlocks.maxCopies` were found; the rest were not read.
    var copiesLeftOut = false
    /// Whether a start-of-scan marker was reached, i.e. the file holds image data.
    var reachedScan = false
    /// Whether an APP13 segment holds a Photoshop image resource block (`Photoshop 3.0\0`):
    /// written by Photoshop and IPTC tools, not by cameras or phones.
    var hasPhotoshopBlock = false

    static let xmpSignature = Array("http://ns.adobe.com/xap/1.0/\0".utf8)
    private static let exifSignature = Array("Exif\0".utf8)
    private static let photoshopSignature = Array("Photoshop 3.0\0".utf8)

    /// Walks the markers of `source`. Throws only when it does not start like a JPEG.
    /// A structure that breaks off later ends the walk and keeps what was found before it.
    init(reading source: ByteSource) throws(PhotoError) {
        guard try source.contiguous(at: 0, count: 2).elementsEqual([0xFF, 0xD8]) else {
            throw PhotoError.damagedJPEG(detail: "no start-of-image marker")
        }
        var offset: Int64 = 2
        var segments = 0
        // A real JPEG has a few dozen segments before its scan; a bound keeps hostile files cheap.
        while segments < 4096, offset < source.size {
            segments += 1
            let header = try source.contiguous(at: offset, count: 4)
            let h = header.startIndex
            guard header.count >= 2, header[h] == 0xFF else { return }
            let marker = header[h + 1]
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
            let length = Int(header[h + 2]) << 8 | Int(header[h + 3])
            guard length >= 2 else { return }
            if marker == 0xDA {
                reachedScan = true
                return
            }
            if marker == 0xE1, length >= 8 {
                try readAPP1(source, at: offset + 4, length: length - 2)
            } else if marker == 0xED, !hasPhotoshopBlock, length - 2 >= JPEGSegments.photoshopSignature.count {
                let signature = try source.contiguous(at: offset + 4, count: JPEGSegments.photoshopSignature.count)
                hasPhotoshopBlock = signature.elementsEqual(JPEGSegments.photoshopSignature)
            }
            offset += 2 + Int64(length)
        }
    }

    private mutating func readAPP1(_ source: ByteSource, at start: Int64, length: Int) throws(PhotoError) {
        let signature = try source.contiguous(at: start, count: min(length, JPEGSegments.xmpSignature.count))
        if signature.starts(with: JPEGSegments.exifSignature) {
            guard exifBlocks.count < MetadataBlocks.maxCopies else { copiesLeftOut = true; return }
            exifBlocks.append(source.window(at: start, count: Int64(length)))
        } else if signature.elementsEqual(JPEGSegments.xmpSignature) {
            guard xmpPackets.count < MetadataBlocks.maxCopies else { copiesLeftOut = true; return }
            let skip = JPEGSegments.xmpSignature.count
            xmpPackets.append(try source.bytes(at: start + Int64(skip), count: length - skip))
        }
    }
}
