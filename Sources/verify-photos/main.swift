import ArgumentParser
import VerifyPhotosKit

// Usage and configuration errors exit with status 2 (ArgumentParser's default would be 64).
do {
    var command = try VerifyPhotosCommand.parseAsRoot()
    try command.run()
} catch let error as ConfigurationError {
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
