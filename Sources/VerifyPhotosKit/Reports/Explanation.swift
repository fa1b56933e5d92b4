extension Messages {
    func weekday(_ day: Weekday) -> String {
        switch day {
        case .sunday: pick(id: "Minggu", en: "Sunday")
        case .monday: pick(id: "Senin", en: "Monday")
        case .tuesday: pick(id: "Selasa", en: "Tuesday")
        case .wednesday: pick(id: "Rabu", en: "Wednesday")
        case .thursday: pick(id: "Kamis", en: "Thursday")
        case .friday: pick(id: "Jumat", en: "Friday")
        case .saturday: pick(id: "Sabtu", en: "Saturday")
        }
    }

    func outcome(_ outcome: RuleOutcome) -> String {
        switch outcome {
        case .pass: pick(id: "[SESUAI] ", en: "[ok]   ")
        case .review: pick(id: "[PERIKSA]", en: "[CHECK]")
        case .fail: pick(id: "[GAGAL]  ", en: "[FAIL] ")
        case .notJudged: pick(id: "[  -  ]  ", en: "[  -  ]")
        }
    }

    /// An OpenStreetMap link that centres on the point with a marker.
    static func mapLink(_ p: GeoPoint) -> String {
        let lat = fixed(p.latitude, 6), lon = fixed(p.longitude, 6)
        return "https://www.openstreetmap.org/?mlat=\(lat)&mlon=\(lon)#map=16/\(lat)/\(lon)"
    }

    /// The full explanation a supervisor reads for one photo: every value read, every rule
    /// with its outcome, and where the photo was taken.
    public func explanation(of result: PhotoResult) -> [String] {
        var lines: [String] = []
        let verdict = result.verdict
        let headline = verdict.reasons.isEmpty ? "" : " — " + verdict.reasons.map(reason).joined(separator: "; ")
        lines.append(pick(id: "Foto:  ", en: "Photo: ") + result.path)
        lines.append(pick(id: "Hasil: ", en: "Result: ") + status(verdict.status) + headline)
        if let error = result.error {
            lines.append(pick(id: "Masalah: ", en: "Error: ") + describe(error))
        }
        lines += submissionLines(result.submission)
        guard let m = result.metadata else { return lines }

        lines.append("")
        lines.append(pick(id: "Data yang dibaca", en: "Values read"))
        func row(_ label: String, _ value: String?) {
            let padded = label.padded(to: 22)
            lines.append("  \(padded)\(value ?? pick(id: "(tidak ada)", en: "(none)"))")
        }
        var format = m.format.rawValue.uppercased()
        if let w = m.pixelWidth, let h = m.pixelHeight { format += ", \(w)×\(h)" }
        row("Format", format)
        row(pick(id: "EXIF", en: "EXIF"), m.hasExif ? pick(id: "ada", en: "present")
            : m.exifDamaged ? pick(id: "rusak, tidak terbaca", en: "damaged, unreadable") : nil)
        row(pick(id: "Kamera", en: "Camera"), [m.make, m.model].compactMap { $0 }.joined(separator: " ").nonEmpty)
        row(pick(id: "Perangkat lunak", en: "Software"), m.software)
        let gps = m.gps
        row(pick(id: "Lintang; bujur", en: "Latitude, longitude"), gps.decodedPosition.map { position(latitude: $0.latitude, longitude: $0.longitude) })
        row(pick(id: "Ketinggian", en: "Altitude"), gps.altitude.map { "\(decimal($0, 1)) m" })
        row(pick(id: "Akurasi GPS", en: "GPS accuracy"), gps.horizontalError.map { "±\(decimal($0, 1)) m" })
        row("GPSStatus", gps.status)
        row(pick(id: "Jam GPS (UTC)", en: "GPS time (UTC)"), gps.utcTimeISO8601)
        let unparsedOriginal = m.unparsedTimes.first { $0.tag == "DateTimeOriginal" }
        var original = m.dateTimeOriginal.map(\.description) ?? unparsedOriginal.map { "\"\($0.raw)\" " + pick(id: "(tidak valid)", en: "(not a date)") }
        if let offset = m.offsetTimeOriginal { original = (original ?? "") + " (\(offset))" }
        row("DateTimeOriginal", original)
        if m.dateTimeOriginal == nil { row("CreateDate", m.createDate.map(\.description)) }
        for value in m.unparsedTimes + m.unparsedPositions where value.tag != "DateTimeOriginal" {
            row(value.tag, "\"\(value.raw)\" " + pick(id: "(tidak valid)", en: "(not valid)"))
        }
        row("SubSecTimeOriginal", m.subSecTimeOriginal)
        if let t = verdict.captureTime {
            let source: String
            switch t.source {
            case .dateTimeOriginal: source = t.recordedOffset == nil ? pick(id: "DateTimeOriginal, dianggap WIB", en: "DateTimeOriginal, taken as WIB") : "DateTimeOriginal"
            case .createDate: source = t.recordedOffset == nil ? pick(id: "CreateDate, dianggap WIB", en: "CreateDate, taken as WIB") : "CreateDate"
            case .gpsTime: source = pick(id: "dari jam GPS", en: "from the GPS clock")
            case .stamp: source = t.recordedOffset == nil ? pick(id: "dari stempel pada foto, dianggap WIB", en: "from the stamp on the picture, taken as WIB")
                                                          : pick(id: "dari stempel pada foto", en: "from the stamp on the picture")
            }
            row(pick(id: "Waktu diambil (WIB)", en: "Taken at (WIB)"), "\(t.wibISO8601), \(weekday(t.wib.date.weekday)) (\(source))")
        } else {
            row(pick(id: "Waktu diambil (WIB)", en: "Taken at (WIB)"), nil)
        }

        if let stamp = verdict.stamp, !stamp.isStamp, stamp.placeLines.isEmpty {
            // OCR read something (a sign, a pattern, noise) that gives no date, position or place:
            // its text is in the JSON field, not put before a person as if it were a stamp.
            row(pick(id: "Stempel pada foto", en: "Stamp on the picture"),
                pick(id: "tidak ditemukan (ada teks terbaca, tanpa tanggal, posisi, atau tempat)",
                     en: "none found (text was read, with no date, position or place)"))
        } else if let stamp = verdict.stamp {
            row(pick(id: "Stempel pada foto", en: "Stamp on the picture"), result.stampText.map { "\"\($0)\"" })
            row(pick(id: "Stempel: posisi", en: "Stamp: position"),
                stamp.latitude.flatMap { lat in stamp.longitude.map { "\(lat.printed), \($0.printed)" } })
            row(pick(id: "Stempel: waktu", en: "Stamp: time"), result.stampTimeText)
            if !stamp.placeLines.isEmpty { row(pick(id: "Stempel: tempat", en: "Stamp: place"), stamp.placeLines.joined(separator: " | ")) }
        }

        if case .copiesAgree(let copies, _, let leftOut)? = verdict.check(.copiesAgree)?.rule,
           !copies.isEmpty || leftOut {
            lines.append("")
            lines.append(pick(id: "Salinan metadata lain dalam berkas", en: "Other copies of the metadata in the file"))
            for comparison in copies {
                lines.append("  \(self.outcome(comparison.disagrees ? .review : .pass)) \(copyDescription(comparison))")
            }
            if leftOut {
                lines.append("  \(self.outcome(.review)) " + pick(
                    id: "lebih dari \(MetadataBlocks.maxCopies) blok EXIF atau paket XMP: sisanya tidak dibaca",
                    en: "more than \(MetadataBlocks.maxCopies) EXIF blocks or XMP packets: the rest were not read"))
            }
        }

        lines.append("")
        lines.append(pick(id: "Aturan", en: "Rules"))
        for check in verdict.checks {
            lines.append("  \(self.outcome(check.outcome)) \(sentence(check))")
        }

        if let position = result.judgedPosition {
            lines.append("")
            if let location = verdict.location {
                if case .inside(let areaName) = location.place {
                    var parts: [String] = []
                    if let k = location.kecamatan { parts.append("Kecamatan \(k)") }
                    if let d = location.desa { parts.append(pick(id: "Desa/Kelurahan \(d)", en: "village \(d)")) }
                    parts.append(areaName)
                    lines.append(pick(id: "Lokasi: ", en: "Place: ") + parts.joined(separator: ", "))
                } else {
                    lines.append(pick(id: "Lokasi: ", en: "Place: ") + placePhrase(location.place))
                }
            }
            lines.append(pick(id: "Peta:   ", en: "Map:   ") + Messages.mapLink(position))
        }
        if let evidence = verdict.hint {
            lines.append("")
            lines.append(pick(id: "Saran: ", en: "Advice: ") + hint(evidence))
        }
        if verdict.status != .ok {
            lines.append("")
            lines.append(pick(
                id: "Catatan: lokasi palsu yang ditulis aplikasi GPS palsu (fake GPS) pada satu foto tampak seperti lokasi asli; yang dapat dikenali hanya koordinat yang sama persis pada beberapa foto.",
                en: "Note: a position a fake-GPS app wrote into one photo looks like a real one; only exactly the same coordinates on several photos are recognised."))
        }
        return lines
    }

    /// Who sent the photo and for which day, as its path says, with the roster's row and what
    /// in the path looked wrong; nothing when the path names neither.
    private func submissionLines(_ submission: Submission) -> [String] {
        guard submission.employee != nil || submission.submittedFor != nil || !submission.pathWarnings.isEmpty else { return [] }
        var lines = ["", pick(id: "Dari jalur berkas", en: "From the file's path")]
        func row(_ label: String, _ value: String) {
            lines.append("  \(label.padded(to: 22))\(value)")
        }
        if let employee = submission.employee {
            var who = employee.digits
            if let entry = submission.rosterEntry {
                let named = [entry.name, entry.position, entry.unit].compactMap { $0 }.joined(separator: ", ")
                who += (named.isEmpty ? "" : ", " + named) + pick(id: " (baris \(entry.line) daftar pegawai)", en: " (roster line \(entry.line))")
            }
            row("NIP", who)
        }
        if let day = submission.submittedFor {
            row(pick(id: "Untuk hari", en: "Submitted for"), "\(day), \(weekday(day.weekday))")
        }
        for warning in submission.pathWarnings {
            lines.append("  \(outcome(.review)) " + uploadPathWarning(warning))
        }
        return lines
    }

    /// One other copy of the metadata: where it is, what it says, how it compares.
    private func copyDescription(_ comparison: CopyComparison) -> String {
        let copy = comparison.copy
        let source: String
        switch copy.source {
        case .exifBlock(let index, let count): source = pick(id: "blok EXIF \(index) dari \(count)", en: "EXIF block \(index) of \(count)")
        case .repeatedTags(let index, let count): source = pick(id: "tag EXIF berulang, salinan \(index) dari \(count)", en: "repeated EXIF tags, copy \(index) of \(count)")
        case .xmp(let index): source = "XMP \(index)"
        }
        var values: [String] = []
        if let p = copy.position { values.append(position(latitude: p.latitude, longitude: p.longitude)) }
        if let t = copy.dateTimeOriginal { values.append("DateTimeOriginal \(t)" + (copy.offsetTimeOriginal.map { " (\($0))" } ?? "")) }
        if let t = copy.createDate { values.append("CreateDate \(t)") }
        if let t = copy.gpsTime { values.append(pick(id: "jam GPS ", en: "GPS time ") + iso8601UTC(t)) }
        var differences: [String] = []
        if let metres = comparison.distanceMetres {
            differences.append(distance(metres) + pick(id: " dari posisi yang dinilai", en: " from the position judged"))
        }
        if let day = comparison.otherDay {
            differences.append(pick(id: "hari lain: \(day) (\(weekday(day.weekday)))", en: "another day: \(day) (\(weekday(day.weekday)))"))
        } else if let seconds = comparison.timeDifferenceSeconds, seconds != 0 {
            differences.append(pick(id: "selisih waktu ", en: "time apart: ") + duration(abs(seconds)))
        }
        let said = values.isEmpty ? pick(id: "(tanpa lokasi atau waktu)", en: "(no position or time)") : values.joined(separator: "; ")
        return "\(source): \(said)" + (differences.isEmpty ? "" : " — " + differences.joined(separator: ", "))
    }

    /// What a rule asked and what it found, in one line.
    func sentence(_ check: RuleCheck) -> String {
        let yes = pick(id: "ya", en: "yes"), no = pick(id: "tidak", en: "no")
        switch check.rule {
        case .hasPosition:
            return pick(id: "Foto memuat lokasi GPS: ", en: "Photo has a GPS position: ") + (check.outcome == .pass ? yes : no)
                + (check.reason == .stampOnly ? stampStandsIn(position: true) : "")
        case .validPosition(let problem?):
            return pick(id: "Lokasi GPS valid: tidak, ", en: "GPS position valid: no, ") + gpsProblem(problem)
        case .validPosition(nil):
            return pick(id: "Lokasi GPS ada dan valid", en: "GPS position present and valid")
        case .insideArea(let areaName, nil):
            return pick(id: "Di dalam wilayah \(areaName): tidak dapat dinilai tanpa lokasi", en: "Inside \(areaName): cannot be judged without a position")
        case .insideArea(let areaName, let l?):
            let answer = l.inside ? yes : no + ", " + placePhrase(l.place)
            let away = distance(l.distanceToBoundary) + pick(id: " dari batas wilayah", en: " from the boundary")
            return pick(id: "Di dalam wilayah \(areaName): ", en: "Inside \(areaName): ") + "\(answer), \(away)"
        case .clearOfBoundary(let marginMetres, _):
            let margin = distance(marginMetres)
            return pick(id: "Lebih dari \(margin) dari batas wilayah (data batas wilayah hanya akurat hingga beberapa ratus meter)",
                        en: "More than \(margin) from the boundary (the boundary data is accurate to a few hundred metres)")
        case .offshore(let areaName, let reachMetres):
            let reach = distance(reachMetres)
            return pick(id: "Di laut dalam \(reach) dari pantai \(areaName), tanpa daratan lain yang lebih dekat (dermaga, rumah panggung): perlu diperiksa petugas",
                        en: "At sea within \(reach) of the coast of \(areaName), with no other land nearer (a jetty, a house on stilts): a person must check")
        case .hasCaptureTime:
            return pick(id: "Foto memuat waktu pengambilan: ", en: "Photo has a capture time: ") + (check.outcome == .pass ? yes : no)
                + (check.reason == .stampOnly ? stampStandsIn(position: false) : "")
        case .requiredDate(let required, let captured):
            return pick(id: "Tanggal pengambilan \(required): ", en: "Capture date \(required): ") + "\(captured)"
        case .workFromHomeDay(let allowed, let captured):
            let days = Weekday.allCases.filter(allowed.contains).map(weekday).joined(separator: ", ")
            return pick(id: "Hari WFH (\(days)): ", en: "Work-from-home day (\(days)): ") + weekday(captured)
        case .policyStarted(let start, let captured):
            return pick(id: "Tidak sebelum kebijakan berlaku (\(start)): ", en: "Not before the policy started (\(start)): ") + "\(captured)"
        case .notInFuture:
            return pick(id: "Tidak di masa mendatang", en: "Not in the future")
        case .offsetMatchesPlace(let expected, let recorded):
            return pick(id: "Zona waktu kamera sesuai lokasi (\(expected)): tidak, kamera mencatat \(recorded); tanggal dinilai dari jam GPS bila ada",
                        en: "Camera time offset matches the place (\(expected)): no, the camera recorded \(recorded); the date is judged by the GPS clock when there is one")
        case .validTimes(let unparsed):
            let rule = pick(id: "Setiap tanggal, jam, dan zona waktu yang tercatat valid", en: "Every date, time and time offset written is valid")
            guard !unparsed.isEmpty else { return rule }
            return rule + ": " + no + ", " + unparsed.map { "\($0.tag) \"\($0.raw)\"" }.joined(separator: ", ")
        case .copiesAgree(let copies, _, _):
            let disagreeing = check.rule.disagreeingCopies
            return disagreeing == 0
                ? pick(id: "Salinan metadata lain sesuai (\(copies.count))", en: "Other copies of the metadata agree (\(copies.count))")
                : pick(id: "Salinan metadata lain sesuai: tidak, \(disagreeing) bertentangan (lihat di atas)",
                       en: "Other copies of the metadata agree: no, \(disagreeing) disagree (see above)")
        case .clocksAgree(let limitSeconds, let skew?):
            let limit = duration(limitSeconds)
            return pick(id: "Jam GPS dan jam kamera selisih paling banyak \(limit): selisih ", en: "GPS clock and camera clock at most \(limit) apart: ") + duration(abs(skew))
        case .clocksAgree(_, nil):
            return pick(id: "Jam GPS dan jam kamera: tidak dapat dibandingkan (salah satu tidak ada)", en: "GPS clock against camera clock: cannot compare (one is missing)")
        case .submittedDay(let submitted, let captured):
            return pick(id: "Diambil pada tanggal folder unggahan (\(submitted)): ", en: "Taken on the day of the upload folder (\(submitted)): ") + "\(captured)"
        case .notAHoliday(let captured, let holiday?, _):
            let kind = holiday.kind == .jointLeave ? pick(id: "cuti bersama", en: "cuti bersama (joint leave)") : pick(id: "libur nasional", en: "national holiday")
            return pick(id: "Bukan hari libur: tidak, \(captured) adalah \(kind) \(holiday.name) (\(holiday.source))",
                        en: "Not a holiday: no, \(captured) is a \(kind), \(holiday.name) (\(holiday.source))")
        case .notAHoliday(let captured, nil, let covered):
            return covered ? pick(id: "Bukan hari libur nasional atau cuti bersama: \(captured)", en: "Not a national holiday or cuti bersama: \(captured)")
                : pick(id: "Hari libur: kalender libur tidak mencakup tahun \(captured.year) (tambahkan dengan --holidays)",
                       en: "Holidays: the holiday calendar does not cover \(captured.year) (add it with --holidays)")
        case .employeeNamed:
            return pick(id: "Jalur berkas memuat NIP pegawai: tidak", en: "The file's path names the employee's NIP: no")
        case .inRoster(let nip):
            return pick(id: "NIP \(nip) ada dalam daftar pegawai: ", en: "NIP \(nip) is on the roster: ") + (check.outcome == .pass ? yes : no)
        case .notExempt(let line, let position, let exemption):
            let row = pick(id: "baris \(line) daftar pegawai", en: "roster line \(line)")
            switch exemption {
            case nil: return pick(id: "Tidak dikecualikan dari WFH: ", en: "Not exempt from working from home: ") + (position.map { "\($0) (\(row))" } ?? row)
            case .marked?: return pick(id: "Tidak dikecualikan dari WFH: tidak, kolom dikecualikan pada \(row)", en: "Not exempt from working from home: no, the exempt column on \(row)")
            case .position(let phrase)?:
                return pick(id: "Tidak dikecualikan dari WFH: tidak, jabatan \"\(position ?? phrase)\" (\(phrase), butir 4a surat edaran; \(row))",
                            en: "Not exempt from working from home: no, position \"\(position ?? phrase)\" (\(phrase), point 4a of the circular letter; \(row))")
            }
        case .scheduled(let group, let day, let due, let scheduleLines):
            let groups = due.sorted().joined(separator: ", ")
            let lines = scheduleLines.map { $0.map(String.init).joined(separator: ", ") } ?? ""
            let source = scheduleLines != nil
                ? (scheduleLines?.isEmpty == false ? pick(id: "menurut jadwal, baris \(lines)", en: "by the schedule, line \(lines)")
                                                   : pick(id: "menurut jadwal, yang tidak memuat hari ini", en: "by the schedule, which has no row for this day"))
                : pick(id: "menurut giliran kelompok tiap Jumat kerja sejak awal kebijakan", en: "by the rotation of groups over working Fridays since the policy started")
            return pick(id: "Kelompok \(group ?? "-") dijadwalkan WFH pada \(day) (\(source): \(groups.isEmpty ? "tidak ada" : groups))",
                        en: "Group \(group ?? "-") scheduled to work from home on \(day) (\(source): \(groups.isEmpty ? "none" : groups))")
        case .nearHome(let home, let distanceMetres, let limitMetres):
            let place: String
            switch home {
            case .point(let latitude, let longitude): place = position(latitude: latitude, longitude: longitude)
            case .desa(let name): place = "Desa \(name)"
            }
            guard let distanceMetres else {
                return pick(id: "Dekat domisili terdaftar (\(place)): tidak dapat dinilai", en: "Near the registered home (\(place)): cannot be judged")
            }
            return pick(id: "Paling jauh \(distance(limitMetres)) dari domisili terdaftar (\(place)): ", en: "At most \(distance(limitMetres)) from the registered home (\(place)): ")
                + distance(distanceMetres)
        case .plausibleTravel(let compared, let legs, let limitKmh):
            let rule = pick(id: "Foto lain pegawai yang sama untuk hari yang sama (\(compared)) dapat dicapai dengan kecepatan paling tinggi \(number(Int(limitKmh))) km/jam: ",
                            en: "The other photos of the same employee for the same day (\(compared)) could be reached at \(number(Int(limitKmh))) km/h at most: ")
            guard !legs.isEmpty else { return rule + yes }
            return rule + no + ", " + legs.map(travelLeg).joined(separator: "; ")
        case .notReused(let matches, let count, let threshold):
            let rule = pick(id: "Gambar ini tidak dikirim pegawai lain atau untuk hari lain (sama persis, data gambar sama, atau mirip: jarak hash perseptual paling banyak \(threshold) dari 64 bit): ",
                            en: "The picture was not sent by another employee or for another day (the same file, the same image data, or alike: perceptual hashes at most \(threshold) of 64 bits apart): ")
            guard check.outcome != .notJudged else { return rule + pick(id: "tidak dapat dinilai (gambar tidak terbaca)", en: "cannot be judged (the picture could not be read)") }
            guard !matches.isEmpty else { return rule + yes }
            let more = count > matches.count ? pick(id: "; dan sedikitnya \(count - matches.count) lainnya", en: "; and at least \(count - matches.count) more") : ""
            return rule + (check.outcome == .pass ? yes : no) + ", " + matches.map(reuseMatch).joined(separator: "; ") + more
        case .distinctCoordinates(let repeats, let count):
            let rule = pick(id: "Koordinat tidak persis sama dengan foto pegawai lain atau hari lain: ",
                            en: "The coordinates are not exactly those of a photo of another employee or day: ")
            guard check.outcome != .notJudged else { return rule + pick(id: "tidak dapat dinilai (tanpa posisi)", en: "cannot be judged (no position)") }
            guard !repeats.isEmpty else { return rule + yes }
            let more = count > repeats.count ? pick(id: "; dan sedikitnya \(count - repeats.count) lainnya", en: "; and at least \(count - repeats.count) more") : ""
            return rule + no + ", " + repeats.map(coordinateRepeat).joined(separator: "; ") + more
        case .unedited(let signs, let compared):
            let rule = pick(id: "Tanpa tanda penyuntingan: ", en: "No sign of editing: ")
            let kept = signs.filter(\.sign.isKept)
            let unchecked = compared ? "" : pick(id: " (gambar kecil tidak dibandingkan dengan gambar utama: --compare-thumbnails)",
                                                 en: " (thumbnail not compared with the main image: --compare-thumbnails)")
            guard !kept.isEmpty else { return rule + yes + unchecked }
            return rule + no + ", " + kept.map { $0.explanation(in: language) }.joined(separator: "; ")
        case .stampAgrees(let comparison):
            let rule = pick(id: "Stempel pada foto sesuai dengan EXIF dan tempat yang disebutnya: ",
                            en: "The stamp printed on the picture agrees with the EXIF data and the place it names: ")
            return rule + (comparison.disagrees ? no : yes) + ", " + stampComparisonDetails(comparison).joined(separator: "; ")
        }
    }

    /// `; dinilai dari stempel pada foto (mudah dipalsukan)`.
    private func stampStandsIn(position: Bool) -> String {
        position ? pick(id: "; lokasi dibaca dari stempel yang tercetak pada foto (mudah dipalsukan)",
                        en: "; the position is read from the stamp printed on the picture (easy to forge)")
                 : pick(id: "; waktu dibaca dari stempel yang tercetak pada foto (mudah dipalsukan)",
                        en: "; the time is read from the stamp printed on the picture (easy to forge)")
    }

    /// Both values of each comparison the stamp rule made.
    private func stampComparisonDetails(_ c: StampComparison) -> [String] {
        var parts: [String] = []
        if let distanceMetres = c.distanceMetres, let exif = c.exifPosition, let stamp = c.stampPosition {
            let both = "EXIF \(Messages.fixed(exif.latitude, 6)), \(Messages.fixed(exif.longitude, 6)); "
                + pick(id: "stempel ", en: "stamp ") + "\(Messages.fixed(stamp.latitude, 6)), \(Messages.fixed(stamp.longitude, 6))"
            parts.append(pick(id: "posisi \(both) berjarak \(distance(distanceMetres)) (batas \(distance(c.limitMetres)))",
                              en: "positions \(both) are \(distance(distanceMetres)) apart (limit \(distance(c.limitMetres)))"))
        }
        if let difference = c.differenceSeconds, let exif = c.exifTime, let stamp = c.stampTime {
            let stampText = c.stampDayOnly ? "\(stamp.wib.date)" : stamp.wibISO8601
            if c.stampDayOnly {
                parts.append(pick(id: "waktu EXIF \(exif.wibISO8601); stempel hanya tanggal \(stampText)",
                                  en: "times EXIF \(exif.wibISO8601); stamp a date only, \(stampText)"))
            } else {
                parts.append(pick(id: "waktu EXIF \(exif.wibISO8601); stempel \(stampText): selisih \(duration(abs(difference))) (batas \(duration(c.limitSeconds)))",
                                  en: "times EXIF \(exif.wibISO8601); stamp \(stampText): \(duration(abs(difference))) apart (limit \(duration(c.limitSeconds)))"))
            }
        }
        for conflict in c.placeConflicts {
            parts.append(pick(id: "stempel menyebut \(conflict.named), tetapi posisinya di \(conflict.found)",
                              en: "the stamp names \(conflict.named), but the position is in \(conflict.found)"))
        }
        if c.checkedPlaces && c.placeConflicts.isEmpty {
            parts.append(pick(id: "tempat yang disebut stempel memuat posisinya", en: "the place the stamp names holds the position"))
        }
        return parts
    }

    /// `sama persis dengan FILE (pegawai lain, 2026-04-10)`.
    private func reuseMatch(_ match: ReuseMatch) -> String {
        let how: String
        switch match.kind {
        case .exact: how = pick(id: "sama persis (berkas identik) dengan ", en: "the same file as ")
        case .image: how = pick(id: "data gambar sama (metadata berbeda) dengan ", en: "the same image data (other metadata) as ")
        case .similar: how = pick(id: "gambar mirip (diubah ukuran atau dikompres ulang) dengan ", en: "a similar picture (resized or re-encoded) as ")
        }
        var notes: [String] = []
        if let distance = match.distance { notes.append(pick(id: "jarak hash \(distance) bit", en: "hash distance \(distance) bits")) }
        if match.otherSender { notes.append(pick(id: "pegawai lain", en: "another employee")) }
        if let day = match.otherDay { notes.append(pick(id: "hari lain: \(day)", en: "another day: \(day)")) }
        if !match.counts { notes.append(pick(id: "dikirim dua kali oleh pegawai yang sama untuk hari yang sama: tidak dihitung", en: "sent twice by the same employee for the same day: not counted")) }
        return how + match.otherPath + " (" + notes.joined(separator: ", ") + ")"
    }

    private func coordinateRepeat(_ repeated: CoordinateRepeat) -> String {
        var notes: [String] = []
        if repeated.otherSender { notes.append(pick(id: "pegawai lain", en: "another employee")) }
        if let day = repeated.otherDay { notes.append(pick(id: "hari lain: \(day)", en: "another day: \(day)")) }
        if notes.isEmpty { notes.append(pick(id: "pegawai dan hari yang sama, selisih lebih dari 10 menit", en: "the same employee and day, more than 10 minutes apart")) }
        return repeated.otherPath + " (" + notes.joined(separator: ", ") + ")"
    }

    /// `12,3 km dari FILE dalam 5 menit (148 km/jam setelah dikurangi ketidakakuratan GPS kedua foto)`.
    private func travelLeg(_ leg: TravelLeg) -> String {
        let apart = leg.seconds == 0 ? pick(id: "pada detik yang sama", en: "in the same second")
            : pick(id: "dalam ", en: "within ") + duration(leg.seconds)
        let speed = leg.speedKmh.map { " (\(decimal($0, 0)) " + pick(id: "km/jam setelah dikurangi ketidakakuratan GPS kedua foto)", en: "km/h beyond both GPS errors)") } ?? ""
        return distance(leg.distanceMetres) + pick(id: " dari ", en: " from ") + leg.otherPath + " " + apart + speed
    }

    func duration(_ seconds: Int64) -> String {
        if seconds < 120 || (seconds < 7200 && seconds % 60 != 0) { return "\(number(Int(seconds))) " + pick(id: "detik", en: "seconds") }
        if seconds < 7200 { return "\(seconds / 60) " + pick(id: "menit", en: "minutes") }
        if seconds < 172_800 { return "\(seconds / 3600) " + pick(id: "jam", en: "hours") }
        return "\(number(Int(seconds / 86_400))) " + pick(id: "hari", en: "days")
    }

    /// `value` with `digits` decimals, without Foundation's formatters.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "\(value)" }
        let digits = min(max(digits, 0), 15)
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 1e17 else { return "\(value)" }
        let whole = Int64(scaled) / Int64(scale), fraction = Int64(scaled) % Int64(scale)
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard digits > 0 else { return "\(sign)\(whole)" }
        let f = String(fraction)
        return "\(sign)\(whole).\(String(repeating: "0", count: digits - f.count))\(f)"
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}

extension String {
    /// The label and spaces up to `width` characters; a longer label keeps one space before its value.
    func padded(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}

/// `--format explain`: every value read and every rule's outcome, one block per photo.
public struct ExplanationReport: ReportWriter {
    let output: TextOutput
    let messages: Messages
    let color: Bool
    private var count = 0

    public init(output: TextOutput, messages: Messages, color: Bool) {
        self.output = output
        self.messages = messages
        self.color = color
    }

    public func row(for result: PhotoResult) -> [String] {
        messages.explanation(of: result).enumerated().map { index, line in
            let text = TerminalText.safe(line)
            return index == 1 && color ? TerminalText.colored(text, result.verdict.status) : text
        }
    }

    public mutating func write(_ row: [String]) {
        if count > 0 { output.line("") }
        count += 1
        row.forEach(output.line)
    }

    public mutating func finish(_ summary: BatchSummary) {
        if count > 1 {
            output.line("")
            output.line(messages.summary(summary))
        }
        let missing = messages.missingSubmissions(summary)
        if !missing.isEmpty {
            output.line("")
            missing.forEach(output.line)
        }
        output.flush()
    }
}
