import BedsideContent
import BedsideUI
import CCurses
import Foundation

/// Set by SIGTERM/SIGHUP (to the signal's number); the event loop sees it
/// within one input timeout and leaves cleanly, restoring the terminal. If the
/// main thread is too busy to look, `Terminal.watchdog` ends the process.
nonisolated(unsafe) var terminationSignal: Int32 = 0

public enum TerminalError: Error, CustomStringConvertible {
    case notATerminal
    case unknownTerminal(String)
    case cannotDrawScreens(String)

    public var description: String { describe(Catalogue()) }

    public func describe(_ text: Catalogue) -> String {
        switch self {
        case .notATerminal: text[.termNotATerminal]
        case .unknownTerminal(let term): text.text(.termUnknown, ["term": term])
        case .cannotDrawScreens(let term): text.text(.termCannotDraw, ["term": term])
        }
    }
}

/// The ncursesw backend: draws `Screen`s (only the cells that changed) and
/// turns keys, mouse and resizes into `Event`s. Nothing else lives here.
public final class Terminal: TerminalBackend {
    public private(set) var unicode: Bool
    private var theme: Theme
    private var previous: Screen?
    private var active = false

    public init(theme themeName: ThemeName, rawInput: Bool) throws {
        // A locale the machine has not generated (es_US.UTF-8 on a fresh Debian)
        // makes setlocale fail, and ncurses would then draw every accent as '?'.
        // The user still said their terminal speaks UTF-8: take C.UTF-8 for that.
        if setlocale(LC_ALL, "") == nil, LocaleFallback.asksForUTF8(ProcessInfo.processInfo.environment) {
            setlocale(LC_ALL, "C.UTF-8")
        }
        guard isatty(0) != 0, isatty(1) != 0 else { throw TerminalError.notATerminal }
        unicode = bedside_utf8_locale() != 0
        set_escdelay(25)
        guard bedside_newterm() != nil else {
            throw TerminalError.unknownTerminal(ProcessInfo.processInfo.environment["TERM"] ?? "(unset)")
        }
        guard bedside_can_address_cursor() != 0 else {
            endwin()
            throw TerminalError.cannotDrawScreens(ProcessInfo.processInfo.environment["TERM"] ?? "(unset)")
        }
        active = true
        if rawInput { raw() } else { cbreak() }
        noecho()
        nonl()
        keypad(bedside_stdscr(), true)
        curs_set(0)
        mousemask(bedside_all_mouse_events(), nil)
        mouseinterval(0)
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        theme = Theme(noColor ? .monochrome : themeName)
        signal(SIGTERM) { number in terminationSignal = number }
        signal(SIGHUP) { number in terminationSignal = number }
        signal(SIGPIPE, SIG_IGN)
        _ = Self.watchdog
    }

    /// Started once, with the first terminal: if a stop signal is not acted on
    /// within 2 s, it puts the terminal back (mouse reporting off, cursor on,
    /// out of curses mode) and exits with 128 + the signal, as the shell
    /// reports a process killed by it.
    private static let watchdog: Void = {
        TerminationWatchdog(requested: { terminationSignal }, giveUp: { number in
            mousemask(0, nil)
            curs_set(1)
            endwin()
            FileHandle.standardError.write(Data((Catalogue().text(.termStopped, ["number": "\(number)"]) + "\n").utf8))
            _exit(128 + number)
        }).start()
    }()

    deinit { restore() }

    public var size: (width: Int, height: Int) { (Int(bedside_cols()), Int(bedside_lines())) }
    public var terminationRequested: Bool { terminationSignal != 0 }

    /// Puts the terminal back as it was. Safe to call more than once.
    public func restore() {
        guard active else { return }
        active = false
        mousemask(0, nil)
        curs_set(1)
        endwin()
    }

    /// Forgets what is on screen and in the scrollback (kiosk privacy reset).
    public func clearScrollback() {
        previous = nil
        clear()
        refresh()
        FileHandle.standardOutput.write(Data("\u{1B}[3J".utf8))
    }

    public func draw(_ screen: Screen) {
        let (full, changes) = ScreenDiff.changes(from: previous, to: screen)
        if full { erase() }
        for change in changes {
            do {
                let (x, y, cell) = (change.x, change.y, change.cell)
                let (attrs, pair) = theme.resolve(cell.style)
                let text = unicode ? cell.text : asciiFallback(cell.text)
                // The character's base and the marks drawn on it (accents, variation
                // selectors) go to the terminal together; never a control or bidi override.
                var scalars = DisplayWidth.cellScalars(text).map { wchar_t(bitPattern: $0.value) }
                if scalars.isEmpty { scalars = [32] }
                bedside_put_cell(Int32(y), Int32(x), scalars, Int32(scalars.count), attrs, pair)
            }
        }
        if let cursor = screen.cursor {
            curs_set(1)
            move(Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        refresh()
        previous = screen
    }

    /// Content characters outside ASCII when the locale cannot show them.
    private func asciiFallback(_ text: String) -> String { KeyDecoder.asciiFallback(text) }

    /// Waits up to `timeoutMs` for input.
    public func readEvent(timeoutMs: Int32) -> Event? {
        wtimeout(bedside_stdscr(), timeoutMs)
        var ch: wint_t = 0
        let result = wget_wch(bedside_stdscr(), &ch)
        if result == ERR {
            // A terminal that hung up before bedside could be told (SIGHUP
            // already spent, or blocked) fails every read at once: without
            // this the loop would spin at full speed forever. Treat it as the
            // hangup it is.
            if Self.inputHungUp() { terminationSignal = SIGHUP }
            return nil
        }
        if result == KEY_CODE_YES { return functionKey(Int32(ch)) }
        return character(UInt32(ch))
    }

    /// True when standard input (the terminal) has hung up or failed.
    static func inputHungUp() -> Bool {
        var input = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        guard poll(&input, 1, 0) > 0 else { return false }
        return input.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    private func functionKey(_ code: Int32) -> Event? {
        switch code {
        case KEY_RESIZE:
            previous = nil
            return .resize(width: size.width, height: size.height)
        case KEY_MOUSE:
            var mouse = MEVENT()
            guard getmouse(&mouse) == OK else { return nil }
            let state = mouse.bstate
            let action: MouseAction
            if state & bedside_button4_pressed() != 0 { action = .wheelUp } else if state & bedside_button5_pressed() != 0 {
                action = .wheelDown
            } else if state & (bedside_button1_pressed() | bedside_button1_clicked()) != 0 { action = .press } else { action = .other }
            return .mouse(x: Int(mouse.x), y: Int(mouse.y), action: action)
        default: return .key(KeyDecoder.functionKey(code))
        }
    }

    private func character(_ value: UInt32) -> Event? {
        guard value == 27 else { return .key(KeyDecoder.character(value)) }
        // Escape alone, or Alt+key (ESC followed at once by a key).
        wtimeout(bedside_stdscr(), 0)
        var next: wint_t = 0
        if wget_wch(bedside_stdscr(), &next) == OK, let scalar = Unicode.Scalar(UInt32(next)) {
            return .key(.alt(Character(scalar)))
        }
        return .key(.escape)
    }
}

/// The pure parts of talking to a terminal: which raw code is which key, and
/// what a character becomes where only ASCII can show. Kept apart from the
/// ncurses calls so they are tested without a terminal.
public enum KeyDecoder {
    /// A cell's text on a terminal that can only show ASCII.
    public static func asciiFallback(_ text: String) -> String {
        guard let scalar = text.unicodeScalars.first, scalar.value >= 128 else { return text }
        switch scalar.value {
        case 0x2500...0x257F: return "-"
        case 0x2018, 0x2019: return "'"
        case 0x201C, 0x201D: return "\""
        case 0x2013, 0x2014: return "-"
        case 0x2022, 0x25E6, 0x25AA: return "*"
        default: return "?"
        }
    }


    /// A curses key code (KEY_UP...) as a key; anything unknown is `.unknown`,
    /// which no screen acts on (a stray code never exits a kiosk).
    public static func functionKey(_ code: Int32) -> Key {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_NPAGE: .pageDown
        case KEY_PPAGE: .pageUp
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_IC: .insert
        case KEY_BTAB: .backTab
        case KEY_ENTER: .enter
        case KEY_F0 + 1...KEY_F0 + 24: .function(Int(code - KEY_F0))
        default: .unknown
        }
    }

    /// A typed character (not ESC, which needs a look at the next key).
    public static func character(_ value: UInt32) -> Key {
        switch value {
        case 9: .tab
        case 10, 13: .enter
        case 8, 127: .backspace
        case 27: .escape
        case 1...26: .ctrl(Character(Unicode.Scalar(value + 96)!))
        case 0, 28...31: .unknown
        case 0x80...0x9F: .unknown      // C1 controls: never text
        default: Unicode.Scalar(value).map { .char(Character($0)) } ?? .unknown
        }
    }
}

/// What to do when the user's locale is not installed.
public enum LocaleFallback {
    /// Whether the locale variables that decide the character set (LC_ALL,
    /// then LC_CTYPE, then LANG, the first one set) name UTF-8.
    public static func asksForUTF8(_ environment: [String: String]) -> Bool {
        for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            let lower = value.lowercased()
            return lower.contains("utf-8") || lower.contains("utf8")
        }
        return false
    }
}
