/// An ASN employee's 18-digit number: a PNS's NIP (Perka BKN 22/2007) or a PPPK's NI, whose
/// parts are a birth date, the first appointment, the gender and a serial number.
public struct EmployeeNumber: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A civil servant's NIP: digits 9–14 are the year and month of first appointment.
        case pns
        /// A contract employee's NI PPPK: digits 9–12 are the year of appointment and digit 13
        /// is `2`, which no appointment month has; digit 14 is not checked.
        case pppk
        /// Taken as matched by `--employee-pattern`, without reading its parts.
        case unchecked
    }

    /// Digit 15.
    public enum Gender: String, Sendable, Hashable, Codable {
        case male, female
    }

    /// The first part of an 18-digit number that makes it no plausible employee number.
    public enum Flaw: Error, Sendable, Hashable, CaseIterable {
        /// Not 18 ASCII digits.
        case length
        /// Digits 1–8 are no real day in `birthYears`.
        case birthDate
        /// Digits 9–14 are no appointment month (PNS) or year (PPPK) that fits the birth date.
        case appointment
        /// Digit 15 is neither 1 nor 2.
        case gender
        /// Digits 16–18 are 000.
        case serial
    }

    /// Birth years read as plausible: no one born earlier still serves (the latest retirement
    /// age is 70), and CPNS must be 18, so 2015 holds until about 2033.
    public static let birthYears = 1940...2015
    /// The earliest year of first appointment read in a NIP.
    public static let earliestPNSAppointment = 1960
    /// The earliest year in an NI PPPK: PPPK exist since PP 49/2018 and were first appointed in 2019.
    public static let earliestPPPKAppointment = 2019
    /// Ages (year of appointment minus year of birth) at which anyone is plausibly appointed.
    public static let appointmentAges = 15...70

    /// The number's digits as written, without separators.
    public let digits: String
    public let kind: Kind
    /// Digits 1–8; nil for an unchecked number.
    public let birthDate: CalendarDate?
    /// Digits 9–12.
    public let appointmentYear: Int?
    /// Digits 13–14 of a PNS's NIP; nil for PPPK, whose digits 13–14 are no month.
    public let appointmentMonth: Int?
    public let gender: Gender?
    /// Digits 16–18, 1...999.
    public let serial: Int?

    public var description: String { digits }

    /// The number in `text`, which must be exactly 18 ASCII digits that read as a NIP or an NI PPPK.
    public init?(plausible text: some StringProtocol) {
        guard case .success(let number) = EmployeeNumber.check(text) else { return nil }
        self = number
    }

    /// The number in `text`, or the first flaw that makes it no plausible NIP or NI PPPK.
    public static func check(_ text: some StringProtocol) -> Result<EmployeeNumber, Flaw> {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { check(bytes: $0) }
    }

    /// A number taken from `--employee-pattern` as it is (ASCII digits only).
    init(unchecked digits: String) {
        self.digits = digits
        kind = .unchecked
        birthDate = nil
        appointmentYear = nil
        appointmentMonth = nil
        gender = nil
        serial = nil
    }

    private init(digits: String, kind: Kind, birthDate: CalendarDate, appointmentYear: Int,
                 appointmentMonth: Int?, gender: Gender, serial: Int) {
        self.digits = digits
        self.kind = kind
        self.birthDate = birthDate
        self.appointmentYear = appointmentYear
        self.appointmentMonth = appointmentMonth
        self.gender = gender
        self.serial = serial
    }

    /// The scan behind every reading: plain byte arithmetic, as it runs on every photo's path.
    static func check(bytes: UnsafeBufferPointer<UInt8>) -> Result<EmployeeNumber, Flaw> {
        guard bytes.count == 18, bytes.allSatisfy(isASCIIDigit) else { return .failure(.length) }
        func value(_ start: Int, _ count: Int) -> Int { decimalValue(bytes[start..<(start + count)]) }
        let birthYear = value(0, 4)
        guard birthYears.contains(birthYear),
              let birthDate = CalendarDate(year: birthYear, month: value(4, 2), day: value(6, 2))
        else { return .failure(.birthDate) }

        let appointmentYear = value(8, 4)
        let kind: Kind = bytes[12] == UInt8(ascii: "2") ? .pppk : .pns
        let appointmentMonth = kind == .pns ? value(12, 2) : nil
        let earliest = kind == .pns ? earliestPNSAppointment : earliestPPPKAppointment
        guard appointmentYear >= earliest, appointmentAges.contains(appointmentYear - birthYear),
              appointmentMonth.map({ (1...12).contains($0) }) ?? true
        else { return .failure(.appointment) }

        let gender: Gender
        switch bytes[14] {
        case UInt8(ascii: "1"): gender = .male
        case UInt8(ascii: "2"): gender = .female
        default: return .failure(.gender)
        }
        let serial = value(15, 3)
        guard serial >= 1 else { return .failure(.serial) }

        return .success(EmployeeNumber(
            digits: String(decoding: bytes, as: UTF8.self), kind: kind, birthDate: birthDate,
            appointmentYear: appointmentYear, appointmentMonth: appointmentMonth, gender: gender, serial: serial))
    }
}

@inline(__always)
func isASCIIDigit(_ byte: UInt8) -> Bool {
    byte &- UInt8(ascii: "0") < 10
}

/// The number that ASCII digits spell; the caller bounds their count, so it cannot overflow.
func decimalValue(_ digits: some Sequence<UInt8>) -> Int {
    digits.reduce(0) { $0 * 10 + Int($1 &- UInt8(ascii: "0")) }
}
