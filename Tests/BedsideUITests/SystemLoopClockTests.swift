import Foundation
import XCTest
@testable import BedsideUI

/// The real clock's local time comes from the C library (localtime_r), not
/// Foundation's Calendar, whose ICU time-zone tables cost every session
/// megabytes at first paint. It must still be the same wall-clock time.
final class SystemLoopClockTests: XCTestCase {
    func testLocalTimeIsWhatCalendarSays() throws {
        // Read Calendar on both sides of the clock, so a minute turning over
        // between the two readings cannot fail the test.
        func calendarNow() -> LocalTime {
            let c = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day, .hour, .minute], from: Date())
            return LocalTime(year: c.year!, month: c.month!, day: c.day!, hour: c.hour!, minute: c.minute!)
        }
        let before = calendarNow()
        let clock = try XCTUnwrap(SystemLoopClock().local())
        let after = calendarNow()
        XCTAssert(clock == before || clock == after, "\(clock) is neither \(before) nor \(after)")
    }

    func testLocalTimeFollowsTZ() throws {
        // Far from UTC on both sides, so the two can never agree on the hour.
        let saved = getenv("TZ").map { String(cString: $0) }
        defer { if let saved { setenv("TZ", saved, 1) } else { unsetenv("TZ") }; tzset() }
        setenv("TZ", "EAST-14", 1) // UTC+14, a POSIX rule: no time-zone files needed
        tzset()
        let east = try XCTUnwrap(SystemLoopClock().local())
        setenv("TZ", "WEST11", 1) // UTC-11
        tzset()
        let west = try XCTUnwrap(SystemLoopClock().local())
        XCTAssertNotEqual(east.day, west.day, "25 hours apart is always another day")
    }
}
