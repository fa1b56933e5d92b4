/// `--format kml`: a KML 2.2 document for Google Earth, one Placemark per photo with a position,
/// styled by status (one `<Style>` per status, the pin tinted in the table's colours), named by
/// the file name, its balloon (description) the verdict in words, the reasons, the hint and what
/// was read. Photos without a usable position are left out and counted on standard error.
///
/// Everything from a photo or a file name is attacker-controlled: Google Earth renders the
/// description as HTML, so such text is HTML-escaped inside it and the whole description is then
/// entity-escaped as XML (never put in CDATA), and every other element is entity-escaped text.
public struct KMLReport: ReportWriter {
    let output: TextOutput
    let messages: Messages
    let tellsLeftOut: Bool
    private var started = false
    private var withoutPosition = 0

    public init(output: TextOutput, messages: Messages, tellsLeftOut: Bool = true) {
        self.output = output
        self.messages = messages
        self.tellsLeftOut = tellsLeftOut
    }

    /// Pin colours by status, as KML writes them (`aabbggrr`).
    static let colors: [PhotoStatus: String] = [.ok: "ff00aa00", .review: "ff00c8ff", .flagged: "ff0000dc", .unreadable: "ff800080"]

    public func row(for result: PhotoResult) -> String? {
        guard let point = result.judgedPosition, point.latitude.isFinite, point.longitude.isFinite,
              abs(point.latitude) <= 90, abs(point.longitude) <= 180 else { return nil }
        let v = result.verdict
        let name = result.path.split(separator: "/").last.map(String.init) ?? result.path
        var html = "<b>" + KMLReport.html(messages.status(v.status)) + "</b>"
        if !v.reasons.isEmpty {
            html += "<ul>" + v.reasons.map { "<li>" + KMLReport.html(messages.reason($0)) + "</li>" }.joined() + "</ul>"
        }
        if let hint = v.hint { html += "<p>" + KMLReport.html(messages.hint(hint)) + "</p>" }
        var facts: [(String, String)] = [(messages.pick(id: "Berkas", en: "File"), result.path)]
        if let time = v.captureTime { facts.append((messages.pick(id: "Waktu pengambilan", en: "Taken"), time.wibISO8601)) }
        if let location = v.location {
            facts.append((messages.pick(id: "Lokasi", en: "Place"), [location.kecamatan, location.desa].compactMap { $0 }.joined(separator: ", ")
                .nonEmpty ?? messages.place(location.place)))
            facts.append((messages.pick(id: "Jarak ke batas", en: "Distance to boundary"), messages.distance(location.distanceToBoundary)))
        }
        if let nip = result.submission.employee?.digits {
            facts.append(("NIP", [nip, result.submission.rosterEntry?.name].compactMap { $0 }.joined(separator: " ")))
        }
        if let device = [result.metadata?.make, result.metadata?.model].compactMap({ $0 }).joined(separator: " ").nonEmpty {
            facts.append((messages.pick(id: "Kamera", en: "Camera"), device))
        }
        html += "<p>" + facts.map { KMLReport.html($0.0) + ": " + KMLReport.html($0.1) }.joined(separator: "<br/>") + "</p>"
        var lines = ["<Placemark>", "<name>" + KMLReport.xml(name) + "</name>"]
        if let time = v.captureTime { lines.append("<TimeStamp><when>" + time.wibISO8601 + "</when></TimeStamp>") }
        lines.append("<styleUrl>#status-" + v.status.rawValue + "</styleUrl>")
        lines.append("<description>" + KMLReport.xml(html, escapingText: false) + "</description>")
        func rounded(_ d: Double) -> String { JSONText.number((d * 1e8).rounded() / 1e8) }
        lines.append("<Point><coordinates>" + rounded(point.longitude) + "," + rounded(point.latitude) + "</coordinates></Point>")
        lines.append("</Placemark>")
        return lines.joined(separator: "\n")
    }

    private mutating func start() {
        guard !started else { return }
        started = true
        var head = [#"<?xml version="1.0" encoding="UTF-8"?>"#, #"<kml xmlns="http://www.opengis.net/kml/2.2">"#, "<Document>",
                    "<name>verify-photos</name>"]
        for status in PhotoStatus.allCases {
            head.append(#"<Style id="status-"# + status.rawValue + #""><IconStyle><color>"# + (KMLReport.colors[status] ?? "ffffffff")
                + "</color><Icon><href>https://maps.google.com/mapfiles/kml/paddle/wht-blank.png</href></Icon></IconStyle>"
                + "<LabelStyle><scale>0.8</scale></LabelStyle></Style>")
        }
        output.line(head.joined(separator: "\n"))
    }

    public mutating func write(_ row: String?) {
        start()
        guard let row else {
            withoutPosition += 1
            return
        }
        output.line(row)
    }

    public mutating func finish(_ summary: BatchSummary) {
        start()
        output.line("</Document>\n</kml>")
        output.flush()
        if tellsLeftOut, withoutPosition > 0 {
            TextOutput.standardError("verify-photos: " + messages.photosWithoutPosition(withoutPosition, format: "KML") + "\n")
        }
    }

    /// Text for HTML: controls and invisible characters escaped as on the terminal, then `&`,
    /// `<`, `>`, `"` and `'` as entities.
    static func html(_ text: String) -> String {
        HTMLText.entities(XMLText.safe(text))
    }

    /// Text for an XML element: made safe as `html` does (unless `escapingText` is false, for
    /// markup already built from escaped text), then entity-escaped.
    static func xml(_ text: String, escapingText: Bool = true) -> String {
        HTMLText.entities(escapingText ? XMLText.safe(text) : text)
    }
}


/// Text that XML 1.0 can hold and a person reads as written: control, bidi and invisible
/// characters escaped as on the terminal (`\x0a`, `\u{202E}`), and the noncharacters XML forbids
/// (U+FFFE, U+FFFF) escaped the same way. Swift strings are valid UTF-8, so nothing else is needed.
enum XMLText {
    static func safe(_ value: String) -> String {
        let text = TerminalText.safe(value)
        guard text.unicodeScalars.contains(where: { $0.value == 0xFFFE || $0.value == 0xFFFF }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
