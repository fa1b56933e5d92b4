/// The reuse checks of a run with a state compare each photo with every photo the state has
/// recorded: digests and positions through the table's indexes, perceptual hashes through a
/// multi-index held in memory (8 bytes and an id per photo), loaded at the first lookup.
extension VerificationState: ReuseIndex {
    func candidates(of photo: ReuseFacts, maxDistance: Int) throws -> [ReuseFacts] {
        var rows: [Int64] = []
        if photo.fileDigest != nil || photo.imageDigest != nil || photo.coordinates != nil {
            try fingerprintStatements.byKeys.bind([
                photo.fileDigest.map { .blob($0.bytes) } ?? .null, photo.imageDigest.map { .blob($0.bytes) } ?? .null,
                photo.coordinates.map { .integer($0.latitude) } ?? .null, photo.coordinates.map { .integer($0.longitude) } ?? .null,
            ])
            while try fingerprintStatements.byKeys.step() { rows.append(fingerprintStatements.byKeys.integer(0)) }
        }
        if let hash = photo.perceptual {
            if perceptualHashes == nil { try loadPerceptualHashes() }
            rows += perceptualHashes.map { index in
                index.hashes.query(hash, within: maxDistance).prefix(ReuseCheck.maxCandidates).map { index.rows[$0.entry] }
            } ?? []
        }
        var found: [ReuseFacts] = []
        for row in Set(rows).sorted() {
            try fingerprintStatements.byRow.bind([.integer(row)])
            guard try fingerprintStatements.byRow.step() else { continue }
            found.append(reuseFacts(fingerprintStatements.byRow))
        }
        return found
    }

    /// Nothing to do: the state records each photo's fingerprints as it reads it.
    func remember(_ photo: ReuseFacts) {}

    /// Keeps the fingerprints of a photo read in this run, under its path's exact bytes.
    func recordFingerprints(of result: PhotoResult, at path: PhotoPath) throws(StateError) {
        guard result.fingerprint != nil else { return }
        let facts = ReuseFacts(result)
        try fingerprintStatements.upsert.run([
            .blob(path.bytes), .text(facts.sender), facts.day.map { .text($0.description) } ?? .null,
            facts.utcSeconds.map { .integer($0) } ?? .null,
            facts.fileDigest.map { .blob($0.bytes) } ?? .null, facts.imageDigest.map { .blob($0.bytes) } ?? .null,
            facts.perceptual.map { .integer(Int64(bitPattern: $0.bits)) } ?? .null,
            facts.coordinates.map { .integer($0.latitude) } ?? .null, facts.coordinates.map { .integer($0.longitude) } ?? .null,
        ])
        if let hash = facts.perceptual, perceptualHashes != nil {
            perceptualHashes?.hashes.add(hash)
            perceptualHashes?.rows.append(database.lastInsertRowID)
        }
    }

    private func loadPerceptualHashes() throws(StateError) {
        var loaded = (hashes: PerceptualIndex(), rows: [Int64]())
        let all = try database.prepare("SELECT rowid, phash FROM fingerprints WHERE phash IS NOT NULL")
        while try all.step() {
            loaded.hashes.add(PerceptualHash(bits: UInt64(bitPattern: all.integer(1))))
            loaded.rows.append(all.integer(0))
        }
        perceptualHashes = loaded
    }

    private func reuseFacts(_ row: SQLiteStatement) -> ReuseFacts {
        ReuseFacts(path: PhotoPath(bytes: row.blob(1)).description, sender: row.text(2) ?? "",
                   day: row.text(3).flatMap(CalendarDate.init(iso:)), utcSeconds: row.isNull(4) ? nil : row.integer(4),
                   fileDigest: Digest256(bytes: row.blob(5)), imageDigest: Digest128(bytes: row.blob(6)),
                   perceptual: row.isNull(7) ? nil : PerceptualHash(bits: UInt64(bitPattern: row.integer(7))),
                   coordinates: row.isNull(8) || row.isNull(9) ? nil : CoordinateKey(latitude: row.integer(8), longitude: row.integer(9)))
    }
}

/// The statements of the fingerprints table, prepared once.
struct FingerprintStatements {
    let upsert: SQLiteStatement
    let byKeys: SQLiteStatement
    let byRow: SQLiteStatement
    let delete: SQLiteStatement

    init(_ database: SQLiteDatabase) throws(StateError) {
        upsert = try database.prepare("""
            INSERT OR REPLACE INTO fingerprints (path, sender, day, utc, file_sha256, image_digest, phash, lat_e6, lon_e6)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        byKeys = try database.prepare("""
            SELECT rowid FROM (SELECT rowid FROM fingerprints WHERE file_sha256 = ?1 LIMIT \(ReuseCheck.maxCandidates))
            UNION SELECT rowid FROM (SELECT rowid FROM fingerprints WHERE image_digest = ?2 LIMIT \(ReuseCheck.maxCandidates))
            UNION SELECT rowid FROM (SELECT rowid FROM fingerprints WHERE lat_e6 = ?3 AND lon_e6 = ?4 LIMIT \(ReuseCheck.maxCandidates))
            """)
        byRow = try database.prepare("""
            SELECT rowid, path, sender, day, utc, file_sha256, image_digest, phash, lat_e6, lon_e6 FROM fingerprints WHERE rowid = ?
            """)
        delete = try database.prepare("DELETE FROM fingerprints WHERE path = ?")
    }
}
