/// The position and times an XMP packet states, for comparison with the EXIF block: editors
/// and apps may write XMP that says something else than the EXIF of the same file.
///
/// Properties are found under their usual prefixes (`exif:`, `photoshop:`, `xmp:`), as
/// attributes (`exif:GPSLatitude="1,40.68S"`) or elements (`<exif:GPSLatitude>…</…>`).
struct XMPPacket {
    var copy: MetadataCopy
    /// What the packet shows of the software that wrote it.
    var traces: EditTraces
    /// Values present but not parseable (coordinates, dates), as written.
    var unparsedPositions: [UnparsedValue] = []
    var unparsedTimes: [UnparsedValue] = []

    init(_ packet: [UInt8], index: Int) {
        copy = MetadataCopy(source: .xmp(index: index))
        traces = XMPPacket.traces(in: packet)
        let latitude = XMPPacket.property("exif:GPSLatitude", in: packet)
        let longitude = XMPPacket.property("exif:GPSLongitude", in: packet)
        if let latitude, let longitude {
            if let lat = XMPPacket.coordinate(latitude, positive: "N", negative: "S"),
               let lon = XMPPacket.coordinate(longitude, positive: "E", negative: "W"),
               abs(lat) <= 90, abs(lon) <= 180, lat != 0 || lon != 0 {
                copy.position = GeoPoint(latitude: lat, longitude: lon)
            } else {
                unparsedPositions.append(UnparsedValue(tag: "XMP GPSLatitude GPSLongitude", raw: "\(latitude) \(longitude)"))
            }
        } else if let only = latitude ?? longitude {
            unparsedPositions.append(UnparsedValue(tag: latitude != nil ? "XMP GPSLatitude" : "XMP GPSLongitude", raw: only))
        }
        func time(_ name: String) -> (LocalDateTime, UTCOffset?)? {
            guard let raw = XMPPacket.property(name, in: packet) else { return nil }
            guard let parsed = XMPPacket.dateTime(raw) else {
                unparsedTimes.append(UnparsedValue(tag: "XMP \(name)", raw: raw))
                return nil
            }
            return parsed
        }
        if let (local, offset) = time("exif:DateTimeOriginal") ?? time("photoshop:DateCreated") {
            copy.dateTimeOriginal = local
            copy.offsetTimeOriginal = offset
        }
        if let (local, offset) = time("xmp:CreateDate") {
            copy.createDate = offset.map { LocalDateTime(secondsSinceEpoch: local.secondsSinceEpoch - Int64($0.seconds) + Int64(UTCOffset.wib.seconds)) } ?? local
        }
        if let (local, offset) = time("exif:GPSTimeStamp") {
            copy.gpsTime = LocalDateTime(secondsSinceEpoch: local.secondsSinceEpoch - Int64(offset?.seconds ?? 0))
        }
    }

    /// The text of a property (attribute or simple element), at most 200 bytes, entities of
    /// XML's five kinds not decoded (none occur in the values read here): its first occurrence,
    /// or its `last` (a history's events repeat their properties).
    static func property(_ name: String, in packet: [UInt8], last: Bool = false) -> String? {
        let key = Array(name.utf8)
        var i = 0
        var found: String?
        while let at = find(key, in: packet, from: i) {
            i = at + key.count
            guard at == 0 || !isNameByte(packet[at - 1]), i < packet.count else { continue }
            var j = i
            while j < packet.count, packet[j] == 0x20 || packet[j] == 0x09 || packet[j] == 0x0A || packet[j] == 0x0D { j += 1 }
            guard j < packet.count else { break }
            let end: UInt8
            if packet[j] == UInt8(ascii: "=") {
                j += 1
                while j < packet.count, packet[j] == 0x20 || packet[j] == 0x09 || packet[j] == 0x0A || packet[j] == 0x0D { j += 1 }
                guard j < packet.count, packet[j] == UInt8(ascii: "\"") || packet[j] == UInt8(ascii: "'") else { continue }
                end = packet[j]
            } else if packet[j] == UInt8(ascii: ">"), at > 0, packet[at - 1] == UInt8(ascii: "<") {
                end = UInt8(ascii: "<")
            } else {
                continue
            }
            let start = j + 1
            guard let stop = packet[start...].prefix(200).firstIndex(of: end) else { break }
            found = String(decoding: packet[start..<stop], as: UTF8.self).trimmingSpaces
            if !last { break }
        }
        return found
    }

    private static let mediaManagementNamespace = Array("http://ns.adobe.com/xap/1.0/mm/".utf8)
    private static let photoshopNamespace = Array("http://ns.adobe.com/photoshop/1.0/".utf8)

    /// What the packet shows of the software that wrote it: CreatorTool, an editing history
    /// (`xmpMM:History`, whatever prefix the packet binds to the namespace) and its last
    /// software agent, and the `photoshop:` namespace.
    static func traces(in packet: [UInt8]) -> EditTraces {
        var traces = EditTraces()
        traces.xmpCreatorTool = property("xmp:CreatorTool", in: packet) ?? property("xap:CreatorTool", in: packet)
        traces.hasPhotoshopNamespace = find(photoshopNamespace, in: packet, from: 0) != nil
        var i = 0
        // Each binding of the namespace: `xmlns:PREFIX="http://ns.adobe.com/xap/1.0/mm/"`.
        while !traces.hasXMPHistory, let at = find(mediaManagementNamespace, in: packet, from: i) {
            i = at + mediaManagementNamespace.count
            var j = at - 1
            guard j > 0, packet[j] == UInt8(ascii: "\"") || packet[j] == UInt8(ascii: "'") else { continue }
            j -= 1
            while j > 0, packet[j] == 0x20 || packet[j] == 0x09 || packet[j] == 0x0A || packet[j] == 0x0D { j -= 1 }
            guard j > 0, packet[j] == UInt8(ascii: "=") else { continue }
            j -= 1
            while j > 0, packet[j] == 0x20 || packet[j] == 0x09 || packet[j] == 0x0A || packet[j] == 0x0D { j -= 1 }
            let prefixEnd = j + 1
            while j >= 0, isNameByte(packet[j]), packet[j] != UInt8(ascii: ":"), prefixEnd - j <= 32 { j -= 1 }
            guard j >= 5, packet[j] == UInt8(ascii: ":"), packet[(j - 5)..<j].elementsEqual("xmlns".utf8), prefixEnd > j + 1 else { continue }
            let history = [UInt8(ascii: "<")] + packet[(j + 1)..<prefixEnd] + Array(":History".utf8)
            var k = 0
            while let element = find(history, in: packet, from: k) {
                k = element + history.count
                if k < packet.count, !isNameByte(packet[k]) {
                    traces.hasXMPHistory = true
                    break
                }
            }
        }
        if traces.hasXMPHistory {
            traces.xmpHistoryAgent = property("stEvt:softwareAgent", in: packet, last: true)
        }
        return traces
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: ":") || b == UInt8(ascii: "_")
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        var i = start
        while i + needle.count <= haystack.count {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// XMP's GPSCoordinate: `DDD,MM,SSk` or `DDD,MM.mmk`, k one of the two reference letters.
    static func coordinate(_ text: String, positive: Character, negative: Character) -> Double? {
        guard let reference = text.last?.uppercased().first, reference == positive || reference == negative else { return nil }
        let parts = text.dropLast().split(separator: ",", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count) else { return nil }
        var total = 0.0
        for (index, part) in parts.enumerated() {
            guard !part.isEmpty, part.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
                  let value = Double(part), value.isFinite, value >= 0 else { return nil }
            if index > 0, value >= 60 { return nil }
            total += value / [1.0, 60.0, 3600.0][index]
        }
        return reference == negative ? -total : total
    }

    /// ISO 8601 as XMP writes dates: `YYYY-MM-DDThh:mm[:ss[.s]][Z|±hh:mm]`; a date alone is no time.
    static func dateTime(_ text: String) -> (LocalDateTime, UTCOffset?)? {
        var body = Substring(text)
        var offset: UTCOffset?
        if body.hasSuffix("Z") {
            offset = UTCOffset(seconds: 0)
            body = body.dropLast()
        } else if body.count > 16, let sign = body.dropLast(5).last, sign == "+" || sign == "-" {
            guard case .value(let parsed) = UTCOffset.parse(exif: String(body.suffix(6))) else { return nil }
            offset = parsed
            body = body.dropLast(6)
        }
        if let dot = body.firstIndex(of: "."), body.distance(from: body.startIndex, to: dot) == 19,
           body[body.index(after: dot)...].allSatisfy({ $0.isASCII && $0.isNumber }) {
            body = body[..<dot]
        }
        if body.count == 16 { body += ":00" }
        guard body.count == 19, case .value(let local) = LocalDateTime.parse(exif: String(body)) else { return nil }
        return (local, offset)
    }
}
