/// What reading one file gave: the metadata, or why it could not be read. Stored in the state
/// so that an unchanged photo is judged again (rules and options may change) without reading it.
struct PhotoReading: Sendable, Codable, Equatable {
    var metadata: PhotoMetadata?
    var error: PhotoError?
}
