import CXXHash

/// Incremental XXH3-128 (libxxhash); the one owner of its `XXH3_state_t`, freed in `deinit`.
/// Digests a photo's image data, which the file's SHA-256 has already covered: a fast hash
/// there saves a second cryptographic pass over every byte (see `ImageDigest`).
final class XXH3Hasher {
    private let state: OpaquePointer

    /// Nil only when libxxhash cannot allocate its state.
    init?() {
        guard let state = XXH3_createState() else { return nil }
        guard XXH3_128bits_reset(state) == XXH_OK else {
            XXH3_freeState(state)
            return nil
        }
        self.state = state
    }

    deinit {
        XXH3_freeState(state)
    }

    func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        #if arch(x86_64)
        _ = XXH3_128bits_update_dispatch(state, base, bytes.count)
        #else
        _ = XXH3_128bits_update(state, base, bytes.count)
        #endif
    }

    /// The 16 bytes of the digest in canonical (big-endian) order; the hasher starts over afterwards.
    func finish() -> [UInt8] {
        var canonical = XXH128_canonical_t()
        XXH128_canonicalFromHash(&canonical, XXH3_128bits_digest(state))
        _ = XXH3_128bits_reset(state)
        return withUnsafeBytes(of: canonical.digest) { Array($0) }
    }
}
