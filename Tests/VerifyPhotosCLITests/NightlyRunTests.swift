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

    /// Every file in `folder` (made by `uploads` or copies of photos: each is a photo), whatever
    /// its format, so that a new kind of fixture is counted too.
    static func allPhotos(_ folder: TemporaryFolder) throws -> Set<String> {
        let files = FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []
        return Set(files.map { folder.path + "/" + $0 }.filter { path in
            (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeRegular
        })
    }

    @Test func aRunKilledPartWayLosesNothingAndCountsNothingTwice() throws {
        let photos = try NightlyRunTests.uploads(3000)
        let work = try TemporaryFolder()
        let state = work.path + "/state.db", reports = work.path + "/reports"
        let arguments = [CLITests.now, "--state", state, "--only-new", "--report-dir", reports, "--format", "jsonl", photos.path]

        // Kill it once its report has grown a little: photos are being recorded, and the run,
        // its standard output full, cannot finish before the kill.
        let run = try HeldRun(arguments)
        try run.waitForReport(in: reports, past: 16_384)
        kill(run.process.processIdentifier, SIGKILL)
        try run.finish(within: 60)
        #expect(run.process.terminationReason == .uncaughtSignal && run.process.terminationStatus == SIGKILL)
        #expect(try NightlyRunTests.reportedPaths(reports).isEmpty)  // nothing half-written became a report

        let second = try CLITests.run(arguments)
        #expect(second.status == 1)
        let third = try CLITests.run(arguments)  // nothing new any more
        #expect(third.stdout.isEmpty)
        let reported = try NightlyRunTests.reportedPaths(reports)
        #expect(reported.count == 3000)
        #expect(Set(reported) == (try NightlyRunTests.allPhotos(photos)))
        #expect(HeldRun.temporaries(reports).isEmpty)
        // The whole state, not only what this run read: every photo once.
        let all = try CLITests.run([CLITests.now, "--state", state, "--format", "jsonl", photos.path])
        #expect(all.lines.count == 3000)
    }

    @Test func sigtermStopsCleanlyWithAConsistentReport() throws {
        let photos = try NightlyRunTests.uploads(6000)
        let work = try TemporaryFolder()
        let state = work.path + "/state.db", reports = work.path + "/reports"
        let arguments = [CLITests.now, "--state", state, "--only-new", "--report-dir", reports, "--format", "jsonl", photos.path]
        // SIGTERM while the run is held part-way through its report; then let it go on: it
        // stops after the photos in hand.
        let run = try HeldRun(arguments)
        try run.waitForReport(in: reports, past: 0)
        kill(run.process.processIdentifier, SIGTERM)
        let printed = try run.finish(within: 180)
        #expect(run.process.terminationReason == .exit && run.process.terminationStatus == 128 + SIGTERM)
        let first = try NightlyRunTests.reportedPaths(reports)
        #expect(!first.isEmpty && first.count < 6000)
        #expect(printed == first.count)  // standard output and the report agree
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
        let holder = try LockAndLinkTests.LockHolder(state + ".lock")  // returns once flock(1) holds it
        defer { holder.release() }
        let run = try CLITests.run(["--lang", "en", "--state", state, "--lock-timeout", "0.5", CLITests.fixture("ok-muntok-ii-dms.jpg")])
        #expect(run.status == 2)
        #expect(run.stderr.contains("another verify-photos run"))
        #expect(run.stderr.contains("--lock-timeout"))
        let indonesian = try CLITests.run(["--state", state, "--lock-timeout", "0.5", CLITests.fixture("ok-muntok-ii-dms.jpg")])
        #expect(indonesian.status == 2)
        #expect(indonesian.stderr.contains("pemeriksaan verify-photos lain") && indonesian.stderr.contains("--lock-timeout")
                && indonesian.stderr.contains("basis data pemeriksaan"), "\(indonesian.stderr)")
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
        let run = try CLITests.run(["--lang", "en", "--only-new", CLITests.fixtures])
        #expect(run.status == 2 && run.stderr.contains("--only-new needs --state"))
        let indonesian = try CLITests.run(["--only-new", CLITests.fixtures])
        #expect(indonesian.status == 2 && indonesian.stderr.contains("--only-new hanya dapat dipakai bersama --state"), "\(indonesian.stderr)")
    }
}
