// The C library of the platform, imported once for the whole module (and its clients):
// file descriptors, stat, signals, time. Every other file uses it without importing it again.
#if canImport(Glibc)
@_exported import Glibc
#elseif canImport(Musl)
@_exported import Musl
#elseif canImport(Darwin)
@_exported import Darwin
#endif

/// The name and type of a directory entry from `readdir`, read in place: an entry is only as long
/// as its name needs, so copying the whole `dirent` (`pointee`) can read past the end of
/// readdir's buffer and crash (it did, on a folder of 10,000 photos).
func directoryEntry(_ entry: UnsafeMutablePointer<dirent>) -> (name: [UInt8], type: UInt8) {
    let raw = UnsafeRawPointer(entry)
    let type = raw.load(fromByteOffset: MemoryLayout<dirent>.offset(of: \dirent.d_type) ?? 0, as: UInt8.self)
    let name = raw.advanced(by: MemoryLayout<dirent>.offset(of: \dirent.d_name) ?? 0).assumingMemoryBound(to: CChar.self)
    return (Array(UnsafeRawBufferPointer(start: name, count: strlen(name))), type)
}
