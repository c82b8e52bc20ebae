/// Makes text from content files and file names safe to print to a terminal.
///
/// A content file can hold bytes that a terminal obeys rather than shows: ESC
/// starts escape sequences (OSC 52 writes the clipboard, OSC 8 hides a link
/// target, CSI 2J clears the screen), BEL rings, C1 controls are 8-bit escapes,
/// and bidi overrides make text read differently from what it is. None of them
/// is ever part of a patient text, so every such character is replaced by a
/// visible stand-in (`^[` for ESC, `<U+202E>` for a bidi override): the reader
/// sees that something odd is there, and the terminal obeys nothing.
public enum TerminalSafe {
    /// True for the characters `clean` replaces: C0 controls except newline
    /// and tab, DEL, C1 controls, and the bidi embedding, override, isolate
    /// and mark characters.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return isBidi(scalar)
        }
    }

    /// True for the bidi controls among them (embeddings, overrides,
    /// isolates, marks): they reorder text rather than drive the terminal.
    public static func isBidi(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
        default: return false
        }
    }

    /// The text with every unsafe character replaced by its visible form.
    /// A carriage return before a newline (a file saved with Windows line
    /// endings) is dropped: the line ends the same. A lone one would move the
    /// cursor back over text already shown, so it becomes `^M`.
    /// Text without any (nearly all of it) is returned unchanged, without copying.
    public static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            if scalar == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" { continue }
            if isUnsafe(scalar) {
                out.append(contentsOf: visible(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Caret notation for C0 controls and DEL (`^[`, `^G`, `^?`), as `cat -v`
    /// shows them; `<U+XXXX>` for C1 and bidi characters.
    public static func visible(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x00...0x1F: return "^" + String(Unicode.Scalar(UInt8(scalar.value) + 0x40))
        case 0x7F: return "^?"
        default: return "<\(codePoint(scalar))>"
        }
    }

    /// `U+001B`: how diagnostics name a character.
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// JSON that is still valid JSON but carries no raw C1, DEL or bidi
    /// character: JSONEncoder escapes C0 controls itself but writes these as
    /// they are. Outside strings JSON is plain ASCII, so every such character
    /// is inside a string, where `\uXXXX` means the same character.
    public static func escapeJSON(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: isUnsafe) else { return json }
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if isUnsafe(scalar) {
                let hex = String(scalar.value, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Where each unsafe character is in `text`, as (line, column, character),
    /// lines and columns 1-based (columns count Unicode scalars), for `check`.
    /// `firstLine` is the file line `text` starts on. A carriage return that
    /// ends a line (Windows line endings) is not reported.
    public static func findUnsafe(in text: String, firstLine: Int = 1) -> [(line: Int, column: Int, scalar: Unicode.Scalar)] {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return [] }
        var found: [(line: Int, column: Int, scalar: Unicode.Scalar)] = []
        var line = firstLine, column = 1
        let scalars = Array(text.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            if scalar == "\n" {
                line += 1
                column = 1
                continue
            }
            let endsLine = scalar == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n"
            if isUnsafe(scalar) && !endsLine { found.append((line, column, scalar)) }
            column += 1
        }
        return found
    }
}
