import Testing
@testable import VerifyPhotosKit

@Suite struct TerminalTextTests {
    static let bidiControls: [UInt32] = [0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                                         0x2066, 0x2067, 0x2068, 0x2069, 0x061C]
    static let zeroWidth: [UInt32] = [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF]
    /// Other invisible format characters: soft hyphen, word joiners, tag characters, separators.
    static let otherInvisible: [UInt32] = [0x00AD, 0x180E, 0x2061, 0x2064, 0x206A, 0xFFF9, 0xE0001, 0xE0041, 0x2028, 0x2029]

    @Test func controlCharactersAreEscaped() {
        #expect(TerminalText.safe("Evil\u{1B}[31mRED\nx\u{7}\u{7F}") == "Evil\\x1b[31mRED\\x0ax\\x07\\x7f")
        #expect(TerminalText.safe("\u{9B}31m\u{85}") == "\\u{009B}31m\\u{0085}")
    }

    @Test(arguments: bidiControls + zeroWidth + otherInvisible)
    func invisibleAndBidiCharactersAreEscaped(value: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(value))
        let hex = String(value, radix: 16, uppercase: true)
        let expected = "a\\u{" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "}b"
        #expect(TerminalText.safe("a" + String(Character(scalar)) + "b") == expected)
    }

    @Test func visibleTextIsUnchanged() {
        for text in ["Desa Tanjung, Mentok", "Kabupaten Bangka Barat", "café é", "日本語", "📷 foto", "مرحبا", "a\\b", "inv_\u{FFFD}.jpg",
                     "👨‍👩‍👧".unicodeScalars.filter { $0.value != 0x200D }.map(String.init).joined()] {
            #expect(TerminalText.safe(text) == text)
        }
    }

    @Test func tableAndExplanationShowNoBidiOrZeroWidthCharacters() throws {
        let path = "/srv/wfh/\u{202E}gpj.exe\u{200B}\u{2066}x\u{FEFF}.jpg"
        let result = PhotoResult(path: path, metadata: nil, verdict: .unreadable, error: .emptyFile)
        let output = try TextOutput(path: "/dev/null")
        let table = TableReport(output: output, messages: .english, color: false).row(for: result).cells.joined(separator: " ")
        let explanation = ExplanationReport(output: output, messages: .english, color: false).row(for: result).joined(separator: "\n")
        for text in [table, explanation] {
            #expect(!text.unicodeScalars.contains { TerminalTextTests.bidiControls.contains($0.value) || TerminalTextTests.zeroWidth.contains($0.value) })
            #expect(text.contains("/srv/wfh/\\u{202E}gpj.exe\\u{200B}\\u{2066}x\\u{FEFF}.jpg"))
        }
    }
}
