import Foundation
import Testing

/// The command on a terminal (a pseudo-terminal made by `script`), where standard output and
/// standard error are the same screen.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "script(1) not installed"))
struct TerminalTests {
    /// Runs the binary on a pseudo-terminal; returns everything the terminal was sent.
    static func onTerminal(_ arguments: [String]) throws -> String {
        let quoted = ([CLITests.binary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", quoted.joined(separator: " "), "/dev/null"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func theProgressLineIsClearedBeforeTheTable() throws {
        let folder = try TemporaryFolder()
        for name in ["a.jpg", "b.jpg", "c.jpg"] {
            try FileManager.default.copyItem(atPath: CLITests.fixture("ok-muntok-ii-dms.jpg"), toPath: folder.path + "/" + name)
        }
        let screen = try TerminalTests.onTerminal([CLITests.now, "--lang", "en", "--format", "table", folder.path])
        let progress = try #require(screen.range(of: "checking 3/3 photos", options: .backwards))
        let header = try #require(screen.range(of: "STATUS"))
        #expect(progress.upperBound <= header.lowerBound)
        #expect(screen[progress.upperBound..<header.lowerBound] == "\r\u{1B}[K", "\(screen.debugDescription)")
    }
}
