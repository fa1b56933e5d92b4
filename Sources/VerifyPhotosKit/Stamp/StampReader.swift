import CPhotoShim

/// What OCR read from the bands of a photo where stamps are printed, stored with the rest of a
/// photo's reading (so that a `--state` rerun does not read it again), and parsed when judged
/// (so that a better parser applies to stored readings).
public struct StampReading: Sendable, Codable, Equatable {
    /// The text read, band after band (at most `StampText.maxCharacters`); empty when nothing was.
    public var text: String
    /// Why the picture could not be read for a stamp (not a JPEG, not decodable, no OCR).
    public var failure: StampFailure?

    public init(text: String, failure: StampFailure? = nil) {
        self.text = String(text.prefix(StampText.maxCharacters))
        self.failure = failure
    }

    /// What the text says.
    public var parsed: StampText { StampText(text) }
}

/// Reads the stamp a GPS camera app or a phone printed on a photo: decodes the JPEG in grey at
/// most `maxLongSide` pixels long, crops the bottom and top bands (the corners are in them),
/// scales small text up, and lets Tesseract read each band twice: inverted (stamps are white
/// text, often on a dark translucent box) and binarised to its brightest pixels (white or yellow
/// text with an outline or a shadow straight on the picture). Stops as soon as a date and time
/// were read, with the position when the text shows coordinates. The work is bounded: the decode by the JPEG's declared size and libjpeg's
/// memory, Tesseract by at most `maxPasses` bands and `millisecondsPerPhoto` in all.
public struct StampReader: Sendable {
    /// The decoded picture's longer side at most: a messenger's 1600 px as they are, a 12-MP
    /// original at 3/8. Stamps are printed at 2.5-4 % of the picture's height, so their text
    /// is then 30-60 px high, what Tesseract reads best.
    public var maxLongSide = 1600
    /// Longest time Tesseract may take for one photo, over all its bands: wall-clock time,
    /// generous because other work shares the cores (a pass takes 0.2-0.3 s of CPU).
    public var millisecondsPerPhoto = 10_000
    /// Largest file read (the whole file is decoded from memory).
    static let maxFileBytes = 64 << 20
    /// Largest declared width x height decoded, checked before any image memory is allocated.
    static let maxPixels: UInt64 = 250_000_000
    /// Most memory libjpeg may take for one image.
    static let maxMemory = 256 << 20
    /// Most images given to Tesseract per photo.
    static let maxPasses = 4

    public init() {}

    /// The stamp of the photo in `file` (`whole`: its bytes when already in memory).
    public func read(_ file: ReadOnlyFile, whole: [UInt8]? = nil) -> StampReading {
        if let whole { return read(bytes: whole) }
        guard file.size <= Int64(StampReader.maxFileBytes) else {
            return StampReading(text: "", failure: StampFailure(reason: "file larger than \(StampReader.maxFileBytes >> 20) MiB"))
        }
        do {
            return read(bytes: try file.bytes(at: 0, count: Int(file.size)))
        } catch {
            return StampReading(text: "", failure: StampFailure(reason: "\(error)"))
        }
    }

    /// The stamp of the JPEG in `bytes`.
    public func read(bytes: [UInt8]) -> StampReading {
        guard bytes.count >= 3, bytes[0] == 0xFF, bytes[1] == 0xD8, bytes[2] == 0xFF else {
            return StampReading(text: "", failure: StampFailure(reason: "stamps are read in JPEG photos only"))
        }
        guard bytes.count <= StampReader.maxFileBytes else {
            return StampReading(text: "", failure: StampFailure(reason: "file larger than \(StampReader.maxFileBytes >> 20) MiB"))
        }
        let decoded = bytes.withUnsafeBufferPointer { decode($0) }
        switch decoded {
        case .failure(let failure):
            return StampReading(text: "", failure: failure)
        case .success(let image):
            return read(image: image)
        }
    }

    /// Reads the bands of a decoded picture.
    func read(image: GreyImage) -> StampReading {
        let passes = StampReader.passes(for: image).prefix(StampReader.maxPasses)
        let outcome = TesseractEngine.withEngine { engine -> String in
            let clock = MonotonicClock()
            var texts: [String] = []
            for (index, pass) in passes.enumerated() {
                let left = millisecondsPerPhoto - clock.elapsedMilliseconds
                guard left > 0 else { break }
                if let text = engine.text(in: pass.image, milliseconds: left) {
                    let trimmed = text.split(separator: "\n").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
                    if !trimmed.isEmpty { texts.append(trimmed.joined(separator: "\n")) }
                }
                let parsed = StampText(texts.joined(separator: "\n"))
                if parsed.clock != nil && (parsed.position != nil || !parsed.mentionsCoordinates) { break }
            }
            return texts.joined(separator: "\n")
        }
        switch outcome {
        case .success(let text): return StampReading(text: text)
        case .failure(let failure): return StampReading(text: "", failure: failure)
        }
    }

    private func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<GreyImage, StampFailure> {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return .failure(StampFailure(reason: "no data")) }
        var image = vp_gray_image()
        var message = [CChar](repeating: 0, count: 256)
        let status = vp_jpeg_decode_band(base, bytes.count, Int32(maxLongSide), StampReader.maxPixels, StampReader.maxMemory,
                                         &image, &message, message.count)
        defer { vp_free(image.pixels) }
        guard status == 0, let pixels = image.pixels, image.width > 0, image.height > 0 else {
            let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return .failure(StampFailure(reason: text.isEmpty ? "not decodable" : text))
        }
        let copy = Array(UnsafeBufferPointer(start: pixels, count: Int(image.width) * Int(image.height)))
        guard let grey = GreyImage(width: Int(image.width), height: Int(image.height), pixels: copy) else {
            return .failure(StampFailure(reason: "not decodable"))
        }
        return .success(grey)
    }

    /// The images to read, in order: the bottom 30 % inverted and binarised to its brightest
    /// pixels, then the top 16 % the same way (`band` 0 and 1). Bands of a small picture are
    /// scaled up so that its text is large enough.
    static func passes(for image: GreyImage) -> [(band: Int, image: GreyImage)] {
        let bottomTop = image.height * 70 / 100
        let topEnd = max(1, image.height * 16 / 100)
        var passes: [(band: Int, image: GreyImage)] = []
        for (band, (from, to)) in [(bottomTop, image.height), (0, topEnd)].enumerated() {
            guard to > from, var rows = image.rows(from, to) else { continue }
            if max(image.width, image.height) < 1000, let larger = rows.doubled() { rows = larger }
            passes.append((band, rows.inverted()))
            if let bright = rows.brightestAsBlack() { passes.append((band, bright)) }
        }
        return passes
    }
}

extension GreyImage {
    /// Rows `from..<to` as an image of their own.
    func rows(_ from: Int, _ to: Int) -> GreyImage? {
        guard from >= 0, to <= height, from < to else { return nil }
        return GreyImage(width: width, height: to - from, pixels: Array(pixels[(from * width)..<(to * width)]))
    }

    /// Dark for light: white stamp text becomes the black-on-light text Tesseract expects.
    func inverted() -> GreyImage {
        GreyImage(width: width, height: height, pixels: pixels.map { 255 - $0 }) ?? self
    }

    /// Black where the picture is brighter than halfway between its median and its 99th
    /// percentile, white elsewhere: the fill of white or yellow stamp text, whatever is around
    /// it. Nil when nothing stands out (no bright text to find).
    func brightestAsBlack() -> GreyImage? {
        var histogram = [Int](repeating: 0, count: 256)
        for value in pixels { histogram[Int(value)] += 1 }
        func percentile(_ share: Double) -> Int {
            let wanted = Int(Double(pixels.count) * share)
            var seen = 0
            for (value, count) in histogram.enumerated() {
                seen += count
                if seen > wanted { return value }
            }
            return 255
        }
        let median = percentile(0.5), high = percentile(0.99)
        guard high - median >= 30 else { return nil }
        let threshold = UInt8((median + high) / 2)
        return GreyImage(width: width, height: height, pixels: pixels.map { $0 >= threshold ? 0 : 255 })
    }

    /// Twice as wide and high (bilinear), for small text.
    func doubled() -> GreyImage? {
        let w = width * 2, h = height * 2
        var out = [UInt8](repeating: 0, count: w * h)
        for y in 0..<h {
            let sy = min(height - 1, y / 2), ny = min(height - 1, sy + (y & 1))
            for x in 0..<w {
                let sx = min(width - 1, x / 2), nx = min(width - 1, sx + (x & 1))
                let sum = Int(pixels[sy * width + sx]) + Int(pixels[sy * width + nx]) + Int(pixels[ny * width + sx]) + Int(pixels[ny * width + nx])
                out[y * w + x] = UInt8(sum / 4)
            }
        }
        return GreyImage(width: w, height: h, pixels: out)
    }
}

extension Substring {
    /// Without leading and trailing spaces.
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}

/// Milliseconds since it was made, by the monotonic clock.
struct MonotonicClock {
    private let start = MonotonicClock.now()

    var elapsedMilliseconds: Int {
        Int((MonotonicClock.now() - start) / 1_000_000)
    }

    private static func now() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
    }
}
