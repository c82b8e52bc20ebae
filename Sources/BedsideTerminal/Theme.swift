import BedsideUI
import CCurses

/// Turns the UI's roles into curses colour pairs and attributes.
public enum ThemeName: String, CaseIterable, Sendable {
    case `default`, highContrast = "high-contrast", monochrome
}

struct Theme {
    /// Foreground, background (-1 = the terminal's default) and attributes per role.
    struct Look {
        var fg: Int16
        var bg: Int16
        var attrs: attr_t
    }
    let name: ThemeName
    let colors: Bool
    private var looks: [Role: Look] = [:]
    private var pairs: [Role: Int16] = [:]

    init(_ name: ThemeName) {
        self.name = name
        colors = name != .monochrome && has_colors()
        let bold = bedside_a_bold(), under = bedside_a_underline(), rev = bedside_a_reverse(), dim = bedside_a_dim()
        let none = bedside_a_normal()
        let d: Int16 = -1
        let (black, red, green, yellow, blue, magenta, cyan, white) = (Int16(COLOR_BLACK), Int16(COLOR_RED), Int16(COLOR_GREEN),
            Int16(COLOR_YELLOW), Int16(COLOR_BLUE), Int16(COLOR_MAGENTA), Int16(COLOR_CYAN), Int16(COLOR_WHITE))
        switch name {
        case .default:
            looks = [
                .text: Look(fg: d, bg: d, attrs: none), .muted: Look(fg: d, bg: d, attrs: dim),
                .title: Look(fg: cyan, bg: d, attrs: bold), .heading: Look(fg: yellow, bg: d, attrs: bold),
                .link: Look(fg: cyan, bg: d, attrs: under), .selection: Look(fg: black, bg: cyan, attrs: bold),
                .glossary: Look(fg: green, bg: d, attrs: under), .code: Look(fg: green, bg: d, attrs: none),
                .quote: Look(fg: d, bg: d, attrs: dim), .border: Look(fg: blue, bg: d, attrs: none),
                .statusBar: Look(fg: white, bg: blue, attrs: none), .statusKey: Look(fg: yellow, bg: blue, attrs: bold),
                .match: Look(fg: black, bg: yellow, attrs: none), .emergency: Look(fg: red, bg: d, attrs: bold),
                .warning: Look(fg: yellow, bg: d, attrs: bold), .tip: Look(fg: green, bg: d, attrs: none),
                .note: Look(fg: cyan, bg: d, attrs: none), .routine: Look(fg: green, bg: d, attrs: none),
                .input: Look(fg: d, bg: d, attrs: bold),
            ]
        case .highContrast:
            looks = [
                .text: Look(fg: white, bg: black, attrs: none), .muted: Look(fg: white, bg: black, attrs: none),
                .title: Look(fg: yellow, bg: black, attrs: bold), .heading: Look(fg: yellow, bg: black, attrs: bold),
                .link: Look(fg: cyan, bg: black, attrs: bold | under), .selection: Look(fg: black, bg: yellow, attrs: bold),
                .glossary: Look(fg: white, bg: black, attrs: bold | under), .code: Look(fg: white, bg: black, attrs: bold),
                .quote: Look(fg: white, bg: black, attrs: none), .border: Look(fg: white, bg: black, attrs: bold),
                .statusBar: Look(fg: black, bg: white, attrs: bold), .statusKey: Look(fg: black, bg: yellow, attrs: bold),
                .match: Look(fg: black, bg: yellow, attrs: bold), .emergency: Look(fg: white, bg: red, attrs: bold),
                .warning: Look(fg: black, bg: yellow, attrs: bold), .tip: Look(fg: white, bg: black, attrs: bold),
                .note: Look(fg: white, bg: black, attrs: bold), .routine: Look(fg: white, bg: black, attrs: bold),
                .input: Look(fg: yellow, bg: black, attrs: bold),
            ]
            _ = magenta
        case .monochrome:
            looks = [
                .title: Look(fg: d, bg: d, attrs: bold), .heading: Look(fg: d, bg: d, attrs: bold),
                .link: Look(fg: d, bg: d, attrs: under), .selection: Look(fg: d, bg: d, attrs: rev | bold),
                .glossary: Look(fg: d, bg: d, attrs: under), .muted: Look(fg: d, bg: d, attrs: dim),
                .statusBar: Look(fg: d, bg: d, attrs: rev), .statusKey: Look(fg: d, bg: d, attrs: rev | bold),
                .match: Look(fg: d, bg: d, attrs: rev | bold), .emergency: Look(fg: d, bg: d, attrs: rev | bold),
                .warning: Look(fg: d, bg: d, attrs: bold | under), .input: Look(fg: d, bg: d, attrs: bold),
            ]
        }
        if colors {
            start_color()
            use_default_colors()
            var next: Int16 = 1
            for role in Role.allCases {
                let look = looks[role] ?? Look(fg: d, bg: d, attrs: none)
                init_pair(next, look.fg, look.bg)
                pairs[role] = next
                next += 1
            }
        }
    }

    /// The attributes and colour pair for a cell's style.
    func resolve(_ style: Style) -> (attr_t, Int16) {
        var attrs = looks[style.role]?.attrs ?? bedside_a_normal()
        if style.bold { attrs |= bedside_a_bold() }
        if style.underline { attrs |= bedside_a_underline() }
        if style.italic { attrs |= bedside_a_italic() }
        if style.reverse { attrs |= bedside_a_reverse() }
        return (attrs, colors ? (pairs[style.role] ?? 0) : 0)
    }
}
