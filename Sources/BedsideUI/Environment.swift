import BedsideContent
import Foundation

/// A search result as the UI shows it.
public struct SearchHit: Equatable, Sendable {
    public enum Kind: String, Equatable, Sendable { case topic, glossary, flow }
    public var kind: Kind
    public var id: String
    public var title: String
    public var snippet: String
    /// Character ranges of `snippet` to highlight.
    public var highlights: [Range<Int>]
    /// The engine's score (higher is better), to compare two languages' answers to one query.
    public var score: Double
    public init(kind: Kind, id: String, title: String, snippet: String, highlights: [Range<Int>] = [], score: Double = 0) {
        self.kind = kind
        self.id = id
        self.title = title
        self.snippet = snippet
        self.highlights = highlights
        self.score = score
    }
}

/// What the app reads but never changes: the content, the clinic's settings,
/// the search engine and what the terminal can show.
public struct AppEnvironment: Sendable {
    public let store: ContentStore
    public let site: SiteConfig
    public let unicode: Bool
    public let kiosk: Bool
    /// Runs a query; injected so the UI core stays testable with any engine.
    public let search: @Sendable (String) -> (hits: [SearchHit], suggestion: String?)
    /// Checks a kiosk staff PIN (against the site's crypt(3) hash); injected
    /// so the core never does crypto or I/O.
    public let verifyPIN: @Sendable (String) -> Bool
    /// The document of `bedside view FILE`, if any.
    public let file: (path: String, document: Document)?
    /// The languages the library can be shown in, each with its own name
    /// ("English", "Español"), for `L` and the choice on home and the kiosk's
    /// privacy screen. One language: no choice is offered.
    public var languages: [(language: ContentLanguage, name: String)] = []
    /// Where a kiosk's idle reset returns (the site's language).
    public var homeLanguage: ContentLanguage = .en
    /// The same query in the library's other language, for "Ver en español /
    /// View in English" when that language answers it much better: its
    /// language, its results, and the offer in its own words. nil: one language.
    public var otherLanguageSearch: (@Sendable (String) -> (language: ContentLanguage, hits: [SearchHit], offer: String)?)? = nil
    /// The nurse's copy of the take-home summary in the clinic's language
    /// (site `summary.staff-copy-language`), when the patient reads another; nil: none.
    public var staffCopy: (@Sendable (VisitLog, LocalTime?) -> (text: String, markdown: String))? = nil
    let matcher: GlossaryMatcher
    let layouts = LayoutCache()
    let sidebar = SidebarTree()
    let finds = FindCache()

    public init(store: ContentStore, site: SiteConfig = .defaults, unicode: Bool = true, kiosk: Bool = false,
                file: (path: String, document: Document)? = nil,
                search: @escaping @Sendable (String) -> (hits: [SearchHit], suggestion: String?) = { _ in ([], nil) },
                verifyPIN: @escaping @Sendable (String) -> Bool = { _ in false }) {
        self.verifyPIN = verifyPIN
        self.store = store
        self.site = site
        self.unicode = unicode
        self.kiosk = kiosk
        self.file = file
        self.search = search
        self.matcher = GlossaryMatcher(terms: store.glossary)
    }
}

/// Laid-out pages by (page, width). Layout is pure, so caching it changes no
/// result; it keeps every key press and frame cheap on long topics. Each page
/// also keeps the part of its layout no width changes (`PreparedText`), so a
/// resize, or the same page at another width, only wraps the words again,
/// and its document, which the sidebar also asks about (does it hold a table).
final class LayoutCache: @unchecked Sendable {
    private struct Key: Hashable {
        var page: Page
        var marks: [VisitLog.PromptKey: VisitLog.Mark]
        var width: Int
    }
    private struct PageKey: Hashable {
        var page: Page
        var marks: [VisitLog.PromptKey: VisitLog.Mark]
    }
    private let layouts = LeastRecentlyUsed<Key, DocumentLayout>(capacity: 64)
    private let prepared = LeastRecentlyUsed<PageKey, PreparedText>(capacity: 64)
    private let documents = LeastRecentlyUsed<PageKey, Document>(capacity: 64)

    /// The page's document (made once: a flow step or the home page is built
    /// from several parts of the store).
    func document(_ page: Page, marks: [VisitLog.PromptKey: VisitLog.Mark] = [:], make: () -> Document) -> Document {
        documents.value(PageKey(page: page, marks: marks), make)
    }

    func layout(_ page: Page, marks: [VisitLog.PromptKey: VisitLog.Mark] = [:], width: Int,
                make: (PreparedText?) -> (layout: DocumentLayout, prepared: PreparedText)) -> DocumentLayout {
        let pageKey = PageKey(page: page, marks: marks)
        return layouts.value(Key(page: page, marks: marks, width: width)) {
            let earlier = prepared.lookup(pageKey)
            let made = make(earlier)
            if earlier == nil { prepared.store(made.prepared, for: pageKey) }
            return made.layout
        }
    }
}

/// The matches of the active find, for the page they were found on. Every
/// frame draws them (ticks included), so they are found once per query and
/// page, not by scanning the whole page on every event.
final class FindCache: @unchecked Sendable {
    struct Key: Hashable {
        var query: String
        var page: Page
        var marks: [VisitLog.PromptKey: VisitLog.Mark]
        var width: Int
    }
    private var last: (key: Key, matches: [FindMatch])?
    private let lock = NSLock()
    private(set) var scans = 0

    func matches(_ key: Key, make: () -> [FindMatch]) -> [FindMatch] {
        lock.lock()
        if let last, last.key == key {
            lock.unlock()
            return last.matches
        }
        lock.unlock()
        let made = make()
        lock.lock()
        last = (key, made)
        scans += 1
        lock.unlock()
        return made
    }
}
