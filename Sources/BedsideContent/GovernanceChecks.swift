import Foundation

/// One item a clinic's content lead signs off: a topic, flow or walkthrough.
public struct GovernanceItem: Equatable, Sendable {
    public enum Kind: String, Sendable { case topic, flow, walkthrough }
    public var kind: Kind
    public var id: String
    public var path: String
    public var governance: Governance
}

extension ContentStore {
    /// Every signed-off-able item, topics first, in a stable order.
    public var governanceItems: [GovernanceItem] {
        topics.map { GovernanceItem(kind: .topic, id: $0.id, path: $0.path, governance: $0.governance) }
            + flows.map { GovernanceItem(kind: .flow, id: $0.id, path: $0.path, governance: $0.governance) }
            + walkthroughs.map { GovernanceItem(kind: .walkthrough, id: $0.id, path: $0.path, governance: $0.governance) }
    }
}

extension Validator {
    /// Governance fields on everything, reviews not overdue, and sources that
    /// name the exact page they were read from.
    func checkGovernance(_ store: ContentStore, _ d: inout [Diagnostic]) {
        for item in store.governanceItems {
            let missing = item.governance.missingFields.filter { !(item.kind == .topic && $0 == "reviewed") }
            if !missing.isEmpty {
                d.append(.warning(item.path, 1, 1, "missing governance field(s): \(missing.joined(separator: ", ")) (see docs/content-format.md, 'Governance')"))
            }
            if let due = item.governance.reviewDue, due < today {
                d.append(.warning(item.path, 1, 1, "clinical review was due \(due): ask \(item.governance.reviewedBy ?? "a clinician") to review this \(item.kind.rawValue), then update 'reviewed' and 'review-due'"))
            }
        }
        for topic in store.topics {
            for source in topic.sources {
                guard let url = source.url else { continue }
                if Self.isHomePage(url) {
                    d.append(.warning(topic.path, 1, 1, "source '\(source.title)' (\(source.organisation)) gives a home page, \(url): cite the exact page that supports the facts"))
                } else if source.accessed == nil {
                    d.append(.warning(topic.path, 1, 1, "source '\(source.title)' (\(url)) needs 'accessed: YYYY-MM-DD', the date the page was read"))
                }
            }
        }
    }

    /// True for a URL with no path beyond "/": a site, not a page.
    static func isHomePage(_ url: String) -> Bool {
        guard let components = URLComponents(string: url), components.host != nil else { return false }
        let path = components.path
        return (path.isEmpty || path == "/") && components.query == nil
    }
}

/// Glossary "also called" names are shown to readers, so a misspelling there
/// teaches a misspelling. A shown name with a word that is not a known word
/// but is one or two letters away from one looks like a typo or another
/// country's spelling: it belongs in `search-only`.
public enum AliasSpelling {
    /// The content's own words (terms, definitions, topic titles, summaries
    /// and bodies, flow questions): the words a misspelling would imitate.
    public static func vocabulary(_ store: ContentStore) -> Set<String> {
        var words: Set<String> = []
        func add(_ text: String) { for w in self.words(text) { words.insert(w) } }
        for term in store.glossary {
            add(term.term)
            add(term.definition)
        }
        for topic in store.topics {
            add(topic.title)
            add(topic.summary)
            if let body = store.body(of: topic.id) { add(body) }
        }
        for flow in store.flows {
            add(flow.title)
            for question in flow.questions { add(question.text) }
        }
        return words
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
    }

    /// The content word a shown alias word seems to misspell, or nil. A word
    /// in the content or the word list is real; an unknown word is only
    /// reported when it is a letter or two from a word the content uses, so
    /// a brand name or a rare real word is not flagged.
    public static func likelyMisspelling(of word: String, content: Set<String>, dictionary: Set<String>) -> String? {
        guard word.count >= 5, !isKnown(word, content), !isKnown(word, dictionary) else { return nil }
        let limit = word.count >= 8 ? 2 : 1
        var best: (String, Int)?
        for candidate in content where abs(candidate.count - word.count) <= limit && candidate.count >= 4 {
            let d = EditDistance.between(word, candidate)
            if d <= limit, d < (best?.1 ?? Int.max) { best = (candidate, d) }
        }
        return best?.0
    }

    static func isKnown(_ word: String, _ known: Set<String>) -> Bool {
        if known.contains(word) { return true }
        for suffix in ["s", "es", "ed", "ing", "ic", "al", "ly", "er", "ers"] where word.hasSuffix(suffix) {
            if known.contains(String(word.dropLast(suffix.count))) { return true }
        }
        return false
    }

    static func problems(_ store: ContentStore, dictionary: Set<String>) -> [Diagnostic] {
        let content = vocabulary(store)
        var found: [Diagnostic] = []
        for term in store.glossary {
            for alias in term.alsoCalled {
                for word in words(alias) {
                    guard let near = likelyMisspelling(of: word, content: content, dictionary: dictionary) else { continue }
                    found.append(.warning(term.path, term.location.line, term.location.column,
                        "'\(term.id)' is also called '\(alias)', which readers see: '\(word)' looks like a misspelling or another spelling of '\(near)'; move it to 'search-only'"))
                    break
                }
            }
        }
        return found
    }
}
