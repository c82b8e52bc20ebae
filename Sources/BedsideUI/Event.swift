import BedsideContent
/// Keys as the app understands them; the terminal backend maps raw input here.
public enum Key: Equatable, Hashable, Sendable {
    case char(Character)
    case ctrl(Character)
    case alt(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, tab, backTab, backspace, escape, delete, insert
    case function(Int)
    case unknown
}

public enum MouseAction: Equatable, Sendable {
    case press, wheelUp, wheelDown, other
}

/// Everything that can happen to the app. Time arrives as ticks, so
/// `update` never reads a clock.
public enum Event: Equatable, Sendable {
    case key(Key)
    case mouse(x: Int, y: Int, action: MouseAction)
    case resize(width: Int, height: Int)
    /// Seconds since the program started, sent about once a second.
    case tick(now: Double)
    /// Text pasted in one go (bracketed paste); typed into an input, ignored elsewhere.
    case paste(String)
    /// An effect run outside (saving or printing the summary) has finished;
    /// the message says how. It arrives later, as an event, so the screen
    /// never waits for a slow printer.
    case effectFinished(message: String)
    /// The local date and time, sent at start and when the minute changes, so
    /// the summary can say when the visit was without `update` reading a clock.
    case clock(LocalTime)
    /// The environment now holds the library in another language (after a
    /// `.switchLanguage` effect): the same page and history, new words.
    case languageChanged
}

/// A wall-clock reading in the terminal's time zone.
public struct LocalTime: Equatable, Hashable, Sendable {
    public var year: Int, month: Int, day: Int, hour: Int, minute: Int
    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
    }
}

/// What the app asks the outside world to do after an update.
public enum Effect: Equatable, Sendable {
    case quit
    /// Save or print the visit summary (plain text and Markdown).
    case saveSummary(text: String, markdown: String)
    case printSummary(text: String)
    /// Clear the terminal and its scrollback (kiosk privacy reset).
    case clearScrollback
    /// Show the library in another language: the loop swaps in that
    /// language's environment, then sends `.languageChanged`.
    case switchLanguage(ContentLanguage)
}
