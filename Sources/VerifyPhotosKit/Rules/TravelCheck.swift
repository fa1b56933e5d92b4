/// Two photos of one employee for one day that are farther apart than anyone could travel in
/// the time between them: the one rule that needs other photos (`impossible-travel`, review).
///
/// Photos of one employee and day are normally next to each other in a run (an upload tree
/// `DAY/NIP/` or `NIP/DAY/` is walked in order): such a group is held back until it is complete,
/// and every photo of it names every other it cannot be reconciled with. A photo that arrives
/// after its group was written (paths given in another order) is still compared with every
/// earlier photo of that employee and day, and names them; only the earlier rows, already
/// written, do not name it. Memory: one small fix per photo with an employee and a day.
struct TravelCheck {
    /// Fastest plausible travel between two photos, km/h (`StaffPlan.maxTravelSpeedKmh`).
    let limitKmh: Double
    /// A group larger than this is written in parts (each still compared with all before it).
    static let maxHeld = 1000

    init(limitKmh: Double) {
        self.limitKmh = limitKmh
    }

    private struct Key: Hashable {
        /// The NIP's 18 digits as a number: cheaper to hash than the text, for every photo.
        var nip: UInt64
        var day: Int
    }

    /// Where and when one photo was taken, for the comparisons.
    private struct Fix {
        var path: String
        var utcSeconds: Int64
        var position: GeoPoint
        var errorMetres: Double
    }

    private var held: [PhotoResult] = []
    private var heldKey: Key?
    /// The fixes of the photos written so far: for each employee and day the latest, and
    /// `previous` links each to the one before (-1: none). A list per key would cost an
    /// allocation per photo.
    private var written: [Fix] = []
    private var previous: [Int] = []
    private var latest: [Key: Int] = [:]

    /// Takes the next result of the run; returns the results that may now be written, in order.
    mutating func add(_ result: PhotoResult) -> [PhotoResult] {
        let key = TravelCheck.key(of: result)
        if let key, key == heldKey, held.count < TravelCheck.maxHeld {
            held.append(result)
            return []
        }
        var released = releaseHeld()
        if let key {
            held.append(result)
            heldKey = key
        } else {
            released.append(result)
        }
        return released
    }

    /// The results still held, at the end of the run.
    mutating func finish() -> [PhotoResult] {
        releaseHeld()
    }

    private mutating func releaseHeld() -> [PhotoResult] {
        guard let key = heldKey else { return [] }
        defer { held.removeAll(keepingCapacity: true); heldKey = nil }
        var earlier: [Fix] = []
        var next = latest[key] ?? -1
        while next >= 0 {
            earlier.append(written[next])
            next = previous[next]
        }
        earlier.reverse()
        let fixes = held.map(TravelCheck.fix)
        // The usual case, one photo of an employee for a day: nothing to compare it with.
        if earlier.isEmpty && held.count == 1 {
            remember(fixes[0], key: key)
            return held
        }
        var group = held
        for index in group.indices {
            guard let fix = fixes[index] else { continue }
            var legs: [TravelLeg] = []
            var compared = 0
            for other in earlier + fixes.enumerated().compactMap({ $0.offset == index ? nil : $0.element }) {
                compared += 1
                if let leg = leg(from: fix, to: other) { legs.append(leg) }
            }
            guard compared > 0 else { continue }
            let rule = Rule.plausibleTravel(compared: compared, impossible: legs, limitKmh: limitKmh)
            group[index].verdict.add(.pass(rule, unless: !legs.isEmpty, .impossibleTravel, outcome: .review))
        }
        for fix in fixes { remember(fix, key: key) }
        return group
    }

    private mutating func remember(_ fix: Fix?, key: Key) {
        guard let fix else { return }
        previous.append(latest[key] ?? -1)
        latest[key] = written.count
        written.append(fix)
    }

    /// The leg between two photos when it is faster than the limit: the distance less both GPS
    /// errors, over the time between them.
    private func leg(from a: Fix, to b: Fix) -> TravelLeg? {
        let metres = Geodesy.distance(a.position, b.position)
        let beyondErrors = metres - a.errorMetres - b.errorMetres
        guard beyondErrors > 0 else { return nil }
        let seconds = abs(b.utcSeconds - a.utcSeconds)
        let speed = seconds == 0 ? Double.infinity : beyondErrors / Double(seconds) * 3.6
        guard speed > limitKmh else { return nil }
        return TravelLeg(otherPath: b.path, distanceMetres: metres, seconds: seconds, speedKmh: speed.isFinite ? speed : nil)
    }

    /// The employee and the day a photo is for (the upload folder's day, else the capture day).
    private static func key(of result: PhotoResult) -> Key? {
        guard let nip = result.submission.employee.flatMap({ UInt64($0.digits) }),
              let day = result.submission.submittedFor ?? result.verdict.captureTime?.wib.date else { return nil }
        return Key(nip: nip, day: day.daysSinceEpoch)
    }

    private static func fix(of result: PhotoResult) -> Fix? {
        guard let time = result.verdict.captureTime, let gps = result.metadata?.gps, let position = gps.position else { return nil }
        return Fix(path: result.path, utcSeconds: time.utcSeconds, position: position, errorMetres: gps.horizontalError ?? 0)
    }
}

/// The way from one photo to another of the same employee and day that no one could travel.
public struct TravelLeg: Sendable, Equatable {
    public var otherPath: String
    public var distanceMetres: Double
    public var seconds: Int64
    /// Km/h beyond both GPS errors; nil when both were taken in the same second.
    public var speedKmh: Double?
}

extension Verdict {
    /// Adds a check decided across photos: its reason joins the others, and the status follows
    /// (an unreadable photo stays unreadable).
    mutating func add(_ check: RuleCheck) {
        checks.append(check)
        guard let reason = check.reason else { return }
        reasons = reasons.adding(reason)
        status = status.with(reasons: reasons)
    }
}
