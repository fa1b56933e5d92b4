/// A 64-bit DCT perceptual hash ("pHash"): pictures that look alike have hashes a small Hamming
/// distance apart, whatever their encoding, size or metadata. Recognises a photo handed in again
/// after re-compression, resizing or a messenger's pass.
///
/// The picture, upright (EXIF orientation applied), is scaled to 32 x 32 grey by area averaging;
/// a 2-D DCT-II gives its frequencies, and the 8 x 8 lowest are kept. Bit `8 * v + u` (v the
/// vertical, u the horizontal frequency) is set when that coefficient is greater than the median
/// of the 63 coefficients other than the DC term (the mean brightness, far above the others:
/// leaving it out of the median makes the 63 bits split evenly). Bit 0, the DC term's, is always 0.
public struct PerceptualHash: Sendable, Hashable, Codable, CustomStringConvertible {
    public let bits: UInt64

    public init(bits: UInt64) { self.bits = bits }

    /// The number of bits in which two hashes differ (0 to 63).
    public func distance(to other: PerceptualHash) -> Int { (bits ^ other.bits).nonzeroBitCount }

    /// 16 lower-case hex digits.
    public var description: String {
        let hex = String(bits, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The hash of `image` shown with EXIF `orientation` (1 to 8; other values count as 1); nil
    /// for a picture smaller than 8 pixels a side or nearly flat (a black frame, a white wall):
    /// the hashes of such pictures say nothing and would all match each other.
    public init?(image: GreyImage, orientation: Int = 1) {
        guard image.width >= PerceptualHash.minimumSide, image.height >= PerceptualHash.minimumSide else { return nil }
        let small = PerceptualHash.oriented(PerceptualHash.areaAverage(image), orientation: orientation)
        guard PerceptualHash.standardDeviation(small) >= PerceptualHash.minimumContrast else { return nil }
        bits = PerceptualHash.hashBits(small)
    }

    static let minimumSide = 8
    /// Grey levels (0-255) of standard deviation over the 32 x 32 picture below which it is flat.
    static let minimumContrast = 2.0

    static func standardDeviation(_ p: [Double]) -> Double {
        let mean = p.reduce(0, +) / Double(p.count)
        return (p.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(p.count)).squareRoot()
    }

    static let side = 32
    private static let kept = 8

    /// `image` scaled to 32 x 32 by averaging the pixels each output pixel covers (whole
    /// pixels: the split between cells is rounded down; a picture narrower than 32 repeats pixels).
    static func areaAverage(_ image: GreyImage) -> [Double] {
        let w = image.width, h = image.height, n = side
        let columns = (0...n).map { $0 * w / n }, rows = (0...n).map { $0 * h / n }
        var sums = [Int](repeating: 0, count: n * h)  // each row summed over each column band
        image.pixels.withUnsafeBufferPointer { p in
            for y in 0..<h {
                let row = y * w
                for cx in 0..<n {
                    let x1 = max(columns[cx + 1], columns[cx] + 1)
                    var s = 0
                    for x in columns[cx]..<min(x1, w) { s += Int(p[row + x]) }
                    sums[y * n + cx] = s
                }
            }
        }
        var out = [Double](repeating: 0, count: n * n)
        for cy in 0..<n {
            let y0 = rows[cy], y1 = min(max(rows[cy + 1], y0 + 1), h)
            for cx in 0..<n {
                let x0 = columns[cx], x1 = min(max(columns[cx + 1], x0 + 1), w)
                var s = 0
                for y in y0..<y1 { s += sums[y * n + cx] }
                out[cy * n + cx] = Double(s) / Double((y1 - y0) * (x1 - x0))
            }
        }
        return out
    }

    /// The 32 x 32 picture turned upright as EXIF `orientation` says the stored one is shown.
    static func oriented(_ p: [Double], orientation: Int) -> [Double] {
        guard (2...8).contains(orientation) else { return p }
        let n = side
        var out = [Double](repeating: 0, count: n * n)
        for y in 0..<n {
            for x in 0..<n {
                // (sx, sy): where in the stored picture the displayed pixel (x, y) comes from.
                let (sx, sy): (Int, Int)
                switch orientation {
                case 2: (sx, sy) = (n - 1 - x, y)              // mirrored horizontally
                case 3: (sx, sy) = (n - 1 - x, n - 1 - y)      // rotated 180°
                case 4: (sx, sy) = (x, n - 1 - y)              // mirrored vertically
                case 5: (sx, sy) = (y, x)                      // transposed
                case 6: (sx, sy) = (y, n - 1 - x)              // rotate 90° clockwise to show
                case 7: (sx, sy) = (n - 1 - y, n - 1 - x)      // transversed
                default: (sx, sy) = (n - 1 - y, x)             // 8: rotate 90° counter-clockwise to show
                }
                out[y * n + x] = p[sy * n + sx]
            }
        }
        return out
    }

    /// cos((2x + 1) u π / 64) for the 8 frequencies kept, u-major.
    private static let cosines: [Double] = (0..<kept).flatMap { u in
        (0..<side).map { x in cos(Double((2 * x + 1) * u) * Double.pi / Double(2 * side)) }
    }

    static func hashBits(_ p: [Double]) -> UInt64 {
        let n = side, k = kept
        // Rows first: the 8 lowest horizontal frequencies of each of the 32 rows.
        var rows = [Double](repeating: 0, count: n * k)
        for y in 0..<n {
            for u in 0..<k {
                var s = 0.0
                for x in 0..<n { s += p[y * n + x] * cosines[u * n + x] }
                rows[y * k + u] = s
            }
        }
        var coefficients = [Double](repeating: 0, count: k * k)
        for v in 0..<k {
            for u in 0..<k {
                var s = 0.0
                for y in 0..<n { s += rows[y * k + u] * cosines[v * n + y] }
                coefficients[v * k + u] = s
            }
        }
        let ac = coefficients.dropFirst().sorted()
        let median = ac[ac.startIndex + 31]  // the 32nd of 63
        var bits: UInt64 = 0
        for i in 1..<(k * k) where coefficients[i] > median { bits |= 1 << UInt64(i) }
        return bits
    }
}

extension PerceptualHash {
    /// The hash of the thumbnail embedded in a photo held in memory (`bytes`: the whole file):
    /// a JPEG's EXIF thumbnail (IFD1), or the thumbnail item of a HEIC/AVIF primary image.
    /// Nil when there is none, it cannot be decoded, or the format is another (PNG, WebP, TIFF).
    public static func ofThumbnail(photo bytes: [UInt8], format: ContainerFormat? = nil) -> PerceptualHash? {
        bytes.withUnsafeBufferPointer { ofThumbnail($0, format: format ?? ContainerFormat(magic: $0.prefix(16))) }
    }

    /// The hash of a photo's main image, decoded small (JPEG: 1/8 DCT scaling; HEIC/AVIF: libheif
    /// at full size). Nil when it cannot be decoded, is larger than the decoders' pixel limits
    /// (`JPEGGreyDecoder.maxPixels`, `HEIFGreyDecoder.maxPixels`), is truncated, or the format is
    /// another (PNG, WebP, TIFF: not decoded by this version).
    public static func ofMainImage(photo bytes: [UInt8], format: ContainerFormat? = nil) -> PerceptualHash? {
        bytes.withUnsafeBufferPointer { ofMainImage($0, format: format ?? ContainerFormat(magic: $0.prefix(16))) }
    }

    static func ofThumbnail(_ b: UnsafeBufferPointer<UInt8>, format: ContainerFormat?, exif: JPEGExifFacts? = nil) -> PerceptualHash? {
        switch format {
        case .jpeg:
            let facts = exif ?? JPEGExifFacts(b)
            guard let range = facts.thumbnail,
                  case .success(let image) = JPEGGreyDecoder.decode(UnsafeBufferPointer(rebasing: b[range])) else { return nil }
            return PerceptualHash(image: image, orientation: facts.orientation)
        case .heic, .avif:
            return HEIFGreyDecoder.decode(b, .thumbnail).flatMap { PerceptualHash(image: $0) }
        default:
            return nil
        }
    }

    static func ofMainImage(_ b: UnsafeBufferPointer<UInt8>, format: ContainerFormat?, exif: JPEGExifFacts? = nil) -> PerceptualHash? {
        switch format {
        case .jpeg:
            guard case .success(let image) = JPEGGreyDecoder.decode(b) else { return nil }
            return PerceptualHash(image: image, orientation: (exif ?? JPEGExifFacts(b)).orientation)
        case .heic, .avif:
            // libheif applies the container's rotation and mirroring; EXIF orientation is not used.
            return HEIFGreyDecoder.decode(b, .primary).flatMap { PerceptualHash(image: $0) }
        default:
            return nil
        }
    }
}
