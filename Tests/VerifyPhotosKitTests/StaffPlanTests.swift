import Foundation
import Testing
@testable import VerifyPhotosKit

/// The rules that judge people: the upload path names the employee and the day; the invented
/// roster and schedule of `Fixtures/staff/` say who is exempt, whose group is due, where home is.
@Suite struct StaffPlanTests {
    static let ani = "198503152010011002", budi = "199001012015031001", citra = "197905052005011004"
    static let dedi = "198812122012122003", eka = "199203032019032005", stranger = "199701012020121001"

    private func plan(schedule: Bool = true) throws -> StaffPlan {
        var plan = StaffPlan()
        plan.roster = try Roster.load(path: TestPaths.fixture("staff/roster.csv"))
        if schedule { plan.schedule = try WFHSchedule.load(path: TestPaths.fixture("staff/schedule.csv")) }
        return plan
    }

    /// `fixture` (taken Friday 2026-04-17 in Muntok) uploaded as `relative` in a fresh upload tree, judged under `plan`.
    private func judge(_ relative: String, fixture: String = "ok-muntok-ii-dms.jpg", plan: StaffPlan) throws -> PhotoResult {
        let tree = try TemporaryFolder()
        let target = tree.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: TestPaths.fixture(fixture), toPath: target.path)
        var policy = TestVerifier.verifier.policy
        policy.staff = plan
        return PhotoVerifier(boundary: TestVerifier.boundary, policy: policy).verify(path: target.path)
    }

    @Test func anEmployeeDueThatDayWithAPhotoFromHomeIsOk() throws {
        let ani = try judge("2026-04-17/\(Self.ani)/foto.jpg", plan: plan())
        #expect(ani.verdict.reasons == [], "\(ani.verdict.checks)")
        #expect(ani.submission.employee?.digits == Self.ani && ani.submission.rosterEntry?.name == "Ani Contoh")
        #expect(ani.submission.submittedFor == CalendarDate(year: 2026, month: 4, day: 17))
        #expect(ani.verdict.check(.scheduled)?.rule == .scheduled(group: "A", day: CalendarDate(year: 2026, month: 4, day: 17)!,
                                                                   groupsDue: ["A"], scheduleLines: [3]))
        // The explanation names the schedule's row.
        let line = Messages(language: .english).sentence(try #require(ani.verdict.check(.scheduled)))
        #expect(line.contains("by the schedule, line 3"), "\(line)")
        #expect(ani.verdict.check(.nearHome)?.outcome == .pass)
    }

    @Test func aPhotoTakenOnAnotherDayThanItsFolderIsWrongDate() throws {
        let early = try judge("2026-04-10/\(Self.ani)/foto.jpg", plan: StaffPlan())
        #expect(early.verdict.reasons == [.wrongDate])
        #expect(early.verdict.check(.submittedDay)?.rule == .submittedDay(submitted: CalendarDate(year: 2026, month: 4, day: 10)!,
                                                                           captured: CalendarDate(year: 2026, month: 4, day: 17)!))
    }

    @Test func exemptOfficialsSendingEvidenceAreFlagged() throws {
        let camat = try judge("2026-04-17/\(Self.citra)/foto.jpg", plan: plan())
        #expect(camat.verdict.reasons == [.exemptEmployee])
        let entry = try #require(camat.submission.rosterEntry)
        #expect(camat.verdict.check(.notExempt)?.rule == .notExempt(rosterLine: entry.line, position: entry.position, exemption: .position("Camat")))
        #expect(camat.submission.exemption == .position("Camat"))
        // Not also `not-scheduled` when their group's turn is another day: they have no WFH day.
        #expect(try judge("2026-04-17/\(Self.citra)/foto.jpg", plan: plan(schedule: false)).verdict.reasons == [.exemptEmployee])
        let marked = try judge("2026-04-17/\(Self.dedi)/foto.jpg", plan: plan())
        #expect(marked.verdict.reasons == [.exemptEmployee])
        let text = Messages.english.explanation(of: camat).joined(separator: "\n")
        #expect(text.contains("Not exempt from working from home: no, position \"Camat Muntok\" (Camat, point 4a of the circular letter; roster line 4)"))
    }

    @Test func aGroupNotDueThatDayIsNotScheduledAndFarFromHomeIsReview() throws {
        let eka = try judge("2026-04-17/\(Self.eka)/foto.jpg", plan: plan())
        #expect(eka.verdict.reasons == [.notScheduled, .farFromHome])
        #expect(eka.verdict.status == .flagged)
    }

    /// Without a schedule the roster's groups take turns from the policy's first working
    /// Friday: 2026-04-03 is Good Friday, so A has 2026-04-10 and B 2026-04-17.
    @Test func withoutAScheduleTheGroupsRotate() throws {
        let ani = try judge("2026-04-17/\(Self.ani)/foto.jpg", plan: plan(schedule: false))
        #expect(ani.verdict.reasons == [.notScheduled])
        #expect(ani.verdict.check(.scheduled)?.rule == .scheduled(group: "A", day: CalendarDate(year: 2026, month: 4, day: 17)!,
                                                                   groupsDue: ["B"], scheduleLines: nil))
        let budi = try judge("2026-04-17/\(Self.budi)/foto.jpg", plan: plan(schedule: false))
        #expect(budi.verdict.reasons == [], "\(budi.verdict.checks)")
        #expect(budi.verdict.check(.nearHome)?.rule == .nearHome(home: .desa("Desa Tanjung"), distanceMetres: 0, limitMetres: 200))
    }

    @Test func aPathWithoutANIPOrWithAStrangerIsForAPerson() throws {
        #expect(try judge("2026-04-17/tanpa-nip/foto.jpg", plan: plan()).verdict.reasons == [.noEmployee])
        #expect(try judge("2026-04-17/\(Self.stranger)/foto.jpg", plan: plan()).verdict.reasons == [.notInRoster])
        #expect(try judge("2026-04-17/tanpa-nip/foto.jpg", plan: StaffPlan()).verdict.reasons == [])  // no roster: no one is checked
    }

    @Test func aHolidayIsNoWorkingDay() throws {
        let goodFriday = try judge("2026-04-03/\(Self.ani)/foto.jpg", fixture: "holiday-good-friday.jpg", plan: plan())
        #expect(goodFriday.verdict.reasons == [.holiday])
        let text = Messages.english.explanation(of: goodFriday).joined(separator: "\n")
        #expect(text.contains("Not a holiday: no, 2026-04-03 is a national holiday, Wafat Yesus Kristus"))
        #expect(!goodFriday.verdict.checks.contains { $0.rule.id == .scheduled })  // nobody is due on a holiday
        // Before the policy started nothing was due: no holiday check, so no warning for an old year.
        #expect(TestVerifier.verifier.verify(path: TestPaths.fixture("before-policy-start.jpg")).verdict.check(.notAHoliday) == nil)
    }

    @Test func aYearTheCalendarDoesNotCoverIsSaidOncePerRun() {
        var summary = BatchSummary()
        let day = CalendarDate(year: 2031, month: 1, day: 3)!
        let verdict = Verdict(checks: [RuleCheck(.notAHoliday(captured: day, holiday: nil, covered: false), .notJudged)])
        summary.add(PhotoResult(path: "a.jpg", metadata: nil, verdict: verdict, error: nil))
        summary.add(PhotoResult(path: "b.jpg", metadata: nil, verdict: verdict, error: nil))
        #expect(summary.yearsWithoutHolidays == [2031])
    }
}
