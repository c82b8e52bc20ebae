/// Find in page: where the query occurs in the laid-out lines.
public struct FindMatch: Equatable, Sendable {
    public var line: Int, column: Int, width: Int
}

enum Find {
    /// Case-insensitive matches, in reading order, with display columns.
    static func matches(_ query: String, in layout: DocumentLayout) -> [FindMatch] {
        let needle = Array(query.lowercased())
        guard !needle.isEmpty else { return [] }
        var found: [FindMatch] = []
        for (index, line) in layout.lines.enumerated() {
            let chars = Array(line.text.lowercased())
            guard chars.count >= needle.count else { continue }
            var i = 0
            while i + needle.count <= chars.count {
                if Array(chars[i..<(i + needle.count)]) == needle {
                    let column = chars[..<i].reduce(0) { $0 + DisplayWidth.of($1) }
                    found.append(FindMatch(line: index, column: column, width: DisplayWidth.of(String(needle))))
                    i += needle.count
                } else {
                    i += 1
                }
            }
        }
        return found
    }
}

extension AppState {
    /// The find matches on the page as laid out now, scanned once per query and page.
    func findMatches(_ query: String, _ env: AppEnvironment) -> [FindMatch] {
        let key = FindCache.Key(query: query, page: location.page, marks: pageMarks, width: frame.text.width)
        return env.finds.matches(key) { Find.matches(query, in: layout(env)) }
    }

    /// Moves to the next (or previous) match and scrolls it into view.
    mutating func findStep(_ step: Int, _ env: AppEnvironment) {
        guard var f = find else { return message = env.store.strings[.msgFindHow] }
        let all = findMatches(f.query, env)
        guard !all.isEmpty else {
            find = f
            return message = env.store.strings.text(.msgFindNone, ["query": f.query])
        }
        f.current = (f.current + step + all.count) % all.count
        find = f
        let match = all[f.current]
        let height = frame.text.height
        // A match inside a box shows with the box's heading ("Call your care
        // team today if:"), or the line reads without what it is about.
        let box = layout(env).callouts.last { $0.firstLine <= match.line && match.line <= $0.lastLine }
        let boxTopHidden = box.map { $0.firstLine < location.scroll } ?? false
        if match.line < location.scroll || match.line >= location.scroll + height || boxTopHidden {
            var top = match.line - height / 3
            if let box, match.line - box.firstLine < height { top = min(top, box.firstLine) }
            scroll(to: top, env)
        }
        message = env.store.strings.text(.msgFindMatch, ["number": "\(f.current + 1)", "count": "\(all.count)"])
    }

    /// After typing a query and Enter: the first match at or below the top of the screen.
    mutating func findFirst(_ query: String, _ env: AppEnvironment) {
        let all = findMatches(query, env)
        let start = all.firstIndex { $0.line >= location.scroll } ?? 0
        find = FindState(query: query, editing: false, current: start - 1)
        findStep(1, env)
    }
}
