import BedsideContent
import Foundation

/// Writes a deterministic synthetic content store of `count` topics, built
/// from the shipped content's own words, so benchmarks at 10k topics see
/// realistic word frequencies. The same seed always gives the same files.
enum CorpusGenerator {
    static func generate(count: Int, from shipped: ContentStore, seed: UInt64 = 0xB0_4E5) throws -> String {
        let root = NSTemporaryDirectory() + "bedside-corpus-\(count)-\(seed)"
        let fm = FileManager.default
        if fm.fileExists(atPath: root + "/.complete") { return root }
        try? fm.removeItem(atPath: root)
        var rng = SplitMix64(seed: seed)
        let words = vocabulary(shipped)
        let sections = shipped.manifest.sections.isEmpty ? [Section(id: "general", title: "General")] : shipped.manifest.sections

        try fm.createDirectory(atPath: root + "/topics", withIntermediateDirectories: true)
        var manifest = "language: \(shipped.manifest.language)\nsections:\n"
        for section in sections {
            manifest += "  - id: \(section.id)\n    title: \(section.title)\n"
            try fm.createDirectory(atPath: root + "/topics/" + section.id, withIntermediateDirectories: true)
        }
        try manifest.write(toFile: root + "/sections.yaml", atomically: true, encoding: .utf8)
        for dir in ["glossary", "flows", "search"] where fm.fileExists(atPath: shipped.root + "/" + dir) {
            try fm.copyItem(atPath: shipped.root + "/" + dir, toPath: root + "/" + dir)
        }

        func sentence(_ n: Int) -> String {
            let text = (0..<n).map { _ in words[Int(rng.next() % UInt64(words.count))] }.joined(separator: " ")
            return text.prefix(1).uppercased() + text.dropFirst() + "."
        }
        for i in 0..<count {
            let id = String(format: "generated-topic-%05d", i)
            let section = sections[i % sections.count].id
            let title = sentence(3).dropLast()
            var body = sentence(10) + " " + sentence(8) + "\n\n"
            for h in 0..<3 {
                body += "## \(sentence(3).dropLast()) \(h)\n\n"
                body += (0..<4).map { _ in sentence(9) }.joined(separator: " ") + "\n\n"
                body += "- \(sentence(5))\n- \(sentence(6))\n\n"
            }
            body += "See [a related topic](topic:\(String(format: "generated-topic-%05d", (i + 1) % count))).\n"
            let text = """
                ---
                id: \(id)
                title: "\(title)"
                summary: "\(sentence(10))"
                section: \(section)
                also-called: [\(words[i % words.count]), \(words[(i * 7) % words.count])]
                sources:
                  - title: Generated
                    organisation: bedside benchmark
                reviewed: 2026-11-01
                ---
                \(body)
                """
            try text.write(toFile: "\(root)/topics/\(section)/\(id).md", atomically: false, encoding: .utf8)
        }
        fm.createFile(atPath: root + "/.complete", contents: nil)
        return root
    }

    /// Distinct lower-case words of the shipped topics' bodies.
    static func vocabulary(_ store: ContentStore) -> [String] {
        var seen = Set<String>()
        var words: [String] = []
        for topic in store.topics {
            for word in (store.body(of: topic.id) ?? "").lowercased().split(whereSeparator: { !$0.isLetter }) where word.count > 2 {
                if seen.insert(String(word)).inserted { words.append(String(word)) }
            }
        }
        return words.isEmpty ? ["bone", "pain", "calcium", "spine", "scan"] : words
    }
}

/// A tiny, fast, seedable random number generator (public-domain SplitMix64).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Wall-clock and memory helpers shared by the benchmarks.
enum Measure {
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Peak resident set size of this process so far, in MiB (VmHWM).
    static func peakRSSMiB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kb / 1024
    }

    /// Resets the peak RSS counter so the next figure is for one phase only.
    static func resetPeakRSS() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
    }
}
