import ArgumentParser
import VerifyPhotosKit

// Usage and configuration errors exit with status 2 (ArgumentParser's default would be 64).
do {
    var command = try VerifyPhotosCommand.parseAsRoot()
    do {
        try command.run()
    } catch let error as ExitCode {
        VerifyPhotosCommand.exit(withError: error)
    } catch {
        TextOutput.standardError("verify-photos: \(error)\n")
        VerifyPhotosCommand.exit(withError: ExitCode(2))
    }
} catch {
    let code = VerifyPhotosCommand.exitCode(for: error)
    if code == .success {
        VerifyPhotosCommand.exit(withError: error)
    }
    TextOutput.standardError(VerifyPhotosCommand.fullMessage(for: error) + "\n")
    TextOutput.standardError("Usage: \(VerifyPhotosCommand.usageString())\n")
    VerifyPhotosCommand.exit(withError: ExitCode(2))
}
