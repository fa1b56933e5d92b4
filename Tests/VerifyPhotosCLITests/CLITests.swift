import Foundation
import Testing

/// The built `verify-photos` run as a user would: exit codes, every format, errors.
@Suite struct CLITests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = packageRoot.appendingPathComponent("Fixtures").path
    static let now = "--now=2026-11-29T12:00:00+07:00"

    /// The binary built beside this test bundle.
    static var binary: URL {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("verify-photos")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return packageRoot.appendingPathComponent(".build/debug/verify-photos")
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    /// Runs the binary with `arguments`; `input`, when given, is its standard input.
    static func run(_ arguments: [String], as user: String? = nil, binary: URL = CLITests.binary, input: Data? = nil) throws -> Run {
        let process = Process()
        if let user {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=\(user)", "--regid=\(user)", "--clear-groups", binary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            // Written on another thread: a long list must not block on a full pipe while this
            // thread has not started reading the output yet.
            let writer = stdin.fileHandleForWriting
            DispatchQueue.global().async {
                try? writer.write(contentsOf: input)
                try? writer.close()
            }
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func fixture(_ name: String) -> String { fixtures + "/" + name }

    /// How many files `Fixtures/` holds: in a folder every file but hidden and system ones is
    /// checked, so every fixture is in a report of the folder.
    /// Every file the tool reports when walking `Fixtures/`: the photos and the staff CSVs in `staff/`.
    static var fixtureCount: Int {
        let files = FileManager.default.enumerator(atPath: fixtures)?.compactMap { $0 as? String } ?? []
        return files.filter { name in
            var folder: ObjCBool = false
            return !name.split(separator: "/").contains { $0.hasPrefix(".") }
                && FileManager.default.fileExists(atPath: fixtures + "/" + name, isDirectory: &folder) && !folder.boolValue
        }.count
    }

    static func objects(_ run: Run) throws -> [[String: Any]] {
        try run.lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    @Test func exitsZeroWhenEveryPhotoIsOk() throws {
        let run = try CLITests.run([CLITests.now, "--format", "jsonl", CLITests.fixture("ok-muntok-ii-dms.jpg"), CLITests.fixture("ok-kelapa-mm-dms.jpg")])
        #expect(run.status == 0)
        #expect(try CLITests.objects(run).map { $0["status"] as? String } == ["ok", "ok"])
    }

    @Test(arguments: ["near-boundary-inside.jpg", "outside-at-sea.jpg", "unreadable-empty.jpg"])
    func exitsOneWhenAnyPhotoNeedsAttention(name: String) throws {
        let run = try CLITests.run([CLITests.now, "--format", "jsonl", CLITests.fixture("ok-muntok-ii-dms.jpg"), CLITests.fixture(name)])
        #expect(run.status == 1)
        #expect(run.lines.count == 2)
    }

    @Test func jsonLinesOverAFolderFollowTheContract() throws {
        let run = try CLITests.run([CLITests.now, "--format", "jsonl", CLITests.fixtures])
        #expect(run.status == 1)
        let objects = try CLITests.objects(run)
        #expect(objects.count == CLITests.fixtureCount)
        let fields = ["path", "status", "reasons", "format", "latitude", "longitude", "altitude_m", "gps_accuracy_m",
                      "gps_time", "datetime_original", "offset_time", "captured_at", "inside", "distance_to_boundary_m",
                      "kecamatan", "desa", "located_in", "make", "model", "software", "error", "hint",
                      "submitted_for", "nip", "name", "unit", "position", "duplicate_of", "duplicate_kind", "repeated_with", "edit_signs",
                      "position_source", "time_source", "stamp_text", "stamp_latitude", "stamp_longitude", "stamp_time"]
        for object in objects { #expect(Set(object.keys) == Set(fields)) }
        #expect(run.lines[0].hasPrefix("{\"path\":"))
        // By path inside Fixtures/ (the upload tree in Fixtures/uploads/ repeats file names).
        let byName = Dictionary(uniqueKeysWithValues: objects.map { (String(($0["path"] as! String).dropFirst(CLITests.fixtures.count + 1)), $0) })
        #expect(byName["outside-pangkal-pinang.jpg"]?["located_in"] as? String == "Kota Pangkalpinang")
        #expect(byName["near-boundary-outside.jpg"]?["located_in"] as? String == "Kabupaten Bangka")
        #expect(byName["ok-jebus-mm-decimal-minutes.jpg"]?["kecamatan"] as? String == "Jebus")
        #expect(byName["ok-jebus-mm-decimal-minutes.jpg"]?["offset_time"] is NSNull)
        #expect(byName["gps-time-mismatch.jpg"]?["reasons"] as? [String] == ["gps-time-mismatch"])
        #expect(byName["unreadable-text-named.jpg"]?["status"] as? String == "unreadable")
        #expect(byName["ok-heic-named-as.jpg"]?["format"] as? String == "heic")
        #expect(byName["ok-webp.webp"]?["format"] as? String == "webp")
        #expect(byName["ok-tiff-ifds-after-80kb.tif"]?["format"] as? String == "tiff")
    }

    @Test func csvHasAHeaderAndTheSameColumns() throws {
        let run = try CLITests.run([CLITests.now, "--format", "csv", CLITests.fixture("ok-muntok-ii-dms.jpg"), CLITests.fixture("hostile-strings.jpg")])
        #expect(run.lines.first == "path,status,reasons,format,latitude,longitude,altitude_m,gps_accuracy_m,gps_time,datetime_original,offset_time,captured_at,inside,distance_to_boundary_m,kecamatan,desa,located_in,make,model,software,error,hint,submitted_for,nip,name,unit,position,duplicate_of,duplicate_kind,repeated_with,edit_signs,position_source,time_source,stamp_text,stamp_latitude,stamp_longitude,stamp_time")
        #expect(run.lines[1].contains(",ok,,jpeg,-2.0617,105.164,12.5,,2026-04-17T02:15:05Z,2026-04-17T09:15:00,+07:00,2026-04-17T09:15:00+07:00,true,"))
        #expect(run.stdout.contains("\"'=HYPERLINK(\"\"http://x\"\")\""))
        #expect(run.stdout.contains("'+cmd|' /C calc'!A0"))
    }

    @Test func jsonIsOneArray() throws {
        let run = try CLITests.run([CLITests.now, "--format", "json", CLITests.fixtures])
        let array = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == CLITests.fixtureCount)
        let empty = try TemporaryFolder()
        let none = try CLITests.run(["--format", "json", empty.path])
        #expect(none.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        #expect(none.status == 0)
    }

    @Test func tableHasAlignedColumnsAndASummary() throws {
        let run = try CLITests.run([CLITests.now, "--lang", "en", "--format", "table", CLITests.fixtures])
        #expect(run.lines.first?.hasPrefix("STATUS") == true)
        // The counts are those of the JSON report; then what to do next: how many need a
        // person, how to see why, and how many carry a hint.
        let objects = try CLITests.objects(try CLITests.run([CLITests.now, "--format", "jsonl", CLITests.fixtures]))
        func count(_ status: String) -> Int { objects.filter { $0["status"] as? String == status }.count }
        let hints = objects.filter { $0["hint"] is String }.count
        #expect(hints > 0 && count("unreadable") > 0)
        #expect(run.lines.last == "\(objects.count) photos: \(count("ok")) ok, \(count("review")) review, \(count("flagged")) flagged, "
                + "\(count("unreadable")) unreadable. \(objects.count - count("ok")) need a person: "
                + "`verify-photos FILE` explains one, `--format explain` all of them; \(hints) have a hint for the employee")
        let fileColumn = try #require(run.lines[0].range(of: "FILE")).lowerBound.utf16Offset(in: run.lines[0])
        for line in run.lines.dropFirst().dropLast() where !line.contains("hostile") {
            #expect(line.utf16.count > fileColumn && line.contains("Fixtures/"))
        }
        #expect(!run.stdout.contains("\u{1B}"))  // no colour when not a terminal
        let indonesian = try CLITests.run([CLITests.now, "--format", "table", CLITests.fixtures])
        #expect(indonesian.lines.last == "\(objects.count) foto: \(count("ok")) sesuai, \(count("review")) perlu diperiksa, "
                + "\(count("flagged")) tidak sesuai, \(count("unreadable")) tidak terbaca. \(objects.count - count("ok")) foto perlu ditindaklanjuti petugas: "
                + "`verify-photos BERKAS` menjelaskan satu foto, `--format explain` semuanya; \(hints) di antaranya memuat saran untuk pegawai")
    }

    @Test func explainGivesTheSupervisorTheWholeStory() throws {
        let run = try CLITests.run([CLITests.now, "--lang", "en", "--format", "explain", CLITests.fixture("outside-pangkal-pinang.jpg")])
        #expect(run.status == 1)
        for text in ["Result: flagged", "taken outside the area", "[FAIL]  Inside Kabupaten Bangka Barat: no, in Kota Pangkalpinang, 36.9 km",
                     "Latitude, longitude", "-2.131600, 106.113300", "openstreetmap.org", "Taken at (WIB)"] {
            #expect(run.stdout.contains(text), "missing: \(text)")
        }
    }

    @Test func aRequiredDateAndOtherRuleOptions() throws {
        let wrong = try CLITests.run([CLITests.now, "--format", "jsonl", "--date", "2026-04-10", CLITests.fixture("ok-muntok-ii-dms.jpg")])
        #expect(try CLITests.objects(wrong).first?["reasons"] as? [String] == ["wrong-date"])
        let right = try CLITests.run([CLITests.now, "--format", "jsonl", "--date", "2026-04-10", CLITests.fixture("friday-2026-04-10.jpg")])
        #expect(right.status == 0)
        let today = try CLITests.run(["--now=2026-04-17T20:00:00+07:00", "--format", "jsonl", "--date", "today", CLITests.fixture("ok-muntok-ii-dms.jpg")])
        #expect(today.status == 0)
        let yesterday = try CLITests.run(["--now=2026-04-18T08:00:00+07:00", "--format", "jsonl", "--date", "yesterday", CLITests.fixture("ok-muntok-ii-dms.jpg")])
        #expect(yesterday.status == 0)
        let thursday = try CLITests.run([CLITests.now, "--format", "jsonl", "--wfh-days", "kamis,jumat", CLITests.fixture("not-wfh-day-thursday.jpg")])
        #expect(thursday.status == 0)
        let tolerance = try CLITests.run([CLITests.now, "--format", "jsonl", "--tolerance-m", "50", CLITests.fixture("near-boundary-inside.jpg")])
        #expect(tolerance.status == 0)
        let skew = try CLITests.run([CLITests.now, "--format", "jsonl", "--max-clock-skew", "3h", CLITests.fixture("gps-time-mismatch.jpg")])
        #expect(skew.status == 0)
        let start = try CLITests.run([CLITests.now, "--format", "jsonl", "--policy-start", "2026-03-01", CLITests.fixture("before-policy-start.jpg")])
        #expect(start.status == 0)
    }

    /// Option values are parsed by ArgumentParser into typed values, and their defaults come
    /// from one place, the library's `VerificationPolicy`.
    @Test func optionValuesAreTypedAndDefaultsComeFromThePolicy() throws {
        let help = try CLITests.run(["--help"])
        for text in ["Default: friday.", "Default: 2026-04-02.", "Default: 10 minutes.", "Default: 200."] {
            let words = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(words.contains(text), "missing: \(text)")
        }
        let skew = try CLITests.run([CLITests.now, "--lang", "en", "--format", "explain", "--max-clock-skew", "30s", CLITests.fixture("ok-muntok-ii-dms.jpg")])
        #expect(skew.stdout.contains("GPS clock and camera clock at most 30 seconds apart"))
        for bad in [["--max-clock-skew", "soon"], ["--policy-start", "2026-02-30"], ["--wfh-days", ","]] {
            let run = try CLITests.run(bad + [CLITests.fixtures])
            #expect(run.status == 2 && run.stderr.contains(bad[0]), "\(bad): \(run.stderr)")
        }
    }

    @Test func usageAndConfigurationErrorsExitTwoWithAMessage() throws {
        let cases: [([String], String)] = [
            (["--format", "xml", CLITests.fixtures], "xml"),
            (["--date", "2026-13-01", CLITests.fixtures], "--date"),
            (["--wfh-days", "funday", CLITests.fixtures], "funday"),
            (["--lang", "fr", CLITests.fixtures], "--lang"),
            (["--boundary", "/nonexistent/b.geojson", CLITests.fixtures], "/nonexistent/b.geojson"),
            (["--lang", "en", "--boundary", CLITests.fixture("ok-muntok-ii-dms.jpg"), CLITests.fixtures], "not valid GeoJSON"),
            (["--boundary", CLITests.fixture("ok-muntok-ii-dms.jpg"), CLITests.fixtures], "bukan GeoJSON yang valid"),
            (["--lang", "en", CLITests.fixtures, "/nonexistent/folder"], "no such file or folder: /nonexistent/folder"),
            ([CLITests.fixtures, "/nonexistent/folder"], "berkas atau folder tidak ada: /nonexistent/folder"),
            (["--lang", "en"], "at least one"),
            ([], "sedikitnya satu"),
            (["--no-such-option", CLITests.fixtures], "no-such-option"),
        ]
        for (arguments, message) in cases {
            let run = try CLITests.run(arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
            #expect(run.stdout.isEmpty, "\(arguments)")
        }
        #expect(try CLITests.run(["--help"]).status == 0)
    }

    @Test func aCustomBoundaryReplacesTheDefault() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/kelapa-box.geojson"
        try #"{"type":"Feature","properties":{"name":"Kotak Kelapa"},"geometry":{"type":"Polygon","coordinates":[[[105.5,-1.95],[105.6,-1.95],[105.6,-1.85],[105.5,-1.85],[105.5,-1.95]]]}}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        let run = try CLITests.run([CLITests.now, "--format", "jsonl", "--boundary", path,
                                    CLITests.fixture("ok-kelapa-mm-dms.jpg"), CLITests.fixture("ok-muntok-ii-dms.jpg")])
        let objects = try CLITests.objects(run)
        #expect(objects[0]["status"] as? String == "ok")
        #expect(objects[0]["located_in"] as? String == "Kotak Kelapa")
        #expect(objects[1]["reasons"] as? [String] == ["outside-regency"])
        #expect(objects[1]["located_in"] as? String == "Kabupaten Bangka Barat")
    }

    @Test func outputFileGetsTheReportAndItsFormatFromItsName() throws {
        let folder = try TemporaryFolder()
        let run = try CLITests.run([CLITests.now, "--output", folder.path + "/report.csv", CLITests.fixtures])
        #expect(run.stdout.isEmpty)
        let csv = try String(contentsOfFile: folder.path + "/report.csv", encoding: .utf8)
        #expect(csv.hasPrefix("path,status,reasons"))
        // One record per photo; the hostile Model holds a newline inside its quotes.
        #expect(csv.components(separatedBy: "\n" + CLITests.fixtures + "/").count == CLITests.fixtureCount + 1)
        let bad = try CLITests.run(["--output", "/nonexistent/dir/report.jsonl", CLITests.fixtures])
        #expect(bad.status == 2 && bad.stderr.contains("/nonexistent/dir/report.jsonl"))
    }

    @Test func anUnreadableFolderIsReportedAndTheBatchGoesOn() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/locked", withIntermediateDirectories: false)
        try FileManager.default.copyItem(atPath: CLITests.fixture("ok-muntok-ii-dms.jpg"), toPath: folder.path + "/locked/a.jpg")
        try FileManager.default.copyItem(atPath: CLITests.fixture("ok-muntok-ii-dms.jpg"), toPath: folder.path + "/b.jpg")
        try FileManager.default.copyItem(atPath: CLITests.fixture("ok-muntok-ii-dms.jpg"), toPath: folder.path + "/c.jpg")
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: folder.path + "/c.jpg")
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: folder.path + "/locked")
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path + "/locked") }
        // Root reads everything, so run as an unprivileged user when the tests run as root,
        // from a copy of the binary that user can reach wherever the clone is.
        let user = getuid() == 0 ? "65534" : nil  // nobody
        let elsewhere = try TemporaryFolder()  // not in the folder checked, where it would be a submission
        let binary = elsewhere.path + "/verify-photos"
        try FileManager.default.copyItem(atPath: CLITests.binary.path, toPath: binary)
        let run = try CLITests.run([CLITests.now, "--lang", "en", "--format", "jsonl", folder.path], as: user, binary: URL(fileURLWithPath: binary))
        let objects = try CLITests.objects(run)
        #expect(run.status == 1)
        #expect(objects.map { URL(fileURLWithPath: $0["path"] as! String).lastPathComponent } == ["b.jpg", "c.jpg", "locked"])
        #expect(objects.map { $0["status"] as? String } == ["ok", "unreadable", "unreadable"])
        #expect((objects[1]["error"] as? String)?.contains("Permission denied") == true)
        #expect((objects[2]["error"] as? String)?.contains("Permission denied") == true)
    }
}

extension CLITests {
    @Test func hostileFileNamesAndEXIFTextAreShownSafely() throws {
        let folder = try TemporaryFolder()
        let name = "evil\u{1B}[2J\nname=1+1.jpg"
        try FileManager.default.copyItem(atPath: CLITests.fixture("hostile-strings.jpg"), toPath: folder.path + "/" + name)
        let table = try CLITests.run([CLITests.now, "--format", "table", folder.path])
        #expect(!table.stdout.contains("\u{1B}"))
        #expect(table.stdout.contains("evil\\x1b[2J\\x0aname=1+1.jpg"))
        let explain = try CLITests.run([CLITests.now, "--format", "explain", folder.path + "/" + name])
        #expect(!explain.stdout.contains("\u{1B}"))
        #expect(explain.stdout.contains("Evil\\x1b[31mRED\\x1b[0m\\x0aPhone"))
        let json = try CLITests.objects(try CLITests.run([CLITests.now, "--format", "jsonl", folder.path]))
        #expect(json.first?["path"] as? String == folder.path + "/" + name)
        #expect(json.first?["model"] as? String == "Evil\u{1B}[31mRED\u{1B}[0m\nPhone")
        let csv = try CLITests.run([CLITests.now, "--format", "csv", folder.path])
        #expect(csv.stdout.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","))
    }

    @Test func aSymlinkLoopIsReportedOnce() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/sub", withIntermediateDirectories: false)
        try FileManager.default.copyItem(atPath: CLITests.fixture("ok-muntok-ii-dms.jpg"), toPath: folder.path + "/sub/a.jpg")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/sub/loop", withDestinationPath: folder.path)
        let run = try CLITests.run([CLITests.now, "--lang", "en", "--format", "jsonl", folder.path])
        #expect(run.status == 0)
        #expect(run.lines.count == 1)
        #expect(run.stderr.components(separatedBy: "reached again through a symbolic link").count == 2)
        #expect(run.stderr.contains(folder.path + "/sub/loop"))
    }

    @Test func photosAreNeverModified() throws {
        let folder = try TemporaryFolder()
        // Every photo fixture, the upload tree's too (the roster and schedule are not photos).
        let names = (FileManager.default.enumerator(atPath: CLITests.fixtures)?.compactMap { $0 as? String } ?? []).filter { name in
            var isFolder: ObjCBool = false
            return !name.hasPrefix("staff") && FileManager.default.fileExists(atPath: CLITests.fixture(name), isDirectory: &isFolder) && !isFolder.boolValue
        }
        #expect(names.count == CLITests.fixtureCount - 2)
        for name in names {
            try FileManager.default.createDirectory(atPath: folder.path + "/" + (name as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: CLITests.fixture(name), toPath: folder.path + "/" + name)
        }
        let old = Date(timeIntervalSince1970: 1_700_000_000)
        var before: [String: Data] = [:]
        for name in names {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: folder.path + "/" + name)
            before[name] = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/" + name))
        }
        for format in ["table", "jsonl", "csv", "json", "explain"] {
            _ = try CLITests.run([CLITests.now, "--format", format, folder.path])
        }
        for name in names {
            let path = folder.path + "/" + name
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before[name], "\(name) changed")
            #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == old, "\(name) touched")
        }
    }
}

/// What a new user tripped over (issue 8): the options, what an upload tree holds, `--quiet`.
extension CLITests {
    @Test func versionIsPrinted() throws {
        let run = try CLITests.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout == "0.4.0\n")
    }

    @Test func anArgumentErrorShowsTheUsageOnce() throws {
        for arguments in [["--no-such-option", CLITests.fixtures], [], ["--format", "xml", CLITests.fixtures]] {
            let run = try CLITests.run(arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr.components(separatedBy: "Usage:").count == 2, "\(arguments): \(run.stderr)")
        }
    }

    @Test(arguments: [["--tolerance-m", "-5"], ["--tolerance-m=-5"]])
    func aNegativeToleranceIsRefusedByName(option: [String]) throws {
        let run = try CLITests.run(["--lang", "en"] + option + [CLITests.fixture("ok-muntok-ii-dms.jpg")])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--tolerance-m must be 0 or more"), "\(run.stderr)")
        #expect(!run.stderr.contains("Missing value"))
        #expect(run.stdout.isEmpty)
        // The option's own check speaks the language asked for, also when --lang comes later.
        let indonesian = try CLITests.run(option + [CLITests.fixture("ok-muntok-ii-dms.jpg")])
        #expect(indonesian.status == 2 && indonesian.stderr.contains("--tolerance-m harus 0 atau lebih"), "\(indonesian.stderr)")
        let later = try CLITests.run(option + ["--lang=en", CLITests.fixture("ok-muntok-ii-dms.jpg")])
        #expect(later.stderr.contains("--tolerance-m must be 0 or more"), "\(later.stderr)")
    }

    @Test func anOutputNameOfUnknownKindNeedsAFormat() throws {
        let folder = try TemporaryFolder()
        let photo = CLITests.fixture("ok-muntok-ii-dms.jpg")
        for name in ["laporan.docx", "laporan", "laporan.txt"] {
            let run = try CLITests.run([CLITests.now, "--lang", "en", "--output", folder.path + "/" + name, photo])
            #expect(run.status == 2, "\(name)")
            #expect(run.stderr.contains(name) && run.stderr.contains(".jsonl") && run.stderr.contains(".csv")
                    && run.stderr.contains("--format"), "\(name): \(run.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        // Named by --format, any name is fine; known endings choose the format, in any case.
        let chosen = try CLITests.run([CLITests.now, "--format", "csv", "--output", folder.path + "/laporan.xlsx", photo])
        #expect(chosen.status == 0)
        #expect(try String(contentsOfFile: folder.path + "/laporan.xlsx", encoding: .utf8).hasPrefix("path,status"))
        for (name, prefix) in [("r.ndjson", "{\"path\""), ("r.CSV", "path,status"), ("r.json", "[")] {
            #expect(try CLITests.run([CLITests.now, "--output", folder.path + "/" + name, photo]).status == 0)
            #expect(try String(contentsOfFile: folder.path + "/" + name, encoding: .utf8).hasPrefix(prefix), "\(name)")
        }
    }

    @Test(arguments: ["csv", "json", "jsonl", "table", "explain"])
    func quietPrintsNothingAtAllWhenEveryPhotoIsOk(format: String) throws {
        let run = try CLITests.run([CLITests.now, "--quiet", "--format", format, CLITests.fixture("ok-muntok-ii-dms.jpg"), CLITests.fixture("ok-kelapa-mm-dms.jpg")])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty, "\(format): \(run.stdout)")
        #expect(run.stderr.isEmpty)
        let bad = try CLITests.run([CLITests.now, "--quiet", "--format", format, CLITests.fixture("ok-muntok-ii-dms.jpg"), CLITests.fixture("no-gps.jpg")])
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("no-gps.jpg") && !bad.stdout.contains("ok-muntok"), "\(format)")
    }

    @Test func quietStillSaysHowManyPhotosAreStillUploading() throws {
        let work = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: work.path + "/uploads", withIntermediateDirectories: false)
        for name in ["a.jpg", "b.jpg"] {  // modified just now: left for the next run
            try FileManager.default.copyItem(atPath: CLITests.fixture("ok-muntok-ii-dms.jpg"), toPath: work.path + "/uploads/" + name)
        }
        let arguments = [CLITests.now, "--quiet", "--state", work.path + "/state.db", "--only-new", "--format", "csv", work.path + "/uploads"]
        let english = try CLITests.run(["--lang", "en"] + arguments)
        #expect(english.status == 0 && english.stdout.isEmpty)
        #expect(english.stderr == "verify-photos: 2 photos may still be uploading; left for the next run\n")
        let indonesian = try CLITests.run(arguments)
        #expect(indonesian.stderr == "verify-photos: 2 foto mungkin masih diunggah; diperiksa pada pemeriksaan berikutnya\n")
    }

    @Test func anEmptyFolderSaysNoPhotosWereFound() throws {
        let folder = try TemporaryFolder()
        let empty = try CLITests.run(["--lang", "en", folder.path])
        #expect(empty.status == 0)
        #expect(empty.stderr.contains("no photos found"), "\(empty.stderr)")
        for name in ["Thumbs.db", "desktop.ini", ".DS_Store"] {
            try Data("x".utf8).write(to: URL(fileURLWithPath: folder.path + "/" + name))
        }
        let system = try CLITests.run(["--lang", "en", "--quiet", "--format", "csv", folder.path])
        #expect(system.status == 0 && system.stdout.isEmpty)
        #expect(system.stderr == "verify-photos: no photos found; 3 hidden or system files skipped\n", "\(system.stderr)")
        let indonesian = try CLITests.run([folder.path])
        #expect(indonesian.stderr.contains("tidak ada foto"), "\(indonesian.stderr)")
    }

    @Test func everyUploadThatIsNotAPhotoIsReportedWithWhatItIs() throws {
        let folder = try TemporaryFolder()
        let files: [(String, [UInt8])] = [
            ("surat.pdf", Array("%PDF-1.7\n%\u{e2}\u{e3}".utf8)),
            ("laporan.docx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00] + Array("[Content_Types].xml".utf8)),
            ("rekaman.mp4", [0, 0, 0, 0x20] + Array("ftypisom".utf8) + [0, 0, 2, 0] + Array("isomiso2".utf8)),
            ("foto.jxl", [0, 0, 0, 0x0C, 0x4A, 0x58, 0x4C, 0x20, 0x0D, 0x0A, 0x87, 0x0A, 0, 0, 0, 0x14]),
            ("catatan.txt", Array("Saya bekerja dari rumah hari ini.\n".utf8)),
            ("Thumbs.db", [0xD0, 0xCF, 0x11, 0xE0]),
        ]
        for (name, bytes) in files {
            try Data(bytes).write(to: URL(fileURLWithPath: folder.path + "/" + name))
        }
        try FileManager.default.copyItem(atPath: CLITests.fixture("ok-muntok-ii-dms.jpg"), toPath: folder.path + "/ok.jpg")
        let run = try CLITests.run([CLITests.now, "--lang", "en", "--format", "jsonl", folder.path])
        #expect(run.status == 1)
        let objects = try CLITests.objects(run)
        let errors = Dictionary(uniqueKeysWithValues: objects.map {
            (URL(fileURLWithPath: $0["path"] as! String).lastPathComponent, $0["error"] as? String ?? "-")
        })
        #expect(errors == [
            "catatan.txt": "not a photo: plain text",
            "foto.jxl": "photo format not supported: JPEG XL (this tool reads JPEG, HEIC, AVIF, PNG, WebP and TIFF)",
            "laporan.docx": "not a photo: ZIP archive or Office document (DOCX, XLSX)",
            "ok.jpg": "-",
            "rekaman.mp4": "not a photo: MP4 or MOV video",
            "surat.pdf": "not a photo: PDF document",
        ])
        let table = try CLITests.run([CLITests.now, "--format", "table", folder.path])
        #expect(table.stdout.contains("bukan foto: dokumen PDF"))
        #expect(table.lines.last?.contains("1 berkas tersembunyi atau berkas sistem dilewati") == true, "\(table.lines.last ?? "")")
    }
}

/// A temporary folder readable by every user, removed when the test is done.
final class TemporaryFolder {
    let path: String
    init() throws {
        path = "/tmp/verify-photos-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o755])
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}
