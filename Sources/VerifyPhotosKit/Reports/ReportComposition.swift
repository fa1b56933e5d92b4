/// A report of any format behind one type, so that the command can choose formats at run time.
/// Rows are never cast back: the row a writer prepares is bound, as a `PreparedWrite`, to that
/// writer, and writing it hands it to the writer it came from.
public struct AnyReportWriter: ReportWriter {
    private let box: any ErasedReport

    public init<W: ReportWriter>(_ writer: W) {
        box = ReportBox(writer)
    }

    public func row(for result: PhotoResult) -> PreparedWrite {
        box.prepare(result)
    }

    public mutating func write(_ row: PreparedWrite) {
        row.apply()
    }

    public mutating func finish(_ summary: BatchSummary) {
        box.finish(summary)
    }
}

/// A row formatted for one writer, written by calling it (on the writing thread only).
public struct PreparedWrite: Sendable {
    fileprivate let apply: @Sendable () -> Void
}

private protocol ErasedReport: Sendable {
    func prepare(_ result: PhotoResult) -> PreparedWrite
    func finish(_ summary: BatchSummary)
}

/// Holds a writer: `formatter`, a copy taken at the start that is only read (by the worker
/// threads that format rows, as `ReportWriter` allows), and `writer`, which only the writing
/// thread touches.
private final class ReportBox<W: ReportWriter>: ErasedReport, @unchecked Sendable {
    private let formatter: W
    private var writer: W

    init(_ writer: W) {
        formatter = writer
        self.writer = writer
    }

    func prepare(_ result: PhotoResult) -> PreparedWrite {
        let row = formatter.row(for: result)
        return PreparedWrite { [self] in writer.write(row) }
    }

    func finish(_ summary: BatchSummary) {
        writer.finish(summary)
    }
}

/// Several reports written from the same run (standard output and the files of `--report-dir`).
public struct CombinedReport: ReportWriter {
    var parts: [AnyReportWriter]

    public init(_ parts: [AnyReportWriter]) {
        self.parts = parts
    }

    public func row(for result: PhotoResult) -> [PreparedWrite] {
        parts.map { $0.row(for: result) }
    }

    public mutating func write(_ row: [PreparedWrite]) {
        for prepared in row { prepared.apply() }
    }

    public mutating func finish(_ summary: BatchSummary) {
        for index in parts.indices { parts[index].finish(summary) }
    }
}

/// `--quiet`: only photos that need attention; nothing at all (no header, no brackets, no
/// summary) when every photo is ok and no employee due is missing, so that cron mails only
/// when it must. The report is made
/// (and so begins) at the first photo that needs attention; those few rows are formatted on
/// the writing thread.
public struct QuietReport: ReportWriter {
    private let make: @Sendable () -> AnyReportWriter
    private var inner: AnyReportWriter?

    /// `make` creates the report that the photos needing attention go to.
    public init(_ make: @escaping @Sendable () -> AnyReportWriter) {
        self.make = make
    }

    public func row(for result: PhotoResult) -> PhotoResult? {
        result.verdict.status == .ok ? nil : result
    }

    public mutating func write(_ row: PhotoResult?) {
        guard let row else { return }
        var report = inner ?? make()
        report.write(result: row)
        inner = report
    }

    public mutating func finish(_ summary: BatchSummary) {
        // Employees due who sent nothing need attention too.
        if inner == nil, !summary.missing.isEmpty { inner = make() }
        inner?.finish(summary)
    }
}

/// A report on the terminal that also shows the progress line: the line is cleared before
/// each write (so that no report text lands behind it, as in `memeriksa 44/44 fotoSTATUS`) and
/// drawn again after it, and cleared for good before the report ends.
public struct ProgressClearingReport: ReportWriter {
    var inner: AnyReportWriter
    let progress: ProgressLine

    public init(_ inner: some ReportWriter, progress: ProgressLine) {
        self.inner = AnyReportWriter(inner)
        self.progress = progress
    }

    public func row(for result: PhotoResult) -> PreparedWrite {
        inner.row(for: result)
    }

    public mutating func write(_ row: PreparedWrite) {
        progress.suspended { inner.write(row) }
    }

    public mutating func finish(_ summary: BatchSummary) {
        progress.clear()
        inner.finish(summary)
    }
}

/// The one-line summary written beside a `--report-dir` report (`STAMP.txt`): an empty night
/// still says `0 foto baru`.
struct SummaryLineReport: ReportWriter {
    let output: TextOutput
    let messages: Messages
    let onlyNew: Bool

    func row(for result: PhotoResult) {}

    mutating func write(_ row: Void) {}

    mutating func finish(_ summary: BatchSummary) {
        output.line(onlyNew ? messages.newPhotosSummary(summary) : messages.summary(summary))
        output.flush()
    }
}

/// `--report-dir DIR`: the run's report as `DIR/YYYY-MM-DD-HHMMSS.jsonl`, `.csv` and `.html` (time
/// in WIB), with `summaryFile` its summary line as `.txt`, and in each of `alsoAs` (`xlsx`) too.
/// All are written under hidden temporary names and renamed into place only when complete, so
/// a report is never seen half-written.
///
/// Several runs may share the folder (a nightly run and a manual one, or one waiting for the
/// state lock): each run's temporary names are its own (`.STAMP.KIND.tmp-PID-RANDOM`), and
/// another run's leftovers are removed only when stale, by `commit` (which a run with `--state`
/// calls while holding the state lock). A run that ends without committing removes its own.
public final class ReportDirectory {
    /// Where the files are, once `commit` has put them in place.
    public private(set) var finalPaths: [String] = []
    private let folder: String
    private let base: String
    private let temporaryPaths: [String]
    private let outputs: [TextOutput]
    /// The final name endings of this run's files.
    private let extensions: [String]
    /// What each kind of file is called in temporary names (`.STAMP.KIND.tmp-OWNER`).
    private static let kinds = ["jsonl", "csv", "html", "summary"]
    /// Every kind a run may write, for recognising leftovers.
    private static let leftoverKinds = kinds + ReportFormat.allCases.map(\.rawValue).filter { !kinds.contains($0) }
    /// The further formats this run writes, after the fixed kinds.
    private let alsoAs: [ReportFormat]
    /// A leftover untouched this long is stale even if a process with its pid exists (the pid
    /// may have been reused); no run leaves its report untouched for a day.
    static let staleAfterSeconds = 24 * 60 * 60

    /// Creates the folder if needed and opens this run's files in it; `summaryFile` adds the
    /// `.txt` summary line, `alsoAs` a file in each of those formats (`.xlsx`).
    public init(path: String, startedAt: Int64, summaryFile: Bool = false, alsoAs: [ReportFormat] = []) throws(OutputError) {
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw OutputError(output: path, errno: errno)
        }
        let t = WIB.localTime(utcSeconds: startedAt)
        let stamp = "\(t.date)-\(pad(t.hour))\(pad(t.minute))\(pad(t.second))"
        let folder = path.hasSuffix("/") ? path : path + "/"
        self.folder = folder
        base = folder + stamp
        let owner = TextOutput.temporaryOwner()
        let alsoAs = alsoAs.filter { !ReportDirectory.kinds.contains($0.rawValue) }
        self.alsoAs = alsoAs
        let kinds = (summaryFile ? ReportDirectory.kinds : ReportDirectory.kinds.filter { $0 != "summary" }) + alsoAs.map(\.rawValue)
        extensions = kinds.map { $0 == "summary" ? "txt" : $0 }
        let temporaryPaths = kinds.map { "\(folder).\(stamp).\($0).tmp-\(owner)" }
        var opened: [TextOutput] = []
        for temporary in temporaryPaths {
            do {
                opened.append(try TextOutput(creatingNew: temporary))
            } catch {
                temporaryPaths.prefix(opened.count).forEach { unlink($0) }
                throw error
            }
        }
        self.temporaryPaths = temporaryPaths
        outputs = opened
    }

    deinit {
        if finalPaths.isEmpty { temporaryPaths.forEach { unlink($0) } }
    }

    /// The writers of the files: JSON Lines, CSV, HTML and, with `summaryFile`, the summary line
    /// (of new photos when `onlyNew`).
    public func writers(messages: Messages, onlyNew: Bool = false) -> [AnyReportWriter] {
        var writers = [AnyReportWriter(JSONReport(output: outputs[0], messages: messages)), AnyReportWriter(CSVReport(output: outputs[1], messages: messages)),
                       AnyReportWriter(HTMLReport(output: outputs[2], messages: messages))]
        let fixed = outputs.count - alsoAs.count
        if fixed > 3 { writers.append(AnyReportWriter(SummaryLineReport(output: outputs[3], messages: messages, onlyNew: onlyNew))) }
        for (format, output) in zip(alsoAs, outputs[fixed...]) {
            writers.append(makeReportWriter(format, output: output, messages: messages, color: false))
        }
        return writers
    }

    /// Makes the files durable and puts them in place, never over an existing report (a run in
    /// the same second gets `-2`, `-3`, ... in its name); then removes stale leftovers of runs
    /// that were killed.
    public func commit() throws(OutputError) {
        for output in outputs where !output.sync() {
            throw OutputError(output: base, reason: "the report could not be written in full")
        }
        var attempt = 1
        while true {
            let suffix = attempt == 1 ? "" : "-\(attempt)"
            let names = extensions.map { "\(base)\(suffix).\($0)" }
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
                removeStaleLeftovers()
                return
            }
            made.forEach { unlink($0) }  // links this attempt made: undo them, try the next name
            guard failure == EEXIST, attempt < 1000 else {
                throw OutputError(output: names[0], reason: "cannot put the report in place: \(ReadOnlyFile.describe(errno: failure))")
            }
            attempt += 1
        }
    }

    /// Temporary files of runs that are gone (killed, or a power cut), or untouched for
    /// `staleAfterSeconds`; those of live runs are theirs to finish.
    private func removeStaleLeftovers() {
        guard let directory = opendir(folder) else { return }
        var names: [String] = []
        while let entry = readdir(directory) {
            let bytes = directoryEntry(entry).name
            if let name = String(validating: bytes, as: UTF8.self) { names.append(name) }
        }
        closedir(directory)
        let now = Int(time(nil))
        for name in names {
            guard let owner = ReportDirectory.temporaryOwner(name) else { continue }
            let path = folder + name
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            if !ReportDirectory.isAlive(owner) || now - Int(info.st_mtim.tv_sec) > ReportDirectory.staleAfterSeconds {
                unlink(path)
            }
        }
    }

    /// The pid in a temporary name this type makes (`.STAMP.KIND.tmp-PID-RANDOM`, or
    /// `.STAMP.KIND.tmp-PID` from older versions); nil for any other name.
    static func temporaryOwner(_ name: String) -> Int32? {
        let marker = ".tmp-"
        guard name.hasPrefix("."),
              let kind = leftoverKinds.first(where: { name.contains(".\($0)\(marker)") }),
              let owner = name.split(separator: ".\(kind)\(marker)", omittingEmptySubsequences: false).last else { return nil }
        let parts = owner.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count <= 2, let pid = Int32(parts[0]), pid > 0,
              parts.dropFirst().allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isHexDigit) }) else { return nil }
        return pid
    }

    private static func isAlive(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
