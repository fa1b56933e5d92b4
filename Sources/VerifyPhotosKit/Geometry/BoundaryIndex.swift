/// A multipolygon with a uniform grid over its edges, for fast point-in-polygon tests and
/// distance-to-edge queries.
///
/// Each grid cell knows the edges that touch it; a cell no edge touches is wholly inside or
/// wholly outside, decided once when the index is built. Inside-ness is the even-odd rule over
/// all rings, so islands and holes need no special case; a point exactly on an edge is inside.
struct BoundaryIndex: Sendable {
    // Edges as structure-of-arrays in degrees: x = longitude, y = latitude.
    private var ax: [Double] = [], ay: [Double] = [], bx: [Double] = [], by: [Double] = []
    /// Bounding box of all vertices.
    private(set) var minX = Double.infinity, minY = Double.infinity
    private(set) var maxX = -Double.infinity, maxY = -Double.infinity
    private var columns = 1, rows = 1
    private var cellWidth = 1.0, cellHeight = 1.0
    /// Edges touching each cell (CSR layout: `cellStart[c]..<cellStart[c+1]` in `cellEdges`).
    private var cellStart: [Int32] = [0], cellEdges: [Int32] = []
    /// Edges whose latitude range overlaps each grid row, for the ray cast.
    private var rowStart: [Int32] = [0], rowEdges: [Int32] = []
    /// Per cell: 0 wholly outside, 1 wholly inside, 2 crossed by edges.
    private var cellState: [UInt8] = [0]
    /// Per cell: how many rings of cells around it hold no edge at all (a distance transform),
    /// so that the nearest-edge search starts where edges can be.
    private var emptyRings: [UInt16] = [0]

    /// Number of edges indexed.
    var edgeCount: Int { ax.count }

    /// Builds the index over `rings` (each a list of points; closing point optional).
    init(rings: [Ring]) {
        for ring in rings where ring.count >= 2 {
            for i in 0..<ring.count {
                let a = ring[i], b = ring[(i + 1) % ring.count]
                if a == b { continue }
                ax.append(a.longitude); ay.append(a.latitude)
                bx.append(b.longitude); by.append(b.latitude)
                minX = min(minX, a.longitude); maxX = max(maxX, a.longitude)
                minY = min(minY, a.latitude); maxY = max(maxY, a.latitude)
            }
        }
        guard !ax.isEmpty else { return }
        let width = max(maxX - minX, 1e-9), height = max(maxY - minY, 1e-9)
        let target = Double(max(16, ax.count))
        columns = min(512, max(1, Int((target * width / height).squareRoot().rounded())))
        rows = min(512, max(1, Int((target / Double(columns)).rounded())))
        cellWidth = width / Double(columns)
        cellHeight = height / Double(rows)
        buildCells()
        buildRows()
        classifyCells()
        measureEmptyRings()
    }

    /// Chebyshev distance, in cells, from each cell to the nearest cell with edges (breadth-first
    /// from all of those at once).
    private mutating func measureEmptyRings() {
        var rings = [UInt16](repeating: UInt16.max, count: columns * rows)
        var frontier: [Int] = []
        for cell in 0..<(columns * rows) where cellState[cell] == 2 {
            rings[cell] = 0
            frontier.append(cell)
        }
        var distance: UInt16 = 0
        while !frontier.isEmpty {
            distance += 1
            var next: [Int] = []
            for cell in frontier {
                let r = cell / columns, c = cell % columns
                for dr in -1...1 {
                    for dc in -1...1 {
                        let nr = r + dr, nc = c + dc
                        guard nr >= 0, nr < rows, nc >= 0, nc < columns else { continue }
                        let neighbour = nr * columns + nc
                        if rings[neighbour] == UInt16.max {
                            rings[neighbour] = distance
                            next.append(neighbour)
                        }
                    }
                }
            }
            frontier = next
        }
        emptyRings = rings
    }

    // Clamped as Doubles first, so that no value can overflow the conversion to Int.
    private func column(_ x: Double) -> Int {
        Int(min(Double(columns - 1), max(0, ((x - minX) / cellWidth).rounded(.down))))
    }

    private func row(_ y: Double) -> Int {
        Int(min(Double(rows - 1), max(0, ((y - minY) / cellHeight).rounded(.down))))
    }

    private mutating func buildCells() {
        var buckets = [[Int32]](repeating: [], count: columns * rows)
        for e in 0..<ax.count {
            let c0 = column(min(ax[e], bx[e])), c1 = column(max(ax[e], bx[e]))
            let r0 = row(min(ay[e], by[e])), r1 = row(max(ay[e], by[e]))
            for r in r0...r1 {
                for c in c0...c1 where segmentTouchesCell(e, column: c, row: r) {
                    buckets[r * columns + c].append(Int32(e))
                }
            }
        }
        (cellStart, cellEdges) = BoundaryIndex.compress(buckets)
    }

    /// Conservative test: the segment's clipped extent within the cell's row overlaps the cell.
    private func segmentTouchesCell(_ e: Int, column c: Int, row r: Int) -> Bool {
        let x0 = minX + Double(c) * cellWidth, x1 = x0 + cellWidth
        let y0 = minY + Double(r) * cellHeight, y1 = y0 + cellHeight
        // Clip the segment to the cell's latitude band, then compare longitude ranges.
        let (xa, ya, xb, yb) = (ax[e], ay[e], bx[e], by[e])
        var lo = min(xa, xb), hi = max(xa, xb)
        if ya != yb {
            let t0 = (y0 - ya) / (yb - ya), t1 = (y1 - ya) / (yb - ya)
            let tmin = max(0, min(t0, t1)), tmax = min(1, max(t0, t1))
            if tmin > tmax { return true }  // only through rounding; keeping the edge is safe
            let xs = xa + tmin * (xb - xa), xe = xa + tmax * (xb - xa)
            lo = min(xs, xe); hi = max(xs, xe)
        }
        let slack = cellWidth * 1e-9
        return hi >= x0 - slack && lo <= x1 + slack
    }

    private mutating func buildRows() {
        var buckets = [[Int32]](repeating: [], count: rows)
        for e in 0..<ax.count {
            for r in row(min(ay[e], by[e]))...row(max(ay[e], by[e])) {
                buckets[r].append(Int32(e))
            }
        }
        (rowStart, rowEdges) = BoundaryIndex.compress(buckets)
    }

    private mutating func classifyCells() {
        var states = [UInt8](repeating: 0, count: columns * rows)
        for r in 0..<rows {
            for c in 0..<columns {
                let cell = r * columns + c
                if cellStart[cell] != cellStart[cell + 1] {
                    states[cell] = 2
                } else {
                    let x = minX + (Double(c) + 0.5) * cellWidth
                    let y = minY + (Double(r) + 0.5) * cellHeight
                    states[cell] = crossings(x: x, y: y, row: r) ? 1 : 0
                }
            }
        }
        cellState = states
    }

    private static func compress(_ buckets: [[Int32]]) -> ([Int32], [Int32]) {
        var start: [Int32] = [0]
        start.reserveCapacity(buckets.count + 1)
        var items: [Int32] = []
        items.reserveCapacity(buckets.reduce(0) { $0 + $1.count })
        for bucket in buckets {
            items.append(contentsOf: bucket)
            start.append(Int32(items.count))
        }
        return (start, items)
    }

    /// Even-odd ray cast to the east over the edges of one grid row.
    private func crossings(x: Double, y: Double, row r: Int) -> Bool {
        var inside = false
        for i in Int(rowStart[r])..<Int(rowStart[r + 1]) {
            let e = Int(rowEdges[i])
            let y1 = ay[e], y2 = by[e]
            if (y1 > y) != (y2 > y) {
                let xCross = ax[e] + (y - y1) * (bx[e] - ax[e]) / (y2 - y1)
                if x < xCross { inside.toggle() }
            }
        }
        return inside
    }

    /// Whether `point` is inside (or exactly on the boundary of) the multipolygon.
    func contains(_ point: GeoPoint) -> Bool {
        let x = point.longitude, y = point.latitude
        guard !ax.isEmpty, x >= minX, x <= maxX, y >= minY, y <= maxY else { return false }
        let r = row(y), c = column(x)
        let cell = r * columns + c
        switch cellState[cell] {
        case 0: return false
        case 1: return true
        default:
            for i in Int(cellStart[cell])..<Int(cellStart[cell + 1]) where isOnEdge(Int(cellEdges[i]), x: x, y: y) {
                return true
            }
            return crossings(x: x, y: y, row: r)
        }
    }

    /// Within about 0.1 mm of the edge, counted as on it.
    private func isOnEdge(_ e: Int, x: Double, y: Double) -> Bool {
        let tolerance = 1e-9
        guard x >= min(ax[e], bx[e]) - tolerance, x <= max(ax[e], bx[e]) + tolerance,
              y >= min(ay[e], by[e]) - tolerance, y <= max(ay[e], by[e]) + tolerance
        else { return false }
        let dx = bx[e] - ax[e], dy = by[e] - ay[e]
        let cross = dx * (y - ay[e]) - dy * (x - ax[e])
        return abs(cross) <= tolerance * (dx * dx + dy * dy).squareRoot()
    }

    /// The point of the boundary nearest to `point` and the distance to it in metres, or nil
    /// for an empty index. Searches grid cells in growing squares around the point and stops
    /// once no unsearched cell can hold anything nearer.
    func nearestBoundaryPoint(to point: GeoPoint) -> (point: GeoPoint, metres: Double)? {
        guard !ax.isEmpty, point.latitude.isFinite, point.longitude.isFinite else { return nil }
        let scale = Geodesy.metresPerDegree(atLatitude: point.latitude)
        let kx = scale.east, ky = scale.north
        let px = point.longitude, py = point.latitude
        let c0 = column(px), r0 = row(py)
        var best = Double.infinity  // squared local metres
        var bestX = ax[0], bestY = ay[0]
        func visit(_ c: Int, _ r: Int) {
            guard c >= 0, c < columns, r >= 0, r < rows else { return }
            let cell = r * columns + c
            guard cellStart[cell] != cellStart[cell + 1] else { return }
            // Skip a cell that cannot hold anything nearer than the best so far.
            let x0 = minX + Double(c) * cellWidth, y0 = minY + Double(r) * cellHeight
            let gapX = max(0, x0 - px, px - (x0 + cellWidth)) * kx
            let gapY = max(0, y0 - py, py - (y0 + cellHeight)) * ky
            guard gapX * gapX + gapY * gapY < best else { return }
            for i in Int(cellStart[cell])..<Int(cellStart[cell + 1]) {
                let (qx, qy) = closestPoint(Int(cellEdges[i]), x: px, y: py, kx: kx, ky: ky)
                let dx = (qx - px) * kx, dy = (qy - py) * ky
                let d = dx * dx + dy * dy
                if d < best { best = d; bestX = qx; bestY = qy }
            }
        }
        // Rings nearer than the first one with edges hold nothing: start there.
        var ring = Int(emptyRings[r0 * columns + c0])
        while true {
            let cLo = c0 - ring, cHi = c0 + ring, rLo = r0 - ring, rHi = r0 + ring
            // Only the cells on the square's border are new in this round.
            for c in max(0, cLo)...min(columns - 1, cHi) {
                visit(c, rLo)
                if rHi != rLo { visit(c, rHi) }
            }
            if rHi - rLo > 1 {
                for r in max(0, rLo + 1)...min(rows - 1, rHi - 1) {
                    visit(cLo, r)
                    if cHi != cLo { visit(cHi, r) }
                }
            }
            // Nearest any unsearched cell can be: the distance to the searched square's open sides.
            var bound = Double.infinity
            if cLo > 0 { bound = min(bound, max(0, px - (minX + Double(cLo) * cellWidth)) * kx) }
            if cHi < columns - 1 { bound = min(bound, max(0, (minX + Double(cHi + 1) * cellWidth) - px) * kx) }
            if rLo > 0 { bound = min(bound, max(0, py - (minY + Double(rLo) * cellHeight)) * ky) }
            if rHi < rows - 1 { bound = min(bound, max(0, (minY + Double(rHi + 1) * cellHeight) - py) * ky) }
            if bound == .infinity || best <= bound * bound { break }
            ring += 1
        }
        let nearest = GeoPoint(latitude: bestY, longitude: bestX)
        return (nearest, Geodesy.distance(point, nearest))
    }

    /// Distance in metres from `point` to the nearest edge.
    func distance(to point: GeoPoint) -> Double? {
        nearestBoundaryPoint(to: point)?.metres
    }

    private func closestPoint(_ e: Int, x: Double, y: Double, kx: Double, ky: Double) -> (Double, Double) {
        let x1 = ax[e], y1 = ay[e], x2 = bx[e], y2 = by[e]
        let dx = (x2 - x1) * kx, dy = (y2 - y1) * ky
        let length2 = dx * dx + dy * dy
        guard length2 > 0 else { return (x1, y1) }
        var t = ((x - x1) * kx * dx + (y - y1) * ky * dy) / length2
        t = min(1, max(0, t))
        return (x1 + t * (x2 - x1), y1 + t * (y2 - y1))
    }
}
