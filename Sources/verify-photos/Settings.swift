import VerifyPhotosKit

/// The command's options turned into the library's policy, boundary and language.
struct Settings {
    var verifier: PhotoVerifier
    var messages: Messages

    init(_ command: VerifyPhotosCommand) throws {
        guard let chosen = Settings.language(command) else {
            throw ConfigurationError(Messages(language: .indonesian).optionProblem(.language(Settings.languageName(command))))
        }
        messages = Messages(language: chosen)

        let rules = command.rules
        // Defaults live in VerificationPolicy; an option given replaces one.
        var policy = VerificationPolicy(nowUTCSeconds: try Settings.now(rules.now))
        if let tolerance = rules.toleranceMetres { policy.toleranceMetres = tolerance }
        policy.requiredDate = rules.date?.date(now: policy.nowUTCSeconds)
        if let days = rules.wfhDays { policy.wfhDays = days.days }
        if let start = rules.policyStart { policy.policyStart = start }
        if let skew = rules.maxClockSkew { policy.maxClockSkewSeconds = skew.seconds }
        policy.checksIntegrity = !rules.metadataOnly
        policy.comparesThumbnails = rules.compareThumbnails && !rules.metadataOnly
        if let threshold = rules.similarityThreshold { policy.similarityThreshold = threshold }
        if let readStamps = rules.readStamps { policy.readStamps = readStamps }

        let boundary: Boundary
        do throws(BoundaryError) {
            if let path = rules.boundary {
                boundary = try Boundary.load(path: path)
            } else {
                boundary = try Boundary.bangkaBarat()
            }
        } catch {
            throw ConfigurationError(messages.describe(error))
        }
        policy.staff = try command.staff.plan(wfhDays: policy.wfhDays, villages: boundary.villageNames, messages: messages)
        verifier = PhotoVerifier(boundary: boundary, policy: policy)
    }

    /// `--lang`, else `$VERIFY_PHOTOS_LANG`, else Indonesian; nil when the variable names neither.
    static func language(_ command: VerifyPhotosCommand) -> Language? {
        if let chosen = command.report.lang { return chosen }
        return Language(argument: languageName(command))
    }

    private static func languageName(_ command: VerifyPhotosCommand) -> String {
        getenv("VERIFY_PHOTOS_LANG").map { String(cString: $0) } ?? "id"
    }

    /// The language for messages before the options are parsed (the options' own checks):
    /// the last `--lang X` or `--lang=X` before `--`, else `$VERIFY_PHOTOS_LANG`, else Indonesian.
    static let early: Messages = {
        var chosen: String?
        var arguments = CommandLine.arguments.dropFirst()[...]
        while let argument = arguments.popFirst(), argument != "--" {
            if argument == "--lang" {
                chosen = arguments.popFirst()
            } else if argument.hasPrefix("--lang=") {
                chosen = String(argument.dropFirst("--lang=".count))
            }
        }
        let name = chosen ?? getenv("VERIFY_PHOTOS_LANG").map { String(cString: $0) } ?? "id"
        return Messages(language: Language(argument: name) ?? .indonesian)
    }()

    /// `--now` (ISO 8601 with offset or Z) for reproducible runs; the clock otherwise.
    static func now(_ text: String?) throws -> Int64 {
        guard let text else { return Int64(time(nil)) }
        var local = text
        var offset = UTCOffset(seconds: 0)
        if local.hasSuffix("Z") {
            local.removeLast()
        } else if local.count > 6, let parsed = UTCOffset(exif: String(local.suffix(6))) {
            offset = parsed
            local.removeLast(6)
        }
        guard let time = LocalDateTime(exif: local) else {
            throw ConfigurationError(Settings.early.optionProblem(.now(text)))
        }
        return time.secondsSinceEpoch - Int64(offset.seconds)
    }
}
