import Testing
@testable import VerifyPhotosKit

@Suite struct EvidenceHintTests {
    private func hint(_ name: String) -> EvidenceHint? {
        let path = TestPaths.fixture(name)
        return EvidenceHint(metadata: try? MetadataReader().read(path: path), path: path)
    }

    @Test(arguments: [
        ("IMG-20260403-WA0012.jpg", EvidenceHint.whatsApp),
        ("photo_2026-04-17_09-15-00.jpg", .telegram),
        ("no-exif-screenshot.png", .screenshot),
        ("no-exif-messenger.jpg", .exifStripped),
        ("no-gps.jpg", .locationOff),
        ("invalid-gps-null-island.jpg", .noFix),
        ("invalid-gps-void-status.jpg", .noFix),
    ])
    func saysWhatMostLikelyHappened(name: String, expected: EvidenceHint) {
        #expect(hint(name) == expected)
    }

    @Test func noHintWhenThePositionIsFineOrTheFileIsNoPhoto() {
        #expect(hint("ok-muntok-ii-dms.jpg") == nil)
        #expect(hint("outside-at-sea.jpg") == nil)
        #expect(hint("unreadable-empty.jpg") == nil)
        #expect(hint("invalid-gps-zero-denominator.jpg") == nil)
    }

    @Test func positionRemovedAndScreenshotComment() {
        var m = PhotoMetadata(format: .jpeg)
        m.hasExif = true
        m.gps.present = true
        #expect(EvidenceHint(metadata: m, path: "x/IMG_0001.jpg") == .positionRemoved)
        m.userComment = "Screenshot"
        #expect(EvidenceHint(metadata: m, path: "x/IMG_0001.png") == .screenshot)
        #expect(EvidenceHint(metadata: PhotoMetadata(format: .png), path: "Tangkapan layar 2026-04-03.png") == .screenshot)
    }

    @Test func everyHintHasAdviceInBothLanguages() {
        for hint in EvidenceHint.allCases {
            let id = Messages(language: .indonesian).hint(hint), en = Messages(language: .english).hint(hint)
            #expect(!id.isEmpty && !en.isEmpty && id != en)
        }
        #expect(Messages(language: .indonesian).hint(.whatsApp).contains("dokumen/berkas"))
    }

    @Test func messengerNamesAreMatchedDigitByDigit() {
        #expect(EvidenceHint.matches("img-20260403-wa0012.jpg", "img-########-wa#"))
        #expect(!EvidenceHint.matches("img-2026043-wa0012.jpg", "img-########-wa#"))
        #expect(!EvidenceHint.matches("img-20260403-wa.jpg", "img-########-wa#"))
        #expect(EvidenceHint.matches("photo_2026-04-03_09-15-00.jpg", "photo_####-##-##_##-##-##"))
        #expect(!EvidenceHint.matches("photo_2026-04-03", "photo_####-##-##_##-##-##"))
    }
}
