import ArgumentParser
import VerifyPhotosKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// A closed pipe (`verify-photos ... | head -1`) then fails the write with EPIPE, which the
// report reports (exit 2, nothing marked as reported), instead of killing the process unseen.
signal(SIGPIPE, SIG_IGN)
// A photo that crashes a reader is named on standard error, and noted in the state's crash
// note file so that the next run reports it `unreadable` instead of reading it again.
CrashGuard.install()

// Usage and configuration errors, and a report that cannot be written, exit with status 2
// (ArgumentParser's default would be 64).
do {
    var command = try VerifyPhotosCommand.parseAsRoot()
    try command.run()
} catch let error as ConfigurationError {
    TextOutput.standardError("verify-photos: \(error)\n")
    VerifyPhotosCommand.exit(withError: ExitCode(2))
} catch let error as OutputError {
    TextOutput.standardError("verify-photos: \(error)\n")
    VerifyPhotosCommand.exit(withError: ExitCode(2))
} catch let error as ExitCode {
    VerifyPhotosCommand.exit(withError: error)
} catch {
    if VerifyPhotosCommand.exitCode(for: error) == .success {
        VerifyPhotosCommand.exit(withError: error)  // --help and the like print to stdout
    }
    TextOutput.standardError(VerifyPhotosCommand.fullMessage(for: error) + "\n")
    TextOutput.standardError("Usage: \(VerifyPhotosCommand.usageString())\n")
    VerifyPhotosCommand.exit(withError: ExitCode(2))
}
