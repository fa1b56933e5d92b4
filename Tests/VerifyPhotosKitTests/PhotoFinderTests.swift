import Foundation
import Testing
@testable import VerifyPhotosKit

@Suite struct PhotoFinderTests {
    let finder = PhotoFinder()

    private func photos(_ items: [FoundItem]) -> [String] {
        items.compactMap { if case .photo(let path) = $0 { return path.description } else { return nil } }
    }

    @Test func walksFoldersRecursivelyByContentAndName() throws {
        let root = try TestPaths.temporaryFolder()
        let fm = FileManager.default
        let jpeg = try Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("ok-muntok-ii-dms.jpg")))
        try fm.createDirectory(at: root.appendingPathComponent("b/c"), withIntermediateDirectories: true)
        try TestPaths.write(jpeg, to: root.appendingPathComponent("a.jpg"))
        try TestPaths.write(jpeg, to: root.appendingPathComponent("b/c/renamed.bin"))  // photo by content
        try TestPaths.write(Data(), to: root.appendingPathComponent("b/empty.JPG"))    // photo by name
        try TestPaths.write(Data("hi".utf8), to: root.appendingPathComponent("b/notes.txt"))
        try TestPaths.write(jpeg, to: root.appendingPathComponent(".hidden.jpg"))
        try fm.createDirectory(at: root.appendingPathComponent(".thumbnails"), withIntermediateDirectories: true)
        try TestPaths.write(jpeg, to: root.appendingPathComponent(".thumbnails/t.jpg"))

        let result = finder.find([root.path])
        let found = photos(result.items).map { String($0.dropFirst(root.path.count + 1)) }
        #expect(found == ["a.jpg", "b/c/renamed.bin", "b/empty.JPG"])
        #expect(result.skipped == 2)  // notes.txt and .hidden.jpg
        #expect(result.revisitedFolders.isEmpty)
    }

    @Test func filesNamedDirectlyAreAlwaysVerified() throws {
        let path = TestPaths.fixture("unreadable-text-named.jpg")
        #expect(finder.find([path, path]).items == [.photo(path: path), .photo(path: path)])
    }

    @Test func aSymlinkLoopIsWalkedOnce() throws {
        let root = try TestPaths.temporaryFolder()
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try TestPaths.write(Data(), to: root.appendingPathComponent("sub/a.jpg"))
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("sub/loop").path, withDestinationPath: root.path)
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("sub/dangling.jpg").path, withDestinationPath: "/nonexistent/x.jpg")
        let result = finder.find([root.path])
        #expect(photos(result.items).map { URL(fileURLWithPath: $0).lastPathComponent } == ["a.jpg", "dangling.jpg"])
        #expect(result.revisitedFolders.map(\.description) == [root.path + "/sub/loop"])
    }

    @Test func namesThatAreNotUTF8StillOpen() throws {
        let root = try TestPaths.temporaryFolder()
        let jpeg = try Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("ok-muntok-ii-dms.jpg")))
        let name: [UInt8] = Array("foto-".utf8) + [0xFF, 0xFE] + Array(".jpg".utf8)
        let path = Array(root.path.utf8) + [UInt8(ascii: "/")] + name
        let fd = (path.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        #expect(fd >= 0)
        _ = jpeg.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        let result = finder.find([root.path])
        #expect(result.items == [.photo(PhotoPath(bytes: path))])
        let verified = VerdictTests.verifier.verify(path: PhotoPath(bytes: path))
        #expect(verified.verdict.status == .ok)
        #expect(verified.path == root.path + "/foto-\u{FFFD}\u{FFFD}.jpg")
    }

    @Test func missingPathsAreReportedBeforeAnyWork() {
        #expect(throws: MissingPathError(path: "/nonexistent/photos")) {
            try finder.checkExists([TestPaths.fixturesFolder, "/nonexistent/photos"])
        }
        #expect(throws: Never.self) { try finder.checkExists([TestPaths.fixturesFolder]) }
    }
}
