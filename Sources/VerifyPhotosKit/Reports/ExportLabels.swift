/// The words of the exports people open in other programs (the Excel workbook, KML): sheet
/// names, column headers, section titles. Kept apart from `Messages.swift` but in its voice.
extension Messages {
    func yesNo(_ value: Bool) -> String {
        value ? pick(id: "ya", en: "yes") : pick(id: "tidak", en: "no")
    }

    /// How an employee's day came out, as a word for a cell.
    func ledgerOutcome(_ outcome: LedgerOutcome) -> String {
        switch outcome {
        case .ok: status(.ok)
        case .review: status(.review)
        case .flagged: status(.flagged)
        case .unreadable: status(.unreadable)
        case .missing: pick(id: "TIDAK MENGIRIM", en: "missing")
        }
    }

    /// The label of an OpenStreetMap link.
    var mapLinkLabel: String { pick(id: "lihat peta", en: "show map") }

    // MARK: Sheet names (at most 31 characters, none of []:*?/\)

    var photoSheetName: String { pick(id: "Foto", en: "Photos") }
    var summarySheetName: String { pick(id: "Ringkasan", en: "Summary") }
    var ledgerSheetName: String { pick(id: "Kepatuhan", en: "Ledger") }
    var unitSheetName: String { pick(id: "Unit per hari", en: "Units by day") }
    var employeeSheetName: String { pick(id: "Pegawai", en: "Employees") }

    // MARK: Column headers

    /// The photo sheet's headers, in the order of `WorkbookReport.Column`.
    var photoSheetHeaders: [String] {
        [pick(id: "Status", en: "Status"), pick(id: "Alasan", en: "Reasons"),
         pick(id: "Waktu pengambilan (WIB)", en: "Taken (WIB)"), pick(id: "Untuk tanggal", en: "Submitted for"),
         "NIP", pick(id: "Nama", en: "Name"), pick(id: "Unit kerja", en: "Unit"), pick(id: "Jabatan", en: "Position"),
         "Kecamatan", "Desa", pick(id: "Lokasi", en: "Place"), pick(id: "Di dalam wilayah", en: "Inside the area"),
         pick(id: "Jarak ke batas (m)", en: "Distance to boundary (m)"), pick(id: "Lintang", en: "Latitude"),
         pick(id: "Bujur", en: "Longitude"), pick(id: "Peta", en: "Map"), pick(id: "Ketinggian (m)", en: "Altitude (m)"),
         pick(id: "Akurasi GPS (m)", en: "GPS accuracy (m)"), pick(id: "Waktu GPS (UTC)", en: "GPS time (UTC)"),
         pick(id: "Waktu kamera (tertulis)", en: "Camera time (as recorded)"), pick(id: "Merek", en: "Make"), "Model",
         pick(id: "Perangkat lunak", en: "Software"), "Format", pick(id: "Saran untuk pegawai", en: "Hint for the employee"),
         pick(id: "Kesalahan", en: "Error"), pick(id: "Foto sama dengan", en: "Same picture as"),
         pick(id: "Jenis kesamaan", en: "Kind of likeness"), pick(id: "Koordinat sama dengan", en: "Same position as"),
         pick(id: "Tanda penyuntingan", en: "Signs of editing"), pick(id: "Kode alasan", en: "Reason codes"),
         pick(id: "Berkas", en: "File")]
    }

    var ledgerSheetHeaders: [String] {
        ["NIP", pick(id: "Nama", en: "Name"), pick(id: "Unit kerja", en: "Unit"), pick(id: "Tanggal", en: "Date"),
         pick(id: "Wajib WFH", en: "Due"), pick(id: "Hasil", en: "Outcome"), pick(id: "Alasan", en: "Reasons"),
         pick(id: "Kode alasan", en: "Reason codes"), pick(id: "Foto", en: "Photos")]
    }

    var unitSheetHeaders: [String] {
        [pick(id: "Unit kerja", en: "Unit"), pick(id: "Tanggal", en: "Date"), pick(id: "Pegawai", en: "Staff"),
         pick(id: "Dikecualikan", en: "Exempt"), pick(id: "Dijadwalkan WFH", en: "Scheduled"),
         pick(id: "Porsi WFH", en: "WFH share"), pick(id: "Lebih dari separuh", en: "Over half"),
         pick(id: "Mengirim foto", en: "Submitted"), "OK", pick(id: "Tidak mengirim", en: "Missing")]
    }

    var employeeSheetHeaders: [String] {
        ["NIP", pick(id: "Nama", en: "Name"), pick(id: "Unit kerja", en: "Unit"), pick(id: "Hari wajib WFH", en: "Days due"),
         status(.ok), status(.review), status(.flagged), status(.unreadable), ledgerOutcome(.missing),
         pick(id: "Mengirim saat tidak wajib", en: "Sent when not due")]
    }

    // MARK: Summary sheet

    var summaryTitle: String { pick(id: "Ringkasan pemeriksaan foto WFH", en: "Summary of the WFH photo check") }
    var summaryPhotos: String { pick(id: "Jumlah foto", en: "Photos") }
    var summarySkipped: String { pick(id: "Berkas tersembunyi atau berkas sistem dilewati", en: "Hidden or system files skipped") }
    var summaryStillUploading: String { pick(id: "Masih diunggah (diperiksa pada putaran berikutnya)", en: "Still uploading (left for the next run)") }
    var summaryMissing: String { pick(id: "Wajib WFH tetapi tidak mengirim foto", en: "Due to work from home but sent no photo") }
    var summaryByStatus: String { pick(id: "Per status", en: "By status") }
    var summaryByReason: String { pick(id: "Per alasan", en: "By reason") }
    var summaryByKecamatan: String { pick(id: "Per kecamatan (atau tempat di luar wilayah)", en: "By kecamatan (or place outside the area)") }
    var summaryByDate: String { pick(id: "Per tanggal pengambilan (WIB)", en: "By capture date (WIB)") }
    var summaryCount: String { pick(id: "Jumlah", en: "Count") }
    var summaryCode: String { pick(id: "Kode", en: "Code") }
    var summaryTotal: String { pick(id: "Jumlah foto", en: "Photos") }
    var summaryDay: String { pick(id: "Hari", en: "Day") }
    var withoutPosition: String { pick(id: "tanpa posisi GPS", en: "no GPS position") }
    var withoutCaptureDate: String { pick(id: "tanpa waktu pengambilan", en: "no capture time") }

    /// A place outside the area, for the per-kecamatan count: `di luar wilayah: Kota Pangkalpinang`.
    func outsideArea(_ place: Place) -> String {
        pick(id: "di luar wilayah: ", en: "outside the area: ") + self.place(place)
    }

    /// Said on standard error after a map export that left photos out.
    public func photosWithoutPosition(_ count: Int, format: String) -> String {
        pick(id: "\(count) foto tanpa posisi GPS yang sah tidak dimuat dalam \(format); laporan csv, jsonl atau xlsx memuat semua foto",
             en: "\(count) \(count == 1 ? "photo" : "photos") without a valid GPS position left out of the \(format); a csv, jsonl or xlsx report lists every photo")
    }

    /// `--format xlsx` without a file to write to.
    public var workbookNeedsFile: String {
        pick(id: "--format xlsx menulis berkas Excel, bukan teks: berikan --output LAPORAN.xlsx (atau --report-dir FOLDER)",
             en: "--format xlsx writes an Excel file, not text: give --output REPORT.xlsx (or --report-dir DIR)")
    }

    /// `--excel` with another format than CSV.
    public var excelNeedsCSV: String {
        pick(id: "--excel hanya untuk keluaran csv (--format csv, atau --output NAMA.csv)",
             en: "--excel is for csv output (--format csv, or --output NAME.csv)")
    }
}
