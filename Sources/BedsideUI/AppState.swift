import BedsideContent

/// A place the reader can be. History is a stack of these.
public enum Page: Equatable, Hashable, Sendable {
    case home
    case section(String)
    case topic(String)
    case glossaryIndex
    /// One glossary word as a page: its definition, other names, see-also words
    /// and, for a word with a topic or a symptom check, links to them.
    case glossaryTerm(String)
    case flowPicker
    /// A symptom flow after these answers: each answer is a history entry,
    /// so Back changes the last answer.
    case flow(String, answers: [String] = [])
    case walkthroughPicker
    /// A walkthrough at a step (0-based).
    case walkthrough(String, step: Int = 0)
    /// A Markdown file opened with `bedside view`.
    case file(String)
}

extension Page {
    /// Flow and walkthrough screens want the whole width: one thing at a time.
    var isFocusPage: Bool {
        switch self {
        case .flow, .walkthrough: true
        default: false
        }
    }
}

/// A visited page with its scroll position and selected link.
public struct Location: Equatable, Sendable {
    public var page: Page
    public var scroll: Int = 0
    public var selectedLink: Int?
    public init(page: Page, scroll: Int = 0, selectedLink: Int? = nil) {
        self.page = page
        self.scroll = scroll
        self.selectedLink = selectedLink
    }
}

public struct SidebarState: Equatable, Sendable {
    /// nil: decided by width (shown from 70 columns); true/false: the user's choice.
    public var userVisible: Bool?
    public var focused = false
    public var expanded: Set<String> = []
    public var cursor = 0
    public var scroll = 0
    /// The widest section or page label (set from the content by `update`).
    public var contentWidth = Frame.sidebarWidth
    /// The page on screen has a table: below `Frame.tableWidth` it gets the
    /// sidebar's columns (set by `update`).
    public var pageHasTable = false
}

public struct SearchState: Equatable, Sendable {
    public var query = ""
    public var results: [SearchHit] = []
    public var suggestion: String?
    public var selected = 0
    /// The other language answers this query much better: Tab switches to it
    /// (the query stays), and `offer` says so in that language.
    public var otherLanguage: LanguageOffer? = nil
}

/// "Ver en español: 4 resultados (oprima Tab)": a language, and the offer in its words.
public struct LanguageOffer: Equatable, Sendable {
    public var language: ContentLanguage
    public var offer: String
}

public struct FindState: Equatable, Sendable {
    public var query = ""
    /// True while the query is being typed; false once Enter is pressed (n/N move).
    public var editing = true
    public var current = 0
}

public struct ListPicker: Equatable, Sendable {
    public var items: [String]
    public var selected = 0
}

/// Popups and prompts drawn over the page.
public enum Overlay: Equatable, Sendable {
    case search(SearchState)
    case find(FindState)
    case definition(termID: String)
    case glossaryPick(termIDs: [String], picker: ListPicker)
    case outline(ListPicker)
    case help(scroll: Int)
    case confirmQuit
    /// Kiosk `x`: finish and forget this visit? (y/n)
    case confirmFinish
    /// Kiosk staff exit: the PIN typed so far (shown as dots) and wrong tries.
    case adminPIN(typed: String, wrong: Int)
    /// The take-home summary as it will be saved or printed: Enter does it, Esc cancels.
    case summaryPreview(scroll: Int)
}

/// The whole state of the app: plain values, so every key's effect can be
/// tested without a terminal.
public struct AppState: Equatable, Sendable {
    public var location: Location
    public var back: [Location] = []
    public var forward: [Location] = []
    public var width: Int
    public var height: Int
    public var sidebar = SidebarState()
    public var overlay: Overlay?
    /// After Enter on find, matches stay highlighted and n/N move between them.
    public var find: FindState?
    public var message: String?
    /// Digits typed to follow a numbered link ("1", "12").
    public var pendingNumber = ""
    public var quitRequested = false
    /// What this visit covered, for the take-home summary. Never holds search text.
    public var visit = VisitLog()
    public var kiosk = KioskState()
    /// The local time from the last `.clock` event (for the summary).
    public var clock: LocalTime?
    /// Effects asked for during this update; `App.update` hands them out.
    var pendingEffects: [Effect] = []

    public init(page: Page = .home, width: Int = 80, height: Int = 24) {
        location = Location(page: page)
        // A topic opened with --topic was read too: the summary lists it.
        if case .topic(let id) = page { visit.topics = [id] }
        self.width = width
        self.height = height
    }
}
