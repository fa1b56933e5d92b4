import Foundation
import Testing
@testable import VerifyPhotosKit

/// `--format html`: escaping, the data attributes scripts rely on, no network reference, and
/// bounded thumbnails.
@Suite struct HTMLReportTests {
    /// The report of `results` as one string.
    static func render(_ results: [PhotoResult], language: Language = .indonesian, summary: BatchSummary? = nil) throws -> String {
        let folder = try TemporaryFolder()
        let path = folder.appendingPathComponent("report.html").path
        let output = try TextOutput(path: path)
        var report = HTMLReport(output: output, messages: Messages(language: language), generatedAt: 1_776_392_100)
        var counts = BatchSummary()
        for result in results {
            report.write(result: result)
            counts.add(result)
        }
        report.finish(summary ?? counts)
        try output.commit()
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    static func result(_ fixture: String) -> PhotoResult {
        TestVerifier.verifier.verify(path: TestPaths.fixture(fixture))
    }

    /// A photo whose Software and file name are markup.
    static func hostile() throws -> PhotoResult {
        let bytes = CraftedPhoto.jpeg(tiff: CraftedPhoto.phone(software: "</script><script>alert(1)</script>", make: "<b id=pwn>x</b>", model: "\"onmouseover=alert(1) x='"))
        return TestVerifier.verifier.verify(bytes: bytes, path: PhotoPath("uploads/<img src=x onerror=alert(1)>'\".jpg"))
    }

    @Test func textFromAPhotoOrAFileNameIsEscapedEverywhere() throws {
        let html = try HTMLReportTests.render([try HTMLReportTests.hostile()])
        for raw in ["<script>alert(1)", "</script><script>", "<img src=x", "<b id=pwn>", "\"onmouseover=alert(1)"] {
            #expect(!html.contains(raw), "\(raw) is in the page unescaped")
        }
        #expect(html.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains(#"data-path="uploads/&lt;img src=x onerror=alert(1)&gt;&#39;&quot;.jpg""#))
        #expect(html.contains("&lt;b id=pwn&gt;x&lt;/b&gt;"))
        // The page's only scripts are its own two (allowed by hash in the Content-Security-Policy).
        #expect(html.components(separatedBy: "<script>").count == 3)
        #expect(html.contains("script-src 'sha256-"))
    }

    @Test func controlAndBidiCharactersInNamesAreShownNotObeyed() {
        #expect(HTMLText.escape("a\u{202E}gpj.exe\u{1b}[31m") == "a\\u{202E}gpj.exe\\x1b[31m")
        #expect(HTMLText.escape("<a href='x'>&</a>") == "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;")
    }

    @Test func rowsAndDotsCarryTheirDataAttributes() throws {
        let names = ["ok-muntok-ii-dms.jpg", "no-gps.jpg", "near-boundary-inside.jpg", "outside-palembang-mm.jpg", "unreadable-empty.jpg"]
        let results = names.map(HTMLReportTests.result)
        let html = try HTMLReportTests.render(results)
        for result in results {
            #expect(html.contains(#"data-path="\#(result.path)" data-status="\#(result.verdict.status.rawValue)""#), "\(result.path)")
        }
        #expect(html.components(separatedBy: "<tr id=\"r").count - 1 == names.count)
        // Inside the frame: a dot each; Palembang is listed at the frame's edge instead.
        let dots = html.components(separatedBy: #"<circle class="dot" data-status=""#).count - 1
        #expect(dots == 2 + 4)  // two photos on the map, four dots in the legend
        #expect(html.contains(#"data-row="r1""#) && html.contains(#"data-row="r3""#))
        #expect(html.contains(#"<g class="edge" data-status="flagged" data-direction=""#))
        #expect(html.contains("ke barat"))
        #expect(html.contains(#"<svg id="regency-map""#))
    }

    @Test func thePageReferencesNothingOnTheNetworkButMapLinks() throws {
        let names = ["ok-muntok-ii-dms.jpg", "outside-pangkal-pinang.jpg", "no-gps.jpg", "reuse/reuse-original.jpg"]
        let html = try HTMLReportTests.render(names.map(HTMLReportTests.result))
        let pattern = try NSRegularExpression(pattern: #"(?:src|href|action|srcset|poster|data)\s*=\s*["']?([^"' >]*)"#, options: [.caseInsensitive])
        let range = NSRange(html.startIndex..., in: html)
        var links = 0
        for match in pattern.matches(in: html, range: range) {
            guard let found = Range(match.range(at: 1), in: html) else { continue }
            let value = String(html[found]).lowercased()
            if value.hasPrefix("https://www.openstreetmap.org/?mlat=") { links += 1; continue }
            #expect(!value.hasPrefix("http") && !value.hasPrefix("//") && !value.hasPrefix("ftp"), "\(value)")
        }
        #expect(links == names.map(HTMLReportTests.result).filter { $0.metadata?.gps.decodedPosition != nil }.count)
        #expect(links >= 2)
        #expect(!html.contains("url(") && !html.contains("@import"))
        #expect(html.contains("default-src 'none'; img-src data:"))
    }

    @Test func aThumbnailIsSmallAndBounded() throws {
        let original = TestPaths.fixture("reuse/reuse-original.jpg")
        let checked = try HTMLReportTests.sha256(original)
        let thumbnail = try Thumbnail.make(path: PhotoPath(original), limits: .row, checkedSHA256: checked).get()
        #expect(max(thumbnail.width, thumbnail.height) == 160 && min(thumbnail.width, thumbnail.height) == 120)
        #expect(thumbnail.jpeg.count <= Thumbnail.Limits.row.maxBytes)
        #expect(thumbnail.jpeg.starts(with: [0xFF, 0xD8]))
        // What it holds decodes again to the same size.
        let back = try thumbnail.jpeg.withUnsafeBufferPointer { try Thumbnail.make(photo: $0, limits: .row).get() }
        #expect(back.width == thumbnail.width && back.height == thumbnail.height)
        // A limit no JPEG can meet gives no thumbnail rather than a larger one.
        let tight = Thumbnail.Limits(maxSide: 160, maxBytes: 200)
        #expect(throws: Thumbnail.Absence.self) { try Thumbnail.make(path: PhotoPath(original), limits: tight, checkedSHA256: checked).get() }
    }

    /// A picture put in the photo's place after the check is not shown as the one judged: the
    /// row and the evidence sheet say the file changed.
    @Test func aFileReplacedAfterTheCheckShowsNoPicture() throws {
        let folder = try TemporaryFolder()
        let path = folder.appendingPathComponent("IMG_0001.jpg").path
        try Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("reuse/reuse-original.jpg"))).write(to: URL(fileURLWithPath: path))
        let judged = TestVerifier.verifier.verify(path: path)
        let checked = try #require(judged.fingerprint?.fileSHA256)
        #expect((try? Thumbnail.make(path: PhotoPath(path), limits: .row, checkedSHA256: checked).get()) != nil)
        try Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("reuse/reuse-unrelated.jpg"))).write(to: URL(fileURLWithPath: path))
        #expect(Thumbnail.make(path: PhotoPath(path), limits: .row, checkedSHA256: checked) == .failure(.changedSinceChecked))
        let html = try HTMLReportTests.render([judged])
        #expect(html.contains("tanpa pratinjau: berkas berubah setelah diperiksa"))
        #expect(!html.contains("data:image/jpeg"))
    }

    /// Without the SHA-256 of the check (`--metadata-only`) no picture is shown: nothing could
    /// tell that it is the one checked.
    @Test func aPhotoCheckedWithoutItsHashShowsNoPicture() throws {
        var result = HTMLReportTests.result("reuse/reuse-original.jpg")
        #expect(result.fingerprint != nil)
        result.fingerprint = nil
        #expect(Thumbnail.make(path: PhotoPath(result.path), limits: .row, checkedSHA256: nil) == .failure(.notHashed))
        let html = try HTMLReportTests.render([result])
        #expect(html.contains("tanpa pratinjau (--metadata-only: berkas tidak di-hash)"))
        #expect(!html.contains("data:image/jpeg"))
    }

    static func sha256(_ path: String) throws -> String {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        return try #require(bytes.withUnsafeBytes { SHA256Hasher.digest($0) }).hexString
    }

    /// A baseline JPEG scaled by 1/8 for its preview is decoded from each block's DC colour:
    /// the same size as libjpeg's full decode and nearly the same colours (libjpeg scales chroma
    /// with a 2x2 IDCT where the shortcut keeps one colour a chroma block); any other JPEG, and
    /// any damaged one, is libjpeg's alone, with libjpeg's outcome.
    @Test(arguments: ["dc-420.jpg", "dc-422.jpg", "dc-444.jpg", "dc-grey.jpg", "dc-restart.jpg", "dc-progressive.jpg", "dc-no-eoi.jpg"])
    func aPreviewFromDCColoursLooksLikeLibjpegs(name: String) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("decoder/\(name)"))))
        // 530 x 514 pixels: at most 64 px a side takes the 1/8 scale (67 x 65), then averaging.
        let (fast, slow) = bytes.withUnsafeBufferPointer {
            (Thumbnail.decodeJPEG($0, maxSide: 64, dcShortcut: true), Thumbnail.decodeJPEG($0, maxSide: 64, dcShortcut: false))
        }
        switch (fast, slow) {
        case (.success(let fast), .success(let slow)):
            #expect(fast.dcOnly == !["dc-progressive.jpg"].contains(name), "\(name)")
            #expect(!slow.dcOnly)
            #expect(fast.picture.width == slow.picture.width && fast.picture.height == slow.picture.height)
            let differences = zip(fast.picture.pixels, slow.picture.pixels).map { abs(Int($0) - Int($1)) }
            let mean = Double(differences.reduce(0, +)) / Double(max(differences.count, 1))
            // Colours differ most along sharp colour edges, where a chroma block's one colour
            // replaces libjpeg's 2x2 of them: few samples, and not by much on average.
            let far = Double(differences.filter { $0 > 32 }.count) / Double(max(differences.count, 1))
            #expect(mean < 3 && far < 0.02, "\(name): mean difference \(mean), \(far * 100) % of samples more than 32 apart")
            if name == "dc-grey.jpg" || name == "dc-444.jpg" { #expect(mean < 1, "\(name): \(mean)") }
        case (.failure(let fast), .failure(let slow)):
            #expect(fast == slow)
            #expect(name == "dc-no-eoi.jpg", "\(name): \(slow)")
        default:
            Issue.record("\(name): \(fast) vs \(slow)")
        }
    }

    /// A photo without GPS tags whose stamp gave the position is on the map, in the place
    /// column (which says the position came from the stamp) and on its evidence sheet.
    @Test func aPositionFromTheStampIsOnTheMap() throws {
        let result = HTMLReportTests.result("stamps/stamp-dms-tempilang.jpg")
        #expect(result.verdict.positionSource == .stamp)
        let position = try #require(result.judgedPosition)
        #expect(abs(position.latitude - -1.947139) < 0.0001 && abs(position.longitude - 105.580611) < 0.0001)
        let html = try HTMLReportTests.render([result])
        #expect(html.contains("posisi dari stempel pada foto"))
        #expect(html.contains(#"<circle class="dot""#))
        #expect(html.contains(#"id="zoomed-map""#))
        #expect(!html.contains(">tanpa lokasi<"))
    }

    /// Two photos beyond the map in one direction at distances that print alike are labelled
    /// with that distance once.
    @Test func anEdgeLabelNamesADistanceThatPrintsAlikeOnce() throws {
        let html = try HTMLReportTests.render([HTMLReportTests.result("outside-pangkal-pinang.jpg"),
                                               HTMLReportTests.result("stamps/stamp-app-id-thursday-pangkalpinang.jpg")])
        #expect(html.contains("2 foto · 37 km ke tenggara"), "\(html.components(separatedBy: "edge-label").dropFirst().map { $0.prefix(80) })")
        #expect(!html.contains("37 km–37 km"))
    }

    @Test func formatsWithoutAThumbnailSaySo() throws {
        let png = TestPaths.fixture("ok-png-exif-chunk.png")
        #expect(Thumbnail.make(path: PhotoPath(png), limits: .row, checkedSHA256: try HTMLReportTests.sha256(png)) == .failure(.format(.png)))
        let html = try HTMLReportTests.render([HTMLReportTests.result("ok-png-exif-chunk.png")])
        #expect(html.contains("tanpa pratinjau (PNG)"))
    }

    /// A JPEG whose SOF0 declares `side` x `side` pixels in three components, then a scan.
    static func bomb(side: UInt16) -> [UInt8] {
        let high = UInt8(side >> 8), low = UInt8(side & 0xFF)
        let sof: [UInt8] = [0xFF, 0xC0, 0x00, 0x11, 0x08, high, low, high, low, 0x03, 0x01, 0x11, 0x00, 0x02, 0x11, 0x00, 0x03, 0x11, 0x00]
        let sos: [UInt8] = [0xFF, 0xDA, 0x00, 0x0C, 0x03, 0x01, 0x00, 0x02, 0x11, 0x03, 0x11, 0x00, 0x3F, 0x00]
        return [0xFF, 0xD8] + sof + sos + [UInt8](repeating: 0, count: 64) + [0xFF, 0xD9]
    }

    @Test(arguments: [(UInt16(65535), "Maximum supported image dimension"), (UInt16(60000), "60000 x 60000 pixels is larger than the limit")])
    func aDecodeBombHeaderGetsNoThumbnailAndNoAllocation(side: UInt16, refusal: String) throws {
        // 65,535 x 65,535 (12.9 GB decoded) is refused by libjpeg's header reader itself;
        // 60,000 x 60,000 (10.8 GB) by the shim's pixel limit, both before any image memory is taken.
        let outcome = HTMLReportTests.bomb(side: side).withUnsafeBufferPointer { Thumbnail.make(photo: $0, limits: .row) }
        guard case .failure(.undecodable(let reason)) = outcome else {
            Issue.record("a thumbnail of a decode bomb: \(outcome)")
            return
        }
        #expect(reason.contains(refusal), "\(reason)")
    }

    @Test func onlyTheFirstThousandPhotosGetAThumbnail() throws {
        let photo = HTMLReportTests.result("reuse/reuse-original.jpg")
        let folder = try TemporaryFolder()
        let path = folder.appendingPathComponent("many.html").path
        let output = try TextOutput(path: path)
        var report = HTMLReport(output: output, messages: Messages(language: .english))
        for _ in 0..<(HTMLReport.maxThumbnails + 3) { report.write(result: photo) }
        report.finish(BatchSummary())
        try output.commit()
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.components(separatedBy: "src=\"data:image/jpeg;base64,").count - 1 == HTMLReport.maxThumbnails)
        #expect(html.components(separatedBy: "no preview (limit reached)").count - 1 == 3)
    }

    @Test func onePhotoGetsAnEvidenceSheetThatPrintsOnA4() throws {
        let result = HTMLReportTests.result("near-boundary-inside.jpg")
        let html = try HTMLReportTests.render([result], language: .english)
        #expect(html.contains(#"<section id="evidence""#) && html.contains(#"<svg id="zoomed-map""#))
        for check in result.verdict.checks {
            #expect(html.contains(HTMLText.escape(Messages.english.sentence(check))), "\(check.rule)")
        }
        #expect(html.contains("@page{size:A4"))
        let two = try HTMLReportTests.render([result, HTMLReportTests.result("no-gps.jpg")])
        #expect(!two.contains(#"<section id="evidence""#))
    }

    @Test func theSummaryCountsByStatusReasonKecamatanDateAndNamesWhoSentNothing() throws {
        let results = ["ok-muntok-ii-dms.jpg", "ok-jebus-mm-decimal-minutes.jpg", "no-gps.jpg"].map(HTMLReportTests.result)
        var summary = BatchSummary()
        results.forEach { summary.add($0) }
        summary.missing = [LedgerRow(nip: "199203032019032005", name: "Eka <Contoh>", unit: "Dinas Contoh", date: CalendarDate(year: 2026, month: 4, day: 10)!,
                                     due: true, outcome: .missing, reasons: [], photos: [])]
        let html = try HTMLReportTests.render(results, summary: summary)
        #expect(html.contains("Menurut kecamatan") && html.contains("<td>Mentok</td>") && html.contains("<td>Jebus</td>"))
        #expect(html.contains(HTMLText.escape(Messages(language: .indonesian).reason(.noGPS))))
        #expect(html.contains("Wajib WFH tetapi tidak mengirim foto (1)") && html.contains("Eka &lt;Contoh&gt;"))
        #expect(html.contains("(Jumat)"))
    }

    @Test func bothLanguagesLabelTheReport() throws {
        let result = HTMLReportTests.result("ok-muntok-ii-dms.jpg")
        let indonesian = try HTMLReportTests.render([result, result], language: .indonesian)
        let english = try HTMLReportTests.render([result, result], language: .english)
        #expect(indonesian.contains(#"<html lang="id">"#) && indonesian.contains("Daftar foto") && indonesian.contains("Peta lokasi foto"))
        #expect(english.contains(#"<html lang="en">"#) && english.contains(">Photos</h2>") && english.contains("Map of the photos"))
        let m = Messages(language: .indonesian)
        #expect(m.number(1_234_567) == "1.234.567" && Messages.english.number(1_234_567) == "1,234,567")
    }

    @Test func aPrintedPathGivesItsBytesBack() {
        let bytes: [UInt8] = Array("a\\b/".utf8) + [0xFF, 0xFE] + Array("é\\x41.jpg".utf8)
        let path = PhotoPath(bytes: bytes)
        #expect(PhotoPath.parsing(printed: path.description) == path)
    }
}
