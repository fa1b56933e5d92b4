import Foundation
import Testing
@testable import VerifyPhotosKit

/// Runs sharing a `--report-dir`: each writes under names of its own and removes only the
/// leftovers of runs that are gone.
@Suite struct ReportDirectoryLeftoverTests {
    /// A temporary folder, removed when the test ends.
    final class Scratch {
        private let folder: TemporaryFolder
        var path: String { folder.path }
        init() throws { folder = try TemporaryFolder() }
        var names: Set<String> { Set((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []) }
        func create(_ name: String, modified: Date = Date()) throws {
            try TestPaths.write(Data("partial".utf8), to: URL(fileURLWithPath: path + "/" + name))
            try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: path + "/" + name)
        }
    }

    /// The pid of a process that has ended.
    static func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    static func write(_ reports: ReportDirectory) {
        var writer = CombinedReport(reports.writers(messages: Messages(language: .english)))
        writer.write(result: TestVerifier.verifier.verify(path: TestPaths.fixture("ok-muntok-ii-dms.jpg")))
        writer.finish(BatchSummary())
    }

    @Test func onlyLeftoversOfRunsThatAreGoneAreRemovedAndOnlyAtCommit() throws {
        let scratch = try Scratch()
        let dead = try ReportDirectoryLeftoverTests.deadPID()
        let twoDaysAgo = Date(timeIntervalSinceNow: -2 * 86_400)
        let gone = [".2026-04-03-091500.jsonl.tmp-\(dead)-9f3a", ".2026-04-03-091500.csv.tmp-\(dead)",  // older versions' name
                    ".2026-04-02-013000.csv.tmp-1-77aa"]  // pid 1 lives, but this was untouched for two days
        let kept = [".2026-04-03-091500.jsonl.tmp-1-0b5e", ".notes.tmp-\(dead)", "notes.txt"]
        for name in gone + kept {
            try scratch.create(name, modified: name.contains("013000") ? twoDaysAgo : Date())
        }
        let reports = try ReportDirectory(path: scratch.path, startedAt: 1_775_182_500)
        // Before the commit (which a --state run makes under its lock) nothing is removed.
        #expect(scratch.names.isSuperset(of: gone + kept))
        ReportDirectoryLeftoverTests.write(reports)
        try reports.commit()
        #expect(scratch.names == Set(kept + ["2026-04-03-091500.jsonl", "2026-04-03-091500.csv", "2026-04-03-091500.html"]))
    }

    @Test func runsInTheSameSecondWriteUnderNamesOfTheirOwn() throws {
        let scratch = try Scratch()
        let first = try ReportDirectory(path: scratch.path, startedAt: 1_775_182_500)
        let second = try ReportDirectory(path: scratch.path, startedAt: 1_775_182_500)
        #expect(scratch.names.filter { $0.contains(".tmp-\(getpid())-") }.count == 6)
        ReportDirectoryLeftoverTests.write(second)
        try second.commit()
        ReportDirectoryLeftoverTests.write(first)
        try first.commit()
        #expect(scratch.names == ["2026-04-03-091500.jsonl", "2026-04-03-091500.csv", "2026-04-03-091500.html",
                                  "2026-04-03-091500-2.jsonl", "2026-04-03-091500-2.csv", "2026-04-03-091500-2.html"])
    }

    @Test func aRunThatEndsWithoutCommittingRemovesItsOwnFiles() throws {
        let scratch = try Scratch()
        do {
            let reports = try ReportDirectory(path: scratch.path, startedAt: 1_775_182_500)
            ReportDirectoryLeftoverTests.write(reports)
            #expect(scratch.names.count == 3)
        }
        #expect(scratch.names.isEmpty)
    }

    @Test func temporaryNamesAreRecognisedStrictly() {
        #expect(ReportDirectory.temporaryOwner(".2026-04-03-091500.jsonl.tmp-123-ab12") == 123)
        #expect(ReportDirectory.temporaryOwner(".2026-04-03-091500-2.csv.tmp-123") == 123)
        for name in [".x.txt.tmp-123", "2026.jsonl.tmp-123", ".a.jsonl.tmp-0-ab", ".a.jsonl.tmp-12x", ".a.jsonl.tmp-1-xyz", ".a.jsonl.tmp--1"] {
            #expect(ReportDirectory.temporaryOwner(name) == nil, "\(name)")
        }
    }

    /// The temporary files of `--report-dir` are created new: a file or a symbolic link already
    /// at the name is refused and left as it was, never written through.
    @Test func aTemporaryNameThatExistsIsNeverWrittenThrough() throws {
        let folder = try TemporaryFolder()
        let target = folder.appendingPathComponent("target.txt").path
        try Data("keep".utf8).write(to: URL(fileURLWithPath: target))
        let link = folder.appendingPathComponent("link.tmp").path
        #expect(symlink(target, link) == 0)
        #expect(throws: OutputError.self) { try TextOutput(creatingNew: link) }
        #expect(throws: OutputError.self) { try TextOutput(creatingNew: target) }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep")
        let fresh = folder.appendingPathComponent("new.tmp").path
        let output = try TextOutput(creatingNew: fresh)
        output.line("x")
        output.flush()
        #expect(try String(contentsOfFile: fresh, encoding: .utf8) == "x\n")
    }
}
