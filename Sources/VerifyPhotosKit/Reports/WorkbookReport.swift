/// One cell of a workbook row, prepared on any thread and written by `Workbook` on the writing one.
enum WorkbookCell: Sendable {
    case blank
    /// Text, always written as a string cell (never a formula), whatever it starts with.
    case text(String)
    case number(Double, NumberStyle)
    case dateTime(LocalDateTime)
    case date(CalendarDate)
    case status(PhotoStatus)
    case outcome(LedgerOutcome)
    /// An OpenStreetMap link the tool built from the position.
    case link(String)

    enum NumberStyle: Sendable { case whole, metres, degrees, share }
}

/// `--format xlsx`: an Excel workbook for the personnel office. The photo sheet has one row per
/// photo (headers in the report's language, capture times as Excel date-times, positions and
/// distances as numbers, the status coloured, an OpenStreetMap link, filters, frozen header); the
/// summary sheet counts photos by status, reason, kecamatan and capture date; with a roster, the
/// ledger and the units by day follow. Photo rows are written as they come (constant memory: each
/// sheet has its own temporary file, so the summary and ledger sheets, written at `finish`, do
/// not disturb the photo sheet's order).
public struct WorkbookReport: ReportWriter {
    let output: TextOutput
    let messages: Messages
    /// Nil when no workbook could be started (the failure is then recorded on `output`).
    private let sheets: PhotoWorkbook?

    /// Starts the workbook; it is copied into `output` at `finish`. A workbook that cannot be
    /// started (no temporary folder) is recorded as `output`'s failure, so the run stops at once.
    /// `onlyNeedingAttention` (`--quiet`) leaves ok photos off the photo sheet (the summary
    /// still counts them); the workbook is written even when no photo needs attention.
    public init(output: TextOutput, messages: Messages, onlyNeedingAttention: Bool = false) {
        self.output = output
        self.messages = messages
        do {
            sheets = try PhotoWorkbook(messages: messages, onlyNeedingAttention: onlyNeedingAttention)
        } catch {
            output.recordFailure(error.reason)
            sheets = nil
        }
    }

    /// The columns of the photo sheet, in order (headers: `Messages.photoSheetHeaders`).
    enum Column: Int, CaseIterable {
        case status, reasons, capturedAt, submittedFor, nip, name, unit, position, kecamatan, desa, place, inside
        case distance, latitude, longitude, map, altitude, accuracy, gpsTime, cameraTime, make, model, software
        case format, hint, error, duplicateOf, duplicateKind, repeatedWith, editSigns, reasonCodes, path

        var width: Double {
            switch self {
            case .status, .inside, .format, .duplicateKind: 12
            case .reasons, .hint, .error, .path, .duplicateOf, .repeatedWith: 50
            case .capturedAt, .gpsTime, .cameraTime: 19
            case .nip: 20
            case .name, .unit, .position, .place, .editSigns, .reasonCodes: 24
            default: 14
            }
        }
    }

    /// A photo's row, and what the summary counts of it.
    public struct Row: Sendable {
        var cells: [WorkbookCell]
        var status: PhotoStatus
        var reasons: [ReasonCode]
        /// The kecamatan, the place outside the area, or nil without a position.
        var area: String?
        var day: CalendarDate?
    }

    public func row(for result: PhotoResult) -> Row {
        WorkbookReport.row(for: result, messages: messages)
    }

    static func row(for result: PhotoResult, messages: Messages) -> Row {
        let record = ReportRecord(result, messages: messages)
        func field(_ name: String) -> FieldValue {
            record.fields.first { $0.name == name }?.value ?? .null
        }
        func cell(_ name: String, _ style: WorkbookCell.NumberStyle = .metres) -> WorkbookCell {
            switch field(name) {
            case .null: .blank
            case .text(let s), .foreignText(let s): .text(s)
            case .number(let d): .number(d, style)
            case .bool(let b): .text(messages.yesNo(b))
            case .list(let items): items.isEmpty ? .blank : .text(items.joined(separator: "; "))
            }
        }
        let m = result.metadata, v = result.verdict, location = v.location
        let position = result.judgedPosition
        let cameraTime = [m?.dateTimeOriginal?.description, m?.offsetTimeOriginal?.description].compactMap { $0 }.joined(separator: " ")
        var cells = [WorkbookCell](repeating: .blank, count: Column.allCases.count)
        for column in Column.allCases {
            let value: WorkbookCell = switch column {
            case .status: .status(v.status)
            case .reasons: v.reasons.isEmpty ? .blank : .text(v.reasons.map(messages.reason).joined(separator: "; "))
            case .capturedAt: v.captureTime.map { .dateTime($0.wib) } ?? .blank
            case .submittedFor: result.submission.submittedFor.map(WorkbookCell.date) ?? .blank
            case .nip: cell("nip")
            case .name: cell("name")
            case .unit: cell("unit")
            case .position: cell("position")
            case .kecamatan: cell("kecamatan")
            case .desa: cell("desa")
            case .place: location.map { .text(messages.place($0.place)) } ?? .blank
            case .inside: cell("inside")
            case .distance: cell("distance_to_boundary_m")
            case .latitude: cell("latitude", .degrees)
            case .longitude: cell("longitude", .degrees)
            case .map: position.flatMap(WorkbookReport.mapLink).map(WorkbookCell.link) ?? .blank
            case .altitude: cell("altitude_m")
            case .accuracy: cell("gps_accuracy_m")
            case .gpsTime: m?.gps.utcTime.map(WorkbookCell.dateTime) ?? .blank
            case .cameraTime: cameraTime.isEmpty ? .blank : .text(cameraTime)
            case .make: cell("make")
            case .model: cell("model")
            case .software: cell("software")
            case .format: cell("format")
            case .hint: cell("hint")
            case .error: cell("error")
            case .duplicateOf: cell("duplicate_of")
            case .duplicateKind: cell("duplicate_kind")
            case .repeatedWith: cell("repeated_with")
            case .editSigns: cell("edit_signs")
            case .reasonCodes: cell("reasons")
            case .path: .text(result.path)
            }
            cells[column.rawValue] = value
        }
        let area = location.map { $0.inside ? ($0.kecamatan ?? messages.place($0.place)) : messages.outsideArea($0.place) }
        return Row(cells: cells, status: v.status, reasons: v.reasons, area: area, day: v.captureTime?.wib.date)
    }

    /// The OpenStreetMap link of a position that is one (±90°, ±180°).
    static func mapLink(_ point: GeoPoint) -> String? {
        guard point.latitude.isFinite, point.longitude.isFinite, abs(point.latitude) <= 90, abs(point.longitude) <= 180 else { return nil }
        return Messages.mapLink(point)
    }

    public mutating func write(_ row: Row) {
        guard let sheets else { return }
        sheets.write(row)
        if let failure = sheets.workbook.failure { output.recordFailure(failure) }
    }

    public mutating func finish(_ summary: BatchSummary) {
        guard let sheets else { return }
        sheets.finish(summary)
        sheets.workbook.close(into: output)
    }

    /// `--ledger FILE.xlsx`: the ledger as one sheet.
    public static func writeLedger(_ ledger: Ledger, to output: TextOutput, messages: Messages) {
        do {
            let book = try Workbook()
            let styles = WorkbookStyles(book)
            LedgerSheets.ledger(ledger.rows, in: book, styles: styles, messages: messages)
            book.close(into: output)
        } catch {
            output.recordFailure(error.reason)
        }
    }

    /// `--ledger-summary FILE.xlsx`: per employee over the period, and per unit and day.
    public static func writeLedgerSummary(_ ledger: Ledger, to output: TextOutput, messages: Messages) {
        do {
            let book = try Workbook()
            let styles = WorkbookStyles(book)
            let rows = ledger.rows
            LedgerSheets.employees(Ledger.employees(of: rows), in: book, styles: styles, messages: messages)
            LedgerSheets.units(ledger.units(of: rows), in: book, styles: styles, messages: messages)
            book.close(into: output)
        } catch {
            output.recordFailure(error.reason)
        }
    }
}

/// The styles every sheet uses, made once per workbook.
struct WorkbookStyles {
    let header, title, dateTime, date, whole, metres, degrees, share, link: Workbook.Style?
    let status: [PhotoStatus: Workbook.Style?]
    let missing: Workbook.Style?

    init(_ book: Workbook) {
        header = book.style(bold: true, fill: 0xD9E1F2)
        title = book.style(bold: true)
        dateTime = book.style(numberFormat: "yyyy-mm-dd hh:mm:ss")
        date = book.style(numberFormat: "yyyy-mm-dd")
        whole = book.style(numberFormat: "0")
        metres = book.style(numberFormat: "0.0")
        degrees = book.style(numberFormat: "0.000000")
        share = book.style(numberFormat: "0%")
        link = book.style(font: 0x0563C1, underline: true)
        status = [.ok: book.style(bold: true, fill: 0xC6EFCE, font: 0x006100),
                  .review: book.style(bold: true, fill: 0xFFEB9C, font: 0x9C5700),
                  .flagged: book.style(bold: true, fill: 0xFFC7CE, font: 0x9C0006),
                  .unreadable: book.style(bold: true, fill: 0xE4DFEC, font: 0x5B2C6F)]
        missing = book.style(bold: true, fill: 0xFFC7CE, font: 0x9C0006)
    }

    func number(_ style: WorkbookCell.NumberStyle) -> Workbook.Style? {
        switch style {
        case .whole: whole
        case .metres: metres
        case .degrees: degrees
        case .share: share
        }
    }
}

/// Writes rows of cells to one sheet, in order.
struct SheetWriter {
    let book: Workbook
    var sheet: Workbook.Sheet
    let styles: WorkbookStyles
    let messages: Messages
    /// The next row to write.
    var row = 0

    /// A new sheet with `headers` in bold on its first row, frozen, with column `widths`.
    init?(_ book: Workbook, name: String, headers: [String], widths: [Double], styles: WorkbookStyles, messages: Messages) {
        guard let sheet = book.addSheet(name) else { return nil }
        self.book = book
        self.sheet = sheet
        self.styles = styles
        self.messages = messages
        for (column, width) in widths.enumerated() { book.setColumn(sheet, column, width: width) }
        if !headers.isEmpty {
            for (column, header) in headers.enumerated() { book.text(sheet, 0, column, header, styles.header) }
            book.freezeRows(sheet, 1)
            row = 1
        }
    }

    mutating func write(_ cells: [WorkbookCell]) {
        for (column, cell) in cells.enumerated() {
            switch cell {
            case .blank: break
            case .text(let s): book.text(sheet, row, column, s)
            case .number(let d, let style): book.number(sheet, row, column, d, styles.number(style))
            case .dateTime(let t): book.dateTime(sheet, row, column, t, styles.dateTime)
            case .date(let d): book.date(sheet, row, column, d, styles.date)
            case .status(let s): book.text(sheet, row, column, messages.status(s), styles.status[s] ?? nil)
            case .outcome(let o):
                let style: Workbook.Style? = switch o {
                case .ok: styles.status[.ok] ?? nil
                case .review: styles.status[.review] ?? nil
                case .flagged: styles.status[.flagged] ?? nil
                case .unreadable: styles.status[.unreadable] ?? nil
                case .missing: styles.missing
                }
                book.text(sheet, row, column, messages.ledgerOutcome(o), style)
            case .link(let url): book.link(&sheet, row, column, url: url, label: messages.mapLinkLabel, styles.link)
            }
        }
        row += 1
    }

    /// A row with `text` in bold in its first cell (a section title), after a blank row.
    mutating func section(_ text: String) {
        if row > 0 { row += 1 }
        book.text(sheet, row, 0, text, styles.title)
        row += 1
    }

    /// A header row in the header style, not frozen (a section's column names).
    mutating func headerRow(_ headers: [String]) {
        for (column, header) in headers.enumerated() { book.text(sheet, row, column, header, styles.header) }
        row += 1
    }

    /// Filter buttons over the header and every row written.
    func filter(columns: Int) {
        book.autofilter(sheet, row: 0, lastRow: row - 1, columns: columns)
    }
}

/// The sheets of the photo workbook and the counts of its summary, written from one thread.
private final class PhotoWorkbook: @unchecked Sendable {
    let workbook: Workbook
    private let messages: Messages
    private let styles: WorkbookStyles
    private var photos: SheetWriter?
    private var summary: SheetWriter?
    private let onlyNeedingAttention: Bool
    private var statusCounts: [PhotoStatus: Int] = [:]
    private var reasonCounts: [ReasonCode: Int] = [:]
    private var areaCounts: [String: [PhotoStatus: Int]] = [:]
    private var dayCounts: [CalendarDate: [PhotoStatus: Int]] = [:]
    private var withoutArea: [PhotoStatus: Int] = [:]
    private var withoutDay: [PhotoStatus: Int] = [:]

    init(messages: Messages, onlyNeedingAttention: Bool) throws(OutputError) {
        workbook = try Workbook()
        self.messages = messages
        self.onlyNeedingAttention = onlyNeedingAttention
        styles = WorkbookStyles(workbook)
        let columns = WorkbookReport.Column.allCases
        photos = SheetWriter(workbook, name: messages.photoSheetName, headers: messages.photoSheetHeaders,
                             widths: columns.map(\.width), styles: styles, messages: messages)
        // Added now so that it is the second sheet; its rows come at the end.
        summary = SheetWriter(workbook, name: messages.summarySheetName, headers: [], widths: [48, 14, 14, 14, 14, 14, 14],
                              styles: styles, messages: messages)
    }

    func write(_ row: WorkbookReport.Row) {
        if !onlyNeedingAttention || row.status != .ok { photos?.write(row.cells) }
        statusCounts[row.status, default: 0] += 1
        for reason in row.reasons { reasonCounts[reason, default: 0] += 1 }
        if let area = row.area { areaCounts[area, default: [:]][row.status, default: 0] += 1 } else { withoutArea[row.status, default: 0] += 1 }
        if let day = row.day { dayCounts[day, default: [:]][row.status, default: 0] += 1 } else { withoutDay[row.status, default: 0] += 1 }
    }

    func finish(_ batch: BatchSummary) {
        photos?.filter(columns: WorkbookReport.Column.allCases.count)
        if var sheet = summary {
            writeSummary(batch, to: &sheet)
            summary = sheet
        }
        if let ledger = batch.ledger, ledger.period != nil || !batch.missing.isEmpty {
            let rows = ledger.rows
            LedgerSheets.ledger(rows, in: workbook, styles: styles, messages: messages)
            LedgerSheets.units(ledger.units(of: rows), in: workbook, styles: styles, messages: messages)
        }
    }

    private func writeSummary(_ batch: BatchSummary, to sheet: inout SheetWriter) {
        let statuses = PhotoStatus.allCases
        sheet.write([.text(messages.summaryTitle)])
        sheet.write([.text(messages.summaryPhotos), .number(Double(batch.photos), .whole)])
        if batch.skippedFiles > 0 { sheet.write([.text(messages.summarySkipped), .number(Double(batch.skippedFiles), .whole)]) }
        if batch.stillUploading > 0 { sheet.write([.text(messages.summaryStillUploading), .number(Double(batch.stillUploading), .whole)]) }
        if !batch.missing.isEmpty { sheet.write([.text(messages.summaryMissing), .number(Double(batch.missing.count), .whole)]) }

        sheet.section(messages.summaryByStatus)
        for status in statuses {
            sheet.write([.status(status), .number(Double(statusCounts[status, default: 0]), .whole)])
        }

        sheet.section(messages.summaryByReason)
        sheet.headerRow([messages.pick(id: "Alasan", en: "Reason"), messages.summaryCount, messages.summaryCode])
        for reason in ReasonCode.allCases where reasonCounts[reason, default: 0] > 0 {
            sheet.write([.text(messages.reason(reason)), .number(Double(reasonCounts[reason, default: 0]), .whole), .text(reason.rawValue)])
        }

        let statusHeaders = statuses.map(messages.status)
        sheet.section(messages.summaryByKecamatan)
        sheet.headerRow(["Kecamatan", messages.summaryTotal] + statusHeaders)
        for area in areaCounts.keys.sorted() { sheet.write(countRow(.text(area), areaCounts[area] ?? [:])) }
        if !withoutArea.isEmpty { sheet.write(countRow(.text(messages.withoutPosition), withoutArea)) }

        sheet.section(messages.summaryByDate)
        sheet.headerRow([messages.pick(id: "Tanggal", en: "Date"), messages.summaryDay, messages.summaryTotal] + statusHeaders)
        for day in dayCounts.keys.sorted() {
            var cells = countRow(.date(day), dayCounts[day] ?? [:])
            cells.insert(.text(messages.weekday(day.weekday)), at: 1)
            sheet.write(cells)
        }
        if !withoutDay.isEmpty {
            var cells = countRow(.text(messages.withoutCaptureDate), withoutDay)
            cells.insert(.blank, at: 1)
            sheet.write(cells)
        }
    }

    private func countRow(_ label: WorkbookCell, _ counts: [PhotoStatus: Int]) -> [WorkbookCell] {
        [label, .number(Double(counts.values.reduce(0, +)), .whole)]
            + PhotoStatus.allCases.map { .number(Double(counts[$0, default: 0]), .whole) }
    }
}

/// The ledger's sheets: who was due on which day and what each sent, per employee, per unit.
enum LedgerSheets {
    static func ledger(_ rows: [LedgerRow], in book: Workbook, styles: WorkbookStyles, messages: Messages) {
        guard var sheet = SheetWriter(book, name: messages.ledgerSheetName, headers: messages.ledgerSheetHeaders,
                                      widths: [20, 24, 24, 12, 10, 16, 50, 24, 60], styles: styles, messages: messages) else { return }
        for row in rows {
            sheet.write([.text(row.nip), row.name.map(WorkbookCell.text) ?? .blank, row.unit.map(WorkbookCell.text) ?? .blank,
                         .date(row.date), .text(messages.yesNo(row.due)), .outcome(row.outcome),
                         row.reasons.isEmpty ? .blank : .text(row.reasons.map(messages.reason).joined(separator: "; ")),
                         row.reasons.isEmpty ? .blank : .text(row.reasons.map(\.rawValue).joined(separator: "; ")),
                         row.photos.isEmpty ? .blank : .text(row.photos.joined(separator: "; "))])
        }
        sheet.filter(columns: messages.ledgerSheetHeaders.count)
    }

    static func units(_ units: [UnitDay], in book: Workbook, styles: WorkbookStyles, messages: Messages) {
        guard var sheet = SheetWriter(book, name: messages.unitSheetName, headers: messages.unitSheetHeaders,
                                      widths: [28, 12, 10, 12, 14, 10, 16, 14, 8, 14], styles: styles, messages: messages) else { return }
        for u in units {
            sheet.write([u.unit.map(WorkbookCell.text) ?? .blank, .date(u.date), count(u.staff), count(u.exempt), count(u.scheduled),
                         u.wfhShare.map { .number($0, .share) } ?? .blank, .text(messages.yesNo(u.overHalf)),
                         count(u.submitted), count(u.ok), count(u.missing)])
        }
        sheet.filter(columns: messages.unitSheetHeaders.count)
    }

    static func employees(_ tallies: [EmployeeTally], in book: Workbook, styles: WorkbookStyles, messages: Messages) {
        guard var sheet = SheetWriter(book, name: messages.employeeSheetName, headers: messages.employeeSheetHeaders,
                                      widths: [20, 24, 24, 14, 8, 10, 10, 12, 14, 14], styles: styles, messages: messages) else { return }
        for e in tallies {
            sheet.write([.text(e.nip), e.name.map(WorkbookCell.text) ?? .blank, e.unit.map(WorkbookCell.text) ?? .blank,
                         count(e.daysDue), count(e.ok), count(e.review), count(e.flagged), count(e.unreadable), count(e.missing),
                         count(e.sentWhenNotDue)])
        }
        sheet.filter(columns: messages.employeeSheetHeaders.count)
    }

    private static func count(_ n: Int) -> WorkbookCell { .number(Double(n), .whole) }
}
