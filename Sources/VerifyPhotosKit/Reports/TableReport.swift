/// `--format table`: one photo per row in aligned columns, and a summary line, for a person.
/// Column widths are taken from the first rows (buffered), so a long batch still streams.
///
/// On a terminal every line fits its width (`TextOutput.columns`): status, time and distance
/// keep their widths, and place, reasons and file share the rest. Text too long for its column
/// is cut with `…`; the file is shortened from the left by whole folders
/// (`…/0123/199001012015011001/IMG_1.jpg`), so that the employee's folder and the file name
/// stay. When the file name does not fit beside the rest, the file goes on a line of its own
/// under the row: for the whole table when the first rows' names do not fit (a narrow
/// terminal), else only for that row. Without a width (a file or a pipe) nothing is cut.
public struct TableReport: ReportWriter {
    let output: TextOutput
    let messages: Messages
    let color: Bool
    /// Display columns a line may take; nil for no limit.
    let width: Int?
    private var pending: [[String]] = []
    private var statuses: [PhotoStatus] = []
    private var layout: Layout?
    private static let bufferedRows = 200
    private static let separator = "  "

    /// `width` is how many display columns a line may take; nil takes the output's
    /// (`TextOutput.columns`: the terminal's width, no limit for a file or a pipe).
    public init(output: TextOutput, messages: Messages, color: Bool, width: Int? = nil) {
        self.output = output
        self.messages = messages
        self.color = color
        self.width = width ?? output.columns
    }

    public func row(for result: PhotoResult) -> (cells: [String], status: PhotoStatus) {
        (cells(result), result.verdict.status)
    }

    public mutating func write(_ row: (cells: [String], status: PhotoStatus)) {
        pending.append(row.cells)
        statuses.append(row.status)
        if pending.count >= TableReport.bufferedRows { flushRows() }
    }

    public mutating func finish(_ summary: BatchSummary) {
        flushRows()
        let text = messages.summary(summary)
        for line in width.map({ TableReport.wrapped(text, toWidth: $0) }) ?? [text] { output.line(line) }
        for line in messages.missingSubmissions(summary) { output.line(line) }
        output.flush()
    }

    /// Status, time, distance, place, reasons in words (and the error of an unreadable file), file.
    private func cells(_ result: PhotoResult) -> [String] {
        let v = result.verdict
        let taken = v.captureTime.map { t in
            let w = t.wib
            return "\(w.date) \(pad(w.hour)):\(pad(w.minute))"
        } ?? "-"
        let distance = v.location.map { messages.distance($0.distanceToBoundary) } ?? "-"
        var place = "-"
        if let l = v.location {
            place = l.inside ? ([l.desa, l.kecamatan].compactMap { $0 }.joined(separator: ", ").nonEmpty ?? messages.place(l.place))
                : messages.place(l.place)
        }
        var reasons = v.reasons.map(messages.reason)
        if let error = result.error { reasons.append(messages.describe(error)) }
        return [messages.status(v.status), taken, distance, place, reasons.joined(separator: "; ").nonEmpty ?? "-", result.path]
            .map(TerminalText.safe)
    }

    private mutating func flushRows() {
        if layout == nil {
            let header = messages.tableHeader
            let chosen = TableReport.layout(header: header, rows: pending, limit: width, reserved: reservedWidths)
            layout = chosen
            for line in lines(header, status: nil, layout: chosen) { output.line(line) }
        }
        guard let layout else { return }
        for (cells, status) in zip(pending, statuses) {
            for line in lines(cells, status: status, layout: layout) { output.line(line) }
        }
        pending.removeAll(keepingCapacity: true)
        statuses.removeAll(keepingCapacity: true)
    }

    /// The widest status, time and distance there can be, so that rows after the measured
    /// ones never need more.
    private var reservedWidths: [Int] {
        let status = PhotoStatus.allCases.map { TerminalText.width(messages.status($0)) }.max() ?? 0
        let farthest = TerminalText.width(messages.distance(20_037_508))  // half the equator, in metres
        return [status, TableReport.timeWidth, farthest, 0, 0, 0]
    }

    /// `YYYY-MM-DD HH:MM`.
    private static let timeWidth = 16

    // MARK: Layout

    /// How the columns share a line.
    struct Layout {
        /// Widths of the columns before the file.
        var widths: [Int]
        /// Columns the file may take beside them, when it is on the row's line.
        var file: Int?
        /// The line's width; nil for no limit.
        var limit: Int?
    }

    /// Place, reasons and file keep at least this much (or their widest cell, when narrower)
    /// before the file name is moved under the row.
    private static let placeFloor = 14
    private static let reasonsFloor = 24

    /// Widths for `rows` under `header` on lines of `limit` columns: each column as wide as its
    /// widest cell (or `reserved`); with a limit, place, reasons and file share what the others
    /// leave, each growing in turn, and the file goes under the row when even `…/` and the longest
    /// file name do not fit beside the rest at their floors.
    static func layout(header: [String], rows: [[String]], limit: Int?, reserved: [Int]) -> Layout {
        let (status, taken, distance, place, reasons, file) = (0, 1, 2, 3, 4, 5)
        let natural = header.indices.map { column in
            max(reserved[column], rows.map { TerminalText.width($0[column]) }.max() ?? 0, TerminalText.width(header[column]))
        }
        guard let limit else { return Layout(widths: Array(natural[..<file]), file: nil, limit: nil) }
        let gap = separator.count
        let fixed = natural[status] + natural[taken] + natural[distance]
        let placeFloor = min(natural[place], TableReport.placeFloor)
        let reasonsFloor = min(natural[reasons], TableReport.reasonsFloor)
        let fileFloor = rows.map { row in
            let name = row[file].split(separator: "/", omittingEmptySubsequences: false).last ?? ""
            return min(TerminalText.width(row[file]), 2 + TerminalText.width(name))
        }.reduce(TerminalText.width(header[file]), max)
        var widths = natural
        widths[place] = placeFloor
        widths[reasons] = reasonsFloor
        let beside = fixed + placeFloor + reasonsFloor + fileFloor + 5 * gap
        if beside <= limit {
            widths[file] = fileFloor
            share(limit - beside, among: [place, reasons, file], widths: &widths, natural: natural)
            return Layout(widths: Array(widths[..<file]), file: widths[file], limit: limit)
        }
        let room = limit - fixed - 4 * gap
        if room >= placeFloor + reasonsFloor {
            share(room - placeFloor - reasonsFloor, among: [place, reasons], widths: &widths, natural: natural)
        } else {
            // Narrower than their floors (80 columns with `PERLU DIPERIKSA`): shared in proportion.
            widths[place] = max(1, room * placeFloor / max(1, placeFloor + reasonsFloor))
            widths[reasons] = max(1, room - widths[place])
        }
        return Layout(widths: Array(widths[..<file]), file: nil, limit: limit)
    }

    /// Gives `extra` columns to `columns` in turns, none beyond its natural width.
    private static func share(_ extra: Int, among columns: [Int], widths: inout [Int], natural: [Int]) {
        var extra = extra
        while extra > 0 {
            let growing = columns.filter { widths[$0] < natural[$0] }
            if growing.isEmpty { return }
            let each = max(1, extra / growing.count)
            for column in growing where extra > 0 {
                let added = min(each, natural[column] - widths[column], extra)
                widths[column] += added
                extra -= added
            }
        }
    }

    /// `path` shortened from the left to at most `width` columns by dropping whole folders
    /// (`…/0123/199001012015011001/IMG_1.jpg`): what stays is the end, where the employee's
    /// folder and the file name are. Nil when not even `…/` and the file name fit.
    static func shortenedPath(_ path: String, toWidth width: Int) -> String? {
        if TerminalText.width(path) <= width { return path }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count > 1, let name = parts.last else { return nil }
        var used = 2 + TerminalText.width(name)
        guard used <= width else { return nil }
        var first = parts.count - 1
        while first > 1 {
            let next = TerminalText.width(parts[first - 1]) + 1
            if used + next > width { break }
            used += next
            first -= 1
        }
        return "…/" + parts[first...].joined(separator: "/")
    }

    // MARK: Lines

    /// `text` broken at blanks into lines of at most `width` columns; a word longer than that
    /// keeps a line of its own, whole.
    static func wrapped(_ text: String, toWidth width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        var used = 0
        for word in text.split(separator: " ") {
            let size = TerminalText.width(word)
            if !current.isEmpty, used + 1 + size > width {
                lines.append(current)
                current = ""
                used = 0
            }
            if !current.isEmpty {
                current += " "
                used += 1
            }
            current += word
            used += size
        }
        return lines + [current]
    }

    /// The line or two lines of one row (or of the header when `status` is nil).
    private func lines(_ cells: [String], status: PhotoStatus?, layout: Layout) -> [String] {
        let path = cells[cells.count - 1]
        guard let limit = layout.limit else {
            return [line(Array(cells.dropLast()), status: status, widths: layout.widths, padLast: true) + TableReport.separator + path]
        }
        let fitted = cells.dropLast().enumerated().map { column, cell in TerminalText.truncated(cell, toWidth: layout.widths[column]) }
        if let room = layout.file, let file = TableReport.shortenedPath(path, toWidth: room) {
            return [line(fitted, status: status, widths: layout.widths, padLast: true) + TableReport.separator + file]
        }
        // Under the row, starting below the time, shortened only when the line is too short for it.
        let indent = min(layout.widths[0] + TableReport.separator.count, max(TableReport.separator.count, limit / 4))
        let room = max(1, limit - indent)
        let file = TableReport.shortenedPath(path, toWidth: room) ?? TerminalText.truncatedFromStart(path, toWidth: room)
        return [line(fitted, status: status, widths: layout.widths, padLast: false),
                String(repeating: " ", count: indent) + file]
    }

    /// Cells padded to `widths` and joined; the status coloured, the last cell padded only if
    /// something follows it.
    private func line(_ cells: [String], status: PhotoStatus?, widths: [Int], padLast: Bool) -> String {
        var parts: [String] = []
        for (column, cell) in cells.enumerated() {
            let isLast = column == cells.count - 1
            var text = isLast && !padLast ? cell : TerminalText.padded(cell, to: widths[column])
            if column == 0, color, let status {
                text = TerminalText.colored(cell, status) + String(repeating: " ", count: max(0, widths[0] - TerminalText.width(cell)))
            }
            parts.append(text)
        }
        return parts.joined(separator: TableReport.separator)
    }
}
