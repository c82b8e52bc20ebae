import BedsideWiring
import BedsideContent
import BedsideFlows
import Foundation
@testable import BedsideUI

// bedside-monkey: a headless monkey on the shipped content in kiosk mode.
// Random keys (every ctrl, alt and function key, printable and odd text),
// mouse presses and wheel at random places, resizes from 1x1 to 300x120, ticks
// that pass the idle time, staff-chord PIN tries and pastes go through
// `App.update` and `Renderer.render`. The app must never quit or write, and
// its invariants must hold after every event.
//
//   bedside-monkey [--content DIR] [--events N] [--seed S] [--progress N] [--threads 1|2] [--expect-every-kind]
//
// `make test` builds it in release with -enable-testing (so it can reach the
// core's internal layout for the scroll and link invariants), in its own
// scratch path so the normal release build is not rebuilt:
//   swift build -c release -Xswiftc -enable-testing --scratch-path .build/monkey --product bedside-monkey
// A debug build does about 600 events a second: far too slow for 1,000,000;
// the release build about 3,000 on one thread and 4,000 when the second
// thread (render and checks, see `run`) has a core of its own.
// After a broken invariant it starts again from home and goes on, so one run
// lists every kind of problem it meets. Exit status 1 when any invariant broke
// (or, with --expect-every-kind, when idle resets, page changes, PIN prompts or
// resizes never happened). The summary says what the run reached (kinds of
// screen, transitions between them, pages), to compare runs by more than length.

/// SplitMix64: small, fast and the same on every platform, so a seed replays.
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

struct KioskMonkey {
    /// A broken invariant: `kind` names it (to count repeats), `detail` says what was seen.
    struct Problem {
        var kind: String
        var detail: String
    }

    struct Failure {
        var index: Int
        var event: Event
        var problem: Problem
        var recent: [Event]
    }

    struct Stats {
        var privacyResets = 0
        var pagesVisited = 0
        var pinPrompts = 0
        var pinLocks = 0
        var resizes = 0
        /// Frames drawn in a language other than English, and how many languages the run had.
        var framesInOtherLanguages = 0
        var languages = 1
    }

    /// What a run reached, so two runs can be compared by the paths they
    /// covered, not only by their length: the kinds of screen (page kind,
    /// overlay kind and the kiosk's flags), the transitions between them (an
    /// event kind taking one kind of screen to another) and the pages.
    struct Coverage {
        struct Mode: Hashable {
            var page: String
            var overlay: String
            var privacy: Bool
            var locked: Bool
            var tooSmall: Bool
        }
        struct Transition: Hashable {
            var event: String
            var from: Mode
            var to: Mode
        }
        var modes = Set<Mode>()
        var transitions = Set<Transition>()
        var pages = Set<Page>()

        var summary: String { "\(modes.count) screen kinds, \(transitions.count) transitions, \(pages.count) pages" }

        static func mode(_ s: AppState) -> Mode {
            Mode(page: pageKind(s.location.page), overlay: overlayKind(s.overlay), privacy: s.kiosk.privacy,
                 locked: s.kiosk.now < s.kiosk.lockedUntil, tooSmall: s.frame.tooSmall)
        }

        static func pageKind(_ page: Page) -> String {
            switch page {
            case .home: "home"
            case .section: "section"
            case .topic: "topic"
            case .glossaryIndex: "glossary"
            case .glossaryTerm: "glossary term"
            case .flowPicker: "flow picker"
            case .flow(_, let answers): answers.isEmpty ? "flow start" : "flow answered"
            case .walkthroughPicker: "walkthrough picker"
            case .walkthrough: "walkthrough"
            case .file: "file"
            }
        }

        static func overlayKind(_ overlay: Overlay?) -> String {
            switch overlay {
            case nil: "none"
            case .search: "search"
            case .find: "find"
            case .definition: "definition"
            case .glossaryPick: "glossary pick"
            case .outline: "outline"
            case .help: "help"
            case .confirmQuit: "confirm quit"
            case .confirmFinish: "confirm finish"
            case .summaryPreview: "summary preview"
            case .adminPIN(_, let wrong): "PIN after \(wrong) wrong"
            }
        }

        mutating func record(_ event: Event, from before: AppState, to after: AppState) {
            let from = Self.mode(before), to = Self.mode(after)
            modes.insert(to)
            transitions.insert(Transition(event: KioskMonkey.kind(of: event), from: from, to: to))
            pages.insert(after.location.page)
        }
    }

    struct Result {
        var events: Int
        /// The first failure of each kind, in order.
        var failures: [Failure]
        /// How often each kind of failure happened.
        var repeats: [String: Int]
        var stats: Stats
        var coverage: Coverage

        func summary(seed: UInt64, seconds: Double) -> String {
            "kiosk monkey: seed \(seed), \(events) events in \(String(format: "%.1f", seconds)) s "
                + "(\(Int(Double(events) / max(seconds, 0.001))) events/s), "
                + "\(stats.privacyResets) idle resets, \(stats.pagesVisited) page changes, \(stats.pinPrompts) PIN prompts, "
                + "\(stats.pinLocks) PIN locks, \(stats.resizes) resizes, \(stats.framesInOtherLanguages) frames not in English; reached \(coverage.summary); "
                + "\(failures.isEmpty ? "no" : "\(failures.count) kinds of") broken invariants"
        }

        /// The kinds of event that never happened in the run (each should).
        var missingKinds: [String] {
            [("idle reset", stats.privacyResets), ("page change", stats.pagesVisited), ("PIN prompt", stats.pinPrompts),
             ("resize", stats.resizes)].filter { $0.1 == 0 }.map(\.0)
                + (stats.languages > 1 && stats.framesInOtherLanguages == 0 ? ["frame in another language"] : [])
        }

        /// One paragraph per kind of failure: what broke, where, the events
        /// before it and how to replay it.
        func report(seed: UInt64) -> [String] {
            failures.map { failure in
                let key = KioskMonkey.key(failure)
                return "kiosk monkey: \(key) (\(repeats[key] ?? 1) times). First: seed \(seed), event \(failure.index): "
                    + "\(failure.event)\n  \(failure.problem.detail)\n  last events:\n"
                    + failure.recent.map { "    \($0)" }.joined(separator: "\n")
                    + "\n  replay: bedside-monkey --seed \(seed) --events \(failure.index + 1)"
            }
        }
    }

    static func key(_ failure: Failure) -> String { failure.problem.kind + " after " + kind(of: failure.event) }

    /// Kiosk mode on the content at `content`, with a 30-second idle time,
    /// the real search engine and a PIN check that never matches. The content
    /// loads as in the browser: topics, flows and walkthroughs on a background
    /// thread, so the first events race with it.
    static func environment(content: String, language: ContentLanguage = .en) -> AppEnvironment {
        let store = ContentLoader.load(root: content, language: language, background: true)
        store.loadInBackground()
        var site = SiteConfig.defaults
        site.clinicName = "Monkey Clinic"
        site.kiosk.idleSeconds = idleSeconds
        // A staff exit is set up, so the PIN box opens (the PIN is checked by verifyPIN below).
        site.kiosk.exitPinHash = "$6$monkey$" + String(repeating: "x", count: 86)
        let search = SearchAdapter(store: store)
        return AppEnvironment(store: store, site: site, kiosk: true, search: { search.search($0) },
                              verifyPIN: { _ in false })
    }

    /// Every language the content holds, wired as `bedside` wires them: `L`,
    /// the home link and the privacy screen's digits switch between them, and
    /// an idle reset returns to English.
    static func environments(content: String) -> [ContentLanguage: AppEnvironment] {
        let languages = ContentLoader.languages(root: content)
        var envs: [ContentLanguage: AppEnvironment] = [:]
        for language in languages { envs[language] = environment(content: content, language: language) }
        let names = languages.map { ($0, envs[$0]!.store.strings[.languageName]) }
        for language in languages {
            envs[language]!.languages = names
            envs[language]!.homeLanguage = .en
        }
        return envs
    }

    static let idleSeconds = 30

    var rng: SplitMix64
    let envs: [ContentLanguage: AppEnvironment]
    /// The language shown now (a `.switchLanguage` effect changes it, as the event loop does).
    var language: ContentLanguage = .en
    var env: AppEnvironment { envs[language] ?? envs[.en]! }
    var state: AppState
    var now = 0.0
    /// Events that must come next (the staff chord, a PIN try).
    var queued: [Event] = []

    /// Where the event source stands: the generator, the clock and the
    /// queued events. The events never depend on the app's state beyond its
    /// size, which only resize events change, so the same source gives the
    /// same events whatever the app did with them.
    struct Source: Sendable {
        var rng: SplitMix64
        var now: Double
        var queued: [Event]
    }

    var source: Source {
        get { Source(rng: rng, now: now, queued: queued) }
        set { rng = newValue.rng; now = newValue.now; queued = newValue.queued }
    }

    init(seed: UInt64, env: AppEnvironment) {
        self.init(seed: seed, envs: [.en: env])
    }

    init(seed: UInt64, envs: [ContentLanguage: AppEnvironment]) {
        rng = SplitMix64(seed: seed)
        self.envs = envs
        state = AppState(page: .home, width: 80, height: 24)
    }

    static let namedKeys: [Key] = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end,
                                   .enter, .tab, .backTab, .backspace, .escape, .delete, .insert, .unknown]
    /// Commands the reader knows, weighted in so the monkey moves around the content.
    static let commandChars: [Character] = Array("jkbgGhlm/fnNdcos t?pw[]xqQ1234567890 <>") + ["\u{7F}"]
    static let oddChars: [Character] = ["é", "日", "本", "😀", "👍🏽", "\u{301}", "ß", "\u{200B}", "\u{FEFF}", "ﬁ", "𝔘", "\u{202E}", "\u{0}"]

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }

    mutating func randomCharacter() -> Character {
        switch int(0...9) {
        case 0...4: return Self.commandChars.randomElement(using: &rng)!
        case 5...8: return Character(Unicode.Scalar(UInt8(int(0x20...0x7E))))
        default: return Self.oddChars.randomElement(using: &rng)!
        }
    }

    mutating func randomKey() -> Key {
        switch int(0...99) {
        case 0...54: return .char(randomCharacter())
        case 55...69: return Self.namedKeys.randomElement(using: &rng)!
        case 70...84: return .ctrl(Character(Unicode.Scalar(UInt8(int(0x61...0x7A)))))
        case 85...92: return .alt(chance(80) ? randomCharacter() : Character(Unicode.Scalar(UInt8(int(0...0x7F)))))
        default: return .function(int(1...24))
        }
    }

    /// Common terminal sizes, the minimum and just below it: most resizes land
    /// here, so laid-out pages are reused and a million events stay quick.
    static let commonSizes = [(80, 24), (80, 25), (100, 30), (120, 40), (132, 43), (60, 20), (40, 12), (39, 12), (40, 11),
                              (70, 24), (69, 24), (200, 60), (300, 120), (1, 1)]

    /// Mostly common sizes; sometimes anything from 1x1 to 300x120.
    mutating func randomSize() -> (Int, Int) {
        switch int(0...9) {
        case 0...5: return Self.commonSizes.randomElement(using: &rng)!
        case 6...7: return (int(1...45), int(1...14))
        default: return (int(1...300), int(1...120))
        }
    }

    mutating func randomPaste() -> String {
        let length = chance(5) ? int(1000...6000) : int(0...80)
        var text = ""
        for _ in 0..<length {
            text.append(chance(3) ? Character(Unicode.Scalar(UInt8(int(0...31)))) : randomCharacter())
        }
        return text
    }

    mutating func nextEvent() -> Event {
        if !queued.isEmpty { return queued.removeFirst() }
        switch int(0...999) {
        case 0...599: return .key(randomKey())
        case 600...749:
            let actions: [MouseAction] = [.press, .press, .wheelUp, .wheelDown, .other]
            let x = chance(95) ? int(0...max(0, state.width - 1)) : int(-3...400)
            let y = chance(95) ? int(0...max(0, state.height - 1)) : int(-3...200)
            return .mouse(x: x, y: y, action: actions.randomElement(using: &rng)!)
        case 750...899:
            // Usually a second passes; sometimes the visitor walks away.
            now += chance(3) ? Double(Self.idleSeconds + int(0...5)) : Double(int(0...1500)) / 1000
            return .tick(now: now)
        case 900...929:
            let (w, h) = randomSize()
            return .resize(width: w, height: h)
        case 930...949: return .paste(randomPaste())
        default:
            // The staff chord, then sometimes a (wrong) PIN.
            queued = [.key(.ctrl("k"))]
            if chance(60) {
                queued += (0..<int(0...6)).map { _ in .key(.char(Character(String(int(0...9))))) } + [.key(.enter)]
            }
            return .key(.ctrl("x"))
        }
    }

    /// Runs `count` events. After a broken invariant the run starts again from
    /// a fresh home page (a broken state would only repeat the same problem)
    /// and goes on, so one run lists every kind of problem it meets.
    ///
    /// Two threads share the work and replay exactly the events one thread
    /// would: this one makes the events and runs `App.update` on them, a
    /// chunk at a time; another renders each state and checks the invariants
    /// of the chunk before (render and the checks are a third of the time).
    /// When a check fails, the states made after it came from the broken
    /// state: they are dropped, and the run goes on from a fresh home page
    /// right after the failed event, as a single thread would.
    /// `pipelined: false` does the same on one thread. `extra` adds an
    /// invariant (the tests use it to prove both ways report the same).
    mutating func run(count: Int, progress: Int? = nil, pipelined: Bool = true,
                      extra: @escaping @Sendable (AppState) -> Problem? = { _ in nil },
                      report: @escaping @Sendable (Int, Coverage) -> Void = { _, _ in }) -> Result {
        let checker = Checker(envs: envs, start: state, progress: progress, extra: extra, report: report)
        var index = 0
        var pending: [Step] = []
        while index < count || !pending.isEmpty {
            let checking = pending
            let verdict = Verdict()
            let group = DispatchGroup()
            if !checking.isEmpty {
                if pipelined {
                    DispatchQueue.global().async(group: group) { verdict.failed = checker.check(checking) }
                } else {
                    verdict.failed = checker.check(checking)
                }
            }
            var next: [Step] = []
            let end = min(count, index + Self.chunk)
            next.reserveCapacity(end - index)
            while index < end {
                let event = nextEvent()
                var (after, effects) = App.update(state, event, env)
                // What the event loop does with a language switch: swap the
                // environment, then tell update (the effect stays for the checks).
                for case .switchLanguage(let wanted) in effects where envs[wanted] != nil {
                    language = wanted
                    after = App.update(after, .languageChanged, env).0
                }
                state = after
                next.append(Step(index: index, event: event, state: after, effects: effects, source: source, language: language))
                index += 1
            }
            group.wait()
            if let failed = verdict.failed {
                let step = checking[failed - checking[0].index]
                source = step.source
                var fresh = AppState(page: .home, width: step.state.width, height: step.state.height)
                language = .en
                fresh.kiosk.now = now
                fresh.kiosk.lastInput = now
                state = fresh
                checker.previous = fresh
                index = failed + 1
                pending = []
            } else {
                pending = next
            }
        }
        return Result(events: count, failures: checker.failures, repeats: checker.repeats, stats: checker.stats, coverage: checker.coverage)
    }

    /// Events per hand-over between the two threads.
    static let chunk = 256

    /// One event and the state and effects it led to.
    struct Step: Sendable {
        var index: Int
        var event: Event
        var state: AppState
        var effects: [Effect]
        /// The event source right after this event.
        var source: Source
        /// The language shown after it.
        var language: ContentLanguage = .en
    }

    final class Verdict: @unchecked Sendable {
        /// The index of the first event whose state broke an invariant.
        var failed: Int?
    }

    /// Renders each state, checks the invariants and keeps the counts. Used
    /// by one thread at a time (the run waits for each chunk's check).
    final class Checker: @unchecked Sendable {
        let envs: [ContentLanguage: AppEnvironment]
        /// The state before the next step to check.
        var previous: AppState
        var recent: [Event] = []
        var failures: [Failure] = []
        var repeats: [String: Int] = [:]
        var stats = Stats()
        var coverage = Coverage()
        /// Pages found to exist, per language (see `check`).
        var goodPages: [ContentLanguage: Set<Page>] = [:]
        let progress: Int?
        let extra: @Sendable (AppState) -> Problem?
        let report: @Sendable (Int, Coverage) -> Void

        init(envs: [ContentLanguage: AppEnvironment], start: AppState, progress: Int?, extra: @escaping @Sendable (AppState) -> Problem?,
             report: @escaping @Sendable (Int, Coverage) -> Void) {
            self.envs = envs
            stats.languages = envs.count
            previous = start
            self.progress = progress
            self.extra = extra
            self.report = report
        }

        /// Checks the steps in order; stops at the first broken invariant and
        /// returns its event's index (the steps after it are not counted).
        func check(_ steps: [Step]) -> Int? {
            for step in steps {
                let event = step.event, before = previous, state = step.state
                previous = state
                recent.append(event)
                if recent.count > 12 { recent.removeFirst() }
                if case .resize = event { stats.resizes += 1 }
                if state.kiosk.privacy && !before.kiosk.privacy { stats.privacyResets += 1 }
                if state.location.page != before.location.page { stats.pagesVisited += 1 }
                if case .adminPIN = state.overlay, !KioskMonkey.isPIN(before.overlay) { stats.pinPrompts += 1 }
                if state.kiosk.lockedUntil != before.kiosk.lockedUntil { stats.pinLocks += 1 }
                coverage.record(event, from: before, to: state)
                if let progress, (step.index + 1) % progress == 0 { report(step.index + 1, coverage) }
                let env = envs[step.language] ?? envs[.en]!
                if step.language != .en { stats.framesInOtherLanguages += 1 }
                let screen = Renderer.render(state, env)
                if let problem = KioskMonkey.check(state, effects: step.effects, screen: screen, env,
                                                   goodPages: &goodPages[step.language, default: []]) ?? extra(state) {
                    let failure = Failure(index: step.index, event: event, problem: problem, recent: recent)
                    let key = KioskMonkey.key(failure)
                    if repeats[key] == nil { failures.append(failure) }
                    repeats[key, default: 0] += 1
                    return step.index
                }
            }
            return nil
        }
    }

    /// An event's kind without its details ("key(char)", "resize"), to group failures.
    static func kind(of event: Event) -> String {
        switch event {
        case .key(.char(let c)): return "key(char \(c.isLetter || c.isPunctuation || c.isSymbol ? String(c) : "other"))"
        case .key(let key): return "key(\(key))"
        case .mouse(_, _, let action): return "mouse(\(action))"
        case .resize: return "resize"
        case .tick: return "tick"
        case .paste: return "paste"
        case .effectFinished: return "effect finished"
        case .clock: return "clock"
        case .languageChanged: return "language changed"
        }
    }

    static func isPIN(_ overlay: Overlay?) -> Bool { if case .adminPIN = overlay { true } else { false } }

    /// The invariants: the first broken one, or nil.
    /// `goodPages`: pages of this environment already found to exist.
    static func check(_ s: AppState, effects: [Effect], screen: Screen, _ env: AppEnvironment,
                      goodPages: inout Set<Page>) -> Problem? {
        if effects.contains(.quit) || s.quitRequested { return Problem(kind: "quit", detail: "the app asked to quit in kiosk mode") }
        for effect in effects {
            switch effect {
            case .saveSummary: return Problem(kind: "save", detail: "kiosk mode asked to save a summary to disk")
            case .printSummary: return Problem(kind: "print", detail: "a summary went to print with no print-command set")
            case .quit, .clearScrollback, .switchLanguage: break
            }
        }
        if screen.width != s.width || screen.height != s.height || screen.cells.count != s.width * s.height {
            return Problem(kind: "screen size", detail: "screen is \(screen.width)x\(screen.height) (\(screen.cells.count) cells), state is \(s.width)x\(s.height)")
        }
        let layout = s.layout(env)
        let maxScroll = s.maxScroll(layout)
        if s.location.scroll < 0 || s.location.scroll > maxScroll {
            return Problem(kind: "scroll out of range",
                           detail: "scroll \(s.location.scroll) outside 0...\(maxScroll) on \(s.location.page) at \(s.width)x\(s.height)")
        }
        // Below the minimum size the page is not drawn ("Please enlarge"), so
        // no link can be on screen; the rule applies to drawn pages.
        if let selected = s.location.selectedLink, !s.frame.tooSmall, !s.isVisible(link: selected, env) {
            return Problem(kind: "selected link off screen",
                           detail: "selected link \(selected) of \(layout.links.count) is not on screen (scroll \(s.location.scroll), "
                               + "text height \(s.frame.text.height)) on \(s.location.page) at \(s.width)x\(s.height)")
        }
        switch s.overlay {
        case .search(let search) where search.query.count > AppState.maxQueryLength:
            return Problem(kind: "search query too long", detail: "search query is \(search.query.count) characters")
        case .find(let find) where find.query.count > AppState.maxQueryLength:
            return Problem(kind: "find query too long", detail: "find query is \(find.query.count) characters")
        case .adminPIN(let typed, let wrong) where typed.count > Kiosk.maxPINLength || wrong >= Kiosk.maxTries:
            return Problem(kind: "PIN prompt", detail: "PIN prompt holds \(typed.count) characters after \(wrong) wrong tries")
        default: break
        }
        for location in [s.location] + s.back + s.forward where !goodPages.contains(location.page) {
            if let problem = problem(with: location.page, env) { return Problem(kind: "bad page", detail: problem) }
            // The content never changes during a run, so a page that exists
            // (a flow's answers that fit) is not checked again.
            goodPages.insert(location.page)
        }
        if s.kiosk.privacy {
            if !s.back.isEmpty || !s.forward.isEmpty || s.overlay != nil || s.find != nil || s.visit != VisitLog()
                || s.location != Location(page: .home) {
                return Problem(kind: "privacy not clean", detail: "the privacy screen is up but the visit is not forgotten: "
                               + "\(s.location), \(s.back.count) back, overlay \(String(describing: s.overlay))")
            }
            if !s.frame.tooSmall && !screen.shows("Press any key to start") {
                return Problem(kind: "privacy screen", detail: "the privacy screen does not say 'Press any key to start'")
            }
        }
        return nil
    }

    /// Why the app should never be on this page, or nil when it exists.
    static func problem(with page: Page, _ env: AppEnvironment) -> String? {
        let store = env.store
        switch page {
        case .home, .glossaryIndex, .flowPicker, .walkthroughPicker: return nil
        case .file(let path): return "a file page (\(path)) in the history"
        case .section(let id): return store.section(id) == nil ? "on a section that does not exist: \(id)" : nil
        case .topic(let id): return store.topic(id) == nil ? "on a topic that does not exist: \(id)" : nil
        case .glossaryTerm(let id): return store.term(id) == nil ? "on a glossary word that does not exist: \(id)" : nil
        case .flow(let id, let answers):
            guard let flow = store.flow(id) else { return "on a flow that does not exist: \(id)" }
            var session = FlowSession(flow: flow)
            for answer in answers {
                do { try session.answer(answer) } catch { return "flow \(id) has an answer that does not fit: \(answers)" }
            }
            return nil
        case .walkthrough(let id, let step):
            guard let walkthrough = store.walkthrough(id) else { return "on a walkthrough that does not exist: \(id)" }
            return walkthrough.steps.indices.contains(step) ? nil : "walkthrough \(id) at step \(step) of \(walkthrough.steps.count)"
        }
    }
}

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

exit(MonkeyCommand.run(CommandLine.arguments))
