import Foundation
import Testing
@testable import VerifyPhotosKit

@Suite struct PhotoPathTests {
    /// The README's unescaping, written independently of the library: `\\` is a backslash,
    /// `\xHH` the byte HH, `\u{H…}` (table, explanation and CSV only) that code point in UTF-8;
    /// every other character stands for its UTF-8 bytes.
    static func unescape(_ printed: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        let scalars = Array(printed.unicodeScalars)
        var i = 0
        func hexValue(_ from: Int, _ to: Int) -> UInt32? {
            guard from < to, to <= scalars.count else { return nil }
            return UInt32(String(String.UnicodeScalarView(scalars[from..<to])), radix: 16)
        }
        while i < scalars.count {
            let s = scalars[i]
            guard s == "\\" else {
                bytes += Array(String(Character(s)).utf8)
                i += 1
                continue
            }
            guard i + 1 < scalars.count else { return nil }
            switch scalars[i + 1] {
            case "\\":
                bytes.append(UInt8(ascii: "\\"))
                i += 2
            case "x":
                guard let byte = hexValue(i + 2, i + 4) else { return nil }
                bytes.append(UInt8(byte))
                i += 4
            case "u":
                guard i + 2 < scalars.count, scalars[i + 2] == "{",
                      let close = scalars[(i + 3)...].firstIndex(of: "}"),
                      let value = hexValue(i + 3, close), let scalar = Unicode.Scalar(value) else { return nil }
                bytes += Array(String(Character(scalar)).utf8)
                i = close + 1
            default:
                return nil
            }
        }
        return bytes
    }

    @Test func validUTF8WithoutBackslashesPrintsUnchanged() {
        for text in ["/srv/wfh/2026-04-03/IMG_20260403_091500.jpg", "foto é 📷.jpg", "inv_\u{FFFD}.jpg", "a\nb\u{1B}[31m"] {
            #expect(PhotoPath(text).description == text)
        }
    }

    @Test func undecodableBytesAndBackslashesAreEscaped() {
        #expect(PhotoPath(bytes: Array("inv_".utf8) + [0xFF] + Array(".jpg".utf8)).description == "inv_\\xff.jpg")
        #expect(PhotoPath(bytes: Array("inv_".utf8) + [0xFE] + Array(".jpg".utf8)).description == "inv_\\xfe.jpg")
        #expect(PhotoPath("inv_\\xff.jpg").description == "inv_\\\\xff.jpg")
        #expect(PhotoPath("C:\\foto").description == "C:\\\\foto")
        // Truncated, overlong and surrogate encodings are bytes, not characters.
        #expect(PhotoPath(bytes: [0x61, 0xE2, 0x82]).description == "a\\xe2\\x82")
        #expect(PhotoPath(bytes: [0xC0, 0xAF]).description == "\\xc0\\xaf")
        #expect(PhotoPath(bytes: [0xED, 0xA0, 0x80]).description == "\\xed\\xa0\\x80")
    }

    @Test func theDocumentedUnescapingGivesBackTheBytes() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var samples: [[UInt8]] = [[0x5C], [0x5C, 0x78, 0x66, 0x66], [0xFF, 0x5C, 0xFE], Array("é\\".utf8) + [0x80]]
        let tricky: [UInt8] = [0x5C, 0x78, 0xC3, 0xA9, 0xE2, 0x80, 0xAE]
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(state % 12) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let pick = state >> 33
                bytes.append(pick % 4 == 0 ? tricky[Int(pick / 4 % 7)] : UInt8(truncatingIfNeeded: pick >> 8))
            }
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            samples.append(bytes)
        }
        for bytes in samples {
            let path = PhotoPath(bytes: bytes)
            #expect(PhotoPathTests.unescape(path.description) == bytes, "\(bytes)")
            #expect(PhotoPathTests.unescape(TerminalText.safe(path.description)) == bytes, "\(bytes)")
        }
    }

    /// Creates a file whose name is the raw `name` bytes, with `content`.
    private static func create(_ folder: URL, _ name: [UInt8], _ content: Data) throws -> [UInt8] {
        let path = Array(folder.path.utf8) + [UInt8(ascii: "/")] + name
        let fd = (path.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { open($0.baseAddress!, O_WRONLY | O_CREAT | O_EXCL, 0o644) }
        try #require(fd >= 0)
        defer { close(fd) }
        try #require(content.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == content.count)
        return path
    }

    @Test func namesThatAreNotUTF8StayDistinctInEveryFormat() throws {
        let folder = try TemporaryFolder()
        let root = folder.url
        let jpeg = try Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("ok-muntok-ii-dms.jpg")))
        let names: [[UInt8]] = [Array("inv_".utf8) + [0xFF] + Array(".jpg".utf8), Array("inv_".utf8) + [0xFE] + Array(".jpg".utf8),
                                Array("inv_\u{FFFD}.jpg".utf8), Array("inv_\\xff.jpg".utf8)]
        var originals: [[UInt8]] = []
        for name in names { originals.append(try PhotoPathTests.create(root, name, jpeg)) }

        let items = PhotoFinder().find([root.path]).items
        #expect(items.count == names.count)
        let results = items.map { FreshReadings.verify($0, with: TestVerifier.verifier) }
        let prefix = root.path + "/"

        for format in ReportFormat.allCases {
            let file = root.appendingPathComponent("report-\(format.rawValue).txt").path
            do {
                let output = try TextOutput(path: file)
                switch format {
                case .table: render(results, TableReport(output: output, messages: .english, color: false))
                case .explain: render(results, ExplanationReport(output: output, messages: .english, color: false))
                case .jsonl: render(results, JSONReport(output: output, messages: .english))
                case .json: render(results, JSONReport(output: output, messages: .english, asArray: true))
                case .csv: render(results, CSVReport(output: output, messages: .english))
                case .html: render(results, HTMLReport(output: output, messages: .english))
                case .xlsx: render(results, WorkbookReport(output: output, messages: .english))
                case .geojson: render(results, GeoJSONReport(output: output, messages: .english, tellsLeftOut: false))
                case .kml: render(results, KMLReport(output: output, messages: .english, tellsLeftOut: false))
                }
            }
            let text = format == .xlsx ? "" : try String(contentsOfFile: file, encoding: .utf8)
            let printed: [String]
            switch format {
            case .xlsx:
                let sheet = try XLSXFile(path: file).sheet(1)
                printed = (2...(names.count + 1)).map { sheet.cell(row: $0, column: WorkbookReport.Column.path.rawValue)?.text ?? "" }
            case .geojson:
                let collection = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
                let features = try #require(collection["features"] as? [[String: Any]])
                printed = features.map { ($0["properties"] as? [String: Any])?["path"] as? String ?? "" }
            case .kml:
                // Placemarks are named by the file name.
                printed = try KMLDocument(data: Data(text.utf8)).placemarks.map { prefix + $0.name }
            case .jsonl:
                printed = try text.split(separator: "\n").map { line in
                    try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])["path"] as? String ?? ""
                }
            case .json:
                let array = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
                printed = array.map { $0["path"] as? String ?? "" }
            case .csv:
                printed = text.split(separator: "\n").dropFirst().map { String($0.prefix { $0 != "," }) }
            case .html:
                printed = text.components(separatedBy: #"data-path=""#).dropFirst().map { attribute in
                    String(attribute.prefix { $0 != "\"" }).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                        .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
                }
            case .table, .explain:
                printed = text.split(separator: "\n").compactMap { line in
                    line.range(of: prefix).map { String(line[$0.lowerBound...]) }
                }
            }
            #expect(printed.count == names.count, "\(format): \(text)")
            #expect(Set(printed).count == names.count, "\(format): \(printed)")
            #expect(Set(printed.compactMap(PhotoPathTests.unescape)) == Set(originals), "\(format): \(printed)")
        }
    }

    private func render<W: ReportWriter>(_ results: [PhotoResult], _ writer: W) {
        var writer = writer
        var summary = BatchSummary()
        for result in results {
            writer.write(result: result)
            summary.add(result)
        }
        writer.finish(summary)
    }
}
