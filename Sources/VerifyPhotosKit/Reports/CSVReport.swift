/// How a CSV file is laid out: RFC 4180 for scripts, or what Indonesian-locale Excel opens
/// as columns (`--excel`).
public struct CSVDialect: Sendable, Equatable {
    var separator: Character
    var lineEnd: String
    /// Numbers written with a decimal comma (`-2,0617`), as Indonesian Excel reads them.
    var decimalComma: Bool
    /// A UTF-8 byte order mark first, without which Excel reads the file as the system's code page.
    var byteOrderMark: Bool

    /// RFC 4180 with `,`, LF line ends, numbers as in JSON.
    public static let standard = CSVDialect(separator: ",", lineEnd: "\n", decimalComma: false, byteOrderMark: false)
    /// For Excel in the Indonesian locale, whose list separator is `;` and decimal separator `,`:
    /// UTF-8 with BOM, `;`, CRLF, decimal commas; digit runs longer than 15 (the NIP), which
    /// Excel would round to 15 significant digits, written as `="198503152010011002"`.
    public static let excel = CSVDialect(separator: ";", lineEnd: "\r\n", decimalComma: true, byteOrderMark: true)
}

/// `--format csv`: RFC 4180 with a header row, the same columns as the JSON contract. Lists are
/// joined with `;`. Every record is one line: control and invisible characters in any cell are
/// escaped as on the terminal (`\x0a`, `\u{202E}`). Text from the photo or the file system
/// that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first, also after leading
/// whitespace; tab or CR first) is prefixed with `'`. With `--excel`, the `excel` dialect.
public struct CSVReport: ReportWriter {
    let output: TextOutput
    let messages: Messages
    let dialect: CSVDialect
    private var wroteHeader = false

    /// Writes nothing yet: the header comes with the first row, or with `finish` for an empty
    /// report (which still proves the run happened).
    public init(output: TextOutput, messages: Messages, dialect: CSVDialect = .standard) {
        self.output = output
        self.messages = messages
        self.dialect = dialect
    }

    private mutating func header() {
        guard !wroteHeader else { return }
        wroteHeader = true
        output.write((dialect.byteOrderMark ? "\u{FEFF}" : "") + ReportRecord.fieldNames.joined(separator: String(dialect.separator)) + dialect.lineEnd)
    }

    public func row(for result: PhotoResult) -> String {
        ReportRecord(result, messages: messages).fields.map { CSVReport.cell($0.value, dialect: dialect) }.joined(separator: String(dialect.separator))
    }

    public mutating func write(_ row: String) {
        header()
        output.write(row + dialect.lineEnd)
    }

    public mutating func finish(_ summary: BatchSummary) {
        header()
        output.flush()
    }

    static func cell(_ value: FieldValue) -> String {
        cell(value, dialect: .standard)
    }

    static func cell(_ value: FieldValue, dialect: CSVDialect) -> String {
        switch value {
        case .null: ""
        case .text(let s) where dialect.decimalComma && s.utf8.count > 15 && s.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }):
            "\"=\"\"" + s + "\"\"\""
        case .text(let s): quoted(TerminalText.safe(s), dialect)
        case .foreignText(let s): quoted(neutralized(s), dialect)
        case .number(let d): dialect.decimalComma ? JSONText.number(d).replacingDot() : JSONText.number(d)
        case .bool(let b): b ? "true" : "false"
        case .list(let items): quoted(neutralized(items.joined(separator: ";")), dialect)
        }
    }

    /// `s` escaped, with `'` first when a spreadsheet could take it for a formula: decided on
    /// the raw text, so that whitespace or invisible characters before `=` do not hide one.
    static func neutralized(_ s: String) -> String {
        let safe = TerminalText.safe(s)
        guard let first = s.unicodeScalars.first else { return safe }
        if first == "\t" || first == "\r" { return "'" + safe }
        let formulaStart = s.unicodeScalars.first {
            !($0.properties.isWhitespace || TerminalText.isHidden($0) || $0.value < 0x20 || $0.value == 0x7F)
        }
        guard let formulaStart, "=+-@".unicodeScalars.contains(formulaStart) else { return safe }
        return "'" + safe
    }

    static func quoted(_ s: String, _ dialect: CSVDialect = .standard) -> String {
        guard s.contains(where: { $0 == dialect.separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingQuotes() + "\""
    }
}

extension String {
    fileprivate func replacingQuotes() -> String {
        var out = ""
        for c in self {
            out.append(c)
            if c == "\"" { out.append("\"") }
        }
        return out
    }
}
