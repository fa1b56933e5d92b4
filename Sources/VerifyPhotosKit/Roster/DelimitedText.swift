/// A table of delimited text as spreadsheets export it (the roster, the WFH schedule and the
/// holiday file): UTF-8 with or without a BOM, `,` or `;` chosen by the header line, `"` quoting
/// (a quoted value may span lines), CRLF, LF or CR.
struct DelimitedTable: Sendable {
    /// One row of the file: its cells as written (unquoted, untrimmed) and the line it starts on.
    struct Record: Sendable {
        var line: Int
        var fields: [String]
    }

    /// Why a file is not a usable table, before any cell is read for its meaning. Each kind of
    /// file words it as its own error: `RosterError(_:source:)`, `HolidayFileError(_:path:)`.
    /// Fields count from 0; `header` is the field's header as written, nil when it has none.
    enum Failure: Error, Equatable, Sendable {
        case cannotRead(reason: String)
        case tooLarge(bytes: Int64)
        case notUTF8(line: Int)
        /// The file is empty or blank.
        case noHeader
        case unterminatedQuote(line: Int, field: Int, header: String?)
        case textAfterClosingQuote(line: Int, field: Int, header: String?)
        /// A value under a blank header cell, or past the last (`field` >= `headers`); the row
        /// has `fields` cells, the header `headers`.
        case valueWithoutHeader(line: Int, field: Int, fields: Int, headers: Int)
        /// A header that names none of the fields `columns` was given.
        case unknownColumn(line: Int, field: Int, header: String)
        /// A second header for the field of the column headed `first` (`nama` and `name`).
        case repeatedColumn(line: Int, field: Int, header: String, first: String)
    }

    var source: String
    var header: Record
    /// The rows after the header; rows whose every cell is blank (`;;;` from a spreadsheet) are left out.
    var records: [Record]

    /// Files larger than this are refused unread: a roster of thousands of people is a few megabytes.
    static let maximumFileSize: Int64 = 64 << 20

    /// Reads the table in `text`; `source` names the file in errors. A value in a column without
    /// a header is an error: the leftmost blank header cell's first, then values past the header.
    init(text: String, source: String) throws(RosterError) {
        do throws(Failure) {
            self = try DelimitedTable(parsing: text, source: source)
            for index in header.fields.indices {
                for row in records {
                    if let failure = valueWithoutHeader(in: row, columns: index..<index + 1) { throw failure }
                }
            }
            for row in records {
                if let failure = valueWithoutHeader(in: row, columns: header.fields.count..<Int.max) { throw failure }
            }
        } catch {
            throw RosterError(error, source: source)
        }
    }

    /// Reads the table in `text`, leaving values in columns without a header to the reader (see
    /// `valueWithoutHeader(in:columns:)`); `source` is kept for `columns(_:)`'s errors.
    init(parsing text: String, source: String) throws(Failure) {
        self.source = source
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let delimiter = DelimitedTable.delimiter(of: bytes)
        var rows = try DelimitedTable.records(in: bytes, delimiter: delimiter)
            .filter { !$0.fields.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
        guard !rows.isEmpty else { throw .noHeader }
        header = rows.removeFirst()
        records = rows
    }

    /// The leftmost value of `row` among `columns` in a column without a header: under a blank
    /// header cell, or past the header's last.
    func valueWithoutHeader(in row: Record, columns: Range<Int> = 0..<Int.max) -> Failure? {
        let headers = header.fields.count
        let field = row.fields.indices.first {
            columns.contains($0) && ($0 >= headers || DelimitedTable.trimmed(header.fields[$0]).isEmpty)
                && !DelimitedTable.trimmed(row.fields[$0]).isEmpty
        }
        return field.map { .valueWithoutHeader(line: row.line, field: $0, fields: row.fields.count, headers: headers) }
    }

    /// The text of the file at `path`, which must be UTF-8.
    static func text(path: String) throws(RosterError) -> String {
        do throws(Failure) {
            return try text(path: path, limit: maximumFileSize)
        } catch {
            throw RosterError(error, source: path)
        }
    }

    /// The text of the file at `path`, which must be UTF-8 and at most `limit` bytes long.
    static func text(path: String, limit: Int64) throws(Failure) -> String {
        let file: ReadOnlyFile, bytes: [UInt8]
        do throws(PhotoError) {
            file = try ReadOnlyFile(path: path, headSize: 0)
        } catch {
            throw .cannotRead(reason: Messages.english.describe(error))
        }
        guard file.size <= limit else { throw .tooLarge(bytes: file.size) }
        do throws(PhotoError) {
            bytes = try file.bytes(at: 0, count: Int(file.size))
        } catch {
            throw .cannotRead(reason: Messages.english.describe(error))
        }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var line = 1
        for piece in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if String(validating: piece, as: UTF8.self) == nil { break }
            line += 1
        }
        throw .notUTF8(line: line)
    }

    /// The columns of `fields` found in the header; each field has its accepted names
    /// (lowercase, words joined by `_`). An unknown or repeated header is an error.
    func columns<Field: Hashable>(_ fields: [(Field, [String])]) throws(RosterError) -> Columns<Field> {
        do throws(Failure) {
            return try findColumns(fields)
        } catch {
            throw RosterError(error, source: source, known: fields.map { $0.1.joined(separator: "/") })
        }
    }

    /// `columns(_:)`, failing with the column's place rather than a roster's words.
    func findColumns<Field: Hashable>(_ fields: [(Field, [String])]) throws(Failure) -> Columns<Field> {
        var columns = Columns<Field>()
        for (index, written) in header.fields.enumerated() {
            let name = DelimitedTable.trimmed(written)
            if name.isEmpty { continue }
            let key = DelimitedTable.headerKey(name)
            guard let field = fields.first(where: { $0.1.contains(key) })?.0 else {
                throw .unknownColumn(line: header.line, field: index, header: name)
            }
            if let first = columns.names[field] {
                throw .repeatedColumn(line: header.line, field: index, header: name, first: first)
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
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[first...last])
    }

    /// `;` when the first non-blank line has more semicolons than commas outside quotes (as
    /// spreadsheets in an Indonesian locale write CSV), else `,`.
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
    private static func records(in bytes: [UInt8], delimiter: UInt8) throws(Failure) -> [Record] {
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1, recordLine = 1, quoteLine = 1
        var inQuotes = false, wasQuoted = false
        var i = 0
        /// The header of field `index`, once the header line is read.
        func header(_ index: Int) -> String? {
            let header = records.first { !$0.fields.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
            guard let header, index < header.fields.count else { return nil }
            let name = DelimitedTable.trimmed(header.fields[index])
            return name.isEmpty ? nil : name
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
                    throw .textAfterClosingQuote(line: line, field: fields.count, header: header(fields.count))
                }
                field.append(byte)
            }
        }
        if inQuotes {
            throw .unterminatedQuote(line: quoteLine, field: fields.count, header: header(fields.count))
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

extension RosterError {
    /// `failure` of the roster or schedule `source`: the column is named by its header, or by its
    /// number when it has none; `known` lists the accepted headers.
    init(_ failure: DelimitedTable.Failure, source: String, known: [String] = []) {
        func column(_ field: Int, _ header: String?) -> String { header ?? "\(field + 1)" }
        switch failure {
        case .cannotRead(let reason): self.init(source: source, problem: .cannotRead(reason: reason))
        case .tooLarge(let bytes): self.init(source: source, problem: .tooLarge(bytes: bytes))
        case .notUTF8(let line): self.init(source: source, line: line, problem: .notUTF8)
        case .noHeader: self.init(source: source, problem: .noHeader)
        case .unterminatedQuote(let line, let field, let header):
            self.init(source: source, line: line, column: column(field, header), problem: .unterminatedQuote)
        case .textAfterClosingQuote(let line, let field, let header):
            self.init(source: source, line: line, column: column(field, header), problem: .textAfterClosingQuote)
        case .valueWithoutHeader(let line, let field, _, _):
            self.init(source: source, line: line, column: column(field, nil), problem: .valueWithoutHeader)
        case .unknownColumn(let line, _, let header):
            self.init(source: source, line: line, column: header, problem: .unknownColumn(known: known))
        case .repeatedColumn(let line, _, let header, let first):
            self.init(source: source, line: line, column: header, problem: .repeatedColumn(first: first))
        }
    }
}
