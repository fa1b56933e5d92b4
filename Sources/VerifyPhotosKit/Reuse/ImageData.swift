/// Where a photo's compressed image data lies in its file: the bytes that change when the
/// picture changes and stay the same when only its metadata is rewritten. `ImageDigest`
/// hashes them.
///
/// Every walker reads only the buffer it is given, never past its end, and does work
/// proportional to the buffer's size: a structure that points past the end is cut at the end
/// (a truncated file yields the image data that is there), one that breaks off ends the walk.
enum ImageData {
    /// Calls `emit` with the ranges of `bytes` that hold the image data of `format`, in order.
    /// Returns false when the format has no such walker (TIFF, DNG; JPEG has its own,
    /// `JPEGScanWalker`, which can be fed while the file is read) or nothing was found.
    static func ranges(in bytes: UnsafeBufferPointer<UInt8>, format: ContainerFormat, emit: (Range<Int>) -> Void) -> Bool {
        var found = false
        let emitNonEmpty: (Range<Int>) -> Void = { range in
            guard !range.isEmpty else { return }
            found = true
            emit(range)
        }
        switch format {
        case .png: pngImageData(bytes, emit: emitNonEmpty)
        case .webp: webpImageData(bytes, emit: emitNonEmpty)
        case .heic, .avif: heifImageData(bytes, emit: emitNonEmpty)
        case .jpeg, .tiff, .dng: return false
        }
        return found
    }

    /// PNG: the data of every IDAT chunk, in order, up to IEND.
    static func pngImageData(_ b: UnsafeBufferPointer<UInt8>, emit: (Range<Int>) -> Void) {
        guard b.has([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return }
        var i = 8
        while let length = b.be32(i), let type = b.fourCC(i + 4) {
            let data = i + 8
            let end = min(data + Int(length), b.count)
            if type == "IDAT" { emit(data..<end) }
            if type == "IEND" { return }
            i = data + Int(length) + 4
        }
    }

    /// HEIC, HEIF and AVIF: the data of the primary item, or of a grid's tiles in reference order.
    /// Extents in another item's data (construction method 2) are not followed.
    static func heifImageData(_ b: UnsafeBufferPointer<UInt8>, emit: (Range<Int>) -> Void) {
        guard let metaBox = ISOBMFFMeta.boxes(in: b, from: 0, to: b.count).first(where: { $0.type == "meta" }) else { return }
        let meta = ISOBMFFMeta(body: UnsafeBufferPointer(rebasing: b[metaBox.body]))
        guard let primary = meta.primary else { return }
        // Should the primary item be declared twice, its last declaration counts.
        let isGrid = meta.items.last(where: { $0.id == primary })?.type == "grid"
        for id in (isGrid ? meta.derivations[primary] ?? [] : [primary]).prefix(ReadLimits.structures) {
            guard let location = meta.locations[id] else { continue }
            let area: Range<Int>
            switch location.method {
            case .fileOffset: area = 0..<b.count
            case .idatOffset:
                guard let idat = meta.idat else { continue }
                area = (metaBox.body.lowerBound + idat.lowerBound)..<(metaBox.body.lowerBound + idat.upperBound)
            case .itemOffset, .reserved: continue
            }
            for extent in location.extents {
                let size = UInt64(area.count)
                guard extent.offset < size else { continue }
                let length = extent.length == 0 ? size - extent.offset : min(extent.length, size - extent.offset)
                let start = area.lowerBound + Int(extent.offset)
                emit(start..<(start + Int(length)))
            }
        }
    }

    /// WebP: the payloads of the VP8, VP8L and ALPH chunks, also inside animation frames (ANMF).
    static func webpImageData(_ b: UnsafeBufferPointer<UInt8>, emit: (Range<Int>) -> Void) {
        guard b.has(Array("RIFF".utf8)), b.has(Array("WEBP".utf8), at: 8) else { return }
        riffChunks(b, from: 12, to: b.count, nested: true, emit: emit)
    }

    private static func riffChunks(_ b: UnsafeBufferPointer<UInt8>, from start: Int, to limit: Int, nested: Bool, emit: (Range<Int>) -> Void) {
        var i = start
        while i + 8 <= limit, let type = b.fourCC(i), let size = b.le32(i + 4) {
            let data = i + 8
            let end = min(data + Int(size), limit)
            switch type {
            case "VP8 ", "VP8L", "ALPH": emit(data..<end)
            // An animation frame: 16 bytes of frame header, then the frame's own chunks.
            case "ANMF" where nested: riffChunks(b, from: data + 16, to: end, nested: false, emit: emit)
            default: break
            }
            i = data + Int(size) + Int(size & 1)
        }
    }
}
