import Testing
@testable import VerifyPhotosKit

/// XMP packets: the position and times they state, and what does not parse.
@Suite struct XMPReadingTests {
    private func packet(_ body: String) -> XMPPacket {
        XMPPacket(Array(body.utf8), index: 1)
    }

    @Test func readsAttributesAndElements() throws {
        let attributes = packet("<rdf:Description exif:GPSLatitude=\"2,3.702S\" exif:GPSLongitude='105,9,50.4E' "
                                + "exif:DateTimeOriginal=\"2026-04-03T09:15:00.12+07:00\"/>")
        let position = try #require(attributes.copy.position)
        #expect(abs(position.latitude + 2.0617) < 1e-9 && abs(position.longitude - 105.164) < 1e-9)
        #expect(attributes.copy.dateTimeOriginal?.description == "2026-04-03T09:15:00")
        #expect(attributes.copy.offsetTimeOriginal == UTCOffset.wib)

        let elements = packet("<photoshop:DateCreated>2026-04-09T22:00</photoshop:DateCreated>"
                              + "<exif:GPSTimeStamp>2026-04-09T15:00:05Z</exif:GPSTimeStamp>")
        #expect(elements.copy.dateTimeOriginal?.description == "2026-04-09T22:00:00")
        #expect(elements.copy.offsetTimeOriginal == nil)
        #expect(elements.copy.gpsTime?.description == "2026-04-09T15:00:05")
        #expect(elements.copy.position == nil && elements.unparsedPositions.isEmpty)
    }

    @Test func valuesThatDoNotParseAreKept() {
        let bad = packet("exif:GPSLatitude=\"north-ish\" exif:GPSLongitude=\"105,9.84E\" exif:DateTimeOriginal=\"yesterday\"")
        #expect(bad.copy.isEmpty)
        #expect(bad.unparsedPositions == [UnparsedValue(tag: "XMP GPSLatitude GPSLongitude", raw: "north-ish 105,9.84E")])
        #expect(bad.unparsedTimes == [UnparsedValue(tag: "XMP exif:DateTimeOriginal", raw: "yesterday")])
    }

    @Test func coordinates() throws {
        let south = try #require(XMPPacket.coordinate("1,40.6866S", positive: "N", negative: "S"))
        #expect(abs(south - -1.678110) < 1e-6)
        let east = try #require(XMPPacket.coordinate("105,26,13.9E", positive: "E", negative: "W"))
        #expect(abs(east - 105.437194) < 1e-6)
        #expect(XMPPacket.coordinate("0,30n", positive: "N", negative: "S") == 0.5)
    }

    @Test(arguments: ["1,40.6866", "1,75,0S", "-1,40S", "1;40S", "S", "1,40.6866X"])
    func rejectsCoordinates(_ text: String) {
        #expect(XMPPacket.coordinate(text, positive: "N", negative: "S") == nil)
    }

    @Test func aPropertyNameMustStandAlone() {
        #expect(XMPPacket.property("exif:GPSLatitude", in: Array("myexif:GPSLatitude=\"1,0N\"".utf8)) == nil)
        #expect(XMPPacket.property("exif:GPSLatitude", in: Array("exif:GPSLatitudeRef=\"N\" exif:GPSLatitude=\"1,0N\"".utf8)) == "1,0N")
    }
}
