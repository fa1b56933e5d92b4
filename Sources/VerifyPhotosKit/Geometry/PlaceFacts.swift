/// Where a place is: Indonesia's three standard times (Keppres 41/1987), by province, for what a
/// phone's clock offset should be where a photo was taken; and whether other land is near.
extension Boundary {
    /// The standard offset at `point`: WIB (+07:00), WITA (+08:00) or WIT (+09:00) from the
    /// province containing it; nil at sea or outside Indonesia, where nothing is judged.
    public func standardOffset(at point: GeoPoint) -> UTCOffset? {
        guard let code = provinces.region(containing: point)?.code, let number = Int(code) else { return nil }
        return Boundary.standardOffset(provinceCode: number)
    }

    /// The zone of a province by its Kemendagri code: Sumatra, Java and West and Central
    /// Kalimantan are WIB; Bali, Nusa Tenggara, the rest of Kalimantan and Sulawesi WITA;
    /// Maluku and Papua WIT.
    static func standardOffset(provinceCode code: Int) -> UTCOffset? {
        switch code {
        case 11...36, 61, 62: .wib
        case 51...53, 63...65, 71...76: UTCOffset(seconds: 8 * 3600)
        case 81...96: UTCOffset(seconds: 9 * 3600)
        default: nil
        }
    }
}

extension Boundary {
    /// Whether land outside the area (a neighbouring regency or city) lies within `metres` of
    /// `point`.
    func hasOtherLand(near point: GeoPoint, within metres: Double) -> Bool {
        neighbours.regions.contains { region in
            region.name != area.name && (region.outline.distance(to: point).map { $0 <= metres } ?? false)
        }
    }
}
