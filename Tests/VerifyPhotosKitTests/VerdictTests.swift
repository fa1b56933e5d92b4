import Testing
@testable import VerifyPhotosKit

/// Every reason code and status, judged on the fixtures with the clock fixed at 2026-11-29.
@Suite struct VerdictTests {
    private func verify(_ name: String, _ verifier: PhotoVerifier = TestVerifier.verifier) -> PhotoResult {
        verifier.verify(path: TestPaths.fixture(name))
    }

    @Test(arguments: [
        ("ok-muntok-ii-dms.jpg", PhotoStatus.ok, [ReasonCode]()),
        ("ok-jebus-mm-decimal-minutes.jpg", .ok, []),
        ("ok-kelapa-ii-degrees-only.jpg", .ok, []),
        ("ok-332m-inside.jpg", .ok, []),
        ("ok-gps-time-only.jpg", .ok, []),
        ("ok-create-date-only.jpg", .ok, []),
        ("offset-mismatch-wita-clock-in-muntok.jpg", .review, [.offsetMismatch]),
        ("ok-thumbnail-length-past-end.jpg", .ok, []),
        ("ok-xmp-agrees-with-exif.jpg", .ok, []),
        ("ok-exif-after-jfif-and-xmp.jpg", .ok, []),
        ("ok-heic-grid-two-exif-items.heic", .ok, []),
        ("ok-heic-exif-in-idat.heic", .ok, []),
        ("ok-heic-named-as.jpg", .ok, []),
        ("ok-avif.avif", .ok, []),
        ("ok-png-exif-chunk.png", .ok, []),
        ("ok-png-raw-profile.png", .ok, []),
        ("ok-webp.webp", .ok, []),
        ("ok-tiff-ifds-after-80kb.tif", .ok, []),
        ("no-exif-screenshot.png", .flagged, [.noGPS, .noCaptureTime]),
        ("outside-pangkal-pinang.jpg", .flagged, [.outsideRegency]),
        ("outside-palembang-mm.jpg", .flagged, [.outsideRegency]),
        ("outside-at-sea.jpg", .flagged, [.outsideRegency]),
        ("outside-443m-kabupaten-bangka.jpg", .flagged, [.outsideRegency]),
        ("near-boundary-inside.jpg", .review, [.nearBoundary]),
        ("near-boundary-outside.jpg", .review, [.nearBoundary]),
        ("near-boundary-gps-error.jpg", .review, [.nearBoundary]),
        ("near-boundary-offshore-muntok.jpg", .review, [.nearBoundary]),
        ("ok-dng-version.dng", .ok, []),
        ("ok-gps-fractional-seconds.jpg", .ok, []),
        ("no-exif-messenger.jpg", .flagged, [.noGPS, .noCaptureTime]),
        ("no-gps.jpg", .flagged, [.noGPS]),
        ("invalid-gps-zero-denominator.jpg", .flagged, [.invalidGPS]),
        ("invalid-gps-null-island.jpg", .flagged, [.invalidGPS]),
        ("invalid-gps-void-status.jpg", .flagged, [.invalidGPS]),
        ("invalid-gps-missing-ref.jpg", .flagged, [.invalidGPS]),
        ("invalid-gps-out-of-range.jpg", .flagged, [.invalidGPS]),
        ("no-capture-time.jpg", .flagged, [.noCaptureTime]),
        ("holiday-good-friday.jpg", .flagged, [.holiday]),
        ("not-wfh-day-thursday.jpg", .flagged, [.notWFHDay]),
        ("before-policy-start.jpg", .flagged, [.beforePolicyStart]),
        ("future-capture-time.jpg", .flagged, [.futureCaptureTime]),
        ("gps-time-mismatch.jpg", .review, [.gpsTimeMismatch]),
        // Conflicting copies: the last EXIF copy is judged (as ExifTool shows it), never silently.
        ("conflicting-two-exif-app1.jpg", .flagged, [.outsideRegency, .conflictingMetadata]),
        ("conflicting-duplicate-gps-latitude.jpg", .flagged, [.outsideRegency, .conflictingMetadata]),
        ("conflicting-two-gps-ifds.jpg", .flagged, [.outsideRegency, .conflictingMetadata]),
        ("conflicting-duplicate-datetimeoriginal.jpg", .flagged, [.notWFHDay, .gpsTimeMismatch, .conflictingMetadata]),
        ("conflicting-ifd0-datetimeoriginal.jpg", .review, [.conflictingMetadata]),
        ("conflicting-xmp-position.jpg", .review, [.conflictingMetadata]),
        ("conflicting-xmp-date.jpg", .review, [.conflictingMetadata]),
        ("conflicting-heic-two-exif-items-for-primary.heic", .review, [.conflictingMetadata]),
        ("conflicting-webp-two-exif-chunks.webp", .flagged, [.outsideRegency, .conflictingMetadata]),
        // Values that do not parse are said, not replaced quietly.
        ("invalid-gps-ref-leading-space.jpg", .flagged, [.invalidGPS]),
        ("invalid-capture-time-leading-space.jpg", .review, [.invalidCaptureTime]),
        ("invalid-capture-time-hour-24.jpg", .review, [.invalidCaptureTime]),
        ("invalid-capture-time-offset.jpg", .review, [.invalidCaptureTime]),
        ("unreadable-empty.jpg", .unreadable, []),
        ("unreadable-text-named.jpg", .unreadable, []),
    ])
    func fixturesGetTheirVerdict(name: String, status: PhotoStatus, reasons: [ReasonCode]) {
        let result = verify(name)
        #expect(result.verdict.status == status)
        #expect(result.verdict.reasons == reasons)
        #expect((result.error != nil) == (status == .unreadable))
    }

    @Test func aRequiredDateReplacesTheWeekdayRules() {
        var policy = TestVerifier.verifier.policy
        policy.requiredDate = CalendarDate(year: 2026, month: 4, day: 10)
        let verifier = PhotoVerifier(boundary: TestVerifier.boundary, policy: policy)
        #expect(verify("friday-2026-04-10.jpg", verifier).verdict.status == .ok)
        #expect(verify("ok-muntok-ii-dms.jpg", verifier).verdict.reasons == [.wrongDate])
        // Thursday and before the policy start, but the required date is what counts.
        policy.requiredDate = CalendarDate(year: 2026, month: 3, day: 27)
        let march = PhotoVerifier(boundary: TestVerifier.boundary, policy: policy)
        #expect(verify("before-policy-start.jpg", march).verdict.status == .ok)
    }

    @Test func optionsChangeTheRules() {
        var policy = TestVerifier.verifier.policy
        policy.wfhDays = [.thursday, .friday]
        policy.toleranceMetres = 50
        policy.maxClockSkewSeconds = 3 * 3600
        let verifier = PhotoVerifier(boundary: TestVerifier.boundary, policy: policy)
        #expect(verify("not-wfh-day-thursday.jpg", verifier).verdict.status == .ok)
        #expect(verify("near-boundary-inside.jpg", verifier).verdict.status == .ok)
        #expect(verify("gps-time-mismatch.jpg", verifier).verdict.status == .ok)
        policy.policyStart = CalendarDate(year: 2026, month: 3, day: 1)!
        #expect(PhotoVerifier(boundary: TestVerifier.boundary, policy: policy)
            .verify(path: TestPaths.fixture("before-policy-start.jpg")).verdict.status == .ok)
    }

    @Test func verdictKeepsTheFactsForTheExplanation() throws {
        let result = verify("near-boundary-gps-error.jpg")
        #expect(result.verdict.check(.clearOfBoundary)?.rule == .clearOfBoundary(marginMetres: 350, distanceMetres: result.verdict.location?.distanceToBoundary ?? 0))
        let location = try #require(result.verdict.location)
        #expect(location.inside && location.kecamatan == "Tempilang" && location.desa == "Simpang Yul")
        #expect(result.verdict.check(.clocksAgree) == RuleCheck(.clocksAgree(limitSeconds: 600, skewSeconds: -5), .pass))
        #expect(verify("gps-time-mismatch.jpg").verdict.check(.clocksAgree)
            == RuleCheck(.clocksAgree(limitSeconds: 600, skewSeconds: -7205), .review, reason: .gpsTimeMismatch))
    }

    @Test func everyCopyIsKeptWithHowItDisagrees() throws {
        let result = verify("conflicting-two-exif-app1.jpg")
        let copy = try #require(result.verdict.copies.first)
        #expect(result.verdict.copies.count == 1)
        #expect(copy.copy.source == .exifBlock(index: 1, count: 2))
        #expect(abs((copy.copy.position?.latitude ?? 0) + 2.0617) < 1e-9)
        #expect(copy.disagrees && (copy.distanceMetres ?? 0) > 100_000)
        #expect(abs((result.metadata?.gps.position?.latitude ?? 0) + 2.9761) < 1e-9)  // the last copy, as ExifTool shows it

        let date = try #require(verify("conflicting-xmp-date.jpg").verdict.copies.first)
        #expect(date.copy.source == .xmp(index: 1))
        #expect(date.otherDay == CalendarDate(year: 2026, month: 4, day: 23))
        #expect(date.timeDifferenceSeconds == Int64(6 * 86_400))

        let agreeing = try #require(verify("ok-xmp-agrees-with-exif.jpg").verdict.copies.first)
        #expect(!agreeing.disagrees && (agreeing.distanceMetres ?? 99) < 1 && agreeing.timeDifferenceSeconds == 0)
    }

    @Test func copiesFartherApartThanTheToleranceDisagree() {
        var policy = TestVerifier.verifier.policy
        policy.toleranceMetres = 200_000
        let lenient = PhotoVerifier(boundary: TestVerifier.boundary, policy: policy)
        #expect(!verify("conflicting-xmp-position.jpg", lenient).verdict.reasons.contains(.conflictingMetadata))
    }

    @Test func aCameraClockInDoubtGivesWayToTheGPSClock() throws {
        let mismatch = verify("offset-mismatch-wita-clock-in-muntok.jpg")
        #expect(mismatch.verdict.check(.offsetMatchesPlace)?.rule == .offsetMatchesPlace(expected: .wib, recorded: UTCOffset(seconds: 8 * 3600)))
        #expect(mismatch.verdict.captureTime?.source == .gpsTime)
        #expect(mismatch.verdict.captureTime?.wibISO8601 == "2026-04-17T23:30:00+07:00")
        let invalid = verify("invalid-capture-time-leading-space.jpg")
        #expect(invalid.metadata?.unparsedTimes == [UnparsedValue(tag: "DateTimeOriginal", raw: " 2026:04:09 22:00:00")])
        #expect(invalid.verdict.captureTime?.source == .gpsTime)
        #expect(invalid.metadata?.unparsedTimes.first?.isCameraClock == true)
        #expect(!UnparsedValue(tag: "XMP DateTimeOriginal", raw: "x").isCameraClock && !UnparsedValue(tag: "GPSDateStamp GPSTimeStamp", raw: "x").isCameraClock)
        let offset = verify("invalid-capture-time-offset.jpg")
        #expect(offset.metadata?.unparsedTimes == [UnparsedValue(tag: "OffsetTimeOriginal", raw: "+-9:00")])
        #expect(offset.metadata?.offsetTimeOriginal == nil)
    }

    /// A jetty or a house on stilts a few hundred metres off the area's own coast asks for a
    /// person; open sea farther out, or nearer to other land, is still outside.
    @Test func offshoreOfTheOwnCoastIsReviewNotFlagged() throws {
        let jetty = verify("near-boundary-offshore-muntok.jpg")
        #expect(jetty.verdict.check(.offshore) == RuleCheck(.offshore(areaName: TestVerifier.boundary.area.name, reachMetres: 1000), .review, reason: .nearBoundary))
        #expect(jetty.verdict.location?.place == .atSea)
        let distance = try #require(jetty.verdict.location?.distanceToBoundary)
        #expect(distance > 500 && distance < 600)
        #expect(verify("outside-at-sea.jpg").verdict.check(.offshore) == nil)
        var policy = TestVerifier.verifier.policy
        policy.offshoreReachMetres = 500
        let strict = PhotoVerifier(boundary: TestVerifier.boundary, policy: policy)
        #expect(verify("near-boundary-offshore-muntok.jpg", strict).verdict.reasons == [.outsideRegency])
    }

    @Test func aDamagedImageIsUnreadableButKeepsWhatWasRead() {
        let result = verify("unreadable-truncated-header.jpg")
        #expect(result.verdict.status == .unreadable)
        #expect(result.metadata?.gps.position != nil)
        #expect(result.verdict.location?.inside == true)
    }

    @Test func statusFromReasons() {
        #expect(PhotoStatus(reasons: []) == .ok)
        #expect(PhotoStatus(reasons: [.nearBoundary, .gpsTimeMismatch]) == .review)
        #expect(PhotoStatus(reasons: [.nearBoundary, .notWFHDay]) == .flagged)
        let reviewOnly: Set<ReasonCode> = [.nearBoundary, .gpsTimeMismatch, .conflictingMetadata, .invalidCaptureTime, .offsetMismatch,
                                           .notInRoster, .noEmployee, .farFromHome, .impossibleTravel, .repeatedCoordinates, .edited, .stampOnly]
        for code in ReasonCode.allCases {
            #expect(PhotoStatus(reasons: [code]) == (reviewOnly.contains(code) ? .review : .flagged))
        }
    }
}
