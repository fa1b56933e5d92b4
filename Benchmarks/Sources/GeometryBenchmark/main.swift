// Point-in-polygon and distance-to-boundary throughput against the embedded Bangka Barat
// outline (2,934 vertices), on one core, over the points in a file of little-endian float64
// (lon, lat) pairs written by scripts/bench/run.py (shapely is timed on the same file).
//   GeometryBenchmark POINTS_FILE
// Prints: contains_per_second distance_per_second inside_count distance_sum_m
import Foundation
import VerifyPhotosKit

guard CommandLine.arguments.count == 2,
      let data = FileManager.default.contents(atPath: CommandLine.arguments[1]) else {
    FileHandle.standardError.write(Data("usage: GeometryBenchmark POINTS_FILE\n".utf8))
    exit(2)
}
let values = data.withUnsafeBytes { Array($0.bindMemory(to: Double.self)) }
let points = stride(from: 0, to: values.count - 1, by: 2).map { GeoPoint(latitude: values[$0 + 1], longitude: values[$0]) }
let outline = try Boundary.bangkaBarat()

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

var inside = 0
var best = Double.infinity
for _ in 0..<5 {
    var count = 0
    best = min(best, seconds { for p in points where outline.contains(p) { count += 1 } })
    inside = count
}
let containsRate = Double(points.count) / best

let distancePoints = Array(points.prefix(200_000))
var total = 0.0
var bestDistance = Double.infinity
for _ in 0..<3 {
    var sum = 0.0
    bestDistance = min(bestDistance, seconds { for p in distancePoints { sum += outline.distanceToEdge(from: p) ?? 0 } })
    total = sum
}
let distanceRate = Double(distancePoints.count) / bestDistance
print(Int(containsRate), Int(distanceRate), inside, Int(total))
