/// JSON text of a record, written by hand to keep the contract's field order and to escape
/// every control character. Strings are Swift strings, so the output is always valid UTF-8.
enum JSONText {
    static func object(_ record: ReportRecord) -> String {
        object(fields: record.fields.lazy.map { ($0.name, $0.value) })
    }

    /// The object of `names[i]: values[i]`, in order.
    static func object(names: [String], values: [FieldValue]) -> String {
        object(fields: zip(names, values))
    }

    private static func object<Fields: Sequence>(fields: Fields) -> String where Fields.Element == (String, FieldValue) {
        var out: [UInt8] = []
        out.reserveCapacity(768)
        out.append(UInt8(ascii: "{"))
        for (index, (name, value)) in fields.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            append(name, to: &out)
            out.append(UInt8(ascii: ":"))
            append(value, to: &out)
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    static func number(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return String(d)
    }

    static func string(_ s: String) -> String {
        var out: [UInt8] = []
        append(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func append(_ value: FieldValue, to out: inout [UInt8]) {
        switch value {
        case .null: out += "null".utf8
        case .text(let s), .foreignText(let s): append(s, to: &out)
        case .number(let d): out += (d.isFinite ? number(d) : "null").utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .list(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                append(item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
    }

    /// Appends `s` as a JSON string, working on its UTF-8 bytes (a Swift string is valid UTF-8):
    /// runs of plain bytes are copied at once, the rest escaped.
    private static func append(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            var plain = 0, i = 0
            while i < bytes.count {
                let byte = bytes[i]
                var escape: [UInt8]?
                var width = 1
                switch byte {
                case UInt8(ascii: "\""): escape = [0x5C, 0x22]
                case UInt8(ascii: "\\"): escape = [0x5C, 0x5C]
                case 0x0A: escape = [0x5C, UInt8(ascii: "n")]
                case 0x0D: escape = [0x5C, UInt8(ascii: "r")]
                case 0x09: escape = [0x5C, UInt8(ascii: "t")]
                case 0x00..<0x20, 0x7F: escape = unicodeEscape(UInt32(byte))
                case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    // U+2028 and U+2029 end lines in JavaScript: escape them too.
                    escape = unicodeEscape(bytes[i + 2] == 0xA8 ? 0x2028 : 0x2029)
                    width = 3
                default: break
                }
                if let escape {
                    out.append(contentsOf: bytes[plain..<i])
                    out.append(contentsOf: escape)
                    plain = i + width
                }
                i += width
            }
            out.append(contentsOf: bytes[plain..<bytes.count])
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func unicodeEscape(_ v: UInt32) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        return [0x5C, UInt8(ascii: "u")] + stride(from: 12, through: 0, by: -4).map { digits[Int((v >> UInt32($0)) & 0xF)] }
    }
}

/// `--format jsonl` (one JSON object per photo per line) and `--format json` (the same objects
/// as one array).
public struct JSONReport: ReportWriter {
    let output: TextOutput
    let messages: Messages
    let asArray: Bool
    private var first = true

    public init(output: TextOutput, messages: Messages, asArray: Bool = false) {
        self.output = output
        self.messages = messages
        self.asArray = asArray
    }

    public func row(for result: PhotoResult) -> String {
        JSONText.object(ReportRecord(result, messages: messages))
    }

    public mutating func write(_ row: String) {
        if asArray {
            output.write(first ? "[\n" : ",\n")
            output.write(row)
        } else {
            output.line(row)
        }
        first = false
    }

    public mutating func finish(_ summary: BatchSummary) {
        if asArray { output.line(first ? "[]" : "\n]") }
        output.flush()
    }
}
