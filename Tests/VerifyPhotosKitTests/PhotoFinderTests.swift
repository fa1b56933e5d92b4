import Foundation
import Testing
@testable import VerifyPhotosKit

@Suite struct PhotoFinderTests {
    let finder = PhotoFinder()

    private func photos(_ items: [FoundItem]) -> [String] {
        items.compactMap { if case .photo(let path) = $0 { return path.description } else { return nil } }
    }

    /// A temporary folder, removed when the test ends.
    private final class Scratch {
        let url: URL
        var path: String { url.path }
        init() throws { url = try TestPaths.temporaryFolder() }
        deinit { try? FileManager.default.removeItem(at: url) }
        func folder(_ name: String) throws -> String {
            try FileManager.default.createDirectory(atPath: path + "/" + name, withIntermediateDirectories: true)
            return path + "/" + name
        }
        func file(_ name: String) throws -> String {
            try TestPaths.write(Data(), to: url.appendingPathComponent(name))
            return path + "/" + name
        }
        func link(_ name: String, to target: String) throws {
            try FileManager.default.createSymbolicLink(atPath: path + "/" + name, withDestinationPath: target)
        }
    }

    @Test func everyFileInAnUploadTreeIsASubmissionButHiddenAndSystemFiles() throws {
        let scratch = try Scratch()
        let root = scratch.url
        let fm = FileManager.default
        let jpeg = try Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("ok-muntok-ii-dms.jpg")))
        try fm.createDirectory(at: root.appendingPathComponent("b/c"), withIntermediateDirectories: true)
        try TestPaths.write(jpeg, to: root.appendingPathComponent("a.jpg"))
        try TestPaths.write(jpeg, to: root.appendingPathComponent("b/c/renamed.bin"))
        try TestPaths.write(Data(), to: root.appendingPathComponent("b/empty.JPG"))
        try TestPaths.write(Data("%PDF-1.7".utf8), to: root.appendingPathComponent("b/surat.pdf"))  // reported for what it is
        try TestPaths.write(Data("hi".utf8), to: root.appendingPathComponent("b/notes.txt"))
        try TestPaths.write(jpeg, to: root.appendingPathComponent(".hidden.jpg"))
        for name in ["Thumbs.db", "b/desktop.ini", "b/c/.DS_Store", "ehthumbs.db"] {
            try TestPaths.write(Data("x".utf8), to: root.appendingPathComponent(name))
        }
        for folder in [".thumbnails", "@eaDir/a.jpg", "$RECYCLE.BIN", "__MACOSX"] {
            try fm.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            try TestPaths.write(jpeg, to: root.appendingPathComponent(folder + "/t.jpg"))
        }

        let result = finder.find([root.path])
        let found = photos(result.items).map { String($0.dropFirst(root.path.count + 1)) }
        #expect(found == ["a.jpg", "b/c/renamed.bin", "b/empty.JPG", "b/notes.txt", "b/surat.pdf"])
        #expect(result.skipped == 5)  // .hidden.jpg, Thumbs.db, desktop.ini, .DS_Store, ehthumbs.db
        #expect(result.revisitedFolders.isEmpty)
    }

    @Test func aFIFOInAFolderIsReportedNotSkipped() throws {
        let scratch = try Scratch()
        #expect(mkfifo(scratch.path + "/upload.jpg", 0o644) == 0)
        let result = finder.find([scratch.path])
        #expect(photos(result.items) == [scratch.path + "/upload.jpg"])
        #expect(result.skipped == 0)
    }

    @Test func anEmptyFolderFindsNothing() throws {
        let scratch = try Scratch()
        let result = finder.find([scratch.path])
        #expect(result.items.isEmpty && result.skipped == 0)
    }

    @Test func filesNamedDirectlyAreAlwaysVerified() throws {
        let path = TestPaths.fixture("unreadable-text-named.jpg")
        #expect(finder.find([path, path]).items == [.photo(path: path), .photo(path: path)])
    }

    @Test func aSymlinkLoopIsWalkedOnce() throws {
        let scratch = try Scratch()
        let root = scratch.url
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try TestPaths.write(Data(), to: root.appendingPathComponent("sub/a.jpg"))
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("sub/loop").path, withDestinationPath: root.path)
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("sub/dangling.jpg").path, withDestinationPath: "/nonexistent/x.jpg")
        let result = finder.find([root.path])
        #expect(photos(result.items).map { URL(fileURLWithPath: $0).lastPathComponent } == ["a.jpg", "dangling.jpg"])
        #expect(result.revisitedFolders.map(\.description) == [root.path + "/sub/loop"])
        #expect(result.linksOutside.isEmpty)
    }

    @Test func linksOutOfTheGivenFoldersAreReportedNotFollowed() throws {
        let scratch = try Scratch(), elsewhere = try Scratch()
        let root = try scratch.folder("photos")
        _ = try scratch.folder("photos/sub")
        _ = try scratch.file("photos/sub/a.jpg")
        _ = try scratch.folder("photos-2")  // beside the root, its name longer by a suffix
        _ = try scratch.file("photos-2/sibling.jpg")
        _ = try elsewhere.file("secret.jpg")
        try scratch.link("photos/outside.jpg", to: elsewhere.path + "/secret.jpg")
        try scratch.link("photos/sub/elsewhere", to: elsewhere.path)
        try scratch.link("photos/sub/system", to: "/")
        try scratch.link("photos/up", to: "../photos-2")
        let result = finder.find([root])
        #expect(photos(result.items) == [root + "/sub/a.jpg"])
        #expect(result.linksOutside.map(\.description) == [root + "/outside.jpg", root + "/sub/elsewhere", root + "/sub/system", root + "/up"])
        #expect(result.revisitedFolders.isEmpty)
        #expect(result.skipped == 0)
    }

    @Test func linksThatStayInsideAGivenPathAreFollowed() throws {
        let scratch = try Scratch()
        let root = try scratch.folder("root")
        _ = try scratch.folder("root/real")
        _ = try scratch.file("root/real/a.jpg")
        try scratch.link("root/alias", to: "real")                    // a folder inside, by a relative link
        try scratch.link("root/pic.jpg", to: root + "/real/a.jpg")   // a file inside
        try scratch.link("root/other", to: scratch.path + "/other")  // into another given folder
        _ = try scratch.folder("other")
        _ = try scratch.file("other/b.jpg")
        try scratch.link("link-to-root", to: root)                   // a given path may itself be a link
        let result = finder.find([scratch.path + "/link-to-root", scratch.path + "/other"])
        let base = scratch.path + "/link-to-root"
        #expect(photos(result.items) == [base + "/alias/a.jpg", base + "/other/b.jpg", base + "/pic.jpg"])
        #expect(result.linksOutside.isEmpty)
        #expect(result.revisitedFolders.map(\.description) == [base + "/real", scratch.path + "/other"])
    }

    @Test func aLinkNamedDirectlyIsAlwaysTaken() throws {
        let scratch = try Scratch(), elsewhere = try Scratch()
        let secret = try elsewhere.file("secret.jpg")
        try scratch.link("borrowed.jpg", to: secret)
        try scratch.link("elsewhere", to: elsewhere.path)
        let result = finder.find([scratch.path + "/borrowed.jpg", scratch.path + "/elsewhere"])
        #expect(photos(result.items) == [scratch.path + "/borrowed.jpg", scratch.path + "/elsewhere/secret.jpg"])
        #expect(result.linksOutside.isEmpty)
    }

    @Test func namesThatAreNotUTF8StillOpen() throws {
        let scratch = try Scratch()
        let root = scratch.url
        let jpeg = try Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("ok-muntok-ii-dms.jpg")))
        let name: [UInt8] = Array("foto-".utf8) + [0xFF, 0xFE] + Array(".jpg".utf8)
        let path = Array(root.path.utf8) + [UInt8(ascii: "/")] + name
        let fd = (path.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        #expect(fd >= 0)
        _ = jpeg.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        let result = finder.find([root.path])
        #expect(result.items == [.photo(PhotoPath(bytes: path))])
        let verified = TestVerifier.verifier.verify(path: PhotoPath(bytes: path))
        #expect(verified.verdict.status == .ok)
        #expect(verified.path == root.path + "/foto-\\xff\\xfe.jpg")  // stray bytes print escaped
    }

    @Test func missingPathsAreReportedBeforeAnyWork() {
        #expect(throws: MissingPathError(path: "/nonexistent/photos")) {
            try finder.checkExists([TestPaths.fixturesFolder, "/nonexistent/photos"])
        }
        #expect(throws: Never.self) { try finder.checkExists([TestPaths.fixturesFolder]) }
    }
}
