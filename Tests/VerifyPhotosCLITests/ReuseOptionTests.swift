import Foundation
import Testing

/// Reused photos, repeated positions and signs of editing in an upload tree made from
/// `Fixtures/reuse/`, as the personnel office runs it; `--metadata-only` turns them off.
@Suite struct ReuseOptionTests {
    static let ani = "198503152010011002", budi = "199001012015031003", citra = "197905052005011004", dedi = "198807072012121001"

    /// DAY/NIP/name for each (fixture in Fixtures/reuse/, place in the tree).
    private func tree(_ files: [(String, String)]) throws -> TemporaryFolder {
        let tree = try TemporaryFolder()
        for (fixture, place) in files {
            let target = tree.path + "/" + place
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: CLITests.fixture("reuse/" + fixture), toPath: target)
        }
        return tree
    }

    @Test func copiesAcrossEmployeesAreFlaggedAndADoubleUploadIsNot() throws {
        let tree = try tree([
            ("reuse-original.jpg", "2026-04-10/\(Self.ani)/foto.jpg"),
            ("reuse-original.jpg", "2026-04-10/\(Self.ani)/foto-lagi.jpg"),            // sent twice: noted only
            ("reuse-copy-renamed.jpg", "2026-04-10/\(Self.budi)/foto.jpg"),          // the same file, another NIP
            ("reuse-reencoded-70pct.jpg", "2026-04-24/\(Self.citra)/foto.jpg"),      // resized and re-encoded
            ("reuse-unrelated.jpg", "2026-04-10/\(Self.dedi)/foto.jpg"),
            ("repeated-position.jpg", "2026-04-17/\(Self.dedi)/foto.jpg"),            // the same fix a week later
            ("edited-photoshop.jpg", "2026-04-17/\(Self.ani)/foto.jpg"),
        ])
        let run = try CLITests.run([CLITests.now, "--format", "jsonl", tree.path])
        #expect(run.status == 1, "\(run.stderr)")
        let byPath = Dictionary(uniqueKeysWithValues: try CLITests.objects(run).map {
            (String(($0["path"] as? String ?? "").dropFirst(tree.path.count + 1)), $0)
        })
        func reasons(_ path: String) -> [String] { byPath[path]?["reasons"] as? [String] ?? ["(missing)"] }
        let original = "2026-04-10/\(Self.ani)/foto.jpg", again = "2026-04-10/\(Self.ani)/foto-lagi.jpg"
        let copy = "2026-04-10/\(Self.budi)/foto.jpg", resized = "2026-04-24/\(Self.citra)/foto.jpg"
        for path in [original, again, copy, resized] {
            #expect(reasons(path).contains("duplicate") && byPath[path]?["status"] as? String == "flagged", "\(path): \(reasons(path))")
        }
        #expect(byPath[copy]?["duplicate_kind"] as? String == "exact")
        #expect(byPath[resized]?["duplicate_kind"] as? String == "similar")
        let namedByCopy = byPath[copy]?["duplicate_of"] as? [String] ?? []
        #expect(Set(namedByCopy.map { String($0.dropFirst(tree.path.count + 1)) }) == [original, again, resized])
        // The second upload of one employee for one day names the first without counting it.
        let namedByOriginal = (byPath[original]?["duplicate_of"] as? [String] ?? []).map { String($0.dropFirst(tree.path.count + 1)) }
        #expect(!namedByOriginal.contains(again) && namedByOriginal.contains(copy))

        #expect(reasons("2026-04-17/\(Self.dedi)/foto.jpg") == ["repeated-coordinates"])
        #expect(reasons("2026-04-10/\(Self.dedi)/foto.jpg") == ["repeated-coordinates"])
        #expect(byPath["2026-04-17/\(Self.ani)/foto.jpg"]?["edit_signs"] as? [String] == ["editor-software"])
        #expect(reasons("2026-04-17/\(Self.ani)/foto.jpg") == ["edited"])

        // The supervisor's explanation names the other photos and how alike they are.
        let explain = try CLITests.run([CLITests.now, "--lang", "en", "--format", "explain", tree.path + "/" + resized, tree.path + "/" + original])
        for text in ["a similar picture (resized or re-encoded) as", "hash distance", "another employee", "another day: 2026-04-10"] {
            #expect(explain.stdout.contains(text), "missing: \(text)\n\(explain.stdout)")
        }
        let indonesian = try CLITests.run([CLITests.now, "--format", "explain", tree.path + "/" + original, tree.path + "/" + again])
        #expect(indonesian.stdout.contains("dikirim dua kali oleh pegawai yang sama untuk hari yang sama: tidak dihitung"), "\(indonesian.stdout)")
    }

    @Test func metadataOnlySkipsEveryCheckOfThePicture() throws {
        let tree = try tree([("reuse-original.jpg", "2026-04-10/\(Self.ani)/foto.jpg"),
                             ("reuse-copy-renamed.jpg", "2026-04-10/\(Self.budi)/foto.jpg"),
                             ("edited-photoshop.jpg", "2026-04-17/\(Self.ani)/foto.jpg")])
        let run = try CLITests.run([CLITests.now, "--format", "jsonl", "--metadata-only", tree.path])
        #expect(run.status == 0, "\(run.stdout)")
        for object in try CLITests.objects(run) {
            #expect(object["reasons"] as? [String] == [] && object["duplicate_of"] is NSNull && object["edit_signs"] is NSNull)
        }
    }

    @Test func theThresholdIsChecked() throws {
        let run = try CLITests.run(["--similarity-threshold", "65", CLITests.fixture("ok-muntok-ii-dms.jpg")])
        #expect(run.status == 64 || run.status == 2, "\(run.status) \(run.stderr)")
        #expect(run.stderr.contains("--similarity-threshold"))
    }
}
