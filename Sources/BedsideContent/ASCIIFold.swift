import Foundation

/// Folds text to plain ASCII, for `bedside read`, which promises ASCII only
/// (screen readers, scripts and terminals without UTF-8).
public enum ASCIIFold {
    /// Typographic characters and their ASCII spelling. `read` folds before
    /// layout, so a longer spelling ("..." for the ellipsis) still wraps exactly.
    static let table: [Unicode.Scalar: String] = [
        "\u{2018}": "'", "\u{2019}": "'", "\u{201A}": "'", "\u{201B}": "'", "\u{2032}": "'",
        "\u{201C}": "\"", "\u{201D}": "\"", "\u{201E}": "\"", "\u{2033}": "\"",
        "\u{2010}": "-", "\u{2011}": "-", "\u{2012}": "-", "\u{2013}": "-", "\u{2014}": "-", "\u{2015}": "-", "\u{2212}": "-",
        "\u{00A0}": " ", "\u{2002}": " ", "\u{2003}": " ", "\u{2009}": " ", "\u{202F}": " ",
        "\u{2022}": "*", "\u{00B7}": ".", "\u{00D7}": "x", "\u{2026}": "...",
    ]

    /// The text in ASCII: unsafe terminal characters made visible first
    /// (TerminalSafe), typographic quotes, dashes and spaces as their ASCII
    /// forms, accented letters without their accents, anything else as `?`.
    public static func fold(_ text: String) -> String {
        let safe = TerminalSafe.clean(text)
        guard !safe.unicodeScalars.allSatisfy(\.isASCII) else { return safe }
        var out = ""
        for character in safe {
            if character.isASCII {
                out.append(character)
                continue
            }
            if let first = character.unicodeScalars.first, character.unicodeScalars.count == 1, let ascii = table[first] {
                out += ascii
                continue
            }
            // é is e + a combining accent once decomposed: keep the letter.
            let base = String(character).decomposedStringWithCanonicalMapping.unicodeScalars.filter(\.isASCII)
            out += base.isEmpty ? "?" : String(String.UnicodeScalarView(base))
        }
        return out
    }
}
