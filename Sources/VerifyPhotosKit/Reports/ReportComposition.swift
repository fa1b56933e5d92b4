#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension ReportWriter {
    fileprivate func anyRow(for result: PhotoResult) -> any Sendable { row(for: result) }

    fileprivate mutating func write(any row: any Sendable) {
        if let row = row as? Row { write(row) }
    }
}

/// Several reports written from the same run (standard output and the files of `--report-dir`).
public struct CombinedReport: ReportWriter {
    var parts: [any ReportWriter]

    public init(_ parts: [any ReportWriter]) {
        self.parts = parts
    }

    public func row(for result: PhotoResult) -> [any Sendable] {
        parts.map { $0.anyRow(for: result) }
    }

    public mutating func write(_ row: [any Sendable]) {
        for index in parts.indices where index < row.count {
            parts[index].write(any: row[index])
        }
    }

    public mutating func finish(_ summary: BatchSummary) {
        for index in parts.indices { parts[index].finish(summary) }
    }
}

/// `--quiet`: only photos that need attention; nothing at all (no header, no summary) when
/// every photo is ok, so that cron mails only when it must.
public struct QuietReport: ReportWriter {
    var inner: any ReportWriter
    private var wroteAny = false

    public init(_ inner: any ReportWriter) {
        self.inner = inner
    }

    public func row(for result: PhotoResult) -> (any Sendable)? {
        result.verdict.status == .ok ? nil : inner.anyRow(for: result)
    }

    public mutating func write(_ row: (any Sendable)?) {
        guard let row else { return }
        wroteAny = true
        inner.write(any: row)
    }

    public mutating func finish(_ summary: BatchSummary) {
        if wroteAny { inner.finish(summary) }
    }
}

/// `--report-dir DIR`: the run's report as `DIR/YYYY-MM-DD-HHMMSS.jsonl` and `.csv` (time in
/// WIB). Both are written under temporary names and renamed into place only when complete, so
/// a report is never seen half-written.
public final class ReportDirectory {
    public let finalPaths: [String]
    private let temporaryPaths: [String]
    private let outputs: [TextOutput]

    public init(path: String, startedAt: Int64) throws(PhotoError) {
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw PhotoError.cannotOpen(reason: "\(path): \(ReadOnlyFile.describe(errno: errno))")
        }
        ReportDirectory.removeLeftovers(in: path)
        let t = WIB.localTime(utcSeconds: startedAt)
        let stamp = "\(t.date)-\(pad(t.hour))\(pad(t.minute))\(pad(t.second))"
        let base = path.hasSuffix("/") ? path : path + "/"
        finalPaths = ["jsonl", "csv"].map { "\(base)\(stamp).\($0)" }
        temporaryPaths = ["jsonl", "csv"].map { "\(base).\(stamp).\($0).tmp-\(getpid())" }
        outputs = try temporaryPaths.map { p throws(PhotoError) in try TextOutput(path: p) }
    }

    /// The JSON Lines and CSV writers of the two files.
    public func writers(messages: Messages) -> [any ReportWriter] {
        [JSONLinesReport(output: outputs[0], messages: messages), CSVReport(output: outputs[1], messages: messages)]
    }

    /// Makes the files durable and renames them into place.
    public func commit() throws(PhotoError) {
        for (index, output) in outputs.enumerated() {
            guard output.sync() else { throw PhotoError.readFailed(reason: "cannot write \(temporaryPaths[index])") }
            guard rename(temporaryPaths[index], finalPaths[index]) == 0 else {
                throw PhotoError.readFailed(reason: "cannot rename \(temporaryPaths[index]): \(ReadOnlyFile.describe(errno: errno))")
            }
        }
    }

    /// Temporary files of runs that were killed before they finished.
    private static func removeLeftovers(in path: String) {
        guard let directory = opendir(path) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasPrefix("."), name.contains(".tmp-") {
                unlink((path.hasSuffix("/") ? path : path + "/") + name)
            }
        }
    }
}
