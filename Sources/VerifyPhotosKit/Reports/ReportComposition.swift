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
    /// Where the files are, once `commit` has put them in place.
    public private(set) var finalPaths: [String] = []
    private let base: String
    private let temporaryPaths: [String]
    private let outputs: [TextOutput]
    private static let kinds = ["jsonl", "csv"]

    public init(path: String, startedAt: Int64) throws(PhotoError) {
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw PhotoError.cannotOpen(reason: "\(path): \(ReadOnlyFile.describe(errno: errno))")
        }
        ReportDirectory.removeLeftovers(in: path)
        let t = WIB.localTime(utcSeconds: startedAt)
        let stamp = "\(t.date)-\(pad(t.hour))\(pad(t.minute))\(pad(t.second))"
        let folder = path.hasSuffix("/") ? path : path + "/"
        base = folder + stamp
        temporaryPaths = ReportDirectory.kinds.map { "\(folder).\(stamp).\($0).tmp-\(getpid())" }
        outputs = try temporaryPaths.map { p throws(PhotoError) in try TextOutput(path: p) }
    }

    /// The JSON Lines and CSV writers of the two files.
    public func writers(messages: Messages) -> [any ReportWriter] {
        [JSONReport(output: outputs[0], messages: messages), CSVReport(output: outputs[1], messages: messages)]
    }

    /// Makes the files durable and puts them in place, never over an existing report (a run in
    /// the same second gets `-2`, `-3`, ... in its name).
    public func commit() throws(PhotoError) {
        for output in outputs where !output.sync() {
            throw PhotoError.readFailed(reason: "cannot write the report in \(base)")
        }
        var attempt = 1
        while true {
            let suffix = attempt == 1 ? "" : "-\(attempt)"
            let names = ReportDirectory.kinds.map { "\(base)\(suffix).\($0)" }
            // link() refuses to replace an existing file, unlike rename().
            var made: [String] = []
            var failure: Int32 = 0
            for (temporary, name) in zip(temporaryPaths, names) {
                guard link(temporary, name) == 0 else {
                    failure = errno
                    break
                }
                made.append(name)
            }
            if made.count == names.count {
                temporaryPaths.forEach { unlink($0) }
                finalPaths = names
                return
            }
            made.forEach { unlink($0) }  // links this attempt made: undo them, try the next name
            guard failure == EEXIST, attempt < 1000 else {
                throw PhotoError.readFailed(reason: "cannot put the report in place as \(names[0]): \(ReadOnlyFile.describe(errno: failure))")
            }
            attempt += 1
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
