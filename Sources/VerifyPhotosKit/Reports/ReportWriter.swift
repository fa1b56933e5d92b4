#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Counts of a finished batch.
public struct BatchSummary: Sendable, Equatable {
    public var statusCounts: [PhotoStatus: Int] = [:]
    /// Files in walked folders that are not photos (by content and by name).
    public var skippedFiles = 0
    /// Photos left for the next run because they may still be uploading (`--state`).
    public var stillUploading = 0

    public init() {}

    public var photos: Int { statusCounts.values.reduce(0, +) }

    public func count(of status: PhotoStatus) -> Int { statusCounts[status, default: 0] }

    public mutating func add(_ result: PhotoResult) {
        statusCounts[result.verdict.status, default: 0] += 1
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
}

/// Buffered text output to standard output or a file; the one owner of a `FILE*` it opened.
/// Written from one thread only; it is `Sendable` so that writers holding it can prepare rows
/// on other threads, which never touch it.
public final class TextOutput: @unchecked Sendable {
    private let stream: UnsafeMutablePointer<FILE>
    private let ownsStream: Bool
    /// Whether the stream is a terminal (colour and tables are for terminals).
    public let isTerminal: Bool

    /// Standard output.
    public init() {
        // A stream of its own over descriptor 1, flushed (not closed) when done.
        stream = fdopen(STDOUT_FILENO, "w") ?? fopen("/dev/null", "w")!
        ownsStream = false
        isTerminal = isatty(STDOUT_FILENO) == 1
    }

    /// A file, created or truncated.
    public init(path: String) throws(PhotoError) {
        guard let file = fopen(path, "w") else {
            throw PhotoError.cannotOpen(reason: ReadOnlyFile.describe(errno: errno))
        }
        stream = file
        ownsStream = true
        isTerminal = false
    }

    deinit {
        fflush(stream)
        if ownsStream { fclose(stream) }
    }

    public func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            _ = fwrite(bytes.baseAddress, 1, bytes.count, stream)
        }
    }

    public func line(_ text: String) {
        write(text)
        write("\n")
    }

    public func flush() {
        fflush(stream)
    }

    /// Flushes and forces the data to disk; false on a write error.
    public func sync() -> Bool {
        fflush(stream) == 0 && ferror(stream) == 0 && fsync(fileno(stream)) == 0
    }

    /// Writes straight to standard error (unbuffered), for progress and warnings.
    public static func standardError(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = systemWrite(STDERR_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
    }

    /// Whether standard error is a terminal.
    public static var standardErrorIsTerminal: Bool {
        isatty(STDERR_FILENO) == 1
    }
}

/// Creates the writer for a format.
public func makeReportWriter(_ format: ReportFormat, output: TextOutput, messages: Messages,
                             color: Bool, policy: VerificationPolicy, boundaryName: String) -> any ReportWriter {
    switch format {
    case .jsonl: JSONReport(output: output, messages: messages)
    case .json: JSONReport(output: output, messages: messages, asArray: true)
    case .csv: CSVReport(output: output, messages: messages)
    case .table: TableReport(output: output, messages: messages, color: color)
    case .explain: ExplanationReport(output: output, messages: messages, color: color, policy: policy, boundaryName: boundaryName)
    }
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
