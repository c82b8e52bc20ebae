import Foundation
import BedsideContent

/// Keys and typing while a popup or prompt is open.
extension AppState {
    static let maxQueryLength = 200

    mutating func handleOverlayKey(_ key: Key, _ env: AppEnvironment) {
        guard let current = overlay else { return }
        switch current {
        case .search(var search):
            switch key {
            case .escape: overlay = nil
            case .up, .ctrl("p"): search.selected = max(0, search.selected - 1)
            case .down, .ctrl("n"): search.selected = min(max(0, search.results.count - 1), search.selected + 1)
            case .tab:
                // The other language, where the query found much more; else a better spelling.
                if let other = search.otherLanguage {
                    switchLanguage(to: other.language, env)
                } else if let suggestion = search.suggestion {
                    search.query = suggestion
                    rerun(&search, env)
                }
            case .enter:
                guard search.selected < search.results.count else { return message = env.store.strings[.msgSearchNone] }
                overlay = nil
                open(search.results[search.selected], env)
                return
            case .backspace, .delete:
                if !search.query.isEmpty { search.query.removeLast(); rerun(&search, env) }
            case .ctrl("u"):
                search.query = ""
                rerun(&search, env)
            case .char(let c):
                guard search.query.count < Self.maxQueryLength else { return }
                search.query.append(c)
                rerun(&search, env)
            default: break
            }
            if case .search = overlay { overlay = .search(search) }
        case .find(var f):
            switch key {
            case .escape: overlay = nil
            case .enter:
                overlay = nil
                if !f.query.isEmpty { findFirst(f.query, env) }
            case .backspace, .delete: if !f.query.isEmpty { f.query.removeLast(); overlay = .find(f) }
            case .char(let c): if f.query.count < Self.maxQueryLength { f.query.append(c); overlay = .find(f) }
            default: break
            }
        case .definition:
            overlay = nil
        case .glossaryPick(let ids, var picker):
            if movePicker(&picker, key) { overlay = .glossaryPick(termIDs: ids, picker: picker) } else if key == .enter {
                overlay = .definition(termID: ids[picker.selected])
            } else { overlay = nil }
        case .outline(var picker):
            if movePicker(&picker, key) { overlay = .outline(picker) } else {
                overlay = nil
                let entries = outlineEntries(env)
                if key == .enter, picker.selected < entries.count {
                    scroll(to: entries[picker.selected].line, env)
                }
            }
        case .help(let scroll):
            // A page is what the box shows at this size, so paging never skips a line.
            let box = OverlayRenderer.helpBox(width, height)
            let last = max(0, HelpText.lines(env, width: box.inner).count - box.rows)
            let page = max(1, box.rows - 1)
            switch key {
            // Exactly the keys the footer names scroll; every other key closes.
            case .down: overlay = .help(scroll: min(scroll + 1, last))
            case .pageDown: overlay = .help(scroll: min(scroll + page, last))
            case .up: overlay = .help(scroll: max(0, scroll - 1))
            case .pageUp: overlay = .help(scroll: max(0, scroll - page))
            default: overlay = nil
            }
        case .confirmQuit:
            overlay = nil
            if (key == .char("y") || key == .char("Y")) && !env.kiosk { quitRequested = true }
        case .confirmFinish:
            overlay = nil
            // Finishing forgets everything; only a clear yes does it: y, or the
            // language's own yes key ("s" for sí), as the box says.
            let yes = Set(["y"] + (env.store.strings[.keyYes].count == 1 ? [env.store.strings[.keyYes].lowercased()] : []))
            if case .char(let c) = key, yes.contains(c.lowercased()) {
                forgetSession(env)
                kiosk.justCleared = true
            }
        case .adminPIN(let typed, let wrong):
            Kiosk.handlePIN(key, typed: typed, wrong: wrong, &self, env)
        case .summaryPreview(let scroll):
            switch key {
            case .down, .char("j"): overlay = .summaryPreview(scroll: scroll + 1)
            case .up, .char("k"): overlay = .summaryPreview(scroll: max(0, scroll - 1))
            case .pageDown, .char(" "): overlay = .summaryPreview(scroll: scroll + 10)
            case .pageUp: overlay = .summaryPreview(scroll: max(0, scroll - 10))
            case .enter:
                overlay = nil
                confirmSummary(env)
            case .escape, .char("q"):
                overlay = nil
                message = env.store.strings[.summaryCancelled]
            default: break
            }
        }
    }

    /// Up/down/home/end in a list popup; returns false for any other key.
    func movePicker(_ picker: inout ListPicker, _ key: Key) -> Bool {
        switch key {
        case .up, .char("k"): picker.selected = max(0, picker.selected - 1)
        case .down, .char("j"): picker.selected = min(max(0, picker.items.count - 1), picker.selected + 1)
        case .home: picker.selected = 0
        case .end: picker.selected = max(0, picker.items.count - 1)
        default: return false
        }
        return true
    }

    func rerun(_ search: inout SearchState, _ env: AppEnvironment) {
        let trimmed = search.query.trimmingCharacters(in: .whitespaces)
        search.otherLanguage = nil
        if trimmed.isEmpty {
            search.results = []
            search.suggestion = nil
        } else {
            (search.results, search.suggestion) = env.search(search.query)
            search.otherLanguage = Self.otherLanguageOffer(search, env)
            // A query written in the other language is not misspelt in this one:
            // "tengo mucha sed" must not become "tengo much sed". The offer wins.
            if search.otherLanguage != nil { search.suggestion = nil }
        }
        search.selected = 0
    }

    /// "Ver en español": offered when the other language finds something and
    /// this one finds nothing, or the other's best match scores at least twice
    /// ours (an English word typed into the Spanish library, or the reverse).
    /// Short prefixes are left alone: two letters match everything in both.
    static func otherLanguageOffer(_ search: SearchState, _ env: AppEnvironment) -> LanguageOffer? {
        guard search.query.trimmingCharacters(in: .whitespaces).count >= 3, let cross = env.otherLanguageSearch,
              let other = cross(search.query), let best = other.hits.first else { return nil }
        let ours = search.results.first?.score ?? 0
        return best.score >= 2 * ours ? LanguageOffer(language: other.language, offer: other.offer) : nil
    }

    mutating func open(_ hit: SearchHit, _ env: AppEnvironment) {
        switch hit.kind {
        case .topic:
            go(to: .topic(hit.id), env)
            showMatch(of: hit, env)
        case .flow: go(to: .flow(hit.id), env)
        case .glossary where env.store.term(hit.id) != nil: go(to: .glossaryTerm(hit.id), env)
        case .glossary: overlay = .definition(termID: hit.id)
        }
    }

    /// After opening a search result: the page scrolls to the first place a
    /// matched word occurs and highlights it, as find (`f`) would, so the
    /// reader lands where the answer is, not at the top. n and N move on.
    mutating func showMatch(of hit: SearchHit, _ env: AppEnvironment) {
        let snippet = Array(hit.snippet)
        let words = hit.highlights.compactMap { range -> String? in
            guard range.lowerBound >= 0, range.upperBound <= snippet.count else { return nil }
            let word = String(snippet[range]).trimmingCharacters(in: .whitespacesAndNewlines)
            return word.count >= 3 ? word : nil
        }
        // The rarest matched word on the page is the most telling ("saddle", not
        // "numbness"): it leads to where the page is about the query.
        let counted = words.map { (word: $0, count: findMatches($0, env).count) }.filter { $0.count > 0 }
        if let best = counted.min(by: { $0.count < $1.count }) { findFirst(best.word, env) }
    }

    /// Pasted text goes into an open search or find prompt (control characters dropped).
    mutating func typeIntoOverlay(_ text: String, _ env: AppEnvironment) {
        let clean = text.filter { !$0.isNewline && $0.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F } }
        switch overlay {
        case .search(var search):
            search.query = String((search.query + clean).prefix(Self.maxQueryLength))
            rerun(&search, env)
            overlay = .search(search)
        case .find(var f):
            f.query = String((f.query + clean).prefix(Self.maxQueryLength))
            overlay = .find(f)
        default:
            break
        }
    }
}
