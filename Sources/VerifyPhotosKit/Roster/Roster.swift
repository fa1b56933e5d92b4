/// Why a roster (`--roster`) or WFH schedule (`--schedule`) cannot be used: the file, and where
/// known the line and column (its header as written, or its number when it has none).
public struct RosterError: Error, Equatable, Sendable, CustomStringConvertible {
    public var source: String
    public var line: Int?
    public var column: String?
    public var problem: Problem

    public init(source: String, line: Int? = nil, column: String? = nil, problem: Problem) {
        self.source = source
        self.line = line
        self.column = column
        self.problem = problem
    }

    public enum Problem: Equatable, Sendable, CustomStringConvertible {
        case cannotRead(reason: String)
        case tooLarge(bytes: Int64)
        case notUTF8
        case noHeader
        case noRows
        case unterminatedQuote
        case textAfterClosingQuote
        case valueWithoutHeader
        /// A header that names no field; `known` lists the accepted names.
        case unknownColumn(known: [String])
        /// A second header for the field of the column headed `first` (`nama` and `name`).
        case repeatedColumn(first: String)
        case missingColumn(String)
        case emptyValue
        case notANIP(String)
        case repeatedNIP(String, firstLine: Int)
        case notYesNo(String)
        case notANumber(String)
        case outOfRange(String, limit: Int)
        /// One coordinate of a home point without the other (in the column headed `given`).
        case missingPartner(given: String)
        case pointAndDesa
        case unknownDesa(String)
        case notADate(String)
        case notAWFHDay(CalendarDate, allowed: Set<Weekday>)
        case unknownGroup(String, known: [String])
        case repeatedRow(firstLine: Int)

        public var description: String {
            switch self {
            case .cannotRead(let reason): "cannot be read: \(reason)"
            case .tooLarge(let bytes): "is \(bytes) bytes, more than a roster or schedule can be (\(DelimitedTable.maximumFileSize) bytes)"
            case .notUTF8: "is not UTF-8 text; save the sheet as \"CSV UTF-8\""
            case .noHeader: "is empty: there is no header line"
            case .noRows: "has a header but no rows"
            case .unterminatedQuote: "a quoted value is not closed (a \" is missing)"
            case .textAfterClosingQuote: "text after a closing quote; a quote inside a quoted value is written \"\""
            case .valueWithoutHeader: "a value in a column without a header"
            case .unknownColumn(let known): "not a known column (known: \(known.joined(separator: ", ")))"
            case .repeatedColumn(let first): "the same column as \(first)"
            case .missingColumn(let name): "there is no \(name) column"
            case .emptyValue: "empty"
            case .notANIP(let text) where text.isEmpty: "empty; every row needs an 18-digit NIP"
            case .notANIP(let text):
                "\"\(text)\" is not an 18-digit NIP"
                    + (text.lowercased().contains("e+") ? " (a spreadsheet wrote it as a number: format the column as text)" : "")
            case .repeatedNIP(let nip, let firstLine): "\(nip) is already on line \(firstLine)"
            case .notYesNo(let text): "\"\(text)\" is not ya/tidak, yes/no, 1/0, true/false or y/n"
            case .notANumber(let text): "\"\(text)\" is not a decimal number of degrees"
            case .outOfRange(let text, let limit): "\(text) is outside -\(limit)..\(limit)"
            case .missingPartner(let given): "empty, but \(given) is given; a home point needs both lat and lon"
            case .pointAndDesa: "a desa and a lat/lon point on one row; give one of them"
            case .unknownDesa(let name): "\"\(name)\" is not a desa or kelurahan of the area"
            case .notADate(let text): "\"\(text)\" is not a date written YYYY-MM-DD"
            case .notAWFHDay(let date, let allowed):
                "\(date) is a \(date.weekday.englishName), not a work-from-home day (\(allowed.sorted { $0.index < $1.index }.map(\.englishName).joined(separator: ", ")))"
            case .unknownGroup(let name, let known) where known.isEmpty: "group \"\(name)\" is not in the roster, which has no groups"
            case .unknownGroup(let name, let known): "group \"\(name)\" is not in the roster (its groups: \(known.joined(separator: ", ")))"
            case .repeatedRow(let firstLine): "the same date and group as line \(firstLine)"
            }
        }
    }

    public var description: String {
        var place = source
        if let line { place += " line \(line)" }
        if let column { place += ", column \(column)" }
        return "\(place): \(problem)"
    }
}

/// One civil servant of the roster.
public struct RosterEntry: Sendable, Equatable {
    /// Where the person lives, when the roster says: a point or a village of the area.
    public enum Home: Sendable, Equatable {
        case point(latitude: Double, longitude: Double)
        /// The village as written; `Roster.validate(desaNames:)` checks it against the desa layer.
        case desa(String)
    }

    /// 18 ASCII digits.
    public var nip: String
    public var name: String?
    public var unit: String?
    public var position: String?
    public var group: String?
    /// The `dikecualikan` cell; nil when the column is absent or the cell empty.
    public var exempt: Bool?
    public var home: Home?
    /// The line of the roster file the entry is on.
    public var line: Int

    public init(nip: String, name: String? = nil, unit: String? = nil, position: String? = nil, group: String? = nil,
                exempt: Bool? = nil, home: Home? = nil, line: Int) {
        self.nip = nip
        self.name = name
        self.unit = unit
        self.position = position
        self.group = group
        self.exempt = exempt
        self.home = home
        self.line = line
    }
}

/// Why a civil servant is exempt from working from home (point 4a of circular letter 800/61/BKPSDMD/2026).
public enum Exemption: Sendable, Equatable {
    /// The roster's `dikecualikan` cell says so.
    case marked
    /// The position starts with this phrase of `Roster.exemptPositions`.
    case position(String)
}

/// The civil servants whose photos are checked (`--roster`), by NIP.
public struct Roster: Sendable {
    /// The positions exempt under point 4a of the circular letter, as phrases a position starts with.
    public static let defaultExemptPositions = [
        "Camat", "Lurah", "Sekretaris Daerah", "Inspektur", "Asisten", "Staf Ahli",
        "Kepala Dinas", "Kepala Badan", "Kepala Bagian", "Kepala Bidang",
    ]

    /// In the order of the file.
    public let entries: [RosterEntry]
    /// Phrases a position must start with to be exempt (`--exempt-positions`), by words, after any
    /// acting title (Plt., Plh., Pj.): "Plt. Camat Muntok" matches `Camat`, "Sekretaris Camat" not.
    public var exemptPositions = Roster.defaultExemptPositions {
        didSet { exemptions = Roster.exemptions(of: entries, positions: exemptPositions) }
    }
    /// Each entry's exemption, worked out once (it is asked for every photo).
    private var exemptions: [Exemption?] = []

    /// The phrases of a comma-separated list (`--exempt-positions`), trimmed, blanks left out.
    public static func positions(fromList list: String) -> [String] {
        list.split(separator: ",").map(DelimitedTable.trimmed).filter { !$0.isEmpty }
    }
    let source: String
    /// The header of the desa column as written, for `validate(desaNames:)`'s errors.
    let desaColumn: String
    private let byNIP: [String: Int]
    /// The distinct groups (`kelompok`), in rotation order: numbers inside names by value
    /// ("Kelompok 2" before "Kelompok 10"), letters case-insensitively. Sorted once: it is
    /// asked for every photo.
    public let groups: [String]
    /// Each group as a set of one, made once: the rotation's answer for every photo.
    let groupSets: [String: Set<String>]

    /// Reads the roster at `path`.
    public static func load(path: String) throws(RosterError) -> Roster {
        try Roster(csv: DelimitedTable.text(path: path), source: path)
    }

    /// Reads a roster from the text of a CSV file; `source` names it in errors.
    public init(csv: String, source: String) throws(RosterError) {
        let table = try DelimitedTable(text: csv, source: source)
        let columns = try table.columns(Field.names)
        guard columns.index[.nip] != nil else {
            throw RosterError(source: source, line: table.header.line, problem: .missingColumn("nip"))
        }
        if let lat = columns.names[.latitude], columns.names[.longitude] == nil {
            throw RosterError(source: source, line: table.header.line, column: lat, problem: .missingColumn("lon"))
        }
        if let lon = columns.names[.longitude], columns.names[.latitude] == nil {
            throw RosterError(source: source, line: table.header.line, column: lon, problem: .missingColumn("lat"))
        }
        var entries: [RosterEntry] = []
        var byNIP: [String: Int] = [:]
        for record in table.records {
            let entry = try Roster.entry(record, columns: columns, source: source)
            if let first = byNIP[entry.nip] {
                throw RosterError(source: source, line: record.line, column: columns.name(.nip, fallback: "nip"),
                                  problem: .repeatedNIP(entry.nip, firstLine: entries[first].line))
            }
            byNIP[entry.nip] = entries.count
            entries.append(entry)
        }
        guard !entries.isEmpty else { throw RosterError(source: source, problem: .noRows) }
        self.entries = entries
        self.byNIP = byNIP
        groups = Roster.rotationOrder(entries.compactMap(\.group))
        groupSets = Dictionary(uniqueKeysWithValues: groups.map { ($0, Set([$0])) })
        exemptions = Roster.exemptions(of: entries, positions: exemptPositions)
        self.source = source
        desaColumn = columns.name(.desa, fallback: "desa")
    }

    public func entry(nip: String) -> RosterEntry? {
        byNIP[nip].map { entries[$0] }
    }

    /// The row of `nip` with its exemption, worked out once when the roster was read.
    func row(nip: String) -> (entry: RosterEntry, exemption: Exemption?)? {
        byNIP[nip].map { (entries[$0], exemptions[$0]) }
    }


    /// Why `entry` is exempt, or nil when not: the `dikecualikan` cell decides when filled,
    /// else the position.
    public func exemption(of entry: RosterEntry) -> Exemption? {
        // The roster's own row (a line names one row): its exemption was worked out once.
        if let index = byNIP[entry.nip], entries[index].line == entry.line { return exemptions[index] }
        return Roster.exemption(of: entry, positions: exemptPositions.map { ($0, Roster.words($0)) })
    }

    private static func exemptions(of entries: [RosterEntry], positions: [String]) -> [Exemption?] {
        let phrases = positions.map { ($0, Roster.words($0)) }
        return entries.map { exemption(of: $0, positions: phrases) }
    }

    private static func exemption(of entry: RosterEntry, positions: [(phrase: String, words: [String])]) -> Exemption? {
        if let exempt = entry.exempt { return exempt ? .marked : nil }
        guard let position = entry.position else { return nil }
        let words = Roster.words(position).drop { Roster.actingTitles.contains($0) }
        for (phrase, phraseWords) in positions where !phraseWords.isEmpty && words.starts(with: phraseWords) {
            return .position(phrase)
        }
        return nil
    }

    /// Checks every home desa against the names of the desa layer, case-insensitively and
    /// without a leading "Desa " or "Kelurahan " on either side.
    public func validate(desaNames: Set<String>) throws(RosterError) {
        let known = Set(desaNames.map(Roster.desaKey))
        for entry in entries {
            guard case .desa(let name) = entry.home, !known.contains(Roster.desaKey(name)) else { continue }
            throw RosterError(source: source, line: entry.line, column: desaColumn, problem: .unknownDesa(name))
        }
    }

    private enum Field: Hashable, Sendable {
        case nip, name, unit, position, group, exempt, latitude, longitude, desa

        static let names: [(Field, [String])] = [
            (.nip, ["nip"]), (.name, ["nama", "name"]), (.unit, ["unit_kerja", "unit"]),
            (.position, ["jabatan", "position"]), (.group, ["kelompok", "group"]),
            (.exempt, ["dikecualikan", "exempt"]), (.latitude, ["lat"]), (.longitude, ["lon"]), (.desa, ["desa"]),
        ]
    }

    private static let actingTitles: Set<String> = ["plt", "plh", "pj", "pjs"]

    private static func entry(_ record: DelimitedTable.Record, columns: Columns<Field>, source: String) throws(RosterError) -> RosterEntry {
        func failure(_ field: Field, _ problem: RosterError.Problem) -> RosterError {
            RosterError(source: source, line: record.line, column: columns.name(field, fallback: "\(field)"), problem: problem)
        }
        let nip = columns.value(.nip, in: record) ?? ""
        guard nip.utf8.count == 18, nip.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            throw failure(.nip, .notANIP(nip))
        }
        var exempt: Bool?
        if let text = columns.value(.exempt, in: record) {
            guard let value = yesNo[text.lowercased()] else { throw failure(.exempt, .notYesNo(text)) }
            exempt = value
        }
        var home: RosterEntry.Home?
        switch (columns.value(.latitude, in: record), columns.value(.longitude, in: record)) {
        case (nil, nil):
            break
        case (_?, nil):
            throw failure(.longitude, .missingPartner(given: columns.name(.latitude, fallback: "lat")))
        case (nil, _?):
            throw failure(.latitude, .missingPartner(given: columns.name(.longitude, fallback: "lon")))
        case (let latText?, let lonText?):
            guard let latitude = degrees(latText) else { throw failure(.latitude, .notANumber(latText)) }
            guard abs(latitude) <= 90 else { throw failure(.latitude, .outOfRange(latText, limit: 90)) }
            guard let longitude = degrees(lonText) else { throw failure(.longitude, .notANumber(lonText)) }
            guard abs(longitude) <= 180 else { throw failure(.longitude, .outOfRange(lonText, limit: 180)) }
            home = .point(latitude: latitude, longitude: longitude)
        }
        if let desa = columns.value(.desa, in: record) {
            guard home == nil else { throw failure(.desa, .pointAndDesa) }
            home = .desa(desa)
        }
        return RosterEntry(
            nip: nip, name: columns.value(.name, in: record), unit: columns.value(.unit, in: record),
            position: columns.value(.position, in: record), group: columns.value(.group, in: record),
            exempt: exempt, home: home, line: record.line)
    }

    private static let yesNo: [String: Bool] = [
        "ya": true, "tidak": false, "yes": true, "no": false, "1": true, "0": false,
        "true": true, "false": false, "y": true, "n": false,
    ]

    /// A plain decimal number (`-1.8765`, or `-1,8765` as Indonesian spreadsheets write it);
    /// no exponent, no thousands separator, no `nan` or `inf`.
    static func degrees(_ text: String) -> Double? {
        var body = Substring(text)
        var sign = ""
        if let first = body.first, first == "-" || first == "+" {
            sign = first == "-" ? "-" : ""
            body = body.dropFirst()
        }
        let parts = body.split(maxSplits: 1, omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == "," })
        guard parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isWholeNumber } }),
              parts.contains(where: { !$0.isEmpty })
        else { return nil }
        let whole = parts[0].isEmpty ? "0" : String(parts[0])
        let fraction = parts.count == 2 && !parts[1].isEmpty ? "." + parts[1] : ""
        return Double(sign + whole + fraction)
    }

    /// Lowercased words of letters and digits: "Plt. Kepala Bidang" is `plt kepala bidang`.
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// A desa name for comparison: lowercased, single spaces, without a leading "desa" or "kelurahan".
    static func desaKey(_ name: String) -> String {
        var words = name.lowercased().split(whereSeparator: \.isWhitespace)
        if words.count > 1, words[0] == "desa" || words[0] == "kelurahan" { words.removeFirst() }
        return words.joined(separator: " ")
    }

    /// `groups` without repeats, in rotation order: digit runs compare by value, the rest
    /// case-insensitively, exact text last so that the order is total.
    static func rotationOrder(_ groups: [String]) -> [String] {
        Set(groups).sorted { a, b in
            let x = runs(a), y = runs(b)
            for (p, q) in zip(x, y) where p != q {
                switch (p, q) {
                case (.number(let m), .number(let n)) where m != n: return m.count != n.count ? m.count < n.count : m < n
                case (.number, .text): return true
                case (.text, .number): return false
                case (.text(let m), .text(let n)) where m != n: return m < n
                default: continue
                }
            }
            return x.count != y.count ? x.count < y.count : a < b
        }
    }

    private enum Run: Equatable {
        /// Digits without leading zeros.
        case number(String)
        case text(String)
    }

    private static func runs(_ text: String) -> [Run] {
        var runs: [Run] = []
        var current = "", inDigits = false
        func flush() {
            guard !current.isEmpty else { return }
            if inDigits {
                let digits = String(current.drop { $0 == "0" })
                runs.append(.number(digits))
            } else {
                runs.append(.text(current.lowercased()))
            }
            current = ""
        }
        for character in text {
            let digit = character.isASCII && character.isWholeNumber
            if digit != inDigits { flush(); inDigits = digit }
            current.append(character)
        }
        flush()
        return runs
    }
}

/// Which groups work from home on which day (`--schedule`): rows of `tanggal` and `kelompok`,
/// several per date when several groups share a day.
public struct WFHSchedule: Sendable {
    struct Row: Sendable, Equatable {
        var date: CalendarDate
        var group: String
        var line: Int
    }

    let rows: [Row]
    let source: String
    let dateColumn: String
    let groupColumn: String
    private let byDate: [CalendarDate: Set<String>]
    private let linesByDate: [CalendarDate: [Int]]

    /// The scheduled days, earliest first.
    public var dates: [CalendarDate] { byDate.keys.sorted() }

    /// The groups scheduled on `date`; empty when none is.
    public func groups(on date: CalendarDate) -> Set<String> {
        byDate[date] ?? []
    }

    /// The file's lines that schedule `date`, in file order; empty when none does.
    public func lines(on date: CalendarDate) -> [Int] {
        linesByDate[date] ?? []
    }

    /// Reads the schedule at `path`.
    public static func load(path: String) throws(RosterError) -> WFHSchedule {
        try WFHSchedule(csv: DelimitedTable.text(path: path), source: path)
    }

    /// Reads a schedule from the text of a CSV file; `source` names it in errors.
    public init(csv: String, source: String) throws(RosterError) {
        let table = try DelimitedTable(text: csv, source: source)
        let columns = try table.columns([(Field.date, ["tanggal", "date"]), (Field.group, ["kelompok", "group"])])
        for field in [Field.date, .group] where columns.index[field] == nil {
            throw RosterError(source: source, line: table.header.line, problem: .missingColumn(field == .date ? "tanggal" : "kelompok"))
        }
        let dateColumn = columns.name(.date, fallback: "tanggal")
        let groupColumn = columns.name(.group, fallback: "kelompok")
        var rows: [Row] = []
        var seen: [Pair: Int] = [:]
        for record in table.records {
            guard let dateText = columns.value(.date, in: record) else {
                throw RosterError(source: source, line: record.line, column: dateColumn, problem: .emptyValue)
            }
            guard let date = CalendarDate(iso: dateText) else {
                throw RosterError(source: source, line: record.line, column: dateColumn, problem: .notADate(dateText))
            }
            guard let group = columns.value(.group, in: record) else {
                throw RosterError(source: source, line: record.line, column: groupColumn, problem: .emptyValue)
            }
            if let first = seen[Pair(date: date, group: group)] {
                throw RosterError(source: source, line: record.line, column: groupColumn, problem: .repeatedRow(firstLine: first))
            }
            seen[Pair(date: date, group: group)] = record.line
            rows.append(Row(date: date, group: group, line: record.line))
        }
        guard !rows.isEmpty else { throw RosterError(source: source, problem: .noRows) }
        self.rows = rows
        self.source = source
        self.dateColumn = dateColumn
        self.groupColumn = groupColumn
        byDate = Dictionary(grouping: rows, by: \.date).mapValues { Set($0.map(\.group)) }
        linesByDate = Dictionary(grouping: rows, by: \.date).mapValues { $0.map(\.line) }
    }

    /// Every row must fall on a WFH weekday and name a group of `roster` (exactly as the roster writes it).
    public func validate(against roster: Roster, wfhDays: Set<Weekday>) throws(RosterError) {
        let groups = roster.groups
        let known = Set(groups)
        for row in rows {
            guard wfhDays.contains(row.date.weekday) else {
                throw RosterError(source: source, line: row.line, column: dateColumn, problem: .notAWFHDay(row.date, allowed: wfhDays))
            }
            guard known.contains(row.group) else {
                throw RosterError(source: source, line: row.line, column: groupColumn, problem: .unknownGroup(row.group, known: groups))
            }
        }
    }

    /// Without a schedule, whose turn a day is: groups take turns in `Roster.groups` order over the
    /// WFH days from `firstDay` on; a holiday is no one's turn and uses none.
    public static func rotation(groups: [String], firstDay: CalendarDate, wfhDays: Set<Weekday>,
                                holidays: HolidayCalendar) -> @Sendable (CalendarDate) -> String? {
        let order = Roster.rotationOrder(groups)
        return { turn(order: order, firstDay: firstDay, wfhDays: wfhDays, holidays: holidays, on: $0) }
    }

    /// Whose turn `date` is, `order` being the groups in rotation order: the WFH days before it
    /// are counted a week at a time, less the holidays among them.
    static func turn(order: [String], firstDay: CalendarDate, wfhDays: Set<Weekday>, holidays: HolidayCalendar,
                     on date: CalendarDate) -> String? {
        guard !order.isEmpty, date >= firstDay, wfhDays.contains(date.weekday), holidays.holiday(on: date) == nil else { return nil }
        var turns = 0
        for offset in 0..<7 {
            let first = firstDay.adding(days: offset)
            guard wfhDays.contains(first.weekday), first < date else { continue }
            turns += (date.daysSinceEpoch - first.daysSinceEpoch - 1) / 7 + 1
        }
        for holiday in holidays.days(from: firstDay, before: date) where wfhDays.contains(holiday.weekday) { turns -= 1 }
        return order[turns % order.count]
    }

    private enum Field: Hashable, Sendable {
        case date, group
    }

    private struct Pair: Hashable {
        var date: CalendarDate
        var group: String
    }
}

fileprivate extension Weekday {
    /// Position in the week, Sunday first.
    var index: Int { Weekday.allCases.firstIndex(of: self) ?? 0 }

    /// `Friday`.
    var englishName: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}
