/// Typed access to the tags of an EXIF block, by directory: libexif's parse (`ExifDocument`),
/// or one copy of tags that a file holds more than once (`TIFFEntries.Copy`). Values are the
/// raw entries' values, never display strings.
protocol ExifTagSource {
    /// Whether the directory holds any entry at all (e.g. a GPS IFD with no usable tags).
    func hasEntries(in directory: ExifDirectory) -> Bool
    /// Whether the tag is present in the directory, whatever its type.
    func contains(_ tag: UInt32, in directory: ExifDirectory) -> Bool
    /// The rationals of a RATIONAL or SRATIONAL entry; nil if absent or of another type.
    func rationals(_ tag: UInt32, in directory: ExifDirectory) -> [ExifRational]?
    /// The text of an ASCII (or UNDEFINED/BYTE) entry up to its first NUL, without trailing
    /// spaces; bytes that are not UTF-8 become U+FFFD.
    func text(_ tag: UInt32, in directory: ExifDirectory) -> String?
    /// The raw bytes of a BYTE, UNDEFINED or ASCII entry (at most 64 KiB).
    func bytes(_ tag: UInt32, in directory: ExifDirectory) -> [UInt8]?
    /// The first byte of a BYTE or UNDEFINED entry (e.g. GPSAltitudeRef).
    func byte(_ tag: UInt32, in directory: ExifDirectory) -> UInt8?
}

/// EXIF's ASCII value rule, shared by every tag source: up to the first NUL, trailing spaces
/// removed, always valid text.
func exifText(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    let end = bytes.firstIndex(of: 0) ?? bytes.count
    var kept = end
    while kept > 0, bytes[kept - 1] == 0x20 { kept -= 1 }
    // Spaces after an ASCII byte (or alone) are characters of their own: dropping the bytes
    // drops those characters, without decoding them first (the common case, and cheaper).
    if kept == 0 || bytes[kept - 1] < 0x80 { return String(decoding: bytes[0..<kept], as: UTF8.self) }
    var text = String(decoding: bytes[0..<end], as: UTF8.self)
    while let last = text.last, last == " " { text.removeLast() }
    return text
}
