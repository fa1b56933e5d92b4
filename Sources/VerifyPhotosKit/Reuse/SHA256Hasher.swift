import CCrypto

/// Incremental SHA-256 with OpenSSL; the one owner of its `EVP_MD_CTX`, freed in `deinit`.
/// Digests of bytes in memory (a whole photo, the pieces of its image data) and of whole files
/// (the state recognises a photo moved or renamed since the last run by its content).
final class SHA256Hasher {
    private let context: OpaquePointer

    /// Nil only when OpenSSL cannot allocate a context or has no SHA-256.
    init?() {
        guard let context = EVP_MD_CTX_new() else { return nil }
        guard EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
            EVP_MD_CTX_free(context)
            return nil
        }
        self.context = context
    }

    deinit {
        EVP_MD_CTX_free(context)
    }

    func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        _ = EVP_DigestUpdate(context, base, bytes.count)
    }

    /// The digest of everything passed to `update`; the hasher starts over afterwards.
    func finish() -> [UInt8]? {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        guard EVP_DigestFinal_ex(context, &digest, &length) == 1, length == 32 else { return nil }
        guard EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else { return nil }
        return digest
    }

    /// The SHA-256 of `file`'s content, read in 1 MiB pieces.
    func digest(of file: ReadOnlyFile) throws(PhotoError) -> [UInt8] {
        var offset: Int64 = 0
        while offset < file.size {
            let piece = try file.bytes(at: offset, count: 1 << 20)
            if piece.isEmpty { break }
            piece.withUnsafeBytes { update($0) }
            offset += Int64(piece.count)
        }
        guard let digest = finish() else { throw PhotoError.readFailed(reason: "SHA-256 failed") }
        return digest
    }

    /// The SHA-256 of `bytes`, or nil when OpenSSL fails.
    static func digest(_ bytes: UnsafeRawBufferPointer) -> [UInt8]? {
        guard let hasher = SHA256Hasher() else { return nil }
        hasher.update(bytes)
        return hasher.finish()
    }
}

extension Array where Element == UInt8 {
    /// Lower-case hexadecimal, two digits a byte.
    var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(count * 2)
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

extension String {
    /// The bytes a text of hexadecimal digit pairs stands for (a SHA-256 in hex); empty if it is not one.
    var hexBytes: [UInt8] {
        let digits = Array(utf8)
        guard digits.count % 2 == 0 else { return [] }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = hexValue(digits[index]), let low = hexValue(digits[index + 1]) else { return [] }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
