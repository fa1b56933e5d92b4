/// The metadata blocks a container holds, in file order: every EXIF block (each the window of
/// its TIFF structure in the file or in memory) and every XMP packet. A file may hold several copies; all are read, so that a
/// second copy cannot hide behind the first.
struct MetadataBlocks {
    var exif: [ByteSource] = []
    var xmp: [[UInt8]] = []
    /// Copies beyond `MetadataBlocks.maxCopies` were found and not read.
    var copiesLeftOut = false

    /// Most EXIF blocks, and most XMP packets, read from one file: real photos have one of each.
    static let maxCopies = 8

    mutating func add(exif source: ByteSource) {
        if exif.count < MetadataBlocks.maxCopies { exif.append(source) } else { copiesLeftOut = true }
    }

    mutating func add(xmp packet: [UInt8]) {
        if xmp.count < MetadataBlocks.maxCopies { xmp.append(packet) } else { copiesLeftOut = true }
    }
}
