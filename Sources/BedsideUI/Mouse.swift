/// Clicks select and open; the wheel scrolls. Clicks anywhere else do nothing.
extension AppState {
    mutating func handleMouse(x: Int, y: Int, action: MouseAction, _ env: AppEnvironment) {
        let frame = self.frame
        guard !frame.tooSmall else { return }
        switch action {
        case .wheelUp, .wheelDown:
            let step = action == .wheelUp ? -3 : 3
            if let rect = frame.sidebar, rect.contains(x, y) {
                let rows = Sidebar.rows(self, env).count
                sidebar.scroll = min(max(0, sidebar.scroll + step), max(0, rows - rect.height))
            } else if overlay == nil {
                scroll(by: step, env)
            }
        case .press:
            message = nil
            if case .search(var search) = overlay {
                // Results are drawn two rows each, below the query line.
                let box = SearchBox(state: self)
                if let row = box.resultIndex(atY: y, x: x), row < search.results.count {
                    search.selected = row
                    overlay = nil
                    open(search.results[row], env)
                }
                return
            }
            if overlay != nil { return }
            if let rect = frame.sidebar, rect.contains(x, y) {
                let rows = Sidebar.rows(self, env)
                let index = sidebar.scroll + (y - rect.y)
                guard index < rows.count else { return }
                sidebar.cursor = index
                Sidebar.activate(rows[index], &self, env)
                return
            }
            guard frame.text.contains(x, y) || frame.reader.contains(x, y) else { return }
            let line = location.scroll + (y - frame.text.y), column = x - frame.text.x
            let layout = layout(env)
            if let index = layout.links.firstIndex(where: { $0.pieces.contains { $0.line == line && column >= $0.column && column < $0.column + $0.width } }) {
                location.selectedLink = index
                follow(layout.links[index].target, env)
            } else if let mark = layout.glossaryMarks.first(where: { $0.line == line && column >= $0.column && column < $0.column + $0.width }) {
                overlay = .definition(termID: mark.termID)
            }
        case .other:
            break
        }
    }
}
