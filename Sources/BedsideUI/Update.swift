import BedsideContent

/// The app's one entry point for change: the same state and event always give
/// the same new state and effects.
public enum App {
    public static func update(_ state: AppState, _ event: Event, _ env: AppEnvironment) -> (AppState, [Effect]) {
        var s = state
        if Kiosk.intercept(event, &s, env) { return s.finishUpdate() }
        switch event {
        case .resize(let width, let height):
            s.width = max(0, width)
            s.height = max(0, height)
            s.scroll(by: 0, env)
        case .tick:
            break
        case .clock(let local):
            s.clock = local
        case .languageChanged:
            // Same page, same history: only the words change, so results and
            // finds are looked for again in the new language.
            if case .search(var search) = s.overlay {
                s.rerun(&search, env)
                s.overlay = .search(search)
            }
            s.find = nil
            s.message = env.languages.first { $0.language == env.store.language }?.name
        case .effectFinished(let message):
            // A privacy screen shows nothing of the last visit, not even its printout.
            if !(env.kiosk && s.kiosk.privacy) { s.message = message }
        case .paste(let text):
            s.typeIntoOverlay(text, env)
        case .mouse(let x, let y, let action):
            s.handleMouse(x: x, y: y, action: action, env)
        case .key(.ctrl("c")) where !env.kiosk:
            s.quitRequested = true
        case .key(let key):
            s.message = nil
            if s.overlay != nil {
                s.handleOverlayKey(key, env)
            } else if s.sidebar.focused && s.frame.sidebar != nil {
                Sidebar.handle(key, &s, env)
            } else {
                s.sidebar.focused = false
                s.handleReaderKey(key, env)
            }
        }
        // The sidebar fits its labels, and gives way to a table (issue 13).
        s.sidebar.contentWidth = Sidebar.contentWidth(env)
        if s.location.page != state.location.page || event == .resize(width: s.width, height: s.height) || event == .languageChanged {
            let page = s.location.page
            s.sidebar.pageHasTable = env.layouts.document(page) { Pages.document(page, env) }.blocks.contains {
                if case .table = $0 { true } else { false }
            }
        }
        // Any event can change the text width or the page's length (sidebar,
        // history, teach-back marks): keep the scroll and selection valid for
        // what is on screen now.
        // Below the minimum size nothing is drawn, so the selection is kept for
        // when the window grows; the scroll is always kept in range.
        if s.frame.tooSmall {
            s.location.scroll = min(s.location.scroll, s.maxScroll(s.layout(env)))
        } else {
            s.scroll(by: 0, env)
            // A new question page, or a new size: the question and its answers
            // must be on screen (the intro gives way), so a digit never answers
            // a question the reader has not seen.
            if s.location.page != state.location.page || s.width != state.width || s.height != state.height || event == .languageChanged {
                s.keepQuestionInView(env)
            }
        }
        return s.finishUpdate()
    }
}

extension AppState {
    /// Hands out the effects this update asked for.
    mutating func finishUpdate() -> (AppState, [Effect]) {
        var effects = pendingEffects
        pendingEffects = []
        if quitRequested { effects.append(.quit) }
        return (self, effects)
    }
}

extension AppState {
    mutating func handleReaderKey(_ key: Key, _ env: AppEnvironment) {
        let page = max(1, frame.text.height - 1)
        if case .char(let c) = key, c.isASCII, c.isNumber {
            // On a flow question, a digit is the answer itself.
            if case .flow = location.page, pendingNumber.isEmpty, let n = c.wholeNumberValue, answerFlow(number: n, env) { return }
            return typeLinkDigit(c, env)
        }
        // On a flow question, y and n answer Yes and No, as `bedside flow` accepts "yes" and "no"
        // (while a find is active, n still goes to the next match).
        if case .char(let c) = key, c == "y" || c == "n", find == nil, case .flow(let id, let answers) = location.page,
           let question = FlowPage.session(id, answers: answers, env.store)?.question,
           let answer = question.answers.first(where: { $0.id == (c == "y" ? "yes" : "no") }) {
            pendingNumber = ""
            return answerFlow(answer.id, env)
        }
        let typedNumber = pendingNumber
        pendingNumber = ""
        switch key {
        case .down, .char("j"), .ctrl("n"), .ctrl("e"): scroll(by: 1, env)
        case .up, .char("k"), .ctrl("p"), .ctrl("y"): scroll(by: -1, env)
        case .pageDown, .char(" "), .ctrl("f"), .ctrl("v"): scroll(by: page, env)
        case .pageUp, .char("b"), .ctrl("b"): scroll(by: -page, env)
        case .home, .char("g"), .char("<"): scroll(to: 0, env)
        case .end, .char("G"), .char(">"): scroll(to: Int.max / 2, env)
        case .tab: selectLink(step: 1, env)
        case .backTab: selectLink(step: -1, env)
        case .enter:
            if let number = Int(typedNumber) {
                follow(linkNumber: number, env)
            } else if let selected = location.selectedLink, selected < layout(env).links.count {
                follow(layout(env).links[selected].target, env)
            } else {
                message = env.store.strings[.msgTabFirst]
            }
        case .backspace, .left, .char("h"): goBack(env)
        case .right, .char("l"): goForward(env)
        case .char("m"): go(to: .home, env)
        case .char("L"): switchLanguage(to: nil, env)
        case .char("/"): overlay = .search(SearchState())
        case .char("f"): overlay = .find(FindState())
        case .char("n"): findStep(1, env)
        case .char("N"): findStep(-1, env)
        case .char("d"): define(env)
        case .char("c"): go(to: .flowPicker, env)
        case .char("o"): openOutline(env)
        case .char("?"), .function(1): overlay = .help(scroll: 0)
        case .char("s"):
            // Show it if it is hidden; if it shows by itself, leave it to the width.
            if frame.sidebar == nil { sidebar.userVisible = true }
            sidebar.focused = true
            if case .topic(let id) = location.page, let row = Sidebar.rows(self, env).firstIndex(of: .topic(id)) {
                sidebar.cursor = row
            }
            Sidebar.keepCursorVisible(&self)
        case .char("t"):
            sidebar.userVisible = !(frame.sidebar != nil)
            sidebar.focused = false
        case .escape:
            find = nil
            location.selectedLink = nil
        case .char("p"): makeSummary(env)
        case .char("w"): go(to: .walkthroughPicker, env)
        case .char("]"): stepWalkthrough(1, env)
        case .char("["): stepWalkthrough(-1, env)
        case .char("x") where env.kiosk: overlay = .confirmFinish
        case .char("q"), .char("Q"):
            if env.kiosk {
                message = env.store.strings[.msgKioskStays]
            } else if case .flow(let id, let answers) = location.page, FlowPage.session(id, answers: answers, env.store)?.isFinished == false, !answers.isEmpty {
                overlay = .confirmQuit
            } else {
                quitRequested = true
            }
        default:
            break
        }
    }

    /// `]` and `[`: the next or previous walkthrough step.
    mutating func stepWalkthrough(_ delta: Int, _ env: AppEnvironment) {
        guard case .walkthrough(let id, let step) = location.page,
              let count = env.store.walkthrough(id)?.steps.count else {
            return message = env.store.strings[.walkChoose]
        }
        let next = step + delta
        guard next >= 0, next < count else { return message = env.store.strings[delta > 0 ? .walkLastStep : .walkFirstStep] }
        go(to: .walkthrough(id, step: next), env)
    }

    /// Digits follow numbered links: "3" at once when no link 30+ exists, else after Enter.
    mutating func typeLinkDigit(_ digit: Character, _ env: AppEnvironment) {
        let count = layout(env).numberedLinks.count
        let typed = pendingNumber + String(digit)
        guard let number = Int(typed), number > 0 else { return pendingNumber = "" }
        if number * 10 > count {
            pendingNumber = ""
            follow(linkNumber: number, env)
        } else {
            pendingNumber = typed
            message = env.store.strings.text(.msgLinkTyped, ["number": typed])
        }
    }

    /// `d`: explain the selected glossary word, or choose among those on screen.
    mutating func define(_ env: AppEnvironment) {
        let layout = layout(env)
        if let selected = location.selectedLink, selected < layout.links.count,
           case .glossary(let id) = layout.links[selected].target, env.store.term(id) != nil {
            overlay = .definition(termID: id)
            return
        }
        let top = location.scroll, bottom = top + frame.text.height
        var ids: [String] = []
        for link in layout.links where link.pieces.contains(where: { $0.line >= top && $0.line < bottom }) {
            if case .glossary(let id) = link.target, env.store.term(id) != nil, !ids.contains(id) { ids.append(id) }
        }
        for mark in layout.glossaryMarks where mark.line >= top && mark.line < bottom && !ids.contains(mark.termID) {
            ids.append(mark.termID)
        }
        switch ids.count {
        case 0: message = env.store.strings[.msgNoGlossaryWords]
        case 1: overlay = .definition(termID: ids[0])
        default:
            let names = ids.map { env.store.term($0)?.term ?? $0 }
            overlay = .glossaryPick(termIDs: ids, picker: ListPicker(items: names))
        }
    }

    mutating func openOutline(_ env: AppEnvironment) {
        let entries = outlineEntries(env)
        guard !entries.isEmpty else { return message = env.store.strings[.msgNoHeadings] }
        let current = entries.lastIndex { $0.line <= location.scroll } ?? 0
        overlay = .outline(ListPicker(items: entries.map(\.text), selected: current))
    }

    /// The outline: headings, and the boxes (callouts) under them, which
    /// hold the signs to act on, in page order.
    func outlineEntries(_ env: AppEnvironment) -> [(text: String, line: Int)] {
        let layout = layout(env)
        var entries = layout.headings.map { (text: String(repeating: "  ", count: max(0, $0.level - 1)) + $0.text, line: $0.line, level: $0.level) }
        for box in layout.callouts {
            let level = (layout.headings.last { $0.line <= box.firstLine }?.level ?? 1) + 1
            entries.append((text: String(repeating: "  ", count: level - 1) + (env.unicode ? "▪ " : "* ") + box.label, line: box.firstLine, level: level))
        }
        return entries.sorted { $0.line < $1.line }.map { (text: $0.text, line: $0.line) }
    }
}
