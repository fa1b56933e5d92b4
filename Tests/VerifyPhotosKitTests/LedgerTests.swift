import Foundation
import Testing
@testable import VerifyPhotosKit

/// The ledger over the invented upload tree, roster and schedule of `Fixtures/`: every outcome
/// (ok, review, flagged, unreadable, missing), who was due, the default and a given period, the
/// per-employee and per-unit summaries.
@Suite struct LedgerTests {
    static let ani = "198503152010011002", budi = "199001012015031001", citra = "197905052005011004"
    static let eka = "199203032019032005", stranger = "199912312020121001"

    private func policy() throws -> VerificationPolicy {
        var policy = TestVerifier.verifier.policy
        policy.staff.roster = try Roster.load(path: TestPaths.fixture("staff/roster.csv"))
        policy.staff.schedule = try WFHSchedule.load(path: TestPaths.fixture("staff/schedule.csv"))
        return policy
    }

    /// The upload tree judged as a run does (with the travel check), as ledger photos.
    private func photos(policy: VerificationPolicy) -> [LedgerPhoto] {
        let verifier = PhotoVerifier(boundary: TestVerifier.boundary, policy: policy)
        var source = FreshReadings(verifier: verifier)
        var travel = TravelCheck(limitKmh: policy.staff.maxTravelSpeedKmh)
        var results: [PhotoResult] = []
        source.results(of: PhotoFinder().find([PhotoPath(TestPaths.fixture("uploads"))]).items[...]) { results += travel.add($0) }
        return (results + travel.finish()).compactMap(LedgerPhoto.init)
    }

    private func day(_ text: String) throws -> CalendarDate { try #require(CalendarDate(iso: text)) }

    @Test func everyEmployeeAndDayComesOutAsTheWorstOfItsPhotosOrMissing() throws {
        let policy = try policy()
        let ledger = Ledger(photos: photos(policy: policy), policy: policy)
        #expect(ledger.period == DateRange(first: try day("2026-04-03"), last: try day("2026-04-17")))
        let rows = Dictionary(uniqueKeysWithValues: ledger.rows.map { ("\($0.date) \($0.nip)", $0) })
        func row(_ date: String, _ nip: String) -> (LedgerOutcome, Bool, [ReasonCode])? {
            rows["\(date) \(nip)"].map { ($0.outcome, $0.due, $0.reasons) }
        }
        #expect(row("2026-04-03", Self.ani)! == (.flagged, false, [.holiday]))  // nobody is due on Good Friday
        #expect(row("2026-04-10", Self.budi)! == (.ok, true, []))
        #expect(row("2026-04-10", Self.eka)! == (.missing, true, []))
        #expect(row("2026-04-10", Self.ani)! == (.flagged, false, [.notScheduled]))
        #expect(row("2026-04-17", Self.ani)! == (.review, true, [.farFromHome, .impossibleTravel]))
        #expect(row("2026-04-17", Self.citra)! == (.flagged, false, [.exemptEmployee]))
        #expect(row("2026-04-17", Self.eka)?.0 == .unreadable)
        #expect(row("2026-04-17", Self.stranger)! == (.review, false, [.notInRoster]))
        #expect(rows["2026-04-17 \(Self.ani)"]?.photos.count == 2)
        #expect(rows["2026-04-17 \(Self.stranger)"]?.name == nil && rows["2026-04-10 \(Self.eka)"]?.name == "Eka Contoh")
        #expect(ledger.rows.count == 8)  // no row for Dedi (exempt, sent nothing), nor for the folder without a NIP
        #expect(ledger.missing.map { "\($0.date) \($0.nip)" } == ["2026-04-10 \(Self.eka)"])
    }

    @Test func aGivenPeriodAddsTheDaysNoOneSentAnythingFor() throws {
        let policy = try policy()
        let period = DateRange(first: try day("2026-04-10"), last: try day("2026-04-24"))
        let ledger = Ledger(photos: photos(policy: policy), policy: policy, period: period)
        #expect(!ledger.rows.contains { $0.date == (try? day("2026-04-03")) })
        // 24 April is in no schedule row: no group is due, so no one is missing.
        #expect(ledger.missing.map(\.nip) == [Self.eka])
        var rotating = policy
        rotating.staff.schedule = nil  // groups A and B take turns from 2 April: A on the 10th and 24th (3 April is a holiday)
        let rotated = Ledger(photos: photos(policy: rotating), policy: rotating, period: period)
        // B on the 17th: Budi sent nothing, Eka an unreadable file (sent, so not missing).
        #expect(Set(rotated.missing.map { "\($0.date) \($0.nip)" }) == ["2026-04-17 \(Self.budi)", "2026-04-24 \(Self.ani)"])
        #expect(rotated.rows.first { $0.nip == Self.eka && $0.date == (try? day("2026-04-17")) }.map { ($0.due, $0.outcome) }! == (true, .unreadable))
    }

    @Test func summariesCountEachEmployeeAndEachUnitAndDay() throws {
        let policy = try policy()
        let ledger = Ledger(photos: photos(policy: policy), policy: policy)
        let eka = try #require(ledger.employees.first { $0.nip == Self.eka })
        #expect(eka.daysDue == 1 && eka.missing == 1 && eka.unreadable == 1 && eka.sentWhenNotDue == 1)
        let dinas = try #require(ledger.units.first { $0.unit == "Dinas Contoh" && $0.date == (try? day("2026-04-10")) })
        // Ani, Budi, Dedi (exempt) and Eka; B (Budi, Eka) due: 2 of the 3 who take turns.
        #expect(dinas.staff == 4 && dinas.exempt == 1 && dinas.scheduled == 2 && dinas.submitted == 2 && dinas.ok == 1 && dinas.missing == 1)
        #expect(dinas.wfhShare.map { abs($0 - 2.0 / 3.0) < 1e-9 } == true && !dinas.overHalf)
        #expect(ledger.units.allSatisfy { $0.date != (try? day("2026-04-03")) })  // a holiday is no working day
    }

    /// A day folder is the uploader's choice: one named for the year 9999, or before the policy,
    /// does not stretch the default period (it would make the ledger list every Friday to then).
    @Test func aFolderDayBeyondTodayOrBeforeThePolicyDoesNotStretchThePeriod() throws {
        let policy = try policy()
        var photos = photos(policy: policy)
        photos.append(LedgerPhoto(path: "9999-12-31/\(Self.ani)/x.jpg", nip: Self.ani, day: try day("9999-12-31"), status: .flagged, reasons: [.wrongDate]))
        photos.append(LedgerPhoto(path: "2025-04-18/\(Self.ani)/x.jpg", nip: Self.ani, day: try day("2025-04-18"), status: .flagged, reasons: [.wrongDate]))
        let ledger = Ledger(photos: photos, policy: policy)
        #expect(ledger.period == DateRange(first: try day("2026-04-03"), last: try day("2026-04-17")))
        #expect(ledger.rows.count == 8)
    }

    @Test func aPeriodIsReadFromStartDotDotEnd() throws {
        #expect(DateRange(text: "2026-04-01..2026-05-31") == DateRange(first: try day("2026-04-01"), last: try day("2026-05-31")))
        for bad in ["2026-05-31..2026-04-01", "2026-04-01", "2026-04-01..", "2026-02-30..2026-03-01", "x..y"] {
            #expect(DateRange(text: bad) == nil, "\(bad)")
        }
    }
}

/// The ledger files: every row once, in order, and an empty ledger is an empty file (a CSV: its header).
@Suite struct LedgerReportTests {
    @Test func anEmptyLedgerWritesNoLines() throws {
        let folder = try TemporaryFolder()
        for (name, format, expected) in [("l.jsonl", LedgerReport.Format.jsonl, ""), ("l.csv", .csv, "nip,name,unit,date,due,outcome,reasons,photos\n")] {
            let path = folder.appendingPathComponent(name).path
            let output = try TextOutput(replacing: path)
            LedgerReport.write(Ledger(photos: [], policy: TestVerifier.verifier.policy), to: output, format: format)
            try output.commit()
            #expect(try String(contentsOfFile: path, encoding: .utf8) == expected)
        }
    }

    @Test func aLargeLedgerIsWrittenWholeAndInOrder() throws {
        // More rows than one batch (8,192): 10,000 employees on one Friday.
        let friday = try #require(CalendarDate(iso: "2026-04-17"))
        let photos = (0..<10_000).map { LedgerPhoto(path: "p\($0).jpg", nip: String(198_503_152_010_010_000 + $0), day: friday, status: .ok, reasons: []) }
        let folder = try TemporaryFolder()
        let path = folder.appendingPathComponent("l.jsonl").path
        let output = try TextOutput(replacing: path)
        LedgerReport.write(Ledger(photos: photos.reversed(), policy: TestVerifier.verifier.policy), to: output, format: .jsonl)
        try output.commit()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 10_000)
        #expect(lines.first?.contains("\"p0.jpg\"") == true && lines.last?.contains("\"p9999.jpg\"") == true)
    }
}
