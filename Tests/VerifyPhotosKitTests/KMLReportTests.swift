import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import VerifyPhotosKit

/// The KML export parsed back with XMLParser: well-formed, in the KML 2.2 namespace, one
/// Placemark per photo with a position, a style per status, hostile text kept as text.
@Suite struct KMLReportTests {
    let id = Messages(language: .indonesian)

    private func result(_ name: String) -> PhotoResult {
        TestVerifier.verifier.verify(path: TestPaths.fixture(name))
    }

    private func kml(_ results: [PhotoResult]) throws -> KMLDocument {
        let folder = try TestPaths.temporaryFolder()
        let path = folder.appendingPathComponent("r.kml").path
        let output = try TextOutput(replacing: path)
        var report = KMLReport(output: output, messages: id, tellsLeftOut: false)
        for r in results { report.write(result: r) }
        report.finish(BatchSummary())
        try output.commit()
        return try KMLDocument(data: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func placemarksStyledByStatusInTheKMLNamespace() throws {
        let document = try kml(["ok-muntok-ii-dms.jpg", "outside-palembang-mm.jpg", "near-boundary-inside.jpg", "no-gps.jpg"].map(result))
        #expect(document.rootName == "kml" && document.rootNamespace == "http://www.opengis.net/kml/2.2")
        #expect(Set(document.styleIDs) == ["status-ok", "status-review", "status-flagged", "status-unreadable"])
        #expect(document.placemarks.count == 3)
        let ok = try #require(document.placemarks.first { $0.name == "ok-muntok-ii-dms.jpg" })
        #expect(ok.styleURL == "#status-ok")
        let parts = ok.coordinates.split(separator: ",").compactMap { Double($0) }
        #expect(parts.count == 2 && abs(parts[0] - 105.164) < 0.01 && abs(parts[1] + 2.0617) < 0.001, "\(ok.coordinates)")
        #expect(ok.description.contains("<b>SESUAI</b>"))
        #expect(ok.when == "2026-04-17T09:15:00+07:00")
        let outside = try #require(document.placemarks.first { $0.name == "outside-palembang-mm.jpg" })
        #expect(outside.styleURL == "#status-flagged")
        #expect(outside.description.contains("<li>" + id.reason(.outsideRegency) + "</li>"), "\(outside.description)")
        for placemark in document.placemarks {
            #expect(document.styleIDs.contains(String(placemark.styleURL.dropFirst())))
        }
    }

    @Test func textFromAPhotoNeverBecomesMarkup() throws {
        var r = result("ok-muntok-ii-dms.jpg")
        r.path = "/up/<b>x]]><script>alert(1)&amp;\u{1}.jpg"
        r.metadata?.make = "<img src=x onerror=alert(1)>"
        r.metadata?.model = "\u{202E}gpj.exe\u{FFFF}"
        let document = try kml([r])
        let placemark = try #require(document.placemarks.first)
        // The name is the text itself (entity-escaped in the file, so the parser gives it back).
        #expect(placemark.name == "<b>x]]><script>alert(1)&amp;\\x01.jpg")
        // The description is HTML whose text from the photo is escaped: no tag from the photo.
        #expect(!placemark.description.contains("<script") && !placemark.description.contains("<img"))
        #expect(placemark.description.contains("&lt;b&gt;x]]&gt;&lt;script&gt;alert(1)&amp;amp;\\x01.jpg"), "\(placemark.description)")
        #expect(placemark.description.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(placemark.description.contains("\\u{202E}gpj.exe\\u{FFFF}"))
    }

    /// A `<` or `&` followed by a combining mark is one Character in Swift: it is escaped all
    /// the same, and the document stays well-formed.
    @Test func aMarkupCharacterBeforeACombiningMarkIsEscaped() throws {
        var r = result("ok-muntok-ii-dms.jpg")
        r.path = "/up/x<\u{301}script>&\u{301}.jpg"
        let document = try kml([r])
        let placemark = try #require(document.placemarks.first)
        #expect(placemark.name == "x<\u{301}script>&\u{301}.jpg")
        #expect(HTMLText.entities("<\u{301}&\u{301}") == "&lt;\u{301}&amp;\u{301}")
    }

    @Test func anEmptyReportIsAWellFormedDocument() throws {
        let document = try kml([result("no-gps.jpg")])
        #expect(document.rootName == "kml" && document.placemarks.isEmpty && document.styleIDs.count == 4)
    }
}

/// What the tests read of a KML document.
final class KMLDocument: NSObject, XMLParserDelegate {
    struct Placemark {
        var name = "", styleURL = "", description = "", coordinates = "", when = ""
    }

    var rootName: String?
    var rootNamespace: String?
    var styleIDs: [String] = []
    var placemarks: [Placemark] = []
    private var current: Placemark?
    private var text = ""

    init(data: Data) throws {
        super.init()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = self
        guard parser.parse() else { throw XLSXFile.Failure(description: "KML is not well-formed: \(String(describing: parser.parserError))") }
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if rootName == nil {
            rootName = elementName
            rootNamespace = namespaceURI
        }
        if elementName == "Style", let id = attributes["id"] { styleIDs.append(id) }
        if elementName == "Placemark" { current = Placemark() }
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        text += String(decoding: block, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch elementName {
        case "name": current?.name = text
        case "styleUrl": current?.styleURL = text
        case "description": current?.description = text
        case "coordinates": current?.coordinates = text
        case "when": current?.when = text
        case "Placemark":
            if let current { placemarks.append(current) }
            current = nil
        default: break
        }
    }
}
