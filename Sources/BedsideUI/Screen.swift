/// What a cell means, not how it looks: a theme turns roles into colours and
/// attributes, so monochrome and high-contrast themes need no other code.
public enum Role: UInt8, Hashable, Sendable, CaseIterable {
    case text, muted, title, heading, link, selection, glossary, code, quote, border
    case statusBar, statusKey, match, emergency, warning, tip, note, routine, input
}

public struct Style: Hashable, Sendable {
    public var role: Role
    public var bold: Bool
    public var italic: Bool
    public var underline: Bool
    public var reverse: Bool

    public init(_ role: Role = .text, bold: Bool = false, italic: Bool = false, underline: Bool = false, reverse: Bool = false) {
        self.role = role
        self.bold = bold
        self.italic = italic
        self.underline = underline
        self.reverse = reverse
    }

    public static let plain = Style()
}

/// One terminal cell. A wide character fills its cell and marks the next one
/// as a continuation (`text` empty, `width` 0), as terminals do.
///
/// The character is kept as up to four Unicode scalars, in place: a cell is
/// then plain bytes, so a screen of thousands of cells is made, copied and
/// freed without touching a reference count (a third of drawing time went to
/// that when each cell held a String). Four scalars hold everything a
/// terminal cell can show (a letter, its marks, a variation selector); a
/// longer emoji sequence keeps its first four, and only the first is drawn.
public struct Cell: Equatable, Sendable {
    private var scalars: (UInt32, UInt32, UInt32, UInt32)
    public var width: UInt8
    public var style: Style

    public init(text: String, width: UInt8, style: Style) {
        var packed: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
        var i = 0
        for scalar in text.unicodeScalars {
            switch i {
            case 0: packed.0 = scalar.value
            case 1: packed.1 = scalar.value
            case 2: packed.2 = scalar.value
            case 3: packed.3 = scalar.value
            default: break
            }
            i += 1
            if i == 4 { break }
        }
        self.init(scalars: packed, width: width, style: style)
    }

    init(scalars: (UInt32, UInt32, UInt32, UInt32), width: UInt8, style: Style) {
        self.scalars = scalars
        self.width = width
        self.style = style
    }

    /// One ASCII character (the fast path of `Screen.put`).
    init(ascii byte: UInt8, style: Style) {
        self.init(scalars: (UInt32(byte), 0, 0, 0), width: 1, style: style)
    }

    public var text: String {
        var out = String.UnicodeScalarView()
        for value in [scalars.0, scalars.1, scalars.2, scalars.3] {
            guard value != 0, let scalar = Unicode.Scalar(value) else { break }
            out.append(scalar)
        }
        return String(out)
    }

    public static func == (a: Cell, b: Cell) -> Bool {
        a.scalars == b.scalars && a.width == b.width && a.style == b.style
    }

    public static let blank = Cell(ascii: 0x20, style: .plain)
    static let continuation = Cell(text: "", width: 0, style: .plain)
}

/// A grid of cells: what `render` produces and the terminal backend draws.
/// Writes outside the grid are clipped, never a crash, so any size works.
public struct Screen: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should sit (for text input), if anywhere.
    public var cursor: (x: Int, y: Int)?
    /// Whether a wide character (two cells) was ever written: until one is,
    /// no write can split one, and most frames (all ASCII and box lines)
    /// skip the check for every cell.
    private var hasWide = false

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public static func == (a: Screen, b: Screen) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells && a.cursor?.x == b.cursor?.x && a.cursor?.y == b.cursor?.y
    }

    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < width, y < height else { return .blank }
        return cells[y * width + x]
    }

    /// Writes `text` at (x, y), clipped to `maxWidth` columns and the screen.
    /// Returns the number of columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var column = x
        // Most text is ASCII: an ASCII byte followed by another ASCII byte (or
        // the end) is a whole character of one cell, drawn without grapheme
        // breaking or the width table; only the rest ("▸", "í") is taken a
        // character at a time (a mark or joiner after a letter is never ASCII).
        let bytes = text.utf8
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let byte = bytes[i]
            let next = bytes.index(after: i)
            if byte < 0x80 && (next == bytes.endIndex || bytes[next] < 0x80) {
                i = next
                guard byte >= 0x20 && byte != 0x7F else { continue }
                if column + 1 > limit { break }
                if column >= 0 {
                    clearWide(at: column, y)
                    cells[y * width + column] = Cell(ascii: byte, style: style)
                }
                column += 1
                continue
            }
            let ch = text[i]
            i = text.index(after: i)
            let w = DisplayWidth.of(ch)
            if w == 0 { continue }
            if column + w > limit { break }
            if column >= 0 {
                clearWide(at: column, y)
                cells[y * width + column] = Cell(text: String(ch), width: UInt8(w), style: style)
                if w == 2 {
                    hasWide = true
                    clearWide(at: column + 1, y)
                    cells[y * width + column + 1] = Cell(text: "", width: 0, style: style)
                }
            }
            column += w
        }
        return max(0, column - x)
    }

    /// Puts one cell of width 1 (a border), clipped like `put`.
    public mutating func set(_ cell: Cell, x: Int, y: Int) {
        guard x >= 0, y >= 0, x < width, y < height, cell.width == 1 else { return }
        clearWide(at: x, y)
        cells[y * width + x] = cell
    }

    /// Before overwriting half of a wide character, blank its other half.
    private mutating func clearWide(at x: Int, _ y: Int) {
        guard hasWide, x >= 0, x < width else { return }
        let cell = cells[y * width + x]
        if cell.width == 2, x + 1 < width { cells[y * width + x + 1] = .blank }
        if cell.width == 0, x > 0 { cells[y * width + x - 1] = .blank }
    }

    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: Style) {
        for row in max(0, y)..<min(height, y + h) {
            for col in max(0, x)..<min(width, x + w) {
                cells[row * width + col] = Cell(ascii: 0x20, style: style)
            }
        }
    }

    /// Changes the style of cells already drawn (for highlights and selection).
    public mutating func restyle(x: Int, y: Int, width w: Int, _ change: (inout Style) -> Void) {
        guard y >= 0, y < height else { return }
        for col in max(0, x)..<min(width, x + w) {
            change(&cells[y * width + col].style)
        }
    }

    /// The screen as text, one line per row, trailing spaces removed: for
    /// golden files and assertions.
    public var text: String {
        (0..<height).map { row in line(row) }.joined(separator: "\n")
    }

    /// Whether some row shows `needle` (which has no line break), without
    /// making the whole screen's text.
    public func shows(_ needle: String) -> Bool {
        (0..<height).contains { line($0).contains(needle) }
    }

    public func line(_ row: Int) -> String {
        guard row >= 0, row < height else { return "" }
        var out = ""
        for col in 0..<width { out += cells[row * width + col].text }
        while out.hasSuffix(" ") { out.removeLast() }
        return out
    }
}
