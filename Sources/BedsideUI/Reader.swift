import BedsideContent

/// Scrolling, link selection and link following on document pages.
extension AppState {
    /// Walkthrough marks shown on the current page (they change its layout).
    var pageMarks: [VisitLog.PromptKey: VisitLog.Mark] {
        if case .walkthrough(let id, _) = location.page { return visit.marks.filter { $0.key.walkthrough == id } }
        return [:]
    }

    func layout(_ env: AppEnvironment) -> DocumentLayout {
        let width = frame.text.width
        let page = location.page
        let marks = pageMarks
        return env.layouts.layout(page, marks: marks, width: width) { prepared in
            DocumentLayouter.layout(env.layouts.document(page, marks: marks) { Pages.document(page, env, marks: marks) },
                                    options: LayoutOptions(width: width, unicode: env.unicode,
                                                           numberLinks: !FlowPage.isQuestion(page, env.store)),
                                    glossary: page == .glossaryIndex ? nil : env.matcher,
                                    reusing: prepared)
        }
    }

    func maxScroll(_ layout: DocumentLayout) -> Int { max(0, layout.lines.count - frame.text.height) }

    mutating func scroll(to line: Int, _ env: AppEnvironment) {
        location.scroll = min(max(0, line), maxScroll(layout(env)))
        // Keep the selected link on screen: drop the selection if it scrolled away.
        if let selected = location.selectedLink, !isVisible(link: selected, env) { location.selectedLink = nil }
    }

    mutating func scroll(by delta: Int, _ env: AppEnvironment) {
        scroll(to: location.scroll + delta, env)
    }

    func isVisible(link index: Int, _ env: AppEnvironment) -> Bool {
        let layout = layout(env)
        guard index < layout.links.count else { return false }
        let top = location.scroll, bottom = location.scroll + frame.text.height
        return layout.links[index].pieces.contains { $0.line >= top && $0.line < bottom }
    }

    /// Tab / Shift-Tab: the next link after the selection, scrolling it into view.
    mutating func selectLink(step: Int, _ env: AppEnvironment) {
        let links = layout(env).links
        guard !links.isEmpty else {
            message = env.store.strings[.msgNoLinks]
            return
        }
        let next: Int
        if let current = location.selectedLink {
            next = (current + step + links.count) % links.count
        } else {
            // Start from the first link on screen (or the last one, going back).
            let visible = links.indices.filter { isVisible(link: $0, env) }
            next = (step > 0 ? visible.first : visible.last) ?? (step > 0 ? links.indices.first { links[$0].firstLine >= location.scroll } ?? 0 : links.count - 1)
        }
        location.selectedLink = next
        if !isVisible(link: next, env) {
            let line = links[next].firstLine
            scroll(to: line - frame.text.height / 3, env)
        }
    }

    /// Follows a link: a page goes on the history stack, a glossary word opens its definition.
    mutating func follow(_ target: LinkTarget, _ env: AppEnvironment) {
        let from: String? = if case .topic(let id) = location.page { id } else { nil }
        switch env.store.resolve(target, from: from) {
        case .topic(let id, let anchor):
            guard env.store.topic(id) != nil else { return message = env.store.strings[.msgTopicUnavailable] }
            go(to: .topic(id), env)
            if let anchor, let line = layout(env).line(ofAnchor: anchor) { scroll(to: line, env) }
        case .anchor(let anchor):
            if let line = layout(env).line(ofAnchor: anchor) { scroll(to: line, env) }
        case .glossary(let id):
            guard env.store.term(id) != nil else { return }
            // In the glossary, a word opens its own page; in a topic, a pop-up
            // explains it without losing the reader's place.
            switch location.page {
            case .glossaryIndex, .glossaryTerm: go(to: .glossaryTerm(id), env)
            default: overlay = .definition(termID: id)
            }
        case .glossaryIndex:
            go(to: .glossaryIndex, env)
        case .flow(let id):
            go(to: .flow(id), env)
        case .flowPicker:
            go(to: .flowPicker, env)
        case .section(let id):
            go(to: .section(id), env)
        case .walkthrough(let id):
            go(to: .walkthrough(id), env)
        case .walkthroughPicker:
            go(to: .walkthroughPicker, env)
        case .web(let url):
            message = env.store.strings.text(.msgWebLink, ["url": url])
        case .file(let path, _):
            message = env.store.strings.text(.msgFileLink, ["path": path])
        case .app(let action):
            perform(action, env)
        }
    }

    mutating func follow(linkNumber number: Int, _ env: AppEnvironment) {
        let layout = layout(env)
        let numbered = layout.numberedLinks
        guard number >= 1, number <= numbered.count else {
            return message = env.store.strings.text(.msgNoLinkNumber, ["number": "\(number)"])
        }
        follow(layout.links[numbered[number - 1]].target, env)
    }

    /// Opens a page, remembering where we were.
    mutating func go(to page: Page, _ env: AppEnvironment) {
        guard page != location.page else { return }
        back.append(location)
        forward.removeAll()
        location = Location(page: page)
        find = nil
        onEnter(page, env)
    }

    mutating func goBack(_ env: AppEnvironment) {
        guard let previous = back.popLast() else { return message = env.store.strings[.msgFirstPage] }
        forward.append(location)
        location = previous
        find = nil
    }

    mutating func goForward(_ env: AppEnvironment) {
        guard let next = forward.popLast() else { return message = env.store.strings[.msgNoForward] }
        back.append(location)
        location = next
        find = nil
    }

    /// Actions behind the links of generated pages.
    mutating func perform(_ action: AppAction, _ env: AppEnvironment) {
        switch action {
        case .answer(let id):
            answerFlow(id, env)
        case .restartFlow:
            // A new run of the check: the previous run's answers leave the history,
            // so Backspace on question 1 goes to the page before the check.
            guard case .flow(let id, _) = location.page else { return }
            while let last = back.last, case .flow(let earlier, _) = last.page, earlier == id { back.removeLast() }
            forward.removeAll()
            location = Location(page: .flow(id, answers: []))
            find = nil
        case .markTeachBack(let step, let prompt, let understood):
            markTeachBack(step: step, prompt: prompt, understood ? .understood : .needsReview, env)
        case .goToStep(let step):
            if case .walkthrough(let id, _) = location.page { go(to: .walkthrough(id, step: step), env) }
        case .forgetVisit:
            forgetSession(env)
        case .language(let language):
            switchLanguage(to: language, env)
        }
    }

    /// Asks the loop to show the library in `language` (nil: the next one, for `L`).
    mutating func switchLanguage(to language: ContentLanguage?, _ env: AppEnvironment) {
        let choices = env.languages.map(\.language)
        guard choices.count > 1 else { return message = env.store.strings[.msgOneLanguage] }
        let current = choices.firstIndex(of: env.store.language) ?? 0
        let target = language ?? choices[(current + 1) % choices.count]
        guard choices.contains(target), target != env.store.language else { return }
        pendingEffects.append(.switchLanguage(target))
    }

    /// Keeps the sidebar in step with the page being read, and notes what was
    /// read and which care cards were reached, for the take-home summary.
    mutating func onEnter(_ page: Page, _ env: AppEnvironment) {
        visit.note(page, env)
        if case .topic(let id) = page, let section = env.store.topic(id)?.section {
            sidebar.expanded.insert(section)
            if let row = Sidebar.rows(self, env).firstIndex(of: .topic(id)) { sidebar.cursor = row }
        }
    }
}
