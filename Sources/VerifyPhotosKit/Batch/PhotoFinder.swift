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
    /// Hidden files (names starting with `.`) and known system files (`Thumbs.db`,
    /// `desktop.ini`, ...) in walked folders: the only files not verified.
    public var skipped = 0
    /// Folders reached a second time through a symbolic link (a loop or a second link to the
    /// same folder): each is walked once and reported here once.
    public var revisitedFolders: [PhotoPath] = []
    /// Symbolic links whose target lies outside every given path: neither followed nor
    /// verified, and reported here once each.
    public var linksOutside: [PhotoPath] = []
}

/// Finds the photos to verify: files named directly are always verified; folders are walked
/// recursively, in name order. In an upload tree every file is a submission, so every file in
/// a walked folder is verified (a PDF is then reported for what it is, not skipped) except
/// hidden entries (names starting with `.`) and what operating systems and NAS boxes leave
/// there (`Thumbs.db`, `desktop.ini`, `@eaDir`, `$RECYCLE.BIN`, ...). A symbolic link in a
/// folder is followed only when its target stays inside one of the given paths (a link to `/`
/// must not walk the system), with each folder walked once so that a link loop cannot trap the
/// walk; links that lead out are reported, not verified.
public struct PhotoFinder: Sendable {
    public init() {}

    /// Checks that every path exists before any work starts.
    public func checkExists(_ paths: [String]) throws(MissingPathError) {
        try checkExists(paths.map(PhotoPath.init))
    }

    /// Checks that every path, given as its exact bytes, exists before any work starts.
    public func checkExists(_ paths: [PhotoPath]) throws(MissingPathError) {
        for path in paths {
            var info = stat()
            if path.withCString({ stat($0, &info) != 0 && lstat($0, &info) != 0 }) {
                throw MissingPathError(path: path.description)
            }
        }
    }

    /// Everything to verify under `paths`.
    public func find(_ paths: [String]) -> FoundFiles {
        find(paths.map(PhotoPath.init))
    }

    /// Everything to verify under `paths`, given as their exact bytes (names need not be UTF-8).
    public func find(_ given: [PhotoPath]) -> FoundFiles {
        var walk = Walk(roots: given.compactMap(PhotoFinder.realPath))
        for path in given {
            if isFolder(path) {
                visit(path, &walk)
            } else {
                walk.found.items.append(.photo(path))
            }
        }
        return walk.found
    }

    private struct FolderID: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// Where a symbolic link leads, as far as the walk is concerned.
    private enum LinkTarget {
        case inside, outside, unresolved
    }

    /// One walk over the given paths: what it found, the folders it has been through, and the
    /// real paths (links resolved) of the given paths, inside which links may lead.
    private struct Walk {
        var found = FoundFiles()
        var seen = Set<FolderID>()
        let roots: [[UInt8]]
    }

    private func isFolder(_ path: PhotoPath) -> Bool {
        path.status().map { ($0.st_mode & S_IFMT) == S_IFDIR } ?? false
    }

    private func visit(_ folder: PhotoPath, _ walk: inout Walk) {
        guard let info = folder.status() else {
            walk.found.items.append(.unreadableFolder(folder, reason: ReadOnlyFile.describe(errno: errno)))
            return
        }
        guard walk.seen.insert(FolderID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted else {
            walk.found.revisitedFolders.append(folder)
            return
        }
        guard let directory = folder.withCString({ opendir($0) }) else {
            walk.found.items.append(.unreadableFolder(folder, reason: ReadOnlyFile.describe(errno: errno)))
            return
        }
        var entries: [(name: [UInt8], type: UInt8)] = []
        while let entry = readdir(directory) {
            let (name, type) = directoryEntry(entry)
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            entries.append((name, type))
        }
        closedir(directory)
        for (name, directoryType) in entries.sorted(by: { $0.name.lexicographicallyPrecedes($1.name) }) {
            let path = folder.appending(name)
            let hidden = name.first == UInt8(ascii: ".")
            // The directory entry usually tells a plain file's type: no stat() needed then.
            if directoryType == UInt8(DT_REG) {
                if hidden || PhotoFinder.isSystemFile(name) {
                    walk.found.skipped += 1
                } else {
                    walk.found.items.append(.photo(path))
                }
                continue
            }
            if directoryType == UInt8(DT_DIR) && (hidden || PhotoFinder.isSystemFolder(name)) { continue }
            if !hidden, isSymbolicLink(path, directoryType: directoryType) {
                switch target(of: path, roots: walk.roots) {
                case .outside:
                    walk.found.linksOutside.append(path)
                    continue
                case .unresolved:
                    // A dangling link or a loop: verify it, so the error is reported.
                    walk.found.items.append(.photo(path))
                    continue
                case .inside:
                    break
                }
            }
            guard let entryInfo = path.status() else {
                // A file that vanished: verify it, so the error is reported.
                if !hidden { walk.found.items.append(.photo(path)) }
                continue
            }
            let type = entryInfo.st_mode & S_IFMT
            if type == S_IFDIR {
                if !hidden && !PhotoFinder.isSystemFolder(name) { visit(path, &walk) }
            } else if hidden || PhotoFinder.isSystemFile(name) {
                walk.found.skipped += 1
            } else {
                // A FIFO, device or socket is verified too, so that it is reported.
                walk.found.items.append(.photo(path))
            }
        }
    }

    /// Files that Windows, macOS and desktop environments write into folders by themselves
    /// (compared without case).
    static let systemFiles: Set<String> = ["thumbs.db", "ehthumbs.db", "ehthumbs_vista.db", "desktop.ini", "icon\r"]
    /// Folders that file systems, recycle bins and NAS boxes keep (Synology's `@eaDir` holds
    /// thumbnails that are real JPEGs, which must not be taken for submissions).
    static let systemFolders: Set<String> = ["@eadir", "#recycle", "$recycle.bin", "system volume information", "lost+found", "__macosx"]

    static func isSystemFile(_ name: [UInt8]) -> Bool {
        systemFiles.contains(String(decoding: name, as: UTF8.self).lowercased())
    }

    static func isSystemFolder(_ name: [UInt8]) -> Bool {
        systemFolders.contains(String(decoding: name, as: UTF8.self).lowercased())
    }

    private func isSymbolicLink(_ path: PhotoPath, directoryType: UInt8) -> Bool {
        if directoryType == UInt8(DT_LNK) { return true }
        guard directoryType == UInt8(DT_UNKNOWN) else { return false }
        var info = stat()
        return path.withCString { lstat($0, &info) } == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// Whether `link` resolves to one of `roots` or to something under one of them.
    private func target(of link: PhotoPath, roots: [[UInt8]]) -> LinkTarget {
        guard let target = PhotoFinder.realPath(link) else { return .unresolved }
        let slash = UInt8(ascii: "/")
        let inside = roots.contains { root in
            target == root || (target.starts(with: root) && (root.last == slash || target[root.count] == slash))
        }
        return inside ? .inside : .outside
    }

    /// The path with every link, `.` and `..` resolved (`realpath`), or nil when that fails.
    private static func realPath(_ path: PhotoPath) -> [UInt8]? {
        guard let resolved = path.withCString({ realpath($0, nil) }) else { return nil }
        defer { free(resolved) }
        return Array(UnsafeBufferPointer(start: resolved, count: strlen(resolved))).map { UInt8(bitPattern: $0) }
    }
}
