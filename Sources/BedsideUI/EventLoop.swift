import BedsideContent
import Foundation

/// Runs the app on a terminal backend until it quits or is told to stop.
/// The loop only moves events in and frames out: every change of state is
/// `App.update`, and time comes from `clock`.
public enum EventLoop {
    /// `perform` carries out effects that need the outside world (saving or
    /// printing a summary) and may return a message to show. It runs on a
    /// background queue, one effect at a time; its message comes back as an
    /// `.effectFinished` event, so a slow print command never holds the screen
    /// or the kiosk's idle reset.
    /// `afterFirstFrame` runs once the first screen is drawn (to start work
    /// that the first screen does not need).
    /// `environment(language)` gives the library in another language when a
    /// key asks for it (`L`, the choice on home); nil keeps the current one.
    /// `notice` runs off the loop after the first frame; a sentence it
    /// returns is shown on the status line like an effect's message (the
    /// caller passes none in kiosk mode: such notices are for staff).
    @discardableResult
    public static func run(_ initial: AppState, _ firstEnv: AppEnvironment, terminal: TerminalBackend,
                           clock: LoopClock = SystemLoopClock(),
                           environment: (ContentLanguage) -> AppEnvironment? = { _ in nil },
                           afterFirstFrame: () -> Void = {}, notice: (@Sendable () -> String?)? = nil,
                           perform: @escaping @Sendable (Effect) -> String? = { _ in nil }) -> AppState {
        var state = initial
        var env = firstEnv
        let outside = OutsideWork(perform)
        let (width, height) = terminal.size
        // Through update, so what depends on the size and the content (the
        // sidebar's width, the question in view) is right on the first frame.
        state = App.update(state, .resize(width: width, height: height), env).0
        var lastTick = clock.now()
        var lastLocal = clock.local()
        if let local = lastLocal { state = App.update(state, .clock(local), env).0 }
        terminal.draw(Renderer.render(state, env))
        // The state on screen now. A frame is drawn only when something may
        // look different: render is pure, so the same state draws the same
        // cells (about a third of a kiosk's random input, clicks on nothing
        // and unbound keys, changes nothing).
        var drawn = state
        afterFirstFrame()
        if let notice { outside.start(notice) }
        while !terminal.terminationRequested {
            var events: [Event] = []
            if let event = terminal.readEvent(timeoutMs: 250) { events.append(event) }
            let now = clock.now()
            events += outside.finished().map { Event.effectFinished(message: $0) }
            if now - lastTick >= 1 {
                events.append(.tick(now: now))
                lastTick = now
                if let local = clock.local(), local != lastLocal {
                    events.append(.clock(local))
                    lastLocal = local
                }
            }
            guard !events.isEmpty else { continue }
            var quit = false
            var mustDraw = false
            for event in events {
                let (next, effects) = App.update(state, event, env)
                state = next
                if forcesFrame(event, effects) { mustDraw = true }
                for effect in effects {
                    switch effect {
                    case .quit: quit = true
                    case .clearScrollback: terminal.clearScrollback()
                    case .switchLanguage(let language):
                        // The swap is the loop's; what it means for the state is update's.
                        guard let next = environment(language) else { break }
                        env = next
                        state = App.update(state, .languageChanged, env).0
                    default: outside.start(effect)
                    }
                }
            }
            if quit { break }
            guard mustDraw || state != drawn else { continue }
            terminal.draw(Renderer.render(state, env))
            drawn = state
        }
        terminal.restore()
        return state
    }
}

extension EventLoop {
    /// Whether `event` needs a frame even when it left the state as it was:
    /// after a resize the terminal may have lost what it showed, and an
    /// effect may clear the scrollback or change the environment (another
    /// language). The kiosk monkey draws by the same rule.
    public static func forcesFrame(_ event: Event, _ effects: [Effect]) -> Bool {
        if case .resize = event { return true }
        return !effects.isEmpty
    }
}

/// Effects run off the event loop, in order, with their messages collected
/// for the loop to pick up as events.
final class OutsideWork: @unchecked Sendable {
    private let queue = DispatchQueue(label: "bedside.effects")
    private let lock = NSLock()
    private var messages: [String] = []
    private let perform: @Sendable (Effect) -> String?

    init(_ perform: @escaping @Sendable (Effect) -> String?) { self.perform = perform }

    func start(_ effect: Effect) {
        let perform = perform
        start { perform(effect) }
    }

    func start(_ work: @escaping @Sendable () -> String?) {
        queue.async { [self] in
            guard let message = work() else { return }
            lock.lock()
            messages.append(message)
            lock.unlock()
        }
    }

    /// The messages of effects finished since the last call.
    func finished() -> [String] {
        lock.lock()
        defer { lock.unlock() }
        let done = messages
        messages = []
        return done
    }
}
