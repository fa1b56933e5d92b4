import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGINT and SIGTERM ask the run to stop after the photos in hand, so that the state and the
/// reports stay consistent; the batch checks between chunks.
enum StopSignal {
    private static let signal = Atomic<Int32>(0)

    static func install() {
        var set = sigset_t()
        sigemptyset(&set)
        for number in [SIGINT, SIGTERM] {
            _ = Glibc.signal(number) { received in StopSignal.signal.store(received, ordering: .relaxed) }
            sigaddset(&set, number)
        }
        // A parent may have started us with these blocked (the mask is inherited): unblock them.
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Whether a stop was asked for (suits `shouldStop`).
    @Sendable static func received() -> Bool {
        signal.load(ordering: .relaxed) != 0
    }

    /// The signal that asked to stop, if any.
    static var number: Int32? {
        let value = signal.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }
}
