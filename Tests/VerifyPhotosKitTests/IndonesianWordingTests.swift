import Foundation
import Testing
@testable import VerifyPhotosKit

/// Every text a person reads in Indonesian is Indonesian: statuses, reasons, errors, summaries
/// and explanations hold none of the English (or avoided Indonesian) words below. The values a
/// text carries (paths, names, what a photo says) are taken out before the words are checked.
@Suite struct IndonesianWordingTests {
    let id = Messages(language: .indonesian)

    /// English words that would give away an untranslated text, and Indonesian ones the
    /// wording avoids ("galat", "bita", "tak" for "tidak").
    static let forbidden: Set<String> = [
        "state", "error", "errors", "file", "files", "photo", "photos", "the", "and", "cannot", "must", "not",
        "with", "is", "of", "found", "skipped", "run", "report", "uploading", "review", "flagged", "unreadable",
        "galat", "bita", "tak",
    ]

    /// The forbidden words in `text` (whole words, any case), after removing `values`.
    static func offences(_ text: String, values: [String] = []) -> [String] {
        var text = text
        for value in values where !value.isEmpty { text = text.replacingOccurrences(of: value, with: " ") }
        // Option names and the command's name are the same in both languages.
        text = text.replacing(/--[a-z-]+/, with: " ").replacingOccurrences(of: "verify-photos", with: " ")
            .replacingOccurrences(of: "VERIFY_PHOTOS_LANG", with: " ")
        let words = text.lowercased().split { !($0.isLetter) }.map(String.init)
        return words.filter(forbidden.contains)
    }

    static func check(_ texts: [String], values: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) {
        for text in texts {
            let found = offences(text, values: values)
            #expect(found.isEmpty, "\(found) in: \(text)", sourceLocation: sourceLocation)
        }
    }

    @Test func theGuardCanFail() {
        #expect(IndonesianWordingTests.offences("laporan tidak dapat ditulis: Broken pipe; state rusak") == ["state"])
        #expect(IndonesianWordingTests.offences("0 tak-terbaca, 1 Galat") == ["tak", "galat"])
        #expect(IndonesianWordingTests.offences("Photoshop, profile, stated, --state, `verify-photos BERKAS`").isEmpty)
    }

    @Test func statusesReasonsAndHints() {
        IndonesianWordingTests.check(PhotoStatus.allCases.map(id.status))
        IndonesianWordingTests.check(ReasonCode.allCases.map(id.reason))
        IndonesianWordingTests.check(EvidenceHint.allCases.map(id.hint))
        IndonesianWordingTests.check(FileKind.allCases.map(id.fileKind))
        let problems: [GPSProblem] = [.zeroDenominator, .malformed, .missingReference, .unknownReference("X"), .outOfRange, .nullIsland, .voidStatus]
        IndonesianWordingTests.check(problems.map(id.gpsProblem))
        IndonesianWordingTests.check(id.tableHeader)
    }

    @Test func photoErrors() {
        let reasons = [ENOENT, EACCES, EIO].map { String(cString: strerror($0)) }
        var errors: [PhotoError] = [.notARegularFile, .emptyFile, .notAPhoto(kind: nil), .damagedJPEG(detail: "x"),
                                    .crashedReader(signal: 0), .crashedReader(signal: 11)]
        errors += reasons.flatMap { [PhotoError.cannotOpen(reason: $0), .readFailed(reason: $0)] }
        errors += FileKind.allCases.map { PhotoError.notAPhoto(kind: $0) }
        IndonesianWordingTests.check(errors.map(id.describe), values: ["JPEG XL"])
    }

    @Test func errorsThatStopARun() {
        let path = "/srv/data/x.csv"
        let values = [path, "\"", "x"]
        var texts: [String] = []
        let boundary: [BoundaryError] = [.cannotRead(path: path, reason: String(cString: strerror(ENOENT))), .invalidGeoJSON(path: path, reason: ""),
                                         .noPolygons(path: path), .noArea(path: path),
                                         .notLongitudeLatitude(path: path, feature: 1, ring: 1, point: 2, longitude: -2.1, latitude: 105.1)]
        texts += boundary.map(id.describe)
        let roster: [RosterError.Problem] = [
            .cannotRead(reason: String(cString: strerror(EACCES))), .tooLarge(bytes: 1 << 30), .notUTF8, .noHeader, .noRows,
            .unterminatedQuote, .textAfterClosingQuote, .valueWithoutHeader, .unknownColumn(known: ["nip", "nama"]),
            .repeatedColumn(first: "nama"), .missingColumn("nip"), .emptyValue, .notANIP(""), .notANIP("1.99E+17"),
            .repeatedNIP("199001012015011001", firstLine: 2), .notYesNo("x"), .notANumber("x"), .outOfRange("x", limit: 90),
            .missingPartner(given: "lat"), .pointAndDesa, .unknownDesa("x"), .notADate("x"),
            .notAWFHDay(CalendarDate(iso: "2026-04-16")!, allowed: [.friday]), .unknownGroup("x", known: []),
            .unknownGroup("x", known: ["A", "B"]), .repeatedRow(firstLine: 3),
        ]
        texts += roster.map { id.describe(RosterError(source: path, line: 3, column: "nip", problem: $0)) }
        let holidays: [HolidayFileError] = [
            .cannotRead(path: path, reason: String(cString: strerror(ENOENT))),
            .cannotRead(path: path, reason: "larger than 1 MiB, which no list of holidays is: is it the right file?"),
            .notUTF8(path: path, line: 2), .missingColumn(path: path, line: 1, column: "date"),
            .unknownColumn(path: path, line: 1, column: 5, name: "x"), .repeatedColumn(path: path, line: 1, column: "tanggal"),
            .fieldCount(path: path, line: 2, found: 5, expected: 4), .fieldCount(path: path, line: 2, found: 3, expected: 4),
            .valueWithoutHeader(path: path, line: 2, column: 5), .badQuotes(path: path, line: 2, field: 2),
            .badDate(path: path, line: 2, column: "tanggal", value: "x"), .unknownKind(path: path, line: 2, column: "jenis", value: "x"),
            .repeatedDate(path: path, line: 3, column: "tanggal", date: CalendarDate(iso: "2026-04-03")!, firstLine: 2),
            .emptyName(path: path, line: 2, column: "nama"),
        ]
        texts += holidays.map(id.describe)
        // What a roster, holiday or boundary file that cannot be opened carries: the library's English words.
        let unopened = Messages.english.describe(PhotoError.cannotOpen(reason: String(cString: strerror(ENOENT))))
        texts += [id.describe(HolidayFileError.cannotRead(path: path, reason: unopened)), id.describe(BoundaryError.cannotRead(path: path, reason: unopened)),
                  id.describe(RosterError(source: path, problem: .cannotRead(reason: unopened)))]
        #expect(id.describe(HolidayFileError.cannotRead(path: path, reason: unopened)).hasSuffix("tidak dapat dibuka: berkas atau folder tidak ada"))
        let patterns: [UploadPathError] = [
            UploadPathError(option: .employeePattern, pattern: "x", problem: .doesNotCompile("")),
            UploadPathError(option: .employeePattern, pattern: "x", problem: .missingGroups(["nip"])),
            UploadPathError(option: .datePattern, pattern: "x", problem: .missingGroups(["date", "year", "month"])),
            UploadPathError(option: .datePattern, pattern: "x", problem: .missingGroups(["month"])),
        ]
        texts += patterns.map(id.describe)
        let outputs = [String(cString: strerror(ENOSPC)), String(cString: strerror(EPIPE)), "write error", "out of memory",
                       "the report could not be written in full", "cannot put the report in place: " + String(cString: strerror(EACCES))]
        texts += outputs.map { id.describe(OutputError(output: "standard output", reason: $0)) }
        texts += outputs.map { id.reportDirectoryFailed(OutputError(output: path, reason: $0)) }
        let state: [StateError.Problem] = [
            .symbolicLink(.lockFile, path: path), .cannotOpen(.crashNotes, path: path, reason: String(cString: strerror(EACCES))),
            .cannotExamine(.lockFile, path: path, reason: String(cString: strerror(EIO))), .notRegularFile(.lockFile, path: path),
            .otherOwner(.lockFile, path: path, uid: 65534), .hardLinks(.crashNotes, path: path, names: 2),
            .cannotMakePrivate(.lockFile, path: path, reason: String(cString: strerror(EPERM))),
            .cannotLock(path: path, reason: String(cString: strerror(EIO))), .locked(statePath: path, process: 42, waitedSeconds: 300),
            .locked(statePath: path, process: nil, waitedSeconds: 0), .stoppedWhileWaiting, .newerSchema(path: path, version: 9, known: 5),
            .cannotEmptyCrashNotes(reason: String(cString: strerror(EIO))), .cannotOpenDatabase(path: path, message: ""),
        ]
        texts += state.map { id.describe(StateError($0)) }
        let options: [OptionProblem] = [.noPaths, .needs("--null", "--files-from"), .atLeastZero(["--settle-seconds", "--lock-timeout"]),
                                        .moreThanZero("--max-home-distance-km"), .range("--similarity-threshold", 0, 64),
                                        .ledgerName("--ledger", path), .language("fr"), .now("x")]
        texts += options.map(id.optionProblem)
        texts += [id.missingPath(path), id.unknownOutputName(path), id.fileListUnreadable(path, reason: String(cString: strerror(ENOENT))),
                  id.damagedState(path, detail: ""), id.failure("x", at: 0, statePath: path)]
        IndonesianWordingTests.check(texts, values: values)
    }

    @Test func summariesAndWarnings() {
        var summary = BatchSummary()
        for status in PhotoStatus.allCases { summary.statusCounts[status] = 1234 }
        summary.skippedFiles = 2
        summary.stillUploading = 3
        summary.withHints = 4
        let path = "/srv/unggahan/a.jpg"
        IndonesianWordingTests.check([
            id.summary(summary), id.newPhotosSummary(summary), id.newPhotosSummary(BatchSummary()), id.noPhotosFound(skipped: 3),
            id.stillUploading(path), id.stillUploading(count: 2), id.stopped(photos: 5), id.holidaysNotCovered(years: [2027]),
            id.revisitedFolder(path), id.linkOutside(path), id.progress(done: 1200, total: 4000),
        ], values: [path])
        #expect(id.summary(summary).hasPrefix("4.936 foto: 1.234 sesuai, 1.234 perlu diperiksa, 1.234 tidak sesuai, 1.234 tidak terbaca"))
        #expect(Messages.english.summary(summary).hasPrefix("4,936 photos: 1,234 ok, 1,234 review"))
        #expect(id.progress(done: 1200, total: 4000) == "memeriksa 1.200/4.000 foto")
    }

    /// The explanation of every fixture, every line but the values the photo itself holds.
    @Test func explanationsOfEveryFixture() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: TestPaths.fixturesFolder).filter { !$0.hasPrefix(".") }.sorted()
        var explained = 0
        for name in names {
            var folder: ObjCBool = false
            let path = TestPaths.fixture(name)
            guard FileManager.default.fileExists(atPath: path, isDirectory: &folder), !folder.boolValue else { continue }
            let result = TestVerifier.verifier.verify(path: path)
            let m = result.metadata
            var values = [result.path, m?.make, m?.model, m?.software].compactMap { $0 }
            values += (m?.unparsedTimes ?? []).map(\.raw) + (m?.unparsedPositions ?? []).map(\.raw)
            if case .damagedJPEG(let detail)? = result.error { values.append(detail) }
            let text = id.explanation(of: result).joined(separator: "\n")
            let found = IndonesianWordingTests.offences(text, values: values)
            #expect(found.isEmpty, "\(name): \(found) in:\n\(text)")
            explained += 1
        }
        #expect(explained > 50)
    }

    @Test func numbersAreWrittenOneWayPerLanguage() {
        #expect(id.decimal(1234.5, 1) == "1.234,5" && Messages.english.decimal(1234.5, 1) == "1,234.5")
        #expect(id.decimal(-2.0617, 4) == "-2,0617" && id.number(1_234_567) == "1.234.567" && id.number(999) == "999")
        #expect(id.distance(8200) == "8,2 km" && id.distance(1_234_000) == "1.234 km" && Messages.english.distance(1_234_000) == "1,234 km")
        #expect(id.position(latitude: -2.0617, longitude: 105.164) == "-2,061700; 105,164000")
        #expect(Messages.english.position(latitude: -2.0617, longitude: 105.164) == "-2.061700, 105.164000")
    }
}
