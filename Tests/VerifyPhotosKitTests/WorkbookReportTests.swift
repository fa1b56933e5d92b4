import CZlib
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import VerifyPhotosKit

/// The workbook read back: by the small reader below (zip through zlib, sheet XML through
/// XMLParser), and by openpyxl when Python has it.
@Suite struct WorkbookReportTests {
    let id = Messages(language: .indonesian)
    let en = Messages(language: .english)

    private func result(_ name: String) -> PhotoResult {
        TestVerifier.verifier.verify(path: TestPaths.fixture(name))
    }

    /// A photo with a position whose every text field is hostile.
    private func hostile() -> PhotoResult {
        var r = result("ok-muntok-ii-dms.jpg")
        r.path = "/up/=HYPERLINK(\"http://evil.example\",\"klik\")\u{1}\u{202E}_x0041_.jpg"
        r.metadata?.make = "=1+1"
        r.metadata?.model = "<script>alert(1)</script>&\u{FFFF}"
        r.metadata?.software = String(repeating: "é", count: 40_000)
        return r
    }

    /// Writes `results` as a workbook into a file and returns it read back.
    private func workbook(_ results: [PhotoResult], messages: Messages, summary: BatchSummary? = nil) throws -> (XLSXFile, String) {
        let folder = try TestPaths.temporaryFolder()
        let path = folder.appendingPathComponent("r.xlsx").path
        let output = try TextOutput(replacing: path)
        var report = WorkbookReport(output: output, messages: messages)
        var batch = summary ?? BatchSummary()
        for r in results {
            report.write(result: r)
            if summary == nil { batch.add(r) }
        }
        report.finish(batch)
        try output.commit()
        return (try XLSXFile(path: path), path)
    }

    @Test func thePhotoSheetHasHeadersNumbersDatesLinksFilterAndFrozenHeader() throws {
        let photos = [result("ok-muntok-ii-dms.jpg"), result("no-gps.jpg"), result("outside-palembang-mm.jpg")]
        let (book, _) = try workbook(photos, messages: id)
        #expect(book.sheetNames == ["Foto", "Ringkasan"])
        let sheet = try book.sheet(1)
        let headers = id.photoSheetHeaders
        #expect((0..<headers.count).map { sheet.cell(row: 1, column: $0)?.text } == headers)
        #expect(sheet.cell(row: 1, column: 2)?.text == "Waktu pengambilan (WIB)")
        let column = { (c: WorkbookReport.Column) in c.rawValue }
        // Status in words, coloured (a fill in its style).
        let status = try #require(sheet.cell(row: 2, column: column(.status)))
        #expect(status.text == "SESUAI" && status.isString)
        #expect(book.style(status.style).fill != nil)
        // Position and distance are numbers.
        let latitude = try #require(sheet.cell(row: 2, column: column(.latitude)))
        #expect(latitude.isNumber && abs((Double(latitude.text) ?? 0) + 2.0617) < 1e-6, "\(latitude)")
        #expect(sheet.cell(row: 2, column: column(.distance))?.isNumber == true)
        // The capture time is a date-time: a number of days with a date format.
        let taken = try #require(sheet.cell(row: 2, column: column(.capturedAt)))
        #expect(taken.isNumber)
        #expect(book.style(taken.style).numberFormat?.contains("yyyy-mm-dd hh:mm") == true, "\(book.style(taken.style))")
        // 2026-04-17 09:15:00 is day 46129 since 1899-12-30, plus 9.25 hours.
        let serial = Double(taken.text) ?? 0
        let expected: Double = 46129 + 9.25 / 24
        #expect(abs(serial - expected) < 1e-6, "\(taken.text)")
        // Unknown values are left blank, not written as empty text or zero.
        #expect(sheet.cell(row: 2, column: column(.nip)) == nil)
        #expect(sheet.cell(row: 3, column: column(.latitude)) == nil)
        // A link to OpenStreetMap on the rows with a position, none without.
        let link = try #require(sheet.links["\(XLSXFile.columnName(column(.map)))2"])
        #expect(link.hasPrefix("https://www.openstreetmap.org/?mlat=-2.0617"), "\(link)")
        #expect(sheet.links["\(XLSXFile.columnName(column(.map)))3"] == nil)
        #expect(sheet.links.count == 2)
        #expect(sheet.autofilter == "A1:\(XLSXFile.columnName(headers.count - 1))4")
        #expect(sheet.frozenRows == 1)
        #expect(sheet.formulas == 0)
    }

    /// A photo placed by its stamp gets the map link of the stamp's position, as on the HTML
    /// map; its latitude and longitude cells stay those of EXIF (none).
    @Test func aPositionFromTheStampGetsAMapLink() throws {
        let (book, _) = try workbook([result("stamps/stamp-dms-tempilang.jpg")], messages: id)
        let sheet = try book.sheet(1)
        let link = try #require(sheet.links["\(XLSXFile.columnName(WorkbookReport.Column.map.rawValue))2"])
        #expect(link.hasPrefix("https://www.openstreetmap.org/?mlat=-1.94"), "\(link)")
        #expect(sheet.cell(row: 2, column: WorkbookReport.Column.latitude.rawValue) == nil)
    }

    @Test func headersFollowTheLanguage() throws {
        let photo = result("no-gps.jpg")
        let (book, _) = try workbook([photo], messages: en)
        #expect(book.sheetNames == ["Photos", "Summary"])
        let sheet = try book.sheet(1)
        #expect(sheet.cell(row: 1, column: 2)?.text == "Taken (WIB)")
        #expect(sheet.cell(row: 2, column: 0)?.text == "flagged")
        #expect(sheet.cell(row: 2, column: 1)?.text == photo.verdict.reasons.map(en.reason).joined(separator: "; "))
        #expect(sheet.cell(row: 2, column: 1)?.text.hasPrefix("no GPS position") == true)
    }

    @Test func textFromPhotosIsAlwaysAStringCellAndValidXML() throws {
        let (book, _) = try workbook([hostile()], messages: en)
        let sheet = try book.sheet(1)
        #expect(sheet.formulas == 0, "text from a photo became a formula")
        let path = try #require(sheet.cell(row: 2, column: WorkbookReport.Column.path.rawValue))
        #expect(path.isString)
        // Excel's own escape `_x0041_` shows literally (read as Excel reads it; unescaped, it would be `A`).
        #expect(path.text == "/up/=HYPERLINK(\"http://evil.example\",\"klik\")\\x01\\u{202E}_x0041_.jpg", "\(path.text)")
        let make = try #require(sheet.cell(row: 2, column: WorkbookReport.Column.make.rawValue))
        #expect(make.isString && make.text == "=1+1")
        #expect(sheet.cell(row: 2, column: WorkbookReport.Column.model.rawValue)?.text == "<script>alert(1)</script>&\\u{FFFF}")
        // Cut to Excel's 32,767 characters per cell.
        let software = try #require(sheet.cell(row: 2, column: WorkbookReport.Column.software.rawValue)?.text)
        #expect(software.utf16.count == Workbook.maxCellCharacters && software.hasSuffix("…"))
    }

    @Test func cellTextEscapesWhatXMLAndExcelWouldMisread() {
        #expect(Workbook.cellText("a\u{0}b\u{1B}[31m\u{7F}") == "a\\x00b\\x1b[31m\\x7f")
        #expect(Workbook.cellText("\u{FFFE}x\u{FFFF}") == "\\u{FFFE}x\\u{FFFF}")
        #expect(Workbook.cellText("_x202E_ and _X00e9_ but not _x12_") == "_x005F_x202E_ and _x005F_X00e9_ but not _x12_")
        #expect(Workbook.cellText("=SUM(A1)") == "=SUM(A1)")
        let long = String(repeating: "😀", count: 20_000)  // two UTF-16 units each
        let cut = Workbook.cellText(long)
        #expect(cut.utf16.count <= Workbook.maxCellCharacters && cut.hasSuffix("…"))
    }

    @Test func theSummarySheetCountsByStatusReasonKecamatanAndDate() throws {
        let photos = [result("ok-muntok-ii-dms.jpg"), result("ok-kelapa-mm-dms.jpg"), result("no-gps.jpg"),
                      result("outside-palembang-mm.jpg"), result("unreadable-empty.jpg")]
        let (book, _) = try workbook(photos, messages: id)
        let sheet = try book.sheet(2)
        let rows = sheet.rowsAsText
        func row(_ label: String) -> [String]? { rows.first { $0.first == label } }
        #expect(row("Jumlah foto")?[1] == "5")
        #expect(row("SESUAI")?[1] == "2")
        #expect(row("TIDAK SESUAI")?[1] == "2")
        #expect(row("TIDAK TERBACA")?[1] == "1")
        #expect(row(id.reason(.noGPS))?[1] == "1" && row(id.reason(.noGPS))?[2] == "no-gps")
        #expect(row("Mentok")?[1] == "1" && row("Kelapa")?[1] == "1")
        #expect(row("di luar wilayah: Kota Palembang")?[1] == "1", "\(rows)")
        #expect(row(id.withoutPosition)?[1] == "2")
        // Dates are date cells; the weekday beside them.
        let dateRow = try #require(rows.firstIndex { $0.count > 1 && $0[1] == "Jumat" })
        let dateCell = try #require(sheet.cell(row: dateRow + 1, column: 0))
        #expect(dateCell.isNumber && book.style(dateCell.style).numberFormat == "yyyy-mm-dd")
        #expect(sheet.formulas == 0)
    }

    @Test func withARosterTheLedgerAndUnitSheetsFollow() throws {
        let staff = try LedgerTestData.plan()
        let verifier = PhotoVerifier(boundary: TestVerifier.boundary, policy: staff)
        let root = TestPaths.fixture("uploads")
        let found = PhotoFinder().find([PhotoPath(root)])
        var source = FreshReadings(verifier: verifier)
        var results: [PhotoResult] = []
        source.results(of: found.items[...]) { results.append($0) }
        var summary = BatchSummary()
        for r in results { summary.add(r) }
        let ledger = Ledger(photos: results.compactMap(LedgerPhoto.init), policy: staff)
        summary.ledger = ledger
        summary.missing = ledger.missing
        let (book, _) = try workbook(results, messages: id, summary: summary)
        #expect(book.sheetNames == ["Foto", "Ringkasan", "Kepatuhan", "Unit per hari"])
        let ledgerSheet = try book.sheet(3)
        #expect(ledgerSheet.rowsAsText.first == id.ledgerSheetHeaders)
        #expect(ledgerSheet.rowsAsText.count == ledger.rows.count + 1)
        let missing = try #require(ledgerSheet.rowsAsText.firstIndex { $0.contains("TIDAK MENGIRIM") })
        #expect(ledgerSheet.cell(row: missing + 1, column: 0)?.isString == true)
        #expect(ledgerSheet.autofilter != nil && ledgerSheet.frozenRows == 1)
        let units = try book.sheet(4)
        #expect(units.rowsAsText.count == ledger.units.count + 1)
        #expect(units.cell(row: 2, column: 1)?.isNumber == true)
    }

    @Test func quietLeavesOkPhotosOffThePhotoSheetButCountsThem() throws {
        let folder = try TestPaths.temporaryFolder()
        let path = folder.appendingPathComponent("q.xlsx").path
        let output = try TextOutput(replacing: path)
        var report = WorkbookReport(output: output, messages: id, onlyNeedingAttention: true)
        var batch = BatchSummary()
        for r in [result("ok-muntok-ii-dms.jpg"), result("no-gps.jpg")] {
            report.write(result: r)
            batch.add(r)
        }
        report.finish(batch)
        try output.commit()
        let book = try XLSXFile(path: path)
        let photos = try book.sheet(1).rowsAsText.filter { !$0.isEmpty }
        #expect(photos.count == 2 && photos[1].first == "TIDAK SESUAI", "\(photos)")
        #expect(try book.sheet(2).rowsAsText.first { $0.first == "SESUAI" }?[1] == "1")
    }

    @Test func theLedgerAloneIsAWorkbookToo() throws {
        let staff = try LedgerTestData.plan()
        let photos = [LedgerPhoto(path: "a/2026-04-10/199001012015031001/x.jpg", nip: "199001012015031001",
                                  day: CalendarDate(iso: "2026-04-10")!, status: .ok, reasons: [])]
        let ledger = Ledger(photos: photos, policy: staff)
        let folder = try TestPaths.temporaryFolder()
        let path = folder.appendingPathComponent("l.xlsx").path
        let output = try TextOutput(replacing: path)
        LedgerReport.write(ledger, to: output, format: .xlsx, messages: en)
        try output.commit()
        let book = try XLSXFile(path: path)
        #expect(book.sheetNames == ["Ledger"])
        #expect(try book.sheet(1).rowsAsText.first == en.ledgerSheetHeaders)
        let summaryPath = folder.appendingPathComponent("s.xlsx").path
        let summaryOutput = try TextOutput(replacing: summaryPath)
        LedgerReport.writeSummary(ledger, to: summaryOutput, format: .xlsx, messages: en)
        try summaryOutput.commit()
        #expect(try XLSXFile(path: summaryPath).sheetNames == ["Employees", "Units by day"])
    }

    @Test func pastTheLinkBudgetLinksBecomeHyperlinkFormulas() throws {
        #expect(Workbook.defaultLinksPerSheet <= Workbook.maxLinks)
        #expect(try Workbook(linksPerSheet: 100_000).linksPerSheet == Workbook.maxLinks)
        let book = try Workbook(linksPerSheet: 7)
        var sheet = try #require(book.addSheet("Links"))
        let count = 7 + 2
        for row in 0..<count {
            book.link(&sheet, row, 0, url: "https://www.openstreetmap.org/?mlat=-2&mlon=\(row)", label: "map", nil)
        }
        #expect(book.failure == nil)
        let folder = try TestPaths.temporaryFolder()
        let path = folder.appendingPathComponent("links.xlsx").path
        let output = try TextOutput(replacing: path)
        book.close(into: output)
        try output.commit()
        let read = try XLSXFile(path: path).sheet(1)
        #expect(read.links.count == 7)
        #expect(read.links["A7"] != nil && read.links["A8"] == nil)
        #expect(read.formulas == 2)
        #expect(read.formulaTexts.allSatisfy { $0.hasPrefix("HYPERLINK(\"https://www.openstreetmap.org/") })
    }

    @Test func aWorkbookThatCannotBeWrittenIsAnOutputError() throws {
        // The disk is full.
        let full = try TextOutput(path: "/dev/full")
        var report = WorkbookReport(output: full, messages: en)
        report.write(result: result("no-gps.jpg"))
        report.finish(BatchSummary())
        #expect(throws: OutputError.self) { try full.commit() }
        // libxlsxwriter's own closing fails (its folder is gone): the error reaches the output.
        let folder = try TestPaths.temporaryFolder()
        let output = try TextOutput(replacing: folder.appendingPathComponent("r.xlsx").path)
        let book = try Workbook()
        #expect(book.addSheet("A") != nil)
        #expect(rmdir(book.folder) == 0)
        book.close(into: output)
        let error = try #require(output.failure)
        #expect(error.reason.contains("libxlsxwriter"), "\(error)")
        #expect(throws: OutputError.self) { try output.commit() }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("r.xlsx").path))
    }

    @Test func openpyxlReadsTheWorkbook() throws {
        guard WorkbookReportTests.python(["-c", "import openpyxl"]) == 0 else {
            print("note: python3 openpyxl missing (pip install openpyxl): the openpyxl check of the workbook is skipped")
            return
        }
        let (_, path) = try workbook([result("ok-muntok-ii-dms.jpg"), hostile(), result("no-gps.jpg")], messages: id)
        let script = """
            import sys, datetime, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            assert wb.sheetnames == ["Foto", "Ringkasan"], wb.sheetnames
            ws = wb["Foto"]
            assert ws.freeze_panes == "A2", ws.freeze_panes
            assert ws.auto_filter.ref.startswith("A1:"), ws.auto_filter.ref
            assert ws["A1"].value == "Status"
            assert isinstance(ws["C2"].value, datetime.datetime), repr(ws["C2"].value)
            assert ws["C2"].value == datetime.datetime(2026, 4, 17, 9, 15), ws["C2"].value
            assert isinstance(ws["N2"].value, float), repr(ws["N2"].value)
            assert ws["P2"].hyperlink.target.startswith("https://www.openstreetmap.org/"), ws["P2"].hyperlink
            assert ws["U3"].value == "=1+1" and ws["U3"].data_type == "s", (ws["U3"].value, ws["U3"].data_type)
            last = ws.cell(row=3, column=ws.max_column)
            assert last.data_type == "s" and last.value.startswith("/up/=HYPERLINK"), (last.value, last.data_type)
            print("ok")
            """
        #expect(WorkbookReportTests.python(["-c", script, path]) == 0)
    }

    static func python(_ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        do {
            try process.run()
        } catch {
            return -1
        }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// A roster and schedule for the ledger sheets: the fixtures' staff.
enum LedgerTestData {
    static func plan() throws -> VerificationPolicy {
        var policy = TestVerifier.verifier.policy
        let roster = try Roster.load(path: TestPaths.fixture("staff/roster.csv"))
        let schedule = try WFHSchedule.load(path: TestPaths.fixture("staff/schedule.csv"))
        policy.staff.roster = roster
        policy.staff.schedule = schedule
        return policy
    }
}

// MARK: A small xlsx reader

/// An .xlsx file read back: its zip entries inflated with zlib, its sheets parsed with XMLParser.
struct XLSXFile {
    struct Failure: Error, CustomStringConvertible { var description: String }

    let entries: [String: [UInt8]]
    let sheetNames: [String]
    private let styles: [Style]

    struct Style: CustomStringConvertible {
        var numberFormat: String?
        var fill: String?
        var description: String { "numFmt \(numberFormat ?? "-") fill \(fill ?? "-")" }
    }

    init(path: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        entries = try XLSXFile.unzip(bytes)
        let workbook = try XMLTree(entries["xl/workbook.xml"] ?? [])
        sheetNames = workbook.all("sheet").compactMap { $0.attributes["name"] }
        let styleTree = try XMLTree(entries["xl/styles.xml"] ?? [])
        var formats: [String: String] = ["14": "m/d/yyyy", "22": "m/d/yyyy h:mm"]
        for format in styleTree.all("numFmt") {
            if let id = format.attributes["numFmtId"], let code = format.attributes["formatCode"] { formats[id] = code }
        }
        let fills = styleTree.all("fill").map { fill in fill.children.first { $0.name == "patternFill" } }
        let xfs = styleTree.all("cellXfs").first?.children.filter { $0.name == "xf" } ?? []
        styles = xfs.map { xf in
            let fillIndex = Int(xf.attributes["fillId"] ?? "0") ?? 0
            let pattern = fillIndex < fills.count ? fills[fillIndex] : nil
            let solid = pattern?.attributes["patternType"] == "solid"
            return Style(numberFormat: xf.attributes["numFmtId"].flatMap { formats[$0] },
                         fill: solid ? pattern?.children.first { $0.name == "fgColor" }?.attributes["rgb"] : nil)
        }
    }

    func style(_ index: Int) -> Style {
        index < styles.count ? styles[index] : Style()
    }

    /// The sheet at `number` (1-based, in workbook order).
    func sheet(_ number: Int) throws -> XLSXSheet {
        guard let xml = entries["xl/worksheets/sheet\(number).xml"] else { throw Failure(description: "no sheet \(number)") }
        var targets: [String: String] = [:]
        if let rels = entries["xl/worksheets/_rels/sheet\(number).xml.rels"] {
            for rel in try XLSXFile.relationships(rels) {
                if let id = rel.attributes["Id"], let target = rel.attributes["Target"] { targets[id] = target }
            }
        }
        return try XLSXSheet(XMLTree(xml), linkTargets: targets)
    }

    /// The `Relationship` elements of a relationships part. Foundation's XMLParser refuses a
    /// document over 10 MB (65,530 links make 13 MB), so the elements (empty, with no text
    /// between them) are parsed 10,000 at a time, each group in a `Relationships` element.
    static func relationships(_ part: [UInt8]) throws -> [XMLTree.Element] {
        let text = String(decoding: part, as: UTF8.self)
        guard let first = text.range(of: "<Relationship "), let end = text.range(of: "</Relationships>") else { return [] }
        let elements = text[first.lowerBound..<end.lowerBound].components(separatedBy: "/><").map { element in
            var e = element
            if !e.hasPrefix("<") { e = "<" + e }
            if !e.hasSuffix("/>") { e += "/>" }
            return e
        }
        var found: [XMLTree.Element] = []
        var start = 0
        while start < elements.count {
            let group = elements[start..<min(elements.count, start + 10_000)].joined()
            found += try XMLTree(Array(("<Relationships>" + group + "</Relationships>").utf8)).all("Relationship")
            start += 10_000
        }
        return found
    }

    /// `A`, `B`, ... `AF` for a 0-based column.
    static func columnName(_ column: Int) -> String {
        var n = column + 1, name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// Every entry of a zip archive, by the central directory; stored or deflated.
    static func unzip(_ bytes: [UInt8]) throws -> [String: [UInt8]] {
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        guard bytes.count > 22, let end = stride(from: bytes.count - 22, through: 0, by: -1).first(where: { u32($0) == 0x0605_4B50 }) else {
            throw Failure(description: "not a zip file")
        }
        var entries: [String: [UInt8]] = [:]
        var at = u32(end + 16)
        for _ in 0..<u16(end + 10) {
            guard u32(at) == 0x0201_4B50 else { throw Failure(description: "bad central directory") }
            let method = u16(at + 10), compressed = u32(at + 20), size = u32(at + 24)
            let nameLength = u16(at + 28), extra = u16(at + 30), comment = u16(at + 32), local = u32(at + 42)
            let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            let dataStart = local + 30 + u16(local + 26) + u16(local + 28)
            let data = Array(bytes[dataStart..<(dataStart + compressed)])
            entries[name] = method == 0 ? data : try inflateRaw(data, size: size)
            at += 46 + nameLength + extra + comment
        }
        return entries
    }

    private static func inflateRaw(_ data: [UInt8], size: Int) throws -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure(description: "zlib")
        }
        defer { inflateEnd(&stream) }
        var input = data
        var output = [UInt8](repeating: 0, count: max(size, 1))
        let status = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                return CZlib.inflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END, Int(stream.total_out) == size else { throw Failure(description: "inflate failed: \(status)") }
        return Array(output.prefix(size))
    }
}

/// One sheet's cells, links, filter and panes.
struct XLSXSheet {
    struct Cell: CustomStringConvertible {
        /// `s` (shared string), `inlineStr`, `str` (a formula's text), `b`, or nil for a number.
        var type: String?
        var style: Int
        var text: String
        var formula: String?
        var isNumber: Bool { type == nil || type == "n" }
        var isString: Bool { (type == "s" || type == "inlineStr") && formula == nil }
        var description: String { "\(type ?? "n") s=\(style) \(text)\(formula.map { " f=\($0)" } ?? "")" }
    }

    /// Cells by reference (`A1`).
    var cells: [String: Cell] = [:]
    var links: [String: String] = [:]
    var autofilter: String?
    var frozenRows = 0
    var formulaTexts: [String] = []
    var formulas: Int { formulaTexts.count }
    private var maxRow = 0

    init(_ tree: XMLTree, linkTargets: [String: String]) {
        for row in tree.all("row") {
            for c in row.children where c.name == "c" {
                guard let ref = c.attributes["r"] else { continue }
                let formula = c.children.first { $0.name == "f" }?.text
                var text = c.children.first { $0.name == "v" }?.text ?? ""
                if c.attributes["t"] == "inlineStr" {
                    text = c.children.first { $0.name == "is" }?.children.filter { $0.name == "t" }.map(\.text).joined() ?? ""
                }
                cells[ref] = Cell(type: c.attributes["t"], style: Int(c.attributes["s"] ?? "0") ?? 0, text: XLSXSheet.unescaped(text), formula: formula)
                if let formula { formulaTexts.append(formula) }
            }
            maxRow = max(maxRow, Int(row.attributes["r"] ?? "0") ?? 0)
        }
        for link in tree.all("hyperlink") {
            if let ref = link.attributes["ref"], let id = link.attributes["r:id"] { links[ref] = linkTargets[id] ?? "" }
        }
        autofilter = tree.all("autoFilter").first?.attributes["ref"]
        if let pane = tree.all("pane").first, pane.attributes["state"] == "frozen" {
            frozenRows = Int(pane.attributes["ySplit"] ?? "0") ?? 0
        }
    }

    /// Excel's `_xHHHH_` escapes undone, as Excel shows the text.
    static func unescaped(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var out = "", rest = Substring(text)
        while let range = rest.range(of: "_x") {
            out += rest[..<range.lowerBound]
            let after = rest[range.upperBound...]
            if after.count >= 5, after.prefix(4).allSatisfy(\.isHexDigit), after.dropFirst(4).first == "_",
               let value = UInt32(after.prefix(4), radix: 16), let scalar = Unicode.Scalar(value) {
                out.unicodeScalars.append(scalar)
                rest = after.dropFirst(5)
            } else {
                out += "_x"
                rest = after
            }
        }
        return out + rest
    }

    /// The cell at a 1-based row and 0-based column.
    func cell(row: Int, column: Int) -> Cell? {
        cells["\(XLSXFile.columnName(column))\(row)"]
    }

    /// Every row as the texts of its cells, from column A to the last cell written.
    var rowsAsText: [[String]] {
        (1...max(maxRow, 1)).map { row in
            let columns = (0..<64).filter { cell(row: row, column: $0) != nil }
            guard let last = columns.last else { return [] }
            return (0...last).map { cell(row: row, column: $0)?.text ?? "" }
        }
    }
}

/// An XML document as a tree of elements (names without their namespace prefix, except
/// attributes, which keep it: `r:id`).
final class XMLTree: NSObject, XMLParserDelegate {
    final class Element {
        let name: String
        let attributes: [String: String]
        var children: [Element] = []
        var text = ""
        init(name: String, attributes: [String: String]) {
            self.name = name
            self.attributes = attributes
        }
    }

    private var stack: [Element] = []
    private(set) var root: Element?
    private var error: Error?

    init(_ bytes: [UInt8]) throws {
        super.init()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = self
        guard parser.parse(), let _ = root else {
            throw XLSXFile.Failure(description: "XML does not parse: \(String(describing: parser.parserError ?? error))")
        }
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
        let element = Element(name: local, attributes: attributes)
        stack.last?.children.append(element)
        if stack.isEmpty { root = element }
        stack.append(element)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        error = parseError
    }

    /// Every element named `name`, in document order.
    func all(_ name: String) -> [Element] {
        var found: [Element] = []
        func visit(_ e: Element) {
            if e.name == name { found.append(e) }
            e.children.forEach(visit)
        }
        root.map(visit)
        return found
    }
}
