/// What reading one file gave: the metadata, or why it could not be read. Stored in the state
/// so that an unchanged photo is judged again (rules and options may change) without reading it.
struct PhotoReading: Sendable, Codable, Equatable {
    var metadata: PhotoMetadata?
    var error: PhotoError?
    /// The picture's digests and perceptual hashes (nil with `--metadata-only`, or when the
    /// metadata could not be read).
    var fingerprint: PhotoFingerprint?
    /// What OCR read from the stamp printed on the picture (nil: not read, by `--read-stamps`
    /// or because the photo's EXIF has a position and a capture time). Readings stored by
    /// earlier versions have none: the photo is read for its stamp once, when it needs one.
    var stamp: StampReading?

    init(metadata: PhotoMetadata?, error: PhotoError?, fingerprint: PhotoFingerprint? = nil, stamp: StampReading? = nil) {
        self.metadata = metadata
        self.error = error
        self.fingerprint = fingerprint
        self.stamp = stamp
    }
}
