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
        try TestPaths.write(jpeg, to: root.appendingPathComponent("a.jpg"))
        try TestPaths.write(jpeg, to: root.appendingPathComponent("b/c/renamed.bin"))  // photo by content
        try TestPaths.write(Data(), to: root.appendingPathComponent("b/empty.JPG"))    // photo by name
        try TestPaths.write(Data("hi".utf8), to: root.appendingPathComponent("b/notes.txt"))
        try TestPaths.write(jpeg, to: root.appendingPathComponent(".hidden.jpg"))
        try fm.createDirectory(at: root.appendingPathComponent(".thumbnails"), withIntermediateDirectories: true)
        try TestPaths.write(jpeg, to: root.appendingPathComponent(".thumbnails/t.jpg"))

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
        try TestPaths.write(Data(), to: root.appendingPathComponent("sub/a.jpg"))
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
