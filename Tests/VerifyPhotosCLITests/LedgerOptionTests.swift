import Foundation
import Testing

/// `--ledger`, `--ledger-summary`, `--period` over the invented upload tree of `Fixtures/uploads/`,
/// and the employees due who sent nothing named in every report.
@Suite struct LedgerOptionTests {
    static let eka = "199203032019032005", budi = "199001012015031001"
    static let uploads = CLITests.fixtures + "/uploads"

    private func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test func theLedgerAndItsSummaryAreWrittenAsCSVOrJSONLines() throws {
        let folder = try TemporaryFolder()
        let ledger = folder.path + "/ledger.csv", summary = folder.path + "/ringkasan.jsonl"
        let run = try CLITests.run([CLITests.now, "--format", "jsonl", "--ledger", ledger, "--ledger-summary", summary]
                                   + RosterOptionTests.staff + [Self.uploads])
        #expect(run.status == 1)
        let rows = try lines(ledger)
        #expect(rows.first == "nip,name,unit,date,due,outcome,reasons,photos")
        #expect(rows.count == 9)
        #expect(rows.contains("\(Self.eka),Eka Contoh,Dinas Contoh,2026-04-10,true,missing,,"))
        #expect(rows.contains { $0.hasPrefix("198503152010011002,Ani Contoh,Dinas Contoh,2026-04-17,true,review,far-from-home;impossible-travel,") })
        let objects = try lines(summary).map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let eka = try #require(objects.first { $0["kind"] as? String == "employee" && $0["nip"] as? String == Self.eka })
        #expect(eka["days_due"] as? Int == 1 && eka["missing"] as? Int == 1)
        #expect(objects.contains { $0["kind"] as? String == "unit-day" && $0["unit"] as? String == "Dinas Contoh" && $0["scheduled"] as? Int == 2 })
        // Not a table: the missing employee is named on standard error.
        #expect(run.stderr.contains("tidak mengirim foto (1)") && run.stderr.contains(Self.eka), "\(run.stderr)")
    }

    @Test func theTableAndQuietRunsNameTheEmployeesWhoSentNothing() throws {
        let table = try CLITests.run([CLITests.now, "--format", "table", "--lang", "en"] + RosterOptionTests.staff + [Self.uploads])
        #expect(table.stdout.contains("Due to work from home but sent no photo (1):") && table.stdout.contains("2026-04-10 Friday  \(Self.eka)  Eka Contoh"),
                "\(table.stdout)")
        // Only Budi's photo, which is ok: Eka (same group, same day) sent nothing; --quiet still says so, exit 1.
        let quiet = try CLITests.run([CLITests.now, "--quiet", "--format", "table"] + RosterOptionTests.staff
                                     + [Self.uploads + "/2026-04-10/\(Self.budi)"])
        #expect(quiet.status == 1)
        #expect(quiet.stdout.contains(Self.eka) && !quiet.stdout.contains(Self.budi), "\(quiet.stdout)")
    }

    @Test func aLedgerNameThatIsNeitherCSVNorJSONLinesIsRefused() throws {
        let run = try CLITests.run([CLITests.now, "--lang", "en", "--ledger", "/tmp/ledger.ods"] + RosterOptionTests.staff + [Self.uploads])
        #expect(run.status == 2 && run.stderr.contains(".jsonl, .csv or .xlsx"), "\(run.stderr)")
        let indonesian = try CLITests.run([CLITests.now, "--ledger", "/tmp/ledger.ods"] + RosterOptionTests.staff + [Self.uploads])
        #expect(indonesian.status == 2 && indonesian.stderr.contains("harus berakhiran .jsonl, .csv atau .xlsx"), "\(indonesian.stderr)")
        let period = try CLITests.run([CLITests.now, "--period", "2026-05-01..2026-04-01"] + RosterOptionTests.staff + [Self.uploads])
        #expect(period.status == 2)
    }

    /// The nightly job: with --state the ledger covers every photo the state knows, not only this run's.
    @Test func withAStateTheLedgerCoversEveryPhotoSeen() throws {
        let folder = try TemporaryFolder()
        let tree = folder.path + "/uploads"
        try FileManager.default.copyItem(atPath: Self.uploads, toPath: tree)
        let later = folder.path + "/later"
        try FileManager.default.moveItem(atPath: tree + "/2026-04-17", toPath: later)
        let state = folder.path + "/state.db", ledger = folder.path + "/ledger.jsonl"
        let nightly = [CLITests.now, "--format", "jsonl", "--state", state, "--settle-seconds", "0", "--only-new", "--ledger", ledger]
            + RosterOptionTests.staff
        _ = try CLITests.run(nightly + [tree])
        try FileManager.default.moveItem(atPath: later, toPath: tree + "/2026-04-17")
        let second = try CLITests.run(nightly + [tree])
        #expect(try CLITests.objects(second).allSatisfy { ($0["path"] as? String)?.contains("2026-04-17") == true })
        let days = try lines(ledger).compactMap { line in
            (try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["date"] as? String
        }
        #expect(Set(days) == ["2026-04-03", "2026-04-10", "2026-04-17"], "\(days)")
        // The missing employee of the 10th was named by the first night, not again by the second.
        #expect(!second.stderr.contains("tidak mengirim foto"), "\(second.stderr)")
    }
}
