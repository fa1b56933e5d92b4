import Foundation
import Testing

/// `--format html` rendered in a real browser (headless Chromium, Debian `chromium`): the page's
/// script runs without error, the map, its dots and the rows are there in both languages, and
/// markup hidden in a photo or a file name never runs.
@Suite struct HTMLOptionTests {
    /// The browser, or nil (the browser tests are then skipped, saying so).
    static let browser: String? = {
        for name in ["chromium", "chromium-browser"] {
            for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
                let path = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        FileHandle.standardError.write(Data("HTMLOptionTests: chromium is not installed (apt-get install chromium): the browser tests are skipped\n".utf8))
        return nil
    }()

    /// The DOM of `file` after its scripts ran (at most 5 s of the page's virtual time).
    static func renderedDOM(_ file: String) throws -> String {
        let browser = try #require(HTMLOptionTests.browser)
        let profile = try TemporaryFolder()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--user-data-dir=\(profile.path)",
                             "--virtual-time-budget=5000", "--dump-dom", URL(fileURLWithPath: file).absoluteString]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let dom = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: dom, as: UTF8.self)
    }

    /// `count` occurrences of `needle` in `text`.
    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test(.enabled(if: HTMLOptionTests.browser != nil, "chromium is not installed (apt-get install chromium)"),
          arguments: [("id", "Daftar foto", "Tidak sesuai"), ("en", "Photos", "Flagged")])
    func theFixturesReportShowsTheMapTheDotsAndTheRows(language: String, heading: String, flagged: String) throws {
        let folder = try TemporaryFolder()
        let report = folder.path + "/laporan.html"
        let run = try CLITests.run([CLITests.now, "--lang", language, "--output", report, CLITests.fixtures])
        #expect(run.status == 1, "\(run.stderr)")
        let dom = try HTMLOptionTests.renderedDOM(report)
        #expect(dom.contains(#"data-ready="true""#), "the page's script did not finish")
        #expect(!dom.contains(#"data-script-errors=""#), "\(dom.prefix(2000))")
        #expect(dom.contains(#"<html lang="\#(language)""#))
        #expect(dom.contains(#"<svg id="regency-map""#) && dom.contains(#"class="regency-outline""#))
        let dots = HTMLOptionTests.count(#"<circle class="dot" data-status=""#, in: dom) - 4  // less the legend's
        #expect(dots >= 20, "\(dots) dots")
        #expect(HTMLOptionTests.count(#"data-row="r"#, in: dom) == dots)
        #expect(HTMLOptionTests.count(#"<tr id="r"#, in: dom) == CLITests.fixtureCount)
        #expect(HTMLOptionTests.count(" data-path=", in: dom) == CLITests.fixtureCount)
        #expect(dom.contains(">\(heading)</h2>") && dom.contains(flagged))
        // The filter buttons were counted by the script.
        #expect(dom.contains("(\(CLITests.fixtureCount))</span>"))
        #expect(dom.contains(#"src="data:image/jpeg;base64,"#))
    }

    @Test(.enabled(if: HTMLOptionTests.browser != nil, "chromium is not installed (apt-get install chromium)"))
    func markupInAPhotoOrAFileNameDoesNotRun() throws {
        let folder = try TemporaryFolder()
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: CLITests.fixture("hostile-strings.jpg"))))
        // Same-length replacements inside the EXIF strings, padded with NUL.
        func replace(_ old: String, _ new: String) throws {
            let from = Array(old.utf8), to = Array(new.utf8)
            try #require(to.count <= from.count)
            let start = try #require((0...(bytes.count - from.count)).first { Array(bytes[$0..<$0 + from.count]) == from })
            bytes.replaceSubrange(start..<start + from.count, with: to + [UInt8](repeating: 0, count: from.count - to.count))
        }
        try replace("+cmd|' /C calc'!A0", "<b id=pwn>x</b>")
        try replace("=HYPERLINK(\"http://x\")", "<svg onload=alert(1)>")
        try Data(bytes).write(to: URL(fileURLWithPath: folder.path + "/software.jpg"))
        let hostileName = folder.path + "/<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">.jpg"
        try FileManager.default.copyItem(atPath: CLITests.fixture("ok-muntok-ii-dms.jpg"), toPath: hostileName)
        let report = folder.path + "/report.html"
        let run = try CLITests.run([CLITests.now, "--format", "html", "--output", report, folder.path + "/software.jpg", hostileName])
        #expect(run.status <= 1, "\(run.stderr)")
        let dom = try HTMLOptionTests.renderedDOM(report)
        #expect(dom.contains(#"data-ready="true""#))
        #expect(!dom.contains(#"data-script-errors=""#))
        #expect(!dom.contains(#"data-pwned="1""#), "the file name's markup ran")
        #expect(!dom.contains(#"id="pwn""#) && !dom.contains("<svg onload"), "the Software's markup became elements")
        #expect(!dom.contains(#"<img src="x""#))
        // Shown as text instead.
        #expect(dom.contains("&lt;b id=pwn&gt;x&lt;/b&gt;") && dom.contains("&lt;svg onload=alert(1)&gt;"))
        #expect(dom.contains("&lt;img src=x onerror="))
    }

    @Test(.enabled(if: HTMLOptionTests.browser != nil, "chromium is not installed (apt-get install chromium)"))
    func oneFileGetsAnEvidenceSheetAndAScreenshot() throws {
        let folder = try TemporaryFolder()
        let report = folder.path + "/spot-check.html"
        let run = try CLITests.run([CLITests.now, "--lang", "en", "--output", report, CLITests.fixture("near-boundary-inside.jpg")])
        #expect(run.status == 1, "\(run.stderr)")
        let dom = try HTMLOptionTests.renderedDOM(report)
        #expect(dom.contains(#"data-ready="true""#) && !dom.contains(#"data-script-errors=""#))
        #expect(dom.contains(#"<section id="evidence""#) && dom.contains(#"<svg id="zoomed-map""#))
        #expect(dom.contains("Rules checked") && dom.contains("needs review"))

        let picture = folder.path + "/spot-check.png"
        let script = CLITests.packageRoot.appendingPathComponent("scripts/screenshot.sh").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [script, report, picture, "900", "1200"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let png = try Data(contentsOf: URL(fileURLWithPath: picture))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 10_000)
    }

    @Test func anHTMLNameChoosesTheFormatAndTheReportFolderWritesOneToo() throws {
        let folder = try TemporaryFolder()
        let report = folder.path + "/laporan.html"
        let run = try CLITests.run([CLITests.now, "--output", report, "--report-dir", folder.path + "/reports",
                                    CLITests.fixture("ok-muntok-ii-dms.jpg"), CLITests.fixture("no-gps.jpg")])
        #expect(run.status == 1, "\(run.stderr)")
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
        #expect(HTMLOptionTests.count(#"<tr id="r"#, in: html) == 2)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/reports")
        let stamped = try #require(names.first { $0.hasSuffix(".html") })
        let copy = try String(contentsOfFile: folder.path + "/reports/" + stamped, encoding: .utf8)
        #expect(HTMLOptionTests.count(#"<tr id="r"#, in: copy) == 2 && copy.contains(#"data-status="flagged""#))
        #expect(names.filter { !$0.hasPrefix(".") }.count == 4, "\(names)")
    }
}
