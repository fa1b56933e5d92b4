import CPhotoShim

/// A greyscale picture: `width` x `height` bytes, row after row. What a perceptual hash is
/// computed from.
public struct GreyImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public let pixels: [UInt8]

    /// Nil unless both sides are positive and `pixels` holds exactly `width * height` bytes.
    public init?(width: Int, height: Int, pixels: [UInt8]) {
        guard width > 0, height > 0, width.multipliedReportingOverflow(by: height) == (pixels.count, false) else { return nil }
        self.width = width
        self.height = height
        self.pixels = pixels
    }
}

/// Decodes JPEGs to small greyscale images with libjpeg's DCT scaling (through `CPhotoShim`,
/// which catches libjpeg's errors and prints nothing).
enum JPEGGreyDecoder {
    /// Largest declared width x height decoded: above a 200-megapixel phone sensor's output, far
    /// below a decode bomb (65,535 x 65,535). Checked before any image memory is allocated.
    static let maxPixels: UInt64 = 250_000_000
    /// Most memory libjpeg may take for one image (a progressive JPEG keeps all its coefficients:
    /// about 3 bytes a pixel, so progressive images above about 85 megapixels are refused).
    static let maxMemory = 256 << 20
    /// The decoded image's shorter side is at least this (when the JPEG's is): enough detail
    /// for a 32 x 32 hash image, and 1/8 scaling for any phone photo.
    static let minShortSide: Int32 = 64

    /// The JPEG in `bytes` as a greyscale image, or why it could not be decoded. With
    /// `dcShortcut` a 1/8-scaled baseline JPEG is decoded from its DC coefficients alone (the
    /// same pixels as libjpeg's, in less than half the time); tests turn it off to compare the two.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, dcShortcut: Bool = true) -> Result<GreyImage, DecodeFailure> {
        decodeReportingShortcut(bytes, dcShortcut: dcShortcut).map(\.image)
    }

    /// `decode`, also saying whether the DC-only shortcut decoded it.
    static func decodeReportingShortcut(_ bytes: UnsafeBufferPointer<UInt8>, dcShortcut: Bool) -> Result<(image: GreyImage, dcOnly: Bool), DecodeFailure> {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return .failure(DecodeFailure(reason: "no data")) }
        var image = vp_gray_image()
        var message = [CChar](repeating: 0, count: 256)
        let status = vp_jpeg_decode_gray(base, bytes.count, minShortSide, maxPixels, maxMemory, dcShortcut ? 1 : 0, &image, &message, message.count)
        defer { vp_free(image.pixels) }
        guard status == 0, let pixels = image.pixels, image.width > 0, image.height > 0 else {
            let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return .failure(DecodeFailure(reason: text.isEmpty ? "not decodable" : text))
        }
        let count = Int(image.width) * Int(image.height)
        let copy = Array(UnsafeBufferPointer(start: pixels, count: count))
        guard let grey = GreyImage(width: Int(image.width), height: Int(image.height), pixels: copy) else {
            return .failure(DecodeFailure(reason: "not decodable"))
        }
        return .success((grey, image.dc_only != 0))
    }
}

/// Why a picture could not be decoded for its perceptual hash (libjpeg's or libheif's words).
struct DecodeFailure: Error, Equatable {
    var reason: String
}
