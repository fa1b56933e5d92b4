import Testing
@testable import VerifyPhotosKit

/// `ISOBMFFMeta`: the items, references and locations of a `meta` box, read from bytes built
/// here; cut-off, oversized and endless structures stay bounded.
@Suite struct ISOBMFFMetaTests {
    static func be(_ value: UInt64, _ size: Int) -> [UInt8] {
        (0..<size).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64(size - 1 - $0))) }
    }

    static func box(_ type: String, _ body: [UInt8]) -> [UInt8] {
        be(UInt64(8 + body.count), 4) + Array(type.utf8) + body
    }

    /// A full box: version, 3 bytes of flags, then `body`.
    static func fullBox(_ type: String, version: UInt8, _ body: [UInt8]) -> [UInt8] {
        box(type, [version, 0, 0, 0] + body)
    }

    /// An `infe` box of version 2 (16-bit ID) or 3 (32-bit ID).
    static func infe(id: UInt32, type: String, version: UInt8 = 2, strings: [UInt8] = [0]) -> [UInt8] {
        fullBox("infe", version: version, be(UInt64(id), version == 2 ? 2 : 4) + [0, 0] + Array(type.utf8) + strings)
    }

    static func iinf(_ entries: [[UInt8]]) -> [UInt8] {
        fullBox("iinf", version: 0, be(UInt64(entries.count), 2) + entries.joined())
    }

    /// A reference box of an `iref` of version 0 (16-bit IDs).
    static func reference(_ type: String, from: UInt16, to targets: [UInt16]) -> [UInt8] {
        box(type, be(UInt64(from), 2) + be(UInt64(targets.count), 2) + targets.flatMap { be(UInt64($0), 2) })
    }

    /// An `iloc` item entry: `method` is written for versions 1 and 2 only.
    struct LocationEntry {
        var id: UInt32
        var method: UInt16 = 0
        var base: UInt64 = 0
        var extents: [(offset: UInt64, length: UInt64)]
    }

    static func iloc(version: UInt8, offsetSize: Int = 4, lengthSize: Int = 4, baseSize: Int = 0, indexSize: Int = 0, _ entries: [LocationEntry]) -> [UInt8] {
        let idSize = version < 2 ? 2 : 4
        var body = [UInt8(offsetSize << 4 | lengthSize), UInt8(baseSize << 4 | (version >= 1 ? indexSize : 0))]
        body += be(UInt64(entries.count), idSize)
        for entry in entries {
            body += be(UInt64(entry.id), idSize)
            if version >= 1 { body += be(UInt64(entry.method), 2) }
            body += [0, 0] + be(entry.base, baseSize) + be(UInt64(entry.extents.count), 2)
            for extent in entry.extents {
                if version >= 1 { body += be(7, indexSize) }
                body += be(extent.offset, offsetSize) + be(extent.length, lengthSize)
            }
        }
        return fullBox("iloc", version: version, body)
    }

    /// The reader over a `meta` body made of `children`.
    static func meta(_ children: [[UInt8]]) -> ISOBMFFMeta {
        ([0, 0, 0, 0] + children.joined()).withUnsafeBufferPointer { ISOBMFFMeta(body: $0) }
    }

    @Test func readsTheLocationsOfEachILocVersion() {
        let v0 = ISOBMFFMetaTests.meta([ISOBMFFMetaTests.iloc(version: 0, [.init(id: 1, extents: [(100, 50), (200, 0)])])])
        #expect(v0.locations[1] == .init(method: .fileOffset, extents: [.init(offset: 100, length: 50), .init(offset: 200, length: 0)]))

        // Version 1: a construction method, an 8-byte base offset added to each extent, extent indices skipped.
        let v1 = ISOBMFFMetaTests.meta([
            ISOBMFFMetaTests.iloc(version: 1, offsetSize: 8, lengthSize: 8, baseSize: 8, indexSize: 4, [
                .init(id: 3, method: 1, base: 1000, extents: [(5, 6)]),
                .init(id: 4, method: 0, base: 0, extents: [(7, 8)]),
            ])
        ])
        #expect(v1.locations[3] == .init(method: .idatOffset, extents: [.init(offset: 1005, length: 6)]))
        #expect(v1.locations[4] == .init(method: .fileOffset, extents: [.init(offset: 7, length: 8)]))

        // Version 2: 32-bit item IDs and count; method 2 (another item's data) and a reserved one.
        let v2 = ISOBMFFMetaTests.meta([
            ISOBMFFMetaTests.iloc(version: 2, offsetSize: 0, lengthSize: 4, [
                .init(id: 70_000, method: 2, extents: [(0, 9)]),
                .init(id: 70_001, method: 5, extents: []),
            ])
        ])
        #expect(v2.locations[70_000] == .init(method: .itemOffset, extents: [.init(offset: 0, length: 9)]))
        #expect(v2.locations[70_001] == .init(method: .reserved, extents: []))

        // Version 3 is not known: no locations.
        var v3 = ISOBMFFMetaTests.iloc(version: 2, [.init(id: 1, extents: [(1, 1)])])
        v3[8] = 3
        #expect(ISOBMFFMetaTests.meta([v3]).locations.isEmpty)
    }

    @Test func readsItemsReferencesAndIdat() throws {
        let xmpStrings = Array("xmp\0application/rdf+xml\0".utf8)
        let idatBody: [UInt8] = [9, 8, 7]
        let children = [
            ISOBMFFMetaTests.fullBox("pitm", version: 0, [0, 10]),
            ISOBMFFMetaTests.iinf([
                ISOBMFFMetaTests.infe(id: 10, type: "grid"),
                ISOBMFFMetaTests.infe(id: 11, type: "hvc1"),
                ISOBMFFMetaTests.infe(id: 80_000, type: "Exif", version: 3),
                ISOBMFFMetaTests.infe(id: 13, type: "mime", strings: xmpStrings),
                // Version 1 entries carry no item type: left out.
                ISOBMFFMetaTests.fullBox("infe", version: 1, [0, 14, 0, 0]),
            ]),
            ISOBMFFMetaTests.fullBox("iref", version: 0,
                ISOBMFFMetaTests.reference("dimg", from: 10, to: [12, 11])
                + ISOBMFFMetaTests.reference("cdsc", from: 13, to: [10])
                + ISOBMFFMetaTests.reference("thmb", from: 11, to: [10])
                + ISOBMFFMetaTests.reference("dimg", from: 10, to: [15])),
            ISOBMFFMetaTests.box("idat", idatBody),
        ]
        let meta = ISOBMFFMetaTests.meta(children)
        #expect(meta.primary == 10)
        #expect(meta.items.map(\.id) == [10, 11, 80_000, 13])
        #expect(meta.items.map(\.type) == ["grid", "hvc1", "Exif", "mime"])
        #expect(meta.items.map(\.contentType) == [nil, nil, nil, "application/rdf+xml"])
        #expect(meta.derivations == [10: [12, 11, 15]])
        #expect(meta.descriptions == [13: [10]])
        let body = [0, 0, 0, 0] + children.joined()
        let idat = try #require(meta.idat)
        #expect(Array(body[idat]) == idatBody)
    }

    @Test func leavesOutWhatIsCutOff() {
        // The second item's entry ends inside its extent: only the first item is kept.
        var iloc = ISOBMFFMetaTests.iloc(version: 0, [.init(id: 1, extents: [(1, 2)]), .init(id: 2, extents: [(3, 4)])])
        iloc.removeLast(3)
        iloc.replaceSubrange(0..<4, with: ISOBMFFMetaTests.be(UInt64(iloc.count), 4))
        #expect(ISOBMFFMetaTests.meta([iloc]).locations.keys.sorted() == [1])

        // An extent whose offset overflows with the base offset is left out, not the item.
        let overflowing = ISOBMFFMetaTests.meta([
            ISOBMFFMetaTests.iloc(version: 1, offsetSize: 8, baseSize: 8, [.init(id: 1, base: UInt64.max, extents: [(1, 1), (0, 2)])])
        ])
        #expect(overflowing.locations[1]?.extents == [.init(offset: UInt64.max, length: 2)])

        // A reference list longer than its box keeps the targets that are there.
        let shortReference = ISOBMFFMetaTests.box("dimg", [0, 10, 0, 5, 0, 11, 0, 12])
        let meta = ISOBMFFMetaTests.meta([ISOBMFFMetaTests.fullBox("iref", version: 0, shortReference)])
        #expect(meta.derivations == [10: [11, 12]])
    }

    @Test func stopsAtABoxThatDoesNotFit() {
        let pitm = ISOBMFFMetaTests.fullBox("pitm", version: 0, [0, 1])
        // A box claiming more bytes than the `meta` body has: it and everything after it are left out.
        var oversized = ISOBMFFMetaTests.iinf([ISOBMFFMetaTests.infe(id: 1, type: "hvc1")])
        oversized.replaceSubrange(0..<4, with: ISOBMFFMetaTests.be(1_000_000, 4))
        let cut = ISOBMFFMetaTests.meta([oversized, pitm])
        #expect(cut.items.isEmpty && cut.primary == nil)

        // A 64-bit size that fits is read; one past the end is not.
        let body = [0, 0, 0, 1] + Array("pitm".utf8) + ISOBMFFMetaTests.be(16 + 6, 8) + [0, 0, 0, 0, 0, 7]
        #expect(ISOBMFFMetaTests.meta([body]).primary == 7)
        var tooLarge = body
        tooLarge.replaceSubrange(8..<16, with: ISOBMFFMetaTests.be(UInt64.max, 8))
        #expect(ISOBMFFMetaTests.meta([tooLarge]).primary == nil)

        // A size of 0 runs to the end of the `meta` body.
        var toTheEnd = pitm
        toTheEnd.replaceSubrange(0..<4, with: [0, 0, 0, 0])
        #expect(ISOBMFFMetaTests.meta([toTheEnd]).primary == 1)
        // A size smaller than the header stops the walk.
        var tooSmall = pitm
        tooSmall[3] = 4
        #expect(ISOBMFFMetaTests.meta([tooSmall, pitm]).primary == nil)
    }

    /// Offset and length sizes of 0 make extents take no bytes: items and extents together stop
    /// at `ReadLimits.structures`.
    @Test func boundsTheItemsAndExtentsWalked() {
        let limit = ReadLimits.structures
        let fill = ISOBMFFMetaTests.LocationEntry(id: 1, extents: Array(repeating: (0, 0), count: limit - 1))
        let meta = ISOBMFFMetaTests.meta([
            ISOBMFFMetaTests.iloc(version: 0, offsetSize: 0, lengthSize: 0, [fill, .init(id: 2, extents: [(0, 0)])])
        ])
        #expect(meta.locations[1]?.extents.count == limit - 1)
        #expect(meta.locations[2] == nil)

        // 65,535 items without extents: the first `ReadLimits.structures` are read.
        let many = (1...65_535).map { ISOBMFFMetaTests.LocationEntry(id: UInt32($0), extents: []) }
        let items = ISOBMFFMetaTests.meta([ISOBMFFMetaTests.iloc(version: 0, many)])
        #expect(items.locations.count == limit)
        #expect(items.locations[UInt32(limit)] != nil && items.locations[UInt32(limit + 1)] == nil)
    }

    /// The image data of a grid is its tiles' extents in reference order, cut at the end of the
    /// file; extents in another item's data are not followed.
    @Test func gridTilesInReferenceOrderForTheDigest() {
        let children = [
            ISOBMFFMetaTests.fullBox("pitm", version: 0, [0, 1]),
            ISOBMFFMetaTests.iinf([
                ISOBMFFMetaTests.infe(id: 1, type: "grid"),
                ISOBMFFMetaTests.infe(id: 2, type: "hvc1"),
                ISOBMFFMetaTests.infe(id: 3, type: "hvc1"),
                ISOBMFFMetaTests.infe(id: 4, type: "hvc1"),
            ]),
            ISOBMFFMetaTests.fullBox("iref", version: 0, ISOBMFFMetaTests.reference("dimg", from: 1, to: [3, 2, 4])),
            ISOBMFFMetaTests.iloc(version: 1, [
                .init(id: 2, extents: [(0, 4)]),
                .init(id: 3, extents: [(10, 1_000_000)]),
                .init(id: 4, method: 2, extents: [(0, 4)]),
            ]),
        ]
        let meta = ISOBMFFMetaTests.fullBox("meta", version: 0, Array(children.joined()))
        let file = ISOBMFFMetaTests.box("ftyp", Array("heic\0\0\0\0mif1heic".utf8)) + meta + ISOBMFFMetaTests.box("mdat", [UInt8](repeating: 1, count: 64))
        var ranges: [Range<Int>] = []
        file.withUnsafeBufferPointer { ImageData.heifImageData($0) { ranges.append($0) } }
        #expect(ranges == [10..<file.count, 0..<4])
    }
}
