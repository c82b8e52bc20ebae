import BedsideContent
import BedsideFlows
import Foundation
@testable import BedsideUI

/// What must hold after every event in kiosk mode, and how failures are grouped.
extension KioskMonkey {
    /// An event's kind without its details ("key(char)", "resize"), to group failures.
    static func kind(of event: Event) -> String {
        switch event {
        case .key(.char(let c)): return "key(char \(c.isLetter || c.isPunctuation || c.isSymbol ? String(c) : "other"))"
        case .key(let key): return "key(\(key))"
        case .mouse(_, _, let action): return "mouse(\(action))"
        case .resize: return "resize"
        case .tick: return "tick"
        case .paste: return "paste"
        case .effectFinished: return "effect finished"
        case .clock: return "clock"
        case .languageChanged: return "language changed"
        }
    }

    static func isPIN(_ overlay: Overlay?) -> Bool { if case .adminPIN = overlay { true } else { false } }

    /// The invariants: the first broken one, or nil.
    /// `goodPages`: pages of this environment already found to exist.
    static func check(_ s: AppState, effects: [Effect], screen: Screen, _ env: AppEnvironment,
                      goodPages: inout Set<Page>) -> Problem? {
        if effects.contains(.quit) || s.quitRequested { return Problem(kind: "quit", detail: "the app asked to quit in kiosk mode") }
        for effect in effects {
            switch effect {
            case .saveSummary: return Problem(kind: "save", detail: "kiosk mode asked to save a summary to disk")
            case .printSummary: return Problem(kind: "print", detail: "a summary went to print with no print-command set")
            case .quit, .clearScrollback, .switchLanguage: break
            }
        }
        if screen.width != s.width || screen.height != s.height || screen.cells.count != s.width * s.height {
            return Problem(kind: "screen size", detail: "screen is \(screen.width)x\(screen.height) (\(screen.cells.count) cells), state is \(s.width)x\(s.height)")
        }
        let layout = s.layout(env)
        let maxScroll = s.maxScroll(layout)
        if s.location.scroll < 0 || s.location.scroll > maxScroll {
            return Problem(kind: "scroll out of range",
                           detail: "scroll \(s.location.scroll) outside 0...\(maxScroll) on \(s.location.page) at \(s.width)x\(s.height)")
        }
        // Below the minimum size the page is not drawn ("Please enlarge"), so
        // no link can be on screen; the rule applies to drawn pages.
        if let selected = s.location.selectedLink, !s.frame.tooSmall, !s.isVisible(link: selected, env) {
            return Problem(kind: "selected link off screen",
                           detail: "selected link \(selected) of \(layout.links.count) is not on screen (scroll \(s.location.scroll), "
                               + "text height \(s.frame.text.height)) on \(s.location.page) at \(s.width)x\(s.height)")
        }
        switch s.overlay {
        case .search(let search) where search.query.count > AppState.maxQueryLength:
            return Problem(kind: "search query too long", detail: "search query is \(search.query.count) characters")
        case .find(let find) where find.query.count > AppState.maxQueryLength:
            return Problem(kind: "find query too long", detail: "find query is \(find.query.count) characters")
        case .adminPIN(let typed, let wrong) where typed.count > Kiosk.maxPINLength || wrong >= Kiosk.maxTries:
            return Problem(kind: "PIN prompt", detail: "PIN prompt holds \(typed.count) characters after \(wrong) wrong tries")
        default: break
        }
        for location in [s.location] + s.back + s.forward where !goodPages.contains(location.page) {
            if let problem = problem(with: location.page, env) { return Problem(kind: "bad page", detail: problem) }
            // The content never changes during a run, so a page that exists
            // (a flow's answers that fit) is not checked again.
            goodPages.insert(location.page)
        }
        if s.kiosk.privacy {
            if !s.back.isEmpty || !s.forward.isEmpty || s.overlay != nil || s.find != nil || s.visit != VisitLog()
                || s.location != Location(page: .home) {
                return Problem(kind: "privacy not clean", detail: "the privacy screen is up but the visit is not forgotten: "
                               + "\(s.location), \(s.back.count) back, overlay \(String(describing: s.overlay))")
            }
            if !s.frame.tooSmall && !screen.shows("Press any key to start") {
                return Problem(kind: "privacy screen", detail: "the privacy screen does not say 'Press any key to start'")
            }
        }
        return nil
    }

    /// Why the app should never be on this page, or nil when it exists.
    static func problem(with page: Page, _ env: AppEnvironment) -> String? {
        let store = env.store
        switch page {
        case .home, .glossaryIndex, .flowPicker, .walkthroughPicker: return nil
        case .file(let path): return "a file page (\(path)) in the history"
        case .section(let id): return store.section(id) == nil ? "on a section that does not exist: \(id)" : nil
        case .topic(let id): return store.topic(id) == nil ? "on a topic that does not exist: \(id)" : nil
        case .glossaryTerm(let id): return store.term(id) == nil ? "on a glossary word that does not exist: \(id)" : nil
        case .flow(let id, let answers):
            guard let flow = store.flow(id) else { return "on a flow that does not exist: \(id)" }
            var session = FlowSession(flow: flow)
            for answer in answers {
                do { try session.answer(answer) } catch { return "flow \(id) has an answer that does not fit: \(answers)" }
            }
            return nil
        case .walkthrough(let id, let step):
            guard let walkthrough = store.walkthrough(id) else { return "on a walkthrough that does not exist: \(id)" }
            return walkthrough.steps.indices.contains(step) ? nil : "walkthrough \(id) at step \(step) of \(walkthrough.steps.count)"
        }
    }
}
