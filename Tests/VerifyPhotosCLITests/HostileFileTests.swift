import Foundation
import Testing

/// Crafted files run through the built binary under the limits a cron job may have.
@Suite struct HostileFileTests {
    static let regressions = CLITests.packageRoot.appendingPathComponent("Fuzz/Regressions").path

    /// Runs `tool` with `arguments` and returns its exit status and standard output.
    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, exited: Bool, stdout: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, process.terminationReason == .exit, String(decoding: stdout, as: UTF8.self))
    }

    /// An `iloc` whose offsets and lengths take no bytes declares 8,000 items of 65,535 extents
    /// in 64 KB: stored, that took over 10 GB and 26 s, and under a memory limit the whole run
    /// aborted. Under a 1 GiB address-space limit the photo must get its one result line.
    @Test func anIlocOfEmptyExtentsFitsInAMemoryLimit() throws {
        let heic = HostileFileTests.regressions + "/crafted-heic-iloc-empty-extents.heic"
        let run = try HostileFileTests.run("/usr/bin/prlimit", ["--as=1073741824", CLITests.binary.path, CLITests.now,
                                                                "--format", "jsonl", CLITests.fixture("ok-muntok-ii-dms.jpg"), heic])
        #expect(run.exited && run.status == 1)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.last?.contains("\"status\":\"flagged\"") == true)
    }

    /// Names that are not UTF-8, given on the command line (ArgumentParser's strings would turn
    /// their bytes into U+FFFD and name no file): opened by their bytes and printed distinctly.
    @Test func namesThatAreNotUTF8OpenWhenGivenDirectly() throws {
        let folder = try TemporaryFolder()
        let script = """
            cd "$1" && cp "$2" "$(printf 'inv_\\377.jpg')" && cp "$2" "$(printf 'inv_\\376.jpg')" && \
            exec "$0" "$3" --format jsonl "$(printf 'inv_\\377.jpg')" "$(printf 'inv_\\376.jpg')"
            """
        let run = try HostileFileTests.run("/bin/sh", ["-c", script, CLITests.binary.path, folder.path,
                                                       CLITests.fixture("ok-muntok-ii-dms.jpg"), CLITests.now])
        #expect(run.status == 0)
        let paths = try run.stdout.split(separator: "\n").map { line in
            try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])["path"] as? String
        }
        #expect(paths == ["inv_\\xff.jpg", "inv_\\xfe.jpg"])
    }
}
