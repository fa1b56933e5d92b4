/// Rewrites the IFDs this tool reads (IFD0, the Exif IFD and the GPS IFD) into a small,
/// self-contained TIFF block, reading only their entries and values from the source.
///
/// libexif ignores IFD offsets beyond 64 KiB (it caps data at JPEG's APP1 size), but TIFF and
/// DNG files often keep IFD0 at the end of a large file. Entries whose values are large
/// (strips, tiles, XMP, ICC, MakerNote) are left out: nothing here reads them.
enum TIFFRepacker {
    /// Blocks at most this long go to libexif unchanged.
    static let directLimit: Int64 = 0xFFF0
    private static let maxEntriesPerIFD = 512
    private static let maxValueBytes = 4096
    private static let subIFDPointers: Set<UInt16> = [0x8769, 0x8825]
    /// Pointers to IFDs not carried over (Interoperability, SubIFDs), and the MakerNote.
    private static let dropped: Set<UInt16> = [0xA005, 0x014A, 0x927C]

    private struct Entry {
        var tag: UInt16
        var type: UInt16
        var count: UInt32
        var value: [UInt8]
    }

    /// The block for libexif: `Exif\0\0` and the TIFF structure (`source`), repacked when the
    /// source is too long to pass as is. Nil when the source does not start with a TIFF header.
    static func block(from source: ByteSource) throws(PhotoError) -> ArraySlice<UInt8>? {
        let header = try source.bytes(at: 0, count: 8)
        guard header.count == 8 else { return nil }
        let little: Bool
        switch (header[0], header[1]) {
        case (0x49, 0x49): little = true
        case (0x4D, 0x4D): little = false
        default: return nil
        }
        // A JPEG APP1 payload already is what libexif wants: passed on without copying.
        if let block = try source.contiguous(behind: exifHeader, limit: Int(directLimit)) { return block }
        let reader = Reader(source: source, little: little)
        let ifd0Offset = Int64(reader.u32(header, 4))
        let ifd0 = try reader.entries(at: ifd0Offset)
        let exif = try reader.pointer(in: ifd0, tag: 0x8769).map { offset throws(PhotoError) in try reader.entries(at: offset) }
        let gps = try reader.pointer(in: ifd0, tag: 0x8825).map { offset throws(PhotoError) in try reader.entries(at: offset) }
        return (exifHeader + Writer(little: little).tiff(ifd0: ifd0, exif: exif, gps: gps))[...]
    }

    /// The header by which libexif recognises an EXIF block (as in JPEG's APP1 segment).
    static let exifHeader: [UInt8] = Array("Exif\0\0".utf8)

    private struct Reader {
        let source: ByteSource
        let little: Bool

        func u16(_ b: [UInt8], _ i: Int) -> UInt16 {
            little ? UInt16(b[i]) | UInt16(b[i + 1]) << 8 : UInt16(b[i]) << 8 | UInt16(b[i + 1])
        }

        func u32(_ b: [UInt8], _ i: Int) -> UInt32 {
            little ? UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
                : UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
        }

        /// The entries of the IFD at `offset` with their values (small ones only).
        func entries(at offset: Int64) throws(PhotoError) -> [Entry] {
            let countBytes = try source.bytes(at: offset, count: 2)
            guard countBytes.count == 2 else { return [] }
            let count = min(Int(u16(countBytes, 0)), TIFFRepacker.maxEntriesPerIFD)
            let table = try source.bytes(at: offset + 2, count: count * 12)
            var entries: [Entry] = []
            for i in 0..<(table.count / 12) {
                let base = i * 12
                let tag = u16(table, base), type = u16(table, base + 2), n = u32(table, base + 4)
                guard !TIFFRepacker.dropped.contains(tag), let unit = TIFFEntries.unitSize(type) else { continue }
                let size = Int(n) * unit
                guard size > 0, size <= TIFFRepacker.maxValueBytes else { continue }
                let value: [UInt8]
                if size <= 4 {
                    value = Array(table[base + 8..<base + 8 + size])
                } else {
                    value = try source.bytes(at: Int64(u32(table, base + 8)), count: size)
                    guard value.count == size else { continue }
                }
                entries.append(Entry(tag: tag, type: type, count: n, value: value))
            }
            return entries
        }

        func pointer(in entries: [Entry], tag: UInt16) -> Int64? {
            guard let entry = entries.first(where: { $0.tag == tag }), entry.value.count >= 4 else { return nil }
            return Int64(u32(entry.value, 0))
        }
    }

    private struct Writer {
        let little: Bool

        func put16(_ v: UInt16, _ out: inout [UInt8]) {
            out += little ? [UInt8(v & 0xFF), UInt8(v >> 8)] : [UInt8(v >> 8), UInt8(v & 0xFF)]
        }

        func put32(_ v: UInt32, _ out: inout [UInt8]) {
            let b = [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
            out += little ? b.reversed() : b
        }

        func tiff(ifd0: [Entry], exif: [Entry]?, gps: [Entry]?) -> [UInt8] {
            var base = ifd0.filter { !TIFFRepacker.subIFDPointers.contains($0.tag) }
            // Pointers are written with placeholder values, fixed once the layout is known.
            if exif != nil { base.append(Entry(tag: 0x8769, type: 4, count: 1, value: [0, 0, 0, 0])) }
            if gps != nil { base.append(Entry(tag: 0x8825, type: 4, count: 1, value: [0, 0, 0, 0])) }
            base.sort { $0.tag < $1.tag }
            var out: [UInt8] = little ? [0x49, 0x49] : [0x4D, 0x4D]
            put16(42, &out)
            put32(8, &out)
            let ifd0Start = out.count
            out += ifd(base, at: ifd0Start)
            var pointers: [UInt16: Int] = [:]
            for (tag, entries) in [(UInt16(0x8769), exif), (UInt16(0x8825), gps)] {
                guard let entries else { continue }
                pointers[tag] = out.count
                out += ifd(entries.filter { !TIFFRepacker.subIFDPointers.contains($0.tag) }.sorted { $0.tag < $1.tag }, at: out.count)
            }
            for (index, entry) in base.enumerated() {
                guard let target = pointers[entry.tag] else { continue }
                var value: [UInt8] = []
                put32(UInt32(target), &value)
                let at = ifd0Start + 2 + index * 12 + 8
                out.replaceSubrange(at..<at + 4, with: value)
            }
            return out
        }

        /// One IFD (count, entries, next-IFD 0) followed by its out-of-line values.
        func ifd(_ entries: [Entry], at start: Int) -> [UInt8] {
            var table: [UInt8] = []
            var data: [UInt8] = []
            put16(UInt16(entries.count), &table)
            let dataStart = start + 2 + entries.count * 12 + 4
            for entry in entries {
                put16(entry.tag, &table)
                put16(entry.type, &table)
                put32(entry.count, &table)
                if entry.value.count <= 4 {
                    table += entry.value + [UInt8](repeating: 0, count: 4 - entry.value.count)
                } else {
                    put32(UInt32(dataStart + data.count), &table)
                    data += entry.value
                    if data.count % 2 == 1 { data.append(0) }
                }
            }
            put32(0, &table)
            return table + data
        }
    }
}
