import Foundation
import Testing

/// `--files-from FILE` (`-`: standard input) and `--null`: the photos to check, as a list.
@Suite struct FilesFromOptionTests {
    /// `bytes` as a file named `name` in `folder` (the name need not be UTF-8).
    static func file(_ bytes: [UInt8], in folder: TemporaryFolder, name: [UInt8]) throws -> [UInt8] {
        let path = Array(folder.path.utf8) + [UInt8(ascii: "/")] + name
        let fd = (path.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        #expect(fd >= 0)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        return path
    }

    static func paths(_ run: CLITests.Run) throws -> [String] {
        try CLITests.objects(run).map { $0["path"] as? String ?? "" }
    }

    @Test func aListOfPathsIsCheckedInOrderByTheirExactBytes() throws {
        let folder = try TemporaryFolder()
        let jpeg = try [UInt8](Data(contentsOf: URL(fileURLWithPath: CLITests.fixture("ok-muntok-ii-dms.jpg"))))
        let odd = try FilesFromOptionTests.file(jpeg, in: folder, name: Array("foto-".utf8) + [0xFF, 0xFE] + Array(".jpg".utf8))
        let missing = Array((folder.path + "/not-uploaded.jpg").utf8)
        let flagged = Array(CLITests.fixture("no-gps.jpg").utf8)
        // Lines written on Windows end in CR LF; blank lines are ignored.
        let list = odd + [0x0A] + missing + [0x0D, 0x0A, 0x0A] + flagged + [0x0A]
        let listPath = try FilesFromOptionTests.file(list, in: folder, name: Array("list.txt".utf8))
        let run = try CLITests.run([CLITests.now, "--lang", "en", "--format", "jsonl", "--files-from", String(decoding: listPath, as: UTF8.self)])
        #expect(run.status == 1, "\(run.stderr)")
        let objects = try CLITests.objects(run)
        #expect(try FilesFromOptionTests.paths(run) == [folder.path + "/foto-\\xff\\xfe.jpg", folder.path + "/not-uploaded.jpg", CLITests.fixture("no-gps.jpg")])
        #expect(objects.map { $0["status"] as? String } == ["ok", "unreadable", "flagged"])
        // A listed file that is not there was submitted: it counts, as unreadable.
        #expect((objects[1]["error"] as? String)?.contains("No such file") == true)
    }

    @Test func nulSeparatedFromStandardInputAsFindWritesThem() throws {
        let folder = try TemporaryFolder()
        let jpeg = try [UInt8](Data(contentsOf: URL(fileURLWithPath: CLITests.fixture("ok-muntok-ii-dms.jpg"))))
        let newline = try FilesFromOptionTests.file(jpeg, in: folder, name: Array("two\nlines.jpg".utf8))
        let list = newline + [0] + Array(CLITests.fixture("ok-kelapa-mm-dms.jpg").utf8) + [0]
        let run = try CLITests.run([CLITests.now, "--format", "jsonl", "--null", "--files-from", "-", CLITests.fixture("no-gps.jpg")], input: Data(list))
        #expect(run.status == 1, "\(run.stderr)")
        // Paths on the command line come first, then the list's.
        #expect(try FilesFromOptionTests.paths(run) == [CLITests.fixture("no-gps.jpg"), folder.path + "/two\nlines.jpg", CLITests.fixture("ok-kelapa-mm-dms.jpg")])
        #expect(try CLITests.objects(run).map { $0["status"] as? String } == ["flagged", "ok", "ok"])
    }

    @Test func aListedFolderIsWalkedLikeOneOnTheCommandLine() throws {
        let run = try CLITests.run([CLITests.now, "--format", "jsonl", "--files-from", "-"], input: Data((CLITests.fixtures + "\n").utf8))
        #expect(try CLITests.objects(run).count == CLITests.fixtureCount)
    }

    @Test func anEmptyListFindsNoPhotos() throws {
        let run = try CLITests.run(["--lang", "en", "--files-from", "-"], input: Data())
        #expect(run.status == 0)
        #expect(run.stderr.contains("no photos found"))
    }

    @Test func listOptionsThatCannotWorkAreRefused() throws {
        let missing = try CLITests.run(["--lang", "en", "--files-from", "/nonexistent/list.txt"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/list.txt") && missing.stderr.contains("No such file"), "\(missing.stderr)")
        let missingID = try CLITests.run(["--files-from", "/nonexistent/list.txt"])
        #expect(missingID.status == 2)
        #expect(missingID.stderr.contains("daftar berkas tidak dapat dibaca: berkas atau folder tidak ada"), "\(missingID.stderr)")
        let nullAlone = try CLITests.run(["--lang", "en", "--null", CLITests.fixtures])
        #expect(nullAlone.status == 2 && nullAlone.stderr.contains("--null needs --files-from"), "\(nullAlone.stderr)")
        let nullAloneID = try CLITests.run(["--null", CLITests.fixtures])
        #expect(nullAloneID.status == 2 && nullAloneID.stderr.contains("--null hanya dapat dipakai bersama --files-from"), "\(nullAloneID.stderr)")
    }
}
