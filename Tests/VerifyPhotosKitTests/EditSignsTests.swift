import Foundation
import Testing
@testable import VerifyPhotosKit

/// Photo files put together in memory: a little-endian TIFF structure with IFD0, Exif and GPS
/// IFDs, inside a JPEG with optional XMP and APP13 segments.
enum CraftedPhoto {
    enum Value {
        case ascii(String)
        case rationals([(UInt32, UInt32)])
        case undefined([UInt8])
    }

    typealias Entry = (tag: UInt16, value: Value)

    private static func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
    private static func le32(_ v: Int) -> [UInt8] { le16(v & 0xFFFF) + le16(v >> 16 & 0xFFFF) }

    /// One IFD at TIFF offset `at`: its table, then the values that do not fit in 4 bytes.
    private static func ifd(_ entries: [(tag: UInt16, type: Int, count: Int, data: [UInt8])], at: Int) -> [UInt8] {
        var table = le16(entries.count), data: [UInt8] = []
        let dataStart = at + 2 + 12 * entries.count + 4
        for e in entries.sorted(by: { $0.tag < $1.tag }) {
            table += le16(Int(e.tag)) + le16(e.type) + le32(e.count)
            if e.data.count <= 4 {
                table += e.data + [UInt8](repeating: 0, count: 4 - e.data.count)
            } else {
                table += le32(dataStart + data.count)
                data += e.data
                if data.count % 2 == 1 { data.append(0) }
            }
        }
        return table + le32(0) + data
    }

    private static func encode(_ entry: Entry) -> (tag: UInt16, type: Int, count: Int, data: [UInt8]) {
        switch entry.value {
        case .ascii(let text):
            let bytes = Array(text.utf8) + [0]
            return (entry.tag, 2, bytes.count, bytes)
        case .rationals(let parts):
            return (entry.tag, 5, parts.count, parts.flatMap { le32(Int($0.0)) + le32(Int($0.1)) })
        case .undefined(let bytes):
            return (entry.tag, 7, bytes.count, bytes)
        }
    }

    /// `II*\0` and IFD0 at 8, then the Exif and GPS IFDs when they have entries.
    static func tiff(ifd0: [Entry], exif: [Entry] = [], gps: [Entry] = []) -> [UInt8] {
        func pointer(_ tag: UInt16, _ offset: Int) -> (tag: UInt16, type: Int, count: Int, data: [UInt8]) { (tag, 4, 1, le32(offset)) }
        var first = ifd0.map(encode)
        if !exif.isEmpty { first.append(pointer(0x8769, 0)) }
        if !gps.isEmpty { first.append(pointer(0x8825, 0)) }
        let ifd0Size = ifd(first, at: 8).count
        let exifBytes = exif.isEmpty ? [] : ifd(exif.map(encode), at: 8 + ifd0Size)
        let gpsAt = 8 + ifd0Size + exifBytes.count
        first = first.map { e in
            switch e.tag {
            case 0x8769: pointer(0x8769, 8 + ifd0Size)
            case 0x8825: pointer(0x8825, gpsAt)
            default: e
            }
        }
        let gpsBytes = gps.isEmpty ? [] : ifd(gps.map(encode), at: gpsAt)
        return [0x49, 0x49, 0x2A, 0x00] + le32(8) + ifd(first, at: 8) + exifBytes + gpsBytes
    }

    static func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
        [0xFF, marker, UInt8((payload.count + 2) >> 8), UInt8((payload.count + 2) & 0xFF)] + payload
    }

    /// A JPEG with the EXIF block `tiff`, then each XMP packet, then `app13` payloads.
    static func jpeg(tiff: [UInt8]?, xmp: [String] = [], app13: [[UInt8]] = []) -> [UInt8] {
        var bytes: [UInt8] = [0xFF, 0xD8]
        if let tiff { bytes += segment(0xE1, Array("Exif\0\0".utf8) + tiff) }
        for packet in xmp { bytes += segment(0xE1, JPEGSegments.xmpSignature + Array(packet.utf8)) }
        for payload in app13 { bytes += segment(0xED, payload) }
        return bytes + segment(0xDA, [0]) + [0xFF, 0xD9]
    }

    static let muntokGPS: [Entry] = [
        (0x0001, .ascii("S")), (0x0002, .rationals([(2, 1), (4, 1), (0, 1)])),
        (0x0003, .ascii("E")), (0x0004, .rationals([(105, 1), (10, 1), (0, 1)])),
    ]

    /// What a phone writes: Make, Model, its firmware as Software, ModifyDate equal to the
    /// capture time, and a GPS position.
    static func phone(software: String = "A536EXXS7CXB1", modifyDate: String = "2026:04:17 09:15:00",
                      created: String = "2026:04:17 09:15:00", make: String? = "samsung", model: String? = "SM-A536E",
                      gps: [Entry] = muntokGPS) -> [UInt8] {
        var ifd0: [Entry] = [(0x0131, .ascii(software)), (0x0132, .ascii(modifyDate))]
        if let make { ifd0.append((0x010F, .ascii(make))) }
        if let model { ifd0.append((0x0110, .ascii(model))) }
        return tiff(ifd0: ifd0, exif: [(0x9003, .ascii("2026:04:17 09:15:00")), (0x9004, .ascii(created))], gps: gps)
    }

    static let photoshopAPP13 = Array("Photoshop 3.0\0".utf8) + Array("8BIM".utf8) + [0x04, 0x04, 0, 0, 0, 0, 0, 0]

    /// An XMP packet as Photoshop writes one (old `xapMM:` prefix, element history).
    static let photoshopXMP = """
        <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description rdf:about="" xmlns:xap="http://ns.adobe.com/xap/1.0/"
          xmlns:xapMM = 'http://ns.adobe.com/xap/1.0/mm/' xmlns:stEvt="http://ns.adobe.com/xap/1.0/sType/ResourceEvent#"
          xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xap:CreatorTool="Adobe Photoshop CS5 Windows">
         <xapMM:History><rdf:Seq>
          <rdf:li stEvt:action="saved" stEvt:softwareAgent="Adobe Photoshop CS4 Windows"/>
          <rdf:li><rdf:Description><stEvt:action>saved</stEvt:action><stEvt:softwareAgent>Snapseed 2.0</stEvt:softwareAgent></rdf:Description></rdf:li>
         </rdf:Seq></xapMM:History>
        </rdf:Description></rdf:RDF></x:xmpmeta>
        """
}

/// Signs of editing: each fires on a crafted file and not on a camera-like one.
@Suite struct EditSignsTests {
    private func read(_ bytes: [UInt8]) throws -> PhotoMetadata {
        try MetadataReader().read(bytes: bytes)
    }

    private func signs(_ metadata: PhotoMetadata, thumbnailDistance: Int? = nil) -> [EditSign] {
        EditSigns(metadata, thumbnailDistance: thumbnailDistance).all.map(\.sign)
    }

    @Test func aPhoneFileAsTheCameraWroteItShowsNoSign() throws {
        let m = try read(CraftedPhoto.jpeg(tiff: CraftedPhoto.phone()))
        #expect(m.make == "samsung" && m.software == "A536EXXS7CXB1")
        #expect(m.modifyDate == LocalDateTime(exif: "2026:04:17 09:15:00"))
        #expect(m.editTraces == EditTraces())
        #expect(signs(m, thumbnailDistance: 3).isEmpty)
        #expect(EditSigns(m).codes.isEmpty)
    }

    @Test func readsEveryTraceOfAnEditorFromAJPEG() throws {
        let tiff = CraftedPhoto.phone(software: "Snapseed", modifyDate: "2026:04:19 20:00:00")
        let m = try read(CraftedPhoto.jpeg(tiff: tiff, xmp: [CraftedPhoto.photoshopXMP], app13: [CraftedPhoto.photoshopAPP13]))
        #expect(m.modifyDate == LocalDateTime(exif: "2026:04:19 20:00:00"))
        #expect(m.editTraces.xmpCreatorTool == "Adobe Photoshop CS5 Windows")
        #expect(m.editTraces.hasXMPHistory && m.editTraces.xmpHistoryAgent == "Snapseed 2.0")
        #expect(m.editTraces.hasPhotoshopNamespace && m.editTraces.hasPhotoshopBlock)
        let found = EditSigns(m)
        #expect(found.all.map(\.sign) == [.editorSoftware, .xmpHistory, .photoshopBlock, .photoshopNamespace, .modifiedLater])
        #expect(found.codes == ["editor-software", "xmp-history", "photoshop-block", "modified-later"])
        #expect(found.all.first?.evidence == .software(name: "Snapseed", tag: "Software"))
    }

    @Test func theCreatorToolNamesTheEditorWhenSoftwareDoesNot() throws {
        let xmp = "<rdf:Description xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"><xmp:CreatorTool>PicsArt</xmp:CreatorTool></rdf:Description>"
        let m = try read(CraftedPhoto.jpeg(tiff: CraftedPhoto.phone(), xmp: [xmp]))
        #expect(EditSigns(m).all == [EditSignFinding(sign: .editorSoftware, evidence: .software(name: "PicsArt", tag: "XMP CreatorTool"))])
    }

    @Test func anAPP13WithoutPhotoshopsSignatureIsNoSign() throws {
        let m = try read(CraftedPhoto.jpeg(tiff: CraftedPhoto.phone(), app13: [Array("Photoshop 2.5\0".utf8), Array("Photo".utf8)]))
        #expect(!m.editTraces.hasPhotoshopBlock)
    }

    @Test func aTIFFWithPhotoshopResourcesHasTheBlock() throws {
        let tiff = CraftedPhoto.tiff(ifd0: [(0x010F, .ascii("Canon")), (0x8649, .undefined(Array("8BIM".utf8) + [4, 4, 0, 0, 0, 0, 0, 0]))])
        let m = try read(tiff)
        #expect(m.format == .tiff && m.editTraces.hasPhotoshopBlock)
        #expect(signs(m) == [.photoshopBlock])
    }

    @Test func aHistoryNeedsItsNamespaceAndItsElement() throws {
        func traces(_ packet: String) -> EditTraces { XMPPacket.traces(in: Array(packet.utf8)) }
        let bound = "xmlns:mm=\"http://ns.adobe.com/xap/1.0/mm/\" "
        #expect(traces(bound + "<mm:History><rdf:Seq/></mm:History>").hasXMPHistory)
        #expect(!traces(bound + "<xmpMM:History/>").hasXMPHistory)  // prefix bound to nothing
        #expect(!traces(bound + "<mm:HistoryX/> mm:DocumentID=\"x\"").hasXMPHistory)
        #expect(!traces("xmlns:mm=\"http://ns.adobe.com/xap/1.0/\" <mm:History/>").hasXMPHistory)
        #expect(!traces("<photoshop:History></photoshop:History>").hasXMPHistory)  // Photoshop's own, empty
        #expect(traces("xmlns:photoshop='http://ns.adobe.com/photoshop/1.0/'").hasPhotoshopNamespace)
    }

    @Test func modifiedLaterOnlyBeyondADay() {
        var m = PhotoMetadata(format: .jpeg)
        m.dateTimeOriginal = LocalDateTime(exif: "2026:04:17 09:15:00")
        m.modifyDate = LocalDateTime(exif: "2026:04:18 09:15:00")  // exactly a day
        #expect(signs(m).isEmpty)
        m.modifyDate = LocalDateTime(exif: "2026:04:18 09:15:01")
        #expect(signs(m) == [.modifiedLater])
        m.modifyDate = LocalDateTime(exif: "2026:04:10 09:15:00")  // earlier: a clock, not an edit
        #expect(signs(m).isEmpty)
        // CreateDate stands in for a missing DateTimeOriginal.
        m.dateTimeOriginal = nil
        m.createDate = LocalDateTime(exif: "2026:04:01 08:00:00")
        m.modifyDate = LocalDateTime(exif: "2026:04:03 08:00:00")
        #expect(signs(m) == [.modifiedLater])
        let finding = EditSigns(m).all[0]
        #expect(finding.explanation(in: .english) == "Modified 2026-04-03T08:00:00, 2.0 days after it was taken (2026-04-01T08:00:00)")
        #expect(finding.explanation(in: .indonesian) == "Diubah 2026-04-03T08:00:00, 2,0 hari setelah diambil (2026-04-01T08:00:00)")
    }

    @Test func digitizedDiffersIsFoundButNotReported() {
        var m = PhotoMetadata(format: .jpeg)
        m.dateTimeOriginal = LocalDateTime(exif: "2018:07:16 17:52:22")
        m.createDate = m.dateTimeOriginal
        #expect(signs(m).isEmpty)
        m.createDate = LocalDateTime(exif: "2002:12:08 12:00:00")
        #expect(signs(m) == [.digitizedDiffers])
        #expect(EditSigns(m).kept.isEmpty)
    }

    @Test func noCameraNeedsAPositionAndNeitherMakeNorModel() throws {
        let anonymous = try read(CraftedPhoto.jpeg(tiff: CraftedPhoto.phone(make: nil, model: "  ")))
        #expect(signs(anonymous) == [.noCamera])
        #expect(EditSigns(anonymous).kept.isEmpty)
        #expect(signs(try read(CraftedPhoto.jpeg(tiff: CraftedPhoto.phone(make: nil)))).isEmpty)
        #expect(signs(try read(CraftedPhoto.jpeg(tiff: CraftedPhoto.phone(make: nil, model: nil, gps: [])))).isEmpty)
    }

    @Test func thumbnailDistanceFromItsLimit() {
        let m = PhotoMetadata(format: .jpeg)
        #expect(signs(m, thumbnailDistance: nil).isEmpty)
        #expect(signs(m, thumbnailDistance: EditSigns.thumbnailDistanceLimit - 1).isEmpty)
        #expect(signs(m, thumbnailDistance: EditSigns.thumbnailDistanceLimit) == [.thumbnailDiffers])
        #expect(EditSigns(m, thumbnailDistance: 40).codes == ["thumbnail-differs"])
    }

    @Test(arguments: [
        ("Adobe Photoshop Lightroom 6.1 (Windows)", "adobe"), ("GIMP 2.10.32", "gimp"), ("gimp", "gimp"),
        ("Snapseed", "snapseed"), ("PicsArt", "picsart"), ("Meitu", "meitu"), ("Photo Exif Editor", "exif editor"),
        ("EXIF Editor 1.2", "exif editor"), ("Photo Editor Pro", "photo editor"), ("Picasa", "picasa"),
        ("PhotoScape X", "photoscape"), ("Pixlr", "pixlr"), ("Canva", "canva"), ("PhotoDirector", "photodirector"),
        ("VSCO", "vsco"), ("Lightroom Mobile", "lightroom"), ("Photoshop Express", "photoshop"), ("Fotor", "fotor"),
        ("Polarr 5.0", "polarr"), ("paint.net 4.2.13", "paint.net"), ("SIGMA PhotoPro 2.0.0.1586", "sigma photopro"),
        ("GraphicConverter", "graphicconverter"), ("(GIMP)", "gimp"),
    ])
    func editorsAreNamed(software: String, editor: String) {
        #expect(EditSigns.editor(in: software) == editor)
    }

    @Test(arguments: [
        "A536EXXS7CXB1", "HDR+ 1.0.570503588zd", "MIUI", "MIUI Camera", "Android 14", "iOS 17.1", "17.1", "Ver.1.00",
        "Ver.1.00u", "Nikon Transfer 1.1 W", "PMB Service Uploader", "Canvas", "Photographer", "Gimpel", "ACME gimps",
        "Digital Camera FinePix2400Zoom Ver1.70", "clark_retus-user 5.1.1 LPH23.116-18 18 release-keys", "HD6.01.01.51.00",
        "S721BXXS3AYB3", "00WW_2_270_SP04", "Common_dll v8.0.6b1", "QuickTime 7.7.1", "Xpaint.net", "", "\u{0}\u{0}",
        String(repeating: "A", count: 10_000) + "GIMP",
    ])
    func firmwareIsNoEditor(software: String) {
        #expect(EditSigns.editor(in: software) == nil)
    }

    @Test func hostileValuesDoNotCrash() throws {
        let garbled = [
            "xmlns:\"http://ns.adobe.com/xap/1.0/mm/\"", "=\"http://ns.adobe.com/xap/1.0/mm/\"", "\"http://ns.adobe.com/xap/1.0/mm/",
            "http://ns.adobe.com/xap/1.0/mm/", "xmlns:" + String(repeating: "m", count: 5000) + "=\"http://ns.adobe.com/xap/1.0/mm/\"<mm:History",
            "xmlns:mm=\"http://ns.adobe.com/xap/1.0/mm/\"<mm:History", "stEvt:softwareAgent=\"unterminated",
            "xmlns:mm='http://ns.adobe.com/xap/1.0/mm/'<mm:History>stEvt:softwareAgent=", "<", "",
        ]
        for packet in garbled {
            _ = XMPPacket.traces(in: Array(packet.utf8))
            _ = try read(CraftedPhoto.jpeg(tiff: CraftedPhoto.phone(), xmp: [packet]))
        }
        let bytes: [UInt8] = [0xFF, 0xFE, 0x00, 0xC3, 0x28, 0x41]
        let tiff = CraftedPhoto.tiff(ifd0: [(0x0131, .undefined(bytes)), (0x0132, .ascii("2026:13:45 99:00:00"))],
                                     exif: [(0x9003, .ascii("garbage"))])
        let m = try read(CraftedPhoto.jpeg(tiff: tiff, app13: [[0x50], Array("Photoshop 3.0".utf8)]))
        #expect(m.modifyDate == nil && !m.editTraces.hasPhotoshopBlock)
        _ = EditSigns(m, thumbnailDistance: Int.min)
        _ = EditSigns(m, thumbnailDistance: Int.max)
        var extreme = PhotoMetadata(format: .jpeg)
        extreme.dateTimeOriginal = LocalDateTime(exif: "0001:01:01 00:00:00")
        extreme.modifyDate = LocalDateTime(exif: "9999:12:31 23:59:59")
        #expect(signs(extreme) == [.modifiedLater])
    }

    @Test func theLastHistoryAgentIsRead() {
        let packet = Array("stEvt:softwareAgent=\"A\" <stEvt:softwareAgent>B</stEvt:softwareAgent> stEvt:softwareAgent='C'".utf8)
        #expect(XMPPacket.property("stEvt:softwareAgent", in: packet) == "A")
        #expect(XMPPacket.property("stEvt:softwareAgent", in: packet, last: true) == "C")
    }

    @Test func everySignIsDescribedInBothLanguages() {
        #expect(Set(EditSign.allCases.map(\.english)).count == EditSign.allCases.count)
        #expect(Set(EditSign.allCases.map(\.indonesian)).count == EditSign.allCases.count)
        for sign in EditSign.allCases {
            #expect(!sign.english.isEmpty && !sign.indonesian.isEmpty && sign.english != sign.indonesian)
            #expect(sign.rawValue.allSatisfy { $0.isLowercase || $0 == "-" })
            #expect(sign.describe(in: .indonesian) == sign.indonesian)
        }
        #expect(EditSign.allCases.filter(\.isKept) == [.editorSoftware, .xmpHistory, .photoshopBlock, .modifiedLater, .thumbnailDiffers])
        let finding = EditSignFinding(sign: .editorSoftware, evidence: .software(name: "Adobe Photoshop CS5", tag: "Software"))
        #expect(finding.explanation(in: .indonesian) == "Software penyunting gambar: Adobe Photoshop CS5 (Software)")
        let history = EditSignFinding(sign: .xmpHistory, evidence: .history(lastAgent: "GIMP 2.10"))
        #expect(history.explanation(in: .english) == "XMP editing history (last saved by GIMP 2.10)")
    }

    /// A reading stored by a version without `editTraces` does not decode, so the state reads
    /// the photo again instead of judging it without the new facts.
    @Test func aStoredReadingWithoutEditTracesIsReadAgain() throws {
        let reading = PhotoReading(metadata: try read(CraftedPhoto.jpeg(tiff: CraftedPhoto.phone())), error: nil)
        let json = String(decoding: try JSONEncoder().encode(reading), as: UTF8.self)
        #expect(VerificationState.decodeReading(json) == reading)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        var metadata = try #require(object["metadata"] as? [String: Any])
        metadata["editTraces"] = nil
        object["metadata"] = metadata
        let old = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        #expect(VerificationState.decodeReading(old) == nil)
    }
}

/// Measures every sign over the real photos of `../shared/corpus/real` and prints a table: how
/// often it fires on edited files, on files rewritten by other tools, and on files as their camera
/// wrote them (false positives). A kept sign must not fire on more camera files than measured.
/// Skipped (visibly) in a clone without `../shared`.
@Suite(.enabled(if: TestPaths.corpusAvailable, "../shared/corpus not found beside the clone: edit sign measurement skipped"))
struct EditSignsCorpusTests {
    enum Truth {
        /// Saved by an image editor or raw developer.
        case edited
        /// Rewritten by a tool that does not edit pictures (transfer, IPTC, format conversion).
        case rewritten
    }

    /// What is known of each corpus file that is not as its camera wrote it, and how it is known
    /// (its own metadata as ExifTool shows it, its pixel size, or its source's README). Every
    /// other file counts as a camera's, even when its picture was shrunk or replaced by the
    /// corpus' maintainers with a tool that kept the metadata as it was.
    static let truth: [String: (Truth, String)] = {
        var truth: [String: (Truth, String)] = [:]
        let gimpScaled = "exif-samples jpg/README: scaled down with GIMP (ModifyDate 2008-07-31)"
        for name in ["Canon_40D", "Canon_40D_photoshop_import", "Canon_DIGITAL_IXUS_400", "Fujifilm_FinePix_E500", "Kodak_CX7530",
                     "Konica_Minolta_DiMAGE_Z3", "Nikon_COOLPIX_P1", "Nikon_D70", "Olympus_C8080WZ", "Panasonic_DMC-FZ30",
                     "Pentax_K10D", "Ricoh_Caplio_RR330", "Samsung_Digimax_i50_MP3", "Sony_HDR-HC3", "WWL_Polaroid_ION230"] {
            truth["exif-samples__jpg__\(name).jpg"] = (.edited, gimpScaled)
        }
        for n in ["0010", "0012", "0021", "0025", "0027", "0029", "0038", "0040", "0042"] {
            truth["exif-samples__jpg__gps__DSCN\(n).jpg"] = (.rewritten, "Software: Nikon Transfer 1.1 W")
        }
        let edited: [String: String] = [
            "exif-samples__jpg__tests__32-lens_data.jpeg": "Software: GIMP 2.8.10",
            "exif-samples__jpg__tests__87_OSError.jpg": "XMP history: Adobe Photoshop Lightroom 6.2.1",
            "exif-samples__jpg__xmp__no_exif.jpg": "Software: Adobe Photoshop CC",
            "exifr__iptc-agency-photographer-example.jpg": "Software: Adobe Photoshop CS5 (IPTC's reference photo)",
            "exifr__iptc-staff-photographer-example.jpg": "Software: Adobe Photoshop CS5 (IPTC's reference photo)",
            "exifr__issue-exifr-59.jpg": "Software: Adobe Photoshop Lightroom 6.1",
            "exifr__issue-fast-exif-2.jpg": "Software: Adobe Photoshop Lightroom 6.9",
            "exifr__tif-with-iptc-icc-xmp.tif": "Software: Adobe Photoshop CC",
            "exiftool__ExifTool.tif": "Software: GraphicConverter",
            "exiftool__GE.jpg": "Software: GIMP 2.6.3",
            "exiftool__GPS.jpg": "Software: Adobe Photoshop 7.0",
            "exiftool__Sigma.jpg": "Software: SIGMA PhotoPro (raw development)",
            "exiv2__Reagan.tiff": "Software: Adobe Photoshop CS",
            "exiv2__ReaganSmallPng.png": "Software: GIMP 2.9.5",
            "exiv2__avif_metadata2.avif": "Software: GIMP 2.99.5",
            "exiv2__exiv2-bug1026.jpg": "Software: GIMP 2.8.14",
            "exiv2__exiv2-bug1199.webp": "Software: GIMP 2.9.5",
            "exiv2__exiv2-bug528.jpg": "Software: GIMP 2.4.5",
            "exiv2__exiv2-bug884a.jpg": "Software: GIMP 2.6.12",
            "exiv2__exiv2-sigma-d10.jpg": "Software: SIGMA PhotoPro (raw development)",
            "metadata-extractor-images__jpg__FujiFilm_DX-5.jpg": "Photoshop resources: WriterName Adobe Photoshop, ReaderName Photoshop 6.0",
            "metadata-extractor-images__jpg__FujiFilm_FinePixS1Pro_1_.jpg": "Software: Adobe Photoshop 7.0",
            "metadata-extractor-images__jpg__FujiFilm_FinePixS1Pro_3_.jpg": "Software: Adobe Photoshop 7.0",
            "metadata-extractor-images__jpg__Issue_508.jpg": "Software: paint.net 4.2.13",
            "metadata-extractor-images__jpg__Issue_600_2_.jpg": "Software: GIMP 2.10.32",
            "metadata-extractor-images__jpg__Nikon_D5000.jpg": "Software: Adobe Bridge CS5",
            "metadata-extractor-images__jpg__Nokia_Lumia_800.jpg": "XMP CreatorTool: Adobe Photoshop Lightroom; Software: QuickTime 7.7.1",
        ]
        let rewritten: [String: String] = [
            "exif-samples__jpg__tests__45-gps_ifd.jpg": "Software: PMB Service Uploader",
            "exif-samples__jpg__tests__67-0_length_string.jpg": "XMP Core 5.4.0 ModifyDate and an empty IPTC digest; 4032x2012, not a Galaxy S7 size",
            "exiftool__PhotoMechanic.jpg": "IPTC and XMP by Photo Mechanic, no camera tags",
            "exiv2__DSC_3079.jpg": "XMP face regions and IPTC by an organiser; 720x1280, not a Xperia Z3 size",
            "exiv2__FurnaceCreekInn.jpg": "XMP by Exiv2 (XMP Core 4.4.0-Exiv2), IPTC added",
            "exiv2__FurnaceCreekInn2.jpg": "XMP by Exiv2 (XMP Core 4.4.0-Exiv2), IPTC added",
            "exiv2__Stonehenge.heic": "XMP Core 6.0.0 with a description and family added; a D5300 writes no HEIC",
            "exiv2__exiv2-bug1074.png": "XMP CreatorTool: Apple Image Capture",
            "exifr__avif__Irvine_CA.avif": "an iPhone 3GS's EXIF in an AVIF file: converted",
            "exifr__png__IMG_20180725_163423-1.png": "a Pixel's JPEG converted to PNG",
            "exifr__png__png_with_exif_and_gps.png": "a Canon S40's EXIF with a Pixel's Software in a 1x1 PNG",
            "metadata-extractor-images__jpg__Issue_173_dotnet_.jpg": "EXIF of a road survey program (UserComment), no camera tags",
            "metadata-extractor-images__jpg__Issue_258_dotnet_.jpg": "IPTC reference image written by ExifTool 11.74",
            "metadata-extractor-images__jpg__Issue_308.jpg": "XMP CreatorTool: Camera Trap File Manager",
            "metadata-extractor-images__jpg__Nikon_D1X.jpg": "IPTC added; 600x391, not a D1X size",
            "metadata-extractor-images__webp__HTC_Desire.webp": "a JPEG's EXIF in a WebP file: converted",
            "metadata-extractor-images__webp__Nikon_D1X.webp": "a JPEG's EXIF in a WebP file: converted",
        ]
        for (name, reason) in edited { truth[name] = (.edited, reason) }
        for (name, reason) in rewritten { truth[name] = (.rewritten, reason) }
        return truth
    }()

    /// Camera files each sign fired on when measured: a kept sign must stay at or below.
    static let measuredFalsePositives: [EditSign: Int] = [
        .editorSoftware: 0, .xmpHistory: 0, .photoshopBlock: 0, .modifiedLater: 0,
        .photoshopNamespace: 5, .noCamera: 1, .digitizedDiffers: 1,
    ]

    @Test func falsePositivesOfEachSign() throws {
        let folder = TestPaths.corpus.appendingPathComponent("real")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names.count >= 140)
        #expect(Set(EditSignsCorpusTests.truth.keys).isSubset(of: names), "the truth table names files the corpus lacks")
        var fired: [EditSign: [String]] = [:]
        var camera = 0
        for name in names {
            if EditSignsCorpusTests.truth[name] == nil { camera += 1 }
            guard let metadata = try? MetadataReader().read(path: folder.appendingPathComponent(name).path) else { continue }
            for finding in EditSigns(metadata).all { fired[finding.sign, default: []].append(name) }
        }
        var table = "sign | kept | fires | edited | rewritten | camera (false positives) | rate on \(camera) camera files\n"
        for sign in EditSign.allCases where sign != .thumbnailDiffers {
            let files = fired[sign] ?? []
            let edited = files.filter { EditSignsCorpusTests.truth[$0]?.0 == .edited }
            let rewritten = files.filter { EditSignsCorpusTests.truth[$0]?.0 == .rewritten }
            let falsePositives = files.filter { EditSignsCorpusTests.truth[$0] == nil }
            let rate = String(format: "%.1f%%", 100 * Double(falsePositives.count) / Double(max(camera, 1)))
            table += "\(sign.rawValue) | \(sign.isKept ? "yes" : "no") | \(files.count) | \(edited.count) | \(rewritten.count) | "
                + "\(falsePositives.count) \(falsePositives) | \(rate)\n"
            if sign.isKept {
                let measured = EditSignsCorpusTests.measuredFalsePositives[sign] ?? 0
                #expect(falsePositives.count <= measured, "\(sign.rawValue) fires on camera files: \(falsePositives)")
            }
        }
        let edited = EditSignsCorpusTests.truth.values.filter { $0.0 == .edited }.count
        let caught = Set(EditSign.allCases.filter(\.isKept).flatMap { fired[$0] ?? [] })
            .filter { EditSignsCorpusTests.truth[$0]?.0 == .edited }.count
        table += "kept signs together: \(caught) of \(edited) edited files"
        print(table)
        // The kept signs found 41 of the 42 edited files when measured (not WWL_Polaroid_ION230).
        #expect(caught >= 41)
    }
}
