/// HEIC, HEIF and AVIF (ISO base media file format): the EXIF item of the primary image.
///
/// A small box reader of our own rather than libheif: it reads only the `meta` box (parsed by
/// `ISOBMFFMeta`) and the EXIF item's bytes, decodes no image, and adds no C parser to the
/// attack surface. The item is found through `iinf` (item type `Exif`), located through `iloc`
/// (in the file or in `idat`), and, when there are several, the one that describes (`cdsc`) the
/// primary item (`pitm`) wins.
enum ISOBMFFExif {
    private static let maxMetaBytes = 8 * 1024 * 1024

    /// The body of the first top-level box of `type`, reading only box headers before it.
    private static func topLevelBox(_ type: String, in source: ByteSource) throws(PhotoError) -> Range<Int64>? {
        var offset: Int64 = 0
        for _ in 0..<ReadLimits.structures {
            guard offset + 8 <= source.size,
                  let box = ISOBMFFMeta.boxHeader(try source.bytes(at: offset, count: 16), at: 0, remaining: source.size - offset)
            else { return nil }
            if box.type == type { return (offset + box.header)..<(offset + box.size) }
            offset += box.size
        }
        return nil
    }

    /// Every Exif item and XMP item about the primary image, in item order. Items that describe
    /// (`cdsc`) the primary item are taken; without any such item, those that describe no
    /// item at all; thumbnails' and tiles' own metadata is left out.
    static func find(in source: ByteSource) throws(PhotoError) -> MetadataBlocks {
        var blocks = MetadataBlocks()
        guard let metaBody = try topLevelBox("meta", in: source), metaBody.count <= maxMetaBytes else { return blocks }
        let body = try source.bytes(at: metaBody.lowerBound, count: metaBody.count)
        let meta = body.withUnsafeBufferPointer { ISOBMFFMeta(body: $0) }
        func aboutPrimary(_ ids: [UInt32]) -> [UInt32] {
            let describingPrimary = ids.filter { id in meta.primary.map { meta.descriptions[id]?.contains($0) ?? false } ?? false }
            if !describingPrimary.isEmpty { return describingPrimary }
            let describingNothing = ids.filter { meta.descriptions[$0] == nil }
            return describingNothing.isEmpty ? Array(ids.prefix(1)) : describingNothing
        }
        let exifIDs = aboutPrimary(meta.items.filter { $0.type == "Exif" }.map(\.id))
        let xmpIDs = aboutPrimary(meta.items.filter(isXMP).map(\.id))
        let idat = meta.idat.map { Array(body[$0]) }
        var budget = ReadLimits.exifBytes * MetadataBlocks.maxCopies
        for id in exifIDs {
            guard let location = meta.locations[id], let data = try itemData(location, source: source, idat: idat, budget: &budget) else { continue }
            // The item starts with the offset from its 5th byte to the TIFF header.
            guard let skip = data.be32(0), UInt64(skip) + 4 < UInt64(data.count) else { continue }
            blocks.add(exif: tiffSource(fromPayload: Array(data[(4 + Int(skip))...])))
        }
        for id in xmpIDs {
            guard let location = meta.locations[id], let data = try itemData(location, source: source, idat: idat, budget: &budget) else { continue }
            blocks.add(xmp: data)
        }
        return blocks
    }

    /// XMP is a `mime` item of content type `application/rdf+xml` (compared byte for byte).
    private static func isXMP(_ item: ISOBMFFMeta.Item) -> Bool {
        item.type == "mime" && item.contentType?.utf8.elementsEqual("application/rdf+xml".utf8) == true
    }

    /// The bytes of an item, from its extents in the file or in `idat`: at most
    /// `ReadLimits.exifBytes` for one item and `budget` for all items of the file together.
    /// Nil when an extent lies outside the data, the item is too large, or it is built from
    /// another item (construction method 2), which is not followed.
    private static func itemData(_ location: ISOBMFFMeta.Location, source: ByteSource, idat: [UInt8]?, budget: inout Int) throws(PhotoError) -> [UInt8]? {
        var data: [UInt8] = []
        let limit = UInt64(min(ReadLimits.exifBytes, max(0, budget)))
        for extent in location.extents {
            let room = limit - UInt64(data.count)  // data.count <= limit: checked below before each append
            switch location.method {
            case .idatOffset:
                guard let idat else { return nil }
                let available = UInt64(idat.count)
                guard extent.offset <= available else { return nil }
                let length = extent.length == 0 ? available - extent.offset : extent.length
                guard length <= room, length <= available - extent.offset else { return nil }
                data += idat[Int(extent.offset)..<Int(extent.offset + length)]
            case .fileOffset:
                let size = UInt64(source.size)
                guard extent.offset < size else { return nil }
                let length = extent.length == 0 ? size - extent.offset : extent.length
                guard length <= room, length <= size - extent.offset else { return nil }
                data += try source.bytes(at: Int64(extent.offset), count: Int(length))
            case .itemOffset, .reserved:
                return nil
            }
        }
        budget -= data.count
        return data
    }
}
