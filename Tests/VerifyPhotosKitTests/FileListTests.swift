import Foundation
import Testing
@testable import VerifyPhotosKit

/// `--files-from`: paths one per line or NUL-separated, each kept as its exact bytes.
@Suite struct FileListTests {
    @Test func linesKeepTheirBytesAndLoseOnlyTheLineEnd() {
        let bytes = Array("/a b.jpg\n".utf8) + [0x2F, 0xFF, 0x0A] + Array("/c.jpg\r\n\n\r\n /d.jpg \n/last.jpg".utf8)
        #expect(FileList.paths(in: bytes, separator: .newline) == [
            PhotoPath("/a b.jpg"), PhotoPath(bytes: [0x2F, 0xFF]), PhotoPath("/c.jpg"), PhotoPath(" /d.jpg "), PhotoPath("/last.jpg"),
        ])
    }

    @Test func nulSeparatedPathsMayHoldNewlinesAndCarriageReturns() {
        let bytes = Array("/two\nlines.jpg\u{0}/cr\r\u{0}\u{0}".utf8)
        #expect(FileList.paths(in: bytes, separator: .nul) == [PhotoPath("/two\nlines.jpg"), PhotoPath("/cr\r")])
    }

    @Test func anEmptyListHasNoPaths() {
        #expect(FileList.paths(in: [], separator: .newline).isEmpty)
        #expect(FileList.paths(in: Array("\n\n".utf8), separator: .newline).isEmpty)
    }

    @Test func aListIsReadFromAFileOrSaysWhyNot() throws {
        let folder = try TemporaryFolder()
        let list = folder.appendingPathComponent("list.txt")
        try Data("/x.jpg\n/y.jpg\n".utf8).write(to: list)
        #expect(try FileList.read(from: list.path, separator: .newline) == [PhotoPath("/x.jpg"), PhotoPath("/y.jpg")])
        #expect(throws: FileListError(path: folder.path + "/missing", reason: "No such file or directory")) {
            try FileList.read(from: folder.path + "/missing", separator: .newline)
        }
        #expect(throws: FileListError.self) { try FileList.read(from: folder.path, separator: .newline) }  // a folder
    }
}
