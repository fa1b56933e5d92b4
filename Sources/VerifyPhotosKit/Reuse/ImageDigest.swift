/// The 128-bit digest (XXH3-128) of a photo's compressed image data alone (JPEG scans, PNG IDAT,
/// WebP VP8/VP8L/ALPH, the primary item of a HEIC or AVIF, a grid's tiles in order), as 32
/// lower-case hex digits: the same picture under different metadata (an edited date or position,
/// stripped EXIF) has the same digest, while a re-encoding changes it. See `ImageData` for what
/// each format contributes.
///
/// Not SHA-256: the file's SHA-256 already passes over these bytes, and a second cryptographic
/// pass cost a third of a phone photo's time. Two different pictures meet by chance with a
/// probability of 2^-128 a pair; one forged to collide could only make a photo look like a copy
/// of another (and both are then looked at by a person), never hide a copy.
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
        guard let format = format ?? ContainerFormat(magic: bytes.prefix(16)), let hasher = XXH3Hasher() else { return nil }
        let base = UnsafeRawBufferPointer(bytes)
        if format == .jpeg {
            var walker = JPEGScanWalker()
            walker.feed(base, emit: hasher.update)
            walker.finish(emit: hasher.update)
            return walker.foundData ? hasher.finish().hexString : nil
        }
        let found = ImageData.ranges(in: bytes, format: format) { range in
            hasher.update(UnsafeRawBufferPointer(rebasing: base[range]))
        }
        return found ? hasher.finish().hexString : nil
    }
}
