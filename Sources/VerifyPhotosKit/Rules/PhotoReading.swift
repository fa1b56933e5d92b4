/// What reading one file gave: the metadata, or why it could not be read. Stored in the state
/// so that an unchanged photo is judged again (rules and options may change) without reading it.
struct PhotoReading: Sendable, Codable, Equatable {
    var metadata: PhotoMetadata?
    var error: PhotoError?
    /// The picture's digests and perceptual hashes (nil with `--metadata-only`, or when the
    /// metadata could not be read).
    var fingerprint: PhotoFingerprint?

    init(metadata: PhotoMetadata?, error: PhotoError?, fingerprint: PhotoFingerprint? = nil) {
        self.metadata = metadata
        self.error = error
        self.fingerprint = fingerprint
    }
}
