import CHeif

/// Decodes HEIC, HEIF and AVIF images to greyscale with libheif: the primary image's thumbnail
/// or the primary image itself (grids assembled, rotation and mirroring applied).
enum HEIFGreyDecoder {
    /// Largest width x height of an image decoded (libheif decodes at full size): a 48-megapixel
    /// phone photo passes, a declared 65,535 x 65,535 image does not.
    static let maxPixels = 100_000_000
    /// libheif's own limit on a side, also for the tiles and thumbnails it reads.
    static let maxSide: Int32 = 32_768

    enum Which {
        case thumbnail
        case primary
    }

    /// The image `which` of the HEIF file in `bytes`; nil when it has no such image (no
    /// thumbnail), or libheif cannot decode it, or it is larger than `maxPixels`.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ which: Which) -> GreyImage? {
        guard let base = bytes.baseAddress, bytes.count > 0, let context = HEIFContext() else { return nil }
        heif_context_set_maximum_image_size_limit(context.pointer, maxSide)
        // The context reads `bytes` in place: it is released (end of this scope) before they are.
        guard heif_context_read_from_memory_without_copy(context.pointer, base, bytes.count, nil).code == heif_error_Ok else { return nil }
        var primaryPointer: OpaquePointer?
        guard heif_context_get_primary_image_handle(context.pointer, &primaryPointer).code == heif_error_Ok,
              let primary = HEIFHandle(primaryPointer) else { return nil }
        let handle: HEIFHandle
        switch which {
        case .primary:
            handle = primary
        case .thumbnail:
            var id: heif_item_id = 0
            guard heif_image_handle_get_list_of_thumbnail_IDs(primary.pointer, &id, 1) == 1 else { return nil }
            var thumbnailPointer: OpaquePointer?
            guard heif_image_handle_get_thumbnail(primary.pointer, id, &thumbnailPointer).code == heif_error_Ok,
                  let thumbnail = HEIFHandle(thumbnailPointer) else { return nil }
            handle = thumbnail
        }
        let width = Int(heif_image_handle_get_width(handle.pointer)), height = Int(heif_image_handle_get_height(handle.pointer))
        guard width > 0, height > 0, width.multipliedReportingOverflow(by: height).partialValue <= maxPixels,
              width <= Int(maxSide), height <= Int(maxSide) else { return nil }
        guard let options = HEIFDecodingOptions() else { return nil }
        options.pointer.pointee.convert_hdr_to_8bit = 1
        // In its own colour space (libheif 1.15 converts nothing to monochrome): the Y plane of
        // YCbCr and monochrome images is the grey picture; RGB images are decoded again as RGB.
        var imagePointer: OpaquePointer?
        guard heif_decode_image(handle.pointer, &imagePointer, heif_colorspace_undefined, heif_chroma_undefined, options.pointer).code == heif_error_Ok,
              let image = HEIFImage(imagePointer) else { return nil }
        if heif_image_has_channel(image.pointer, heif_channel_Y) != 0 { return image.grey() }
        var rgbPointer: OpaquePointer?
        guard heif_decode_image(handle.pointer, &rgbPointer, heif_colorspace_RGB, heif_chroma_interleaved_RGB, options.pointer).code == heif_error_Ok,
              let rgb = HEIFImage(rgbPointer) else { return nil }
        return rgb.greyFromRGB()
    }
}

/// The one owner of a `heif_context`, freed in `deinit`.
final class HEIFContext {
    let pointer: OpaquePointer

    init?() {
        guard let pointer = heif_context_alloc() else { return nil }
        self.pointer = pointer
    }

    deinit { heif_context_free(pointer) }
}

/// The one owner of a `heif_image_handle`, released in `deinit`.
final class HEIFHandle {
    let pointer: OpaquePointer

    init?(_ pointer: OpaquePointer?) {
        guard let pointer else { return nil }
        self.pointer = pointer
    }

    deinit { heif_image_handle_release(pointer) }
}

/// The one owner of a decoded `heif_image`, released in `deinit`.
final class HEIFImage {
    let pointer: OpaquePointer

    init?(_ pointer: OpaquePointer?) {
        guard let pointer else { return nil }
        self.pointer = pointer
    }

    deinit { heif_image_release(pointer) }

    /// The Y plane as 8-bit grey (high-bit-depth samples, if libheif kept them, shifted down).
    func grey() -> GreyImage? {
        let width = Int(heif_image_get_width(pointer, heif_channel_Y)), height = Int(heif_image_get_height(pointer, heif_channel_Y))
        let bits = Int(heif_image_get_bits_per_pixel_range(pointer, heif_channel_Y))
        var stride: Int32 = 0
        guard width > 0, height > 0, (1...16).contains(bits),
              let plane = heif_image_get_plane_readonly(pointer, heif_channel_Y, &stride) else { return nil }
        let rowBytes = Int(stride), sampleBytes = bits > 8 ? 2 : 1
        guard rowBytes >= width * sampleBytes else { return nil }
        var pixels = [UInt8](repeating: 0, count: width * height)
        for y in 0..<height {
            let row = plane + y * rowBytes
            for x in 0..<width {
                if sampleBytes == 1 {
                    pixels[y * width + x] = row[x]
                } else {
                    let sample = Int(row[2 * x]) | Int(row[2 * x + 1]) << 8
                    pixels[y * width + x] = UInt8(truncatingIfNeeded: min(255, sample >> (bits - 8)))
                }
            }
        }
        return GreyImage(width: width, height: height, pixels: pixels)
    }
}

extension HEIFImage {
    /// An interleaved 8-bit RGB image as grey (ITU-R BT.601 luma, as JPEG's Y).
    fileprivate func greyFromRGB() -> GreyImage? {
        let width = Int(heif_image_get_width(pointer, heif_channel_interleaved)), height = Int(heif_image_get_height(pointer, heif_channel_interleaved))
        var stride: Int32 = 0
        guard width > 0, height > 0, heif_image_get_bits_per_pixel_range(pointer, heif_channel_interleaved) == 8,
              let plane = heif_image_get_plane_readonly(pointer, heif_channel_interleaved, &stride), Int(stride) >= 3 * width else { return nil }
        var pixels = [UInt8](repeating: 0, count: width * height)
        for y in 0..<height {
            let row = plane + y * Int(stride)
            for x in 0..<width {
                let luma = 299 * Int(row[3 * x]) + 587 * Int(row[3 * x + 1]) + 114 * Int(row[3 * x + 2])
                pixels[y * width + x] = UInt8(truncatingIfNeeded: (luma + 500) / 1000)
            }
        }
        return GreyImage(width: width, height: height, pixels: pixels)
    }
}

/// The one owner of a `heif_decoding_options`, freed in `deinit`.
final class HEIFDecodingOptions {
    let pointer: UnsafeMutablePointer<heif_decoding_options>

    init?() {
        guard let pointer = heif_decoding_options_alloc() else { return nil }
        self.pointer = pointer
    }

    deinit { heif_decoding_options_free(pointer) }
}
