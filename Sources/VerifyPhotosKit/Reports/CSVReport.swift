/// `--format csv`: RFC 4180 with a header row, the same columns as the JSON contract. Lists are
/// joined with `;`. Every record is one line: control and invisible characters in any cell are
/// escaped as on the terminal (`\x0a`, `\u{202E}`). Text from the photo or the file system
/// that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first, also after leading
/// whitespace; tab or CR first) is prefixed with `'`.
public struct CSVReport: ReportWriter {
    let output: TextOutput
    let messages: Messages
    private var wroteHeader = false

    /// Writes nothing yet: the header comes with the first row, or with `finish` for an empty
    /// report (which still proves the run happened).
    public init(output: TextOutput, messages: Messages) {
        self.output = output
        self.messages = messages
    }

    private mutating func header() {
        guard !wroteHeader else { return }
        wroteHeader = true
        output.line(ReportRecord.fieldNames.joined(separator: ","))
    }

    public func row(for result: PhotoResult) -> String {
        ReportRecord(result, messages: messages).fields.map { CSVReport.cell($0.value) }.joined(separator: ",")
    }

    public mutating func write(_ row: String) {
        header()
        output.line(row)
    }

    public mutating func finish(_ summary: BatchSummary) {
        header()
        output.flush()
    }

    static func cell(_ value: FieldValue) -> String {
        switch value {
        case .null: ""
        case .text(let s): quoted(TerminalText.safe(s))
        case .foreignText(let s): quoted(neutralized(s))
        case .number(let d): JSONText.number(d)
        case .bool(let b): b ? "true" : "false"
        case .list(let items): quoted(neutralized(items.joined(separator: ";")))
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

    static func quoted(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
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
