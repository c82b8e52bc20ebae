/// A terminal for tests: it plays a script of events, records every frame
/// drawn, and moves a `TestClock` instead of waiting. When the script runs
/// out it lets time pass until `until` seconds, then asks the loop to stop.
public final class TestBackend: TerminalBackend {
    public enum Step: Sendable {
        case event(Event)
        /// Let this many seconds pass with no input.
        case wait(Double)
    }

    public let clock: TestClock
    public private(set) var frames: [Screen] = []
    public private(set) var scrollbackClears = 0
    public private(set) var restored = false
    public var size: (width: Int, height: Int)
    private var script: [Step]
    private let until: Double

    public init(width: Int = 80, height: Int = 24, script: [Step], until: Double? = nil, clock: TestClock = TestClock()) {
        self.size = (width, height)
        self.script = script
        self.clock = clock
        self.until = until ?? clock.seconds
    }

    public var terminationRequested: Bool { script.isEmpty && clock.seconds >= until }

    public func draw(_ screen: Screen) { frames.append(screen) }
    public func clearScrollback() { scrollbackClears += 1 }
    public func restore() { restored = true }

    public func readEvent(timeoutMs: Int32) -> Event? {
        guard !script.isEmpty else {
            clock.advance(Double(timeoutMs) / 1000)
            return nil
        }
        switch script.removeFirst() {
        case .event(let event):
            if case .resize(let width, let height) = event { size = (width, height) }
            return event
        case .wait(let seconds):
            // Waiting is time passing in timeout-sized steps, as a real idle terminal would.
            var left = seconds
            while left > 0 {
                let step = min(left, Double(timeoutMs) / 1000)
                clock.advance(step)
                left -= step
                if left > 0 { script.insert(.wait(left), at: 0); return nil }
            }
            return nil
        }
    }

    /// The last frame as text.
    public var lastText: String { frames.last?.text ?? "" }
}

/// A clock that moves only when a test backend says time has passed.
public final class TestClock: LoopClock {
    public private(set) var seconds: Double
    public init(start: Double = 0) { seconds = start }
    public func now() -> Double { seconds }
    public func advance(_ by: Double) { seconds += by }
}
