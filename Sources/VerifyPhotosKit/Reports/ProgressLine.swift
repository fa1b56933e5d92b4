/// The progress line on standard error (`memeriksa 120/400 foto`), redrawn in place at the
/// start of the line. Used from the writing thread only.
public final class ProgressLine: @unchecked Sendable {
    private let draw: (String) -> Void
    /// The text on the terminal now, if any.
    private var shown: String?

    /// `draw` writes to the terminal (standard error; tests record it instead).
    public init(draw: @escaping (String) -> Void = TextOutput.standardError) {
        self.draw = draw
    }

    /// Replaces the line with `text`.
    public func show(_ text: String) {
        draw("\r\u{1B}[K" + text)
        shown = text
    }

    /// Erases the line, if anything is shown.
    public func clear() {
        guard shown != nil else { return }
        draw("\r\u{1B}[K")
        shown = nil
    }

    /// Runs `body`, which writes to the same terminal, with the line erased, then shows the
    /// line again.
    public func suspended(_ body: () -> Void) {
        let text = shown
        clear()
        body()
        if let text { show(text) }
    }

    /// Whether standard output and standard error are the same terminal, so that report text
    /// and the progress line share one screen line.
    public static var outputSharesTerminal: Bool {
        guard isatty(STDOUT_FILENO) == 1, isatty(STDERR_FILENO) == 1 else { return false }
        var output = stat(), error = stat()
        guard fstat(STDOUT_FILENO, &output) == 0, fstat(STDERR_FILENO, &error) == 0 else { return true }
        return output.st_rdev == error.st_rdev
    }
}
