/// Finds, among many stored perceptual hashes, all those within a Hamming distance of a query
/// without comparing it to every one (multi-index hashing, Norouzi et al. 2012).
///
/// The 64 bits are split into `bands` contiguous bands, each indexed by its value. If two hashes
/// differ in at most `d` bits, then by the pigeonhole principle at least one band differs in at
/// most `d / bands` bits (rounded down). A query therefore looks up, in every band, each value
/// within that radius of its own, and checks the candidates found with a popcount. With
/// `bands = d + 1` the radius is 0 (exact band matches only); with bands about 16 bits wide
/// (the default, 4 bands) buckets stay small at a million entries and a query probes
/// 4 x (1 + 16 + 120) values for d = 8 to 11.
///
/// Storing it in SQLite (one row per entry and band, probed with the same values):
///
///     CREATE TABLE perceptual_band (
///         band     INTEGER NOT NULL,   -- 0 ..< bands
///         value    INTEGER NOT NULL,   -- PerceptualIndex.bandValues(of:)[band]
///         photo_id INTEGER NOT NULL,   -- the photo whose hash this is
///         PRIMARY KEY (band, value, photo_id)
///     ) WITHOUT ROWID;
///     -- candidates: SELECT photo_id FROM perceptual_band WHERE band = ?1 AND value IN (probes)
///     --   for each band with `probes(for:within:)`, then keep those whose stored hash is within d.
public struct PerceptualIndex: Sendable {
    /// The number of bands the 64 bits are split into (1 to 64).
    public let bands: Int
    private let layout: [(shift: UInt64, mask: UInt64, width: Int)]
    /// Per band: for each value the latest entry with it, and for each entry the previous one with
    /// the same value (-1: none). A list per value would cost an allocation per entry and band.
    private var latest: [[UInt64: Int32]]
    private var previous: [[Int32]]
    /// The hashes added, in order: a query result's `entry` is a position in this array.
    public private(set) var hashes: [PerceptualHash] = []

    /// An empty index with `bands` bands (clamped to 1...64).
    public init(bands: Int = 4) {
        let m = min(64, max(1, bands))
        self.bands = m
        var layout: [(UInt64, UInt64, Int)] = []
        var shift = 0
        for i in 0..<m {
            let width = 64 / m + (i < 64 % m ? 1 : 0)
            layout.append((UInt64(shift), width == 64 ? UInt64.max : (UInt64(1) << UInt64(width)) - 1, width))
            shift += width
        }
        self.layout = layout
        latest = Array(repeating: [:], count: m)
        previous = Array(repeating: [], count: m)
    }

    public var count: Int { hashes.count }

    /// Adds a hash; its entry number is the previous `count`.
    public mutating func add(_ hash: PerceptualHash) {
        let entry = Int32(truncatingIfNeeded: hashes.count)
        hashes.append(hash)
        for (band, value) in bandValues(of: hash).enumerated() {
            previous[band].append(latest[band].updateValue(entry, forKey: value) ?? -1)
        }
    }

    /// The value of each band of `hash`, band 0 holding the lowest bits.
    public func bandValues(of hash: PerceptualHash) -> [UInt64] {
        layout.map { (hash.bits >> $0.shift) & $0.mask }
    }

    /// For each band, the values a stored hash within `d` of `hash` may have in that band
    /// (at least one band of it does): every value within `d / bands` bits of the query's.
    public func probes(for hash: PerceptualHash, within d: Int) -> [[UInt64]] {
        let radius = max(0, d) / bands
        return zip(bandValues(of: hash), layout).map { value, band in
            var out: [UInt64] = []
            PerceptualIndex.neighbours(of: value, width: band.width, radius: min(radius, band.width), from: 0, into: &out)
            return out
        }
    }

    /// Every stored entry within Hamming distance `d` of `hash`, nearest first (ties by entry).
    public func query(_ hash: PerceptualHash, within d: Int) -> [(entry: Int, distance: Int)] {
        guard d >= 0 else { return [] }
        var seen = Set<Int32>()
        var found: [(entry: Int, distance: Int)] = []
        for (band, values) in probes(for: hash, within: d).enumerated() {
            for value in values {
                var entry = latest[band][value] ?? -1
                while entry >= 0 {
                    if seen.insert(entry).inserted {
                        let distance = hashes[Int(entry)].distance(to: hash)
                        if distance <= d { found.append((Int(entry), distance)) }
                    }
                    entry = previous[band][Int(entry)]
                }
            }
        }
        return found.sorted { ($0.distance, $0.entry) < ($1.distance, $1.entry) }
    }

    /// Appends `value` and every value that differs from it in at most `radius` of the bits at
    /// positions `from ..< width` (each set of positions once).
    private static func neighbours(of value: UInt64, width: Int, radius: Int, from: Int, into out: inout [UInt64]) {
        out.append(value)
        guard radius > 0 else { return }
        for bit in from..<width {
            neighbours(of: value ^ (UInt64(1) << UInt64(bit)), width: width, radius: radius - 1, from: bit + 1, into: &out)
        }
    }
}
