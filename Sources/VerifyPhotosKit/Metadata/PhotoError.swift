/// Why a file could not be read as a photo. Each case becomes the `error` of an `unreadable`
/// result; the wording a person reads lives in `Messages`.
public enum PhotoError: Error, Equatable, Sendable, Codable {
    /// The file could not be opened (missing, no permission, ...).
    case cannotOpen(reason: String)
    /// The path is a folder, FIFO, device or socket, not a file.
    case notARegularFile
    /// Reading failed part-way (I/O error).
    case readFailed(reason: String)
    /// The file has no bytes at all (a failed upload).
    case emptyFile
    /// The content is not an image format this tool reads; `kind` is what it looks like
    /// instead (a PDF, a video, a JPEG XL photo, ...), when its first bytes tell.
    case notAPhoto(kind: FileKind?)
    /// The JPEG's structure is broken, so the image cannot be shown.
    case damagedJPEG(detail: String)
    /// Reading this content crashed an earlier run (the fatal `signal`; 0 when it was in hand
    /// while two runs died without a note): it is not read again while the content is the same.
    case crashedReader(signal: Int32)
}
