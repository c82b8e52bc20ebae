import BedsideUI
import Foundation

/// Runs the app in the terminal until it quits or is told to stop.
public enum EventLoop {
    /// `perform` carries out effects that need the outside world (saving or
    /// printing a summary) and may return a message to show.
    /// `afterFirstFrame` runs once the first screen is drawn (to start work
    /// that the first screen does not need).
    public static func run(_ initial: AppState, _ env: AppEnvironment, terminal: Terminal,
                           afterFirstFrame: () -> Void = {}, perform: (Effect) -> String? = { _ in nil }) {
        var state = initial
        (state.width, state.height) = terminal.size
        let start = DispatchTime.now().uptimeNanoseconds
        var lastTick = 0.0
        terminal.draw(Renderer.render(state, env))
        afterFirstFrame()
        while !terminal.terminationRequested {
            let now = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            var events: [Event] = []
            if let event = terminal.readEvent(timeoutMs: 250) { events.append(event) }
            if now - lastTick >= 1 {
                events.append(.tick(now: now))
                lastTick = now
            }
            guard !events.isEmpty else { continue }
            var quit = false
            for event in events {
                let (next, effects) = App.update(state, event, env)
                state = next
                for effect in effects {
                    switch effect {
                    case .quit: quit = true
                    case .clearScrollback: terminal.clearScrollback()
                    default:
                        if let message = perform(effect) {
                            state = App.update(state, .tick(now: now), env).0
                            state.message = message
                        }
                    }
                }
            }
            if quit { break }
            terminal.draw(Renderer.render(state, env))
        }
        terminal.restore()
    }
}
