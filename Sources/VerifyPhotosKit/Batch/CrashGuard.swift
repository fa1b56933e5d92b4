import Synchronization

/// Names the photo that crashed the process. A bug in a reader (a Swift trap, a fault in a C
/// library) kills the whole run; this makes sure the run says which photo did it, and that a
/// state (`--state`) learns it, so that the next run reports that photo `unreadable` instead
/// of reading it and crashing again.
///
/// Each worker marks the photo it reads in a slot of memory allocated beforehand. A handler
/// for the fatal signals (SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE) finds the slot of
/// the thread that crashed and, with async-signal-safe calls only, writes a note to a
/// descriptor opened beforehand (`noteCrashes(to:)`) and a line to standard error; it then
/// hands the signal to the previous handler, so the process still dies as it would have.
public enum CrashGuard {
    /// Slots: one per photo of a chunk in hand (`FreshReadings.chunkSize` is at most this).
    static let slotCount = 256
    /// Longest path a note keeps; a longer one is cut (and then matches no photo).
    static let pathCapacity = 4096
    /// A slot: the reading thread (8 bytes, 0 when free), then the note as written: the signal
    /// (Int32), the path's length (UInt32), the path's bytes.
    private static let slotSize = 16 + pathCapacity
    private static let noteHeader = 8
    private static let signals = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]
    private static let alternateStackSize = 64 * 1024

    private nonisolated(unsafe) static let slots: UnsafeMutableRawPointer = {
        let memory = UnsafeMutableRawPointer.allocate(byteCount: slotCount * slotSize, alignment: 16)
        memory.initializeMemory(as: UInt8.self, repeating: 0, count: slotCount * slotSize)
        return memory
    }()
    /// The handlers that were in place before `install`, at `position(of:)`.
    private nonisolated(unsafe) static let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 6)
    private static let messageCapacity = 96 + 4 * pathCapacity
    private nonisolated(unsafe) static let message: UnsafeMutablePointer<UInt8> = .allocate(capacity: messageCapacity)
    private static let installed = Atomic<Bool>(false)
    private static let notes = Atomic<Int32>(-1)
    /// A thread-specific key whose value says the thread has its own signal stack (a stack
    /// overflow must still be able to run the handler).
    private nonisolated(unsafe) static var stackKey = pthread_key_t()

    /// Installs the handlers (once per process; the command line does it at start).
    public static func install() {
        guard !installed.load(ordering: .acquiring) else { return }
        _ = slots
        pthread_key_create(&stackKey) { stack in
            // The thread ends: its signal stack, if this made it, is no longer used.
            guard let stack, stack != UnsafeMutableRawPointer(bitPattern: 1) else { return }
            var off = stack_t()
            off.ss_flags = Int32(SS_DISABLE)
            sigaltstack(&off, nil)
            stack.deallocate()
        }
        _ = message
        for number in signals {
            guard let index = position(of: number) else { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { CrashGuard.handle($0) }
            action.sa_flags = SA_ONSTACK
            sigemptyset(&action.sa_mask)
            sigaction(number, &action, previous + index)
        }
        installed.store(true, ordering: .releasing)
    }

    /// Where crash notes go (a state's note file), or -1 for nowhere.
    static func noteCrashes(to descriptor: Int32) {
        notes.store(descriptor, ordering: .releasing)
    }

    /// Stops writing notes to `descriptor` (when it is the one in use) before it is closed.
    static func stopNoting(to descriptor: Int32) {
        _ = notes.compareExchange(expected: descriptor, desired: -1, ordering: .acquiringAndReleasing)
    }

    /// Runs `body`, which reads the photo at `path`, with slot `slot` saying so.
    static func reading<Value>(_ path: PhotoPath, slot: Int, _ body: () -> Value) -> Value {
        guard slot >= 0, slot < slotCount, installed.load(ordering: .relaxed) else { return body() }
        ensureSignalStack()
        let record = slots + slot * slotSize
        let count = min(path.bytes.count, pathCapacity)
        path.bytes.withUnsafeBytes { bytes in
            if let source = bytes.baseAddress { (record + 16).copyMemory(from: source, byteCount: count) }
        }
        record.storeBytes(of: UInt32(count), toByteOffset: 12, as: UInt32.self)
        record.storeBytes(of: currentThread(), as: UInt.self)
        defer { record.storeBytes(of: 0, as: UInt.self) }
        return body()
    }

    /// The notes in `bytes` (a note file's content): the path and signal of each crash.
    static func decodeNotes(_ bytes: [UInt8]) -> [(path: PhotoPath, signal: Int32)] {
        var notes: [(path: PhotoPath, signal: Int32)] = []
        var offset = 0
        while offset + noteHeader <= bytes.count {
            func word(_ at: Int) -> UInt32 {
                (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[at + $1]) << (8 * UInt32($1)) }
            }
            let signal = Int32(bitPattern: word(offset)), count = Int(word(offset + 4))
            guard count <= pathCapacity, offset + noteHeader + count <= bytes.count else { break }
            notes.append((PhotoPath(bytes: Array(bytes[(offset + noteHeader)..<(offset + noteHeader + count)])), signal))
            offset += noteHeader + count
        }
        return notes
    }

    private static func currentThread() -> UInt {
        UInt(pthread_self())
    }

    /// Gives the calling thread a signal stack of its own unless it has one.
    private static func ensureSignalStack() {
        guard pthread_getspecific(stackKey) == nil else { return }
        var current = stack_t()
        if sigaltstack(nil, &current) == 0, current.ss_flags & Int32(SS_DISABLE) == 0 {
            pthread_setspecific(stackKey, UnsafeRawPointer(bitPattern: 1))  // someone else's: keep it
            return
        }
        let stack = UnsafeMutableRawPointer.allocate(byteCount: alternateStackSize, alignment: 16)
        var alternate = stack_t()
        alternate.ss_sp = stack
        alternate.ss_size = alternateStackSize
        alternate.ss_flags = 0
        guard sigaltstack(&alternate, nil) == 0 else {
            stack.deallocate()
            return
        }
        pthread_setspecific(stackKey, stack)
    }

    /// The signal handler: async-signal-safe calls only, no allocation, no locks.
    private static func handle(_ signal: Int32) {
        let me = currentThread()
        var index = 0
        while index < slotCount {
            let record = slots + index * slotSize
            if record.load(as: UInt.self) == me {
                record.storeBytes(of: signal, toByteOffset: 8, as: Int32.self)
                let count = Int(min(record.load(fromByteOffset: 12, as: UInt32.self), UInt32(pathCapacity)))
                let descriptor = notes.load(ordering: .relaxed)
                if descriptor >= 0 {
                    _ = write(descriptor, record + 8, noteHeader + count)
                    _ = fsync(descriptor)
                }
                say(signal: signal, path: record + 16, count: count)
                break
            }
            index += 1
        }
        if let position = position(of: signal) { sigaction(signal, previous + position, nil) }
        raise(signal)
    }

    /// Writes `verify-photos: crashed (signal N) while reading PATH` to standard error.
    private static func say(signal: Int32, path: UnsafeRawPointer, count: Int) {
        var length = copy("verify-photos: crashed (signal ", at: 0)
        var digits = Int(signal), divisor = 1
        while divisor * 10 <= digits { divisor *= 10 }
        while divisor > 0, length < messageCapacity {
            message[length] = UInt8(48 + digits / divisor)
            digits %= divisor
            divisor /= 10
            length += 1
        }
        length = copy(") while reading ", at: length)
        // Control characters in the name are escaped (`\x1b`), as the reports do.
        let hex: StaticString = "0123456789abcdef"
        for offset in 0..<count {
            let byte = path.load(fromByteOffset: offset, as: UInt8.self)
            guard length + 5 <= messageCapacity else { break }
            if byte < 0x20 || byte == 0x7F {
                message[length] = UInt8(ascii: "\\")
                message[length + 1] = UInt8(ascii: "x")
                message[length + 2] = hex.utf8Start[Int(byte >> 4)]
                message[length + 3] = hex.utf8Start[Int(byte & 0x0F)]
                length += 4
            } else {
                message[length] = byte
                length += 1
            }
        }
        message[length] = UInt8(ascii: "\n")
        _ = write(STDERR_FILENO, message, length + 1)
    }

    /// Copies `text` into `message` at `offset`; returns the offset after it.
    private static func copy(_ text: StaticString, at offset: Int) -> Int {
        let count = min(text.utf8CodeUnitCount, messageCapacity - offset)
        (message + offset).update(from: text.utf8Start, count: count)
        return offset + count
    }

    /// Where `signal` is in `signals`.
    private static func position(of signal: Int32) -> Int? {
        switch signal {
        case SIGSEGV: 0
        case SIGBUS: 1
        case SIGILL: 2
        case SIGTRAP: 3
        case SIGABRT: 4
        case SIGFPE: 5
        default: nil
        }
    }
}
