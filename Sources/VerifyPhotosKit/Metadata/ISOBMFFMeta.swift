/// The item structures in the `meta` box of a HEIC, HEIF or AVIF file (ISOBMFF): the primary
/// item, the items' types, their references and locations, and where `idat` lies. One reader
/// for the EXIF and XMP lookup (`ISOBMFFExif`) and the image-data digest (`ImageData`).
///
/// It reads only the bytes it is given and walks at most `ReadLimits.structures` boxes of one
/// level, and as many items and extents of `iloc` together. Of a box that should appear once but
/// appears several times, the last one counts.
struct ISOBMFFMeta: Sendable {
    /// An item declared in `iinf` (an `infe` box of version 2 or 3).
    struct Item: Sendable, Equatable {
        var id: UInt32
        /// Its four-character type: `hvc1`, `av01`, `grid`, `Exif`, `mime`…
        var type: String
        /// A `mime` item's content type (`application/rdf+xml` for XMP); nil for other types.
        var contentType: String?
    }

    /// What the offsets of an item's extents count from (`iloc`'s construction method).
    enum ConstructionMethod: Sendable, Equatable {
        case fileOffset
        case idatOffset
        /// Offsets in another item's data (method 2).
        case itemOffset
        /// A value the format leaves reserved.
        case reserved
    }

    /// A run of an item's bytes; a length of 0 means "to the end of the data".
    struct Extent: Sendable, Equatable {
        var offset: UInt64
        var length: UInt64
    }

    struct Location: Sendable, Equatable {
        var method: ConstructionMethod
        var extents: [Extent]
    }

    /// A box's type and its body (the bytes after its header) in the bytes walked.
    struct Box: Sendable, Equatable {
        var type: String
        var body: Range<Int>
    }

    /// The primary item (`pitm`).
    private(set) var primary: UInt32?
    /// The items of `iinf`, in declaration order.
    private(set) var items: [Item] = []
    /// `cdsc` references: a metadata item to the items it describes.
    private(set) var descriptions: [UInt32: [UInt32]] = [:]
    /// `dimg` references: a derived item (a grid) to the items it is made from, in order.
    private(set) var derivations: [UInt32: [UInt32]] = [:]
    /// The items' locations (`iloc`).
    private(set) var locations: [UInt32: Location] = [:]
    /// The body of `idat`, within the bytes parsed.
    private(set) var idat: Range<Int>?

    /// Parses the body of a `meta` box: the bytes after its header, starting with its version
    /// and flags. Structures that are cut off or do not fit are left out.
    init(body: UnsafeBufferPointer<UInt8>) {
        // `meta` is a full box: 4 bytes of version and flags before its children.
        for child in ISOBMFFMeta.boxes(in: body, from: 4, to: body.count) {
            let b = UnsafeBufferPointer(rebasing: body[child.body])
            switch child.type {
            case "pitm":
                primary = b.first.flatMap { b.beUInt(4, size: $0 == 0 ? 2 : 4) }.map { UInt32(truncatingIfNeeded: $0) }
            case "iinf": items = ISOBMFFMeta.items(in: b)
            case "iref": (descriptions, derivations) = ISOBMFFMeta.references(in: b)
            case "iloc": locations = ISOBMFFMeta.locations(in: b)
            case "idat": idat = child.body
            default: break
            }
        }
    }

    /// A box header at `offset` of `bytes`: its type, header length and whole length, checked to
    /// fit in the `remaining` bytes from `offset` (a size of 0 means "to the end").
    static func boxHeader<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at offset: Int, remaining: Int64)
        -> (type: String, header: Int64, size: Int64)? where Bytes.Index == Int
    {
        guard let size32 = bytes.be32(offset), let type = bytes.fourCC(offset + 4) else { return nil }
        var size = Int64(size32), header: Int64 = 8
        if size32 == 1 {
            guard let large = bytes.beUInt(offset + 8, size: 8), large <= UInt64(remaining) else { return nil }
            size = Int64(large)
            header = 16
        } else if size32 == 0 {
            size = remaining
        }
        guard size >= header, size <= remaining else { return nil }
        return (type, header, size)
    }

    /// The boxes between `start` and `end` of `bytes`, at most `ReadLimits.structures`; the walk
    /// stops at the first box that does not fit.
    static func boxes(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> [Box] {
        var result: [Box] = []
        var i = start
        let end = min(end, bytes.count)
        while i + 8 <= end, result.count < ReadLimits.structures,
              let box = boxHeader(bytes, at: i, remaining: Int64(end - i)) {
            result.append(Box(type: box.type, body: (i + Int(box.header))..<(i + Int(box.size))))
            i += Int(box.size)
        }
        return result
    }

    private static func items(in b: UnsafeBufferPointer<UInt8>) -> [Item] {
        guard let version = b.first else { return [] }
        // The entry count (16 bits in version 0, else 32) is not needed: the `infe` boxes follow.
        var result: [Item] = []
        for infe in boxes(in: b, from: version == 0 ? 6 : 8, to: b.count) where infe.type == "infe" {
            let e = UnsafeBufferPointer(rebasing: b[infe.body])
            guard let infeVersion = e.first, infeVersion >= 2 else { continue }
            let idSize = infeVersion == 2 ? 2 : 4
            let typeAt = 4 + idSize + 2  // after the item's ID and protection index
            guard let id = e.beUInt(4, size: idSize), let type = e.fourCC(typeAt) else { continue }
            var contentType: String?
            if type == "mime" {
                // item_name\0 content_type\0 [content_encoding\0]
                let strings = e[(typeAt + 4)...].split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
                if strings.count >= 2 { contentType = String(decoding: strings[1], as: UTF8.self) }
            }
            result.append(Item(id: UInt32(truncatingIfNeeded: id), type: type, contentType: contentType))
        }
        return result
    }

    /// The `cdsc` and `dimg` references of an `iref` body: from an item to the items it refers to.
    private static func references(in b: UnsafeBufferPointer<UInt8>) -> (cdsc: [UInt32: [UInt32]], dimg: [UInt32: [UInt32]]) {
        var descriptions: [UInt32: [UInt32]] = [:], derivations: [UInt32: [UInt32]] = [:]
        guard let version = b.first else { return ([:], [:]) }
        let idSize = version == 0 ? 2 : 4
        for reference in boxes(in: b, from: 4, to: b.count) where reference.type == "cdsc" || reference.type == "dimg" {
            let r = UnsafeBufferPointer(rebasing: b[reference.body])
            guard let from = r.beUInt(0, size: idSize), let count = r.be16(idSize) else { continue }
            var targets: [UInt32] = []
            for k in 0..<Int(count) {
                guard let to = r.beUInt(idSize + 2 + k * idSize, size: idSize) else { break }
                targets.append(UInt32(truncatingIfNeeded: to))
            }
            if reference.type == "cdsc" {
                descriptions[UInt32(truncatingIfNeeded: from), default: []] += targets
            } else {
                derivations[UInt32(truncatingIfNeeded: from), default: []] += targets
            }
        }
        return (descriptions, derivations)
    }

    /// Every item's location, from an `iloc` body of version 0, 1 or 2. At most
    /// `ReadLimits.structures` items and extents together are walked: with offset and length sizes
    /// of 0 an extent takes no bytes, so the box's size alone would not bound the work. An item
    /// cut off by the end of the box or by that limit is left out; so is an extent whose offset
    /// overflows when added to the base offset.
    private static func locations(in b: UnsafeBufferPointer<UInt8>) -> [UInt32: Location] {
        guard let version = b.first, version <= 2, b.count >= 8 else { return [:] }
        let offsetSize = Int(b[4] >> 4), lengthSize = Int(b[4] & 0x0F)
        let baseOffsetSize = Int(b[5] >> 4), indexSize = version >= 1 ? Int(b[5] & 0x0F) : 0
        let idSize = version < 2 ? 2 : 4
        guard let count = b.beUInt(6, size: idSize) else { return [:] }
        var i = 6 + idSize
        var result: [UInt32: Location] = [:]
        var walked = 0
        for _ in 0..<min(count, UInt64(ReadLimits.structures)) {
            walked += 1
            guard walked <= ReadLimits.structures, let id = b.beUInt(i, size: idSize) else { break }
            i += idSize
            var method = ConstructionMethod.fileOffset
            if version >= 1 {
                guard let field = b.be16(i) else { break }
                switch field & 0x0F {
                case 0: method = .fileOffset
                case 1: method = .idatOffset
                case 2: method = .itemOffset
                default: method = .reserved
                }
                i += 2
            }
            i += 2  // data_reference_index
            guard let base = b.beUInt(i, size: baseOffsetSize), let extentCount = b.be16(i + baseOffsetSize) else { break }
            i += baseOffsetSize + 2
            var extents: [Extent] = []
            for _ in 0..<extentCount {
                walked += 1
                i += indexSize
                guard walked <= ReadLimits.structures, let offset = b.beUInt(i, size: offsetSize),
                      let length = b.beUInt(i + offsetSize, size: lengthSize) else { return result }
                i += offsetSize + lengthSize
                let (start, overflow) = base.addingReportingOverflow(offset)
                if !overflow { extents.append(Extent(offset: start, length: length)) }
            }
            result[UInt32(truncatingIfNeeded: id)] = Location(method: method, extents: extents)
        }
        return result
    }
}
