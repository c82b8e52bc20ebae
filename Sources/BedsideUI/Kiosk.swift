/// Kiosk mode on a shared clinic workstation: no way out for a patient, an
/// idle reset that forgets the visit, and a staff exit behind a PIN.
public struct KioskState: Equatable, Sendable {
    /// The privacy screen ("Press any key to start") after a reset.
    public var privacy = false
    /// Clock from the last tick, and when the last key or click came.
    public var now = 0.0
    public var lastInput = 0.0
    /// Ctrl-X was pressed; Ctrl-K next opens the staff PIN prompt.
    public var chordArmed = false
    /// After three wrong PINs the prompt stays shut until then.
    public var lockedUntil = 0.0
    public init() {}
}

public enum Kiosk {
    /// The staff exit: Ctrl-X, then Ctrl-K, then the PIN.
    public static let chord: (Key, Key) = (.ctrl("x"), .ctrl("k"))
    public static let maxTries = 3
    public static let lockSeconds = 10.0
    public static let maxPINLength = 32

    /// Kiosk handling that comes before the normal key handling. Returns true
    /// when the event was used up here.
    static func intercept(_ event: Event, _ s: inout AppState, _ env: AppEnvironment) -> Bool {
        guard env.kiosk else { return false }
        switch event {
        case .tick(let now):
            s.kiosk.now = now
            let idle = Double(max(1, env.site.kiosk.idleSeconds))
            if !s.kiosk.privacy && now - s.kiosk.lastInput >= idle {
                s.forgetSession(env)
            }
            return false
        case .resize:
            return false
        case .key, .mouse, .paste:
            s.kiosk.lastInput = s.kiosk.now
            if s.kiosk.privacy {
                // The first key only wakes the screen; it must not act on the home page.
                s.kiosk.privacy = false
                return true
            }
        }
        guard case .key(let key) = event else { return false }
        if case .adminPIN = s.overlay { return false }
        if s.kiosk.chordArmed {
            s.kiosk.chordArmed = false
            if key == chord.1 {
                if s.kiosk.now < s.kiosk.lockedUntil {
                    s.message = "Staff exit is locked for a short time."
                } else {
                    // A patient's message would sit under the staff box: clear it.
                    s.message = nil
                    s.overlay = .adminPIN(typed: "", wrong: 0)
                }
                return true
            }
        }
        if key == chord.0 {
            s.kiosk.chordArmed = true
            return true
        }
        return false
    }

    /// Keys in the staff PIN prompt.
    static func handlePIN(_ key: Key, typed: String, wrong: Int, _ s: inout AppState, _ env: AppEnvironment) {
        switch key {
        case .escape:
            s.overlay = nil
        case .backspace:
            s.overlay = .adminPIN(typed: String(typed.dropLast()), wrong: wrong)
        case .enter:
            // An empty PIN is not a try: Enter alone must not lock the staff out.
            if typed.isEmpty { return }
            if env.verifyPIN(typed) {
                s.overlay = nil
                s.quitRequested = true
            } else if wrong + 1 >= maxTries {
                // Someone is guessing: back to a clean home screen, and wait.
                s.forgetSession(env, privacy: false)
                s.kiosk.lockedUntil = s.kiosk.now + lockSeconds
                s.message = "Wrong PIN. Staff exit is locked for \(Int(lockSeconds)) seconds."
            } else {
                s.overlay = .adminPIN(typed: "", wrong: wrong + 1)
            }
        case .char(let c) where typed.count < maxPINLength && !c.isNewline:
            s.overlay = .adminPIN(typed: typed + String(c), wrong: wrong)
        default:
            break
        }
    }
}

extension AppState {
    /// Forgets the visit completely: history, search and find text, flow
    /// answers, walkthrough marks, the summary and scroll positions. The
    /// terminal's scrollback is cleared too (through an effect).
    mutating func forgetSession(_ env: AppEnvironment, privacy: Bool = true) {
        var fresh = AppState(page: .home, width: width, height: height)
        fresh.kiosk.now = kiosk.now
        fresh.kiosk.lastInput = kiosk.now
        fresh.kiosk.lockedUntil = kiosk.lockedUntil
        fresh.kiosk.privacy = privacy && env.kiosk
        fresh.pendingEffects = [.clearScrollback]
        self = fresh
    }
}
