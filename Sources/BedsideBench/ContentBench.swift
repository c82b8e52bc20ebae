import BedsideContent
import Foundation

/// Load + validate time and peak memory for the shipped content and for a
/// generated 10,000-topic corpus. Each run is a fresh child process (this
/// binary re-executed with `childEnv` set), so every run starts with a cold
/// heap and the peak RSS (VmHWM) belongs to that one load alone.
enum ContentBench {
    static let childEnv = "BEDSIDE_BENCH_CONTENT_CHILD"
    static let runs = 5
    /// A fixed "today" so the review-age warnings do not depend on the clock.
    static let today = ReviewDate(year: 2026, month: 12, day: 6)

    static func run(_ options: BenchOptions) {
        if let root = ProcessInfo.processInfo.environment[childEnv] {
            measureChild(root: root)
            exit(0)
        }
        print("== Content: load + validate (median / min of \(runs) runs, each in a fresh process) ==")
        report(label: "shipped (\(options.content))", root: options.content)
        let shipped = ContentLoader.load(root: options.content)
        let generated: String
        let setup: Double
        do {
            var root = ""
            setup = try Measure.seconds { root = try CorpusGenerator.generate(count: options.generatedTopics, from: shipped) }
            generated = root
        } catch {
            print("  generated corpus: could not write it: \(error)")
            return
        }
        print(String(format: "  (generated corpus at %@, %.1f s to write or reuse)", generated, setup))
        report(label: "generated \(options.generatedTopics) topics", root: generated)
    }

    /// One child's figures.
    struct Sample {
        var load: Double, validate: Double, peakMiB: Double, startMiB: Double, cpu: Double
        var topics: Int, terms: Int, flows: Int, errors: Int, warnings: Int
        var total: Double { load + validate }
    }

    static func report(label: String, root: String) {
        var samples: [Sample] = []
        for run in 0..<runs {
            guard let sample = spawnChild(root: root, quiet: run > 0) else {
                print("  \(label): the measuring child failed")
                return
            }
            samples.append(sample)
        }
        let first = samples[0]
        let total = samples.map(\.total), load = samples.map(\.load), validate = samples.map(\.validate)
        let peak = samples.map(\.peakMiB)
        print("  \(label): \(first.topics) topics, \(first.terms) glossary terms, \(first.flows) flows; check: \(first.errors) error(s), \(first.warnings) warning(s)")
        print(String(format: "    load + validate  %8.1f ms median  %8.1f ms min   (load %.1f ms, validate %.1f ms, medians; CPU %.1f ms on %d cores)",
                     Measure.median(total) * 1e3, total.min()! * 1e3, Measure.median(load) * 1e3, Measure.median(validate) * 1e3,
                     Measure.median(samples.map(\.cpu)) * 1e3, ProcessInfo.processInfo.activeProcessorCount))
        print(String(format: "    peak RSS         %8.1f MiB median (process at start: %.1f MiB)",
                     Measure.median(peak), Measure.median(samples.map(\.startMiB))))
    }

    /// Runs this binary again as a measuring child and reads its one-line result.
    static func spawnChild(root: String, quiet: Bool) -> Sample? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        process.arguments = []
        var environment = ProcessInfo.processInfo.environment
        environment[childEnv] = root
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        // The child lists the first errors on stderr; once is enough.
        if quiet { process.standardError = FileHandle.nullDevice }
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let fields = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard fields.count == 10 else { return nil }
        let d = fields.prefix(5).compactMap { Double($0) }, n = fields.suffix(5).compactMap { Int($0) }
        guard d.count == 5, n.count == 5 else { return nil }
        return Sample(load: d[0], validate: d[1], peakMiB: d[2], startMiB: d[3], cpu: d[4],
                      topics: n[0], terms: n[1], flows: n[2], errors: n[3], warnings: n[4])
    }

    /// CPU time of this process (all threads): steadier than wall time on a
    /// shared machine, and with parallel loading it shows the work done.
    static func cpuSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// In the child: load and validate once, print the figures on one line.
    /// The first errors go to stderr so a broken corpus is visible.
    static func measureChild(root: String) {
        let startMiB = Measure.peakRSSMiB()
        let cpuStart = cpuSeconds()
        var store = ContentStore()
        let load = Measure.seconds { store = ContentLoader.load(root: root) }
        var report: CheckReport?
        let validate = Measure.seconds { report = Validator(today: today).check(store) }
        guard let report else { exit(1) }
        let peak = Measure.peakRSSMiB()
        let cpu = cpuSeconds() - cpuStart
        for diagnostic in report.diagnostics.filter({ $0.severity == .error }).prefix(3) {
            FileHandle.standardError.write(Data(("    " + diagnostic.formatted + "\n").utf8))
        }
        print(load, validate, peak, startMiB, cpu, store.topics.count, store.glossary.count, store.flows.count,
              report.errorCount, report.warningCount)
    }
}
