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
//   swift build -c release -Xswiftc -enable-testing --scratch-path .build/test --product bedside-monkey
// A debug build does about 600 events a second: far too slow for 1,000,000;
// the release build about 17,000 on one thread and 25,000 when the second
// thread (render and checks, see `run`) has a core of its own (2-core VM,
// December 2026). As the event loop does, it draws and checks a frame only
// for an event that changed the state (about two events in three).
// After a broken invariant it starts again from home and goes on, so one run
// lists every kind of problem it meets. Exit status 1 when any invariant broke
// (or, with --expect-every-kind, when idle resets, page changes, PIN prompts or
// resizes never happened). The summary says what the run reached (kinds of
// screen, transitions between them, pages), to compare runs by more than length.

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
        /// Events after which a frame was drawn and checked (the others left the screen as it was).
        var framesDrawn = 0
        /// Frames drawn in a language other than English, and how many languages the run had.
        var framesInOtherLanguages = 0
        var languages = 1
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
                + "\(stats.pinLocks) PIN locks, \(stats.resizes) resizes, \(stats.framesDrawn) frames drawn, \(stats.framesInOtherLanguages) not in English; reached \(coverage.summary); "
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
                checker.drawn = nil
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
        /// The state last drawn and checked, and its language (nil after a
        /// failure: the fresh home page after it is not drawn yet).
        var drawn: (state: AppState, language: ContentLanguage)?
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
                // As the event loop draws (EventLoop.run): a state the same as
                // the last one drawn, in the same language, shows the same
                // cells, and it passed every check.
                if let drawn, drawn.state == state, drawn.language == step.language,
                   !EventLoop.forcesFrame(event, step.effects) { continue }
                drawn = (state, step.language)
                stats.framesDrawn += 1
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
}

exit(MonkeyCommand.run(CommandLine.arguments))
