import ArgumentParser
import VerifyPhotosKit

// Tesseract (reading stamps) runs its OpenMP loops with 4 threads each, on every worker
// thread: on a shared 2-core machine they only fight (measured: twice the CPU time, and a photo
// without a stamp past its 10 s limit). libgomp reads OMP_THREAD_LIMIT once, when the process
// starts, so the tool sets it and starts itself again, once, before doing anything else.
if getenv("OMP_THREAD_LIMIT") == nil, setenv("OMP_THREAD_LIMIT", "1", 1) == 0 {
    execv("/proc/self/exe", CommandLine.unsafeArgv)
    // exec failed (no /proc): go on with OpenMP's own threads.
}

// A closed pipe (`verify-photos ... | head -1`) then fails the write with EPIPE, which the
// report reports (exit 2, nothing marked as reported), instead of killing the process unseen.
signal(SIGPIPE, SIG_IGN)
// A photo that crashes a reader is named on standard error, and noted in the state's crash
// note file so that the next run reports it `unreadable` instead of reading it again.
CrashGuard.install()

// Usage and configuration errors, and a report that cannot be written, exit with status 2
// (ArgumentParser's default would be 64). ArgumentParser's message already ends with the usage.
let command: VerifyPhotosCommand
do {
    command = try VerifyPhotosCommand.parse()
} catch {
    if VerifyPhotosCommand.exitCode(for: error) == .success {
        VerifyPhotosCommand.exit(withError: error)  // --help, --version: printed to stdout
    }
    TextOutput.standardError(VerifyPhotosCommand.fullMessage(for: error) + "\n")
    VerifyPhotosCommand.exit(withError: ExitCode(2))
}

/// A failure that ends the run, as a mail from cron or a line in a log should show it: when,
/// what, and with which state.
func fail(_ message: String) -> Never {
    let messages = Messages(language: Settings.language(command) ?? .indonesian)
    TextOutput.standardError(messages.failure(message, at: Int64(time(nil)), statePath: command.nightly.state) + "\n")
    VerifyPhotosCommand.exit(withError: ExitCode(2))
}

do {
    try command.run()
} catch let error as ConfigurationError {
    fail(error.description)
} catch let error as OutputError {
    fail(Messages(language: Settings.language(command) ?? .indonesian).describe(error))
} catch let error as ExitCode {
    VerifyPhotosCommand.exit(withError: error)
} catch {
    fail(VerifyPhotosCommand.message(for: error))
}
