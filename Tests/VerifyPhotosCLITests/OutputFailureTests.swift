import Foundation
import Testing

/// A report that cannot be written (full disk, closed pipe) fails the run and marks nothing as
/// reported; `--output` replaces an existing file only with a complete report.
@Suite struct OutputFailureTests {
    static let photos = ["ok-muntok-ii-dms.jpg", "no-gps.jpg", "outside-at-sea.jpg"].map(CLITests.fixture)

    /// Runs the binary with standard output on a pipe whose read end is already closed, as
    /// after `verify-photos ... | head -1` once `head` has exited.
    static func runIntoClosedPipe(_ arguments: [String]) throws -> CLITests.Run {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        close(ends[0])
        let writeEnd = FileHandle(fileDescriptor: ends[1], closeOnDealloc: true)
        let process = Process()
        process.executableURL = CLITests.binary
        process.arguments = arguments
        process.standardOutput = writeEnd
        let err = Pipe()
        process.standardError = err
        try process.run()
        try writeEnd.close()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return CLITests.Run(status: status, stdout: "", stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A folder of copies of `photos`, modified an hour ago (settled for `--state`).
    static func settledCopies() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        for path in OutputFailureTests.photos {
            let target = folder.path + "/" + URL(fileURLWithPath: path).lastPathComponent
            try FileManager.default.copyItem(atPath: path, toPath: target)
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: target)
        }
        return folder
    }

    @Test func aFullDiskExitsTwoNamingTheOutputAndTheError() throws {
        let run = try CLITests.run([CLITests.now, "--lang", "en", "--format", "jsonl", "--output", "/dev/full"] + OutputFailureTests.photos)
        #expect(run.status == 2)
        #expect(run.stderr.contains("/dev/full") && run.stderr.contains("No space left on device"), "\(run.stderr)")
        let indonesian = try CLITests.run([CLITests.now, "--format", "jsonl", "--output", "/dev/full"] + OutputFailureTests.photos)
        #expect(indonesian.status == 2)
        #expect(indonesian.stderr.contains("laporan tidak dapat ditulis ke /dev/full: disk penuh"), "\(indonesian.stderr)")
    }

    @Test func aClosedPipeExitsTwoNamingStandardOutput() throws {
        let run = try OutputFailureTests.runIntoClosedPipe([CLITests.now, "--lang", "en", "--format", "jsonl"] + OutputFailureTests.photos)
        #expect(run.status == 2)
        #expect(run.stderr.contains("standard output") && run.stderr.contains("Broken pipe"), "\(run.stderr)")
        // Under the default language the whole line is Indonesian, the system's words too.
        let indonesian = try OutputFailureTests.runIntoClosedPipe([CLITests.now, "--format", "jsonl"] + OutputFailureTests.photos)
        #expect(indonesian.status == 2)
        #expect(indonesian.stderr.contains("keluaran standar") && indonesian.stderr.contains("saluran keluaran tertutup")
                && !indonesian.stderr.contains("Broken pipe") && !indonesian.stderr.contains("cannot write"), "\(indonesian.stderr)")
    }

    @Test(arguments: ["full disk", "closed pipe"])
    func aFailedReportMarksNothingAsReported(failure: String) throws {
        let photos = try OutputFailureTests.settledCopies()
        let work = try TemporaryFolder()
        let state = work.path + "/state.db", reports = work.path + "/reports"
        let nightly = [CLITests.now, "--state", state, "--only-new", "--report-dir", reports, "--format", "jsonl"]
        let failed = failure == "full disk"
            ? try CLITests.run(nightly + ["--output", "/dev/full", photos.path])
            : try OutputFailureTests.runIntoClosedPipe(nightly + [photos.path])
        #expect(failed.status == 2, "\(failed.stderr)")
        #expect(try NightlyRunTests.reportedPaths(reports).isEmpty)  // no report-dir file for a failed report

        let next = try CLITests.run(nightly + [photos.path])
        #expect(next.status == 1)
        #expect(Set(next.lines.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["path"] as? String
        }) == (try NightlyRunTests.allPhotos(photos)))
        #expect(try NightlyRunTests.reportedPaths(reports).count == 3)
    }

    @Test func anExistingOutputIsUntouchedWhenTheRunFailsBeforeItsReport() throws {
        let work = try TemporaryFolder()
        let output = work.path + "/report.jsonl"
        try "the previous report\n".write(toFile: output, atomically: false, encoding: .utf8)
        // --report-dir under a regular file cannot be created: a configuration error.
        let badReportDir = try CLITests.run([CLITests.now, "--output", output, "--report-dir", output + "/reports"] + OutputFailureTests.photos)
        #expect(badReportDir.status == 2)
        // A state locked by another run: the lock is found after the output is chosen.
        let state = work.path + "/state.db"
        let lock = open(state + ".lock", O_RDWR | O_CREAT, 0o600)
        defer { close(lock) }
        #expect(flock(lock, LOCK_EX) == 0)
        let locked = try CLITests.run([CLITests.now, "--output", output, "--state", state, "--lock-timeout", "0"] + OutputFailureTests.photos)
        #expect(locked.status == 2)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "the previous report\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).filter { $0.contains(".tmp-") }.isEmpty)
    }

    @Test func aCompleteReportReplacesTheOutputAndLeavesNoTemporaryFile() throws {
        let work = try TemporaryFolder()
        let output = work.path + "/report.jsonl"
        try String(repeating: "the previous report, longer than the new one\n", count: 100)
            .write(toFile: output, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: output)
        let run = try CLITests.run([CLITests.now, "--output", output] + OutputFailureTests.photos)
        #expect(run.status == 1)
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3 && lines.allSatisfy { $0.hasPrefix("{\"path\":") })
        #expect(try FileManager.default.attributesOfItem(atPath: output)[.posixPermissions] as? Int == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path) == ["report.jsonl"])
    }
}
