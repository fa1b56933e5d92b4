import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `--format xlsx`, `geojson`, `kml` and `csv --excel` through the built binary.
@Suite struct ExportFormatTests {
    static let photo = CLITests.fixture("ok-muntok-ii-dms.jpg")

    private func bytes(_ path: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Runs `script` with python3 and `arguments`; nil (with a note) when openpyxl is missing.
    private func openpyxl(_ script: String, _ arguments: [String]) throws -> Int32? {
        func python(_ args: [String]) throws -> Int32 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3"] + args
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        }
        guard (try? python(["-c", "import openpyxl"])) == 0 else {
            print("note: python3 openpyxl missing (pip install openpyxl): the openpyxl check is skipped")
            return nil
        }
        return try python(["-c", script] + arguments)
    }

    @Test func aWorkbookNeedsAFileNotATerminalOrPipe() throws {
        let run = try CLITests.run([CLITests.now, "--format", "xlsx", Self.photo])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("--output") && run.stderr.contains(".xlsx"), "\(run.stderr)")
        let excel = try CLITests.run([CLITests.now, "--format", "jsonl", "--excel", Self.photo])
        #expect(excel.status == 2 && excel.stderr.contains("--excel"), "\(excel.stderr)")
    }

    @Test func theOutputNameChoosesXLSXGeoJSONAndKML() throws {
        let folder = try TemporaryFolder()
        let workbook = folder.path + "/laporan.XLSX"
        let run = try CLITests.run([CLITests.now, "--output", workbook, CLITests.fixtures])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(try bytes(workbook).starts(with: Array("PK\u{3}\u{4}".utf8)))
        let check = """
            import sys, datetime, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            assert wb.sheetnames == ["Foto", "Ringkasan"], wb.sheetnames
            ws = wb["Foto"]
            assert ws["A1"].value == "Status" and ws["C1"].value == "Waktu pengambilan (WIB)"
            assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:AF%d" % ws.max_row, (ws.freeze_panes, ws.auto_filter.ref)
            dates = [c.value for c in ws["C"][1:] if c.value is not None]
            assert dates and all(isinstance(d, datetime.datetime) for d in dates), dates[:3]
            links = [c.hyperlink.target for c in ws["P"][1:] if c.hyperlink]
            assert links and all(l.startswith("https://www.openstreetmap.org/") for l in links)
            assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
            """
        if let status = try openpyxl(check, [workbook]) { #expect(status == 0) }

        let geojson = folder.path + "/peta.geojson"
        let map = try CLITests.run([CLITests.now, "--output", geojson, CLITests.fixtures])
        #expect(map.status == 1)
        let collection = try #require(try JSONSerialization.jsonObject(with: Data(bytes(geojson))) as? [String: Any])
        #expect(collection["type"] as? String == "FeatureCollection")
        let left = try #require(collection["photos_without_position"] as? Int)
        #expect(left > 0 && map.stderr.contains("\(left) foto tanpa posisi GPS"), "\(map.stderr)")

        let kml = folder.path + "/peta.kml"
        #expect(try CLITests.run([CLITests.now, "--output", kml, CLITests.fixtures]).status == 1)
        let parser = XMLParser(data: Data(try bytes(kml)))
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
        let text = String(decoding: try bytes(kml), as: UTF8.self)
        #expect(text.contains("<kml xmlns=\"http://www.opengis.net/kml/2.2\">") && text.contains("<Placemark>"))
    }

    @Test func theReportDirectoryTakesTheWorkbook() throws {
        let folder = try TemporaryFolder()
        let run = try CLITests.run([CLITests.now, "--format", "xlsx", "--report-dir", folder.path, Self.photo])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names.map { $0.split(separator: ".").last.map(String.init) ?? "" }.sorted() == ["csv", "html", "jsonl", "txt", "xlsx"], "\(names)")
        let workbook = try #require(names.first { $0.hasSuffix(".xlsx") })
        #expect(try bytes(folder.path + "/" + workbook).starts(with: Array("PK".utf8)))
    }

    @Test func aQuietRunStillWritesAWorkbook() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/sepi.xlsx"
        let run = try CLITests.run([CLITests.now, "--quiet", "--output", path, Self.photo])
        #expect(run.status == 0 && run.stdout.isEmpty, "\(run.stderr)")
        #expect(try bytes(path).starts(with: Array("PK".utf8)))
    }

    @Test func aWorkbookThatCannotBeWrittenExits2() throws {
        let run = try CLITests.run([CLITests.now, "--format", "xlsx", "--output", "/dev/full", Self.photo])
        #expect(run.status == 2)
        #expect(run.stderr.contains("/dev/full"), "\(run.stderr)")
    }

    @Test func excelCSVIsForIndonesianExcel() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/laporan.csv"
        let run = try CLITests.run([CLITests.now, "--excel", "--output", path, LedgerOptionTests.uploads])
        #expect(run.status == 1, "\(run.stderr)")
        let data = try bytes(path)
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("path;status;reasons;format;latitude;longitude;"))
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count > 2 && !text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        // Decimal commas; an 18-digit NIP kept whole as text.
        #expect(lines.dropFirst().contains { $0.contains(";-2,") }, "\(lines)")
        #expect(text.contains(";\"=\"\"\(LedgerOptionTests.budi)\"\"\";"), "\(text)")
    }

    @Test func theLedgerAsAWorkbook() throws {
        let folder = try TemporaryFolder()
        let ledger = folder.path + "/ledger.xlsx", summary = folder.path + "/ringkasan.xlsx"
        let run = try CLITests.run([CLITests.now, "--format", "jsonl", "--lang", "en", "--ledger", ledger, "--ledger-summary", summary]
                                   + RosterOptionTests.staff + [LedgerOptionTests.uploads])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(try bytes(ledger).starts(with: Array("PK".utf8)) && bytes(summary).starts(with: Array("PK".utf8)))
        let check = """
            import sys, openpyxl
            l = openpyxl.load_workbook(sys.argv[1])
            assert l.sheetnames == ["Ledger"], l.sheetnames
            rows = list(l["Ledger"].iter_rows(values_only=True))
            assert rows[0][:6] == ("NIP", "Name", "Unit", "Date", "Due", "Outcome"), rows[0]
            assert len(rows) == 9, len(rows)
            assert any(r[0] == "\(LedgerOptionTests.eka)" and r[5] == "missing" for r in rows), rows
            s = openpyxl.load_workbook(sys.argv[2])
            assert s.sheetnames == ["Employees", "Units by day"], s.sheetnames
            """
        if let status = try openpyxl(check, [ledger, summary]) { #expect(status == 0) }
    }
}
