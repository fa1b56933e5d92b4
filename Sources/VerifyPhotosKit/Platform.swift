// The C library of the platform, imported once for the whole module (and its clients):
// file descriptors, stat, signals, time. Every other file uses it without importing it again.
#if canImport(Glibc)
@_exported import Glibc
#elseif canImport(Musl)
@_exported import Musl
#elseif canImport(Darwin)
@_exported import Darwin
#endif
