import BedsideContent
import XCTest
@testable import BedsideUI

final class RobustnessTests: XCTestCase {
    let env = UIFixture.env()

    /// Every size from 1x1 to 300x120 on each axis (and a seeded sample in
    /// between) renders a screen of exactly that size without crashing.
    func testAnyTerminalSizeRenders() {
        var sizes: [(Int, Int)] = []
        for w in 1...300 { sizes.append((w, 24)); sizes.append((w, 1)) }
        for h in 1...120 { sizes.append((80, h)); sizes.append((1, h)); sizes.append((300, h)) }
        var seed: UInt64 = 42
        for _ in 0..<300 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            sizes.append((Int(seed >> 33) % 300 + 1, Int(seed >> 13) % 120 + 1))
        }
        for page in [Page.home, .topic("bone-pain"), .topic("x-ray"), .glossaryIndex, .section("tests")] {
            var s = AppState(page: page)
            s = UIFixture.run(s, [.key(.char("G")), .key(.tab)], env)
            for (w, h) in sizes {
                s = App.update(s, .resize(width: w, height: h), env).0
                let screen = Renderer.render(s, env)
                XCTAssertEqual(screen.cells.count, w * h)
                XCTAssertLessThanOrEqual(s.location.scroll, max(0, s.layout(env).lines.count))
            }
        }
    }

    func testTooSmallRecoversWhenTheWindowGrows() {
        var s = AppState(page: .topic("bone-pain"), width: 80, height: 24)
        s = UIFixture.run(s, [.resize(width: 30, height: 10)], env)
        XCTAssertTrue(Renderer.render(s, env).text.contains("Please enlarge the window"))
        s = UIFixture.run(s, [.resize(width: 80, height: 24)], env)
        XCTAssertTrue(Renderer.render(s, env).text.contains("Bone pain is often the first sign."))
    }

    /// Every shipped topic lays out at several widths with every line inside
    /// the width and every link findable.
    func testEveryShippedTopicLaysOut() throws {
        let root = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Content").path
        let store = ContentLoader.load(root: root)
        XCTAssertGreaterThanOrEqual(store.topics.count, 40)
        let env = AppEnvironment(store: store)
        for topic in store.topics {
            for width in [36, 76] {
                let layout = DocumentLayouter.layout(Pages.document(.topic(topic.id), env), options: LayoutOptions(width: width),
                                                     glossary: env.matcher)
                for line in layout.lines { XCTAssertLessThanOrEqual(line.width, width, "\(topic.id): \(line.text)") }
                for link in layout.links { XCTAssertFalse(link.pieces.isEmpty, "\(topic.id): link \(link.number) not placed") }
            }
        }
    }
}
