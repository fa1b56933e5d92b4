import FuzzSupport

// A structure-aware mutator. libFuzzer's byte flips rarely produce a consistent change to a
// HEIF item location (a new extent means a new item length, extent count and box sizes), so
// for ISOBMFF input (HEIC, AVIF) half of the mutations parse the box tree, change a field the
// reader acts on, and write the tree back with sizes recomputed, or deliberately wrong. JPEG
// input gets segment-level changes (duplicate, move, drop, rewrite APP1). Everything else, and
// the other half, is libFuzzer's own mutation.

@_cdecl("LLVMFuzzerCustomMutator")
public func customMutator(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: UInt32) -> Int {
    var random = SplitMix(state: UInt64(seed))
    if size >= 12, Bool.random(using: &random) {
        let input = Array(UnsafeBufferPointer(start: data, count: size))
        var output: [UInt8]?
        if input[4..<8].elementsEqual("ftyp".utf8) {
            var boxes = Box.parse(input[...])
            for _ in 0..<Int.random(in: 1...3, using: &random) { mutateISOBMFF(&boxes, fileSize: size, &random) }
            output = Box.serialise(boxes)
        } else if input[0] == 0xFF, input[1] == 0xD8 {
            output = mutateJPEG(input, &random)
        }
        if let output, output.count <= maxSize {
            output.withUnsafeBufferPointer { data.update(from: $0.baseAddress!, count: output.count) }
            return output.count
        }
    }
    return LLVMFuzzerMutate(data, size, maxSize)
}

/// A deterministic generator from libFuzzer's seed, so that a run can be replayed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Offsets, lengths, counts and IDs at the edges: 0 ("to the end" for a length), the file's
/// end, 32- and 64-bit limits.
private func interesting(_ fileSize: Int, _ random: inout SplitMix) -> UInt64 {
    let n = UInt64(fileSize)
    return [0, 1, 2, 8, n &- 1, n, n + 1, n / 2, 0x7FFF_FFFF, 0xFFFF_FFFF, 1 << 32, 1 << 62, UInt64.max,
            UInt64.random(in: 0...n, using: &random)].randomElement(using: &random)!
}

/// An item ID: one the file uses (Exif items first in the list), or an unused one.
private func someID(_ ids: [UInt64], _ fileSize: Int, _ random: inout SplitMix) -> UInt64 {
    Bool.random(using: &random) ? ids.randomElement(using: &random) ?? 1 : interesting(fileSize, &random) & 0xFFFF
}

private func bigEndian(_ value: UInt64, _ width: Int) -> [UInt8] {
    (0..<max(0, width)).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64(width - 1 - $0))) }
}

private func readBigEndian(_ bytes: ArraySlice<UInt8>, _ at: Int, _ width: Int) -> UInt64? {
    let start = bytes.startIndex + at
    guard at >= 0, width >= 0, start + width <= bytes.endIndex else { return nil }
    return bytes[start..<start + width].reduce(0) { $0 << 8 | UInt64($1) }
}

/// libFuzzer's byte mutation on a window of at most 4 KiB of `bytes`, which may grow by 64.
private func mutateWindow(_ bytes: inout [UInt8], _ random: inout SplitMix) {
    guard !bytes.isEmpty else { bytes = [UInt8.random(in: 0...255, using: &random)]; return }
    let start = Int.random(in: 0..<bytes.count, using: &random)
    let end = min(bytes.count, start + Int.random(in: 1...4096, using: &random))
    var window = Array(bytes[start..<end]) + [UInt8](repeating: 0, count: 64)
    let count = window.withUnsafeMutableBufferPointer { LLVMFuzzerMutate($0.baseAddress!, end - start, $0.count) }
    bytes.replaceSubrange(start..<end, with: window[..<count])
}

// MARK: ISOBMFF

/// One box. A container keeps its children (after `prefix`: version, flags and any entry
/// count); a leaf keeps its payload; bytes that do not parse as a box are kept as a raw leaf.
struct Box {
    enum Size { case exact, large, toEnd, value(UInt64) }
    var type: [UInt8]  // empty for raw bytes
    var prefix: [UInt8] = []
    var payload: [UInt8] = []
    var children: [Box]?
    var size = Size.exact

    /// Containers the reader descends into, with the length of what precedes their children.
    static func prefixLength(_ type: [UInt8], _ body: ArraySlice<UInt8>) -> Int? {
        switch String(decoding: type, as: UTF8.self) {
        case "meta", "iref": return 4
        case "iinf": return body.first == 0 ? 6 : 8
        case "iprp", "ipco", "dinf": return 0
        default: return nil
        }
    }

    static func parse(_ bytes: ArraySlice<UInt8>) -> [Box] {
        var boxes: [Box] = []
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let remaining = bytes.endIndex - i
            guard remaining >= 8, let size32 = readBigEndian(bytes, i - bytes.startIndex, 4) else { break }
            var header = 8, size = Int(size32), kind = Size.exact
            if size32 == 1 {
                guard let large = readBigEndian(bytes, i - bytes.startIndex + 8, 8), large <= UInt64(remaining) else { break }
                header = 16; size = Int(large); kind = .large
            } else if size32 == 0 {
                size = remaining; kind = .toEnd
            }
            guard size >= header, size <= remaining else { break }
            var box = Box(type: Array(bytes[(i + 4)..<(i + 8)]), size: kind)
            let body = bytes[(i + header)..<(i + size)]
            if let length = prefixLength(box.type, body), length <= body.count {
                box.prefix = Array(body.prefix(length))
                box.children = parse(body.dropFirst(length))
            } else {
                box.payload = Array(body)
            }
            boxes.append(box)
            i += size
        }
        if i < bytes.endIndex { boxes.append(Box(type: [], payload: Array(bytes[i...]))) }
        return boxes
    }

    static func serialise(_ boxes: [Box]) -> [UInt8] {
        var out: [UInt8] = []
        for box in boxes {
            let body = box.prefix + (box.children.map(serialise) ?? box.payload)
            guard box.type.count == 4 else { out += body; continue }
            let exact = UInt64(body.count + 8)
            switch box.size {
            case .exact where exact <= UInt64(UInt32.max): out += bigEndian(exact, 4) + box.type
            case .exact, .large: out += bigEndian(1, 4) + box.type + bigEndian(exact + 8, 8)
            case .toEnd: out += bigEndian(0, 4) + box.type
            case .value(let v) where v <= UInt64(UInt32.max): out += bigEndian(v, 4) + box.type
            case .value(let v): out += bigEndian(1, 4) + box.type + bigEndian(v, 8)
            }
            out += body
        }
        return out
    }

    /// Paths (child indexes) to every box of the tree, depth first.
    static func paths(_ boxes: [Box], _ base: [Int] = []) -> [[Int]] {
        boxes.indices.flatMap { i in [base + [i]] + paths(boxes[i].children ?? [], base + [i]) }
    }

    static func path(to type: String, in boxes: [Box]) -> [Int]? {
        paths(boxes).first { Box.at($0, boxes).type.elementsEqual(type.utf8) }
    }

    static func at(_ path: [Int], _ boxes: [Box]) -> Box {
        path.count == 1 ? boxes[path[0]] : at(Array(path.dropFirst()), boxes[path[0]].children!)
    }

    static func modify(_ path: [Int], _ boxes: inout [Box], _ change: (inout Box) -> Void) {
        if path.count == 1 { change(&boxes[path[0]]) } else { modify(Array(path.dropFirst()), &boxes[path[0]].children!, change) }
    }
}

/// An `iloc` box as fields. Widths are 0, 4 or 8 bytes; an index is written only for versions
/// 1 and 2. The counts can be overridden to disagree with the lists.
struct ItemLocations {
    struct Extent { var index: UInt64 = 0, offset: UInt64, length: UInt64 }
    struct Item { var id: UInt64, method: UInt64 = 0, base: UInt64 = 0, extents: [Extent], extentCount: UInt64? }
    var version: UInt8 = 1, flags: [UInt8] = [0, 0, 0]
    var offsetSize = 4, lengthSize = 4, baseSize = 0, indexSize = 0
    var sizeBytes: [UInt8]?  // written instead of the four widths: a deliberate mismatch
    var items: [Item] = []
    var itemCount: UInt64?

    init?(_ b: [UInt8]) {
        let s = b[...]
        guard b.count >= 8, b[0] <= 2 else { return nil }
        version = b[0]; flags = Array(b[1..<4])
        offsetSize = Int(b[4] >> 4); lengthSize = Int(b[4] & 15); baseSize = Int(b[5] >> 4)
        indexSize = version >= 1 ? Int(b[5] & 15) : 0
        let idSize = version < 2 ? 2 : 4
        var i = 6, walked = 0
        guard let count = readBigEndian(s, i, idSize) else { return nil }
        i += idSize
        for _ in 0..<min(count, 4096) {
            guard let id = readBigEndian(s, i, idSize) else { break }
            i += idSize
            var item = Item(id: id, extents: [], extentCount: nil)
            if version >= 1 { item.method = readBigEndian(s, i, 2) ?? 0; i += 2 }
            i += 2
            guard let base = readBigEndian(s, i, baseSize), let extents = readBigEndian(s, i + baseSize, 2) else { break }
            item.base = base; i += baseSize + 2
            walked += Int(extents)
            guard walked <= 20_000 else { return nil }  // extents of width 0 take no bytes: bound them here
            for _ in 0..<extents {
                guard let index = readBigEndian(s, i, indexSize), let offset = readBigEndian(s, i + indexSize, offsetSize),
                      let length = readBigEndian(s, i + indexSize + offsetSize, lengthSize) else { break }
                item.extents.append(Extent(index: index, offset: offset, length: length))
                i += indexSize + offsetSize + lengthSize
            }
            items.append(item)
        }
    }

    var bytes: [UInt8] {
        let idSize = version < 2 ? 2 : 4
        var out = [version] + flags
        out += sizeBytes ?? [UInt8(offsetSize << 4 | lengthSize), UInt8(baseSize << 4 | (version >= 1 ? indexSize : 0))]
        out += bigEndian(itemCount ?? UInt64(items.count), idSize)
        for item in items {
            out += bigEndian(item.id, idSize)
            if version >= 1 { out += bigEndian(item.method, 2) }
            out += [0, 0] + bigEndian(item.base, baseSize) + bigEndian(item.extentCount ?? UInt64(item.extents.count), 2)
            for e in item.extents {
                out += (version >= 1 ? bigEndian(e.index, indexSize) : []) + bigEndian(e.offset, offsetSize) + bigEndian(e.length, lengthSize)
            }
        }
        return out
    }
}

/// Item IDs of `infe` entries, with their types: where the Exif items are.
private func itemTypes(_ boxes: [Box]) -> [(id: UInt64, type: String)] {
    guard let iinf = Box.path(to: "iinf", in: boxes) else { return [] }
    return (Box.at(iinf, boxes).children ?? []).compactMap { infe in
        let b = infe.payload[...], idSize = b.first == 2 ? 2 : 4
        guard infe.type.elementsEqual("infe".utf8), (b.first ?? 0) >= 2, let id = readBigEndian(b, 4, idSize),
              b.count >= 4 + idSize + 6 else { return nil }
        return (id, String(decoding: b[(4 + idSize + 2)..<(4 + idSize + 6)], as: UTF8.self))
    }
}

private func mutateISOBMFF(_ boxes: inout [Box], fileSize: Int, _ random: inout SplitMix) {
    let items = itemTypes(boxes)
    let exif = items.filter { $0.type == "Exif" }.map(\.id)
    let ids = exif + items.map(\.id)
    let all = Box.paths(boxes)
    switch Int.random(in: 0..<8, using: &random) {
    case 0:  // a box size: to the end, 64-bit, or wrong
        guard let path = all.randomElement(using: &random) else { return }
        let exact = UInt64(Box.serialise([Box.at(path, boxes)]).count)
        let size: Box.Size = [.toEnd, .large, .value(interesting(fileSize, &random)),
                              .value(exact &+ UInt64(bitPattern: Int64.random(in: -16...16, using: &random)))].randomElement(using: &random)!
        Box.modify(path, &boxes) { $0.size = size }
    case 1, 2:  // the item locations: fields, extents and counts
        guard let path = Box.path(to: "iloc", in: boxes), var iloc = ItemLocations(Box.at(path, boxes).payload) else { return }
        mutate(&iloc, exif: exif, ids: ids, fileSize: fileSize, &random)
        Box.modify(path, &boxes) { $0.payload = iloc.bytes }
    case 3:  // iinf: its version, its entry count, or an entry's type and ID
        guard let path = Box.path(to: "iinf", in: boxes) else { return }
        Box.modify(path, &boxes) { iinf in
            let count = UInt64(iinf.children?.count ?? 0)
            switch Int.random(in: 0..<3, using: &random) {
            case 0: let v: UInt8 = iinf.prefix.first == 0 ? 1 : 0; iinf.prefix = [v, 0, 0, 0] + bigEndian(count, v == 0 ? 2 : 4)
            case 1:
                guard iinf.prefix.count > 4 else { return }
                iinf.prefix.replaceSubrange(4..., with: bigEndian(interesting(fileSize, &random), iinf.prefix.count - 4))
            default:
                guard let k = iinf.children?.indices.randomElement(using: &random), let v = iinf.children![k].payload.first else { return }
                let idSize = v == 2 ? 2 : 4
                guard iinf.children![k].payload.count >= 4 + idSize + 6 else { return }
                if Bool.random(using: &random) {
                    iinf.children![k].payload.replaceSubrange((4 + idSize + 2)..<(4 + idSize + 6), with: "Exif".utf8)
                } else {
                    iinf.children![k].payload.replaceSubrange(4..<(4 + idSize), with: bigEndian(someID(ids, fileSize, &random), idSize))
                }
            }
        }
    case 4:  // the primary item
        guard let path = Box.path(to: "pitm", in: boxes) else { return }
        Box.modify(path, &boxes) { $0.payload = Array($0.payload.prefix(4)) + bigEndian(someID(ids, fileSize, &random), $0.payload.first == 0 ? 2 : 4) }
    case 5:  // content descriptions: retarget one, or add one from an Exif item
        guard let path = Box.path(to: "iref", in: boxes) else { return }
        Box.modify(path, &boxes) { iref in
            let idSize = iref.prefix.first == 0 ? 2 : 4
            iref.children = iref.children ?? []
            if let k = iref.children!.indices.randomElement(using: &random), Bool.random(using: &random) {
                let at = Bool.random(using: &random) ? 0 : idSize + 2
                guard iref.children![k].payload.count >= at + idSize else { return }
                iref.children![k].payload.replaceSubrange(at..<(at + idSize), with: bigEndian(someID(ids, fileSize, &random), idSize))
            } else {
                iref.children!.append(Box(type: Array("cdsc".utf8), payload: bigEndian(someID(ids, fileSize, &random), idSize) + [0, 1] + bigEndian(someID(ids, fileSize, &random), idSize)))
            }
        }
    case 6:  // a duplicate Exif item: its own entry, location (a copy or new) and description
        guard let iinf = Box.path(to: "iinf", in: boxes), let iloc = Box.path(to: "iloc", in: boxes),
              var locations = ItemLocations(Box.at(iloc, boxes).payload) else { return }
        let id = (items.map(\.id).max() ?? 0) + 1
        var copy = locations.items.first { exif.contains($0.id) } ?? .init(id: 0, extents: [.init(offset: interesting(fileSize, &random), length: 0)], extentCount: nil)
        copy.id = id
        if Bool.random(using: &random) { copy.extents = copy.extents.map { .init(offset: $0.offset / 2, length: $0.length) } }
        locations.items.append(copy)
        Box.modify(iloc, &boxes) { $0.payload = locations.bytes }
        let v: UInt8 = locations.version < 2 ? 2 : 3
        Box.modify(iinf, &boxes) { $0.children?.append(Box(type: Array("infe".utf8), payload: [v, 0, 0, 0] + bigEndian(id, v == 2 ? 2 : 4) + [0, 0] + Array("Exif\0".utf8))) }
    default:  // bytes inside one box (the EXIF in mdat, an infe, a cdsc), sizes then fixed up
        let leaves = all.filter { Box.at($0, boxes).children == nil }
        guard let path = leaves.randomElement(using: &random) else { return }
        Box.modify(path, &boxes) { mutateWindow(&$0.payload, &random) }
    }
}

private func mutate(_ iloc: inout ItemLocations, exif: [UInt64], ids: [UInt64], fileSize: Int, _ random: inout SplitMix) {
    let widths = [0, 4, 8]
    let preferred = iloc.items.indices.filter { exif.contains(iloc.items[$0].id) }
    guard let k = (preferred.isEmpty || Bool.random(using: &random) ? Array(iloc.items.indices) : preferred).randomElement(using: &random) else {
        iloc.items.append(.init(id: someID(ids, fileSize, &random), extents: [.init(offset: interesting(fileSize, &random), length: 0)], extentCount: nil))
        return
    }
    switch Int.random(in: 0..<11, using: &random) {
    case 0: iloc.version = UInt8.random(in: 0...2, using: &random)
    case 1: iloc.offsetSize = widths.randomElement(using: &random)!
    case 2: iloc.lengthSize = widths.randomElement(using: &random)!
    case 3: iloc.baseSize = widths.randomElement(using: &random)!; iloc.items[k].base = interesting(fileSize, &random)
    case 4: iloc.indexSize = widths.randomElement(using: &random)!
    case 5: iloc.sizeBytes = [UInt8.random(in: 0...255, using: &random), UInt8.random(in: 0...255, using: &random)]
    case 6: iloc.itemCount = interesting(fileSize, &random)
    case 7: iloc.items[k].extentCount = interesting(fileSize, &random) & 0xFFFF
    case 8:  // more extents: "to the end of the file", copies (overlapping), or anywhere
        let n = [1, 2, 3, 8, 100, 1000].randomElement(using: &random)!
        let template = iloc.items[k].extents.randomElement(using: &random) ?? .init(offset: 0, length: 0)
        let offset = Bool.random(using: &random) ? template.offset : interesting(fileSize, &random)
        let length: UInt64 = [0, template.length, interesting(fileSize, &random)].randomElement(using: &random)!
        iloc.items[k].extents += Array(repeating: .init(offset: offset, length: length), count: n)
    case 9:  // one extent's offset or length
        guard let e = iloc.items[k].extents.indices.randomElement(using: &random) else { return }
        if Bool.random(using: &random) { iloc.items[k].extents[e].offset = interesting(fileSize, &random) }
        else { iloc.items[k].extents[e].length = interesting(fileSize, &random) }
    default:  // the item: its ID, construction method (file, idat, item), or a second entry for it
        switch Int.random(in: 0..<3, using: &random) {
        case 0: iloc.items[k].id = someID(ids, fileSize, &random)
        case 1: iloc.items[k].method = UInt64.random(in: 0...2, using: &random)
        default: iloc.items.insert(iloc.items[k], at: Int.random(in: 0...iloc.items.count, using: &random))
        }
    }
}

// MARK: JPEG

/// Segment-level changes before the first scan: duplicate, move or drop a segment (APP1 most
/// often), or mutate the bytes of one with its length fixed up, or give it a wrong length.
private func mutateJPEG(_ input: [UInt8], _ random: inout SplitMix) -> [UInt8]? {
    var segments: [(marker: UInt8, payload: [UInt8])] = []
    var i = 2
    while i + 4 <= input.count, input[i] == 0xFF, ![0xDA, 0xD9].contains(input[i + 1]), segments.count < 8192 {
        let length = Int(input[i + 2]) << 8 | Int(input[i + 3])
        guard length >= 2, i + 2 + length <= input.count else { break }
        segments.append((input[i + 1], Array(input[(i + 4)..<(i + 2 + length)])))
        i += 2 + length
    }
    guard !segments.isEmpty else { return nil }
    let app1 = segments.indices.filter { segments[$0].marker == 0xE1 }
    let k = (app1.isEmpty || Bool.random(using: &random) ? Array(segments.indices) : app1).randomElement(using: &random)!
    var wrongLength: (Int, UInt16)?
    switch Int.random(in: 0..<5, using: &random) {
    case 0: segments.insert(segments[k], at: Int.random(in: 0...segments.count, using: &random))
    case 1: segments.insert(segments.remove(at: k), at: Int.random(in: 0..<segments.count + 1, using: &random))
    case 2: segments.remove(at: k)
    case 3: mutateWindow(&segments[k].payload, &random); segments[k].payload = Array(segments[k].payload.prefix(65533))
    default: wrongLength = (k, UInt16(truncatingIfNeeded: interesting(segments[k].payload.count, &random)))
    }
    var out: [UInt8] = [0xFF, 0xD8]
    for (n, segment) in segments.enumerated() {
        let length = n == wrongLength?.0 ? wrongLength!.1 : UInt16(segment.payload.count + 2)
        out += [0xFF, segment.marker, UInt8(length >> 8), UInt8(length & 0xFF)] + segment.payload
    }
    return out + input[i...]
}
