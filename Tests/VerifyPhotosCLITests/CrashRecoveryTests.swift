import Foundation
import Testing

/// One photo that crashes the process (a trap in a reader) must not end every later run: the
/// next run reports it `unreadable` without reading it, and nothing else is lost or repeated.
/// The crash is made by the test hook `VERIFY_PHOTOS_TEST_CRASH_ON=<file name>`.
@Suite struct CrashRecoveryTests {
    struct Outcome {
        var run: CLITests.Run
        /// Whether a signal ended the process.
        var crashed: Bool
    }

    static func run(_ arguments: [String], crashOn name: String) throws -> Outcome {
        let process = Process()
        process.executableURL = CLITests.binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["VERIFY_PHOTOS_TEST_CRASH_ON"] = name
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes at once: a long crash report on standard error must not block the run.
        nonisolated(unsafe) var stderr = Data()
        let done = DispatchSemaphore(value: 0)
        let reader = Thread {
            stderr = err.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
        reader.start()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        done.wait()
        process.waitUntilExit()
        let run = CLITests.Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                               stderr: String(decoding: stderr, as: UTF8.self))
        return Outcome(run: run, crashed: process.terminationReason == .uncaughtSignal)
    }

    static func paths(_ run: CLITests.Run) throws -> [String: [String: Any]] {
        var byPath: [String: [String: Any]] = [:]
        for object in try CLITests.objects(run) { byPath[object["path"] as? String ?? ""] = object }
        return byPath
    }

    @Test func aPhotoThatCrashedARunIsReportedUnreadableByTheNextAndNothingIsLost() throws {
        let photos = try NightlyRunTests.uploads(200)
        let crasher = photos.path + "/0/1000-crash-me.jpg"
        try FileManager.default.copyItem(atPath: CLITests.fixture("ok-muntok-ii-dms.jpg"), toPath: crasher)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: crasher)
        let work = try TemporaryFolder()
        let state = work.path + "/state.db", reports = work.path + "/reports"
        let arguments = [CLITests.now, "--lang", "en", "--state", state, "--only-new", "--report-dir", reports, "--format", "jsonl", photos.path]

        let first = try CrashRecoveryTests.run(arguments, crashOn: "1000-crash-me.jpg")
        #expect(first.crashed, "the test hook did not crash the run: \(first.run.stderr)")
        #expect(first.run.stderr.contains("1000-crash-me.jpg"), "\(first.run.stderr)")
        #expect(try NightlyRunTests.reportedPaths(reports).isEmpty)

        // The hook is still set: reading the photo again would crash this run too.
        let second = try CrashRecoveryTests.run(arguments, crashOn: "1000-crash-me.jpg")
        #expect(!second.crashed, "\(second.run.stderr)")
        #expect(second.run.status == 1)
        let reported = try CrashRecoveryTests.paths(second.run)
        #expect(reported.count == 201)
        #expect(reported[crasher]?["status"] as? String == "unreadable")
        #expect((reported[crasher]?["error"] as? String)?.contains("crashed") == true, "\(reported[crasher] ?? [:])")
        #expect(reported.values.filter { $0["status"] as? String == "unreadable" }.count == 1)

        let third = try CrashRecoveryTests.run(arguments, crashOn: "1000-crash-me.jpg")
        #expect(!third.crashed && third.run.stdout.isEmpty)
        let inReports = try NightlyRunTests.reportedPaths(reports)
        let all = try NightlyRunTests.allPhotos(photos)
        #expect(inReports.count == 201 && Set(inReports) == all)
        // A copy of the same content under another name is known too.
        try FileManager.default.copyItem(atPath: crasher, toPath: photos.path + "/copy-of-crasher.jpg")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: photos.path + "/copy-of-crasher.jpg")
        let copy = try CrashRecoveryTests.run(arguments, crashOn: "copy-of-crasher.jpg")
        #expect(!copy.crashed)
        #expect(try CrashRecoveryTests.paths(copy.run)[photos.path + "/copy-of-crasher.jpg"]?["status"] as? String == "unreadable")
    }

    @Test func withoutAStateTheCrashNamesThePhoto() throws {
        let folder = try TemporaryFolder()
        for name in ["a.jpg", "b-crash.jpg", "c.jpg"] {
            try FileManager.default.copyItem(atPath: CLITests.fixture("ok-muntok-ii-dms.jpg"), toPath: folder.path + "/" + name)
        }
        let run = try CrashRecoveryTests.run([CLITests.now, "--lang", "en", "--format", "jsonl", folder.path], crashOn: "b-crash.jpg")
        #expect(run.run.stderr.contains(folder.path + "/b-crash.jpg"), "\(run.run.stderr)")
    }
}
