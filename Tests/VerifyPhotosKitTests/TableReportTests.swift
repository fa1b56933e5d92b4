import Foundation
import Testing
@testable import VerifyPhotosKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `--format table` on a terminal: every line fits its width, the file keeps its end, and reasons
/// are words in the reader's language.
@Suite struct TableReportTests {
    static let now: Int64 = 1_795_939_200  // 2026-11-29T08:00:00Z
    static let verifier = PhotoVerifier(boundary: BoundaryTests.bangkaBarat, policy: VerificationPolicy(nowUTCSeconds: now))

    /// Every fixture, verified, in name order.
    static let fixtures: [PhotoResult] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: TestPaths.fixturesFolder)) ?? []
        return names.sorted().map { verifier.verify(path: TestPaths.fixture($0)) }
    }()

    /// The table's lines, written through a real `TextOutput` into a temporary file.
    static func render(_ results: [PhotoResult], _ messages: Messages, width: Int?, color: Bool = false) throws -> [String] {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("table.txt").path
        do {
            let output = try TextOutput(path: file)
            var table = TableReport(output: output, messages: messages, color: color, width: width)
            var summary = BatchSummary()
            for result in results {
                table.write(result: result)
                summary.add(result)
            }
            table.finish(summary)
            try output.commit()
        }
        return try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast().map(String.init)
    }

    /// The lines of each photo, in input order: the header ends at the first line that starts
    /// with a status, the summary (wrapped to the width) starts with the number of photos, and
    /// a line that starts with a space continues the photo above.
    static func entries(_ lines: [String], _ messages: Messages) -> [String] {
        let statuses = PhotoStatus.allCases.map(messages.status)
        let plain = lines.map(TableReportTests.plain)
        let header = plain.firstIndex { line in statuses.contains { line.hasPrefix($0) } } ?? lines.count
        let summary = plain[header...].firstIndex { $0.first?.isNumber == true } ?? lines.count
        var entries: [String] = []
        for line in plain[header..<max(header, summary)] {
            if line.hasPrefix(" "), !entries.isEmpty {
                entries[entries.count - 1] += "\n" + line
            } else {
                entries.append(line)
            }
        }
        return entries
    }

    /// Display columns, without colour escapes.
    static func columns(_ line: String) -> Int {
        TerminalText.width(plain(line))
    }

    static func plain(_ line: String) -> String {
        var plain = ""
        var inEscape = false
        for character in line {
            if character == "\u{1B}" {
                inEscape = true
            } else if inEscape {
                inEscape = character != "m"
            } else {
                plain.append(character)
            }
        }
        return plain
    }

    static func name(_ path: String) -> String {
        String(path.split(separator: "/").last ?? "")
    }

    @Test(arguments: [Language.indonesian, .english])
    func theFixturesTableFitsEightyColumns(language: Language) throws {
        let messages = Messages(language: language)
        let results = TableReportTests.fixtures
        try #require(results.count > 50)
        let lines = try TableReportTests.render(results, messages, width: 80)
        for line in lines {
            #expect(TableReportTests.columns(line) <= 80, "\(TableReportTests.columns(line)) columns: \(line)")
            #expect(!line.hasSuffix(" "), "trailing blanks: \(line)")
        }
        #expect(lines[0].hasPrefix(messages.tableHeader[0]))
        let entries = TableReportTests.entries(lines, messages)
        try #require(entries.count == results.count, "\(lines.joined(separator: "\n"))")
        for (entry, result) in zip(entries, results) {
            #expect(entry.hasPrefix(messages.status(result.verdict.status)), "\(entry)")
            #expect(entry.contains(TableReportTests.name(result.path)), "the file name is missing: \(entry)")
            if let first = result.verdict.reasons.first {
                let words = messages.reason(first)
                #expect(entry.contains(String(words.prefix(12))), "\(words) not in \(entry)")
            }
        }
        var summary = BatchSummary()
        results.forEach { summary.add($0) }
        let summaryLines = lines.suffix(from: lines.dropFirst().firstIndex { $0.first?.isNumber == true } ?? lines.count)
        #expect(summaryLines.joined(separator: " ") == messages.summary(summary))
    }

    @Test func reasonsAreWordsInTheChosenLanguageNotCodes() throws {
        let result = TableReportTests.verifier.verify(path: TestPaths.fixture("conflicting-duplicate-datetimeoriginal.jpg"))
        try #require(result.verdict.reasons.count > 1)
        for messages in [Messages(language: .indonesian), .english] {
            let cells = TableReport(output: try TextOutput(path: "/dev/null"), messages: messages, color: false).row(for: result).cells
            let words = result.verdict.reasons.map(messages.reason).joined(separator: "; ")
            #expect(cells.contains(words), "\(cells)")
            for code in result.verdict.reasons {
                #expect(!cells.dropLast().joined(separator: " ").contains(code.rawValue), "\(cells)")
            }
        }
        let indonesian = try TableReportTests.render([result], Messages(language: .indonesian), width: nil)
        #expect(indonesian[1].contains("bukan hari WFH; "))
        let english = try TableReportTests.render([result], .english, width: nil)
        #expect(english[1].contains("not a work-from-home day; "))
    }

    @Test func aLongErrorIsCutWithAnEllipsisAndTheFileKeepsItsName() throws {
        let path = "/srv/wfh/uploads/2026-04-03/0123/199001012015011001/IMG_20260403_091500.jpg"
        let result = PhotoResult(path: path, metadata: nil, verdict: .unreadable, error: .crashedReader(signal: 11))
        for messages in [Messages(language: .indonesian), .english] {
            let lines = try TableReportTests.render([result], messages, width: 80)
            for line in lines { #expect(TableReportTests.columns(line) <= 80, "\(line)") }
            let entry = TableReportTests.entries(lines, messages).joined()
            #expect(entry.contains(String(messages.describe(result.error!).prefix(20))))
            #expect(entry.contains("…"))
            #expect(entry.contains("199001012015011001/IMG_20260403_091500.jpg"), "\(entry)")
        }
    }

    @Test func pathsAreShortenedFromTheLeftByWholeFolders() {
        let path = "/srv/wfh/uploads/0123/199001012015011001/IMG_1.jpg"
        #expect(TableReport.shortenedPath(path, toWidth: 60) == path)
        #expect(TableReport.shortenedPath(path, toWidth: 40) == "…/0123/199001012015011001/IMG_1.jpg")
        #expect(TableReport.shortenedPath(path, toWidth: 34) == "…/199001012015011001/IMG_1.jpg")
        #expect(TableReport.shortenedPath(path, toWidth: 11) == "…/IMG_1.jpg")
        #expect(TableReport.shortenedPath(path, toWidth: 10) == nil)
        #expect(TableReport.shortenedPath("IMG_1.jpg", toWidth: 8) == nil)
        #expect(TableReport.shortenedPath("/srv/写真/IMG_1.jpg", toWidth: 16) == "…/写真/IMG_1.jpg")
    }

    @Test func wideAndCombiningCharactersAreMeasuredInDisplayColumns() throws {
        #expect(TerminalText.width("日本語") == 6)
        #expect(TerminalText.width("cafe\u{301}") == 4)
        #expect(TerminalText.width("📷 foto") == 7)
        #expect(TerminalText.width("\u{1F1EE}\u{1F1E9}") == 2)
        #expect(TerminalText.truncated("日本語", toWidth: 4) == "日…")
        #expect(TerminalText.truncated("diambil di luar wilayah", toWidth: 12) == "diambil di…")
        #expect(TerminalText.truncated("pendek", toWidth: 6) == "pendek")

        let wide = (0..<3).map { index in
            PhotoResult(path: "/srv/wfh/写真フォルダー/社員\(index)/写真_二〇二六年四月三日_\(index).jpg", metadata: nil,
                        verdict: .unreadable, error: .notAPhoto(kind: nil))
        }
        let lines = try TableReportTests.render(wide, .english, width: 80)
        for line in lines { #expect(TableReportTests.columns(line) <= 80, "\(line)") }
        #expect(lines.contains { $0.contains("写真_二〇二六年四月三日_2.jpg") })
    }

    @Test func rowsAfterTheMeasuredOnesStillFit() throws {
        let short = TableReportTests.verifier.verify(path: TestPaths.fixture("ok-muntok-ii-dms.jpg"))
        var results = Array(repeating: short, count: 230)
        var long = PhotoResult(path: "/srv/wfh/uploads/" + String(repeating: "x", count: 40) + "/a-much-longer-file-name-than-any-before-it.jpg",
                               metadata: nil, verdict: .unreadable, error: .crashedReader(signal: 0))
        results[220] = long
        long.path = "/" + String(repeating: "y", count: 90) + ".jpg"
        results[225] = long
        for color in [false, true] {
            let lines = try TableReportTests.render(results, .english, width: 80, color: color)
            for line in lines { #expect(TableReportTests.columns(line) <= 80, "\(line)") }
            #expect(lines.contains { $0.contains("/a-much-longer-file-name-than-any-before-it.jpg") })
            #expect(lines.contains { $0.hasSuffix("yyy.jpg") })
            #expect(TableReportTests.entries(lines, .english).count == results.count)
        }
    }

    @Test(arguments: [1, 20, 40, 60, 64, 100, 132, 200, 1000])
    func everyWidthKeepsEachPhotosStatusAndName(width: Int) throws {
        let lines = try TableReportTests.render(TableReportTests.fixtures, .english, width: width)
        let entries = TableReportTests.entries(lines, .english)
        try #require(entries.count == TableReportTests.fixtures.count)
        for (entry, result) in zip(entries, TableReportTests.fixtures) {
            #expect(entry.hasPrefix(Messages.english.status(result.verdict.status)))
            if width >= 64 { #expect(entry.contains(TableReportTests.name(result.path)), "\(entry)") }
        }
        if width >= 60 { #expect(lines.allSatisfy { TableReportTests.columns($0) <= width }) }
    }

    @Test func theSummaryIsWrappedAtBlanks() {
        #expect(TableReport.wrapped("62 foto: 22 ok, 13 periksa", toWidth: 16) == ["62 foto: 22 ok,", "13 periksa"])
        #expect(TableReport.wrapped("see `verify-photos FILE`", toWidth: 10) == ["see", "`verify-photos", "FILE`"])
    }

    @Test func colourDoesNotCountTowardsTheWidth() throws {
        let lines = try TableReportTests.render(TableReportTests.fixtures, .english, width: 100, color: true)
        #expect(lines.contains { $0.contains("\u{1B}[") })
        let widths = lines.dropLast().map(TableReportTests.columns)
        #expect(widths.allSatisfy { $0 <= 100 })
        #expect(widths.contains { $0 > 90 }, "the width is used: \(widths)")
    }

    @Test func withoutALimitNothingIsCut() throws {
        #expect(try TextOutput(path: "/dev/null").columns == nil)
        let lines = try TableReportTests.render(TableReportTests.fixtures, .english, width: nil)
        #expect(!lines.contains { $0.contains("…") })
        for (line, result) in zip(lines.dropFirst(), TableReportTests.fixtures) {
            #expect(line.hasSuffix(result.path), "\(line)")
        }
    }

    @Test func theTerminalWidthComesFromCOLUMNSThenTheTerminalThen80() throws {
        let (primary, secondary) = try #require(TableReportTests.pseudoTerminal())
        defer {
            close(secondary)
            close(primary)
        }
        var size = winsize(ws_row: 50, ws_col: 123, ws_xpixel: 0, ws_ypixel: 0)
        try #require(withUnsafeMutablePointer(to: &size) { ioctl(secondary, UInt(TIOCSWINSZ), $0) } == 0)

        #expect(TextOutput.terminalColumns(descriptor: secondary, columnsVariable: nil) == 123)
        #expect(TextOutput.terminalColumns(descriptor: secondary, columnsVariable: "100") == 100)
        for ignored in ["", "0", "-5", "wide", "99999999999999999999"] {
            #expect(TextOutput.terminalColumns(descriptor: secondary, columnsVariable: ignored) == 123, "\(ignored)")
        }
        size.ws_col = 0
        try #require(withUnsafeMutablePointer(to: &size) { ioctl(secondary, UInt(TIOCSWINSZ), $0) } == 0)
        #expect(TextOutput.terminalColumns(descriptor: secondary, columnsVariable: nil) == 80)
        let null = open("/dev/null", O_WRONLY)
        defer { close(null) }
        #expect(TextOutput.terminalColumns(descriptor: null, columnsVariable: nil) == 80)
    }

    /// A pseudo-terminal pair. Swift's Glibc module leaves out `posix_openpt` and its family, so
    /// they are looked up in the C library at run time.
    static func pseudoTerminal() -> (primary: Int32, secondary: Int32)? {
        typealias OnDescriptor = @convention(c) (Int32) -> Int32
        typealias Name = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
        guard let libc = dlopen(nil, RTLD_NOW),
              let open_ = dlsym(libc, "posix_openpt"), let grant = dlsym(libc, "grantpt"),
              let unlock = dlsym(libc, "unlockpt"), let name = dlsym(libc, "ptsname") else { return nil }
        let primary = unsafeBitCast(open_, to: OnDescriptor.self)(O_RDWR | O_NOCTTY)
        guard primary >= 0 else { return nil }
        guard unsafeBitCast(grant, to: OnDescriptor.self)(primary) == 0, unsafeBitCast(unlock, to: OnDescriptor.self)(primary) == 0,
              let path = unsafeBitCast(name, to: Name.self)(primary) else {
            close(primary)
            return nil
        }
        let secondary = open(path, O_RDWR | O_NOCTTY)
        guard secondary >= 0 else {
            close(primary)
            return nil
        }
        return (primary, secondary)
    }
}
