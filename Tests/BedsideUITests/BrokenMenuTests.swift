import BedsideContent
import Foundation
import XCTest
@testable import BedsideUI

/// Menus come from which files exist (so the first screen never waits for
/// flows to parse); when every file behind a menu is broken, the menu says
/// so in plain words instead of showing an empty list.
final class BrokenMenuTests: XCTestCase {
    func testEveryFlowBrokenStillOffersTheCheckerAndSaysWhy() throws {
        let root = NSTemporaryDirectory() + "bedside-broken-menu-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let files = [
            "sections.yaml": "sections:\n  - id: symptoms\n    title: Symptoms\n",
            "flows/broken.md": "---\nid: [\n---\n",
            "walkthroughs/broken.md": "---\nid: w\n---\n",
        ]
        for (path, text) in files {
            try FileManager.default.createDirectory(atPath: root + "/" + (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try text.write(toFile: root + "/" + path, atomically: true, encoding: .utf8)
        }
        let env = AppEnvironment(store: ContentLoader.load(root: root, background: true))

        let home = Renderer.render(AppState(width: 80, height: 24), env).text
        XCTAssertTrue(home.contains("Check a symptom"), home)
        XCTAssertTrue(home.contains("Walkthroughs with your nurse"), home)

        let picker = Renderer.render(UIFixture.run(AppState(width: 80, height: 24), [.key(.char("c"))], env), env).text
        XCTAssertTrue(picker.contains("No symptom checks could be loaded."), picker)
        XCTAssertTrue(picker.contains("call your care team"), picker)
    }
}
