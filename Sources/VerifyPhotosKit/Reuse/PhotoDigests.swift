/// A photo's SHA-256 and image-data digest, taken in one read of its bytes, and the bytes the
/// perceptual hash then needs.
///
/// A JPEG whose EXIF thumbnail lies in its first piece is read in pieces of `pieceSize` that
/// stay in the processor's cache, each hashed and walked for scan data as it comes: the
/// perceptual hash needs only the first piece. Any other photo (no thumbnail there, the main
/// image to be decoded, another format) is read whole into memory once.
struct PhotoDigests {
    var fileSHA256: [UInt8]
    var imageDigest: String?
    var format: ContainerFormat?
    /// The whole file, or only its first piece when the thumbnail in it is all the perceptual
    /// hash needs (`isWhole` false).
    var bytes: [UInt8]
    var isWhole: Bool

    static let pieceSize = 256 << 10

    /// Reads `file` once. `format` nil means "from its first bytes".
    static func read(_ file: ReadOnlyFile, format: ContainerFormat? = nil, decodeMain: Bool) throws(PhotoError) -> PhotoDigests {
        guard file.size <= PhotoFingerprint.maxWholeFileBytes else {
            throw PhotoError.readFailed(reason: "larger than \(PhotoFingerprint.maxWholeFileBytes >> 20) MiB: not compared with other photos")
        }
        let first = try file.bytes(at: 0, count: pieceSize)
        let format = format ?? first.withUnsafeBufferPointer { ContainerFormat(magic: $0.prefix(16)) }
        let thumbnailInFirst = format == .jpeg && !decodeMain && Int64(first.count) < file.size
            && first.withUnsafeBufferPointer { b in
                let facts = JPEGExifFacts(b)
                return facts.exifComplete && facts.thumbnail != nil
            }
        guard thumbnailInFirst else {
            let whole = Int64(first.count) == file.size ? first : try file.bytes(at: 0, count: Int(file.size))
            return try whole.withUnsafeBufferPointer { b throws(PhotoError) in
                guard let sha = SHA256Hasher.digest(UnsafeRawBufferPointer(b)) else { throw .readFailed(reason: "SHA-256 unavailable (OpenSSL)") }
                return PhotoDigests(fileSHA256: sha, imageDigest: format.flatMap { ImageDigest.digest(of: b, format: $0) },
                                    format: format, bytes: whole, isWhole: true)
            }
        }
        guard let sha = SHA256Hasher(), let image = XXH3Hasher() else { throw .readFailed(reason: "SHA-256 or XXH3 unavailable") }
        var walker = JPEGScanWalker()
        func take(_ piece: UnsafeRawBufferPointer) {
            sha.update(piece)
            walker.feed(piece, emit: image.update)
        }
        first.withUnsafeBytes(take)
        var offset = Int64(first.count)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: pieceSize, alignment: 64)
        defer { buffer.deallocate() }
        while offset < file.size {
            let wanted = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<Int(min(Int64(pieceSize), file.size - offset))])
            let count = try file.read(into: wanted, at: offset)
            if count == 0 { break }
            take(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            offset += Int64(count)
        }
        walker.finish(emit: image.update)
        guard let digest = sha.finish() else { throw .readFailed(reason: "SHA-256 failed") }
        return PhotoDigests(fileSHA256: digest, imageDigest: walker.foundData ? image.finish().hexString : nil,
                            format: format, bytes: first, isWhole: false)
    }

    /// The fingerprint: these digests and the perceptual hashes (see `PhotoFingerprint.read`).
    /// When only the first piece was kept and its thumbnail gave no hash after all (damaged, or
    /// a flat picture), `file` is read whole to decode the main image.
    func fingerprint(decodeMain: Bool, file: ReadOnlyFile) -> PhotoFingerprint {
        var fingerprint = bytes.withUnsafeBufferPointer { b in
            let exif = format == .jpeg ? JPEGExifFacts(b) : nil
            let thumbnail = PerceptualHash.ofThumbnail(b, format: format, exif: exif)
            let main = isWhole && (decodeMain || thumbnail == nil) ? PerceptualHash.ofMainImage(b, format: format, exif: exif) : nil
            return PhotoFingerprint(fileSHA256: fileSHA256.hexString, imageDigest: imageDigest, thumbnailHash: thumbnail, mainHash: main)
        }
        if !isWhole, fingerprint.thumbnailHash == nil, let whole = try? file.bytes(at: 0, count: Int(file.size)) {
            fingerprint.mainHash = whole.withUnsafeBufferPointer { PerceptualHash.ofMainImage($0, format: format) }
        }
        return fingerprint
    }
}
