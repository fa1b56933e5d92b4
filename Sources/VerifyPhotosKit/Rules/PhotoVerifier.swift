/// Applies a `VerificationPolicy` and a `Boundary` to what was read from photos.
public struct PhotoVerifier: Sendable {
    public var boundary: Boundary
    public var policy: VerificationPolicy
    public var reader = MetadataReader()

    public init(boundary: Boundary, policy: VerificationPolicy) {
        self.boundary = boundary
        self.policy = policy
    }

    /// Reads and judges one file. Never throws: a file that cannot be read is `unreadable`.
    public func verify(path: String) -> PhotoResult {
        verify(path: PhotoPath(path))
    }

    /// Reads and judges one file given by its exact bytes (names need not be UTF-8).
    public func verify(path: PhotoPath) -> PhotoResult {
        do {
            return result(path: path, reading: try read(ReadOnlyFile(path: path)))
        } catch {
            return result(path: path, reading: PhotoReading(metadata: nil, error: error))
        }
    }

    /// Reads an opened file's metadata and, unless `--metadata-only`, fingerprints its picture;
    /// reads its printed stamp when `--read-stamps` asks for it.
    func read(_ file: ReadOnlyFile) throws(PhotoError) -> PhotoReading {
        let metadata = try reader.read(file)
        var reading = PhotoReading(metadata: metadata, error: nil)
        if policy.checksIntegrity {
            reading.fingerprint = try? PhotoFingerprint.read(file, format: metadata.format, decodeMain: policy.comparesThumbnails)
        }
        reading.stamp = stamp(of: file, metadata: metadata)
        return reading
    }

    /// The stamp printed on the photo, when the policy wants it read for this metadata
    /// (`whole`: the file's bytes, when already in memory).
    func stamp(of file: ReadOnlyFile, metadata: PhotoMetadata, whole: [UInt8]? = nil) -> StampReading? {
        guard policy.wantsStamp(metadata), metadata.format == .jpeg else { return nil }
        return policy.stampReader.read(file, whole: whole)
    }

    /// Reads and judges a photo held in memory (`bytes` are the whole file), reported under
    /// `path`: the result `verify(path:)` gives for a file with that content. The fuzzer's way
    /// in, with no file written.
    public func verify(bytes: [UInt8], path: PhotoPath) -> PhotoResult {
        var reading = reader.reading(bytes: bytes)
        if policy.checksIntegrity, let metadata = reading.metadata {
            reading.fingerprint = try? PhotoFingerprint.of(bytes: bytes, format: metadata.format, decodeMain: policy.comparesThumbnails)
        }
        if let metadata = reading.metadata, policy.wantsStamp(metadata), metadata.format == .jpeg {
            reading.stamp = policy.stampReader.read(bytes: bytes)
        }
        return result(path: path, reading: reading)
    }

    /// Judges what reading a file gave (now, or in an earlier run).
    func result(path: PhotoPath, reading: PhotoReading) -> PhotoResult {
        let submission = policy.staff.submission(for: path)
        guard let metadata = reading.metadata else {
            return PhotoResult(path: path.description, metadata: nil, verdict: .unreadable, error: reading.error, submission: submission)
        }
        var verdict = judge(metadata, path: path.description, submission: submission, fingerprint: reading.fingerprint, stamp: reading.stamp)
        var error: PhotoError?
        if let damage = metadata.imageDamage {
            verdict.status = .unreadable
            error = .damagedJPEG(detail: damage)
        }
        return PhotoResult(path: path.description, metadata: metadata, verdict: verdict, error: error, submission: submission,
                           fingerprint: reading.fingerprint)
    }

    /// Judges metadata already read; `path` names the employee and the day (upload folders) and
    /// shapes the hint.
    public func judge(_ metadata: PhotoMetadata, path: String = "") -> Verdict {
        judge(metadata, path: path, submission: policy.staff.submission(for: PhotoPath(path)))
    }

    func judge(_ metadata: PhotoMetadata, path: String, submission: Submission, fingerprint: PhotoFingerprint? = nil,
               stamp stampReading: StampReading? = nil) -> Verdict {
        // Room for every check at once: a verdict's checks are large values, and regrowing the
        // array copies them all.
        var checks: [RuleCheck] = []
        checks.reserveCapacity(24)
        let parsedStamp = stampReading.map(\.parsed)
        let stamp = parsedStamp?.isStamp == true ? parsedStamp : nil
        // A stamp's position stands in for the EXIF position only when EXIF records none at all.
        let stampPosition = metadata.gps.hasPositionTags ? nil : stamp?.position
        checks += positionChecks(metadata.gps, stampPosition: stampPosition)
        let location = checks.lazy.compactMap { check -> Location? in
            if case .insideArea(_, let location) = check.rule { return location }
            return nil
        }.first ?? nil

        // The camera's offset must be the standard time where the photo was taken.
        let cameraTime = CaptureTime(metadata)
        var offsetCheck: RuleCheck?
        if let cameraTime, cameraTime.source != .gpsTime, let recorded = cameraTime.recordedOffset, let position = metadata.gps.position,
           let standard = boundary.standardOffset(at: position), standard != recorded {
            offsetCheck = RuleCheck(.offsetMatchesPlace(expected: standard, recorded: recorded), .review, reason: .offsetMismatch)
        }
        let cameraUnparsed = metadata.unparsedTimes.contains(where: \.isCameraClock)
        // A camera clock in doubt gives way to the GPS clock, which the phone sets itself.
        let exifTime = offsetCheck != nil || cameraUnparsed ? CaptureTime(metadata, preferGPSClock: true) : cameraTime
        let stampTime = stamp.flatMap { CaptureTime(stamp: $0) }
        // A stamp's time stands in only when EXIF records no time at all (not an unparsed one).
        let stampTimeUsed = exifTime == nil && metadata.unparsedTimes.isEmpty && stampTime != nil
        let captureTime = stampTimeUsed ? stampTime : exifTime
        if stampTimeUsed {
            checks.append(RuleCheck(.hasCaptureTime, .review, reason: .stampOnly))
        }
        checks += dateChecks(captureTime, submittedFor: submission.submittedFor)
        if let offsetCheck { checks.append(offsetCheck) }
        checks.append(.pass(.validTimes(unparsed: metadata.unparsedTimes), unless: !metadata.unparsedTimes.isEmpty,
                            .invalidCaptureTime, outcome: .review))

        let copies = metadata.otherCopies.map { compare($0, position: metadata.gps.position, time: cameraTime) }
        if !copies.isEmpty || !metadata.unparsedPositions.isEmpty || metadata.copiesLeftOut {
            let rule = Rule.copiesAgree(copies: copies, unparsedPositions: metadata.unparsedPositions, copiesLeftOut: metadata.copiesLeftOut)
            checks.append(.pass(rule, unless: rule.disagreeingCopies > 0, .conflictingMetadata, outcome: .review))
        }

        var skew: Int64?
        if let cameraTime, cameraTime.source != .gpsTime, let gpsTime = metadata.gps.utcTime {
            skew = cameraTime.utcSeconds - gpsTime.secondsSinceEpoch
        }
        let clocks = Rule.clocksAgree(limitSeconds: policy.maxClockSkewSeconds, skewSeconds: skew)
        if let skew {
            checks.append(.pass(clocks, unless: abs(skew) > policy.maxClockSkewSeconds, .gpsTimeMismatch, outcome: .review))
        } else {
            checks.append(RuleCheck(clocks, .notJudged))
        }
        let judgedPosition = metadata.gps.position ?? stampPosition
        if let stamp, let comparison = compare(stamp, exifPosition: metadata.gps.position, judgedPosition: judgedPosition,
                                               location: location, exifTime: exifTime, stampTime: stampTime,
                                               horizontalError: metadata.gps.horizontalError) {
            checks.append(.pass(.stampAgrees(comparison), unless: comparison.disagrees, .stampMismatch))
        }
        checks += staffChecks(submission, day: submission.submittedFor ?? captureTime?.wib.date, position: judgedPosition)
        if policy.checksIntegrity {
            let signs = EditSigns(metadata, thumbnailDistance: fingerprint?.thumbnailToMainDistance)
            checks.append(.pass(.unedited(signs: signs.all, thumbnailCompared: fingerprint?.thumbnailToMainDistance != nil),
                                unless: !signs.kept.isEmpty, .edited, outcome: .review))
        }
        let stampUsed = stampPosition != nil || stampTimeUsed
        var verdict = Verdict(checks: checks, location: location, captureTime: captureTime,
                              hint: stampUsed ? .stampOnly : EvidenceHint(metadata: metadata, path: path))
        verdict.stamp = parsedStamp
        verdict.positionSource = metadata.gps.position != nil ? .exif : stampPosition != nil ? .stamp : nil
        return verdict
    }

    /// The stamp against the EXIF position and time, and the places it names against the
    /// judged position; nil when nothing could be compared.
    private func compare(_ stamp: StampText, exifPosition: GeoPoint?, judgedPosition: GeoPoint?, location: Location?,
                         exifTime: CaptureTime?, stampTime: CaptureTime?, horizontalError: Double?) -> StampComparison? {
        var comparison = StampComparison(exifPosition: exifPosition, stampPosition: stamp.position, distanceMetres: nil,
                                         limitMetres: policy.stampAgreementMetres + (horizontalError ?? 0),
                                         exifTime: exifTime, stampTime: stampTime, differenceSeconds: nil,
                                         limitSeconds: policy.maxClockSkewSeconds, stampDayOnly: stamp.clock == nil, placeConflicts: [])
        if let exifPosition, let stampPosition = stamp.position {
            comparison.distanceMetres = Geodesy.distance(exifPosition, stampPosition)
        }
        if let exifTime, let stampTime, exifTime.source != .stamp {
            comparison.differenceSeconds = stampTime.utcSeconds - exifTime.utcSeconds
        } else {
            comparison.exifTime = nil
        }
        if judgedPosition != nil, let location, !stamp.places.isEmpty {
            let (conflicts, checked) = boundary.placeConflicts(stamp.places, location: location)
            comparison.placeConflicts = conflicts
            comparison.checkedPlaces = checked
        }
        return comparison.compared ? comparison : nil
    }

    /// Where the photo was taken: a position at all, a valid one, inside the area and clear of
    /// its boundary (or just off its own coast).
    /// With no position tags at all, `stampPosition` (printed on the picture) is judged instead,
    /// for a person to look at (`stamp-only`).
    private func positionChecks(_ gps: GPSReading, stampPosition: GeoPoint? = nil) -> [RuleCheck] {
        let areaName = boundary.name
        guard gps.hasPositionTags else {
            if let stampPosition {
                return [RuleCheck(.hasPosition, .review, reason: .stampOnly)] + placeChecks(stampPosition, horizontalError: nil)
            }
            return [RuleCheck(.hasPosition, .fail, reason: .noGPS),
                    RuleCheck(.insideArea(areaName: areaName, location: nil), .notJudged)]
        }
        guard let position = gps.position else {
            return [RuleCheck(.validPosition(problem: gps.problem), .fail, reason: .invalidGPS),
                    RuleCheck(.insideArea(areaName: areaName, location: nil), .notJudged)]
        }
        return [RuleCheck(.validPosition(problem: nil), .pass)] + placeChecks(position, horizontalError: gps.horizontalError)
    }

    /// Inside the area and clear of its boundary (or just off its own coast).
    private func placeChecks(_ position: GeoPoint, horizontalError: Double?) -> [RuleCheck] {
        let areaName = boundary.name
        let found = boundary.locate(position)
        let margin = policy.toleranceMetres + (horizontalError ?? 0)
        let near = found.distanceToBoundary < margin
        // A jetty or a house on stilts off the area's own coast: a person decides.
        let offshore = !near && !found.inside && found.place == .atSea && found.distanceToBoundary <= policy.offshoreReachMetres
            && !boundary.hasOtherLand(near: position, within: found.distanceToBoundary)
        var checks: [RuleCheck] = []
        let inside = Rule.insideArea(areaName: areaName, location: found)
        checks.append(near || offshore ? RuleCheck(inside, .review, reason: .nearBoundary) : .pass(inside, unless: !found.inside, .outsideRegency))
        if offshore {
            checks.append(RuleCheck(.offshore(areaName: areaName, reachMetres: policy.offshoreReachMetres), .review, reason: .nearBoundary))
        } else {
            checks.append(.pass(.clearOfBoundary(marginMetres: margin, distanceMetres: found.distanceToBoundary),
                                unless: near, .nearBoundary, outcome: .review))
        }
        return checks
    }

    /// When the photo was taken: a capture time at all, on the required or an allowed day, not
    /// before the policy, not in the future.
    private func dateChecks(_ captureTime: CaptureTime?, submittedFor: CalendarDate?) -> [RuleCheck] {
        guard let captureTime else { return [RuleCheck(.hasCaptureTime, .fail, reason: .noCaptureTime)] }
        let day = captureTime.wib.date
        var checks: [RuleCheck] = []
        if let required = policy.requiredDate {
            checks.append(.pass(.requiredDate(required: required, captured: day), unless: day != required, .wrongDate))
        } else {
            checks.append(.pass(.workFromHomeDay(allowed: policy.wfhDays, captured: day.weekday),
                                unless: !policy.wfhDays.contains(day.weekday), .notWFHDay))
            checks.append(.pass(.policyStarted(start: policy.policyStart, captured: day), unless: day < policy.policyStart, .beforePolicyStart))
        }
        if let submittedFor {
            checks.append(.pass(.submittedDay(submitted: submittedFor, captured: day), unless: day != submittedFor, .wrongDate))
        }
        let holidays = policy.staff.holidays
        let holiday = holidays.holiday(on: day)
        // Before the policy nothing was due: no holiday to tell, and no warning for an old year.
        if holiday != nil || day >= policy.policyStart {
            let covered = holiday != nil || holidays.covers(year: day.year)
            checks.append(covered ? .pass(.notAHoliday(captured: day, holiday: holiday, covered: true), unless: holiday != nil, .holiday)
                                  : RuleCheck(.notAHoliday(captured: day, holiday: nil, covered: false), .notJudged))
        }
        checks.append(.pass(.notInFuture(captured: captureTime, nowUTCSeconds: policy.nowUTCSeconds, allowedSkewSeconds: policy.maxClockSkewSeconds),
                            unless: captureTime.utcSeconds > policy.nowUTCSeconds + policy.maxClockSkewSeconds, .futureCaptureTime))
        return checks
    }

    /// Who sent the photo, with a roster: named by the path, on the roster, not exempt, due
    /// that day by schedule or rotation, near home. `day` is the day submitted for (else captured).
    private func staffChecks(_ submission: Submission, day: CalendarDate?, position: GeoPoint?) -> [RuleCheck] {
        let staff = policy.staff
        guard staff.roster != nil else { return [] }
        guard let employee = submission.employee else { return [RuleCheck(.employeeNamed, .review, reason: .noEmployee)] }
        guard let entry = submission.rosterEntry else {
            return [RuleCheck(.inRoster(nip: employee.digits), .review, reason: .notInRoster)]
        }
        var checks = [RuleCheck(.inRoster(nip: employee.digits), .pass)]
        let exemption = submission.exemption
        checks.append(.pass(.notExempt(rosterLine: entry.line, position: entry.position, exemption: exemption),
                            unless: exemption != nil, .exemptEmployee))
        // An exempt official has no WFH day at all: no schedule to hold them to.
        if exemption == nil, let group = entry.group, let day, policy.wfhDays.contains(day.weekday), staff.holidays.holiday(on: day) == nil,
           let due = staff.groupsDue(on: day, policy: policy) {
            checks.append(.pass(.scheduled(group: group, day: day, groupsDue: due.groups, scheduleLines: due.scheduleLines),
                                unless: !due.groups.contains(group), .notScheduled))
        }
        if let home = entry.home {
            let (distance, limit) = homeDistance(home, from: position)
            let rule = Rule.nearHome(home: home, distanceMetres: distance, limitMetres: limit)
            if let distance {
                checks.append(.pass(rule, unless: distance > limit, .farFromHome, outcome: .review))
            } else {
                checks.append(RuleCheck(rule, .notJudged))
            }
        }
        return checks
    }

    /// Metres from the registered home to `position` (0 inside the registered desa), and the
    /// limit: `maxHomeDistanceMetres` from a point, the tolerance outside a desa.
    private func homeDistance(_ home: RosterEntry.Home, from position: GeoPoint?) -> (Double?, Double) {
        switch home {
        case .point(let latitude, let longitude):
            let limit = policy.staff.maxHomeDistanceMetres
            return (position.map { Geodesy.distance(GeoPoint(latitude: latitude, longitude: longitude), $0) }, limit)
        case .desa(let name):
            let limit = policy.toleranceMetres
            guard let position, let desa = boundary.desa(named: name) else { return (nil, limit) }
            return (desa.contains(position) ? 0 : desa.outline.distance(to: position), limit)
        }
    }

    /// Another copy of the metadata against the values judged: a position farther away than
    /// the tolerance, another capture day, or a time further off than the clock skew disagrees.
    private func compare(_ copy: MetadataCopy, position: GeoPoint?, time: CaptureTime?) -> CopyComparison {
        var comparison = CopyComparison(copy: copy, disagrees: false)
        if let position, let other = copy.position {
            let metres = Geodesy.distance(position, other)
            comparison.distanceMetres = metres
            if metres > policy.toleranceMetres { comparison.disagrees = true }
        }
        if let time, let other = CaptureTime(copy) {
            let difference = other.utcSeconds - time.utcSeconds
            comparison.timeDifferenceSeconds = difference
            if other.wib.date != time.wib.date {
                comparison.otherDay = other.wib.date
                comparison.disagrees = true
            }
            if abs(difference) > policy.maxClockSkewSeconds { comparison.disagrees = true }
        }
        return comparison
    }
}
