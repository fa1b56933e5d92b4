#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension EmbeddedBoundaries {
    /// The features of an embedded layer (see scripts/embed-boundaries.py for the format).
    static func features(_ base64: String, source: String) throws(BoundaryError) -> [GeoFeature] {
        guard let data = Data(base64Encoded: base64) else {
            throw BoundaryError.invalidGeoJSON(path: source, reason: "embedded layer is not base64")
        }
        var reader = BlobReader(bytes: [UInt8](data))
        guard reader.bytes.starts(with: Array("VPB1".utf8)) else {
            throw BoundaryError.invalidGeoJSON(path: source, reason: "embedded layer has no VPB1 header")
        }
        reader.offset = 4
        var features: [GeoFeature] = []
        guard let count = reader.u32() else { throw BoundaryError.noPolygons(path: source) }
        for _ in 0..<count {
            guard let name = reader.text(), let code = reader.text(), let ringCount = reader.u32() else { break }
            var rings: [Ring] = []
            for _ in 0..<ringCount {
                guard let pointCount = reader.u32(), reader.offset + Int(pointCount) * 8 <= reader.bytes.count else { break }
                rings.append((0..<Int(pointCount)).map { _ in
                    let lon = Double(reader.i32()), lat = Double(reader.i32())
                    return GeoPoint(latitude: lat / 1e7, longitude: lon / 1e7)
                })
            }
            features.append(GeoFeature(name: name.isEmpty ? nil : name, code: code.isEmpty ? nil : code, rings: rings))
        }
        guard !features.isEmpty else { throw BoundaryError.noPolygons(path: source) }
        return features
    }
}

/// Little-endian reading of the embedded layers.
private struct BlobReader {
    let bytes: [UInt8]
    var offset = 0

    mutating func u32() -> UInt32? {
        guard let value = bytes.le32(offset) else { return nil }
        offset += 4
        return value
    }

    /// Callers check the bounds first.
    mutating func i32() -> Int32 {
        Int32(bitPattern: u32() ?? 0)
    }

    mutating func text() -> String? {
        guard offset + 2 <= bytes.count else { return nil }
        let length = Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
        offset += 2
        guard offset + length <= bytes.count else { return nil }
        defer { offset += length }
        return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
    }
}
