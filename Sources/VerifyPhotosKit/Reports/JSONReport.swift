/// JSON text of a record, written by hand to keep the contract's field order and to escape
/// every control character. Strings are Swift strings, so the output is always valid UTF-8.
enum JSONText {
    static func object(_ record: ReportRecord) -> String {
        var out = "{"
        for (index, field) in record.fields.enumerated() {
            if index > 0 { out += "," }
            out += string(field.name)
            out += ":"
            out += value(field.value)
        }
        out += "}"
        return out
    }

    static func value(_ value: FieldValue) -> String {
        switch value {
        case .null: "null"
        case .text(let s), .foreignText(let s): string(s)
        case .number(let d): d.isFinite ? number(d) : "null"
        case .bool(let b): b ? "true" : "false"
        case .list(let items): "[" + items.map(string).joined(separator: ",") + "]"
        }
    }

    static func number(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return String(d)
    }

    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}", "\u{2029}":
                out += "\\u" + hex4(scalar.value)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u" + hex4(scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
        return out
    }

    private static func hex4(_ v: UInt32) -> String {
        let digits = String(v, radix: 16)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

/// `--format jsonl`: one JSON object per photo per line.
public struct JSONLinesReport: ReportWriter {
    let output: TextOutput
    let messages: Messages

    public init(output: TextOutput, messages: Messages) {
        self.output = output
        self.messages = messages
    }

    public mutating func write(_ result: PhotoResult) {
        output.line(JSONText.object(ReportRecord(result, messages: messages)))
    }

    public mutating func finish(_ summary: BatchSummary) {
        output.flush()
    }
}

/// `--format json`: one array of the same objects.
public struct JSONArrayReport: ReportWriter {
    let output: TextOutput
    let messages: Messages
    private var first = true

    public init(output: TextOutput, messages: Messages) {
        self.output = output
        self.messages = messages
    }

    public mutating func write(_ result: PhotoResult) {
        output.write(first ? "[\n" : ",\n")
        first = false
        output.write(JSONText.object(ReportRecord(result, messages: messages)))
    }

    public mutating func finish(_ summary: BatchSummary) {
        output.line(first ? "[]" : "\n]")
        output.flush()
    }
}
