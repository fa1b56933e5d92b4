/// What recognises a photo handed in before, read from the file in one pass:
/// - `fileSHA256`: the very same file (copied, renamed);
/// - `imageDigest`: the same compressed picture under different metadata (edited date, position);
/// - `thumbnailHash` / `mainHash`: a picture that looks the same after re-compression, resizing
///   or a messenger's pass (compare with `PerceptualHash.distance(to:)`).
public struct PhotoFingerprint: Sendable, Equatable, Codable {
    /// SHA-256 of every byte of the file, lower-case hex.
    public var fileSHA256: String
    /// XXH3-128 of the compressed image data alone, hex (see `ImageDigest`); nil for TIFF/DNG, for a
    /// file with no image data, and for files above `maxWholeFileBytes`.
    public var imageDigest: String?
    /// Perceptual hash of the embedded thumbnail (JPEG EXIF thumbnail, HEIF thumbnail item).
    public var thumbnailHash: PerceptualHash?
    /// Perceptual hash of the main image, decoded small. Computed when asked (`decodeMain`)
    /// or when there is no usable thumbnail; nil when the format is not decoded (PNG, WebP, TIFF).
    public var mainHash: PerceptualHash?

    public init(fileSHA256: String, imageDigest: String?, thumbnailHash: PerceptualHash?, mainHash: PerceptualHash?) {
        self.fileSHA256 = fileSHA256
        self.imageDigest = imageDigest
        self.thumbnailHash = thumbnailHash
        self.mainHash = mainHash
    }

    /// Which picture a perceptual hash was computed from.
    public enum PerceptualSource: String, Sendable, Codable {
        case thumbnail
        case mainImage = "main-image"
    }

    /// The hash to compare with other photos' (the main image's when it was decoded, else the
    /// thumbnail's), and what it came from.
    public var perceptual: (hash: PerceptualHash, source: PerceptualSource)? {
        if let mainHash { return (mainHash, .mainImage) }
        if let thumbnailHash { return (thumbnailHash, .thumbnail) }
        return nil
    }

    /// How far the thumbnail is from the main image (both needed: read with `decodeMain`). A
    /// large distance means one of them was changed without the other: an edit sign.
    public var thumbnailToMainDistance: Int? {
        guard let thumbnailHash, let mainHash else { return nil }
        return thumbnailHash.distance(to: mainHash)
    }

    /// Files above this size are not fingerprinted: no phone photo comes near it, the whole
    /// file would be held in memory, and a hostile multi-gigabyte file must not be read in full.
    public static let maxWholeFileBytes: Int64 = 64 << 20

    /// Reads an opened file once and fingerprints it (see `PhotoDigests`). `format` nil means
    /// "from its first bytes". The main image is decoded when `decodeMain` is true or no
    /// thumbnail hash could be made; a thumbnail is used whenever present (it costs little).
    public static func read(_ file: ReadOnlyFile, format: ContainerFormat? = nil, decodeMain: Bool = false) throws(PhotoError) -> PhotoFingerprint {
        try PhotoDigests.read(file, format: format, decodeMain: decodeMain).fingerprint(decodeMain: decodeMain, file: file)
    }

    /// Opens `path` read-only and fingerprints it (see `read(_:format:decodeMain:)`).
    public static func read(path: String, format: ContainerFormat? = nil, decodeMain: Bool = false) throws(PhotoError) -> PhotoFingerprint {
        try read(ReadOnlyFile(path: path), format: format, decodeMain: decodeMain)
    }

    /// Fingerprints a whole photo file held in memory (what `read` gives for a file with these bytes).
    public static func of(bytes: [UInt8], format: ContainerFormat? = nil, decodeMain: Bool = false) throws(PhotoError) -> PhotoFingerprint {
        let result: PhotoFingerprint? = bytes.withUnsafeBufferPointer { b in
            guard let sha = SHA256Hasher.digest(UnsafeRawBufferPointer(b))?.hexString else { return nil }
            let format = format ?? ContainerFormat(magic: b.prefix(16))
            let exif = format == .jpeg ? JPEGExifFacts(b) : nil
            let thumbnail = PerceptualHash.ofThumbnail(b, format: format, exif: exif)
            let main = decodeMain || thumbnail == nil ? PerceptualHash.ofMainImage(b, format: format, exif: exif) : nil
            return PhotoFingerprint(fileSHA256: sha, imageDigest: format.flatMap { ImageDigest.digest(of: b, format: $0) },
                                    thumbnailHash: thumbnail, mainHash: main)
        }
        guard let result else { throw PhotoError.readFailed(reason: "SHA-256 unavailable (OpenSSL)") }
        return result
    }

    /// The SHA-256 of `bytes` as `fileSHA256` has it (for timing and for callers that hold the bytes).
    public static func sha256(of bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { SHA256Hasher.digest(UnsafeRawBufferPointer($0))?.hexString }
    }
}
