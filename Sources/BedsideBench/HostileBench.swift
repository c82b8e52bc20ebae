import BedsideContent
import BedsideUI
import Foundation

/// Peak memory and time for one hostile 10 MB topic each (issue 16): deep
/// lists, deep quotes, one long line, and plain text of the same size. Each
/// case runs in a fresh child process (this binary re-executed), loading the
/// one-topic store and laying the topic out as `bedside read` does, so VmHWM
/// belongs to that topic alone. Target: under 200 MB for any of them.
enum HostileBench {
    static let childEnv = "BEDSIDE_BENCH_HOSTILE_CHILD"
    static let size = ProcessInfo.processInfo.environment["BEDSIDE_BENCH_HOSTILE_SIZE"].flatMap(Int.init) ?? 10 * 1024 * 1024

    static let cases: [(name: String, body: @Sendable (Int) -> String)] = [
        ("10,000 nested '- '", { _ in String(repeating: "- ", count: 10_000) + "word\n" }),
        ("10,000 nested '> '", { _ in String(repeating: "> ", count: 10_000) + "word\n" }),
        ("nested lists to 10 MB", { size in String(repeating: "- ", count: size / 2 - 10) + "word\n" }),
        ("one 10 MB line", { size in String(repeating: "word ", count: size / 5) + "\n" }),
        ("10 MB of short paragraphs", { size in String(repeating: "Bone pain can be worse at night. Call your team.\n\n", count: size / 50) }),
    ]

    static func run(_ options: BenchOptions) {
        if let index = ProcessInfo.processInfo.environment[childEnv].flatMap(Int.init) {
            measureChild(index)
            exit(0)
        }
        print("== Hostile topics: parse + lay out one topic at 80 columns, in a fresh process each (target: < 200 MB) ==")
        for (index, item) in cases.enumerated() {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
            var environment = ProcessInfo.processInfo.environment
            environment[childEnv] = String(index)
            process.environment = environment
            let pipe = Pipe()
            process.standardOutput = pipe
            do { try process.run() } catch {
                print("  \(item.name): could not start the child: \(error)")
                continue
            }
            let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                print("  \(item.name): the child FAILED (exit \(process.terminationStatus)): a crash here is a bug")
                continue
            }
            print("  \(item.name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(out.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }

    static func measureChild(_ index: Int) {
        let body = cases[index].body(size)
        let root = NSTemporaryDirectory() + "bedside-bench-hostile-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: root) }
        do {
            try FileManager.default.createDirectory(atPath: root + "/topics/general", withIntermediateDirectories: true)
            try "sections:\n  - id: general\n    title: General\n".write(toFile: root + "/sections.yaml", atomically: true, encoding: .utf8)
            let topic = "---\nid: hostile\ntitle: Hostile\nsummary: A hostile topic.\nsection: general\nsources:\n  - title: Bench\n    organisation: bedside\nreviewed: 2026-12-01\n---\n" + body
            try topic.write(toFile: root + "/topics/general/hostile.md", atomically: true, encoding: .utf8)
        } catch {
            exit(1)
        }
        let before = Measure.peakRSSMiB()
        var lines = 0
        var stages: [Double] = []
        let seconds = Measure.seconds {
            let store = ContentLoader.load(root: root)
            _ = store.topics
            stages.append(Measure.peakRSSMiB())
            _ = store.document(for: "hostile")
            stages.append(Measure.peakRSSMiB())
            lines = PlainTextPage.render(topicID: "hostile", store: store, width: 80)?.split(separator: "\n").count ?? 0
        }
        print(String(format: "%8.0f ms, peak RSS %7.1f MiB (at start %.1f; after load %.1f, parse %.1f), %d lines",
                     seconds * 1e3, Measure.peakRSSMiB(), before, stages[0], stages[1], lines))
    }
}
