import Foundation
import Testing
@testable import VerifyPhotosKit

/// `impossible-travel`: photos of one employee for one day compared across the run, from the
/// upload tree of `Fixtures/uploads/` (Ani in Muntok at 09:15 and in Jebus, 51 km away, at 09:25).
@Suite struct TravelCheckTests {
    static let ani = "198503152010011002"
    static let morning = TestPaths.fixture("uploads/2026-04-17/\(ani)/foto-pagi.jpg")
    static let noon = TestPaths.fixture("uploads/2026-04-17/\(ani)/foto-siang.jpg")

    private func results(_ paths: [String], limitKmh: Double = 150) -> [PhotoResult] {
        var check = TravelCheck(limitKmh: limitKmh)
        var released: [PhotoResult] = []
        for path in paths { released += check.add(TestVerifier.verifier.verify(path: path)) }
        return released + check.finish()
    }

    @Test func twoPhotosTooFarApartForTheTimeBetweenThemNameEachOther() throws {
        let both = results([Self.morning, Self.noon])
        #expect(both.map(\.path) == [Self.morning, Self.noon])  // input order kept
        for (result, other) in zip(both, [Self.noon, Self.morning]) {
            #expect(result.verdict.reasons.contains(.impossibleTravel) && result.verdict.status == .review)
            guard case .plausibleTravel(1, let legs, 150)? = result.verdict.check(.plausibleTravel)?.rule else {
                Issue.record("no travel check: \(result.verdict.checks)")
                continue
            }
            #expect(legs.map(\.otherPath) == [other])
            #expect(legs.first.map { $0.seconds == 600 && $0.distanceMetres > 50_000 && ($0.speedKmh ?? 0) > 300 } == true)
        }
        let line = Messages(language: .english).sentence(try #require(both[0].verdict.check(.plausibleTravel)))
        #expect(line.contains("foto-siang.jpg") && line.contains("10 minutes"), "\(line)")
    }

    @Test func aFastEnoughJourneyPassesAndNamesNoOne() {
        // 51 km in 10 minutes is about 307 km/h: within a limit of 400 km/h.
        let both = results([Self.morning, Self.noon], limitKmh: 400)
        #expect(both.allSatisfy { $0.verdict.check(.plausibleTravel)?.outcome == .pass && !$0.verdict.reasons.contains(.impossibleTravel) })
    }

    @Test func aPhotoArrivingAfterItsGroupWasWrittenStillNamesTheEarlierOne() {
        let other = TestPaths.fixture("uploads/2026-04-17/197905052005011004/foto.jpg")
        let all = results([Self.morning, other, Self.noon])
        #expect(all.map(\.path) == [Self.morning, other, Self.noon])
        #expect(all[0].verdict.check(.plausibleTravel) == nil)  // written before the later photo came
        #expect(all[1].verdict.check(.plausibleTravel) == nil)  // another employee
        #expect(all[2].verdict.reasons.contains(.impossibleTravel))
    }

    @Test func aPhotoWithoutAnEmployeeOrAloneIsNotCompared() {
        let alone = results([TestPaths.fixture("ok-muntok-ii-dms.jpg"), Self.morning])
        #expect(alone.allSatisfy { $0.verdict.check(.plausibleTravel) == nil })
    }
}
