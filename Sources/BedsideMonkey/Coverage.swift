import BedsideContent
@testable import BedsideUI

extension KioskMonkey {
    /// What a run reached, so two runs can be compared by the paths they
    /// covered, not only by their length: the kinds of screen (page kind,
    /// overlay kind and the kiosk's flags), the transitions between them (an
    /// event kind taking one kind of screen to another) and the pages.
    struct Coverage {
        struct Mode: Hashable {
            var page: String
            var overlay: String
            var privacy: Bool
            var locked: Bool
            var tooSmall: Bool
        }
        struct Transition: Hashable {
            var event: String
            var from: Mode
            var to: Mode
        }
        var modes = Set<Mode>()
        var transitions = Set<Transition>()
        var pages = Set<Page>()

        var summary: String { "\(modes.count) screen kinds, \(transitions.count) transitions, \(pages.count) pages" }

        static func mode(_ s: AppState) -> Mode {
            Mode(page: pageKind(s.location.page), overlay: overlayKind(s.overlay), privacy: s.kiosk.privacy,
                 locked: s.kiosk.now < s.kiosk.lockedUntil, tooSmall: s.frame.tooSmall)
        }

        static func pageKind(_ page: Page) -> String {
            switch page {
            case .home: "home"
            case .section: "section"
            case .topic: "topic"
            case .glossaryIndex: "glossary"
            case .glossaryTerm: "glossary term"
            case .flowPicker: "flow picker"
            case .flow(_, let answers): answers.isEmpty ? "flow start" : "flow answered"
            case .walkthroughPicker: "walkthrough picker"
            case .walkthrough: "walkthrough"
            case .file: "file"
            }
        }

        static func overlayKind(_ overlay: Overlay?) -> String {
            switch overlay {
            case nil: "none"
            case .search: "search"
            case .find: "find"
            case .definition: "definition"
            case .glossaryPick: "glossary pick"
            case .outline: "outline"
            case .help: "help"
            case .confirmQuit: "confirm quit"
            case .confirmFinish: "confirm finish"
            case .summaryPreview: "summary preview"
            case .adminPIN(_, let wrong): "PIN after \(wrong) wrong"
            }
        }

        mutating func record(_ event: Event, from before: AppState, to after: AppState) {
            let from = Self.mode(before), to = Self.mode(after)
            modes.insert(to)
            transitions.insert(Transition(event: KioskMonkey.kind(of: event), from: from, to: to))
            pages.insert(after.location.page)
        }
    }
}
