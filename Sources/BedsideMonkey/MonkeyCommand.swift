import Foundation

/// The command line: options, the run, its summary and exit status.
enum MonkeyCommand {
    static func run(_ arguments: [String]) -> Int32 {
        var content = "Content", events = 1_000_000, seed: UInt64 = 20_261_130, progress: Int?, pipelined = true
        var expectEveryKind = false
        var rest = arguments.dropFirst()
        while let flag = rest.popFirst() {
            if flag == "--expect-every-kind" { expectEveryKind = true; continue }
            guard let value = rest.popFirst() else { return usage("\(flag) needs a value") }
            switch flag {
            case "--content": content = value
            case "--events": guard let n = Int(value), n > 0 else { return usage("--events wants a positive number, not '\(value)'") }; events = n
            case "--seed": guard let s = UInt64(value) else { return usage("--seed wants a number, not '\(value)'") }; seed = s
            case "--progress": guard let n = Int(value), n > 0 else { return usage("--progress wants a positive number, not '\(value)'") }; progress = n
            case "--threads": guard value == "1" || value == "2" else { return usage("--threads wants 1 or 2, not '\(value)'") }; pipelined = value == "2"
            default: return usage("unknown option '\(flag)'")
            }
        }
        let envs = KioskMonkey.environments(content: content)
        guard let english = envs[.en], english.store.topics.count > 0 else { return usage("no topics found in '\(content)' (use --content DIR)") }
        var monkey = KioskMonkey(seed: seed, envs: envs)
        let started = Date()
        let result = monkey.run(count: events, progress: progress, pipelined: pipelined, report: { done, coverage in
            print("kiosk monkey: \(done) events, \(String(format: "%.1f", Date().timeIntervalSince(started))) s: reached \(coverage.summary)")
        })
        let seconds = Date().timeIntervalSince(started)
        print(result.summary(seed: seed, seconds: seconds))
        for line in result.report(seed: seed) { print(line) }
        // As KioskMonkeyTests asserts: each kind of event really happened, so the run tested what it claims.
        let missing = expectEveryKind ? result.missingKinds : []
        for kind in missing { print("kiosk monkey: seed \(seed): no \(kind) happened in \(events) events") }
        return result.failures.isEmpty && missing.isEmpty ? 0 : 1
    }

    static func usage(_ problem: String) -> Int32 {
        FileHandle.standardError.write(Data("bedside-monkey: \(problem)\nusage: bedside-monkey [--content DIR] [--events N] [--seed S] [--progress N] [--threads 1|2] [--expect-every-kind]\n".utf8))
        return 2
    }
}
