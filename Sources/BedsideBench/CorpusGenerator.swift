import BedsideContent
import Foundation

/// Writes a deterministic synthetic content store of `count` topics, built
/// from the shipped content's own words, so benchmarks at 10k topics see
/// realistic word frequencies. The same seed always gives the same files.
/// The store is valid (`bedside check` finds no errors): topics link to each
/// other, to headings and to glossary terms, and flows and a glossary of
/// generated terms are written too, so loading and validating exercise every
/// check without stopping at the first error.
enum CorpusGenerator {
    /// Bump when the generated files change, so a cached corpus is rebuilt.
    static let version = 5
    static let glossaryTerms = 300
    static let flowCount = 40

    /// The id of generated topic `i` (for benches that open one).
    static func topicID(_ i: Int) -> String { Writer.topicID(i) }

    static func generate(count: Int, from shipped: ContentStore, seed: UInt64 = 0xB0_4E5) throws -> String {
        let root = NSTemporaryDirectory() + "bedside-corpus-v\(version)-\(count)-\(seed)"
        let fm = FileManager.default
        if fm.fileExists(atPath: root + "/.complete") { return root }
        try? fm.removeItem(atPath: root)
        var writer = Writer(rng: SplitMix64(seed: seed), vocabulary: vocabulary(shipped), count: count)
        let sections = shipped.manifest.sections.isEmpty ? [Section(id: "general", title: "General")] : shipped.manifest.sections

        try fm.createDirectory(atPath: root + "/topics", withIntermediateDirectories: true)
        var manifest = "language: \(shipped.manifest.language)\nsections:\n"
        for section in sections {
            manifest += "  - id: \(section.id)\n    title: \"\(section.title)\"\n"
            try fm.createDirectory(atPath: root + "/topics/" + section.id, withIntermediateDirectories: true)
        }
        try manifest.write(toFile: root + "/sections.yaml", atomically: true, encoding: .utf8)
        // Search synonyms are not checked by the validator; keep the shipped ones for the search bench.
        if fm.fileExists(atPath: shipped.root + "/search") {
            try fm.copyItem(atPath: shipped.root + "/search", toPath: root + "/search")
        }

        for i in 0..<count {
            let section = sections[i % sections.count].id
            try writer.topic(i, section: section).write(toFile: "\(root)/topics/\(section)/\(Writer.topicID(i)).md",
                                                        atomically: false, encoding: .utf8)
        }
        try fm.createDirectory(atPath: root + "/glossary", withIntermediateDirectories: true)
        let perFile = (glossaryTerms + 2) / 3
        for file in 0..<3 {
            let terms = (file * perFile..<min(glossaryTerms, (file + 1) * perFile)).map { writer.glossaryTerm($0) }
            try terms.joined(separator: "\n").write(toFile: "\(root)/glossary/part-\(file).yaml", atomically: false, encoding: .utf8)
        }
        try fm.createDirectory(atPath: root + "/flows", withIntermediateDirectories: true)
        for i in 0..<flowCount {
            try writer.flow(i).write(toFile: "\(root)/flows/generated-flow-\(i).md", atomically: false, encoding: .utf8)
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

/// The text of each generated file. Sentences mostly use words of one or two
/// syllables, with a long word now and then, so the reading level stays under
/// the default limits the way real patient text does.
private struct Writer {
    var rng: SplitMix64
    let short: [String]
    let long: [String]
    let count: Int

    init(rng: SplitMix64, vocabulary: [String], count: Int) {
        self.rng = rng
        self.count = count
        let split = Dictionary(grouping: vocabulary) { Readability.syllables(in: $0) <= 2 }
        short = split[true] ?? ["bone"]
        long = split[false] ?? ["radiation"]
    }

    static func topicID(_ i: Int) -> String { String(format: "generated-topic-%05d", i) }
    static func termID(_ i: Int) -> String { String(format: "generated-term-%03d", i) }

    mutating func pick(_ list: [String]) -> String { list[Int(rng.next() % UInt64(list.count))] }
    mutating func word() -> String { rng.next() % 30 == 0 ? pick(long) : pick(short) }

    mutating func phrase(_ n: Int) -> String {
        let text = (0..<n).map { _ in word() }.joined(separator: " ")
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    mutating func sentence(_ n: Int) -> String { phrase(n) + "." }

    /// Headings are numbered so each anchor in a topic is different.
    mutating func headings(_ i: Int) -> [String] {
        (0..<3).map { h in "\(phrase(3)) \(h + 1)" }
    }

    mutating func topic(_ i: Int, section: String) -> String {
        let next = (i + 1) % count
        // The next topic's headings are drawn from its own random stream, so
        // link to its first heading through a fixed anchor-free link, and to
        // this topic's own headings with #anchors.
        let titles = headings(i)
        var body = sentence(8) + " " + sentence(7) + "\n\n"
        for (h, heading) in titles.enumerated() {
            body += "## \(heading)\n\n"
            body += (0..<4).map { _ in sentence(7) }.joined(separator: " ") + "\n\n"
            body += "- \(sentence(5))\n- \(sentence(6))\n- \(phrase(3)) [\(phrase(2).lowercased())](glossary:\(Self.termID((i + h) % CorpusGenerator.glossaryTerms)))\n\n"
        }
        if i % 3 == 0 { body += "> **Tip:** \(sentence(8))\n\n" }
        if i % 10 == 0 {
            body += "| \(phrase(1)) | \(phrase(1)) |\n|---|---|\n"
            for _ in 0..<3 { body += "| \(phrase(2)) | \(phrase(3)) |\n" }
            body += "\n"
        }
        body += "Read [the first part](#\(Anchor.slug(titles[0]))) again, or see [a related topic](topic:\(Self.topicID(next))).\n"
        return """
            ---
            id: \(Self.topicID(i))
            title: "\(phrase(3))"
            summary: "\(sentence(10))"
            section: \(section)
            also-called: [\(pick(short)), \(pick(short))]
            keywords: [\(pick(short))]
            related: [\(Self.topicID((i + count - 1) % count))]
            sources:
              - title: Generated
                organisation: bedside benchmark
                url: https://example.org/\(i)
                accessed: 2026-11-01
            reviewed: 2026-11-01
            review-due: 2027-11-01
            reviewed-by: oncology nurse educator
            signed-off: pending
            version: 1
            ---
            \(body)
            """
    }

    mutating func glossaryTerm(_ i: Int) -> String {
        let see = Self.termID((i + 1) % CorpusGenerator.glossaryTerms)
        return """
            - id: \(Self.termID(i))
              term: "\(phrase(2).lowercased()) \(i)"
              also-called: [\(pick(short)), \(pick(short))]
              definition: "\(sentence(12))"
              see-also: [\(see)]

            """
    }

    /// Three questions; the first answer of the first question is a red flag
    /// that ends at emergency, the rest spread over the other levels.
    mutating func flow(_ i: Int) -> String {
        let topic = Self.topicID((i * 97) % count)
        func answers(_ yes: String, _ no: String, redFlag: Bool = false) -> String {
            """
                  - id: "yes"
                    text: "Yes"
                    red-flag: \(redFlag)
                    go: \(yes)
                  - id: "no"
                    text: "No"
                    go: \(no)
            """
        }
        var outcomes = ""
        for (id, level, call) in [("now", "emergency", "emergency"), ("today", "urgent", "after-hours"),
                                  ("soon", "soon", "care-team"), ("later", "routine", "care-team")] {
            outcomes += """
                  - id: \(id)
                    level: \(level)
                    title: "\(phrase(4))"
                    call: [\(call)]
                    actions:
                      - "\(sentence(6))"
                      - "\(sentence(7))"
                    meaning: "\(sentence(10)) \(sentence(9))"
                    related: [\(topic)]

                """
        }
        return """
            ---
            id: generated-flow-\(i)
            title: "\(phrase(3))"
            also-called: [\(pick(short))]
            topic: \(topic)
            start: first
            questions:
              - id: first
                text: "\(phrase(6))?"
                answers:
            \(answers("now", "second", redFlag: true))
              - id: second
                text: "\(phrase(6))?"
                answers:
            \(answers("today", "third"))
              - id: third
                text: "\(phrase(6))?"
                answers:
            \(answers("soon", "later"))
            outcomes:
            \(outcomes)---
            \(sentence(9))

            """
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
              let kb = Double(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") else { return 0 }
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

    static func median(_ values: [Double]) -> Double { percentile(values, 0.5) }
}
