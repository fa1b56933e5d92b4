import Glibc

/// Walks a JPEG's markers, fed in pieces of any size, and hands on the entropy-coded data of
/// every scan of its first image: from the end of each SOS header to the next marker other than
/// a restart marker or a stuffed 0xFF00, up to EOI. The EXIF thumbnail (inside APP1), images
/// appended after EOI (MPF previews) and the DQT and DHT tables are not part of it.
///
/// Fed the whole file at once or a piece at a time, it hands on the same bytes, so that a photo
/// can be hashed while it is read, in pieces that stay in the processor's cache. A structure
/// that breaks off ends the walk; a file that ends inside a scan yields the data that is there.
struct JPEGScanWalker {
    private enum State {
        /// Before the first marker: the file must start FF D8.
        case start(seen: Int)
        /// Where a marker's 0xFF must come.
        case expectMarker
        /// After a marker's 0xFF (or fill bytes): the marker code.
        case markerCode
        case lengthHigh(marker: UInt8)
        case lengthLow(marker: UInt8, high: UInt8)
        /// Inside a segment's payload; after an SOS header the scan's data follows.
        case skip(remaining: Int, scanFollows: Bool)
        case entropy
        /// Inside a scan, a 0xFF was the last byte of the previous piece.
        case entropyAfterFF
        case done
    }

    private var state = State.start(seen: 0)
    /// Whether any scan data was handed on.
    private(set) var foundData = false
    private static let ff: [UInt8] = [0xFF]

    /// Walks `piece`, the next bytes of the file, calling `emit` with the scan data in it.
    mutating func feed(_ piece: UnsafeRawBufferPointer, emit: (UnsafeRawBufferPointer) -> Void) {
        guard let base = piece.baseAddress else { return }
        let bytes = base.assumingMemoryBound(to: UInt8.self)
        let count = piece.count
        var i = 0
        func hand(_ range: Range<Int>) {
            guard !range.isEmpty else { return }
            foundData = true
            emit(UnsafeRawBufferPointer(start: base + range.lowerBound, count: range.count))
        }
        while i < count {
            switch state {
            case .done:
                return
            case .start(let seen):
                let expected: UInt8 = seen == 0 ? 0xFF : 0xD8
                state = bytes[i] == expected ? (seen == 0 ? .start(seen: 1) : .expectMarker) : .done
                i += 1
            case .expectMarker:
                state = bytes[i] == 0xFF ? .markerCode : .done
                i += 1
            case .markerCode:
                let marker = bytes[i]
                i += 1
                switch marker {
                case 0xFF: break  // a fill byte before the marker
                case 0xD9: state = .done
                case 0x01, 0xD0...0xD7: state = .expectMarker
                default: state = .lengthHigh(marker: marker)
                }
            case .lengthHigh(let marker):
                state = .lengthLow(marker: marker, high: bytes[i])
                i += 1
            case .lengthLow(let marker, let high):
                let length = Int(high) << 8 | Int(bytes[i])
                i += 1
                state = length < 2 ? .done : .skip(remaining: length - 2, scanFollows: marker == 0xDA)
                if case .skip(0, let scan) = state { state = scan ? .entropy : .expectMarker }
            case .skip(let remaining, let scanFollows):
                let taken = min(remaining, count - i)
                i += taken
                state = taken < remaining ? .skip(remaining: remaining - taken, scanFollows: scanFollows)
                    : (scanFollows ? .entropy : .expectMarker)
            case .entropyAfterFF:
                // The 0xFF held back belongs to the scan when a stuffed zero or a restart marker follows.
                if bytes[i] == 0x00 || (0xD0...0xD7).contains(bytes[i]) {
                    foundData = true
                    Self.ff.withUnsafeBytes(emit)
                    state = .entropy
                } else {
                    state = .markerCode
                }
            case .entropy:
                let start = i
                var j = i
                while true {
                    guard let found = memchr(bytes + j, 0xFF, count - j) else {
                        hand(start..<count)
                        return
                    }
                    let at = bytes.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    guard at + 1 < count else {
                        hand(start..<at)
                        state = .entropyAfterFF
                        i = count
                        break
                    }
                    let next = bytes[at + 1]
                    if next == 0x00 || (0xD0...0xD7).contains(next) {
                        j = at + 2
                        continue
                    }
                    hand(start..<at)
                    state = .markerCode
                    i = at + 1
                    break
                }
            }
        }
    }

    /// Ends the walk at the end of the file: a 0xFF that was the file's last byte, inside a
    /// scan, is scan data.
    mutating func finish(emit: (UnsafeRawBufferPointer) -> Void) {
        if case .entropyAfterFF = state {
            foundData = true
            Self.ff.withUnsafeBytes(emit)
        }
        state = .done
    }
}
