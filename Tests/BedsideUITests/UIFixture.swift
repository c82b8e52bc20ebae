import BedsideContent
import Foundation
@testable import BedsideUI

/// A small content store written to a temporary folder, so UI tests and
/// golden screens do not change when the shipped content is edited.
enum UIFixture {
    static let files: [String: String] = [
        "sections.yaml": """
            sections:
              - id: symptoms
                title: Symptoms
              - id: tests
                title: Tests
            """,
        "home.md": "Welcome. This explains bone metastases in plain words.\n\nIt does not diagnose.",
        "strings.yaml": "flow-disclaimer: \"This does not diagnose.\"",
        "topics/symptoms/bone-pain.md": topic("bone-pain", "Bone pain", "symptoms", 1, related: "[x-ray]", body: """
            Bone pain is often the first sign. It may be worse at night.

            > **Get help now if:** your legs feel weak or numb.

            ## What it feels like

            - A dull ache that comes and goes, then may stay. It can be worse at night and ease when you move.
            - Pain in the [spine](glossary:spinal-cord), hips or legs.

            ## Tests

            An [X-ray](topic:x-ray) or a [bone scan](topic:x-ray#what-happens) may help. Cells called osteoclasts break bone down.

            | Test | Time |
            |------|-----:|
            | X-ray | 10 min |
            | 日本語 | 5 |

            ## What you can do

            1. Keep a pain diary.
            2. Take pain medicine on time.

            Call your care team if the pain changes.
            """),
        "topics/tests/x-ray.md": topic("x-ray", "X-ray", "tests", 1, related: "[]", body: """
            An X-ray is a quick picture of your bones.

            ## What happens

            You lie still for a few minutes. It does not hurt.

            \((1...30).map { "Line \($0) of a long page about X-rays." }.joined(separator: "\n\n"))

            Go back to [bone pain](topic:bone-pain).
            """),
        "glossary/terms.yaml": """
            - id: spinal-cord
              term: spinal cord
              definition: The bundle of nerves inside your spine.
            - id: osteoclast
              term: osteoclast
              also-called: [osteoclasts]
              definition: A cell that breaks down old bone.
            """,
    ]

    static func topic(_ id: String, _ title: String, _ section: String, _ order: Int, related: String, body: String) -> String {
        """
        ---
        id: \(id)
        title: \(title)
        summary: About \(title.lowercased()).
        section: \(section)
        order: \(order)
        related: \(related)
        sources:
          - title: Test source
            organisation: Test organisation
        reviewed: 2026-11-01
        ---
        \(body)
        """
    }

    static let store: ContentStore = {
        let root = NSTemporaryDirectory() + "bedside-ui-fixture-\(ProcessInfo.processInfo.processIdentifier)"
        for (path, text) in files {
            let full = root + "/" + path
            try? FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        return ContentLoader.load(root: root)
    }()

    static func env(search: @escaping @Sendable (String) -> (hits: [SearchHit], suggestion: String?) = { _ in ([], nil) }) -> AppEnvironment {
        AppEnvironment(store: store, site: SiteConfig(clinicName: "Riverside Cancer Center"), search: search)
    }

    /// Feeds events one by one, like the event loop.
    static func run(_ state: AppState, _ events: [Event], _ env: AppEnvironment) -> AppState {
        events.reduce(state) { App.update($0, $1, env).0 }
    }

    static func keys(_ text: String) -> [Event] { text.map { .key(.char($0)) } }
}
