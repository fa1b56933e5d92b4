import Foundation
import Testing
@testable import VerifyPhotosKit

/// The state lock: never a planted link or someone else's file, private, and a wait that a
/// stop request or the timeout ends.
@Suite struct StateLockTests {
    /// A state path in a temporary folder, removed when the test ends.
    final class Scratch {
        let folder: TemporaryFolder
        var state: String { folder.path + "/state.db" }
        var lock: String { state + ".lock" }
        init() throws { folder = try TemporaryFolder() }
    }

    static func mode(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & 0o7777 : nil
    }

    @Test func aSymlinkAtTheLockIsNeverFollowed() throws {
        let scratch = try Scratch()
        let victim = scratch.folder.path + "/victim"
        try "precious\n".write(toFile: victim, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: scratch.lock, withDestinationPath: victim)
        let error = #expect(throws: StateError.self) { try StateLock(statePath: scratch.state, timeout: 0) }
        #expect(error?.description.contains("is a symbolic link") == true)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
        #expect(StateLockTests.mode(victim) == 0o644)
    }

    @Test func aHardLinkToAnotherFileIsRefused() throws {
        let scratch = try Scratch()
        let victim = scratch.folder.path + "/victim"
        try "precious\n".write(toFile: victim, atomically: false, encoding: .utf8)
        #expect(link(victim, scratch.lock) == 0)
        let error = #expect(throws: StateError.self) { try StateLock(statePath: scratch.state, timeout: 0) }
        #expect(error?.description.contains("hard links") == true)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
    }

    @Test func aFIFOAtTheLockIsRefusedWithoutHanging() throws {
        let scratch = try Scratch()
        #expect(mkfifo(scratch.lock, 0o600) == 0)
        let error = #expect(throws: StateError.self) { try StateLock(statePath: scratch.state, timeout: 0) }
        #expect(error?.description.contains("not a regular file") == true)
    }

    @Test(.enabled(if: getuid() == 0, "needs root to give the lock to another user"))
    func aLockOfAnotherUserIsRefused() throws {
        let scratch = try Scratch()
        #expect(FileManager.default.createFile(atPath: scratch.lock, contents: nil, attributes: [.posixPermissions: 0o600]))
        #expect(chown(scratch.lock, 65534, 65534) == 0)  // nobody
        let error = #expect(throws: StateError.self) { try StateLock(statePath: scratch.state, timeout: 0) }
        #expect(error?.description.contains("belongs to another user (uid 65534)") == true)
    }

    @Test func aNewLockIsPrivateAndAWiderOneIsMadePrivate() throws {
        let scratch = try Scratch()
        let old = umask(0)  // even a permissive umask gives 0600
        defer { umask(old) }
        _ = try StateLock(statePath: scratch.state, timeout: 0)
        #expect(StateLockTests.mode(scratch.lock) == 0o600)
        #expect(chmod(scratch.lock, 0o666) == 0)
        let lock = try StateLock(statePath: scratch.state, timeout: 0)
        #expect(StateLockTests.mode(scratch.lock) == 0o600)
        withExtendedLifetime(lock) {}
    }

    @Test func aStopRequestEndsTheWait() throws {
        let scratch = try Scratch()
        let holder = try StateLock(statePath: scratch.state, timeout: 0)
        var asked = 0
        let error = #expect(throws: StateError.self) {
            try StateLock(statePath: scratch.state, timeout: 600, shouldStop: {
                asked += 1
                return asked == 3
            })
        }
        #expect(error == StateLock.stoppedWhileWaiting)
        #expect(asked == 3)
        withExtendedLifetime(holder) {}
    }

    @Test func theTimeoutNamesTheRunHoldingTheLock() throws {
        let scratch = try Scratch()
        let holder = try StateLock(statePath: scratch.state, timeout: 0)
        let error = #expect(throws: StateError.self) { try StateLock(statePath: scratch.state, timeout: 0.2) }
        #expect(error?.description.contains("(process \(getpid()))") == true)
        #expect(error?.description.contains("--lock-timeout") == true)
        withExtendedLifetime(holder) {}
    }
}
