/// Text safe to print on a terminal or put in a CSV cell: characters that a terminal would run
/// (escape sequences, newlines, bells) or that hide or reorder text (bidi controls, zero-width
/// and other invisible format characters) are shown escaped instead: C0 controls and DEL as
/// `\x1b` (two lowercase hex digits), the others as `\u{202E}` (at least four uppercase ones).
/// Backslashes are left alone; paths have already escaped theirs (`PhotoPath.description`).
enum TerminalText {
    static func safe(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 < 0x20 || $0 >= 0x7F }) else { return s }
        var out = ""
        for scalar in s.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\x" + hex(scalar.value, digits: 2, uppercase: false)
            } else if isHidden(scalar) {
                out += "\\u{" + hex(scalar.value, digits: 4, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Characters that are not shown as themselves: C1 controls, format characters (bidi
    /// controls, zero-width characters, tags), line and paragraph separators, and the Hangul
    /// fillers that render as blanks.
    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x80...0x9F, 0x115F, 0x1160, 0x3164, 0xFFA0: return true
        default: break
        }
        switch scalar.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator, .control: return true
        default: return false
        }
    }

    private static func hex(_ value: UInt32, digits: Int, uppercase: Bool) -> String {
        let text = String(value, radix: 16, uppercase: uppercase)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    // MARK: Display width

    /// The columns `text` takes on a terminal: two for wide East Asian characters and emoji,
    /// none for combining marks, one otherwise. Meant for text already made `safe`, whose
    /// controls and invisible characters are escapes of plain ASCII.
    static func width<Text: StringProtocol>(_ text: Text) -> Int {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.utf8.count }
        return text.reduce(0) { $0 + width($1) }
    }

    static func width(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value < 0x80 { return 1 }
        // One picture whatever follows it: a flag, a skin tone, a text symbol shown as emoji.
        let properties = first.properties
        if properties.isEmojiPresentation || (properties.isEmoji && scalars.contains("\u{FE0F}")) { return 2 }
        return scalars.reduce(0) { $0 + width($1) }
    }

    private static func width(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        switch scalar.value {
        case 0x1160...0x11FF, 0xD7B0...0xD7FF:  // Hangul vowels and final consonants join the syllable before
            return 0
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF, 0x1F200...0x1F2FF,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:  // East Asian Wide and Fullwidth
            return 2
        default:
            return 1
        }
    }

    /// `text` cut to at most `width` columns, ending in `…` when anything was cut. Whole
    /// characters only: a wide character or a letter with its accents is kept or dropped whole.
    static func truncated(_ text: String, toWidth width: Int) -> String {
        guard self.width(text) > width else { return text }
        guard width > 0 else { return "" }
        var end = text.startIndex
        var used = 0
        while end < text.endIndex {
            let next = self.width(text[end])
            if used + next > width - 1 { break }
            used += next
            end = text.index(after: end)
        }
        var kept = text[..<end]
        while kept.last == " " { kept.removeLast() }
        return kept + "…"
    }

    /// `text` cut from the start to at most `width` columns, beginning with `…` when anything was cut.
    static func truncatedFromStart(_ text: String, toWidth width: Int) -> String {
        guard self.width(text) > width else { return text }
        guard width > 0 else { return "" }
        var start = text.endIndex
        var used = 0
        while start > text.startIndex {
            let previous = text.index(before: start)
            let next = self.width(text[previous])
            if used + next > width - 1 { break }
            used += next
            start = previous
        }
        return "…" + text[start...]
    }

    /// `text` followed by blanks up to `width` columns (unchanged if already as wide).
    static func padded(_ text: String, to width: Int) -> String {
        let missing = width - self.width(text)
        return missing > 0 ? text + String(repeating: " ", count: missing) : text
    }

    /// ANSI colour for a status.
    static func colored(_ text: String, _ status: PhotoStatus) -> String {
        let code: String
        switch status {
        case .ok: code = "32"
        case .review: code = "33"
        case .flagged: code = "31"
        case .unreadable: code = "35"
        }
        return "\u{1B}[\(code);1m\(text)\u{1B}[0m"
    }
}
