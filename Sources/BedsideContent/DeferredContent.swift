import Foundation

/// Topics, and flows with walkthroughs: each handed over ready, or made once
/// by whoever asks first (a background thread at start, normally). Two parts,
/// so a page or a search that needs only topics never waits for the symptom
/// checks to parse: with a content pack the topics come from the pack and the
/// checks are parsed from their files only when something asks for one.
/// Shared by copies of a store.
final class DeferredContent: @unchecked Sendable {
    struct FileCounts { var flows: Int, walkthroughs: Int }

    /// Classes, so a look-up (`store.topic(id)`, asked for every sidebar row
    /// and page drawn) hands over one reference, not a copy of every table.
    final class Topics: @unchecked Sendable {
        let table: TopicTable
        /// Problems in topic files.
        let diagnostics: [Diagnostic]
        init(table: TopicTable, diagnostics: [Diagnostic] = []) {
            self.table = table
            self.diagnostics = diagnostics
        }
    }

    final class Later: @unchecked Sendable {
        let flows: [Flow]
        let walkthroughs: [Walkthrough]
        let flowIndex: [String: Int]
        /// Problems in flow and walkthrough files.
        let diagnostics: [Diagnostic]
        init(flows: [Flow], walkthroughs: [Walkthrough], diagnostics: [Diagnostic] = []) {
            self.flows = flows
            self.walkthroughs = walkthroughs
            self.flowIndex = Dictionary(flows.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            self.diagnostics = diagnostics
        }
    }

    let fileCounts: FileCounts
    private let topicsOnce: Once<Topics>
    private let laterOnce: Once<Later>

    init(topics: Once<Topics>, later: Once<Later>, fileCounts: FileCounts) {
        self.topicsOnce = topics
        self.laterOnce = later
        self.fileCounts = fileCounts
    }

    var topics: Topics { topicsOnce.value }
    var later: Later { laterOnce.value }
    /// Whether the flows and walkthroughs have been parsed yet (for tests).
    var laterIsMade: Bool { laterOnce.isMade }
}

/// A value made at most once, by the first thread that asks; the others wait for it.
final class Once<Value>: @unchecked Sendable {
    private var made: Value?
    private var make: (() -> Value)?
    private let lock = NSLock()

    init(ready: Value) { made = ready }
    init(making make: @escaping () -> Value) { self.make = make }

    var isMade: Bool {
        lock.lock()
        defer { lock.unlock() }
        return made != nil
    }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let value = make!()
        made = value
        make = nil
        return value
    }
}
