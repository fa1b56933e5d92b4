import Testing
@testable import VerifyPhotosKit

@Suite struct CaptureTimeTests {
    private func metadata(dto: String?, offset: String? = nil, create: String? = nil, gps: String? = nil) -> PhotoMetadata {
        var m = PhotoMetadata(format: .jpeg)
        m.dateTimeOriginal = dto.flatMap(LocalDateTime.init(exif:))
        m.offsetTimeOriginal = offset.flatMap(UTCOffset.init(exif:))
        m.createDate = create.flatMap(LocalDateTime.init(exif:))
        m.gps.utcTime = gps.flatMap(LocalDateTime.init(exif:))
        return m
    }

    @Test func withoutAnOffsetTheCameraClockIsTakenAsWIB() throws {
        let t = try #require(CaptureTime(metadata(dto: "2026:04:03 09:15:00")))
        #expect(t.wibISO8601 == "2026-04-03T09:15:00+07:00")
        #expect(t.recordedOffset == nil)
        #expect(t.source == .dateTimeOriginal)
    }

    @Test func anotherOffsetIsConvertedToWIB() throws {
        let wita = try #require(CaptureTime(metadata(dto: "2026:04:04 00:30:00", offset: "+08:00")))
        #expect(wita.wibISO8601 == "2026-04-03T23:30:00+07:00")
        #expect(wita.wib.date.weekday == .friday)
        let utc = try #require(CaptureTime(metadata(dto: "2026:04:03 20:00:00", offset: "+00:00")))
        #expect(utc.wibISO8601 == "2026-04-04T03:00:00+07:00")
    }

    @Test func fallsBackToCreateDateThenGPSTime() throws {
        let create = try #require(CaptureTime(metadata(dto: nil, create: "2026:04:03 08:00:00")))
        #expect(create.source == .createDate)
        #expect(create.wibISO8601 == "2026-04-03T08:00:00+07:00")
        let gps = try #require(CaptureTime(metadata(dto: nil, gps: "2026:04:03 02:15:05")))
        #expect(gps.source == .gpsTime)
        #expect(gps.wibISO8601 == "2026-04-03T09:15:05+07:00")
        #expect(CaptureTime(metadata(dto: nil)) == nil)
    }

    @Test func wibIsUTCPlusSeven() {
        #expect(UTCOffset.wib == UTCOffset(seconds: 25_200))
        #expect(WIB.localTime(utcSeconds: 1_775_182_500).description == "2026-04-03T09:15:00")
        // Before 1964 Jakarta's tzdata says +07:20 and other offsets; WIB is a constant here.
        #expect(WIB.localTime(utcSeconds: -1_000_000_000).description == "1938-04-25T05:13:20")
        #expect(WIB.date(utcSeconds: 1_775_182_500).description == "2026-04-03")
        #expect(WIB.date(utcSeconds: 1_775_235_600).description == "2026-04-04")  // 17:00Z = 00:00 WIB
    }
}
