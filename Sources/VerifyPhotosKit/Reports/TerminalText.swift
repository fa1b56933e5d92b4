/// Text safe to print on a terminal: control characters (escape sequences, newlines, bells)
/// from file names or EXIF are shown escaped instead of being run by the terminal.
enum TerminalText {
    static func safe(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) {
                out += v < 0x100 ? "\\x" + (v < 0x10 ? "0" : "") + String(v, radix: 16) : "?"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
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
