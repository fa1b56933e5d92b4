import CExif

/// The IFDs of an EXIF block that this tool reads tags from.
enum ExifDirectory: Sendable {
    case image, exif, gps

    var libexifIFD: ExifIfd {
        switch self {
        case .image: EXIF_IFD_0
        case .exif: EXIF_IFD_EXIF
        case .gps: EXIF_IFD_GPS
        }
    }
}

/// A rational exactly as stored in EXIF (numerator and denominator), before any division.
public struct ExifRational: Sendable, Equatable {
    public var numerator: Int64
    public var denominator: Int64

    /// The quotient, or nil for a zero denominator.
    public var value: Double? {
        denominator == 0 ? nil : Double(numerator) / Double(denominator)
    }
}

/// An EXIF block parsed by libexif; the one owner of libexif's `ExifData`, freed in `deinit`.
///
/// libexif is told not to "fix" the data (EXIF_DATA_OPTION_FOLLOW_SPECIFICATION off): by default
/// it deletes and invents tags, which would alter the evidence. Values are read from the raw
/// entries, never from libexif's display strings.
final class ExifDocument: ExifTagSource {
    private let data: UnsafeMutablePointer<ExifData>
    private let byteOrder: ExifByteOrder

    /// Parses an EXIF block: `Exif\0\0` and a TIFF structure of at most 64 KiB (see
    /// `TIFFRepacker`). Returns nil when libexif found no IFD in it at all.
    init?(block: ArraySlice<UInt8>) {
        guard block.count >= 14, let data = exif_data_new() else { return nil }
        exif_data_unset_option(data, EXIF_DATA_OPTION_FOLLOW_SPECIFICATION)
        exif_data_unset_option(data, EXIF_DATA_OPTION_IGNORE_UNKNOWN_TAGS)
        exif_data_set_option(data, EXIF_DATA_OPTION_DONT_CHANGE_MAKER_NOTE)
        block.withUnsafeBufferPointer { buffer in
            exif_data_load_data(data, buffer.baseAddress, UInt32(clamping: buffer.count))
        }
        self.data = data
        self.byteOrder = exif_data_get_byte_order(data)
        guard [ExifDirectory.image, .exif, .gps].contains(where: { entryCount(in: $0) > 0 }) else {
            return nil
        }
    }

    deinit {
        exif_data_unref(data)
    }

    private func content(_ directory: ExifDirectory) -> UnsafeMutablePointer<ExifContent>? {
        withUnsafeBytes(of: data.pointee.ifd) { raw in
            raw.bindMemory(to: UnsafeMutablePointer<ExifContent>?.self)[Int(directory.libexifIFD.rawValue)]
        }
    }

    private func entryCount(in directory: ExifDirectory) -> Int {
        guard let content = content(directory) else { return 0 }
        return Int(content.pointee.count)
    }

    func hasEntries(in directory: ExifDirectory) -> Bool {
        entryCount(in: directory) > 0
    }

    /// The raw entry for `tag`, checked to hold as many bytes as its type and count claim.
    private func entry(_ tag: UInt32, in directory: ExifDirectory) -> (format: ExifFormat, count: Int, bytes: UnsafePointer<UInt8>)? {
        guard let content = content(directory),
              let entry = exif_content_get_entry(content, ExifTag(rawValue: tag)),
              let bytes = entry.pointee.data
        else { return nil }
        let format = entry.pointee.format
        let unit = Int(exif_format_get_size(format))
        let count = Int(clamping: entry.pointee.components)
        guard unit > 0, count > 0, count <= Int(entry.pointee.size) / unit else { return nil }
        return (format, count, UnsafePointer(bytes))
    }

    func contains(_ tag: UInt32, in directory: ExifDirectory) -> Bool {
        guard let content = content(directory) else { return false }
        return exif_content_get_entry(content, ExifTag(rawValue: tag)) != nil
    }

    func rationals(_ tag: UInt32, in directory: ExifDirectory) -> [ExifRational]? {
        guard let (format, count, bytes) = entry(tag, in: directory) else { return nil }
        switch format {
        case EXIF_FORMAT_RATIONAL:
            return (0..<count).map { i in
                let r = exif_get_rational(bytes + 8 * i, byteOrder)
                return ExifRational(numerator: Int64(r.numerator), denominator: Int64(r.denominator))
            }
        case EXIF_FORMAT_SRATIONAL:
            return (0..<count).map { i in
                let r = exif_get_srational(bytes + 8 * i, byteOrder)
                return ExifRational(numerator: Int64(r.numerator), denominator: Int64(r.denominator))
            }
        default:
            return nil
        }
    }

    func text(_ tag: UInt32, in directory: ExifDirectory) -> String? {
        guard let (format, count, bytes) = entry(tag, in: directory),
              format == EXIF_FORMAT_ASCII || format == EXIF_FORMAT_UNDEFINED || format == EXIF_FORMAT_BYTE
        else { return nil }
        return exifText(UnsafeBufferPointer(start: bytes, count: count))
    }

    func bytes(_ tag: UInt32, in directory: ExifDirectory) -> [UInt8]? {
        guard let (format, count, bytes) = entry(tag, in: directory),
              format == EXIF_FORMAT_UNDEFINED || format == EXIF_FORMAT_BYTE || format == EXIF_FORMAT_ASCII
        else { return nil }
        return Array(UnsafeBufferPointer(start: bytes, count: min(count, 65_536)))
    }

    func byte(_ tag: UInt32, in directory: ExifDirectory) -> UInt8? {
        guard let (format, _, bytes) = entry(tag, in: directory),
              format == EXIF_FORMAT_BYTE || format == EXIF_FORMAT_UNDEFINED
        else { return nil }
        return bytes.pointee
    }
}
