import Foundation
import Testing

/// The nightly cron job: `--state`, `--only-new`, `--report-dir`, locking, and being killed.
@Suite struct NightlyRunTests {
    /// A folder of `count` photos (copies of the fixtures), modified an hour ago.
    static func uploads(_ count: Int) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        let names = try FileManager.default.contentsOfDirectory(atPath: CLITests.fixtures).filter { $0.hasPrefix("ok-") || $0.hasPrefix("outside") }.sorted()
        let hourAgo = Date(timeIntervalSinceNow: -3600)
        for index in 0..<count {
            let name = names[index % names.count]
            let target = folder.path + "/\(index / 500)/\(index)-\(name)"
            try FileManager.default.createDirectory(atPath: folder.path + "/\(index / 500)", withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: CLITests.fixture(name), toPath: target)
            try FileManager.default.setAttributes([.modificationDate: hourAgo], ofItemAtPath: target)
        }
        return folder
    }

    /// Every path in the finished reports of `folder`, with repeats.
    static func reportedPaths(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".jsonl") && !$0.hasPrefix(".") }.flatMap { name in
            try String(contentsOfFile: folder + "/" + name, encoding: .utf8).split(separator: "\n").map { line in
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                return object?["path"] as? String ?? ""
            }
        }
    }

    static func allPhotos(_ folder: TemporaryFolder) throws -> Set<String> {
        let files = FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []
        let photoEndings = [".jpg", ".heic", ".png", ".webp", ".tif", ".avif"]
        return Set(files.filter { file in photoEndings.contains { file.hasSuffix($0) } }.map { folder.path + "/" + $0 })
    }

    /// Starts a run and returns once its report (in `reports`) holds more than `bytes` bytes,
    /// or once the run has ended.
    static func startRun(_ arguments: [String], reportsIn reports: String, past bytes: Int) throws -> Process {
        let process = Process()
        process.executableURL = CLITests.binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<600 where process.isRunning {
            let temporary = (try? FileManager.default.contentsOfDirectory(atPath: reports))?.first { $0.contains(".tmp-") }
            let size = temporary.flatMap { try? FileManager.default.attributesOfItem(atPath: reports + "/" + $0)[.size] as? Int } ?? 0
            if size > bytes { break }
            usleep(10_000)
        }
        return process
    }

    @Test func aRunKilledPartWayLosesNothingAndCountsNothingTwice() throws {
        let photos = try NightlyRunTests.uploads(3000)
        let work = try TemporaryFolder()
        let state = work.path + "/state.db", reports = work.path + "/reports"
        let arguments = [CLITests.now, "--state", state, "--only-new", "--report-dir", reports, "--format", "jsonl", photos.path]

        // Kill it once its report has grown a little: photos are being recorded.
        let process = try NightlyRunTests.startRun(arguments, reportsIn: reports, past: 16_384)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the run finished before it could be killed")
        #expect(try NightlyRunTests.reportedPaths(reports).isEmpty)  // nothing half-written became a report

        let second = try CLITests.run(arguments)
        #expect(second.status == 1)
        let third = try CLITests.run(arguments)  // nothing new any more
        #expect(third.stdout.isEmpty)
        let reported = try NightlyRunTests.reportedPaths(reports)
        #expect(reported.count == 3000)
        #expect(Set(reported) == (try NightlyRunTests.allPhotos(photos)))
        #expect((try FileManager.default.contentsOfDirectory(atPath: reports)).filter { $0.contains(".tmp-") }.isEmpty)
        // The whole state, not only what this run read: every photo once.
        let all = try CLITests.run([CLITests.now, "--state", state, "--format", "jsonl", photos.path])
        #expect(all.lines.count == 3000)
    }

    @Test func sigtermStopsCleanlyWithAConsistentReport() throws {
        let photos = try NightlyRunTests.uploads(6000)
        let work = try TemporaryFolder()
        let state = work.path + "/state.db", reports = work.path + "/reports"
        let arguments = [CLITests.now, "--state", state, "--only-new", "--report-dir", reports, "--format", "jsonl", photos.path]
        let process = try NightlyRunTests.startRun(arguments, reportsIn: reports, past: 0)
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + SIGTERM, "the run finished before SIGTERM arrived")
        let first = try NightlyRunTests.reportedPaths(reports)
        #expect(!first.isEmpty && first.count < 6000)
        _ = try CLITests.run(arguments)
        let reported = try NightlyRunTests.reportedPaths(reports)
        #expect(reported.count == 6000 && Set(reported).count == 6000)
    }

    @Test func touchedPhotosAreNotReportedAgainButARewriteBehindAnOldTimeIs() throws {
        let photos = try NightlyRunTests.uploads(30)
        let work = try TemporaryFolder()
        let arguments = [CLITests.now, "--state", work.path + "/state.db", "--only-new", "--format", "jsonl", photos.path]
        #expect(try CLITests.run(arguments).lines.count == 30)
        let all = try NightlyRunTests.allPhotos(photos).sorted()
        for path in all {  // `touch`: a backup restored, a folder copied with new times
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -1800)], ofItemAtPath: path)
        }
        #expect(try CLITests.run(arguments).stdout.isEmpty)

        // Same size, other content, written in place, the modification time put back (`touch -r`).
        let victim = try #require(all.first { $0.hasSuffix("ok-muntok-ii-dms.jpg") })
        var info = stat()
        #expect(stat(victim, &info) == 0)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: victim))
        bytes.replaceSubrange(0..<4, with: [0, 0, 0, 0])
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: victim))
        try handle.write(contentsOf: bytes)
        try handle.close()
        var times = [info.st_atim, info.st_mtim]
        #expect(utimensat(AT_FDCWD, victim, &times, 0) == 0)
        let rewritten = try CLITests.objects(try CLITests.run(arguments))
        #expect(rewritten.map { $0["path"] as? String } == [victim])
        #expect(rewritten.first?["status"] as? String == "unreadable")
    }

    @Test func aSecondRunWaitsForTheLockThenGivesUp() throws {
        let work = try TemporaryFolder()
        let state = work.path + "/state.db"
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [state + ".lock", "sleep", "5"]
        try holder.run()
        defer { holder.terminate() }
        usleep(300_000)
        let run = try CLITests.run(["--state", state, "--lock-timeout", "0.5", CLITests.fixture("ok-muntok-ii-dms.jpg")])
        #expect(run.status == 2)
        #expect(run.stderr.contains("another verify-photos run"))
        #expect(run.stderr.contains("--lock-timeout"))
    }

    @Test func quietPrintsNothingWhenAllIsWell() throws {
        let ok = try CLITests.run([CLITests.now, "--quiet", "--format", "table", CLITests.fixture("ok-muntok-ii-dms.jpg")])
        #expect(ok.status == 0 && ok.stdout.isEmpty && ok.stderr.isEmpty)
        let bad = try CLITests.run([CLITests.now, "--quiet", "--lang", "en", "--format", "table",
                                    CLITests.fixture("ok-muntok-ii-dms.jpg"), CLITests.fixture("no-gps.jpg")])
        #expect(bad.status == 1)
        #expect(bad.lines.count == 3)  // header, the flagged photo, summary
        #expect(bad.stdout.contains("no-gps.jpg") && !bad.stdout.contains("ok-muntok"))
    }

    @Test func optionsThatNeedAStateSaySo() throws {
        let run = try CLITests.run(["--only-new", CLITests.fixtures])
        #expect(run.status == 2 && run.stderr.contains("--only-new needs --state"))
    }
}
