import BedsideContent

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
    /// Wrong PINs since the last lock or success. Kept here, not in the
    /// prompt, so closing and reopening the prompt does not reset the count,
    /// and the idle reset (which forgets the visit) keeps it too.
    public var failedTries = 0
    /// How many times the exit has locked since the last right PIN: each
    /// lock lasts longer than the one before.
    public var lockouts = 0
    /// Set when a person finished with `x`: the privacy screen says the visit
    /// was cleared, so they can walk away sure of it.
    public var justCleared = false
    public init() {}
}

public enum Kiosk {
    /// The staff exit: Ctrl-X, then Ctrl-K, then the PIN.
    public static let chord: (Key, Key) = (.ctrl("x"), .ctrl("k"))
    public static let maxTries = 3
    /// Lock lengths, growing with each lock: 10 s, 30 s, 2 min, 10 min, then 30 min.
    public static let lockSteps: [Double] = [10, 30, 120, 600, 1800]
    public static func lockSeconds(afterLockouts count: Int) -> Double {
        lockSteps[min(max(count, 1), lockSteps.count) - 1]
    }
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
        case .resize, .effectFinished, .clock, .languageChanged:
            return false
        case .key, .mouse, .paste:
            s.kiosk.lastInput = s.kiosk.now
            if s.kiosk.privacy {
                // The first key only wakes the screen; it must not act on the home page.
                // A digit of the language choice ("1 English  2 Español") also picks the language.
                s.kiosk.privacy = false
                s.kiosk.justCleared = false
                if case .key(.char(let c)) = event, let n = c.wholeNumberValue, n >= 1, n <= env.languages.count, env.languages.count > 1 {
                    s.switchLanguage(to: env.languages[n - 1].language, env)
                }
                return true
            }
        }
        guard case .key(let key) = event else { return false }
        if case .adminPIN = s.overlay { return false }
        if s.kiosk.chordArmed {
            s.kiosk.chordArmed = false
            if key == chord.1 {
                if env.site.kiosk.exitPinHash == nil {
                    // A PIN box that no PIN can open would only invite guessing.
                    s.message = env.store.strings[.kioskNoExit]
                } else if s.kiosk.now < s.kiosk.lockedUntil {
                    s.message = env.store.strings[.kioskLocked]
                } else {
                    // A patient's message would sit under the staff box: clear it.
                    s.message = nil
                    s.overlay = .adminPIN(typed: "", wrong: s.kiosk.failedTries)
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
                s.kiosk.failedTries = 0
                s.kiosk.lockouts = 0
                s.overlay = nil
                s.quitRequested = true
                return
            }
            s.kiosk.failedTries += 1
            if s.kiosk.failedTries >= maxTries {
                // Someone is guessing: back to a clean home screen, and wait longer each time.
                s.kiosk.failedTries = 0
                s.kiosk.lockouts += 1
                let seconds = lockSeconds(afterLockouts: s.kiosk.lockouts)
                s.forgetSession(env, privacy: false)
                s.kiosk.lockedUntil = s.kiosk.now + seconds
                s.message = env.store.strings.text(.kioskLockedFor, ["duration": describe(seconds, env.store.strings)])
            } else {
                s.overlay = .adminPIN(typed: "", wrong: s.kiosk.failedTries)
            }
        case .char(let c) where typed.count < maxPINLength && !c.isNewline:
            s.overlay = .adminPIN(typed: typed + String(c), wrong: wrong)
        default:
            break
        }
    }
}

extension Kiosk {
    static func describe(_ seconds: Double, _ text: Catalogue) -> String {
        seconds < 60 ? text.plural(.durationSeconds, Int(seconds)) : text.plural(.durationMinutes, Int(seconds / 60))
    }

    /// The last seconds before the idle reset, shown as a countdown so a
    /// reader who is still there can keep their place.
    public static let warningSeconds = 15.0

    /// Seconds left before the idle reset, when the countdown should show.
    static func secondsLeft(_ s: AppState, _ env: AppEnvironment) -> Int? {
        guard env.kiosk, !s.kiosk.privacy else { return nil }
        let idle = Double(max(1, env.site.kiosk.idleSeconds))
        let left = idle - (s.kiosk.now - s.kiosk.lastInput)
        // A short idle time (a test, a demo) warns for its last third only.
        guard left <= min(warningSeconds, idle / 3), left > 0 else { return nil }
        return Int(left.rounded(.up))
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
        // The visit is forgotten, not the person guessing the staff PIN.
        fresh.kiosk.lockedUntil = kiosk.lockedUntil
        fresh.kiosk.failedTries = kiosk.failedTries
        fresh.kiosk.lockouts = kiosk.lockouts
        fresh.kiosk.privacy = privacy && env.kiosk
        fresh.clock = clock
        fresh.pendingEffects = [.clearScrollback]
        // The next person starts in the site's language, whatever the last one chose.
        if env.store.language != env.homeLanguage, env.languages.contains(where: { $0.language == env.homeLanguage }) {
            fresh.pendingEffects.append(.switchLanguage(env.homeLanguage))
        }
        self = fresh
    }
}
