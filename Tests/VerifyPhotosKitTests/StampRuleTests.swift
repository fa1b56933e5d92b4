import Foundation
import Testing
@testable import VerifyPhotosKit

/// How a stamp read from the picture is judged: it stands in for a missing EXIF position or
/// time (`stamp-only`, with the usual rules applied to it), and a stamp that disagrees with the
/// EXIF values or the place it names is `stamp-mismatch`.
@Suite struct StampRuleTests {
    private let verifier = TestVerifier.verifier

    private func metadata(_ name: String) throws -> PhotoMetadata {
        try MetadataReader().read(path: TestPaths.fixture(name))
    }

    private func judge(_ name: String, stamp text: String, verifier: PhotoVerifier? = nil) throws -> PhotoResult {
        let reading = PhotoReading(metadata: try metadata(name), error: nil, stamp: StampReading(text: text))
        return (verifier ?? self.verifier).result(path: PhotoPath(TestPaths.fixture(name)), reading: reading)
    }

    static let muntokStamp = """
        Muntok, Kabupaten Bangka Barat
        Jl. Raya Muntok No. 61, Kecamatan Mentok
        Lat -2.062081° Long 105.164478°
        Jumat, 17/04/2026 09:15 GMT +07:00
        """

    @Test func aStampGivesWhatEXIFLacksForAPersonToCheck() throws {
        let result = try judge("no-exif-messenger.jpg", stamp: StampRuleTests.muntokStamp)
        #expect(result.verdict.reasons == [.stampOnly])
        #expect(result.verdict.status == .review)
        #expect(result.verdict.location?.inside == true)
        #expect(result.verdict.location?.kecamatan == "Mentok")
        #expect(result.verdict.captureTime?.wibISO8601 == "2026-04-17T09:15:00+07:00")
        #expect(result.verdict.positionSource == .stamp)
        #expect(result.verdict.captureTime?.evidenceSource == .stamp)
        #expect(result.verdict.hint == .stampOnly)
        #expect(result.stampTimeText == "2026-04-17T09:15:00+07:00")
        let hint = Messages.english.hint(.stampOnly)
        #expect(hint.contains("document"))
        #expect(Messages(language: .indonesian).hint(.stampOnly).contains("dokumen"))
    }

    @Test func withoutAStampNoGPSStays() throws {
        let result = try judge("no-exif-messenger.jpg", stamp: "TOKO SUMBER REJEKI\nTelp. 0812-7788-1234\nRp 75.000")
        #expect(result.verdict.reasons.contains(.noGPS))
        #expect(result.verdict.reasons.contains(.noCaptureTime))
        #expect(!result.verdict.reasons.contains(.stampOnly))
        #expect(result.verdict.hint != .stampOnly)
    }

    @Test func theUsualRulesApplyToAStamp() throws {
        // Printed in Pangkal Pinang, on a Thursday.
        let result = try judge("no-exif-messenger.jpg", stamp: """
            Kecamatan Taman Sari, Kota Pangkal Pinang
            Lat -2.131600° Long 106.113300°
            Kamis, 16/04/2026 11:00 GMT +07:00
            """)
        #expect(result.verdict.reasons.contains(.outsideRegency))
        #expect(result.verdict.reasons.contains(.notWFHDay))
        #expect(result.verdict.reasons.contains(.stampOnly))
        #expect(result.verdict.status == .flagged)
    }

    @Test func wrongDateFromTheStamp() throws {
        var policy = verifier.policy
        policy.requiredDate = CalendarDate(year: 2026, month: 4, day: 24)
        let strict = PhotoVerifier(boundary: TestVerifier.boundary, policy: policy)
        let result = try judge("no-exif-messenger.jpg", stamp: StampRuleTests.muntokStamp, verifier: strict)
        #expect(result.verdict.reasons.contains(.wrongDate))
        #expect(result.verdict.reasons.contains(.stampOnly))
    }

    @Test func aStampWithADateOnlyGivesTheDay() throws {
        let result = try judge("no-exif-messenger.jpg", stamp: "Jumat, 17 April 2026\nKecamatan Kelapa, Kabupaten Bangka Barat")
        #expect(result.verdict.captureTime?.wib.date.description == "2026-04-17")
        #expect(result.stampTimeText == "2026-04-17")
        #expect(result.verdict.reasons.contains(.noGPS))
        #expect(result.verdict.reasons.contains(.stampOnly))
        #expect(!result.verdict.reasons.contains(.noCaptureTime))
    }

    @Test func aStampFillsOnlyTheTimeWhenEXIFHasNoPosition() throws {
        // no-gps.jpg has its camera time (Friday 09:15 WIB) but no position.
        let result = try judge("no-gps.jpg", stamp: StampRuleTests.muntokStamp)
        #expect(result.verdict.reasons == [.stampOnly])
        #expect(result.verdict.positionSource == .stamp)
        #expect(result.verdict.captureTime?.evidenceSource == .exif)
        #expect(result.verdict.check(.stampAgrees)?.outcome == .pass)
    }

    @Test func aStampAgreeingWithEXIFIsFine() throws {
        // ok-muntok-ii-dms.jpg: Muntok (-2.0617, 105.1640), Friday 2026-04-17 09:15 WIB.
        let result = try judge("ok-muntok-ii-dms.jpg", stamp: StampRuleTests.muntokStamp)
        #expect(result.verdict.status == .ok)
        #expect(result.verdict.positionSource == .exif)
        let check = try #require(result.verdict.check(.stampAgrees))
        #expect(check.outcome == .pass)
    }

    @Test func aStampFarFromTheEXIFPositionIsAMismatch() throws {
        let result = try judge("ok-muntok-ii-dms.jpg", stamp: """
            Lat -1.886300° Long 105.552600°
            Jumat, 17/04/2026 09:15 WIB
            """)
        #expect(result.verdict.reasons.contains(.stampMismatch))
        #expect(result.verdict.status == .flagged)
        let sentence = Messages.english.sentence(try #require(result.verdict.check(.stampAgrees)))
        #expect(sentence.contains("-2.0617"))
        #expect(sentence.contains("-1.886300"))
        let indonesian = Messages(language: .indonesian).sentence(try #require(result.verdict.check(.stampAgrees)))
        #expect(indonesian.contains("stempel"))
    }

    @Test func aStampWithAnotherTimeIsAMismatch() throws {
        let result = try judge("ok-muntok-ii-dms.jpg", stamp: """
            Lat -2.061700° Long 105.164000°
            Jumat, 17/04/2026 11:40 WIB
            """)
        #expect(result.verdict.reasons == [.stampMismatch])
        let sentence = Messages.english.sentence(try #require(result.verdict.check(.stampAgrees)))
        #expect(sentence.contains("2026-04-17T09:15:00+07:00"))
        #expect(sentence.contains("2026-04-17T11:40:00+07:00"))
    }

    @Test func aStampWithinTheClockSkewAndAKilometreAgrees() throws {
        let result = try judge("ok-muntok-ii-dms.jpg", stamp: """
            Lat -2.065000° Long 105.166000°
            Jumat, 17/04/2026 09:20 WIB
            """)
        #expect(result.verdict.reasons.isEmpty)
    }

    @Test func aStampNamingAnotherKecamatanIsAMismatch() throws {
        let result = try judge("ok-muntok-ii-dms.jpg", stamp: "Jumat, 17/04/2026 09:15\nKecamatan Kelapa, Kabupaten Bangka Barat")
        #expect(result.verdict.reasons == [.stampMismatch])
        guard case .stampAgrees(let comparison)? = result.verdict.check(.stampAgrees)?.rule else {
            Issue.record("no stamp check")
            return
        }
        #expect(comparison.placeConflicts == [StampPlaceConflict(named: "Kecamatan Kelapa", found: "Kecamatan Mentok")])
    }

    @Test func aStampNamingAnotherRegencyIsAMismatch() throws {
        let result = try judge("ok-muntok-ii-dms.jpg", stamp: "Jumat, 17/04/2026 09:15\nKota Pangkal Pinang")
        #expect(result.verdict.reasons.contains(.stampMismatch))
    }

    @Test func aNameTheLayersDoNotKnowIsNoConflict() throws {
        let result = try judge("ok-muntok-ii-dms.jpg", stamp: "Jumat, 17/04/2026 09:15\nKecamatan Ksl4pa, Kab. Bangkx")
        #expect(result.verdict.reasons.isEmpty)
    }

    @Test func fieldsAndExplanation() throws {
        let result = try judge("no-exif-messenger.jpg", stamp: StampRuleTests.muntokStamp)
        let record = ReportRecord(result, messages: .english)
        let fields = Dictionary(record.fields.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(fields["position_source"] == .text("stamp"))
        #expect(fields["time_source"] == .text("stamp"))
        #expect(fields["stamp_latitude"] == .number(-2.062081))
        #expect(fields["stamp_longitude"] == .number(105.164478))
        #expect(fields["stamp_time"] == .text("2026-04-17T09:15:00+07:00"))
        #expect(fields["latitude"] == .null)
        guard case .foreignText(let text)? = fields["stamp_text"] else {
            Issue.record("stamp_text is not foreign text")
            return
        }
        #expect(text.contains("Lat -2.062081° Long 105.164478°"))
        for language in Language.allCases {
            let lines = Messages(language: language).explanation(of: result)
            #expect(lines.contains { $0.contains("-2.062081, 105.164478") }, "\(language)")
        }
        let exif = try judge("ok-muntok-ii-dms.jpg", stamp: "")
        let exifFields = Dictionary(ReportRecord(exif, messages: .english).fields.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(exifFields["position_source"] == .text("exif"))
        #expect(exifFields["time_source"] == .text("exif"))
        #expect(exifFields["stamp_text"] == .null)
    }

    @Test func readingPolicy() throws {
        var policy = verifier.policy
        let noExif = try metadata("no-exif-messenger.jpg"), full = try metadata("ok-muntok-ii-dms.jpg"), noGPS = try metadata("no-gps.jpg")
        #expect(policy.readStamps == .missing)
        #expect(policy.wantsStamp(noExif))
        #expect(policy.wantsStamp(noGPS))
        #expect(!policy.wantsStamp(full))
        policy.readStamps = .always
        #expect(policy.wantsStamp(full))
        policy.readStamps = .never
        #expect(!policy.wantsStamp(noExif))
    }

    @Test func readingsStoredWithoutAStampStillDecode() throws {
        let reading = PhotoReading(metadata: try metadata("no-gps.jpg"), error: nil, stamp: StampReading(text: "Lat -2.062081 Long 105.164478"))
        let json = String(decoding: try JSONEncoder().encode(reading), as: UTF8.self)
        #expect(VerificationState.decodeReading(json) == reading)
        // A reading stored by the version before stamps: no "stamp" key.
        let old = PhotoReading(metadata: try metadata("no-gps.jpg"), error: nil)
        var oldJSON = String(decoding: try JSONEncoder().encode(old), as: UTF8.self)
        oldJSON = oldJSON.replacingOccurrences(of: ",\"stamp\":null", with: "")
        #expect(VerificationState.decodeReading(oldJSON)?.stamp == nil)
        #expect(VerificationState.decodeReading(oldJSON)?.metadata != nil)
    }
}
