import XCTest
@testable import BedsideUI

/// Whole screens compared with committed text files. To accept a deliberate
/// change: BEDSIDE_RECORD=1 swift test --filter GoldenScreenTests, then review the diff.
final class GoldenScreenTests: XCTestCase {
    let env = UIFixture.env()

    func assertGolden(_ name: String, _ state: AppState, file: StaticString = #filePath, line: UInt = #line) {
        let text = Renderer.render(state, env).text + "\n"
        let dir = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().appendingPathComponent("Golden")
        let url = dir.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["BEDSIDE_RECORD"] == "1" {
            try? text.write(to: url, atomically: true, encoding: .utf8)
            return XCTFail("recorded \(name).txt: review it, then run again without BEDSIDE_RECORD", file: file, line: line)
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return XCTFail("missing golden \(url.path): record it with BEDSIDE_RECORD=1", file: file, line: line)
        }
        XCTAssertEqual(text, expected, "screen differs from \(name).txt", file: file, line: line)
    }

    func state(_ page: Page, _ width: Int, _ height: Int) -> AppState {
        var s = AppState(page: page, width: width, height: height)
        s.onEnter(page, env)
        return s
    }

    func testHomeAt80x24() { assertGolden("home-80x24", state(.home, 80, 24)) }
    func testHomeAt120x40() { assertGolden("home-120x40", state(.home, 120, 40)) }
    func testHomeAt40x15() { assertGolden("home-40x15", state(.home, 40, 15)) }
    func testTopicAt80x24() { assertGolden("topic-80x24", state(.topic("bone-pain"), 80, 24)) }
    func testTopicAt120x40() { assertGolden("topic-120x40", state(.topic("bone-pain"), 120, 40)) }
    func testTopicAt40x15() { assertGolden("topic-40x15", state(.topic("bone-pain"), 40, 15)) }
    func testTooSmall() { assertGolden("too-small-39x11", state(.home, 39, 11)) }

    func testHelpAndDefinitionPopups() {
        var s = state(.topic("bone-pain"), 80, 24)
        s = UIFixture.run(s, [.key(.char("?"))], env)
        assertGolden("help-80x24", s)
        s = UIFixture.run(s, [.key(.escape), .key(.char("d"))], env)
        assertGolden("define-80x24", s)
    }
}
