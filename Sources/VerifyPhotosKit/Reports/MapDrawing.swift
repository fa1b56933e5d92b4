/// A photo on the HTML report's map: where, its status, its table row and what hovering shows.
struct MapDot: Sendable {
    var position: GeoPoint
    var status: PhotoStatus
    /// The `id` of the photo's table row (`r12`).
    var row: String
    /// The file, as printed in the table.
    var path: String
    /// File and verdict, shown on hover (escaped when drawn).
    var title: String
    /// Metres to the regency boundary, when judged against it.
    var distanceToBoundary: Double?
}

/// A photo outside the map's frame, listed at its edge.
struct OffMapDot: Sendable {
    var dot: MapDot
    /// One of the eight compass directions from the frame's centre, 0 = north, clockwise.
    var direction: Int
    /// Metres from the regency boundary (else from the frame's centre).
    var distance: Double
}

/// A longitude/latitude rectangle.
struct GeoBox: Sendable {
    var minLongitude, maxLongitude, minLatitude, maxLatitude: Double

    func contains(_ p: GeoPoint) -> Bool {
        (minLongitude...maxLongitude).contains(p.longitude) && (minLatitude...maxLatitude).contains(p.latitude)
    }

    var centre: GeoPoint { GeoPoint(latitude: (minLatitude + maxLatitude) / 2, longitude: (minLongitude + maxLongitude) / 2) }

    /// The box around `centre` reaching `metres` to each side.
    static func around(_ centre: GeoPoint, metres: Double) -> GeoBox {
        let scale = Geodesy.metresPerDegree(atLatitude: centre.latitude)
        let dLat = metres / scale.north, dLon = metres / scale.east
        return GeoBox(minLongitude: centre.longitude - dLon, maxLongitude: centre.longitude + dLon,
                      minLatitude: centre.latitude - dLat, maxLatitude: centre.latitude + dLat)
    }

    /// The box around `rings`, widened by `fraction` of its size on every side.
    static func bounding(_ rings: [Ring], padding fraction: Double) -> GeoBox? {
        let points = rings.joined()
        guard let first = points.first else { return nil }
        var box = GeoBox(minLongitude: first.longitude, maxLongitude: first.longitude, minLatitude: first.latitude, maxLatitude: first.latitude)
        for p in points {
            box.minLongitude = min(box.minLongitude, p.longitude)
            box.maxLongitude = max(box.maxLongitude, p.longitude)
            box.minLatitude = min(box.minLatitude, p.latitude)
            box.maxLatitude = max(box.maxLatitude, p.latitude)
        }
        let dLon = (box.maxLongitude - box.minLongitude) * fraction, dLat = (box.maxLatitude - box.minLatitude) * fraction
        return GeoBox(minLongitude: box.minLongitude - dLon, maxLongitude: box.maxLongitude + dLon,
                      minLatitude: box.minLatitude - dLat, maxLatitude: box.maxLatitude + dLat)
    }
}

/// Longitude/latitude to SVG pixels: equirectangular, with longitudes shrunk by the cosine of the
/// frame's middle latitude (near the equator nearly true to scale), north up.
struct MapProjection: Sendable {
    let box: GeoBox
    let width: Double
    let height: Double

    init(box: GeoBox, width: Double) {
        self.box = box
        self.width = width
        let scale = Geodesy.metresPerDegree(atLatitude: box.centre.latitude)
        let metresWide = (box.maxLongitude - box.minLongitude) * scale.east
        let metresHigh = (box.maxLatitude - box.minLatitude) * scale.north
        height = (width * metresHigh / metresWide).rounded()
    }

    func project(_ p: GeoPoint) -> (x: Double, y: Double) {
        ((p.longitude - box.minLongitude) / (box.maxLongitude - box.minLongitude) * width,
         (box.maxLatitude - p.latitude) / (box.maxLatitude - box.minLatitude) * height)
    }

    /// Pixels per metre along the frame's middle latitude.
    var pixelsPerMetre: Double {
        width / ((box.maxLongitude - box.minLongitude) * Geodesy.metresPerDegree(atLatitude: box.centre.latitude).east)
    }
}

/// The embedded layers the maps are drawn from, decoded once.
struct MapLayers: Sendable {
    let regency: [GeoFeature]
    let kecamatan: [GeoFeature]
    let desa: [GeoFeature]
    let neighbours: [GeoFeature]
    let provinces: [GeoFeature]

    static let embedded: MapLayers? = try? MapLayers()

    private init() throws(BoundaryError) {
        regency = try EmbeddedBoundaries.features(EmbeddedBoundaries.regency, source: "bangka-barat.geojson")
        kecamatan = try EmbeddedBoundaries.features(EmbeddedBoundaries.kecamatan, source: "bangka-barat-kecamatan.geojson")
        desa = try EmbeddedBoundaries.features(EmbeddedBoundaries.desa, source: "bangka-barat-desa.geojson")
        neighbours = try EmbeddedBoundaries.features(EmbeddedBoundaries.neighbours, source: "neighbouring-kabupaten.geojson")
        provinces = try EmbeddedBoundaries.features(EmbeddedBoundaries.provinces, source: "indonesia-provinsi.geojson")
    }
}

/// Draws the report's maps as inline SVG from the embedded layers: the sea as background,
/// provinces and neighbouring regencies grey, the regency light with its kecamatan borders and
/// names, and the photos as dots coloured by status (`data-status`; `data-row` names the table
/// row). Outlines are simplified to the pixel (Douglas-Peucker at `tolerance`; points far outside
/// the frame are pulled to its margin), so that the map costs tens of kilobytes, not the
/// megabyte of the layers.
enum MapDrawing {
    /// Drawing width of the regency map, in SVG pixels.
    static let regencyWidth = 880.0
    /// Drawing width of the evidence sheet's zoomed map.
    static let zoomedWidth = 520.0
    /// Metres shown on each side of a photo in the zoomed map.
    static let zoomedReach = 3_000.0
    /// Most dots drawn; the rest are counted under the map (their rows are all in the table).
    static let maxDots = 20_000
    /// Simplification tolerance in pixels: points closer than this to the last point kept, or
    /// to the line Douglas-Peucker keeps, are dropped.
    static let tolerance = 0.6

    /// The regency map's frame: the regency with an eighth of its size around it.
    static func regencyFrame(_ layers: MapLayers) -> GeoBox {
        GeoBox.bounding(layers.regency.flatMap(\.rings), padding: 0.08)
            ?? GeoBox(minLongitude: 105.05, maxLongitude: 105.87, minLatitude: -2.21, maxLatitude: -1.45)
    }

    /// The regency map with `dots`; photos outside the frame are returned to be listed.
    static func regencyMap(dots: [MapDot], labels: Messages) -> (svg: String, offMap: [OffMapDot]) {
        guard let layers = MapLayers.embedded else { return ("", []) }
        let box = regencyFrame(layers)
        let projection = MapProjection(box: box, width: regencyWidth)
        var svg = open(projection, label: labels.html(.mapTitle), id: "regency-map")
        svg += land(layers, projection, desaBorders: false, id: "regency-map")
        svg += names(layers.kecamatan, projection, className: "place")
        var offMap: [OffMapDot] = []
        var inFrame: [MapDot] = []
        for dot in dots {
            if box.contains(dot.position) {
                inFrame.append(dot)
            } else {
                let distance = dot.distanceToBoundary ?? Geodesy.distance(box.centre, dot.position)
                offMap.append(OffMapDot(dot: dot, direction: direction(from: box.centre, to: dot.position), distance: distance))
            }
        }
        svg += drawDots(inFrame, projection, radius: 5.5)
        svg += edgeMarkers(offMap, projection, labels: labels)
        svg += scaleBar(projection, labels: labels)
        svg += "</svg>"
        return (svg, offMap)
    }

    /// A map of `reach` metres around one photo, with the desa borders.
    static func zoomedMap(_ dot: MapDot, labels: Messages) -> String {
        guard let layers = MapLayers.embedded else { return "" }
        let projection = MapProjection(box: GeoBox.around(dot.position, metres: zoomedReach), width: zoomedWidth)
        var svg = open(projection, label: labels.html(.zoomedMapTitle), id: "zoomed-map")
        svg += land(layers, projection, desaBorders: true, id: "zoomed-map")
        svg += names(layers.desa, projection, className: "desa-name")
        svg += names(layers.kecamatan, projection, className: "place")
        svg += drawDots([dot], projection, radius: 8)
        svg += scaleBar(projection, labels: labels)
        return svg + "</svg>"
    }

    /// Height of the strip under the map that holds the scale bar and the north mark, clear of
    /// the markers at the map's edges.
    static let stripHeight = 26.0

    private static func open(_ projection: MapProjection, label: String, id: String) -> String {
        let w = Messages.fixed(projection.width, 0), h = Messages.fixed(projection.height, 0)
        let whole = Messages.fixed(projection.height + stripHeight, 0)
        return #"<svg id="\#(id)" class="map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \#(w) \#(whole)" role="img" aria-label="\#(HTMLText.escape(label))">"#
            + #"<rect class="sea" x="0" y="0" width="\#(w)" height="\#(h)"/>"#
    }

    private static func land(_ layers: MapLayers, _ projection: MapProjection, desaBorders: Bool, id: String) -> String {
        var svg = ""
        svg += path(layers.provinces.flatMap(\.rings), projection, className: "province")
        svg += path(layers.neighbours.flatMap(\.rings), projection, className: "neighbour")
        // The outline once, used twice: filled under the borders, stroked over them.
        let outline = path(layers.regency.flatMap(\.rings), projection, className: "regency-shape", id: "\(id)-regency")
        if !outline.isEmpty {
            svg += "<defs>\(outline)</defs>" + ##"<use href="#\##(id)-regency" class="regency"/>"##
        }
        if desaBorders { svg += path(layers.desa.flatMap(\.rings), projection, className: "desa") }
        svg += path(layers.kecamatan.flatMap(\.rings), projection, className: "kecamatan")
        if !outline.isEmpty { svg += ##"<use href="#\##(id)-regency" class="regency-outline"/>"## }
        return svg
    }

    /// One `<path>` of every ring that reaches into the frame, simplified to the pixel.
    static func path(_ rings: [Ring], _ projection: MapProjection, className: String, id: String? = nil) -> String {
        let margin = 20.0
        let minX = -margin, maxX = projection.width + margin, minY = -margin, maxY = projection.height + margin
        var d = ""
        for ring in rings where ring.count >= 3 {
            let points = ring.map(projection.project)
            guard points.contains(where: { $0.x >= minX && $0.x <= maxX && $0.y >= minY && $0.y <= maxY })
                    || crossesFrame(points, minX: minX, maxX: maxX, minY: minY, maxY: maxY) else { continue }
            var kept: [(x: Double, y: Double)] = []
            for p in points {
                let q = (x: min(max(p.x, minX), maxX), y: min(max(p.y, minY), maxY))
                if let last = kept.last, abs(last.x - q.x) < tolerance && abs(last.y - q.y) < tolerance { continue }
                kept.append(q)
            }
            kept = simplified(kept)
            guard kept.count >= 3 else { continue }
            d += "M" + kept.map { "\(Messages.fixed($0.x, 1)) \(Messages.fixed($0.y, 1))" }.joined(separator: "L") + "Z"
        }
        let identifier = id.map { #" id="\#($0)""# } ?? ""
        return d.isEmpty ? "" : #"<path\#(identifier) class="\#(className)" d="\#(d)"/>"#
    }

    /// The points of `line` that Douglas-Peucker keeps at `tolerance`: every dropped point lies
    /// within that many pixels of the simplified line.
    static func simplified(_ line: [(x: Double, y: Double)]) -> [(x: Double, y: Double)] {
        guard line.count > 3 else { return line }
        var keep = [Bool](repeating: false, count: line.count)
        keep[0] = true
        keep[line.count - 1] = true
        var spans = [(0, line.count - 1)]
        while let (first, last) = spans.popLast() {
            guard last > first + 1 else { continue }
            let a = line[first], b = line[last]
            let dx = b.x - a.x, dy = b.y - a.y, length = (dx * dx + dy * dy).squareRoot()
            var farthest = first, distance = 0.0
            for index in (first + 1)..<last {
                let p = line[index]
                let d = length == 0 ? ((p.x - a.x) * (p.x - a.x) + (p.y - a.y) * (p.y - a.y)).squareRoot()
                                    : abs(dy * p.x - dx * p.y + b.x * a.y - b.y * a.x) / length
                if d > distance { distance = d; farthest = index }
            }
            if distance > tolerance {
                keep[farthest] = true
                spans.append((first, farthest))
                spans.append((farthest, last))
            }
        }
        return line.indices.filter { keep[$0] }.map { line[$0] }
    }

    /// Whether a ring with no point in the frame still covers part of it (a large province).
    private static func crossesFrame(_ points: [(x: Double, y: Double)], minX: Double, maxX: Double, minY: Double, maxY: Double) -> Bool {
        let xs = points.map(\.x), ys = points.map(\.y)
        guard let loX = xs.min(), let hiX = xs.max(), let loY = ys.min(), let hiY = ys.max() else { return false }
        return loX < maxX && hiX > minX && loY < maxY && hiY > minY
    }

    /// Each feature's name at the centre of its largest ring, when that is in the frame.
    private static func names(_ features: [GeoFeature], _ projection: MapProjection, className: String) -> String {
        var svg = ""
        for feature in features {
            guard let name = feature.name, let ring = feature.rings.max(by: { area($0) < area($1) }), let centre = centroid(ring) else { continue }
            let p = projection.project(centre)
            guard p.x > 0, p.x < projection.width, p.y > 0, p.y < projection.height else { continue }
            svg += #"<text class="\#(className)" x="\#(Messages.fixed(p.x, 1))" y="\#(Messages.fixed(p.y, 1))">\#(HTMLText.escape(name))</text>"#
        }
        return svg
    }

    private static func area(_ ring: Ring) -> Double {
        var sum = 0.0
        for (a, b) in zip(ring, ring.dropFirst() + ring.prefix(1)) {
            sum += a.longitude * b.latitude - b.longitude * a.latitude
        }
        return abs(sum / 2)
    }

    /// The area-weighted centroid of a ring.
    private static func centroid(_ ring: Ring) -> GeoPoint? {
        var a = 0.0, cx = 0.0, cy = 0.0
        for (p, q) in zip(ring, ring.dropFirst() + ring.prefix(1)) {
            let cross = p.longitude * q.latitude - q.longitude * p.latitude
            a += cross
            cx += (p.longitude + q.longitude) * cross
            cy += (p.latitude + q.latitude) * cross
        }
        guard abs(a) > 1e-12 else { return nil }
        return GeoPoint(latitude: cy / (3 * a), longitude: cx / (3 * a))
    }

    /// Dots, the most serious drawn last (on top).
    private static func drawDots(_ dots: [MapDot], _ projection: MapProjection, radius: Double) -> String {
        let rank: [PhotoStatus: Int] = [.ok: 0, .unreadable: 1, .review: 2, .flagged: 3]
        var svg = #"<g class="dots">"#
        for dot in dots.prefix(maxDots).sorted(by: { rank[$0.status, default: 0] < rank[$1.status, default: 0] }) {
            let p = projection.project(dot.position)
            svg += #"<circle class="dot" data-status="\#(dot.status.rawValue)" data-row="\#(HTMLText.escape(dot.row))" cx="\#(Messages.fixed(p.x, 1))" cy="\#(Messages.fixed(p.y, 1))" r="\#(Messages.fixed(radius, 1))"><title>\#(HTMLText.escape(dot.title))</title></circle>"#
        }
        return svg + "</g>"
    }

    /// For each compass direction holding photos outside the frame, an arrow at the frame's edge
    /// with how many and how far.
    private static func edgeMarkers(_ offMap: [OffMapDot], _ projection: MapProjection, labels: Messages) -> String {
        var svg = ""
        let groups = Dictionary(grouping: offMap, by: \.direction)
        for (direction, members) in groups.sorted(by: { $0.key < $1.key }) {
            let angle = Double(direction) * .pi / 4
            let dx = sin(angle), dy = -cos(angle)
            let cx = projection.width / 2, cy = projection.height / 2
            let reach = min(dx == 0 ? .infinity : (cx - 18) / abs(dx), dy == 0 ? .infinity : (cy - 18) / abs(dy))
            let x = cx + dx * reach, y = cy + dy * reach
            let worst = members.map(\.dot.status).max() ?? .ok
            let nearest = members.map(\.distance).min() ?? 0, farthest = members.map(\.distance).max() ?? 0
            let near = labels.kilometres(nearest), far = labels.kilometres(farthest)
            let span = near == far ? near : near + "–" + far  // distances that print alike are shown once
            let text = "\(members.count) \(labels.html(.photosWord)) · \(span) \(labels.compass(direction))"
            let rotate = Messages.fixed(Double(direction) * 45, 0)
            let anchor = dx > 0.3 ? "end" : dx < -0.3 ? "start" : "middle"
            let textX = x - dx * 16, textY = y - dy * 20 + (dy > 0.3 ? -4 : 4)
            let title = members.prefix(20).map(\.dot.title).joined(separator: "\n")
            svg += #"<g class="edge" data-status="\#(worst.rawValue)" data-direction="\#(direction)"><title>\#(HTMLText.escape(title))</title>"#
                + #"<path class="arrow" transform="translate(\#(Messages.fixed(x, 1)) \#(Messages.fixed(y, 1))) rotate(\#(rotate))" d="M0 -12L9 4L-9 4Z"/>"#
                + #"<text class="edge-label" text-anchor="\#(anchor)" x="\#(Messages.fixed(textX, 1))" y="\#(Messages.fixed(textY, 1))">\#(HTMLText.escape(text))</text></g>"#
        }
        return svg
    }

    /// A bar of a round number of kilometres (or metres) and the north mark, in a strip drawn
    /// over whatever land reaches under the map (the edge markers may take any side and corner
    /// of the map itself).
    private static func scaleBar(_ projection: MapProjection, labels: Messages) -> String {
        let target = projection.width / 5 / projection.pixelsPerMetre
        let steps = [100.0, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000]
        let metres = steps.last(where: { $0 <= target }) ?? steps[0]
        let length = metres * projection.pixelsPerMetre
        let y = projection.height + stripHeight / 2
        let text = metres >= 1_000 ? "\(Int(metres / 1_000)) km" : "\(Int(metres)) m"
        let strip = #"<rect class="strip" x="0" y="\#(Messages.fixed(projection.height, 0))" width="\#(Messages.fixed(projection.width, 0))" height="\#(Messages.fixed(stripHeight, 0))"/>"#
        return strip + #"<g class="scale"><path d="M14 \#(Messages.fixed(y, 1))h\#(Messages.fixed(length, 1))"/><text x="\#(Messages.fixed(22 + length, 1))" y="\#(Messages.fixed(y + 4, 1))">\#(text)</text></g>"#
            + #"<text class="north" x="\#(Messages.fixed(projection.width - 18, 1))" y="\#(Messages.fixed(y + 4, 1))" text-anchor="middle">\#(labels.html(.north)) ↑</text>"#
    }

    /// The compass direction (0 = north, clockwise in eighths) from `a` to `b`.
    static func direction(from a: GeoPoint, to b: GeoPoint) -> Int {
        let scale = Geodesy.metresPerDegree(atLatitude: (a.latitude + b.latitude) / 2)
        let east = (b.longitude - a.longitude) * scale.east, north = (b.latitude - a.latitude) * scale.north
        var degrees = atan2(east, north) * 180 / .pi
        if degrees < 0 { degrees += 360 }
        return Int((degrees / 45).rounded()) % 8
    }
}
