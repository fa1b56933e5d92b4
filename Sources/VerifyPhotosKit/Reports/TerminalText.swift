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
