import Foundation
import Testing
@testable import VerifyPhotosKit

@Suite struct RuleCheckTests {
    private var fixtureNames: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: TestPaths.fixturesFolder))?
            .filter { !$0.hasPrefix(".") && !$0.hasSuffix(".py") && !$0.hasSuffix(".md") }.sorted() ?? []
    }

    @Test func aCheckThatPassesGivesNoReason() {
        #expect(RuleCheck(.hasCaptureTime, .pass, reason: .noCaptureTime).reason == nil)
        #expect(RuleCheck(.clocksAgree(limitSeconds: 600, skewSeconds: nil), .notJudged, reason: .gpsTimeMismatch).reason == nil)
        #expect(RuleCheck(.hasCaptureTime, .fail, reason: .noCaptureTime).reason == .noCaptureTime)
    }

    @Test func theVerdictIsWhatItsChecksSay() {
        let verdict = Verdict(checks: [RuleCheck(.hasPosition, .fail, reason: .noGPS),
                                       RuleCheck(.validTimes(unparsed: []), .pass),
                                       RuleCheck(.clocksAgree(limitSeconds: 60, skewSeconds: 3600), .review, reason: .gpsTimeMismatch)])
        #expect(verdict.reasons == [.noGPS, .gpsTimeMismatch])
        #expect(verdict.status == .flagged)
        #expect(Verdict(checks: [RuleCheck(.hasPosition, .pass)]).status == .ok)
    }

    /// Every reason of every fixture comes from a check, and the explanation has one line per check.
    @Test func everyReasonIsACheckAndEveryCheckIsExplained() {
        #expect(fixtureNames.count > 40)
        for name in fixtureNames {
            let result = TestVerifier.verifier.verify(path: TestPaths.fixture(name))
            guard result.metadata != nil else { continue }
            let verdict = result.verdict
            #expect(Set(verdict.reasons) == Set(verdict.checks.compactMap(\.reason)), "\(name)")
            let ids = verdict.checks.map(\.rule.id)
            #expect(Set(ids).count == ids.count, "\(name): a rule checked twice")
            let lines = Messages.english.explanation(of: result)
            let ruleLines = lines.drop { $0 != "Rules" }.dropFirst().prefix { !$0.isEmpty }
            #expect(ruleLines.count == verdict.checks.count, "\(name)")
        }
    }

    /// A rule's sentence is written from the facts in the check, not from a policy.
    @Test func theExplanationUsesTheFactsOfTheCheck() {
        let check = RuleCheck(.workFromHomeDay(allowed: [.monday, .friday], captured: .sunday), .fail, reason: .notWFHDay)
        #expect(Messages.english.sentence(check) == "Work-from-home day (Monday, Friday): Sunday")
        #expect(Messages(language: .indonesian).sentence(check) == "Hari WFH (Senin, Jumat): Minggu")
        let clear = RuleCheck(.clearOfBoundary(marginMetres: 350, distanceMetres: 900), .pass)
        #expect(Messages.english.sentence(clear).hasPrefix("More than 350 m from the boundary"))
    }

    @Test func everyRuleHasAStableID() {
        #expect(Set(RuleID.allCases.map(\.rawValue)).count == RuleID.allCases.count)
        #expect(Rule.offshore(areaName: "A", reachMetres: 1).id == .offshore)
    }
}
