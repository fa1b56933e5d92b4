/// `--ledger FILE` and `--ledger-summary FILE`: the ledger as JSON Lines or CSV, chosen by the
/// file's ending (`.jsonl`/`.ndjson` or `.csv`; `.xlsx` is written by `WorkbookReport`). Fields are named in English like the photo
/// report's; values are codes (`ok`, `missing`) and numbers. The CSV neutralises text a
/// spreadsheet could run, as the photo report does.
public enum LedgerReport {
    public enum Format: Sendable {
        case jsonl, csv, xlsx

        /// The format a file name asks for; nil for another ending.
        public init?(path: String) {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            switch name.split(separator: ".").last?.lowercased() {
            case "jsonl", "ndjson": self = .jsonl
            case "csv": self = .csv
            case "xlsx": self = .xlsx
            default: return nil
            }
        }
    }

    /// The ledger's fields, in output order (also the CSV header).
    static let ledgerFields = ["nip", "name", "unit", "date", "due", "outcome", "reasons", "photos"]

    /// The summary's fields: rows of kind `employee` (one per employee over the period) and
    /// `unit-day` (one per unit and working WFH day); each leaves the other kind's fields null.
    static let summaryFields = ["kind", "nip", "name", "unit", "date", "staff", "exempt", "scheduled", "wfh_share", "over_half",
                                "days_due", "submitted", "ok", "review", "flagged", "unreadable", "missing", "sent_when_not_due"]

    /// Writes one line per employee and day, a few thousand rows at a time (each batch made
    /// and formatted on all cores), so that memory stays small for a large ledger. A workbook
    /// (`.xlsx`) has its headers and words in the language of `messages`.
    public static func write(_ ledger: Ledger, to output: TextOutput, format: Format, messages: Messages = Messages(language: .indonesian)) {
        if format == .xlsx { return WorkbookReport.writeLedger(ledger, to: output, messages: messages) }
        let keys = ledger.sortedKeys
        if format == .csv { output.line(ledgerFields.joined(separator: ",")) }
        var start = 0
        repeat {
            let batch = Array(keys[start..<min(keys.count, start + 8192)])
            start += batch.count
            let lines = parallelMap(batch) { _, key in line(fields(ledger.row(key)), names: ledgerFields, format: format) }
            if !lines.isEmpty { output.write(lines.joined(separator: "\n") + "\n") }
        } while start < keys.count
        output.flush()
    }

    /// Writes the per-employee and per-unit-and-day summary.
    public static func writeSummary(_ ledger: Ledger, to output: TextOutput, format: Format, messages: Messages = Messages(language: .indonesian)) {
        if format == .xlsx { return WorkbookReport.writeLedgerSummary(ledger, to: output, messages: messages) }
        let rows = ledger.rows  // built once for both kinds
        let employees = Ledger.employees(of: rows).map { e -> [FieldValue] in
            [.text("employee"), .text(e.nip), foreign(e.name), foreign(e.unit), .null, .null, .null, .null, .null, .null,
             count(e.daysDue), .null, count(e.ok), count(e.review), count(e.flagged), count(e.unreadable), count(e.missing),
             count(e.sentWhenNotDue)]
        }
        let units = ledger.units(of: rows).map { u -> [FieldValue] in
            [.text("unit-day"), .null, .null, foreign(u.unit), .text(u.date.description), count(u.staff), count(u.exempt),
             count(u.scheduled), u.wfhShare.map { .number(($0 * 1000).rounded() / 1000) } ?? .null, .bool(u.overHalf),
             .null, count(u.submitted), count(u.ok), .null, .null, .null, count(u.missing), .null]
        }
        write(employees + units, names: summaryFields, to: output, format: format)
    }

    private static func fields(_ row: LedgerRow) -> [FieldValue] {
        [.text(row.nip), foreign(row.name), foreign(row.unit), .text(row.date.description), .bool(row.due),
         .text(row.outcome.rawValue), .list(row.reasons.map(\.rawValue)), .list(row.photos)]
    }

    private static func foreign(_ text: String?) -> FieldValue { text.map(FieldValue.foreignText) ?? .null }
    private static func count(_ n: Int) -> FieldValue { .number(Double(n)) }

    private static func write(_ records: [[FieldValue]], names: [String], to output: TextOutput, format: Format) {
        if format == .csv { output.line(names.joined(separator: ",")) }
        parallelMap(records) { _, values in line(values, names: names, format: format) }.forEach(output.line)
        output.flush()
    }

    private static func line(_ values: [FieldValue], names: [String], format: Format) -> String {
        switch format {
        case .jsonl: JSONText.object(names: names, values: values)
        case .csv, .xlsx: values.map(CSVReport.cell).joined(separator: ",")
        }
    }
}
