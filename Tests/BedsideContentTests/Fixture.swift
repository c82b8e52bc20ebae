import Foundation

/// A throwaway content folder for tests, removed when the test ends.
final class Fixture {
    let root: String

    init(_ files: [String: String]) throws {
        root = NSTemporaryDirectory() + "bedside-fixture-" + UUID().uuidString
        for (path, text) in files { try write(path, Data(text.utf8)) }
    }

    func write(_ path: String, _ data: Data) throws {
        let full = root + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: full))
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    static let sections = """
        language: english
        sections:
          - id: symptoms
            title: Symptoms
        """

    static let governance = "review-due: 2027-11-01\nreviewed-by: oncology nurse educator\nsigned-off: pending\nversion: 1"

    static func topic(_ id: String, section: String = "symptoms", extra: String = "", body: String = "You may feel pain. Call your team.",
                      governance: String = Fixture.governance) -> String {
        """
        ---
        id: \(id)
        title: Title of \(id)
        summary: A short summary.
        section: \(section)
        \(extra)
        sources:
          - title: A source
            organisation: An organisation
        reviewed: 2026-11-01
        \(governance)
        ---
        \(body)
        """
    }
}
