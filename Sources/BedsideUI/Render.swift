import BedsideContent

/// Draws the state into a `Screen`. Pure: the same state and size always give
/// the same cells. Any size works; below 40x12 it asks for a bigger window.
public enum Renderer {
    public static func render(_ s: AppState, _ env: AppEnvironment) -> Screen {
        var screen = Screen(width: s.width, height: s.height)
        let frame = s.frame
        if frame.tooSmall {
            drawTooSmall(&screen, env)
            return screen
        }
        if env.kiosk && s.kiosk.privacy {
            drawPrivacy(&screen, s, env)
            return screen
        }
        drawHeader(&screen, s, env)
        if let rect = frame.sidebar { drawSidebar(&screen, rect, s, env) }
        drawReader(&screen, s, env)
        drawStatus(&screen, s, env)
        if let overlay = s.overlay { OverlayRenderer.draw(overlay, on: &screen, s, env) }
        return screen
    }

    static func drawTooSmall(_ screen: inout Screen, _ env: AppEnvironment) {
        let text = env.store.strings
        let lines = [text[.tooSmallTitle], text.text(.tooSmallSize, ["width": "\(Frame.minWidth)", "height": "\(Frame.minHeight)"])]
        for (i, line) in lines.enumerated() {
            let y = screen.height / 2 - 1 + i
            let x = max(0, (screen.width - DisplayWidth.of(line)) / 2)
            screen.put(line, x: x, y: y, style: Style(i == 0 ? .title : .muted, bold: i == 0))
        }
    }

    /// After a kiosk reset: nothing of the last person, just a way to start.
    static func drawPrivacy(_ screen: inout Screen, _ s: AppState, _ env: AppEnvironment) {
        let text = env.store.strings
        var lines = [env.site.clinicName ?? "bedside", text[.privacyTagline], "", text[.privacyStart]]
        if s.kiosk.justCleared { lines += ["", text[.msgVisitCleared]] }
        // Each language in its own words, so a reader of either finds theirs.
        if env.languages.count > 1 {
            lines += ["", env.languages.enumerated().map { "\($0.offset + 1) \($0.element.name)" }.joined(separator: "   ")]
        }
        for (i, line) in lines.enumerated() {
            let y = screen.height / 2 - 2 + i
            let x = max(0, (screen.width - DisplayWidth.of(line)) / 2)
            screen.put(line, x: x, y: y, style: Style(i == 3 ? .statusKey : .title, bold: i != 1), maxWidth: screen.width)
        }
    }

    static func drawHeader(_ screen: inout Screen, _ s: AppState, _ env: AppEnvironment) {
        let bar = Style(.statusBar)
        screen.fill(x: 0, y: 0, width: screen.width, height: 1, style: bar)
        var title = " bedside"
        if let clinic = env.site.clinicName { title += (env.unicode ? " · " : " - ") + clinic }
        // On a shared kiosk the way to finish sits in the header, where it always fits.
        let text = env.store.strings
        let hint = (env.kiosk ? text[.headerFinish] + "  " + text[.headerHelp] : text[.headerHelp]) + " "
        let hintX = max(0, screen.width - DisplayWidth.of(hint))
        screen.put(hint, x: hintX, y: 0, style: env.kiosk ? Style(.statusKey, bold: true) : bar)
        screen.put(title, x: 0, y: 0, style: Style(.statusBar, bold: true), maxWidth: max(0, hintX - 1))
    }

    static func drawSidebar(_ screen: inout Screen, _ rect: Rect, _ s: AppState, _ env: AppEnvironment) {
        let rows = Sidebar.rows(s, env)
        for i in 0..<rect.height {
            let index = s.sidebar.scroll + i
            guard index < rows.count else { break }
            let row = rows[index]
            var style = Style(row == .topic("") ? .text : (isSection(row) ? .heading : .text))
            if case .topic(let id) = row, s.location.page == .topic(id) { style.bold = true; style.role = .link }
            if case .page(let page) = row, s.location.page == page { style.bold = true }
            if s.sidebar.focused && index == s.sidebar.cursor {
                style = Style(.selection, bold: true, reverse: true)
                screen.fill(x: rect.x, y: rect.y + i, width: rect.width, height: 1, style: style)
            }
            // A label too long for the sidebar (Spanish section titles often are) ends in "…", so the cut shows.
            screen.put(DisplayWidth.truncate(" " + Sidebar.label(row, s, env), to: rect.width), x: rect.x, y: rect.y + i,
                       style: style, maxWidth: rect.width)
        }
        // The border is one cell repeated: made once, not measured and split per row.
        let bar = Cell(text: env.unicode ? "│" : "|", width: 1, style: Style(.border))
        for y in rect.y..<(rect.y + rect.height) { screen.set(bar, x: rect.x + rect.width, y: y) }
    }

    static func isSection(_ row: SidebarRow) -> Bool { if case .section = row { return true } else { return false } }

    static func drawReader(_ screen: inout Screen, _ s: AppState, _ env: AppEnvironment) {
        let text = s.frame.text
        let layout = s.layout(env)
        for i in 0..<text.height {
            let lineIndex = s.location.scroll + i
            guard lineIndex < layout.lines.count else { break }
            var x = text.x
            for span in layout.lines[lineIndex].spans {
                x += screen.put(span.text, x: x, y: text.y + i, style: span.style, maxWidth: text.x + text.width - x)
            }
        }
        // Inside a box taller than the screen, its heading stays on the top row
        // ("Call your care team today if:"), so a line read mid-box never loses
        // what it is about.
        if let box = layout.callouts.last(where: { $0.firstLine < s.location.scroll && $0.lastLine >= s.location.scroll + 1 }),
           box.firstLine < layout.lines.count {
            screen.fill(x: text.x, y: text.y, width: text.width, height: 1, style: .plain)
            var x = text.x
            for span in layout.lines[box.firstLine].spans {
                x += screen.put(span.text, x: x, y: text.y, style: span.style, maxWidth: text.x + text.width - x)
            }
        }
        // The selected link, reversed.
        if let selected = s.location.selectedLink, selected < layout.links.count {
            for piece in layout.links[selected].pieces {
                screen.restyle(x: text.x + piece.column, y: text.y + piece.line - s.location.scroll, width: piece.width) {
                    $0.role = .selection
                    $0.reverse = true
                }
            }
        }
        // Find matches, highlighted; the current one also bold.
        if let find = s.find {
            for (i, match) in s.findMatches(find.query, env).enumerated() {
                screen.restyle(x: text.x + match.column, y: text.y + match.line - s.location.scroll, width: match.width) {
                    $0.role = .match
                    $0.bold = i == find.current
                    $0.reverse = i == find.current
                }
            }
        }
    }

    static func drawStatus(_ screen: inout Screen, _ s: AppState, _ env: AppEnvironment) {
        let y = screen.height - 1
        let bar = Style(.statusBar)
        screen.fill(x: 0, y: y, width: screen.width, height: 1, style: bar)
        let right = " \(scrollPosition(s, env)) "
        let rightWidth = DisplayWidth.of(right)
        // A prompt or a message is what the reader is acting on, so it wins
        // the room; the breadcrumb gives way. Key hints are only a fallback.
        var info: String
        var urgent = true  // a prompt or a message: never cut for the breadcrumb
        let crumb = " " + Pages.breadcrumb(s.location.page, env) + "  "
        let room = max(0, screen.width - rightWidth - 1)
        if case .find(let f) = s.overlay {
            info = env.store.strings.text(.statusFind, ["query": f.query])
        } else if let left = Kiosk.secondsLeft(s, env) {
            info = env.store.strings.plural(.idleCountdown, left)
        } else if let message = s.message {
            info = message
        } else {
            // Hints after the breadcrumb, in the room left: whole hints only.
            // Where you are comes first; the hints take what is left, but the
            // most useful hint always keeps its room.
            let all = hints(s, env)
            let firstHint = all.first.map { DisplayWidth.of($0) } ?? 0
            let crumbWidth = min(DisplayWidth.of(crumb), max(room / 2, room - firstHint))
            info = fittingHints(all, room: room - crumbWidth)
            urgent = false
        }
        let crumbRoom = urgent ? max(0, min(DisplayWidth.of(crumb), room - DisplayWidth.of(info) - 1)) : room - DisplayWidth.of(info)
        let used = screen.put(DisplayWidth.truncateFront(crumb, to: crumbRoom), x: 0, y: y, style: Style(.statusBar, bold: true), maxWidth: crumbRoom)
        if case .find = s.overlay {
            screen.cursor = (x: min(screen.width - 1, used + DisplayWidth.of(info)), y: y)
        }
        // A message too long for the line ends in "…", never mid-word without a mark (hints were fitted whole above).
        let infoRoom = max(0, screen.width - used - rightWidth)
        screen.put(urgent ? DisplayWidth.truncate(info, to: infoRoom) : info, x: used, y: y,
                   style: urgent ? Style(.statusKey, bold: true) : bar, maxWidth: infoRoom)
        screen.put(right, x: screen.width - rightWidth, y: y, style: bar)
    }

    /// Key hints for the page at hand, most useful first: the next thing a
    /// reader is likely to need. Each is one whole hint ("Tab links").
    static func hints(_ s: AppState, _ env: AppEnvironment) -> [String] {
        let text = env.store.strings
        let leave = env.kiosk ? text[.hintFinish] : text[.hintQuit]
        if s.sidebar.focused { return text.list(.hintsSidebar) }
        switch s.location.page {
        case .flow(let id, let answers):
            if let question = FlowPage.session(id, answers: answers, env.store)?.question {
                var list = text.list(.hintsQuestion).map { Catalogue.fill($0, ["count": "\(question.answers.count)"]) }
                if question.answers.contains(where: { $0.id == "yes" }) { list.insert(text[.hintYesNo], at: 1) }
                return list + [leave]
            }
            return text.list(.hintsCard) + [leave]
        case .walkthrough:
            return text.list(.hintsWalkthrough)
        default:
            var list = text.list(.hintsPage)
            list.insert(leave, at: min(3, list.count))
            return list
        }
    }

    /// As many whole hints as fit in `room` columns, dropping from the end of
    /// the list (the least important), never cutting one in the middle.
    static func fittingHints(_ hints: [String], room: Int) -> String {
        var shown = ""
        for hint in hints {
            let next = shown.isEmpty ? hint : shown + "  " + hint
            if DisplayWidth.of(next) > room { break }
            shown = next
        }
        return shown
    }

    static func scrollPosition(_ s: AppState, _ env: AppEnvironment) -> String {
        let layout = s.layout(env)
        let max = s.maxScroll(layout)
        let text = env.store.strings
        if max == 0 { return text[.statusAll] }
        if s.location.scroll == 0 { return text[.statusTop] }
        if s.location.scroll >= max { return text[.statusEnd] }
        return "\(s.location.scroll * 100 / max)%"
    }
}
