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
            return result(path: path, reading: PhotoReading(metadata: try reader.read(path: path), error: nil))
        } catch {
            return result(path: path, reading: PhotoReading(metadata: nil, error: error))
        }
    }

    /// Judges what reading a file gave (now, or in an earlier run).
    public func result(path: PhotoPath, reading: PhotoReading) -> PhotoResult {
        guard let metadata = reading.metadata else {
            return PhotoResult(path: path.description, metadata: nil, verdict: .unreadable, error: reading.error)
        }
        var verdict = judge(metadata)
        var error: PhotoError?
        if let damage = metadata.imageDamage {
            verdict.status = .unreadable
            error = .damagedJPEG(detail: damage)
        }
        return PhotoResult(path: path.description, metadata: metadata, verdict: verdict, error: error)
    }

    /// Judges metadata already read.
    public func judge(_ metadata: PhotoMetadata) -> Verdict {
        var reasons = Set<ReasonCode>()
        let gps = metadata.gps
        let margin = policy.toleranceMetres + (gps.horizontalError ?? 0)

        var location: Location?
        var offshore = false
        if !gps.hasPositionTags {
            reasons.insert(.noGPS)
        } else if let position = gps.position {
            let found = boundary.locate(position)
            location = found
            if found.distanceToBoundary < margin {
                reasons.insert(.nearBoundary)
            } else if !found.inside {
                // A jetty or a house on stilts off the area's own coast: a person decides.
                offshore = found.place == .atSea && found.distanceToBoundary <= policy.offshoreReachMetres
                    && !boundary.hasOtherLand(near: position, within: found.distanceToBoundary)
                reasons.insert(offshore ? .nearBoundary : .outsideRegency)
            }
        } else {
            reasons.insert(.invalidGPS)
        }

        // The camera's offset must be the standard time where the photo was taken.
        var expectedOffset: UTCOffset?
        let cameraTime = CaptureTime(metadata)
        if let cameraTime, cameraTime.source != .gpsTime, let recorded = cameraTime.recordedOffset, let position = gps.position,
           let standard = boundary.standardOffset(at: position), standard != recorded {
            expectedOffset = standard
            reasons.insert(.offsetMismatch)
        }
        let cameraUnparsed = metadata.unparsedTimes.contains { !$0.tag.hasPrefix("GPS") && !$0.tag.hasPrefix("XMP") }
        if !metadata.unparsedTimes.isEmpty { reasons.insert(.invalidCaptureTime) }
        // A camera clock in doubt gives way to the GPS clock, which the phone sets itself.
        let captureTime = expectedOffset != nil || cameraUnparsed ? CaptureTime(metadata, preferGPSClock: true) : cameraTime
        if let captureTime {
            let day = captureTime.wib.date
            if let required = policy.requiredDate {
                if day != required { reasons.insert(.wrongDate) }
            } else {
                if !policy.wfhDays.contains(day.weekday) { reasons.insert(.notWFHDay) }
                if day < policy.policyStart { reasons.insert(.beforePolicyStart) }
            }
            if captureTime.utcSeconds > policy.nowUTCSeconds + policy.maxClockSkewSeconds {
                reasons.insert(.futureCaptureTime)
            }
        } else {
            reasons.insert(.noCaptureTime)
        }

        var skew: Int64?
        if let cameraTime, cameraTime.source != .gpsTime, let gpsTime = gps.utcTime {
            let difference = cameraTime.utcSeconds - gpsTime.secondsSinceEpoch
            skew = difference
            if abs(difference) > policy.maxClockSkewSeconds { reasons.insert(.gpsTimeMismatch) }
        }

        let copies = metadata.otherCopies.map { compare($0, position: gps.position, time: cameraTime) }
        if copies.contains(where: \.disagrees) || !metadata.unparsedPositions.isEmpty || metadata.copiesLeftOut {
            reasons.insert(.conflictingMetadata)
        }

        let ordered = ReasonCode.allCases.filter(reasons.contains)
        return Verdict(status: PhotoStatus(reasons: ordered), reasons: ordered, location: location,
                       boundaryMarginMetres: margin, captureTime: captureTime, clockSkewSeconds: skew,
                       offshore: offshore, expectedOffset: expectedOffset, copies: copies)
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
