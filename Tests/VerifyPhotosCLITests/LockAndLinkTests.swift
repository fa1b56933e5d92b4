import Foundation
import Testing

/// What a local user or an uploader could plant around the nightly run: a link or a foreign
/// file at the state lock, a second run sharing the report folder, a signal while waiting for
/// the lock, symbolic links out of the upload folder.
@Suite struct LockAndLinkTests {
    /// Whether another open file description holds an exclusive `flock` on `path`.
    static func isLocked(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        if flock(fd, LOCK_EX | LOCK_NB) == 0 {
            flock(fd, LOCK_UN)
            return false
        }
        return errno == EWOULDBLOCK
    }

    /// Whether process `pid` has `path` open.
    static func hasOpen(_ pid: Int32, _ path: String) -> Bool {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let folder = "/proc/\(pid)/fd"
        let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return descriptors.contains { (try? FileManager.default.destinationOfSymbolicLink(atPath: folder + "/" + $0)) == target }
    }

    /// `/usr/bin/flock PATH cat`: holds the lock until its standard input is closed. `init`
    /// returns once the lock is held (another `flock` on the file fails), or throws.
    final class LockHolder {
        let process = Process()
        private let input = Pipe()

        init(_ path: String) throws {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
            process.arguments = [path, "cat"]
            process.standardInput = input
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            do {
                let what = "flock(1) held the lock on \(path)"
                try Wait.until(what, within: 30) {
                    try Wait.stillRunning(process, before: what)
                    return LockAndLinkTests.isLocked(path)
                }
            } catch {
                release()
                throw error
            }
        }

        private var released = false

        /// Ends `flock` (closing its input ends `cat`), which releases the lock.
        func release() {
            guard !released else { return }
            released = true
            try? input.fileHandleForWriting.close()
            try? Wait.exit(of: process, "flock(1)", within: 30)
        }

        deinit { release() }
    }

    /// `count` copies of an ok photo, modified an hour ago (so none is still uploading).
    static func uploads(_ count: Int) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        let hourAgo = Date(timeIntervalSinceNow: -3600)
        for index in 0..<count {
            let target = folder.path + "/\(index)-ok.jpg"
            try FileManager.default.copyItem(atPath: CLITests.fixture("ok-muntok-ii-dms.jpg"), toPath: target)
            try FileManager.default.setAttributes([.modificationDate: hourAgo], ofItemAtPath: target)
        }
        return folder
    }

    static func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    // MARK: The state lock

    @Test func aSymlinkAtTheLockIsRefusedAndItsTargetUntouched() throws {
        let work = try TemporaryFolder()
        let victim = work.path + "/victim.conf", state = work.path + "/state.db"
        try "precious\n".write(toFile: victim, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: state + ".lock", withDestinationPath: victim)
        let run = try CLITests.run([CLITests.now, "--lang", "en", "--state", state, "--format", "jsonl", CLITests.fixture("ok-muntok-ii-dms.jpg")])
        #expect(run.status == 2)
        #expect(run.stderr.contains(state + ".lock") && run.stderr.contains("symbolic link"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        let indonesian = try CLITests.run([CLITests.now, "--state", state, "--format", "jsonl", CLITests.fixture("ok-muntok-ii-dms.jpg")])
        #expect(indonesian.status == 2)
        #expect(indonesian.stderr.contains("berkas kunci \(state).lock adalah tautan simbolik"), "\(indonesian.stderr)")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
    }

    @Test(.enabled(if: getuid() == 0, "needs root to give the lock to another user"))
    func aLockOwnedByAnotherUserIsRefused() throws {
        let work = try TemporaryFolder()
        let state = work.path + "/state.db"
        #expect(FileManager.default.createFile(atPath: state + ".lock", contents: nil, attributes: [.posixPermissions: 0o600]))
        #expect(chown(state + ".lock", 65534, 65534) == 0)  // nobody
        let run = try CLITests.run([CLITests.now, "--lang", "en", "--state", state, "--format", "jsonl", CLITests.fixture("ok-muntok-ii-dms.jpg")])
        #expect(run.status == 2)
        #expect(run.stderr.contains(state + ".lock") && run.stderr.contains("another user"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func theLockIsPrivateToTheUserRunningTheTool() throws {
        let work = try TemporaryFolder()
        let state = work.path + "/state.db"
        let first = try CLITests.run([CLITests.now, "--state", state, "--format", "jsonl", CLITests.fixture("ok-muntok-ii-dms.jpg")])
        #expect(first.status == 0)
        #expect(try LockAndLinkTests.mode(state + ".lock") == 0o600)
        // A lock left readable by others (by an older version, or flock(1)) is made private.
        #expect(chmod(state + ".lock", 0o644) == 0)
        let second = try CLITests.run([CLITests.now, "--state", state, "--format", "jsonl", CLITests.fixture("ok-muntok-ii-dms.jpg")])
        #expect(second.status == 0)
        #expect(try LockAndLinkTests.mode(state + ".lock") == 0o600)
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func aSignalStopsTheWaitForTheLock(signal: Int32) throws {
        let work = try TemporaryFolder()
        let state = work.path + "/state.db"
        let holder = try LockHolder(state + ".lock")
        defer { holder.release() }
        let process = Process()
        process.executableURL = CLITests.binary
        process.arguments = [CLITests.now, "--state", state, "--lock-timeout", "120", "--format", "jsonl", CLITests.fixture("ok-muntok-ii-dms.jpg")]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { Wait.killIfRunning(process) }
        // Once it holds the lock file open, it is waiting for the lock (its handlers are in place).
        let what = "the run opened the lock file \(state).lock"
        try Wait.until(what, within: 60) {
            try Wait.stillRunning(process, before: what)
            return LockAndLinkTests.hasOpen(process.processIdentifier, state + ".lock")
        }
        kill(process.processIdentifier, signal)
        // A run that ignored the signal would wait 120 s for the lock (--lock-timeout).
        try Wait.exit(of: process, "the run, after the signal,", within: 60)
        #expect(process.terminationReason == .exit && process.terminationStatus == 128 + signal)
    }

    // MARK: The report folder

    @Test func aSecondRunSharingTheReportFolderLeavesTheFirstRunsFilesAlone() throws {
        let photos = try LockAndLinkTests.uploads(400)
        let work = try TemporaryFolder()
        let state = work.path + "/state.db", reports = work.path + "/reports"
        let arguments = [CLITests.now, "--state", state, "--only-new", "--report-dir", reports, "--format", "jsonl", photos.path]

        // The first run writes its report until standard output, which nobody reads yet, is full:
        // it is then part-way through its report, holding the lock.
        let first = try HeldRun(arguments)
        try first.waitForReport(in: reports, past: 0)

        // A second nightly run gives up on the lock; a plain run writes its own report.
        let second = try CLITests.run(Array(arguments.dropLast()) + ["--lang", "en", "--lock-timeout", "0", photos.path])
        #expect(second.status == 2 && second.stderr.contains("another verify-photos run"), "\(second.stderr)")
        let third = try CLITests.run([CLITests.now, "--report-dir", reports, "--format", "jsonl", CLITests.fixture("ok-muntok-ii-dms.jpg")])
        #expect(third.status == 0, "\(third.stderr)")
        #expect(first.process.isRunning, "the first run ended before the others ran")

        // Read the first run's output now; it must finish and put its report in place.
        let printed = try first.finish(within: 180)
        #expect(first.process.terminationReason == .exit && first.process.terminationStatus == 0)
        #expect(printed == 400)
        let reported = try NightlyRunTests.reportedPaths(reports)
        #expect(reported.count == 401)
        #expect(Set(reported).count == 401)
        #expect(HeldRun.temporaries(reports).isEmpty)
    }

    // MARK: Links in the upload folder

    @Test func aLinkOutOfTheFoldersIsReportedOnceAndNotChecked() throws {
        let folder = try TemporaryFolder(), elsewhere = try TemporaryFolder()
        try FileManager.default.copyItem(atPath: CLITests.fixture("ok-muntok-ii-dms.jpg"), toPath: folder.path + "/a.jpg")
        try FileManager.default.copyItem(atPath: CLITests.fixture("no-gps.jpg"), toPath: elsewhere.path + "/secret.jpg")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/borrowed.jpg", withDestinationPath: elsewhere.path + "/secret.jpg")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/elsewhere", withDestinationPath: elsewhere.path)
        let run = try CLITests.run([CLITests.now, "--lang", "en", "--format", "jsonl", folder.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try CLITests.objects(run).map { $0["path"] as? String } == [folder.path + "/a.jpg"])
        for link in ["borrowed.jpg", "elsewhere"] {
            #expect(run.stderr.components(separatedBy: folder.path + "/" + link).count == 2, "\(run.stderr)")
        }
        #expect(run.stderr.components(separatedBy: "points outside").count == 3, "\(run.stderr)")
        // Named directly, a link is checked like any file.
        let direct = try CLITests.run([CLITests.now, "--format", "jsonl", folder.path + "/borrowed.jpg"])
        #expect(direct.status == 1 && direct.lines.count == 1)
    }
}
