/// Counts of a finished batch.
public struct BatchSummary: Sendable, Equatable {
    public var statusCounts: [PhotoStatus: Int] = [:]
    /// Hidden and system files (Thumbs.db, desktop.ini, ...) in walked folders.
    public var skippedFiles = 0
    /// Photos left for the next run because they may still be uploading (`--state`).
    public var stillUploading = 0
    /// Photos with an `EvidenceHint`: what most likely happened, and what the employee
    /// should do instead. Counted by `add(_:)` with a result.
    public var withHints = 0
    /// Years of capture dates the holiday calendar has no rows for: holidays could not be told.
    public var yearsWithoutHolidays: Set<Int> = []
    /// Who was due on which day and what they sent, when the run keeps a ledger.
    public var ledger: Ledger?
    /// The employees due who sent nothing that the report names: on the days of the ledger's
    /// given period, else of this report's photos.
    public var missing: [LedgerRow] = []

    public init() {}

    public var photos: Int { statusCounts.values.reduce(0, +) }

    /// Photos that a person must look at: `review`, `flagged` and `unreadable`.
    public var needingAPerson: Int { photos - count(of: .ok) }

    public func count(of status: PhotoStatus) -> Int { statusCounts[status, default: 0] }

    public mutating func add(_ result: PhotoResult) {
        add(result.verdict.status)
        if result.verdict.hint != nil { withHints += 1 }
        if case .notAHoliday(let day, _, false)? = result.verdict.check(.notAHoliday)?.rule { yearsWithoutHolidays.insert(day.year) }
    }

    public mutating func add(_ status: PhotoStatus) {
        statusCounts[status, default: 0] += 1
    }

    /// The worst status seen, `ok` for an empty batch.
    public var worst: PhotoStatus {
        statusCounts.filter { $0.value > 0 }.keys.max() ?? .ok
    }
}

/// An output format. Each result is first turned into a `Row` (text, cells) by `row(for:)`,
/// which runs for many results at once on all cores and so reads only the writer's settings;
/// rows are then written one by one, in input order, as they come, so that a large batch is
/// never held in memory. `finish` ends the document.
public protocol ReportWriter: Sendable {
    associatedtype Row: Sendable
    func row(for result: PhotoResult) -> Row
    mutating func write(_ row: Row)
    mutating func finish(_ summary: BatchSummary)
}

extension ReportWriter {
    /// Formats and writes one result (for callers that do not prepare rows in parallel).
    public mutating func write(result: PhotoResult) {
        write(row(for: result))
    }
}

/// The formats the CLI offers.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// Aligned columns for a person at a terminal.
    case table
    /// The full explanation of each photo, for a supervisor checking one file.
    case explain
    /// One JSON object per line.
    case jsonl
    /// Comma-separated values with a header row.
    case csv
    /// One JSON array.
    case json
    /// One self-contained HTML page: summary, map, table with thumbnails (see `HTMLReport`).
    case html
    /// An Excel workbook (a file, not text: needs `--output`).
    case xlsx
    /// A GeoJSON FeatureCollection of the photos with a position, for QGIS and geojson.io.
    case geojson
    /// KML placemarks styled by status, for Google Earth.
    case kml
}

/// Creates the writer for a format.
/// `excelCSV` writes CSV for Indonesian-locale Excel (`CSVDialect.excel`).
public func makeReportWriter(_ format: ReportFormat, output: TextOutput, messages: Messages,
                             color: Bool, excelCSV: Bool = false) -> AnyReportWriter {
    switch format {
    case .jsonl: AnyReportWriter(JSONReport(output: output, messages: messages))
    case .json: AnyReportWriter(JSONReport(output: output, messages: messages, asArray: true))
    case .csv: AnyReportWriter(CSVReport(output: output, messages: messages, dialect: excelCSV ? .excel : .standard))
    case .xlsx: AnyReportWriter(WorkbookReport(output: output, messages: messages))
    case .geojson: AnyReportWriter(GeoJSONReport(output: output, messages: messages))
    case .kml: AnyReportWriter(KMLReport(output: output, messages: messages))
    case .table: AnyReportWriter(TableReport(output: output, messages: messages, color: color))
    case .explain: AnyReportWriter(ExplanationReport(output: output, messages: messages, color: color))
    case .html: AnyReportWriter(HTMLReport(output: output, messages: messages))
    }
}
