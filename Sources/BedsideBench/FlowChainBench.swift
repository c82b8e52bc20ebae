import BedsideContent
import Foundation

/// Parse + check time for generated chain flows of 3,000 and 10,000
/// questions ("yes" ends the flow, "no" asks the next one). The flow checks
/// were once cubic (3,000 questions took over ten minutes); these figures
/// show they stay linear.
enum FlowChainBench {
    static func run() {
        print("== Flows: parse + check a generated chain flow ==")
        for count in [3_000, 10_000] {
            let text = chain(count)
            var flow: Flow?
            var problems: [Diagnostic] = []
            let seconds = Measure.seconds { (flow, problems) = Flow.parse(text: text, path: "flows/chain.md") }
            let errors = problems.filter { $0.severity == .error }.count
            print(String(format: "  %6d-question chain: %8.1f ms parse + check (%@, %d error(s))",
                         count, seconds * 1e3, flow == nil ? "refused" : "loaded", errors))
        }
    }

    /// A chain of `count` questions as a flow file.
    static func chain(_ count: Int) -> String {
        var lines = ["---", "id: chain", "title: A long chain", "start: q0", "questions:"]
        for i in 0..<count {
            lines += ["  - id: q\(i)", "    text: \"Question \(i)?\"", "    answers:",
                      "      - id: \"yes\"", "        text: \"Yes\"", "        go: done",
                      "      - id: \"no\"", "        text: \"No\"", "        go: \(i + 1 < count ? "q\(i + 1)" : "done")"]
        }
        lines += ["outcomes:", "  - id: done", "    level: routine", "    title: Done", "    call: [care-team]",
                  "    actions: [Rest]", "    meaning: Nothing more to do.", "---", "Intro."]
        return lines.joined(separator: "\n") + "\n"
    }
}
