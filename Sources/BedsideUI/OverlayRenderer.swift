import Foundation
import BedsideContent

/// Where the search popup sits, shared by drawing and mouse clicks.
struct SearchBox {
    let rect: Rect
    init(state: AppState) {
        let width = min(72, state.width - 4)
        let height = max(6, min(state.height - 4, 16))
        rect = Rect(x: (state.width - width) / 2, y: 2, width: width, height: height)
    }
    var firstResultY: Int { rect.y + 3 }
    var visibleResults: Int { max(0, (rect.height - 5) / 2) }
    func resultIndex(atY y: Int, x: Int) -> Int? {
        guard rect.contains(x, y), y >= firstResultY else { return nil }
        let index = (y - firstResultY) / 2
        return index < visibleResults ? index : nil
    }
}

enum OverlayRenderer {
    static func draw(_ overlay: Overlay, on screen: inout Screen, _ s: AppState, _ env: AppEnvironment) {
        switch overlay {
        case .search(let search): drawSearch(search, &screen, s, env)
        case .find: break // drawn in the status bar
        case .definition(let id):
            guard let term = env.store.term(id) else { return }
            var lines: [(String, Style)] = [(term.definition, .plain)]
            if !term.alsoCalled.isEmpty { lines.append(("Also called: " + term.alsoCalled.joined(separator: ", "), Style(.muted))) }
            let seeAlso = term.seeAlso.compactMap { env.store.term($0.value)?.term }
            if !seeAlso.isEmpty { lines.append(("See also: " + seeAlso.joined(separator: ", "), Style(.muted))) }
            drawTextBox(title: term.term, lines: lines, footer: "Press any key", &screen, env)
        case .glossaryPick(_, let picker):
            drawList(title: "Which word?", picker, footer: "Enter define  Esc close", &screen, env)
        case .outline(let picker):
            drawList(title: "Outline", picker, footer: "Enter jump  Esc close", &screen, env)
        case .help(let scroll):
            let visible = Array(HelpText.lines.dropFirst(scroll))
            drawTextBox(title: "Keys", lines: visible.map { ($0, Style.plain) }, footer: "Up/Down scroll  any other key closes", &screen, env, wrap: false)
        case .confirmQuit:
            drawTextBox(title: "Quit?", lines: [("A symptom check is not finished. Quit anyway? (y/n)", .plain)], footer: "y quit  n keep going", &screen, env)
        case .adminPIN(let typed, let wrong):
            var lines: [(String, Style)] = [("Staff PIN: " + String(repeating: env.unicode ? "●" : "*", count: typed.count), Style(.input, bold: true))]
            if wrong > 0 {
                let left = Kiosk.maxTries - wrong
                lines.append(("Wrong PIN. \(left) \(left == 1 ? "try" : "tries") left.", Style(.statusKey, bold: true)))
            }
            drawTextBox(title: "Staff exit", lines: lines, footer: "Enter check  Esc cancel", &screen, env)
        }
    }

    static func drawBox(_ rect: Rect, title: String, footer: String?, _ screen: inout Screen, _ env: AppEnvironment) {
        let border = Style(.border, bold: true)
        screen.fill(x: rect.x, y: rect.y, width: rect.width, height: rect.height, style: .plain)
        let (h, v, tl, tr, bl, br) = env.unicode ? ("─", "│", "╭", "╮", "╰", "╯") : ("-", "|", "+", "+", "+", "+")
        screen.put(tl + String(repeating: h, count: max(0, rect.width - 2)) + tr, x: rect.x, y: rect.y, style: border)
        screen.put(bl + String(repeating: h, count: max(0, rect.width - 2)) + br, x: rect.x, y: rect.y + rect.height - 1, style: border)
        for y in (rect.y + 1)..<max(rect.y + 1, rect.y + rect.height - 1) {
            screen.put(v, x: rect.x, y: y, style: border)
            screen.put(v, x: rect.x + rect.width - 1, y: y, style: border)
        }
        screen.put(" \(title) ", x: rect.x + 2, y: rect.y, style: Style(.title, bold: true), maxWidth: rect.width - 4)
        if let footer {
            screen.put(" \(footer) ", x: rect.x + 2, y: rect.y + rect.height - 1, style: Style(.muted), maxWidth: rect.width - 4)
        }
    }

    static func drawTextBox(title: String, lines: [(String, Style)], footer: String, _ screen: inout Screen, _ env: AppEnvironment, wrap: Bool = true) {
        let width = min(64, screen.width - 4)
        let inner = width - 4
        var rows: [(String, Style)] = []
        for (text, style) in lines {
            let pieces = wrap ? PlainTextPage.wrapped(text, width: inner, indent: 0).split(separator: "\n").map(String.init) : [text]
            rows += pieces.map { ($0, style) }
        }
        let height = min(screen.height - 2, rows.count + 4)
        let rect = Rect(x: (screen.width - width) / 2, y: max(1, (screen.height - height) / 2), width: width, height: height)
        drawBox(rect, title: title, footer: footer, &screen, env)
        for (i, row) in rows.prefix(max(0, height - 4)).enumerated() {
            screen.put(row.0, x: rect.x + 2, y: rect.y + 2 + i, style: row.1, maxWidth: inner)
        }
    }

    static func drawList(title: String, _ picker: ListPicker, footer: String, _ screen: inout Screen, _ env: AppEnvironment) {
        let width = min(60, screen.width - 4)
        let visible = max(1, min(picker.items.count, screen.height - 6))
        let rect = Rect(x: (screen.width - width) / 2, y: max(1, (screen.height - visible - 4) / 2), width: width, height: visible + 4)
        drawBox(rect, title: title, footer: footer, &screen, env)
        let first = max(0, min(picker.selected - visible / 2, picker.items.count - visible))
        for i in 0..<visible where first + i < picker.items.count {
            let selected = first + i == picker.selected
            let style = selected ? Style(.selection, bold: true, reverse: true) : Style.plain
            if selected { screen.fill(x: rect.x + 1, y: rect.y + 2 + i, width: width - 2, height: 1, style: style) }
            screen.put(" " + picker.items[first + i], x: rect.x + 1, y: rect.y + 2 + i, style: style, maxWidth: width - 2)
        }
    }

    static func drawSearch(_ search: SearchState, _ screen: inout Screen, _ s: AppState, _ env: AppEnvironment) {
        let box = SearchBox(state: s)
        let rect = box.rect
        drawBox(rect, title: "Search", footer: "Up/Down choose  Enter open  Esc cancel", &screen, env)
        let prompt = "Type plain words: "
        let x = rect.x + 2
        let used = screen.put(prompt, x: x, y: rect.y + 1, style: Style(.muted))
        let shown = String(search.query.suffix(max(1, rect.width - 6 - used)))
        let typed = screen.put(shown, x: x + used, y: rect.y + 1, style: Style(.input, bold: true))
        screen.cursor = (x: x + used + typed, y: rect.y + 1)
        let inner = rect.width - 4
        if search.results.isEmpty {
            let trimmed = search.query.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty {
                screen.put("No results.", x: x, y: box.firstResultY, style: Style(.muted))
                if let suggestion = search.suggestion {
                    screen.put("Did you mean \"\(suggestion)\"? Press Tab.", x: x, y: box.firstResultY + 1, style: Style(.statusKey, bold: true), maxWidth: inner)
                }
            }
            return
        }
        let first = max(0, search.selected - box.visibleResults + 1)
        for (row, index) in (first..<min(search.results.count, first + box.visibleResults)).enumerated() {
            let hit = search.results[index]
            let y = box.firstResultY + row * 2
            let selected = index == search.selected
            let titleStyle = selected ? Style(.selection, bold: true, reverse: true) : Style(.link, bold: true)
            if selected { screen.fill(x: rect.x + 1, y: y, width: rect.width - 2, height: 1, style: titleStyle) }
            let kind = hit.kind == .topic ? "" : (hit.kind == .flow ? "  (symptom check)" : "  (glossary)")
            screen.put((selected ? "> " : "  ") + hit.title + kind, x: x, y: y, style: titleStyle, maxWidth: inner)
            drawSnippet(hit, x: x + 2, y: y + 1, width: inner - 2, &screen)
        }
    }

    /// The snippet on one line, its matched words highlighted.
    static func drawSnippet(_ hit: SearchHit, x: Int, y: Int, width: Int, _ screen: inout Screen) {
        var column = 0
        for (offset, ch) in hit.snippet.enumerated() {
            let w = DisplayWidth.of(ch)
            if column + w > width { break }
            let highlighted = hit.highlights.contains { $0.contains(offset) }
            screen.put(String(ch), x: x + column, y: y, style: highlighted ? Style(.match, bold: true) : Style(.muted))
            column += w
        }
    }
}
