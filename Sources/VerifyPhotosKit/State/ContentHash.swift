import CCrypto

/// SHA-256 of a whole file, with OpenSSL; the one owner of its `EVP_MD_CTX`, freed in `deinit`.
/// Recognises a photo that was moved or renamed since the last run.
final class ContentHash {
    private let context: OpaquePointer

    init?() {
        guard let context = EVP_MD_CTX_new() else { return nil }
        self.context = context
    }

    deinit {
        EVP_MD_CTX_free(context)
    }

    /// The SHA-256 of `file`'s content, read in 1 MiB pieces.
    func digest(of file: ReadOnlyFile) throws(PhotoError) -> [UInt8] {
        guard EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else { throw PhotoError.readFailed(reason: "SHA-256 unavailable") }
        var offset: Int64 = 0
        while offset < file.size {
            let piece = try file.bytes(at: offset, count: 1 << 20)
            if piece.isEmpty { break }
            piece.withUnsafeBytes { _ = EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
            offset += Int64(piece.count)
        }
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        guard EVP_DigestFinal_ex(context, &digest, &length) == 1 else { throw PhotoError.readFailed(reason: "SHA-256 failed") }
        return Array(digest.prefix(Int(length)))
    }
}
