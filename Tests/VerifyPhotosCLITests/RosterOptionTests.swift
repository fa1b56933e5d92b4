import Foundation
import Testing

/// `--roster`, `--schedule`, `--holidays`: photos judged per person, files checked line by line.
@Suite struct RosterOptionTests {
    static let ani = "198503152010011002", citra = "197905052005011004"
    static let staff = ["--roster", CLITests.fixtures + "/staff/roster.csv", "--schedule", CLITests.fixtures + "/staff/schedule.csv"]

    /// Photos taken in Muntok on Friday 2026-04-17 at 09:15, each its own picture and fix (one
    /// file under two NIPs would be a duplicate).
    static let muntokPhotos = ["uploads/2026-04-17/198503152010011002/foto-pagi.jpg", "uploads/2026-04-17/197905052005011004/foto.jpg",
                               "uploads/2026-04-17/199912312020121001/foto.jpg", "uploads/2026-04-17/tanpa-nip/foto.jpg"]

    /// An upload tree `DAY/NIP/foto.jpg`, a different Muntok photo in each folder.
    private func uploads(_ folders: [String]) throws -> TemporaryFolder {
        let tree = try TemporaryFolder()
        for (folder, photo) in zip(folders, Self.muntokPhotos) {
            try FileManager.default.createDirectory(atPath: tree.path + "/" + folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: CLITests.fixture(photo), toPath: tree.path + "/" + folder + "/foto.jpg")
        }
        return tree
    }

    @Test func eachPhotoIsJudgedForItsEmployeeAndDay() throws {
        let tree = try uploads(["2026-04-17/\(Self.ani)", "2026-04-17/\(Self.citra)", "2026-04-10/\(Self.ani)"])
        let run = try CLITests.run([CLITests.now, "--format", "jsonl"] + Self.staff + [tree.path])
        #expect(run.status == 1, "\(run.stderr)")
        let byPath = Dictionary(uniqueKeysWithValues: try CLITests.objects(run).map { ($0["path"] as? String ?? "", $0) })
        let ani = try #require(byPath[tree.path + "/2026-04-17/\(Self.ani)/foto.jpg"])
        #expect(ani["status"] as? String == "ok")
        #expect(ani["nip"] as? String == Self.ani && ani["name"] as? String == "Ani Contoh" && ani["unit"] as? String == "Dinas Contoh")
        #expect(ani["submitted_for"] as? String == "2026-04-17")
        #expect(byPath[tree.path + "/2026-04-17/\(Self.citra)/foto.jpg"]?["reasons"] as? [String] == ["exempt-employee"])
        #expect(byPath[tree.path + "/2026-04-10/\(Self.ani)/foto.jpg"]?["reasons"] as? [String] == ["wrong-date", "not-scheduled"])  // B was due on the 10th
        let explain = try CLITests.run([CLITests.now, "--lang", "en", "--format", "explain"] + Self.staff
                                       + [tree.path + "/2026-04-17/\(Self.citra)/foto.jpg"])
        #expect(explain.stdout.contains("Camat Muntok") && explain.stdout.contains("point 4a"), "\(explain.stdout)")
    }

    @Test func aRosterThatCannotBeUsedStopsTheRunNamingTheLine() throws {
        let folder = try TemporaryFolder()
        let roster = folder.path + "/roster.csv"
        try Data("nip;nama\n\(Self.ani);Ani\n\(Self.ani);Ani lagi\n".utf8).write(to: URL(fileURLWithPath: roster))
        let run = try CLITests.run([CLITests.now, "--lang", "en", "--roster", roster, CLITests.fixture("ok-muntok-ii-dms.jpg")])
        #expect(run.status == 2)
        #expect(run.stderr.contains("roster.csv line 3, column nip") && run.stderr.contains("line 2"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        let indonesian = try CLITests.run([CLITests.now, "--roster", roster, CLITests.fixture("ok-muntok-ii-dms.jpg")])
        #expect(indonesian.status == 2)
        #expect(indonesian.stderr.contains("roster.csv baris 3, kolom nip: NIP \(Self.ani) sudah ada di baris 2"), "\(indonesian.stderr)")
        let orphan = try CLITests.run([CLITests.now, "--lang", "en", "--schedule", CLITests.fixtures + "/staff/schedule.csv", CLITests.fixture("ok-muntok-ii-dms.jpg")])
        #expect(orphan.status == 2 && orphan.stderr.contains("--schedule needs --roster"))
        let orphanID = try CLITests.run([CLITests.now, "--schedule", CLITests.fixtures + "/staff/schedule.csv", CLITests.fixture("ok-muntok-ii-dms.jpg")])
        #expect(orphanID.status == 2 && orphanID.stderr.contains("--schedule hanya dapat dipakai bersama --roster"), "\(orphanID.stderr)")
    }

    @Test func aHolidayFileExtendsTheCalendar() throws {
        let folder = try TemporaryFolder()
        let holidays = folder.path + "/libur.csv"
        try Data("tanggal,nama,jenis,sumber\n2026-04-17,Libur daerah contoh,cuti-bersama,Contoh\n".utf8).write(to: URL(fileURLWithPath: holidays))
        let run = try CLITests.run([CLITests.now, "--format", "jsonl", "--holidays", holidays, CLITests.fixture("ok-muntok-ii-dms.jpg")])
        #expect(run.status == 1)
        #expect(try CLITests.objects(run).first?["reasons"] as? [String] == ["holiday"])
        let good = try CLITests.run([CLITests.now, "--format", "jsonl", CLITests.fixture("holiday-good-friday.jpg")])
        #expect(try CLITests.objects(good).first?["reasons"] as? [String] == ["holiday"])
    }
}
