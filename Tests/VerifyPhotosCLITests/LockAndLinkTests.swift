import Foundation
import Testing

/// What a local user or an uploader could plant around the nightly run: a link or a foreign
/// file at the state lock, a second run sharing the report folder, a signal while waiting for
/// the lock, symbolic links out of the upload folder.
@Suite struct LockAndLinkTests {
    /// Polls `condition` every 20 ms until it holds or `seconds` have passed.
    static func wait(upTo seconds: Double, for condition: () -> Bool) -> Bool {
        let deadline = Date(timeIntervalSinceNow: seconds)
        while !condition() {
            if Date() > deadline { return false }
            usleep(20_000)
        }
        return true
    }

    /// Waits up to `seconds` for `process` to end; kills it if it does not. Whether it ended.
    static func finish(_ process: Process, within seconds: Double) -> Bool {
        let ended = wait(upTo: seconds) { !process.isRunning }
        if !ended {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        return ended
    }

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

    /// `/usr/bin/flock PATH cat`: holds the lock until its standard input is closed.
    final class LockHolder {
        let process = Process()
        private let input = Pipe()

        init(_ path: String) throws {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
            process.arguments = [path, "cat"]
            process.standardInput = input
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            guard LockAndLinkTests.wait(upTo: 10, for: { LockAndLinkTests.isLocked(path) }) else {
                release()
                throw CocoaError(.fileLocking)
            }
        }

        private var released = false

        func release() {
            guard !released else { return }
            released = true
            try? input.fileHandleForWriting.close()
            _ = LockAndLinkTests.finish(process, within: 10)
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

    /// Everything a process printed, read on another thread.
    final class Printed: @unchecked Sendable {
        let done = DispatchSemaphore(value: 0)
        private(set) var lines = 0

        func read(_ handle: FileHandle) {
            lines = handle.readDataToEndOfFile().split(separator: UInt8(ascii: "\n")).count
            done.signal()
        }
    }

    static func temporaries(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.contains(".tmp-") }
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
        let run = try CLITests.run([CLITests.now, "--state", state, "--format", "jsonl", CLITests.fixture("ok-muntok-ii-dms.jpg")])
        #expect(run.status == 2)
        #expect(run.stderr.contains(state + ".lock") && run.stderr.contains("symbolic link"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
    }

    @Test(.enabled(if: getuid() == 0, "needs root to give the lock to another user"))
    func aLockOwnedByAnotherUserIsRefused() throws {
        let work = try TemporaryFolder()
        let state = work.path + "/state.db"
        #expect(FileManager.default.createFile(atPath: state + ".lock", contents: nil, attributes: [.posixPermissions: 0o600]))
        #expect(chown(state + ".lock", 65534, 65534) == 0)  // nobody
        let run = try CLITests.run([CLITests.now, "--state", state, "--format", "jsonl", CLITests.fixture("ok-muntok-ii-dms.jpg")])
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
        // Once it holds the lock file open, it is waiting for the lock (its handlers are in place).
        let waiting = LockAndLinkTests.wait(upTo: 10) { LockAndLinkTests.hasOpen(process.processIdentifier, state + ".lock") }
        kill(process.processIdentifier, signal)
        let stopped = LockAndLinkTests.finish(process, within: 10)
        #expect(waiting, "the run never opened the lock file")
        #expect(stopped, "still waiting for the lock 10 s after the signal")
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
        let first = Process()
        first.executableURL = CLITests.binary
        first.arguments = arguments
        let output = Pipe()
        first.standardOutput = output
        first.standardError = FileHandle.nullDevice
        try first.run()
        let writing = LockAndLinkTests.wait(upTo: 60) {
            LockAndLinkTests.temporaries(reports).contains { name in
                name.contains(".jsonl.") && ((try? FileManager.default.attributesOfItem(atPath: reports + "/" + name)[.size] as? Int) ?? 0) > 0
            }
        }
        #expect(writing, "the first run never started its report")

        // A second nightly run gives up on the lock; a plain run writes its own report.
        let second = try CLITests.run(Array(arguments.dropLast()) + ["--lock-timeout", "0", photos.path])
        #expect(second.status == 2 && second.stderr.contains("another verify-photos run"), "\(second.stderr)")
        let third = try CLITests.run([CLITests.now, "--report-dir", reports, "--format", "jsonl", CLITests.fixture("ok-muntok-ii-dms.jpg")])
        #expect(third.status == 0, "\(third.stderr)")
        #expect(first.isRunning, "the first run ended before the others ran")

        // Read the first run's output now; it must finish and put its report in place.
        let printed = Printed()
        Thread.detachNewThread { printed.read(output.fileHandleForReading) }
        #expect(LockAndLinkTests.finish(first, within: 120))
        #expect(printed.done.wait(timeout: .now() + 10) == .success)
        #expect(first.terminationStatus == 0)
        #expect(printed.lines == 400)
        let reported = try NightlyRunTests.reportedPaths(reports)
        #expect(reported.count == 401)
        #expect(Set(reported).count == 401)
        #expect(LockAndLinkTests.temporaries(reports).isEmpty)
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
