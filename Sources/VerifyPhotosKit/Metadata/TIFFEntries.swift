/// The entries of an EXIF block's IFDs as the bytes say, found by walking the TIFF structure
/// ourselves, for what libexif does not tell: it keeps only the first of a duplicated tag,
/// follows one Exif and one GPS pointer, ignores DateTimeOriginal in IFD0, and stops reading an
/// IFD at a pointer or thumbnail value that points past the end of the block (a real camera
/// writes JPEGInterchangeFormatLength = 0xFFFFFFFF and loses its GPS pointer behind it).
struct TIFFEntries {
    /// One IFD entry; `valueAt` is where its value starts in the block (nil when it points
    /// outside the block).
    struct Entry {
        var directory: ExifDirectory
        var tag: UInt16
        var type: UInt16
        var count: Int
        var valueAt: Int?
    }

    /// `Exif\0\0` and the TIFF structure, as given to libexif: a slice of the memory the block
    /// lies in (a JPEG's head), so indices (`valueAt`, `pastEndEntries`) start at `startIndex`.
    let block: ArraySlice<UInt8>
    let little: Bool
    private(set) var entries: [Entry] = []
    /// Block indices of the tag numbers of entries whose 4-byte value points past the end.
    private var pastEndEntries: [Int] = []
    /// How many copies the file holds of the decisive tags: 1 normally; 2 or more when a tag is
    /// repeated (in one IFD, in a second Exif or GPS IFD, or in IFD0 as well as the Exif IFD).
    private(set) var copyCount = 1
    /// Occurrences of each decisive tag, by `decisiveIndex`.
    private var decisiveCounts = SIMD16<Int32>()
    /// TIFF offsets of the IFDs walked so far (at most `maxIFDs`).
    private var visited = SIMD16<Int>()
    private var visitedCount = 0

    private static let headerSize = 6
    private static let maxIFDs = 16
    private static let maxEntriesPerIFD = 1024

    /// Pointers whose target libexif follows (sub-IFDs, the thumbnail).
    private static func isPointer(_ tag: UInt16) -> Bool {
        tag == 0x8769 || tag == 0x8825 || tag == 0xA005 || tag == 0x0201 || tag == 0x0202
    }

    /// Capture-time tags some writers put in IFD0 as well; read there as copies of the Exif IFD's.
    private static func isTime(_ tag: UInt16) -> Bool {
        tag == 0x9003 || tag == 0x9004 || tag == 0x9011 || tag == 0x9012
    }

    /// The tags a verdict rests on (a second copy of any of them must agree with the first),
    /// numbered: DateTimeOriginal, CreateDate and their offsets in the Exif IFD; the position, the
    /// GPS time and date in the GPS IFD.
    private static func decisiveIndex(_ directory: ExifDirectory, _ tag: UInt16) -> Int? {
        switch (directory, tag) {
        case (.exif, 0x9003): 0
        case (.exif, 0x9004): 1
        case (.exif, 0x9011): 2
        case (.exif, 0x9012): 3
        case (.gps, 0x0001): 4
        case (.gps, 0x0002): 5
        case (.gps, 0x0003): 6
        case (.gps, 0x0004): 7
        case (.gps, 0x0007): 8
        case (.gps, 0x001D): 9
        default: nil
        }
    }

    /// Walks the block (`Exif\0\0` + TIFF) in place; nil when it does not start with a TIFF header.
    init?(block: ArraySlice<UInt8>) {
        let h = block.startIndex + TIFFEntries.headerSize
        guard block.count >= TIFFEntries.headerSize + 8 else { return nil }
        switch (block[h], block[h + 1]) {
        case (0x49, 0x49): little = true
        case (0x4D, 0x4D): little = false
        default: return nil
        }
        self.block = block
        entries.reserveCapacity(64)
        let next = walk(Int(u32(h + 4)), as: .image)
        let ifd0Count = entries.count
        if let next, next != 0 { _ = walk(next, as: nil) }  // IFD1: the thumbnail's
        follow(0x8769, to: .exif, among: ifd0Count)
        follow(0x8825, to: .gps, among: ifd0Count)
    }

    /// Walks the IFD of every `tag` pointer among the first `count` entries (IFD0's), in order.
    private mutating func follow(_ tag: UInt16, to directory: ExifDirectory, among count: Int) {
        for index in 0..<count {
            let entry = entries[index]
            guard entry.tag == tag, entry.directory == .image, let at = entry.valueAt, entry.type == 4 || entry.type == 13 else { continue }
            _ = walk(Int(u32(at)), as: directory)
        }
    }

    private func u16(_ i: Int) -> UInt16 {
        guard i >= block.startIndex, i + 2 <= block.endIndex else { return 0 }
        return little ? UInt16(block[i]) | UInt16(block[i + 1]) << 8 : UInt16(block[i]) << 8 | UInt16(block[i + 1])
    }

    fileprivate func u32(_ i: Int) -> UInt32 {
        guard i >= block.startIndex, i + 4 <= block.endIndex else { return 0 }
        let b = (UInt32(block[i]), UInt32(block[i + 1]), UInt32(block[i + 2]), UInt32(block[i + 3]))
        return little ? b.0 | b.1 << 8 | b.2 << 16 | b.3 << 24 : b.0 << 24 | b.1 << 16 | b.2 << 8 | b.3
    }

    private var tiffLength: Int { block.count - TIFFEntries.headerSize }

    /// Records the entries of the IFD at TIFF offset `offset` (under `directory`; nil: only its
    /// pointers are checked) and returns its next-IFD offset.
    private mutating func walk(_ offset: Int, as directory: ExifDirectory?) -> Int? {
        let h = block.startIndex + TIFFEntries.headerSize
        guard offset >= 8, offset + 2 <= tiffLength, visitedCount < TIFFEntries.maxIFDs,
              !(0..<visitedCount).contains(where: { visited[$0] == offset }) else { return nil }
        visited[visitedCount] = offset
        visitedCount += 1
        let count = min(Int(u16(h + offset)), TIFFEntries.maxEntriesPerIFD, (tiffLength - offset - 2) / 12)
        for index in 0..<count {
            let at = h + offset + 2 + index * 12
            let tag = u16(at), type = u16(at + 2), n = Int(u32(at + 4))
            if TIFFEntries.isPointer(tag), Int(u32(at + 8)) >= tiffLength {
                pastEndEntries.append(at)
            }
            guard var target = directory else { continue }
            if target == .image, TIFFEntries.isTime(tag) { target = .exif }
            var valueAt: Int?
            if let unit = TIFFEntries.unitSize(type), n <= 65_536 {
                let size = unit * n
                if size <= 4 {
                    valueAt = at + 8
                } else {
                    let start = Int(u32(at + 8))
                    if start + size <= tiffLength { valueAt = h + start }
                }
            }
            entries.append(Entry(directory: target, tag: tag, type: type, count: n, valueAt: valueAt))
            if target != .image, let index = TIFFEntries.decisiveIndex(target, tag) {
                decisiveCounts[index] += 1
                copyCount = max(copyCount, Int(decisiveCounts[index]))
            }
        }
        let nextAt = h + offset + 2 + count * 12
        return nextAt + 4 <= block.endIndex ? Int(u32(nextAt)) : nil
    }

    static func unitSize(_ type: UInt16) -> Int? {
        switch type {
        case 1, 2, 6, 7: 1
        case 3, 8: 2
        case 4, 9, 11, 13: 4
        case 5, 10, 12: 8
        default: nil
        }
    }

    /// The block for libexif: unchanged, or (in a copy) with every pointer and thumbnail entry
    /// that points past the end renamed to an unknown tag, so that libexif reads the rest of
    /// the IFD. Only the thumbnail and sub-IFDs that do not exist are lost.
    var blockForLibexif: ArraySlice<UInt8> {
        guard !pastEndEntries.isEmpty else { return block }
        var copy = block  // copies the block alone, keeping its indices
        for at in pastEndEntries {
            copy[at] = 0xFF
            copy[at + 1] = 0xFF
        }
        return copy
    }

    /// The `index`-th copy (0-based) of every tag: a repeated tag's `index`-th occurrence in file
    /// order, or its last when it has fewer; a tag that occurs once is the same in every copy.
    struct Copy: ExifTagSource {
        let entries: TIFFEntries
        let index: Int

        private func entry(_ tag: UInt32, in directory: ExifDirectory) -> (Entry, Int)? {
            let found = entries.entries.filter { $0.directory == directory && UInt32($0.tag) == tag }
            guard let last = found.last else { return nil }
            let entry = index < found.count ? found[index] : last
            guard let at = entry.valueAt else { return nil }
            return (entry, at)
        }

        func hasEntries(in directory: ExifDirectory) -> Bool {
            entries.entries.contains { $0.directory == directory }
        }

        func contains(_ tag: UInt32, in directory: ExifDirectory) -> Bool {
            entries.entries.contains { $0.directory == directory && UInt32($0.tag) == tag }
        }

        func rationals(_ tag: UInt32, in directory: ExifDirectory) -> [ExifRational]? {
            guard let (entry, at) = entry(tag, in: directory), entry.type == 5 || entry.type == 10, entry.count > 0 else { return nil }
            return (0..<entry.count).map { i in
                let n = entries.u32(at + 8 * i), d = entries.u32(at + 8 * i + 4)
                return entry.type == 10
                    ? ExifRational(numerator: Int64(Int32(bitPattern: n)), denominator: Int64(Int32(bitPattern: d)))
                    : ExifRational(numerator: Int64(n), denominator: Int64(d))
            }
        }

        func text(_ tag: UInt32, in directory: ExifDirectory) -> String? {
            guard let raw = bytes(tag, in: directory) else { return nil }
            return raw.withUnsafeBufferPointer(exifText)
        }

        func bytes(_ tag: UInt32, in directory: ExifDirectory) -> [UInt8]? {
            guard let (entry, at) = entry(tag, in: directory), [1, 2, 7].contains(entry.type), entry.count > 0 else { return nil }
            return Array(entries.block[at..<(at + min(entry.count, 65_536))])
        }

        func byte(_ tag: UInt32, in directory: ExifDirectory) -> UInt8? {
            guard let (entry, at) = entry(tag, in: directory), entry.type == 1 || entry.type == 7, entry.count > 0 else { return nil }
            return entries.block[at]
        }
    }
}
