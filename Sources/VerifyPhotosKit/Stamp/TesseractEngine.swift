import CTesseract
import Synchronization

/// One Tesseract instance (`TessBaseAPI`) with its language data loaded once, for reading the
/// stamps printed on photos. Tesseract is not thread-safe per handle, so an engine is used by
/// one thread at a time: `TesseractEngine.withEngine` hands each worker thread its own, and
/// returns it to a pool for the next photo (loading the models takes about 0.15 s).
final class TesseractEngine: @unchecked Sendable {  // one thread at a time, by the pool's lock
    private let handle: OpaquePointer

    /// The language data read: English (Latin letters, digits, AM/PM) and Indonesian (month
    /// and day names); `tesseract-ocr-eng` and `tesseract-ocr-ind`.
    static let languages = "eng+ind"
    /// The resolution Tesseract is told the bands have: text of 20-60 px is then 5-14 pt, the
    /// sizes its models were trained on (without it, Tesseract guesses and prints a warning).
    static let dotsPerInch = 300

    /// An engine with `languages` loaded, or why it could not be made (language data missing).
    init(languages: String = TesseractEngine.languages) throws(StampFailure) {
        guard let handle = TessBaseAPICreate() else { throw StampFailure(reason: "Tesseract could not be started") }
        // Messages Tesseract would print go nowhere: a report's standard error is for people.
        TessBaseAPISetVariable(handle, "debug_file", "/dev/null")
        guard TessBaseAPIInit3(handle, nil, languages) == 0 else {
            TessBaseAPIDelete(handle)
            throw StampFailure(reason: "Tesseract language data \(languages) not found (apt-get install tesseract-ocr-eng tesseract-ocr-ind)")
        }
        TessBaseAPISetPageSegMode(handle, PSM_SPARSE_TEXT)
        TessBaseAPISetVariable(handle, "user_defined_dpi", "\(TesseractEngine.dotsPerInch)")
        // The reader gives Tesseract the inverted band itself: no second recognition of every
        // doubtful word inverted (which doubles the time spent on a busy picture's noise).
        TessBaseAPISetVariable(handle, "tessedit_do_invert", "0")
        self.handle = handle
    }

    deinit {
        TessBaseAPIEnd(handle)
        TessBaseAPIDelete(handle)
    }

    /// The text Tesseract reads in `image` within `milliseconds` (what it read so far when the
    /// time runs out), or nil when recognition failed.
    func text(in image: GreyImage, milliseconds: Int) -> String? {
        defer { TessBaseAPIClear(handle) }
        image.pixels.withUnsafeBufferPointer { pixels in
            TessBaseAPISetImage(handle, pixels.baseAddress, Int32(image.width), Int32(image.height), 1, Int32(image.width))
        }
        TessBaseAPISetSourceResolution(handle, Int32(TesseractEngine.dotsPerInch))
        guard let monitor = TessMonitorCreate() else { return nil }
        defer { TessMonitorDelete(monitor) }
        TessMonitorSetDeadlineMSecs(monitor, Int32(clamping: max(1, milliseconds)))
        guard TessBaseAPIRecognize(handle, monitor) == 0, let text = TessBaseAPIGetUTF8Text(handle) else { return nil }
        defer { TessDeleteText(text) }
        return String(cString: text)
    }

    /// Engines not in use, and the failure to make one, if making one failed (the language
    /// data will not appear during the run: every later photo gets the same failure at once).
    private static let pool = Mutex<(idle: [TesseractEngine], failure: StampFailure?)>(([], nil))

    /// Runs `body` with an engine of this thread's own for the time of the call.
    static func withEngine<T>(_ body: (TesseractEngine) -> T) -> Result<T, StampFailure> {
        let taken: Result<TesseractEngine?, StampFailure> = pool.withLock { state in
            if let failure = state.failure { return .failure(failure) }
            return .success(state.idle.popLast())
        }
        let engine: TesseractEngine
        switch taken {
        case .failure(let failure):
            return .failure(failure)
        case .success(let idle?):
            engine = idle
        case .success(nil):
            do {
                engine = try TesseractEngine()
            } catch {
                pool.withLock { $0.failure = error }
                return .failure(error)
            }
        }
        let result = body(engine)
        pool.withLock { $0.idle.append(engine) }
        return .success(result)
    }
}

/// Why a stamp could not be read at all (not: why nothing was found on it).
public struct StampFailure: Error, Sendable, Equatable, Codable {
    public var reason: String
}
