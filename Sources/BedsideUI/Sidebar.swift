import BedsideContent

/// The sections-and-topics tree on the left.
public enum SidebarRow: Equatable, Sendable {
    case page(Page)
    case section(String)
    case topic(String)
}

enum Sidebar {
    static func rows(_ state: AppState, _ env: AppEnvironment) -> [SidebarRow] {
        env.sidebar.tree(open: state.sidebar.expanded, env).rows
    }

    /// The columns the sidebar wants: its widest section or page label, with
    /// the marker and a space each side. Topic titles are not counted: they
    /// are long, and a cut topic title still reads.
    static func contentWidth(_ env: AppEnvironment) -> Int {
        let sections = env.store.manifest.sections.map { DisplayWidth.of($0.title) + 2 }
        let pages = [Page.home, .flowPicker, .glossaryIndex, .walkthroughPicker].map { DisplayWidth.of(Pages.title($0, env)) }
        return (sections + pages).max().map { $0 + 2 } ?? Frame.sidebarWidth
    }

    static func label(_ row: SidebarRow, _ state: AppState, _ env: AppEnvironment) -> String {
        switch row {
        case .page(let page): return Pages.title(page, env)
        case .section(let id):
            let open = state.sidebar.expanded.contains(id)
            let marker = env.unicode ? (open ? "▾ " : "▸ ") : (open ? "- " : "+ ")
            return marker + (env.store.section(id)?.title ?? id)
        case .topic(let id): return "  " + (env.sidebar.tree(open: state.sidebar.expanded, env).titles[id] ?? env.store.topic(id)?.title ?? id)
        }
    }

    /// Keys while the sidebar has focus.
    static func handle(_ key: Key, _ s: inout AppState, _ env: AppEnvironment) {
        let rows = rows(s, env)
        guard !rows.isEmpty else { return }
        s.sidebar.cursor = min(s.sidebar.cursor, rows.count - 1)
        let row = rows[s.sidebar.cursor]
        switch key {
        case .up, .char("k"): s.sidebar.cursor = max(0, s.sidebar.cursor - 1)
        case .down, .char("j"): s.sidebar.cursor = min(rows.count - 1, s.sidebar.cursor + 1)
        case .home, .char("g"): s.sidebar.cursor = 0
        case .end, .char("G"): s.sidebar.cursor = rows.count - 1
        case .right, .char("l"):
            if case .section(let id) = row { s.sidebar.expanded.insert(id) }
        case .left, .char("h"):
            switch row {
            case .section(let id): s.sidebar.expanded.remove(id)
            case .topic(let id):
                // Jump to the topic's section, like a file tree.
                if let section = env.store.topic(id)?.section, let index = rows.firstIndex(of: .section(section)) {
                    s.sidebar.cursor = index
                }
            case .page: break
            }
        case .enter, .char(" "):
            activate(row, &s, env)
        case .escape, .tab, .char("s"):
            s.sidebar.focused = false
        default:
            break
        }
        keepCursorVisible(&s)
    }

    static func activate(_ row: SidebarRow, _ s: inout AppState, _ env: AppEnvironment) {
        switch row {
        case .section(let id):
            if s.sidebar.expanded.contains(id) { s.sidebar.expanded.remove(id) } else { s.sidebar.expanded.insert(id) }
        case .topic(let id):
            s.go(to: .topic(id), env)
            s.sidebar.focused = false
        case .page(let page):
            s.go(to: page, env)
            s.sidebar.focused = false
        }
    }

    static func keepCursorVisible(_ s: inout AppState) {
        guard let rect = s.frame.sidebar, rect.height > 0 else { return }
        if s.sidebar.cursor < s.sidebar.scroll { s.sidebar.scroll = s.sidebar.cursor }
        if s.sidebar.cursor >= s.sidebar.scroll + rect.height { s.sidebar.scroll = s.sidebar.cursor - rect.height + 1 }
    }
}

/// The sidebar's rows, and the titles of the topics listed, for one set of
/// open sections. Every frame and key asks for them, and they only change
/// when a section opens or closes; making them lists every topic of the
/// library by section (10,000 in a health system's pack), so the last set is
/// kept. The content never changes under an environment, so this changes no
/// answer.
final class SidebarTree: @unchecked Sendable {
    struct Tree {
        var rows: [SidebarRow]
        var titles: [String: String]
    }
    /// A few sets, not one: the kiosk monkey draws one state while the next
    /// are made, and their open sections can differ.
    private let trees = LeastRecentlyUsed<Set<String>, Tree>(capacity: 4)

    func tree(open: Set<String>, _ env: AppEnvironment) -> Tree {
        trees.value(open) {
            var tree = Tree(rows: [.page(.home)], titles: [:])
            let heads = open.isEmpty ? [] : env.store.topicHeads
            for section in env.store.manifest.sections {
                tree.rows.append(.section(section.id))
                guard open.contains(section.id) else { continue }
                for head in heads where head.section == section.id {
                    tree.rows.append(.topic(head.id))
                    tree.titles[head.id] = head.title
                }
            }
            if env.store.hasFlowFiles { tree.rows.append(.page(.flowPicker)) }
            if !env.store.glossary.isEmpty { tree.rows.append(.page(.glossaryIndex)) }
            if env.store.hasWalkthroughFiles { tree.rows.append(.page(.walkthroughPicker)) }
            return tree
        }
    }
}
