/// The words of the HTML report that no other format uses.
enum HTMLLabel: CaseIterable {
    case documentTitle, subtitle, generatedAt, summaryHeading, byReason, byKecamatan, byDate, byUnit
    case missingHeading, mapHeading, mapTitle, zoomedMapTitle, offMapHeading, noMap, photosHeading, showLabel, all
    case sortHint, preview, status, file, takenAt, place, reasonsAndAdvice, valuesRead, openMap, noPosition, noDate
    case noReasons, advice, why, photosWord, total, count, reason, kecamatan, date, unit, staff, due, submitted, missing
    case nip, name, evidenceHeading, rulesHeading, printHint, north, employee, submittedFor, camera, software
    case latitudeLongitude, gpsAccuracy, gpsTime, format, emptyReport, noThumbnailUndecodable
    case noThumbnailLimit, outcome, legend, distanceToBoundary, explanationHeading, positionFromStamp
}

extension Messages {
    /// A label of the HTML report.
    func html(_ label: HTMLLabel) -> String {
        switch label {
        case .documentTitle: pick(id: "Laporan Pemeriksaan Foto WFH", en: "Work-from-home photo check")
        case .subtitle: pick(id: "Bukti foto ASN Pemerintah Kabupaten Bangka Barat yang bekerja dari rumah (Surat Edaran 800/61/BKPSDMD/2026)",
                             en: "Photo evidence of civil servants of Kabupaten Bangka Barat working from home (circular letter 800/61/BKPSDMD/2026)")
        case .generatedAt: pick(id: "Dibuat", en: "Made")
        case .summaryHeading: pick(id: "Ringkasan", en: "Summary")
        case .byReason: pick(id: "Menurut alasan", en: "By reason")
        case .byKecamatan: pick(id: "Menurut kecamatan", en: "By kecamatan (district)")
        case .byDate: pick(id: "Menurut tanggal", en: "By date")
        case .byUnit: pick(id: "Menurut unit kerja dan hari", en: "By unit and day")
        case .missingHeading: pick(id: "Wajib WFH tetapi tidak mengirim foto", en: "Due to work from home but sent no photo")
        case .mapHeading: pick(id: "Peta lokasi foto", en: "Map of the photos")
        case .mapTitle: pick(id: "Peta Kabupaten Bangka Barat dengan lokasi foto", en: "Map of Kabupaten Bangka Barat with the photos' positions")
        case .zoomedMapTitle: pick(id: "Peta sekitar lokasi foto", en: "Map around the photo's position")
        case .offMapHeading: pick(id: "Di luar peta", en: "Outside the map")
        case .noMap: pick(id: "Peta tidak tersedia.", en: "No map available.")
        case .photosHeading: pick(id: "Daftar foto", en: "Photos")
        case .showLabel: pick(id: "Tampilkan:", en: "Show:")
        case .all: pick(id: "Semua", en: "All")
        case .sortHint: pick(id: "Klik judul kolom untuk mengurutkan; klik titik pada peta untuk melihat fotonya.",
                             en: "Click a column heading to sort; click a dot on the map to see its photo.")
        case .preview: pick(id: "Pratinjau", en: "Preview")
        case .status: pick(id: "Hasil", en: "Result")
        case .file: pick(id: "Berkas", en: "File")
        case .takenAt: pick(id: "Waktu diambil (WIB)", en: "Taken (WIB)")
        case .place: pick(id: "Lokasi", en: "Place")
        case .reasonsAndAdvice: pick(id: "Alasan dan saran", en: "Reasons and advice")
        case .valuesRead: pick(id: "Data yang dibaca", en: "Values read")
        case .openMap: pick(id: "buka di OpenStreetMap", en: "open in OpenStreetMap")
        case .noPosition: pick(id: "tanpa lokasi", en: "no position")
        case .positionFromStamp: pick(id: "posisi dari stempel pada foto", en: "position from the stamp on the picture")
        case .noDate: pick(id: "tanpa tanggal", en: "no date")
        case .noReasons: pick(id: "semua aturan terpenuhi", en: "every rule passed")
        case .advice: pick(id: "Saran:", en: "Advice:")
        case .why: pick(id: "Sebab:", en: "Why:")
        case .photosWord: pick(id: "foto", en: "photos")
        case .total: pick(id: "Jumlah", en: "Total")
        case .count: pick(id: "Banyak foto", en: "Photos")
        case .reason: pick(id: "Alasan", en: "Reason")
        case .kecamatan: pick(id: "Kecamatan", en: "Kecamatan")
        case .date: pick(id: "Tanggal", en: "Date")
        case .unit: pick(id: "Unit kerja", en: "Unit")
        case .staff: pick(id: "Pegawai", en: "Staff")
        case .due: pick(id: "Wajib WFH", en: "Due")
        case .submitted: pick(id: "Mengirim", en: "Sent")
        case .missing: pick(id: "Tidak mengirim", en: "Sent nothing")
        case .nip: "NIP"
        case .name: pick(id: "Nama", en: "Name")
        case .evidenceHeading: pick(id: "Lembar bukti", en: "Evidence sheet")
        case .rulesHeading: pick(id: "Aturan yang diperiksa", en: "Rules checked")
        case .printHint: pick(id: "Untuk arsip: cetak halaman ini ke PDF (Ctrl+P, kertas A4).", en: "To file it: print this page to PDF (Ctrl+P, A4 paper).")
        case .north: pick(id: "U", en: "N")
        case .employee: pick(id: "Pegawai", en: "Employee")
        case .submittedFor: pick(id: "Untuk hari", en: "Submitted for")
        case .camera: pick(id: "Kamera", en: "Camera")
        case .software: pick(id: "Perangkat lunak", en: "Software")
        case .latitudeLongitude: pick(id: "Lintang, bujur", en: "Latitude, longitude")
        case .gpsAccuracy: pick(id: "Akurasi GPS", en: "GPS accuracy")
        case .gpsTime: pick(id: "Jam GPS (UTC)", en: "GPS time (UTC)")
        case .format: pick(id: "Format", en: "Format")
        case .emptyReport: pick(id: "Tidak ada foto dalam laporan ini.", en: "No photos in this report.")
        case .noThumbnailUndecodable: pick(id: "gambar tidak dapat ditampilkan", en: "picture cannot be shown")
        case .noThumbnailLimit: pick(id: "tanpa pratinjau (batas jumlah)", en: "no preview (limit reached)")
        case .outcome: pick(id: "Hasil", en: "Outcome")
        case .legend: pick(id: "Keterangan warna titik:", en: "Dot colours:")
        case .distanceToBoundary: pick(id: "dari batas wilayah", en: "from the boundary")
        case .explanationHeading: pick(id: "Penjelasan lengkap", en: "Full explanation")
        }
    }

    /// A status as a person says it, for headings, badges and the legend.
    func statusWord(_ status: PhotoStatus) -> String {
        switch status {
        case .ok: pick(id: "Sesuai", en: "OK")
        case .review: pick(id: "Perlu diperiksa", en: "Needs review")
        case .flagged: pick(id: "Tidak sesuai", en: "Flagged")
        case .unreadable: pick(id: "Tidak terbaca", en: "Unreadable")
        }
    }

    /// A rule's outcome in words, for the evidence sheet.
    func outcomeWord(_ outcome: RuleOutcome) -> String {
        switch outcome {
        case .pass: pick(id: "terpenuhi", en: "passed")
        case .review: pick(id: "perlu diperiksa", en: "needs review")
        case .fail: pick(id: "tidak terpenuhi", en: "failed")
        case .notJudged: pick(id: "tidak dinilai", en: "not judged")
        }
    }

    /// Why a photo has no preview: its format, or its picture could not be decoded.
    func noThumbnail(_ absence: Thumbnail.Absence) -> String {
        switch absence {
        case .format(let format?): pick(id: "tanpa pratinjau (\(format.rawValue.uppercased()))", en: "no preview (\(format.rawValue.uppercased()))")
        case .format(nil): pick(id: "tanpa pratinjau", en: "no preview")
        case .undecodable: html(.noThumbnailUndecodable)
        case .changedSinceChecked:
            pick(id: "tanpa pratinjau: berkas berubah setelah diperiksa", en: "no preview: the file changed after it was checked")
        case .notHashed:
            pick(id: "tanpa pratinjau (--metadata-only: berkas tidak di-hash)", en: "no preview (--metadata-only: the file was not hashed)")
        }
    }

    /// What the previews cover, under the table.
    func thumbnailNote(limit: Int, maxBytes: Int) -> String {
        pick(id: "Pratinjau dibuat untuk foto JPEG, HEIC dan AVIF, untuk paling banyak \(number(limit)) foto pertama, masing-masing paling besar \(maxBytes / 1000) kB; foto PNG, WebP dan TIFF tanpa pratinjau.",
             en: "Previews are made of JPEG, HEIC and AVIF photos, for the first \(number(limit)) photos at most, each at most \(maxBytes / 1000) kB; PNG, WebP and TIFF photos have none.")
    }

    /// `12 foto lain tidak digambar ...`: dots beyond the map's limit.
    func dotsNotDrawn(_ count: Int, limit: Int) -> String {
        pick(id: "\(number(count)) foto lain tidak digambar pada peta (paling banyak \(number(limit)) titik); semuanya ada dalam daftar.",
             en: "\(number(count)) more photos are not drawn on the map (at most \(number(limit)) dots); all of them are in the table.")
    }

    /// `... dan 12 lagi`.
    func andMore(_ count: Int) -> String {
        pick(id: "… dan \(number(count)) lagi", en: "… and \(number(count)) more")
    }

    /// A distance in whole kilometres, for the map's edge: `1.234 km`.
    func kilometres(_ metres: Double) -> String {
        guard metres.isFinite else { return "-" }
        return number(Int((metres / 1000).rounded())) + " km"
    }

    /// Eight compass directions, 0 = north, clockwise.
    func compass(_ direction: Int) -> String {
        let id = ["ke utara", "ke timur laut", "ke timur", "ke tenggara", "ke selatan", "ke barat daya", "ke barat", "ke barat laut"]
        let en = ["north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west"]
        let index = ((direction % 8) + 8) % 8
        return pick(id: id[index], en: en[index])
    }
}
