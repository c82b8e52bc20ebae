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
        let text = env.store.strings
        switch overlay {
        case .search(let search): drawSearch(search, &screen, s, env)
        case .find: break // drawn in the status bar
        case .definition(let id):
            guard let term = env.store.term(id) else { return }
            var lines: [(String, Style)] = [(term.definition, .plain)]
            if !term.alsoCalled.isEmpty { lines.append((text.text(.boxAlsoCalled, ["words": term.alsoCalled.joined(separator: ", ")]), Style(.muted))) }
            let seeAlso = term.seeAlso.compactMap { env.store.term($0.value)?.term }
            if !seeAlso.isEmpty { lines.append((text.text(.boxSeeAlso, ["words": seeAlso.joined(separator: ", ")]), Style(.muted))) }
            drawTextBox(title: term.term, lines: lines, footer: text[.boxAnyKey], &screen, env)
        case .glossaryPick(_, let picker):
            drawList(title: text[.boxWhichWord], picker, footer: text[.boxWhichWordKeys], &screen, env)
        case .outline(let picker):
            drawList(title: text[.boxOutline], picker, footer: text[.boxOutlineKeys], &screen, env)
        case .help(let scroll):
            drawHelp(scroll: scroll, &screen, env)
        case .confirmQuit:
            drawTextBox(title: text[.boxQuitTitle], lines: [(text[.boxQuitText], .plain)], footer: text[.boxQuitKeys], &screen, env)
        case .confirmFinish:
            drawTextBox(title: text[.boxFinishTitle], lines: [(text[.boxFinishText], .plain)], footer: text[.boxFinishKeys], &screen, env)
        case .summaryPreview(let scroll):
            let box = helpBox(screen.width, screen.height)
            let lines = SummaryWriter.text(s.visit, env, at: s.clock, width: box.inner).split(separator: "\n", omittingEmptySubsequences: false)
            let first = min(scroll, max(0, lines.count - box.rows))
            drawBox(box.rect, title: text[.boxSummaryTitle], footer: text[env.kiosk ? .boxSummaryKeysPrint : .boxSummaryKeysSave], &screen, env)
            for (i, line) in lines.dropFirst(first).prefix(box.rows).enumerated() {
                screen.put(String(line), x: box.rect.x + 2, y: box.rect.y + 2 + i, style: .plain, maxWidth: box.inner)
            }
        case .adminPIN(let typed, let wrong):
            var lines: [(String, Style)] = [(text[.boxPinPrompt] + String(repeating: env.unicode ? "●" : "*", count: typed.count), Style(.input, bold: true))]
            if wrong > 0 {
                lines.append((text.plural(.boxPinWrong, Kiosk.maxTries - wrong), Style(.statusKey, bold: true)))
            }
            drawTextBox(title: text[.boxPinTitle], lines: lines, footer: text[.boxPinKeys], &screen, env)
        }
    }

    /// The help box: as wide as the terminal allows (up to 76 columns), as
    /// tall as it allows, its lines wrapped to fit; Up/Down scroll it.
    static func helpBox(_ width: Int, _ height: Int) -> (rect: Rect, inner: Int, rows: Int) {
        let boxWidth = max(10, min(76, width - 2))
        let boxHeight = max(5, height - 2)
        let rect = Rect(x: (width - boxWidth) / 2, y: max(0, (height - boxHeight) / 2), width: boxWidth, height: boxHeight)
        return (rect, boxWidth - 4, max(1, boxHeight - 4))
    }

    static func drawHelp(scroll: Int, _ screen: inout Screen, _ env: AppEnvironment) {
        let box = helpBox(screen.width, screen.height)
        let all = HelpText.lines(env, width: box.inner)
        let first = min(scroll, max(0, all.count - box.rows))
        drawBox(box.rect, title: env.store.strings[.helpTitle], footer: env.store.strings[.helpKeysClose], &screen, env)
        for (i, row) in all.dropFirst(first).prefix(box.rows).enumerated() {
            screen.put(row.0, x: box.rect.x + 2, y: box.rect.y + 2 + i, style: row.1, maxWidth: box.inner)
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
            let pieces = wrap ? TextWrap.lines(text, width: inner) : [text]
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
        let text = env.store.strings
        drawBox(rect, title: text[.searchTitle], footer: text[.searchKeys], &screen, env)
        let prompt = text[.searchPrompt]
        let x = rect.x + 2
        let used = screen.put(prompt, x: x, y: rect.y + 1, style: Style(.muted))
        let shown = String(search.query.suffix(max(1, rect.width - 6 - used)))
        let typed = screen.put(shown, x: x + used, y: rect.y + 1, style: Style(.input, bold: true))
        screen.cursor = (x: x + used + typed, y: rect.y + 1)
        let inner = rect.width - 4
        // As in `bedside search`: a better spelling is offered whenever there is one.
        if let other = search.otherLanguage {
            screen.put(other.offer, x: x, y: rect.y + 2, style: Style(.statusKey, bold: true), maxWidth: inner)
        } else if let suggestion = search.suggestion {
            screen.put(text.text(.searchDidYouMean, ["suggestion": suggestion]), x: x, y: rect.y + 2, style: Style(.statusKey, bold: true), maxWidth: inner)
        }
        if search.results.isEmpty {
            let trimmed = search.query.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty {
                screen.put(text[.searchNone], x: x, y: box.firstResultY, style: Style(.muted))
                // Next steps, so "no results" is never a dead end.
                for (i, line) in TextWrap.lines(text[.searchNextSteps], width: inner).enumerated()
                where box.firstResultY + 1 + i < rect.y + rect.height - 1 {
                    screen.put(line, x: x, y: box.firstResultY + 1 + i, style: Style(.muted), maxWidth: inner)
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
            let kind = hit.kind == .topic ? "" : "  " + text[hit.kind == .flow ? .searchKindFlow : .searchKindGlossary]
            screen.put((selected ? "> " : "  ") + hit.title + kind, x: x, y: y, style: titleStyle, maxWidth: inner)
            drawSnippet(hit, x: x + 2, y: y + 1, width: inner - 2, unicode: env.unicode, &screen)
        }
    }

    /// The snippet on one line, its matched words highlighted.
    static func drawSnippet(_ hit: SearchHit, x: Int, y: Int, width: Int, unicode: Bool, _ screen: inout Screen) {
        var column = 0
        let ellipsis = unicode ? "…" : "..."
        let total = DisplayWidth.of(hit.snippet)
        // A cut snippet ends with an ellipsis, so the reader knows there is more.
        let room = total > width ? max(0, width - DisplayWidth.of(ellipsis)) : width
        for (offset, ch) in hit.snippet.enumerated() {
            let w = DisplayWidth.of(ch)
            if column + w > room {
                screen.put(ellipsis, x: x + column, y: y, style: Style(.muted))
                break
            }
            let highlighted = hit.highlights.contains { $0.contains(offset) }
            screen.put(String(ch), x: x + column, y: y, style: highlighted ? Style(.match, bold: true) : Style(.muted))
            column += w
        }
    }
}
