/// A day off fixed by decree, national holiday or joint leave (cuti bersama), with the decree
/// that fixes it, so that a report can say why no photo was expected that day.
public struct Holiday: Sendable, Equatable {
    /// Raw values are those written in the CSV's kind column.
    public enum Kind: String, Sendable, CaseIterable {
        /// Libur nasional.
        case nationalHoliday = "libur-nasional"
        /// Cuti bersama: binding for civil servants (ASN) through a presidential decree.
        case jointLeave = "cuti-bersama"

        /// Indonesian or English, any case, with `-`, `_` or a space between the words.
        init?(csv text: String) {
            let key = String(text.lowercased().map { $0 == "_" || $0 == " " ? "-" : $0 })
            switch key {
            case "libur-nasional", "national-holiday": self = .nationalHoliday
            case "cuti-bersama", "joint-leave": self = .jointLeave
            default: return nil
            }
        }
    }

    public let date: CalendarDate
    public let name: String
    public let kind: Kind
    /// The decree, as written in the file (for example "SKB 3 Menteri No. 1497/2025, ...").
    public let source: String

    public init(date: CalendarDate, name: String, kind: Kind, source: String) {
        self.date = date
        self.name = name
        self.kind = kind
        self.source = source
    }
}

/// The days off on which no work-from-home photo is expected: the national calendar compiled
/// in from `holidays/`, extended by a file given with `--holidays`.
public struct HolidayCalendar: Sendable, Equatable {
    private let byDate: [CalendarDate: Holiday]
    /// The years with at least one day in the calendar, ascending.
    public let years: [Int]

    /// A later holiday replaces an earlier one on the same date.
    public init(_ holidays: [Holiday]) {
        var byDate: [CalendarDate: Holiday] = [:]
        for holiday in holidays { byDate[holiday.date] = holiday }
        self.byDate = byDate
        years = Set(byDate.keys.map(\.year)).sorted()
        sortedDays = byDate.keys.sorted()
    }

    /// Every day of the calendar, in order (for counting them in a span).
    private let sortedDays: [CalendarDate]

    /// The days of the calendar from `first` up to, not including, `end`.
    func days(from first: CalendarDate, before end: CalendarDate) -> ArraySlice<CalendarDate> {
        let start = sortedDays.firstIndex { $0 >= first } ?? sortedDays.endIndex
        let stop = sortedDays[start...].firstIndex { $0 >= end } ?? sortedDays.endIndex
        return sortedDays[start..<stop]
    }

    /// The calendar shipped in `holidays/*.csv`. A file that does not parse would be left out;
    /// `HolidayCalendarTests` keeps such a file from being shipped.
    public static let embedded: HolidayCalendar = EmbeddedHolidays.files.keys.sorted().reduce(HolidayCalendar([])) { calendar, name in
        guard let text = EmbeddedHolidays.files[name],
              let year = try? HolidayCalendar(csv: text, source: "holidays/\(name)") else { return calendar }
        return calendar.merging(year)
    }

    /// Every day in the calendar, in date order.
    public var holidays: [Holiday] {
        byDate.values.sorted { $0.date < $1.date }
    }

    public func holiday(on date: CalendarDate) -> Holiday? {
        byDate[date]
    }

    /// Whether the calendar lists any day of `year`: a year it does not cover has no known
    /// holidays, which is not the same as having none.
    public func covers(year: Int) -> Bool {
        years.contains(year)
    }

    /// This calendar with the days of `other` added; a day of `other` replaces this
    /// calendar's day on the same date (a local file corrects or extends the shipped one).
    public func merging(_ other: HolidayCalendar) -> HolidayCalendar {
        HolidayCalendar(Array(byDate.merging(other.byDate) { _, theirs in theirs }.values))
    }

    /// Reads a holiday file (`--holidays FILE.csv`): see `init(csv:source:)` for the format.
    public static func load(path: String) throws(HolidayFileError) -> HolidayCalendar {
        let text: String
        do throws(DelimitedTable.Failure) {
            text = try DelimitedTable.text(path: path, limit: maximumFileSize)
        } catch {
            throw HolidayFileError(error, path: path)
        }
        return try HolidayCalendar(csv: text, source: path)
    }

    static let maximumFileSize: Int64 = 1 << 20

    /// Parses CSV with the columns date, name, kind and source (or tanggal, nama, jenis,
    /// sumber, in any order and case), read as a `DelimitedTable`: separated by `,` or `;` as
    /// the header line is, with optional BOM and RFC 4180 quoting. A header cell may be left
    /// empty (spreadsheets write one after the last column), but not hold a value under it.
    /// `source` names the file in errors.
    public init(csv text: String, source: String) throws(HolidayFileError) {
        let table: DelimitedTable, columns: Columns<HolidayColumn>
        do throws(DelimitedTable.Failure) {
            table = try DelimitedTable(parsing: text, source: source)
            columns = try table.findColumns(HolidayColumn.names)
        } catch {
            throw HolidayFileError(error, path: source)
        }
        for column in HolidayColumn.allCases where columns.index[column] == nil {
            throw HolidayFileError.missingColumn(path: source, line: table.header.line, column: column.rawValue)
        }
        let named = columns.index.values.max() ?? 0
        var holidays: [Holiday] = []
        var firstLine: [CalendarDate: Int] = [:]
        for record in table.records {
            if let failure = table.valueWithoutHeader(in: record) { throw HolidayFileError(failure, path: source) }
            guard record.fields.count > named else {
                throw HolidayFileError.fieldCount(path: source, line: record.line, found: record.fields.count, expected: table.header.fields.count)
            }
            func field(_ column: HolidayColumn) -> (value: String, title: String) {
                (columns.value(column, in: record) ?? "", columns.name(column, fallback: column.rawValue))
            }
            let date = field(.date), name = field(.name), kind = field(.kind)
            guard let day = CalendarDate(strictISO: date.value) else {
                throw HolidayFileError.badDate(path: source, line: record.line, column: date.title, value: date.value)
            }
            guard let holidayKind = Holiday.Kind(csv: kind.value) else {
                throw HolidayFileError.unknownKind(path: source, line: record.line, column: kind.title, value: kind.value)
            }
            guard !name.value.isEmpty else {
                throw HolidayFileError.emptyName(path: source, line: record.line, column: name.title)
            }
            if let first = firstLine[day] {
                throw HolidayFileError.repeatedDate(path: source, line: record.line, column: date.title, date: day, firstLine: first)
            }
            firstLine[day] = record.line
            holidays.append(Holiday(date: day, name: name.value, kind: holidayKind, source: field(.source).value))
        }
        self.init(holidays)
    }
}

/// Why a holiday file could not be used; `description` names the file, line and column to fix.
public enum HolidayFileError: Error, Equatable, Sendable, CustomStringConvertible {
    case cannotRead(path: String, reason: String)
    /// A line that is not UTF-8, as in a file Excel saved as "CSV" rather than "CSV UTF-8".
    case notUTF8(path: String, line: Int)
    /// The header lacks a column (`column` is its English name), or there is no header.
    case missingColumn(path: String, line: Int, column: String)
    /// A header cell that names no known column; `column` counts from 1.
    case unknownColumn(path: String, line: Int, column: Int, name: String)
    /// Two header cells for one column, such as `date` and `tanggal`.
    case repeatedColumn(path: String, line: Int, column: String)
    /// A row with fields beyond the header's, or without all of its columns.
    case fieldCount(path: String, line: Int, found: Int, expected: Int)
    /// A value under a header cell left empty; `column` counts from 1.
    case valueWithoutHeader(path: String, line: Int, column: Int)
    /// A quoted field not closed, or with text after its closing quote; `field` counts from 1.
    case badQuotes(path: String, line: Int, field: Int)
    case badDate(path: String, line: Int, column: String, value: String)
    case unknownKind(path: String, line: Int, column: String, value: String)
    case repeatedDate(path: String, line: Int, column: String, date: CalendarDate, firstLine: Int)
    case emptyName(path: String, line: Int, column: String)

    private static let headerHelp = "the header line must name the columns date, name, kind and source (or tanggal, nama, jenis, sumber)"

    public var description: String {
        switch self {
        case .cannotRead(let path, let reason):
            "cannot read holiday file \(path): \(reason)"
        case .notUTF8(let path, let line):
            "\(path) line \(line): not UTF-8 text; save the file as \"CSV UTF-8\""
        case .missingColumn(let path, let line, let column):
            "\(path) line \(line), column \(column): missing; \(Self.headerHelp)"
        case .unknownColumn(let path, let line, let column, let name):
            "\(path) line \(line), column \(column): \"\(name)\" is not a known column; \(Self.headerHelp)"
        case .repeatedColumn(let path, let line, let column):
            "\(path) line \(line), column \(column): named twice in the header (date and tanggal, for example, are the same column); keep one"
        case .fieldCount(let path, let line, let found, let expected) where found > expected:
            "\(path) line \(line): \(found) fields where the header has \(expected); put a name or source that contains the delimiter (, or ;) in double quotes"
        case .fieldCount(let path, let line, let found, let expected):
            "\(path) line \(line): \(found) fields where the header has \(expected); each row needs a date, name, kind and source"
        case .valueWithoutHeader(let path, let line, let column):
            "\(path) line \(line), column \(column): a value in a column without a header; move it to the date, name, kind or source column, or delete it"
        case .badQuotes(let path, let line, let field):
            "\(path) line \(line), field \(field): a quoted field must end with a double quote right before the delimiter or the end of the line; write a double quote inside it as \"\""
        case .badDate(let path, let line, let column, let value):
            "\(path) line \(line), column \(column): \"\(value)\" is not a date (YYYY-MM-DD)"
        case .unknownKind(let path, let line, let column, let value):
            "\(path) line \(line), column \(column): \"\(value)\" is not a kind of day off; write libur-nasional or cuti-bersama (or national-holiday, joint-leave)"
        case .repeatedDate(let path, let line, let column, let date, let firstLine):
            "\(path) line \(line), column \(column): \(date) is already listed on line \(firstLine); keep one row per date"
        case .emptyName(let path, let line, let column):
            "\(path) line \(line), column \(column): the name is empty; write the holiday's name (for example Hari Raya Natal)"
        }
    }
}

/// The four columns of a holiday file; raw values are the English header names.
private enum HolidayColumn: String, CaseIterable, Sendable {
    case date, name, kind, source

    /// The headers each column may have, in any case.
    static let names: [(HolidayColumn, [String])] = [
        (.date, ["date", "tanggal"]), (.name, ["name", "nama"]), (.kind, ["kind", "jenis"]), (.source, ["source", "sumber"]),
    ]
}

extension HolidayFileError {
    /// `failure` of the holiday file at `path`, in the words of a holiday file.
    init(_ failure: DelimitedTable.Failure, path: String) {
        self = switch failure {
        case .cannotRead(let reason): .cannotRead(path: path, reason: reason)
        case .tooLarge: .cannotRead(path: path, reason: "larger than 1 MiB, which no list of holidays is: is it the right file?")
        case .notUTF8(let line): .notUTF8(path: path, line: line)
        case .noHeader: .missingColumn(path: path, line: 1, column: HolidayColumn.date.rawValue)
        case .unterminatedQuote(let line, let field, _), .textAfterClosingQuote(let line, let field, _):
            .badQuotes(path: path, line: line, field: field + 1)
        case .valueWithoutHeader(let line, let field, let fields, let headers) where field >= headers:
            .fieldCount(path: path, line: line, found: fields, expected: headers)
        case .valueWithoutHeader(let line, let field, _, _): .valueWithoutHeader(path: path, line: line, column: field + 1)
        case .unknownColumn(let line, let field, let header): .unknownColumn(path: path, line: line, column: field + 1, name: header)
        case .repeatedColumn(let line, _, let header, _): .repeatedColumn(path: path, line: line, column: header)
        }
    }
}

extension CalendarDate {
    /// Exactly `YYYY-MM-DD` in ASCII digits (no sign, no spaces), and a day that exists.
    fileprivate init?(strictISO text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              bytes.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0.element) })
        else { return nil }
        self.init(iso: text)
    }
}
