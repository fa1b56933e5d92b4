/// What the perceptual hash needs from a JPEG's EXIF block (the first APP1 `Exif` segment):
/// the orientation (IFD0 tag 0x0112) and where the thumbnail JPEG lies (IFD1 tags 0x0201 and
/// 0x0202), read from the file's bytes in memory without libexif.
struct JPEGExifFacts {
    /// EXIF orientation, 1 (upright) when absent or not 1 to 8.
    var orientation = 1
    /// The thumbnail's bytes in the file, cut at the end of the APP1 segment; nil without one.
    var thumbnail: Range<Int>?
    /// Whether the whole APP1 segment lies in the bytes read (a file's first piece may end inside it).
    var exifComplete = false

    init(_ b: UnsafeBufferPointer<UInt8>) {
        guard let (block, complete) = JPEGExifFacts.exifBlock(b) else { return }
        exifComplete = complete
        let tiff = block.lowerBound + 6
        guard let order = b.be16(tiff) else { return }
        let little: Bool
        switch order {
        case 0x4949: little = true
        case 0x4D4D: little = false
        default: return
        }
        func u16(_ at: Int) -> Int? {
            guard at >= tiff, at + 2 <= block.upperBound, let v = b.be16(at) else { return nil }
            return Int(little ? v.byteSwapped : v)
        }
        func u32(_ at: Int) -> Int? {
            guard at >= tiff, at + 4 <= block.upperBound, let v = b.be32(at) else { return nil }
            return Int(little ? v.byteSwapped : v)
        }
        /// The entries of the IFD at `offset` (from the TIFF header) as (tag, value), and the
        /// offset of the next IFD. A value is read as SHORT or LONG by its type.
        func ifd(_ offset: Int) -> (entries: [UInt16: Int], next: Int?)? {
            let start = tiff + offset
            guard offset >= 8, let count = u16(start) else { return nil }
            var entries: [UInt16: Int] = [:]
            for k in 0..<min(count, 512) {
                let e = start + 2 + 12 * k
                guard let tag = u16(e), let type = u16(e + 2) else { return nil }
                if type == 3, let v = u16(e + 8) { entries[UInt16(tag)] = v }
                if type == 4, let v = u32(e + 8) { entries[UInt16(tag)] = v }
            }
            return (entries, u32(start + 2 + 12 * min(count, 512)))
        }
        guard let offset0 = u32(tiff + 4), let ifd0 = ifd(offset0) else { return }
        if let o = ifd0.entries[0x0112], (1...8).contains(o) { orientation = o }
        guard let next = ifd0.next, next != offset0, let ifd1 = ifd(next),
              let at = ifd1.entries[0x0201], let length = ifd1.entries[0x0202], length > 0 else { return }
        let (start, overflow) = tiff.addingReportingOverflow(at)
        guard !overflow, start < block.upperBound else { return }
        let end = start + min(length, block.upperBound - start)
        guard b.has([0xFF, 0xD8], at: start) else { return }
        thumbnail = start..<end
    }

    /// The payload of the first APP1 segment starting `Exif\0\0`, before the first scan, and
    /// whether it ends within `b`.
    private static func exifBlock(_ b: UnsafeBufferPointer<UInt8>) -> (Range<Int>, complete: Bool)? {
        guard b.has([0xFF, 0xD8]) else { return nil }
        var i = 2
        while i + 4 <= b.count, b[i] == 0xFF {
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }
            if marker == 0x01 || (0xD0...0xD7).contains(marker) { i += 2; continue }
            guard marker != 0xDA, marker != 0xD9, let length = b.be16(i + 2), length >= 2 else { return nil }
            let payload = (i + 4)..<min(i + 2 + Int(length), b.count)
            if marker == 0xE1, b.has(Array("Exif\0\0".utf8), at: payload.lowerBound), payload.count > 14 {
                return (payload, i + 2 + Int(length) <= b.count)
            }
            i += 2 + Int(length)
        }
        return nil
    }
}
