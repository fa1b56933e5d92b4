import CPhotoShim

/// Reads the evidence from one photo file: container, EXIF values and image header.
public struct MetadataReader: Sendable {
    public init() {}

    /// The containers this version reads metadata from; others are reported as unsupported.
    public static let supportedFormats: Set<ContainerFormat> = [.jpeg]

    /// Reads `path` read-only. Throws when the file is not a photo this tool can read; a photo
    /// whose metadata is missing or damaged is returned with those values absent.
    public func read(path: String) throws(PhotoError) -> PhotoMetadata {
        let file = try ReadOnlyFile(path: path)
        return try read(file)
    }

    /// Reads an already opened photo.
    public func read(_ file: ReadOnlyFile) throws(PhotoError) -> PhotoMetadata {
        guard file.size > 0 else { throw PhotoError.emptyFile }
        let magic = try file.bytes(at: 0, count: 16)
        guard let format = ContainerFormat(magic: magic) else { throw PhotoError.notAPhoto }
        switch format {
        case .jpeg:
            return try readJPEG(file)
        case .heic, .avif, .png, .webp, .tiff:
            throw PhotoError.unsupportedFormat(format)
        }
    }

    private func readJPEG(_ file: ReadOnlyFile) throws(PhotoError) -> PhotoMetadata {
        var metadata = PhotoMetadata(format: .jpeg)
        let segments = try JPEGSegments(reading: file)
        if let payload = segments.exifPayload {
            if let exif = ExifDocument(payload: payload) {
                metadata.read(exif)
            } else {
                metadata.exifDamaged = true
            }
        }
        // libjpeg checks that the image itself can be decoded (frame header, tables, scan).
        var header = vp_jpeg_header()
        var message = [CChar](repeating: 0, count: 256)
        let status = vp_jpeg_read_header(file.descriptor, &header, &message, message.count)
        if status != 0 {
            let detail = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            metadata.imageDamage = detail
        }
        metadata.pixelWidth = Int(header.width)
        metadata.pixelHeight = Int(header.height)
        return metadata
    }
}
