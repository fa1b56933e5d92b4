/// A sign in a photo's metadata that the file was edited after the camera wrote it (review
/// reason `edited`). The raw values are the codes of the JSON field `edit_signs`.
///
/// Each sign was measured over 146 real camera and phone files (`../shared/corpus/real`, see
/// `EditSignsCorpusTests` and the README): only those that never fired on a file as its camera
/// wrote it are `isKept`; the others are still found, for a person who asks, but not reported.
public enum EditSign: String, Sendable, CaseIterable, Codable {
    /// EXIF Software or XMP CreatorTool names an image or EXIF editor (`EditSigns.editors`).
    case editorSoftware = "editor-software"
    /// An XMP editing history (`xmpMM:History`), which Adobe's tools and GIMP keep.
    case xmpHistory = "xmp-history"
    /// A Photoshop image resource block (JPEG APP13 "Photoshop 3.0", TIFF tag 0x8649): written
    /// by Photoshop and by IPTC tools, never by a phone.
    case photoshopBlock = "photoshop-block"
    /// The XMP `photoshop:` namespace. Not kept: iPhones and Sony cameras write
    /// `photoshop:DateCreated` themselves.
    case photoshopNamespace = "photoshop-namespace"
    /// ModifyDate (IFD0 DateTime) more than `EditSigns.modifiedLaterLimit` after the capture time:
    /// the camera writes both at once, an editor rewrites ModifyDate when it saves.
    case modifiedLater = "modified-later"
    /// A GPS position but neither Make nor Model: EXIF written by a program, not a camera. Not
    /// kept: a Nokia phone writes HEIF files without Make and Model.
    case noCamera = "no-camera"
    /// The EXIF thumbnail's perceptual hash is far from the main image's: the picture was
    /// replaced and the camera's EXIF kept.
    case thumbnailDiffers = "thumbnail-differs"
    /// DateTimeOriginal and DateTimeDigitized (CreateDate) differ. Not kept: a phone writes a
    /// fixed default CreateDate, and scans and raw conversions legitimately differ.
    case digitizedDiffers = "digitized-differs"

    /// Whether the sign is reported: it was measured rare on untouched camera files.
    public var isKept: Bool {
        switch self {
        case .editorSoftware, .xmpHistory, .photoshopBlock, .modifiedLater, .thumbnailDiffers: true
        case .photoshopNamespace, .noCamera, .digitizedDiffers: false
        }
    }

    /// One line on what the sign means, in English.
    public var english: String {
        switch self {
        case .editorSoftware: "software of an image or EXIF editor wrote the file"
        case .xmpHistory: "the file keeps an XMP editing history"
        case .photoshopBlock: "the file has a Photoshop data block (IPTC), which phones do not write"
        case .photoshopNamespace: "the XMP uses Photoshop's namespace"
        case .modifiedLater: "the file was saved again more than a day after the photo was taken"
        case .noCamera: "a GPS position but no camera make or model"
        case .thumbnailDiffers: "the embedded thumbnail shows a different picture"
        case .digitizedDiffers: "the digitized time differs from the time the photo was taken"
        }
    }

    /// One line on what the sign means, in Bahasa Indonesia.
    public var indonesian: String {
        switch self {
        case .editorSoftware: "berkas ditulis oleh software penyunting gambar atau EXIF"
        case .xmpHistory: "berkas menyimpan riwayat penyuntingan XMP"
        case .photoshopBlock: "berkas memuat blok data Photoshop (IPTC), yang tidak ditulis ponsel"
        case .photoshopNamespace: "XMP memakai namespace Photoshop"
        case .modifiedLater: "berkas disimpan ulang lebih dari sehari setelah foto diambil"
        case .noCamera: "ada lokasi GPS tetapi tanpa merek atau model kamera"
        case .thumbnailDiffers: "gambar mini (thumbnail) di EXIF menunjukkan gambar lain"
        case .digitizedDiffers: "waktu digitalisasi berbeda dengan waktu foto diambil"
        }
    }

    /// The one-line description in `language`.
    public func describe(in language: Language) -> String {
        language == .indonesian ? indonesian : english
    }
}

/// What was seen in a file for one sign, as the file says it, so that an explanation can show it.
public enum EditEvidence: Sendable, Equatable {
    /// The editor's name as written, and where (`Software` or `XMP CreatorTool`).
    case software(name: String, tag: String)
    /// The history's last software agent, when it names one.
    case history(lastAgent: String?)
    case photoshopBlock
    case photoshopNamespace
    /// The capture time and the later (or different) time the file states.
    case dates(taken: LocalDateTime, other: LocalDateTime)
    case noCamera
    /// Hamming distance between the thumbnail's and the image's perceptual hashes (of 64 bits).
    case thumbnailDistance(Int)
}

/// One sign found in a file, with its evidence.
public struct EditSignFinding: Sendable, Equatable {
    public var sign: EditSign
    public var evidence: EditEvidence

    public init(sign: EditSign, evidence: EditEvidence) {
        self.sign = sign
        self.evidence = evidence
    }

    /// The sign and what was seen, in one line: "Software penyunting gambar: Adobe Photoshop CS5".
    public func explanation(in language: Language) -> String {
        let id = language == .indonesian
        switch evidence {
        case .software(let name, let tag):
            return id ? "Software penyunting gambar: \(name) (\(tag))" : "Image editor software: \(name) (\(tag))"
        case .history(let agent):
            let by = agent.map { id ? " (terakhir disimpan oleh \($0))" : " (last saved by \($0))" } ?? ""
            return (id ? "Riwayat penyuntingan XMP" : "XMP editing history") + by
        case .photoshopBlock:
            return id ? "Blok data Photoshop (APP13/IPTC) ada di berkas" : "Photoshop data block (APP13/IPTC) in the file"
        case .photoshopNamespace:
            return id ? "XMP memakai namespace photoshop:" : "XMP uses the photoshop: namespace"
        case .dates(let taken, let other):
            let days = Double(other.secondsSinceEpoch - taken.secondsSinceEpoch) / 86_400
            if sign == .modifiedLater {
                let count = Messages.fixed(days, 1)
                return id ? "Diubah \(other), \(count.replacingDot()) hari setelah diambil (\(taken))"
                    : "Modified \(other), \(count) days after it was taken (\(taken))"
            }
            return id ? "Waktu diambil \(taken), waktu digitalisasi \(other)" : "Taken \(taken), digitized \(other)"
        case .noCamera:
            return id ? "Ada lokasi GPS tanpa merek dan model kamera" : "GPS position without camera make and model"
        case .thumbnailDistance(let distance):
            return id ? "Thumbnail EXIF berbeda dari gambar (jarak \(distance) dari 64)"
                : "EXIF thumbnail differs from the picture (distance \(distance) of 64)"
        }
    }
}

/// The signs of editing in one photo's metadata.
public struct EditSigns: Sendable, Equatable {
    /// Every sign found, kept or not, in `EditSign.allCases` order.
    public var all: [EditSignFinding]

    /// The signs reported (`EditSign.isKept`): the review reason `edited` when not empty.
    public var kept: [EditSignFinding] { all.filter(\.sign.isKept) }

    /// The codes for the JSON field `edit_signs`.
    public var codes: [String] { kept.map(\.sign.rawValue) }

    /// ModifyDate may follow the capture time by this much (a day, in seconds) before it is a
    /// sign: a camera writes both at once; a day leaves room for clocks and time zones.
    public static let modifiedLaterLimit: Int64 = 86_400

    /// Smallest Hamming distance of 64-bit perceptual hashes (thumbnail against image) that is a
    /// sign. Untouched files measured at most 18 (a 4:3 thumbnail with black bars over a 3:2 or
    /// 16:9 picture); a replaced picture at 28 or more; unrelated pictures average 32.
    public static let thumbnailDistanceLimit = 24

    /// The signs in `metadata`; `thumbnailDistance` is the Hamming distance between the EXIF
    /// thumbnail's and the main image's 64-bit perceptual hashes, nil when either is missing.
    public init(_ metadata: PhotoMetadata, thumbnailDistance: Int? = nil) {
        var found: [EditSignFinding] = []
        let traces = metadata.editTraces
        if let software = metadata.software, EditSigns.editor(in: software) != nil {
            found.append(EditSignFinding(sign: .editorSoftware, evidence: .software(name: software, tag: "Software")))
        } else if let tool = traces.xmpCreatorTool, EditSigns.editor(in: tool) != nil {
            found.append(EditSignFinding(sign: .editorSoftware, evidence: .software(name: tool, tag: "XMP CreatorTool")))
        }
        if traces.hasXMPHistory {
            found.append(EditSignFinding(sign: .xmpHistory, evidence: .history(lastAgent: traces.xmpHistoryAgent)))
        }
        if traces.hasPhotoshopBlock {
            found.append(EditSignFinding(sign: .photoshopBlock, evidence: .photoshopBlock))
        }
        if traces.hasPhotoshopNamespace {
            found.append(EditSignFinding(sign: .photoshopNamespace, evidence: .photoshopNamespace))
        }
        if let taken = metadata.dateTimeOriginal ?? metadata.createDate, let modified = metadata.modifyDate,
           modified.secondsSinceEpoch - taken.secondsSinceEpoch > EditSigns.modifiedLaterLimit {
            found.append(EditSignFinding(sign: .modifiedLater, evidence: .dates(taken: taken, other: modified)))
        }
        if metadata.gps.hasPositionTags, EditSigns.isBlank(metadata.make), EditSigns.isBlank(metadata.model) {
            found.append(EditSignFinding(sign: .noCamera, evidence: .noCamera))
        }
        if let distance = thumbnailDistance, distance >= EditSigns.thumbnailDistanceLimit {
            found.append(EditSignFinding(sign: .thumbnailDiffers, evidence: .thumbnailDistance(distance)))
        }
        if let taken = metadata.dateTimeOriginal, let digitized = metadata.createDate, taken != digitized {
            found.append(EditSignFinding(sign: .digitizedDiffers, evidence: .dates(taken: taken, other: digitized)))
        }
        all = found
    }

    private static func isBlank(_ text: String?) -> Bool {
        text?.trimmingSpaces.isEmpty ?? true
    }
}

extension EditSigns {
    /// Image and EXIF editors, lower case, as they appear in EXIF Software and XMP CreatorTool
    /// ("Adobe Photoshop Lightroom 6.1 (Windows)", "GIMP 2.10.32", "PicsArt", "Photo Exif Editor").
    /// A name matches as a whole word, ignoring case: not after a letter or digit, not before a
    /// letter ("Canvas" is not "canva"). Phone and camera firmware strings ("A536EXXS7CXB1",
    /// "HDR+ 1.0.570503588zd", "MIUI", "Android 14", "iOS 17.1", "Ver.1.00") contain none of them;
    /// file transfer tools that do not edit (Nikon Transfer, PMB) are not listed.
    public static let editors: [String] = [
        // Desktop editors and raw developers.
        "adobe", "photoshop", "lightroom", "gimp", "paint.net", "affinity photo", "pixelmator", "luminar",
        "capture one", "capture nx", "digital photo professional", "sigma photo pro", "sigma photopro", "silkypix",
        "dxo", "darktable", "rawtherapee", "digikam", "photopea", "acdsee", "corel", "paintshop", "photo-paint",
        "faststone", "irfanview", "xnview", "graphicconverter", "photoscape", "picasa", "photo gallery",
        // Phone editors.
        "snapseed", "picsart", "meitu", "beautyplus", "beautycam", "facetune", "airbrush", "youcam", "vsco",
        "fotor", "polarr", "pixlr", "canva", "photodirector", "picmonkey", "befunky", "inshot", "picsay",
        "photoroom", "lightx", "photo editor",
        // Metadata (EXIF, GPS, IPTC) editors.
        "exif editor", "exiftool", "exiv2", "geosetter", "photo mechanic",
    ]

    private static let editorBytes: [(name: String, bytes: [UInt8])] = editors.map { ($0, Array($0.utf8)) }

    /// The entry of `editors` that `software` names, or nil. Reads at most its first 256 bytes.
    public static func editor(in software: String) -> String? {
        let text = software.utf8.prefix(256).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        func isLetter(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        for (name, pattern) in editorBytes where pattern.count <= text.count {
            for start in 0...(text.count - pattern.count) where text[start] == pattern[0] {
                let end = start + pattern.count
                guard text[start..<end].elementsEqual(pattern) else { continue }
                let wordStarts = start == 0 || !(isLetter(text[start - 1]) || isDigit(text[start - 1]))
                let wordEnds = end == text.count || !isLetter(text[end])
                if wordStarts && wordEnds { return name }
            }
        }
        return nil
    }
}
