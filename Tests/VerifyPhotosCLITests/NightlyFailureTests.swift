import Foundation
import Testing

/// What the nightly job leaves for the admin: a summary beside each report, and failure
/// messages that say when, which state, and what to do.
@Suite struct NightlyFailureTests {
    /// Whether `text` holds a timestamp in WIB, ISO 8601: `2026-04-04T01:30:02+07:00`.
    static func hasTimestamp(_ text: String) -> Bool {
        text.contains(#/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00/#)
    }

    @Test func anEmptyNightStillLeavesAReportAndSaysSo() throws {
        let work = try TemporaryFolder()
        let uploads = work.path + "/uploads", reports = work.path + "/reports"
        try FileManager.default.createDirectory(atPath: uploads, withIntermediateDirectories: false)
        let photo = uploads + "/a.jpg"
        try FileManager.default.copyItem(atPath: CLITests.fixture("ok-muntok-ii-dms.jpg"), toPath: photo)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: photo)
        let nightly = [CLITests.now, "--state", work.path + "/state.db", "--only-new", "--report-dir", reports, "--quiet", "--format", "csv", uploads]
        #expect(try CLITests.run(["--lang", "en"] + nightly).status == 0)
        #expect(try CLITests.run(nightly).status == 0)  // nothing new

        let names = try FileManager.default.contentsOfDirectory(atPath: reports).sorted()
        #expect(names.count == 8, "\(names)")
        let summaries = try names.filter { $0.hasSuffix(".txt") }.map { try String(contentsOfFile: reports + "/" + $0, encoding: .utf8) }
        #expect(summaries.sorted() == [
            "0 foto baru\n",
            "1 new photo: 1 ok, 0 review, 0 flagged, 0 unreadable\n",
        ].sorted())
        // The empty night's reports are still there: they prove the run happened.
        let stamps = Set(names.map { String($0.prefix { $0 != "." }) })
        #expect(stamps.count == 2)
        for stamp in stamps {
            #expect(names.contains(stamp + ".jsonl") && names.contains(stamp + ".csv") && names.contains(stamp + ".html") && names.contains(stamp + ".txt"))
        }
    }

    @Test func aDamagedStateSaysWhenWhereAndWhatToDoThenANewStateReportsEverythingOnce() throws {
        let photos = try TemporaryFolder()
        let names = ["ok-muntok-ii-dms.jpg", "no-gps.jpg", "outside-pangkal-pinang.jpg"]
        for name in names {
            try FileManager.default.copyItem(atPath: CLITests.fixture(name), toPath: photos.path + "/" + name)
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: photos.path + "/" + name)
        }
        let work = try TemporaryFolder()
        let state = work.path + "/state.db"
        try Data(String(repeating: "not a database, only garbage\n", count: 200).utf8).write(to: URL(fileURLWithPath: state))
        let nightly = [CLITests.now, "--lang", "en", "--state", state, "--only-new", "--format", "jsonl", photos.path]
        let failed = try CLITests.run(nightly)
        #expect(failed.status == 2)
        #expect(failed.stdout.isEmpty)
        #expect(failed.stderr.contains(state), "\(failed.stderr)")
        #expect(failed.stderr.contains("Move it aside"), "\(failed.stderr)")
        #expect(failed.stderr.contains("every photo once again"), "\(failed.stderr)")
        #expect(NightlyFailureTests.hasTimestamp(failed.stderr), "\(failed.stderr)")
        #expect(failed.stderr.split(separator: "\n").count == 1, "\(failed.stderr)")
        let indonesian = try CLITests.run(nightly.filter { $0 != "--lang" && $0 != "en" })
        #expect(indonesian.status == 2 && indonesian.stderr.contains("Pindahkan"), "\(indonesian.stderr)")

        // The recovery the message describes: the damaged file moved aside, a new state.
        try FileManager.default.moveItem(atPath: state, toPath: state + ".damaged")
        let recovered = try CLITests.run(nightly)
        #expect(recovered.status == 1)
        #expect(try FilesFromOptionTests.paths(recovered) == names.sorted().map { photos.path + "/" + $0 })
        #expect(try CLITests.run(nightly).stdout.isEmpty)  // and only once
    }

    @Test func everyFailureOfARunWithAStateNamesTheStateAndTheTime() throws {
        let work = try TemporaryFolder()
        let state = work.path + "/state.db"
        let run = try CLITests.run([CLITests.now, "--lang", "en", "--state", state, "--settle-seconds", "0", "--format", "jsonl", "--output", "/dev/full",
                                    CLITests.fixture("ok-muntok-ii-dms.jpg")])
        #expect(run.status == 2)
        #expect(run.stderr.contains("/dev/full") && run.stderr.contains(state), "\(run.stderr)")
        #expect(NightlyFailureTests.hasTimestamp(run.stderr), "\(run.stderr)")
    }
}
