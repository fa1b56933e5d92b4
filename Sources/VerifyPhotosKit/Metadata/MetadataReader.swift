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

    /// Reads an already opened photo. Every EXIF block and XMP packet is read: the values
    /// reported are those of the last EXIF copy (as ExifTool shows them), and what the other
    /// copies say is kept in `otherCopies` so that a disagreement is never resolved silently.
    public func read(_ file: ReadOnlyFile) throws(PhotoError) -> PhotoMetadata {
        try read(ByteSource(file))
    }

    /// Reads a photo held in memory: `bytes` are the whole file. The same reading as of a file
    /// with that content (the fuzzer's way in: no file is written).
    public func read(bytes: [UInt8]) throws(PhotoError) -> PhotoMetadata {
        try read(ByteSource(bytes))
    }

    /// What reading the photo in `bytes` gives, a failure included, for
    /// `PhotoVerifier.result(path:reading:)`: as `PhotoVerifier.verify(path:)` reads a file.
    func reading(bytes: [UInt8]) -> PhotoReading {
        do {
            return PhotoReading(metadata: try read(bytes: bytes), error: nil)
        } catch {
            return PhotoReading(metadata: nil, error: error)
        }
    }

    /// Reads a photo from a file or from memory (see `read(_:)` above).
    func read(_ source: ByteSource) throws(PhotoError) -> PhotoMetadata {
        guard source.size > 0 else { throw PhotoError.emptyFile }
        let magic = try source.contiguous(at: 0, count: 16)
        guard let format = ContainerFormat(magic: magic) else { throw PhotoError.notAPhoto(kind: FileKind(magic: magic)) }
        var metadata = PhotoMetadata(format: format)
        var blocks = MetadataBlocks()
        switch format {
        case .jpeg:
            let segments = try JPEGSegments(reading: source)
            for payload in segments.exifBlocks { blocks.exif.append(try tiffSource(fromPayload: payload)) }
            blocks.xmp = segments.xmpPackets
            blocks.copiesLeftOut = segments.copiesLeftOut
            metadata.editTraces.hasPhotoshopBlock = segments.hasPhotoshopBlock
            checkImage(source, into: &metadata)
        case .heic, .avif:
            blocks = try ISOBMFFExif.find(in: source)
        case .png:
            blocks = try PNGExif.find(in: source)
        case .webp:
            blocks = try WebPExif.find(in: source)
        case .tiff, .dng:
            blocks.exif = [source]
        }
        try readEXIF(blocks.exif, into: &metadata)
        for (index, packet) in blocks.xmp.enumerated() {
            let xmp = XMPPacket(packet, index: index + 1)
            if !xmp.copy.isEmpty { metadata.otherCopies.append(xmp.copy) }
            metadata.unparsedTimes += xmp.unparsedTimes
            metadata.unparsedPositions += xmp.unparsedPositions
            metadata.editTraces.add(xmp.traces)
        }
        metadata.copiesLeftOut = blocks.copiesLeftOut
        return metadata
    }

    /// Reads every EXIF block, and every copy of tags repeated inside one; the last copy read
    /// becomes the photo's values, the others `otherCopies`.
    private func readEXIF(_ sources: [ByteSource], into metadata: inout PhotoMetadata) throws(PhotoError) {
        var copies: [(MetadataCopySource?, PhotoMetadata)] = []
        var damaged = false
        for (index, source) in sources.enumerated() {
            let blockSource: MetadataCopySource? = sources.count > 1 ? .exifBlock(index: index + 1, count: sources.count) : nil
            guard let block = try TIFFRepacker.block(from: source), let entries = TIFFEntries(block: block),
                  let exif = ExifDocument(block: entries.blockForLibexif)
            else {
                damaged = true
                continue
            }
            if metadata.format == .tiff, entries.entries.contains(where: { $0.directory == .image && $0.tag == 0xC612 }) {
                metadata.format = .dng  // DNGVersion
            }
            let repeated = entries.copyCount
            if repeated == 1 && sources.count == 1 {
                // The common case, one block with one copy of every tag: read in place, no copies.
                metadata.read(exif)
                return
            }
            if repeated == 1 {
                var reading = metadata
                reading.read(exif)
                copies.append((blockSource, reading))
            } else {
                for copy in 0..<repeated {
                    var reading = metadata
                    reading.read(TIFFEntries.Copy(entries: entries, index: copy))
                    copies.append((blockSource ?? .repeatedTags(index: copy + 1, count: repeated), reading))
                }
            }
        }
        guard let (_, last) = copies.last else {
            metadata.exifDamaged = damaged
            return
        }
        var unparsed: [UnparsedValue] = []
        for (_, reading) in copies {
            unparsed += reading.unparsedTimes.filter { !unparsed.contains($0) }
        }
        metadata = last
        metadata.unparsedTimes = unparsed
        metadata.otherCopies = copies.dropLast().compactMap { source, reading in source.map { MetadataCopy(source: $0, metadata: reading) } }
    }

    /// libjpeg checks that the image itself can be decoded (frame header, tables, scan).
    private func checkImage(_ source: ByteSource, into metadata: inout PhotoMetadata) {
        var header = vp_jpeg_header()
        let damage: String? = withUnsafeTemporaryAllocation(of: CChar.self, capacity: 256) { message in
            message.initialize(repeating: 0)
            let status = source.withStart { start, descriptor in
                vp_jpeg_read_header(descriptor, start.baseAddress, start.count, &header, message.baseAddress, message.count)
            }
            guard status != 0 else { return nil }
            return String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        if let damage {
            metadata.imageDamage = damage
        } else {
            metadata.pixelWidth = Int(header.width)
            metadata.pixelHeight = Int(header.height)
        }
    }
}
