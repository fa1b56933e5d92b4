import CXlsxWriter

/// An Excel workbook written by libxlsxwriter; the one owner of its `lxw_workbook`, which it
/// closes in `close(into:)` or frees in `deinit`. libxlsxwriter writes to a file name, so the
/// workbook is made in a private temporary folder and its bytes copied into the report's
/// `TextOutput`, which puts the report in place only when complete, as for every other format.
///
/// In constant-memory mode each sheet keeps only its current row in memory (earlier rows go to
/// a temporary file per sheet): rows of one sheet must be written in order, and text is written
/// inline rather than as shared strings. Every write is checked; the first error is kept
/// (`failure`) and ends the report with an `OutputError`. Used from one thread only.
final class Workbook: @unchecked Sendable {
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    /// The private folder holding the workbook file and libxlsxwriter's temporary files.
    let folder: String
    private let path: String
    /// The first error met, in words.
    private(set) var failure: String?
    /// How many real hyperlinks a sheet gets before links become `HYPERLINK` formulas.
    let linksPerSheet: Int

    /// A cell's number format or style, owned by the workbook.
    typealias Style = UnsafeMutablePointer<lxw_format>

    /// A worksheet, owned by the workbook.
    struct Sheet {
        fileprivate let handle: UnsafeMutablePointer<lxw_worksheet>
        /// Hyperlinks written so far (Excel allows 65,530 per sheet).
        fileprivate(set) var links = 0
    }

    /// Excel's limits: rows per sheet, characters per cell, hyperlinks per sheet, URL length.
    static let maxRows = 1_048_576
    static let maxCellCharacters = 32_767
    static let maxLinks = 65_530
    static let maxURLLength = 255
    /// libxlsxwriter keeps every hyperlink in memory until the workbook is closed, about 2.8 kB
    /// each (185 MB for Excel's 65,530, measured): past this many on a sheet, links are formulas,
    /// which cost nothing, so that 100,000 photos stay within bounded memory.
    static let defaultLinksPerSheet = 5_000

    /// A new empty workbook, in constant-memory mode unless asked otherwise; `linksPerSheet`
    /// real hyperlinks at most per sheet (never more than Excel's 65,530). Throws when no
    /// temporary folder or workbook can be made.
    init(constantMemory: Bool = true, linksPerSheet: Int = Workbook.defaultLinksPerSheet) throws(OutputError) {
        self.linksPerSheet = min(max(linksPerSheet, 0), Workbook.maxLinks)
        let base = (getenv("TMPDIR").map { String(cString: $0) }).flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base + "/verify-photos-xlsx-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ buffer in buffer.baseAddress.flatMap { mkdtemp($0) } }) else {
            throw OutputError(output: base, reason: "cannot make a temporary folder for the workbook: \(ReadOnlyFile.describe(errno: errno))")
        }
        folder = String(cString: made)
        path = folder + "/report.xlsx"
        var options = lxw_workbook_options()
        options.constant_memory = constantMemory ? 1 : 0
        handle = folder.withCString { tmpdir in
            options.tmpdir = UnsafeMutablePointer(mutating: tmpdir)
            return workbook_new_opt(path, &options)
        }
        if handle == nil {
            rmdir(folder)
            throw OutputError(output: path, reason: "libxlsxwriter could not start a workbook (out of memory?)")
        }
    }

    deinit {
        if let handle { lxw_workbook_free(handle) }
        unlink(path)
        rmdir(folder)
    }

    // MARK: Sheets and styles

    /// A new sheet named `name` (at most 31 characters, none of `[]:*?/\`).
    func addSheet(_ name: String) -> Sheet? {
        guard let handle else { return nil }
        guard let sheet = workbook_add_worksheet(handle, name) else {
            fail("cannot add the sheet \(name)")
            return nil
        }
        return Sheet(handle: sheet)
    }

    /// A new style: bold, a number format, a fill colour (0xRRGGBB), a font colour, underlined.
    func style(bold: Bool = false, numberFormat: String? = nil, fill: UInt32? = nil, font: UInt32? = nil,
               underline: Bool = false, wrap: Bool = false) -> Style? {
        guard let handle, let format = workbook_add_format(handle) else { return nil }
        if bold { format_set_bold(format) }
        if let numberFormat { format_set_num_format(format, numberFormat) }
        if let fill {
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, lxw_color_t(fill))
        }
        if let font { format_set_font_color(format, lxw_color_t(font)) }
        if underline { format_set_underline(format, UInt8(LXW_UNDERLINE_SINGLE.rawValue)) }
        if wrap { format_set_text_wrap(format) }
        return format
    }

    func setColumn(_ sheet: Sheet, _ column: Int, width: Double, style: Style? = nil) {
        check(worksheet_set_column(sheet.handle, lxw_col_t(column), lxw_col_t(column), width, style), "set a column width")
    }

    /// Freezes the rows above `rows` (the header) so that they stay in view.
    func freezeRows(_ sheet: Sheet, _ rows: Int) {
        worksheet_freeze_panes(sheet.handle, lxw_row_t(rows), 0)
    }

    /// Filter buttons on the header row `row` over `columns` columns and the rows to `lastRow`.
    func autofilter(_ sheet: Sheet, row: Int, lastRow: Int, columns: Int) {
        guard columns > 0 else { return }
        check(worksheet_autofilter(sheet.handle, lxw_row_t(row), 0, lxw_row_t(max(row, lastRow)), lxw_col_t(columns - 1)), "set the filter")
    }

    /// Makes `sheet` the one shown when the workbook opens.
    func activate(_ sheet: Sheet) {
        worksheet_activate(sheet.handle)
    }

    // MARK: Cells

    /// Writes text as a string cell, never as a formula (whatever it starts with), made valid
    /// for XML and for Excel's cell limit by `cellText`.
    func text(_ sheet: Sheet, _ row: Int, _ column: Int, _ value: String, _ style: Style? = nil) {
        guard inRange(row) else { return }
        check(worksheet_write_string(sheet.handle, lxw_row_t(row), lxw_col_t(column), Workbook.cellText(value), style), "write a text cell")
    }

    func number(_ sheet: Sheet, _ row: Int, _ column: Int, _ value: Double, _ style: Style? = nil) {
        guard inRange(row), value.isFinite else { return }
        check(worksheet_write_number(sheet.handle, lxw_row_t(row), lxw_col_t(column), value, style), "write a number cell")
    }

    /// An Excel date-time (a number of days with a date format in `style`); written as text
    /// for a year Excel cannot show (before 1900).
    func dateTime(_ sheet: Sheet, _ row: Int, _ column: Int, _ time: LocalDateTime, _ style: Style?) {
        guard inRange(row) else { return }
        guard time.date.year >= 1900 else { return text(sheet, row, column, time.description) }
        var value = lxw_datetime(year: Int32(time.date.year), month: Int32(time.date.month), day: Int32(time.date.day),
                                 hour: Int32(time.hour), min: Int32(time.minute), sec: Double(time.second))
        check(worksheet_write_datetime(sheet.handle, lxw_row_t(row), lxw_col_t(column), &value, style), "write a date cell")
    }

    func date(_ sheet: Sheet, _ row: Int, _ column: Int, _ day: CalendarDate, _ style: Style?) {
        dateTime(sheet, row, column, LocalDateTime(date: day, hour: 0, minute: 0, second: 0), style)
    }

    /// A hyperlink to `url` shown as `label`. Past `linksPerSheet` links on a sheet (Excel allows
    /// 65,530, and each costs memory until the end) it is a `HYPERLINK` formula instead, which
    /// opens the same page; `url` is the tool's own (built from numbers), never text from a
    /// photo. A URL longer than 255 characters is written as text.
    func link(_ sheet: inout Sheet, _ row: Int, _ column: Int, url: String, label: String, _ style: Style?) {
        guard inRange(row) else { return }
        guard url.utf8.count <= Workbook.maxURLLength, !url.contains("\"") else { return text(sheet, row, column, url) }
        if sheet.links < linksPerSheet {
            sheet.links += 1
            check(worksheet_write_url_opt(sheet.handle, lxw_row_t(row), lxw_col_t(column), url, style, Workbook.cellText(label), nil), "write a link")
        } else {
            check(worksheet_write_formula_str(sheet.handle, lxw_row_t(row), lxw_col_t(column),
                                              "=HYPERLINK(\"\(url)\",\"\(String(label.filter { $0 != "\"" }))\")", style, label), "write a link")
        }
    }

    private func inRange(_ row: Int) -> Bool {
        guard row < Workbook.maxRows else {
            fail("more than \(Workbook.maxRows - 1) rows do not fit on one Excel sheet; use --format csv or jsonl")
            return false
        }
        return true
    }

    // MARK: Closing

    /// Writes the workbook out and copies it into `output`; a failure of any earlier write, of
    /// libxlsxwriter's own closing (zip, temporary files) or of the copy is recorded on `output`,
    /// so that its `commit` throws it.
    func close(into output: TextOutput) {
        guard let handle else { return }
        self.handle = nil
        let closed = workbook_close(handle)  // frees the workbook whatever it returns
        if closed != LXW_NO_ERROR { fail("libxlsxwriter: " + String(cString: lxw_strerror(closed))) }
        if let failure {
            output.recordFailure(failure)
            return
        }
        guard let file = fopen(path, "rb") else {
            output.recordFailure("cannot read the finished workbook: \(ReadOnlyFile.describe(errno: errno))")
            return
        }
        defer { fclose(file) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count > 0 { buffer.withUnsafeBytes { output.write(bytes: UnsafeRawBufferPointer(rebasing: $0[0..<count])) } }
            if count < buffer.count {
                if ferror(file) != 0 { output.recordFailure("cannot read the finished workbook") }
                break
            }
        }
        output.flush()
    }

    private func check(_ error: lxw_error, _ what: String) {
        if error != LXW_NO_ERROR { fail("cannot \(what): " + String(cString: lxw_strerror(error))) }
    }

    private func fail(_ reason: String) {
        if failure == nil { failure = reason }
    }

    // MARK: Text

    /// Text as a cell may hold it: control, bidi and invisible characters escaped as on the
    /// terminal (`\x0a`, `\u{202E}`), the noncharacters XML forbids (U+FFFE, U+FFFF) escaped
    /// too, Excel's own escapes (`_x0041_`) kept literal by escaping their underscore
    /// (`_x005F_`), and cut to Excel's 32,767 characters (UTF-16 units) with `…` at the end.
    static func cellText(_ value: String) -> String {
        var text = XMLText.safe(value)
        if text.contains("_x") { text = escapingExcelEscapes(text) }
        if text.utf16.count > maxCellCharacters {
            var cut = String.UnicodeScalarView()
            var units = 0
            for scalar in text.unicodeScalars {
                units += scalar.utf16.count
                if units > maxCellCharacters - 1 { break }
                cut.append(scalar)
            }
            text = String(cut) + "…"
        }
        return text
    }

    /// `_xHHHH_` (which Excel reads as the character U+HHHH) with its underscore escaped.
    private static func escapingExcelEscapes(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "_", i + 6 < scalars.count, scalars[i + 1] == "x" || scalars[i + 1] == "X",
               scalars[(i + 2)...(i + 5)].allSatisfy({ $0.properties.isASCIIHexDigit }), scalars[i + 6] == "_" {
                out.append(contentsOf: "_x005F_".unicodeScalars)
                i += 1
                continue
            }
            out.append(scalars[i])
            i += 1
        }
        return String(out)
    }
}
