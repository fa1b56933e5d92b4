import Foundation
import Testing
@testable import VerifyPhotosKit

@Suite struct PhotoFinderTests {
    let finder = PhotoFinder()

    private func photos(_ items: [FoundItem]) -> [String] {
        items.compactMap { if case .photo(let path) = $0 { return path } else { return nil } }
    }

    @Test func walksFoldersRecursivelyByContentAndName() throws {
        let root = try TestPaths.temporaryFolder()
        let fm = FileManager.default
        let jpeg = try Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("ok-muntok-ii-dms.jpg")))
        try fm.createDirectory(at: root.appendingPathComponent("b/c"), withIntermediateDirectories: true)
        fm.createFile(atPath: root.appendingPathComponent("a.jpg").path, contents: jpeg)
        fm.createFile(atPath: root.appendingPathComponent("b/c/renamed.bin").path, contents: jpeg)  // photo by content
        fm.createFile(atPath: root.appendingPathComponent("b/empty.JPG").path, contents: Data())    // photo by name
        fm.createFile(atPath: root.appendingPathComponent("b/notes.txt").path, contents: Data("hi".utf8))
        fm.createFile(atPath: root.appendingPathComponent(".hidden.jpg").path, contents: jpeg)
        try fm.createDirectory(at: root.appendingPathComponent(".thumbnails"), withIntermediateDirectories: true)
        fm.createFile(atPath: root.appendingPathComponent(".thumbnails/t.jpg").path, contents: jpeg)

        let (items, skipped) = finder.find([root.path])
        let found = photos(items).map { String($0.dropFirst(root.path.count + 1)) }
        #expect(found == ["a.jpg", "b/c/renamed.bin", "b/empty.JPG"])
        #expect(skipped == 2)  // notes.txt and .hidden.jpg
    }

    @Test func filesNamedDirectlyAreAlwaysVerified() throws {
        let path = TestPaths.fixture("unreadable-text-named.jpg")
        #expect(finder.find([path, path]).items == [.photo(path: path), .photo(path: path)])
    }

    @Test func aSymlinkLoopIsWalkedOnce() throws {
        let root = try TestPaths.temporaryFolder()
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("sub"), withIntermediateDirectories: true)
        fm.createFile(atPath: root.appendingPathComponent("sub/a.jpg").path, contents: Data())
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("sub/loop").path, withDestinationPath: root.path)
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("sub/dangling.jpg").path, withDestinationPath: "/nonexistent/x.jpg")
        let (items, _) = finder.find([root.path])
        #expect(photos(items).map { URL(fileURLWithPath: $0).lastPathComponent } == ["a.jpg", "dangling.jpg"])
    }

    @Test func missingPathsAreReportedBeforeAnyWork() {
        #expect(throws: MissingPathError(path: "/nonexistent/photos")) {
            try finder.checkExists([TestPaths.fixturesFolder, "/nonexistent/photos"])
        }
        #expect(throws: Never.self) { try finder.checkExists([TestPaths.fixturesFolder]) }
    }
}
