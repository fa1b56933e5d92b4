import Foundation

/// Waiting for a condition, never for a time: each wait ends as soon as its condition holds, and
/// fails with a message naming what did not happen once its bound has passed (the bounds are
/// generous: the tests share a machine with builds and a fuzzer).
enum Wait {
    /// What a wait throws: the condition did not hold in time, or can no longer hold.
    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    /// Checks `condition` until it holds; throws once `seconds` have passed, or at once when
    /// `condition` throws (it can no longer hold: the process it watches has ended).
    static func until(_ what: String, within seconds: Double, _ condition: () throws -> Bool) throws {
        let deadline = Date(timeIntervalSinceNow: seconds)
        while try !condition() {
            if Date() > deadline {
                throw Failed(description: "waited \(seconds) s until \(what); gave up")
            }
            usleep(10_000)  // how often to look again, not how long the condition takes
        }
    }

    /// Waits for `process` to end. Past the bound it is killed (SIGKILL) and reaped, and the
    /// wait throws, naming `what`.
    static func exit(of process: Process, _ what: String, within seconds: Double) throws {
        do {
            try until("\(what) ended", within: seconds) { !process.isRunning }
        } catch {
            killIfRunning(process)
            throw error
        }
    }

    /// Kills `process` (SIGKILL) if it still runs, and reaps it: for `defer`, so that a test
    /// that failed part-way leaves no process behind.
    static func killIfRunning(_ process: Process) {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// For a condition of `until`: throws once `process` has ended, when what the test waits
    /// for (`what`) can no longer happen.
    static func stillRunning(_ process: Process, before what: String) throws {
        guard process.isRunning else {
            let end = process.terminationReason == .exit ? "exit status" : "signal"
            throw Failed(description: "the process ended (\(end) \(process.terminationStatus)) before \(what)")
        }
    }
}

/// A run of the binary whose standard output is a pipe that nobody reads until `release()`.
/// Once the run has printed more than the pipe holds (64 KiB) it is stuck part-way through its
/// report, so a test can act on it (signal it, kill it, start another run beside it) knowing
/// that it has not finished, however fast or slow the machine is.
final class HeldRun: @unchecked Sendable {  // `printed` is shared under `lock`
    let process = Process()
    private let output = Pipe()
    private let reading = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var printed = Data()
    private var released = false

    init(_ arguments: [String]) throws {
        process.executableURL = CLITests.binary
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// Names of the report's temporary files in `reports` (none when the folder is not there yet).
    static func temporaries(_ reports: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: reports)) ?? []).filter { $0.contains(".tmp-") }
    }

    /// Size of the JSON Lines report the run is writing into `reports`, 0 before it exists.
    static func reportSize(_ reports: String) -> Int {
        temporaries(reports).filter { $0.contains(".jsonl.tmp-") }.compactMap { name in
            try? FileManager.default.attributesOfItem(atPath: reports + "/" + name)[.size] as? Int
        }.max() ?? 0
    }

    /// Waits until the report the run writes into `reports` holds more than `bytes` bytes: its
    /// photos are then being recorded and reported. Throws if the run ends first or the bound passes.
    func waitForReport(in reports: String, past bytes: Int, within seconds: Double = 180) throws {
        let what = "the run's report in \(reports) passed \(bytes) bytes"
        try Wait.until(what, within: seconds) {
            try Wait.stillRunning(process, before: what)
            return HeldRun.reportSize(reports) > bytes
        }
    }

    /// Starts reading the run's standard output on another thread, so that it can go on.
    func release() {
        lock.lock()
        defer { lock.unlock() }
        guard !released else { return }
        released = true
        let handle = output.fileHandleForReading
        Thread.detachNewThread { [self] in
            let data = handle.readDataToEndOfFile()
            lock.lock()
            printed = data
            lock.unlock()
            reading.signal()
        }
    }

    /// Releases the run and waits for it to end (killing it past the bound), then for its
    /// output to be read to the end. The lines it printed.
    @discardableResult
    func finish(within seconds: Double) throws -> Int {
        release()
        try Wait.exit(of: process, "the run", within: seconds)
        guard reading.wait(timeout: .now() + 30) == .success else {
            throw Wait.Failed(description: "the run ended but its standard output was not closed within 30 s")
        }
        lock.lock()
        defer { lock.unlock() }
        return printed.split(separator: UInt8(ascii: "\n")).count
    }

    /// A run the test left held (it failed part-way) is killed.
    deinit { Wait.killIfRunning(process) }
}
