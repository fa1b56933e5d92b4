/// `--format csv`: RFC 4180 with a header row, the same columns as the JSON contract. Lists are
/// joined with `;`. Text from the photo or the file system that a spreadsheet would run as a
/// formula (`=`, `+`, `-`, `@`, tab, CR first) is prefixed with `'`.
public struct CSVReport: ReportWriter {
    let output: TextOutput
    let messages: Messages

    public init(output: TextOutput, messages: Messages) {
        self.output = output
        self.messages = messages
        output.line(ReportRecord.fieldNames.joined(separator: ","))
    }

    public func row(for result: PhotoResult) -> String {
        ReportRecord(result, messages: messages).fields.map { CSVReport.cell($0.value) }.joined(separator: ",")
    }

    public mutating func write(_ row: String) {
        output.line(row)
    }

    public mutating func finish(_ summary: BatchSummary) {
        output.flush()
    }

    static func cell(_ value: FieldValue) -> String {
        switch value {
        case .null: ""
        case .text(let s): quoted(s)
        case .foreignText(let s): quoted(neutralized(s))
        case .number(let d): JSONText.number(d)
        case .bool(let b): b ? "true" : "false"
        case .list(let items): quoted(items.joined(separator: ";"))
        }
    }

    static func neutralized(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return s }
        return "'" + s
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
