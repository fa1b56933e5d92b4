import Foundation
import Testing

/// `--read-stamps always|missing|never` on the stamped photos of `Fixtures/stamps/`, which
/// carry no EXIF (a messenger's re-encode), as the personnel office runs the tool.
@Suite struct StampOptionTests {
    private func byName(_ run: CLITests.Run) throws -> [String: [String: Any]] {
        Dictionary(uniqueKeysWithValues: try CLITests.objects(run).map {
            (String(($0["path"] as? String ?? "").split(separator: "/").last ?? ""), $0)
        })
    }

    @Test func byDefaultAStampStandsInForTheMissingEXIF() throws {
        let run = try CLITests.run([CLITests.now, "--format", "jsonl",
                                    CLITests.fixture("stamps/stamp-app-id-muntok.jpg"),
                                    CLITests.fixture("stamps/stamp-app-id-thursday-pangkalpinang.jpg"),
                                    CLITests.fixture("stamps/negative-shop-sign.jpg"),
                                    CLITests.fixture("ok-muntok-ii-dms.jpg")])
        #expect(run.status == 1, "\(run.stderr)")
        let rows = try byName(run)
        let muntok = try #require(rows["stamp-app-id-muntok.jpg"])
        #expect(muntok["status"] as? String == "review")
        #expect(muntok["reasons"] as? [String] == ["stamp-only"])
        #expect(muntok["position_source"] as? String == "stamp")
        #expect(muntok["time_source"] as? String == "stamp")
        #expect(muntok["stamp_time"] as? String == "2026-04-17T09:15:00+07:00")
        #expect(muntok["captured_at"] as? String == "2026-04-17T09:15:00+07:00")
        #expect(muntok["kecamatan"] as? String == "Mentok")
        #expect((muntok["stamp_text"] as? String)?.contains("Kecamatan Mentok") == true)
        #expect(muntok["stamp_latitude"] as? Double != nil)
        #expect(muntok["latitude"] is NSNull)

        let thursday = try #require(rows["stamp-app-id-thursday-pangkalpinang.jpg"])
        let reasons = thursday["reasons"] as? [String] ?? []
        #expect(reasons.contains("outside-regency") && reasons.contains("not-wfh-day") && reasons.contains("stamp-only"), "\(reasons)")

        let sign = try #require(rows["negative-shop-sign.jpg"])
        #expect((sign["reasons"] as? [String])?.contains("no-gps") == true)
        #expect(sign["stamp_latitude"] is NSNull)
        #expect(sign["position_source"] is NSNull)

        // A photo with EXIF GPS and time is not read for a stamp by default.
        let exif = try #require(rows["ok-muntok-ii-dms.jpg"])
        #expect(exif["stamp_text"] is NSNull)
        #expect(exif["position_source"] as? String == "exif")
        #expect(exif["time_source"] as? String == "exif")
    }

    @Test func neverReadsNoStamp() throws {
        let run = try CLITests.run([CLITests.now, "--format", "jsonl", "--read-stamps", "never",
                                    CLITests.fixture("stamps/stamp-app-id-muntok.jpg")])
        let row = try #require(try byName(run)["stamp-app-id-muntok.jpg"])
        #expect((row["reasons"] as? [String])?.contains("no-gps") == true)
        #expect(row["stamp_text"] is NSNull)
        #expect(row["position_source"] is NSNull)
    }

    @Test func alwaysReadsEXIFPhotosToo() throws {
        let run = try CLITests.run([CLITests.now, "--format", "jsonl", "--read-stamps", "always", CLITests.fixture("ok-muntok-ii-dms.jpg")])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let row = try #require(try byName(run)["ok-muntok-ii-dms.jpg"])
        #expect(row["position_source"] as? String == "exif")
        #expect(row["status"] as? String == "ok")
    }

    @Test func aBadValueIsAUsageError() throws {
        let run = try CLITests.run(["--read-stamps", "sometimes", CLITests.fixture("ok-muntok-ii-dms.jpg")])
        #expect(run.status == 2)
        #expect(run.stderr.contains("read-stamps"), "\(run.stderr)")
    }

    @Test func theExplanationSaysWhereTheValuesCameFrom() throws {
        let path = CLITests.fixture("stamps/stamp-lintang-bujur-kelapa.jpg")
        let english = try CLITests.run([CLITests.now, "--lang", "en", "--format", "explain", path])
        for text in ["Stamp on the picture", "from the stamp on the picture", "read from the stamp printed on the picture",
                     "sent as a document"] {
            #expect(english.stdout.contains(text), "missing: \(text)\n\(english.stdout)")
        }
        let indonesian = try CLITests.run([CLITests.now, "--format", "explain", path])
        for text in ["Stempel pada foto", "dari stempel pada foto", "dokumen"] {
            #expect(indonesian.stdout.contains(text), "missing: \(text)\n\(indonesian.stdout)")
        }
    }

    /// Text OCR reads that gives no date, position or place (a shop sign) is not put before a
    /// supervisor as a stamp: the explanation says none was found.
    @Test func textThatIsNoStampIsNotShownAsOne() throws {
        let sign = try CLITests.run([CLITests.now, "--format", "explain", CLITests.fixture("stamps/negative-shop-sign.jpg")])
        let line = try #require(sign.stdout.split(separator: "\n").first { $0.contains("Stempel pada foto") })
        #expect(line.contains("tidak ditemukan (ada teks terbaca, tanpa tanggal, posisi, atau tempat)"), "\(line)")
        #expect(!sign.stdout.contains("Stempel: posisi"))
        let stamp = try CLITests.run([CLITests.now, "--format", "explain", CLITests.fixture("stamps/stamp-dms-tempilang.jpg")])
        #expect(stamp.stdout.contains("  Stempel: posisi       1°56'49.7\"S, 105°34'50.2\"E"), "\(stamp.stdout)")
    }

    /// The stamp read is stored with the photo's reading in the state, so that a rerun judges
    /// it again without OCR, and reports the same stamp.
    @Test func aStateRerunKeepsTheStamp() throws {
        let folder = try TemporaryFolder()
        let photo = folder.path + "/foto.jpg"
        try FileManager.default.copyItem(atPath: CLITests.fixture("stamps/stamp-dms-tempilang.jpg"), toPath: photo)
        let past = Date(timeIntervalSinceNow: -3600)
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: photo)
        let state = folder.path + "/state.db"
        let first = try CLITests.run([CLITests.now, "--state", state, "--format", "jsonl", folder.path])
        let stored = [state, state + "-wal"].compactMap { FileManager.default.contents(atPath: $0) }
        #expect(stored.contains { $0.range(of: Data("\"stamp\":{\"text\"".utf8)) != nil })
        let second = try CLITests.run([CLITests.now, "--state", state, "--format", "jsonl", folder.path])
        let a = try #require(try CLITests.objects(first).first), b = try #require(try CLITests.objects(second).first)
        #expect(a["stamp_text"] as? String != nil)
        #expect(a["stamp_text"] as? String == b["stamp_text"] as? String)
        #expect(a["stamp_latitude"] as? Double == b["stamp_latitude"] as? Double)
        #expect(b["position_source"] as? String == "stamp")
    }
}
