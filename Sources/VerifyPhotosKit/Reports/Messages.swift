/// The languages a person can read reports in.
public enum Language: String, Sendable, CaseIterable {
    /// Bahasa Indonesia, the default: the tool's users are Indonesian civil servants.
    case indonesian = "id"
    case english = "en"
}

/// Every sentence a person reads, in one place so that it can be translated. Codes and field
/// names meant for scripts (reason codes, JSON keys) are not here: they never change.
public struct Messages: Sendable {
    public var language: Language

    public init(language: Language) {
        self.language = language
    }

    public static let english = Messages(language: .english)

    func pick(id: String, en: String) -> String {
        language == .indonesian ? id : en
    }

    // MARK: Statuses and reasons

    public func status(_ status: PhotoStatus) -> String {
        switch status {
        case .ok: pick(id: "OK", en: "ok")
        case .review: pick(id: "PERIKSA", en: "review")
        case .flagged: pick(id: "DITANDAI", en: "flagged")
        case .unreadable: pick(id: "TAK-TERBACA", en: "unreadable")
        }
    }

    /// One line on what a reason code means.
    public func reason(_ code: ReasonCode) -> String {
        switch code {
        case .outsideRegency: pick(id: "diambil di luar wilayah", en: "taken outside the area")
        case .nearBoundary: pick(id: "dekat batas wilayah: perlu diperiksa orang", en: "close to the boundary: a person must check")
        case .noGPS: pick(id: "tidak ada lokasi GPS", en: "no GPS position")
        case .invalidGPS: pick(id: "lokasi GPS tidak sah", en: "GPS position not valid")
        case .noCaptureTime: pick(id: "tidak ada waktu pengambilan", en: "no capture time")
        case .wrongDate: pick(id: "tanggal salah", en: "wrong date")
        case .notWFHDay: pick(id: "bukan hari WFH", en: "not a work-from-home day")
        case .beforePolicyStart: pick(id: "sebelum kebijakan berlaku", en: "before the policy started")
        case .futureCaptureTime: pick(id: "waktu pengambilan di masa depan", en: "capture time in the future")
        case .gpsTimeMismatch: pick(id: "jam GPS dan jam kamera berbeda: tanggal mungkin diubah", en: "GPS clock and camera clock disagree: the date may have been edited")
        case .conflictingMetadata: pick(id: "salinan metadata dalam berkas saling bertentangan: perlu diperiksa orang", en: "copies of the metadata in the file disagree: a person must check")
        case .invalidCaptureTime: pick(id: "tanggal, jam atau zona waktu tertulis tetapi tidak sah", en: "a date, time or time offset is written but not valid")
        case .offsetMismatch: pick(id: "zona waktu kamera tidak sesuai dengan lokasi: jam kamera diragukan", en: "the camera's time offset does not match the place: the camera clock is in doubt")
        case .holiday: pick(id: "diambil pada hari libur nasional atau cuti bersama: bukan hari kerja", en: "taken on a national holiday or cuti bersama: not a working day")
        case .exemptEmployee: pick(id: "pegawai ini dikecualikan dari WFH dan harus bekerja di kantor", en: "this employee is exempt from working from home and must work in the office")
        case .notScheduled: pick(id: "kelompok pegawai ini tidak dijadwalkan WFH pada hari itu", en: "this employee's group was not scheduled to work from home that day")
        case .notInRoster: pick(id: "NIP tidak ada dalam daftar pegawai: perlu diperiksa orang", en: "the NIP is not on the roster: a person must check")
        case .noEmployee: pick(id: "jalur berkas tidak memuat NIP: perlu diperiksa orang", en: "the file's path names no NIP: a person must check")
        case .farFromHome: pick(id: "diambil jauh dari domisili yang terdaftar: perlu diperiksa orang", en: "taken far from the registered home: a person must check")
        case .impossibleTravel: pick(id: "foto lain pegawai yang sama pada hari itu diambil terlalu jauh untuk ditempuh dalam selisih waktunya: perlu diperiksa orang",
                                     en: "another photo of the same employee that day was taken too far away to travel in the time between: a person must check")
        case .duplicate: pick(id: "foto yang sama sudah dikirim oleh pegawai lain atau untuk hari lain", en: "the same picture was sent by another employee or for another day")
        case .edited: pick(id: "ada tanda berkas diolah dengan penyunting gambar atau EXIF: perlu diperiksa orang",
                           en: "signs that the file went through an image or EXIF editor: a person must check")
        case .repeatedCoordinates: pick(id: "koordinat persis sama dengan foto pegawai lain atau hari lain, seperti jejak aplikasi GPS palsu: perlu diperiksa orang",
                                        en: "exactly the same coordinates as a photo of another employee or day, as fake-GPS apps leave: a person must check")
        }
    }

    func gpsProblem(_ problem: GPSProblem) -> String {
        switch problem {
        case .zeroDenominator: pick(id: "nilai koordinat dengan penyebut nol", en: "a coordinate with a zero denominator")
        case .malformed: pick(id: "tag koordinat rusak atau tidak lengkap", en: "coordinate tags damaged or incomplete")
        case .missingReference: pick(id: "arah koordinat (N/S/E/W) tidak ada", en: "coordinate direction (N/S/E/W) missing")
        case .unknownReference(let r): pick(id: "arah koordinat tidak dikenal: \(r)", en: "unknown coordinate direction: \(r)")
        case .outOfRange: pick(id: "lintang di luar ±90° atau bujur di luar ±180°", en: "latitude beyond ±90° or longitude beyond ±180°")
        case .nullIsland: pick(id: "tepat (0, 0): ponsel belum mendapat sinyal GPS", en: "exactly (0, 0): the phone had no GPS fix")
        case .voidStatus: pick(id: "GPSStatus V: penerima GPS tidak punya posisi yang sah", en: "GPSStatus V: the receiver had no valid fix")
        }
    }

    // MARK: Errors

    public func describe(_ error: PhotoError) -> String {
        switch error {
        case .cannotOpen(let reason): pick(id: "tidak dapat dibuka: \(reason)", en: "cannot be opened: \(reason)")
        case .notARegularFile: pick(id: "bukan berkas biasa (folder, FIFO atau perangkat)", en: "not a regular file (a folder, FIFO or device)")
        case .readFailed(let reason): pick(id: "gagal dibaca: \(reason)", en: "read failed: \(reason)")
        case .emptyFile: pick(id: "berkas kosong (0 bita): unggahan gagal?", en: "empty file (0 bytes): a failed upload?")
        case .notAPhoto(let kind?) where kind.isUnsupportedPhotoFormat:
            pick(id: "format foto tidak didukung: \(fileKind(kind)) (alat ini membaca JPEG, HEIC, AVIF, PNG, WebP dan TIFF)",
                 en: "photo format not supported: \(fileKind(kind)) (this tool reads JPEG, HEIC, AVIF, PNG, WebP and TIFF)")
        case .notAPhoto(let kind?): pick(id: "bukan foto: \(fileKind(kind))", en: "not a photo: \(fileKind(kind))")
        case .notAPhoto(nil): pick(id: "bukan foto (isinya bukan JPEG, HEIC, PNG, WebP atau TIFF)", en: "not a photo (the content is not JPEG, HEIC, PNG, WebP or TIFF)")
        case .damagedJPEG(let detail): pick(id: "JPEG rusak, gambar tidak dapat ditampilkan (\(detail))", en: "damaged JPEG, the image cannot be shown (\(detail))")
        case .crashedReader(let signal) where signal == 0:
            pick(id: "dua proses verify-photos berhenti mendadak (gagal, kehabisan memori atau dihentikan) saat membaca berkas ini; berkas tidak dibaca lagi selama isinya sama. Minta foto aslinya dikirim ulang, dan simpan salinan berkas ini untuk pengembang",
                 en: "two runs of verify-photos died (crashed, ran out of memory or were killed) while reading this file; it is not read again while its content stays the same. Ask for the original photo again, and keep a copy of this file for the developers")
        case .crashedReader(let signal):
            pick(id: "membaca berkas ini membuat verify-photos berhenti mendadak (sinyal \(signal)) pada proses sebelumnya; berkas tidak dibaca lagi selama isinya sama. Minta foto aslinya dikirim ulang, dan simpan salinan berkas ini untuk pengembang",
                 en: "reading this file crashed verify-photos (signal \(signal)) in an earlier run; it is not read again while its content stays the same. Ask for the original photo again, and keep a copy of this file for the developers")
        }
    }

    /// What a file that is not a photo is, as a noun: `PDF document`.
    func fileKind(_ kind: FileKind) -> String {
        switch kind {
        case .pdf: pick(id: "dokumen PDF", en: "PDF document")
        case .zip: pick(id: "arsip ZIP atau dokumen Office (DOCX, XLSX)", en: "ZIP archive or Office document (DOCX, XLSX)")
        case .video: pick(id: "video MP4 atau MOV", en: "MP4 or MOV video")
        case .gif: pick(id: "gambar GIF", en: "GIF image")
        case .bmp: pick(id: "gambar BMP", en: "BMP image")
        case .jpegXL: "JPEG XL"
        case .plainText: pick(id: "teks biasa", en: "plain text")
        }
    }

    public func describe(_ error: BoundaryError) -> String {
        switch error {
        case .cannotRead(let path, let reason): pick(id: "berkas batas wilayah \(path) tidak dapat dibaca: \(reason)", en: "cannot read boundary file \(path): \(reason)")
        case .invalidGeoJSON(let path, let reason): pick(id: "berkas batas wilayah \(path) bukan GeoJSON yang sah: \(reason)", en: "boundary file \(path) is not valid GeoJSON: \(reason)")
        case .noPolygons(let path): pick(id: "berkas batas wilayah \(path) tidak memuat Polygon atau MultiPolygon", en: "boundary file \(path) holds no Polygon or MultiPolygon")
        case .noArea(let path):
            pick(id: "berkas batas wilayah \(path) tidak melingkupi wilayah: setiap cincin poligonnya punya kurang dari 3 titik berbeda atau semua titiknya segaris",
                 en: "boundary file \(path) encloses no area: every polygon ring has fewer than 3 distinct points or all its points on one line")
        case .notLongitudeLatitude(let path, let feature, let ring, let point, let longitude, let latitude):
            notLongitudeLatitude(path: path, feature: feature, ring: ring, point: point, longitude: longitude, latitude: latitude)
        }
    }

    private func notLongitudeLatitude(path: String, feature: Int, ring: Int, point: Int, longitude: Double, latitude: Double) -> String {
        let problem = if !longitude.isFinite || !latitude.isFinite {
            pick(id: "bukan bilangan terhingga", en: "not a finite number")
        } else if abs(latitude) > 90 {
            pick(id: "lintang \(latitude) di luar ±90", en: "latitude \(latitude) is beyond ±90")
        } else {
            pick(id: "bujur \(longitude) di luar ±180", en: "longitude \(longitude) is beyond ±180")
        }
        let swapped = abs(latitude) > 90 && abs(latitude) <= 180 && abs(longitude) <= 90
        return pick(id: "berkas batas wilayah \(path): titik \(point) cincin \(ring) fitur poligon \(feature) adalah [\(longitude), \(latitude)]: \(problem); posisi GeoJSON ditulis [bujur, lintang] dalam derajat",
                    en: "boundary file \(path): point \(point) of ring \(ring) of polygon feature \(feature) is [\(longitude), \(latitude)]: \(problem); GeoJSON positions are [longitude, latitude] in degrees")
            + (swapped ? pick(id: " (lintang dan bujur tertukar?)", en: " (are latitude and longitude swapped?)") : "")
    }

    // MARK: Places

    /// The place as a noun, for a table column: `Kota Pangkal Pinang`, `laut`.
    public func place(_ place: Place) -> String {
        switch place {
        case .inside(let name), .region(let name): name
        case .province(let name): pick(id: "Provinsi \(name)", en: "\(name) province")
        case .atSea: pick(id: "laut", en: "at sea")
        case .outsideIndonesia: pick(id: "luar Indonesia", en: "outside Indonesia")
        }
    }

    /// The place with its preposition, for a sentence: `di Kota Pangkal Pinang`, `at sea`.
    func placePhrase(_ place: Place) -> String {
        switch place {
        case .atSea, .outsideIndonesia: pick(id: "di ", en: "") + self.place(place)
        default: pick(id: "di ", en: "in ") + self.place(place)
        }
    }

    /// A distance for people: whole metres below 1 km, one decimal below 100 km, whole km above;
    /// `-` when there is no finite distance (never traps, whatever the value).
    func distance(_ metres: Double) -> String {
        guard metres.isFinite else { return "-" }
        if abs(metres) < 1000 { return "\(Messages.fixed(metres, 0)) m" }
        if abs(metres) >= 100_000 { return "\(Messages.fixed(metres / 1000, 0)) km" }
        let km = "\(Messages.fixed(metres / 1000, 1)) km"
        return language == .indonesian ? km.replacingDot() : km
    }

    // MARK: Hints

    /// What most likely happened, and what the employee should do instead.
    func hint(_ hint: EvidenceHint) -> String {
        let sendOriginal = pick(
            id: " Minta pegawai memotret ulang dengan lokasi kamera aktif dan mengirim foto asli sebagai dokumen/berkas, bukan sebagai foto.",
            en: " Ask the employee to take the photo again with the camera's location on and to send the original as a document/file, not as a photo.")
        switch hint {
        case .whatsApp:
            return pick(id: "Nama berkas menunjukkan foto ini diunduh dari WhatsApp, yang menghapus lokasi dan tanggal saat foto dikirim sebagai gambar.",
                        en: "The file name shows this photo was saved from WhatsApp, which removes location and date when a photo is sent as an image.") + sendOriginal
        case .telegram:
            return pick(id: "Nama berkas menunjukkan foto ini diunduh dari Telegram, yang menghapus lokasi (atau seluruh data kamera) saat foto dikirim sebagai gambar.",
                        en: "The file name shows this photo was saved from Telegram, which removes the location (or all camera data) when a photo is sent as an image.") + sendOriginal
        case .screenshot:
            return pick(id: "Ini tangkapan layar, bukan foto dari kamera: tangkapan layar tidak memuat lokasi.",
                        en: "This is a screenshot, not a camera photo: screenshots carry no location.") + sendOriginal
        case .exifDamaged:
            return pick(id: "Blok EXIF foto ini rusak sehingga lokasi dan tanggal tidak terbaca: berkas mungkin rusak saat dikirim atau diubah dengan aplikasi penyunting.",
                        en: "This photo's EXIF block is damaged, so location and date cannot be read: the file may have been damaged in transfer or changed with an editor.") + sendOriginal
        case .exifStripped:
            return pick(id: "Foto ini tidak memiliki data EXIF sama sekali. Biasanya foto dikirim lewat aplikasi pesan (WhatsApp, Telegram) atau diedit, sehingga lokasi dan tanggal terhapus.",
                        en: "This photo has no EXIF data at all. Usually it was sent through a messenger (WhatsApp, Telegram) or edited, which strips location and date.") + sendOriginal
        case .positionRemoved:
            return pick(id: "Data kamera ada, tetapi koordinat GPS dihapus (oleh aplikasi pesan atau pilihan \"hapus lokasi\" saat berbagi).",
                        en: "The camera data is there but the GPS coordinates were removed (by a messenger or a \"remove location\" sharing option).") + sendOriginal
        case .locationOff:
            return pick(id: "Data kamera ada tanpa lokasi GPS: lokasi kamera dimatikan saat memotret.",
                        en: "The camera data has no GPS position: location was switched off in the camera.") + sendOriginal
        case .noFix:
            return pick(id: "Ponsel belum mendapat sinyal GPS saat memotret. Minta pegawai menunggu sampai lokasi terkunci (di luar ruangan membantu), lalu memotret ulang.",
                        en: "The phone had no GPS fix when the photo was taken. Ask the employee to wait until the location is locked (outdoors helps) and take the photo again.")
        }
    }

    // MARK: Batch

    /// The line that ends a batch: the counts by status, what was skipped or left for later,
    /// and what to do next about the photos that need a person.
    public func summary(_ summary: BatchSummary) -> String {
        pick(id: "\(summary.photos) foto", en: "\(summary.photos) \(photos(summary.photos))") + ": " + statusCounts(summary) + summaryTail(summary)
    }

    /// The summary of a `--only-new` report: `0 foto baru` on a night without new photos.
    func newPhotosSummary(_ summary: BatchSummary) -> String {
        let head = pick(id: "\(summary.photos) foto baru", en: "\(summary.photos) new \(photos(summary.photos))")
        return head + (summary.photos == 0 ? "" : ": " + statusCounts(summary)) + summaryTail(summary)
    }

    private func statusCounts(_ summary: BatchSummary) -> String {
        PhotoStatus.allCases.map { "\(summary.count(of: $0)) \(status($0).lowercased())" }.joined(separator: ", ")
    }

    private func summaryTail(_ summary: BatchSummary) -> String {
        var line = ""
        if summary.skippedFiles > 0 {
            line += pick(id: "; \(summary.skippedFiles) berkas tersembunyi atau berkas sistem dilewati",
                         en: "; \(summary.skippedFiles) hidden or system \(summary.skippedFiles == 1 ? "file" : "files") skipped")
        }
        if summary.stillUploading > 0 {
            line += pick(id: "; \(summary.stillUploading) masih diunggah, diperiksa pada putaran berikutnya",
                         en: "; \(summary.stillUploading) still uploading, left for the next run")
        }
        let missing = summary.missing.count
        if missing > 0 {
            line += pick(id: "; \(missing) kali pegawai yang wajib WFH tidak mengirim foto (daftar di bawah)",
                         en: "; \(missing) \(missing == 1 ? "time" : "times") an employee due to work from home sent no photo (listed below)")
        }
        let needed = summary.needingAPerson
        if needed > 0 {
            line += pick(id: ". \(needed) perlu diperiksa orang: `verify-photos BERKAS` menjelaskan satu, `--format explain` semuanya",
                         en: ". \(needed) \(needed == 1 ? "needs" : "need") a person: `verify-photos FILE` explains one, `--format explain` all of them")
            if summary.withHints > 0 {
                line += pick(id: "; \(summary.withHints) memuat saran untuk pegawai",
                             en: "; \(summary.withHints) \(summary.withHints == 1 ? "has" : "have") a hint for the employee")
            }
        }
        return line
    }

    /// The employees who were due to work from home and sent nothing, one line per employee and
    /// day (at most `limit`, then how many more); nothing when there are none.
    public func missingSubmissions(_ summary: BatchSummary, limit: Int = 100) -> [String] {
        let missing = summary.missing
        guard !missing.isEmpty else { return [] }
        var lines = [pick(id: "Wajib WFH tetapi tidak mengirim foto (\(missing.count)):",
                          en: "Due to work from home but sent no photo (\(missing.count)):")]
        for row in missing.prefix(limit) {
            let who = [row.name, row.unit.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
            lines.append(TerminalText.safe("  \(row.date) \(weekday(row.date.weekday))  \(row.nip)" + (who.isEmpty ? "" : "  " + who)))
        }
        if missing.count > limit {
            lines.append(pick(id: "  ... dan \(missing.count - limit) lagi: --ledger FILE menulis semuanya",
                              en: "  ... and \(missing.count - limit) more: --ledger FILE writes them all"))
        }
        return lines
    }

    /// Nothing was found to check (an empty folder, the wrong folder, an empty list).
    public func noPhotosFound(skipped: Int) -> String {
        pick(id: "tidak ada foto yang ditemukan", en: "no photos found")
            + (skipped == 0 ? "" : pick(id: "; \(skipped) berkas tersembunyi atau berkas sistem dilewati",
                                        en: "; \(skipped) hidden or system \(skipped == 1 ? "file" : "files") skipped"))
    }

    private func photos(_ count: Int) -> String {
        count == 1 ? "photo" : "photos"
    }

    /// A warning for a folder reached again through a symbolic link (e.g. a link loop).
    public func revisitedFolder(_ path: String) -> String {
        pick(id: "folder \(TerminalText.safe(path)) dicapai lagi lewat tautan simbolik (mungkin berputar); diperiksa sekali saja",
             en: "folder \(TerminalText.safe(path)) reached again through a symbolic link (a loop?); checked once only")
    }

    /// A warning for a symbolic link in a walked folder that leads outside the given paths.
    public func linkOutside(_ path: String) -> String {
        pick(id: "tautan simbolik \(TerminalText.safe(path)) menunjuk ke luar folder yang diberikan; tidak diperiksa",
             en: "symbolic link \(TerminalText.safe(path)) points outside the given folders; not checked")
    }

    public func stillUploading(_ path: String) -> String {
        pick(id: "\(TerminalText.safe(path)) mungkin masih diunggah; diperiksa pada putaran berikutnya",
             en: "\(TerminalText.safe(path)) may still be uploading; left for the next run")
    }

    /// How many photos were left for the next run because they may still be uploading.
    /// One warning per run: photos dated in years the holiday calendar has no rows for.
    public func holidaysNotCovered(years: [Int]) -> String {
        let list = years.map(String.init).joined(separator: ", ")
        return pick(id: "kalender hari libur tidak mencakup tahun \(list): hari libur tahun itu tidak dinilai; tambahkan dengan --holidays FILE.csv",
                    en: "the holiday calendar does not cover \(list): holidays in that year were not judged; add them with --holidays FILE.csv")
    }

    public func stillUploading(count: Int) -> String {
        pick(id: "\(count) foto mungkin masih diunggah; diperiksa pada putaran berikutnya",
             en: "\(count) \(photos(count)) may still be uploading; left for the next run")
    }

    public func stopped(photos: Int) -> String {
        pick(id: "dihentikan oleh sinyal setelah \(photos) foto; laporan dan state konsisten, sisanya diperiksa pada putaran berikutnya",
             en: "stopped by a signal after \(photos) photos; report and state are consistent, the rest is left for the next run")
    }

    // MARK: Failures of a run

    /// `--output` without `--format`, named so that the format cannot be told.
    public func unknownOutputName(_ path: String) -> String {
        pick(id: "--output \(TerminalText.safe(path)): format laporan tidak dapat ditentukan dari nama berkas; gunakan akhiran .jsonl, .ndjson, .json, .csv, .xlsx, .geojson atau .kml, atau pilih --format",
             en: "--output \(TerminalText.safe(path)): cannot tell the report format from the file name; end it in .jsonl, .ndjson, .json, .csv, .xlsx, .geojson or .kml, or give --format")
    }

    /// The list of `--files-from` could not be read.
    public func fileListUnreadable(_ path: String, reason: String) -> String {
        pick(id: "--files-from \(TerminalText.safe(path)): daftar berkas tidak dapat dibaca: \(reason)",
             en: "--files-from \(TerminalText.safe(path)): cannot read the list of files: \(reason)")
    }

    /// The state database is not a SQLite database or is corrupt: what to do about it.
    public func damagedState(_ path: String, detail: String) -> String {
        let safe = TerminalText.safe(path)
        return pick(id: "database state \(safe) rusak (\(detail)). Pindahkan ke samping, misalnya `mv \(safe) \(safe).rusak` (juga \(safe)-wal dan \(safe)-shm bila ada), lalu jalankan lagi: putaran berikutnya membuat state baru dan melaporkan setiap foto sekali lagi, juga dengan --only-new",
                    en: "the state database \(safe) is damaged (\(detail)). Move it aside, e.g. `mv \(safe) \(safe).damaged` (and \(safe)-wal and \(safe)-shm if they exist), and run again: the next run starts a new state and reports every photo once again, with --only-new too")
    }

    /// A failure that ends a run (exit status 2), as the nightly job's mail or log shows it:
    /// when (`time`, ISO 8601 in WIB), the message, and the state the run used.
    public func failure(_ message: String, at time: Int64, statePath: String?) -> String {
        let t = WIB.localTime(utcSeconds: time)
        let stamp = "\(t.date)T\(pad(t.hour)):\(pad(t.minute)):\(pad(t.second))+07:00"
        var line = "verify-photos [\(stamp)]: \(message)"
        if let statePath, !message.contains(statePath) {
            line += " (state: \(TerminalText.safe(statePath)))"
        }
        return line
    }

    public func progress(done: Int, total: Int) -> String {
        pick(id: "memeriksa \(done)/\(total) foto", en: "checking \(done)/\(total) photos")
    }

    public var tableHeader: [String] {
        [pick(id: "STATUS", en: "STATUS"), pick(id: "WAKTU (WIB)", en: "TAKEN (WIB)"),
         pick(id: "JARAK", en: "DISTANCE"), pick(id: "LOKASI", en: "PLACE"),
         pick(id: "ALASAN", en: "REASONS"), pick(id: "BERKAS", en: "FILE")]
    }
}

extension String {
    /// Indonesian writes decimals with a comma.
    func replacingDot() -> String {
        String(map { $0 == "." ? "," : $0 })
    }
}

extension Messages {
    // MARK: Upload paths

    /// The sentence for an upload path warning.
    public func uploadPathWarning(_ warning: UploadPathWarning) -> String {
        switch warning {
        case .pppkNumber(let number):
            pick(id: "\(number) adalah NI PPPK: digit 9–14 dibaca sebagai tahun pengangkatan dan kode PPPK, bukan bulan",
                 en: "\(number) is a PPPK number: digits 9–14 are read as the year of appointment and the PPPK code, not a month")
        case .implausibleNumber(let digits, let flaw):
            pick(id: "\(digits) bukan NIP yang mungkin: \(employeeNumberFlaw(flaw))",
                 en: "\(digits) is not a plausible NIP: \(employeeNumberFlaw(flaw))")
        case .otherEmployee(let number):
            pick(id: "jalur berkas juga memuat nomor pegawai lain, \(number); yang terakhir yang dipakai",
                 en: "the path also holds another employee number, \(number); the last one is used")
        case .impossibleDate(let text):
            pick(id: "\(text) bukan tanggal yang ada", en: "\(text) is not a real day")
        case .otherDate(let date):
            pick(id: "jalur berkas juga memuat tanggal lain, \(date); yang terakhir yang dipakai",
                 en: "the path also holds another day, \(date); the last one is used")
        }
    }

    func employeeNumberFlaw(_ flaw: EmployeeNumber.Flaw) -> String {
        let years = EmployeeNumber.birthYears
        switch flaw {
        case .length:
            return pick(id: "bukan 18 angka", en: "not 18 digits")
        case .birthDate:
            return pick(id: "digit 1–8 bukan tanggal lahir yang ada antara \(years.lowerBound) dan \(years.upperBound)",
                        en: "digits 1–8 are no real birth date from \(years.lowerBound) to \(years.upperBound)")
        case .appointment:
            let pns = EmployeeNumber.earliestPNSAppointment, pppk = EmployeeNumber.earliestPPPKAppointment
            let ages = EmployeeNumber.appointmentAges
            return pick(id: "digit 9–14 bukan pengangkatan pertama yang mungkin (PNS: tahun dan bulan sejak \(pns); PPPK: tahun sejak \(pppk); pada usia \(ages.lowerBound)–\(ages.upperBound) tahun)",
                        en: "digits 9–14 are no plausible first appointment (PNS: year and month from \(pns); PPPK: year from \(pppk); at age \(ages.lowerBound) to \(ages.upperBound))")
        case .gender:
            return pick(id: "digit 15 (jenis kelamin) bukan 1 atau 2", en: "digit 15 (gender) is neither 1 nor 2")
        case .serial:
            return pick(id: "nomor urut (digit 16–18) 000", en: "the serial number (digits 16–18) is 000")
        }
    }
}
