import Testing
@testable import VerifyPhotosKit

/// The summary line: the counts, then what to do next.
@Suite struct SummaryMessageTests {
    let en = Messages(language: .english), id = Messages(language: .indonesian)

    static func summary(_ names: [String]) -> BatchSummary {
        var summary = BatchSummary()
        for name in names { summary.add(TestVerifier.verifier.verify(path: TestPaths.fixture(name))) }
        return summary
    }

    @Test func theSummarySaysHowManyNeedAPersonHowAndHowManyHaveAHint() {
        // A WhatsApp download and a photo without GPS carry hints; the one near the boundary does not.
        var summary = SummaryMessageTests.summary(["ok-muntok-ii-dms.jpg", "near-boundary-inside.jpg", "IMG-20260403-WA0012.jpg", "no-gps.jpg"])
        #expect(summary.needingAPerson == 3 && summary.withHints == 2)
        summary.skippedFiles = 1
        #expect(en.summary(summary) == "4 photos: 1 ok, 1 review, 2 flagged, 0 unreadable; 1 hidden or system file skipped. "
                + "3 need a person: `verify-photos FILE` explains one, `--format explain` all of them; 2 have a hint for the employee")
        #expect(id.summary(summary) == "4 foto: 1 sesuai, 1 perlu diperiksa, 2 tidak sesuai, 0 tidak terbaca; 1 berkas tersembunyi atau berkas sistem dilewati. "
                + "3 foto perlu ditindaklanjuti petugas: `verify-photos BERKAS` menjelaskan satu foto, `--format explain` semuanya; "
                + "2 di antaranya memuat saran untuk pegawai")
    }

    @Test func whenAllIsWellNothingIsAsked() {
        let summary = SummaryMessageTests.summary(["ok-muntok-ii-dms.jpg"])
        #expect(en.summary(summary) == "1 photo: 1 ok, 0 review, 0 flagged, 0 unreadable")
    }

    @Test func aNightWithoutNewPhotosSaysSo() {
        #expect(en.newPhotosSummary(BatchSummary()) == "0 new photos")
        #expect(id.newPhotosSummary(BatchSummary()) == "0 foto baru")
        var uploading = BatchSummary()
        uploading.stillUploading = 2
        #expect(en.newPhotosSummary(uploading) == "0 new photos; 2 still uploading, left for the next run")
        let one = SummaryMessageTests.summary(["no-gps.jpg"])
        #expect(en.newPhotosSummary(one).hasPrefix("1 new photo: 0 ok, 0 review, 1 flagged, 0 unreadable. 1 needs a person"))
    }

    @Test func aFailureCarriesTheTimeInWIBAndTheState() {
        // 2026-04-03T18:30:05Z is 01:30:05 the next day in WIB.
        #expect(en.failure("cannot write the report to /dev/full: No space left on device", at: 1_775_241_005, statePath: "/var/lib/s.db")
                == "verify-photos [2026-04-04T01:30:05+07:00]: cannot write the report to /dev/full: No space left on device (state: /var/lib/s.db)")
        #expect(en.failure("the state database /var/lib/s.db is damaged", at: 1_775_241_005, statePath: "/var/lib/s.db")
                == "verify-photos [2026-04-04T01:30:05+07:00]: the state database /var/lib/s.db is damaged")
        #expect(en.failure("--lang must be id or en", at: 1_775_241_005, statePath: nil)
                == "verify-photos [2026-04-04T01:30:05+07:00]: --lang must be id or en")
    }
}
