import ArgumentParser
import VerifyPhotosKit

/// What to check: photos and folders on the command line, or a list of paths.
struct InputOptions: ParsableArguments {
    @Argument(help: "Photo files and folders to check.")
    var paths: [String] = []


    @Option(name: .customLong("files-from"), help: ArgumentHelp("Also check the paths listed in this file, one per line (- reads standard input). A listed file that is missing is reported unreadable.", valueName: "file"))
    var filesFrom: String?


    @Flag(help: "With --files-from: the paths are separated by NUL bytes (find -print0), not lines.")
    var null = false


    func validate() throws {
        if null && filesFrom == nil { throw ValidationError(Settings.early.optionProblem(.needs("--null", "--files-from"))) }
    }
}

/// The rules photos are judged by; defaults come from `VerificationPolicy.defaults`.
struct RuleOptions: ParsableArguments {
    @Option(help: "GeoJSON boundary to use instead of the embedded Kabupaten Bangka Barat outline.")
    var boundary: String?


    @Option(name: .customLong("tolerance-m"), parsing: .unconditional,
            help: "Metres from the boundary within which a photo needs review (plus the photo's GPS error). Default: \(Int(VerificationPolicy.defaults.toleranceMetres)).")
    var toleranceMetres: Double?


    @Option(help: "Required capture date (WIB): YYYY-MM-DD, today or yesterday. Replaces the WFH-day and policy-start rules.")
    var date: RequiredDay?


    @Option(name: .customLong("wfh-days"),
            help: "Allowed work-from-home weekdays, comma-separated (English or Indonesian names). Default: \(VerificationPolicy.defaults.wfhDays.map(\.rawValue).sorted().joined(separator: ",")).")
    var wfhDays: WeekdayList?


    @Option(name: .customLong("policy-start"), help: "First day of the policy (YYYY-MM-DD). Default: \(VerificationPolicy.defaults.policyStart).")
    var policyStart: CalendarDate?


    @Option(name: .customLong("max-clock-skew"), parsing: .unconditional,
            help: "Largest allowed difference between GPS and camera clocks: minutes, or a number with s, m or h. Default: \(VerificationPolicy.defaults.maxClockSkewSeconds / 60) minutes.")
    var maxClockSkew: ClockSkew?


    @Flag(name: .customLong("metadata-only"),
          help: "Read only each photo's metadata: skip the checks of the picture itself (reused photos, repeated coordinates, signs of editing). Faster, for quick looks.")
    var metadataOnly = false

    @Flag(name: .customLong("compare-thumbnails"),
          help: "Also decode each photo's main image and compare it with its EXIF thumbnail, to catch a picture swapped under its original thumbnail (edit sign thumbnail-differs). About 60 ms more per 12-megapixel photo.")
    var compareThumbnails = false

    @Option(name: .customLong("read-stamps"),
            help: ArgumentHelp("Read the date and place stamp printed on photos (OCR): always; missing: only photos whose EXIF lacks a usable position or capture time; never. Default: \(VerificationPolicy.defaults.readStamps.rawValue).",
                               valueName: "always|missing|never"))
    var readStamps: StampPolicy?

    @Option(name: .customLong("similarity-threshold"), parsing: .unconditional,
            help: "Largest Hamming distance (0-64) between the perceptual hashes of two photos that count as the same picture re-encoded or resized. Default: \(VerificationPolicy.defaults.similarityThreshold).")
    var similarityThreshold: Int?

    @Option(help: .hidden)
    var now: String?

    func validate() throws {
        if let toleranceMetres, !(toleranceMetres >= 0) { throw ValidationError(Settings.early.optionProblem(.atLeastZero(["--tolerance-m"]))) }
        if let similarityThreshold, !(0...64).contains(similarityThreshold) { throw ValidationError(Settings.early.optionProblem(.range("--similarity-threshold", 0, 64))) }
    }
}

/// Where the report goes, in which format and language.
struct ReportOptions: ParsableArguments {
    @Option(help: "Output format: table, explain, jsonl, csv, json, html (one offline page with a map and thumbnails), xlsx (Excel; needs --output or --report-dir), geojson (QGIS, geojson.io) or kml (Google Earth). Default: from the --output name (.jsonl, .ndjson, .json, .csv, .html, .xlsx, .geojson, .kml); else explain for one file and table for more on a terminal, jsonl otherwise.")
    var format: ReportFormat?


    @Option(help: "Write the report to this file instead of standard output; without --format its name must end in .jsonl, .ndjson, .json, .csv, .html, .xlsx, .geojson or .kml.")
    var output: String?


    @Flag(help: "With csv output: write for Excel in the Indonesian locale (UTF-8 with BOM, ; between columns, CRLF, decimal commas).")
    var excel = false


    @Option(help: "Language of what people read: id (Bahasa Indonesia) or en. Default: $VERIFY_PHOTOS_LANG, else id.")
    var lang: Language?


    @Flag(help: "Never colour the output.")
    var noColor = false


    @Flag(help: "Print only photos that need attention, and nothing when all are ok (for cron); still say on standard error how many may still be uploading.")
    var quiet = false


    @Option(name: .customLong("report-dir"), help: ArgumentHelp("Also write the report as DIR/YYYY-MM-DD-HHMMSS.jsonl, .csv and .html (and .xlsx with --format xlsx), and its summary line as .txt, each renamed into place when complete.", valueName: "dir"))
    var reportDir: String?

}

/// The nightly job: a state of every photo seen, so that later runs read only what is new.
struct StateOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Keep a SQLite state of every photo seen, so that later runs read only new or changed photos.", valueName: "file"))
    var state: String?


    @Flag(help: "With --state: report only photos no earlier finished report included.")
    var onlyNew = false


    @Option(name: .customLong("settle-seconds"), parsing: .unconditional, help: "With --state: leave photos modified less than this many seconds ago (and JPEGs without their end marker) for the next run.")
    var settleSeconds: Int = 60


    @Option(name: .customLong("lock-timeout"), parsing: .unconditional, help: "With --state: seconds to wait for another run using the same state before giving up (exit 2).")
    var lockTimeout: Double = 300


    func validate() throws {
        if onlyNew && state == nil { throw ValidationError(Settings.early.optionProblem(.needs("--only-new", "--state"))) }
        if settleSeconds < 0 || !(lockTimeout >= 0) { throw ValidationError(Settings.early.optionProblem(.atLeastZero(["--settle-seconds", "--lock-timeout"]))) }
    }
}

/// Who must work from home on which day: the roster, the schedule, holidays, upload paths.
struct StaffOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Roster of employees (CSV: nip, nama, unit_kerja, jabatan, kelompok, dikecualikan, lat+lon or desa). Photos are then judged per person: exempt, scheduled, near home.", valueName: "file"))
    var roster: String?

    @Option(help: ArgumentHelp("WFH schedule (CSV: tanggal, kelompok). Default with a roster that has groups: the groups take turns, one working Friday each, from the policy start.", valueName: "file"))
    var schedule: String?

    @Option(help: ArgumentHelp("Holidays (CSV: tanggal, nama, jenis, sumber) added to the compiled-in calendar; a date listed replaces it.", valueName: "file"))
    var holidays: String?

    @Option(name: .customLong("employee-pattern"), help: ArgumentHelp("Regular expression with a group (?<nip>...) that finds the employee in a photo's path. Default: the last plausible 18-digit NIP.", valueName: "regex"))
    var employeePattern: String?

    @Option(name: .customLong("date-pattern"), help: ArgumentHelp("Regular expression with a group (?<date>...) (or year, month, day) that finds the day a photo was submitted for in its path. Default: the last YYYY-MM-DD.", valueName: "regex"))
    var datePattern: String?

    @Option(name: .customLong("exempt-positions"), help: ArgumentHelp("Positions exempt from WFH when the roster has no dikecualikan value, comma-separated phrases a position starts with. Default: \(Roster.defaultExemptPositions.joined(separator: ", ")).", valueName: "list"))
    var exemptPositions: String?

    @Option(name: .customLong("max-home-distance-km"), parsing: .unconditional,
            help: "How far from the roster's home point a photo may be taken. Default: \(Int(StaffPlan().maxHomeDistanceMetres / 1000)).")
    var maxHomeDistanceKm: Double?

    func validate() throws {
        if let maxHomeDistanceKm, !(maxHomeDistanceKm > 0) { throw ValidationError(Settings.early.optionProblem(.moreThanZero("--max-home-distance-km"))) }
        if schedule != nil && roster == nil { throw ValidationError(Settings.early.optionProblem(.needs("--schedule", "--roster"))) }
        if exemptPositions != nil && roster == nil { throw ValidationError(Settings.early.optionProblem(.needs("--exempt-positions", "--roster"))) }
    }

    /// The plan these options describe, for `wfhDays` and the area's villages; a file that
    /// cannot be used is a `ConfigurationError` naming file, line and column.
    func plan(wfhDays: Set<Weekday>, villages: Set<String>, messages: Messages) throws -> StaffPlan {
        var plan = StaffPlan()
        if let maxHomeDistanceKm { plan.maxHomeDistanceMetres = maxHomeDistanceKm * 1000 }
        do {
            plan.uploadPaths = try UploadPathRules(employeePattern: employeePattern, datePattern: datePattern)
            if let holidays { plan.holidays = plan.holidays.merging(try HolidayCalendar.load(path: holidays)) }
            if let roster {
                var loaded = try Roster.load(path: roster)
                if let exemptPositions {
                    loaded.exemptPositions = Roster.positions(fromList: exemptPositions)
                }
                try loaded.validate(desaNames: villages)
                if let schedule {
                    let loadedSchedule = try WFHSchedule.load(path: schedule)
                    try loadedSchedule.validate(against: loaded, wfhDays: wfhDays)
                    plan.schedule = loadedSchedule
                }
                plan.roster = loaded
            }
        } catch let error as UploadPathError {
            throw ConfigurationError(messages.describe(error))
        } catch let error as HolidayFileError {
            throw ConfigurationError(messages.describe(error))
        } catch let error as RosterError {
            throw ConfigurationError(messages.describe(error))
        }
        return plan
    }
}

/// The ledger of who was due and who complied, for the personnel office's evaluation.
struct LedgerOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Write the ledger: one row per employee and WFH day of the period on which they were due or sent something (ok, review, flagged, unreadable or missing). .jsonl, .csv or .xlsx by the file's ending.", valueName: "file"))
    var ledger: String?

    @Option(name: .customLong("ledger-summary"), help: ArgumentHelp("Write the ledger summed up per employee over the period, and per unit and day (staff, exempt, scheduled WFH share, submitted, ok, missing). .jsonl, .csv or .xlsx.", valueName: "file"))
    var ledgerSummary: String?

    @Option(help: ArgumentHelp("The ledger's days, START..END (YYYY-MM-DD..YYYY-MM-DD). Default: the first to the last WFH day among the photos' days.", valueName: "start..end"))
    var period: DateRange?

    func validate() throws {
        for (option, path) in [("--ledger", ledger), ("--ledger-summary", ledgerSummary)] {
            if let path, LedgerReport.Format(path: path) == nil {
                throw ValidationError(Settings.early.optionProblem(.ledgerName(option, path)))
            }
        }
    }

    /// Whether a ledger file was asked for.
    var wanted: Bool { ledger != nil || ledgerSummary != nil }
}

extension StampPolicy: ExpressibleByArgument {}

extension DateRange: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(text: argument)
    }
}
