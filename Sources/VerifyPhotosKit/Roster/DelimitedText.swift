/// A table of delimited text as spreadsheets export it (the roster and the WFH schedule): UTF-8
/// with or without a BOM, `,` or `;` chosen by the header line, `"` quoting, CRLF, LF or CR.
struct DelimitedTable: Sendable {
    /// One row of the file: its cells as written (unquoted, untrimmed) and the line it starts on.
    struct Record: Sendable {
        var line: Int
        var fields: [String]
    }

    var source: String
    var header: Record
    /// The rows after the header; rows whose every cell is blank (`;;;` from a spreadsheet) are left out.
    var records: [Record]

    /// Files larger than this are refused unread: a roster of thousands of people is a few megabytes.
    static let maximumFileSize: Int64 = 64 << 20

    /// Reads the table in `text`; `source` names the file in errors.
    init(text: String, source: String) throws(RosterError) {
        self.source = source
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let delimiter = DelimitedTable.delimiter(of: bytes)
        var rows = try DelimitedTable.records(in: bytes, delimiter: delimiter, source: source)
            .filter { !$0.fields.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
        guard !rows.isEmpty else { throw RosterError(source: source, problem: .noHeader) }
        header = rows.removeFirst()
        records = rows
        for (index, name) in header.fields.enumerated() where DelimitedTable.trimmed(name).isEmpty {
            if let row = records.first(where: { index < $0.fields.count && !DelimitedTable.trimmed($0.fields[index]).isEmpty }) {
                throw RosterError(source: source, line: row.line, column: "\(index + 1)", problem: .valueWithoutHeader)
            }
        }
        for row in records where row.fields.count > header.fields.count {
            if let extra = row.fields.indices.dropFirst(header.fields.count).first(where: { !DelimitedTable.trimmed(row.fields[$0]).isEmpty }) {
                throw RosterError(source: source, line: row.line, column: "\(extra + 1)", problem: .valueWithoutHeader)
            }
        }
    }

    /// The text of the file at `path`, which must be UTF-8.
    static func text(path: String) throws(RosterError) -> String {
        let bytes: [UInt8]
        do {
            let file = try ReadOnlyFile(path: path, headSize: 0)
            guard file.size <= maximumFileSize else { throw RosterError(source: path, problem: .tooLarge(bytes: file.size)) }
            bytes = try file.bytes(at: 0, count: Int(file.size))
        } catch let error as RosterError {
            throw error
        } catch let error as PhotoError {
            throw RosterError(source: path, problem: .cannotRead(reason: Messages.english.describe(error)))
        } catch {
            throw RosterError(source: path, problem: .cannotRead(reason: "\(error)"))
        }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var line = 1
        for piece in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if String(validating: piece, as: UTF8.self) == nil { break }
            line += 1
        }
        throw RosterError(source: path, line: line, problem: .notUTF8)
    }

    /// The columns of `fields` found in the header; each field has its accepted names
    /// (lowercase, words joined by `_`). An unknown or repeated header is an error.
    func columns<Field: Hashable>(_ fields: [(Field, [String])]) throws(RosterError) -> Columns<Field> {
        var columns = Columns<Field>()
        for (index, written) in header.fields.enumerated() {
            let name = DelimitedTable.trimmed(written)
            if name.isEmpty { continue }
            let key = DelimitedTable.headerKey(name)
            guard let field = fields.first(where: { $0.1.contains(key) })?.0 else {
                throw RosterError(source: source, line: header.line, column: name,
                                  problem: .unknownColumn(known: fields.map { $0.1.joined(separator: "/") }))
            }
            if let first = columns.names[field] {
                throw RosterError(source: source, line: header.line, column: name, problem: .repeatedColumn(first: first))
            }
            columns.index[field] = index
            columns.names[field] = name
        }
        return columns
    }

    /// `name` lowercased, with spaces and hyphens as `_`: `Unit Kerja` is `unit_kerja`.
    static func headerKey(_ name: String) -> String {
        String(name.lowercased().split(whereSeparator: { $0.isWhitespace || $0 == "-" || $0 == "_" }).joined(separator: "_"))
    }

    static func trimmed(_ text: some StringProtocol) -> String {
        String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    /// `;` when the first non-blank line has more semicolons than commas outside quotes, else `,`.
    private static func delimiter(of bytes: [UInt8]) -> UInt8 {
        var commas = 0, semicolons = 0, quoted = false, seenText = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): quoted.toggle(); seenText = true
            case UInt8(ascii: ","): if !quoted { commas += 1; seenText = true }
            case UInt8(ascii: ";"): if !quoted { semicolons += 1; seenText = true }
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                if !quoted, seenText { return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",") }
            case UInt8(ascii: " "), UInt8(ascii: "\t"): break
            default: seenText = true
            }
        }
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// Every record, blank ones included; a quoted field may span lines.
    private static func records(in bytes: [UInt8], delimiter: UInt8, source: String) throws(RosterError) -> [Record] {
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1, recordLine = 1, quoteLine = 1
        var inQuotes = false, wasQuoted = false
        var i = 0
        func column(_ index: Int) -> String {
            let header = records.first { !$0.fields.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
            guard let header, index < header.fields.count else { return "\(index + 1)" }
            let name = DelimitedTable.trimmed(header.fields[index])
            return name.isEmpty ? "\(index + 1)" : name
        }
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        while i < bytes.count {
            let byte = bytes[i]
            i += 1
            if inQuotes {
                if byte == quote {
                    if i < bytes.count, bytes[i] == quote {
                        field.append(quote)
                        i += 1
                    } else {
                        inQuotes = false
                    }
                    continue
                }
                if byte == lf || (byte == cr && (i == bytes.count || bytes[i] != lf)) { line += 1 }
                field.append(byte)
                continue
            }
            switch byte {
            case delimiter:
                endField()
            case cr, lf:
                if byte == cr, i < bytes.count, bytes[i] == lf { i += 1 }
                endField()
                records.append(Record(line: recordLine, fields: fields))
                fields.removeAll()
                line += 1
                recordLine = line
            case quote where !wasQuoted && field.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }):
                field.removeAll()
                inQuotes = true
                wasQuoted = true
                quoteLine = line
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                if !wasQuoted { field.append(byte) }
            default:
                if wasQuoted {
                    throw RosterError(source: source, line: line, column: column(fields.count), problem: .textAfterClosingQuote)
                }
                field.append(byte)
            }
        }
        if inQuotes {
            throw RosterError(source: source, line: quoteLine, column: column(fields.count), problem: .unterminatedQuote)
        }
        if !fields.isEmpty || !field.isEmpty || wasQuoted {
            endField()
            records.append(Record(line: recordLine, fields: fields))
        }
        return records
    }
}

/// Where each known field is in a table, and its header as written (for errors).
struct Columns<Field: Hashable>: Sendable where Field: Sendable {
    var index: [Field: Int] = [:]
    var names: [Field: String] = [:]

    /// The trimmed cell of `field` in `record`; nil when the column is absent or the cell blank.
    func value(_ field: Field, in record: DelimitedTable.Record) -> String? {
        guard let i = index[field], i < record.fields.count else { return nil }
        let text = DelimitedTable.trimmed(record.fields[i])
        return text.isEmpty ? nil : text
    }

    /// The header of `field` as written, or `fallback` when the column is absent.
    func name(_ field: Field, fallback: String) -> String {
        names[field] ?? fallback
    }
}
