/// The cells of one photo's table row after the thumbnail: result, file and employee, capture
/// time, place with its OpenStreetMap link, reasons and advice in words, and the values read.
/// `data-key` holds what a column sorts by when its text would sort wrongly.
struct HTMLRow {
    let result: PhotoResult
    let messages: Messages

    var cells: String {
        let m = messages, v = result.verdict
        let rank = [PhotoStatus.ok: 0, .review: 1, .unreadable: 2, .flagged: 3][v.status] ?? 0
        var html = #"<td data-key="\#(rank)"><span class="badge" data-status="\#(v.status.rawValue)">\#(HTMLText.escape(m.statusWord(v.status)))</span></td>"#

        html += #"<td data-key="\#(HTMLText.escape(result.path))"><div class="path">\#(HTMLText.escape(result.path))</div>"#
        let submission = result.submission
        if let employee = submission.employee {
            let entry = submission.rosterEntry
            let who = [employee.digits, entry?.name, entry?.position, entry?.unit].compactMap { $0 }.joined(separator: " · ")
            html += #"<div class="who">\#(HTMLText.escape(who))</div>"#
        }
        if let day = submission.submittedFor {
            html += #"<div class="sub">\#(HTMLText.escape(m.html(.submittedFor))): \#(day) (\#(HTMLText.escape(m.weekday(day.weekday))))</div>"#
        }
        html += "</td>"

        if let t = v.captureTime {
            let wib = t.wib
            html += #"<td data-key="\#(t.utcSeconds)">\#(wib.date) \#(pad(wib.hour)):\#(pad(wib.minute))<div class="sub">\#(HTMLText.escape(m.weekday(wib.date.weekday)))</div></td>"#
        } else {
            html += #"<td data-key="">—</td>"#
        }

        html += "<td>" + HTMLRow.place(result, messages: m) + "</td>"

        html += "<td>"
        if v.reasons.isEmpty {
            html += #"<span class="sub">\#(HTMLText.escape(m.html(.noReasons)))</span>"#
        } else {
            html += #"<ul class="reasons">"# + v.reasons.map { "<li>\(HTMLText.escape(m.reason($0)))</li>" }.joined() + "</ul>"
        }
        if let error = result.error {
            html += #"<div><b>\#(HTMLText.escape(m.html(.why)))</b> \#(HTMLText.escape(m.describe(error)))</div>"#
        }
        if let hint = v.hint {
            html += #"<div class="sub"><b>\#(HTMLText.escape(m.html(.advice)))</b> \#(HTMLText.escape(m.hint(hint)))</div>"#
        }
        html += "</td>"

        html += "<td>" + HTMLRow.values(result, messages: m) + "</td>"
        return html
    }

    private func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Kecamatan and desa (or where outside), the distance to the boundary, and the map link.
    static func place(_ result: PhotoResult, messages m: Messages) -> String {
        guard let position = result.judgedPosition else {
            return #"<span class="sub">\#(HTMLText.escape(m.html(.noPosition)))</span>"#
        }
        var html = ""
        if result.verdict.positionSource == .stamp {
            html += #"<div class="sub">\#(HTMLText.escape(m.html(.positionFromStamp)))</div>"#
        }
        if let location = result.verdict.location {
            if case .inside(let area) = location.place {
                let parts = [location.kecamatan.map { "Kec. \($0)" }, location.desa, location.kecamatan == nil ? area : nil].compactMap { $0 }
                html += HTMLText.escape(parts.joined(separator: ", "))
            } else {
                html += HTMLText.escape(m.placePhrase(location.place))
            }
            html += #"<div class="sub">\#(HTMLText.escape(m.distance(location.distanceToBoundary))) \#(HTMLText.escape(m.html(.distanceToBoundary)))</div>"#
        }
        html += #"<div class="sub"><a href="\#(HTMLText.escape(mapLink(position)))" rel="noreferrer noopener" target="_blank">\#(HTMLText.escape(m.html(.openMap)))</a></div>"#
        return html
    }

    /// The point on OpenStreetMap, zoomed to the street (a link: the page itself loads nothing).
    static func mapLink(_ p: GeoPoint) -> String {
        let lat = Messages.fixed(p.latitude, 6), lon = Messages.fixed(p.longitude, 6)
        return "https://www.openstreetmap.org/?mlat=\(lat)&mlon=\(lon)#map=17/\(lat)/\(lon)"
    }

    /// The values read that a person checks first.
    static func values(_ result: PhotoResult, messages m: Messages) -> String {
        guard let meta = result.metadata else { return "" }
        var pairs: [(String, String)] = []
        if let p = meta.gps.decodedPosition {
            pairs.append((m.html(.latitudeLongitude), "\(Messages.fixed(p.latitude, 6)), \(Messages.fixed(p.longitude, 6))"))
        }
        if let e = meta.gps.horizontalError { pairs.append((m.html(.gpsAccuracy), "±\(Messages.fixed(e, 1)) m")) }
        if let t = meta.gps.utcTimeISO8601 { pairs.append((m.html(.gpsTime), t)) }
        if let t = meta.dateTimeOriginal { pairs.append(("DateTimeOriginal", t.description + (meta.offsetTimeOriginal.map { " (\($0))" } ?? ""))) }
        let camera = [meta.make, meta.model].compactMap { $0 }.joined(separator: " ")
        if !camera.isEmpty { pairs.append((m.html(.camera), camera)) }
        if let s = meta.software { pairs.append((m.html(.software), s)) }
        var format = meta.format.rawValue.uppercased()
        if let w = meta.pixelWidth, let h = meta.pixelHeight { format += ", \(w)×\(h)" }
        pairs.append((m.html(.format), format))
        return #"<dl class="values">"# + pairs.map { "<dt>\(HTMLText.escape($0.0))</dt><dd>\(HTMLText.escape($0.1))</dd>" }.joined() + "</dl>"
    }
}

/// The small facts of each photo kept for the summary and the map (not its row).
struct HTMLTally {
    var reasons: [ReasonCode: Int] = [:]
    /// Per kecamatan (or place outside, or no position): photos per status.
    var places: [String: [PhotoStatus: Int]] = [:]
    /// Sort keys of `places`: kecamatan first, then places outside, then no position.
    var placeOrder: [String: Int] = [:]
    /// Per day (`YYYY-MM-DD`, the upload folder's day, else the capture day): photos per status.
    var days: [String: [PhotoStatus: Int]] = [:]
    var dots: [MapDot] = []
    var dotsLeftOut = 0

    mutating func add(_ result: PhotoResult, row: String, messages m: Messages) {
        let v = result.verdict
        for reason in v.reasons { reasons[reason, default: 0] += 1 }
        let place: String, order: Int
        if let location = v.location {
            if case .inside(let area) = location.place {
                place = location.kecamatan ?? area
                order = 0
            } else {
                place = m.pick(id: "di luar wilayah: ", en: "outside: ") + m.place(location.place)
                order = 1
            }
        } else {
            place = m.html(.noPosition)
            order = 2
        }
        places[place, default: [:]][v.status, default: 0] += 1
        placeOrder[place] = order
        let day = result.submission.submittedFor?.description ?? v.captureTime?.wib.date.description ?? ""
        days[day, default: [:]][v.status, default: 0] += 1
        if let position = result.judgedPosition, position.latitude.isFinite, position.longitude.isFinite,
           abs(position.latitude) <= 90, abs(position.longitude) <= 180 {
            guard dots.count < MapDrawing.maxDots else {
                dotsLeftOut += 1
                return
            }
            let words = v.reasons.isEmpty ? m.statusWord(v.status) : m.statusWord(v.status) + ": " + v.reasons.map(m.reason).joined(separator: "; ")
            dots.append(MapDot(position: position, status: v.status, row: row, path: result.path, title: String((result.path + " — " + words).prefix(300)),
                               distanceToBoundary: v.location?.distanceToBoundary))
        }
    }
}

/// The summary section: counts per status, reason, kecamatan and day; with a roster, per unit
/// and day, and the employees due who sent nothing.
struct HTMLSummary {
    let tally: HTMLTally
    let summary: BatchSummary
    let messages: Messages
    /// Most rows of the unit and missing tables (the ledger files hold all of them).
    static let maxRows = 500

    var html: String {
        let m = messages
        var html = #"<section id="summary" class="card"><h2>\#(HTMLText.escape(m.html(.summaryHeading)))</h2>"#
        html += #"<p>\#(HTMLText.escape(m.summary(summary)))</p><div class="statuses">"#
        for status in PhotoStatus.allCases {
            html += #"<div class="stat" data-status="\#(status.rawValue)"><b>\#(m.number(summary.count(of: status)))</b>\#(HTMLText.escape(m.statusWord(status)))</div>"#
        }
        html += #"</div><div class="grid">"#

        if !tally.reasons.isEmpty {
            html += "<div><h3>\(HTMLText.escape(m.html(.byReason)))</h3>" + #"<table class="small"><thead><tr><th>\#(HTMLText.escape(m.html(.reason)))</th><th class="n">\#(HTMLText.escape(m.html(.count)))</th></tr></thead><tbody>"#
            let ordered = ReasonCode.allCases.filter { tally.reasons[$0] != nil }.sorted { tally.reasons[$0, default: 0] > tally.reasons[$1, default: 0] }
            for reason in ordered {
                html += #"<tr><td>\#(HTMLText.escape(m.reason(reason)))</td><td class="n">\#(m.number(tally.reasons[reason, default: 0]))</td></tr>"#
            }
            html += "</tbody></table></div>"
        }
        let places = tally.places.keys.sorted { (tally.placeOrder[$0] ?? 0, $0) < (tally.placeOrder[$1] ?? 0, $1) }
        html += countsTable(m.html(.byKecamatan), m.html(.kecamatan), places.map { ($0, tally.places[$0] ?? [:]) })
        let days = tally.days.keys.sorted().map { key -> (String, [PhotoStatus: Int]) in
            let label: String
            if let date = CalendarDate(iso: key) { label = "\(key) (\(m.weekday(date.weekday)))" } else { label = m.html(.noDate) }
            return (label, tally.days[key] ?? [:])
        }
        html += countsTable(m.html(.byDate), m.html(.date), days)
        html += "</div>"
        html += roster()
        return html + "</section>\n"
    }

    /// A table of photos per status for each row label.
    private func countsTable(_ heading: String, _ label: String, _ rows: [(String, [PhotoStatus: Int])]) -> String {
        guard !rows.isEmpty else { return "" }
        let m = messages
        var html = "<div><h3>\(HTMLText.escape(heading))</h3>" + #"<table class="small"><thead><tr><th>\#(HTMLText.escape(label))</th>"#
        for status in PhotoStatus.allCases { html += #"<th class="n">\#(HTMLText.escape(m.statusWord(status)))</th>"# }
        html += #"<th class="n">\#(HTMLText.escape(m.html(.total)))</th></tr></thead><tbody>"#
        for (name, counts) in rows {
            html += "<tr><td>\(HTMLText.escape(name))</td>"
            for status in PhotoStatus.allCases { html += #"<td class="n">\#(counts[status].map(m.number) ?? "")</td>"# }
            html += #"<td class="n">\#(m.number(counts.values.reduce(0, +)))</td></tr>"#
        }
        return html + "</tbody></table></div>"
    }

    /// Per unit and day, and who was due and sent nothing (with a roster only).
    private func roster() -> String {
        let m = messages
        var html = ""
        if let ledger = summary.ledger {
            let units = ledger.units
            if !units.isEmpty {
                html += "<h3>\(HTMLText.escape(m.html(.byUnit)))</h3>" + #"<table class="small"><thead><tr>"#
                for label: HTMLLabel in [.unit, .date] { html += "<th>\(HTMLText.escape(m.html(label)))</th>" }
                for label: HTMLLabel in [.staff, .due, .submitted] { html += #"<th class="n">\#(HTMLText.escape(m.html(label)))</th>"# }
                html += #"<th class="n">\#(HTMLText.escape(m.statusWord(.ok)))</th><th class="n">\#(HTMLText.escape(m.html(.missing)))</th></tr></thead><tbody>"#
                for unit in units.prefix(HTMLSummary.maxRows) {
                    html += "<tr><td>\(HTMLText.escape(unit.unit ?? "—"))</td><td>\(unit.date) (\(HTMLText.escape(m.weekday(unit.date.weekday))))</td>"
                    html += [unit.staff, unit.scheduled, unit.submitted, unit.ok, unit.missing].map { #"<td class="n">\#(m.number($0))</td>"# }.joined() + "</tr>"
                }
                if units.count > HTMLSummary.maxRows { html += #"<tr><td colspan="7">\#(HTMLText.escape(m.andMore(units.count - HTMLSummary.maxRows)))</td></tr>"# }
                html += "</tbody></table>"
            }
        }
        let missing = summary.missing
        if !missing.isEmpty {
            html += "<h3>\(HTMLText.escape(m.html(.missingHeading))) (\(m.number(missing.count)))</h3>" + #"<table class="small" id="missing"><thead><tr>"#
            for label: HTMLLabel in [.date, .nip, .name, .unit] { html += "<th>\(HTMLText.escape(m.html(label)))</th>" }
            html += "</tr></thead><tbody>"
            for row in missing.prefix(HTMLSummary.maxRows) {
                html += "<tr><td>\(row.date) (\(HTMLText.escape(m.weekday(row.date.weekday))))</td><td>\(HTMLText.escape(row.nip))</td><td>\(HTMLText.escape(row.name ?? "—"))</td><td>\(HTMLText.escape(row.unit ?? "—"))</td></tr>"
            }
            if missing.count > HTMLSummary.maxRows { html += #"<tr><td colspan="4">\#(HTMLText.escape(m.andMore(missing.count - HTMLSummary.maxRows)))</td></tr>"# }
            html += "</tbody></table>"
        }
        return html
    }
}

/// The evidence sheet of a one-photo run (the supervisor's spot check): the picture, a zoomed
/// map, every rule's outcome (`Messages.sentence`) and the full explanation
/// (`Messages.explanation`), laid out to print on one A4 page.
struct HTMLEvidenceSheet {
    let result: PhotoResult
    let messages: Messages

    var html: String {
        let m = messages, v = result.verdict
        var html = #"<section id="evidence" class="card"><h2>\#(HTMLText.escape(m.html(.evidenceHeading)))</h2>"#
        html += #"<p><span class="badge" data-status="\#(v.status.rawValue)">\#(HTMLText.escape(m.statusWord(v.status)))</span> <span class="path">\#(HTMLText.escape(result.path))</span></p>"#
        html += #"<div class="sheet"><div>"#
        if result.error == nil {
            switch Thumbnail.make(path: PhotoPath.parsing(printed: result.path), limits: .sheet, checkedSHA256: result.fingerprint?.fileSHA256) {
            case .success(let picture):
                html += #"<img alt="" width="\#(picture.width)" height="\#(picture.height)" src="\#(HTMLText.dataURI(jpeg: picture.jpeg))">"#
            case .failure(let absence) where absence == .changedSinceChecked || absence == .notHashed:
                html += #"<p class="sub">\#(HTMLText.escape(m.noThumbnail(absence)))</p>"#
            case .failure:
                break
            }
        }
        html += "</div><div>"
        if let position = result.judgedPosition, position.latitude.isFinite, position.longitude.isFinite,
           abs(position.latitude) <= 90, abs(position.longitude) <= 180 {
            let dot = MapDot(position: position, status: v.status, row: "r1", path: result.path, title: result.path, distanceToBoundary: v.location?.distanceToBoundary)
            html += MapDrawing.zoomedMap(dot, labels: m)
            html += "<div>" + HTMLRow.place(result, messages: m) + "</div>"
        } else {
            html += #"<p class="sub">\#(HTMLText.escape(m.html(.noPosition)))</p>"#
        }
        html += "</div></div>"
        html += "<h3>\(HTMLText.escape(m.html(.rulesHeading)))</h3>" + #"<table class="small"><thead><tr><th>\#(HTMLText.escape(m.html(.outcome)))</th><th>\#(HTMLText.escape(m.html(.rulesHeading)))</th></tr></thead><tbody>"#
        for check in v.checks {
            html += #"<tr><td class="outcome" data-outcome="\#(check.outcome)">\#(HTMLText.escape(m.outcomeWord(check.outcome)))</td><td>\#(HTMLText.escape(m.sentence(check)))</td></tr>"#
        }
        html += "</tbody></table>"
        html += "<h3>\(HTMLText.escape(m.html(.explanationHeading)))</h3>"
        // Every value read, as the explanation words it; its rule lines are the table above.
        var lines = m.explanation(of: result)
        if let start = lines.firstIndex(of: m.pick(id: "Aturan", en: "Rules")) {
            let end = lines[start...].firstIndex(of: "") ?? lines.endIndex
            lines.removeSubrange(start..<min(end + 1, lines.endIndex))
        }
        html += #"<pre class="explain">\#(lines.map(HTMLText.escape).joined(separator: "\n"))</pre>"#
        html += #"<p class="hint">\#(HTMLText.escape(m.html(.printHint)))</p>"#
        return html + "</section>\n"
    }
}
