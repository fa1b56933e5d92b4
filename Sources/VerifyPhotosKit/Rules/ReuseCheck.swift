/// How alike two photos are, from the most to the least certain.
public enum ReuseKind: String, Sendable, CaseIterable, Comparable {
    /// The same bytes (SHA-256 of the file).
    case exact
    /// The same compressed picture with other metadata (SHA-256 of the image data).
    case image
    /// The same picture re-encoded, resized or lightly cropped (perceptual hashes within the threshold).
    case similar

    public static func < (a: ReuseKind, b: ReuseKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Another photo that shows the same picture as this one.
public struct ReuseMatch: Sendable, Equatable {
    public var otherPath: String
    public var kind: ReuseKind
    /// Hamming distance of the two perceptual hashes (0–64), when both have one.
    public var distance: Int?
    /// Whether another employee sent it (another NIP in the path, else another folder).
    public var otherSender: Bool
    /// Its day (submitted for, else captured), when that is another day than this photo's.
    public var otherDay: CalendarDate?

    /// Reuse that counts against the evidence: across employees or days. One employee sending
    /// the same picture twice for one day is only noted.
    public var counts: Bool { otherSender || otherDay != nil }
}

/// Another photo with exactly the same GPS position, as a fake-GPS app leaves.
public struct CoordinateRepeat: Sendable, Equatable {
    public var otherPath: String
    public var otherSender: Bool
    public var otherDay: CalendarDate?
}

/// What the checks across photos keep of one photo: who sent it, when, where, and its fingerprints.
struct ReuseFacts: Sendable {
    var path: String
    /// The NIP in the path, else the folder the photo is in.
    var sender: String
    var day: CalendarDate?
    var utcSeconds: Int64?
    /// SHA-256 of the file and of its compressed image data.
    var fileDigest: Digest256?
    var imageDigest: Digest128?
    var perceptual: PerceptualHash?
    var coordinates: CoordinateKey?

    static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }
}

extension ReuseFacts {
    /// The facts of a judged photo. Its day is the day submitted for, else the capture day: the
    /// same file sent for two Fridays is reuse although it was captured once.
    init(_ result: PhotoResult) {
        let time = result.verdict.captureTime
        let fingerprint = result.fingerprint
        self.init(path: result.path, sender: result.submission.employee?.digits ?? ReuseFacts.folder(of: result.path),
                  day: result.submission.submittedFor ?? time?.wib.date, utcSeconds: time?.utcSeconds,
                  fileDigest: fingerprint.flatMap { Digest256(hex: $0.fileSHA256) },
                  imageDigest: fingerprint?.imageDigest.flatMap(Digest128.init(hex:)), perceptual: fingerprint?.perceptual?.hash,
                  coordinates: result.metadata?.gps.position.map(CoordinateKey.init))
    }
}

/// A SHA-256 in four words: kept for every photo of a run and used as a dictionary key, without
/// the allocation of its 64 hex digits.
struct Digest256: Hashable, Sendable {
    private var a, b, c, d: UInt64

    init?(hex: String) {
        self.init(bytes: hex.hexBytes)
    }

    /// Nil unless `bytes` are 32.
    init?(bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        func word(_ at: Int) -> UInt64 {
            var value: UInt64 = 0
            for index in at..<(at + 8) { value = value << 8 | UInt64(bytes[index]) }
            return value
        }
        (a, b, c, d) = (word(0), word(8), word(16), word(24))
    }

    /// The 32 bytes, as the state stores them.
    var bytes: [UInt8] {
        [a, b, c, d].flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word >> (56 - 8 * $0)) } }
    }
}

/// An image-data digest (`ImageDigest`, XXH3-128) as two words.
struct Digest128: Hashable, Sendable {
    private var high, low: UInt64

    init?(hex: String) {
        self.init(bytes: hex.hexBytes)
    }

    /// Nil unless `bytes` are 16.
    init?(bytes: [UInt8]) {
        guard bytes.count == 16 else { return nil }
        (high, low) = (bytes[0..<8].reduce(0) { $0 << 8 | UInt64($1) }, bytes[8..<16].reduce(0) { $0 << 8 | UInt64($1) })
    }

    /// The 16 bytes, as the state stores them.
    var bytes: [UInt8] {
        [high, low].flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word >> (56 - 8 * $0)) } }
    }
}

/// A position to a millionth of a degree (about 11 cm): real fixes at one place differ by metres.
struct CoordinateKey: Hashable, Sendable {
    var latitude: Int64
    var longitude: Int64

    init(_ point: GeoPoint) {
        latitude = Int64((point.latitude * 1_000_000).rounded())
        longitude = Int64((point.longitude * 1_000_000).rounded())
    }

    init(latitude: Int64, longitude: Int64) {
        self.latitude = latitude
        self.longitude = longitude
    }
}

/// Where the checks across photos find earlier photos: this run's (`RunReuseIndex`), or every
/// photo a state has recorded (`VerificationState`).
protocol ReuseIndex {
    /// Photos that may show the same picture or position as `photo`: the same file or image
    /// digest, a perceptual hash within `maxDistance`, or the same coordinates (never `photo`
    /// itself); at most `ReuseCheck.maxCandidates` of each kind, so that a thousand copies of one
    /// photo cost no more than a few dozen.
    mutating func candidates(of photo: ReuseFacts, maxDistance: Int) throws -> [ReuseFacts]
    /// Adds a photo of the run (a state records its photos itself, as it reads them).
    mutating func remember(_ photo: ReuseFacts)
}

/// The checks across the photos of a run: reused pictures (`duplicate`, flagged) and positions
/// repeated across employees or days on other pictures (`repeated-coordinates`, review; a
/// reused picture repeats its position anyway).
///
/// Results come in batches (each written once checked). A photo is compared with every photo
/// its index knows: this run's photos before it and in its batch, or, with a state, every
/// photo ever recorded. Both photos of a pair within one batch name each other. A photo written
/// in an earlier batch does not name a later copy: its path is kept in `lateMatches` so that
/// the ledger and the state still count it.
struct ReuseCheck {
    /// Most paths a photo names (`duplicate_of`, `repeated_with`).
    static let maxNamed = 10
    /// Most photos looked at per kind of likeness (file, image, perceptual, position); the
    /// counts in the explanation are then "at least".
    static let maxCandidates = 64
    /// Photos of one employee at the same position within this many seconds are not a repeat
    /// (a phone may reuse a fix).
    static let sameFixSeconds: Int64 = 600
    /// Perceptual hashes at most this many bits apart are the same picture.
    let threshold: Int
    private var index: any ReuseIndex
    /// Paths written before a later photo was found to reuse them across employees or days.
    private(set) var lateMatches: Set<String> = []

    init(threshold: Int, index: any ReuseIndex) {
        self.threshold = threshold
        self.index = index
    }

    /// Compares each result of `batch` with the photos the index knows and adds the
    /// `not-reused` and `distinct-coordinates` checks.
    mutating func apply(to batch: inout [PhotoResult]) throws {
        var reuse = [[ReuseMatch]](repeating: [], count: batch.count)
        var repeats = [[CoordinateRepeat]](repeating: [], count: batch.count)
        var inBatch: [String: Int] = [:]
        // An unreadable photo is neither judged nor compared: it is no evidence either way.
        for (offset, result) in batch.enumerated() where result.verdict.status != .unreadable {
            let photo = ReuseFacts(result)
            var named = Set<String>(reuse[offset].map(\.otherPath))
            var repeated = Set<String>(repeats[offset].map(\.otherPath))
            for other in try index.candidates(of: photo, maxDistance: threshold) where other.path != photo.path {
                let earlier = inBatch[other.path]
                // The same picture: reuse, which also explains a repeated position.
                if let match = photo.reuse(of: other, threshold: threshold) {
                    guard named.insert(other.path).inserted else { continue }
                    reuse[offset].append(match)
                    if let earlier {
                        reuse[earlier].append(other.reuse(of: photo, threshold: threshold) ?? match)
                    } else if match.counts {
                        lateMatches.insert(other.path)
                    }
                } else if !repeated.contains(other.path), let found = photo.repeats(other) {
                    repeated.insert(other.path)
                    repeats[offset].append(found)
                    if let earlier, let mirrored = other.repeats(photo) { repeats[earlier].append(mirrored) }
                }
            }
            index.remember(photo)
            inBatch[photo.path] = offset
        }
        for offset in batch.indices where batch[offset].verdict.status != .unreadable {
            // Those that count first, so that the ten named include them.
            let matches = reuse[offset].sorted { ($0.counts ? 0 : 1, $0.kind, $0.otherPath) < ($1.counts ? 0 : 1, $1.kind, $1.otherPath) }
            batch[offset].verdict.add(batch[offset].fingerprint == nil
                ? RuleCheck(.notReused(matches: [], matchCount: 0, threshold: threshold), .notJudged)
                : .pass(.notReused(matches: Array(matches.prefix(Self.maxNamed)), matchCount: matches.count, threshold: threshold),
                        unless: matches.contains(where: \.counts), .duplicate))
            let found = repeats[offset].sorted { $0.otherPath < $1.otherPath }
            batch[offset].verdict.add(batch[offset].metadata?.gps.position == nil
                ? RuleCheck(.distinctCoordinates(repeats: [], repeatCount: 0), .notJudged)
                : .pass(.distinctCoordinates(repeats: Array(found.prefix(Self.maxNamed)), repeatCount: found.count),
                        unless: !found.isEmpty, .repeatedCoordinates, outcome: .review))
        }
    }
}

extension ReuseFacts {
    /// How `other` shows the same picture: the strongest kind that holds; nil when none does.
    func reuse(of other: ReuseFacts, threshold: Int) -> ReuseMatch? {
        let distance = perceptual.flatMap { a in other.perceptual.map(a.distance) }
        let kind: ReuseKind
        if let digest = fileDigest, digest == other.fileDigest {
            kind = .exact
        } else if let digest = imageDigest, digest == other.imageDigest {
            kind = .image
        } else if let distance, distance <= threshold {
            kind = .similar
        } else {
            return nil
        }
        return ReuseMatch(otherPath: other.path, kind: kind, distance: distance, otherSender: other.sender != sender,
                          otherDay: dayDiffers(from: other) ? other.day : nil)
    }

    /// `other` at exactly this position: of another employee, another day, or the same employee
    /// and day more than `sameFixSeconds` apart (a phone may reuse a fix for minutes).
    func repeats(_ other: ReuseFacts) -> CoordinateRepeat? {
        guard let coordinates, coordinates == other.coordinates else { return nil }
        if other.sender == sender && !dayDiffers(from: other) {
            guard let a = utcSeconds, let b = other.utcSeconds, abs(a - b) > ReuseCheck.sameFixSeconds else { return nil }
        }
        return CoordinateRepeat(otherPath: other.path, otherSender: other.sender != sender, otherDay: dayDiffers(from: other) ? other.day : nil)
    }

    /// Both days are known and differ (a photo without a day is not "another day").
    func dayDiffers(from other: ReuseFacts) -> Bool {
        guard let day, let otherDay = other.day else { return false }
        return day != otherDay
    }
}

/// The photos of a run without a state, in memory: a dictionary per digest and position, and a
/// multi-index of the perceptual hashes.
struct RunReuseIndex: ReuseIndex {
    init() {}

    private var facts: [ReuseFacts] = []
    /// For each key the latest photo with it; `links` chain each photo to the previous one with
    /// the same file digest, image digest and position (-1: none). A list per key would cost an
    /// allocation per photo.
    private var byFile: [Digest256: Int] = [:]
    private var byImage: [Digest128: Int] = [:]
    private var byPosition: [CoordinateKey: Int] = [:]
    private var links: [(file: Int, image: Int, position: Int)] = []
    private var perceptual = PerceptualIndex()
    /// The photo (index in `facts`) of each entry of `perceptual`.
    private var perceptualOwners: [Int] = []

    func candidates(of photo: ReuseFacts, maxDistance: Int) -> [ReuseFacts] {
        var found: [Int] = []
        func chain(from start: Int?, _ next: ((file: Int, image: Int, position: Int)) -> Int) {
            var index = start ?? -1
            var taken = 0
            while index >= 0 && taken < ReuseCheck.maxCandidates {
                found.append(index)
                taken += 1
                index = next(links[index])
            }
        }
        if let digest = photo.fileDigest { chain(from: byFile[digest]) { $0.file } }
        if let digest = photo.imageDigest { chain(from: byImage[digest]) { $0.image } }
        if let hash = photo.perceptual {
            found += perceptual.query(hash, within: maxDistance).prefix(ReuseCheck.maxCandidates).map { perceptualOwners[$0.entry] }
        }
        if let key = photo.coordinates { chain(from: byPosition[key]) { $0.position } }
        return found.sorted().reduce(into: [Int]()) { if $0.last != $1 { $0.append($1) } }.map { facts[$0] }
    }

    mutating func remember(_ photo: ReuseFacts) {
        let index = facts.count
        facts.append(photo)
        links.append((photo.fileDigest.flatMap { byFile.updateValue(index, forKey: $0) } ?? -1,
                      photo.imageDigest.flatMap { byImage.updateValue(index, forKey: $0) } ?? -1,
                      photo.coordinates.flatMap { byPosition.updateValue(index, forKey: $0) } ?? -1))
        if let hash = photo.perceptual {
            perceptual.add(hash)
            perceptualOwners.append(index)
        }
    }
}
