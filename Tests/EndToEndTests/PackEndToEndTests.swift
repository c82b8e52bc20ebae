import Foundation
import XCTest

/// The content pack in a real terminal: a fresh pack is used without a word;
/// one that no longer matches its files is said to staff on the status line,
/// and never on a kiosk's screen (issue 15).
final class PackEndToEndTests: XCTestCase {
    var folder = ""
    var content: String { folder + "/Content" }
    static let notice = "Content pack not used"

    override func setUpWithError() throws {
        continueAfterFailure = false
        folder = NSTemporaryDirectory() + "bedside-e2e-pack-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: TmuxSession.content, toPath: content)
        try? FileManager.default.removeItem(atPath: content + "/bedside.pack")
        let packed = try TmuxSession.runPlain(["pack", "--content", content])
        XCTAssertEqual(packed.status, 0, packed.err)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: folder)
        super.tearDown()
    }

    /// Searches for "bone pain" and waits for its top result.
    private func search(_ t: TmuxSession) throws {
        try t.send("/")
        t.waitFor(text: "Type plain words:")
        try t.type("bone pain")
        t.waitFor(text: "> Bone pain")
    }

    func testAFreshPackIsUsedQuietlyAndAStaleOneIsToldToStaffButNeverOnAKiosk() throws {
        let fresh = try TmuxSession(["--content", content])
        fresh.waitFor(text: "bedside explains things")
        try search(fresh)
        XCTAssertFalse(fresh.screen().contains(Self.notice), fresh.screen())
        let quiet = try TmuxSession.runPlain(["search", "bone pain", "--content", content])
        XCTAssertEqual(quiet.err, "", "a fresh pack is used without a warning")

        // An edit after packing: the files are read instead, and staff are told.
        let topic = content + "/topics/symptoms/bone-pain.md"
        try (String(contentsOfFile: topic, encoding: .utf8) + "\nEdited after packing.\n").write(toFile: topic, atomically: false, encoding: .utf8)
        let started = Date()
        let staff = try TmuxSession(["--content", content])
        staff.waitFor(text: "bedside explains things")
        staff.waitFor(text: Self.notice) // with no key pressed: it comes once the topics are read
        let noticeAfter = Date().timeIntervalSince(started)
        try search(staff)
        let warned = try TmuxSession.runPlain(["search", "bone pain", "--content", content])
        XCTAssertTrue(warned.err.contains("bone-pain.md changed size"), warned.err)

        // A kiosk reads the files too, and says nothing about it on screen.
        let site = folder + "/site.yaml"
        try "kiosk:\n  idle-seconds: 3600\n  exit-pin-hash: \"\(KioskEndToEndTests.pinHash)\"\n".write(toFile: site, atomically: true, encoding: .utf8)
        let kiosk = try TmuxSession(["--kiosk", "--content", content, "--site", site])
        kiosk.waitFor(text: "bedside explains things")
        // Three times as long as staff waited for the notice, untouched: it never comes.
        let until = Date().addingTimeInterval(max(1, 3 * noticeAfter))
        while Date() < until {
            XCTAssertFalse(kiosk.screen().contains(Self.notice), kiosk.screen())
            usleep(50_000)
        }
        // The search needs the topics, so by its answer the pack has been looked at.
        try search(kiosk)
        try kiosk.send("Escape")
        kiosk.waitFor("the search box to close") { !$0.contains("Type plain words:") }
        XCTAssertFalse(kiosk.screen().contains(Self.notice), kiosk.screen())
    }
}
