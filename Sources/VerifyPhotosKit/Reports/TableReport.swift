/// `--format table`: aligned columns, one photo per row, and a summary line. Column widths are
/// taken from the first rows (buffered), so a long batch still streams.
public struct TableReport: ReportWriter {
    let output: TextOutput
    let messages: Messages
    let color: Bool
    private var pending: [[String]] = []
    private var statuses: [PhotoStatus] = []
    private var widths: [Int]?
    private static let bufferedRows = 200

    public init(output: TextOutput, messages: Messages, color: Bool) {
        self.output = output
        self.messages = messages
        self.color = color
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
        output.line(messages.summary(summary))
        output.flush()
    }

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
        var reasons = v.reasons.map(\.rawValue).joined(separator: ",")
        if let error = result.error {
            reasons = (reasons.isEmpty ? "" : reasons + " ") + messages.describe(error)
        }
        return [messages.status(v.status), taken, distance, place, reasons.nonEmpty ?? "-", result.path].map(TerminalText.safe)
    }

    private mutating func flushRows() {
        if widths == nil {
            let header = messages.tableHeader
            let all = [header] + pending
            let computed = (0..<header.count).map { column in all.map { $0[column].count }.max() ?? 0 }
            widths = computed
            output.line(format(header, widths: computed, status: nil))
        }
        guard let widths else { return }
        for (cells, status) in zip(pending, statuses) {
            output.line(format(cells, widths: widths, status: status))
        }
        pending.removeAll(keepingCapacity: true)
        statuses.removeAll(keepingCapacity: true)
    }

    private func format(_ cells: [String], widths: [Int], status: PhotoStatus?) -> String {
        var parts: [String] = []
        for (index, cell) in cells.enumerated() {
            let isLast = index == cells.count - 1
            var text = isLast ? cell : cell.padded(to: widths[index])
            if index == 0, color, let status {
                text = TerminalText.colored(cell, status) + String(repeating: " ", count: max(0, widths[0] - cell.count))
            }
            parts.append(text)
        }
        return parts.joined(separator: "  ")
    }
}
