import Testing
@testable import VerifyPhotosKit

/// The stamp parser on what stamps print (as OCR gives it back) and on text that is no stamp.
@Suite struct StampTextTests {
    private func coordinates(_ text: String) -> (String?, String?) {
        let stamp = StampText(text)
        return (stamp.latitude?.printed, stamp.longitude?.printed)
    }

    // MARK: decimal coordinates

    @Test(arguments: [
        ("Lat -2.062081° Long 105.164478°", "-2.062081", "105.164478"),
        ("Lat -2.062081 Long 105.164478", "-2.062081", "105.164478"),
        ("Latitude: 1.70800° S  Longitude: 105.46196° E", "-1.70800", "105.46196"),
        ("Latitude: 1.70800 S Longitude: 105.46196 E", "-1.70800", "105.46196"),
        ("Lintang: 1.888228 LS   Bujur: 105.554082 BT", "-1.888228", "105.554082"),
        ("Lintang -1,888228 Bujur 105,554082", "-1.888228", "105.554082"),
        ("1.888228 LS 105.554082 BT", "-1.888228", "105.554082"),
        ("Lat: -2.062808  Lon: 105.163844", "-2.062808", "105.163844"),
        ("LAT: -2.0628 LNG: 105.1638", "-2.0628", "105.1638"),
        ("Lat 0.5123 N Long 101.4478 E", "0.5123", "101.4478"),
        ("Lat 6.2088 S, Long 106.8456 E", "-6.2088", "106.8456"),
        ("Lat 3.5952 U Long 98.6722 T", "3.5952", "98.6722"),
        ("lat=-2.062081 long=105.164478", "-2.062081", "105.164478"),
        ("Lat −2.062081 Long 105.164478", "-2.062081", "105.164478"),
        ("Lat -2.0620810 Long 105.1644780", "-2.0620810", "105.1644780"),
    ])
    func labelledDecimals(text: String, latitude: String, longitude: String) {
        let (lat, lon) = coordinates(text)
        #expect(lat == latitude)
        #expect(lon == longitude)
        #expect(StampText(text).position != nil)
    }

    @Test func valuesAreSignedDegrees() throws {
        let stamp = StampText("Latitude: 1.70800° S  Longitude: 105.46196° E")
        let position = try #require(stamp.position)
        #expect(position.latitude == -1.708)
        #expect(position.longitude == 105.46196)
        let west = StampText("Lat 40.7128 N Long 74.0060 W")
        #expect(west.position?.longitude == -74.006)
    }

    @Test func unlabelledPairsInAPlausibleFormat() {
        #expect(coordinates("-2.062081, 105.164478") == ("-2.062081", "105.164478"))
        #expect(coordinates("Muntok -2.0621,105.1645") == ("-2.0621", "105.1645"))
        #expect(coordinates("2.062081 S 105.164478 E") == ("-2.062081", "105.164478"))
    }

    // MARK: degrees, minutes, seconds

    @Test func degreesMinutesSeconds() throws {
        let stamp = StampText("1°40'41.2\"S 105°26'13.9\"E")
        #expect(stamp.latitude?.printed == "1°40'41.2\"S")
        #expect(stamp.longitude?.printed == "105°26'13.9\"E")
        let position = try #require(stamp.position)
        #expect(abs(position.latitude - -(1 + 40.0 / 60 + 41.2 / 3600)) < 1e-9)
        #expect(abs(position.longitude - (105 + 26.0 / 60 + 13.9 / 3600)) < 1e-9)
    }

    @Test func degreesMinutesSecondsAsOCRWritesThem() {
        // Typographic quotes, a masculine ordinal for the degree sign, two apostrophes for seconds.
        #expect(coordinates("1º40’41.2”S 105º26’13.9”E") == ("1°40'41.2\"S", "105°26'13.9\"E"))
        #expect(coordinates("1°40'41.2''S 105°26'13.9''E") == ("1°40'41.2\"S", "105°26'13.9\"E"))
        #expect(coordinates("1° 40' 41.2\" S 105° 26' 13.9\" E") == ("1°40'41.2\"S", "105°26'13.9\"E"))
        #expect(coordinates("Lat: 1°40.687'S Long: 105°26.232'E") == ("1°40.687'S", "105°26.232'E"))
    }

    @Test func dmsOutOfRangeIsRefused() {
        #expect(StampText("1°75'41.2\"S 105°26'13.9\"E").latitude == nil)
        #expect(StampText("1°40'61.2\"S 105°26'13.9\"E").latitude == nil)
        #expect(StampText("95°40'41.2\"S 105°26'13.9\"E").position == nil)
    }

    // MARK: text that is no stamp

    @Test(arguments: [
        "Telp. 0717-3201 22 / 0812-7788-1234",
        "NIP 198503152010011002",
        "NIP. 19850315 201001 1 002",
        "Beras 5 kg Rp 75.000 Gula Rp 15.500",
        "Total Rp 1.250.000,00",
        "BN 1234 AB",
        "Jl. Merdeka No. 45 Muntok",
        "Rapat 17/04/2026 ruang 105.2",
        "Versi 2.0.1234 build 105.16447",
        "Skor 2.0621 dan 105.1644",
        "Harga 2.062081 105.164478",
        "Lat 2.06 Long 105.16",
        "Gedung 2, Lt. 3, Kamar 105",
        "Jam buka 08.00 - 16.00",
        "Lat -95.123456 Long 105.164478",
        "Lat 0.000000 Long 0.000000",
        "Latihan 2.062081 Longsor 105.164478",
    ])
    func notAPosition(text: String) {
        #expect(StampText(text).position == nil, "\(text)")
    }

    @Test(arguments: [
        "Rapat 17/04/2026 ruang 105.2",
        "Berlaku s/d 31-12-2026",
        "Tanggal lahir 15 Maret 1985",
        "NIP 198503152010011002",
        "Telp. 0812-7788-1234",
    ])
    func aDateAloneIsNoStamp(text: String) {
        #expect(StampText(text).date == nil, "\(text)")
        #expect(!StampText(text).isStamp)
    }

    // MARK: dates

    @Test(arguments: [
        ("Jumat, 17/04/2026 09:15 GMT +07:00", "2026-04-17"),
        ("17-04-2026 09:15", "2026-04-17"),
        ("2026-04-17 09:15:32", "2026-04-17"),
        ("Jum'at, 24 April 2026 10.20 WIB", "2026-04-24"),
        ("Jumat, 8 Mei 2026", "2026-05-08"),
        ("Kamis, 20 Agustus 2026", "2026-08-20"),
        ("Fri, 10 Apr 2026 02:05 PM GMT+07:00", "2026-04-10"),
        ("Friday, 17 April 2026", "2026-04-17"),
        ("Friday, April 17, 2026 9:15 AM", "2026-04-17"),
        ("Sabtu, 5 Desember 2026 07:00", "2026-12-05"),
        ("17 Okt 2026 08:00 WITA", "2026-10-17"),
        ("03/04/2026 14:05", "2026-04-03"),
    ])
    func dates(text: String, expected: String) {
        #expect(StampText(text).date?.description == expected, "\(text)")
    }

    @Test func invalidDatesAreRefused() {
        #expect(StampText("Jumat, 31/02/2026 09:15").date == nil)
        #expect(StampText("Jumat, 17/13/2026 09:15").date == nil)
        #expect(StampText("Jumat, 17/04/1890 09:15").date == nil)
    }

    @Test func aDateWithoutATimeStillGivesTheDay() throws {
        let stamp = StampText("Jumat, 17 April 2026\nKecamatan Kelapa, Kabupaten Bangka Barat")
        #expect(stamp.date?.description == "2026-04-17")
        #expect(stamp.clock == nil)
        #expect(stamp.weekday == .friday)
        let time = try #require(CaptureTime(stamp: stamp))
        #expect(time.wib.date.description == "2026-04-17")
    }

    // MARK: times and zones

    private func clock(_ text: String) -> String? {
        StampText(text).clock.map { c in "\(c.hour):\(c.minute)" + (c.second.map { ":\($0)" } ?? "") }
    }

    @Test func times() {
        #expect(clock("17/04/2026 09:15") == "9:15")
        #expect(clock("17/04/2026 09:15:32") == "9:15:32")
        #expect(clock("Fri, 10 Apr 2026 02:05 PM") == "14:5")
        #expect(clock("Fri, 10 Apr 2026 12:05 AM") == "0:5")
        #expect(clock("Fri, 10 Apr 2026 12:30 PM") == "12:30")
        #expect(clock("Jumat, 24 April 2026 10.20 WIB") == "10:20")
        #expect(clock("Jumat, 24 April 2026 23:59") == "23:59")
        // A large time on its own line above the date (a phone's corner watermark).
        #expect(clock("07:45\nJumat, 17 April 2026\nKecamatan Kelapa") == "7:45")
        // The zone's 07:00 is not the time.
        #expect(clock("Jumat, 17/04/2026 GMT +07:00") == nil)
        #expect(clock("17/04/2026 25:10") == nil)
        #expect(clock("Fri, 10 Apr 2026 13:05 PM") == nil)
    }

    @Test func zones() {
        #expect(StampText("17/04/2026 09:15 GMT +07:00").offset == UTCOffset(seconds: 7 * 3600))
        #expect(StampText("17/04/2026 09:15 GMT+0700").offset == UTCOffset(seconds: 7 * 3600))
        #expect(StampText("17/04/2026 09:15 UTC+8").offset == UTCOffset(seconds: 8 * 3600))
        #expect(StampText("17/04/2026 09:15 WIB").offset == UTCOffset(seconds: 7 * 3600))
        #expect(StampText("17/04/2026 09:15 WITA").offset == UTCOffset(seconds: 8 * 3600))
        #expect(StampText("17/04/2026 09:15 WIT").offset == UTCOffset(seconds: 9 * 3600))
        #expect(StampText("17/04/2026 09:15").offset == nil)
    }

    @Test func captureTimeUsesThePrintedZone() throws {
        let wita = try #require(CaptureTime(stamp: StampText("Jumat, 17/04/2026 10:15 WITA")))
        #expect(wita.wibISO8601 == "2026-04-17T09:15:00+07:00")
        #expect(wita.source == .stamp)
        let none = try #require(CaptureTime(stamp: StampText("Jumat, 17/04/2026 10:15")))
        #expect(none.wibISO8601 == "2026-04-17T10:15:00+07:00")
        #expect(none.recordedOffset == nil)
    }

    // MARK: places

    @Test func addressLinesNamingAKecamatanOrKabupatenAreKept() {
        let stamp = StampText("""
            Muntok, Kabupaten Bangka Barat
            Jl. Raya Muntok No. 61, Kecamatan Mentok
            Lat -2.062081° Long 105.164478°
            Jumat, 17/04/2026 09:15 GMT +07:00
            """)
        #expect(stamp.placeLines == ["Muntok, Kabupaten Bangka Barat", "Jl. Raya Muntok No. 61, Kecamatan Mentok"])
        #expect(stamp.places == [.kabupaten("Bangka Barat"), .kecamatan("Mentok")])
        #expect(stamp.position != nil)
        #expect(stamp.clock?.hour == 9)
    }

    @Test func shortFormsAndCities() {
        #expect(StampText("Kec. Kelapa, Kab. Bangka Barat").places == [.kecamatan("Kelapa"), .kabupaten("Bangka Barat")])
        #expect(StampText("Kecamatan Taman Sari, Kota Pangkal Pinang").places == [.kecamatan("Taman Sari"), .kabupaten("Kota Pangkal Pinang")])
    }

    @Test func aNameEndsAtTheNextAreaWordWhenOCRLostTheComma() {
        #expect(StampText("Kecamatan Kelapa Kabupaten Bangka Barat").places == [.kecamatan("Kelapa"), .kabupaten("Bangka Barat")])
    }

        @Test func placeKeysMatchSpellings() {
        #expect(Boundary.placeKey("Kabupaten Bangka Barat") == Boundary.placeKey("Bangka Barat"))
        #expect(Boundary.placeKey("Muntok") == Boundary.placeKey("Mentok"))
        #expect(Boundary.placeKey("Kota Pangkal Pinang") != Boundary.placeKey("Pangkal Pinang"))
    }

    // MARK: whole stamps

    @Test func aGPSCameraAppStampInEnglish() {
        let stamp = StampText("""
            Jebus, Bangka Belitung Islands, Indonesia
            Latitude: 1.70800° S  Longitude: 105.46196° E
            Fri, 10 Apr 2026 02:05 PM GMT+07:00
            """)
        #expect(stamp.latitude?.printed == "-1.70800")
        #expect(stamp.date?.description == "2026-04-10")
        #expect(stamp.clock?.hour == 14)
        #expect(stamp.weekday == .friday)
        #expect(stamp.localTime?.description == "2026-04-10T14:05:00")
    }

    @Test func hugeTextIsCut() {
        let text = String(repeating: "Lat 2.06 Long 105.16 Rp 75.000 ", count: 10_000)
        let stamp = StampText(text)
        #expect(stamp.readLines.joined().count <= StampText.maxCharacters)
        #expect(stamp.position == nil)
    }
}
