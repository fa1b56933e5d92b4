import Foundation
import Testing
@testable import VerifyPhotosKit

/// The one byte source of the container readers: a file (its head in memory, the rest read with
/// pread) and a buffer give the same bytes, windows are cut to their bounds, and EXIF blocks in
/// memory reach libexif without a copy.
@Suite struct ByteSourceTests {
    /// 100,000 bytes of a pattern: longer than the 64 KiB head, so reads cross it.
    static let pattern: [UInt8] = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 8) }

    private func sources() throws -> (file: ByteSource, memory: ByteSource, folder: TemporaryFolder) {
        let folder = try TemporaryFolder()
        let url = folder.appendingPathComponent("bytes.bin")
        try TestPaths.write(Data(ByteSourceTests.pattern), to: url)
        return (ByteSource(try ReadOnlyFile(path: url.path)), ByteSource(ByteSourceTests.pattern), folder)
    }

    @Test func aFileAndABufferGiveTheSameBytes() throws {
        let (file, memory, folder) = try sources()
        defer { withExtendedLifetime(folder) {} }
        #expect(file.size == 100_000 && memory.size == 100_000)
        let p = ByteSourceTests.pattern
        // In the head, across its end, past it, cut at the end of the file, and outside it.
        for (offset, count) in [(0, 16), (65_530, 20), (70_000, 1_000), (99_990, 100), (100_000, 4), (-1, 4), (5, 0)] {
            let expected = offset >= 0 && offset < p.count && count > 0 ? Array(p[offset..<min(p.count, offset + count)]) : []
            for source in [file, memory] {
                #expect(try source.bytes(at: Int64(offset), count: count) == expected)
                #expect(Array(try source.contiguous(at: Int64(offset), count: count)) == expected)
            }
        }
    }

    @Test func windowsAreCutToTheirBounds() throws {
        let (file, memory, folder) = try sources()
        defer { withExtendedLifetime(folder) {} }
        let p = ByteSourceTests.pattern
        for source in [file, memory] {
            let window = source.window(at: 65_000, count: 2_000)
            #expect(window.size == 2_000)
            #expect(try window.bytes(at: 0, count: 10_000) == Array(p[65_000..<67_000]))
            #expect(try window.bytes(at: 1_990, count: 100) == Array(p[66_990..<67_000]))
            #expect(try window.bytes(at: 2_000, count: 1).isEmpty)
            // A window of a window, and windows reaching past the end or starting outside.
            #expect(try window.window(from: 1_000).bytes(at: 0, count: 4) == Array(p[66_000..<66_004]))
            #expect(source.window(at: 99_000, count: 5_000).size == 1_000)
            #expect(source.window(at: 200_000, count: 5).size == 0)
            #expect(source.window(at: -5, count: 5).size == 0)
            #expect(source.window(at: -5, count: 10).size == 5)
            #expect(source.window(at: 10, count: .max).size == 99_990)
        }
    }

    @Test func anExifBlockInMemoryReachesLibexifWithoutACopy() throws {
        let header = Array("Exif\0\0".utf8)
        let bytes: [UInt8] = [1, 2, 3] + header + [0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0]
        let tiff = ByteSource(bytes).window(at: 9, count: 8)
        let block = try #require(try tiff.contiguous(behind: header, limit: 0xFFF0))
        #expect(Array(block) == header + [0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0])
        #expect(block.startIndex == 3)  // a slice of `bytes`
        // Without the header before it, the window is copied behind one.
        let bare = ByteSource([0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0])
        let copied = try #require(try bare.contiguous(behind: header, limit: 0xFFF0))
        #expect(Array(copied) == header + [0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0])
        // Longer than the limit: nothing (the repacker's case).
        #expect(try tiff.contiguous(behind: header, limit: 7) == nil)
    }

    @Test func theStartForLibjpegIsTheHeadAndTheFileOrTheWholeBuffer() throws {
        let (file, memory, folder) = try sources()
        defer { withExtendedLifetime(folder) {} }
        file.withStart { start, descriptor in
            #expect(start.count == 64 * 1024 && descriptor >= 0)
            #expect(Array(start.prefix(8)) == Array(ByteSourceTests.pattern.prefix(8)))
        }
        memory.withStart { start, descriptor in
            #expect(start.count == 100_000 && descriptor == -1)
        }
    }
}
