import ArgumentParser
import VerifyPhotosKit

/// The `verify-photos` command: parses options, then hands everything to VerifyPhotosKit.
struct VerifyPhotosCommand: ParsableCommand {
    /// What `--version` prints; raised with each release.
    static let version = "0.4.0"

    static let configuration = CommandConfiguration(
        commandName: "verify-photos",
        abstract: "Check that work-from-home photos were taken inside Kabupaten Bangka Barat on an allowed day.",
        discussion: """
            Reads the GPS position and capture time from each photo's EXIF data and judges them under \
            circular letter 800/61/BKPSDMD/2026. Folders are walked recursively. Photos are never modified.

            Exit status: 0 every photo ok; 1 at least one review, flagged or unreadable, or (with a \
            roster) an employee due who sent nothing; 2 usage or configuration error.
            """,
        version: version)

    @OptionGroup(title: "Photos")
    var input: InputOptions

    @OptionGroup(title: "Rules")
    var rules: RuleOptions

    @OptionGroup(title: "Roster and schedule")
    var staff: StaffOptions

    @OptionGroup(title: "Ledger")
    var ledger: LedgerOptions

    @OptionGroup(title: "Report")
    var report: ReportOptions

    @OptionGroup(title: "Nightly runs")
    var nightly: StateOptions

    func validate() throws {
        if input.paths.isEmpty && input.filesFrom == nil { throw ValidationError(Settings.early.optionProblem(.noPaths)) }
    }

    func run() throws {
        let settings = try Settings(self)
        let messages = settings.messages
        let found = try findPhotos(messages: messages)
        let items = found.items
        let chosenFormat = try chooseFormat(found: found, messages: messages)
        // A workbook is a file, not text: standard output gets none (the report directory may).
        let writesToStandardOutput = chosenFormat != .xlsx || report.output != nil
        if !writesToStandardOutput && report.reportDir == nil { throw ConfigurationError(messages.workbookNeedsFile) }
        if report.excel && chosenFormat != .csv { throw ConfigurationError(messages.excelNeedsCSV) }
        // An existing --output file is replaced only by a complete report (see `commit`).
        let textOutput = try report.output.map { path throws(OutputError) in try TextOutput(replacing: path) } ?? TextOutput()
        // Opened before any photo is read, so that a ledger that cannot be written stops the run at once.
        var ledgerOutputs: [TextOutput?] = []
        for path in [ledger.ledger, ledger.ledgerSummary] {
            ledgerOutputs.append(try path.map { path throws(OutputError) in try TextOutput(replacing: path) })
        }
        if items.isEmpty {
            TextOutput.standardError("verify-photos: " + messages.noPhotosFound(skipped: found.skipped) + "\n")
        }
        let color = textOutput.isTerminal && !report.noColor && getenv("NO_COLOR") == nil
        let makeWriter = { @Sendable in
            makeReportWriter(chosenFormat, output: textOutput, messages: messages, color: color, excelCSV: report.excel)
        }
        let progressLine = ProgressLine()
        let showProgress = TextOutput.standardErrorIsTerminal && items.count > 1 && !report.quiet
        var writers = [report.quiet ? AnyReportWriter(QuietReport(makeWriter)) : makeWriter()]
        // A workbook file is always written (an empty file is no workbook); --quiet leaves ok photos out.
        if chosenFormat == .xlsx && report.quiet { writers = [AnyReportWriter(WorkbookReport(output: textOutput, messages: messages, onlyNeedingAttention: true))] }
        if !writesToStandardOutput { writers = [] }
        if showProgress && textOutput.isTerminal && ProgressLine.outputSharesTerminal && !writers.isEmpty {
            writers[0] = AnyReportWriter(ProgressClearingReport(writers[0], progress: progressLine))
        }
        var reports: ReportDirectory?
        if let reportDir = report.reportDir {
            do throws(OutputError) {
                reports = try ReportDirectory(path: reportDir, startedAt: Int64(time(nil)), summaryFile: true,
                                              alsoAs: chosenFormat == .xlsx ? [.xlsx] : [])
            } catch {
                throw ConfigurationError(messages.reportDirectoryFailed(error))
            }
            writers += reports?.writers(messages: messages, onlyNew: nightly.onlyNew) ?? []
        }
        let writer = writers.count == 1 ? writers[0] : AnyReportWriter(CombinedReport(writers))

        var start = BatchSummary()
        start.skippedFiles = found.skipped
        let progress = { (running: BatchSummary) in
            if showProgress, running.photos % 50 == 0 || running.photos == items.count {
                progressLine.show(messages.progress(done: running.photos, total: items.count))
            }
        }
        StopSignal.install()
        var run = VerificationRun()
        run.shouldStop = { StopSignal.received() || textOutput.failure != nil }
        run.progress = progress
        run.policy = settings.verifier.policy
        run.keepsLedger = ledger.wanted || staff.roster != nil
        run.ledgerPeriod = ledger.period
        let commitReport = {
            try textOutput.commit()
            try commit(reports, messages: messages)
        }
        let summary: BatchSummary
        var stillUploading: [String] = []
        if let state = nightly.state {
            (summary, stillUploading) = try withState(at: state, settings: settings) { source in
                try run.report(items, from: &source, to: writer, summary: start, commit: commitReport)
            }
        } else {
            var source = FreshReadings(verifier: settings.verifier)
            summary = try run.report(items, from: &source, to: writer, summary: start, commit: commitReport)
        }
        progressLine.clear()
        if !report.quiet {
            for path in stillUploading.prefix(20) {
                TextOutput.standardError("verify-photos: " + messages.stillUploading(path) + "\n")
            }
        }
        if !summary.yearsWithoutHolidays.isEmpty {
            TextOutput.standardError("verify-photos: " + messages.holidaysNotCovered(years: summary.yearsWithoutHolidays.sorted()) + "\n")
        }
        // Even with --quiet: photos left for later must not pass unseen night after night.
        if !stillUploading.isEmpty {
            TextOutput.standardError("verify-photos: " + messages.stillUploading(count: stillUploading.count) + "\n")
        }
        if ![.table, .explain].contains(chosenFormat), TextOutput.standardErrorIsTerminal, !report.quiet, !items.isEmpty {
            TextOutput.standardError(messages.summary(summary) + "\n")
        }
        // The table and the explanation name them themselves; a cron job's --quiet run too.
        if ![.table, .explain].contains(chosenFormat) {
            for line in messages.missingSubmissions(summary) { TextOutput.standardError(line + "\n") }
        }
        if let built = summary.ledger {
            try writeLedger(built, to: ledgerOutputs, messages: messages)
        }
        if let signal = StopSignal.number {
            TextOutput.standardError("verify-photos: " + messages.stopped(photos: summary.photos) + "\n")
            throw ExitCode(128 + signal)
        }
        if summary.worst != .ok || !summary.missing.isEmpty { throw ExitCode(1) }
    }

    /// The paths on the command line (which must exist) and those of `--files-from` (which
    /// are reported `unreadable` when missing: they were submitted), walked; what the walk met
    /// on the way is said on standard error.
    private func findPhotos(messages: Messages) throws -> FoundFiles {
        let finder = PhotoFinder()
        var roots = rawPaths
        do {
            try finder.checkExists(roots)
        } catch {
            throw ConfigurationError(messages.missingPath(error.path))
        }
        if let filesFrom = input.filesFrom {
            do {
                roots += try FileList.read(from: filesFrom, separator: input.null ? .nul : .newline)
            } catch {
                throw ConfigurationError(messages.fileListUnreadable(error.path, reason: error.reason))
            }
        }
        let found = finder.find(roots)
        for folder in found.revisitedFolders {
            TextOutput.standardError("verify-photos: " + messages.revisitedFolder(folder.description) + "\n")
        }
        for link in found.linksOutside {
            TextOutput.standardError("verify-photos: " + messages.linkOutside(link.description) + "\n")
        }
        return found
    }

    /// Runs `body` on the state's readings, under the state's lock. A report that could not be
    /// written (`OutputError`) marks nothing as reported: the next `--only-new` run reports
    /// those photos. Returns the summary and the photos left for later.
    private func withState(at statePath: String, settings: Settings,
                           _ body: (inout StateReadings) throws -> BatchSummary) throws -> (BatchSummary, [String]) {
        // File ages and run times use the system clock (--now only moves the rules' "now").
        let now = Int64(time(nil))
        do {
            let lock = try StateLock(statePath: statePath, timeout: nightly.lockTimeout, shouldStop: StopSignal.received)
            defer { withExtendedLifetime(lock) {} }
            var source = StateReadings(verifier: settings.verifier, state: try VerificationState(path: statePath, startedAt: now), now: now)
            source.onlyNew = nightly.onlyNew
            source.settleSeconds = Int64(nightly.settleSeconds)
            let summary = try body(&source)
            return (summary, source.leftForLater.map(\.description))
        } catch let error as StateError {
            if error == StateLock.stoppedWhileWaiting, let signal = StopSignal.number {
                TextOutput.standardError("verify-photos: " + settings.messages.stopped(photos: 0) + "\n")
                throw ExitCode(128 + signal)
            }
            if error.isDamagedDatabase {
                // SQLite's own words ("file is not a database") follow the last colon.
                let detail = error.description.split(separator: ": ").last.map(String.init) ?? error.description
                throw ConfigurationError(settings.messages.damagedState(statePath, detail: detail))
            }
            throw ConfigurationError(settings.messages.describe(error))
        }
    }

    /// Writes `--ledger` and `--ledger-summary` (opened as `outputs`, in that order) and puts
    /// them in place; a write that fails is an error (exit 2): the ledger is written whole from
    /// the state or the photos on every run, so the next run writes it again.
    private func writeLedger(_ built: Ledger, to outputs: [TextOutput?], messages: Messages) throws {
        for (index, output) in outputs.enumerated() {
            guard let output, let format = LedgerReport.Format(path: output.name) else { continue }
            if index == 0 {
                LedgerReport.write(built, to: output, format: format, messages: messages)
            } else {
                LedgerReport.writeSummary(built, to: output, format: format, messages: messages)
            }
            do throws(OutputError) {
                try output.commit()
            } catch {
                throw ConfigurationError(messages.describe(error))
            }
        }
    }

    private func commit(_ reports: ReportDirectory?, messages: Messages) throws {
        do throws(OutputError) {
            try reports?.commit()
        } catch {
            throw ConfigurationError(messages.reportDirectoryFailed(error))
        }
    }

    /// `--format`, else the format the `--output` name ends in (an ending no writer exists for
    /// is refused, so that `laporan.xlsx` never silently holds JSON); else explain one file to
    /// a person, a table of many; JSON Lines for scripts and pipes.
    private func chooseFormat(found: FoundFiles, messages: Messages) throws -> ReportFormat {
        if let format = report.format { return format }
        if let output = report.output {
            let name = output.split(separator: "/").last ?? ""
            let ending = name.dropFirst().split(separator: ".", omittingEmptySubsequences: false).dropFirst().last?.lowercased()
            switch ending {
            case "jsonl", "ndjson": return .jsonl
            case "json": return .json
            case "csv": return .csv
            case "html", "htm": return .html
            case "xlsx": return .xlsx
            case "geojson": return .geojson
            case "kml": return .kml
            default: throw ConfigurationError(messages.unknownOutputName(output))
            }
        }
        guard isatty(STDOUT_FILENO) == 1 else { return .jsonl }
        // One file named on the command line (not a folder holding one photo, nor a list).
        let singleFile = input.filesFrom == nil && rawPaths.count == 1 && found.items == [.photo(rawPaths[0])]
        return singleFile ? .explain : .table
    }
}

extension VerifyPhotosCommand {
    /// The path arguments as the exact bytes the system passed: ArgumentParser's strings turn
    /// bytes that are not UTF-8 into U+FFFD, which would name another file or none. Each path
    /// is matched, in order, to the raw argument that decodes to it.
    var rawPaths: [PhotoPath] {
        let raw: [[UInt8]] = (1..<Int(CommandLine.argc)).compactMap { index in
            CommandLine.unsafeArgv[index].map { Array(UnsafeBufferPointer(start: UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self), count: strlen($0))) }
        }
        var remaining = raw[...]
        return input.paths.map { path in
            guard let index = remaining.firstIndex(where: { String(decoding: $0, as: UTF8.self) == path }) else { return PhotoPath(path) }
            defer { remaining = remaining[(index + 1)...] }
            return PhotoPath(bytes: remaining[index])
        }
    }
}

extension ReportFormat: ExpressibleByArgument {}

/// A problem with the options or the boundary file: exit status 2.
struct ConfigurationError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
