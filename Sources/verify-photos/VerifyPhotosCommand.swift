import ArgumentParser
import VerifyPhotosKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `verify-photos` command: parses options, then hands everything to VerifyPhotosKit.
struct VerifyPhotosCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-photos",
        abstract: "Check that work-from-home photos were taken inside Kabupaten Bangka Barat on an allowed day.",
        discussion: """
            Reads the GPS position and capture time from each photo's EXIF data and judges them under \
            circular letter 800/61/BKPSDMD/2026. Folders are walked recursively. Photos are never modified.

            Exit status: 0 every photo ok; 1 at least one review, flagged or unreadable; 2 usage or \
            configuration error.
            """)

    @Argument(help: "Photo files and folders to check.")
    var paths: [String] = []

    @Option(help: "Output format: table, explain, jsonl, csv or json. Default: explain for one file and table for more on a terminal; jsonl otherwise (or from the --output name).")
    var format: ReportFormat?

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: "GeoJSON boundary to use instead of the embedded Kabupaten Bangka Barat outline.")
    var boundary: String?

    @Option(name: .customLong("tolerance-m"), help: "Metres from the boundary within which a photo needs review (plus the photo's GPS error).")
    var toleranceMetres: Double = 200

    @Option(help: "Required capture date (WIB): YYYY-MM-DD, today or yesterday. Replaces the WFH-day and policy-start rules.")
    var date: String?

    @Option(name: .customLong("wfh-days"), help: "Allowed work-from-home weekdays, comma-separated (English or Indonesian names).")
    var wfhDays: String = "friday"

    @Option(name: .customLong("policy-start"), help: "First day of the policy (YYYY-MM-DD).")
    var policyStart: String = "2026-04-02"

    @Option(name: .customLong("max-clock-skew"), help: "Largest allowed difference between GPS and camera clocks: minutes, or a number with s, m or h.")
    var maxClockSkew: String = "10"

    @Option(help: "Language of what people read: id (Bahasa Indonesia) or en. Default: $VERIFY_PHOTOS_LANG, else id.")
    var lang: String?

    @Flag(help: "Never colour the output.")
    var noColor = false

    @Option(help: .hidden)
    var now: String?

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one photo file or folder") }
        if !(toleranceMetres >= 0) { throw ValidationError("--tolerance-m must be 0 or more") }
    }

    func run() throws {
        let settings = try Settings(self)
        let finder = PhotoFinder()
        do {
            try finder.checkExists(paths)
        } catch {
            throw ConfigurationError("no such file or folder: \(error.path)")
        }
        let found = finder.find(paths)
        let items = found.items
        for folder in found.revisitedFolders {
            TextOutput.standardError("verify-photos: " + settings.messages.revisitedFolder(folder.description) + "\n")
        }

        let textOutput: TextOutput
        if let output {
            do {
                textOutput = try TextOutput(path: output)
            } catch {
                throw ConfigurationError("cannot write \(output): \(Messages.english.describe(error))")
            }
        } else {
            textOutput = TextOutput()
        }
        let chosenFormat = format ?? defaultFormat(output: textOutput)
        let color = textOutput.isTerminal && !noColor && getenv("NO_COLOR") == nil
        let writer = makeReportWriter(chosenFormat, output: textOutput, messages: settings.messages, color: color,
                                      policy: settings.verifier.policy, boundaryName: settings.verifier.boundary.area.name)

        var start = BatchSummary()
        start.skippedFiles = found.skipped
        let showProgress = TextOutput.standardErrorIsTerminal && items.count > 1
        let summary = BatchVerifier(verifier: settings.verifier).report(items, with: writer, summary: start) { running in
            if showProgress, running.photos % 50 == 0 || running.photos == items.count {
                TextOutput.standardError("\r\u{1B}[K" + settings.messages.progress(done: running.photos, total: items.count))
            }
        }
        if showProgress { TextOutput.standardError("\r\u{1B}[K") }
        if ![.table, .explain].contains(chosenFormat), TextOutput.standardErrorIsTerminal {
            TextOutput.standardError(settings.messages.summary(summary) + "\n")
        }
        if summary.worst != .ok { throw ExitCode(1) }
    }

    /// Explain one file to a person, a table of many; JSON Lines for scripts and pipes.
    private func defaultFormat(output textOutput: TextOutput) -> ReportFormat {
        if let output {
            if output.hasSuffix(".csv") { return .csv }
            if output.hasSuffix(".json") { return .json }
            return .jsonl
        }
        guard textOutput.isTerminal else { return .jsonl }
        let singleFile = paths.count == 1 && !isDirectory(paths[0])
        return singleFile ? .explain : .table
    }

    private func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}

extension ReportFormat: ExpressibleByArgument {}

/// A problem with the options or the boundary file: exit status 2.
struct ConfigurationError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
