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
    case photo(PhotoPath)
    /// A folder that could not be listed; reported as an `unreadable` result.
    case unreadableFolder(PhotoPath, reason: String)

    /// A file to verify, by its path as text.
    public static func photo(path: String) -> FoundItem { .photo(PhotoPath(path)) }
}

/// A command-line path that does not exist.
public struct MissingPathError: Error, Equatable, Sendable {
    public var path: String
}

/// What walking the command-line paths found.
public struct FoundFiles: Sendable {
    /// Everything to verify, in order.
    public var items: [FoundItem] = []
    /// Files in folders that are neither photos by content nor by name (hidden ones included).
    public var skipped = 0
    /// Folders reached a second time through a symbolic link (a loop or a second link to the
    /// same folder): each is walked once and reported here once.
    public var revisitedFolders: [PhotoPath] = []
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

    /// Everything to verify under `paths`.
    public func find(_ paths: [String]) -> FoundFiles {
        var found = FoundFiles()
        var seenFolders = Set<FolderID>()
        for path in paths.map(PhotoPath.init) {
            if isFolder(path) {
                walk(path, into: &found, seen: &seenFolders)
            } else {
                found.items.append(.photo(path))
            }
        }
        return found
    }

    private struct FolderID: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private func isFolder(_ path: PhotoPath) -> Bool {
        path.status().map { ($0.st_mode & S_IFMT) == S_IFDIR } ?? false
    }

    private func walk(_ folder: PhotoPath, into found: inout FoundFiles, seen: inout Set<FolderID>) {
        guard let info = folder.status() else {
            found.items.append(.unreadableFolder(folder, reason: ReadOnlyFile.describe(errno: errno)))
            return
        }
        guard seen.insert(FolderID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted else {
            found.revisitedFolders.append(folder)
            return
        }
        guard let directory = folder.withCString({ opendir($0) }) else {
            found.items.append(.unreadableFolder(folder, reason: ReadOnlyFile.describe(errno: errno)))
            return
        }
        var entries: [(name: [UInt8], type: UInt8)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            entries.append((name, entry.pointee.d_type))
        }
        closedir(directory)
        for (name, directoryType) in entries.sorted(by: { $0.name.lexicographicallyPrecedes($1.name) }) {
            let path = folder.appending(name)
            let hidden = name.first == UInt8(ascii: ".")
            // The directory entry usually tells a plain file's type: no stat() needed then.
            if directoryType == UInt8(DT_REG) {
                if hidden || !looksLikePhoto(path, name: name) {
                    found.skipped += 1
                } else {
                    found.items.append(.photo(path))
                }
                continue
            }
            guard let entryInfo = path.status() else {
                // A dangling link or a file that vanished: verify it, so the error is reported.
                if !hidden { found.items.append(.photo(path)) }
                continue
            }
            let type = entryInfo.st_mode & S_IFMT
            if hidden {
                if type != S_IFDIR { found.skipped += 1 }
            } else if type == S_IFDIR {
                walk(path, into: &found, seen: &seen)
            } else if type == S_IFREG, looksLikePhoto(path, name: name) {
                found.items.append(.photo(path))
            } else {
                found.skipped += 1
            }
        }
    }

    /// By name ending first (cheap), else by the first bytes of the content.
    func looksLikePhoto(_ path: PhotoPath, name: [UInt8]) -> Bool {
        if let dot = name.lastIndex(of: UInt8(ascii: ".")),
           ContainerFormat.photoExtensions.contains(String(decoding: name[(dot + 1)...], as: UTF8.self).lowercased()) {
            return true
        }
        guard let file = try? ReadOnlyFile(path: path, headSize: 0), let magic = try? file.bytes(at: 0, count: 16) else {
            return false
        }
        return ContainerFormat(magic: magic) != nil
    }
}
