/// Where each pane sits for a given terminal size. `update` (page sizes,
/// mouse hits) and `render` use the same frame, so they always agree.
public struct Rect: Equatable, Sendable {
    public var x, y, width, height: Int
    func contains(_ px: Int, _ py: Int) -> Bool { px >= x && px < x + width && py >= y && py < y + height }
}

public struct Frame: Equatable, Sendable {
    public static let minWidth = 40
    public static let minHeight = 12
    /// The sidebar's width when its content is not known yet.
    public static let sidebarWidth = 28
    /// The sidebar fits its labels within this range, and takes at most a
    /// third of the window, so the text keeps a comfortable width.
    public static let sidebarRange = 20...34
    /// Below this width a page with a table hides the sidebar (unless the user
    /// asked for it): the table needs the columns more.
    public static let tableWidth = 110
    /// Below this width the sidebar hides itself unless the user asks for it.
    public static let sidebarAutoWidth = 70
    /// A comfortable reading measure, even on wide screens.
    public static let maxTextWidth = 80

    public let width: Int
    public let height: Int
    public let tooSmall: Bool
    public let sidebar: Rect?
    public let reader: Rect
    /// The text column inside the reader.
    public let text: Rect

    /// - Parameter focusPage: a flow or walkthrough screen, which takes the
    ///   whole width unless the user asked for the sidebar.
    init(width: Int, height: Int, sidebar state: SidebarState, focusPage: Bool = false) {
        self.width = width
        self.height = height
        tooSmall = width < Frame.minWidth || height < Frame.minHeight
        let bodyHeight = max(0, height - 2)          // header row and status row
        let showSidebar = state.userVisible
            ?? (width >= Frame.sidebarAutoWidth && !focusPage && !(state.pageHasTable && width < Frame.tableWidth))
        if showSidebar && !tooSmall {
            let fitted = min(max(state.contentWidth, Frame.sidebarRange.lowerBound), Frame.sidebarRange.upperBound)
            let w = min(fitted, max(Frame.sidebarRange.lowerBound, width / 3), width / 2)
            sidebar = Rect(x: 0, y: 1, width: w, height: bodyHeight)
            reader = Rect(x: w + 1, y: 1, width: max(0, width - w - 1), height: bodyHeight)
        } else {
            sidebar = nil
            reader = Rect(x: 0, y: 1, width: width, height: bodyHeight)
        }
        let textWidth = max(1, min(Frame.maxTextWidth, reader.width - 4))
        text = Rect(x: reader.x + 2, y: reader.y, width: textWidth, height: reader.height)
    }
}

extension AppState {
    public var frame: Frame { Frame(width: width, height: height, sidebar: sidebar, focusPage: location.page.isFocusPage) }
}
