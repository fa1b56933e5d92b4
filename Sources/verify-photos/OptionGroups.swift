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
        if null && filesFrom == nil { throw ValidationError("--null needs --files-from FILE") }
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


    @Option(help: .hidden)
    var now: String?

    func validate() throws {
        if let toleranceMetres, !(toleranceMetres >= 0) { throw ValidationError("--tolerance-m must be 0 or more") }
    }
}

/// Where the report goes, in which format and language.
struct ReportOptions: ParsableArguments {
    @Option(help: "Output format: table, explain, jsonl, csv or json. Default: from the --output name (.jsonl, .ndjson, .json, .csv); else explain for one file and table for more on a terminal, jsonl otherwise.")
    var format: ReportFormat?


    @Option(help: "Write the report to this file instead of standard output; without --format its name must end in .jsonl, .ndjson, .json or .csv.")
    var output: String?


    @Option(help: "Language of what people read: id (Bahasa Indonesia) or en. Default: $VERIFY_PHOTOS_LANG, else id.")
    var lang: Language?


    @Flag(help: "Never colour the output.")
    var noColor = false


    @Flag(help: "Print only photos that need attention, and nothing when all are ok (for cron); still say on standard error how many may still be uploading.")
    var quiet = false


    @Option(name: .customLong("report-dir"), help: ArgumentHelp("Also write the report as DIR/YYYY-MM-DD-HHMMSS.jsonl and .csv, and its summary line as .txt, each renamed into place when complete.", valueName: "dir"))
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
        if onlyNew && state == nil { throw ValidationError("--only-new needs --state FILE") }
        if settleSeconds < 0 || !(lockTimeout >= 0) { throw ValidationError("--settle-seconds and --lock-timeout must be 0 or more") }
    }
}
