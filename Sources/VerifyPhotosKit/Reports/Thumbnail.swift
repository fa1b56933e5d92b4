import CHeif
import CPhotoShim

/// A small JPEG of a photo, upright, for the HTML report: JPEGs through a DCT-scaled libjpeg
/// decode, HEIC and AVIF through libheif (their thumbnail item when it is large enough, else the
/// primary image); PNG, WebP, TIFF and DNG get none. Every bound is checked before memory is
/// taken: the file's size, the declared pixels (a 65,535 x 65,535 header is refused unread),
/// libjpeg's memory, and the encoded size.
struct Thumbnail: Sendable, Equatable {
    let jpeg: [UInt8]
    let width: Int
    let height: Int

    /// How large a thumbnail may be.
    struct Limits: Sendable {
        /// Longest side in pixels.
        var maxSide: Int
        /// Largest encoded JPEG; the quality is lowered until it fits, else there is none.
        var maxBytes: Int

        /// A table row's picture: about 160 px, at most 8 kB.
        static let row = Limits(maxSide: 160, maxBytes: 8_000)
        /// The evidence sheet's picture (one photo): about 480 px, at most 48 kB.
        static let sheet = Limits(maxSide: 480, maxBytes: 48_000)
    }

    /// A larger file is not read for its picture.
    static let maxFileBytes: Int64 = 64 << 20
    /// Largest declared width x height decoded (as for the perceptual hash).
    static let maxPixels: UInt64 = 250_000_000
    /// Most memory libjpeg may take for one image.
    static let maxMemory = 256 << 20
    /// The JPEG qualities tried, best first, until the thumbnail fits `maxBytes`.
    static let qualities: [Int32] = [72, 55, 40, 25]

    /// Why a photo has no thumbnail, for the report.
    enum Absence: Error, Equatable {
        /// PNG, WebP, TIFF, DNG or not a photo: this version makes thumbnails of JPEG, HEIC and AVIF only.
        case format(ContainerFormat?)
        /// The file could not be read, is too large, or its picture could not be decoded.
        case undecodable(String)
        /// The file is no longer the one that was checked (its SHA-256 differs): a picture put
        /// in its place after the check is not shown as if it had been judged.
        case changedSinceChecked
        /// The check took no SHA-256 of the file (`--metadata-only`), so a picture shown could
        /// not be known to be the one checked.
        case notHashed
    }

    /// The thumbnail of the photo at `path`, read whole (at most `maxFileBytes`), when the file
    /// is still the one that was checked: its SHA-256 is `checkedSHA256` (lower-case hex, as in
    /// the photo's fingerprint; nil when the check took none).
    static func make(path: PhotoPath, limits: Limits, checkedSHA256: String?) -> Result<Thumbnail, Absence> {
        guard let checkedSHA256 else { return .failure(.notHashed) }
        let bytes: [UInt8]
        do {
            let file = try ReadOnlyFile(path: path)
            guard file.size <= maxFileBytes else { return .failure(.undecodable("larger than \(maxFileBytes >> 20) MiB")) }
            bytes = try file.bytes(at: 0, count: Int(file.size))
        } catch {
            return .failure(.undecodable("cannot be read"))
        }
        let now = bytes.withUnsafeBytes { SHA256Hasher.digest($0) }
        guard now?.hexString == checkedSHA256 else { return .failure(.changedSinceChecked) }
        return bytes.withUnsafeBufferPointer { make(photo: $0, limits: limits) }
    }

    /// The thumbnail of the photo in `b` (the whole file).
    static func make(photo b: UnsafeBufferPointer<UInt8>, limits: Limits) -> Result<Thumbnail, Absence> {
        let format = ContainerFormat(magic: b.prefix(16))
        let picture: Result<RGBPicture, Absence>
        switch format {
        case .jpeg:
            picture = decodeJPEG(b, maxSide: limits.maxSide).map { $0.oriented(JPEGExifFacts(b).orientation) }
        case .heic, .avif:
            picture = decodeHEIF(b, maxSide: limits.maxSide)
        default:
            return .failure(.format(format))
        }
        return picture.flatMap { encode($0, maxBytes: limits.maxBytes) }
    }

    private static func decodeJPEG(_ b: UnsafeBufferPointer<UInt8>, maxSide: Int) -> Result<RGBPicture, Absence> {
        decodeJPEG(b, maxSide: maxSide, dcShortcut: true).map(\.picture)
    }

    /// The JPEG in `b` decoded small, and whether each block's DC colour was all that was
    /// decoded; `dcShortcut` false forces libjpeg's full decode (tests compare the two).
    static func decodeJPEG(_ b: UnsafeBufferPointer<UInt8>, maxSide: Int, dcShortcut: Bool) -> Result<(picture: RGBPicture, dcOnly: Bool), Absence> {
        guard let base = b.baseAddress, !b.isEmpty else { return .failure(.undecodable("no data")) }
        var image = vp_rgb_image()
        var message = [CChar](repeating: 0, count: 256)
        let status = vp_jpeg_decode_thumbnail(base, b.count, Int32(maxSide), maxPixels, maxMemory, dcShortcut ? 1 : 0, &image, &message, message.count)
        defer { vp_free(image.pixels) }
        guard status == 0, let pixels = image.pixels, image.width > 0, image.height > 0 else {
            let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return .failure(.undecodable(text.isEmpty ? "not decodable" : text))
        }
        let count = Int(image.width) * Int(image.height) * 3
        let picture = RGBPicture(width: Int(image.width), height: Int(image.height), pixels: Array(UnsafeBufferPointer(start: pixels, count: count)))
        return .success((picture, image.dc_only != 0))
    }

    /// libheif decodes at full size: the pixel limits of `HEIFGreyDecoder` apply. The thumbnail
    /// item is used when its longer side reaches `maxSide` (phones store 320 x 240 or so).
    private static func decodeHEIF(_ b: UnsafeBufferPointer<UInt8>, maxSide: Int) -> Result<RGBPicture, Absence> {
        guard let base = b.baseAddress, !b.isEmpty, let context = HEIFContext() else { return .failure(.undecodable("no data")) }
        heif_context_set_maximum_image_size_limit(context.pointer, HEIFGreyDecoder.maxSide)
        // The context reads `b` in place: it is released (end of this scope) before they are.
        guard heif_context_read_from_memory_without_copy(context.pointer, base, b.count, nil).code == heif_error_Ok else {
            return .failure(.undecodable("libheif cannot read the file"))
        }
        var primaryPointer: OpaquePointer?
        guard heif_context_get_primary_image_handle(context.pointer, &primaryPointer).code == heif_error_Ok,
              let primary = HEIFHandle(primaryPointer) else { return .failure(.undecodable("no primary image")) }
        var handle = primary
        var id: heif_item_id = 0
        var thumbnailPointer: OpaquePointer?
        if heif_image_handle_get_list_of_thumbnail_IDs(primary.pointer, &id, 1) == 1,
           heif_image_handle_get_thumbnail(primary.pointer, id, &thumbnailPointer).code == heif_error_Ok,
           let thumbnail = HEIFHandle(thumbnailPointer),
           max(heif_image_handle_get_width(thumbnail.pointer), heif_image_handle_get_height(thumbnail.pointer)) >= Int32(maxSide) {
            handle = thumbnail
        }
        let width = Int(heif_image_handle_get_width(handle.pointer)), height = Int(heif_image_handle_get_height(handle.pointer))
        guard width > 0, height > 0, width <= Int(HEIFGreyDecoder.maxSide), height <= Int(HEIFGreyDecoder.maxSide),
              width * height <= HEIFGreyDecoder.maxPixels else {
            return .failure(.undecodable("image of \(width) x \(height) pixels is larger than the limit"))
        }
        guard let options = HEIFDecodingOptions() else { return .failure(.undecodable("out of memory")) }
        options.pointer.pointee.convert_hdr_to_8bit = 1
        var imagePointer: OpaquePointer?
        guard heif_decode_image(handle.pointer, &imagePointer, heif_colorspace_RGB, heif_chroma_interleaved_RGB, options.pointer).code == heif_error_Ok,
              let image = HEIFImage(imagePointer) else { return .failure(.undecodable("libheif cannot decode the image")) }
        let w = heif_image_get_width(image.pointer, heif_channel_interleaved), h = heif_image_get_height(image.pointer, heif_channel_interleaved)
        var stride: Int32 = 0
        guard w > 0, h > 0, heif_image_get_bits_per_pixel_range(image.pointer, heif_channel_interleaved) == 8,
              let plane = heif_image_get_plane_readonly(image.pointer, heif_channel_interleaved, &stride), Int(stride) >= 3 * Int(w) else {
            return .failure(.undecodable("libheif gave no 8-bit RGB image"))
        }
        var scaled = vp_rgb_image()
        defer { vp_free(scaled.pixels) }
        guard vp_rgb_scale_down(plane, w, h, Int(stride), Int32(maxSide), &scaled) == 0, let pixels = scaled.pixels else {
            return .failure(.undecodable("out of memory"))
        }
        let count = Int(scaled.width) * Int(scaled.height) * 3
        return .success(RGBPicture(width: Int(scaled.width), height: Int(scaled.height), pixels: Array(UnsafeBufferPointer(start: pixels, count: count))))
    }

    /// The picture as a JPEG of at most `maxBytes`, at the best quality of `qualities` that fits.
    private static func encode(_ picture: RGBPicture, maxBytes: Int) -> Result<Thumbnail, Absence> {
        var buffer = [UInt8](repeating: 0, count: maxBytes)
        var message = [CChar](repeating: 0, count: 256)
        for quality in qualities {
            var size = 0
            let status = picture.pixels.withUnsafeBufferPointer { pixels in
                buffer.withUnsafeMutableBufferPointer { out in
                    vp_jpeg_encode_rgb(pixels.baseAddress, Int32(picture.width), Int32(picture.height), quality,
                                       out.baseAddress, out.count, &size, &message, message.count)
                }
            }
            if status == 0, size > 0, size <= maxBytes {
                return .success(Thumbnail(jpeg: Array(buffer.prefix(size)), width: picture.width, height: picture.height))
            }
        }
        return .failure(.undecodable("no JPEG of at most \(maxBytes) bytes"))
    }
}

/// A small colour picture: `width` x `height` pixels of R, G, B bytes, row after row.
struct RGBPicture: Equatable {
    var width: Int
    var height: Int
    var pixels: [UInt8]

    /// The picture as shown for EXIF `orientation` (1 to 8; anything else leaves it as stored).
    func oriented(_ orientation: Int) -> RGBPicture {
        guard (2...8).contains(orientation) else { return self }
        let swaps = orientation >= 5
        let outWidth = swaps ? height : width, outHeight = swaps ? width : height
        var out = [UInt8](repeating: 0, count: pixels.count)
        for y in 0..<outHeight {
            for x in 0..<outWidth {
                let source: (x: Int, y: Int)
                switch orientation {
                case 2: source = (width - 1 - x, y)
                case 3: source = (width - 1 - x, height - 1 - y)
                case 4: source = (x, height - 1 - y)
                case 5: source = (y, x)
                case 6: source = (y, height - 1 - x)
                case 7: source = (width - 1 - y, height - 1 - x)
                default: source = (width - 1 - y, x)
                }
                let from = (source.y * width + source.x) * 3, to = (y * outWidth + x) * 3
                out[to] = pixels[from]
                out[to + 1] = pixels[from + 1]
                out[to + 2] = pixels[from + 2]
            }
        }
        return RGBPicture(width: outWidth, height: outHeight, pixels: out)
    }
}
