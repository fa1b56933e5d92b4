/// The SHA-256 of a photo's compressed image data alone (JPEG scans, PNG IDAT, WebP VP8/VP8L/ALPH,
/// the primary item of a HEIC or AVIF, a grid's tiles in order), as lower-case hex: the same
/// picture under different metadata (an edited date or position, stripped EXIF) has the same
/// digest, while a re-encoding changes it. See `ImageData` for what each format contributes.
///
/// TIFF and DNG give nil, as does a file with no image data at all. A truncated file gives the
/// digest of the image data that is there (so it differs from the complete file's).
public enum ImageDigest {
    /// The digest of a whole photo file held in memory; `format` nil means "from its first bytes".
    public static func of(bytes: [UInt8], format: ContainerFormat? = nil) -> String? {
        bytes.withUnsafeBufferPointer { digest(of: $0, format: format) }
    }

    /// Reads the whole of an opened file (once) and digests its image data.
    public static func read(_ file: ReadOnlyFile, format: ContainerFormat? = nil) throws(PhotoError) -> String? {
        of(bytes: try file.bytes(at: 0, count: Int(file.size)), format: format)
    }

    static func digest(of bytes: UnsafeBufferPointer<UInt8>, format: ContainerFormat?) -> String? {
        guard let format = format ?? ContainerFormat(magic: bytes.prefix(16)), let hasher = SHA256Hasher() else { return nil }
        let base = UnsafeRawBufferPointer(bytes)
        let found = ImageData.ranges(in: bytes, format: format) { range in
            hasher.update(UnsafeRawBufferPointer(rebasing: base[range]))
        }
        guard found else { return nil }
        return hasher.finish()?.hexString
    }
}
