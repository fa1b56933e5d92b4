/// HEIC, HEIF and AVIF (ISO base media file format): the EXIF item of the primary image.
///
/// A small box reader of our own rather than libheif: it reads only the `meta` box and the
/// EXIF item's bytes, decodes no image, and adds no C parser to the attack surface. The item is
/// found through `iinf` (item type `Exif`), located through `iloc` (in the file or in `idat`),
/// and, when there are several, the one that describes (`cdsc`) the primary item (`pitm`) wins.
enum ISOBMFFExif {
    private static let maxMetaBytes = 8 * 1024 * 1024

    /// A box header at `offset` of `bytes`: its type, header length and whole length, checked
    /// to fit in the `remaining` bytes from `offset` (a size of 0 means "to the end").
    private static func boxHeader(_ bytes: [UInt8], at offset: Int, remaining: Int64) -> (type: String, header: Int64, size: Int64)? {
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

    /// The content of the first top-level box of `type`, reading only box headers before it.
    private static func topLevelBox(_ type: String, in source: ByteSource) throws(PhotoError) -> (start: Int64, end: Int64)? {
        var offset: Int64 = 0
        for _ in 0..<ReadLimits.structures {
            guard offset + 8 <= source.size,
                  let box = boxHeader(try source.bytes(at: offset, count: 16), at: 0, remaining: source.size - offset) else { return nil }
            if box.type == type { return (offset + box.header, offset + box.size) }
            offset += box.size
        }
        return nil
    }

    /// Child boxes inside an in-memory box body.
    private static func children(of body: [UInt8], from start: Int) -> [(type: String, body: [UInt8])] {
        var result: [(String, [UInt8])] = []
        var i = start
        while i + 8 <= body.count, result.count < ReadLimits.structures,
              let box = boxHeader(body, at: i, remaining: Int64(body.count - i)) {
            result.append((box.type, Array(body[(i + Int(box.header))..<(i + Int(box.size))])))
            i += Int(box.size)
        }
        return result
    }

    /// Every Exif item and XMP item about the primary image, in item order. Items that describe
    /// (`cdsc`) the primary item are taken; without any such item, those that describe no
    /// item at all; thumbnails' and tiles' own metadata is left out.
    static func find(in source: ByteSource) throws(PhotoError) -> MetadataBlocks {
        var blocks = MetadataBlocks()
        guard let meta = try topLevelBox("meta", in: source), meta.end - meta.start <= maxMetaBytes else { return blocks }
        let body = try source.bytes(at: meta.start, count: Int(meta.end - meta.start))
        // `meta` is a full box: 4 bytes of version and flags before its children.
        let parts = children(of: body, from: 4)
        var items = MetadataItems()
        var primary: UInt32?
        var describes: [UInt32: [UInt32]] = [:]  // metadata item -> items it describes
        for part in parts {
            switch part.type {
            case "iinf": items = metadataItems(part.body)
            case "pitm": primary = primaryItem(part.body)
            case "iref": describes = contentDescriptions(part.body)
            default: break
            }
        }
        func aboutPrimary(_ ids: [UInt32]) -> [UInt32] {
            let describingPrimary = ids.filter { id in primary.map { describes[id]?.contains($0) ?? false } ?? false }
            if !describingPrimary.isEmpty { return describingPrimary }
            let describingNothing = ids.filter { describes[$0] == nil }
            return describingNothing.isEmpty ? Array(ids.prefix(1)) : describingNothing
        }
        let exifIDs = aboutPrimary(items.exif), xmpIDs = aboutPrimary(items.xmp)
        guard !exifIDs.isEmpty || !xmpIDs.isEmpty else { return blocks }
        let wanted = Set(exifIDs + xmpIDs)
        var locations: [UInt32: Location] = [:]
        var idat: [UInt8]?
        for part in parts {
            switch part.type {
            case "iloc": locations = itemLocations(part.body, wanted: wanted)
            case "idat": idat = part.body
            default: break
            }
        }
        var budget = ReadLimits.exifBytes * MetadataBlocks.maxCopies
        for id in exifIDs {
            guard let location = locations[id], let data = try itemData(location, source: source, idat: idat, budget: &budget) else { continue }
            // The item starts with the offset from its 5th byte to the TIFF header.
            guard let skip = data.be32(0), UInt64(skip) + 4 < UInt64(data.count) else { continue }
            blocks.add(exif: tiffSource(fromPayload: Array(data[(4 + Int(skip))...])))
        }
        for id in xmpIDs {
            guard let location = locations[id], let data = try itemData(location, source: source, idat: idat, budget: &budget) else { continue }
            blocks.add(xmp: data)
        }
        return blocks
    }

    /// The bytes of an item, from its extents in the file or in `idat`: at most
    /// `ReadLimits.exifBytes` for one item and `budget` for all items of the file together.
    /// Nil when an extent lies outside the data or the item is too large.
    private static func itemData(_ location: Location, source: ByteSource, idat: [UInt8]?, budget: inout Int) throws(PhotoError) -> [UInt8]? {
        var data: [UInt8] = []
        let limit = UInt64(min(ReadLimits.exifBytes, max(0, budget)))
        for extent in location.extents {
            let room = limit - UInt64(data.count)  // data.count <= limit: checked below before each append
            if location.inIdat {
                guard let idat else { return nil }
                let available = UInt64(idat.count)
                guard extent.offset <= available else { return nil }
                let length = extent.length == 0 ? available - extent.offset : extent.length
                guard length <= room, length <= available - extent.offset else { return nil }
                data += idat[Int(extent.offset)..<Int(extent.offset + length)]
            } else {
                let size = UInt64(source.size)
                guard extent.offset < size else { return nil }
                let length = extent.length == 0 ? size - extent.offset : extent.length
                guard length <= room, length <= size - extent.offset else { return nil }
                data += try source.bytes(at: Int64(extent.offset), count: Int(length))
            }
        }
        budget -= data.count
        return data
    }

    /// Item IDs of Exif items and of XMP items (`mime` items of type `application/rdf+xml`).
    private struct MetadataItems {
        var exif: [UInt32] = []
        var xmp: [UInt32] = []
    }

    private static func metadataItems(_ body: [UInt8]) -> MetadataItems {
        var items = MetadataItems()
        guard let version = body.first else { return items }
        let entriesStart = version == 0 ? 6 : 8
        for infe in children(of: body, from: entriesStart) where infe.type == "infe" {
            let b = infe.body
            guard let infeVersion = b.first, infeVersion >= 2 else { continue }
            let idSize = infeVersion == 2 ? 2 : 4
            let typeAt = 4 + idSize + 2
            guard let rawID = b.beUInt(4, size: idSize), let type = b.fourCC(typeAt) else { continue }
            let id = UInt32(truncatingIfNeeded: rawID)
            if type == "Exif" {
                items.exif.append(id)
            } else if type == "mime" {
                // item_name\0 content_type\0 [content_encoding\0]
                let strings = b[(typeAt + 4)...].split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
                if strings.count >= 2, strings[1].elementsEqual("application/rdf+xml".utf8) { items.xmp.append(id) }
            }
        }
        return items
    }

    private static func primaryItem(_ body: [UInt8]) -> UInt32? {
        guard let version = body.first else { return nil }
        return body.beUInt(4, size: version == 0 ? 2 : 4).map { UInt32(truncatingIfNeeded: $0) }
    }

    private static func contentDescriptions(_ body: [UInt8]) -> [UInt32: [UInt32]] {
        guard let version = body.first else { return [:] }
        let idSize = version == 0 ? 2 : 4
        var result: [UInt32: [UInt32]] = [:]
        for reference in children(of: body, from: 4) where reference.type == "cdsc" {
            let b = reference.body
            guard let from = b.beUInt(0, size: idSize), let count = b.be16(idSize) else { continue }
            var targets: [UInt32] = []
            for k in 0..<Int(count) {
                guard let to = b.beUInt(idSize + 2 + k * idSize, size: idSize) else { break }
                targets.append(UInt32(truncatingIfNeeded: to))
            }
            result[UInt32(truncatingIfNeeded: from), default: []] += targets
        }
        return result
    }

    private struct Location {
        var inIdat = false
        var extents: [(offset: UInt64, length: UInt64)] = []
    }

    /// The locations of the `wanted` items. At most `ReadLimits.structures` items and extents are
    /// walked in all: with offset and length sizes of 0 an extent takes no bytes, so the box's
    /// size alone would not bound the work.
    private static func itemLocations(_ b: [UInt8], wanted: Set<UInt32>) -> [UInt32: Location] {
        guard let version = b.first, version <= 2, b.count >= 8 else { return [:] }
        let offsetSize = Int(b[4] >> 4), lengthSize = Int(b[4] & 0x0F)
        let baseOffsetSize = Int(b[5] >> 4), indexSize = version >= 1 ? Int(b[5] & 0x0F) : 0
        var i = 6
        let itemCount: UInt64?
        if version < 2 { itemCount = b.beUInt(i, size: 2); i += 2 } else { itemCount = b.beUInt(i, size: 4); i += 4 }
        guard let count = itemCount else { return [:] }
        var result: [UInt32: Location] = [:]
        var walked = 0
        for _ in 0..<min(count, UInt64(ReadLimits.structures)) {
            let idSize = version < 2 ? 2 : 4
            guard let id = b.beUInt(i, size: idSize) else { break }
            i += idSize
            var location = Location()
            if version >= 1 {
                guard let method = b.be16(i) else { break }
                location.inIdat = method & 0x0F == 1
                i += 2
            }
            i += 2  // data_reference_index
            guard let base = b.beUInt(i, size: baseOffsetSize) else { break }
            i += baseOffsetSize
            guard let extentCount = b.be16(i) else { break }
            i += 2
            let itemID = UInt32(truncatingIfNeeded: id)
            let keep = wanted.contains(itemID)
            let entrySize = indexSize + offsetSize + lengthSize
            if !keep && entrySize > 0 {
                i += entrySize * Int(extentCount)  // skipped without walking: the box's size bounds it
                walked += 1
            } else {
                for _ in 0..<Int(extentCount) {
                    walked += 1
                    guard walked <= ReadLimits.structures else { return result }
                    i += indexSize
                    guard let offset = b.beUInt(i, size: offsetSize), let length = b.beUInt(i + offsetSize, size: lengthSize) else { return result }
                    i += offsetSize + lengthSize
                    let (start, overflow) = base.addingReportingOverflow(offset)
                    guard !overflow, start <= UInt64(Int64.max) / 2, length <= UInt64(Int64.max) / 2 else { continue }
                    if keep { location.extents.append((start, length)) }
                }
            }
            if keep { result[itemID] = location }
            guard i <= b.count, walked <= ReadLimits.structures else { break }
        }
        return result
    }
}
