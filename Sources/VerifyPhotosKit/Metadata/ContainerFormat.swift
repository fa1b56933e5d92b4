/// The image container a file's first bytes say it is, whatever its extension claims.
public enum ContainerFormat: String, Sendable, Codable, CaseIterable {
    case jpeg, heic, avif, png, webp, tiff
    /// A TIFF whose IFD0 carries DNGVersion: a raw photo (told apart after reading, not by magic).
    case dng

    /// Recognises a container from the first bytes of a file (16 are enough); nil if unknown.
    public init?(magic bytes: some Collection<UInt8>) {
        let b = Array(bytes.prefix(16))
        if b.has([0xFF, 0xD8, 0xFF]) {
            self = .jpeg
        } else if b.has([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .png
        } else if b.has(Array("RIFF".utf8)) && b.has(Array("WEBP".utf8), at: 8) {
            self = .webp
        } else if b.has([0x49, 0x49, 0x2A, 0x00]) || b.has([0x4D, 0x4D, 0x00, 0x2A]) {
            self = .tiff
        } else if b.has(Array("ftyp".utf8), at: 4), b.count >= 12 {
            let brand = String(decoding: b[8..<12], as: UTF8.self)
            switch brand {
            case "avif", "avis": self = .avif
            case "heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "mif2": self = .heic
            default: return nil
            }
        } else {
            return nil
        }
    }
}
