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

    /// The status as a table shows it (in capitals in Indonesian, which has no short word for
    /// "review": `PERLU DIPERIKSA` is the widest status, 15 columns).
    public func status(_ status: PhotoStatus) -> String {
        switch status {
        case .ok: pick(id: "SESUAI", en: "ok")
        case .review: pick(id: "PERLU DIPERIKSA", en: "review")
        case .flagged: pick(id: "TIDAK SESUAI", en: "flagged")
        case .unreadable: pick(id: "TIDAK TERBACA", en: "unreadable")
        }
    }

    /// One line on what a reason code means.
    public func reason(_ code: ReasonCode) -> String {
        switch code {
        case .outsideRegency: pick(id: "diambil di luar batas wilayah", en: "taken outside the area")
        case .nearBoundary: pick(id: "dekat batas wilayah: perlu diperiksa petugas", en: "close to the boundary: a person must check")
        case .noGPS: pick(id: "tidak ada lokasi GPS", en: "no GPS position")
        case .invalidGPS: pick(id: "lokasi GPS tidak valid", en: "GPS position not valid")
        case .noCaptureTime: pick(id: "waktu pengambilan foto tidak ada", en: "no capture time")
        case .wrongDate: pick(id: "tanggal tidak sesuai", en: "wrong date")
        case .notWFHDay: pick(id: "bukan hari WFH", en: "not a work-from-home day")
        case .beforePolicyStart: pick(id: "diambil sebelum kebijakan WFH berlaku", en: "before the policy started")
        case .futureCaptureTime: pick(id: "waktu pengambilan foto di masa mendatang", en: "capture time in the future")
        case .gpsTimeMismatch: pick(id: "jam GPS dan jam kamera berbeda: tanggal mungkin telah diubah", en: "GPS clock and camera clock disagree: the date may have been edited")
        case .conflictingMetadata: pick(id: "salinan metadata dalam berkas saling bertentangan: perlu diperiksa petugas", en: "copies of the metadata in the file disagree: a person must check")
        case .invalidCaptureTime: pick(id: "tanggal, jam, atau zona waktu tercatat tetapi tidak valid", en: "a date, time or time offset is written but not valid")
        case .offsetMismatch: pick(id: "zona waktu kamera tidak sesuai dengan lokasi: jam kamera diragukan", en: "the camera's time offset does not match the place: the camera clock is in doubt")
        case .holiday: pick(id: "diambil pada hari libur nasional atau cuti bersama: bukan hari kerja", en: "taken on a national holiday or cuti bersama: not a working day")
        case .exemptEmployee: pick(id: "pegawai ini dikecualikan dari WFH dan harus bekerja di kantor", en: "this employee is exempt from working from home and must work in the office")
        case .notScheduled: pick(id: "kelompok pegawai ini tidak dijadwalkan WFH pada hari itu", en: "this employee's group was not scheduled to work from home that day")
        case .notInRoster: pick(id: "NIP tidak terdapat dalam daftar pegawai: perlu diperiksa petugas", en: "the NIP is not on the roster: a person must check")
        case .noEmployee: pick(id: "jalur berkas tidak memuat NIP: perlu diperiksa petugas", en: "the file's path names no NIP: a person must check")
        case .farFromHome: pick(id: "diambil jauh dari domisili yang terdaftar: perlu diperiksa petugas", en: "taken far from the registered home: a person must check")
        case .impossibleTravel: pick(id: "foto lain pegawai yang sama pada hari itu diambil terlalu jauh untuk ditempuh dalam selisih waktunya: perlu diperiksa petugas",
                                     en: "another photo of the same employee that day was taken too far away to travel in the time between: a person must check")
        case .duplicate: pick(id: "foto yang sama sudah dikirim oleh pegawai lain atau untuk hari lain", en: "the same picture was sent by another employee or for another day")
        case .edited: pick(id: "terdapat tanda berkas diolah dengan aplikasi penyunting gambar atau EXIF: perlu diperiksa petugas",
                           en: "signs that the file went through an image or EXIF editor: a person must check")
        case .repeatedCoordinates: pick(id: "koordinat persis sama dengan foto pegawai lain atau hari lain, seperti jejak aplikasi GPS palsu: perlu diperiksa petugas",
                                        en: "exactly the same coordinates as a photo of another employee or day, as fake-GPS apps leave: a person must check")
        case .stampOnly: pick(id: "lokasi atau waktu hanya dari stempel yang tercetak pada foto (mudah dipalsukan): perlu diperiksa petugas",
                              en: "the position or time comes only from the stamp printed on the picture (easy to forge): a person must check")
        case .stampMismatch: pick(id: "stempel yang tercetak pada foto tidak sesuai dengan data EXIF atau dengan lokasinya",
                                  en: "the stamp printed on the picture disagrees with the EXIF data or with its place")
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
        case .voidStatus: pick(id: "GPSStatus V: penerima GPS belum mendapat posisi yang valid", en: "GPSStatus V: the receiver had no valid fix")
        }
    }

    // MARK: Errors

    public func describe(_ error: PhotoError) -> String {
        switch error {
        case .cannotOpen(let reason): pick(id: "tidak dapat dibuka: \(systemError(reason))", en: "cannot be opened: \(reason)")
        case .notARegularFile: pick(id: "bukan berkas biasa (folder, FIFO, atau perangkat)", en: "not a regular file (a folder, FIFO or device)")
        case .readFailed(let reason): pick(id: "gagal dibaca: \(systemError(reason))", en: "read failed: \(reason)")
        case .emptyFile: pick(id: "berkas kosong (ukurannya 0): unggahan gagal?", en: "empty file (0 bytes): a failed upload?")
        case .notAPhoto(let kind?) where kind.isUnsupportedPhotoFormat:
            pick(id: "format foto tidak didukung: \(fileKind(kind)) (alat ini membaca JPEG, HEIC, AVIF, PNG, WebP, dan TIFF)",
                 en: "photo format not supported: \(fileKind(kind)) (this tool reads JPEG, HEIC, AVIF, PNG, WebP and TIFF)")
        case .notAPhoto(let kind?): pick(id: "bukan foto: \(fileKind(kind))", en: "not a photo: \(fileKind(kind))")
        case .notAPhoto(nil): pick(id: "bukan foto (isinya bukan JPEG, HEIC, PNG, WebP, atau TIFF)", en: "not a photo (the content is not JPEG, HEIC, PNG, WebP or TIFF)")
        case .damagedJPEG(let detail): pick(id: "JPEG rusak, gambarnya tidak dapat ditampilkan (\(detail))", en: "damaged JPEG, the image cannot be shown (\(detail))")
        case .crashedReader(let signal) where signal == 0:
            pick(id: "dua kali verify-photos berhenti mendadak (gagal, kehabisan memori, atau dihentikan) saat membaca berkas ini; berkas ini tidak dibaca lagi selama isinya sama. Mintalah foto aslinya dikirim ulang, dan simpan salinan berkas ini untuk pengembang",
                 en: "two runs of verify-photos died (crashed, ran out of memory or were killed) while reading this file; it is not read again while its content stays the same. Ask for the original photo again, and keep a copy of this file for the developers")
        case .crashedReader(let signal):
            pick(id: "pada pemeriksaan sebelumnya verify-photos berhenti mendadak (sinyal \(signal)) saat membaca berkas ini; berkas ini tidak dibaca lagi selama isinya sama. Mintalah foto aslinya dikirim ulang, dan simpan salinan berkas ini untuk pengembang",
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

    /// What the system said (`strerror`), in Indonesian for the errors a person meets (a full
    /// disk, a closed pipe, a missing file, no permission); other texts stay as the system wrote
    /// them. English is returned unchanged.
    public func systemError(_ reason: String) -> String {
        guard language == .indonesian else { return reason }
        for (code, words) in Messages.systemErrors {
            if let text = strerror(code), String(cString: text) == reason { return words }
        }
        return reason
    }

    /// A reason the library wrote in English for a file it could not read (a `PhotoError` in
    /// `Messages.english`, as a roster, holiday or boundary file's error carries it), in this
    /// language.
    func fileReason(_ reason: String) -> String {
        guard language == .indonesian else { return reason }
        let english = Messages.english
        for make in [PhotoError.cannotOpen(reason:), PhotoError.readFailed(reason:)] {
            let prefix = english.describe(make(""))
            if reason.hasPrefix(prefix) { return describe(make(String(reason.dropFirst(prefix.count)))) }
        }
        for error in [PhotoError.notARegularFile, .emptyFile] where english.describe(error) == reason {
            return describe(error)
        }
        return systemError(reason)
    }

    private static let systemErrors: [(Int32, String)] = [
        (EPIPE, "saluran keluaran tertutup (program penerima berhenti membaca)"),
        (ENOSPC, "disk penuh"),
        (EDQUOT, "kuota disk habis"),
        (ENOENT, "berkas atau folder tidak ada"),
        (ENOTDIR, "salah satu bagian jalurnya bukan folder"),
        (EISDIR, "yang dituju adalah folder, bukan berkas"),
        (EACCES, "tidak ada izin akses"),
        (EPERM, "tindakan tidak diizinkan"),
        (EROFS, "sistem berkas hanya dapat dibaca"),
        (EIO, "kesalahan masukan/keluaran pada disk"),
        (ELOOP, "terlalu banyak tautan simbolik"),
        (ENAMETOOLONG, "nama terlalu panjang"),
        (EMFILE, "terlalu banyak berkas terbuka"),
        (EEXIST, "sudah ada"),
        (EBUSY, "sedang dipakai"),
    ]

    public func describe(_ error: BoundaryError) -> String {
        switch error {
        case .cannotRead(let path, let reason): pick(id: "berkas batas wilayah \(path) tidak dapat dibaca: \(fileReason(reason))", en: "cannot read boundary file \(path): \(reason)")
        case .invalidGeoJSON(let path, let reason):
            pick(id: "berkas batas wilayah \(path) bukan GeoJSON yang valid (keterangan teknis: \(reason)); periksa berkasnya atau ekspor ulang sebagai GeoJSON",
                 en: "boundary file \(path) is not valid GeoJSON: \(reason)")
        case .noPolygons(let path): pick(id: "berkas batas wilayah \(path) tidak memuat Polygon atau MultiPolygon; batas wilayah harus berupa poligon", en: "boundary file \(path) holds no Polygon or MultiPolygon")
        case .noArea(let path):
            pick(id: "berkas batas wilayah \(path) tidak melingkupi wilayah: setiap cincin poligonnya memiliki kurang dari 3 titik berbeda atau semua titiknya segaris",
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
        return pick(id: "berkas batas wilayah \(path): titik ke-\(point) cincin ke-\(ring) fitur poligon ke-\(feature) bernilai [\(longitude), \(latitude)]: \(problem); posisi GeoJSON ditulis [bujur, lintang] dalam derajat",
                    en: "boundary file \(path): point \(point) of ring \(ring) of polygon feature \(feature) is [\(longitude), \(latitude)]: \(problem); GeoJSON positions are [longitude, latitude] in degrees")
            + (swapped ? pick(id: " (lintang dan bujur tertukar?)", en: " (are latitude and longitude swapped?)") : "")
    }

    // MARK: Places

    /// The place as a noun, for a table column: `Kota Pangkalpinang`, `laut`. Names are those
    /// of the boundary data (Kemendagri's list); JSON's `located_in` keeps its own codes.
    public func place(_ place: Place) -> String {
        switch place {
        case .inside(let name), .region(let name): name
        case .province(let name): pick(id: "Provinsi \(name)", en: "\(name) province")
        case .atSea: pick(id: "laut", en: "at sea")
        case .outsideIndonesia: pick(id: "luar Indonesia", en: "outside Indonesia")
        }
    }

    /// The place with its preposition, for a sentence: `di Kota Pangkalpinang`, `at sea`.
    func placePhrase(_ place: Place) -> String {
        switch place {
        case .atSea: pick(id: "di laut", en: "at sea")
        case .outsideIndonesia: pick(id: "di luar Indonesia", en: "outside Indonesia")
        default: pick(id: "di ", en: "in ") + self.place(place)
        }
    }

    /// A distance for people: whole metres below 1 km, one decimal below 100 km, whole km above;
    /// `-` when there is no finite distance (never traps, whatever the value).
    func distance(_ metres: Double) -> String {
        guard metres.isFinite else { return "-" }
        if abs(metres) < 1000 { return "\(decimal(metres, 0)) m" }
        if abs(metres) >= 100_000 { return "\(decimal(metres / 1000, 0)) km" }
        return "\(decimal(metres / 1000, 1)) km"
    }

    // MARK: Numbers

    /// A count with the language's thousands separator: `1.234` in Indonesian, `1,234` in English.
    public func number(_ value: Int) -> String {
        decimal(Double(value), 0)
    }

    /// `value` with `digits` decimals, written the language's way: `1.234,5` in Indonesian,
    /// `1,234.5` in English (one style per language, in every text a person reads).
    public func decimal(_ value: Double, _ digits: Int) -> String {
        let plain = Messages.fixed(value, digits)
        guard value.isFinite, !plain.contains("e") else { return plain }
        let negative = plain.hasPrefix("-")
        let unsigned = negative ? plain.dropFirst() : plain[...]
        let parts = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = Array(parts[0])
        var grouped = ""
        for (index, digit) in whole.enumerated() {
            if index > 0 && (whole.count - index) % 3 == 0 { grouped.append(pick(id: ".", en: ",")) }
            grouped.append(digit)
        }
        let fraction = parts.count > 1 ? pick(id: ",", en: ".") + parts[1] : ""
        return (negative ? "-" : "") + grouped + fraction
    }

    /// A position for people: `-2,061700; 105,164000` in Indonesian (a comma is its decimal
    /// sign), `-2.061700, 105.164000` in English.
    func position(latitude: Double, longitude: Double) -> String {
        decimal(latitude, 6) + pick(id: "; ", en: ", ") + decimal(longitude, 6)
    }

    // MARK: Hints

    /// What most likely happened, and what the employee should do instead.
    func hint(_ hint: EvidenceHint) -> String {
        let sendOriginal = pick(
            id: " Mintalah pegawai memotret ulang dengan lokasi kamera aktif dan mengirim foto aslinya sebagai dokumen/berkas, bukan sebagai gambar.",
            en: " Ask the employee to take the photo again with the camera's location on and to send the original as a document/file, not as a photo.")
        switch hint {
        case .whatsApp:
            return pick(id: "Nama berkas menunjukkan foto ini diunduh dari WhatsApp, yang menghapus lokasi dan tanggal bila foto dikirim sebagai gambar.",
                        en: "The file name shows this photo was saved from WhatsApp, which removes location and date when a photo is sent as an image.") + sendOriginal
        case .telegram:
            return pick(id: "Nama berkas menunjukkan foto ini diunduh dari Telegram, yang menghapus lokasi (atau seluruh data kamera) bila foto dikirim sebagai gambar.",
                        en: "The file name shows this photo was saved from Telegram, which removes the location (or all camera data) when a photo is sent as an image.") + sendOriginal
        case .screenshot:
            return pick(id: "Ini tangkapan layar, bukan foto dari kamera: tangkapan layar tidak memuat lokasi.",
                        en: "This is a screenshot, not a camera photo: screenshots carry no location.") + sendOriginal
        case .exifDamaged:
            return pick(id: "Blok EXIF foto ini rusak sehingga lokasi dan tanggalnya tidak terbaca: berkas mungkin rusak saat dikirim atau telah diubah dengan aplikasi penyunting.",
                        en: "This photo's EXIF block is damaged, so location and date cannot be read: the file may have been damaged in transfer or changed with an editor.") + sendOriginal
        case .exifStripped:
            return pick(id: "Foto ini sama sekali tidak memiliki data EXIF. Biasanya foto dikirim lewat aplikasi pesan (WhatsApp, Telegram) atau telah disunting, sehingga lokasi dan tanggalnya terhapus.",
                        en: "This photo has no EXIF data at all. Usually it was sent through a messenger (WhatsApp, Telegram) or edited, which strips location and date.") + sendOriginal
        case .positionRemoved:
            return pick(id: "Data kamera ada, tetapi koordinat GPS telah dihapus (oleh aplikasi pesan atau pilihan \"hapus lokasi\" saat berbagi).",
                        en: "The camera data is there but the GPS coordinates were removed (by a messenger or a \"remove location\" sharing option).") + sendOriginal
        case .locationOff:
            return pick(id: "Data kamera ada tanpa lokasi GPS: lokasi kamera dimatikan saat memotret.",
                        en: "The camera data has no GPS position: location was switched off in the camera.") + sendOriginal
        case .noFix:
            return pick(id: "Ponsel belum mendapat sinyal GPS saat memotret. Mintalah pegawai menunggu sampai lokasi terkunci (di luar ruangan lebih cepat), lalu memotret ulang.",
                        en: "The phone had no GPS fix when the photo was taken. Ask the employee to wait until the location is locked (outdoors helps) and take the photo again.")
        case .stampOnly:
            return pick(id: "Lokasi atau waktu foto ini hanya terbaca dari stempel yang tercetak pada gambar; EXIF-nya tidak memuatnya (biasanya karena dikirim lewat aplikasi pesan). Stempel mudah dipalsukan: foto asli yang dikirim sebagai dokumen/berkas, bukan sebagai foto, menyimpan GPS dan jam kamera dan merupakan bukti yang lebih baik.",
                        en: "This photo's position or time is read only from the stamp printed on the picture; its EXIF has none (usually because it was sent through a messenger). A stamp is easy to forge: the original file sent as a document/file, not as a photo, keeps the camera's GPS and clock and is better evidence.")
        }
    }

    // MARK: Batch

    /// The line that ends a batch: the counts by status, what was skipped or left for later,
    /// and what to do next about the photos that need a person.
    public func summary(_ summary: BatchSummary) -> String {
        pick(id: "\(number(summary.photos)) foto", en: "\(number(summary.photos)) \(photos(summary.photos))") + ": " + statusCounts(summary) + summaryTail(summary)
    }

    /// The summary of a `--only-new` report: `0 foto baru` on a night without new photos.
    func newPhotosSummary(_ summary: BatchSummary) -> String {
        let head = pick(id: "\(number(summary.photos)) foto baru", en: "\(number(summary.photos)) new \(photos(summary.photos))")
        return head + (summary.photos == 0 ? "" : ": " + statusCounts(summary)) + summaryTail(summary)
    }

    private func statusCounts(_ summary: BatchSummary) -> String {
        PhotoStatus.allCases.map { "\(number(summary.count(of: $0))) \(status($0).lowercased())" }.joined(separator: ", ")
    }

    private func summaryTail(_ summary: BatchSummary) -> String {
        var line = ""
        if summary.skippedFiles > 0 {
            line += pick(id: "; \(number(summary.skippedFiles)) berkas tersembunyi atau berkas sistem dilewati",
                         en: "; \(number(summary.skippedFiles)) hidden or system \(summary.skippedFiles == 1 ? "file" : "files") skipped")
        }
        if summary.stillUploading > 0 {
            line += pick(id: "; \(number(summary.stillUploading)) masih diunggah, diperiksa pada pemeriksaan berikutnya",
                         en: "; \(number(summary.stillUploading)) still uploading, left for the next run")
        }
        let missing = summary.missing.count
        if missing > 0 {
            line += pick(id: "; \(number(missing)) kali pegawai yang wajib WFH tidak mengirim foto (daftar di bawah)",
                         en: "; \(number(missing)) \(missing == 1 ? "time" : "times") an employee due to work from home sent no photo (listed below)")
        }
        let needed = summary.needingAPerson
        if needed > 0 {
            line += pick(id: ". \(number(needed)) foto perlu ditindaklanjuti petugas: `verify-photos BERKAS` menjelaskan satu foto, `--format explain` semuanya",
                         en: ". \(number(needed)) \(needed == 1 ? "needs" : "need") a person: `verify-photos FILE` explains one, `--format explain` all of them")
            if summary.withHints > 0 {
                line += pick(id: "; \(number(summary.withHints)) di antaranya memuat saran untuk pegawai",
                             en: "; \(number(summary.withHints)) \(summary.withHints == 1 ? "has" : "have") a hint for the employee")
            }
        }
        return line
    }

    /// The employees who were due to work from home and sent nothing, one line per employee and
    /// day (at most `limit`, then how many more); nothing when there are none.
    public func missingSubmissions(_ summary: BatchSummary, limit: Int = 100) -> [String] {
        let missing = summary.missing
        guard !missing.isEmpty else { return [] }
        var lines = [pick(id: "Wajib WFH tetapi tidak mengirim foto (\(number(missing.count))):",
                          en: "Due to work from home but sent no photo (\(number(missing.count))):")]
        for row in missing.prefix(limit) {
            let who = [row.name, row.unit.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
            lines.append(TerminalText.safe("  \(row.date) \(weekday(row.date.weekday))  \(row.nip)" + (who.isEmpty ? "" : "  " + who)))
        }
        if missing.count > limit {
            lines.append(pick(id: "  ... dan \(number(missing.count - limit)) lainnya: --ledger BERKAS menulis semuanya",
                              en: "  ... and \(number(missing.count - limit)) more: --ledger FILE writes them all"))
        }
        return lines
    }

    /// Nothing was found to check (an empty folder, the wrong folder, an empty list).
    public func noPhotosFound(skipped: Int) -> String {
        pick(id: "tidak ada foto yang ditemukan", en: "no photos found")
            + (skipped == 0 ? "" : pick(id: "; \(number(skipped)) berkas tersembunyi atau berkas sistem dilewati",
                                        en: "; \(number(skipped)) hidden or system \(skipped == 1 ? "file" : "files") skipped"))
    }

    private func photos(_ count: Int) -> String {
        count == 1 ? "photo" : "photos"
    }

    /// A warning for a folder reached again through a symbolic link (e.g. a link loop).
    public func revisitedFolder(_ path: String) -> String {
        pick(id: "folder \(TerminalText.safe(path)) tercapai lagi melalui tautan simbolik (mungkin berputar); hanya diperiksa sekali",
             en: "folder \(TerminalText.safe(path)) reached again through a symbolic link (a loop?); checked once only")
    }

    /// A warning for a symbolic link in a walked folder that leads outside the given paths.
    public func linkOutside(_ path: String) -> String {
        pick(id: "tautan simbolik \(TerminalText.safe(path)) mengarah ke luar folder yang diberikan; tidak diperiksa",
             en: "symbolic link \(TerminalText.safe(path)) points outside the given folders; not checked")
    }

    public func stillUploading(_ path: String) -> String {
        pick(id: "\(TerminalText.safe(path)) mungkin masih diunggah; diperiksa pada pemeriksaan berikutnya",
             en: "\(TerminalText.safe(path)) may still be uploading; left for the next run")
    }

    /// One warning per run: photos dated in years the holiday calendar has no rows for.
    public func holidaysNotCovered(years: [Int]) -> String {
        let list = years.map(String.init).joined(separator: ", ")
        return pick(id: "kalender hari libur tidak mencakup tahun \(list): hari libur pada tahun itu tidak dinilai; tambahkan dengan --holidays BERKAS.csv",
                    en: "the holiday calendar does not cover \(list): holidays in that year were not judged; add them with --holidays FILE.csv")
    }

    /// How many photos were left for the next run because they may still be uploading.
    public func stillUploading(count: Int) -> String {
        pick(id: "\(number(count)) foto mungkin masih diunggah; diperiksa pada pemeriksaan berikutnya",
             en: "\(number(count)) \(photos(count)) may still be uploading; left for the next run")
    }

    public func stopped(photos: Int) -> String {
        pick(id: "dihentikan oleh sinyal setelah \(number(photos)) foto; laporan dan basis data pemeriksaan tetap utuh, sisanya diperiksa pada pemeriksaan berikutnya",
             en: "stopped by a signal after \(number(photos)) photos; report and state are consistent, the rest is left for the next run")
    }

    // MARK: Failures of a run

    /// `--output` without `--format`, named so that the format cannot be told.
    public func unknownOutputName(_ path: String) -> String {
        pick(id: "--output \(TerminalText.safe(path)): format laporan tidak dapat ditentukan dari nama berkas; akhiri namanya dengan .jsonl, .ndjson, .json, .csv, .html, .xlsx, .geojson atau .kml, atau pilih --format",
             en: "--output \(TerminalText.safe(path)): cannot tell the report format from the file name; end it in .jsonl, .ndjson, .json, .csv, .html, .xlsx, .geojson or .kml, or give --format")
    }

    /// The list of `--files-from` could not be read.
    public func fileListUnreadable(_ path: String, reason: String) -> String {
        pick(id: "--files-from \(TerminalText.safe(path)): daftar berkas tidak dapat dibaca: \(systemError(reason))",
             en: "--files-from \(TerminalText.safe(path)): cannot read the list of files: \(reason)")
    }

    /// The state database is not a SQLite database or is corrupt: what to do about it.
    public func damagedState(_ path: String, detail: String) -> String {
        let safe = TerminalText.safe(path)
        return pick(id: "basis data pemeriksaan \(safe) rusak (keterangan SQLite: \(detail)). Pindahkan berkas itu, misalnya `mv \(safe) \(safe).rusak` (juga \(safe)-wal dan \(safe)-shm bila ada), lalu jalankan lagi: pemeriksaan berikutnya membuat basis data baru dan melaporkan setiap foto sekali lagi, juga dengan --only-new",
                    en: "the state database \(safe) is damaged (\(detail)). Move it aside, e.g. `mv \(safe) \(safe).damaged` (and \(safe)-wal and \(safe)-shm if they exist), and run again: the next run starts a new state and reports every photo once again, with --only-new too")
    }

    /// A failure that ends a run (exit status 2), as the nightly job's mail or log shows it:
    /// when (`time`, ISO 8601 in WIB), the message, and the state the run used.
    public func failure(_ message: String, at time: Int64, statePath: String?) -> String {
        let t = WIB.localTime(utcSeconds: time)
        let stamp = "\(t.date)T\(pad(t.hour)):\(pad(t.minute)):\(pad(t.second))+07:00"
        var line = "verify-photos [\(stamp)]: \(message)"
        if let statePath, !message.contains(statePath) {
            line += pick(id: " (basis data pemeriksaan: ", en: " (state: ") + TerminalText.safe(statePath) + ")"
        }
        return line
    }

    public func progress(done: Int, total: Int) -> String {
        pick(id: "memeriksa \(number(done))/\(number(total)) foto", en: "checking \(number(done))/\(number(total)) photos")
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
            pick(id: "\(digits) tidak mungkin NIP: \(employeeNumberFlaw(flaw))",
                 en: "\(digits) is not a plausible NIP: \(employeeNumberFlaw(flaw))")
        case .otherEmployee(let number):
            pick(id: "jalur berkas juga memuat nomor pegawai lain, \(number); yang dipakai adalah nomor terakhir",
                 en: "the path also holds another employee number, \(number); the last one is used")
        case .impossibleDate(let text):
            pick(id: "\(text) bukan tanggal yang ada", en: "\(text) is not a real day")
        case .otherDate(let date):
            pick(id: "jalur berkas juga memuat tanggal lain, \(date); yang dipakai adalah tanggal terakhir",
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
            return pick(id: "digit 9–14 bukan tanggal pengangkatan pertama yang mungkin (PNS: tahun dan bulan sejak \(pns); PPPK: tahun sejak \(pppk); pada usia \(ages.lowerBound)–\(ages.upperBound) tahun)",
                        en: "digits 9–14 are no plausible first appointment (PNS: year and month from \(pns); PPPK: year from \(pppk); at age \(ages.lowerBound) to \(ages.upperBound))")
        case .gender:
            return pick(id: "digit 15 (jenis kelamin) bukan 1 atau 2", en: "digit 15 (gender) is neither 1 nor 2")
        case .serial:
            return pick(id: "nomor urut (digit 16–18) adalah 000", en: "the serial number (digits 16–18) is 000")
        }
    }
}

extension Messages {
    // MARK: Files and options a run cannot use (exit status 2)

    /// A roster or WFH schedule that cannot be used: the file, line and column, what is wrong
    /// and what to do.
    public func describe(_ error: RosterError) -> String {
        guard language == .indonesian else { return error.description }
        var place = "berkas \(error.source)"
        if let line = error.line { place += " baris \(line)" }
        if let column = error.column { place += ", kolom \(column)" }
        return "\(place): \(rosterProblem(error.problem))"
    }

    private func rosterProblem(_ problem: RosterError.Problem) -> String {
        switch problem {
        case .cannotRead(let reason): "tidak dapat dibaca: \(fileReason(reason))"
        case .tooLarge(let bytes):
            "berukuran \(number(Int(clamping: bytes))) byte, lebih besar daripada daftar pegawai atau jadwal mana pun (paling besar \(number(Int(clamping: DelimitedTable.maximumFileSize))) byte); apakah berkasnya benar?"
        case .notUTF8: "bukan teks UTF-8; simpan lembar kerja sebagai \"CSV UTF-8\""
        case .noHeader: "kosong: tidak ada baris judul kolom"
        case .noRows: "hanya berisi baris judul kolom, tanpa baris data"
        case .unterminatedQuote: "nilai yang diawali tanda petik tidak ditutup (kurang satu tanda \")"
        case .textAfterClosingQuote: "ada teks setelah tanda petik penutup; tanda petik di dalam nilai ditulis \"\""
        case .valueWithoutHeader: "ada nilai pada kolom tanpa judul; pindahkan ke kolom yang benar atau hapus"
        case .unknownColumn(let known): "judul kolom tidak dikenal (yang dikenal: \(known.joined(separator: ", ")))"
        case .repeatedColumn(let first): "kolom yang sama dengan \(first); pertahankan salah satunya"
        case .missingColumn(let name): "tidak ada kolom \(name)"
        case .emptyValue: "kosong; isi nilainya"
        case .notANIP(let text) where text.isEmpty: "kosong; setiap baris memerlukan NIP 18 angka"
        case .notANIP(let text):
            "\"\(text)\" bukan NIP 18 angka"
                + (text.lowercased().contains("e+") ? " (lembar kerja menyimpannya sebagai bilangan: ubah format kolom menjadi teks)" : "")
        case .repeatedNIP(let nip, let firstLine): "NIP \(nip) sudah ada di baris \(firstLine); setiap pegawai cukup satu baris"
        case .notYesNo(let text): "\"\(text)\" bukan ya/tidak, yes/no, 1/0, true/false, atau y/n"
        case .notANumber(let text): "\"\(text)\" bukan bilangan derajat desimal"
        case .outOfRange(let text, let limit): "\(text) di luar rentang -\(limit) sampai \(limit)"
        case .missingPartner(let given): "kosong, padahal \(given) diisi; titik domisili memerlukan lat dan lon"
        case .pointAndDesa: "desa dan titik lat/lon diisi pada satu baris; isi salah satunya saja"
        case .unknownDesa(let name): "\"\(name)\" bukan desa atau kelurahan di wilayah ini"
        case .notADate(let text): "\"\(text)\" bukan tanggal dengan format YYYY-MM-DD"
        case .notAWFHDay(let date, let allowed):
            "\(date) adalah hari \(weekday(date.weekday)), bukan hari WFH (\(Weekday.allCases.filter(allowed.contains).map(weekday).joined(separator: ", ")))"
        case .unknownGroup(let name, let known) where known.isEmpty:
            "kelompok \"\(name)\" tidak ada dalam daftar pegawai, yang sama sekali tidak memuat kelompok"
        case .unknownGroup(let name, let known): "kelompok \"\(name)\" tidak ada dalam daftar pegawai (kelompok yang ada: \(known.joined(separator: ", ")))"
        case .repeatedRow(let firstLine): "tanggal dan kelompok yang sama dengan baris \(firstLine); hapus salah satunya"
        }
    }

    /// A holiday file (`--holidays`) that cannot be used: file, line and column, and what to do.
    public func describe(_ error: HolidayFileError) -> String {
        guard language == .indonesian else { return error.description }
        let header = "baris judul harus memuat kolom tanggal, nama, jenis, dan sumber (atau date, name, kind, source)"
        switch error {
        case .cannotRead(let path, let reason):
            return "berkas hari libur \(path) tidak dapat dibaca: " + (reason.hasPrefix("larger than 1 MiB")
                ? "lebih besar dari 1 MiB, padahal daftar hari libur tidak sebesar itu; apakah berkasnya benar?" : fileReason(reason))
        case .notUTF8(let path, let line):
            return "berkas \(path) baris \(line): bukan teks UTF-8; simpan berkas sebagai \"CSV UTF-8\""
        case .missingColumn(let path, let line, let column):
            return "berkas \(path) baris \(line), kolom \(holidayColumn(column)): tidak ada; \(header)"
        case .unknownColumn(let path, let line, let column, let name):
            return "berkas \(path) baris \(line), kolom ke-\(column): \"\(name)\" bukan judul kolom yang dikenal; \(header)"
        case .repeatedColumn(let path, let line, let column):
            return "berkas \(path) baris \(line), kolom \(column): disebut dua kali pada baris judul (misalnya date dan tanggal adalah kolom yang sama); pertahankan salah satunya"
        case .fieldCount(let path, let line, let found, let expected) where found > expected:
            return "berkas \(path) baris \(line): \(found) nilai, padahal baris judul memuat \(expected) kolom; apit nama atau sumber yang memuat pemisah (, atau ;) dengan tanda petik ganda"
        case .fieldCount(let path, let line, let found, let expected):
            return "berkas \(path) baris \(line): \(found) nilai, padahal baris judul memuat \(expected) kolom; setiap baris memerlukan tanggal, nama, jenis, dan sumber"
        case .valueWithoutHeader(let path, let line, let column):
            return "berkas \(path) baris \(line), kolom ke-\(column): ada nilai pada kolom tanpa judul; pindahkan ke kolom tanggal, nama, jenis, atau sumber, atau hapus"
        case .badQuotes(let path, let line, let field):
            return "berkas \(path) baris \(line), nilai ke-\(field): nilai bertanda petik harus diakhiri tanda petik ganda tepat sebelum pemisah atau akhir baris; tanda petik di dalamnya ditulis \"\""
        case .badDate(let path, let line, let column, let value):
            return "berkas \(path) baris \(line), kolom \(column): \"\(value)\" bukan tanggal (YYYY-MM-DD)"
        case .unknownKind(let path, let line, let column, let value):
            return "berkas \(path) baris \(line), kolom \(column): \"\(value)\" bukan jenis hari libur; tulis libur-nasional atau cuti-bersama (atau national-holiday, joint-leave)"
        case .repeatedDate(let path, let line, let column, let date, let firstLine):
            return "berkas \(path) baris \(line), kolom \(column): \(date) sudah tercantum di baris \(firstLine); cukup satu baris untuk setiap tanggal"
        case .emptyName(let path, let line, let column):
            return "berkas \(path) baris \(line), kolom \(column): nama kosong; tulis nama hari libur (misalnya Hari Raya Natal)"
        }
    }

    /// The Indonesian header of a holiday file's column given by its English name.
    private func holidayColumn(_ english: String) -> String {
        ["date": "tanggal", "name": "nama", "kind": "jenis", "source": "sumber"][english] ?? english
    }

    /// `--employee-pattern` or `--date-pattern` that cannot be used, and how to write it.
    public func describe(_ error: UploadPathError) -> String {
        guard language == .indonesian else { return error.description }
        let quoted = "\(error.option.rawValue) '\(error.pattern)'"
        switch (error.problem, error.option) {
        case (.doesNotCompile(let reason), _):
            return "\(quoted) bukan ekspresi reguler yang valid (sintaks Regex Swift; keterangan teknis: \(reason))"
        case (.missingGroups, .employeePattern):
            return "\(quoted) tidak memuat kelompok bernama nip: tulis bagian yang merupakan NIP sebagai (?<nip>...), "
                + "misalnya '(?:^|[^0-9])(?<nip>[0-9]{18})(?![0-9])'"
        case (.missingGroups(let missing), .datePattern) where missing.count == 3:
            return "\(quoted) tidak memuat kelompok bernama date: tulis tanggalnya (YYYY-MM-DD atau YYYYMMDD) sebagai (?<date>...), "
                + "misalnya '(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})', atau bagian-bagiannya sebagai (?<year>...), (?<month>...), dan (?<day>...)"
        case (.missingGroups(let missing), .datePattern):
            return "\(quoted) tidak memuat kelompok bernama \(missing.joined(separator: " atau ")): berikan semua (?<year>...), "
                + "(?<month>...), dan (?<day>...), atau seluruh tanggal sebagai (?<date>...)"
        }
    }

    /// A report or ledger that could not be written: which, why, and that nothing was marked
    /// as reported.
    public func describe(_ error: OutputError) -> String {
        guard language == .indonesian else { return error.description }
        let output = error.output == "standard output" ? "keluaran standar (standard output)" : error.output
        return "laporan tidak dapat ditulis ke \(output): \(outputReason(error.reason))"
    }

    /// `OutputError.reason`: the system's words, or one of the writers' own.
    private func outputReason(_ reason: String) -> String {
        let placing = "cannot put the report in place: "
        if reason.hasPrefix(placing) { return "laporan tidak dapat dipindahkan ke tempatnya: " + systemError(String(reason.dropFirst(placing.count))) }
        switch reason {
        case "write error": return "kesalahan penulisan"
        case "out of memory": return "memori habis"
        case "the report could not be written in full": return "laporan tidak dapat ditulis seluruhnya"
        default: return systemError(reason)
        }
    }

    /// The state database, its lock or its crash notes cannot be used: what to do.
    public func describe(_ error: StateError) -> String {
        guard language == .indonesian else { return error.description }
        guard let problem = error.problem else { return "basis data pemeriksaan tidak dapat dipakai: \(error.description)" }
        func file(_ role: StateError.FileRole, _ path: String) -> String {
            (role == .lockFile ? "berkas kunci " : "berkas catatan kegagalan ") + path
        }
        switch problem {
        case .symbolicLink(let role, let path):
            return "\(file(role, path)) adalah tautan simbolik, yang dapat membuat pemeriksaan ini menimpa berkas lain; berkas itu tidak dipakai. Periksa siapa yang membuatnya, hapus, lalu jalankan lagi"
        case .cannotOpen(let role, let path, let reason):
            return "\(file(role, path)) tidak dapat dibuka: \(systemError(reason))"
        case .cannotExamine(let role, let path, let reason):
            return "\(file(role, path)) tidak dapat diperiksa: \(systemError(reason))"
        case .notRegularFile(let role, let path):
            return "\(file(role, path)) bukan berkas biasa; berkas itu tidak dipakai. Hapus, lalu jalankan lagi"
        case .otherOwner(let role, let path, let uid):
            return "\(file(role, path)) milik pengguna lain (uid \(uid)), yang dapat menahannya dan menghalangi setiap pemeriksaan; berkas itu tidak dipakai. "
                + "Hapus berkas itu (pemeriksaan berikutnya membuat yang baru) dan pastikan foldernya hanya dapat ditulisi pengguna ini"
        case .hardLinks(let role, let path, let names):
            return "\(file(role, path)) memiliki tautan keras lain (\(names) nama), sehingga menulisinya akan mengubah berkas lain; berkas itu tidak dipakai. Hapus, lalu jalankan lagi"
        case .cannotMakePrivate(let role, let path, let reason):
            return "\(file(role, path)) tidak dapat dijadikan privat (mode 0600): \(systemError(reason))"
        case .cannotLock(let path, let reason):
            return "\(path) tidak dapat dikunci: \(systemError(reason))"
        case .locked(let statePath, let process, let waited):
            return "pemeriksaan verify-photos lain\(process.map { " (proses \($0))" } ?? "") sedang memakai basis data pemeriksaan \(statePath); "
                + "dihentikan setelah menunggu \(number(waited)) detik (--lock-timeout). Tunggu sampai pemeriksaan itu selesai, lalu jalankan lagi"
        case .stoppedWhileWaiting:
            return "dihentikan saat menunggu pemeriksaan verify-photos lain melepaskan basis data pemeriksaan"
        case .newerSchema(let path, let version, let known):
            return "basis data pemeriksaan \(path) ditulis oleh verify-photos yang lebih baru (skema \(version), versi ini mengenal skema \(known)): "
                + "jalankan versi yang lebih baru itu, atau berikan berkas baru pada --state (setiap foto lalu dilaporkan sekali lagi)"
        case .cannotEmptyCrashNotes(let reason):
            return "berkas catatan kegagalan tidak dapat dikosongkan: \(systemError(reason))"
        case .cannotOpenDatabase(let path, let message):
            return "basis data pemeriksaan \(path) tidak dapat dibuka (keterangan SQLite: \(message)); periksa izin folder dan berkasnya"
        }
    }

    /// A path named on the command line that does not exist.
    public func missingPath(_ path: String) -> String {
        pick(id: "berkas atau folder tidak ada: \(TerminalText.safe(path)); periksa penulisan jalurnya",
             en: "no such file or folder: \(TerminalText.safe(path))")
    }

    /// `--report-dir` could not be used or its reports could not be put in place.
    public func reportDirectoryFailed(_ error: OutputError) -> String {
        "--report-dir: " + describe(error)
    }

    /// Options that do not go together or values out of range, for the command line's own
    /// checks (the option names stay as typed).
    public func optionProblem(_ problem: OptionProblem) -> String {
        switch problem {
        case .noPaths:
            pick(id: "berikan sedikitnya satu berkas foto atau folder, atau --files-from BERKAS",
                 en: "give at least one photo file or folder, or --files-from FILE")
        case .needs(let option, let other):
            pick(id: "\(option) hanya dapat dipakai bersama \(other) BERKAS", en: "\(option) needs \(other) FILE")
        case .atLeastZero(let options):
            pick(id: "\(options.joined(separator: " dan ")) harus 0 atau lebih", en: "\(options.joined(separator: " and ")) must be 0 or more")
        case .moreThanZero(let option):
            pick(id: "\(option) harus lebih dari 0", en: "\(option) must be more than 0")
        case .range(let option, let low, let high):
            pick(id: "\(option) harus antara \(low) dan \(high)", en: "\(option) must be \(low) to \(high)")
        case .ledgerName(let option, let path):
            pick(id: "\(option) \(TerminalText.safe(path)): nama berkas harus berakhiran .jsonl, .csv atau .xlsx",
                 en: "\(option) \(TerminalText.safe(path)): the name must end in .jsonl, .csv or .xlsx")
        case .language(let given):
            pick(id: "VERIFY_PHOTOS_LANG harus id atau en, bukan \(TerminalText.safe(given)); pilih bahasa dengan --lang id atau --lang en",
                 en: "VERIFY_PHOTOS_LANG must be id or en, not \(TerminalText.safe(given)); choose with --lang id or --lang en")
        case .now(let given):
            pick(id: "--now harus berbentuk 2026-04-03T09:00:00+07:00, bukan \(TerminalText.safe(given))",
                 en: "--now must look like 2026-04-03T09:00:00+07:00, not \(TerminalText.safe(given))")
        }
    }
}

/// A problem with the command line's options that the option parser cannot see by itself.
public enum OptionProblem: Sendable, Equatable {
    /// No photo, folder or list to check.
    case noPaths
    /// `option` given without `other`, an option naming a file (`--null` without `--files-from`).
    case needs(String, String)
    /// These options must be 0 or more.
    case atLeastZero([String])
    case moreThanZero(String)
    /// An integer option outside `low...high`.
    case range(String, Int, Int)
    /// A ledger file whose name ends in neither `.jsonl` nor `.csv`.
    case ledgerName(String, String)
    /// `$VERIFY_PHOTOS_LANG` names neither language.
    case language(String)
    /// `--now` that does not parse.
    case now(String)
}
