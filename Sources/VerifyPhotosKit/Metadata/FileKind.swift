/// What a file that is not a photo this tool reads most likely is, from its first bytes, so
/// that the admin reads "not a photo: PDF document" (and knows what the employee sent) rather
/// than only "not a photo".
public enum FileKind: String, Sendable, Codable, CaseIterable {
    case pdf
    /// A ZIP archive; Office documents (DOCX, XLSX, PPTX) are ZIP archives too.
    case zip
    /// An MP4, MOV or other ISO base media file that is not a HEIC or AVIF image.
    case video
    case gif
    case bmp
    /// JPEG XL: a photo format, but one this tool cannot read yet.
    case jpegXL = "jpeg-xl"
    case plainText = "text"

    /// Whether this is a photo format that this tool does not read (as opposed to something
    /// that is not a photo at all).
    public var isUnsupportedPhotoFormat: Bool { self == .jpegXL }

    /// Recognises a kind from the first bytes of a file (16 are enough); nil if unknown.
    /// Call it only for content that `ContainerFormat` did not recognise.
    public init?(magic bytes: some Collection<UInt8>) {
        let b = Array(bytes.prefix(16))
        if b.has(Array("%PDF-".utf8)) {
            self = .pdf
        } else if b.has([0x50, 0x4B, 0x03, 0x04]) || b.has([0x50, 0x4B, 0x05, 0x06]) || b.has([0x50, 0x4B, 0x07, 0x08]) {
            self = .zip
        } else if b.has(Array("GIF87a".utf8)) || b.has(Array("GIF89a".utf8)) {
            self = .gif
        } else if b.has(Array("BM".utf8)) && b.has([0, 0, 0, 0], at: 6) {
            // "BM", the file size, then four reserved bytes that are always zero.
            self = .bmp
        } else if b.has([0xFF, 0x0A]) || b.has([0, 0, 0, 0x0C, 0x4A, 0x58, 0x4C, 0x20, 0x0D, 0x0A, 0x87, 0x0A]) {
            self = .jpegXL
        } else if ["ftyp", "moov", "mdat", "wide", "free"].contains(where: { b.has(Array($0.utf8), at: 4) }) {
            self = .video
        } else if FileKind.isText(b) {
            self = .plainText
        } else {
            return nil
        }
    }

    /// Text: a UTF-16 byte order mark, or UTF-8 (or ASCII) without control characters other
    /// than whitespace. The last character may be cut off by the end of the sample.
    private static func isText(_ b: [UInt8]) -> Bool {
        guard !b.isEmpty else { return false }
        if b.starts(with: [0xFF, 0xFE]) || b.starts(with: [0xFE, 0xFF]) { return true }
        let whitespace: Set<UInt8> = [0x09, 0x0A, 0x0C, 0x0D]
        guard !b.contains(where: { ($0 < 0x20 && !whitespace.contains($0)) || $0 == 0x7F }) else { return false }
        var parser = Unicode.UTF8.ForwardParser()
        var input = b.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &input) {
            case .valid(let encoded):
                offset += encoded.count
            case .error(let length):
                // A sequence cut short by the end of the sample is still text.
                return offset + length == b.count && b.count == 16 && (0xC2...0xF4).contains(b[offset])
            case .emptyInput:
                return true
            }
        }
    }
}
