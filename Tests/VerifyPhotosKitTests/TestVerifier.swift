import Foundation
@testable import VerifyPhotosKit

/// The verifier the Kit tests share: the boundary compiled into the binary (Kabupaten Bangka
/// Barat) and the default policy, with the clock fixed at 2026-11-29T08:00:00Z (15:00 WIB, a
/// Sunday), so that "in the future", "today" and the policy's start never depend on the day the
/// tests run. A test that needs another policy copies `verifier.policy` and builds its own
/// `PhotoVerifier(boundary: TestVerifier.boundary, policy:)`.
enum TestVerifier {
    /// 2026-11-29T08:00:00Z, in seconds since 1970.
    static let now: Int64 = 1_795_939_200

    /// The embedded boundary, loaded once for the whole test process.
    static let boundary: Boundary = {
        do {
            return try Boundary.bangkaBarat()
        } catch {
            fatalError("the embedded boundary of Kabupaten Bangka Barat does not load: \(error)")
        }
    }()

    static let verifier = PhotoVerifier(boundary: boundary, policy: VerificationPolicy(nowUTCSeconds: now))

    /// Every item read now, on all cores, results in input order.
    static func results(_ items: [FoundItem]) -> [PhotoResult] {
        var source = FreshReadings(verifier: verifier)
        var results: [PhotoResult] = []
        source.results(of: items[...]) { results.append($0) }
        return results
    }
}
