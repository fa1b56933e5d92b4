import CPhotoShim

/// Reads the evidence from one photo file: container, EXIF values and image header.
public struct MetadataReader: Sendable {
    public init() {}

    /// The containers this version reads metadata from; others are reported as unsupported.
    public static let supportedFormats = Set(ContainerFormat.allCases)

    /// Reads `path` read-only. Throws when the file is not a photo this tool can read; a photo
    /// whose metadata is missing or damaged is returned with those values absent.
    public func read(path: PhotoPath) throws(PhotoError) -> PhotoMetadata {
        let file = try ReadOnlyFile(path: path)
        return try read(file)
    }

    /// Reads the photo at `path` (see `read(path:)` above).
    public func read(path: String) throws(PhotoError) -> PhotoMetadata {
        try read(path: PhotoPath(path))
    }

    /// Reads an already opened photo.
    public func read(_ file: ReadOnlyFile) throws(PhotoError) -> PhotoMetadata {
        guard file.size > 0 else { throw PhotoError.emptyFile }
        let magic = try file.bytes(at: 0, count: 16)
        guard let format = ContainerFormat(magic: magic) else { throw PhotoError.notAPhoto }
        var metadata = PhotoMetadata(format: format)
        let tiff: TIFFSource?
        switch format {
        case .jpeg:
            let segments = try JPEGSegments(reading: file)
            tiff = segments.exifPayload.map(tiffSource(fromPayload:))
            checkImage(file, into: &metadata)
        case .heic, .avif:
            tiff = try ISOBMFFExif.find(in: file)
        case .png:
            tiff = try PNGExif.find(in: file)
        case .webp:
            tiff = try WebPExif.find(in: file)
        case .tiff:
            tiff = .file(file)
        }
        if let tiff {
            if let block = try TIFFRepacker.block(from: tiff), let exif = ExifDocument(block: block) {
                metadata.read(exif)
            } else {
                metadata.exifDamaged = true
            }
        }
        return metadata
    }

    /// libjpeg checks that the image itself can be decoded (frame header, tables, scan).
    private func checkImage(_ file: ReadOnlyFile, into metadata: inout PhotoMetadata) {
        var header = vp_jpeg_header()
        var message = [CChar](repeating: 0, count: 256)
        let head = (try? file.headBytes()) ?? []
        let status = head.withUnsafeBufferPointer { buffer in
            vp_jpeg_read_header(file.descriptor, buffer.baseAddress, buffer.count, &header, &message, message.count)
        }
        if status != 0 {
            metadata.imageDamage = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        } else {
            metadata.pixelWidth = Int(header.width)
            metadata.pixelHeight = Int(header.height)
        }
    }
}
