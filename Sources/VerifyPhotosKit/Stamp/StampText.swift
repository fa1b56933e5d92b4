/// What a date-and-place stamp printed on a photo says, parsed from the text OCR read: the
/// coordinates, the date and time with its zone, and the address lines naming a kecamatan or
/// kabupaten. Indonesian and English as GPS camera apps and phone watermarks print them.
///
/// Text that is no stamp (a sign, a screen, a document in the picture) must not become a
/// position: coordinates count only when labelled (`Lat`/`Long`, `Lintang`/`Bujur`, `LS`/`BT`),
/// written as degrees-minutes-seconds with hemisphere letters, or as a pair with at least four
/// decimals each, separated by a comma or carrying N/S and E/W. A date counts only beside a
/// time, a weekday name, a zone or a position (a bare date on a notice is no stamp).
public struct StampText: Sendable, Equatable {
    public var latitude: StampCoordinate?
    public var longitude: StampCoordinate?
    public var date: CalendarDate?
    public var clock: StampClock?
    /// The zone printed (`GMT +07:00`, WIB, WITA, WIT); nil when none.
    public var offset: UTCOffset?
    public var weekday: Weekday?
    /// Lines naming a kecamatan, kabupaten, kota or desa, as read.
    public var placeLines: [String]
    /// The kecamatan and kabupaten/kota named (`Kecamatan Kelapa` gives `.kecamatan("Kelapa")`).
    public var places: [StampPlace]
    /// The lines read, spaces and typographic variants made plain.
    public var readLines: [String]

    /// Longest text parsed: a stamp is a few lines; OCR of a busy picture may give pages.
    static let maxCharacters = 4000

    public init(_ text: String) {
        let lines = StampText.normalised(String(text.prefix(StampText.maxCharacters)))
        let joined = lines.joined(separator: "\n")
        latitude = nil
        longitude = nil
        date = nil
        clock = nil
        offset = nil
        weekday = nil
        placeLines = []
        places = []
        readLines = lines

        (latitude, longitude) = StampText.coordinates(in: joined)

        var dateLine: Int?
        var dateEnd: String.Index?
        for (index, line) in lines.enumerated() {
            if let found = StampText.date(in: line) {
                date = found.date
                dateLine = index
                dateEnd = found.end
                break
            }
        }
        var zoneFree = lines
        for (index, line) in lines.enumerated() {
            if let found = StampText.zone(in: line) {
                if offset == nil { offset = found.offset }
                zoneFree[index] = found.remainder
            }
        }
        if let dateLine {
            weekday = StampText.weekday(in: lines[dateLine])
            var rest = zoneFree[dateLine]
            if let dateEnd, dateEnd <= lines[dateLine].endIndex, zoneFree[dateLine] == lines[dateLine] {
                rest = String(lines[dateLine][dateEnd...])
            }
            clock = StampText.clock(in: rest, dotAllowed: true) ?? StampText.clock(in: zoneFree[dateLine], dotAllowed: true)
            if clock == nil {
                for line in zoneFree {
                    if let found = StampText.clock(in: line, dotAllowed: false) {
                        clock = found
                        break
                    }
                }
            }
        }
        for line in lines where StampText.namesPlace(line) {
            placeLines.append(String(line.prefix(200)))
            places += StampText.placesNamed(in: line)
        }
        // A date alone, with nothing around it that a stamp prints, is not a stamp's date.
        if date != nil && clock == nil && weekday == nil && offset == nil && position == nil {
            date = nil
        }
        if date == nil { clock = nil }
    }

    /// The position, when both coordinates were read and make a valid one.
    public var position: GeoPoint? {
        guard let latitude, let longitude, abs(latitude.degrees) <= 90, abs(longitude.degrees) <= 180,
              latitude.degrees != 0 || longitude.degrees != 0 else { return nil }
        return GeoPoint(latitude: latitude.degrees, longitude: longitude.degrees)
    }

    /// The printed date and time as a wall-clock time (00:00 when only the day was printed).
    public var localTime: LocalDateTime? {
        guard let date else { return nil }
        return LocalDateTime(date: date, hour: clock?.hour ?? 0, minute: clock?.minute ?? 0, second: clock?.second ?? 0)
    }

    /// Whether the text shows signs of coordinates (labels, degree signs) whether or not they
    /// parsed: then another look at the picture may read them.
    public var mentionsCoordinates: Bool {
        readLines.contains { $0.contains(#/(?i)\b(lat|latitude|long|lon|lng|longitude|lintang|bujur|ls|lu|bt|bb)\b|°/#) }
    }

    /// Whether anything a stamp gives was read: a position or a date.
    public var isStamp: Bool {
        position != nil || date != nil
    }
}

/// One coordinate as printed: its value in signed degrees and its canonical text (decimal
/// `-2.062081` with every printed decimal, or `1°40'41.2"S`).
public struct StampCoordinate: Sendable, Equatable, Codable {
    public var degrees: Double
    public var printed: String
}

/// A printed wall-clock time; `second` nil when the stamp printed none.
public struct StampClock: Sendable, Equatable {
    public var hour: Int
    public var minute: Int
    public var second: Int?
}

/// A kecamatan or a kabupaten/kota a stamp names.
public enum StampPlace: Sendable, Equatable {
    case kecamatan(String)
    case kabupaten(String)
}

extension StampText {
    /// Lines with typographic variants OCR gives turned into one form: degree signs, quotes,
    /// dashes and spaces.
    static func normalised(_ text: String) -> [String] {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "º", "˚", "ᵒ", "⁰": out.append("°")
            case "’", "‘", "′", "`", "´": out.append("'")
            case "”", "“", "″", "„": out.append("\"")
            case "−", "–", "—": out.append("-")
            case "\u{00A0}", "\t": out.append(" ")
            case "\r": out.append("\n")
            default: out.append(ch)
            }
        }
        return out.replacingOccurrences("''", with: "\"").split(separator: "\n", omittingEmptySubsequences: true).map { line in
            line.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        }
    }

    // MARK: coordinates

    /// The latitude and longitude: labelled decimals, then degrees-minutes-seconds, then a
    /// plausible unlabelled pair.
    static func coordinates(in text: String) -> (StampCoordinate?, StampCoordinate?) {
        var latitude = labelledDecimal(in: text, latitude: true)
        var longitude = labelledDecimal(in: text, latitude: false)
        if latitude == nil || longitude == nil {
            let dms = sexagesimal(in: text)
            if latitude == nil { latitude = dms.0 }
            if longitude == nil { longitude = dms.1 }
        }
        if latitude == nil && longitude == nil, let pair = unlabelledPair(in: text) {
            return pair
        }
        return (latitude, longitude)
    }

    /// `Lat -2.062081`, `Latitude: 1.70800° S`, `Lintang: 1.888228 LS`, `1.888228 LS`, and the
    /// longitude alike (`Long`, `Lon`, `Lng`, `Bujur`, `BT`/`BB`). At least three decimals.
    static func labelledDecimal(in text: String, latitude: Bool) -> StampCoordinate? {
        let prefixed = latitude
            ? #/(?i)\b(?:lat(?:itude)?|lintang)\s*[:;=.]?\s*([+-]?)\s*(\d{1,3})[.,](\d{3,8})(?!\d)\s*°?\s*(lu|ls|n|s|u)?(?![a-z])/#
            : #/(?i)\b(?:long(?:itude)?|lon|lng|bujur)\s*[:;=.]?\s*([+-]?)\s*(\d{1,3})[.,](\d{3,8})(?!\d)\s*°?\s*(bt|bb|e|w|t|b)?(?![a-z])/#
        let suffixed = latitude
            ? #/(?i)(?:^|[^\d.,])([+-]?)(\d{1,3})[.,](\d{3,8})(?!\d)\s*°?\s*(lu|ls)(?![a-z])/#
            : #/(?i)(?:^|[^\d.,])([+-]?)(\d{1,3})[.,](\d{3,8})(?!\d)\s*°?\s*(bt|bb)(?![a-z])/#
        for match in text.matches(of: prefixed) {
            if let value = decimal(sign: String(match.output.1), whole: String(match.output.2), fraction: String(match.output.3),
                                   hemisphere: match.output.4.map { String($0).lowercased() }, latitude: latitude) {
                return value
            }
        }
        for match in text.matches(of: suffixed) {
            if let value = decimal(sign: String(match.output.1), whole: String(match.output.2), fraction: String(match.output.3),
                                   hemisphere: String(match.output.4).lowercased(), latitude: latitude) {
                return value
            }
        }
        return nil
    }

    /// A signed decimal coordinate from its parts; nil when sign and hemisphere disagree or
    /// the value is out of range.
    static func decimal(sign: String, whole: String, fraction: String, hemisphere: String?, latitude: Bool) -> StampCoordinate? {
        if let hemisphere, !isHemisphere(hemisphere, latitude: latitude) { return nil }
        let negativeHemisphere = hemisphere.map { negative($0, latitude: latitude) } ?? false
        if sign == "-" && hemisphere != nil && !negativeHemisphere { return nil }
        let isNegative = sign == "-" || negativeHemisphere
        let printed = (isNegative ? "-" : "") + whole + "." + fraction
        guard let magnitude = Double(whole + "." + fraction), magnitude <= (latitude ? 90 : 180) else { return nil }
        return StampCoordinate(degrees: isNegative ? -magnitude : magnitude, printed: printed)
    }

    /// Whether a hemisphere word is one for this axis: N/S/U, LU/LS; E/W/T/B, BT/BB.
    static func isHemisphere(_ word: String, latitude: Bool) -> Bool {
        (latitude ? ["n", "s", "u", "lu", "ls"] : ["e", "w", "t", "b", "bt", "bb"]).contains(word.lowercased())
    }

    /// South (S, LS: Lintang Selatan) and west (W, B, BB: Bujur Barat) are negative.
    static func negative(_ word: String, latitude: Bool) -> Bool {
        (latitude ? ["s", "ls"] : ["w", "b", "bb"]).contains(word.lowercased())
    }

    /// `1°40'41.2"S 105°26'13.9"E`, also degrees and decimal minutes (`1°40.687'S`): the
    /// hemisphere letter is required.
    static func sexagesimal(in text: String) -> (StampCoordinate?, StampCoordinate?) {
        let pattern = #/(?:^|[^\d.])(\d{1,3})\s*°\s*(\d{1,2}(?:[.,]\d{1,4})?)\s*'\s*(?:(\d{1,2}(?:[.,]\d{1,4})?)\s*"\s*)?([NSEWUTB])(?![a-zA-Z])/#
        var latitude: StampCoordinate?, longitude: StampCoordinate?
        for match in text.matches(of: pattern) {
            let letter = String(match.output.4)
            let isLatitude = ["N", "S", "U"].contains(letter)
            guard (isLatitude ? latitude : longitude) == nil,
                  let degrees = Double(String(match.output.1)),
                  let minutes = Double(match.output.2.replacingOccurrences(",", with: ".")), minutes < 60 else { continue }
            var seconds = 0.0
            var printed = "\(match.output.1)°\(match.output.2.replacingOccurrences(",", with: "."))'"
            if let s = match.output.3 {
                guard match.output.2.allSatisfy({ $0.isNumber }), let value = Double(s.replacingOccurrences(",", with: ".")), value < 60 else { continue }
                seconds = value
                printed += "\(s.replacingOccurrences(",", with: "."))\""
            }
            printed += letter
            let magnitude = degrees + minutes / 60 + seconds / 3600
            guard magnitude <= (isLatitude ? 90 : 180) else { continue }
            let value = StampCoordinate(degrees: negative(letter, latitude: isLatitude) ? -magnitude : magnitude, printed: printed)
            if isLatitude { latitude = value } else { longitude = value }
        }
        return (latitude, longitude)
    }

    /// `-2.062081, 105.164478` or `2.062081 S 105.164478 E`: four decimals or more each, a comma
    /// between or both hemisphere letters.
    static func unlabelledPair(in text: String) -> (StampCoordinate?, StampCoordinate?)? {
        let pattern = #/(?:^|[^\d.,])([+-]?)(\d{1,2})\.(\d{4,8})(?!\d)\s*°?\s*([NS])?(?![a-zA-Z])\s*(,)?\s*([+-]?)(\d{1,3})\.(\d{4,8})(?!\d)\s*°?\s*([EW])?(?![a-zA-Z\d])/#
        for match in text.matches(of: pattern) {
            let latLetter = match.output.4.map(String.init), lonLetter = match.output.9.map(String.init)
            guard match.output.5 != nil || (latLetter != nil && lonLetter != nil) else { continue }
            guard let lat = decimal(sign: String(match.output.1), whole: String(match.output.2), fraction: String(match.output.3),
                                    hemisphere: latLetter?.lowercased(), latitude: true),
                  let lon = decimal(sign: String(match.output.6), whole: String(match.output.7), fraction: String(match.output.8),
                                    hemisphere: lonLetter?.lowercased(), latitude: false) else { continue }
            return (lat, lon)
        }
        return nil
    }

    // MARK: date, time, zone

    static let months: [String: Int] = [
        "januari": 1, "january": 1, "jan": 1,
        "februari": 2, "february": 2, "pebruari": 2, "feb": 2, "peb": 2,
        "maret": 3, "march": 3, "mar": 3,
        "april": 4, "apr": 4,
        "mei": 5, "may": 5,
        "juni": 6, "june": 6, "jun": 6,
        "juli": 7, "july": 7, "jul": 7,
        "agustus": 8, "august": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8,
        "september": 9, "sep": 9, "sept": 9,
        "oktober": 10, "october": 10, "okt": 10, "oct": 10,
        "november": 11, "nopember": 11, "nov": 11, "nop": 11,
        "desember": 12, "december": 12, "des": 12, "dec": 12,
    ]

    /// The first date in `line`: `17/04/2026`, `17-04-2026`, `2026-04-17`, `17 April 2026`,
    /// `17 Apr 2026`, `April 17, 2026`; and where it ends.
    static func date(in line: String) -> (date: CalendarDate, end: String.Index)? {
        var found: [(CalendarDate, String.Index, String.Index)] = []
        for m in line.matches(of: #/(?:^|[^\d])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d)/#) {
            if let day = Int(m.output.1), let month = Int(m.output.3), let year = Int(m.output.4),
               let date = plausible(year: year, month: month, day: day) {
                found.append((date, m.range.lowerBound, m.range.upperBound))
            }
        }
        for m in line.matches(of: #/(?:^|[^\d])(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/#) {
            if let year = Int(m.output.1), let month = Int(m.output.2), let day = Int(m.output.3),
               let date = plausible(year: year, month: month, day: day) {
                found.append((date, m.range.lowerBound, m.range.upperBound))
            }
        }
        for m in line.matches(of: #/(?:^|[^\d])(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})(?!\d)/#) {
            if let day = Int(m.output.1), let month = months[m.output.2.lowercased()], let year = Int(m.output.3),
               let date = plausible(year: year, month: month, day: day) {
                found.append((date, m.range.lowerBound, m.range.upperBound))
            }
        }
        for m in line.matches(of: #/\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?!\d)/#) {
            if let month = months[m.output.1.lowercased()], let day = Int(m.output.2), let year = Int(m.output.3),
               let date = plausible(year: year, month: month, day: day) {
                found.append((date, m.range.lowerBound, m.range.upperBound))
            }
        }
        guard let first = found.min(by: { $0.1 < $1.1 }) else { return nil }
        return (first.0, first.2)
    }

    /// A date with a year a photo of this century can carry.
    static func plausible(year: Int, month: Int, day: Int) -> CalendarDate? {
        guard (2000...2100).contains(year) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// A weekday name in the line (`Jumat`, `Jum'at`, `Friday`, `Fri`).
    static func weekday(in line: String) -> Weekday? {
        for word in line.split(whereSeparator: { !($0.isLetter || $0 == "'") }) {
            let key = word.filter(\.isLetter)
            // Three-letter English names only as a whole word followed by a comma or a date
            // (`Fri, 10 Apr`): "Sun" or "Sat" alone may be anything.
            guard key.count >= 3 else { continue }
            if let day = Weekday(name: String(key)) { return day }
        }
        return nil
    }

    /// A zone: `GMT +07:00`, `UTC+7`, `GMT+0700`, WIB (+07:00), WITA (+08:00), WIT (+09:00);
    /// and the line without it (so that `07:00` is not read as the time).
    static func zone(in line: String) -> (offset: UTCOffset, remainder: String)? {
        if let m = line.firstMatch(of: #/(?i)\b(?:gmt|utc)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?(?!\d)/#) {
            guard let hours = Int(m.output.2), hours <= 14 else { return nil }
            let minutes = m.output.3.flatMap { Int($0) } ?? 0
            guard [0, 30, 45].contains(minutes) else { return nil }
            let seconds = (m.output.1 == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
            var rest = line
            rest.replaceSubrange(m.range, with: " ")
            return (UTCOffset(seconds: seconds), rest)
        }
        if let m = line.firstMatch(of: #/\b(WITA|WIB|WIT)(?![A-Za-z])/#) {
            let hours = ["WIB": 7, "WITA": 8, "WIT": 9][String(m.output.1)] ?? 7
            var rest = line
            rest.replaceSubrange(m.range, with: " ")
            return (UTCOffset(seconds: hours * 3600), rest)
        }
        return nil
    }

    /// A time: `09:15`, `09:15:32`, `02:05 PM`, and with `dotAllowed` (on the date's line)
    /// `10.20`. Hours of a 12-hour time are 1-12.
    static func clock(in line: String, dotAllowed: Bool) -> StampClock? {
        let pattern = #/(?i)(?:^|[^\d.,:°'])(\d{1,2})([:.])([0-5]\d)(?:\2([0-5]\d))?(?![\d.,:°'"])\s*(a\.?m\.?|p\.?m\.?)?(?![a-z])/#
        for m in line.matches(of: pattern) {
            guard dotAllowed || m.output.2 == ":", var hour = Int(m.output.1), let minute = Int(m.output.3) else { continue }
            if let half = m.output.5 {
                guard (1...12).contains(hour) else { continue }
                let pm = half.lowercased().hasPrefix("p")
                hour = hour % 12 + (pm ? 12 : 0)
            }
            guard hour < 24 else { continue }
            return StampClock(hour: hour, minute: minute, second: m.output.4.flatMap { Int($0) })
        }
        return nil
    }

    // MARK: places

    /// Whether the line names an administrative area.
    static func namesPlace(_ line: String) -> Bool {
        line.contains(#/(?i)\b(kecamatan|kec\.|kabupaten|kab\.|kota|desa|kelurahan|regency|district)(?![a-z])/#)
    }

    /// The kecamatan and kabupaten/kota named in the line.
    static func placesNamed(in line: String) -> [StampPlace] {
        var places: [StampPlace] = []
        // A name ends at a comma, a digit, a full stop, the line's end or the next area word
        // (OCR often loses the comma: "Kecamatan Kelapa Kabupaten Bangka Barat").
        for m in line.matches(of: #/(?i)\b(kecamatan|kec\.|kabupaten|kab\.|kota)\s*([A-Za-z][A-Za-z' ]{1,40}?)\s*(?=,|$|\d|\.|\b(?:kecamatan|kec\.|kabupaten|kab\.|kota)\b)/#) {
            let name = m.output.2.split(separator: " ").joined(separator: " ")
            let kind = m.output.1.lowercased()
            if kind.hasPrefix("kec") {
                places.append(.kecamatan(name))
            } else {
                places.append(.kabupaten(kind == "kota" ? "Kota \(name)" : name))
            }
        }
        return places
    }
}

extension String {
    /// This text with every `target` replaced (no Foundation).
    func replacingOccurrences(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var out = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        out += rest
        return out
    }
}

extension Substring {
    func replacingOccurrences(_ target: String, with replacement: String) -> String {
        String(self).replacingOccurrences(target, with: replacement)
    }
}
