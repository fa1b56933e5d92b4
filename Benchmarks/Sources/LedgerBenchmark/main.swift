// The ledger's own time: from the photos' verdicts to the ledger file in place, in process, so
// that the run-to-run wander of whole runs (10-15% on a shared machine) does not hide it.
//   LedgerBenchmark ROSTER.csv RUN.jsonl OUT.jsonl
// RUN.jsonl is a `verify-photos --format jsonl --roster ROSTER.csv` report (scripts/bench/run.py
// writes one over the 100,000-photo upload tree). Prints: photos rows best_seconds
import Foundation
import VerifyPhotosKit

let arguments = CommandLine.arguments
guard arguments.count == 4, let report = FileManager.default.contents(atPath: arguments[2]) else {
    FileHandle.standardError.write(Data("usage: LedgerBenchmark ROSTER.csv RUN.jsonl OUT.jsonl\n".utf8))
    exit(2)
}
var policy = VerificationPolicy(nowUTCSeconds: Int64(Date().timeIntervalSince1970))
policy.staff.roster = try Roster.load(path: arguments[1])

var photos: [LedgerPhoto] = []
for line in report.split(separator: UInt8(ascii: "\n")) {
    guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
          let path = object["path"] as? String, let nip = object["nip"] as? String,
          let day = (object["submitted_for"] as? String).flatMap(CalendarDate.init(iso:)),
          let status = (object["status"] as? String).flatMap(PhotoStatus.init(rawValue:)) else { continue }
    let reasons = (object["reasons"] as? [String] ?? []).compactMap(ReasonCode.init(rawValue:))
    photos.append(LedgerPhoto(path: path, nip: nip, day: day, status: status, reasons: reasons))
}

var best = Double.infinity
var rows = 0
for _ in 0..<5 {
    let start = DispatchTime.now().uptimeNanoseconds
    let ledger = Ledger(photos: photos, policy: policy)
    let output = try TextOutput(replacing: arguments[3])
    LedgerReport.write(ledger, to: output, format: .jsonl)
    try output.commit()
    best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    rows = ledger.missing.count  // keeps the ledger alive to the end of the timing
}
rows = (try String(contentsOfFile: arguments[3], encoding: .utf8)).split(separator: "\n").count
print(photos.count, rows, best)
