/// The items of a HEIC, HEIF or AVIF file held in memory, enough to find the bytes of the
/// primary image: `pitm`, item types (`iinf`), locations (`iloc`), `dimg` references (a grid's
/// tiles) and `idat`. A reader separate from `ISOBMFFExif` (which reads the file piecewise and
/// keeps its box helpers private); like it, bounded by the box sizes and `ReadLimits.structures`.
struct ISOBMFFItems {
    private struct Extent {
        var offset: UInt64
        var length: UInt64
    }

    private struct Location {
        /// 0: in the file; 1: in `idat`; 2 (in another item) is not followed.
        var method: UInt16 = 0
        var extents: [Extent] = []
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var primary: UInt32?
    private var types: [UInt32: String] = [:]
    private var locations: [UInt32: Location] = [:]
    private var derivedFrom: [UInt32: [UInt32]] = [:]
    private var idat: Range<Int>?

    /// Nil when the buffer has no top-level `meta` box.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        guard let meta = ISOBMFFItems.boxes(in: bytes, from: 0, to: bytes.count).first(where: { $0.type == "meta" }) else { return nil }
        // `meta` is a full box: version and flags before its children.
        for child in ISOBMFFItems.boxes(in: bytes, from: meta.body.lowerBound + 4, to: meta.body.upperBound) {
            let body = UnsafeBufferPointer(rebasing: bytes[child.body])
            switch child.type {
            case "pitm":
                if let version = body.first { primary = body.beUInt(4, size: version == 0 ? 2 : 4).map { UInt32(truncatingIfNeeded: $0) } }
            case "iinf": readItemTypes(body)
            case "iloc": readLocations(body)
            case "iref": readDerivations(body)
            case "idat": idat = child.body
            default: break
            }
        }
    }

    /// Calls `emit` with the file ranges of the primary item's data; for a `grid` item, with
    /// those of its tiles in reference order. Extents reaching past the end are cut there.
    func primaryImageData(emit: (Range<Int>) -> Void) {
        guard let primary else { return }
        let items = types[primary] == "grid" ? (derivedFrom[primary] ?? []) : [primary]
        for id in items.prefix(ReadLimits.structures) {
            guard let location = locations[id] else { continue }
            for extent in location.extents {
                let area: Range<Int>
                switch location.method {
                case 0: area = 0..<bytes.count
                case 1:
                    guard let idat else { continue }
                    area = idat
                default: continue
                }
                let size = UInt64(area.count)
                guard extent.offset < size else { continue }
                let length = extent.length == 0 ? size - extent.offset : min(extent.length, size - extent.offset)
                let start = area.lowerBound + Int(extent.offset)
                emit(start..<(start + Int(length)))
            }
        }
    }

    /// The boxes between `start` and `end`: their type and body (after the header), each checked
    /// to fit; a box whose size is 0 runs to `end`. Stops at the first box that does not fit.
    static func boxes(in b: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> [(type: String, body: Range<Int>)] {
        var result: [(String, Range<Int>)] = []
        var i = start
        let end = min(end, b.count)
        while i + 8 <= end, result.count < ReadLimits.structures,
              let size32 = b.be32(i), let type = b.fourCC(i + 4) {
            var size = Int(size32), header = 8
            if size32 == 1 {
                guard let large = b.beUInt(i + 8, size: 8), large <= UInt64(end - i) else { break }
                size = Int(large)
                header = 16
            } else if size32 == 0 {
                size = end - i
            }
            guard size >= header, size <= end - i else { break }
            result.append((type, (i + header)..<(i + size)))
            i += size
        }
        return result
    }

    private mutating func readItemTypes(_ b: UnsafeBufferPointer<UInt8>) {
        guard let version = b.first else { return }
        let entriesStart = version == 0 ? 6 : 8
        for infe in ISOBMFFItems.boxes(in: b, from: entriesStart, to: b.count) where infe.type == "infe" {
            let e = UnsafeBufferPointer(rebasing: b[infe.body])
            guard let infeVersion = e.first, infeVersion >= 2 else { continue }
            let idSize = infeVersion == 2 ? 2 : 4
            guard let id = e.beUInt(4, size: idSize), let type = e.fourCC(4 + idSize + 2) else { continue }
            types[UInt32(truncatingIfNeeded: id)] = type
        }
    }

    /// `dimg` references: the items a derived item (a grid) is made from, in order.
    private mutating func readDerivations(_ b: UnsafeBufferPointer<UInt8>) {
        guard let version = b.first else { return }
        let idSize = version == 0 ? 2 : 4
        for reference in ISOBMFFItems.boxes(in: b, from: 4, to: b.count) where reference.type == "dimg" {
            let r = UnsafeBufferPointer(rebasing: b[reference.body])
            guard let from = r.beUInt(0, size: idSize), let count = r.be16(idSize) else { continue }
            var targets: [UInt32] = []
            for k in 0..<Int(count) {
                guard let to = r.beUInt(idSize + 2 + k * idSize, size: idSize) else { break }
                targets.append(UInt32(truncatingIfNeeded: to))
            }
            derivedFrom[UInt32(truncatingIfNeeded: from), default: []] += targets
        }
    }

    /// Every item's location. At most `ReadLimits.structures` extents are walked: with offset
    /// and length sizes of 0 an extent takes no bytes, so the box size alone would not bound it.
    private mutating func readLocations(_ b: UnsafeBufferPointer<UInt8>) {
        guard let version = b.first, version <= 2, b.count >= 8 else { return }
        let offsetSize = Int(b[4] >> 4), lengthSize = Int(b[4] & 0x0F)
        let baseOffsetSize = Int(b[5] >> 4), indexSize = version >= 1 ? Int(b[5] & 0x0F) : 0
        var i = 6
        let idSize = version < 2 ? 2 : 4
        guard let count = b.beUInt(i, size: idSize) else { return }
        i += idSize
        var walked = 0
        for _ in 0..<min(count, UInt64(ReadLimits.structures)) {
            guard let id = b.beUInt(i, size: idSize) else { return }
            i += idSize
            var location = Location()
            if version >= 1 {
                guard let method = b.be16(i) else { return }
                location.method = method & 0x0F
                i += 2
            }
            i += 2  // data_reference_index
            guard let base = b.beUInt(i, size: baseOffsetSize) else { return }
            i += baseOffsetSize
            guard let extentCount = b.be16(i) else { return }
            i += 2
            for _ in 0..<Int(extentCount) {
                walked += 1
                guard walked <= ReadLimits.structures else { return }
                i += indexSize
                guard let offset = b.beUInt(i, size: offsetSize), let length = b.beUInt(i + offsetSize, size: lengthSize) else { return }
                i += offsetSize + lengthSize
                let (start, overflow) = base.addingReportingOverflow(offset)
                guard !overflow else { continue }
                location.extents.append(Extent(offset: start, length: length))
            }
            locations[UInt32(truncatingIfNeeded: id)] = location
        }
    }
}
