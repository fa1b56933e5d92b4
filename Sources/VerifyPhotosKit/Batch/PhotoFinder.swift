#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Something found while walking the paths given on the command line.
public enum FoundItem: Sendable, Equatable {
    /// A file to verify.
    case photo(path: String)
    /// A folder that could not be listed; reported as an `unreadable` result.
    case unreadableFolder(path: String, reason: String)
}

/// A command-line path that does not exist.
public struct MissingPathError: Error, Equatable, Sendable {
    public var path: String
}

/// Finds the photos to verify: files named directly are always verified; folders are walked
/// recursively, in name order, and a file in them is taken when its content is an image (by
/// magic bytes) or its name ends like a photo (so that empty or broken uploads are reported).
/// Hidden entries (names starting with `.`) are left out; symbolic links are followed, with
/// each folder walked once so that a link loop cannot trap the walk.
public struct PhotoFinder: Sendable {
    public init() {}

    /// Checks that every path exists before any work starts.
    public func checkExists(_ paths: [String]) throws(MissingPathError) {
        for path in paths {
            var info = stat()
            if stat(path, &info) != 0 && lstat(path, &info) != 0 {
                throw MissingPathError(path: path)
            }
        }
    }

    /// Everything to verify under `paths`, in order, and how many other files were skipped.
    public func find(_ paths: [String]) -> (items: [FoundItem], skipped: Int) {
        var items: [FoundItem] = []
        var skipped = 0
        var seenFolders = Set<FolderID>()
        for path in paths {
            var info = stat()
            if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                walk(path, into: &items, skipped: &skipped, seen: &seenFolders)
            } else {
                items.append(.photo(path: path))
            }
        }
        return (items, skipped)
    }

    private struct FolderID: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private func walk(_ folder: String, into items: inout [FoundItem], skipped: inout Int, seen: inout Set<FolderID>) {
        var info = stat()
        guard stat(folder, &info) == 0 else {
            items.append(.unreadableFolder(path: folder, reason: ReadOnlyFile.describe(errno: errno)))
            return
        }
        guard seen.insert(FolderID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted else {
            return  // already walked: a link loop or a second link to the same folder
        }
        guard let directory = opendir(folder) else {
            items.append(.unreadableFolder(path: folder, reason: ReadOnlyFile.describe(errno: errno)))
            return
        }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            names.append(name)
        }
        closedir(directory)
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        for name in names.sorted() {
            let path = prefix + name
            var entryInfo = stat()
            guard stat(path, &entryInfo) == 0 else {
                // A dangling link or a file that vanished: verify it, so the error is reported.
                if !name.hasPrefix(".") { items.append(.photo(path: path)) }
                continue
            }
            let type = entryInfo.st_mode & S_IFMT
            if name.hasPrefix(".") {
                if type != S_IFDIR { skipped += 1 }
                continue
            }
            if type == S_IFDIR {
                walk(path, into: &items, skipped: &skipped, seen: &seen)
            } else if type == S_IFREG, looksLikePhoto(path: path, name: name) {
                items.append(.photo(path: path))
            } else {
                skipped += 1
            }
        }
    }

    /// By name ending first (cheap), else by the first bytes of the content.
    func looksLikePhoto(path: String, name: String) -> Bool {
        if let dot = name.lastIndex(of: "."),
           ContainerFormat.photoExtensions.contains(name[name.index(after: dot)...].lowercased()) {
            return true
        }
        guard let file = try? ReadOnlyFile(path: path, headSize: 0), let magic = try? file.bytes(at: 0, count: 16) else {
            return false
        }
        return ContainerFormat(magic: magic) != nil
    }
}
