/// What most likely happened to a photo whose position is missing or unusable, judged from what
/// the file shows, so that the explanation can tell the employee what to do instead.
public enum EvidenceHint: String, Sendable, CaseIterable {
    /// Named like a WhatsApp download (`IMG-20260403-WA0012.jpg`) and without EXIF.
    case whatsApp = "whatsapp"
    /// Named like a Telegram download (`photo_2026-04-03_09-15-00.jpg`).
    case telegram
    /// A screenshot (by name, or iOS's "Screenshot" user comment), not a camera photo.
    case screenshot
    /// An EXIF block that cannot be parsed: damaged in transfer or by an editor.
    case exifDamaged = "exif-damaged"
    /// No EXIF at all: stripped by a messenger, an editor or a social network.
    case exifStripped = "exif-stripped"
    /// EXIF with a GPS directory but no position in it: the position alone was removed.
    case positionRemoved = "position-removed"
    /// Camera data but no GPS directory: location was off in the camera.
    case locationOff = "location-off"
    /// A position of exactly (0, 0) or status void: the phone had no GPS fix yet.
    case noFix = "no-fix"
    /// The position or the time comes only from the stamp printed on the picture, which is easy
    /// to forge: the original file, sent as a document, keeps the camera's own values.
    case stampOnly = "stamp-only"

    /// The hint for a photo, or nil when its position is fine (or it is not a photo at all).
    public init?(metadata: PhotoMetadata?, path: String) {
        guard let metadata, metadata.gps.position == nil else { return nil }
        let name = (path.split(separator: "/").last.map(String.init) ?? path).lowercased()
        if metadata.gps.problem == .nullIsland || metadata.gps.problem == .voidStatus {
            self = .noFix
            return
        }
        guard !metadata.gps.hasPositionTags else { return nil }
        if EvidenceHint.isScreenshot(name: name, metadata: metadata) {
            self = .screenshot
        } else if EvidenceHint.matches(name, "img-########-wa#") {
            self = .whatsApp
        } else if EvidenceHint.matches(name, "photo_####-##-##_##-##-##") || name.contains("telegram") {
            self = .telegram
        } else if metadata.exifDamaged {
            self = .exifDamaged
        } else if !metadata.hasExif {
            self = .exifStripped
        } else if metadata.gps.present {
            self = .positionRemoved
        } else {
            self = .locationOff
        }
    }

    /// Whether `name` starts with `pattern`, where `#` stands for one ASCII digit. Plain code
    /// instead of a regex literal, which is compiled again on every call (3% of the fuzzer's time).
    static func matches(_ name: String, _ pattern: String) -> Bool {
        let text = Array(name.utf8), shape = Array(pattern.utf8)
        guard text.count >= shape.count else { return false }
        for (c, p) in zip(text, shape) {
            if p == UInt8(ascii: "#") ? !(c >= 0x30 && c <= 0x39) : c != p { return false }
        }
        return true
    }

    private static func isScreenshot(name: String, metadata: PhotoMetadata) -> Bool {
        let marks = ["screenshot", "screen shot", "screen_shot", "screencap", "tangkapan layar", "tangkapan_layar"]
        if marks.contains(where: name.contains) { return true }
        return metadata.userComment?.lowercased().contains("screenshot") ?? false
    }
}
