import CCrypto

/// Incremental SHA-256 with OpenSSL; the one owner of its `EVP_MD_CTX`, freed in `deinit`.
/// For digests of bytes already in memory (a whole photo, or the pieces of its image data).
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
